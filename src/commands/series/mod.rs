//! `taizhang series …`: the series of outgoing document numbers (发文字号),
//! one per issuer code, kept in taizhang.toml. One file per command.

mod add;
mod list;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, Subcommand)]
#[command(
    about = tr("Outgoing document number series (发文字号): add, list", "发文字号系列：添加、列出"),
)]
pub enum SeriesCommand {
    Add(add::Args),
    List(list::Args),
}

pub fn run(ctx: &Ctx, command: SeriesCommand) -> Result<ExitCode> {
    match command {
        SeriesCommand::Add(args) => add::run(ctx, args),
        SeriesCommand::List(args) => list::run(ctx, args),
    }
}
