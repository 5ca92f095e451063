//! `taizhang meeting decide`: record a decision (议定事项), and with a lead
//! unit and a due date, the follow-up that carries it out.

use std::process::ExitCode;

use jiff::civil::Date;

use super::not_a_meeting;
use crate::commands::create;
use crate::commands::shared::{commit_message, finish_new, optional_text, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{CoreError, Result};
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::followup::NewFollowup;
use taizhang_core::model::id::RecordRef;
use taizhang_core::model::keyword::Source;
use taizhang_core::model::meeting::NewDecision;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Record a decision (议定事项) of a meeting that was held", "登记已召开会议的议定事项"),
    long_about = tr(
        "Record a decision (议定事项) of a meeting that was held\n\n\
        Decisions are numbered #1, #2 … With --lead and --due it also becomes a follow-up (督办事\
        项, source: meeting, source_ref: MT-…#n), linked both ways in the same commit; its ID is \
        printed. Without them the decision (MT-…#n) is printed. The follow-up is assigned on the \
        day of the meeting, or today if later, and carries --support as its support units.",
        "登记已召开会议的议定事项\n\n\
        议定事项依次编为 #1、#2 …。给了 --lead 和 --due，它同时成为一项督办事项（来源：会议议定，\
        来源编号：MT-…#n），在同一次提交中互相关联，并打印督办事项的编号；否则打印议定事项（MT-…#n\
        ）。督办事项的交办日期为会议召开之日（如今天更晚则为今天），--support 即其协办单位。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The meeting (MT-…)", "会议（MT-…）"))]
    pub id: String,
    #[arg(help = tr("The decision, as minuted", "议定事项，照纪要原文"))]
    #[arg(value_parser = values::given_text())]
    pub text: Given<String>,
    #[arg(help = tr("Lead unit (牵头单位); needs --due", "牵头单位；须同时给 --due"))]
    #[arg(long, value_name = "UNIT", requires = "due", value_parser = values::text)]
    pub lead: Option<String>,
    #[arg(help = tr("Deadline (办结时限); needs --lead", "办结时限；须同时给 --lead"))]
    #[arg(long, value_name = "DATE", requires = "lead", value_parser = values::date(), allow_hyphen_values = true)]
    pub due: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Support units (协办单位), comma-separated or repeated; needs --lead",
        "协办单位，用逗号分隔或重复给出；须同时给 --lead",
    ))]
    #[arg(long, value_name = "UNIT", requires = "lead")]
    pub support: Vec<String>,
    #[arg(help = tr("The person responsible (责任人); needs --lead", "责任人；须同时给 --lead"))]
    #[arg(long, value_name = "NAME", requires = "lead")]
    pub owner: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let id = ctx.id(&args.id)?;
    let Given { flag, value: text } = args.text;
    let lead = args
        .lead
        .as_deref()
        .map(|u| ctx.unit(&register, u))
        .transpose()?;
    let support = ctx.units(&register, &args.support)?;
    let due = ctx.opt_date(args.due.as_ref())?;
    if lead.is_some() {
        // The decision becomes a follow-up's title.
        values::title(&text).map_err(|bad| bad.at(flag))?;
    }
    refuse_due_before(due, ctx.today)?;

    let mut tx = ctx.begin(&register)?;
    let mut record = store::load_one(&register, &id)?;
    let Record::Meeting(meeting) = &mut record else {
        return Err(not_a_meeting("decide", id.to_string()));
    };
    // Never assigned before the meeting that decided it.
    let assigned = meeting.assigns_on(ctx.today);
    refuse_due_before(due, assigned)?;
    let decision = NewDecision {
        text: text.clone(),
        lead: lead.clone(),
        support: support.clone(),
        due,
    };
    let n = meeting.decide(decision).map_err(refused(&meeting.id))?;
    let reference = RecordRef {
        id: id.clone(),
        item: Some(n),
    };
    record.push_history(actor.entry(HistoryAction::Decide, Some(format!("#{n} {text}"))));
    let followup = match (lead, due) {
        (Some(lead), Some(due)) => {
            let spec = NewFollowup {
                title: text,
                lead,
                support,
                owner: optional_text(args.owner),
                assigned,
                due,
                source: Some(Source::Meeting),
                requirement: None,
                assigned_by: None,
                supervisor: None,
                feedback: None,
                secrecy: None,
                notes: None,
            };
            Some(create::followup(
                &mut tx,
                &register,
                &actor,
                spec,
                Some((&mut record, &reference)),
            )?)
        }
        _ => {
            tx.save(&record)?;
            None
        }
    };
    let printed = followup
        .as_ref()
        .map_or(reference.to_string(), |f| f.id().to_string());
    finish_new(tx, &commit_message(&register, "decide", &record), &printed)
}

/// A deadline before the day its follow-up would be assigned is refused.
fn refuse_due_before(due: Option<Date>, assigned: Date) -> Result<()> {
    match due {
        Some(due) if due < assigned => Err(CoreError::DueBeforeAssigned {
            due: due.to_string(),
            assigned: assigned.to_string(),
        }
        .into()),
        _ => Ok(()),
    }
}
