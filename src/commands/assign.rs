//! `taizhang assign`: create a follow-up (督办事项).

use std::process::ExitCode;

use crate::commands::create;
use crate::commands::parts::BreakdownArgs;
use crate::commands::shared::{commit_message, finish_new, optional_text};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given, keyword};
use crate::error::{CoreError, Result};
use crate::i18n::tr;
use taizhang_core::model::followup::NewFollowup;
use taizhang_core::model::id::RecordRef;
use taizhang_core::model::keyword::{Feedback, Secrecy, Source};
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Create a follow-up (督办事项) with a lead unit and a deadline; prints the new ID alone",
        "新建督办事项，指定牵头单位和办结时限；只打印新编号",
    ),
    long_about = tr(
        "Create a follow-up (督办事项) with a lead unit and a deadline; prints the new ID alone.\n\n\
        With --from, the follow-up carries out a document (IN-…/OUT-…) or a meeting decision \
        (MT-2026-0003#2); both records are linked, and the follow-up inherits the source's secrecy \
        level.\n\n\
        With --parent, the new follow-up is a part (分解子项) of that matter: the matter cannot be \
        done while a part is open (unless done --with-parts). --milestone sets dated steps \
        (节点): one past its date and not done puts the follow-up behind schedule (序时进度滞后), \
        which remind shows in yellow.",
        "新建督办事项，指定牵头单位和办结时限；只打印新编号。\n\n\
        给了 --from，督办事项即落实一份公文（IN-…/OUT-…）或一项会议议定事项（MT-2026-0003#2）；两\
        条记录互相关联，督办事项沿用来源的密级。\n\n\
        给了 --parent，新事项是该事项的分解子项（任务分解）：所属事项办结前，各子项须先办结（或用 \
        done --with-parts 一并办结）。--milestone 设节点（节点督办）：节点过期未完成，即为序时进度滞\
        后，remind 以黄色提醒。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The matter to be done (督办事项)", "督办事项"))]
    #[arg(value_parser = values::title)]
    pub title: String,
    #[arg(help = tr("Lead unit (牵头单位)", "牵头单位"))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub lead: String,
    #[arg(help = tr("Deadline (办结时限): a date, +2w, fri …", "办结时限：日期、+2w、fri …"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub due: Given<DateExpr>,
    #[arg(help = tr("The person responsible (责任人)", "责任人"))]
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[arg(help = tr(
        "Supporting units (协办单位), comma-separated or repeated",
        "协办单位，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "UNIT")]
    pub support: Vec<String>,
    #[arg(help = tr(
        "Where it comes from: instruction, meeting, superior, document, key-task, proposal, public, \
        other (or 领导批示, 会议议定 …)",
        "来源：instruction、meeting、superior、document、key-task、proposal、public、other（或 领导\
        批示、会议议定 …）",
    ))]
    #[arg(long, value_parser = keyword::<Source>)]
    pub source: Option<Source>,
    #[arg(help = tr(
        "The document or meeting decision it carries out (IN-…, MT-…#n)",
        "所落实的公文或会议议定事项（IN-…、MT-…#n）",
    ))]
    #[arg(long = "from", value_name = "ID", value_parser = values::given())]
    pub from: Option<Given<String>>,
    #[arg(help = tr("The leader who assigned it (交办领导)", "交办领导"))]
    #[arg(long = "by-leader", value_name = "NAME")]
    pub by_leader: Option<String>,
    #[arg(help = tr("The leader in charge (分管领导)", "分管领导"))]
    #[arg(long, value_name = "NAME")]
    pub supervisor: Option<String>,
    #[arg(help = tr("What is required (办理要求)", "办理要求"))]
    #[arg(long, value_name = "TEXT")]
    pub requirement: Option<String>,
    #[arg(help = tr(
        "How often progress is owed: once, weekly, monthly, quarterly",
        "多久报一次进展：once（一次）、weekly（每周）、monthly（每月）、quarterly（每季）",
    ))]
    #[arg(long, value_parser = keyword::<Feedback>)]
    pub feedback: Option<Feedback>,
    #[arg(help = tr("Date assigned (交办日期) [default: today]", "交办日期（默认：今天）"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub assigned: Option<Given<DateExpr>>,
    #[arg(help = tr("Secrecy level, if higher than the source's", "密级，高于来源时才给"))]
    #[arg(long, value_parser = keyword::<Secrecy>)]
    pub secrecy: Option<Secrecy>,
    #[arg(help = tr("Notes (备注)", "备注"))]
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(help = tr(
        "A standing duty: week[:WEEKDAY], month[:DAY], quarter[:M-D] or year[:MM-DD]; the next \
        is made when one is done (see `recur`)",
        "重复督办：`week[:星期]`、`month[:日]`、`quarter[:M-D]` 或 `year[:MM-DD]`；办结一期即生成下一期（另见 \
        `recur`）",
    ))]
    #[arg(long, value_name = "RULE", value_parser = values::every)]
    pub every: Option<taizhang_core::model::repeat::Given>,
    #[command(flatten)]
    pub breakdown: BreakdownArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = args.title;
    let lead = ctx.unit(&register, &args.lead)?;
    let support = ctx.units(&register, &args.support)?;
    let assigned = ctx.opt_date(args.assigned.as_ref())?.unwrap_or(ctx.today);
    let due = ctx.date(&args.due)?;
    if due < assigned {
        return Err(CoreError::DueBeforeAssigned {
            due: due.to_string(),
            assigned: assigned.to_string(),
        }
        .into());
    }
    let breakdown = args.breakdown.read(ctx)?;
    let explicit_source = args.source;
    let feedback = args.feedback;
    let explicit_secrecy = args.secrecy;
    let source_ref = args
        .from
        .as_ref()
        .map(|given| {
            let text = &given.value;
            (RecordRef::parse(text, ctx.today.year()))
                .map(|reference| (reference, &given.flag))
                .ok_or_else(|| CoreError::BadId {
                    input: text.to_string(),
                })
        })
        .transpose()?;

    let mut tx = ctx.begin(&register)?;
    let parent = breakdown.parent(&register)?;
    let mut source_record = match &source_ref {
        Some((reference, flag)) => Some(create::load_source(&register, reference, flag)?),
        None => None,
    };
    let spec = NewFollowup {
        title,
        lead,
        support,
        owner: optional_text(args.owner),
        assigned,
        due,
        source: explicit_source,
        requirement: optional_text(args.requirement),
        assigned_by: optional_text(args.by_leader),
        supervisor: optional_text(args.supervisor),
        feedback,
        secrecy: explicit_secrecy,
        notes: optional_text(args.notes),
    };
    let source = (source_record.as_mut()).zip(source_ref.as_ref().map(|(reference, _)| reference));
    let shape = |fu: &mut _| breakdown.apply(fu, parent.as_ref());
    let mut record = create::followup_shaped(&mut tx, &register, &actor, spec, source, shape)?;
    if let (Some(every), Record::Followup(fu)) = (args.every, &mut record) {
        fu.every = Some(every.anchored(due));
        fu.series = Some(fu.id.clone());
        tx.save(&record)?;
    }
    finish_new(
        tx,
        &commit_message(&register, "assign", &record),
        &record.id().to_string(),
    )
}
