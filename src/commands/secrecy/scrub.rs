//! `taizhang secrecy scrub`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;

/// Rewrite every classified record under the register's [secrecy] titles
/// policy now, in one commit: after `config set secrecy.titles withheld`
/// (or encrypted) on a register that already holds classified titles in
/// clear. Only the current files change: git history keeps the text as it
/// was, and removing it (git filter-repo, then replacing every clone) is
/// the office's decision, not this command's.
#[derive(Debug, clap::Args)]
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
