//! `taizhang reopen`: send a follow-up back (退回) or restore a cancelled one.

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Reopen a follow-up: a submitted or closed one goes back for more work (退回); a cancelled \
        one is restored as open",
        "重新打开督办事项：已报结或已销号的退回继续办理；已撤项的恢复为待办",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
    #[arg(help = tr("Why", "理由"))]
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
