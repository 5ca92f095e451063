//! `taizhang secrecy recipients list`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;

/// Print the recipients classified text is sealed to, one per line.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    for key in &register.config.secrecy.recipients {
        println!("{key}");
    }
    Ok(ExitCode::SUCCESS)
}
