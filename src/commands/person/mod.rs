//! `taizhang person …`: the people of the office, kept in taizhang.toml
//! and changed from the shell, one file per command. A person is added,
//! moved to another unit, and leaves, handing over what they hold.

mod add;
mod leave;
mod list;
mod moving;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, Subcommand)]
#[command(
    about = tr("People: add, list, move, leave", "人员：添加、列出、调动、调离"),
)]
pub enum PersonCommand {
    Add(add::Args),
    List(list::Args),
    Move(moving::Args),
    Leave(leave::Args),
}

pub fn run(ctx: &Ctx, command: PersonCommand) -> Result<ExitCode> {
    match command {
        PersonCommand::Add(args) => add::run(ctx, args),
        PersonCommand::List(args) => list::run(ctx, args),
        PersonCommand::Move(args) => moving::run(ctx, args),
        PersonCommand::Leave(args) => leave::run(ctx, args),
    }
}
