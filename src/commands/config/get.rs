//! `taizhang config get KEY`: one setting's value.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::model::settings::{self, SettingsError};

/// Print one setting's value (its default when the file does not set it);
/// exit 1 when it has none.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The setting, e.g. remind.within (`config list` shows them all)
    pub key: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let key = settings::key(&args.key)?;
    let value = settings::value_of(&register.config, &key).ok_or(SettingsError::NotSet {
        key: key.name.clone(),
    })?;
    print(&format!("{value}\n"))?;
    Ok(ExitCode::SUCCESS)
}
