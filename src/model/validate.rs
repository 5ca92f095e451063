//! The rules `check` applies beyond "the file parses": required-when
//! fields, impossible dates, secrecy terms, links between records,
//! duplicates. Pure: records in, findings out.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use crate::model::common::TermProblem;
use crate::model::config::Config;
use crate::model::config::ConfigProblem;
use crate::model::date::Moment;
use crate::model::id::Id;
use crate::model::incoming::{InStatus, Incoming};
use crate::model::keyword::{Direction, Handling, Keyword, Secrecy, Urgency};
use crate::model::kind::Kind;
use crate::model::logbook::{EntryProblem, validate_entry};
use crate::model::meeting::MtStatus;
use crate::model::outgoing::OutStatus;
use crate::model::record::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub id: Id,
    pub severity: Severity,
    /// The field concerned, when there is one.
    pub field: Option<String>,
    pub message: Note,
}

/// What is wrong, with the values needed to say it; `i18n` words it in
/// the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    EmptyTitle,
    EmptySender,
    DeadlineNeeded {
        urgency: Urgency,
    },
    CompletedBeforeReceived {
        done: Date,
        received: Date,
    },
    RoutingBackBeforeOut {
        n: usize,
        to: String,
        back: String,
        out: String,
    },
    RoutingSecondCopy {
        n: usize,
        to: String,
        first: usize,
    },
    RoutingOutBeforeBack {
        n: usize,
        to: String,
    },
    RepliedWithoutReply,
    DoneWithoutDate,
    UpwardWithoutSigner,
    NoAddressee,
    IssuedWithoutPrintDate,
    EmptyLead,
    DueBeforeAssigned {
        due: Date,
        assigned: Date,
    },
    ClosedBeforeAssigned {
        closed: Date,
        assigned: Date,
    },
    ClosedWithoutDate,
    ExtensionNotLater {
        to: Date,
        previous: Date,
    },
    DecisionTwice {
        n: u32,
    },
    MinutedWithoutMinutes,
    UnknownBookField {
        key: String,
        book: String,
    },
    UndeclaredBook {
        book: String,
    },
    UnknownField {
        name: String,
    },
    ClassifiedWithoutTerm {
        level: Secrecy,
    },
    DuplicateId {
        id: String,
    },
    MissingRecord {
        id: String,
    },
    MissingFollowup {
        id: String,
    },
    MissingReplyDocument {
        id: String,
    },
    ReplyNotLinkedBack {
        reference: String,
        id: String,
    },
    NotOutgoing {
        id: String,
    },
    NotIncoming {
        id: String,
    },
    DuplicateNumber {
        number: String,
        first: String,
    },
    NoDecision {
        id: String,
        n: u32,
    },
    DecisionFollowupMissing {
        n: u32,
        followup: String,
    },
    DecisionNotLinkedBack {
        n: u32,
        followup: String,
        meeting: String,
    },
    DecisionNotFollowup {
        n: u32,
        followup: String,
    },
    MinutesMissing {
        id: String,
    },
    IdMismatch {
        id: String,
        stem: String,
    },
    Stray,
    Uncommitted,
    NoHolidays {
        year: i16,
    },
    DayOff {
        due: Date,
    },
    /// A logbook entry against its book's declaration.
    Entry(EntryProblem),
    /// A 保密期限 that is malformed or too long.
    Term(TermProblem),
    /// `calendar.toml` could not be used.
    Config(ConfigProblem),
}

struct Findings<'a> {
    id: &'a Id,
    out: Vec<Finding>,
}

impl Findings<'_> {
    fn add(&mut self, severity: Severity, field: &str, message: Note) {
        self.out.push(Finding {
            id: self.id.clone(),
            severity,
            field: (!field.is_empty()).then(|| field.to_string()),
            message,
        });
    }
    fn error(&mut self, field: &str, message: Note) {
        self.add(Severity::Error, field, message);
    }
    fn warning(&mut self, field: &str, message: Note) {
        self.add(Severity::Warning, field, message);
    }
}

/// Checks one record on its own.
pub fn check_record(record: &Record, config: &Config) -> Vec<Finding> {
    let mut f = Findings {
        id: record.id(),
        out: Vec::new(),
    };
    if record.title().trim().is_empty() && record.kind() != Kind::Logbook {
        f.error("title", Note::EmptyTitle);
    }
    check_secrecy(record, &mut f);
    match record {
        Record::Incoming(r) => {
            if r.sender.trim().is_empty() {
                f.error("sender", Note::EmptySender);
            }
            if r.handling == Handling::Action
                && r.urgency != Urgency::Normal
                && r.deadline.is_none()
            {
                f.error("deadline", Note::DeadlineNeeded { urgency: r.urgency });
            }
            if let (Some(done), received) = (r.completed, r.received.date())
                && done < received
            {
                f.error(
                    "completed",
                    Note::CompletedBeforeReceived { done, received },
                );
            }
            check_circulation(r, &mut f);
            if r.status == InStatus::Replied && r.reply.is_none() {
                f.error("reply", Note::RepliedWithoutReply);
            }
            if matches!(r.status, InStatus::Done | InStatus::Replied) && r.completed.is_none() {
                f.warning("completed", Note::DoneWithoutDate);
            }
        }
        Record::Outgoing(r) => {
            if r.direction == Some(Direction::Upward) && r.signer.is_none() {
                f.error("signer", Note::UpwardWithoutSigner);
            }
            if r.to.is_empty() {
                f.warning("to", Note::NoAddressee);
            }
            if r.status == OutStatus::Issued && r.printed.is_none() {
                f.warning("printed", Note::IssuedWithoutPrintDate);
            }
        }
        Record::Followup(r) => {
            if r.lead.trim().is_empty() {
                f.error("lead", Note::EmptyLead);
            }
            if r.due < r.assigned {
                f.error(
                    "due",
                    Note::DueBeforeAssigned {
                        due: r.due,
                        assigned: r.assigned,
                    },
                );
            }
            if let Some(closed) = r.result.as_ref().and_then(|o| o.closed)
                && closed < r.assigned
            {
                f.error(
                    "result",
                    Note::ClosedBeforeAssigned {
                        closed,
                        assigned: r.assigned,
                    },
                );
            }
            if r.closed_on().is_none() && r.status.keyword() == "closed" {
                f.warning("result", Note::ClosedWithoutDate);
            }
            let mut previous = r.due;
            for ext in &r.extensions {
                if ext.to <= previous {
                    f.error(
                        "extensions",
                        Note::ExtensionNotLater {
                            to: ext.to,
                            previous,
                        },
                    );
                }
                previous = ext.to;
            }
        }
        Record::Meeting(r) => {
            let mut seen = HashSet::new();
            for d in &r.decisions {
                if !seen.insert(d.n) {
                    f.error("decisions", Note::DecisionTwice { n: d.n });
                }
            }
            if r.status == MtStatus::Minuted && r.minutes.is_none() {
                f.warning("minutes", Note::MinutedWithoutMinutes);
            }
        }
        Record::Entry(entry, book) => match config.logbooks.get(book) {
            Some(def) => {
                for problem in validate_entry(entry, def) {
                    f.error("", Note::Entry(problem));
                }
                for key in entry.fields.keys().filter_map(|k| k.as_str()) {
                    if !def.fields.iter().any(|d| d.name == key) {
                        f.warning(
                            key,
                            Note::UnknownBookField {
                                key: key.to_string(),
                                book: book.clone(),
                            },
                        );
                    }
                }
            }
            None => f.error("", Note::UndeclaredBook { book: book.clone() }),
        },
    }
    if record.kind() != Kind::Logbook {
        for key in record.extra().keys() {
            let name = key
                .as_str()
                .map_or_else(|| format!("{key:?}"), str::to_string);
            f.warning(&name, Note::UnknownField { name: name.clone() });
        }
    }
    f.out
}

/// 传阅 must read in order: each copy back after it went out, and nobody
/// sent a second copy while still holding the first.
fn check_circulation(doc: &Incoming, f: &mut Findings) {
    let mut holding: HashMap<&str, usize> = HashMap::new();
    let mut last_back: HashMap<&str, Moment> = HashMap::new();
    for (i, c) in doc.circulation.iter().enumerate() {
        let n = i + 1;
        if let Some(back) = c.back
            && instant(&back) < instant(&c.out)
        {
            f.error(
                "circulation",
                Note::RoutingBackBeforeOut {
                    n,
                    to: c.to.clone(),
                    back: back.to_string(),
                    out: c.out.to_string(),
                },
            );
        }
        if let Some(first) = holding.get(c.to.as_str()) {
            f.error(
                "circulation",
                Note::RoutingSecondCopy {
                    n,
                    to: c.to.clone(),
                    first: *first,
                },
            );
        } else if let Some(back) = last_back.get(c.to.as_str())
            && instant(&c.out) < instant(back)
        {
            f.error(
                "circulation",
                Note::RoutingOutBeforeBack {
                    n,
                    to: c.to.clone(),
                },
            );
        }
        match c.back {
            Some(back) => {
                holding.remove(c.to.as_str());
                last_back.insert(&c.to, back);
            }
            None => {
                holding.insert(&c.to, n);
            }
        }
    }
}

/// A moment as an instant, so that offsets compare correctly.
fn instant(m: &Moment) -> Option<jiff::Timestamp> {
    m.timestamp()
}

fn check_secrecy(record: &Record, f: &mut Findings) {
    let (level, term) = match record {
        Record::Incoming(r) => (r.secrecy, r.secrecy_term.as_deref()),
        Record::Outgoing(r) => (r.secrecy, r.secrecy_term.as_deref()),
        _ => return,
    };
    match term {
        None if level.is_classified() => {
            f.warning("secrecy_term", Note::ClassifiedWithoutTerm { level })
        }
        Some(term) => {
            if let Some(problem) =
                crate::model::common::check_secrecy_term(term, level.max_term_years())
            {
                f.error("secrecy_term", Note::Term(problem));
            }
        }
        None => {}
    }
}

/// The records sorted by ID, found by binary search: for a register of
/// 100,000 records, cheaper than hashing every ID. Of records sharing an
/// ID (an error of its own), the last one stands for it.
struct ById<'a> {
    sorted: Vec<&'a Record>,
}

impl<'a> ById<'a> {
    fn new(records: &[&'a Record]) -> ById<'a> {
        let mut sorted = records.to_vec();
        // Stable, and nearly free on records that come sorted already.
        sorted.sort_by(|a, b| a.id().cmp(b.id()));
        ById { sorted }
    }

    fn get(&self, id: &Id) -> Option<&'a Record> {
        let after = self.sorted.partition_point(|r| r.id() <= id);
        let last = self.sorted.get(after.checked_sub(1)?)?;
        (last.id() == id).then_some(*last)
    }
}

/// Checks what records say about each other: links that lead nowhere,
/// duplicated IDs and document numbers.
pub fn check_links(records: &[&Record]) -> Vec<Finding> {
    let by_id = ById::new(records);
    let mut out = Vec::new();
    let mut numbers: HashMap<&str, &Id> = HashMap::new();
    for (i, record) in by_id.sorted.iter().enumerate() {
        let mut f = Findings {
            id: record.id(),
            out: Vec::new(),
        };
        if i > 0 && by_id.sorted[i - 1].id() == record.id() {
            f.error(
                "id",
                Note::DuplicateId {
                    id: record.id().to_string(),
                },
            );
        }
        let exists = |id: &Id| by_id.get(id).is_some();
        match record {
            Record::Incoming(r) => {
                for fu in r.followups.iter().filter(|id| !exists(id)) {
                    f.error("followups", Note::MissingFollowup { id: fu.to_string() });
                }
                if let Some(reference) = r.reply.as_ref().and_then(|r| r.reference.as_ref()) {
                    match by_id.get(reference) {
                        None => f.error(
                            "reply",
                            Note::MissingReplyDocument {
                                id: reference.to_string(),
                            },
                        ),
                        Some(Record::Outgoing(out)) => {
                            if out.in_reply_to.as_ref() != Some(&r.id) {
                                f.warning(
                                    "reply",
                                    Note::ReplyNotLinkedBack {
                                        reference: reference.to_string(),
                                        id: r.id.to_string(),
                                    },
                                );
                            }
                        }
                        Some(_) => f.error(
                            "reply",
                            Note::NotOutgoing {
                                id: reference.to_string(),
                            },
                        ),
                    }
                }
            }
            Record::Outgoing(r) => {
                if let Some(target) = &r.in_reply_to {
                    match by_id.get(target) {
                        None => f.error(
                            "in_reply_to",
                            Note::MissingRecord {
                                id: target.to_string(),
                            },
                        ),
                        Some(t) if t.kind() != Kind::Incoming => f.error(
                            "in_reply_to",
                            Note::NotIncoming {
                                id: target.to_string(),
                            },
                        ),
                        _ => {}
                    }
                }
                if let Some(first) = numbers.insert(&r.doc_number, &r.id) {
                    f.error(
                        "doc_number",
                        Note::DuplicateNumber {
                            number: r.doc_number.clone(),
                            first: first.to_string(),
                        },
                    );
                }
            }
            Record::Followup(r) => {
                if let Some(source) = &r.source_ref {
                    match by_id.get(&source.id) {
                        None => f.error(
                            "source_ref",
                            Note::MissingRecord {
                                id: source.id.to_string(),
                            },
                        ),
                        Some(Record::Meeting(m)) => {
                            if let Some(n) = source.item
                                && m.decision(n).is_none()
                            {
                                f.error(
                                    "source_ref",
                                    Note::NoDecision {
                                        id: source.id.to_string(),
                                        n,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
            }
            Record::Meeting(r) => {
                for d in &r.decisions {
                    let Some(fu) = &d.followup else { continue };
                    match by_id.get(fu) {
                        None => f.error(
                            "decisions",
                            Note::DecisionFollowupMissing {
                                n: d.n,
                                followup: fu.to_string(),
                            },
                        ),
                        Some(Record::Followup(linked)) => {
                            let back = linked.source_ref.as_ref();
                            if back.is_none_or(|s| s.id != r.id || s.item != Some(d.n)) {
                                f.warning(
                                    "decisions",
                                    Note::DecisionNotLinkedBack {
                                        n: d.n,
                                        followup: fu.to_string(),
                                        meeting: r.id.to_string(),
                                    },
                                );
                            }
                        }
                        Some(_) => f.error(
                            "decisions",
                            Note::DecisionNotFollowup {
                                n: d.n,
                                followup: fu.to_string(),
                            },
                        ),
                    }
                }
                if let Some(minutes) = r.minutes.as_deref().and_then(Id::parse)
                    && !exists(&minutes)
                {
                    f.error(
                        "minutes",
                        Note::MinutesMissing {
                            id: minutes.to_string(),
                        },
                    );
                }
            }
            Record::Entry(..) => {}
        }
        out.extend(f.out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(extra: &str) -> Record {
        let status = if extra.contains("status:") {
            ""
        } else {
            "status: circulating\n"
        };
        let text = format!(
            "id: IN-2026-0001\ntitle: 通知\n{status}sender: 省厅\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n{extra}"
        );
        Record::from_yaml(&text, Kind::Incoming, None).unwrap()
    }

    fn messages(findings: &[Finding]) -> Vec<String> {
        findings
            .iter()
            .map(|f| crate::i18n::Lang::En.note(&f.message))
            .collect()
    }

    #[test]
    fn circulation_out_of_order() {
        let record = incoming(
            "circulation:\n\
             - {to: 张局长, out: '2026-11-20T10:00:00+08:00', back: '2026-11-20T09:00:00+08:00'}\n\
             - {to: 李副局长, out: '2026-11-20T10:00:00+08:00'}\n\
             - {to: 李副局长, out: '2026-11-20T11:00:00+08:00'}\n",
        );
        let findings = check_record(&record, &Config::new("某局"));
        let found = messages(&findings);
        assert!(
            found
                .iter()
                .any(|m| m.contains("#1") && m.contains("before out")),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.contains("second copy")), "{found:?}");
        let clean = incoming(
            "circulation:\n\
             - {to: 张局长, out: '2026-11-20T10:00:00+08:00', back: '2026-11-20T11:00:00+08:00'}\n\
             - {to: 张局长, out: '2026-11-20T12:00:00+08:00'}\n",
        );
        assert!(check_record(&clean, &Config::new("某局")).is_empty());
    }

    #[test]
    fn dangling_reply_and_deleted_decision_follow_up() {
        let doc = incoming(
            "status: replied\nreply: {on: 2026-11-23, via: document, ref: OUT-2026-0009}\n\
             completed: 2026-11-23\n",
        );
        let meeting = Record::from_yaml(
            "id: MT-2026-0001\ntitle: 办公会\nstatus: held\nstart: 2026-11-23\n\
             created: 2026-11-20T09:00:00+08:00\n\
             decisions:\n- {n: 1, text: 修订值班制度, followup: FU-2026-0007}\n",
            Kind::Meeting,
            None,
        )
        .unwrap();
        let findings = check_links(&[&doc, &meeting]);
        let found = messages(&findings);
        assert!(
            found
                .iter()
                .any(|m| m.contains("OUT-2026-0009 does not exist")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.contains("FU-2026-0007 does not exist")),
            "{found:?}"
        );
    }
}
