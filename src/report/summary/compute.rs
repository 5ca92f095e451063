//! The figures of `summary`, each computed here with exactly its definition
//! in docs/summaries.md. Pure: the records, the period and "today" are
//! passed in; no language: a withheld title is data (`Title`).

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::report::redact::{Secrets, Title};
use taizhang_core::model::asof::{self, Closing};
use taizhang_core::model::date::days_between;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{Handling, Urgency};
use taizhang_core::model::kind::KindFigures;
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;

/// Everything `summary` reports; scripts rely on its JSON, whose shape
/// docs/summaries.md shows key for key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub period: Span,
    pub documents: Documents,
    pub followups: Followups,
    pub by_unit: Vec<UnitRow>,
    pub overdue: Vec<OverdueRow>,
    pub meetings: Meetings,
    pub logbooks: BTreeMap<String, usize>,
    /// The figures of each kind built in its room, under its key
    /// (`rules`); a kind that counted nothing is left out of the JSON.
    #[serde(flatten)]
    pub kinds: KindFigures,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub from: Date,
    pub to: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Documents {
    pub incoming: usize,
    pub incoming_by_urgency: ByUrgency,
    pub incoming_by_handling: ByHandling,
    pub outgoing: usize,
    pub incoming_done: usize,
    pub incoming_pending: usize,
    pub incoming_overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ByUrgency {
    pub normal: usize,
    pub urgent: usize,
    #[serde(rename = "very-urgent")]
    pub very_urgent: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ByHandling {
    pub action: usize,
    pub info: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Followups {
    pub assigned: usize,
    pub closed: usize,
    pub closed_on_time: usize,
    pub on_time_rate: Option<f64>,
    pub due: usize,
    pub due_closed: usize,
    pub completion_rate: Option<f64>,
    pub open: usize,
    pub overdue: usize,
    /// Parts (分解子项) assigned in the period, counted apart: every other
    /// figure counts matters only (`model::breakdown`).
    pub parts: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UnitRow {
    pub unit: String,
    pub assigned: usize,
    pub closed: usize,
    pub closed_on_time: usize,
    pub open: usize,
    pub overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueRow {
    pub id: Id,
    /// Withheld when the record is classified.
    pub title: Title,
    pub unit: String,
    pub owner: Option<String>,
    pub due: Date,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Meetings {
    pub held: usize,
    pub decisions: usize,
    /// Each meeting held, with its 落实率 (`summary::meetings`).
    pub items: Vec<super::meetings::HeldMeeting>,
}

/// What one follow-up contributes: as it stood at the end of `asof`
/// (`model::asof`), so a past period keeps the figures it had.
struct FuFacts {
    assigned: bool,
    closed: bool,
    closed_on_time: bool,
    due: bool,
    due_closed: bool,
    open: bool,
    overdue: bool,
    /// The due date in force on `asof`.
    due_then: Date,
}

fn followup_facts(fu: &Followup, period: &Period, asof: Date, closing: Closing) -> FuFacts {
    let then = asof::followup(fu, asof, closing);
    let closed = then.closed().is_some_and(|c| period.contains(c));
    let due_in_period = period.contains(then.due) && !then.cancelled();
    FuFacts {
        assigned: period.contains(fu.assigned),
        closed,
        closed_on_time: closed && then.closed_on_time,
        due: due_in_period,
        due_closed: due_in_period && then.closed().is_some(),
        open: then.open(),
        overdue: then.overdue(asof),
        due_then: then.due,
    }
}

/// Whether a record with these `facts` can count in the summary of
/// `period` seen on `today`: it may still be open or pending on `asof`, or
/// one of its dates may fall in the period (or on `asof`). Every figure of
/// `compute` depends on nothing else, so records failing this are not
/// even decoded (`tests::only_relevant_records_count` holds us to it).
pub fn relevant(facts: &Facts, period: &Period, today: Date) -> bool {
    let asof = period.asof(today);
    facts.settled.is_none_or(|settled| settled > asof)
        || facts.touches(period.from.min(asof), period.to.max(asof))
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Computes every figure of docs/summaries.md for `records` (already
/// narrowed to one unit, if asked). `books` are the declared logbooks, each
/// reported even when empty; `closing` is what `done` does in the register,
/// which a reopened follow-up's history is read by.
pub fn compute(
    records: &[&Record],
    period: &Period,
    today: Date,
    books: &[String],
    closing: Closing,
    secrets: &Secrets,
) -> Summary {
    let asof = period.asof(today);
    let mut documents = Documents::default();
    let mut followups = Followups::default();
    let mut units: BTreeMap<String, UnitRow> = BTreeMap::new();
    let mut overdue = Vec::new();
    let mut meetings = Meetings::default();
    let mut logbooks: BTreeMap<String, usize> = books.iter().map(|b| (b.clone(), 0)).collect();
    let mut kinds = KindFigures::default();

    for record in records {
        kinds.count(record, period, asof);
        match record {
            Record::Incoming(doc) => {
                if period.contains(doc.received.date()) {
                    documents.incoming += 1;
                    let u = &mut documents.incoming_by_urgency;
                    *match doc.urgency {
                        Urgency::Normal => &mut u.normal,
                        Urgency::Urgent => &mut u.urgent,
                        Urgency::VeryUrgent => &mut u.very_urgent,
                    } += 1;
                    let h = &mut documents.incoming_by_handling;
                    *match doc.handling {
                        Handling::Action => &mut h.action,
                        Handling::Info => &mut h.info,
                    } += 1;
                }
                if doc.handling == Handling::Action
                    && doc.completed.is_some_and(|c| period.contains(c))
                {
                    documents.incoming_done += 1;
                }
                let then = asof::incoming(doc, asof);
                documents.incoming_pending += usize::from(then.pending);
                documents.incoming_overdue += usize::from(then.overdue(asof));
            }
            // Record::date is `signed`, else the day it was created.
            Record::Outgoing(_) if period.contains(record.date()) => documents.outgoing += 1,
            Record::Followup(fu) if fu.is_part() => {
                followups.parts += usize::from(period.contains(fu.assigned));
            }
            Record::Followup(fu) => {
                let f = followup_facts(fu, period, asof, closing);
                let count = |flag: bool, n: &mut usize| *n += usize::from(flag);
                count(f.assigned, &mut followups.assigned);
                count(f.closed, &mut followups.closed);
                count(f.closed_on_time, &mut followups.closed_on_time);
                count(f.due, &mut followups.due);
                count(f.due_closed, &mut followups.due_closed);
                count(f.open, &mut followups.open);
                count(f.overdue, &mut followups.overdue);
                if f.assigned || f.closed || f.open {
                    let row = units.entry(fu.lead.clone()).or_insert_with(|| UnitRow {
                        unit: fu.lead.clone(),
                        ..UnitRow::default()
                    });
                    count(f.assigned, &mut row.assigned);
                    count(f.closed, &mut row.closed);
                    count(f.closed_on_time, &mut row.closed_on_time);
                    count(f.open, &mut row.open);
                    count(f.overdue, &mut row.overdue);
                }
                if f.overdue {
                    let due = f.due_then;
                    overdue.push(OverdueRow {
                        id: fu.id.clone(),
                        title: secrets.title(record),
                        unit: fu.lead.clone(),
                        owner: fu.owner.clone(),
                        due,
                        days_overdue: days_between(due, asof),
                    });
                }
            }
            Record::Meeting(mt) if mt.was_held() && period.contains(mt.start.date()) => {
                meetings.held += 1;
                meetings.decisions += mt.decisions.len();
            }
            Record::Entry(_, book) if period.contains(record.date()) => {
                *logbooks.entry(book.clone()).or_insert(0) += 1;
            }
            // What falls outside the period, and a kind built in its
            // room, which counts its own figures (above).
            _ => {}
        }
    }
    followups.on_time_rate = rate(followups.closed_on_time, followups.closed);
    followups.completion_rate = rate(followups.due_closed, followups.due);
    overdue.sort_by(|a, b| (a.due, &a.id).cmp(&(b.due, &b.id)));
    meetings.items = super::meetings::held(records, period, asof, secrets);
    Summary {
        period: Span {
            from: period.from,
            to: period.to,
        },
        documents,
        followups,
        by_unit: units.into_values().collect(),
        overdue,
        meetings,
        logbooks,
        kinds,
    }
}
