//! `taizhang meeting held`: a planned meeting took place.

use std::process::ExitCode;

use super::update_meeting;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Mark a planned meeting as held (已召开)
///
/// Its decisions may then be recorded.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The meeting (MT-…)
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    update_meeting(ctx, &args.id, HistoryAction::Held, |meeting, _, _| {
        meeting.hold().map_err(refused(&meeting.id))?;
        let said = Confirm::Held {
            id: meeting.id.clone(),
        };
        Ok(Outcome::new(None, said))
    })
}
