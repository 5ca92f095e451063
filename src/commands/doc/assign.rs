//! `taizhang doc assign`: give an action item to a lead unit (承办).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{CoreError, Error, Result};
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::incoming::assign_note;
use taizhang_core::model::keyword::{Handling, Urgency};

/// Assign an incoming action item to a lead unit (主办) with supporting units
/// (协办) and a deadline (办理时限)
///
/// Needed before `doc done`. Assigning again, before any follow-up, replaces
/// the units; a new --deadline replaces the old one, and the history keeps
/// both (old → new).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// Lead unit (主办单位)
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub lead: String,
    /// Supporting units (协办单位), comma-separated or repeated
    #[arg(long, value_name = "UNIT")]
    pub support: Vec<String>,
    /// Handling deadline (办理时限) [default: the one given at registration]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub deadline: Option<Given<DateExpr>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let lead = ctx.unit(&register, &args.lead)?;
    let support = ctx.units(&register, &args.support)?;
    let deadline = ctx.opt_date(args.deadline.as_ref())?;
    let flag = args.deadline.map(|given| given.flag);
    update_incoming(ctx, &args.id, HistoryAction::Assign, |doc, _, _| {
        if doc.handling == Handling::Action
            && doc.urgency != Urgency::Normal
            && deadline.is_none()
            && doc.deadline.is_none()
        {
            return Err(CoreError::DeadlineRequired.into());
        }
        if let Some(deadline) = deadline
            && let Some(flag) = flag
            && doc.deadline_before_received(deadline)
        {
            return Err(Error::DeadlineBeforeReceived {
                flag,
                deadline,
                received: doc.received.date(),
            });
        }
        let old = doc.deadline;
        doc.assign(lead.clone(), support, deadline)
            .map_err(refused(&doc.id))?;
        let note = assign_note(&lead, old, doc.deadline);
        let said = Confirm::Assigned {
            id: doc.id.clone(),
            lead,
            deadline: doc.deadline,
        };
        Ok(Outcome::new(Some(note), said))
    })
}
