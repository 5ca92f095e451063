//! `taizhang secrecy recipients remove KEY`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::secrecy as words;
use taizhang_core::store::seal::SealError;

/// Remove a recipient from taizhang.toml, in one commit. The files stay
/// sealed to the old set until `taizhang secrecy rekey` seals them again;
/// git history keeps what was sealed to the removed identity.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The recipient (age1…) as `secrecy recipients list` shows it
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
