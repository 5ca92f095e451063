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
    MeetingHeld,
    MeetingCancel,
    MeetingMinutes,
    MeetingDecide,
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
        }
    }
}

/// A step that the record's status does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub step: Step,
    /// The current status, as stored and in Chinese.
    pub status: &'static str,
    pub status_zh: &'static str,
    /// A short reason code when the status alone does not explain it
    /// (`info`, `unassigned`, `not-later`, `holding`,
    /// `not-holding`, `unsigned`).
    pub reason: Option<&'static str>,
    /// The steps the current status does allow, for the way out.
    pub allowed: Box<[Step]>,
    /// Who or what the reason is about (the person routed to …).
    pub detail: Option<Box<str>>,
}

impl Refusal {
    pub fn new<K: Keyword>(status: K, step: Step) -> Refusal {
        Refusal {
            step,
            status: status.keyword(),
            status_zh: status.chinese().split('|').next().unwrap_or_default(),
            reason: None,
            allowed: Box::new([]),
            detail: None,
        }
    }

    pub fn because(mut self, reason: &'static str) -> Refusal {
        self.reason = Some(reason);
        self
    }

    /// Names the steps that are allowed instead.
    pub fn allowing(mut self, allowed: Vec<Step>) -> Refusal {
        self.allowed = allowed.into_boxed_slice();
        self
    }

    /// Names who or what the reason is about.
    pub fn about(mut self, detail: &str) -> Refusal {
        self.detail = Some(detail.into());
        self
    }
}
