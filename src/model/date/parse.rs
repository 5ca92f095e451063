//! What the user may type for a date, a span or a moment: `2026-11-20`,
//! `today`/今天, `+3d`, `+5wd`, `fri`/周五, `2026-11-20 09:30`. Input only:
//! the stored forms are read in the parent module.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

use super::{Moment, When, WorkingDays, add_working_days};

/// A date expression that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    pub input: String,
    /// `None` for an unreadable form; `Some` for a readable but unsupported one.
    pub reason: Option<DateTrouble>,
}

/// Why a readable date expression cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTrouble {
    /// The result falls outside the calendar's range.
    OutOfRange,
    /// Working days (`+5wd`) where no calendar is available.
    NoCalendar,
    /// A wall-clock time skipped in this time zone.
    NoSuchTime,
}

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Some(reason) => write!(f, "cannot use the date '{}': {reason:?}", self.input),
            None => write!(
                f,
                "cannot read the date '{}'; accepted: {}",
                self.input, DATE_FORMS
            ),
        }
    }
}

impl std::error::Error for BadDate {}

/// The accepted date forms, for messages.
pub const DATE_FORMS: &str = "YYYY-MM-DD, today, tomorrow, yesterday, +3d, -2d, +2w, +1m, +5wd, \
     a weekday name (fri = the next Friday), or YYYY-MM-DD HH:MM where a time is wanted";

/// Parses a date expression relative to `today`.
///
/// `calendar` answers `+Nwd`; pass `None` where no calendar is available,
/// and `+Nwd` is then refused rather than guessed.
pub fn parse_date(
    input: &str,
    today: Date,
    calendar: Option<&dyn WorkingDays>,
) -> Result<Date, BadDate> {
    let bad = || BadDate {
        input: input.to_string(),
        reason: None,
    };
    let text = input.trim();
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        "today" | "今天" | "今日" => return Ok(today),
        "tomorrow" | "明天" | "明日" => return today.tomorrow().map_err(|_| bad()),
        "yesterday" | "昨天" | "昨日" => return today.yesterday().map_err(|_| bad()),
        _ => {}
    }
    if let Some(weekday) = parse_weekday(&lower) {
        return today.nth_weekday(1, weekday).map_err(|_| bad());
    }
    if lower.starts_with('+') || lower.starts_with('-') {
        let offset = parse_offset(&lower).ok_or_else(bad)?;
        return offset.apply(today, calendar).map_err(|reason| BadDate {
            input: input.to_string(),
            reason: Some(reason),
        });
    }
    parse_iso_date(text).ok_or_else(bad)
}

/// Reads exactly `YYYY-MM-DD` (also `YYYY/MM/DD`, common in spreadsheets).
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let normal = text.replace('/', "-");
    let mut parts = normal.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || m.is_empty()
        || d.is_empty()
        || m.len() > 2
        || d.len() > 2
    {
        return None;
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn parse_weekday(lower: &str) -> Option<Weekday> {
    use Weekday::*;
    let day = match lower {
        "mon" | "monday" | "周一" | "星期一" => Monday,
        "tue" | "tues" | "tuesday" | "周二" | "星期二" => Tuesday,
        "wed" | "wednesday" | "周三" | "星期三" => Wednesday,
        "thu" | "thur" | "thurs" | "thursday" | "周四" | "星期四" => Thursday,
        "fri" | "friday" | "周五" | "星期五" => Friday,
        "sat" | "saturday" | "周六" | "星期六" => Saturday,
        "sun" | "sunday" | "周日" | "周天" | "星期日" | "星期天" => Sunday,
        _ => return None,
    };
    Some(day)
}

/// A signed distance in days, weeks, months or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub amount: i64,
    pub unit: SpanUnit,
}

/// The unit of a relative date or a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanUnit {
    Days,
    Weeks,
    Months,
    WorkingDays,
}

/// Reads `+3d`, `-2w`, `3d`, `1m`, `5wd`.
fn parse_offset(lower: &str) -> Option<Shift> {
    let (sign, rest) = match lower.as_bytes().first()? {
        b'+' => (1, &lower[1..]),
        b'-' => (-1, &lower[1..]),
        _ => (1, lower),
    };
    let digits_end = rest.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 6 {
        return None;
    }
    let amount: i64 = rest[..digits_end].parse().ok()?;
    let unit = match &rest[digits_end..] {
        "d" | "day" | "days" | "天" => SpanUnit::Days,
        "w" | "week" | "weeks" | "周" => SpanUnit::Weeks,
        "m" | "month" | "months" | "个月" | "月" => SpanUnit::Months,
        "wd" | "workday" | "workdays" | "工作日" => SpanUnit::WorkingDays,
        _ => return None,
    };
    Some(Shift {
        amount: sign * amount,
        unit,
    })
}

impl Shift {
    /// Moves `from` by this offset.
    pub fn apply(
        self,
        from: Date,
        calendar: Option<&dyn WorkingDays>,
    ) -> Result<Date, DateTrouble> {
        let out_of_range = |_: jiff::Error| DateTrouble::OutOfRange;
        match self.unit {
            SpanUnit::Days => from.checked_add(self.amount.days()).map_err(out_of_range),
            SpanUnit::Weeks => from.checked_add(self.amount.weeks()).map_err(out_of_range),
            SpanUnit::Months => from.checked_add(self.amount.months()).map_err(out_of_range),
            SpanUnit::WorkingDays => {
                let calendar = calendar.ok_or(DateTrouble::NoCalendar)?;
                add_working_days(from, self.amount, calendar).ok_or(DateTrouble::OutOfRange)
            }
        }
    }
}

/// A span such as `3d`, `2w`, `1m` (for `--within`, `--due-within`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(Shift);

impl Span {
    pub fn days(n: i64) -> Span {
        Span(Shift {
            amount: n,
            unit: SpanUnit::Days,
        })
    }

    /// Reads a span; a bare number means days.
    pub fn parse(input: &str) -> Option<Span> {
        let lower = input.trim().to_ascii_lowercase();
        if let Ok(n) = lower.parse::<i64>() {
            return (n >= 0).then(|| Span::days(n));
        }
        let offset = parse_offset(&lower)?;
        (offset.amount >= 0).then_some(Span(offset))
    }

    /// The last date inside the span counted from `today`.
    pub fn end(self, today: Date, calendar: Option<&dyn WorkingDays>) -> Result<Date, DateTrouble> {
        self.0.apply(today, calendar)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.0.unit {
            SpanUnit::Days => "d",
            SpanUnit::Weeks => "w",
            SpanUnit::Months => "m",
            SpanUnit::WorkingDays => "wd",
        };
        write!(f, "{}{unit}", self.0.amount)
    }
}

impl When {
    /// Reads a date expression, or `YYYY-MM-DD HH:MM[:SS]` for a moment in `tz`.
    pub fn parse(
        input: &str,
        today: Date,
        tz: &TimeZone,
        calendar: Option<&dyn WorkingDays>,
    ) -> Result<When, BadDate> {
        let text = input.trim();
        if let Some(moment) = Moment::parse_rfc3339(text) {
            return Ok(When::Moment(moment));
        }
        if let Some((day, time)) = text.split_once([' ', 'T']) {
            let date = parse_iso_date(day);
            let time = parse_time(time.trim());
            if let (Some(date), Some(time)) = (date, time) {
                let datetime = date.to_datetime(time);
                let zoned = tz
                    .to_ambiguous_zoned(datetime)
                    .compatible()
                    .map_err(|_| BadDate {
                        input: input.to_string(),
                        reason: Some(DateTrouble::NoSuchTime),
                    })?;
                return Ok(When::Moment(Moment {
                    datetime,
                    offset: zoned.offset(),
                }));
            }
        }
        parse_date(text, today, calendar).map(When::Date)
    }
}

fn parse_time(text: &str) -> Option<Time> {
    let mut parts = text.split(':');
    let h: i8 = parts.next()?.parse().ok()?;
    let m: i8 = parts.next()?.parse().ok()?;
    let s: i8 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(h, m, s, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{PlainWeek, days_between};
    use proptest::prelude::*;

    fn today() -> Date {
        Date::constant(2026, 11, 23) // a Monday
    }

    fn parse(s: &str) -> Result<Date, BadDate> {
        parse_date(s, today(), Some(&PlainWeek))
    }

    #[test]
    fn words_and_offsets() {
        assert_eq!(parse("today").unwrap(), today());
        assert_eq!(parse("Tomorrow").unwrap(), Date::constant(2026, 11, 24));
        assert_eq!(parse("yesterday").unwrap(), Date::constant(2026, 11, 22));
        assert_eq!(parse("+3d").unwrap(), Date::constant(2026, 11, 26));
        assert_eq!(parse("-2d").unwrap(), Date::constant(2026, 11, 21));
        assert_eq!(parse("+2w").unwrap(), Date::constant(2026, 12, 7));
        assert_eq!(parse("+1m").unwrap(), Date::constant(2026, 12, 23));
        assert_eq!(parse("2026-12-01").unwrap(), Date::constant(2026, 12, 1));
        assert_eq!(parse("明天").unwrap(), Date::constant(2026, 11, 24));
    }

    #[test]
    fn weekday_means_the_next_one() {
        assert_eq!(parse("fri").unwrap(), Date::constant(2026, 11, 27));
        // Today is Monday: "mon" is next week's.
        assert_eq!(parse("mon").unwrap(), Date::constant(2026, 11, 30));
        assert_eq!(parse("周五").unwrap(), Date::constant(2026, 11, 27));
    }

    #[test]
    fn working_days_skip_weekends() {
        // Mon 23 + 5 working days = Mon 30.
        assert_eq!(parse("+5wd").unwrap(), Date::constant(2026, 11, 30));
        assert_eq!(
            parse_date("+5wd", Date::constant(2026, 11, 27), Some(&PlainWeek)).unwrap(),
            Date::constant(2026, 12, 4)
        );
    }

    #[test]
    fn working_days_without_calendar_are_refused_not_guessed() {
        let err = parse_date("+5wd", today(), None).unwrap_err();
        assert!(err.reason.is_some());
    }

    #[test]
    fn bad_dates_name_input_and_forms() {
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "soon",
            "+d",
            "3x",
            "",
            "26-11-01",
            "2026-11-01-02",
        ] {
            let err = parse(bad).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(&format!("'{bad}'")), "{text}");
            assert!(text.contains("YYYY-MM-DD"), "{text}");
        }
    }

    #[test]
    fn moments_round_trip_with_offset() {
        let m = Moment::parse_rfc3339("2026-11-20T09:30:00+08:00").unwrap();
        assert_eq!(m.to_string(), "2026-11-20T09:30:00+08:00");
        let tz = TimeZone::fixed(jiff::tz::offset(8));
        let w = When::parse("2026-11-20 09:30", today(), &tz, None).unwrap();
        assert_eq!(w.to_string(), "2026-11-20T09:30:00+08:00");
        assert_eq!(w.date(), Date::constant(2026, 11, 20));
    }

    #[test]
    fn days_between_counts_calendar_days() {
        assert_eq!(days_between(today(), Date::constant(2026, 11, 20)), -3);
        assert_eq!(days_between(today(), Date::constant(2027, 1, 1)), 39);
    }

    #[test]
    fn spans() {
        assert_eq!(
            Span::parse("3d").unwrap().end(today(), None).unwrap(),
            Date::constant(2026, 11, 26)
        );
        assert_eq!(Span::parse("7").unwrap().to_string(), "7d");
        assert!(Span::parse("-3d").is_none());
        assert!(Span::parse("abc").is_none());
    }

    proptest! {
        #[test]
        fn any_iso_date_round_trips(y in 1900i16..2200, m in 1i8..=12, d in 1i8..=31) {
            if let Ok(date) = Date::new(y, m, d) {
                prop_assert_eq!(parse(&date.to_string()).unwrap(), date);
            }
        }

        #[test]
        fn offsets_agree_with_arithmetic(n in -2000i64..2000) {
            let input = format!("{n:+}d");
            let expect = today().checked_add(n.days()).unwrap();
            prop_assert_eq!(parse(&input).unwrap(), expect);
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,20}") {
            let _ = parse(&s);
            let _ = Span::parse(&s);
            let _ = Moment::parse_rfc3339(&s);
        }
    }
}
