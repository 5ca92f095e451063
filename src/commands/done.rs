//! `taizhang done`: a follow-up is finished (办结, or 报结 where the
//! register verifies).

use std::process::ExitCode;

use crate::commands::repeat;
use crate::commands::shared::{Outcome, optional_text, refused, update_followup};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Mark a follow-up done. It is closed (销号) at once, unless the register sets \
        followups.verify = true: then it is submitted (报结) and `verify` closes it",
        "督办事项办结。立即销号；若台账设置了 followups.verify = true，则为报结，由 `verify` 销号",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
    #[arg(help = tr("The outcome report (办理结果)", "办理结果"))]
    #[arg(long, value_name = "TEXT")]
    pub report: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let report = optional_text(args.report);
    update_followup(ctx, &args.id, HistoryAction::Done, |fu, actor, register| {
        let verify = register.config.followups.verify;
        fu.finish(actor.today(), &actor.by, report.clone(), verify)
            .map_err(refused(&fu.id))?;
        let said = Confirm::FollowupDone {
            id: fu.id.clone(),
            status: fu.status,
        };
        Ok(Outcome::new(report, said).then(repeat::next))
    })
}
