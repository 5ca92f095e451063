//! What the user may type for a date, a span or a moment: `2026-11-20`,
//! `today`/今天, `+3d`, `+5wd`, `fri`/周五, `2026-11-20 09:30`, and the
//! forms a clerk types with a Chinese input method: `12月10日`,
//! `2026年12月10日`, full-width digits (`２０２６-１２-１０`), `本周五`,
//! `下周五`, `月底`. Input only: the stored forms are read in the parent
//! module.

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
     a weekday name (fri = the next Friday), 12月10日, 2026年12月10日, 本周五 (this week's Friday), \
     下周五 (next week's Friday), 月底 (the end of this month), \
     or YYYY-MM-DD HH:MM (now for this moment) where a time is wanted";

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
    let text = half_width(input);
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        // `now` as a date is today (a moment where one is read: `When::parse_at`).
        "today" | "今天" | "今日" | "now" | "现在" => return Ok(today),
        "tomorrow" | "明天" | "明日" => return today.tomorrow().map_err(|_| bad()),
        "yesterday" | "昨天" | "昨日" => return today.yesterday().map_err(|_| bad()),
        _ => {}
    }
    if let Some(weekday) = parse_weekday(&lower) {
        return today.nth_weekday(1, weekday).map_err(|_| bad());
    }
    if let Some(date) = parse_week_relative(text, today).or_else(|| parse_period_end(text, today)) {
        return Ok(date);
    }
    if lower.starts_with('+') || lower.starts_with('-') {
        let offset = parse_offset(&lower).ok_or_else(bad)?;
        return offset.apply(today, calendar).map_err(|reason| BadDate {
            input: input.to_string(),
            reason: Some(reason),
        });
    }
    parse_iso_date(text)
        .or_else(|| parse_chinese_date(text, today))
        .ok_or_else(bad)
}

/// `text` with full-width ASCII (digits, `－`, `／`, `＋`, `：`, letters, as a
/// Chinese input method types them) and the ideographic space made plain.
pub(crate) fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `12月10日` (this year) or `2026年12月10日`; `号` for `日` too.
fn parse_chinese_date(text: &str, today: Date) -> Option<Date> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, rest) = match text.split_once('年') {
        Some((y, rest)) if y.len() == 4 && all_digits(y) => (y.parse().ok()?, rest),
        Some(_) => return None,
        None => (today.year(), text),
    };
    let (m, rest) = rest.split_once('月')?;
    let d = rest
        .strip_suffix('日')
        .or_else(|| rest.strip_suffix('号'))?;
    if !(all_digits(m) && all_digits(d)) || m.len() > 2 || d.len() > 2 {
        return None;
    }
    Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()
}

/// `本周五`/`这周五` (this week's Friday, Monday to Sunday, even when it
/// is past) and `下周五` (next week's).
fn parse_week_relative(text: &str, today: Date) -> Option<Date> {
    const PREFIXES: [(&str, i64); 6] = [
        ("本周", 0),
        ("这周", 0),
        ("本星期", 0),
        ("这星期", 0),
        ("下周", 1),
        ("下星期", 1),
    ];
    let (weeks, day) = PREFIXES
        .iter()
        .find_map(|(prefix, weeks)| Some((*weeks, text.strip_prefix(prefix)?)))?;
    let weekday = parse_weekday(&format!("周{day}"))?;
    let monday = today
        .checked_sub(i64::from(today.weekday().to_monday_zero_offset()).days())
        .ok()?;
    let offset = weeks * 7 + i64::from(weekday.to_monday_zero_offset());
    monday.checked_add(offset.days()).ok()
}

/// `月底`/`本月底` (the last day of this month), `下月底`, `年底`.
fn parse_period_end(text: &str, today: Date) -> Option<Date> {
    match text {
        "月底" | "月末" | "本月底" | "本月末" => Some(today.last_of_month()),
        "下月底" | "下月末" => today
            .first_of_month()
            .checked_add(1.month())
            .ok()
            .map(|d| d.last_of_month()),
        "年底" | "年末" | "本年底" | "今年底" => Date::new(today.year(), 12, 31).ok(),
        _ => None,
    }
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

pub(crate) fn parse_weekday(lower: &str) -> Option<Weekday> {
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
        let text = half_width(input);
        let text = text.trim();
        if let Some(moment) = Moment::parse_rfc3339(text) {
            return Ok(When::Moment(moment));
        }
        if let Some((day, time)) = text.split_once([' ', 'T']) {
            let date = parse_iso_date(day).or_else(|| parse_chinese_date(day, today));
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

impl When {
    /// `When::parse` where a moment may be wanted: `now`/现在 is the
    /// moment `now` to the minute (the clock as the caller sees it, in its
    /// zone); anything else as `When::parse`, with `now`'s date as today.
    pub fn parse_at(
        input: &str,
        now: Moment,
        tz: &TimeZone,
        calendar: Option<&dyn WorkingDays>,
    ) -> Result<When, BadDate> {
        let text = half_width(input);
        if matches!(text.trim().to_ascii_lowercase().as_str(), "now" | "现在") {
            let time = now.datetime.time();
            let minute = Time::new(time.hour(), time.minute(), 0, 0).unwrap_or(time);
            return Ok(When::Moment(Moment {
                datetime: now.date().to_datetime(minute),
                offset: now.offset,
            }));
        }
        When::parse(input, now.date(), tz, calendar)
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
    fn dates_as_clerks_type_them() {
        // Today is Monday 2026-11-23.
        assert_eq!(parse("12月10日").unwrap(), Date::constant(2026, 12, 10));
        assert_eq!(parse("1月5号").unwrap(), Date::constant(2026, 1, 5));
        assert_eq!(parse("2027年1月5日").unwrap(), Date::constant(2027, 1, 5));
        assert_eq!(
            parse("２０２６-１２-１０").unwrap(),
            Date::constant(2026, 12, 10)
        );
        assert_eq!(
            parse("２０２６年１２月１０日").unwrap(),
            Date::constant(2026, 12, 10)
        );
        assert_eq!(parse("＋３ｄ").unwrap(), Date::constant(2026, 11, 26));
        assert_eq!(parse("本周五").unwrap(), Date::constant(2026, 11, 27));
        assert_eq!(parse("这周一").unwrap(), today());
        assert_eq!(parse("本周日").unwrap(), Date::constant(2026, 11, 29));
        assert_eq!(parse("下周五").unwrap(), Date::constant(2026, 12, 4));
        assert_eq!(parse("下星期一").unwrap(), Date::constant(2026, 11, 30));
        assert_eq!(parse("月底").unwrap(), Date::constant(2026, 11, 30));
        assert_eq!(parse("下月底").unwrap(), Date::constant(2026, 12, 31));
        assert_eq!(parse("年底").unwrap(), Date::constant(2026, 12, 31));
        // On a Sunday, this week's Friday is two days past.
        let sunday = Date::constant(2026, 11, 29);
        assert_eq!(
            parse_date("本周五", sunday, None).unwrap(),
            Date::constant(2026, 11, 27)
        );
        assert_eq!(
            parse_date("下周五", sunday, None).unwrap(),
            Date::constant(2026, 12, 4)
        );
        // A moment with a Chinese date.
        let tz = TimeZone::fixed(jiff::tz::offset(8));
        let w = When::parse("12月10日 09:30", today(), &tz, None).unwrap();
        assert_eq!(w.to_string(), "2026-12-10T09:30:00+08:00");
    }

    #[test]
    fn chinese_dates_that_are_not_dates_are_refused() {
        for bad in [
            "2月30日",
            "13月1日",
            "26年12月10日",
            "12月",
            "月10日",
            "12月10",
            "十二月十日",
            "下周",
            "本周八",
            "上月底",
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.to_string().contains("12月10日"), "{bad}: {err}");
        }
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
    fn now_is_this_minute_where_a_moment_is_read_else_today() {
        let tz = TimeZone::fixed(jiff::tz::offset(8));
        let now = Moment::parse_rfc3339("2026-11-23T09:30:42+08:00").unwrap();
        for word in ["now", "NOW", "现在", " 现在 "] {
            let w = When::parse_at(word, now, &tz, None).unwrap();
            assert_eq!(w.to_string(), "2026-11-23T09:30:00+08:00", "{word}");
        }
        assert_eq!(parse("now").unwrap(), today());
        assert_eq!(parse("现在").unwrap(), today());
        // Anything else reads as `When::parse` does, today being now's date.
        let w = When::parse_at("2026-11-20 14:00", now, &tz, None).unwrap();
        assert_eq!(w.to_string(), "2026-11-20T14:00:00+08:00");
        let w = When::parse_at("tomorrow", now, &tz, None).unwrap();
        assert_eq!(w, When::Date(Date::constant(2026, 11, 24)));
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
        fn chinese_and_full_width_dates_agree_with_iso(y in 1900i16..2200, m in 1i8..=12, d in 1i8..=31) {
            if let Ok(date) = Date::new(y, m, d) {
                prop_assert_eq!(parse(&format!("{y}年{m}月{d}日")).unwrap(), date);
                let wide: String = date
                    .to_string()
                    .chars()
                    .map(|c| char::from_u32(c as u32 + 0xfee0).unwrap())
                    .collect();
                prop_assert_eq!(parse(&wide).unwrap(), date);
            }
        }

        #[test]
        fn this_and_next_week_fall_in_their_weeks(offset in 0i64..3000, day in 0usize..7) {
            let names = ["一", "二", "三", "四", "五", "六", "日"];
            let today = Date::constant(2020, 1, 6).checked_add(offset.days()).unwrap();
            let this = parse_date(&format!("本周{}", names[day]), today, None).unwrap();
            let next = parse_date(&format!("下周{}", names[day]), today, None).unwrap();
            prop_assert_eq!(usize::try_from(this.weekday().to_monday_zero_offset()).unwrap(), day);
            prop_assert_eq!(next, this.checked_add(7.days()).unwrap());
            prop_assert!((days_between(today, this)).abs() < 7);
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,20}") {
            let _ = parse(&s);
            let _ = Span::parse(&s);
            let _ = Moment::parse_rfc3339(&s);
        }
    }
}
