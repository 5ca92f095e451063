//! `taizhang config list`: every scalar setting and its value.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List every setting that has a value, defaults included, one `key = value` a line",
        "列出有值的各项设置（含默认值），每行一项“键 = 值”",
    ),
)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let lines: String = settings::keys()
        .iter()
        .filter_map(|key| {
            let value = settings::value_of(&register.config, key)?;
            Some(format!("{} = {value}\n", key.name))
        })
        .collect();
    print(&lines)?;
    Ok(ExitCode::SUCCESS)
}
