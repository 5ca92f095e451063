//! What a classified record may show, and how classified it is.
//!
//! A record's *effective* level is the highest of its own and of the
//! records it refers to: a follow-up takes on its source's (the paper or
//! meeting it was made from), a logbook entry the level of every record a
//! field names (the file an archive loan lends, the paper a 涉密载体
//! copies). Everything that prints or commits a record's title asks this
//! one function, so a record cannot be secret in a report and plain in a
//! commit message.
//!
//! A withheld record (`Record::without_matter`) keeps what a register of
//! classified papers may show: its ID, level, 文号, dates, units, people
//! and status. Every field of free text that may carry its matter (the
//! title, notes, requirements, instructions, results, progress notes,
//! minutes, a logbook entry's text fields, attachments' names, keys the
//! tool does not know) is emptied, so no renderer can print them.
//!
//! Pure: which level each referenced record has is the caller's to say.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::model::common::{Extra, HistoryAction, HistoryEntry, SecrecyTerm};
use crate::model::config::LogbookDef;
use crate::model::id::Id;
use crate::model::keyword::Secrecy;
use crate::model::record::{KindRules, Record, each};

/// A declared field type that holds free text.
const TEXT: &str = "text";

/// Why a record cannot be declassified to the level asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDeclassified {
    /// The record has no level of its own above none (it may inherit one:
    /// then its source is what to declassify).
    Unclassified,
    /// The level asked is not below the record's own.
    NotLower { from: Secrecy },
}

/// A level lowered: what it was and what it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lowered {
    pub from: Secrecy,
    pub to: Secrecy,
}

impl Lowered {
    /// The note of the history entry that records it: the levels as
    /// stored keywords, who approved and why (`HistoryAction::Declassify`).
    pub fn note(&self, approved_by: &str, reason: &str) -> String {
        use crate::model::keyword::Keyword;
        let (from, to) = (self.from.keyword(), self.to.keyword());
        format!("{from} → {to}, {approved_by}: {reason}")
    }
}

/// The level a correction (`edit`) would lower `old`'s to, which only
/// `doc declassify` may do: declassification is an act with an approver
/// and a reason on record, never a quiet edit.
pub fn lowered(old: &Record, new: &Record) -> Option<Lowered> {
    (new.secrecy() < old.secrecy()).then(|| Lowered {
        from: old.secrecy(),
        to: new.secrecy(),
    })
}

impl Record {
    /// The records whose level this record takes on when theirs is
    /// higher: a follow-up's source, the records an entry's fields name.
    pub fn secrecy_sources(&self) -> Vec<Id> {
        match self {
            Record::Followup(fu) => fu.source_ref.iter().map(|s| s.id.clone()).collect(),
            Record::Entry(entry, _) => (entry.fields.values())
                .filter_map(|value| Id::parse(value.as_str()?.trim()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The effective level: the highest of the record's own and of its
    /// `secrecy_sources`, whose levels `level_of` gives (`None` for a
    /// record it does not know, which adds nothing).
    pub fn effective_secrecy(&self, level_of: impl Fn(&Id) -> Option<Secrecy>) -> Secrecy {
        (self.secrecy_sources().iter())
            .filter_map(level_of)
            .fold(self.secrecy(), Secrecy::max)
    }

    /// Lowers the record's own level to `to` (解密, or 降密 to a lower
    /// level). A paper declassified altogether loses its 保密期限 too,
    /// which only a classified paper has.
    pub fn declassify(&mut self, to: Secrecy) -> Result<Lowered, NotDeclassified> {
        let level = each!(self, r => r.secrecy_mut())
            .filter(|level| level.is_classified())
            .ok_or(NotDeclassified::Unclassified)?;
        let from = *level;
        if to >= from {
            return Err(NotDeclassified::NotLower { from });
        }
        *level = to;
        if !to.is_classified() {
            match self {
                Record::Incoming(doc) => doc.secrecy_term = None,
                Record::Outgoing(doc) => doc.secrecy_term = None,
                _ => {}
            }
        }
        Ok(Lowered { from, to })
    }

    /// The day a classified paper's 保密期限 ends (counted from its date,
    /// `Record::date`), when it has a readable one: the day its
    /// declassification is to be reviewed (解密审查).
    pub fn secrecy_term_end(&self) -> Option<Date> {
        let term = match self {
            Record::Incoming(doc) => doc.secrecy_term.as_deref(),
            Record::Outgoing(doc) => doc.secrecy_term.as_deref(),
            _ => None,
        };
        if !self.secrecy().is_classified() {
            return None;
        }
        SecrecyTerm::parse(term?)?.end(self.date())
    }

    /// The record as a withheld one may be shown: its title replaced by
    /// `title` (the level and ID, worded by the caller) and every field of
    /// free text emptied. An entry keeps only the fields its book
    /// (`books`) declares with a type other than text.
    pub fn without_matter(&self, title: String, books: &BTreeMap<String, LogbookDef>) -> Record {
        let mut shown = self.clone();
        each!(&mut shown, r => r.title = title);
        each!(&mut shown, r => r.forget_matter());
        if let Record::Entry(entry, book) = &mut shown {
            let declared = books.get(book.as_str());
            let keeps = |name: &str| {
                declared
                    .is_some_and(|def| def.fields.iter().any(|f| f.name == name && f.kind != TEXT))
            };
            entry
                .fields
                .retain(|name, _| name.as_str().is_some_and(keeps));
        }
        shown
    }
}

/// Empties what every kind keeps alike: its notes, the free-text notes
/// of its history (the steps, who took them and when, stay) and keys the
/// tool does not know.
pub(crate) fn forget(notes: &mut Option<String>, history: &mut [HistoryEntry], extra: &mut Extra) {
    *notes = None;
    forget_notes(history);
    extra.clear();
}

/// Empties every history note that may be free text. The notes of some
/// steps are particulars, not matter, and stay: the leader who
/// instructed, the person a paper went to, the unit it was assigned to,
/// the follow-up made from it, a chase's level, a new number, an
/// archive number. A step this version does not know loses its note.
pub(crate) fn forget_notes(history: &mut [HistoryEntry]) {
    use crate::model::common::HistoryAction as A;
    for entry in history {
        let particulars = HistoryAction::parse(&entry.action).is_some_and(|action| {
            matches!(
                action,
                A::Instruct
                    | A::Route
                    | A::Back
                    | A::Assign
                    | A::Followup
                    | A::ReplyTo
                    | A::Chase
                    | A::Remind
                    | A::Renumber
                    | A::Archive
                    | A::Roster
                    | A::UnitRename
                    | A::Handover
            )
        });
        if !particulars {
            entry.note = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;
    use crate::model::logbook::presets;

    fn record(yaml: &str, kind: Kind, book: Option<&str>) -> Record {
        Record::from_yaml(yaml, kind, book).unwrap()
    }

    fn levels(id: &Id) -> Option<Secrecy> {
        (id.to_string() == "IN-2026-0001").then_some(Secrecy::HighlySecret)
    }

    #[test]
    fn a_followup_and_an_entry_take_on_the_level_of_what_they_name() {
        let fu = record(
            "id: FU-2026-0001\ntitle: 落实\nstatus: open\nlead: 办公室\nsource_ref: IN-2026-0001\n\
             assigned: 2026-11-01\ndue: 2026-11-20\ncreated: 2026-11-01T09:00:00+08:00\n",
            Kind::Followup,
            None,
        );
        assert_eq!(fu.effective_secrecy(levels), Secrecy::HighlySecret);
        assert_eq!(fu.effective_secrecy(|_| None), Secrecy::None);
        let loan = record(
            "id: LOAN-2026-0001\nborrower: 王五\narchive_ref: IN-2026-0001\npurpose: 借阅\n\
             created: 2026-11-01T09:00:00+08:00\n",
            Kind::Logbook,
            Some("loan"),
        );
        assert_eq!(loan.effective_secrecy(levels), Secrecy::HighlySecret);
    }

    #[test]
    fn declassifying_lowers_only_and_drops_the_term_at_none() {
        let mut doc = record(
            "id: IN-2026-0001\ntitle: 来文\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-01\nsecrecy: highly-secret\nsecrecy_term: 10y\n\
             created: 2026-11-01T09:00:00+08:00\n",
            Kind::Incoming,
            None,
        );
        let not_lower = Err(NotDeclassified::NotLower {
            from: Secrecy::HighlySecret,
        });
        assert_eq!(doc.declassify(Secrecy::TopSecret), not_lower);
        assert_eq!(doc.declassify(Secrecy::HighlySecret), not_lower);
        let day = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(doc.secrecy_term_end(), Some(day("2036-11-01")));
        let lowered = doc.declassify(Secrecy::Secret).unwrap();
        assert_eq!(
            lowered.note("张局长", "降密"),
            "highly-secret → secret, 张局长: 降密"
        );
        assert_eq!(doc.declassify(Secrecy::None).unwrap().from, Secrecy::Secret);
        let Record::Incoming(paper) = &doc else {
            panic!("a paper")
        };
        assert_eq!(paper.secrecy_term, None);
        assert_eq!(
            doc.declassify(Secrecy::None),
            Err(NotDeclassified::Unclassified)
        );
    }

    #[test]
    fn a_withheld_entry_keeps_no_text_field() {
        let loan = record(
            "id: LOAN-2026-0001\nborrower: 王五\narchive_ref: IN-2026-0001\npurpose: 借阅ZZ\n\
             lent: 2026-11-01T09:00:00+08:00\nwhatever: 私下\ncreated: 2026-11-01T09:00:00+08:00\n",
            Kind::Logbook,
            Some("loan"),
        );
        let shown = loan.without_matter("[机密] LOAN-2026-0001".into(), &presets());
        let Record::Entry(entry, _) = &shown else {
            panic!("an entry")
        };
        let kept: Vec<&str> = entry.fields.keys().filter_map(|k| k.as_str()).collect();
        assert_eq!(kept, ["archive_ref", "lent"]);
        assert_eq!(shown.title(), "[机密] LOAN-2026-0001");
    }

    #[test]
    fn a_withheld_followup_keeps_its_dates_and_people_but_no_text() {
        let fu = record(
            "id: FU-2026-0001\ntitle: 落实ZZ\nstatus: open\nlead: 办公室\nowner: 张三\n\
             requirement: 要求ZZ\nnotes: 备注ZZ\nassigned: 2026-11-01\ndue: 2026-11-20\n\
             progress:\n- {on: 2026-11-02, by: 张三, note: 进展ZZ}\n\
             created: 2026-11-01T09:00:00+08:00\nextra_key: ZZ\n",
            Kind::Followup,
            None,
        );
        let shown = fu.without_matter("[秘密] FU-2026-0001".into(), &BTreeMap::new());
        let text = serde_json::to_string(&shown.to_json()).unwrap();
        assert!(!text.contains("ZZ"), "{text}");
        assert!(
            text.contains("张三") && text.contains("2026-11-20"),
            "{text}"
        );
    }
}
