//! `taizhang progress`: record progress on a follow-up (进展).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::followup::Progress;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record progress on a follow-up; the first note moves it to in-progress",
        "记录督办事项的进展；第一条进展使其转为办理中",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The follow-up (FU-2026-0031, or FU-31 for this year's)",
        "督办事项（FU-2026-0031，本年的可写 FU-31）",
    ))]
    pub id: String,
    #[arg(help = tr("What was done", "做了什么"))]
    #[arg(value_parser = values::text)]
    pub note: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let note = args.note;
    update_followup(ctx, &args.id, HistoryAction::Progress, |fu, actor, _| {
        let entry = Progress {
            on: actor.today(),
            by: actor.by.clone(),
            note: note.clone(),
        };
        fu.record_progress(entry).map_err(refused(&fu.id))?;
        let said = Confirm::Progress {
            id: fu.id.clone(),
            status: fu.status,
        };
        Ok(Outcome::new(Some(note), said))
    })
}
