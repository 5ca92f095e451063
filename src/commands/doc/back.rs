//! `taizhang doc back`: a routed copy comes back (传阅收回).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Record that a routed copy came back from someone (传阅收回)
///
/// When every copy of a circulating info item is back, it is read (已阅); an
/// action item then waits to be assigned.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// Who returns the paper
    #[arg(long = "from", value_name = "NAME", value_parser = values::text)]
    pub from: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let from = args.from;
    update_incoming(ctx, &args.id, HistoryAction::Back, |doc, actor, _| {
        doc.bring_back(&from, actor.at).map_err(refused(&doc.id))?;
        let said = Confirm::Back {
            id: doc.id.clone(),
            from: from.clone(),
        };
        Ok(Outcome::new(Some(from), said))
    })
}
