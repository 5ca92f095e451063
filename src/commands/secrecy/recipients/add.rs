//! `taizhang secrecy recipients add KEY`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use crate::i18n::tr;
use taizhang_core::store::seal::{self, SealError};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add a clerk's recipient (age1…, from `secrecy keygen`) and, when the register seals classified text, seal every classified field again to the new set, in one commit. Opening the text needs your identity (--identity, TAIZHANG_IDENTITY or ~/.config/taizhang/identity.txt)",
        "添加一名同事的接收人（`age1…`，由 `secrecy keygen` 生成）；台账采用加密保存时，在同一次提交中把所有涉密内容重新加密给新的接收人名单。解密需要您的身份文件（--identity、TAIZHANG_IDENTITY 或 ~/.config/taizhang/identity.txt）",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The recipient, e.g. age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
        "接收人，如 `age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p`",
    ))]
    pub key: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let key = args.key.trim().to_string();
    seal::recipient(&key)?;
    let mut keys = register.config.secrecy.recipients.clone();
    if keys.contains(&key) {
        return Err(SealError::RecipientListed { key }.into());
    }
    keys.push(key.clone());
    let recipients = seal::recipients(&keys)?;
    let count = recipients.len();
    let encrypted = super::super::encrypted(&register);
    let identity = match encrypted {
        true => super::super::identity_for_sealed(ctx, &register)?,
        false => None,
    };
    let mut done = None;
    change_settings(
        ctx,
        &register,
        "taizhang: secrecy recipients add",
        |doc, tx| {
            doc.set_texts(super::KEY, &keys)?;
            if encrypted {
                tx.reseal(identity, Some(recipients), true);
                done = Some(super::super::rewrite_classified(&register, tx)?);
            }
            Ok(())
        },
    )?;
    let lang = ctx.lang();
    ctx.note(&words::recipient_added(lang, &key));
    if let Some(done) = done.filter(|d| d.records > 0) {
        ctx.note(&words::resealed(lang, done.records, done.fields, count));
    }
    Ok(ExitCode::SUCCESS)
}
