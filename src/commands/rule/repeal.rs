//! `taizhang rule repeal`: a rule is no longer in force (废止).

use std::process::ExitCode;

use super::update_rule;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::tr;
use crate::i18n::{Confirm, rule::Done};
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Repeal a rule (废止): it is no longer in force, and is reviewed no more",
        "废止制度：不再有效，也不再评估",
    ),
)]
pub struct Args {
    #[arg(help = tr("The rule (ZD-…)", "制度（ZD-…）"))]
    pub id: String,
    #[arg(help = tr(
        "Why it is repealed (废止理由), kept in its history",
        "废止理由，记入处理记录",
    ))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    #[arg(help = tr("The day it stops being in force", "失效日期"))]
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Given<DateExpr>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    let on = ctx.date(&args.on)?;
    update_rule(ctx, &args.id, HistoryAction::Repeal, |rule, _, _| {
        rule.repeal(on).map_err(refused(&rule.id))?;
        let said = Confirm::from(Done::Repealed {
            id: rule.id.clone(),
        });
        Ok(Outcome::new(Some(reason), said))
    })
}
