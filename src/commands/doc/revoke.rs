//! `taizhang doc revoke`: void an outgoing document (撤销).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Revoke an outgoing document (撤销)", "撤销发文"),
    long_about = tr(
        "Revoke an outgoing document (撤销)\n\n\
        Its number (发文字号) stays recorded and is never given to another document. A paper it \
        replied to is no longer replied: it is done again, and its history says why.",
        "撤销发文\n\n\
        其发文字号仍留记录，决不再给别的发文。以本件答复的收文随之撤回答复，恢复为已办结，办理经过\
        中注明原因。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The outgoing document (OUT-…)", "发文（OUT-…）"))]
    pub id: String,
    #[arg(help = tr("Why (撤销理由)", "撤销理由"))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    super::answer::step(
        ctx,
        &args.id,
        HistoryAction::Revoke,
        "revoke",
        |doc, _, _| {
            doc.revoke().map_err(refused(&doc.id))?;
            let said = Confirm::Revoked {
                id: doc.id.clone(),
                number: doc.doc_number.clone(),
            };
            Ok(Outcome::new(Some(reason), said))
        },
    )
}
