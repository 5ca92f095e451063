//! `Record`: any record of the register, with what every kind answers alike
//! (its ID, title, status, unit, due date, overdue).

use jiff::civil::Date;
use serde::Serialize;

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::{Moment, days_between};
use crate::model::followup::Followup;
use crate::model::id::Id;
use crate::model::incoming::Incoming;
use crate::model::keyword::{Keyword, Secrecy};
use crate::model::kind::Kind;
use crate::model::logbook::Entry;
use crate::model::meeting::Meeting;
use crate::model::outgoing::Outgoing;

/// Variants are boxed: kinds differ in size by hundreds of bytes, and a
/// register holds a hundred thousand records.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Incoming(Box<Incoming>),
    Outgoing(Box<Outgoing>),
    Followup(Box<Followup>),
    Meeting(Box<Meeting>),
    /// A logbook entry, with the book's name.
    Entry(Box<Entry>, String),
}

/// Runs the same expression on whichever kind `$record` holds.
macro_rules! each {
    ($record:expr, $r:ident => $body:expr) => {
        match $record {
            Record::Incoming($r) => $body,
            Record::Outgoing($r) => $body,
            Record::Followup($r) => $body,
            Record::Meeting($r) => $body,
            Record::Entry($r, _) => $body,
        }
    };
}

/// Whether a dated item is late, due today, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueState {
    pub due: Date,
    pub days_left: i64,
}

impl DueState {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

impl Record {
    /// Reads a record of `kind` from YAML text. `book` names the logbook
    /// for entries.
    pub fn from_yaml(
        text: &str,
        kind: Kind,
        book: Option<&str>,
    ) -> Result<Record, serde_yaml::Error> {
        Ok(match kind {
            Kind::Incoming => Record::Incoming(serde_yaml::from_str(text)?),
            Kind::Outgoing => Record::Outgoing(serde_yaml::from_str(text)?),
            Kind::Followup => Record::Followup(serde_yaml::from_str(text)?),
            Kind::Meeting => Record::Meeting(serde_yaml::from_str(text)?),
            Kind::Logbook => Record::Entry(
                serde_yaml::from_str(text)?,
                book.unwrap_or_default().to_string(),
            ),
        })
    }

    /// The record as a YAML value tree, keys in their documented order.
    pub fn to_value(&self) -> Result<serde_yaml::Value, serde_yaml::Error> {
        each!(self, r => serde_yaml::to_value(r))
    }

    /// The record as JSON, for `--format json`.
    pub fn to_json(&self) -> serde_json::Value {
        each!(self, r => to_json(r))
    }

    pub fn kind(&self) -> Kind {
        match self {
            Record::Incoming(_) => Kind::Incoming,
            Record::Outgoing(_) => Kind::Outgoing,
            Record::Followup(_) => Kind::Followup,
            Record::Meeting(_) => Kind::Meeting,
            Record::Entry(..) => Kind::Logbook,
        }
    }

    /// The logbook's name, for entries.
    pub fn book(&self) -> Option<&str> {
        match self {
            Record::Entry(_, book) => Some(book),
            _ => None,
        }
    }

    pub fn id(&self) -> &Id {
        each!(self, r => &r.id)
    }

    /// The IDs this record links to: follow-ups it spawned, the reply or
    /// the answered paper, its source, the formal minutes.
    pub fn links(&self) -> Vec<Id> {
        match self {
            Record::Incoming(r) => (r.followups.iter().cloned())
                .chain(r.reply.as_ref().and_then(|reply| reply.reference.clone()))
                .collect(),
            Record::Outgoing(r) => (r.followups.iter().cloned())
                .chain(r.in_reply_to.clone())
                .collect(),
            Record::Followup(r) => r.source_ref.iter().map(|s| s.id.clone()).collect(),
            Record::Meeting(r) => (r.decisions.iter())
                .filter_map(|d| d.followup.clone())
                .chain(r.minutes.as_deref().and_then(Id::parse))
                .collect(),
            Record::Entry(..) => Vec::new(),
        }
    }

    pub fn title(&self) -> &str {
        each!(self, r => &r.title)
    }

    pub fn created(&self) -> &Moment {
        each!(self, r => &r.created)
    }

    pub fn history(&self) -> &[HistoryEntry] {
        each!(self, r => &r.history)
    }

    /// Gives back the spare room of the record's lists. A list read from
    /// JSON or YAML grows by doubling, from four: a history of one entry
    /// holds room for four, which over a whole register is a quarter of
    /// the memory its records take.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Record::Incoming(r) => {
                r.history.shrink_to_fit();
                r.instructions.shrink_to_fit();
                r.support.shrink_to_fit();
                r.circulation.shrink_to_fit();
                r.followups.shrink_to_fit();
                r.attachments.shrink_to_fit();
            }
            Record::Outgoing(r) => {
                r.history.shrink_to_fit();
                r.to.shrink_to_fit();
                r.cc.shrink_to_fit();
                r.followups.shrink_to_fit();
                r.attachments.shrink_to_fit();
            }
            Record::Followup(r) => {
                r.history.shrink_to_fit();
                r.support.shrink_to_fit();
                r.extensions.shrink_to_fit();
                r.progress.shrink_to_fit();
                r.chases.shrink_to_fit();
            }
            Record::Meeting(r) => {
                r.history.shrink_to_fit();
                r.attendees.shrink_to_fit();
                r.absent.shrink_to_fit();
                r.observers.shrink_to_fit();
                r.agenda.shrink_to_fit();
                r.decisions.shrink_to_fit();
            }
            Record::Entry(r, _) => r.history.shrink_to_fit(),
        }
    }

    pub fn push_history(&mut self, entry: HistoryEntry) {
        each!(self, r => r.history.push(entry))
    }

    /// Keys the tool does not know: kept on rewrite, warned about by `check`.
    pub fn extra(&self) -> &Extra {
        match self {
            Record::Incoming(r) => &r.extra,
            Record::Outgoing(r) => &r.extra,
            Record::Followup(r) => &r.extra,
            Record::Meeting(r) => &r.extra,
            // An entry's declared fields live in the same map; the caller
            // separates them with the book's declaration.
            Record::Entry(r, _) => &r.fields,
        }
    }

    /// The status as stored.
    pub fn status(&self) -> &str {
        match self {
            Record::Incoming(r) => r.status.keyword(),
            Record::Outgoing(r) => r.status.keyword(),
            Record::Followup(r) => r.status.keyword(),
            Record::Meeting(r) => r.status.keyword(),
            Record::Entry(r, _) => &r.status,
        }
    }

    /// The status as a typed value; `None` for a logbook entry, whose
    /// status is whatever its book says.
    pub fn typed_status(&self) -> Option<crate::model::transition::Status> {
        match self {
            Record::Incoming(r) => Some(r.status.into()),
            Record::Outgoing(r) => Some(r.status.into()),
            Record::Followup(r) => Some(r.status.into()),
            Record::Meeting(r) => Some(r.status.into()),
            Record::Entry(..) => None,
        }
    }

    /// Whether a status typed by the user names this record's status: the
    /// stored keyword (any case) or any of its Chinese words (已办结 and
    /// 已销号 both name `closed`).
    pub fn status_is(&self, wanted: &str) -> bool {
        let chinese = match self {
            Record::Incoming(r) => r.status.chinese(),
            Record::Outgoing(r) => r.status.chinese(),
            Record::Followup(r) => r.status.chinese(),
            Record::Meeting(r) => r.status.chinese(),
            Record::Entry(r, _) => &r.status,
        };
        self.status().eq_ignore_ascii_case(wanted) || chinese.split('|').any(|w| w == wanted)
    }

    pub fn secrecy(&self) -> Secrecy {
        match self {
            Record::Incoming(r) => r.secrecy,
            Record::Outgoing(r) => r.secrecy,
            Record::Followup(r) => r.secrecy,
            Record::Meeting(r) => r.secrecy,
            Record::Entry(..) => Secrecy::None,
        }
    }

    /// The unit responsible inside the office: the lead unit of a
    /// follow-up or an assigned paper, the drafting unit of an outgoing one.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Record::Incoming(r) => r.lead.as_deref(),
            Record::Outgoing(r) => r.drafting_unit.as_deref(),
            Record::Followup(r) => Some(&r.lead),
            Record::Meeting(_) => None,
            Record::Entry(r, _) => r.fields.get("unit").and_then(|v| v.as_str()),
        }
    }

    /// The person responsible.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Record::Followup(r) => r.owner.as_deref(),
            Record::Outgoing(r) => r.drafter.as_deref(),
            Record::Incoming(r) => r.received_by.as_deref(),
            Record::Meeting(r) => r.recorder.as_deref(),
            Record::Entry(r, _) => r.fields.get("handler").and_then(|v| v.as_str()),
        }
    }

    /// The other party: who sent a paper in, who an outgoing one goes to.
    pub fn party(&self) -> Option<String> {
        match self {
            Record::Incoming(r) => Some(r.sender.clone()),
            Record::Outgoing(r) => Some(r.to.join("、")),
            Record::Meeting(r) => r.venue.clone(),
            _ => None,
        }
    }

    /// The date a record is filed under: received, signed, assigned, held.
    pub fn date(&self) -> Date {
        match self {
            Record::Incoming(r) => r.received.date(),
            Record::Outgoing(r) => r.signed.unwrap_or_else(|| r.created.date()),
            Record::Followup(r) => r.assigned,
            Record::Meeting(r) => r.start.date(),
            Record::Entry(r, _) => r
                .fields
                .get("date")
                .and_then(|v| v.as_str())
                .and_then(crate::model::date::parse_iso_date)
                .unwrap_or_else(|| r.created.date()),
        }
    }

    /// Still to be done: an open follow-up, an action paper still in hand
    /// (with or without a deadline).
    pub fn is_open(&self) -> bool {
        match self {
            Record::Followup(r) => r.is_open(),
            Record::Incoming(r) => r.is_pending(),
            _ => false,
        }
    }

    /// The deadline of something still to be done: an open follow-up's
    /// effective due date, a pending action paper's deadline.
    pub fn pending_due(&self) -> Option<Date> {
        match self {
            Record::Followup(r) if r.is_open() => Some(r.effective_due()),
            Record::Incoming(r) if r.is_pending() => r.deadline,
            _ => None,
        }
    }

    /// The day from which the record is settled for good: from then on it
    /// is neither an open follow-up nor a pending paper for any `asof`
    /// (`Followup::open_on`, `Incoming::pending_on`) nor has a pending
    /// due date. `None` while it may still be open — including records
    /// whose status says closed but that carry no date to tell since when.
    /// Kinds that are never open are settled from the start.
    pub fn settled_on(&self) -> Option<Date> {
        match self {
            Record::Followup(r) if r.is_open() => None,
            Record::Followup(r) => r.closed_on().or_else(|| r.cancelled_on()),
            Record::Incoming(r) if r.is_pending() => None,
            Record::Incoming(r) => r.settled_on(),
            Record::Outgoing(_) | Record::Meeting(_) | Record::Entry(..) => Some(Date::MIN),
        }
    }

    /// The deadline of a record that has one, whatever its status: a
    /// follow-up's effective due date, a paper's handling deadline.
    pub fn deadline(&self) -> Option<Date> {
        match self {
            Record::Followup(r) => Some(r.effective_due()),
            Record::Incoming(r) => r.deadline,
            _ => None,
        }
    }

    /// The reference a clerk quotes: the sender's 来文字号 of an incoming
    /// paper, the 发文字号 of an outgoing one.
    pub fn reference(&self) -> Option<&str> {
        match self {
            Record::Incoming(r) => r.sender_ref.as_deref(),
            Record::Outgoing(r) => Some(&r.doc_number),
            _ => None,
        }
    }

    /// The one definition of overdue: still to be done, and its deadline
    /// is before today.
    pub fn due_state(&self, today: Date) -> Option<DueState> {
        self.pending_due().map(|due| DueState {
            due,
            days_left: days_between(today, due),
        })
    }

    /// Whether `needle` (lower-cased) occurs in the title, references,
    /// parties or notes.
    pub fn matches_search(&self, needle: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(needle);
        if hit(self.title()) || hit(&self.id().to_string()) {
            return true;
        }
        match self {
            Record::Incoming(r) => {
                hit(&r.sender)
                    || r.sender_ref.as_deref().is_some_and(hit)
                    || r.notes.as_deref().is_some_and(hit)
            }
            Record::Outgoing(r) => {
                hit(&r.doc_number)
                    || r.to.iter().any(|t| hit(t))
                    || r.notes.as_deref().is_some_and(hit)
            }
            Record::Followup(r) => {
                r.requirement.as_deref().is_some_and(hit)
                    || r.owner.as_deref().is_some_and(hit)
                    || r.notes.as_deref().is_some_and(hit)
            }
            Record::Meeting(r) => r.decisions.iter().any(|d| hit(&d.text)),
            Record::Entry(r, _) => r.fields.values().any(|v| v.as_str().is_some_and(hit)),
        }
    }
}

fn to_json<T: Serialize>(record: &T) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or(serde_json::Value::Null)
}
