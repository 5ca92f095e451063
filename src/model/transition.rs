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
}

impl Step {
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
    /// (`info`, `unassigned`, `not-later`).
    pub reason: Option<&'static str>,
}

impl Refusal {
    pub fn new<K: Keyword>(status: K, step: Step) -> Refusal {
        Refusal {
            step,
            status: status.keyword(),
            status_zh: status.chinese().split('|').next().unwrap_or_default(),
            reason: None,
        }
    }

    pub fn because(mut self, reason: &'static str) -> Refusal {
        self.reason = Some(reason);
        self
    }
}
