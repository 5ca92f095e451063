//! The rules `check` applies beyond "the file parses": required-when
//! fields, impossible dates, secrecy terms, links between records,
//! duplicates. Pure: records in, findings out.
//!
//! `finding` is what a rule reports; each kind's rules (on its own, and
//! about the records it links to) are in the kind's file; `links` walks
//! the register for the links and duplicates.

mod archive;
mod both_ends;
mod finding;
mod followup;
mod incoming;
mod links;
mod logbook;
mod meeting;
mod outgoing;
mod series;
mod strings;
mod text;
mod ties;

pub use archive::ArchiveNote;
pub use finding::{Finding, Note, Severity};
pub(crate) use links::ById;
pub use links::check_links;
pub use logbook::check_settings;
pub use ties::{KindTies, Ties};

use crate::model::config::Config;
use crate::model::kind::Kind;
use crate::model::record::{Record, each};
pub(crate) use finding::Findings;

/// A kind's rules for `check`, implemented in its room (the older kinds'
/// in `validate/<kind>.rs`): on the record alone, called for every kind
/// through `each!`, and about the records it links to, on the record's
/// ties, which the kind's `KindSpec::check_links` names. A new kind adds
/// no arm here.
pub(crate) trait KindChecks {
    fn check(&self, _f: &mut Findings) {}

    fn check_links(_ties: &Ties, _by_id: &ById, _f: &mut Findings)
    where
        Self: Sized,
    {
    }
}

/// Checks one record on its own.
pub fn check_record(record: &Record, config: &Config) -> Vec<Finding> {
    let mut f = Findings::new(record.id());
    if record.title().trim().is_empty() && record.kind() != Kind::Logbook {
        f.error("title", Note::EmptyTitle);
    } else if crate::model::secret::is_sealed(record.title()) {
        // Sealed with age (docs/secrecy.md): armor has line breaks by
        // nature; the clear title was checked when it was written.
    } else if let Some(problem) = crate::model::title::check_title(record.title().trim()) {
        f.error("title", Note::Title(problem));
    }
    check_secrecy(record, &mut f);
    if !crate::model::date::in_range(record.date()) {
        f.error(
            "",
            Note::DateOutOfRange {
                date: record.date(),
            },
        );
    }
    text::check(record, config, &mut f);
    archive::check(record, config, &mut f);
    match record {
        // An entry is held to its book's declaration.
        Record::Entry(entry, book) => logbook::check(entry, book, config, &mut f),
        _ => each!(record, r => KindChecks::check(r.as_ref(), &mut f)),
    }
    if record.kind() != Kind::Logbook {
        // `legacy_id` is the number a record had in the spreadsheet it
        // was imported from: known, though no command sets it.
        let known = |key: &serde_yaml::Value| key.as_str() == Some(crate::model::import::LEGACY_ID);
        for key in record.extra().keys().filter(|k| !known(k)) {
            let name = key
                .as_str()
                .map_or_else(|| format!("{key:?}"), str::to_string);
            f.warning(&name, Note::UnknownField { name: name.clone() });
        }
    }
    f.out
}

/// Errors `check` reports on `new` that it did not on `old`: a change may
/// leave a flaw it did not make, but brings in none.
pub fn new_errors(old: &Record, new: &Record, config: &Config) -> Vec<Finding> {
    let before = check_record(old, config);
    errors(new, config)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect()
}

/// The errors (not warnings) `check` reports on `record` on its own.
pub fn errors(record: &Record, config: &Config) -> Vec<Finding> {
    check_record(record, config)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

/// 密级 and 保密期限, shared by both kinds of document.
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

    fn notes(findings: &[Finding]) -> Vec<&Note> {
        findings.iter().map(|f| &f.message).collect()
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
        let found = notes(&findings);
        assert!(
            found
                .iter()
                .any(|n| matches!(n, Note::RoutingBackBeforeOut { n: 1, .. })),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|n| matches!(n, Note::RoutingSecondCopy { n: 3, first: 2, .. })),
            "{found:?}"
        );
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
        let findings = check_links(&[&Ties::of(&doc), &Ties::of(&meeting)]);
        let found = notes(&findings);
        assert!(
            found.contains(&&Note::MissingReplyDocument {
                id: "OUT-2026-0009".into()
            }),
            "{found:?}"
        );
        assert!(
            found.contains(&&Note::DecisionFollowupMissing {
                n: 1,
                followup: "FU-2026-0007".into()
            }),
            "{found:?}"
        );
    }

    /// An entry's ties carry its loan: a loan of a paper not archived, a
    /// loan of nothing, and a reply that names an entry are all found.
    #[test]
    fn the_ties_of_an_entry_carry_its_loan() {
        let entry = |id: &str, target: &str| {
            let yaml = format!(
                "id: {id}\ntitle: 借阅\ncreated: 2026-11-20T09:00:00+08:00\n\
                 history:\n- {{at: '2026-11-20T09:00:00+08:00', by: 李明, action: add}}\n\
                 date: 2026-11-20\nborrower: 李明\narchive_ref: {target}\n"
            );
            Record::from_yaml(&yaml, Kind::Logbook, Some("loan")).unwrap()
        };
        let records = [
            incoming(
                "status: replied\nreply: {on: 2026-11-23, via: document, ref: LOAN-2026-0002}\n\
                 completed: 2026-11-23\n",
            ),
            entry("LOAN-2026-0001", "IN-2026-0001"),
            entry("LOAN-2026-0002", "IN-2026-0404"),
        ];
        let ties: Vec<Ties> = records.iter().map(Ties::of).collect();
        let found = check_links(&ties.iter().collect::<Vec<_>>());
        let found = notes(&found);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found.contains(&&Note::NotOutgoing {
                id: "LOAN-2026-0002".into()
            }),
            "{found:?}"
        );
        assert!(
            found.contains(&&Note::MissingRecord {
                id: "IN-2026-0404".into()
            }),
            "{found:?}"
        );
    }
}
