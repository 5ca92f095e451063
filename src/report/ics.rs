//! `export ics`: an iCalendar file (RFC 5545) of meetings and deadlines.
//!
//! Meetings are timed events in the register's zone (with its VTIMEZONE),
//! their venue as LOCATION; a follow-up's effective due date, an
//! incoming paper's handling deadline and the day a logbook entry out on
//! its book's open loop is due back (a seal, a car) are all-day events. Every event's
//! UID is `ID@<unit>`, so importing the file again updates the calendar
//! instead of duplicating it; DTSTAMP is the record's last change and
//! SEQUENCE its number of history entries, so nothing in the file changes
//! unless the record does.
//!
//! A small writer: text values escaped (`\\`, `\;`, `\,`, `\n`), control
//! characters dropped, lines folded at 75 octets on character boundaries,
//! CRLF line ends. Pure: no clock, no files.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;

use crate::i18n::{self, Lang};
use crate::model::config::LogbookDef;
use crate::model::date::{Moment, When};
use crate::model::followup::FuStatus;
use crate::model::logbook::open_loop;
use crate::model::meeting::MtStatus;
use crate::model::record::Record;
use crate::report::redact::{Secrets, Title};

/// The zone meetings are written in: its IANA name and its offset. China
/// has kept UTC+8 all year since 1991, so one STANDARD rule describes it.
#[derive(Debug, Clone, Copy)]
pub struct Zone {
    pub name: &'static str,
    pub abbreviation: &'static str,
    pub offset: Offset,
}

impl Zone {
    /// Asia/Shanghai, the default.
    pub fn china() -> Zone {
        Zone {
            name: "Asia/Shanghai",
            abbreviation: "CST",
            offset: Offset::constant(8),
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
    zone: Zone,
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
    out.line(&format!("X-WR-TIMEZONE:{}", zone.name));
    let timed = records
        .iter()
        .any(|r| matches!(r, Record::Meeting(m) if matches!(m.start, When::Moment(_))));
    if timed {
        out.line("BEGIN:VTIMEZONE");
        out.line(&format!("TZID:{}", zone.name));
        out.line("BEGIN:STANDARD");
        out.line("DTSTART:19700101T000000");
        let offset = utc_offset(zone.offset);
        out.line(&format!("TZOFFSETFROM:{offset}"));
        out.line(&format!("TZOFFSETTO:{offset}"));
        out.line(&format!("TZNAME:{}", zone.abbreviation));
        out.line("END:STANDARD");
        out.line("END:VTIMEZONE");
    }
    for record in records {
        let due_back = due_back(record, books, secrets, lang);
        event(&mut out, record, unit, zone, secrets, lang, due_back);
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
        summary: i18n::due_back_event(lang, book_title, &lang.title(&title)),
        owner: out.owner.map(str::to_string),
    })
}

fn event(
    out: &mut Writer,
    record: &Record,
    unit: &str,
    zone: Zone,
    secrets: &Secrets,
    lang: Lang,
    due_back: Option<DueBack>,
) {
    let title = lang.title(&secrets.title(record));
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
                    let start = local(&start, zone);
                    let end = match m.end {
                        Some(When::Moment(end)) => local(&end, zone),
                        // A meeting without an end fills an hour.
                        _ => start
                            .checked_add(jiff::Span::new().hours(1))
                            .unwrap_or(start),
                    };
                    out.line(&format!("DTSTART;TZID={}:{}", zone.name, stamp(start)));
                    out.line(&format!(
                        "DTEND;TZID={}:{}",
                        zone.name,
                        stamp(end.max(start))
                    ));
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

fn local(moment: &Moment, zone: Zone) -> DateTime {
    match moment.timestamp() {
        Some(ts) => zone.offset.to_datetime(ts),
        None => moment.datetime,
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
