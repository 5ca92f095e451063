//! `taizhang doc …`: the handling steps of a document.

mod done;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;

/// Handle a document: the steps from registration to reply
#[derive(Debug, Subcommand)]
pub enum DocCommand {
    Done(done::Args),
}

pub fn run(ctx: &Ctx, command: DocCommand) -> Result<ExitCode> {
    match command {
        DocCommand::Done(args) => done::run(ctx, args),
    }
}
