//! The rules of dates, extensions and sources of follow-ups.

use jiff::civil::Date;

use super::KindChecks;
use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::{KindTies, Ties};
use crate::model::breakdown::BreakdownNote;
use crate::model::followup::{Followup, FuStatus};
use crate::model::kind::Kind;
use crate::model::link::Role;

/// Checks one follow-up on its own.
impl KindChecks for Followup {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(ties: &Ties, by_id: &ById, f: &mut Findings) {
        links(ties, by_id, f)
    }
}

fn check(r: &Followup, f: &mut Findings) {
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
    if let Some(submitted) = r.result.as_ref().and_then(|o| o.submitted)
        && submitted < r.assigned
    {
        f.error(
            "result",
            Note::SubmittedBeforeAssigned {
                submitted,
                assigned: r.assigned,
            },
        );
    }
    if r.closed_on().is_none() && r.status == FuStatus::Closed {
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
    milestones(r, f);
    super::series::alone(r, f);
}

/// Milestones after the due date in force: written by hand, or left
/// behind by a due date moved earlier. A warning: the follow-up still
/// reads, and `extend` may be what the office meant.
fn milestones(r: &Followup, f: &mut Findings) {
    let due = r.effective_due();
    for (i, m) in r.milestones.iter().enumerate() {
        if m.due > due {
            let n = i + 1;
            let note = BreakdownNote::MilestoneAfterDue { n, on: m.due, due };
            f.warning("milestones", Note::Breakdown(note));
        }
    }
}

/// A part's matter (`parent`): it must exist, be a follow-up, and not be
/// a part itself (parts go one level deep, `model::breakdown`).
fn parent(r: &Ties, by_id: &ById, f: &mut Findings) {
    let Some(parent) = r.target(Role::Parent) else {
        return;
    };
    let note = match by_id.get(parent) {
        None => Note::Breakdown(BreakdownNote::ParentMissing {
            parent: parent.clone(),
        }),
        Some(matter) if matter.kind == Kind::Followup => match matter.target(Role::Parent) {
            None => return against_matter(r, matter, f),
            Some(of) => Note::Breakdown(BreakdownNote::ParentIsPart {
                parent: parent.clone(),
                of: of.clone(),
            }),
        },
        Some(_) => Note::Breakdown(BreakdownNote::ParentNotFollowup {
            parent: parent.clone(),
        }),
    };
    f.error("parent", note);
}

/// A follow-up's status and due date in force, from its ties.
fn standing(r: &Ties) -> Option<(FuStatus, Date)> {
    match r.own {
        KindTies::Followup { status, due, .. } => Some((status, due)),
        _ => None,
    }
}

/// A part held to its matter: due by the matter's due date (a warning:
/// the office may mean to extend the matter), and not worked on again
/// while the matter is closed (reopened, or returned, after it).
fn against_matter(part: &Ties, matter: &Ties, f: &mut Findings) {
    let (Some((status, due)), Some((matter_status, matter_due))) =
        (standing(part), standing(matter))
    else {
        return;
    };
    let parent = matter.id.clone();
    if due > matter_due {
        let note = BreakdownNote::PartDueAfterMatter {
            parent: parent.clone(),
            due,
            matter_due,
        };
        f.warning("due", Note::Breakdown(note));
    }
    if matter_status == FuStatus::Closed && status.is_being_worked() {
        let note = BreakdownNote::PartOpenMatterClosed { parent, status };
        f.warning("status", Note::Breakdown(note));
    }
}

/// Checks what one follow-up says about other records.
fn links(r: &Ties, by_id: &ById, f: &mut Findings) {
    parent(r, by_id, f);
    super::series::link(r, by_id, f);
    let Some(source) = r
        .links
        .iter()
        .find(|l| matches!(l.role, Role::Source { .. }))
    else {
        return;
    };
    let Role::Source { item } = source.role else {
        return;
    };
    match by_id.get(&source.target) {
        None => f.error(
            "source_ref",
            Note::MissingRecord {
                id: source.target.to_string(),
            },
        ),
        Some(m) if m.kind == Kind::Meeting => {
            if let Some(n) = item
                && m.decision(n).is_none()
            {
                f.error(
                    "source_ref",
                    Note::NoDecision {
                        id: source.target.to_string(),
                        n,
                    },
                );
            }
        }
        _ => {}
    }
}
