//! `taizhang man`: man pages made from the command line's own help.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{Error, Result};
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Print the man page, or write one page per command with --out",
        "打印手册页（man），或用 --out 为每个命令各写一页",
    ),
    long_about = tr(
        "Print the man page, or write one page per command with --out.\n\n\
        taizhang man | man -l - taizhang man --out ~/.local/share/man/man1",
        "打印手册页（man），或用 --out 为每个命令各写一页。\n\n\
        taizhang man | man -l -\ntaizhang man --out ~/.local/share/man/man1",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Write taizhang.1 and a page per command (taizhang-log-in.1 …) into DIR",
        "把 taizhang.1 和每个命令的手册页（taizhang-log-in.1 …）写入 DIR",
    ))]
    #[arg(long, value_name = "DIR", value_parser = values::path())]
    pub out: Option<Given<PathBuf>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let mut command = super::Cli::command().disable_help_subcommand(true);
    command.build();
    match args.out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| Error::io("<stdout>", e))?;
            let page = String::from_utf8(page).map_err(Error::encode)?;
            super::shared::print(&page)?;
        }
        Some(Given { flag, value }) => {
            let dir = ctx.cwd.join(value);
            if !dir.is_dir() {
                return Err(Error::NoSuchFolder { flag, path: dir });
            }
            let mut written = Vec::new();
            write_pages(command, &dir, &mut written)?;
            for path in written {
                ctx.note(&path.display().to_string());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the page of `command` and of each of its commands, depth first.
fn write_pages(command: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub.clone(), dir, written)?;
    }
    let man = clap_mangen::Man::new(command);
    let path = dir.join(man.get_filename());
    man.generate_to(dir).map_err(|e| Error::io(&path, e))?;
    written.push(path);
    Ok(())
}
