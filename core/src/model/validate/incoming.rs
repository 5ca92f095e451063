//! The rules of 传阅, replies and deadlines of incoming papers.

use std::collections::HashMap;

use super::KindChecks;
use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::{KindTies, Ties};
use crate::model::common::imported;
use crate::model::date::Moment;
use crate::model::id::Id;
use crate::model::incoming::{InStatus, Incoming};
use crate::model::keyword::{Handling, Urgency};
use crate::model::link::Role;
use crate::model::outgoing::OutStatus;

/// Checks one incoming paper on its own.
impl KindChecks for Incoming {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(ties: &Ties, by_id: &ById, f: &mut Findings) {
        links(ties, by_id, f)
    }
}

fn check(r: &Incoming, f: &mut Findings) {
    if r.sender.trim().is_empty() {
        f.error("sender", Note::EmptySender);
    }
    if r.handling == Handling::Action && r.urgency != Urgency::Normal && r.deadline.is_none() {
        let note = Note::DeadlineNeeded { urgency: r.urgency };
        f.entry_rule(imported(&r.history), "deadline", note);
    }
    if let (Some(done), received) = (r.completed, r.received.date())
        && done < received
    {
        f.error(
            "completed",
            Note::CompletedBeforeReceived { done, received },
        );
    }
    if let Some(deadline) = r.deadline
        && r.deadline_before_received(deadline)
    {
        f.error(
            "deadline",
            Note::DeadlineBeforeReceived {
                deadline,
                received: r.received.date(),
            },
        );
    }
    check_circulation(r, f);
    if r.status == InStatus::Replied && r.reply.is_none() {
        f.error("reply", Note::RepliedWithoutReply);
    }
    if matches!(r.status, InStatus::Done | InStatus::Replied) && r.completed.is_none() {
        f.warning("completed", Note::DoneWithoutDate);
    }
}

/// Checks what one incoming paper says about other records.
fn links(r: &Ties, by_id: &ById, f: &mut Findings) {
    let exists = |id: &Id| by_id.get(id).is_some();
    for fu in r.targets(Role::Followup).filter(|id| !exists(id)) {
        f.error("followups", Note::MissingFollowup { id: fu.to_string() });
    }
    let Some(reference) = r.target(Role::Reply) else {
        return;
    };
    let Some(answer) = by_id.get(reference) else {
        let id = reference.to_string();
        return f.error("reply", Note::MissingReplyDocument { id });
    };
    let KindTies::Outgoing { status, .. } = answer.own else {
        let id = reference.to_string();
        return f.error("reply", Note::NotOutgoing { id });
    };
    let replied = matches!(
        r.own,
        KindTies::Incoming {
            status: InStatus::Replied
        }
    );
    if replied && status == OutStatus::Revoked {
        let reference = reference.to_string();
        f.warning("reply", Note::ReplyRevoked { reference });
    }
    if !answer.holds_link(Role::InReplyTo, &r.id) {
        let note = Note::ReplyNotLinkedBack {
            reference: reference.to_string(),
            id: r.id.to_string(),
        };
        f.error("reply", note);
    }
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
