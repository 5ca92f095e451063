//! The rules of dates, extensions and sources of follow-ups.

use super::KindChecks;
use super::finding::{Finding, Findings, Note};
use super::links::ById;
use crate::model::breakdown::BreakdownNote;
use crate::model::followup::{Followup, FuStatus};
use crate::model::kind::Kind;
use crate::model::record::Record;

/// Checks one follow-up on its own.
impl KindChecks for Followup {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(&self, by_id: &ById, f: &mut Findings) {
        links(self, by_id, f)
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
fn parent(r: &Followup, by_id: &ById, f: &mut Findings) {
    let Some(parent) = &r.parent else { return };
    let note = match by_id.get(parent) {
        None => Note::Breakdown(BreakdownNote::ParentMissing {
            parent: parent.clone(),
        }),
        Some(Record::Followup(matter)) => match &matter.parent {
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

/// A part held to its matter: due by the matter's due date (a warning:
/// the office may mean to extend the matter), and not worked on again
/// while the matter is closed (reopened, or returned, after it).
fn against_matter(part: &Followup, matter: &Followup, f: &mut Findings) {
    let parent = matter.id.clone();
    let (due, matter_due) = (part.effective_due(), matter.effective_due());
    if due > matter_due {
        let note = BreakdownNote::PartDueAfterMatter {
            parent: parent.clone(),
            due,
            matter_due,
        };
        f.warning("due", Note::Breakdown(note));
    }
    if matter.status == FuStatus::Closed && part.is_being_worked() {
        let status = part.status;
        let note = BreakdownNote::PartOpenMatterClosed { parent, status };
        f.warning("status", Note::Breakdown(note));
    }
}

/// Occurrences of one series of follow-ups in the same period.
pub(super) fn series_periods(by_id: &ById) -> Vec<Finding> {
    super::series::periods(by_id, |r| match r {
        Record::Followup(fu) => Some(fu.as_ref()),
        _ => None,
    })
}

/// Checks what one follow-up says about other records.
fn links(r: &Followup, by_id: &ById, f: &mut Findings) {
    parent(r, by_id, f);
    super::series::link(r, Kind::Followup, by_id, f);
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
