//! A reply recorded once. `log out --reply-to IN`, `doc reply IN --ref
//! OUT` and the steps that send or void a document (`doc sign`, `doc
//! issue`, `doc revoke`) all come here, so that the paper a document
//! answers is replied exactly when its document goes out — issued, or
//! signed in a register that does not record issuing
//! (`outgoing.track_issuing`) — with one history entry, and is no longer
//! replied when that document is revoked.

use std::process::ExitCode;

use jiff::civil::Date;

use super::wrong_kind;
use crate::commands::shared::{Outcome, commit_message, confirm};
use crate::context::Ctx;
use crate::error::{CoreError, Result};
use crate::i18n::Confirm;
use crate::i18n::outgoing::Done;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::incoming::Reply;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::outgoing::{OutStatus, Outgoing};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Register};

/// How a reply that went out with its document is said to have gone.
pub(crate) const BY_DOCUMENT: &str = "document";

/// The paper `out` answers, now that `out` went out on `on`: its reply
/// set and one history entry, with the line saying so. `None` when there
/// is nothing to record: no paper, a paper not in the register (`check`
/// reports it), or one that has a reply already.
pub(crate) fn sent(
    register: &Register,
    out: &Outgoing,
    on: Date,
    actor: &Actor,
) -> Result<Option<(Record, Confirm)>> {
    let Some(mut paper) = paper_of(register, out)? else {
        return Ok(None);
    };
    let Record::Incoming(doc) = &mut paper else {
        return Ok(None);
    };
    let reply = Reply {
        on,
        via: BY_DOCUMENT.into(),
        reference: Some(out.id.clone()),
    };
    if !doc.reply_sent(reply) {
        return Ok(None);
    }
    let said = Confirm::Outgoing(Done::Replied {
        paper: doc.id.clone(),
        out: out.id.clone(),
    });
    paper.push_history(actor.entry(HistoryAction::Reply, Some(out.id.to_string())));
    Ok(Some((paper, said)))
}

/// The paper `out` answered, now that `out` is revoked: as it was before
/// the reply, with one history entry. `None` when `out` was not its reply.
fn revoked(
    register: &Register,
    out: &Outgoing,
    actor: &Actor,
) -> Result<Option<(Record, Confirm)>> {
    let Some(mut paper) = paper_of(register, out)? else {
        return Ok(None);
    };
    let Record::Incoming(doc) = &mut paper else {
        return Ok(None);
    };
    if !doc.reply_revoked(&out.id) {
        return Ok(None);
    }
    let said = Confirm::Outgoing(Done::ReplyRevoked {
        paper: doc.id.clone(),
        out: out.id.clone(),
    });
    paper.push_history(actor.entry(HistoryAction::ReplyRevoked, Some(out.id.to_string())));
    Ok(Some((paper, said)))
}

/// The paper `out` answers, as stored; `None` without one, or when it is
/// not in the register.
fn paper_of(register: &Register, out: &Outgoing) -> Result<Option<Record>> {
    let Some(id) = &out.in_reply_to else {
        return Ok(None);
    };
    match store::load_one(register, id) {
        Ok(record) => Ok(Some(record)),
        Err(CoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The day a reply went out with `out`: the day it was issued where the
/// register records issuing, else the day it was signed.
pub(crate) fn sent_on(out: &Outgoing, track_issuing: bool, today: Date) -> Date {
    let day = if track_issuing {
        out.printed
    } else {
        out.signed
    };
    day.unwrap_or(today)
}

/// Runs one step of an outgoing document (`doc review`, `countersign`,
/// `sign`, `issue`, `revoke`): load it under the lock, refuse any other
/// kind as not right for `command`, apply `change`, append the history
/// entry, and carry the paper it answers along in the same commit when
/// the step sent the document or revoked it.
pub(crate) fn step(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    command: &str,
    change: impl FnOnce(&mut Outgoing, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(id_text)?;
    let actor = ctx.actor(&register);
    let track = register.config.outgoing.track_issuing;
    let mut tx = ctx.begin(&register)?;
    let mut record = tx.load(&id)?;
    let Record::Outgoing(out) = &mut record else {
        return Err(wrong_kind(command, id.to_string(), Expected::Outgoing));
    };
    let was_sent = out.is_sent(track);
    let Outcome { note, said, .. } = change(out, &actor, &register)?;
    out.history.push(actor.entry(action, note));
    let paper = if out.status == OutStatus::Revoked {
        revoked(&register, out, &actor)?
    } else if !was_sent && out.is_sent(track) {
        let on = sent_on(out, track, actor.today());
        sent(&register, out, on, &actor)?
    } else {
        None
    };
    if let Some((paper, _)) = &paper {
        tx.save(paper)?;
    }
    tx.save(&record)?;
    tx.finish(&commit_message(&register, action.keyword(), &record))?;
    confirm(ctx, &said);
    if let Some((_, said)) = &paper {
        confirm(ctx, said);
    }
    Ok(ExitCode::SUCCESS)
}
