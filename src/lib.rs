//! taizhang (台账): an office's register kept as a git-tracked folder of
//! YAML files.
//!
//! Layers look only down: `commands` (flags → model → output) over `model`
//! (records and rules, pure) and `report` (figures and renderers, pure),
//! over `store` (files, lock, git).

pub mod commands;
pub mod context;
pub mod error;
pub mod i18n;
pub mod model;
pub mod report;
pub mod store;
#[cfg(test)]
mod testing;

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Error;
use crate::i18n::{Lang, Message};
use crate::report::render::printable;

/// Runs the command line and maps the outcome to DESIGN §2's exit codes:
/// 0 success, 1 failure (message on stderr), 2 usage (clap's own).
pub fn main() -> ExitCode {
    let cli = match commands::usage::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let ctx = match Ctx::new(cli.global.clone()) {
        Ok(ctx) => ctx,
        Err(failed) => return report_error(&failed.error, failed.lang),
    };
    match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => report_error(&e, ctx.lang()),
    }
}

fn report_error(error: &Error, lang: Lang) -> ExitCode {
    if let Error::CheckFailed { .. } = error {
        // `check` has printed every problem; the summary line is enough.
        let (message, _) = lang.error(error);
        eprintln!("{}", printable(&message));
        return ExitCode::FAILURE;
    }
    // Errors quote what the user or a file gave: never pass a control
    // character on to the terminal.
    let (message, hint) = lang.error(error);
    eprintln!("{}: {}", lang.message(Message::Error), printable(&message));
    if let Some(hint) = hint {
        eprintln!("{}: {}", lang.message(Message::Hint), printable(&hint));
    }
    ExitCode::FAILURE
}

impl Error {
    /// A closed pipe on stdout (`taizhang list | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
