//! `taizhang book …`: logbook entries (用印, 值班 …), one file per command.

mod roster;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;

/// Logbooks: entries of the registers an office keeps (用印, 值班 …)
#[derive(Debug, Subcommand)]
pub enum BookCommand {
    Roster(roster::Args),
}

pub fn run(ctx: &Ctx, command: BookCommand) -> Result<ExitCode> {
    match command {
        BookCommand::Roster(args) => roster::run(ctx, args),
    }
}
