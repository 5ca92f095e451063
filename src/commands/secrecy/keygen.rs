//! `taizhang secrecy keygen [--out FILE]`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::store::seal::{self, SealError};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Make an age identity for opening encrypted classified text, and print its recipient (age1…) on stdout. The file is readable by you only (0600) and is never overwritten; it may not lie inside the register, which every clone and remote shares. Give the recipient to a clerk who can already read the register's sealed text: `taizhang secrecy recipients add age1…`",
        "生成用于解密涉密内容的 `age` 身份文件，并在标准输出上打印其接收人（`age1…`）。文件仅本人可读（0600），决不覆盖，也不能放在台账文件夹内（台账随每个副本和远程仓库外传）。把接收人交给已能解密的同事：`taizhang secrecy recipients add age1…`",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Where to write the identity [default: ~/.config/taizhang/identity.txt, or $XDG_CONFIG_HOME/taizhang/identity.txt]",
        "身份文件写到哪里（默认：~/.config/taizhang/identity.txt，或 $XDG_CONFIG_HOME/taizhang/identity.txt）",
    ))]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let places = ctx.identity_places();
    let out = match args.out.map(|o| ctx.cwd.join(o)) {
        Some(out) => out,
        None => ctx
            .default_identity_place()
            .ok_or(SealError::IdentityMissing { looked: places })?,
    };
    refuse_inside_register(ctx, &out)?;
    let created = ctx.moment().to_string();
    let public = seal::write_identity(&out, &created)?;
    println!("{public}");
    ctx.note(&crate::i18n::secrecy::keygen_done(ctx.lang(), &out));
    Ok(ExitCode::SUCCESS)
}

/// Refuses a file inside the register the command runs in, if any.
fn refuse_inside_register(ctx: &Ctx, out: &std::path::Path) -> Result<()> {
    let Ok(register) = ctx.register() else {
        return Ok(());
    };
    let root = std::fs::canonicalize(&register.root).unwrap_or_else(|_| register.root.clone());
    let folder = out.parent().and_then(|p| std::fs::canonicalize(p).ok());
    let inside = folder.is_some_and(|f| f.starts_with(&root)) || out.starts_with(&register.root);
    if inside {
        return Err(SealError::IdentityInRegister {
            path: out.to_path_buf(),
        }
        .into());
    }
    Ok(())
}
