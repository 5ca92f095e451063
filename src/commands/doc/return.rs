//! `taizhang doc return`: send a paper back to its sender (退文).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Return an incoming document to its sender after the first review (退文)
///
/// For a paper that should not have come here. Only a registered paper can
/// be returned.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// Why (退文理由)
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
