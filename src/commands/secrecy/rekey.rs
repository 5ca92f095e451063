//! `taizhang secrecy rekey`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use crate::i18n::tr;
use taizhang_core::store::seal;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Seal every classified field again to the recipients taizhang.toml lists now, in one commit: after `secrecy recipients remove`, so that the current files no longer open with the removed identity. Needs an identity that opens the text (--identity, TAIZHANG_IDENTITY or ~/.config/taizhang/identity.txt). Git history still holds the text sealed to the old set",
        "把所有涉密内容重新加密给 taizhang.toml 现列的接收人，一次提交：在 `secrecy recipients remove` 之后运行，使现有文件不再能用被移除的身份解密。需要能解密的身份文件（--identity、TAIZHANG_IDENTITY 或 ~/.config/taizhang/identity.txt）。git 历史中仍保留加密给原名单的内容",
    ),
)]
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
