//! `taizhang rule review`: record a review (清理评估) of a rule in force.

use std::process::ExitCode;

use super::update_rule;
use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given, keyword};
use crate::error::Result;
use crate::i18n::tr;
use crate::i18n::{Confirm, rule::Done};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::rule::{Cycle, Review, Verdict};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record a review (清理评估) of a rule in force: whether it still stands",
        "登记对一项现行制度的清理评估：是否继续有效",
    ),
    long_about = tr(
        "Record a review (清理评估) of a rule in force: whether it still stands\n\n\
        The next review falls due one cycle later. A review that finds the rule must change is \
        followed by `rule revise` or `rule repeal`.",
        "登记对一项现行制度的清理评估：是否继续有效\n\n\
        下次评估日期顺延一个周期。评估认为需要修改的，随后用 `rule revise` 或 `rule repeal` 办理。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The rule (ZD-…)", "制度（ZD-…）"))]
    pub id: String,
    #[arg(help = tr("When it was reviewed", "评估日期"))]
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Given<DateExpr>,
    #[arg(help = tr(
        "What the review found: keep (继续有效), revise (需修订), repeal (拟废止)",
        "评估结论：keep（继续有效）、revise（需修订）、repeal（拟废止）",
    ))]
    #[arg(long, default_value = "keep", value_parser = keyword::<Verdict>)]
    pub outcome: Verdict,
    #[arg(help = tr("What the review said (评估意见)", "评估意见"))]
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(help = tr(
        "A new review cycle from now on: 2y, 18m, 半年, 每2年",
        "此后的评估周期：2y、18m、半年、每2年",
    ))]
    #[arg(long, value_name = "CYCLE", value_parser = super::cycle)]
    pub every: Option<Cycle>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let on = ctx.date(&args.on)?;
    let outcome = args.outcome;
    let note = optional_text(args.note);
    update_rule(ctx, &args.id, HistoryAction::Review, |rule, actor, _| {
        if let Some(every) = args.every {
            rule.review_every = Some(every);
        }
        let review = Review {
            date: on,
            by: actor.by.clone(),
            outcome,
            note: note.clone(),
        };
        rule.review(review).map_err(refused(&rule.id))?;
        let said = Confirm::from(Done::Reviewed {
            id: rule.id.clone(),
            next: rule.review_due,
        });
        let words = match &note {
            Some(note) => format!("{} {note}", outcome.keyword()),
            None => outcome.keyword().to_string(),
        };
        Ok(Outcome::new(Some(words), said))
    })
}
