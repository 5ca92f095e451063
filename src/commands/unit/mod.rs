//! `taizhang unit …`: the office's units (科室), kept in taizhang.toml
//! and changed from the shell, one file per command. A unit is added,
//! renamed (its records follow, its old name stays an alias) and retired
//! (kept for the records and reports of earlier years).

mod add;
mod list;
mod rename;
mod retire;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Lang;
use crate::i18n::settings::Heading;
use crate::i18n::tr;
use crate::report::render::Table;
use taizhang_core::model::settings::roster;
use taizhang_core::store::{Register, load_all};

#[derive(Debug, Subcommand)]
#[command(
    about = tr("Units (科室): add, list, rename, retire", "单位（科室）：添加、列出、更名、撤销"),
)]
pub enum UnitCommand {
    Add(add::Args),
    List(list::Args),
    Rename(rename::Args),
    Retire(retire::Args),
}

pub fn run(ctx: &Ctx, command: UnitCommand) -> Result<ExitCode> {
    match command {
        UnitCommand::Add(args) => add::run(ctx, args),
        UnitCommand::List(args) => list::run(ctx, args),
        UnitCommand::Rename(args) => rename::run(ctx, args),
        UnitCommand::Retire(args) => retire::run(ctx, args),
    }
}

/// The IDs of the open records `unit` leads.
fn open_items(register: &Register, unit: &str) -> Vec<String> {
    load_all(register)
        .records
        .iter()
        .filter(|l| roster::leads(&l.record, unit))
        .map(|l| l.record.id().to_string())
        .collect()
}

/// An empty table of the settings' lists (units, people, series), headed
/// in the reader's language.
pub(crate) fn table(lang: Lang, headings: &[Heading]) -> Table {
    Table::new(
        headings
            .iter()
            .map(|h| lang.heading(*h).to_string())
            .collect(),
    )
}
