//! `taizhang undo`: take back the last command while it is only here.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n;
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Take back the last taizhang command (撤销), while its commit is only in this clone: not \
        yet pushed or synced",
        "撤销上一条 taizhang 命令，限于其提交还只在本副本中：尚未推送或同步",
    ),
    long_about = tr(
        "Take back the last taizhang command (撤销), while its commit is only in this clone: not \
        yet pushed or synced.\n\n\
        Prints what was undone, and any ID or document number (文号) free again. Refuses, changing \
        nothing, when the last commit is not a taizhang command's, is already shared (correct it \
        with a command instead), or touches files with uncommitted changes.",
        "撤销上一条 taizhang 命令，限于其提交还只在本副本中：尚未推送或同步。\n\n\
        打印撤销了什么，以及重新空出的编号或发文字号。若上一次提交不是 taizhang 命令的、已经共享（\
        请改用命令更正），或涉及有未提交修改的文件，则拒绝执行，什么也不改。",
    ),
)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let undone = taizhang_core::store::undo::undo(&register)?;
    print(&i18n::undone(ctx.lang(), &undone))?;
    Ok(ExitCode::SUCCESS)
}
