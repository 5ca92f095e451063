//! `taizhang sync`: share the register with the other clerks' clones
//! (docs/git-and-sharing.md).

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::store::sync;
use taizhang_core::store::sync::SyncNote;

/// Share the register: fetch the other clerks' changes, renumber the
/// records and 发文字号 this clone created that they took first, replay
/// this clone's commits on top of theirs, push.
///
/// Prints each renumbering (`IN-2026-0014 → IN-2026-0015`) and each field
/// both sides changed (the later change is kept). Stops before pushing,
/// with nothing changed, when an issued 发文字号 was taken on both sides or
/// a file cannot be merged. Refuses while record files have uncommitted
/// changes. Made for cron: silent with -q when there is nothing to do.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show what would happen; change nothing (only the fetch is done)
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let report = sync::sync(&register, &actor, args.dry_run)?;
    let lang = ctx.lang();
    let mut notes = sync::notes(&report);
    if args.dry_run {
        notes.push(SyncNote::DryRun);
    }
    let word = |note: &SyncNote| match args.dry_run {
        true => lang.sync_plan(note),
        false => lang.sync_note(note),
    };
    let lines: Vec<String> = notes.iter().map(word).collect();
    if report.is_empty() {
        if !ctx.args.quiet {
            print(&format!("{}\n", lang.sync_note(&SyncNote::Nothing)))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    print(&lines.iter().map(|l| format!("{l}\n")).collect::<String>())?;
    Ok(ExitCode::SUCCESS)
}
