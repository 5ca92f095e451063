//! `taizhang undo`: take back the last command while it is only here.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n;

/// Take back the last taizhang command (撤销), while its commit is only in
/// this clone: not yet pushed or synced.
///
/// Prints what was undone, and any ID or document number (文号) free
/// again. Refuses, changing nothing, when the last commit is not a
/// taizhang command's, is already shared (correct it with a command
/// instead), or touches files with uncommitted changes.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let undone = taizhang_core::store::undo::undo(&register)?;
    print(&i18n::undone(ctx.lang(), &undone))?;
    Ok(ExitCode::SUCCESS)
}
