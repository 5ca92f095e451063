//! `taizhang rule add`: register a rule or regulation (制度).

use std::process::ExitCode;

use crate::commands::shared::{commit_message, finish_new, optional_text};
use crate::context::Ctx;
use crate::context::values::{self, keyword};
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Secrecy;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::model::rule::{Rule, RuleStatus};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Register a rule in force; prints the new ID alone", "登记一项现行制度；只打印新编号"),
    long_about = tr(
        "Register a rule in force; prints the new ID alone.\n\n\
        With --review-every, its first review (清理评估) falls due that long after it took effect, \
        and `remind` lists it from then on.",
        "登记一项现行制度；只打印新编号。\n\n\
        给了 --review-every，自施行之日起满一个周期即到首次清理评估的日期，届时 `remind` 开始提醒\
        。",
    ),
)]
pub struct Args {
    #[arg(help = tr("Title (制度名称), e.g. 公文处理实施细则", "制度名称，如 公文处理实施细则"))]
    #[arg(long, value_parser = values::title)]
    pub title: String,
    #[command(flatten)]
    pub fields: super::Fields,
    #[arg(help = tr(
        "none, secret (秘密), highly-secret (机密), top-secret (绝密)",
        "密级：none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ))]
    #[arg(long, value_parser = keyword::<Secrecy>)]
    pub secrecy: Option<Secrecy>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = args.title;
    let given = args.fields.read(ctx, &register)?;
    let secrecy: Secrecy = args.secrecy.unwrap_or_default();
    let issuer = given
        .issuer
        .or_else(|| optional_text(Some(register.config.unit.clone())));

    let mut tx = ctx.begin(&register)?;
    let id = tx.allocate(register.config.prefix(Kind::Rule), given.issued.year())?;
    let mut rule = Rule {
        id,
        title,
        status: RuleStatus::Current,
        doc_number: given.doc_number,
        issuer,
        issued: given.issued,
        effective: given.effective,
        unit: given.unit,
        review_every: given.review_every,
        review_due: None,
        reviews: Vec::new(),
        replaces: None,
        replaced_by: None,
        ended: None,
        secrecy,
        notes: given.notes,
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
