//! `taizhang desk` (and `taizhang` with no command): today's desk — what
//! needs the clerk today.

use std::process::ExitCode;

use crate::context::{Ctx, SecrecyArgs};
use crate::error::Result;
use crate::i18n::tr;
use crate::report::desk;
use crate::report::output::Output;
use crate::report::redact::{Reveal, Secrets};
use taizhang_core::model::facts::Facts;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need};

#[derive(Debug, Default, clap::Args)]
#[command(
    about = tr(
        "Today's desk, also what `taizhang` alone prints: today's and tomorrow's duty, overdue and \
        due-soon follow-ups and those whose progress report is owed, logbook entries out past \
        their due date (a seal not returned), papers awaiting handling, the next seven days of \
        deadlines and meetings",
        "今日工作台，即单独运行 `taizhang` 时打印的内容：今明两天的值班，逾期和即将到期的督办事项及\
        应报进展的督办事项，过了归还日期仍未归还的登记（如未还的印章），待处理的公文，此后七天的期\
        限和会议",
    ),
    long_about = tr(
        "Today's desk, also what `taizhang` alone prints: today's and tomorrow's duty, overdue and \
        due-soon follow-ups and those whose progress report is owed, logbook entries out past \
        their due date (a seal not returned), papers awaiting handling, the next seven days of \
        deadlines and meetings.\n\n\
        Titles of classified records print as \"[秘密] FU-2026-0003\", as in `remind`, unless \
        --show-classified.",
        "今日工作台，即单独运行 `taizhang` 时打印的内容：今明两天的值班，逾期和即将到期的督办事项及\
        应报进展的督办事项，过了归还日期仍未归还的登记（如未还的印章），待处理的公文，此后七天的期\
        限和会议。\n\n\
        涉密记录的标题显示为“[秘密] FU-2026-0003”，与 `remind` 相同，除非给了 --show-classified。",
    ),
)]
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
    let mut snapshot = store::report::load(&register, Need::everything().facts(&relevant), |p| {
        ctx.warn_skipped(p)
    });
    ctx.unseal_loaded(&register, show_classified, &mut snapshot.records)?;
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, Reveal::when(show_classified));
    Ok(desk::compute(
        &records,
        ctx.today,
        soon_until,
        &secrets,
        &register.config.logbooks,
    ))
}
