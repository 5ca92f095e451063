//! `taizhang extend`: move a follow-up's deadline (延期).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, optional_text, refused, update_followup};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::followup::Extension;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Extend a follow-up's deadline. The new date must be later than the one in force; every \
        extension is kept",
        "督办事项延期。新期限须晚于现行期限；每次延期都留有记录",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
    #[arg(help = tr("The new deadline", "新的期限"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub to: Given<DateExpr>,
    #[arg(help = tr("Why (延期理由)", "延期理由"))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    #[arg(help = tr("Who approved it (批准人)", "批准人"))]
    #[arg(long, value_name = "NAME")]
    pub approved_by: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let to = ctx.date(&args.to)?;
    let reason = args.reason;
    let approved_by = optional_text(args.approved_by);
    update_followup(ctx, &args.id, HistoryAction::Extend, |fu, actor, _| {
        let from = fu.effective_due();
        let extension = Extension {
            from,
            to,
            reason: reason.clone(),
            approved_by,
            on: actor.today(),
        };
        fu.extend(extension).map_err(refused(&fu.id))?;
        let said = Confirm::Extended {
            id: fu.id.clone(),
            to,
        };
        Ok(Outcome::new(Some(format!("{from} → {to}: {reason}")), said))
    })
}
