//! Refused status transitions: what was asked, from which status, and why.
//!
//! The record kinds decide; `i18n` turns a refusal into a sentence that
//! names the status and the way out.

use crate::model::keyword::Keyword;

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
    DocReview,
    DocCountersign,
    DocSign,
    MeetingHeld,
    MeetingCancel,
    MeetingMinutes,
    MeetingDecide,
    /// A step declared in its kind's room.
    Kind(crate::model::kind::KindStep),
    /// The formal minutes issued as an outgoing document: a suggestion
    /// once minutes are written down, done by `meeting minutes --doc`.
    MeetingIssueMinutes,
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
            Step::DocReview => "doc review",
            Step::DocCountersign => "doc countersign",
            Step::DocSign => "doc sign",
            Step::MeetingHeld => "meeting held",
            Step::MeetingCancel => "meeting cancel",
            Step::MeetingMinutes => "meeting minutes",
            Step::MeetingDecide => "meeting decide",
            Step::Kind(step) => step.command(),
            Step::MeetingIssueMinutes => "meeting minutes --doc",
        }
    }
}

/// The status a record was in when a step was refused, as every kind's
/// status keywords give it: the stored keyword and the Chinese words. Any
/// kind's status becomes one (`IsStatus`), so no list of kinds is kept
/// here. One pointer wide: it travels inside every refusal.
#[derive(Clone, Copy)]
pub struct Status(&'static dyn StatusWord);

impl Status {
    /// The stored keyword (`closed`).
    pub fn keyword(self) -> &'static str {
        self.0.keyword()
    }

    /// The Chinese words, `|`-separated; the first is the one shown.
    pub fn chinese(self) -> &'static str {
        self.0.chinese()
    }
}

/// Two statuses are the same when they are the same kind's same status.
impl PartialEq for Status {
    fn eq(&self, other: &Status) -> bool {
        (self.0.set(), self.keyword()) == (other.0.set(), other.keyword())
    }
}

impl Eq for Status {}

impl std::fmt::Debug for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0.set(), self.keyword())
    }
}

/// The status keywords of a record kind (`FuStatus`, `RuleStatus` …),
/// declared beside the kind: what a refusal may name.
pub trait IsStatus: Keyword + Sync {}

/// A status of any kind, behind one pointer.
trait StatusWord: Sync {
    /// Whose status it is (`Keyword::NAME`: "follow-up status"), so that
    /// two kinds' statuses of the same keyword stay apart.
    fn set(&self) -> &'static str;
    fn keyword(&self) -> &'static str;
    fn chinese(&self) -> &'static str;
}

impl<K: IsStatus> StatusWord for K {
    fn set(&self) -> &'static str {
        K::NAME
    }

    fn keyword(&self) -> &'static str {
        Keyword::keyword(*self)
    }

    fn chinese(&self) -> &'static str {
        Keyword::chinese(*self)
    }
}

/// What a status not among its kind's values would be; `Keyword::ALL`
/// holds every value, so none is.
struct NoStatus;

impl StatusWord for NoStatus {
    fn set(&self) -> &'static str {
        ""
    }

    fn keyword(&self) -> &'static str {
        ""
    }

    fn chinese(&self) -> &'static str {
        ""
    }
}

impl<K: IsStatus> From<K> for Status {
    fn from(status: K) -> Status {
        let same = |s: &&K| Keyword::keyword(**s) == Keyword::keyword(status);
        match K::ALL.iter().find(same) {
            Some(word) => Status(word),
            None => Status(&NoStatus),
        }
    }
}

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
    /// A draft not yet reviewed (核稿), in a register that requires it.
    Unreviewed,
    /// A draft some of whose named units have not countersigned (会签).
    AwaitingCountersign(Box<[String]>),
    /// This unit has countersigned the draft already.
    Countersigned(Box<str>),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::followup::FuStatus;
    use crate::model::meeting::MtStatus;

    #[test]
    fn a_status_keeps_its_kind_and_its_words() {
        let cancelled = Status::from(FuStatus::Cancelled);
        assert_eq!(cancelled, FuStatus::Cancelled.into());
        assert_ne!(
            cancelled,
            MtStatus::Cancelled.into(),
            "same keyword, two kinds"
        );
        assert_ne!(cancelled, FuStatus::Closed.into());
        assert_eq!(cancelled.keyword(), "cancelled");
        assert_eq!(Status::from(FuStatus::Closed).chinese(), "已办结|已销号");
        assert_eq!(
            std::mem::size_of::<Status>(),
            2 * std::mem::size_of::<usize>()
        );
    }
}
