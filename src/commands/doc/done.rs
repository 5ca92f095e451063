//! `taizhang doc done`: an incoming action item is finished (办结).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Mark an incoming action item done (办结)", "收文办件办结"),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("What was done (办理结果)", "办理结果"))]
    #[arg(long, value_name = "TEXT")]
    pub result: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let result = optional_text(args.result);
    update_incoming(ctx, &args.id, HistoryAction::Done, |doc, actor, _| {
        doc.finish(actor.today(), result.clone())
            .map_err(refused(&doc.id))?;
        let said = Confirm::DocDone { id: doc.id.clone() };
        Ok(Outcome::new(result, said))
    })
}
