//! Today's desk (`taizhang` with no command): what needs the clerk today —
//! overdue and due-soon follow-ups, papers awaiting handling, the next
//! seven days of deadlines and meetings.
//!
//! Pure: "today" and the look-ahead are passed in; levels come from
//! `report::remind`, overdue from `Record::due_state`.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::{Label, Lang, Message};
use crate::model::date::days_between;
use crate::model::facts::Facts;
use crate::model::id::Id;
use crate::model::incoming::InStatus;
use crate::model::kind::Kind;
use crate::model::meeting::MtStatus;
use crate::model::record::Record;
use crate::report::redact::Secrets;
use crate::report::remind::{self, Level, Reminder, Scope};
use crate::report::render::{Table, Tone};

/// How far ahead the desk looks for deadlines and meetings.
pub const DAYS_AHEAD: i64 = 7;

#[derive(Debug, Clone, Serialize)]
pub struct Desk {
    /// Follow-ups overdue or due within `remind.within`.
    pub followups: Vec<Reminder>,
    /// Incoming action papers still in hand, oldest first.
    pub awaiting: Vec<Awaiting>,
    /// Deadlines (follow-ups and papers) from today to a week ahead.
    pub upcoming: Vec<Reminder>,
    /// Meetings planned from today to a week ahead.
    pub meetings: Vec<Upcoming>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Awaiting {
    pub id: Id,
    pub title: String,
    pub status: InStatus,
    pub sender: String,
    pub received: Date,
    pub deadline: Option<Date>,
    pub days_left: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Upcoming {
    pub id: Id,
    pub title: String,
    pub start: String,
    pub venue: Option<String>,
}

impl Desk {
    pub fn is_empty(&self) -> bool {
        self.followups.is_empty()
            && self.awaiting.is_empty()
            && self.upcoming.is_empty()
            && self.meetings.is_empty()
    }
}

/// Whether a record with these facts can show on the desk of `today`:
/// what is still open, and planned meetings (dated within the week).
/// Records failing this are not decoded.
pub fn relevant(facts: &Facts, today: Date) -> bool {
    let week_end = today.checked_add(DAYS_AHEAD.days()).unwrap_or(Date::MAX);
    facts.open || facts.touches(today, week_end)
}

pub fn compute(records: &[&Record], today: Date, soon_until: Date) -> Desk {
    // The desk is the clerk's own screen, like `list`: titles are shown.
    let secrets = Secrets::new(records, true);
    let week_end = today.checked_add(DAYS_AHEAD.days()).unwrap_or(today);
    let scope = |until| Scope {
        today,
        soon_until: until,
        unit: None,
        owner: None,
    };
    let followups = remind::select(records, &scope(soon_until), &secrets)
        .into_iter()
        .filter(|r| r.kind == Kind::Followup)
        .collect();
    let upcoming = remind::select(records, &scope(week_end), &secrets)
        .into_iter()
        .filter(|r| r.level != Level::Overdue)
        .collect();
    let mut awaiting: Vec<Awaiting> = records
        .iter()
        .filter_map(|r| match r {
            Record::Incoming(doc) if doc.is_pending() => Some(Awaiting {
                id: doc.id.clone(),
                title: doc.title.clone(),
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
                        title: mt.title.clone(),
                        start: mt.start.to_string(),
                        venue: mt.venue.clone(),
                    },
                ))
            }
            _ => None,
        })
        .collect();
    meetings.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    Desk {
        followups,
        awaiting,
        upcoming,
        meetings: meetings.into_iter().map(|(_, m)| m).collect(),
    }
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
        let t = tone(Some(r.days_left));
        table.push(vec![
            (r.level.label(lang).to_string(), t),
            (r.id.to_string(), Tone::Plain),
            (lang.title(&r.title), Tone::Plain),
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
                (a.title.clone(), Tone::Plain),
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
                (m.title.clone(), Tone::Plain),
                (m.start.clone(), Tone::Plain),
                (m.venue.clone().unwrap_or_default(), Tone::Plain),
            ]);
        }
        out.push((lang.label(Label::WeekMeetings), table));
    }
    out
}

/// The desk for a terminal.
pub fn terminal(desk: &Desk, today: Date, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    for (heading, table) in sections(desk, lang) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&lang.dated(heading, today));
        out.push('\n');
        out.push_str(&table.to_terminal(color));
    }
    if out.is_empty() {
        out = format!("{}\n", lang.message(Message::DeskClear));
    }
    out
}

/// The desk as Markdown.
pub fn markdown(desk: &Desk, lang: Lang) -> String {
    let mut out = String::new();
    for (heading, table) in sections(desk, lang) {
        out.push_str(&format!("### {heading}\n\n{}\n", table.to_markdown()));
    }
    if out.is_empty() {
        out = format!("{}\n", lang.message(Message::DeskClear));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `relevant` never passes over a record the desk would show.
    #[test]
    fn records_passed_over_never_show() {
        let mut shown = 0;
        for record in crate::testing::example_records() {
            let facts = Facts::of(&record);
            for today in ["2026-11-16", "2026-11-23", "2026-11-26", "2027-01-04"] {
                let today: Date = today.parse().unwrap();
                let soon = today.checked_add(3.days()).unwrap();
                if !compute(&[&record], today, soon).is_empty() {
                    shown += 1;
                    assert!(relevant(&facts, today), "{} on {today}", record.id());
                }
            }
        }
        assert!(shown > 10, "{shown}");
    }
}
