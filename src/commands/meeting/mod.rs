//! `taizhang meeting …`: meetings and their decisions (会议, 议定事项), one
//! file per command.

mod add;
mod cancel;
mod decide;
mod held;
mod minutes;

use std::process::ExitCode;

use clap::Subcommand;

use crate::commands::shared::{Outcome, update_as};
use crate::context::Ctx;
use crate::error::{Error, Flag, Result};
use crate::i18n::tr;
use taizhang_core::model::common::Actor;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::meeting::Meeting;
use taizhang_core::model::record::Record;
use taizhang_core::store::Register;

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Meetings: plan, hold, minute, and record decisions that become follow-ups",
        "会议：计划、召开、记录，以及登记转为督办事项的议定事项",
    ),
)]
pub enum MeetingCommand {
    Add(add::Args),
    Held(held::Args),
    Cancel(cancel::Args),
    Minutes(minutes::Args),
    Decide(decide::Args),
}

pub fn run(ctx: &Ctx, command: MeetingCommand) -> Result<ExitCode> {
    match command {
        MeetingCommand::Add(args) => add::run(ctx, args),
        MeetingCommand::Held(args) => held::run(ctx, args),
        MeetingCommand::Cancel(args) => cancel::run(ctx, args),
        MeetingCommand::Minutes(args) => minutes::run(ctx, args),
        MeetingCommand::Decide(args) => decide::run(ctx, args),
    }
}

/// The error for a meeting command given another kind of record.
fn not_a_meeting(command: &str, id: String) -> Error {
    Error::WrongKind {
        flag: Flag::command(&format!("meeting {command}")),
        target: id,
        expected: Expected::Meeting,
    }
}

/// `update` for a meeting: refuses any other kind of record.
fn update_meeting(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    change: impl FnOnce(&mut Meeting, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let command = format!("meeting {}", action.keyword());
    let kind = (command.as_str(), Expected::Meeting);
    update_as(
        ctx,
        id_text,
        action,
        kind,
        |r| match r {
            Record::Meeting(meeting) => Some(meeting),
            _ => None,
        },
        change,
    )
}
