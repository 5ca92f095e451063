//! `taizhang config unset KEY`: remove one setting, so its default
//! applies again.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Remove one setting from taizhang.toml, in one commit, so that its default applies again; \
        the rest of the file is kept as it is",
        "从 taizhang.toml 中删去一项设置，一次提交，恢复其默认值；文件其余部分保持不变",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The setting, e.g. fonds (`config list` shows them all)",
        "设置项，如 `fonds`（`config list` 列出全部）",
    ))]
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
