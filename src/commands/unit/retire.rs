//! `taizhang unit retire NAME`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::SettingsError;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::model::settings::roster;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Retire a unit (撤销), in one commit. Refused while it leads open items, which are named. A \
        retired unit stays in the settings: its records still read, count in summaries and are \
        found by its name",
        "撤销单位：仍牵头在办事项时拒绝执行并列出这些事项；撤销后保留，供查阅往年记录和统计",
    ),
)]
pub struct Args {
    #[arg(help = tr("The unit's name (or code)", "单位名称（或代码）"))]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let index = roster::find_unit(&register.config, &args.name)?;
    let name = register.config.units[index].name.clone();
    if register.config.units[index].retired {
        return Err(SettingsError::Gone {
            what: Roster::Unit,
            name,
        }
        .into());
    }
    let items = super::open_items(&register, &name);
    if !items.is_empty() {
        return Err(SettingsError::StillHolds {
            what: Roster::Unit,
            name,
            items,
        }
        .into());
    }
    let message = format!("taizhang: unit retire {name}");
    change_settings(ctx, &register, &message, |doc, _| {
        Ok(doc.edit("units", index, &[("retired", Field::Flag(true))])?)
    })?;
    ctx.note(&ctx.lang().unit_retired(&name));
    Ok(ExitCode::SUCCESS)
}
