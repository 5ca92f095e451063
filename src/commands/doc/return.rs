//! `taizhang doc return`: send a paper back to its sender (退文).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Return an incoming document to its sender after the first review (退文)",
        "初审后将收文退回来文机关（退文）",
    ),
    long_about = tr(
        "Return an incoming document to its sender after the first review (退文)\n\n\
        For a paper that should not have come here. Only a registered paper can be returned.",
        "初审后将收文退回来文机关（退文）\n\n\
        用于不应送到本机关的来文。只有已登记的收文才能退文。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("Why (退文理由)", "退文理由"))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    update_incoming(ctx, &args.id, HistoryAction::Return, |doc, _, _| {
        doc.send_back().map_err(refused(&doc.id))?;
        let said = Confirm::Returned { id: doc.id.clone() };
        Ok(Outcome::new(Some(reason), said))
    })
}
