//! Refused status transitions: what was asked, from which status, and why.
//!
//! The record kinds decide; `i18n` turns a refusal into a sentence that
//! names the status and the way out.

use crate::model::followup::FuStatus;
use crate::model::incoming::InStatus;
use crate::model::keyword::Keyword;
use crate::model::meeting::MtStatus;
use crate::model::outgoing::OutStatus;
use crate::model::rule::RuleStatus;

/// A step a command asks of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Progress,
    Done,
    Verify,
    Extend,
    Chase,
    Cancel,
    Reopen,
    DocDone,
    DocPropose,
    DocInstruct,
    DocRoute,
    DocBack,
    DocAssign,
    DocReply,
    DocReturn,
    DocIssue,
    DocRevoke,
    MeetingHeld,
    MeetingCancel,
    MeetingMinutes,
    MeetingDecide,
    RuleReview,
    RuleRevise,
    RuleRepeal,
}

impl Step {
    /// Whether the step belongs to a follow-up's life (as opposed to a
    /// document's or a meeting's handling).
    pub fn is_followup(self) -> bool {
        matches!(
            self,
            Step::Progress
                | Step::Done
                | Step::Verify
                | Step::Extend
                | Step::Chase
                | Step::Cancel
                | Step::Reopen
        )
    }

    /// The command that performs the step, as typed.
    pub fn command(self) -> &'static str {
        match self {
            Step::Progress => "progress",
            Step::Done => "done",
            Step::Verify => "verify",
            Step::Extend => "extend",
            Step::Chase => "chase",
            Step::Cancel => "cancel",
            Step::Reopen => "reopen",
            Step::DocDone => "doc done",
            Step::DocPropose => "doc propose",
            Step::DocInstruct => "doc instruct",
            Step::DocRoute => "doc route",
            Step::DocBack => "doc back",
            Step::DocAssign => "doc assign",
            Step::DocReply => "doc reply",
            Step::DocReturn => "doc return",
            Step::DocIssue => "doc issue",
            Step::DocRevoke => "doc revoke",
            Step::MeetingHeld => "meeting held",
            Step::MeetingCancel => "meeting cancel",
            Step::MeetingMinutes => "meeting minutes",
            Step::MeetingDecide => "meeting decide",
            Step::RuleReview => "rule review",
            Step::RuleRevise => "rule revise",
            Step::RuleRepeal => "rule repeal",
        }
    }
}

/// The status a record was in when a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Incoming(InStatus),
    Outgoing(OutStatus),
    Followup(FuStatus),
    Meeting(MtStatus),
    Rule(RuleStatus),
}

impl Status {
    /// The stored keyword (`closed`).
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Incoming(s) => s.keyword(),
            Status::Outgoing(s) => s.keyword(),
            Status::Followup(s) => s.keyword(),
            Status::Meeting(s) => s.keyword(),
            Status::Rule(s) => s.keyword(),
        }
    }
}

macro_rules! status_from {
    ($($variant:ident($ty:ty)),+) => {
        $(impl From<$ty> for Status {
            fn from(status: $ty) -> Status {
                Status::$variant(status)
            }
        })+
    };
}
status_from!(
    Incoming(InStatus),
    Outgoing(OutStatus),
    Followup(FuStatus),
    Meeting(MtStatus),
    Rule(RuleStatus)
);

/// Why a step is refused when the status alone does not say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalReason {
    /// An info item (阅件): the step is for action items.
    Info,
    /// Not yet assigned to a unit.
    Unassigned,
    /// A new due date not later than the one in force.
    NotLater,
    /// The paper is already with this person.
    Holding(Box<str>),
    /// The paper is not with this person.
    NotHolding(Box<str>),
    /// A draft not yet signed.
    Unsigned,
}

/// A step that the record's status does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub step: Step,
    /// The current status.
    pub status: Status,
    pub reason: Option<RefusalReason>,
    /// The steps the current status does allow, for the way out.
    pub allowed: Box<[Step]>,
}

impl Refusal {
    pub fn new(status: impl Into<Status>, step: Step) -> Refusal {
        Refusal {
            step,
            status: status.into(),
            reason: None,
            allowed: Box::new([]),
        }
    }

    pub fn because(mut self, reason: RefusalReason) -> Refusal {
        self.reason = Some(reason);
        self
    }

    /// Names the steps that are allowed instead.
    pub fn allowing(mut self, allowed: Vec<Step>) -> Refusal {
        self.allowed = allowed.into_boxed_slice();
        self
    }
}
