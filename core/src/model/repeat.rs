//! Standing duties (repeats, `--every`): a follow-up or a meeting that
//! comes back every week, month, quarter or year (每月5日前报送…, the
//! weekly 局长办公会).
//!
//! A repeating record stores its rule in full (`every: month:5`) and the
//! ID of the series' first occurrence (`series: FU-2026-0001`); each
//! occurrence is a record of its own. An occurrence belongs to the
//! *period* (the week from Monday, the calendar month, quarter or year)
//! holding its date (a follow-up's `due`, a meeting's `start`), and a
//! series has at most one occurrence per period.
//!
//! The date of an occurrence is the rule's day in its period, clamped to
//! the period (`month:31` is 28 or 29 February), then moved off a day off
//! of the working-day calendar: to the previous working day within the
//! period, as offices bring a 报送 deadline forward before a holiday, else
//! (no working day before it in the period) to the next one. It never
//! leaves its period, so the period an occurrence belongs to is the one
//! it was made for. Pure: today and the calendar are passed in.

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::common::{Actor, HistoryAction};
use crate::model::date::{Moment, When, WorkingDays, half_width, parse_weekday};
use crate::model::followup::{Followup, FuStatus};
use crate::model::id::Id;
use crate::model::meeting::{Meeting, MtStatus};

/// How often a duty comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    Month,
    Quarter,
    Year,
}

/// A rule in full, as stored: the day of the period an occurrence falls
/// on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    /// `week:1` … `week:7`, Monday to Sunday.
    Week(Weekday),
    /// `month:1` … `month:31`, clamped to the month's last day.
    Month(i8),
    /// `quarter:M-D`: day D of the quarter's M-th month (1–3), clamped.
    Quarter { month: i8, day: i8 },
    /// `year:MM-DD`; 29 February is 28 February in other years.
    Year { month: i8, day: i8 },
}

/// What `--every` said: the unit, and the rule in full when its day was
/// given. Without a day, the first occurrence's date gives it
/// ([`Given::anchored`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    pub unit: Unit,
    pub rule: Option<Every>,
}

/// Why a rule does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadEvery {
    pub input: String,
    pub trouble: EveryTrouble,
}

/// What is wrong with a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EveryTrouble {
    /// Not week, month, quarter or year.
    Unit,
    /// `week:` with no weekday 1–7 or name.
    Weekday,
    /// `month:` with no day 1–31.
    MonthDay,
    /// `quarter:` with no `M-D`, M 1–3 and D 1–31.
    QuarterDay,
    /// `year:` with no `MM-DD` that is a date.
    YearDay,
    /// Stored without its day (`every: month` in a file): a file keeps the
    /// rule in full.
    NotFull,
}

impl Given {
    /// Reads `week[:WEEKDAY]`, `month[:DAY]`, `quarter[:M-D]`,
    /// `year[:MM-DD]`, in English or Chinese (`每月:5`, `周:周一`),
    /// full-width forms included.
    pub fn parse(input: &str) -> Result<Given, BadEvery> {
        let bad = |trouble| BadEvery {
            input: input.to_string(),
            trouble,
        };
        let text = half_width(input).trim().to_lowercase();
        let (unit, day) = match text.split_once(':') {
            Some((unit, day)) => (unit.trim(), Some(day.trim())),
            None => (text.as_str(), None),
        };
        let unit = match unit {
            "week" | "weekly" | "周" | "每周" => Unit::Week,
            "month" | "monthly" | "月" | "每月" => Unit::Month,
            "quarter" | "quarterly" | "季" | "季度" | "每季" | "每季度" => Unit::Quarter,
            "year" | "yearly" | "annual" | "年" | "每年" => Unit::Year,
            _ => return Err(bad(EveryTrouble::Unit)),
        };
        let rule = match day {
            None => None,
            Some(day) => Some(day_of(unit, day).ok_or_else(|| bad(unit.trouble()))?),
        };
        Ok(Given { unit, rule })
    }

    /// The rule in full: the day given, else the day `first` (the first
    /// occurrence's date) falls on in its period.
    pub fn anchored(self, first: Date) -> Every {
        self.rule.unwrap_or(match self.unit {
            Unit::Week => Every::Week(first.weekday()),
            Unit::Month => Every::Month(first.day()),
            Unit::Quarter => Every::Quarter {
                month: (first.month() - 1) % 3 + 1,
                day: first.day(),
            },
            Unit::Year => Every::Year {
                month: first.month(),
                day: first.day(),
            },
        })
    }
}

impl Unit {
    fn trouble(self) -> EveryTrouble {
        match self {
            Unit::Week => EveryTrouble::Weekday,
            Unit::Month => EveryTrouble::MonthDay,
            Unit::Quarter => EveryTrouble::QuarterDay,
            Unit::Year => EveryTrouble::YearDay,
        }
    }
}

/// The day part of a rule of `unit`, read.
fn day_of(unit: Unit, text: &str) -> Option<Every> {
    let number = |text: &str, max: i8| {
        let text = text.trim().trim_end_matches(['日', '号']);
        text.parse::<i8>().ok().filter(|n| (1..=max).contains(n))
    };
    match unit {
        Unit::Week => match number(text, 7) {
            Some(n) => Weekday::from_monday_one_offset(n).ok().map(Every::Week),
            None => parse_weekday(text).map(Every::Week),
        },
        Unit::Month => number(text, 31).map(Every::Month),
        Unit::Quarter => {
            let (month, day) = text.split_once(['-', '/'])?;
            Some(Every::Quarter {
                month: number(month, 3)?,
                day: number(day, 31)?,
            })
        }
        Unit::Year => {
            let (month, day) = text.split_once(['-', '/'])?;
            let (month, day) = (number(month, 12)?, number(day, 31)?);
            // A leap year, so that 02-29 is a day of the rule.
            Date::new(2024, month, day).ok()?;
            Some(Every::Year { month, day })
        }
    }
}

impl Every {
    pub fn unit(self) -> Unit {
        match self {
            Every::Week(_) => Unit::Week,
            Every::Month(_) => Unit::Month,
            Every::Quarter { .. } => Unit::Quarter,
            Every::Year { .. } => Unit::Year,
        }
    }

    /// The first day of the period holding `date`.
    pub fn period_start(self, date: Date) -> Date {
        let first_of = |month: i8| Date::new(date.year(), month, 1).unwrap_or(date);
        match self.unit() {
            Unit::Week => date
                .checked_sub(i64::from(date.weekday().to_monday_zero_offset()).days())
                .unwrap_or(date),
            Unit::Month => date.first_of_month(),
            Unit::Quarter => first_of((date.month() - 1) / 3 * 3 + 1),
            Unit::Year => first_of(1),
        }
    }

    /// The first day of the period after the one beginning on `start`.
    pub fn next_start(self, start: Date) -> Option<Date> {
        let step = match self.unit() {
            Unit::Week => 1.week(),
            Unit::Month => 1.month(),
            Unit::Quarter => 3.months(),
            Unit::Year => 1.year(),
        };
        start.checked_add(step).ok()
    }

    /// The rule's day in the period beginning on `start`, clamped to the
    /// period, before the working-day calendar is applied.
    pub fn nominal(self, start: Date) -> Date {
        let clamped = |year: i16, month: i8, day: i8| {
            let first = Date::new(year, month, 1).unwrap_or(start);
            Date::new(year, month, day.min(first.days_in_month())).unwrap_or(first)
        };
        match self {
            Every::Week(weekday) => start
                .checked_add(i64::from(weekday.to_monday_zero_offset()).days())
                .unwrap_or(start),
            Every::Month(day) => clamped(start.year(), start.month(), day),
            Every::Quarter { month, day } => clamped(start.year(), start.month() + month - 1, day),
            Every::Year { month, day } => clamped(start.year(), month, day),
        }
    }

    /// The date of the occurrence of the period beginning on `start`: the
    /// nominal day moved off a day off, within the period (module doc).
    pub fn date_in(self, start: Date, calendar: &dyn WorkingDays) -> Date {
        let nominal = self.nominal(start);
        let end = self
            .next_start(start)
            .and_then(|next| next.yesterday().ok())
            .unwrap_or(nominal);
        let earlier = (start.series(1.day()))
            .take_while(|d| *d <= nominal)
            .filter(|d| calendar.is_working_day(*d))
            .last();
        let later = || {
            (nominal.series(1.day()))
                .take_while(|d| *d <= end)
                .find(|d| calendar.is_working_day(*d))
        };
        earlier.or_else(later).unwrap_or(nominal)
    }

    /// The periods after the one holding `last` that have begun by
    /// `today`, by their first days: the occurrences a series lacks.
    pub fn begun_after(self, last: Date, today: Date) -> Vec<Date> {
        let mut starts = Vec::new();
        let mut start = self.next_start(self.period_start(last));
        while let Some(s) = start.filter(|s| *s <= today) {
            starts.push(s);
            start = self.next_start(s);
        }
        starts
    }
}

impl fmt::Display for Every {
    /// The stored form: `week:1`, `month:5`, `quarter:1-15`, `year:12-31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Every::Week(weekday) => write!(f, "week:{}", weekday.to_monday_one_offset()),
            Every::Month(day) => write!(f, "month:{day}"),
            Every::Quarter { month, day } => write!(f, "quarter:{month}-{day}"),
            Every::Year { month, day } => write!(f, "year:{month:02}-{day:02}"),
        }
    }
}

impl FromStr for Every {
    type Err = BadEvery;

    /// A stored rule: in full, as `Display` writes it (a hand-written
    /// file may use any form `--every` takes, with its day).
    fn from_str(text: &str) -> Result<Every, BadEvery> {
        Given::parse(text)?.rule.ok_or_else(|| BadEvery {
            input: text.to_string(),
            trouble: EveryTrouble::NotFull,
        })
    }
}

impl Serialize for Every {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Every {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "'{text}' is not a repeat rule (week:1-7, month:1-31, quarter:M-D, year:MM-DD)"
            ))
        })
    }
}

/// What a repeating record says of its series, alike for follow-ups and
/// meetings.
pub trait Repeating {
    /// The rule, when the record repeats.
    fn every(&self) -> Option<Every>;
    /// The first occurrence's ID.
    fn series(&self) -> Option<&Id>;
    /// The day the series was ended (`cancel --series`), on the
    /// occurrence it was ended with.
    fn series_ended(&self) -> Option<Date>;
    /// The date the record's period is found by.
    fn occurs_on(&self) -> Date;
    /// Whether this occurrence is over, so that the next one is due:
    /// done or cancelled (a follow-up), held or cancelled (a meeting).
    fn settled(&self) -> bool;
    /// Ends the series with this occurrence on `today`: gives the
    /// series' ID, or `None` (and changes nothing) when it does not
    /// repeat.
    fn end_series(&mut self, today: Date) -> Option<Id>;
}

/// `Repeating::end_series` over a record's three fields.
fn end(fields: (&Option<Every>, &Option<Id>, &mut Option<Date>), today: Date) -> Option<Id> {
    let (every, series, ended) = fields;
    every.as_ref()?;
    *ended = Some(today);
    series.clone()
}

impl Repeating for Followup {
    fn every(&self) -> Option<Every> {
        self.every
    }
    fn series(&self) -> Option<&Id> {
        self.series.as_ref()
    }
    fn series_ended(&self) -> Option<Date> {
        self.series_ended
    }
    fn occurs_on(&self) -> Date {
        self.due
    }
    fn settled(&self) -> bool {
        !matches!(
            self.status,
            FuStatus::Open | FuStatus::InProgress | FuStatus::Returned
        )
    }
    fn end_series(&mut self, today: Date) -> Option<Id> {
        end((&self.every, &self.series, &mut self.series_ended), today)
    }
}

impl Repeating for Meeting {
    fn every(&self) -> Option<Every> {
        self.every
    }
    fn series(&self) -> Option<&Id> {
        self.series.as_ref()
    }
    fn series_ended(&self) -> Option<Date> {
        self.series_ended
    }
    fn occurs_on(&self) -> Date {
        self.start.date()
    }
    fn settled(&self) -> bool {
        self.status != MtStatus::Planned
    }
    fn end_series(&mut self, today: Date) -> Option<Id> {
        end((&self.every, &self.series, &mut self.series_ended), today)
    }
}

/// What `check` finds wrong with a record's series; worded by the
/// command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepeatNote {
    /// `every` with no `series`: the record cannot be found as part of
    /// one, and the next occurrence would belong to none.
    EveryWithoutSeries,
    /// `series` with no `every`: the series has no rule to come back by.
    SeriesWithoutEvery { series: Id },
    /// `series` names no record.
    SeriesMissing { series: Id },
    /// `series` names a record of another kind.
    SeriesOtherKind { series: Id },
    /// Another occurrence of `series`, `other`, falls in the same period,
    /// beginning on `start`: a series has at most one per period.
    SamePeriod { series: Id, other: Id, start: Date },
}

/// What `same_period` reads of one occurrence: its rule, its series and
/// the day its period is found by (`Repeating::occurs_on`). `check`
/// keeps this of each follow-up and meeting (`validate::Ties`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Id>,
    pub on: Date,
}

impl Occurrence {
    pub fn of(record: &dyn Repeating) -> Occurrence {
        Occurrence {
            every: record.every(),
            series: record.series().cloned(),
            on: record.occurs_on(),
        }
    }
}

/// Occurrences of one series in the same period: each but the first (by
/// ID) of them, with its note naming the first. Records with no rule or
/// no series are passed over (their own note says so).
pub fn same_period<'r>(
    records: impl IntoIterator<Item = (&'r Id, &'r Occurrence)>,
) -> Vec<(Id, RepeatNote)> {
    let mut firsts: std::collections::HashMap<(&Id, Date), &Id> = Default::default();
    let mut sorted: Vec<(&Id, &Occurrence)> = records.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for (own, record) in sorted {
        let (Some(every), Some(series)) = (record.every, record.series.as_ref()) else {
            continue;
        };
        let start = every.period_start(record.on);
        let first = *firsts.entry((series, start)).or_insert(own);
        if first != own {
            let (series, other) = (series.clone(), first.clone());
            out.push((
                own.clone(),
                RepeatNote::SamePeriod {
                    series,
                    other,
                    start,
                },
            ));
        }
    }
    out
}

/// One series as the register holds it: its rule (the latest
/// occurrence's), the latest occurrence and its date, and whether it was
/// ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub id: Id,
    pub every: Every,
    pub latest: Date,
    pub latest_id: Id,
    pub ended: bool,
}

impl Series {
    /// Gathers the series of `records` (any repeating ones, of one
    /// kind), sorted by the series' ID.
    pub fn gather<'r, R: Repeating + ?Sized + 'r>(
        records: impl IntoIterator<Item = (&'r Id, &'r R)>,
    ) -> Vec<Series> {
        let mut all: std::collections::BTreeMap<Id, Series> = Default::default();
        for (own, record) in records {
            let (Some(every), Some(id)) = (record.every(), record.series()) else {
                continue;
            };
            let on = record.occurs_on();
            let ended = record.series_ended().is_some();
            let series = all.entry(id.clone()).or_insert(Series {
                id: id.clone(),
                every,
                latest: on,
                latest_id: own.clone(),
                ended,
            });
            series.ended |= ended;
            if on > series.latest || (on == series.latest && *own > series.latest_id) {
                series.latest = on;
                series.latest_id = own.clone();
                series.every = every;
            }
        }
        all.into_values().collect()
    }
}

impl Followup {
    /// The occurrence after this one, for the period beginning on
    /// `start`, due on `due`: the same matter, units, people, source kind,
    /// secrecy and cadence; a new record, open, assigned on the period's
    /// first day, or on the day it is made when that is earlier (made by
    /// closing the one before, it may be closed early too). The source
    /// record stays linked to the first occurrence only: a document or
    /// decision names one follow-up.
    pub fn next_occurrence(&self, id: Id, start: Date, due: Date, actor: &Actor) -> Followup {
        Followup {
            id,
            title: self.title.clone(),
            status: FuStatus::Open,
            requirement: self.requirement.clone(),
            source: self.source,
            source_ref: None,
            assigned_by: self.assigned_by.clone(),
            supervisor: self.supervisor.clone(),
            lead: self.lead.clone(),
            support: self.support.clone(),
            owner: self.owner.clone(),
            assigned: start.min(actor.today()),
            due,
            secrecy: self.secrecy,
            feedback: self.feedback,
            extensions: Vec::new(),
            progress: Vec::new(),
            chases: Vec::new(),
            result: None,
            notes: None,
            // A part stays a part of the same matter; its milestones were
            // dates of the occurrence before and are not carried over.
            parent: self.parent.clone(),
            milestones: Vec::new(),
            urgency: self.urgency,
            created: actor.at,
            history: vec![actor.entry(HistoryAction::Assign, None)],
            every: self.every,
            series: self.series.clone(),
            series_ended: None,
            extra: Default::default(),
        }
    }
}

impl Meeting {
    /// The meeting after this one, on `on`: the same title, type, time of
    /// day (and length), venue, chair, recorder, attendees and secrecy; a
    /// new record, planned, with no agenda, decisions or minutes yet.
    pub fn next_occurrence(&self, id: Id, on: Date, actor: &Actor) -> Meeting {
        let shift = |when: &When| -> When {
            let days = crate::model::date::days_between(self.start.date(), when.date());
            let date = on.checked_add(days.days()).unwrap_or(on);
            match when {
                When::Date(_) => When::Date(date),
                When::Moment(m) => When::Moment(Moment {
                    datetime: date.to_datetime(m.datetime.time()),
                    offset: m.offset,
                }),
            }
        };
        Meeting {
            id,
            title: self.title.clone(),
            status: MtStatus::Planned,
            meeting_type: self.meeting_type.clone(),
            start: shift(&self.start),
            end: self.end.as_ref().map(shift),
            venue: self.venue.clone(),
            host: self.host.clone(),
            recorder: self.recorder.clone(),
            attendees: self.attendees.clone(),
            absent: Vec::new(),
            observers: self.observers.clone(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            minutes: None,
            secrecy: self.secrecy,
            notes: None,
            created: actor.at,
            history: vec![actor.entry(HistoryAction::Log, None)],
            every: self.every,
            series: self.series.clone(),
            series_ended: None,
            extra: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::Calendar;
    use crate::model::date::PlainWeek;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::constant(y, m, day)
    }

    fn full(text: &str) -> Every {
        text.parse().unwrap()
    }

    #[test]
    fn rules_read_in_either_language_and_store_in_full() {
        for (text, stored) in [
            ("week:1", "week:1"),
            ("week:mon", "week:1"),
            ("周:周五", "week:5"),
            ("每周：７", "week:7"),
            ("month:5", "month:5"),
            ("每月:31日", "month:31"),
            ("quarter:1-15", "quarter:1-15"),
            ("year:2-29", "year:02-29"),
            ("YEAR:12-31", "year:12-31"),
        ] {
            assert_eq!(full(text).to_string(), stored, "{text}");
            assert_eq!(full(stored), full(text));
        }
    }

    #[test]
    fn malformed_rules_say_what_is_wrong() {
        for (text, trouble) in [
            ("fortnight", EveryTrouble::Unit),
            ("", EveryTrouble::Unit),
            ("week:8", EveryTrouble::Weekday),
            ("week:someday", EveryTrouble::Weekday),
            ("month:0", EveryTrouble::MonthDay),
            ("month:32", EveryTrouble::MonthDay),
            ("month:", EveryTrouble::MonthDay),
            ("quarter:4-1", EveryTrouble::QuarterDay),
            ("quarter:15", EveryTrouble::QuarterDay),
            ("year:02-30", EveryTrouble::YearDay),
            ("year:13-01", EveryTrouble::YearDay),
        ] {
            let err = Given::parse(text).unwrap_err();
            assert_eq!((err.input.as_str(), err.trouble), (text, trouble));
        }
        assert_eq!(
            "month".parse::<Every>().unwrap_err().trouble,
            EveryTrouble::NotFull
        );
    }

    #[test]
    fn a_rule_without_its_day_takes_the_first_occurrences() {
        let first = d(2026, 11, 20); // a Friday, in the quarter's 2nd month
        let anchored = |text: &str| Given::parse(text).unwrap().anchored(first).to_string();
        assert_eq!(anchored("week"), "week:5");
        assert_eq!(anchored("month"), "month:20");
        assert_eq!(anchored("quarter"), "quarter:2-20");
        assert_eq!(anchored("year"), "year:11-20");
        assert_eq!(anchored("month:5"), "month:5");
    }

    #[test]
    fn the_day_is_clamped_to_the_month() {
        let every = full("month:31");
        let jan = every.period_start(d(2027, 1, 31));
        assert_eq!(every.nominal(jan), d(2027, 1, 31));
        let feb = every.next_start(jan).unwrap();
        assert_eq!(every.nominal(feb), d(2027, 2, 28));
        assert_eq!(every.nominal(d(2028, 2, 1)), d(2028, 2, 29));
        let q = full("quarter:1-31");
        assert_eq!(q.nominal(d(2026, 4, 1)), d(2026, 4, 30));
        assert_eq!(full("year:02-29").nominal(d(2027, 1, 1)), d(2027, 2, 28));
        assert_eq!(full("week:3").nominal(d(2026, 12, 7)), d(2026, 12, 9));
    }

    #[test]
    fn periods_begin_on_monday_and_the_first_of_month_quarter_year() {
        let day = d(2026, 11, 20);
        assert_eq!(full("week:1").period_start(day), d(2026, 11, 16));
        assert_eq!(full("month:5").period_start(day), d(2026, 11, 1));
        assert_eq!(full("quarter:1-5").period_start(day), d(2026, 10, 1));
        assert_eq!(full("year:01-05").period_start(day), d(2026, 1, 1));
    }

    #[test]
    fn a_day_off_moves_to_the_working_day_before_within_the_period() {
        let cal = Calendar::parse(
            "[2026]\nholidays = [\"2026-10-01..2026-10-07\"]\nworkdays = [\"2026-10-10\"]\n",
        )
        .unwrap();
        // 5 Oct 2026 is a holiday; 1–4 Oct too: no working day before it
        // in October, so the next one, Thursday 8 Oct.
        assert_eq!(
            full("month:5").date_in(d(2026, 10, 1), &cal),
            d(2026, 10, 8)
        );
        // Sunday 5 Dec 2027 → Friday 3 Dec.
        assert_eq!(
            full("month:5").date_in(d(2027, 12, 1), &PlainWeek),
            d(2027, 12, 3)
        );
        // Monday 5 Oct 2026 (a holiday) in a weekly series → Thursday 8 Oct.
        assert_eq!(full("week:1").date_in(d(2026, 10, 5), &cal), d(2026, 10, 8));
        // A working day stays.
        assert_eq!(
            full("month:5").date_in(d(2026, 11, 1), &cal),
            d(2026, 11, 5)
        );
    }

    fn occurrence(id: &str, due: &str, extra: &str) -> Followup {
        serde_yaml::from_str(&format!(
            "id: {id}\ntitle: 月报\nstatus: open\nlead: 办公室\nassigned: 2026-11-01\n\
             due: {due}\ncreated: 2026-11-01T09:00:00+08:00\nevery: month:5\n\
             series: FU-2026-0001\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn a_series_is_its_latest_occurrence_and_ends_once_ended_anywhere() {
        let nov = occurrence("FU-2026-0001", "2026-11-05", "");
        let dec = occurrence("FU-2026-0007", "2026-12-04", "");
        let plain: Followup = serde_yaml::from_str(
            "id: FU-2026-0002\ntitle: x\nstatus: open\nlead: 办公室\nassigned: 2026-11-01\n\
             due: 2026-11-05\ncreated: 2026-11-01T09:00:00+08:00\n",
        )
        .unwrap();
        let all = [&dec, &plain, &nov];
        let series = Series::gather(all.iter().map(|f| (&f.id, *f)));
        assert_eq!(
            series.len(),
            1,
            "a record that does not repeat is no series"
        );
        assert_eq!(series[0].id.to_string(), "FU-2026-0001");
        assert_eq!(series[0].latest, d(2026, 12, 4));
        assert_eq!(series[0].latest_id.to_string(), "FU-2026-0007");
        assert!(!series[0].ended);
        let mut ended = nov.clone();
        assert_eq!(
            ended.end_series(d(2026, 11, 3)).map(|id| id.to_string()),
            Some("FU-2026-0001".to_string())
        );
        let series = Series::gather([(&ended.id, &ended), (&dec.id, &dec)]);
        assert!(series[0].ended);
        // A record that does not repeat has no series to end.
        let mut plain = plain;
        assert_eq!(plain.end_series(d(2026, 11, 3)), None);
        assert_eq!(plain.series_ended, None);
    }

    #[test]
    fn a_second_occurrence_in_one_period_is_named_beside_the_first() {
        let nov = occurrence("FU-2026-0001", "2026-11-05", "");
        let dec = occurrence("FU-2026-0007", "2026-12-04", "");
        // Moved by hand into November, and a third in December too.
        let moved = occurrence("FU-2026-0003", "2026-11-28", "");
        let again = occurrence("FU-2026-0009", "2026-12-31", "");
        let all: Vec<(&Id, Occurrence)> = ([&again, &dec, &moved, &nov].into_iter())
            .map(|f| (&f.id, Occurrence::of(f)))
            .collect();
        let found = same_period(all.iter().map(|(id, o)| (*id, o)));
        let said: Vec<(String, String, Date)> = (found.into_iter())
            .map(|(id, note)| match note {
                RepeatNote::SamePeriod { other, start, .. } => {
                    (id.to_string(), other.to_string(), start)
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            said,
            [
                ("FU-2026-0003".into(), "FU-2026-0001".into(), d(2026, 11, 1)),
                ("FU-2026-0009".into(), "FU-2026-0007".into(), d(2026, 12, 1)),
            ]
        );
        // One a period: nothing to say.
        let (nov_on, dec_on) = (Occurrence::of(&nov), Occurrence::of(&dec));
        assert!(same_period([(&nov.id, &nov_on), (&dec.id, &dec_on)]).is_empty());
    }

    #[test]
    fn the_periods_lacking_are_those_begun_after_the_latest() {
        let every = full("month:5");
        assert!(
            every
                .begun_after(d(2026, 12, 5), d(2026, 12, 31))
                .is_empty()
        );
        assert_eq!(
            every.begun_after(d(2026, 11, 5), d(2027, 1, 1)),
            [d(2026, 12, 1), d(2027, 1, 1)]
        );
        // A first occurrence in a later period: nothing yet.
        assert!(every.begun_after(d(2027, 1, 5), d(2026, 12, 6)).is_empty());
    }
}
