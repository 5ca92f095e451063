//! `taizhang doc issue`: an outgoing document is printed and sent (核发/印发).

use std::process::ExitCode;

use super::update_outgoing;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Issue a signed outgoing document (核发/印发)
///
/// It is printed (印发日期 today, or --on) and sent. A draft needs its
/// signing date (--signed).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The outgoing document (OUT-…)
    pub id: String,
    /// Date printed (印发日期) [default: today]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Option<Given<DateExpr>>,
    /// Date signed (成文日期), for a document registered as a draft
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub signed: Option<Given<DateExpr>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let on = ctx.opt_date(args.on.as_ref())?.unwrap_or(ctx.today);
    let signed = ctx.opt_date(args.signed.as_ref())?;
    update_outgoing(ctx, &args.id, HistoryAction::Issue, |doc, _, _| {
        doc.issue(on, signed).map_err(refused(&doc.id))?;
        let said = Confirm::Issued {
            id: doc.id.clone(),
            number: doc.doc_number.clone(),
        };
        Ok(Outcome::new(None, said))
    })
}
