//! `taizhang completions`: a shell's completion script.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Print the completion script for a shell", "打印某种命令行外壳的补全脚本"),
    long_about = tr(
        "Print the completion script for a shell.\n\n\
        bash: taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang zsh: \
        taizhang completions zsh > ~/.zfunc/_taizhang (with fpath+=~/.zfunc in .zshrc) fish: \
        taizhang completions fish > ~/.config/fish/completions/taizhang.fish",
        "打印某种命令行外壳的补全脚本。\n\n\
        bash：taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang\nzsh\
        ：taizhang completions zsh > ~/.zfunc/_taizhang（并在 .zshrc 中写 fpath+=~/.zfunc）\nfish\
        ：taizhang completions fish > ~/.config/fish/completions/taizhang.fish",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "bash, zsh, fish, powershell or elvish",
        "bash、zsh、fish、powershell 或 elvish",
    ))]
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
