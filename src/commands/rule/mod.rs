//! `taizhang rule …`: the register of the office's rules and regulations
//! (制度), one file per command. A rule is added, reviewed on its cycle
//! (清理评估), revised (a new rule replaces it) or repealed (废止).

mod add;
mod repeal;
mod review;
mod revise;

use std::process::ExitCode;

use clap::Subcommand;

use crate::commands::shared::{Outcome, update_as};
use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;
use taizhang_core::model::rule::{Cycle, Rule};
use taizhang_core::store::Register;

/// Rules and regulations (制度): add, review, revise, repeal
#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    Add(add::Args),
    Review(review::Args),
    Revise(revise::Args),
    Repeal(repeal::Args),
}

pub fn run(ctx: &Ctx, command: RuleCommand) -> Result<ExitCode> {
    match command {
        RuleCommand::Add(args) => add::run(ctx, args),
        RuleCommand::Review(args) => review::run(ctx, args),
        RuleCommand::Revise(args) => revise::run(ctx, args),
        RuleCommand::Repeal(args) => repeal::run(ctx, args),
    }
}

/// Reads a review cycle at the command line (`2y`, `18m`, `每2年`), so a
/// bad one is a usage error naming the flag.
fn cycle(text: &str) -> std::result::Result<Cycle, String> {
    Cycle::parse(text).ok_or_else(|| "write a cycle like 2y, 18m, 半年 or 每2年".to_string())
}

/// `update` for a rule: refuses any other kind of record.
fn update_rule(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    change: impl FnOnce(&mut Rule, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let command = format!("rule {}", action.keyword());
    update_as(
        ctx,
        id_text,
        action,
        (command.as_str(), Expected::Rule),
        |r| match r {
            Record::Rule(rule) => Some(rule),
            _ => None,
        },
        change,
    )
}
