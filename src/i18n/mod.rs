//! Words for people, in English and Chinese: one catalogue.
//!
//! Every label, phrase, message, history action, check finding and error
//! sentence is declared once with both languages side by side: the
//! `words!` macro for fixed words, the `say!` macro for sentences with
//! typed arguments. Leaving out a language does not compile. The model
//! hands over typed values (statuses, refusal reasons, expected kinds,
//! findings, reader problems); only this layer turns them into words.
//! Stored values and JSON never pass through here.

pub mod archive;
mod book;
pub mod classified;
mod confirm;
mod edges;
mod edit;
mod errors;
mod export;
pub mod followup;
pub mod help;
pub mod import;
mod kinds;
mod labels;
pub mod loops;
pub mod meeting;
mod notes;
pub mod notify;
pub mod outgoing;
mod refusals;
pub mod repeat;
pub mod rule;
pub mod secrecy;
mod sentences;
pub mod settings;
pub mod sheet;
pub mod web;

pub use confirm::Confirm;

// The kinds whose words live in their own room (`i18n/<kind>.rs`): the
// one place the catalogue names them.
kinds::kind_words! {
    Rule => rule,
}

/// Where the zone `init` wrote came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneFrom {
    /// `init --timezone`.
    Given,
    /// The machine's zone.
    Machine,
    /// Asia/Shanghai, since the machine's zone is UTC or unnamed.
    Default,
}
pub use edit::{edit_again, edited, field_key, unchanged, undone};
pub use export::{Brief, brief_title, deadline_event, due_back_event, followup_due_event};
pub use help::tr;
pub use labels::{Label, Message, Phrase};
pub use sentences::{
    Headline, history_action, none, period_name, remind_due, remind_headline, summary_brief_title,
    summary_headline, summary_period,
};

use crate::error::Error;
use taizhang_core::model::keyword::Keyword;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

/// Declares a closed set of words, each with its English and Chinese side
/// by side (`Id => "ID" / "编号"`); a word without both does not compile.
macro_rules! words {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$vmeta:meta])* $variant:ident => $en:literal / $zh:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// The word in `lang`.
            pub fn word(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Self::$variant, $crate::i18n::Lang::En) => $en,
                        (Self::$variant, $crate::i18n::Lang::Zh) => $zh,
                    )+
                }
            }
        }
    };
}
pub(crate) use words;

/// One sentence in both languages, its arguments named inline from the
/// surrounding scope: `say!(lang, "no record {id}", "台账中没有 {id}")`.
/// A sentence given in one language only does not compile.
macro_rules! say {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en),
            $crate::i18n::Lang::Zh => format!($zh),
        }
    };
}
pub(crate) use say;

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
        label.word(self)
    }

    /// A fixed word or short phrase (`error`, `错误`).
    pub fn message(self, message: Message) -> &'static str {
        message.word(self)
    }

    /// A phrase of the handling slip and the meeting sheet.
    pub fn phrase(self, phrase: Phrase) -> &'static str {
        phrase.word(self)
    }

    /// An enumerated value for people: the stored keyword in English, the
    /// first Chinese word in Chinese (`very-urgent` / 特急).
    pub fn keyword<K: Keyword>(self, value: K) -> &'static str {
        match self {
            Lang::En => value.keyword(),
            Lang::Zh => value.chinese().split('|').next().unwrap_or_default(),
        }
    }

    /// A record's status for people (`closed` / 已办结); a logbook
    /// entry's status as its book has it.
    pub fn status(self, record: &taizhang_core::model::record::Record) -> &str {
        match record.typed_status() {
            Some(status) => refusals::status_word(self, status),
            None => book::entry_status(self, record.status()),
        }
    }

    /// What a set of keywords is called (`urgency` / 紧急程度).
    pub fn keyword_set(self, name: &str) -> &str {
        labels::keyword_set(self, name)
    }

    /// The label of a record field, by its stored key (`sender` → 来文机关).
    /// Unknown keys are shown as they are.
    pub fn field(self, key: &str) -> &str {
        labels::field(self, key)
    }

    /// The label of `key` where it appears inside `scope` (a record kind
    /// such as `followup`, or the list it belongs to such as
    /// `extensions`): the same key means different things in different
    /// places (`lead` is 牵头单位 of a follow-up, 主办单位 of a paper; `to`
    /// is 主送 of an outgoing document, 延期至 of an extension).
    pub fn field_in<'a>(self, scope: &str, key: &'a str) -> &'a str {
        labels::field_in(self, scope, key).unwrap_or_else(|| self.field(key))
    }

    /// A step as people say it (`doc route` → `route` / 传阅).
    pub fn step(self, step: taizhang_core::model::transition::Step) -> &'static str {
        labels::step(self, step)
    }

    /// A problem `check` found, in words.
    pub fn note(self, note: &taizhang_core::model::validate::Note) -> String {
        notes::note(self, note)
    }

    /// Why a record file could not be read, in words.
    pub fn problem(self, problem: &taizhang_core::store::parse::ReadProblem) -> String {
        notes::read_problem(self, problem)
    }

    /// The sentence for an error, and an optional hint on what to do.
    pub fn error(self, error: &Error) -> (String, Option<String>) {
        errors::error(self, error)
    }

    /// The sentence for an error of the register or its rules (a warning
    /// about a record that could not be read …), and an optional hint.
    pub fn core_error(self, error: &crate::error::CoreError) -> (String, Option<String>) {
        errors::core_error(self, error)
    }

    /// One history entry of a document or meeting as a line of the
    /// timeline: `routed to 张局长`.
    pub fn action(self, action: &str, note: Option<&str>) -> String {
        history_action(self, action, note, false)
    }

    /// A follow-up's history entry for people (交办, 进展：…, 延期：…).
    pub fn followup_action(self, action: &str, note: Option<&str>) -> String {
        history_action(self, action, note, true)
    }

    /// How a follow-up was closed against its deadline: "closed 2026-11-12,
    /// 12 days late" / 2026-11-12办结，超期12天.
    pub fn closed_against_due(self, closed: jiff::civil::Date, days_late: i64) -> String {
        sentences::closed_against_due(self, closed, days_late)
    }

    /// The tally of a meeting's decisions: 议定事项22件，已办结6件.
    pub fn decision_tally(self, total: usize, closed: usize, overdue: usize) -> String {
        sentences::decision_tally(self, total, closed, overdue)
    }

    /// The colon between a label and its value (`: ` or `：`).
    pub fn colon(self) -> &'static str {
        match self {
            Lang::En => ": ",
            Lang::Zh => "：",
        }
    }

    /// Between the parts of one phrase: `a, b` / `a，b`.
    pub fn comma(self) -> &'static str {
        match self {
            Lang::En => ", ",
            Lang::Zh => "，",
        }
    }

    /// Between the fields of one list entry: 原期限：…；延期至：….
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::En => "; ",
            Lang::Zh => "；",
        }
    }

    /// A heading with the day it is for: `Overdue and due soon (2026-11-23)`.
    pub fn dated(self, heading: &str, day: jiff::civil::Date) -> String {
        say!(self, "{heading} ({day})", "{heading}（{day}）")
    }

    /// Between the names of a list: `财务科、法规科`, `a, b`.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::En => ", ",
            Lang::Zh => "、",
        }
    }

    /// What `init` says when it created a register in `path`.
    /// What `init` suggests next: the commands, one a line.
    pub fn next_steps(self, commands: &[String]) -> String {
        let lines: String = commands.iter().map(|c| format!("\n  {c}")).collect();
        say!(self, "Next:{lines}", "接下来：{lines}")
    }

    pub fn created_register(self, path: &std::path::Path) -> String {
        let path = path.display();
        say!(self, "Created a register in {path}", "已在 {path} 新建台账")
    }

    /// What `init` says of the zone it wrote into the settings, and how
    /// to change it.
    pub fn zone_set(self, zone: &str, from: ZoneFrom) -> String {
        let whence = match from {
            ZoneFrom::Given => String::new(),
            ZoneFrom::Machine => say!(self, " (this machine's)", "（取自本机）"),
            ZoneFrom::Default => say!(
                self,
                " (the default: this machine's zone is UTC or has no name)",
                "（默认值：本机时区为 UTC 或没有名称）"
            ),
        };
        say!(
            self,
            "Time zone: {zone}{whence}; today and times are read in it. To change it: taizhang config set timezone ZONE",
            "台账时区：{zone}{whence}，“今天”和各项时间均按此时区计。如需更改：`taizhang config set timezone 时区`"
        )
    }

    /// What `check` says when it found nothing wrong.
    pub fn check_clean(self, records: usize) -> String {
        say!(
            self,
            "register is valid: {records} records, no problems",
            "台账检查通过：共 {records} 条记录，未发现问题"
        )
    }

    /// What `check` says below warnings alone: the register is valid, so
    /// a clerk reading the end of a long list knows it without counting.
    pub fn check_warned(self, records: usize, warnings: usize) -> String {
        say!(
            self,
            "register is valid: {records} records, {warnings} warning(s)",
            "台账检查通过：共 {records} 条记录，{warnings} 个警告"
        )
    }

    /// How far a deadline is: "overdue 3 days", "due today", "due in 2
    /// days" (逾期3天, 今日到期, 还有2天到期).
    pub fn days_left(self, days_left: i64) -> String {
        sentences::days_left(self, days_left)
    }

    /// A line of what `sync` did.
    pub fn sync_note(self, note: &taizhang_core::store::sync::SyncNote) -> String {
        sentences::sync_note(self, note)
    }

    /// A line of what `sync --dry-run` would do: nothing was done, so
    /// nothing may read as done.
    pub fn sync_plan(self, note: &taizhang_core::store::sync::SyncNote) -> String {
        sentences::sync_plan(self, note)
    }
}
