//! `taizhang rule repeal`: a rule is no longer in force (废止).

use std::process::ExitCode;

use super::update_rule;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::{Confirm, rule::Done};
use taizhang_core::model::common::HistoryAction;

/// Repeal a rule (废止): it is no longer in force, and is reviewed no more
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule (ZD-…)
    pub id: String,
    /// Why it is repealed (废止理由), kept in its history
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    /// The day it stops being in force
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Given<DateExpr>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    let on = ctx.date(&args.on)?;
    update_rule(ctx, &args.id, HistoryAction::Repeal, |rule, _, _| {
        rule.repeal(on).map_err(refused(&rule.id))?;
        let said = Confirm::Rule(Done::Repealed {
            id: rule.id.clone(),
        });
        Ok(Outcome::new(Some(reason), said))
    })
}
