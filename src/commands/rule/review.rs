//! `taizhang rule review`: record a review (清理评估) of a rule in force.

use std::process::ExitCode;

use super::update_rule;
use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given, keyword};
use crate::error::Result;
use crate::i18n::{Confirm, rule::Done};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::rule::{Cycle, Review, Verdict};

/// Record a review (清理评估) of a rule in force: whether it still stands
///
/// The next review falls due one cycle later. A review that finds the
/// rule must change is followed by `rule revise` or `rule repeal`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule (ZD-…)
    pub id: String,
    /// When it was reviewed
    #[arg(long, value_name = "DATE", default_value = "today", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Given<DateExpr>,
    /// What the review found: keep (继续有效), revise (需修订), repeal (拟废止)
    #[arg(long, default_value = "keep", value_parser = keyword::<Verdict>)]
    pub outcome: Verdict,
    /// What the review said (评估意见)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A new review cycle from now on: 2y, 18m, 半年, 每2年
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
        let said = Confirm::Rule(Done::Reviewed {
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
