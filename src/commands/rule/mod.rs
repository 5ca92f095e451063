//! `taizhang rule …`: the register of the office's rules and regulations
//! (制度), one file per command. A rule is added, reviewed on its cycle
//! (清理评估), revised (a new rule replaces it) or repealed (废止).

mod add;
mod repeal;
mod review;
mod revise;

use std::process::ExitCode;

use clap::Subcommand;

use jiff::civil::Date;

use crate::commands::shared::{Outcome, optional_text, update_as};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr};
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::kind::{Expected, Kind};
use taizhang_core::model::record::Record;
use taizhang_core::model::rule::{Cycle, Rule};
use taizhang_core::store::Register;

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Rules and regulations (制度): add, review, revise, repeal",
        "制度：登记、清理评估、修订、废止",
    ),
)]
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

/// What a rule says of itself besides its title, as `rule add` and `rule
/// revise` take it. A revision takes from the old rule what is not given.
#[derive(Debug, clap::Args)]
pub struct Fields {
    #[arg(help = tr("The document number it was issued under (文号)", "印发的文号"))]
    #[arg(long, value_name = "NUMBER")]
    pub doc_number: Option<String>,
    #[arg(help = tr(
        "Who issued it (发布单位) [default: the register's unit; for a revision, the old rule's]",
        "发布单位 [默认：本台账的机关名称；修订时同旧版]",
    ))]
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    #[arg(help = tr("When it was issued", "发布日期"))]
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub issued: values::Given<DateExpr>,
    #[arg(help = tr(
        "When it takes effect (施行日期), if not the day it was issued",
        "施行日期（与发布日期不同时）",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub effective: Option<values::Given<DateExpr>>,
    #[arg(help = tr(
        "The unit responsible for it (归口科室) [default for a revision: the old rule's]",
        "归口科室 [修订时默认：同旧版]",
    ))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    #[arg(help = tr(
        "How often it is reviewed: 2y, 18m, 半年, 每2年 [default for a revision: the old rule's]",
        "清理评估周期：2y、18m、半年、每2年 [修订时默认：同旧版]",
    ))]
    #[arg(long, value_name = "CYCLE", value_parser = cycle)]
    pub review_every: Option<Cycle>,
    #[arg(help = tr("Notes (备注)", "备注"))]
    #[arg(long)]
    pub notes: Option<String>,
}

/// `Fields` read into typed values against the register.
struct Given {
    doc_number: Option<String>,
    issuer: Option<String>,
    issued: Date,
    effective: Option<Date>,
    unit: Option<String>,
    review_every: Option<Cycle>,
    notes: Option<String>,
}

impl Fields {
    fn read(self, ctx: &Ctx, register: &Register) -> Result<Given> {
        Ok(Given {
            issued: ctx.date(&self.issued)?,
            effective: ctx.opt_date(self.effective.as_ref())?,
            unit: (self.unit.as_deref())
                .map(|u| ctx.unit(register, u))
                .transpose()?,
            doc_number: optional_text(self.doc_number),
            issuer: optional_text(self.issuer),
            review_every: self.review_every,
            notes: optional_text(self.notes),
        })
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
        (command.as_str(), Expected::Kind(Kind::Rule)),
        |r| match r {
            Record::Rule(rule) => Some(rule),
            _ => None,
        },
        change,
    )
}
