//! `taizhang config unset KEY`: remove one setting, so its default
//! applies again.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::model::settings;

/// Remove one setting from taizhang.toml, in one commit, so that its
/// default applies again; the rest of the file is kept as it is.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The setting, e.g. fonds (`config list` shows them all)
    pub key: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let key = settings::key(&args.key)?;
    let message = format!("taizhang: config unset {}", key.name);
    let register = ctx.register()?;
    super::change_settings(ctx, &register, &message, |doc, _| {
        doc.unset(&key.name)?;
        Ok(())
    })?;
    ctx.note(&ctx.lang().setting_unset(&key.name));
    Ok(ExitCode::SUCCESS)
}
