//! `taizhang cancel`: withdraw a follow-up (撤项).

use std::process::ExitCode;

use crate::commands::repeat;
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
        "Cancel a follow-up that is no longer needed (撤项). It then counts in no figure but \
        `assigned`",
        "撤销不再需要的督办事项（撤项）。撤项后除“交办”外不计入任何统计",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
    #[arg(help = tr("Why (撤项理由)", "撤项理由"))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    #[arg(help = tr(
        "End its series too (a repeating follow-up): no next occurrence is made",
        "同时结束其重复系列（重复督办事项）：不再生成下一期",
    ))]
    #[arg(long)]
    pub series: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    update_followup(ctx, &args.id, HistoryAction::Cancel, |fu, actor, _| {
        fu.cancel().map_err(refused(&fu.id))?;
        if args.series {
            let id = fu.id.clone();
            let flag = repeat::series_flag::<Args>();
            let said = repeat::end_series(fu, &id, actor.today(), flag)?;
            return Ok(Outcome::new(Some(reason), said));
        }
        let said = Confirm::Cancelled { id: fu.id.clone() };
        Ok(Outcome::new(Some(reason), said).then(repeat::next))
    })
}
