//! `taizhang meeting held`: a planned meeting took place, and who was
//! there and who was not.

use std::process::ExitCode;

use super::update_meeting;
use crate::commands::repeat;
use crate::commands::shared::Outcome;
use crate::context::{Ctx, split_list};
use crate::error::{CoreError, Error, Result};
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::meeting::{Absence, Attendance, MeetingError};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Mark a planned meeting as held (已召开)", "将计划的会议标为已召开"),
    long_about = tr(
        "Mark a planned meeting as held (已召开)\n\n\
        Not before the day it starts. --attended names who was there (else the planned attendees \
        stand); --absent names who was not and why, as NAME:REASON. An absentee leaves the \
        attendees. Its decisions may then be recorded.",
        "将计划的会议标为已召开\n\n\
        不能早于会议开始的日期。--attended 写明实际出席人员（不写则沿用计划的出席人员）；--absent \
        写明缺席人员及原因，写作 姓名:原因，缺席人员不再列为出席。此后即可登记其议定事项。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The meeting (MT-…)", "会议（MT-…）"))]
    pub id: String,
    #[arg(help = tr(
        "Who was absent and why (缺席), NAME:REASON, comma-separated or repeated: 张三:出差,李四:病假",
        "缺席人员及原因，写作 姓名:原因，用逗号分隔或重复给出：张三:出差,李四:病假",
    ))]
    #[arg(long, value_name = "NAME:REASON")]
    pub absent: Vec<String>,
    #[arg(help = tr(
        "Who was there (出席), comma-separated or repeated; replaces the planned attendees",
        "实际出席人员，用逗号分隔或重复给出；取代计划的出席人员",
    ))]
    #[arg(long, value_name = "NAME")]
    pub attended: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    // Read before anything is locked: a wrong name refuses the command
    // with the register untouched.
    let id = ctx.id(&args.id)?.to_string();
    let attendance = attendance(&args).map_err(|error| meeting_error(&id, error))?;
    let today = ctx.today;
    update_meeting(ctx, &args.id, HistoryAction::Held, |meeting, _, _| {
        let id = meeting.id.to_string();
        (meeting.hold(today, attendance)).map_err(|error| meeting_error(&id, error))?;
        let said = Confirm::Held {
            id: meeting.id.clone(),
        };
        Ok(Outcome::new(None, said).then(repeat::next))
    })
}

/// `--attended` and `--absent` read and held against each other.
fn attendance(args: &Args) -> Result<Attendance, MeetingError> {
    let absent = (split_list(&args.absent).iter())
        .map(|item| Absence::parse(item))
        .collect::<Result<Vec<_>, _>>()?;
    Attendance::new(split_list(&args.attended), absent)
}

/// A meeting step's refusal as the command line's error.
pub(super) fn meeting_error(id: &str, error: MeetingError) -> Error {
    let id = id.to_string();
    match error {
        MeetingError::Refused(refusal) => CoreError::Refused { id, refusal },
        error => CoreError::Meeting { id, error },
    }
    .into()
}
