//! `taizhang archive undo ID --reason R`: take a record out of the archive.

use std::process::ExitCode;

use crate::commands::shared::commit_message;
use crate::context::Ctx;
use crate::context::values;
use crate::error::{CoreError, Result};
use crate::i18n::archive as words;
use crate::i18n::tr;
use taizhang_core::model::archive;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::store::{self};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Take a document out of the archive", "将一份公文撤出档案"),
    long_about = tr(
        "Take a document out of the archive\n\n\
        The one way to change an archived document again. Its history keeps the number it had, \
        which is never given out again.",
        "将一份公文撤出档案\n\n\
        这是再次修改已归档公文的唯一途径。其办理经过保留原档号，该档号决不再发给别的公文。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The archived document", "已归档的公文"))]
    pub id: String,
    #[arg(help = tr("Why (recorded in its history)", "理由（记入办理经过）"))]
    #[arg(long, value_name = "TEXT", value_parser = values::text)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let reason = args.reason;
    let actor = ctx.actor(&register);
    let mut tx = ctx.begin(&register)?;
    let mut record = store::load_one(&register, &id)?;
    let number = archive::unfile(&mut record).map_err(CoreError::Archive)?;
    let note = if number.is_empty() {
        reason
    } else {
        format!("{number}: {reason}")
    };
    record.push_history(actor.entry(HistoryAction::ArchiveUndo, Some(note)));
    tx.thaw(&id);
    tx.save(&record)?;
    tx.finish(&commit_message(&register, "archive-undo", &record))?;
    ctx.note(&words::unfiled(ctx.lang(), &id.to_string(), &number));
    Ok(ExitCode::SUCCESS)
}
