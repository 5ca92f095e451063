//! `taizhang milestone …`: the milestones (节点) of a follow-up, one file
//! per command. A milestone is a dated step before the deadline; one past
//! its date and not done puts the follow-up behind schedule (序时进度滞后,
//! `model::breakdown`).

mod add;
mod done;

use std::process::ExitCode;

use clap::Subcommand;

use crate::commands::shared::{Outcome, update_as};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::followup::Followup;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;
use taizhang_core::store::Register;

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Milestones (节点) of a follow-up: add one, mark one done",
        "督办事项的节点：增加节点、节点完成",
    ),
)]
pub enum MilestoneCommand {
    Add(add::Args),
    Done(done::Args),
}

pub fn run(ctx: &Ctx, command: MilestoneCommand) -> Result<ExitCode> {
    match command {
        MilestoneCommand::Add(args) => add::run(ctx, args),
        MilestoneCommand::Done(args) => done::run(ctx, args),
    }
}

/// Changes one follow-up's milestones as `milestone NAME`; any other
/// kind of record is refused naming the command.
fn update_milestones(
    ctx: &Ctx,
    id_text: &str,
    (name, action): (&str, HistoryAction),
    change: impl FnOnce(&mut Followup, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let command = format!("milestone {name}");
    update_as(
        ctx,
        id_text,
        action,
        (command.as_str(), Expected::Followup),
        |r| match r {
            Record::Followup(fu) => Some(&mut **fu),
            _ => None,
        },
        change,
    )
}
