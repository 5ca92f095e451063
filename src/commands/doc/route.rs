//! `taizhang doc route`: send the paper to someone to read (传阅).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;

/// Route an incoming document to someone (传阅), usually a leader for reading or
/// instructions
///
/// Allowed at any step before it is done; refused while that person still holds
/// a copy.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// Who receives the paper
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub to: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let to = args.to;
    update_incoming(ctx, &args.id, HistoryAction::Route, |doc, actor, _| {
        doc.route(&to, actor.at).map_err(refused(&doc.id))?;
        let said = Confirm::Routed {
            id: doc.id.clone(),
            to: to.clone(),
        };
        Ok(Outcome::new(Some(to), said))
    })
}
