//! `taizhang verify`: a submitted follow-up is checked and closed (审核销号).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Verify a submitted follow-up and close it (销号)", "核验已报结的督办事项并销号"),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    update_followup(ctx, &args.id, HistoryAction::Verify, |fu, actor, _| {
        fu.verify(actor.today(), &actor.by)
            .map_err(refused(&fu.id))?;
        let said = Confirm::Verified { id: fu.id.clone() };
        Ok(Outcome::new(None, said))
    })
}
