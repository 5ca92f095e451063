//! `taizhang doc revoke`: void an outgoing document (撤销).

use std::process::ExitCode;

use super::update_outgoing;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Revoke an outgoing document (撤销)
///
/// Its number (发文字号) stays recorded and is never given to another document.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The outgoing document (OUT-…)
    pub id: String,
    /// Why (撤销理由)
    #[arg(long, value_parser = values::text)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let reason = args.reason;
    update_outgoing(ctx, &args.id, HistoryAction::Revoke, |doc, _, _| {
        doc.revoke().map_err(refused(&doc.id))?;
        let said = Confirm::Revoked {
            id: doc.id.clone(),
            number: doc.doc_number.clone(),
        };
        Ok(Outcome::new(Some(reason), said))
    })
}
