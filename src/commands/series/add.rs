//! `taizhang series add CODE [--start N]`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::SettingsError;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add a series of outgoing document numbers, in one commit: `log out --series 县政办函` then \
        numbers 县政办函〔2026〕1号, 2号 … The first series stays the default",
        "添加发文字号系列（机关代字），如 县政办函",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The issuer code (发文机关代字), e.g. 县政办函; also the series' name",
        "机关代字，如 县政办函，发文字号即为 县政办函〔2026〕1号",
    ))]
    #[arg(value_parser = values::text)]
    pub code: String,
    #[arg(help = tr(
        "The number to start from this year, when the office numbered on paper before [default: 1]",
        "今年从第几号起编（此前已在纸上编过号时）（默认：1）",
    ))]
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub start: Option<i64>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let code = args.code.clone();
    let taken = (register.config.series.iter()).any(|s| s.name == code || s.issuer == code);
    if taken {
        return Err(SettingsError::Exists {
            what: Roster::Series,
            name: code,
        }
        .into());
    }
    let start = match args.start {
        Some(n) if !(1..=i64::from(u32::MAX)).contains(&n) => {
            return Err(SettingsError::BadStart { input: n }.into());
        }
        other => other,
    };
    let mut fields = vec![("name", Field::Text(&code)), ("issuer", Field::Text(&code))];
    if let Some(start) = start {
        fields.push(("start", Field::Number(start)));
        fields.push(("start_year", Field::Number(i64::from(ctx.today.year()))));
    }
    let message = format!("taizhang: series add {code}");
    change_settings(ctx, &register, &message, |doc, _| {
        Ok(doc.push("series", &fields)?)
    })?;
    ctx.note(&ctx.lang().roster_added(Roster::Series, &code));
    Ok(ExitCode::SUCCESS)
}
