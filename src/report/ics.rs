//! `export ics`: an iCalendar file (RFC 5545) of meetings and deadlines.
//!
//! Meetings are timed events in the register's zone: local times with
//! its VTIMEZONE when the zone keeps one offset (Asia/Shanghai, `+08:00`),
//! UTC times when it has daylight saving time; their venue as LOCATION.
//! A follow-up's effective due date, an incoming paper's handling
//! deadline and the day a logbook entry out on its book's open loop is
//! due back (a seal, a car) are all-day events. Every event's UID is
//! `ID@<unit>`, so importing the file again updates the calendar instead
//! of duplicating it; DTSTAMP is the record's last change and SEQUENCE its
//! number of history entries, so nothing in the file changes unless the
//! record does.
//!
//! A small writer: text values escaped (`\\`, `\;`, `\,`, `\n`), control
//! characters dropped, lines folded at 75 octets on character boundaries,
//! CRLF line ends. Pure: no clock, no files.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use crate::i18n::{self, Lang};
use crate::report::redact::{Secrets, Title};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::date::{Moment, When};
use taizhang_core::model::followup::FuStatus;
use taizhang_core::model::logbook::open_loop;
use taizhang_core::model::meeting::MtStatus;
use taizhang_core::model::record::Record;

/// How meeting times are written, decided by the register's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Times {
    /// A zone that keeps one offset from the first meeting on (China has
    /// kept UTC+8 all year since 1991, as has any fixed offset): local
    /// times with `TZID=`, described by a VTIMEZONE of one STANDARD rule.
    Local {
        tzid: String,
        abbreviation: String,
        offset: Offset,
    },
    /// A zone with daylight saving time: UTC times (`…Z`), which every
    /// calendar places right without a set of rules to get wrong.
    Utc,
}

impl Times {
    /// `Local` when `zone` has no transition after `from` (the first
    /// meeting), else `Utc`.
    fn of(zone: &TimeZone, from: Timestamp) -> Times {
        if zone.following(from).next().is_some() {
            return Times::Utc;
        }
        let info = zone.to_offset_info(from);
        let offset = info.offset();
        let tzid = match zone.iana_name() {
            Some(name) => name.to_string(),
            // A fixed offset has no name: `UTC+0800`.
            None => format!("UTC{}", utc_offset(offset)),
        };
        Times::Local {
            tzid,
            abbreviation: info.abbreviation().to_string(),
            offset,
        }
    }
}

/// The calendar of `records`: one event per meeting, per follow-up, per
/// incoming paper with a deadline and per logbook entry out with a day it
/// is due back (`books` declare the loops); other records have no date to
/// show.
pub fn calendar(
    records: &[&Record],
    unit: &str,
    zone: &TimeZone,
    secrets: &Secrets,
    lang: Lang,
    books: &BTreeMap<String, LogbookDef>,
) -> String {
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(concat!(
        "PRODID:-//taizhang//taizhang ",
        env!("CARGO_PKG_VERSION"),
        "//EN"
    ));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", unit);
    if let Some(name) = zone.iana_name() {
        out.line(&format!("X-WR-TIMEZONE:{name}"));
    }
    let first = records
        .iter()
        .filter_map(|r| match r {
            Record::Meeting(m) => match m.start {
                When::Moment(start) => start.timestamp(),
                When::Date(_) => None,
            },
            _ => None,
        })
        .min();
    let times = first.map_or(Times::Utc, |first| Times::of(zone, first));
    // Without a timed meeting, `times` is `Utc` and no VTIMEZONE is due.
    if let Times::Local {
        tzid,
        abbreviation,
        offset,
    } = &times
    {
        out.line("BEGIN:VTIMEZONE");
        out.line(&format!("TZID:{tzid}"));
        out.line("BEGIN:STANDARD");
        out.line("DTSTART:19700101T000000");
        let offset = utc_offset(*offset);
        out.line(&format!("TZOFFSETFROM:{offset}"));
        out.line(&format!("TZOFFSETTO:{offset}"));
        out.line(&format!("TZNAME:{abbreviation}"));
        out.line("END:STANDARD");
        out.line("END:VTIMEZONE");
    }
    for record in records {
        let due_back = due_back(record, books, secrets, lang);
        event(&mut out, record, unit, &times, secrets, lang, due_back);
    }
    out.line("END:VCALENDAR");
    out.0
}

/// A logbook entry out on its book's loop with a day it is due back: that
/// day, the event's title (`应归还（用车登记）：皖A·G1234 公务用车 · 吴静`,
/// withheld as elsewhere when classified) and the person who has it.
struct DueBack {
    due: Date,
    summary: String,
    owner: Option<String>,
}

fn due_back(
    record: &Record,
    books: &BTreeMap<String, LogbookDef>,
    secrets: &Secrets,
    lang: Lang,
) -> Option<DueBack> {
    let Record::Entry(entry, name) = record else {
        return None;
    };
    let book = books.get(name)?;
    let out = open_loop::out(entry, book.open_loop.as_ref()?)?;
    let title = if secrets.hides(record) {
        secrets.title(record)
    } else {
        Title::Shown(open_loop::headline(entry, book))
    };
    let book_title = match lang {
        Lang::En => book.title_en.as_deref().unwrap_or(&book.title),
        Lang::Zh => &book.title,
    };
    Some(DueBack {
        due: out.due?,
        summary: i18n::due_back_event(lang, book_title, &title.words(lang)),
        owner: out.owner.map(str::to_string),
    })
}

fn event(
    out: &mut Writer,
    record: &Record,
    unit: &str,
    times: &Times,
    secrets: &Secrets,
    lang: Lang,
    due_back: Option<DueBack>,
) {
    let title = secrets.title(record).words(lang);
    let (summary, status) = match record {
        Record::Meeting(m) => (
            title,
            if m.status == MtStatus::Cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        ),
        Record::Followup(f) => (
            i18n::followup_due_event(lang, &title),
            if f.status == FuStatus::Cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        ),
        Record::Incoming(d) if d.deadline.is_some() => {
            (i18n::deadline_event(lang, &title), "CONFIRMED")
        }
        Record::Entry(..) => match &due_back {
            Some(back) => (back.summary.clone(), "CONFIRMED"),
            None => return,
        },
        _ => return,
    };
    out.line("BEGIN:VEVENT");
    out.text("UID", &format!("{}@{unit}", record.id()));
    let changed = record.history().last().map_or(*record.created(), |h| h.at);
    out.line(&format!("DTSTAMP:{}", utc(&changed)));
    out.line(&format!("SEQUENCE:{}", record.history().len()));
    match record {
        Record::Meeting(m) => {
            match m.start {
                When::Date(day) => {
                    let end = match m.end {
                        Some(When::Date(end)) if end >= day => end,
                        _ => day,
                    };
                    all_day(out, day, end);
                }
                When::Moment(start) => {
                    let end = match m.end {
                        Some(When::Moment(end)) if end.timestamp() >= start.timestamp() => end,
                        Some(When::Moment(_)) => start,
                        // A meeting without an end fills an hour.
                        _ => later(&start, 1),
                    };
                    let (start, end) = (timed(&start, times), timed(&end, times));
                    match times {
                        Times::Local { tzid, .. } => {
                            out.line(&format!("DTSTART;TZID={tzid}:{start}"));
                            out.line(&format!("DTEND;TZID={tzid}:{end}"));
                        }
                        Times::Utc => {
                            out.line(&format!("DTSTART:{start}"));
                            out.line(&format!("DTEND:{end}"));
                        }
                    }
                }
            }
            if let Some(venue) = &m.venue {
                out.text("LOCATION", venue);
            }
        }
        _ => {
            let Some(due) = due_back.as_ref().map(|b| b.due).or(record.deadline()) else {
                return;
            };
            all_day(out, due, due);
            out.line("TRANSP:TRANSPARENT");
        }
    }
    out.text("SUMMARY", &summary);
    let mut description = vec![record.id().to_string()];
    if let Some(unit) = record.unit() {
        description.push(unit.to_string());
    }
    if let Some(owner) = record
        .owner()
        .filter(|_| matches!(record, Record::Followup(_)))
        .map(str::to_string)
        .or(due_back.and_then(|b| b.owner))
    {
        description.push(owner);
    }
    out.text("DESCRIPTION", &description.join(" · "));
    out.line(&format!("STATUS:{status}"));
    out.line("END:VEVENT");
}

/// An all-day event from `first` to `last`, both included (DTEND is the
/// day after, exclusive).
fn all_day(out: &mut Writer, first: Date, last: Date) {
    let end = last.tomorrow().unwrap_or(last);
    out.line(&format!("DTSTART;VALUE=DATE:{}", first.strftime("%Y%m%d")));
    out.line(&format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")));
}

/// `moment` as DATE-TIME text: local to the zone (`20261201T100000`), or
/// in UTC (`20261201T020000Z`). A moment past the range of time (never
/// written by taizhang) keeps its own wall-clock time.
fn timed(moment: &Moment, times: &Times) -> String {
    match (moment.timestamp(), times) {
        (Some(ts), Times::Local { offset, .. }) => stamp(offset.to_datetime(ts)),
        (Some(ts), Times::Utc) => stamp(Offset::UTC.to_datetime(ts)) + "Z",
        (None, _) => stamp(moment.datetime),
    }
}

/// `hours` after `moment`, at its offset.
fn later(moment: &Moment, hours: i64) -> Moment {
    Moment {
        datetime: moment
            .datetime
            .checked_add(jiff::Span::new().hours(hours))
            .unwrap_or(moment.datetime),
        offset: moment.offset,
    }
}

fn stamp(datetime: DateTime) -> String {
    datetime.strftime("%Y%m%dT%H%M%S").to_string()
}

fn utc(moment: &Moment) -> String {
    let ts = moment.timestamp().unwrap_or(Timestamp::UNIX_EPOCH);
    stamp(Offset::UTC.to_datetime(ts)) + "Z"
}

fn utc_offset(offset: Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{sign}{:02}{:02}", abs / 3600, (abs % 3600) / 60)
}

/// Content lines, folded and CRLF-ended.
#[derive(Default)]
struct Writer(String);

impl Writer {
    /// A property whose value is TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }

    /// One content line, folded so that no line exceeds 75 octets: a
    /// continuation starts with one space, and a character is never split.
    fn line(&mut self, line: &str) {
        let mut used = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if used + len > 75 {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += len;
        }
        self.0.push_str("\r\n");
    }
}

/// RFC 5545 TEXT escaping; control characters other than line breaks
/// are dropped (they have no place in a calendar).
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_without_daylight_saving_is_written_local_one_with_it_in_utc() {
        let at: Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        assert_eq!(
            Times::of(&shanghai, at),
            Times::Local {
                tzid: "Asia/Shanghai".into(),
                abbreviation: "CST".into(),
                offset: Offset::constant(8),
            }
        );
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(Times::of(&berlin, at), Times::Utc);
        let fixed = TimeZone::fixed(Offset::from_seconds(5 * 3600 + 1800).unwrap());
        let Times::Local { tzid, .. } = Times::of(&fixed, at) else {
            panic!("a fixed offset is local");
        };
        assert_eq!(tzid, "UTC+0530");
        let moment = Moment::at(at, &berlin);
        assert_eq!(timed(&moment, &Times::Utc), "20261201T020000Z");
        assert_eq!(timed(&moment, &Times::of(&shanghai, at)), "20261201T100000");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf\u{1b}"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = Writer::default();
        let value = "关于做好冬季安全生产工作的通知".repeat(4);
        out.text("SUMMARY", &value);
        let lines: Vec<&str> = out.0.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        for line in &lines[1..] {
            assert!(line.starts_with(' '));
        }
        // Unfolding gives the line back.
        let unfolded = out.0.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}\r\n"));
    }
}
