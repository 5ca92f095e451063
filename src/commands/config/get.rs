//! `taizhang config get KEY`: one setting's value.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::{self, SettingsError};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Print one setting's value (its default when the file does not set it); exit 1 when it has \
        none",
        "打印一项设置的值（文件中未写时为默认值）；没有值时以 1 退出",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The setting, e.g. remind.within (`config list` shows them all)",
        "设置项，如 `remind.within`（`config list` 列出全部）",
    ))]
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
