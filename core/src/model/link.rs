//! How records point at each other: the links a record holds, named by
//! the field that holds them, and a follow-up linked onto its source.
//!
//! The one place that knows which fields are links: `show` follows them,
//! `check` verifies them. Pure: no file system.

use serde::{Deserialize, Serialize};

use crate::model::common::{Actor, HistoryAction};
use crate::model::id::{Id, RecordRef};
use crate::model::kind::Kind;
use crate::model::record::{KindRules, Record, each};

/// What a link stands for, and so which field holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A follow-up carrying out a document (`followups`).
    Followup,
    /// The outgoing document that answered an incoming one (`reply`).
    Reply,
    /// The incoming document an outgoing one answers (`in_reply_to`).
    InReplyTo,
    /// What a follow-up carries out: a document, or a meeting decision
    /// when `item` is set (`source_ref`).
    Source { item: Option<u32> },
    /// The follow-up of meeting decision `n` (`decisions`).
    Decision { n: u32 },
    /// The formal minutes of a meeting, an outgoing document (`minutes`).
    Minutes,
    /// The rule a revised rule replaces (`replaces`).
    Replaces,
    /// The rule that revised this one (`replaced_by`).
    ReplacedBy,
    /// The matter a follow-up is a part of (`parent`); the matter owes
    /// no link back: its parts are found by reading.
    Parent,
}

impl Role {
    /// The record field that holds the link.
    pub fn field(self) -> &'static str {
        match self {
            Role::Followup => "followups",
            Role::Reply => "reply",
            Role::InReplyTo => "in_reply_to",
            Role::Source { .. } => "source_ref",
            Role::Decision { .. } => "decisions",
            Role::Minutes => "minutes",
            Role::Replaces => "replaces",
            Role::ReplacedBy => "replaced_by",
            Role::Parent => "parent",
        }
    }
}

impl Role {
    /// The link a record pointed at in this role owes back, for the two
    /// ends to agree: a paper listing a follow-up and the follow-up naming
    /// the paper, a meeting decision and its follow-up, a reply and the
    /// document answering, a rule and its revision. `None` when the
    /// target owes none: many documents may answer one paper (its `reply`
    /// names one), a follow-up of a whole meeting has no decision to be
    /// listed under, minutes are not linked back, and a target of the
    /// wrong kind is a finding of its own. Each kind says what it owes
    /// (`KindSpec::owes_back`).
    pub fn back(self, target: Kind) -> Option<Role> {
        (target.spec().owes_back)(self)
    }
}

/// One link from a record to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub role: Role,
    pub target: Id,
}

impl Record {
    /// Every link this record holds, in the order of its fields. Minutes
    /// given as text rather than an ID are not a link.
    pub fn links(&self) -> Vec<Link> {
        each!(self, r => KindRules::links(r.as_ref()))
    }

    /// The IDs this record links to (`links` without their fields).
    pub fn linked_ids(&self) -> impl Iterator<Item = Id> {
        self.links().into_iter().map(|link| link.target)
    }

    /// Records on this record (a document, or the meeting whose decision
    /// `reference` names) that follow-up `followup` was made from it, with
    /// a history entry by `actor`. A paper assigned to a unit is then in
    /// progress.
    pub fn link_followup(&mut self, reference: &RecordRef, followup: &Id, actor: &Actor) {
        each!(self, r => KindRules::link_followup(r.as_mut(), reference, followup));
        self.push_history(actor.entry(HistoryAction::Followup, Some(followup.to_string())));
    }
}

/// One link of `role` to `target`, as a kind lists its links.
pub fn link(role: Role, target: &Id) -> Link {
    Link {
        role,
        target: target.clone(),
    }
}

#[cfg(test)]
mod tests {

    fn links_of(id: &str) -> Vec<(&'static str, String)> {
        let records = crate::testing::example_records();
        let record = records.iter().find(|r| r.id().to_string() == id).unwrap();
        (record.links().into_iter())
            .map(|l| (l.role.field(), l.target.to_string()))
            .collect()
    }

    #[test]
    fn links_of_each_kind_name_their_field() {
        let incoming = links_of("IN-2026-0004");
        assert!(
            incoming.iter().any(|(field, _)| *field == "reply"),
            "{incoming:?}"
        );
        let meeting = links_of("MT-2026-0001");
        assert!(
            meeting.iter().any(|(field, _)| *field == "decisions"),
            "{meeting:?}"
        );
        for (field, target) in links_of("FU-2026-0001") {
            assert_eq!(field, "source_ref");
            assert!(target.starts_with("IN-") || target.starts_with("MT-"));
        }
    }
}
