//! `taizhang doc reply`: record how a finished paper was answered (答复).

use std::process::ExitCode;

use super::wrong_kind;
use crate::commands::shared::{commit_message, confirm, refused};
use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::outgoing::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::id::Id;
use taizhang_core::model::incoming::Reply;
use taizhang_core::model::outgoing::Outgoing;
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
        outgoing document, which is then linked back. This is the same act as `log out \
        --reply-to`: the paper is replied once its document has gone out (signed, or issued \
        where the register records issuing: outgoing.track_issuing), with one history entry; \
        for a paper already replied by that document it does nothing and says so.",
        "记录已办结的收文办件如何答复\n\n\
        --via 写答复方式（公文、电话、函、会议 …）；正式复文用 --ref 指明那份发文，发文随即关联回\
        本件。与 `log out --reply-to` 是同一件事：复文发出（签发；台账登记印发的，以印发为准，见 \
        outgoing.track_issuing）后收文即为已答复，办理经过只记一次；收文已由该发文答复的，不再登\
        记，并予说明。",
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
    let Some((out_id, flag)) = reference else {
        doc.answer(Reply {
            on: actor.today(),
            via: via.clone(),
            reference: None,
        })
        .map_err(refused(&doc.id))?;
        record.push_history(actor.entry(HistoryAction::Reply, Some(via.clone())));
        tx.save(&record)?;
        tx.finish(&commit_message(&register, "reply", &record))?;
        confirm(ctx, &Confirm::Replied { id, via });
        return Ok(ExitCode::SUCCESS);
    };
    // The same act as the document's own reply: recorded once.
    if doc.answered_by(&out_id) {
        let paper = id.clone();
        confirm(
            ctx,
            &Confirm::Outgoing(Done::AlreadyAnswered { paper, out: out_id }),
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = load_reply(&register, &out_id, flag, &doc.id)?;
    doc.may_reply().map_err(refused(&doc.id))?;
    let linked = out.in_reply_to.as_ref() == Some(&id);
    if !linked {
        out.in_reply_to = Some(id.clone());
        let entry = actor.entry(HistoryAction::ReplyTo, Some(id.to_string()));
        out.history.push(entry);
    }
    let track = register.config.outgoing.track_issuing;
    if !out.is_sent(track) {
        // Replied when its document goes out (`doc sign`, `doc issue`).
        let said = Confirm::Outgoing(Done::ReplyPending {
            paper: id.clone(),
            out: out_id,
            issued: track,
        });
        if !linked {
            let answer = Record::Outgoing(out);
            tx.save(&answer)?;
            tx.finish(&commit_message(&register, "reply", &answer))?;
        }
        confirm(ctx, &said);
        return Ok(ExitCode::SUCCESS);
    }
    doc.answer(Reply {
        on: actor.today(),
        via: via.clone(),
        reference: Some(out_id.clone()),
    })
    .map_err(refused(&doc.id))?;
    record.push_history(actor.entry(HistoryAction::Reply, Some(format!("{via}, {out_id}"))));
    tx.save(&Record::Outgoing(out))?;
    tx.save(&record)?;
    tx.finish(&commit_message(&register, "reply", &record))?;
    confirm(ctx, &Confirm::Replied { id, via });
    Ok(ExitCode::SUCCESS)
}

/// Loads the outgoing reply named by --ref; it must exist, be outgoing and
/// not answer another paper.
fn load_reply(register: &Register, out: &Id, flag: &Flag, incoming: &Id) -> Result<Box<Outgoing>> {
    let record = store::load_one(register, out).map_err(|e| match e {
        CoreError::NotFound { .. } => Error::Dangling {
            flag: flag.clone(),
            target: out.to_string(),
        },
        other => other.into(),
    })?;
    match record {
        Record::Outgoing(doc) => match &doc.in_reply_to {
            Some(existing) if existing != incoming => Err(CoreError::AlreadyAnswers {
                out: out.to_string(),
                existing: existing.to_string(),
            }
            .into()),
            _ => Ok(doc),
        },
        _ => Err(Error::WrongKind {
            flag: flag.clone(),
            target: out.to_string(),
            expected: taizhang_core::model::kind::Expected::Outgoing,
        }),
    }
}
