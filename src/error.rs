//! The command line's error type: what went wrong in a command's own
//! concerns (a flag's value, an output file, a format), or in the core
//! beneath it (`Core`). Each variant carries typed values; `i18n` turns
//! it into a sentence in the reader's language (and gives it its
//! `Display`, the English sentence, so that this module names nothing
//! above it).

use std::fmt;
use std::path::PathBuf;

use taizhang_core::model::date::BadDate;
use taizhang_core::model::keyword::BadKeyword;
use taizhang_core::model::kind::Expected;
use taizhang_core::store::parse::ReadProblem;

pub use taizhang_core::Error as CoreError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    /// The register or its rules refused, or could not be read.
    Core(CoreError),
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
    UnknownKind {
        input: String,
        books: Vec<String>,
    },
    Empty {
        flag: String,
    },
    ReceivedInFuture {
        flag: String,
        date: String,
        today: String,
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
    Dangling {
        flag: String,
        target: String,
    },
    WrongKind {
        flag: String,
        target: String,
        expected: Expected,
    },
    CheckFailed {
        errors: usize,
        warnings: usize,
    },
    BadPeriod {
        flag: String,
        source: taizhang_core::model::period::BadPeriod,
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
    /// `-o` asked a command for a format it does not print; `formats`
    /// are those it does.
    NoSuchFormat {
        format: &'static str,
        formats: Vec<&'static str>,
    },
    /// A flag that applies to one format only.
    OnlyFor {
        flag: String,
        format: String,
    },
    /// No row of the sheet's top names the title column.
    NoHeader {
        path: PathBuf,
        kind: taizhang_core::model::kind::Kind,
        /// How many rows from the top were examined, and each row that
        /// named any field with the labels it named.
        examined: usize,
        recognised: Vec<(usize, Vec<String>)>,
    },
    /// `--map` not `COLUMN=FIELD`, or a field the kind does not have.
    BadMap {
        input: String,
        kind: taizhang_core::model::kind::Kind,
        /// The keys of the fields the kind's columns may fill.
        accepted: Vec<&'static str>,
    },
    /// `import` of a kind it cannot make.
    ImportKind {
        input: String,
    },
    /// Output that could not be encoded (JSON, CSV); `message` is the
    /// encoder's own text.
    Encode {
        message: String,
    },
    /// A title with a line break or control character, or too long.
    BadTitle {
        flag: String,
        problem: taizhang_core::model::title::TitleProblem,
    },
    /// The copy edited in the editor cannot be read as a record.
    EditedUnreadable {
        line: usize,
        column: usize,
        problem: Box<ReadProblem>,
    },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Core(CoreError::io(path, source))
    }

    /// An encoder's failure (JSON, CSV), as an error.
    pub fn encode(error: impl fmt::Display) -> Error {
        Error::Encode {
            message: error.to_string(),
        }
    }

    /// A closed pipe on stdout (`taizhang list | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Core(CoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<CoreError> for Error {
    fn from(error: CoreError) -> Error {
        Error::Core(error)
    }
}

impl From<taizhang_core::model::settings::SettingsError> for Error {
    fn from(error: taizhang_core::model::settings::SettingsError) -> Error {
        Error::Core(error.into())
    }
}

impl From<taizhang_core::model::logbook::value::BookError> for Error {
    fn from(error: taizhang_core::model::logbook::value::BookError) -> Error {
        Error::Core(error.into())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Core(core) => Some(core),
            _ => None,
        }
    }
}
