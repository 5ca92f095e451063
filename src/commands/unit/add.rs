//! `taizhang unit add NAME [--code CODE]`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::model::settings::roster;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add a unit (科室), in one commit. Once a register has units, --lead and --unit must name \
        one of them (by name or code), which catches typos",
        "添加单位（科室），可带代码",
    ),
)]
pub struct Args {
    #[arg(help = tr("The unit's name, e.g. 办公室", "单位名称，如 办公室"))]
    #[arg(value_parser = values::text)]
    pub name: String,
    #[arg(help = tr(
        "Its code, e.g. BGS: used in archive numbers, and accepted wherever a unit is named",
        "单位代码，如 BGS，用于档号，也可代替名称输入",
    ))]
    #[arg(long)]
    pub code: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let name = args.name.clone();
    let code = args
        .code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    roster::unit_is_free(&register.config, &name)?;
    if let Some(code) = code {
        roster::unit_is_free(&register.config, code)?;
    }
    let mut fields = vec![("name", Field::Text(&name))];
    fields.extend(code.map(|c| ("code", Field::Text(c))));
    let message = format!("taizhang: unit add {name}");
    change_settings(ctx, &register, &message, |doc, _| {
        Ok(doc.push("units", &fields)?)
    })?;
    ctx.note(&ctx.lang().roster_added(Roster::Unit, &name));
    Ok(ExitCode::SUCCESS)
}
