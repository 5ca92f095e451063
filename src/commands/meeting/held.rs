//! `taizhang meeting held`: a planned meeting took place.

use std::process::ExitCode;

use super::update_meeting;
use crate::commands::repeat;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Mark a planned meeting as held (已召开)", "将计划的会议标为已召开"),
    long_about = tr(
        "Mark a planned meeting as held (已召开)\n\n\
        Its decisions may then be recorded.",
        "将计划的会议标为已召开\n\n\
        此后即可登记其议定事项。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The meeting (MT-…)", "会议（MT-…）"))]
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    update_meeting(ctx, &args.id, HistoryAction::Held, |meeting, _, _| {
        meeting.hold().map_err(refused(&meeting.id))?;
        let said = Confirm::Held {
            id: meeting.id.clone(),
        };
        Ok(Outcome::new(None, said).then(repeat::next))
    })
}
