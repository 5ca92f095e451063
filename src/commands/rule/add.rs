//! `taizhang rule add`: register a rule or regulation (制度).

use std::process::ExitCode;

use crate::commands::shared::{commit_message, finish_new, optional_text, title};
use crate::context::Ctx;
use crate::error::Result;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Secrecy;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::model::rule::{Cycle, Rule, RuleStatus};
use taizhang_core::store::Change;

/// Register a rule in force; prints the new ID alone.
///
/// With --review-every, its first review (清理评估) falls due that long
/// after it took effect, and `remind` lists it from then on.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Title (制度名称), e.g. 公文处理实施细则
    #[arg(long)]
    pub title: String,
    /// The document number it was issued under (文号)
    #[arg(long, value_name = "NUMBER")]
    pub doc_number: Option<String>,
    /// Who issued it (发布单位) [default: the register's unit]
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// When it was issued
    #[arg(long, value_name = "DATE", default_value = "today")]
    pub issued: String,
    /// When it takes effect (施行日期), if not the day it was issued
    #[arg(long, value_name = "DATE")]
    pub effective: Option<String>,
    /// The unit responsible for it (归口科室)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// How often it is reviewed: 2y, 18m, 半年, 每2年
    #[arg(long, value_name = "CYCLE", value_parser = super::cycle)]
    pub review_every: Option<Cycle>,
    /// none, secret (秘密), highly-secret (机密), top-secret (绝密)
    #[arg(long)]
    pub secrecy: Option<String>,
    /// Notes (备注)
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = title("--title", &args.title)?;
    let issued = ctx.date("--issued", &args.issued)?;
    let effective = ctx.opt_date("--effective", args.effective.as_deref())?;
    let unit = args
        .unit
        .as_deref()
        .map(|u| ctx.unit(&register, "--unit", u))
        .transpose()?;
    let secrecy: Secrecy = ctx
        .opt_keyword("--secrecy", args.secrecy.as_deref())?
        .unwrap_or_default();
    let issuer =
        optional_text(args.issuer).or_else(|| optional_text(Some(register.config.unit.clone())));

    let mut tx = Change::begin(&register, !ctx.args.no_commit)?;
    let id = tx.allocate(register.config.prefix(Kind::Rule), issued.year())?;
    let mut rule = Rule {
        id,
        title,
        status: RuleStatus::Current,
        doc_number: optional_text(args.doc_number),
        issuer,
        issued,
        effective,
        unit,
        review_every: args.review_every,
        review_due: None,
        reviews: Vec::new(),
        replaces: None,
        replaced_by: None,
        ended: None,
        secrecy,
        notes: optional_text(args.notes),
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Log, None)],
        extra: Default::default(),
    };
    rule.review_due = rule.next_review();
    let record = Record::Rule(Box::new(rule));
    tx.save(&record)?;
    let id = record.id().to_string();
    finish_new(tx, &commit_message(&register, "log", &record), &id)
}
