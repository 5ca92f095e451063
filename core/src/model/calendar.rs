//! The working-day calendar of `calendar.toml`: public holidays and
//! adjusted working days (调休, a Saturday or Sunday worked in exchange).
//!
//! Pure: the text is passed in; `store::calendar` reads the file. The file
//! has one table per year:
//!
//! ```toml
//! [2026]
//! holidays = ["2026-01-01..2026-01-03", "2026-04-06"]
//! workdays = ["2026-01-04"]
//! ```
//!
//! A date listed as a holiday is off even on a weekday; a date listed as a
//! working day is worked even on a weekend; other days follow the week
//! (Monday to Friday worked).

use crate::model::config::ConfigProblem;
use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Deserialize;

use crate::model::date::{PlainWeek, WorkingDays, parse_iso_date};

/// The register's calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    pub holidays: BTreeSet<Date>,
    pub workdays: BTreeSet<Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearTable {
    #[serde(default)]
    holidays: Vec<String>,
    #[serde(default)]
    workdays: Vec<String>,
}

/// The longest range one entry may span; a holiday longer than a month is
/// a typo (2026-10-01..2027-10-07), not a holiday.
const MAX_RANGE_DAYS: usize = 31;

impl Calendar {
    /// Reads the text of `calendar.toml`. The error is a sentence naming
    /// the bad entry.
    pub fn parse(text: &str) -> Result<Calendar, ConfigProblem> {
        let years: BTreeMap<String, YearTable> =
            toml::from_str(text).map_err(|e| ConfigProblem::syntax(&e, text))?;
        let mut calendar = Calendar::default();
        for (year, table) in years {
            let y: i16 = year
                .parse()
                .ok()
                .filter(|y| (1900..=9999).contains(y))
                .ok_or_else(|| ConfigProblem::CalendarYear { year: year.clone() })?;
            add(
                &year,
                y,
                "holidays",
                &table.holidays,
                &mut calendar.holidays,
            )?;
            add(
                &year,
                y,
                "workdays",
                &table.workdays,
                &mut calendar.workdays,
            )?;
        }
        if let Some(both) = calendar.holidays.intersection(&calendar.workdays).next() {
            return Err(ConfigProblem::CalendarBoth { date: *both });
        }
        Ok(calendar)
    }

    /// The years the calendar covers.
    pub fn years(&self) -> BTreeSet<i16> {
        self.holidays
            .iter()
            .chain(&self.workdays)
            .map(|d| d.year())
            .collect()
    }
}

/// Adds the dates of `entries` (list `name` of table `[year]`) to `set`.
fn add(
    year: &str,
    y: i16,
    name: &str,
    entries: &[String],
    set: &mut BTreeSet<Date>,
) -> Result<(), ConfigProblem> {
    for entry in entries {
        let dates = expand(entry).ok_or_else(|| ConfigProblem::CalendarEntry {
            year: year.to_string(),
            list: name.to_string(),
            entry: entry.clone(),
            max_days: MAX_RANGE_DAYS,
        })?;
        for date in dates {
            if date.year() != y {
                return Err(ConfigProblem::CalendarWrongYear {
                    year: year.to_string(),
                    list: name.to_string(),
                    date,
                });
            }
            set.insert(date);
        }
    }
    Ok(())
}

/// `2026-10-01` or `2026-10-01..2026-10-07` as the dates it names.
fn expand(entry: &str) -> Option<Vec<Date>> {
    let (a, b) = match entry.split_once("..") {
        Some((a, b)) => (parse_iso_date(a.trim())?, parse_iso_date(b.trim())?),
        None => {
            let d = parse_iso_date(entry.trim())?;
            (d, d)
        }
    };
    if a > b {
        return None;
    }
    let dates: Vec<Date> = a
        .series(jiff::Span::new().days(1))
        .take_while(|d| *d <= b)
        .take(MAX_RANGE_DAYS + 1)
        .collect();
    (dates.len() <= MAX_RANGE_DAYS).then_some(dates)
}

impl WorkingDays for Calendar {
    fn is_working_day(&self, date: Date) -> bool {
        if self.workdays.contains(&date) {
            return true;
        }
        if self.holidays.contains(&date) {
            return false;
        }
        PlainWeek.is_working_day(date)
    }
}

/// The official arrangement (国务院办公厅关于部分节假日安排的通知) of the
/// years this build knows, as `calendar.toml` text for `init`.
///
/// It must be checked against the State Council's notice every year: the
/// notice for a year is published in the autumn before it, and a year not
/// yet announced is written with the statutory holidays only.
pub fn preset(years: &[i16]) -> String {
    let mut out = String::from(
        "# Working-day calendar (工作日历): public holidays and adjusted working days (调休).\n\
         # `+5wd` counts working days with it; `taizhang check` warns about deadlines on days off.\n\
         #\n\
         # CHECK THIS FILE AGAINST THE STATE COUNCIL NOTICE EVERY YEAR\n\
         # (国务院办公厅关于××××年部分节假日安排的通知, published each autumn) and add\n\
         # next year's table when it is announced. A local arrangement can be added too.\n\
         # 每年务必对照国务院办公厅当年节假日安排通知核对本文件。\n\
         #\n\
         # holidays: days off (a date or a range A..B); workdays: weekend days worked (调休上班).\n",
    );
    for &y in years {
        out.push('\n');
        match y {
            2026 => out.push_str(PRESET_2026),
            2027 => out.push_str(PRESET_2027),
            _ => out.push_str(&format!(
                "# {y}: not known to this version of taizhang; fill in from the official notice.\n[{y}]\nholidays = []\nworkdays = []\n"
            )),
        }
    }
    out
}

const PRESET_2026: &str = r#"# 2026: the State Council General Office notice on the 2026 holiday arrangement
# (国务院办公厅关于2026年部分节假日安排的通知, November 2025). Check against the notice.
[2026]
holidays = [
  "2026-01-01..2026-01-03",  # 元旦
  "2026-02-15..2026-02-23",  # 春节
  "2026-04-04..2026-04-06",  # 清明节
  "2026-05-01..2026-05-05",  # 劳动节
  "2026-06-19..2026-06-21",  # 端午节
  "2026-09-25..2026-09-27",  # 中秋节
  "2026-10-01..2026-10-07",  # 国庆节
]
workdays = [
  "2026-01-04",  # 元旦调休上班 (Sun)
  "2026-02-14",  # 春节调休上班 (Sat)
  "2026-02-28",  # 春节调休上班 (Sat)
  "2026-05-09",  # 劳动节调休上班 (Sat)
  "2026-09-20",  # 国庆节调休上班 (Sun)
  "2026-10-10",  # 国庆节调休上班 (Sat)
]
"#;

const PRESET_2027: &str = r#"# 2027: PROVISIONAL — the statutory holidays only (元旦, 春节 除夕–初三, 清明, 劳动节,
# 端午, 中秋, 国庆); the official arrangement with its 调休 days was not known when this
# file was written. Replace this table with the State Council's notice when it appears.
[2027]
holidays = [
  "2027-01-01",              # 元旦
  "2027-02-05..2027-02-08",  # 春节 (除夕 to 初三)
  "2027-04-05",              # 清明节
  "2027-05-01..2027-05-02",  # 劳动节
  "2027-06-09",              # 端午节
  "2027-09-15",              # 中秋节
  "2027-10-01..2027-10-03",  # 国庆节
]
workdays = []
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::add_working_days;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::constant(y, m, day)
    }

    #[test]
    fn holidays_and_adjusted_days() {
        let cal = Calendar::parse(
            "[2026]\nholidays = [\"2026-10-01..2026-10-07\"]\nworkdays = [\"2026-10-10\"]\n",
        )
        .unwrap();
        assert!(!cal.is_working_day(d(2026, 10, 5))); // Monday, holiday
        assert!(cal.is_working_day(d(2026, 10, 10))); // Saturday, worked
        assert!(!cal.is_working_day(d(2026, 10, 11))); // Sunday
        assert!(cal.is_working_day(d(2026, 10, 8))); // Thursday
        // Wed 30 Sep + 5 working days: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
        assert_eq!(
            add_working_days(d(2026, 9, 30), 5, &cal),
            Some(d(2026, 10, 13))
        );
    }

    #[test]
    fn the_preset_parses_and_covers_its_years() {
        let cal = Calendar::parse(&preset(&[2026, 2027, 2031])).unwrap();
        assert_eq!(cal.years(), [2026, 2027].into_iter().collect());
        // 春节 2026: Mon 23 Feb is off, Sat 28 Feb is worked.
        assert!(!cal.is_working_day(d(2026, 2, 23)));
        assert!(cal.is_working_day(d(2026, 2, 28)));
        assert_eq!(cal.holidays.iter().filter(|h| h.year() == 2026).count(), 33);
    }

    #[test]
    fn bad_calendars_say_what_is_wrong() {
        for (text, expect) in [
            ("[2026]\nholidays = [\"2026-13-01\"]\n", "2026-13-01"),
            ("[2026]\nholidays = [\"2027-01-01\"]\n", "CalendarWrongYear"),
            ("[twenty]\nholidays = []\n", "twenty"),
            ("[2026]\nholiday = []\n", "holiday"),
            (
                "[2026]\nholidays = [\"2026-01-01..2026-12-31\"]\n",
                "CalendarEntry",
            ),
            (
                "[2026]\nholidays = [\"2026-01-01\"]\nworkdays = [\"2026-01-01\"]\n",
                "CalendarBoth",
            ),
        ] {
            let err = format!("{:?}", Calendar::parse(text).unwrap_err());
            assert!(err.contains(expect), "{text}: {err}");
        }
    }
}
