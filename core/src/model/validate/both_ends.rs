//! Links between a paper (or a meeting decision) and its follow-ups that
//! do not agree from both ends: a paper listing a follow-up that names
//! another source, a follow-up naming a source that does not list it.
//!
//! A clerk reading either record must find the other: `remind`, `show`
//! and the reports follow `followups` one way and `source_ref` the other,
//! and a sync that kept one side of a list left exactly this behind.
//! Decisions, replies and rule revisions are checked from their own end
//! in their kind's file; this reports the ends those do not.

use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::Ties;
use crate::model::link::Role;

/// Checks that every follow-up link of `record` is held from the other end.
pub(super) fn links(record: &Ties, by_id: &ById, f: &mut Findings) {
    for (link, _) in record.links_not_back(|target| by_id.get(target)) {
        let id = record.id.to_string();
        let target = link.target.to_string();
        let note = match link.role {
            Role::Followup => Note::FollowupNamesOtherSource {
                followup: target,
                source: id,
            },
            Role::Source { item: None } => Note::SourceDoesNotList {
                source: target,
                followup: id,
            },
            Role::Source { item: Some(n) } => {
                // A decision that does not exist is `NoDecision`, already.
                let Some(meeting) = by_id.get(&link.target) else {
                    continue;
                };
                let Some(other) = meeting.decision(n) else {
                    continue;
                };
                Note::DecisionNamesOtherFollowup {
                    meeting: target,
                    n,
                    other: other.map(ToString::to_string),
                    followup: id,
                }
            }
            _ => continue,
        };
        f.error(link.role.field(), note);
    }
}
