//! The core's error type. Each variant carries what the clerk needs to
//! fix the problem as typed values (the file, the record, the accepted
//! names) and no words: the command line's catalogue turns it into a
//! sentence in the reader's language. Nothing here knows of flags.

use std::fmt;
use std::path::PathBuf;

use crate::model::config::ConfigProblem;
use crate::model::keyword::Secrecy;
use crate::model::transition::Refusal;
use crate::store::parse::ReadProblem;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The limit a spreadsheet to import went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetLimit {
    /// The bytes a workbook's zipped parts unpack to, together.
    Unpacked(u64),
    /// The last row number.
    Rows(usize),
    /// The cells kept (each row as wide as its last filled cell).
    Cells(usize),
}

/// What went wrong in the register or in its rules.
#[derive(Debug)]
pub enum Error {
    /// Something that cannot happen did: a bug in taizhang, not a mistake
    /// of the clerk's (a record that cannot be written as YAML, a journal
    /// that cannot be encoded). Its own exit code and a request to report.
    Internal {
        message: String,
    },
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
    BadId {
        input: String,
    },
    NotFound {
        id: String,
    },
    UnknownUnit {
        input: String,
        known: Vec<String>,
    },
    /// New work given to a unit that was retired (kept for the records
    /// and reports of its years).
    RetiredUnit {
        name: String,
    },
    UnknownSeries {
        input: String,
        known: Vec<String>,
    },
    NoSeries,
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
    DueBeforeAssigned {
        due: String,
        assigned: String,
    },
    Refused {
        id: String,
        refusal: Refusal,
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
    /// The register is in a git repository git cannot read (a broken
    /// `.git/config` or `HEAD`, another account's repository); git's words.
    GitUnreadable {
        message: String,
    },
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
    /// A spreadsheet past one of the limits of what is read
    /// (`store::sheet::limit`); refused before it fills the memory.
    SheetLimit {
        path: PathBuf,
        limit: SheetLimit,
    },
    NoSuchSheet {
        path: PathBuf,
        name: String,
        known: Vec<String>,
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
    SyncNoUpstream {
        branch: String,
        remotes: Vec<String>,
    },
    /// `sync` in a register that is not in a git repository.
    SyncNotRepository,
    /// `sync` stopped before it began by what stops a write's commit
    /// (`git::preflight`): git missing or unable to read the repository,
    /// a detached HEAD, a git operation half done, git's locks.
    SyncCannot {
        cause: Box<Error>,
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
    /// A change to the settings refused (`config`, `unit`, `person`,
    /// `series`).
    Settings(Box<crate::model::settings::SettingsError>),
    /// A logbook command refused: a field, a value, a declaration.
    Book(Box<crate::model::logbook::value::BookError>),
    /// Archiving refused (`archive`), or a change to an archived record.
    Archive(crate::model::archive::ArchiveError),
    /// `edit` could not be done as asked.
    Edit(crate::model::edit::EditError),
    /// A step of meeting `id` refused: by its status, or for what it was
    /// given (the day, who was there).
    Meeting {
        id: String,
        error: crate::model::meeting::MeetingError,
    },
    /// A follow-up's parts or milestones refused a step.
    Breakdown(crate::model::breakdown::BreakdownError),
    /// `undo` refused, and why.
    Undo(crate::store::undo::UndoRefusal),
    /// Classified text could not be sealed or opened (docs/secrecy.md).
    Seal(crate::store::seal::SealError),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl Error {
    /// The words of a failure to run git, to carry inside another git
    /// failure's message.
    pub fn into_git_text(self) -> String {
        match self {
            Error::Git { message } => message,
            other => format!("{other:?}"),
        }
    }

    /// A bug, with what the program was doing when it met it.
    pub fn internal(message: impl fmt::Display) -> Error {
        Error::Internal {
            message: message.to_string(),
        }
    }
}

impl From<crate::model::settings::SettingsError> for Error {
    fn from(error: crate::model::settings::SettingsError) -> Error {
        Error::Settings(Box::new(error))
    }
}

impl From<crate::model::logbook::value::BookError> for Error {
    fn from(error: crate::model::logbook::value::BookError) -> Error {
        Error::Book(Box::new(error))
    }
}

impl From<crate::store::seal::SealError> for Error {
    fn from(error: crate::store::seal::SealError) -> Error {
        Error::Seal(error)
    }
}

impl From<crate::model::breakdown::BreakdownError> for Error {
    fn from(error: crate::model::breakdown::BreakdownError) -> Error {
        Error::Breakdown(error)
    }
}

/// For logs and tests only: the command line words every variant for
/// people (in their language) and never prints this.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
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
