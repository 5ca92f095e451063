//! `taizhang secrecy recipients list`.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Print the recipients classified text is sealed to, one per line",
        "列出涉密内容加密给的接收人，每行一个",
    ),
)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    for key in &register.config.secrecy.recipients {
        println!("{key}");
    }
    Ok(ExitCode::SUCCESS)
}
