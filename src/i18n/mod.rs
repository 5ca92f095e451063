//! Words for people, in English and Chinese.
//!
//! One catalogue per language (`en.rs`, `zh.rs`), each an exhaustive match,
//! so a new message or label cannot be added to one language and forgotten
//! in the other. Stored values never pass through here.

mod en;
mod zh;

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Reads `en`/`zh` (and locale names such as `zh_CN.UTF-8`).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("zh") || lower == "中文" {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The label for `label`.
    pub fn label(self, label: Label) -> &'static str {
        match self {
            Lang::En => en::label(label),
            Lang::Zh => zh::label(label),
        }
    }

    /// The label of a record field, by its stored key (`sender` → 来文机关).
    /// Unknown keys are shown as they are.
    pub fn field(self, key: &str) -> &str {
        match self {
            Lang::En => en::field(key),
            Lang::Zh => zh::field(key),
        }
    }

    /// The sentence for an error, and an optional hint on what to do.
    pub fn error(self, error: &Error) -> (String, Option<String>) {
        match self {
            Lang::En => en::error(error),
            Lang::Zh => zh::error(error),
        }
    }

    /// The prefix of an error line (`error`, `错误`).
    pub fn message(self, message: Message) -> &'static str {
        match self {
            Lang::En => en::message(message),
            Lang::Zh => zh::message(message),
        }
    }
}

/// Labels of table columns and headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Id,
    Kind,
    Title,
    Status,
    Unit,
    Owner,
    Party,
    Date,
    Due,
    DaysLeft,
    Overdue,
    History,
    Severity,
    File,
    Problem,
    Level,
    LevelOverdue,
    LevelDueToday,
    LevelDueSoon,
    NoUnit,
    NoOwner,
    Figure,
    Value,
    Period,
    Documents,
    Incoming,
    Outgoing,
    ByUrgency,
    ByHandling,
    IncomingDone,
    IncomingPending,
    IncomingOverdue,
    Followups,
    Assigned,
    Closed,
    ClosedOnTime,
    OnTimeRate,
    DueInPeriod,
    DueClosed,
    CompletionRate,
    Open,
    DaysOverdue,
    ByUnit,
    OverdueList,
    LeadUnit,
    Meetings,
    MeetingsHeld,
    Decisions,
    Logbooks,
    AwaitingHandling,
    NextDeadlines,
    WeekMeetings,
    OverdueAndSoon,
    Received,
    Start,
}

/// Fixed words and short phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    Error,
    Warning,
    Hint,
    Skipped,
    NothingFound,
    CheckClean,
    CheckSummary,
    Uncommitted,
    Yes,
    No,
    DaysOverdue,
    DaysLeft,
    DueToday,
    DeskClear,
}
