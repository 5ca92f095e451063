//! Creating a follow-up inside a change, as `assign` and `meeting decide`
//! both do: not a command, so that neither imports the other.
//!
//! The rules (what a new follow-up inherits, how its source records it)
//! are the model's (`Followup::new`, `Record::link_followup`); this only
//! allocates, checks what `--from` names, and saves.

use crate::error::{CoreError, Error, Flag, Result};
use taizhang_core::model::common::Actor;
use taizhang_core::model::followup::{Followup, NewFollowup};
use taizhang_core::model::id::RecordRef;
use taizhang_core::model::kind::{Expected, Kind};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Change, Register};

/// Creates a follow-up within `tx`. With a source (a document or a meeting
/// decision, already checked by `load_source` or just recorded), the two
/// are linked both ways and the source is saved too, so one commit holds
/// both. Returns the new follow-up.
pub fn followup(
    tx: &mut Change,
    register: &Register,
    actor: &Actor,
    spec: NewFollowup,
    source: Option<(&mut Record, &RecordRef)>,
) -> Result<Record> {
    followup_shaped(tx, register, actor, spec, source, |_| Ok(()))
}

/// `followup`, with `shape` giving the new follow-up what `NewFollowup`
/// does not say (its matter, milestones, urgency: `commands::parts`)
/// before anything is saved; a refusal of `shape` leaves the register
/// untouched.
pub fn followup_shaped(
    tx: &mut Change,
    register: &Register,
    actor: &Actor,
    spec: NewFollowup,
    source: Option<(&mut Record, &RecordRef)>,
    shape: impl FnOnce(&mut Followup) -> Result<()>,
) -> Result<Record> {
    // The source's links, dangling or not, are never handed out again.
    if let Some((record, _)) = &source {
        tx.refers(record);
    }
    let id = tx.allocate(register.config.prefix(Kind::Followup), actor.today().year())?;
    let mut followup = Followup::new(
        id.clone(),
        spec,
        source
            .as_ref()
            .map(|(record, reference)| (&**record, *reference)),
        actor,
    );
    shape(&mut followup)?;
    if let Some((source, reference)) = source {
        source.link_followup(reference, &id, actor);
        tx.save(source)?;
    }
    let record = Record::Followup(Box::new(followup));
    tx.save(&record)?;
    Ok(record)
}

/// Loads what `--from` names; it must exist and be a document or a
/// meeting decision that has no follow-up yet.
pub fn load_source(register: &Register, reference: &RecordRef, flag: &Flag) -> Result<Record> {
    let dangling = || Error::Dangling {
        flag: flag.clone(),
        target: reference.to_string(),
    };
    let record = store::load_one(register, &reference.id).map_err(|e| match e {
        CoreError::NotFound { .. } => dangling(),
        other => other.into(),
    })?;
    let wrong = |expected: Expected| Error::WrongKind {
        flag: flag.clone(),
        target: reference.to_string(),
        expected,
    };
    match (&record, reference.item) {
        (Record::Incoming(_) | Record::Outgoing(_), None) => Ok(record),
        (Record::Meeting(meeting), Some(n)) => match meeting.decision(n) {
            None => Err(CoreError::NoDecision {
                target: reference.id.to_string(),
                n,
            }
            .into()),
            Some(decision) => match &decision.followup {
                Some(existing) => Err(CoreError::AlreadyLinked {
                    target: reference.to_string(),
                    existing: existing.to_string(),
                }
                .into()),
                None => Ok(record),
            },
        },
        (Record::Meeting(_), None) => Err(wrong(Expected::Decision)),
        _ => Err(wrong(Expected::Source)),
    }
}
