//! `taizhang secrecy recipients remove KEY`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use crate::i18n::tr;
use taizhang_core::store::seal::SealError;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Remove a recipient from taizhang.toml, in one commit. The files stay sealed to the old set until `taizhang secrecy rekey` seals them again; git history keeps what was sealed to the removed identity",
        "从 taizhang.toml 中移除一个接收人，一次提交。文件仍加密给原来的名单，直到运行 `taizhang secrecy rekey` 重新加密；git 历史中仍保留加密给被移除身份的内容",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The recipient (age1…) as `secrecy recipients list` shows it",
        "接收人（`age1…`），按 `secrecy recipients list` 所列",
    ))]
    pub key: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let key = args.key.trim().to_string();
    let mut keys = register.config.secrecy.recipients.clone();
    if !keys.contains(&key) {
        return Err(SealError::RecipientNotListed { key }.into());
    }
    keys.retain(|k| *k != key);
    if keys.is_empty() && super::super::encrypted(&register) {
        return Err(SealError::LastRecipient.into());
    }
    change_settings(
        ctx,
        &register,
        "taizhang: secrecy recipients remove",
        |doc, _| {
            doc.set_texts(super::KEY, &keys)?;
            Ok(())
        },
    )?;
    ctx.note(&words::recipient_removed(ctx.lang(), &key));
    Ok(ExitCode::SUCCESS)
}
