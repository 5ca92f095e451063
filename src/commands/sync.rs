//! `taizhang sync`: share the register with the other clerks' clones
//! (docs/git-and-sharing.md).

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::store::sync;
use taizhang_core::store::sync::SyncNote;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Share the register: fetch the other clerks' changes, renumber the records and 发文字号 \
        this clone created that they took first, replay this clone's commits on top of theirs, \
        push",
        "共享台账：取回其他文书的修改，把本副本新建、却被对方先用了的编号和发文字号重新编号，把本副\
        本的提交接在对方的之后，再推送",
    ),
    long_about = tr(
        "Share the register: fetch the other clerks' changes, renumber the records and 发文字号 \
        this clone created that they took first, replay this clone's commits on top of theirs, \
        push.\n\n\
        Prints each renumbering (`IN-2026-0014 → IN-2026-0015`) and each field both sides changed \
        (the later change is kept). Stops before pushing, with nothing changed, when an issued 发\
        文字号 was taken on both sides or a file cannot be merged. Refuses while record files have \
        uncommitted changes. Made for cron: silent with -q when there is nothing to do.",
        "共享台账：取回其他文书的修改，把本副本新建、却被对方先用了的编号和发文字号重新编号，把本副\
        本的提交接在对方的之后，再推送。\n\n\
        打印每次重新编号（`IN-2026-0014 → IN-2026-0015`）和双方都改过的每个字段（保留后改的）。若\
        同一个已印发的发文字号双方都用了，或有文件无法合并，则在推送前停下，什么也不改。记录文件有\
        未提交的修改时拒绝执行。专为定时任务而设：无事可做时加 -q 即不出声。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Show what would happen; change nothing (only the fetch is done)",
        "显示将会做什么；什么也不改（只做取回）",
    ))]
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
