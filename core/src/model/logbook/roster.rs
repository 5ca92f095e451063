//! Duty rosters (值班表): which days a roster covers and who is on duty
//! on each, in rotation.
//!
//! Pure: the calendar and the people are passed in; `commands::book::roster`
//! reads the register, writes the entries and prints the table.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::model::date::{WorkingDays, days_between};

/// The field a roster writes its officers (值班人员) into, as text: their
/// names joined by `、`.
pub const OFFICERS: &str = "officers";

/// The longest roster one command makes: a year and a day. Longer is a
/// typo in `--to`, not a roster.
pub const MAX_DAYS: i64 = 366;

/// Which days a roster covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Days {
    /// Every day.
    All,
    /// Days off: weekends and public holidays, less the weekend days
    /// worked in exchange (调休) — 节假日值班.
    Off,
    /// Working days.
    Work,
}

impl Days {
    /// The word of `--days`.
    pub fn keyword(self) -> &'static str {
        match self {
            Days::All => "all",
            Days::Off => "off",
            Days::Work => "work",
        }
    }
}

/// The day of the week as scripts read it: `monday` … `sunday`.
pub fn weekday_keyword(day: Date) -> &'static str {
    use jiff::civil::Weekday as W;
    match day.weekday() {
        W::Monday => "monday",
        W::Tuesday => "tuesday",
        W::Wednesday => "wednesday",
        W::Thursday => "thursday",
        W::Friday => "friday",
        W::Saturday => "saturday",
        W::Sunday => "sunday",
    }
}

/// Why a roster cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterProblem {
    /// `--to` is before `--from`.
    Backwards { from: Date, to: Date },
    /// More than `MAX_DAYS` days.
    TooLong { from: Date, to: Date, max: i64 },
    /// No day of the range is of the kind asked for.
    NoDays { from: Date, to: Date, days: Days },
    /// The book declares no field the roster must write (`date`,
    /// `officers`).
    NoField { book: String, field: &'static str },
    /// A `--shift` the book's `enum` shift field does not allow.
    BadShift { shift: String, values: Vec<String> },
    /// More officers per day than people to rotate.
    PerDay { per_day: usize, people: usize },
    /// The book requires fields the roster does not fill (by key, with
    /// the flag that would fill them, if any).
    Missing {
        book: String,
        fields: Vec<(String, Option<&'static str>)>,
    },
    /// Days (and shifts) that already have entries, with their IDs:
    /// refused without `--replace`.
    Taken {
        book: String,
        slots: Vec<(Date, Option<String>, String)>,
    },
}

/// The days from `from` to `to` (both included) that `which` selects.
pub fn days(
    from: Date,
    to: Date,
    which: Days,
    calendar: &dyn WorkingDays,
) -> Result<Vec<Date>, RosterProblem> {
    if to < from {
        return Err(RosterProblem::Backwards { from, to });
    }
    if days_between(from, to) >= MAX_DAYS {
        return Err(RosterProblem::TooLong {
            from,
            to,
            max: MAX_DAYS,
        });
    }
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        let keep = match which {
            Days::All => true,
            Days::Off => !calendar.is_working_day(day),
            Days::Work => calendar.is_working_day(day),
        };
        if keep {
            out.push(day);
        }
        match day.checked_add(1.day()) {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    if out.is_empty() {
        return Err(RosterProblem::NoDays {
            from,
            to,
            days: which,
        });
    }
    Ok(out)
}

/// One turn of duty: a day, its shift, the leader on duty (带班领导) and
/// the officers (值班人员).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub date: Date,
    pub shift: String,
    pub leader: Option<String>,
    pub officers: Vec<String>,
}

/// The slots of `days`, one per shift of each day, in rotation: officers
/// take turns slot after slot, `per_day` at a time (a day with two shifts
/// has two turns); leaders take turns day after day. `people` must hold
/// at least `per_day` names (`check_per_day`).
pub fn rotate(
    days: &[Date],
    shifts: &[String],
    people: &[String],
    leaders: &[String],
    per_day: usize,
) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(days.len() * shifts.len());
    let mut next = 0;
    for (n, day) in days.iter().enumerate() {
        let leader = (!leaders.is_empty()).then(|| leaders[n % leaders.len()].clone());
        for shift in shifts {
            let officers = if people.is_empty() {
                Vec::new()
            } else {
                (0..per_day)
                    .map(|k| people[(next + k) % people.len()].clone())
                    .collect()
            };
            next += per_day;
            slots.push(Slot {
                date: *day,
                shift: shift.clone(),
                leader: leader.clone(),
                officers,
            });
        }
    }
    slots
}

/// Refuses more officers per turn than there are people, or none.
pub fn check_per_day(per_day: usize, people: usize) -> Result<(), RosterProblem> {
    if per_day == 0 || per_day > people {
        return Err(RosterProblem::PerDay { per_day, people });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::Calendar;

    fn day(m: i8, d: i8) -> Date {
        Date::constant(2026, m, d)
    }

    fn national_day() -> Calendar {
        Calendar::parse(
            "[2026]\nholidays = [\"2026-09-25..2026-09-27\", \"2026-10-01..2026-10-07\"]\n\
             workdays = [\"2026-09-20\", \"2026-10-10\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn days_off_follow_the_calendar() {
        let cal = national_day();
        let off = days(day(9, 28), day(10, 11), Days::Off, &cal).unwrap();
        let expected: Vec<Date> = (1..=7).map(|d| day(10, d)).chain([day(10, 11)]).collect();
        assert_eq!(off, expected, "10-10 is a Saturday worked in exchange");
        let work = days(day(10, 5), day(10, 10), Days::Work, &cal).unwrap();
        assert_eq!(work, vec![day(10, 8), day(10, 9), day(10, 10)]);
        assert_eq!(
            days(day(10, 1), day(10, 3), Days::All, &cal).unwrap().len(),
            3
        );
    }

    #[test]
    fn bad_ranges_are_refused() {
        let cal = national_day();
        assert!(matches!(
            days(day(10, 2), day(10, 1), Days::All, &cal),
            Err(RosterProblem::Backwards { .. })
        ));
        assert!(matches!(
            days(day(1, 1), Date::constant(2027, 1, 2), Days::All, &cal),
            Err(RosterProblem::TooLong { .. })
        ));
        assert!(matches!(
            days(day(10, 8), day(10, 9), Days::Off, &cal),
            Err(RosterProblem::NoDays { .. })
        ));
    }

    #[test]
    fn officers_rotate_by_turn_and_leaders_by_day() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let days = [day(10, 1), day(10, 2), day(10, 3)];
        let slots = rotate(
            &days,
            &names(&["全天"]),
            &names(&["张三", "李四", "王五"]),
            &names(&["陈局长", "王局长"]),
            1,
        );
        let got: Vec<(&str, &str)> = slots
            .iter()
            .map(|s| (s.officers[0].as_str(), s.leader.as_deref().unwrap()))
            .collect();
        assert_eq!(
            got,
            [("张三", "陈局长"), ("李四", "王局长"), ("王五", "陈局长")]
        );
        let two = rotate(
            &days[..2],
            &names(&["白班", "夜班"]),
            &names(&["A", "B", "C"]),
            &[],
            2,
        );
        let officers: Vec<Vec<String>> = two.iter().map(|s| s.officers.clone()).collect();
        assert_eq!(
            officers,
            [
                names(&["A", "B"]),
                names(&["C", "A"]),
                names(&["B", "C"]),
                names(&["A", "B"])
            ]
        );
        assert!(two.iter().all(|s| s.leader.is_none()));
        assert!(check_per_day(4, 3).is_err() && check_per_day(0, 3).is_err());
    }
}
