//! `taizhang doc reply`: record how a finished paper was answered (答复).

use std::process::ExitCode;

use super::wrong_kind;
use crate::commands::shared::{commit_message, confirm, refused};
use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::Confirm;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::id::Id;
use taizhang_core::model::incoming::Reply;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Register};

/// Record how a finished incoming action item was answered (答复)
///
/// --via says how (document, phone, letter, meeting …); for a formal reply,
/// --ref names the outgoing document, which is then linked back.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// How the sender was answered (答复方式): document, phone, letter …
    #[arg(long, value_name = "WAY", value_parser = values::text)]
    pub via: String,
    /// The outgoing reply (复文), which is linked back to this paper
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
