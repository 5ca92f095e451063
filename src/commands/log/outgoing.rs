//! `taizhang log out`: register an outgoing document (发文登记) and give it
//! its number (发文字号).

use std::process::ExitCode;

use crate::commands::doc::answer;
use crate::commands::shared::{commit_message, confirm, finish_new, optional_text};
use crate::context::values::{self, DateExpr, Given, keyword};
use crate::context::{Ctx, split_list};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::outgoing::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::common::check_secrecy_term;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{Direction, Disclosure, DocType, Secrecy, Urgency};
use taizhang_core::model::kind::Kind;
use taizhang_core::model::outgoing::{OutStatus, Outgoing, doc_number};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Change, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Register an outgoing document (发文登记); prints the new ID alone",
        "发文登记；只打印新编号",
    ),
    long_about = tr(
        "Register an outgoing document (发文登记); prints the new ID alone.\n\n\
        The document number (发文字号) comes from the series in taizhang.toml: issuer code, year \
        in 〔〕, the next number of that series and year. Numbers are never reused, even for \
        revoked documents.\n\n\
        --countersign names the units that must countersign (会签) before signature. A register \
        that requires review (outgoing.require_review), or a document naming such units, is not \
        signed at registration (--signed): register the draft, then doc review, doc \
        countersign, doc sign. --reply-to names the paper it answers, which is replied once this \
        document is signed (or issued, where the register records issuing), with one history \
        entry.",
        "发文登记；只打印新编号。\n\n\
        发文字号按 taizhang.toml 中的字号系列生成：机关代字、〔年份〕、该系列当年的下一个序号。字\
        号决不重复使用，已撤销的发文也一样。\n\n\
        --countersign 列出签发前须会签的单位；台账要求核稿（outgoing.require_review）或列有会签单\
        位的，不能在登记时就签发（--signed）：先登记文稿，再 doc review、doc countersign、doc \
        sign。--reply-to 指明所答复的收文：本件签发后（台账登记印发的，印发后）该收文即为已答复，\
        办理经过只记一次。",
    ),
)]
pub struct Args {
    #[arg(help = tr("Title (标题)", "标题"))]
    #[arg(long, value_parser = values::title)]
    pub title: String,
    #[arg(help = tr(
        "Main addressees (主送), comma-separated or repeated",
        "主送，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "ORG", required = true, value_parser = values::names)]
    pub to: Vec<String>,
    #[arg(help = tr(
        "Copied to (抄送), comma-separated or repeated",
        "抄送，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "ORG")]
    pub cc: Vec<String>,
    #[arg(help = tr(
        "The number series (its name or issuer code) [default: the first in taizhang.toml]",
        "字号系列（名称或机关代字）（默认：taizhang.toml 中的第一个）",
    ))]
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    #[arg(help = tr(
        "Document type (文种): notice/通知, reply/批复, letter/函 …",
        "文种：notice/通知、reply/批复、letter/函 …",
    ))]
    #[arg(long = "type", value_name = "TYPE", value_parser = keyword::<DocType>)]
    pub doc_type: Option<DocType>,
    #[arg(help = tr(
        "upward (上行, needs --signer), parallel (平行), downward (下行)",
        "upward（上行，须给 --signer）、parallel（平行）、downward（下行）",
    ))]
    #[arg(long, value_parser = keyword::<Direction>)]
    pub direction: Option<Direction>,
    #[arg(help = tr(
        "Units that must countersign (会签) before it is signed, comma-separated or repeated",
        "签发前须会签的单位，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "UNIT")]
    pub countersign: Vec<String>,
    #[arg(help = tr("Who signed it off (签发人)", "签发人"))]
    #[arg(long, value_name = "NAME")]
    pub signer: Option<String>,
    #[arg(help = tr(
        "Date of signing (成文日期); marks the document signed",
        "成文日期；同时标为已签发",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub signed: Option<Given<DateExpr>>,
    #[arg(help = tr("Drafter (拟稿人)", "拟稿人"))]
    #[arg(long, value_name = "NAME")]
    pub drafter: Option<String>,
    #[arg(help = tr("Drafting unit (拟稿单位)", "拟稿单位"))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub drafting_unit: Option<String>,
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
        "public, on-request, not-public (公开属性)",
        "公开属性：public（主动公开）、on-request（依申请公开）、not-public（不予公开）",
    ))]
    #[arg(long, value_parser = keyword::<Disclosure>)]
    pub disclosure: Option<Disclosure>,
    #[arg(help = tr("Copies printed (印数)", "印数"))]
    #[arg(long, value_name = "N")]
    pub copies: Option<u32>,
    #[arg(help = tr(
        "The incoming document this answers; it is replied once this is signed (or issued, \
        where the register records issuing)",
        "本件答复的收文；本件签发后（台账登记印发的，印发后）该收文即为已答复",
    ))]
    #[arg(long, value_name = "IN-ID", value_parser = values::given())]
    pub reply_to: Option<Given<String>>,
    #[arg(help = tr("Notes (备注)", "备注"))]
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = args.title;
    // Required, and each `--to` names someone (`values::names`).
    let to = split_list(&args.to);
    let series = register
        .config
        .series(args.series.as_deref())
        .cloned()
        .ok_or_else(|| match &args.series {
            Some(name) => CoreError::UnknownSeries {
                input: name.clone(),
                known: register
                    .config
                    .series
                    .iter()
                    .map(|s| s.name.clone())
                    .collect(),
            },
            None => CoreError::NoSeries,
        })?;
    let direction = args.direction;
    let signer = optional_text(args.signer);
    if direction == Some(Direction::Upward) && signer.is_none() {
        return Err(CoreError::SignerRequired.into());
    }
    let signed = ctx.opt_date(args.signed.as_ref())?;
    // Nothing is signed in the future, as nothing is received there: a
    // later date would draw its 发文字号 from a year to come.
    if let (Some(date), Some(given)) = (signed, &args.signed)
        && date > ctx.today
    {
        return Err(Error::SignedInFuture {
            flag: given.flag.clone(),
            date: date.to_string(),
            today: ctx.today.to_string(),
        });
    }
    let secrecy: Secrecy = args.secrecy.unwrap_or_default();
    if let Some(term) = &args.secrecy_term
        && let Some(problem) = check_secrecy_term(term, secrecy.max_term_years())
    {
        return Err(CoreError::BadSecrecyTerm(problem).into());
    }
    let urgency: Urgency = args.urgency.unwrap_or_default();
    let doc_type = args.doc_type;
    let disclosure = args.disclosure;
    let drafting_unit = args
        .drafting_unit
        .as_deref()
        .map(|u| ctx.unit(&register, u))
        .transpose()?;
    let countersign = ctx.units(&register, &args.countersign)?;
    if let Some(given) = &args.signed {
        refuse_signature(&register, &given.flag, &countersign)?;
    }
    let reply_to = (args.reply_to.as_ref())
        .map(|given| ctx.id(&given.value).map(|id| (id, &given.flag)))
        .transpose()?;

    let mut tx = ctx.begin(&register)?;
    let answered = match &reply_to {
        Some((target, flag)) => Some(load_incoming(&tx, target, flag)?),
        None => None,
    };
    let reply_to = reply_to.map(|(id, _)| id);
    // The paper's links, dangling or not, are never handed out again.
    if let Some(answered) = &answered {
        tx.refers(answered);
    }
    let id = tx.allocate(register.config.prefix(Kind::Outgoing), ctx.today.year())?;
    let number_year = signed.unwrap_or(ctx.today).year();
    let seq = store::numbering::next_number(&register, &series.issuer, number_year)?;
    let outgoing = Outgoing {
        id,
        title,
        status: if signed.is_some() {
            OutStatus::Signed
        } else {
            OutStatus::Draft
        },
        doc_number: doc_number(&series.issuer, number_year, seq),
        series: Some(series.name.clone()),
        doc_type,
        direction,
        to,
        cc: split_list(&args.cc),
        drafter: optional_text(args.drafter).or_else(|| Some(actor.by.clone())),
        drafting_unit,
        review: None,
        countersign,
        countersigned: Vec::new(),
        signer,
        signed,
        printed: None,
        print_copies: args.copies,
        urgency,
        secrecy,
        secrecy_term: optional_text(args.secrecy_term),
        disclosure,
        in_reply_to: reply_to,
        followups: Vec::new(),
        archive: None,
        attachments: Vec::new(),
        notes: optional_text(args.notes),
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Log, None)],
        extra: Default::default(),
    };
    // The paper is replied once this document goes out: now, when it is
    // signed in a register that does not record issuing.
    let track = register.config.outgoing.track_issuing;
    let said = match &answered {
        Some(_) if outgoing.is_sent(track) => {
            let on = answer::sent_on(&outgoing, track, ctx.today);
            answer::sent(&register, &outgoing, on, &actor)?.map(|(paper, said)| (Some(paper), said))
        }
        Some(paper) => Some((
            None,
            Confirm::Outgoing(Done::ReplyPending {
                paper: paper.id().clone(),
                out: outgoing.id.clone(),
                issued: track,
            }),
        )),
        None => None,
    };
    let record = Record::Outgoing(Box::new(outgoing));
    if let Some((Some(paper), _)) = &said {
        tx.save(paper)?;
    }
    tx.save(&record)?;
    let id = record.id().to_string();
    let done = finish_new(tx, &commit_message(&register, "log", &record), &id)?;
    if let Some((_, said)) = &said {
        confirm(ctx, said);
    }
    Ok(done)
}

/// Refuses `--signed` where the register wants a 核稿 or the named units'
/// 会签 before signature: a document only now registered has neither.
fn refuse_signature(register: &Register, flag: &Flag, countersign: &[String]) -> Result<()> {
    let unreviewed = register.config.outgoing.require_review;
    if unreviewed || !countersign.is_empty() {
        return Err(Error::SignedTooSoon {
            flag: flag.clone(),
            unreviewed,
            units: countersign.to_vec(),
        });
    }
    Ok(())
}

/// The paper named by `--reply-to`: in the register, incoming, and not
/// archived (its reply could never be recorded on it).
fn load_incoming(tx: &Change, id: &Id, flag: &Flag) -> Result<Record> {
    let record = tx.load(id).map_err(|e| match e {
        CoreError::NotFound { .. } => Error::Dangling {
            flag: flag.clone(),
            target: id.to_string(),
        },
        other => other.into(),
    })?;
    match record {
        Record::Incoming(_) => Ok(record),
        _ => Err(Error::WrongKind {
            flag: flag.clone(),
            target: id.to_string(),
            expected: taizhang_core::model::kind::Expected::Incoming,
        }),
    }
}
