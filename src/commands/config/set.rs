//! `taizhang config set KEY VALUE`: change one setting in place.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::model::settings::{self, Typed};

/// Set one setting, in one commit. Only its line of taizhang.toml changes:
/// comments, order and layout are kept. The value is checked as the
/// register reads it (a time zone, a span, a prefix …); a bad one is
/// refused and nothing is written.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The setting, e.g. fonds, followups.verify, remind.within (`config list` shows them all)
    pub key: String,
    /// Its new value; true or false for a switch
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let key = settings::key(&args.key)?;
    let value = settings::read(&key, &args.value)?;
    let shown = match &value {
        Typed::Text(text) => text.clone(),
        Typed::Flag(flag) => flag.to_string(),
    };
    let message = format!("taizhang: config set {} {shown}", key.name);
    let register = ctx.register()?;
    super::change_settings(ctx, &register, &message, |doc, _| {
        doc.set(&key.name, &value)?;
        Ok(())
    })?;
    ctx.note(&ctx.lang().setting_set(&key.name, &shown));
    Ok(ExitCode::SUCCESS)
}
