//! The command line's error type: what went wrong in a command's own
//! concerns (a flag's value, an output file, a format), or in the core
//! beneath it (`Core`). Each variant carries typed values; `i18n` turns
//! it into a sentence in the reader's language (and gives it its
//! `Display`, the English sentence, so that this module names nothing
//! above it).

use std::fmt;
use std::path::PathBuf;

use taizhang_core::model::date::BadDate;
use taizhang_core::model::keyword::{BadKeyword, Secrecy};
use taizhang_core::model::kind::Expected;
use taizhang_core::store::parse::ReadProblem;

pub use taizhang_core::Error as CoreError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where a value came from, as the reader knows it: a flag named as clap
/// names it (`--due`, from the argument's definition or a clap error's
/// context), or an environment variable or setting that stood in for one
/// (`TAIZHANG_NOW`, `remind.within`). Never typed by hand at the place
/// that raises the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag(String);

impl Flag {
    /// The flag clap parsed a value for: `--long`, else `-s`, else the
    /// positional's `<NAME>`.
    pub fn of(arg: Option<&clap::Arg>) -> Flag {
        let Some(arg) = arg else {
            return Flag("<VALUE>".into());
        };
        let name = match (arg.get_long(), arg.get_short()) {
            (Some(long), _) => format!("--{long}"),
            (None, Some(short)) => format!("-{short}"),
            (None, None) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
        };
        Flag(name)
    }

    /// The flag a clap error names (`--due <DATE>` gives `--due`).
    pub fn named_by(error: &clap::Error) -> Option<Flag> {
        use clap::error::{ContextKind, ContextValue};
        match error.get(ContextKind::InvalidArg)? {
            ContextValue::String(text) => text.split([' ', '=']).next().map(|f| Flag(f.into())),
            _ => None,
        }
    }

    /// A record's field a value was given for (`--set 办结时限`, a
    /// logbook's `-s 日期=…`), as the catalogue words it.
    pub fn field(named: String) -> Flag {
        Flag(named)
    }

    /// A command, where what it was given (its record) is of the wrong
    /// kind for it: `doc assign`, `chase`.
    pub fn command(path: &str) -> Flag {
        Flag(path.into())
    }

    /// An environment variable or a setting that gave a value in place of
    /// a flag.
    pub fn source(name: &'static str) -> Flag {
        Flag(name.into())
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a value on the command line cannot be read, as its clap value
/// parser finds it (`context::values`); with the flag clap names, it
/// becomes the `Error` of that kind of value.
#[derive(Debug, Clone)]
pub enum BadValue {
    Date(BadDate),
    Keyword(BadKeyword),
    Span(String),
    Period(taizhang_core::model::period::BadPeriod),
    /// Blank text, or a list naming nothing.
    Empty,
    Title(taizhang_core::model::title::TitleProblem),
    /// A line break, control character or hidden character where the
    /// flag takes one line, or where a note cannot hold it.
    Text(taizhang_core::model::title::TextProblem),
    Timezone(String),
    /// Not an e-mail address.
    Email(String),
    /// Not a mobile number.
    Mobile(String),
    /// Not a repeat rule (`--every`).
    Every(taizhang_core::model::repeat::BadEvery),
}

impl BadValue {
    /// The error this is when given to `flag`.
    pub fn at(self, flag: Flag) -> Error {
        match self {
            BadValue::Date(source) => Error::BadDate { flag, source },
            BadValue::Keyword(source) => Error::BadKeyword { flag, source },
            BadValue::Span(input) => Error::BadSpan { flag, input },
            BadValue::Period(source) => Error::BadPeriod { flag, source },
            BadValue::Empty => Error::Empty { flag },
            BadValue::Title(problem) => Error::BadTitle { flag, problem },
            BadValue::Text(problem) => Error::BadText { flag, problem },
            BadValue::Timezone(input) => Error::BadTimezone { flag, input },
            BadValue::Email(input) => Error::BadEmail { flag, input },
            BadValue::Mobile(input) => Error::BadMobile { flag, input },
            BadValue::Every(source) => Error::Repeat(RepeatRefusal::BadEvery { flag, source }),
        }
    }
}

/// English, for clap's own report; `commands::usage` reports it instead,
/// worded in the reader's language, as the error `at` makes.
impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flag = Flag::source("value");
        write!(f, "{}", self.clone().at(flag))
    }
}

impl std::error::Error for BadValue {}

/// Why `notify` cannot begin: a channel's settings, or the local secrets
/// file, do not give it what it needs. Found before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyProblem {
    /// `taizhang.toml` has no `[notify.NAME]` table.
    NoChannels,
    /// `--channel` names no channel; `known` are those there are.
    UnknownChannel { name: String, known: Vec<String> },
    /// A channel lacks a value it needs (`url`, `smtp`, `from`), in the
    /// settings and in the secrets file alike.
    Missing { channel: String, key: &'static str },
    /// A value `env:NAME` whose variable is not set.
    NoEnv {
        channel: String,
        key: &'static str,
        var: String,
    },
    /// An address that does not start with one of `schemes` (the value
    /// is not repeated: it may hold a key).
    NotUrl {
        channel: String,
        key: &'static str,
        schemes: &'static [&'static str],
    },
    /// A sender that does not read as an e-mail address.
    NotMailbox {
        channel: String,
        key: &'static str,
        value: String,
    },
    /// `.taizhang/secrets.toml` may be read by others than its owner.
    SecretsOpen { path: PathBuf, mode: u32 },
    /// `.taizhang/secrets.toml` does not read as TOML.
    SecretsUnreadable { path: PathBuf, problem: String },
}

#[derive(Debug)]
pub enum Error {
    /// `notify` cannot begin.
    Notify(NotifyProblem),
    /// The register or its rules refused, or could not be read.
    Core(CoreError),
    BadDate {
        flag: Flag,
        source: BadDate,
    },
    BadKeyword {
        flag: Flag,
        source: BadKeyword,
    },
    BadSpan {
        flag: Flag,
        input: String,
    },
    UnknownKind {
        input: String,
        books: Vec<String>,
    },
    Empty {
        flag: Flag,
    },
    ReceivedInFuture {
        flag: Flag,
        date: String,
        today: String,
    },
    /// A document signed after today: its 发文字号 would be numbered in
    /// a year to come.
    SignedInFuture {
        flag: Flag,
        date: String,
        today: String,
    },
    /// `log out --signed` where the register wants a 核稿 (`unreviewed`)
    /// or the named units' 会签 first: a new document has neither.
    SignedTooSoon {
        flag: Flag,
        unreviewed: bool,
        units: Vec<String>,
    },
    /// A date before `model::date::EARLIEST` or after `LATEST`.
    DateOutOfRange {
        flag: Flag,
        date: String,
    },
    /// A meeting that would end before it starts.
    EndBeforeStart {
        flag: Flag,
        end: String,
        start: String,
    },
    /// A file read as text (`--file`) larger than `limit` bytes.
    FileTooLarge {
        flag: Flag,
        limit: u64,
    },
    /// A paper's deadline (办理时限) before the day it was received.
    DeadlineBeforeReceived {
        flag: Flag,
        deadline: jiff::civil::Date,
        received: jiff::civil::Date,
    },
    /// `init --units`/`--people` naming one twice.
    DeclaredTwice {
        flag: Flag,
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
        flag: Flag,
        target: String,
    },
    /// A record of another kind than `flag` (or the command `flag`
    /// names, `doc assign`) takes.
    WrongKind {
        flag: Flag,
        target: String,
        expected: Expected,
    },
    CheckFailed {
        errors: usize,
        warnings: usize,
    },
    BadPeriod {
        flag: Flag,
        source: taizhang_core::model::period::BadPeriod,
    },
    BadLang {
        input: String,
    },
    /// A time zone flag that names no zone (`init --timezone`).
    BadTimezone {
        flag: Flag,
        input: String,
    },
    /// A person's e-mail address that does not read as one.
    BadEmail {
        flag: Flag,
        input: String,
    },
    /// A person's mobile number that does not read as one.
    BadMobile {
        flag: Flag,
        input: String,
    },
    /// A format that cannot go to stdout (xlsx) was asked without --out.
    NeedsOut {
        format: String,
    },
    /// The folder an output file should go in does not exist (or the
    /// file named is a folder).
    NoSuchFolder {
        flag: Flag,
        path: PathBuf,
    },
    /// The file to write is one of the register's own (its settings, a
    /// record, anything under `.git` or `.taizhang`): an export would
    /// destroy it.
    OutInRegister {
        flag: Flag,
        path: PathBuf,
    },
    /// The file to write exists already and `force` (`--force`) was not
    /// given: an export replaces only what the clerk says it may.
    OutExists {
        flag: Flag,
        path: PathBuf,
        force: Flag,
    },
    /// The file to write is a folder.
    OutIsFolder {
        flag: Flag,
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
        flag: Flag,
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
    /// A value with a line break where it is one line, a control
    /// character, or a character that hides text.
    BadText {
        flag: Flag,
        problem: taizhang_core::model::title::TextProblem,
    },
    /// A title with a line break or control character, or too long.
    BadTitle {
        flag: Flag,
        problem: taizhang_core::model::title::TitleProblem,
    },
    /// `doc declassify` of a record with no level of its own.
    NotClassified {
        id: String,
    },
    /// `doc declassify --to` a level not below the record's own.
    NotLower {
        id: String,
        from: Secrecy,
        to: Secrecy,
    },
    /// `edit` lowering a level, which only `doc declassify` does.
    LowersSecrecy {
        id: String,
        from: Secrecy,
        to: Secrecy,
    },
    /// The copy edited in the editor cannot be read as a record.
    EditedUnreadable {
        line: usize,
        column: usize,
        problem: Box<ReadProblem>,
    },
    /// `serve` refused to start.
    Serve(ServeRefusal),
    /// A page of `serve` asked with a query its command's flags refuse
    /// (clap's sentence).
    BadQuery {
        message: String,
    },
    /// A standing duty's rule or step refused (`--every`, `--series`).
    Repeat(RepeatRefusal),
}

/// Why a repeat (`--every`) or ending one (`--series`) is refused.
#[derive(Debug, Clone)]
pub enum RepeatRefusal {
    /// A rule that does not read.
    BadEvery {
        flag: Flag,
        source: taizhang_core::model::repeat::BadEvery,
    },
    /// `--series` on a record that does not repeat.
    NotRepeating { flag: Flag, id: String },
}

/// Why `serve` would not start: each before it listens.
#[derive(Debug)]
pub enum ServeRefusal {
    /// `--show-classified` with an address other machines can reach.
    ClassifiedOffLoopback { bind: std::net::SocketAddr },
    /// `--token-env NAME` naming a variable that is not set, or empty.
    NoToken { name: String },
    /// The address cannot be listened on (taken, not this machine's).
    Bind {
        bind: std::net::SocketAddr,
        source: std::io::Error,
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

impl From<taizhang_core::store::seal::SealError> for Error {
    fn from(error: taizhang_core::store::seal::SealError) -> Error {
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
