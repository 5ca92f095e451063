//! `taizhang chase`: record a chase (催办).

use std::process::ExitCode;

use crate::commands::shared::{refused, update_followup};
use crate::context::Ctx;
use crate::error::Result;
use crate::model::common::HistoryAction;
use crate::model::followup::Chase;
use crate::model::keyword::Keyword;

/// Record that a follow-up was chased (催办). The level follows the
/// 三色督办 practice: blue before the deadline, yellow on the day, red
/// when overdue.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The follow-up
    pub id: String,
    /// How: phone, notice (催办单), meeting, in-person, …
    #[arg(long, default_value = "notice")]
    pub via: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let via = args.via.trim().to_string();
    update_followup(ctx, &args.id, HistoryAction::Chase, |fu, actor, _| {
        let level = fu.chase_level(actor.today());
        let chase = Chase {
            on: actor.today(),
            by: actor.by.clone(),
            via: via.clone(),
            level,
        };
        fu.chase(chase).map_err(refused(&fu.id))?;
        Ok(Some(format!("{via} ({})", level.keyword())))
    })
}
