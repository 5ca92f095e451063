//! A follow-up broken down (任务分解): its parts and its milestones
//! (节点督办), and what they mean for the matter as a whole.
//!
//! A part (分解子项) is a follow-up of its own that names the matter it
//! belongs to (`parent`); the matter does not list its parts, so the link
//! is stored once and the other direction is found by reading. Parts go
//! one level deep: that is how offices break a matter down (a matter, the
//! units' shares of it), and it keeps the roll-up, `done --with-parts`
//! and the tree of `list` plain.
//!
//! A milestone is a dated step within one follow-up. One past its date and
//! not done puts the follow-up behind schedule (序时进度滞后), the 三色督办
//! yellow, before its last day comes.
//!
//! Pure: no file system, no clock (today is passed in).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::followup::{Followup, FuStatus};
use crate::model::id::Id;

/// One milestone (节点) of a follow-up: a step due by a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub due: Date,
    pub text: String,
    /// The day it was done; none while it is still to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
}

impl Milestone {
    /// Past its date on `today` and not done.
    pub fn missed(&self, today: Date) -> bool {
        self.done.is_none() && self.due < today
    }
}

/// Why a step of a broken-down follow-up cannot be taken; worded by the
/// command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakdownError {
    /// A part is asked of a matter that is closed or cancelled.
    ParentSettled { parent: Id, status: FuStatus },
    /// A part is asked of a follow-up that is itself a part of `of`.
    ParentIsPart { parent: Id, of: Id },
    /// `--milestone` given as something other than `DATE:TEXT`.
    MilestoneMalformed { input: String },
    /// A milestone dated after the follow-up's due date.
    MilestoneAfterDue { input: String, due: Date },
    /// A matter closed while some of its parts are open.
    OpenParts { id: Id, parts: Vec<Id> },
    /// A matter verified (审核销号) while some of its parts are not yet
    /// closed (being worked on, or submitted and awaiting verification).
    UnclosedParts { id: Id, parts: Vec<Id> },
    /// Milestone `n` asked of a follow-up with `count` of them.
    NoMilestone { id: Id, n: usize, count: usize },
    /// Milestone `n` is already done.
    MilestoneAlreadyDone { id: Id, n: usize, on: Date },
    /// A milestone added to, or done on, a closed or cancelled follow-up.
    Settled { id: Id, status: FuStatus },
}

/// What `check` finds on a broken-down follow-up; worded by the command
/// line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakdownNote {
    /// Milestone `n` is dated after the due date in force.
    MilestoneAfterDue { n: usize, on: Date, due: Date },
    /// `parent` names no record.
    ParentMissing { parent: Id },
    /// `parent` names a record that is not a follow-up.
    ParentNotFollowup { parent: Id },
    /// `parent` names a follow-up that is itself a part of `of`.
    ParentIsPart { parent: Id, of: Id },
    /// A part due (in force) after its matter's due date in force.
    PartDueAfterMatter {
        parent: Id,
        due: Date,
        matter_due: Date,
    },
    /// A part being worked on again (reopened, returned) while its
    /// matter is closed.
    PartOpenMatterClosed { parent: Id, status: FuStatus },
}

/// What a part takes from its matter unless it is given otherwise: the
/// kind of source, the leader in charge, and at least its secrecy.
pub fn inherit(part: &mut Followup, parent: &Followup) {
    part.parent = Some(parent.id.clone());
    part.source = part.source.or(parent.source);
    if part.supervisor.is_none() {
        part.supervisor = parent.supervisor.clone();
    }
    part.secrecy = part.secrecy.max(parent.secrecy);
}

/// Whether `parent` may be given a new part: an open matter that is not a
/// part itself.
pub fn may_take_part(parent: &Followup) -> Result<(), BreakdownError> {
    if let Some(of) = &parent.parent {
        return Err(BreakdownError::ParentIsPart {
            parent: parent.id.clone(),
            of: of.clone(),
        });
    }
    if !parent.is_open() {
        return Err(BreakdownError::ParentSettled {
            parent: parent.id.clone(),
            status: parent.status,
        });
    }
    Ok(())
}

/// How far a matter's parts have come: `done` of `total` closed
/// (cancelled parts count in neither: they are no longer asked for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RollUp {
    pub done: usize,
    pub total: usize,
}

impl RollUp {
    pub fn of<'a>(parts: impl IntoIterator<Item = &'a Followup>) -> RollUp {
        parts
            .into_iter()
            .filter(|p| p.status != FuStatus::Cancelled)
            .fold(RollUp::default(), |r, p| RollUp {
                done: r.done + usize::from(p.status == FuStatus::Closed),
                total: r.total + 1,
            })
    }
}

/// The parts of `parent` among `all`, by ID.
pub fn parts_of<'a>(parent: &Id, all: impl IntoIterator<Item = &'a Followup>) -> Vec<&'a Followup> {
    let mut parts: Vec<&Followup> = all
        .into_iter()
        .filter(|f| f.parent.as_ref() == Some(parent))
        .collect();
    parts.sort_by(|a, b| a.id.cmp(&b.id));
    parts
}

/// The IDs of those `parts` still being worked on, which keep their
/// matter from being done.
pub fn open_parts(parts: &[&Followup]) -> Vec<Id> {
    (parts.iter())
        .filter(|p| p.is_being_worked())
        .map(|p| p.id.clone())
        .collect()
}

/// The IDs of those `parts` not yet closed (a cancelled one is no longer
/// asked for), which keep their matter from being verified: a matter is
/// closed only once each of its parts is.
pub fn unclosed_parts(parts: &[&Followup]) -> Vec<Id> {
    (parts.iter())
        .filter(|p| !matches!(p.status, FuStatus::Closed | FuStatus::Cancelled))
        .map(|p| p.id.clone())
        .collect()
}

impl FuStatus {
    /// Open, in progress or returned: its work is not done. A submitted
    /// one awaits verification, a closed or cancelled one is settled.
    pub fn is_being_worked(self) -> bool {
        matches!(
            self,
            FuStatus::Open | FuStatus::InProgress | FuStatus::Returned
        )
    }
}

impl Followup {
    /// Its work is not done (`FuStatus::is_being_worked`).
    pub fn is_being_worked(&self) -> bool {
        self.status.is_being_worked()
    }

    /// A part (分解子项) of another follow-up.
    pub fn is_part(&self) -> bool {
        self.parent.is_some()
    }

    /// The first milestone missed on `today` (past its date and not
    /// done), with its 1-based number, while the follow-up is open:
    /// behind schedule (序时进度滞后).
    pub fn behind(&self, today: Date) -> Option<(usize, &Milestone)> {
        if !self.is_open() {
            return None;
        }
        (self.milestones.iter().enumerate())
            .filter(|(_, m)| m.missed(today))
            .min_by_key(|(n, m)| (m.due, *n))
            .map(|(n, m)| (n + 1, m))
    }

    /// Adds a milestone, kept in date order; refused after the due date
    /// in force (`input` is how it was given, to name it) or on a follow-up
    /// no longer open.
    pub fn add_milestone(
        &mut self,
        milestone: Milestone,
        input: &str,
    ) -> Result<(), BreakdownError> {
        self.require_open_for_milestones()?;
        let due = self.effective_due();
        if milestone.due > due {
            return Err(BreakdownError::MilestoneAfterDue {
                input: input.to_string(),
                due,
            });
        }
        let at = (self.milestones.iter()).position(|m| m.due > milestone.due);
        self.milestones
            .insert(at.unwrap_or(self.milestones.len()), milestone);
        Ok(())
    }

    /// Marks milestone `n` (1-based, as `show` numbers them) done `on`.
    pub fn finish_milestone(&mut self, n: usize, on: Date) -> Result<&Milestone, BreakdownError> {
        self.require_open_for_milestones()?;
        let (id, count) = (self.id.clone(), self.milestones.len());
        let milestone = (n.checked_sub(1))
            .and_then(|i| self.milestones.get_mut(i))
            .ok_or(BreakdownError::NoMilestone {
                id: id.clone(),
                n,
                count,
            })?;
        if let Some(done) = milestone.done {
            return Err(BreakdownError::MilestoneAlreadyDone { id, n, on: done });
        }
        milestone.done = Some(on);
        Ok(milestone)
    }

    fn require_open_for_milestones(&self) -> Result<(), BreakdownError> {
        match self.is_open() {
            true => Ok(()),
            false => Err(BreakdownError::Settled {
                id: self.id.clone(),
                status: self.status,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::keyword::Secrecy;

    fn fu(id: &str, extra: &str) -> Followup {
        serde_yaml::from_str(&format!(
            "id: {id}\ntitle: 事项\nstatus: open\nlead: 办公室\n\
             assigned: 2026-11-01\ndue: 2026-11-30\ncreated: 2026-11-01T09:00:00+08:00\n{extra}"
        ))
        .unwrap()
    }

    fn day(d: i8) -> Date {
        Date::constant(2026, 11, d)
    }

    fn step(due: i8, text: &str) -> Milestone {
        Milestone {
            due: day(due),
            text: text.into(),
            done: None,
        }
    }

    #[test]
    fn a_missed_milestone_puts_it_behind_until_done() {
        let mut f = fu("FU-2026-0001", "");
        f.add_milestone(step(20, "上报"), "11-20:上报").unwrap();
        f.add_milestone(step(10, "方案"), "11-10:方案").unwrap();
        // Kept in date order: the plan is milestone 1.
        assert_eq!(f.milestones[0].text, "方案");
        assert_eq!(f.behind(day(10)), None, "due today is not missed");
        assert_eq!(f.behind(day(11)).map(|(n, _)| n), Some(1));
        f.finish_milestone(1, day(11)).unwrap();
        assert_eq!(f.behind(day(15)), None);
        assert_eq!(f.behind(day(21)).map(|(n, _)| n), Some(2));
        let again = f.finish_milestone(1, day(12)).unwrap_err();
        assert!(matches!(
            again,
            BreakdownError::MilestoneAlreadyDone { n: 1, .. }
        ));
        let none = f.finish_milestone(3, day(12)).unwrap_err();
        assert!(matches!(
            none,
            BreakdownError::NoMilestone { n: 3, count: 2, .. }
        ));
        assert!(matches!(
            f.finish_milestone(0, day(12)),
            Err(BreakdownError::NoMilestone { n: 0, .. })
        ));
        // A closed follow-up is behind nothing.
        f.finish(day(25), "李明", None, false).unwrap();
        assert_eq!(f.behind(day(26)), None);
    }

    #[test]
    fn a_milestone_after_the_due_date_is_refused() {
        let mut f = fu("FU-2026-0001", "");
        assert!(f.add_milestone(step(30, "终"), "11-30:终").is_ok());
        let late = Milestone {
            due: Date::constant(2026, 12, 1),
            ..step(1, "晚")
        };
        assert_eq!(
            f.add_milestone(late, "12-01:晚"),
            Err(BreakdownError::MilestoneAfterDue {
                input: "12-01:晚".into(),
                due: day(30)
            })
        );
    }

    #[test]
    fn parts_one_level_deep_of_an_open_matter() {
        let matter = fu(
            "FU-2026-0001",
            "supervisor: 王局长\nsecrecy: secret\nsource: meeting\n",
        );
        let mut part = fu("FU-2026-0002", "");
        assert!(may_take_part(&matter).is_ok());
        inherit(&mut part, &matter);
        assert_eq!(part.parent.as_ref(), Some(&matter.id));
        assert_eq!(part.supervisor.as_deref(), Some("王局长"));
        assert_eq!(part.secrecy, Secrecy::Secret);
        assert!(part.source.is_some());
        assert_eq!(
            may_take_part(&part),
            Err(BreakdownError::ParentIsPart {
                parent: part.id.clone(),
                of: matter.id.clone()
            })
        );
        let mut closed = matter.clone();
        closed.cancel().unwrap();
        assert!(matches!(
            may_take_part(&closed),
            Err(BreakdownError::ParentSettled {
                status: FuStatus::Cancelled,
                ..
            })
        ));
    }

    #[test]
    fn roll_up_counts_closed_of_those_still_asked() {
        let mut a = fu("FU-2026-0002", "parent: FU-2026-0001\n");
        a.status = FuStatus::Closed;
        let b = fu("FU-2026-0003", "parent: FU-2026-0001\n");
        let mut c = fu("FU-2026-0004", "parent: FU-2026-0001\n");
        c.status = FuStatus::Cancelled;
        let other = fu("FU-2026-0005", "parent: FU-2026-0009\n");
        let all = [a, b, c, other];
        let parent = Id::parse("FU-2026-0001").unwrap();
        let parts = parts_of(&parent, &all);
        assert_eq!(parts.len(), 3);
        assert_eq!(
            RollUp::of(parts.iter().copied()),
            RollUp { done: 1, total: 2 }
        );
        assert_eq!(open_parts(&parts), vec![Id::parse("FU-2026-0003").unwrap()]);
    }
}
