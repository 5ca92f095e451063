//! Words for people, in English and Chinese.
//!
//! One catalogue per language (`en.rs`, `zh.rs`), each an exhaustive match,
//! so a new message or label cannot be added to one language and forgotten
//! in the other. Stored values never pass through here.

mod en;
mod zh;
mod zh_reader;

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

    /// The label of `key` where it appears inside `scope` (a record kind
    /// such as `followup`, or the list it belongs to such as
    /// `extensions`): the same key means different things in different
    /// places (`lead` is 牵头单位 of a follow-up, 主办单位 of a paper; `to`
    /// is 主送 of an outgoing document, 延期至 of an extension).
    pub fn field_in<'a>(self, scope: &str, key: &'a str) -> &'a str {
        let scoped = match self {
            Lang::En => en::field_in(scope, key),
            Lang::Zh => zh::field_in(scope, key),
        };
        scoped.unwrap_or_else(|| self.field(key))
    }

    /// A problem `check` found, in words.
    pub fn note(self, note: &crate::model::validate::Note) -> String {
        match self {
            Lang::En => en::note(note),
            Lang::Zh => zh::note(note),
        }
    }

    /// What the record reader said about a file (written in English where
    /// it arose), in this language.
    pub fn reader(self, text: &str) -> String {
        match self {
            Lang::En => text.to_string(),
            Lang::Zh => zh_reader::translate(text),
        }
    }

    /// The sentence for an error, and an optional hint on what to do.
    pub fn error(self, error: &Error) -> (String, Option<String>) {
        match self {
            Lang::En => en::error(error),
            Lang::Zh => zh::error(error),
        }
    }

    /// A phrase of the handling slip and the meeting sheet.
    pub fn phrase(self, phrase: Phrase) -> &'static str {
        match self {
            Lang::En => en::phrase(phrase),
            Lang::Zh => zh::phrase(phrase),
        }
    }

    /// A step as people say it (`doc route` → `route` / 传阅).
    pub fn step(self, step: crate::model::transition::Step) -> &'static str {
        match self {
            Lang::En => step.command(),
            Lang::Zh => zh::step_name(step),
        }
    }

    /// One history entry as a line of the timeline: `routed to 张局长`.
    pub fn action(self, action: &str, note: Option<&str>) -> String {
        match self {
            Lang::En => en::action(action, note),
            Lang::Zh => zh::action(action, note),
        }
    }

    /// A follow-up's history entry for people (交办, 进展：…, 延期：…).
    pub fn followup_action(self, action: &str, note: Option<&str>) -> String {
        match self {
            Lang::En => en::followup_action(action, note),
            Lang::Zh => zh::followup_action(action, note),
        }
    }

    /// How a follow-up was closed against its deadline: "closed 2026-11-12,
    /// 12 days late" / 2026-11-12办结，超期12天.
    pub fn closed_against_due(self, closed: jiff::civil::Date, days_late: i64) -> String {
        match self {
            Lang::En => en::closed_against_due(closed, days_late),
            Lang::Zh => zh::closed_against_due(closed, days_late),
        }
    }

    /// The tally of a meeting's decisions: 议定事项22件，已办结6件.
    pub fn decision_tally(self, total: usize, closed: usize, overdue: usize) -> String {
        match self {
            Lang::En => en::decision_tally(total, closed, overdue),
            Lang::Zh => zh::decision_tally(total, closed, overdue),
        }
    }

    /// The colon between a label and its value (`: ` or `：`).
    pub fn colon(self) -> &'static str {
        match self {
            Lang::En => ": ",
            Lang::Zh => "：",
        }
    }

    /// Between the names of a list: `财务科、法规科`, `a, b`.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::En => ", ",
            Lang::Zh => "、",
        }
    }

    /// What `init` says when it created a register in `path`.
    pub fn created_register(self, path: &std::path::Path) -> String {
        match self {
            Lang::En => en::created_register(path),
            Lang::Zh => zh::created_register(path),
        }
    }

    /// What `check` says when it found nothing wrong.
    pub fn check_clean(self, records: usize) -> String {
        match self {
            Lang::En => en::check_clean(records),
            Lang::Zh => zh::check_clean(records),
        }
    }

    /// How far a deadline is: "overdue 3 days", "due today", "due in 2
    /// days" (逾期3天, 今日到期, 还有2天到期).
    pub fn days_left(self, days_left: i64) -> String {
        match self {
            Lang::En => en::days_left(days_left),
            Lang::Zh => zh::days_left(days_left),
        }
    }

    /// A line of what `sync` did.
    pub fn sync_note(self, note: &SyncNote) -> String {
        match self {
            Lang::En => en::sync_note(note),
            Lang::Zh => zh::sync_note(note),
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

/// What `sync` reports, one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncNote {
    Renumbered {
        old: String,
        new: String,
    },
    Number {
        id: String,
        old: String,
        new: String,
    },
    Contested {
        path: String,
        key: String,
    },
    Pulled(usize),
    Pushed(usize),
    Nothing,
    DryRun,
    /// Why a change could not be shared (an error, already worded).
    NotShared(String),
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
    Yes,
    No,
    DeskClear,
}

/// Words of the handling slip (处理单) and the meeting sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    IncomingSlip,
    OutgoingSlip,
    MeetingSheet,
    Timeline,
    HeldBy,
    Nobody,
    Next,
    NothingNext,
    FuClosed,
    FuOpen,
    FuOverdue,
    FuCancelled,
    FuNone,
    FuMissing,
    Out,
    Back,
    NotBack,
}
