//! `taizhang reopen`: send a follow-up back (退回) or restore a cancelled one.

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Reopen a follow-up: a submitted or closed one goes back for more work
/// (退回); a cancelled one is restored as open.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The follow-up
    pub id: String,
    /// Why
    #[arg(long, value_parser = values::text)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    update_followup(ctx, &args.id, HistoryAction::Reopen, |fu, _, _| {
        fu.reopen().map_err(refused(&fu.id))?;
        let said = Confirm::Reopened {
            id: fu.id.clone(),
            status: fu.status,
        };
        Ok(Outcome::new(Some(reason), said))
    })
}
