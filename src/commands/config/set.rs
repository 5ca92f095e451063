//! `taizhang config set KEY VALUE`: change one setting in place.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::{self, SettingsError, Typed};
use taizhang_core::store::{Register, load_all};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Set one setting, in one commit. Only its line of taizhang.toml changes: comments, order \
        and layout are kept. The value is checked as the register reads it (a time zone, a span, a \
        prefix …); a bad one is refused and nothing is written",
        "修改一项设置，一次提交。taizhang.toml 中只改这一行，注释、顺序和排版都保留",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The setting, e.g. fonds, followups.verify, remind.within (`config list` shows them all)",
        "设置项，如 `fonds`、`followups.verify`、`remind.within`（`config list` 列出全部）",
    ))]
    pub key: String,
    #[arg(help = tr(
        "Its new value; true or false for a switch",
        "新的取值；开关写 true 或 false",
    ))]
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

/// Refuses to change an ID prefix (`prefixes.incoming` …) that records
/// already carry: their files would no longer be found.
fn refuse_prefix_in_use(register: &Register, key: &str, new: &str) -> Result<()> {
    if !key.starts_with("prefixes.") {
        return Ok(());
    }
    let old = settings::value_of(&register.config, &settings::key(key)?).unwrap_or_default();
    if old.eq_ignore_ascii_case(new) {
        return Ok(());
    }
    let count = (load_all(register).records.iter())
        .filter(|l| l.record.id().prefix().eq_ignore_ascii_case(&old))
        .count();
    if count == 0 {
        return Ok(());
    }
    Err(SettingsError::PrefixInUse {
        key: key.to_string(),
        prefix: old,
        count,
    }
    .into())
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
    refuse_prefix_in_use(&register, &key.name, &shown)?;
    super::change_settings(ctx, &register, &message, |doc, _| {
        doc.set(&key.name, &value)?;
        Ok(())
    })?;
    ctx.note(&ctx.lang().setting_set(&key.name, &shown));
    Ok(ExitCode::SUCCESS)
}
