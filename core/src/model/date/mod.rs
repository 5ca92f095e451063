//! Dates and moments: how records store them, and the arithmetic on
//! them. What the user may type is read in `parse`.
//!
//! Pure: "today" and the time zone are always passed in, never read here.
//! Stored dates are `YYYY-MM-DD`; stored moments are RFC 3339 with the
//! offset (`2026-11-20T09:30:00+08:00`), so a file says what the clerk saw.

mod parse;

use std::fmt;

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use parse::{
    BadDate, DATE_FORMS, DateTrouble, Shift, Span, SpanUnit, parse_date, parse_iso_date,
};
pub(crate) use parse::{half_width, parse_weekday};

/// Working days: which dates count as working days. The calendar of
/// `calendar.toml` implements this; without one, weekends are off.
pub trait WorkingDays {
    fn is_working_day(&self, date: Date) -> bool;
}

/// Weekends off, nothing else: the calendar when none is declared.
pub struct PlainWeek;

impl WorkingDays for PlainWeek {
    fn is_working_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
    }
}

/// Counts `n` working days from `from` (not counting `from` itself).
pub fn add_working_days(from: Date, n: i64, calendar: &dyn WorkingDays) -> Option<Date> {
    let step = if n < 0 { -1 } else { 1 };
    let mut left = n.abs();
    let mut day = from;
    // A year of holidays in a row would be absurd; bound the walk anyway.
    let mut guard = 0;
    while left > 0 {
        day = day.checked_add(step.days()).ok()?;
        if calendar.is_working_day(day) {
            left -= 1;
        }
        guard += 1;
        if guard > 100_000 {
            return None;
        }
    }
    Some(day)
}

/// The earliest date the register takes: no paper of an office in use
/// is older, and a year before it (`0001-01-01`, `0206` for `2026`) is a
/// typo that would sort first in every list (docs/documents.md).
pub const EARLIEST: Date = Date::constant(1900, 1, 1);

/// The latest date the register takes, today included: far enough for
/// any deadline or retention, near enough that adding a span to it never
/// leaves the calendar (`--today 9999-12-31`).
pub const LATEST: Date = Date::constant(2199, 12, 31);

/// Whether `date` lies between [`EARLIEST`] and [`LATEST`].
pub fn in_range(date: Date) -> bool {
    (EARLIEST..=LATEST).contains(&date)
}

/// Days from `today` to `date`: negative when `date` is past.
pub fn days_between(today: Date, date: Date) -> i64 {
    today
        .until((jiff::Unit::Day, date))
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

/// A moment with the offset the clerk saw, stored as RFC 3339.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub datetime: DateTime,
    pub offset: Offset,
}

impl Moment {
    /// The instant `ts` as seen in `tz`.
    pub fn at(ts: Timestamp, tz: &TimeZone) -> Moment {
        let offset = tz.to_offset(ts);
        Moment {
            datetime: offset.to_datetime(ts),
            offset,
        }
    }

    /// Now, or — when today is pinned to another date — that date at the
    /// current time of day, so back-filled history reads naturally.
    pub fn now_on(today: Date, now: Timestamp, tz: &TimeZone) -> Moment {
        let real = Moment::at(now, tz);
        if real.datetime.date() == today {
            return real;
        }
        let datetime = today.to_datetime(real.datetime.time());
        let offset = tz
            .to_ambiguous_zoned(datetime)
            .compatible()
            .map(|z| z.offset())
            .unwrap_or(real.offset);
        Moment { datetime, offset }
    }

    pub fn date(&self) -> Date {
        self.datetime.date()
    }

    /// Reads RFC 3339 with offset (`2026-11-20T09:30:00+08:00`).
    pub fn parse_rfc3339(text: &str) -> Option<Moment> {
        let pieces = jiff::fmt::temporal::Pieces::parse(text).ok()?;
        let offset = pieces.to_numeric_offset()?;
        let time = pieces.time()?;
        Some(Moment {
            datetime: pieces.date().to_datetime(time),
            offset,
        })
    }

    pub fn timestamp(&self) -> Option<Timestamp> {
        self.offset.to_timestamp(self.datetime).ok()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.offset.seconds();
        let sign = if secs < 0 { '-' } else { '+' };
        let abs = secs.unsigned_abs();
        write!(
            f,
            "{}{sign}{:02}:{:02}",
            self.datetime.strftime("%Y-%m-%dT%H:%M:%S"),
            abs / 3600,
            (abs % 3600) / 60
        )
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Moment::parse_rfc3339(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a moment; write it as 2026-11-20T09:30:00+08:00"
            ))
        })
    }
}

/// A date, or a moment where the exact time matters (签收时间 of an
/// urgent paper). Stored as whichever the clerk gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(Date),
    Moment(Moment),
}

impl When {
    pub fn date(&self) -> Date {
        match self {
            When::Date(d) => *d,
            When::Moment(m) => m.date(),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => write!(f, "{d}"),
            When::Moment(m) => write!(f, "{m}"),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        if let Some(date) = parse_iso_date(&text) {
            return Ok(When::Date(date));
        }
        Moment::parse_rfc3339(&text).map(When::Moment).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is neither a date (2026-11-20) nor a moment (2026-11-20T09:30:00+08:00)"
            ))
        })
    }
}
