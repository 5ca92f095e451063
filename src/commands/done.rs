//! `taizhang done`: a follow-up is finished (办结, or 报结 where the
//! register verifies).

use std::process::ExitCode;

use crate::commands::parts::finish_parts;
use crate::commands::repeat;
use crate::commands::shared::{Outcome, optional_text, refused, update_in};
use crate::context::Ctx;
use crate::error::Result;
use crate::error::{Error, Flag};
use crate::i18n::Confirm;
use crate::i18n::followup::Done;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Mark a follow-up done. It is closed (销号) at once, unless the register sets \
        followups.verify = true: then it is submitted (报结) and `verify` closes it",
        "督办事项办结。立即销号；若台账设置了 followups.verify = true，则为报结，由 `verify` 销号",
    ),
    long_about = tr(
        "Mark a follow-up done. It is closed (销号) at once, unless the register sets \
        followups.verify = true: then it is submitted (报结) and `verify` closes it.\n\n\
        A matter whose parts (分解子项) are still being worked on is refused, naming them; \
        --with-parts finishes them with it, in the same commit.",
        "督办事项办结。立即销号；若台账设置了 followups.verify = true，则为报结，由 `verify` 销号。\n\n\
        所属分解子项尚未办结的事项不能办结，并列出这些子项；加 --with-parts 则一并办结，同一次提交。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
    #[arg(help = tr("The outcome report (办理结果)", "办理结果"))]
    #[arg(long, value_name = "TEXT")]
    pub report: Option<String>,
    #[arg(help = tr(
        "Close the matter's open parts (分解子项) with it; without this, open parts refuse it",
        "所属分解子项未办结的一并办结；不加此项时，有未办结的子项即不能办结",
    ))]
    #[arg(long)]
    pub with_parts: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let report = optional_text(args.report);
    update_in(
        ctx,
        &args.id,
        HistoryAction::Done,
        |record, actor, register, tx| {
            let Record::Followup(fu) = record else {
                return Err(Error::WrongKind {
                    flag: Flag::command("done"),
                    target: record.id().to_string(),
                    expected: Expected::Followup,
                });
            };
            let verify = register.config.followups.verify;
            fu.finish(actor.today(), &actor.by, report.clone(), verify)
                .map_err(refused(&fu.id))?;
            let parts = finish_parts(tx, register, actor, fu, args.with_parts)?;
            let said = match parts {
                0 => Confirm::FollowupDone {
                    id: fu.id.clone(),
                    status: fu.status,
                },
                parts => Confirm::Breakdown(Done::ClosedWithParts {
                    id: fu.id.clone(),
                    status: fu.status,
                    parts,
                }),
            };
            Ok(Outcome::new(report, said).then(repeat::next))
        },
    )
}
