//! A record as it stood at the end of a day: what a past period's figures
//! are counted from (docs/summaries.md, "As of the period's end").
//!
//! A record keeps its present state in its fields and how it got there in
//! its lists and history: each extension with the day it was approved
//! (`on`), each step with its moment. Last week's brief must say what was
//! true on last Sunday even after an extension, a closing, a reopening or
//! a revision came later, so every figure that depends on state asks here
//! instead of reading the present fields. For today, each answer is the
//! present one.
//!
//! Pure: the day is passed in.

use jiff::civil::Date;

use crate::model::common::{HistoryAction, HistoryEntry};
use crate::model::followup::Followup;
use crate::model::incoming::{Incoming, read_assign_note};
use crate::model::keyword::Handling;

/// What a follow-up's `done` did in the register: closed it at once, or
/// submitted it (报结) for `verify` to close (`followups.verify`). Needed
/// only to replay a history that a later `reopen` has overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    OnDone,
    OnVerify,
}

impl Closing {
    /// The closing of a register that does (`true`) or does not verify.
    pub fn verifying(verify: bool) -> Closing {
        if verify {
            Closing::OnVerify
        } else {
            Closing::OnDone
        }
    }
}

/// Where a follow-up stood at the end of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Still to be done (open, in progress, submitted or returned), or not
    /// yet assigned.
    Open,
    /// Closed (销号) on this day.
    Closed(Date),
    Cancelled,
}

/// A follow-up as it stood at the end of `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowupThen {
    /// Assigned on or before the day.
    pub assigned: bool,
    /// The due date in force: see `due_on`.
    pub due: Date,
    pub standing: Standing,
    /// The day it was due (see `due_on`) when it was closed, so on time
    /// means closed on or before it.
    pub closed_on_time: bool,
}

impl FollowupThen {
    /// Assigned and neither closed nor cancelled.
    pub fn open(&self) -> bool {
        self.assigned && self.standing == Standing::Open
    }

    /// Open, and its due date in force before the day.
    pub fn overdue(&self, day: Date) -> bool {
        self.open() && self.due < day
    }

    pub fn closed(&self) -> Option<Date> {
        match self.standing {
            Standing::Closed(on) => Some(on),
            _ => None,
        }
    }

    pub fn cancelled(&self) -> bool {
        self.standing == Standing::Cancelled
    }
}

/// `fu` as it stood at the end of `day`.
pub fn followup(fu: &Followup, day: Date, closing: Closing) -> FollowupThen {
    let standing = standing(fu, day, closing);
    let closed_on_time = match standing {
        Standing::Closed(on) => on <= due_on(fu, on),
        _ => false,
    };
    FollowupThen {
        assigned: fu.assigned <= day,
        due: due_on(fu, day),
        standing,
        closed_on_time,
    }
}

/// The due date in force at the end of `day`: the last extension approved
/// (`on`) on or before it, else the original `due`. An extension approved
/// later does not move a deadline that had already passed then.
pub fn due_on(fu: &Followup, day: Date) -> Date {
    (fu.extensions.iter())
        .rfind(|e| e.on <= day)
        .map_or(fu.due, |e| e.to)
}

/// Whether `fu` was closed, cancelled or still open at the end of `day`.
/// Without a `reopen` after the day, the present closing or cancelling
/// tells (closed then if closed on or before the day). A `reopen` after the
/// day undid a state the fields no longer hold, so the history up to the
/// day is replayed instead.
fn standing(fu: &Followup, day: Date, closing: Closing) -> Standing {
    let reopened_later =
        (fu.history.iter()).any(|h| is(h, HistoryAction::Reopen) && h.at.date() > day);
    if reopened_later {
        return replay(&fu.history, day, closing);
    }
    if let Some(on) = fu.closed_on().filter(|on| *on <= day) {
        Standing::Closed(on)
    } else if fu.cancelled_on().is_some_and(|on| on <= day) {
        Standing::Cancelled
    } else {
        Standing::Open
    }
}

/// The standing the steps of `history` dated on or before `day` leave.
fn replay(history: &[HistoryEntry], day: Date, closing: Closing) -> Standing {
    let mut standing = Standing::Open;
    for entry in history.iter().filter(|h| h.at.date() <= day) {
        let on = entry.at.date();
        standing = match HistoryAction::parse(&entry.action) {
            Some(HistoryAction::Done) if closing == Closing::OnDone => Standing::Closed(on),
            Some(HistoryAction::Verify) => Standing::Closed(on),
            Some(HistoryAction::Cancel) => Standing::Cancelled,
            Some(HistoryAction::Reopen) => Standing::Open,
            _ => standing,
        };
    }
    standing
}

fn is(entry: &HistoryEntry, action: HistoryAction) -> bool {
    entry.action == action.keyword()
}

/// An incoming paper as it stood at the end of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomingThen {
    /// An action paper received by the day and not yet completed or sent
    /// back (退文) by then.
    pub pending: bool,
    /// The deadline in force then: see `deadline_on`.
    pub deadline: Option<Date>,
}

impl IncomingThen {
    /// Pending, and its deadline before the day.
    pub fn overdue(&self, day: Date) -> bool {
        self.pending && self.deadline.is_some_and(|d| d < day)
    }
}

/// `doc` as it stood at the end of `day`.
pub fn incoming(doc: &Incoming, day: Date) -> IncomingThen {
    IncomingThen {
        pending: pending_on(doc, day),
        deadline: deadline_on(doc, day),
    }
}

/// Whether an action paper was in hand at the end of `day`: received by
/// then, and neither completed nor sent back by then. A paper sent back
/// counts from its `return` step; one settled without any date (written
/// by hand) was never in hand, as `Incoming::settled_on` has it.
fn pending_on(doc: &Incoming, day: Date) -> bool {
    if doc.handling != Handling::Action || doc.received.date() > day {
        return false;
    }
    let returned = (doc.history.iter())
        .rfind(|h| is(h, HistoryAction::Return))
        .map(|h| h.at.date());
    let settled = match (doc.completed, returned) {
        (None, Some(returned)) => Some(returned),
        _ => doc.settled_on(),
    };
    settled.is_none_or(|settled| settled > day)
}

/// The deadline in force at the end of `day`: the one a later `doc assign`
/// moved away from, as its history note keeps it (`assign_note`), else
/// the present one.
pub fn deadline_on(doc: &Incoming, day: Date) -> Option<Date> {
    let later = (doc.history.iter())
        .filter(|h| is(h, HistoryAction::Assign) && h.at.date() > day)
        .find_map(|h| read_assign_note(h.note.as_deref()?).1);
    match later {
        Some((old, _)) => old.and_then(|d| d.parse().ok()),
        None => doc.deadline,
    }
}

#[cfg(test)]
mod tests;
