//! `taizhang secrecy scrub`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Rewrite every classified record under the register's [secrecy] titles policy now, in one commit: after `config set secrecy.titles withheld` (or encrypted) on a register that already holds classified titles in clear. Only the current files change: git history keeps the text as it was, and removing it (git filter-repo, then replacing every clone) is the office's decision, not this command's",
        "按台账现在的 `[secrecy] titles` 保存方式重写所有涉密记录，一次提交：用于已存有明文涉密标题的台账改为 `withheld`（或 `encrypted`）之后。只改现有文件：git 历史仍保留原来的内容，是否清除（`git filter-repo`，之后替换所有副本）由本单位决定，本命令不做",
    ),
)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let identity = super::identity_for_sealed(ctx, &register)?;
    let mut tx = ctx.begin(&register)?;
    tx.reseal(identity, None, false);
    let done = super::rewrite_classified(&register, &mut tx)?;
    tx.finish("taizhang: secrecy scrub")?;
    let lang = ctx.lang();
    let policy = register.config.secrecy.policy();
    ctx.note(&words::scrubbed(lang, policy, done.records));
    ctx.warn(&words::history_still_holds(lang));
    Ok(ExitCode::SUCCESS)
}
