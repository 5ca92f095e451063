//! `taizhang progress`: record progress on a follow-up (进展).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::followup::Progress;

/// Record progress on a follow-up; the first note moves it to in-progress.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The follow-up (FU-2026-0031, or FU-31 for this year's)
    pub id: String,
    /// What was done
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
