//! `taizhang doc reply`: record how a finished paper was answered (答复).

use std::process::ExitCode;

use super::wrong_kind;
use crate::commands::shared::{commit_message, confirm, refused};
use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::id::Id;
use taizhang_core::model::incoming::Reply;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record how a finished incoming action item was answered (答复)",
        "记录已办结的收文办件如何答复",
    ),
    long_about = tr(
        "Record how a finished incoming action item was answered (答复)\n\n\
        --via says how (document, phone, letter, meeting …); for a formal reply, --ref names the \
        outgoing document, which is then linked back.",
        "记录已办结的收文办件如何答复\n\n\
        --via 写答复方式（公文、电话、函、会议 …）；正式复文用 --ref 指明那份发文，发文随即关联回\
        本件。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr(
        "How the sender was answered (答复方式): document, phone, letter …",
        "答复方式：document（公文）、phone（电话）、letter（函）…",
    ))]
    #[arg(long, value_name = "WAY", value_parser = values::text)]
    pub via: String,
    #[arg(help = tr(
        "The outgoing reply (复文), which is linked back to this paper",
        "复文（发文），随即关联回本件",
    ))]
    #[arg(long = "ref", value_name = "OUT-ID", value_parser = values::given())]
    pub reference: Option<Given<String>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let via = args.via;
    let reference = (args.reference.as_ref())
        .map(|given| ctx.id(&given.value).map(|id| (id, &given.flag)))
        .transpose()?;
    let actor = ctx.actor(&register);

    let mut tx = ctx.begin(&register)?;
    let mut record = tx.load(&id)?;
    let Record::Incoming(doc) = &mut record else {
        return Err(wrong_kind(
            "reply",
            id.to_string(),
            taizhang_core::model::kind::Expected::Incoming,
        ));
    };
    let mut answer = match &reference {
        Some((out, flag)) => Some(load_reply(&register, out, flag, &doc.id)?),
        None => None,
    };
    let reference = reference.map(|(out, _)| out);
    doc.answer(Reply {
        on: actor.today(),
        via: via.clone(),
        reference: reference.clone(),
    })
    .map_err(refused(&doc.id))?;
    let said = Confirm::Replied {
        id: id.clone(),
        via: via.clone(),
    };
    let note = match &reference {
        Some(out) => format!("{via}, {out}"),
        None => via,
    };
    if let Some(Record::Outgoing(out)) = answer.as_mut()
        && out.in_reply_to.as_ref() != Some(&id)
    {
        out.in_reply_to = Some(id.clone());
        let entry = actor.entry(HistoryAction::ReplyTo, Some(id.to_string()));
        out.history.push(entry);
    }
    record.push_history(actor.entry(HistoryAction::Reply, Some(note)));
    if let Some(answer) = &answer {
        tx.save(answer)?;
    }
    tx.save(&record)?;
    tx.finish(&commit_message(&register, "reply", &record))?;
    confirm(ctx, &said);
    Ok(ExitCode::SUCCESS)
}

/// Loads the outgoing reply named by --ref; it must exist, be outgoing and
/// not answer another paper.
fn load_reply(register: &Register, out: &Id, flag: &Flag, incoming: &Id) -> Result<Record> {
    let record = store::load_one(register, out).map_err(|e| match e {
        CoreError::NotFound { .. } => Error::Dangling {
            flag: flag.clone(),
            target: out.to_string(),
        },
        other => other.into(),
    })?;
    match &record {
        Record::Outgoing(doc) => match &doc.in_reply_to {
            Some(existing) if existing != incoming => Err(CoreError::AlreadyAnswers {
                out: out.to_string(),
                existing: existing.to_string(),
            }
            .into()),
            _ => Ok(record),
        },
        _ => Err(Error::WrongKind {
            flag: flag.clone(),
            target: out.to_string(),
            expected: taizhang_core::model::kind::Expected::Outgoing,
        }),
    }
}
