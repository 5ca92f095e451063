//! `taizhang config …`: the register's scalar settings one at a time,
//! shaped like `git config`, so that an office sets itself up from the
//! shell without opening taizhang.toml. One file per command.

mod get;
mod list;
mod set;
mod unset;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::store::settings::SettingsDoc;
use taizhang_core::store::{Change, Register};

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Settings (taizhang.toml) one at a time: list, get, set, unset",
        "逐项查看和修改设置（taizhang.toml）：list、get、set、unset",
    ),
)]
pub enum ConfigCommand {
    List(list::Args),
    Get(get::Args),
    Set(set::Args),
    Unset(unset::Args),
}

pub fn run(ctx: &Ctx, command: ConfigCommand) -> Result<ExitCode> {
    match command {
        ConfigCommand::List(args) => list::run(ctx, args),
        ConfigCommand::Get(args) => get::run(ctx, args),
        ConfigCommand::Set(args) => set::run(ctx, args),
        ConfigCommand::Unset(args) => unset::run(ctx, args),
    }
}

/// Edits taizhang.toml as a document under a change of its own and
/// commits it with `message`: `edit` changes the document (and may save
/// records in the same change), the loader and the settings' rules judge
/// the result, and nothing is written when either refuses. Shared by
/// every command that changes the settings.
pub fn change_settings(
    ctx: &Ctx,
    register: &Register,
    message: &str,
    edit: impl FnOnce(&mut SettingsDoc, &mut Change) -> Result<()>,
) -> Result<()> {
    let mut tx = ctx.begin(register)?;
    let text = tx.settings_text()?;
    let mut doc = SettingsDoc::parse(&text)?;
    edit(&mut doc, &mut tx)?;
    tx.save_settings(&doc.to_string())?;
    tx.finish(message)?;
    Ok(())
}
