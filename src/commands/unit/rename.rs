//! `taizhang unit rename OLD NEW`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::roster;
use taizhang_core::store::load_all;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Rename a unit. Every record that names it (as lead, support, drafting unit, a rule's unit, \
        a logbook's unit field) is updated in the same commit, each with a history note; people of \
        the unit move with it. The old name is kept as a former name: typed to --unit or --lead it \
        still finds the unit, so searches of earlier years work. Archived documents are frozen and \
        keep the name of their time",
        "单位更名：凡写有该单位的记录在同一次提交中一并更新，各记一条处理记录；旧名作为曾用名保留，\
        查询往年记录时仍可使用",
    ),
)]
pub struct Args {
    #[arg(help = tr("The unit's name now (or its code)", "现在的名称（或代码）"))]
    pub old: String,
    #[arg(help = tr("Its new name", "新名称"))]
    #[arg(value_parser = values::text)]
    pub new: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let config = &register.config;
    let index = roster::find_unit(config, &args.old)?;
    let unit = &config.units[index];
    let old = unit.name.clone();
    let new = args.new.clone();
    if !unit
        .code
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(&new))
    {
        roster::unit_is_free(config, &new)?;
    }
    let mut former = unit.former.clone();
    former.retain(|f| *f != new);
    former.push(old.clone());
    let people: Vec<usize> = (config.people.iter().enumerate())
        .filter(|(_, p)| p.unit.as_deref() == Some(old.as_str()))
        .map(|(i, _)| i)
        .collect();
    let actor = ctx.actor(&register);
    let mut records = load_all(&register).records;
    records.retain_mut(|l| {
        l.record.status() != "archived"
            && roster::rename_unit(&mut l.record, &old, &new, config, &actor)
    });
    let message = format!("taizhang: unit rename {old} → {new}");
    change_settings(ctx, &register, &message, |doc, tx| {
        doc.edit(
            "units",
            index,
            &[
                ("name", Field::Text(&new)),
                ("former", Field::Texts(&former)),
            ],
        )?;
        for person in &people {
            doc.edit("people", *person, &[("unit", Field::Text(&new))])?;
        }
        for loaded in &records {
            tx.save(&loaded.record)?;
        }
        Ok(())
    })?;
    ctx.note(&ctx.lang().unit_renamed(&old, &new, records.len()));
    Ok(ExitCode::SUCCESS)
}
