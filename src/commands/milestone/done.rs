//! `taizhang milestone done`: a follow-up's milestone (节点) is done.

use std::process::ExitCode;

use super::update_milestones;
use crate::commands::shared::Outcome;
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{CoreError, Result};
use crate::i18n::followup::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Mark a follow-up's milestone (节点) done; N is its number as `show` lists it",
        "节点完成；N 为 show 所列的节点序号",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up (FU-…)", "督办事项（FU-…）"))]
    pub id: String,
    #[arg(help = tr("The milestone's number, from 1, as `show` lists them", "节点序号，从 1 起，见 show"))]
    #[arg(value_name = "N")]
    pub n: usize,
    #[arg(help = tr("When it was done", "完成日期"))]
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Given<DateExpr>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let on = ctx.date(&args.on)?;
    let n = args.n;
    update_milestones(
        ctx,
        &args.id,
        ("done", HistoryAction::MilestoneDone),
        |fu, _, _| {
            let done = fu.finish_milestone(n, on).map_err(CoreError::from)?;
            let note = format!("{n}. {}", done.text);
            let said = Confirm::Breakdown(Done::MilestoneDone {
                id: fu.id.clone(),
                n,
            });
            Ok(Outcome::new(Some(note), said))
        },
    )
}
