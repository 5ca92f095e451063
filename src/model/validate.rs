//! The rules `check` applies beyond "the file parses": required-when
//! fields, impossible dates, secrecy terms, links between records,
//! duplicates. Pure: records in, findings out.

use std::collections::{HashMap, HashSet};

use crate::model::config::Config;
use crate::model::date::Moment;
use crate::model::id::Id;
use crate::model::incoming::{InStatus, Incoming};
use crate::model::keyword::{Direction, Handling, Keyword, Urgency};
use crate::model::kind::Kind;
use crate::model::logbook::validate_entry;
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
    pub message: String,
}

struct Findings<'a> {
    id: &'a Id,
    out: Vec<Finding>,
}

impl Findings<'_> {
    fn add(&mut self, severity: Severity, field: &str, message: impl Into<String>) {
        self.out.push(Finding {
            id: self.id.clone(),
            severity,
            field: (!field.is_empty()).then(|| field.to_string()),
            message: message.into(),
        });
    }
    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.add(Severity::Error, field, message);
    }
    fn warning(&mut self, field: &str, message: impl Into<String>) {
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
        f.error("title", "the title is empty");
    }
    check_secrecy(record, &mut f);
    match record {
        Record::Incoming(r) => {
            if r.sender.trim().is_empty() {
                f.error("sender", "the sender (来文机关) is empty");
            }
            if r.handling == Handling::Action
                && r.urgency != Urgency::Normal
                && r.deadline.is_none()
            {
                f.error(
                    "deadline",
                    format!("an {} action item needs a deadline", r.urgency.keyword()),
                );
            }
            if let (Some(done), received) = (r.completed, r.received.date())
                && done < received
            {
                f.error(
                    "completed",
                    format!("completed {done} before it was received {received}"),
                );
            }
            check_circulation(r, &mut f);
            if r.status == InStatus::Replied && r.reply.is_none() {
                f.error("reply", "replied, but no reply (答复) is recorded");
            }
            if matches!(r.status, InStatus::Done | InStatus::Replied) && r.completed.is_none() {
                f.warning("completed", "done, but no completion date (办结日期)");
            }
        }
        Record::Outgoing(r) => {
            if r.direction == Some(Direction::Upward) && r.signer.is_none() {
                f.error("signer", "an upward document (上行文) needs a signer");
            }
            if r.to.is_empty() {
                f.warning("to", "no addressee (主送)");
            }
            if r.status == OutStatus::Issued && r.printed.is_none() {
                f.warning("printed", "issued, but no print date (印发日期)");
            }
        }
        Record::Followup(r) => {
            if r.lead.trim().is_empty() {
                f.error("lead", "the lead unit is empty");
            }
            if r.due < r.assigned {
                f.error(
                    "due",
                    format!("due {} before it was assigned {}", r.due, r.assigned),
                );
            }
            if let Some(closed) = r.result.as_ref().and_then(|o| o.closed)
                && closed < r.assigned
            {
                f.error(
                    "result",
                    format!("closed {closed} before it was assigned {}", r.assigned),
                );
            }
            if r.closed_on().is_none() && r.status.keyword() == "closed" {
                f.warning("result", "closed, but result.closed gives no date");
            }
            let mut previous = r.due;
            for ext in &r.extensions {
                if ext.to <= previous {
                    f.error(
                        "extensions",
                        format!("extension to {} is not later than {previous}", ext.to),
                    );
                }
                previous = ext.to;
            }
        }
        Record::Meeting(r) => {
            let mut seen = HashSet::new();
            for d in &r.decisions {
                if !seen.insert(d.n) {
                    f.error("decisions", format!("decision #{} appears twice", d.n));
                }
            }
            if r.status == MtStatus::Minuted && r.minutes.is_none() {
                f.warning("minutes", "minuted, but no minutes are recorded");
            }
        }
        Record::Entry(entry, book) => match config.logbooks.get(book) {
            Some(def) => {
                for problem in validate_entry(entry, def) {
                    f.error("", problem);
                }
                for key in entry.fields.keys().filter_map(|k| k.as_str()) {
                    if !def.fields.iter().any(|d| d.name == key) {
                        f.warning(
                            key,
                            format!("unknown field `{key}` (not declared for logbook {book})"),
                        );
                    }
                }
            }
            None => f.error(
                "",
                format!("logbook {book} is not declared in taizhang.toml"),
            ),
        },
    }
    if record.kind() != Kind::Logbook {
        for key in record.extra().keys() {
            let name = key
                .as_str()
                .map_or_else(|| format!("{key:?}"), str::to_string);
            f.warning(
                &name,
                format!("unknown field `{name}` (a typo? it is kept as it is)"),
            );
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
                format!("routing #{n} to {}: back {back} before out {}", c.to, c.out),
            );
        }
        if let Some(first) = holding.get(c.to.as_str()) {
            f.error(
                "circulation",
                format!(
                    "routing #{n} sends {} a second copy while routing #{first} is not back",
                    c.to
                ),
            );
        } else if let Some(back) = last_back.get(c.to.as_str())
            && instant(&c.out) < instant(back)
        {
            f.error(
                "circulation",
                format!(
                    "routing #{n} to {} goes out before the previous copy came back",
                    c.to
                ),
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
        None if level.is_classified() => f.warning(
            "secrecy_term",
            format!(
                "classified ({}) without a secrecy term (保密期限)",
                level.keyword()
            ),
        ),
        Some(term) => {
            if let Some(problem) =
                crate::model::common::check_secrecy_term(term, level.max_term_years())
            {
                f.error("secrecy_term", problem);
            }
        }
        None => {}
    }
}

/// Checks what records say about each other: links that lead nowhere,
/// duplicated IDs and document numbers.
pub fn check_links(records: &[&Record]) -> Vec<Finding> {
    let by_id: HashMap<&Id, &Record> = records.iter().map(|r| (r.id(), *r)).collect();
    let mut out = Vec::new();
    let mut seen_ids = HashSet::new();
    let mut numbers: HashMap<&str, &Id> = HashMap::new();
    for record in records {
        let mut f = Findings {
            id: record.id(),
            out: Vec::new(),
        };
        if !seen_ids.insert(record.id()) {
            f.error(
                "id",
                format!("{} is used by more than one file", record.id()),
            );
        }
        let exists = |id: &Id| by_id.contains_key(id);
        match record {
            Record::Incoming(r) => {
                for fu in r.followups.iter().filter(|id| !exists(id)) {
                    f.error("followups", format!("follow-up {fu} does not exist"));
                }
                if let Some(reference) = r.reply.as_ref().and_then(|r| r.reference.as_ref()) {
                    match by_id.get(reference) {
                        None => f.error(
                            "reply",
                            format!("reply document {reference} does not exist"),
                        ),
                        Some(Record::Outgoing(out)) => {
                            if out.in_reply_to.as_ref() != Some(&r.id) {
                                f.warning(
                                    "reply",
                                    format!("{reference} does not name {} as in_reply_to", r.id),
                                );
                            }
                        }
                        Some(_) => {
                            f.error("reply", format!("{reference} is not an outgoing document"))
                        }
                    }
                }
            }
            Record::Outgoing(r) => {
                if let Some(target) = &r.in_reply_to {
                    match by_id.get(target) {
                        None => f.error("in_reply_to", format!("{target} does not exist")),
                        Some(t) if t.kind() != Kind::Incoming => f.error(
                            "in_reply_to",
                            format!("{target} is not an incoming document"),
                        ),
                        _ => {}
                    }
                }
                if let Some(first) = numbers.insert(&r.doc_number, &r.id) {
                    f.error(
                        "doc_number",
                        format!("{} is also the number of {first}", r.doc_number),
                    );
                }
            }
            Record::Followup(r) => {
                if let Some(source) = &r.source_ref {
                    match by_id.get(&source.id) {
                        None => f.error("source_ref", format!("{} does not exist", source.id)),
                        Some(Record::Meeting(m)) => {
                            if let Some(n) = source.item
                                && m.decision(n).is_none()
                            {
                                f.error(
                                    "source_ref",
                                    format!("{} has no decision #{n}", source.id),
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
                            format!("decision #{}: follow-up {fu} does not exist", d.n),
                        ),
                        Some(Record::Followup(linked)) => {
                            let back = linked.source_ref.as_ref();
                            if back.is_none_or(|s| s.id != r.id || s.item != Some(d.n)) {
                                f.warning(
                                    "decisions",
                                    format!(
                                        "decision #{}: follow-up {fu} does not name {}#{} as its source",
                                        d.n, r.id, d.n
                                    ),
                                );
                            }
                        }
                        Some(_) => f.error(
                            "decisions",
                            format!("decision #{}: {fu} is not a follow-up", d.n),
                        ),
                    }
                }
                if let Some(minutes) = r.minutes.as_deref().and_then(Id::parse)
                    && !exists(&minutes)
                {
                    f.error(
                        "minutes",
                        format!("minutes document {minutes} does not exist"),
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

    fn messages(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.message.as_str()).collect()
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
