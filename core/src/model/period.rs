//! Reporting periods for `summary --period` (docs/summaries.md): a year,
//! quarter, month, ISO week, an explicit range, or a period relative to
//! today.
//!
//! Pure: "today" is passed in. A period is always a closed range of dates
//! `[from, to]` with `from <= to`.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::model::date::parse_iso_date;

/// The accepted forms, for messages.
pub const PERIOD_FORMS: &str = "2026, 2026-Q4, 2026-11, 2026-W47 (ISO week), \
     2026-11-01..2026-11-30, this-week, last-week, this-month, last-month, this-quarter, this-year";

/// A period that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPeriod {
    pub input: String,
}

impl fmt::Display for BadPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read the period '{}'; accepted: {PERIOD_FORMS}",
            self.input
        )
    }
}

impl std::error::Error for BadPeriod {}

/// How the period was named: what a brief calls it ("本月", "2026年11月").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodName {
    Year(i16),
    Quarter(i16, i8),
    Month(i16, i8),
    Week(i16, i8),
    Range,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    ThisYear,
}

/// A closed range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
    pub name: PeriodName,
}

impl Period {
    /// Whether `date` falls inside the period.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The date figures are counted "as of": the end of the period, or
    /// today when the period is not over yet.
    pub fn asof(&self, today: Date) -> Date {
        self.to.min(today)
    }

    /// Reads a period relative to `today`.
    pub fn parse(input: &str, today: Date) -> Result<Period, BadPeriod> {
        let bad = || BadPeriod {
            input: input.to_string(),
        };
        let text = input.trim();
        let lower = text.to_ascii_lowercase();
        let relative = match lower.as_str() {
            "this-week" | "本周" => Some((PeriodName::ThisWeek, week_of(today))),
            "last-week" | "上周" => {
                let d = today.checked_sub(7.days()).map_err(|_| bad())?;
                Some((PeriodName::LastWeek, week_of(d)))
            }
            "this-month" | "本月" => {
                Some((PeriodName::ThisMonth, month(today.year(), today.month())))
            }
            "last-month" | "上月" => {
                let d = today.first_of_month().yesterday().map_err(|_| bad())?;
                Some((PeriodName::LastMonth, month(d.year(), d.month())))
            }
            "this-quarter" | "本季度" => Some((
                PeriodName::ThisQuarter,
                quarter(today.year(), quarter_of(today.month())),
            )),
            "this-year" | "本年" | "今年" => Some((PeriodName::ThisYear, year(today.year()))),
            _ => None,
        };
        if let Some((name, range)) = relative {
            let (from, to) = range.ok_or_else(bad)?;
            return Ok(Period { from, to, name });
        }
        if let Some((a, b)) = text.split_once("..") {
            let from = parse_iso_date(a.trim()).ok_or_else(bad)?;
            let to = parse_iso_date(b.trim()).ok_or_else(bad)?;
            if from > to {
                return Err(bad());
            }
            return Ok(Period {
                from,
                to,
                name: PeriodName::Range,
            });
        }
        let upper = text.to_ascii_uppercase();
        let (y, rest) = match upper.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (upper.as_str(), None),
        };
        let y = digits(y, 4, 4).ok_or_else(bad)? as i16;
        let (name, range) = match rest {
            None => (PeriodName::Year(y), year(y)),
            Some(rest) => {
                if let Some(q) = rest.strip_prefix('Q') {
                    let q = digits(q, 1, 1)
                        .filter(|q| (1..=4).contains(q))
                        .ok_or_else(bad)? as i8;
                    (PeriodName::Quarter(y, q), quarter(y, q))
                } else if let Some(w) = rest.strip_prefix('W') {
                    let w = digits(w, 1, 2).ok_or_else(bad)? as i8;
                    (PeriodName::Week(y, w), iso_week(y, w))
                } else {
                    let m = digits(rest, 1, 2)
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(bad)? as i8;
                    (PeriodName::Month(y, m), month(y, m))
                }
            }
        };
        let (from, to) = range.ok_or_else(bad)?;
        Ok(Period { from, to, name })
    }
}

/// A run of 1..=max ASCII digits of at least `min` length, as a number.
fn digits(text: &str, min: usize, max: usize) -> Option<i32> {
    (text.len() >= min && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn year(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

fn month(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn quarter_of(m: i8) -> i8 {
    (m - 1) / 3 + 1
}

fn quarter(y: i16, q: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, (q - 1) * 3 + 1, 1).ok()?;
    let last = Date::new(y, q * 3, 1).ok()?.last_of_month();
    Some((first, last))
}

/// The ISO week `w` of ISO year `y` (Monday to Sunday); `None` when the
/// year has no such week (week 53 exists only in some years).
fn iso_week(y: i16, w: i8) -> Option<(Date, Date)> {
    let monday = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
    let sunday = ISOWeekDate::new(y, w, Weekday::Sunday).ok()?.date();
    Some((monday, sunday))
}

/// The Monday-to-Sunday week holding `d`.
fn week_of(d: Date) -> Option<(Date, Date)> {
    let iso = d.iso_week_date();
    iso_week(iso.year(), iso.week())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> Date {
        Date::constant(2026, 11, 23) // a Monday
    }

    fn range(input: &str) -> (String, String) {
        let p = Period::parse(input, today()).unwrap();
        (p.from.to_string(), p.to.to_string())
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(range("2026"), pair("2026-01-01", "2026-12-31"));
        assert_eq!(range("2026-Q4"), pair("2026-10-01", "2026-12-31"));
        assert_eq!(range("2026-q1"), pair("2026-01-01", "2026-03-31"));
        assert_eq!(range("2026-11"), pair("2026-11-01", "2026-11-30"));
        assert_eq!(range("2024-2"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(
            range("2026-11-01..2026-11-15"),
            pair("2026-11-01", "2026-11-15")
        );
    }

    #[test]
    fn iso_weeks() {
        // 2026-11-23 is the Monday of ISO week 48.
        assert_eq!(range("2026-W48"), pair("2026-11-23", "2026-11-29"));
        assert_eq!(range("2026-W47"), pair("2026-11-16", "2026-11-22"));
        // ISO week 1 of 2026 starts on Monday 2025-12-29.
        assert_eq!(range("2026-W01"), pair("2025-12-29", "2026-01-04"));
        // 2026 has 53 ISO weeks (it starts on a Thursday); 2025 has not.
        assert_eq!(range("2026-W53"), pair("2026-12-28", "2027-01-03"));
        assert!(Period::parse("2025-W53", today()).is_err());
    }

    #[test]
    fn relative_forms() {
        assert_eq!(range("this-week"), pair("2026-11-23", "2026-11-29"));
        assert_eq!(range("last-week"), pair("2026-11-16", "2026-11-22"));
        assert_eq!(range("this-month"), pair("2026-11-01", "2026-11-30"));
        assert_eq!(range("last-month"), pair("2026-10-01", "2026-10-31"));
        assert_eq!(range("this-quarter"), pair("2026-10-01", "2026-12-31"));
        assert_eq!(range("this-year"), pair("2026-01-01", "2026-12-31"));
        let jan = Date::constant(2027, 1, 5);
        let p = Period::parse("last-month", jan).unwrap();
        assert_eq!(
            (p.from, p.to),
            (Date::constant(2026, 12, 1), Date::constant(2026, 12, 31))
        );
    }

    #[test]
    fn asof_is_the_earlier_of_end_and_today() {
        let p = Period::parse("2026-11", today()).unwrap();
        assert_eq!(p.asof(today()), today());
        let p = Period::parse("2026-10", today()).unwrap();
        assert_eq!(p.asof(today()), Date::constant(2026, 10, 31));
    }

    #[test]
    fn bad_periods_name_input_and_forms() {
        for bad in [
            "",
            "26",
            "2026-13",
            "2026-Q5",
            "2026-Q0",
            "2026-W0",
            "2026-W54",
            "next-month",
            "2026-11-30..2026-11-01",
            "2026-11-01..",
            "2026-00",
            "20266",
        ] {
            let err = Period::parse(bad, today()).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(&format!("'{bad}'")), "{text}");
            assert!(text.contains("2026-W47"), "{text}");
        }
    }

    proptest! {
        #[test]
        fn months_cover_their_days(y in 1900i16..2200, m in 1i8..=12) {
            let p = Period::parse(&format!("{y}-{m:02}"), today()).unwrap();
            prop_assert_eq!(p.from.day(), 1);
            prop_assert_eq!(p.to.tomorrow().unwrap().day(), 1);
            prop_assert!(p.from <= p.to);
        }

        #[test]
        fn every_date_is_in_its_own_iso_week(y in 1900i16..2200, doy in 1i16..=365) {
            let d = Date::new(y, 1, 1).unwrap().checked_add((doy - 1).days()).unwrap();
            let iso = d.iso_week_date();
            let p = Period::parse(&format!("{}-W{:02}", iso.year(), iso.week()), today()).unwrap();
            prop_assert!(p.contains(d));
            prop_assert_eq!(p.from.weekday(), Weekday::Monday);
            prop_assert_eq!(days(p.from, p.to), 6);
        }

        #[test]
        fn quarters_tile_the_year(y in 1900i16..2200) {
            let mut next = Date::new(y, 1, 1).unwrap();
            for q in 1..=4 {
                let p = Period::parse(&format!("{y}-Q{q}"), today()).unwrap();
                prop_assert_eq!(p.from, next);
                next = p.to.tomorrow().unwrap();
            }
            prop_assert_eq!(next, Date::new(y + 1, 1, 1).unwrap());
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,24}") {
            if let Ok(p) = Period::parse(&s, today()) {
                prop_assert!(p.from <= p.to);
            }
        }
    }

    fn days(a: Date, b: Date) -> i64 {
        crate::model::date::days_between(a, b)
    }
}
