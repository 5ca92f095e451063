//! `taizhang verify`: a submitted follow-up is checked and closed (审核销号).

use std::process::ExitCode;

use crate::commands::parts::refuse_unclosed_parts;
use crate::commands::shared::{Outcome, refused, update_followup};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Verify a submitted follow-up and close it (销号)", "核验已报结的督办事项并销号"),
    long_about = tr(
        "Verify a submitted follow-up and close it (销号). A matter whose parts (分解子项) are \
        not all closed is refused, naming them: verify its parts first.",
        "核验已报结的督办事项并销号。所属分解子项尚未全部办结的事项不能销号，并列出这些子项：请先审核子项。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The follow-up", "督办事项"))]
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    update_followup(
        ctx,
        &args.id,
        HistoryAction::Verify,
        |fu, actor, register| {
            refuse_unclosed_parts(register, fu)?;
            fu.verify(actor.today(), &actor.by)
                .map_err(refused(&fu.id))?;
            let said = Confirm::Verified { id: fu.id.clone() };
            Ok(Outcome::new(None, said))
        },
    )
}
