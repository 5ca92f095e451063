//! Today's desk (`taizhang` with no command): what needs the clerk today —
//! today's and tomorrow's duty, overdue and due-soon follow-ups (and those
//! whose progress report is owed), logbook entries out past their due
//! date, papers awaiting handling, the next seven days of deadlines and
//! meetings.
//!
//! Pure: "today" and the look-ahead are passed in; levels come from
//! `report::remind`, overdue from `Record::due_state`. Titles are
//! redacted as `remind` redacts them (`Secrets`, chosen by the caller);
//! JSON carries stored keywords and RFC 3339 moments, people read
//! `2026-12-02 09:00`.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::loops::{self as words, LoopWord};
use crate::i18n::{Label, Lang, Message};
use crate::report::redact::{Secrets, Title};
use crate::report::remind::{self, Level, Reminder, Scope};
use crate::report::render::{Screen, Table, Tone};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::date::{When, days_between};
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::incoming::InStatus;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::meeting::MtStatus;
use taizhang_core::model::record::Record;

/// How far ahead the desk looks for deadlines and meetings.
pub const DAYS_AHEAD: i64 = 7;

/// The logbook the desk reads today's and tomorrow's duty from.
pub const DUTY_BOOK: &str = "duty";

#[derive(Debug, Clone, Serialize)]
pub struct Desk {
    /// Today's and tomorrow's duty, when the duty book has either.
    pub duty: Option<Duty>,
    /// Follow-ups overdue or due within `remind.within`, then those whose
    /// progress report is owed.
    pub followups: Vec<Reminder>,
    /// Logbook entries out past their due date (a seal not returned).
    pub out: Vec<Reminder>,
    /// Incoming action papers still in hand, oldest first.
    pub awaiting: Vec<Awaiting>,
    /// Deadlines (follow-ups, papers and entries due back) from today to
    /// a week ahead.
    pub upcoming: Vec<Reminder>,
    /// Meetings planned from today to a week ahead.
    pub meetings: Vec<Upcoming>,
}

/// Who is on duty on two days.
#[derive(Debug, Clone, Serialize)]
pub struct Duty {
    pub today: Vec<Turn>,
    pub tomorrow: Vec<Turn>,
}

/// One turn of duty, from an entry of the duty book.
#[derive(Debug, Clone, Serialize)]
pub struct Turn {
    pub id: Id,
    pub date: Date,
    pub shift: Option<String>,
    pub leader: Option<String>,
    pub officers: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Awaiting {
    pub id: Id,
    /// Withheld when the paper is classified.
    pub title: Title,
    pub status: InStatus,
    pub sender: String,
    pub received: Date,
    pub deadline: Option<Date>,
    pub days_left: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Upcoming {
    pub id: Id,
    /// Withheld when the meeting is classified.
    pub title: Title,
    /// A date or RFC 3339 in JSON; people read `2026-12-02 09:00` (`when`).
    pub start: When,
    pub venue: Option<String>,
}

/// A meeting's start as people read it on the desk: `2026-12-02 09:00`,
/// or the date alone when no time was given.
pub fn when(start: &When) -> String {
    match start {
        When::Date(date) => date.to_string(),
        When::Moment(moment) => moment.datetime.strftime("%Y-%m-%d %H:%M").to_string(),
    }
}

impl Desk {
    pub fn is_empty(&self) -> bool {
        self.duty.is_none()
            && self.out.is_empty()
            && self.followups.is_empty()
            && self.awaiting.is_empty()
            && self.upcoming.is_empty()
            && self.meetings.is_empty()
    }
}

/// Whether a record with these facts can show on the desk of `today`:
/// what is still open (entries only while out on their book's loop), and
/// what is filed under a day of the week ahead: planned meetings (by
/// their start) and today's and tomorrow's duty (by their date). Not the
/// whole span of dates a record holds: a register imported today would
/// all touch today by its `created`. Records failing this are not
/// decoded.
pub fn relevant(facts: &Facts, today: Date) -> bool {
    let week_end = today.checked_add(DAYS_AHEAD.days()).unwrap_or(Date::MAX);
    facts.open || (today..=week_end).contains(&facts.filed)
}

/// The desk of `today`. `books` are the declared logbooks (their loops,
/// and the duty book); `secrets` withholds classified titles unless the
/// clerk asked to see them.
pub fn compute(
    records: &[&Record],
    today: Date,
    soon_until: Date,
    secrets: &Secrets,
    books: &BTreeMap<String, LogbookDef>,
) -> Desk {
    let week_end = today.checked_add(DAYS_AHEAD.days()).unwrap_or(today);
    let scope = |until| Scope {
        today,
        soon_until: until,
        unit: None,
        owner: None,
    };
    let (out, followups): (Vec<Reminder>, Vec<Reminder>) =
        remind::gather(records, &scope(soon_until), secrets, books)
            .into_iter()
            .filter(|r| r.kind == Kind::Followup || (r.book.is_some() && r.level == Level::Overdue))
            .partition(|r| r.book.is_some());
    // Entries due back count as deadlines: a car due back today shows.
    let upcoming = remind::deadlines(records, &scope(week_end), secrets, books)
        .into_iter()
        .filter(|r| r.level != Level::Overdue)
        .collect();
    let mut awaiting: Vec<Awaiting> = records
        .iter()
        .filter_map(|r| match r {
            Record::Incoming(doc) if doc.is_pending() => Some(Awaiting {
                id: doc.id.clone(),
                title: secrets.title(r),
                status: doc.status,
                sender: doc.sender.clone(),
                received: doc.received.date(),
                deadline: doc.deadline,
                days_left: doc.deadline.map(|d| days_between(today, d)),
            }),
            _ => None,
        })
        .collect();
    awaiting.sort_by(|a, b| (a.received, &a.id).cmp(&(b.received, &b.id)));
    let mut meetings: Vec<(Date, Upcoming)> = records
        .iter()
        .filter_map(|r| match r {
            Record::Meeting(mt)
                if mt.status == MtStatus::Planned
                    && (today..=week_end).contains(&mt.start.date()) =>
            {
                Some((
                    mt.start.date(),
                    Upcoming {
                        id: mt.id.clone(),
                        title: secrets.title(r),
                        start: mt.start,
                        venue: mt.venue.clone(),
                    },
                ))
            }
            _ => None,
        })
        .collect();
    meetings.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    Desk {
        duty: duty(records, today, books),
        followups,
        out,
        awaiting,
        upcoming,
        meetings: meetings.into_iter().map(|(_, m)| m).collect(),
    }
}

/// Today's and tomorrow's turns of the duty book, `None` when it has
/// neither (or the register keeps no duty book).
fn duty(records: &[&Record], today: Date, books: &BTreeMap<String, LogbookDef>) -> Option<Duty> {
    if !books.contains_key(DUTY_BOOK) {
        return None;
    }
    let tomorrow = today.checked_add(1.day()).ok()?;
    let text = |value: Option<&serde_yaml::Value>| -> Option<String> {
        match value? {
            serde_yaml::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            serde_yaml::Value::Sequence(items) => {
                let names: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
                (!names.is_empty()).then(|| names.join("、"))
            }
            _ => None,
        }
    };
    let mut turns: Vec<Turn> = records
        .iter()
        .filter_map(|r| match r {
            Record::Entry(entry, book) if book == DUTY_BOOK => {
                let date = r.date();
                (date == today || date == tomorrow).then(|| Turn {
                    id: entry.id.clone(),
                    date,
                    shift: text(entry.fields.get("shift")),
                    leader: text(entry.fields.get("leader")),
                    officers: text(entry.fields.get("officers")).unwrap_or_default(),
                })
            }
            _ => None,
        })
        .collect();
    if turns.is_empty() {
        return None;
    }
    turns.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let (today, tomorrow) = turns.into_iter().partition(|t| t.date == today);
    Some(Duty { today, tomorrow })
}

/// The duty line: `值班：今日 张三（带班 陈局长）；明日 李四（带班 王局长）`.
pub fn duty_line(duty: &Duty, lang: Lang) -> String {
    let day = |turns: &[Turn]| -> String {
        if turns.is_empty() {
            return LoopWord::NotRostered.word(lang).to_string();
        }
        let several = turns.len() > 1;
        let slots: Vec<String> = turns
            .iter()
            .map(|t| {
                let shift = t.shift.as_deref().filter(|_| several);
                words::duty_slot(lang, shift, &t.officers, t.leader.as_deref())
            })
            .collect();
        slots.join(lang.list_separator())
    };
    words::duty_line(lang, &day(&duty.today), &day(&duty.tomorrow))
}

fn head(lang: Lang, labels: &[Label]) -> Table {
    Table::new(labels.iter().map(|l| lang.label(*l).to_string()).collect())
}

fn tone(days_left: Option<i64>) -> Tone {
    match days_left {
        Some(d) if d < 0 => Tone::Danger,
        Some(0) => Tone::Warn,
        _ => Tone::Plain,
    }
}

fn reminder_table(items: &[Reminder], lang: Lang) -> Table {
    let mut table = head(
        lang,
        &[
            Label::Level,
            Label::Id,
            Label::Title,
            Label::Unit,
            Label::Owner,
            Label::Due,
            Label::DaysLeft,
        ],
    );
    for r in items {
        // Behind schedule is yellow, however long ago the milestone was.
        let t = match r.level {
            Level::Behind => Tone::Warn,
            _ => tone(Some(r.days_left)),
        };
        table.push(vec![
            (r.level.label(lang).to_string(), t),
            (r.id.to_string(), Tone::Plain),
            (r.title.words(lang), Tone::Plain),
            (r.unit.clone().unwrap_or_default(), Tone::Plain),
            (r.owner.clone().unwrap_or_default(), Tone::Plain),
            (r.due.to_string(), Tone::Plain),
            (r.days_left.to_string(), t),
        ]);
    }
    table
}

/// The desk's sections as (heading, table), empty sections left out.
pub fn sections(desk: &Desk, lang: Lang) -> Vec<(&'static str, Table)> {
    let mut out = Vec::new();
    if !desk.followups.is_empty() {
        out.push((
            lang.label(Label::OverdueAndSoon),
            reminder_table(&desk.followups, lang),
        ));
    }
    if !desk.out.is_empty() {
        let mut table = head(
            lang,
            &[
                Label::Id,
                Label::Title,
                Label::Unit,
                Label::Owner,
                Label::Due,
                Label::DaysLeft,
            ],
        );
        table
            .headers
            .insert(1, LoopWord::Book.word(lang).to_string());
        for r in &desk.out {
            table.push(vec![
                (r.id.to_string(), Tone::Plain),
                (r.kind_word(lang).to_string(), Tone::Plain),
                (r.title.words(lang), Tone::Plain),
                (r.unit.clone().unwrap_or_default(), Tone::Plain),
                (r.owner.clone().unwrap_or_default(), Tone::Plain),
                (r.due.to_string(), Tone::Plain),
                (r.days_left.to_string(), tone(Some(r.days_left))),
            ]);
        }
        out.push((LoopWord::OutPastDue.word(lang), table));
    }
    if !desk.awaiting.is_empty() {
        let mut table = head(
            lang,
            &[
                Label::Id,
                Label::Title,
                Label::Status,
                Label::Party,
                Label::Received,
                Label::Due,
                Label::DaysLeft,
            ],
        );
        table.headers[3] = lang.field("sender").to_string();
        for a in &desk.awaiting {
            let t = tone(a.days_left);
            table.push(vec![
                (a.id.to_string(), Tone::Plain),
                (a.title.words(lang), Tone::Plain),
                (lang.keyword(a.status).to_string(), Tone::Plain),
                (a.sender.clone(), Tone::Plain),
                (a.received.to_string(), Tone::Plain),
                (
                    a.deadline.map(|d| d.to_string()).unwrap_or_default(),
                    Tone::Plain,
                ),
                (a.days_left.map(|d| d.to_string()).unwrap_or_default(), t),
            ]);
        }
        out.push((lang.label(Label::AwaitingHandling), table));
    }
    if !desk.upcoming.is_empty() {
        out.push((
            lang.label(Label::NextDeadlines),
            reminder_table(&desk.upcoming, lang),
        ));
    }
    if !desk.meetings.is_empty() {
        let mut table = head(lang, &[Label::Id, Label::Title, Label::Start, Label::Party]);
        table.headers[3] = lang.field("venue").to_string();
        for m in &desk.meetings {
            table.push(vec![
                (m.id.to_string(), Tone::Plain),
                (m.title.words(lang), Tone::Plain),
                (when(&m.start), Tone::Plain),
                (m.venue.clone().unwrap_or_default(), Tone::Plain),
            ]);
        }
        out.push((lang.label(Label::WeekMeetings), table));
    }
    out
}

/// The desk for a terminal.
pub fn terminal(desk: &Desk, today: Date, lang: Lang, screen: Screen) -> String {
    let mut out = String::new();
    if let Some(duty) = &desk.duty {
        out.push_str(&duty_line(duty, lang));
        out.push('\n');
    }
    let sections = sections(desk, lang);
    if sections.is_empty() {
        out.push_str(&format!("{}\n", lang.message(Message::DeskClear)));
    }
    for (heading, table) in sections {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&lang.dated(heading, today));
        out.push('\n');
        out.push_str(&table.to_terminal(screen));
    }
    out
}

/// The desk as Markdown.
pub fn markdown(desk: &Desk, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(duty) = &desk.duty {
        out.push_str(&format!("**{}**\n\n", duty_line(duty, lang)));
    }
    let sections = sections(desk, lang);
    if sections.is_empty() {
        out.push_str(&format!("{}\n", lang.message(Message::DeskClear)));
    }
    for (heading, table) in sections {
        out.push_str(&format!("### {heading}\n\n{}\n", table.to_markdown()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::redact::Reveal;

    /// `relevant` never passes over a record the desk would show.
    #[test]
    fn records_passed_over_never_show() {
        let mut shown = 0;
        for record in taizhang_core::testing::example_records() {
            let facts = Facts::of(&record);
            for today in ["2026-11-16", "2026-11-23", "2026-11-26", "2027-01-04"] {
                let today: Date = today.parse().unwrap();
                let soon = today.checked_add(3.days()).unwrap();
                let one = [&record];
                let secrets = Secrets::new(&one, Reveal::Withhold);
                let books = taizhang_core::model::logbook::presets();
                if !compute(&one, today, soon, &secrets, &books).is_empty() {
                    shown += 1;
                    assert!(relevant(&facts, today), "{} on {today}", record.id());
                }
            }
        }
        assert!(shown > 10, "{shown}");
    }

    /// A record written today but filed long ago (an imported visit) is
    /// passed over; today's duty, filed today, is read.
    #[test]
    fn records_are_read_by_the_day_they_are_filed_under() {
        use taizhang_core::model::kind::Kind;
        let books = taizhang_core::model::logbook::presets();
        let entry = |book: &str, fields: &str| {
            let mut record = Record::from_yaml(
                &format!("id: X-2026-0001\ncreated: 2026-11-23T08:00:00+08:00\n{fields}"),
                Kind::Logbook,
                Some(book),
            )
            .unwrap();
            record.know_books(&books);
            Facts::of(&record)
        };
        let today = Date::constant(2026, 11, 23);
        let visit = entry(
            "visit",
            "arrived: 2025-12-12T16:00:00+08:00\nvisitor: 马先生\n",
        );
        assert!(visit.touches(today, today));
        assert!(!relevant(&visit, today));
        let duty = entry("duty", "date: 2026-11-24\nshift: 全天\nofficers: 张三\n");
        assert!(relevant(&duty, today));
        assert!(!relevant(&duty, Date::constant(2026, 11, 25)));
    }
}
