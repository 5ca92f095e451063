//! `taizhang secrecy rekey`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use taizhang_core::store::seal;

/// Seal every classified field again to the recipients taizhang.toml
/// lists now, in one commit: after `secrecy recipients remove`, so that
/// the current files no longer open with the removed identity. Needs an
/// identity that opens the text (--identity, TAIZHANG_IDENTITY or
/// ~/.config/taizhang/identity.txt). Git history still holds the text
/// sealed to the old set.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let recipients = seal::recipients(&register.config.secrecy.recipients)?;
    let count = recipients.len();
    let identity = super::identity_for_sealed(ctx, &register)?;
    let mut tx = ctx.begin(&register)?;
    tx.reseal(identity, Some(recipients), super::encrypted(&register));
    let done = super::rewrite_classified(&register, &mut tx)?;
    tx.finish("taizhang: secrecy rekey")?;
    let lang = ctx.lang();
    ctx.note(&words::resealed(lang, done.records, done.fields, count));
    Ok(ExitCode::SUCCESS)
}
