//! The library's error type. Each variant carries what the clerk needs to
//! fix the problem; `i18n` turns it into a sentence in their language.

use std::path::PathBuf;

use crate::model::date::BadDate;
use crate::model::keyword::BadKeyword;
use crate::model::transition::Refusal;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not inside a register: no taizhang.toml in {start} or any folder above it")]
    NoRegister { start: PathBuf },

    #[error("{path} already holds a register")]
    RegisterExists { path: PathBuf },

    #[error("{path}: {message}")]
    BadConfig { path: PathBuf, message: String },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{flag}: {source}")]
    BadDate { flag: String, source: BadDate },

    #[error("{flag}: {source}")]
    BadKeyword { flag: String, source: BadKeyword },

    #[error("{flag}: cannot read the span '{input}'")]
    BadSpan { flag: String, input: String },

    #[error("{flag}: '{input}' is not a number")]
    BadNumber { flag: String, input: String },

    #[error("'{input}' is not a record ID like IN-2026-0042")]
    BadId { input: String },

    #[error("no record {id} in this register")]
    NotFound { id: String },

    #[error("'{input}' is not a kind of record")]
    UnknownKind { input: String, books: Vec<String> },

    #[error("'{input}' is not a unit of this register")]
    UnknownUnit { input: String, known: Vec<String> },

    #[error("'{input}' is not an outgoing document series")]
    UnknownSeries { input: String, known: Vec<String> },

    #[error("the register declares no outgoing document series")]
    NoSeries,

    #[error("{flag} must not be empty")]
    Empty { flag: String },

    #[error("an urgent action item needs --deadline")]
    DeadlineRequired,

    #[error("an upward document (上行文) needs --signer")]
    SignerRequired,

    #[error("--secrecy-term: {0}")]
    BadSecrecyTerm(String),

    #[error("attachments are not allowed at secrecy level {level}")]
    AttachmentRefused { level: String },

    #[error("{flag} {date} is after today ({today}): a paper cannot be received in the future")]
    ReceivedInFuture {
        flag: String,
        date: String,
        today: String,
    },

    #[error("the due date {due} is before the assignment date {assigned}")]
    DueBeforeAssigned { due: String, assigned: String },

    #[error("{id} is {}; cannot {}", refusal.status, refusal.step.command())]
    Refused { id: String, refusal: Refusal },

    #[error("{flag} {target}: no such record")]
    Dangling { flag: String, target: String },

    #[error("{flag} {target}: expected {expected}")]
    WrongKind {
        flag: String,
        target: String,
        expected: String,
    },

    #[error("{target}: meeting has no decision #{n}")]
    NoDecision { target: String, n: u32 },

    #[error("{target} already has follow-up {existing}")]
    AlreadyLinked { target: String, existing: String },

    #[error("{path}:{line}:{column}: {message}")]
    Unreadable {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{path} escapes the register")]
    OutsideRegister { path: PathBuf },

    #[error("another taizhang command is writing to this register; gave up after {seconds} s")]
    Locked { seconds: u64 },

    #[error("{what} was written, but the git commit failed: {message}")]
    CommitFailed { what: String, message: String },

    #[error("git failed: {message}")]
    Git { message: String },

    #[error("the register has problems")]
    CheckFailed { errors: usize, warnings: usize },

    #[error("{0}")]
    Other(String),

    #[error("--lang: '{input}' is not a language; use en or zh")]
    BadLang { input: String },

    #[error("{flag}: {source}")]
    BadPeriod {
        flag: String,
        source: crate::model::period::BadPeriod,
    },
    #[error("{out} already answers {existing}")]
    AlreadyAnswers { out: String, existing: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
