//! `taizhang secrecy recipients …`: who classified text is sealed to,
//! kept as `[secrecy] recipients` in taizhang.toml.

mod add;
mod list;
mod remove;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "The age recipients classified text is sealed to: add, remove, list",
        "涉密内容加密给哪些 `age` 接收人：添加、移除、列出",
    ),
)]
pub enum RecipientsCommand {
    Add(add::Args),
    Remove(remove::Args),
    List(list::Args),
}

pub fn run(ctx: &Ctx, command: RecipientsCommand) -> Result<ExitCode> {
    match command {
        RecipientsCommand::Add(args) => add::run(ctx, args),
        RecipientsCommand::Remove(args) => remove::run(ctx, args),
        RecipientsCommand::List(args) => list::run(ctx, args),
    }
}

/// The settings key of the list.
const KEY: &str = "secrecy.recipients";
