//! `taizhang desk` (and `taizhang` with no command): today's desk — what
//! needs the clerk today.

use std::process::ExitCode;

use crate::context::{Ctx, SecrecyArgs};
use crate::error::Result;
use crate::report::desk;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need};

/// Today's desk, also what `taizhang` alone prints: today's and
/// tomorrow's duty, overdue and due-soon follow-ups and those whose
/// progress report is owed, logbook entries out past their due date (a
/// seal not returned), papers awaiting handling, the next seven days of
/// deadlines and meetings.
///
/// Titles of classified records print as "[秘密] FU-2026-0003", as in
/// `remind`, unless --show-classified.
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub secrecy: SecrecyArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let lang = ctx.lang();
    let view = view(ctx, args.secrecy.show_classified)?;
    // Sections of different columns: no one table for CSV, which is
    // refused rather than given the Markdown.
    ctx.emit(
        Output::new()
            .terminal(|screen| desk::terminal(&view, ctx.today, lang, screen))
            .markdown(|| desk::markdown(&view, lang))
            .json(&view),
    )
}

/// Today's desk; the desk of `serve` too.
pub fn view(ctx: &Ctx, show_classified: bool) -> Result<desk::Desk> {
    let register = ctx.register()?;
    let soon_until = ctx.soon_until(&register, None)?;
    let today = ctx.today;
    let relevant = move |facts: &Facts| desk::relevant(facts, today);
    let snapshot = store::report::load(&register, Need::everything().facts(&relevant), |p| {
        ctx.warn_skipped(p)
    });
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, show_classified);
    Ok(desk::compute(
        &records,
        ctx.today,
        soon_until,
        &secrets,
        &register.config.logbooks,
    ))
}
