//! `taizhang completions`: a shell's completion script.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::context::Ctx;
use crate::error::{Error, Result};

/// Print the completion script for a shell.
///
/// bash: taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang
/// zsh: taizhang completions zsh > ~/.zfunc/_taizhang (with fpath+=~/.zfunc in .zshrc)
/// fish: taizhang completions fish > ~/.config/fish/completions/taizhang.fish
#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let mut command = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "taizhang", &mut script);
    let script = String::from_utf8(script).map_err(Error::encode)?;
    super::shared::print(&script)?;
    Ok(ExitCode::SUCCESS)
}
