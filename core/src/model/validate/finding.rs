//! What `check` finds: a typed note on one record, with its severity and
//! field; `i18n` words it in the reader's language.

use jiff::civil::Date;

use crate::model::common::TermProblem;
use crate::model::config::ConfigProblem;
use crate::model::id::Id;
use crate::model::keyword::{Secrecy, Urgency};
use crate::model::logbook::EntryProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub id: Id,
    pub severity: Severity,
    /// The field concerned, when there is one.
    pub field: Option<String>,
    pub message: Note,
}

/// What is wrong, with the values needed to say it; `i18n` words it in
/// the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A problem of the settings themselves (`taizhang.toml`).
    Setting(crate::model::settings::check::SettingNote),
    /// A finding declared in its kind's room, worded with the kind.
    Kind(crate::model::kind::KindNote),
    /// A follow-up's parts and milestones (`model::breakdown`).
    Breakdown(crate::model::breakdown::BreakdownNote),
    /// A follow-up's or meeting's series (`model::repeat`).
    Repeat(crate::model::repeat::RepeatNote),
    EmptyTitle,
    EmptySender,
    DeadlineNeeded {
        urgency: Urgency,
    },
    CompletedBeforeReceived {
        done: Date,
        received: Date,
    },
    DeadlineBeforeReceived {
        deadline: Date,
        received: Date,
    },
    RoutingBackBeforeOut {
        n: usize,
        to: String,
        back: String,
        out: String,
    },
    RoutingSecondCopy {
        n: usize,
        to: String,
        first: usize,
    },
    RoutingOutBeforeBack {
        n: usize,
        to: String,
    },
    RepliedWithoutReply,
    DoneWithoutDate,
    UpwardWithoutSigner,
    NoAddressee,
    IssuedWithoutPrintDate,
    EmptyLead,
    DueBeforeAssigned {
        due: Date,
        assigned: Date,
    },
    ClosedBeforeAssigned {
        closed: Date,
        assigned: Date,
    },
    SubmittedBeforeAssigned {
        submitted: Date,
        assigned: Date,
    },
    ClosedWithoutDate,
    ExtensionNotLater {
        to: Date,
        previous: Date,
    },
    DecisionTwice {
        n: u32,
    },
    MinutedWithoutMinutes,
    UnknownBookField {
        key: String,
        book: String,
    },
    UndeclaredBook {
        book: String,
    },
    /// An entry whose open loop ended before it started (`returned`
    /// before `taken_out`): the fields and their values as written.
    LoopEndBeforeStart {
        end_key: String,
        end: String,
        start_key: String,
        start: String,
    },
    /// A logbook's loop naming a field the book does not declare
    /// (a settings problem, reported on `taizhang.toml`).
    LoopFieldUndeclared {
        book: String,
        role: &'static str,
        field: String,
    },
    UnknownField {
        name: String,
    },
    ClassifiedWithoutTerm {
        level: Secrecy,
    },
    DuplicateId {
        id: String,
    },
    MissingRecord {
        id: String,
    },
    MissingFollowup {
        id: String,
    },
    MissingReplyDocument {
        id: String,
    },
    /// A replied paper whose reply document was revoked since.
    ReplyRevoked {
        reference: String,
    },
    ReplyNotLinkedBack {
        reference: String,
        id: String,
    },
    NotOutgoing {
        id: String,
    },
    NotIncoming {
        id: String,
    },
    DuplicateNumber {
        number: String,
        first: String,
    },
    NoDecision {
        id: String,
        n: u32,
    },
    DecisionFollowupMissing {
        n: u32,
        followup: String,
    },
    DecisionNotLinkedBack {
        n: u32,
        followup: String,
        meeting: String,
    },
    DecisionNotFollowup {
        n: u32,
        followup: String,
    },
    MinutesMissing {
        id: String,
    },
    /// A paper lists `followup` in `followups`, but the follow-up does
    /// not name the paper (`source`) as its source.
    FollowupNamesOtherSource {
        followup: String,
        source: String,
    },
    /// A follow-up names `source` as its source, but the paper does not
    /// list it in its `followups`.
    SourceDoesNotList {
        source: String,
        followup: String,
    },
    /// A follow-up names decision `n` of `meeting` as its source, but the
    /// decision names `other` (or no follow-up) instead.
    DecisionNamesOtherFollowup {
        meeting: String,
        n: u32,
        other: Option<String>,
        followup: String,
    },
    Stray,
    /// A change a killed command left half in place was finished now;
    /// `files` lists what it put in place.
    ChangeFinished {
        files: String,
    },
    /// A change is half in place and could not be finished now.
    ChangePending {
        files: String,
    },
    Uncommitted,
    /// The register is a git repository that commits, but git cannot run.
    GitMissing,
    /// The register is in a git repository that git cannot read, so no
    /// change is committed; git's own words.
    GitUnreadable {
        message: String,
    },
    /// A lock file of git's this many minutes old blocks every commit.
    StaleGitLock {
        minutes: u64,
    },
    /// A sync killed while running left the lock file of its private
    /// index (`path`), which stopped every later sync; `removed` says
    /// whether `check` could remove it.
    SyncLeftover {
        path: String,
        removed: bool,
    },
    /// The file holds `#` comments, which a rewrite drops.
    Comments,
    NoHolidays {
        year: i16,
    },
    DayOff {
        due: Date,
    },
    /// A logbook entry against its book's declaration.
    Entry(EntryProblem),
    /// A 保密期限 that is malformed or too long.
    Term(TermProblem),
    /// `calendar.toml` could not be used.
    Config(ConfigProblem),
    /// Archiving (档号, frozen records, loans).
    Archive(super::ArchiveNote),
    /// A title with a line break or control character, or too long.
    Title(crate::model::title::TitleProblem),
    /// A meeting whose end is before its start.
    MeetingEndsBeforeStart {
        end: String,
        start: String,
    },
    /// A record's own date (received, signed, started …) outside the
    /// dates the register takes (`model::date::EARLIEST` to `LATEST`).
    DateOutOfRange {
        date: Date,
    },
    /// A text that breaks the rule on text (`model::title`): where it is
    /// in the record (`history[3].by`) and what is wrong.
    Text {
        path: String,
        problem: crate::model::title::TextProblem,
    },
}

/// The findings on one record, being collected.
pub(crate) struct Findings<'a> {
    pub(super) id: &'a Id,
    pub(super) out: Vec<Finding>,
}

impl Findings<'_> {
    pub(super) fn new(id: &Id) -> Findings<'_> {
        Findings {
            id,
            out: Vec::new(),
        }
    }

    fn add(&mut self, severity: Severity, field: &str, message: Note) {
        self.out.push(Finding {
            id: self.id.clone(),
            severity,
            field: (!field.is_empty()).then(|| field.to_string()),
            message,
        });
    }
    pub(crate) fn error(&mut self, field: &str, message: Note) {
        self.add(Severity::Error, field, message);
    }
    pub(crate) fn warning(&mut self, field: &str, message: Note) {
        self.add(Severity::Warning, field, message);
    }
    /// A rule that guards new entries: an error, but a warning on a record
    /// imported as history (`common::imported`), which was entered before
    /// the rule could guard it.
    pub(crate) fn entry_rule(&mut self, imported: bool, field: &str, message: Note) {
        let severity = if imported {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.add(severity, field, message);
    }
}
