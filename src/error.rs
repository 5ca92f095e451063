//! The library's error type. Each variant carries what the clerk needs to
//! fix the problem, as typed values; `i18n` turns it into a sentence in
//! their language (its English sentence is also the `Display`).

use std::fmt;
use std::path::PathBuf;

use crate::model::config::ConfigProblem;
use crate::model::date::BadDate;
use crate::model::keyword::{BadKeyword, Secrecy};
use crate::model::kind::Expected;
use crate::model::transition::Refusal;
use crate::store::parse::ReadProblem;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    NoRegister {
        start: PathBuf,
    },
    RegisterExists {
        path: PathBuf,
    },
    BadConfig {
        path: PathBuf,
        problem: ConfigProblem,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    BadDate {
        flag: String,
        source: BadDate,
    },
    BadKeyword {
        flag: String,
        source: BadKeyword,
    },
    BadSpan {
        flag: String,
        input: String,
    },
    BadNumber {
        flag: String,
        input: String,
    },
    BadId {
        input: String,
    },
    NotFound {
        id: String,
    },
    UnknownKind {
        input: String,
        books: Vec<String>,
    },
    UnknownUnit {
        input: String,
        known: Vec<String>,
    },
    UnknownSeries {
        input: String,
        known: Vec<String>,
    },
    NoSeries,
    Empty {
        flag: String,
    },
    DeadlineRequired,
    SignerRequired,
    BadSecrecyTerm(crate::model::common::TermProblem),
    AttachmentRefused {
        level: Secrecy,
    },
    AttachmentTooLarge {
        path: PathBuf,
        bytes: u64,
        limit_mib: u64,
    },
    AttachmentTwice {
        path: PathBuf,
    },
    ReceivedInFuture {
        flag: String,
        date: String,
        today: String,
    },
    DueBeforeAssigned {
        due: String,
        assigned: String,
    },
    /// A paper's deadline (办理时限) before the day it was received.
    DeadlineBeforeReceived {
        flag: String,
        deadline: jiff::civil::Date,
        received: jiff::civil::Date,
    },
    /// `init --units`/`--people` naming one twice.
    DeclaredTwice {
        flag: String,
        name: String,
    },
    /// `list --status` with a word no status of the kinds listed has.
    UnknownStatus {
        input: String,
        /// Per status set (`follow-up status` …), each status's keyword
        /// and Chinese word.
        accepted: Vec<(&'static str, Vec<(&'static str, &'static str)>)>,
    },
    Refused {
        id: String,
        refusal: Refusal,
    },
    Dangling {
        flag: String,
        target: String,
    },
    WrongKind {
        flag: String,
        target: String,
        expected: Expected,
    },
    NoDecision {
        target: String,
        n: u32,
    },
    AlreadyLinked {
        target: String,
        existing: String,
    },
    AlreadyAnswers {
        out: String,
        existing: String,
    },
    /// A duty roster that cannot be made (`book roster`).
    Roster(crate::model::logbook::roster::RosterProblem),
    Unreadable {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: Box<ReadProblem>,
    },
    UnknownPrefix {
        prefix: String,
    },
    OutsideRegister {
        path: PathBuf,
    },
    Locked {
        seconds: u64,
    },
    /// `message` is git's own output.
    CommitFailed {
        what: String,
        message: String,
    },
    /// `message` is git's own output.
    Git {
        message: String,
    },
    /// A change that would bring into a record an error `check` reports
    /// (the store's last guard: commands refuse such values themselves).
    BreaksCheck {
        id: String,
        findings: Vec<crate::model::validate::Finding>,
    },
    /// A record file whose `id` says another record than its name.
    IdMismatch {
        path: PathBuf,
        name: String,
        says: String,
    },
    GitMissing,
    GitInProgress {
        operation: crate::store::git::Operation,
    },
    DetachedHead,
    GitLockStale {
        path: PathBuf,
        minutes: u64,
    },
    GitLockHeld {
        path: PathBuf,
        seconds: u64,
    },
    /// A record that would be written larger than can be read back.
    TooLarge {
        what: String,
        size: u64,
        limit: u64,
    },
    CheckFailed {
        errors: usize,
        warnings: usize,
    },
    BadPeriod {
        flag: String,
        source: crate::model::period::BadPeriod,
    },
    BadLang {
        input: String,
    },
    /// A time zone flag that names no zone (`init --timezone`).
    BadTimezone {
        flag: String,
        input: String,
    },
    /// A format that cannot go to stdout (xlsx) was asked without --out.
    NeedsOut {
        format: String,
    },
    /// The folder an output file should go in does not exist (or the
    /// file named is a folder).
    NoSuchFolder {
        flag: String,
        path: PathBuf,
    },
    /// The file to write is a folder.
    OutIsFolder {
        flag: String,
        path: PathBuf,
    },
    /// A flag that applies to one format only.
    OnlyFor {
        flag: String,
        format: String,
    },
    /// A spreadsheet to import that cannot be read; `message` is the
    /// reader's own text.
    Sheet {
        path: PathBuf,
        message: String,
    },
    SheetTooLarge {
        path: PathBuf,
        limit_mib: u64,
    },
    NoSuchSheet {
        path: PathBuf,
        name: String,
        known: Vec<String>,
    },
    /// No row of the sheet's top names the title column.
    NoHeader {
        path: PathBuf,
        kind: crate::model::kind::Kind,
    },
    /// `--map` not `COLUMN=FIELD`, or a field the kind does not have.
    BadMap {
        input: String,
        kind: crate::model::kind::Kind,
    },
    /// `import` of a kind it cannot make.
    ImportKind {
        input: String,
    },
    /// Rows that cannot be imported: nothing was written.
    ImportRefused {
        path: PathBuf,
        kind: crate::model::kind::Kind,
        problems: Vec<crate::model::import::rows::RowProblem>,
    },
    /// Rows already in the register: (row, the record it repeats).
    ImportDuplicates {
        rows: Vec<(usize, String)>,
    },
    /// Output that could not be encoded (JSON, CSV); `message` is the
    /// encoder's own text.
    Encode {
        message: String,
    },
    SyncNoUpstream {
        branch: String,
        remotes: Vec<String>,
    },
    /// `message` is git's own output.
    SyncOffline {
        remote: String,
        message: String,
    },
    SyncUncommitted {
        paths: Vec<PathBuf>,
    },
    SyncIssuedNumber {
        number: String,
        local: String,
        remote: String,
    },
    /// `reason`: where and why one side's file could not be read.
    SyncUnmergeable {
        path: PathBuf,
        reason: Option<(usize, usize, Box<ReadProblem>)>,
    },
    SyncPushLost {
        tries: u32,
    },
    /// A logbook command refused: a field, a value, a declaration.
    Book(Box<crate::model::logbook::value::BookError>),
    /// Archiving refused (`archive`), or a change to an archived record.
    Archive(crate::model::archive::ArchiveError),
    /// A title with a line break or control character, or too long.
    BadTitle {
        flag: String,
        problem: crate::model::title::TitleProblem,
    },
    /// `edit` could not be done as asked.
    Edit(crate::model::edit::EditError),
    /// The copy edited in the editor cannot be read as a record.
    EditedUnreadable {
        line: usize,
        column: usize,
        problem: Box<ReadProblem>,
    },
    /// `undo` refused, and why.
    Undo(crate::store::undo::UndoRefusal),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An encoder's failure (JSON, CSV), as an error.
    pub fn encode(error: impl fmt::Display) -> Error {
        Error::Encode {
            message: error.to_string(),
        }
    }
}

impl From<crate::model::logbook::value::BookError> for Error {
    fn from(error: crate::model::logbook::value::BookError) -> Error {
        Error::Book(Box::new(error))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Lang::En.error(self).0)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
