//! `taizhang milestone add`: a dated step (节点) of a follow-up.

use std::process::ExitCode;

use super::update_milestones;
use crate::commands::shared::Outcome;
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{CoreError, Result};
use crate::i18n::followup::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::breakdown::Milestone;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add a milestone (节点) to a follow-up: a step due by a date before its deadline",
        "为督办事项增加节点：办结时限之前某日应完成的一步",
    ),
    long_about = tr(
        "Add a milestone (节点) to a follow-up: a step due by a date before its deadline.\n\n\
        Milestones are kept in date order and numbered from 1 as `show` lists them. One past its \
        date and not done puts the follow-up behind schedule (序时进度滞后): remind and the desk \
        show it in yellow, and a chase is yellow.",
        "为督办事项增加节点：办结时限之前某日应完成的一步。\n\n\
        节点按日期排列，按 show 所列从 1 起编号。节点过期未完成，即为序时进度滞后：remind 和工作台以\
        黄色提示，催办为黄色。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up (FU-…)", "督办事项（FU-…）"))]
    pub id: String,
    #[arg(help = tr("When the step is due: a date, +1w, fri …", "节点时限：日期、+1w、fri …"))]
    #[arg(value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub date: Given<DateExpr>,
    #[arg(help = tr("What is to be done by then (节点内容)", "节点内容"))]
    #[arg(value_name = "TEXT", value_parser = values::text)]
    pub text: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let due = ctx.date(&args.date)?;
    let input = format!("{} {}", args.date.value.0, args.text);
    let milestone = Milestone {
        due,
        text: args.text,
        done: None,
    };
    update_milestones(
        ctx,
        &args.id,
        ("add", HistoryAction::MilestoneAdd),
        |fu, _, _| {
            let note = format!("{due} {}", milestone.text);
            fu.add_milestone(milestone, &input)
                .map_err(CoreError::from)?;
            let n = (fu.milestones.iter())
                .rposition(|m| m.due == due)
                .map_or(fu.milestones.len(), |i| i + 1);
            let id = fu.id.clone();
            let said = Confirm::Breakdown(Done::MilestoneAdded { id, n, due });
            Ok(Outcome::new(Some(note), said))
        },
    )
}
