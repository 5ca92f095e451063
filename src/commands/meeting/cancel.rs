//! `taizhang meeting cancel`: a planned meeting will not take place.

use std::process::ExitCode;

use super::update_meeting;
use crate::commands::repeat;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Cancel a planned meeting (取消), with the reason", "取消计划的会议，并写明原因"),
)]
pub struct Args {
    #[arg(help = tr("The meeting (MT-…)", "会议（MT-…）"))]
    pub id: String,
    #[arg(help = tr("Why (取消原因)", "取消原因"))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    #[arg(help = tr(
        "End its series too (a repeating meeting): no next meeting is planned",
        "同时结束其重复系列（例会）：不再安排下一次会议",
    ))]
    #[arg(long)]
    pub series: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    update_meeting(ctx, &args.id, HistoryAction::Cancel, |meeting, actor, _| {
        meeting.cancel().map_err(refused(&meeting.id))?;
        if args.series {
            let id = meeting.id.clone();
            let flag = repeat::series_flag::<Args>();
            let said = repeat::end_series(meeting, &id, actor.today(), flag)?;
            return Ok(Outcome::new(Some(reason), said));
        }
        let said = Confirm::MeetingCancelled {
            id: meeting.id.clone(),
        };
        Ok(Outcome::new(Some(reason), said).then(repeat::next))
    })
}
