//! How a run ends: the exit code each kind of failure gets, the error
//! report on stderr, and what a panic becomes.
//!
//! Exit codes: 0 success; 1 the clerk's input or the register refused
//! (the message says what and where, nothing was written); 2 a usage error
//! (clap's own, from `commands::usage`); 70 an internal error, a bug in
//! taizhang (sysexits' `EX_SOFTWARE`), never a panic's backtrace.

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::OnceLock;

use crate::error::{CoreError, Error};
use crate::i18n::{Lang, Message};
use crate::report::render::printable;

/// The exit code of an internal error: a bug, not the clerk's mistake.
pub const INTERNAL: u8 = 70;

/// What kind of failure an error is, which decides its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The clerk's input, a file or the register refused: exit 1.
    User,
    /// The command line asks for what the command does not do (`-o` of a
    /// format it does not print): exit 2, as clap's usage errors.
    Usage,
    /// Something that cannot happen did: exit 70 and ask for a report.
    Internal,
}

impl Error {
    pub fn kind(&self) -> Kind {
        match self {
            Error::Core(CoreError::Internal { .. }) => Kind::Internal,
            Error::NoSuchFormat { .. } => Kind::Usage,
            _ => Kind::User,
        }
    }
}

/// The exit code for a failed run.
pub fn code(kind: Kind) -> ExitCode {
    match kind {
        Kind::User => ExitCode::FAILURE,
        Kind::Usage => ExitCode::from(2),
        Kind::Internal => ExitCode::from(INTERNAL),
    }
}

/// Prints `error` (and its hint) in `lang`, and gives its exit code.
pub fn report(error: &Error, lang: Lang) -> ExitCode {
    // Errors quote what the user or a file gave: never pass a control
    // character on to the terminal.
    let (message, hint) = lang.error(error);
    if let Error::CheckFailed { .. } = error {
        // `check` has printed every problem; the summary line is enough.
        eprintln!("{}", printable(&message));
    } else {
        eprintln!("{}: {}", lang.message(Message::Error), printable(&message));
        if let Some(hint) = hint {
            eprintln!("{}: {}", lang.message(Message::Hint), printable(&hint));
        }
    }
    code(error.kind())
}

/// The language a panic is reported in: the run's, once settled.
static PANIC_LANG: OnceLock<Lang> = OnceLock::new();

/// Runs `body`, turning a panic into an internal error: a sentence in the
/// run's language asking for a report, exit 70, never a backtrace. The
/// write in progress, if any, is left as a kill would leave it, which the
/// next command recovers.
pub fn guard(lang: Lang, body: impl FnOnce() -> ExitCode) -> ExitCode {
    let _ = PANIC_LANG.set(lang);
    panic::set_hook(Box::new(|info| {
        let lang = PANIC_LANG.get().copied().unwrap_or(Lang::En);
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let internal = Error::Core(CoreError::internal(format!("{what}{place}")));
        report(&internal, lang);
    }));
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(code) => code,
        Err(_) => code(Kind::Internal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bug_is_internal_and_a_refusal_is_the_users() {
        let bug = Error::Core(CoreError::internal("a record that cannot be encoded"));
        assert_eq!(bug.kind(), Kind::Internal);
        let refusal = Error::Core(CoreError::NotFound { id: "FU-1".into() });
        assert_eq!(refusal.kind(), Kind::User);
        assert_eq!(code(Kind::Internal), ExitCode::from(70));
        assert_eq!(code(Kind::User), ExitCode::FAILURE);
    }

    #[test]
    fn an_internal_error_asks_for_a_report_in_both_languages() {
        let bug = Error::Core(CoreError::internal("x"));
        let (en, hint) = Lang::En.error(&bug);
        assert!(en.starts_with("internal error (a bug in taizhang)"), "{en}");
        assert!(hint.unwrap().contains("report"));
        let (zh, hint) = Lang::Zh.error(&bug);
        assert!(zh.starts_with("内部错误"), "{zh}");
        assert!(hint.unwrap().contains("报告"));
    }

    #[test]
    fn a_panic_becomes_exit_70() {
        let code = guard(Lang::En, || panic!("an index out of range"));
        assert_eq!(code, ExitCode::from(70));
        let _ = panic::take_hook();
    }
}
