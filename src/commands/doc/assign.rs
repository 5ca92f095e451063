//! `taizhang doc assign`: give an action item to a lead unit (承办).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{CoreError, Error, Result};
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::incoming::assign_note;
use taizhang_core::model::keyword::{Handling, Urgency};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Assign an incoming action item to a lead unit (主办) with supporting units (协办) and a \
        deadline (办理时限)",
        "将收文办件交主办单位办理，并指定协办单位和办理时限",
    ),
    long_about = tr(
        "Assign an incoming action item to a lead unit (主办) with supporting units (协办) and a \
        deadline (办理时限)\n\n\
        Needed before `doc done`. Assigning again, before any follow-up, replaces the units; a new \
        --deadline replaces the old one, and the history keeps both (old → new).",
        "将收文办件交主办单位办理，并指定协办单位和办理时限\n\n\
        `doc done` 之前必须交办。尚未有督办事项时再次交办即更换单位；新的 --deadline 取代旧期限，\
        办理经过保留新旧两者（旧 → 新）。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("Lead unit (主办单位)", "主办单位"))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub lead: String,
    #[arg(help = tr(
        "Supporting units (协办单位), comma-separated or repeated",
        "协办单位，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "UNIT")]
    pub support: Vec<String>,
    #[arg(help = tr(
        "Handling deadline (办理时限) [default: the one given at registration]",
        "办理时限（默认：登记时给的）",
    ))]
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
