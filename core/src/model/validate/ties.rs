//! What the rules across records read of one record, and nothing else
//! (`Ties`): its ID and kind, its links, the numbers it holds and the
//! few facts of its kind those rules test.
//!
//! `check` holds each record to its own rules as it reads it, then keeps
//! only its ties for the rules across records (`links::check_links`):
//! a record's whole form is a heavy thing to hold a hundred thousand
//! times, and the cache keeps the ties of each record found clean, so
//! that the next `check` reads them instead of decoding the record.
//! Because the rules across records are written against this type, what
//! they read is what it holds: nothing a record leaves out can be missed.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::archive;
use crate::model::followup::FuStatus;
use crate::model::id::Id;
use crate::model::incoming::InStatus;
use crate::model::kind::Kind;
use crate::model::link::{Link, Role};
use crate::model::outgoing::OutStatus;
use crate::model::record::{KindRules, Record, each};
use crate::model::repeat::Occurrence;

/// What the rules across records read of one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ties {
    pub id: Id,
    pub kind: Kind,
    /// Every link it holds, in the order of its fields (`Record::links`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The number of its archive block, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    /// Its due date while one is pending, when that date is a deadline
    /// set for someone (`check` warns of one on a day off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// What the rules of its kind read besides.
    #[serde(default, skip_serializing_if = "KindTies::is_plain")]
    pub own: KindTies,
}

/// What the rules across records read of a record of one kind, beyond
/// its links; each kind gives its own (`KindRules::ties`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindTies {
    /// A paper whose reply is checked against the document named.
    Incoming { status: InStatus },
    /// A document whose number no other may hold, unless revoked.
    Outgoing { status: OutStatus, number: String },
    /// A follow-up, held to its matter when a part; `due` is the due
    /// date in force.
    Followup {
        status: FuStatus,
        due: Date,
        repeat: Occurrence,
    },
    /// A meeting: each decision's number and follow-up, in order.
    Meeting {
        decisions: Vec<(u32, Option<Id>)>,
        repeat: Occurrence,
    },
    /// A logbook entry, which may lend an archived record (`archive_ref`).
    Entry { loan_of: Option<Id> },
    /// A kind whose rules across records read its links alone.
    #[default]
    Plain,
}

impl KindTies {
    fn is_plain(&self) -> bool {
        *self == KindTies::Plain
    }

    /// The series a repeating record belongs to, and how it repeats.
    pub fn repeat(&self) -> Option<&Occurrence> {
        match self {
            KindTies::Followup { repeat, .. } | KindTies::Meeting { repeat, .. } => Some(repeat),
            _ => None,
        }
    }
}

impl Ties {
    /// The ties of `record`.
    pub fn of(record: &Record) -> Ties {
        Ties {
            id: record.id().clone(),
            kind: record.kind(),
            links: record.links(),
            archive: archive::block(record).map(|block| block.number.clone()),
            deadline: (record.pending_due()).filter(|_| record.due_is_deadline()),
            own: each!(record, r => KindRules::ties(r.as_ref())),
        }
    }

    /// The targets of its links in `role`, in order.
    pub fn targets(&self, role: Role) -> impl Iterator<Item = &Id> {
        (self.links.iter())
            .filter(move |link| link.role == role)
            .map(|link| &link.target)
    }

    /// The first link it holds in `role`.
    pub fn target(&self, role: Role) -> Option<&Id> {
        self.targets(role).next()
    }

    /// Whether it holds a link in `role` to `target`.
    pub fn holds_link(&self, role: Role, target: &Id) -> bool {
        self.targets(role).any(|id| id == target)
    }

    /// The follow-up of its decision `n` (a meeting's first decision of
    /// that number), if it has that decision.
    pub fn decision(&self, n: u32) -> Option<Option<&Id>> {
        let KindTies::Meeting { decisions, .. } = &self.own else {
            return None;
        };
        (decisions.iter())
            .find(|(number, _)| *number == n)
            .map(|(_, followup)| followup.as_ref())
    }

    /// The links whose target does not link back as it should
    /// (`Role::back`), with the role the target lacks; `find` looks a
    /// record up by ID (a target that does not exist is a finding of its
    /// own, not one of these).
    pub fn links_not_back<'a>(&self, find: impl Fn(&Id) -> Option<&'a Ties>) -> Vec<(Link, Role)> {
        (self.links.iter())
            .filter_map(|link| {
                let target = find(&link.target)?;
                let back = link.role.back(target.kind)?;
                (!target.holds_link(back, &self.id)).then(|| (link.clone(), back))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_two_way_link_of_the_example_agrees_from_both_ends() {
        let ties: Vec<Ties> = (crate::testing::example_records().iter())
            .map(Ties::of)
            .collect();
        let find = |id: &Id| ties.iter().find(|t| t.id == *id);
        for tie in &ties {
            assert_eq!(tie.links_not_back(find), [], "{}", tie.id);
        }
    }

    #[test]
    fn a_paper_not_listing_its_follow_up_and_a_follow_up_not_naming_its_paper() {
        let mut records = crate::testing::example_records();
        let paper = (records.iter())
            .position(|r| matches!(r, Record::Incoming(d) if !d.followups.is_empty()))
            .unwrap();
        let Record::Incoming(doc) = &mut records[paper] else {
            unreachable!()
        };
        let dropped = doc.followups.remove(0);
        let paper_id = doc.id.clone();
        let ties: Vec<Ties> = records.iter().map(Ties::of).collect();
        let find = |id: &Id| ties.iter().find(|t| t.id == *id);
        let missing = find(&dropped).unwrap().links_not_back(find);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(
            (missing[0].0.target.clone(), missing[0].1),
            (paper_id, Role::Followup)
        );
    }

    /// The ties of every record of the example read back from JSON (the
    /// form the cache keeps them in) as they were.
    #[test]
    fn ties_read_back_from_json_unchanged() {
        for record in crate::testing::example_records() {
            let ties = Ties::of(&record);
            let json = serde_json::to_vec(&ties).unwrap();
            assert_eq!(serde_json::from_slice::<Ties>(&json).unwrap(), ties);
        }
    }
}
