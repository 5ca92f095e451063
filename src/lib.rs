//! taizhang (台账): the command line over an office's register kept as a
//! git-tracked folder of YAML files.
//!
//! This crate holds everything that speaks to people: `commands` (flags →
//! core → output), `report` (figures and renderers, pure), `i18n` (every
//! sentence in English and Chinese) and `context` (the settled language,
//! clock and output settings). The register itself, its records and their
//! rules are the `taizhang_core` crate beneath; nothing there can name
//! anything here.

pub mod commands;
pub mod context;
pub mod error;
pub mod i18n;
pub mod report;

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
