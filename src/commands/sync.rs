//! `taizhang sync`: share the register with the other clerks' clones
//! (DESIGN §7).

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::SyncNote;
use crate::store::lock::WriteLock;
use crate::store::sync::{self, Report};

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
    let _lock = WriteLock::acquire(&register.root)?;
    let report = sync::sync(&register, &actor, args.dry_run)?;
    let lang = ctx.lang();
    let lines: Vec<String> = notes(&report, args.dry_run)
        .iter()
        .map(|note| lang.sync_note(note))
        .collect();
    if report.is_empty() {
        if !ctx.args.quiet {
            print(&format!("{}\n", lang.sync_note(&SyncNote::Nothing)))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    print(&lines.iter().map(|l| format!("{l}\n")).collect::<String>())?;
    Ok(ExitCode::SUCCESS)
}

/// The lines of a report, renumberings first.
pub fn notes(report: &Report, dry_run: bool) -> Vec<SyncNote> {
    let mut notes = Vec::new();
    for (old, new) in &report.renumbered {
        notes.push(SyncNote::Renumbered {
            old: old.to_string(),
            new: new.to_string(),
        });
    }
    for (id, old, new) in &report.numbers {
        notes.push(SyncNote::Number {
            id: id.to_string(),
            old: old.clone(),
            new: new.clone(),
        });
    }
    for (path, key) in &report.contested {
        notes.push(SyncNote::Contested {
            path: path.display().to_string(),
            key: key.clone(),
        });
    }
    if report.pulled > 0 {
        notes.push(SyncNote::Pulled(report.pulled));
    }
    if report.pushed > 0 {
        notes.push(SyncNote::Pushed(report.pushed));
    }
    if dry_run {
        notes.push(SyncNote::DryRun);
    }
    notes
}
