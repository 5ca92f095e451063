//! Values typed at the command line's boundary: clap's value parsers read
//! the syntax of dates, spans and keywords as it parses, so a value that
//! cannot be read is refused naming the flag as clap names it. What only
//! the register can settle (a relative date against its calendar and
//! today) is settled later by `Ctx`, and the value keeps its flag for
//! that error too.
//!
//! A bad value is the clerk's input, not a usage error: `commands::usage`
//! takes it out of clap's error and reports it as every refusal is, in
//! the reader's language, exit 1.

use std::ffi::OsStr;

use clap::builder::TypedValueParser;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::error::{BadValue, Flag};
use taizhang_core::model::date::{self, Moment, PlainWeek, Span, When};
use taizhang_core::model::edit::split_list;
use taizhang_core::model::keyword::{self, Keyword};
use taizhang_core::model::period::Period;
use taizhang_core::model::title::check_title;
use taizhang_core::store::register::time_zone;

/// A value and the flag it was given to.
#[derive(Debug, Clone)]
pub struct Given<T> {
    pub flag: Flag,
    pub value: T,
}

/// A date expression whose syntax reads (`2026-12-01`, `12月1日`, `+3d`,
/// `-2d`, `+5wd`, `today`), to be settled against today and the
/// register's calendar (`Ctx::date`).
#[derive(Debug, Clone)]
pub struct DateExpr(pub String);

/// A date or a moment whose syntax reads (`2026-12-01 14:30`, `now`, any
/// date expression), settled by `Ctx::when`.
#[derive(Debug, Clone)]
pub struct WhenExpr(pub String);

/// A parser giving [`Given`] values: `read` checks the text, the flag is
/// the argument's.
#[derive(Clone)]
pub struct Typed<T>(fn(&str) -> Result<T, BadValue>);

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Typed<T> {
    type Value = Given<T>;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Given<T>, clap::Error> {
        let read = self.0;
        // clap's own parser of a function keeps the `BadValue` as the
        // error's source, and the flag and value in its context.
        let value = (move |text: &str| read(text)).parse_ref(cmd, arg, value)?;
        Ok(Given {
            flag: Flag::of(arg),
            value,
        })
    }
}

/// The day syntax is checked against: in a leap year, so that `2月29日`
/// reads whatever today is.
fn reference() -> Date {
    jiff::civil::date(2024, 1, 1)
}

/// A date expression (`--due`, `--since` …).
pub fn date() -> Typed<DateExpr> {
    Typed(|text| {
        match date::parse_date(text, reference(), Some(&PlainWeek)) {
            Err(bad) if bad.reason.is_none() => Err(BadValue::Date(bad)),
            // Readable: whether it can be used is settled against today.
            _ => Ok(DateExpr(text.to_string())),
        }
    })
}

/// A date or a moment (`--received`, `--start` …).
pub fn when() -> Typed<WhenExpr> {
    Typed(|text| {
        let now = Moment::now_on(reference(), Timestamp::UNIX_EPOCH, &TimeZone::UTC);
        match When::parse_at(text, now, &TimeZone::UTC, Some(&PlainWeek)) {
            Err(bad) if bad.reason.is_none() => Err(BadValue::Date(bad)),
            _ => Ok(WhenExpr(text.to_string())),
        }
    })
}

/// A period (`2026-Q4`, `this-month`, `2026-11-01..2026-11-30`), to be
/// settled against today (`Ctx::period`).
#[derive(Debug, Clone)]
pub struct PeriodExpr(pub String);

/// A period expression (`--period`).
pub fn period() -> Typed<PeriodExpr> {
    Typed(|text| match Period::parse(text, reference()) {
        Err(bad) => Err(BadValue::Period(bad)),
        Ok(_) => Ok(PeriodExpr(text.to_string())),
    })
}

/// Text that must say something, where a later check names its flag
/// (`meeting decide`'s text, a title once it makes a follow-up).
pub fn given_text() -> Typed<String> {
    Typed(text)
}

/// Text as typed, checked later naming its flag: a record an option
/// names (`--reply-to`), the items of a list against each other (`init
/// --units`).
pub fn given() -> Typed<String> {
    Typed(|text| Ok(text.to_string()))
}

/// A path, which the command checks on disk naming its flag.
pub fn path() -> Typed<std::path::PathBuf> {
    Typed(|text| Ok(std::path::PathBuf::from(text)))
}

/// Text that must say something: trimmed, not blank.
pub fn text(text: &str) -> Result<String, BadValue> {
    let trimmed = text.trim();
    match trimmed.is_empty() {
        true => Err(BadValue::Empty),
        false => Ok(trimmed.to_string()),
    }
}

/// An e-mail address, as `notify` will send to it: `li@example.org`.
pub fn email(given: &str) -> Result<String, BadValue> {
    let address = text(given)?;
    match address.parse::<lettre::Address>() {
        Ok(_) => Ok(address),
        Err(_) => Err(BadValue::Email(address)),
    }
}

/// A mobile number, as the chat robots @mention it: digits, perhaps a
/// leading `+`; spaces and hyphens typed between them are dropped
/// (`138-0000-0001` is `13800000001`).
pub fn mobile(given: &str) -> Result<String, BadValue> {
    let typed = text(given)?;
    let number: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = number.strip_prefix('+').unwrap_or(&number);
    match (5..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        true => Ok(number),
        false => Err(BadValue::Mobile(typed)),
    }
}

/// A title: not blank, one line, no control characters, at most 500
/// characters (`model::title`).
pub fn title(given: &str) -> Result<String, BadValue> {
    let title = text(given)?;
    match check_title(&title) {
        Some(problem) => Err(BadValue::Title(problem)),
        None => Ok(title),
    }
}

/// One occurrence of a list flag (`--to A,B`): it must name at least one
/// item, so a list given is never empty once split.
pub fn names(given: &str) -> Result<String, BadValue> {
    match split_list(given).is_empty() {
        true => Err(BadValue::Empty),
        false => Ok(given.to_string()),
    }
}

/// A time zone (`init --timezone`), as the settings write it: an IANA
/// name as the database spells it (`asia/tokyo` is `Asia/Tokyo`), a fixed
/// offset as `+05:30`.
pub fn zone(text: &str) -> Result<String, BadValue> {
    let zone = time_zone(text).ok_or_else(|| BadValue::Timezone(text.to_string()))?;
    Ok(match (zone.iana_name(), zone.to_fixed_offset()) {
        (Some(name), _) => name.to_string(),
        (None, Ok(offset)) => {
            let secs = offset.seconds();
            let sign = if secs < 0 { '-' } else { '+' };
            let abs = secs.unsigned_abs();
            format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
        }
        (None, Err(_)) => text.trim().to_string(),
    })
}

/// A span (`3d`, `2w`, `5wd`).
pub fn span() -> Typed<Span> {
    Typed(read_span)
}

/// A span, where no later error needs its flag.
pub fn read_span(text: &str) -> Result<Span, BadValue> {
    Span::parse(text).ok_or_else(|| BadValue::Span(text.to_string()))
}

/// A repeat rule (`--every month:5`); without its day, the first
/// occurrence's date gives it (`model::repeat::Given::anchored`).
pub fn every(text: &str) -> Result<taizhang_core::model::repeat::Given, BadValue> {
    taizhang_core::model::repeat::Given::parse(text).map_err(BadValue::Every)
}

/// An enumerated value: its English keyword or its Chinese word.
pub fn keyword<K: Keyword + std::str::FromStr>(text: &str) -> Result<K, BadValue> {
    keyword::parse::<K>(text).map_err(BadValue::Keyword)
}

/// The arguments whose text may run to several lines (a note, a report,
/// the text of a 拟办, 批示 or decision, minutes, a requirement), by clap's
/// id, which is the field's name in its `Args`; and `--set`, whose
/// `FIELD=VALUE` the field's own rule checks (`model::validate`). Every
/// other value is one line.
const MULTI_LINE: &[&str] = &[
    "note",
    "notes",
    "text",
    "report",
    "result",
    "requirement",
    "set",
];

/// Holds every value of the command line to the rule on text
/// (`model::title`), before any command reads one: one line, with no
/// control character, where the argument takes one line (a name, a
/// unit, `--by`, `--via`, a reason, a 文号, a title); no control character
/// but line breaks and tabs in a note; nothing that reorders or hides
/// text anywhere. One walk over what clap matched, so that no flag, old
/// or new, can be forgotten: a value that breaks a line of `show` would
/// pose there as a line of history. The error names the flag.
pub fn refuse_broken_text(
    command: &clap::Command,
    matches: &clap::ArgMatches,
) -> Result<(), crate::error::Error> {
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        let Ok(Some(values)) = matches.try_get_raw(id) else {
            continue;
        };
        let check = match MULTI_LINE.contains(&id) {
            true => taizhang_core::model::title::check_note,
            false => taizhang_core::model::title::check_line,
        };
        for value in values {
            // Text that is not UTF-8 is refused by the value's own parser.
            if let Some(problem) = value.to_str().and_then(check) {
                return Err(BadValue::Text(problem).at(Flag::of(Some(arg))));
            }
        }
    }
    match matches.subcommand() {
        Some((name, sub)) => match command.find_subcommand(name) {
            Some(sub_command) => refuse_broken_text(sub_command, sub),
            None => Ok(()),
        },
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    #[derive(Debug, clap::Parser)]
    struct Probe {
        #[arg(long, value_parser = date(), allow_hyphen_values = true)]
        due: Option<Given<DateExpr>>,
        #[arg(long, value_parser = span())]
        within: Option<Given<Span>>,
    }

    fn parse(args: &[&str]) -> Result<Probe, clap::Error> {
        let mut matches = Probe::command().try_get_matches_from(args)?;
        Probe::from_arg_matches_mut(&mut matches)
    }

    #[test]
    fn a_readable_value_keeps_the_flag_clap_names() {
        let probe = parse(&["probe", "--due", "-2d", "--within", "3d"]).unwrap();
        let due = probe.due.unwrap();
        assert_eq!(
            (due.flag.to_string(), due.value.0),
            ("--due".into(), "-2d".into())
        );
        assert_eq!(probe.within.unwrap().flag.to_string(), "--within");
        assert!(parse(&["probe", "--due", "2月29日"]).is_ok());
    }

    #[test]
    fn an_unreadable_value_is_clap_s_error_carrying_ours() {
        let error = parse(&["probe", "--due", "someday"]).unwrap_err();
        let source = std::error::Error::source(&error)
            .and_then(|s| s.downcast_ref::<BadValue>())
            .cloned();
        assert!(matches!(source, Some(BadValue::Date(_))), "{error:?}");
        assert_eq!(Flag::named_by(&error).unwrap().to_string(), "--due");
    }

    #[test]
    fn text_titles_names_and_periods_are_read_as_they_are_typed() {
        assert_eq!(text("  已制定方案 ").unwrap(), "已制定方案");
        assert!(matches!(text(" \t"), Err(BadValue::Empty)));
        assert!(matches!(title("两行\n标题"), Err(BadValue::Title(_))));
        assert!(matches!(names(" ，、"), Err(BadValue::Empty)));
        assert_eq!(mobile(" 138-0000-0001 ").unwrap(), "13800000001");
        assert_eq!(mobile("+86 13800000001").unwrap(), "+8613800000001");
        assert!(matches!(mobile("138x"), Err(BadValue::Mobile(_))));
        assert_eq!(email("li@example.org").unwrap(), "li@example.org");
        assert!(matches!(email("李明"), Err(BadValue::Email(_))));
        assert_eq!(names("张三，李四").unwrap(), "张三，李四");
        let period = period();
        let parse = period.0;
        assert!(parse("2026-Q4").is_ok() && parse("this-month").is_ok());
        assert!(matches!(parse("someday"), Err(BadValue::Period(_))));
    }
}
