//! `taizhang rule revise`: a new rule replaces one in force (修订).

use std::process::ExitCode;

use crate::commands::shared::{commit_message, confirm, finish_new, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::{Error, Flag, Result};
use crate::i18n::tr;
use crate::i18n::{Confirm, rule::Done};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::kind::{Expected, Kind};
use taizhang_core::model::record::Record;
use taizhang_core::model::rule::{Rule, RuleStatus};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Revise a rule: register the new version, which replaces the old one; prints the new ID \
        alone",
        "修订制度：登记新版本，由它替代旧版本；只打印新编号",
    ),
    long_about = tr(
        "Revise a rule: register the new version, which replaces the old one; prints the new ID \
        alone.\n\n\
        Both name each other (replaces / replaced_by), the old one is 已修订 from the day the new \
        one takes effect, and both are written in one commit. What is not given is taken from the \
        old rule (issuer, responsible unit, review cycle, secrecy).",
        "修订制度：登记新版本，由它替代旧版本；只打印新编号。\n\n\
        新旧两版互相指明（`replaces` / `replaced_by`），旧版自新版施行之日起为已修订，两者在同一次\
        提交中写入。未给出的项沿用旧版（发布单位、归口科室、评估周期、密级）。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The rule in force it replaces (ZD-…)", "被替代的现行制度（ZD-…）"))]
    pub id: String,
    #[arg(help = tr("Title of the new version (制度名称)", "新版本的制度名称"))]
    #[arg(long, value_parser = values::title)]
    pub title: String,
    #[command(flatten)]
    pub fields: super::Fields,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let old_id = ctx.id(&args.id)?;
    let title = args.title;
    let given = args.fields.read(ctx, &register)?;
    let (issued, effective) = (given.issued, given.effective);

    let mut tx = ctx.begin(&register)?;
    let Record::Rule(mut old) = tx.load(&old_id)? else {
        return Err(Error::WrongKind {
            flag: Flag::command("rule revise"),
            target: old_id.to_string(),
            expected: Expected::Kind(Kind::Rule),
        });
    };
    // The number is only taken when the change is finished: a refusal
    // below leaves it free.
    let id = tx.allocate(register.config.prefix(Kind::Rule), issued.year())?;
    old.revised_by(id.clone(), effective.unwrap_or(issued))
        .map_err(refused(&old_id))?;
    let mut new = Rule {
        id: id.clone(),
        title,
        status: RuleStatus::Current,
        doc_number: given.doc_number,
        issuer: given.issuer.or_else(|| old.issuer.clone()),
        issued,
        effective,
        unit: given.unit.or_else(|| old.unit.clone()),
        review_every: given.review_every.or(old.review_every),
        review_due: None,
        reviews: Vec::new(),
        replaces: Some(old_id.clone()),
        replaced_by: None,
        ended: None,
        secrecy: old.secrecy,
        notes: given.notes,
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Revise, Some(old_id.to_string()))],
        extra: Default::default(),
    };
    new.review_due = new.next_review();
    old.history
        .push(actor.entry(HistoryAction::Revise, Some(id.to_string())));
    let new = Record::Rule(Box::new(new));
    tx.save(&Record::Rule(old))?;
    tx.save(&new)?;
    let said = Confirm::from(Done::Revised {
        old: old_id,
        new: id.clone(),
    });
    let code = finish_new(
        tx,
        &commit_message(&register, "revise", &new),
        &id.to_string(),
    )?;
    confirm(ctx, &said);
    Ok(code)
}
