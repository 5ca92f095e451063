//! `taizhang log in`: register an incoming document (收文登记).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::commands::shared::{commit_message, finish_new, optional_text};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given, WhenExpr, keyword};
use crate::error::{CoreError, Error, Result};
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::common::check_secrecy_term;
use taizhang_core::model::date::When;
use taizhang_core::model::docnum;
use taizhang_core::model::incoming::{InStatus, Incoming};
use taizhang_core::model::keyword::{Channel, DocType, Handling, Secrecy, Urgency};
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Register an incoming document (收文登记); prints the new ID alone",
        "收文登记；只打印新编号",
    ),
    long_about = tr(
        "Register an incoming document (收文登记); prints the new ID alone.\n\n\
        With --lead the paper is registered as already assigned to that unit. Urgent and very \
        urgent action items need --deadline.",
        "收文登记；只打印新编号。\n\n\
        给了 --lead，登记时即视为已交该单位主办。加急、特急的办件须给 --deadline。",
    ),
)]
pub struct Args {
    #[arg(help = tr("Title (标题)", "标题"))]
    #[arg(long, value_parser = values::title)]
    pub title: String,
    #[arg(help = tr("Sending organisation (来文机关)", "来文机关"))]
    #[arg(long = "from", value_name = "ORG", value_parser = values::text)]
    pub sender: String,
    #[arg(help = tr(
        "The sender's document number (来文字号), e.g. 省交发〔2026〕8号",
        "来文字号，如 省交发〔2026〕8号",
    ))]
    #[arg(long = "ref", value_name = "文号")]
    pub sender_ref: Option<String>,
    #[arg(help = tr(
        "When it was received (签收时间): a date, or YYYY-MM-DD HH:MM [default: now]",
        "签收时间：日期，或 YYYY-MM-DD HH:MM（默认：现在）",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::when(), allow_hyphen_values = true)]
    pub received: Option<Given<WhenExpr>>,
    #[arg(help = tr("Who signed for it (签收人) [default: who acts]", "签收人（默认：办理人）"))]
    #[arg(long, value_name = "NAME")]
    pub received_by: Option<String>,
    #[arg(help = tr(
        "Document type (文种): notice/通知, request/请示, letter/函 …",
        "文种：notice/通知、request/请示、letter/函 …",
    ))]
    #[arg(long = "type", value_name = "TYPE", value_parser = keyword::<DocType>)]
    pub doc_type: Option<DocType>,
    #[arg(help = tr(
        "How it came: paper, electronic, confidential-courier, fax, telegram",
        "来文方式：paper（纸质）、electronic（电子）、confidential-courier（机要）、fax（传真）、\
        telegram（电报）",
    ))]
    #[arg(long, value_parser = keyword::<Channel>)]
    pub channel: Option<Channel>,
    #[arg(help = tr(
        "normal, urgent (加急), very-urgent (特急)",
        "normal（普通）、urgent（加急）、very-urgent（特急）",
    ))]
    #[arg(long, value_parser = keyword::<Urgency>)]
    pub urgency: Option<Urgency>,
    #[arg(help = tr(
        "none, secret (秘密), highly-secret (机密), top-secret (绝密)",
        "none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ))]
    #[arg(long, value_parser = keyword::<Secrecy>)]
    pub secrecy: Option<Secrecy>,
    #[arg(help = tr("Secrecy term (保密期限), e.g. 10y or 6m", "保密期限，如 10y 或 6m"))]
    #[arg(long, value_name = "TERM")]
    pub secrecy_term: Option<String>,
    #[arg(help = tr(
        "Restricted distribution (内部), not a secrecy level",
        "内部（限定发放范围），不是密级",
    ))]
    #[arg(long)]
    pub internal: bool,
    #[arg(help = tr(
        "action (办件) or info (阅件) [default: action]",
        "action（办件）或 info（阅件）（默认：action）",
    ))]
    #[arg(long, value_parser = keyword::<Handling>)]
    pub handling: Option<Handling>,
    #[arg(help = tr("Handling deadline (办理时限)", "办理时限"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub deadline: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Lead unit (主办单位): registers the paper as assigned",
        "主办单位：登记时即视为已交办",
    ))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub lead: Option<String>,
    #[arg(help = tr(
        "Supporting units (协办单位), comma-separated or repeated",
        "协办单位，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "UNIT")]
    pub support: Vec<String>,
    #[arg(help = tr("Number of copies (份数) [default: 1]", "份数（默认：1）"))]
    #[arg(long, value_name = "N")]
    pub copies: Option<u32>,
    #[arg(help = tr("Number of pages (页数)", "页数"))]
    #[arg(long, value_name = "N")]
    pub pages: Option<u32>,
    #[arg(help = tr(
        "Attach a file (copied into attachments/ID/)",
        "附上一个文件（复制到 attachments/编号/ 下）",
    ))]
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    #[arg(help = tr("Notes (备注)", "备注"))]
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = args.title;
    let sender = args.sender;
    let received = match &args.received {
        Some(given) => ctx.when(given)?,
        None => When::Moment(actor.at),
    };
    // Nothing is received in the future: a later date is a typo (2027 for
    // 2026) that would hide the paper from this year's figures.
    if let Some(given) = &args.received
        && received.date() > ctx.today
    {
        return Err(Error::ReceivedInFuture {
            flag: given.flag.clone(),
            date: received.date().to_string(),
            today: ctx.today.to_string(),
        });
    }
    let urgency: Urgency = args.urgency.unwrap_or_default();
    let secrecy: Secrecy = args.secrecy.unwrap_or_default();
    let handling: Handling = args.handling.unwrap_or(Handling::Action);
    let deadline = ctx.opt_date(args.deadline.as_ref())?;
    if let Some(deadline) = deadline
        && let Some(given) = &args.deadline
        && deadline < received.date()
    {
        return Err(Error::DeadlineBeforeReceived {
            flag: given.flag.clone(),
            deadline,
            received: received.date(),
        });
    }
    if handling == Handling::Action && urgency != Urgency::Normal && deadline.is_none() {
        return Err(CoreError::DeadlineRequired.into());
    }
    if let Some(term) = &args.secrecy_term
        && let Some(problem) = check_secrecy_term(term, secrecy.max_term_years())
    {
        return Err(CoreError::BadSecrecyTerm(problem).into());
    }
    if !args.attach.is_empty() && secrecy >= Secrecy::HighlySecret {
        return Err(CoreError::AttachmentRefused { level: secrecy }.into());
    }
    let lead = args
        .lead
        .as_deref()
        .map(|u| ctx.unit(&register, u))
        .transpose()?;
    let support = ctx.units(&register, &args.support)?;
    let status = if lead.is_some() && handling == Handling::Action {
        InStatus::Assigned
    } else {
        InStatus::Registered
    };
    let doc_type = args.doc_type;
    let channel = args.channel;
    let sources: Vec<PathBuf> = args.attach.iter().map(|f| ctx.cwd.join(f)).collect();

    let mut tx = ctx.begin(&register)?;
    let id = tx.allocate(register.config.prefix(Kind::Incoming), ctx.today.year())?;
    let attachments = tx.attach_all(&id, &sources)?;
    let incoming = Incoming {
        id,
        title,
        status,
        sender,
        // The number as the register writes it (`model::docnum`), so that
        // search and `check` compare it however it was typed.
        sender_ref: optional_text(args.sender_ref).map(|r| docnum::normalize(&r)),
        doc_type,
        received,
        received_by: optional_text(args.received_by).or_else(|| Some(actor.by.clone())),
        channel,
        urgency,
        secrecy,
        secrecy_term: optional_text(args.secrecy_term),
        internal: args.internal,
        copies: args.copies.unwrap_or(1),
        pages: args.pages,
        handling,
        proposal: None,
        instructions: Vec::new(),
        lead,
        support,
        deadline,
        circulation: Vec::new(),
        result: None,
        completed: None,
        reply: None,
        followups: Vec::new(),
        archive: None,
        attachments,
        notes: optional_text(args.notes),
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Log, None)],
        extra: Default::default(),
    };
    let record = Record::Incoming(Box::new(incoming));
    tx.save(&record)?;
    let id = record.id().to_string();
    finish_new(tx, &commit_message(&register, "log", &record), &id)
}
