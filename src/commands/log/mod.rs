//! `taizhang log in` / `log out`: register documents.

mod incoming;
mod outgoing;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, Subcommand)]
#[command(
    about = tr("Register an incoming or outgoing document", "登记收文或发文"),
)]
pub enum LogCommand {
    In(incoming::Args),
    Out(outgoing::Args),
}

pub fn run(ctx: &Ctx, command: LogCommand) -> Result<ExitCode> {
    match command {
        LogCommand::In(args) => incoming::run(ctx, args),
        LogCommand::Out(args) => outgoing::run(ctx, args),
    }
}
