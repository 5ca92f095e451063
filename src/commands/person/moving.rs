//! `taizhang person move NAME --unit U` (a file name other than `move`,
//! which Rust keeps for itself).

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::roster;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Move a person to another unit, in one commit. Records keep the units they were written \
        with",
        "人员调至另一单位",
    ),
)]
pub struct Args {
    #[arg(help = tr("Their name", "姓名"))]
    pub name: String,
    #[arg(help = tr("The unit they move to (name or code)", "调入的单位"))]
    #[arg(long)]
    pub unit: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let index = roster::find_person(&register.config, &args.name)?;
    let name = register.config.people[index].name.clone();
    let unit = ctx.unit(&register, &args.unit)?;
    let message = format!("taizhang: person move {name} → {unit}");
    change_settings(ctx, &register, &message, |doc, _| {
        Ok(doc.edit("people", index, &[("unit", Field::Text(&unit))])?)
    })?;
    ctx.note(&ctx.lang().person_moved(&name, &unit));
    Ok(ExitCode::SUCCESS)
}
