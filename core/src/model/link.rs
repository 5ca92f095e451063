//! How records point at each other: the links a record holds, named by
//! the field that holds them, and a follow-up linked onto its source.
//!
//! The one place that knows which fields are links: `show` follows them,
//! `check` verifies them. Pure: no file system.

use crate::model::common::{Actor, HistoryAction};
use crate::model::id::{Id, RecordRef};
use crate::model::record::{KindRules, Record, each};

/// What a link stands for, and so which field holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// wrong kind is a finding of its own.
    pub fn back(self, target: &Record) -> Option<Role> {
        each!(target, r => KindRules::owes_back(r.as_ref(), self))
    }
}

/// One link from a record to another.
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// Whether this record holds a link in `role` to `target`.
    pub fn holds_link(&self, role: Role, target: &Id) -> bool {
        (self.links().iter()).any(|link| link.role == role && link.target == *target)
    }

    /// The links of this record whose target does not link back as it
    /// should (`Role::back`), with the role the target lacks; `find`
    /// looks a record up by ID (a target that does not exist is a
    /// finding of its own, not one of these).
    pub fn links_not_back<'a>(
        &self,
        find: impl Fn(&Id) -> Option<&'a Record>,
    ) -> Vec<(Link, Role)> {
        (self.links().into_iter())
            .filter_map(|link| {
                let target = find(&link.target)?;
                let back = link.role.back(target)?;
                (!target.holds_link(back, self.id())).then_some((link, back))
            })
            .collect()
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

    #[test]
    fn every_two_way_link_of_the_example_agrees_from_both_ends() {
        let records = crate::testing::example_records();
        let find = |id: &crate::model::id::Id| records.iter().find(|r| r.id() == id);
        for record in &records {
            assert_eq!(record.links_not_back(find), [], "{}", record.id());
        }
    }

    #[test]
    fn a_paper_not_listing_its_follow_up_and_a_follow_up_not_naming_its_paper() {
        use super::Role;
        let mut records = crate::testing::example_records();
        let paper = (records.iter())
            .position(|r| matches!(r, crate::model::record::Record::Incoming(d) if !d.followups.is_empty()))
            .unwrap();
        let crate::model::record::Record::Incoming(doc) = &mut records[paper] else {
            unreachable!()
        };
        let dropped = doc.followups.remove(0);
        let paper_id = doc.id.clone();
        let find = |id: &crate::model::id::Id| records.iter().find(|r| r.id() == id);
        let task = find(&dropped).unwrap();
        let missing = task.links_not_back(find);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(
            (missing[0].0.target.clone(), missing[0].1),
            (paper_id, Role::Followup)
        );
    }
}
