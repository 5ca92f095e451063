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
pub mod exit;
pub mod i18n;
pub mod notify;
pub mod report;
pub mod web;

use std::process::ExitCode;

use crate::context::Ctx;

/// Runs the command line and maps the outcome to an exit code (see
/// `exit`): 0 success, 1 failure (message on stderr), 2 usage (clap's
/// own), 70 an internal error.
pub fn main() -> ExitCode {
    let cli = match commands::usage::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let ctx = match Ctx::new(cli.global.clone()) {
        Ok(ctx) => ctx,
        Err(failed) => return exit::report(&failed.error, failed.lang),
    };
    exit::guard(ctx.lang(), || match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => exit::report(&e, ctx.lang()),
    })
}
