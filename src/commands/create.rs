//! Creating a follow-up inside a change, as `assign` and `meeting decide`
//! both do: not a command, so that neither imports the other.
//!
//! The rules (what a new follow-up inherits, how its source records it)
//! are the model's (`Followup::new`, `Record::link_followup`); this only
//! allocates, checks what `--from` names, and saves.

use crate::error::{Error, Result};
use crate::model::common::Actor;
use crate::model::followup::{Followup, NewFollowup};
use crate::model::id::RecordRef;
use crate::model::kind::{Expected, Kind};
use crate::model::record::Record;
use crate::store::{self, Change, Register};

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
    // The source's links, dangling or not, are never handed out again.
    if let Some((record, _)) = &source {
        tx.refers(record);
    }
    let id = tx.allocate(register.config.prefix(Kind::Followup), actor.today().year())?;
    let followup = Followup::new(
        id.clone(),
        spec,
        source
            .as_ref()
            .map(|(record, reference)| (&**record, *reference)),
        actor,
    );
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
pub fn load_source(register: &Register, reference: &RecordRef) -> Result<Record> {
    let dangling = || Error::Dangling {
        flag: "--from".into(),
        target: reference.to_string(),
    };
    let record = store::load_one(register, &reference.id).map_err(|e| match e {
        Error::NotFound { .. } => dangling(),
        other => other,
    })?;
    let wrong = |expected: Expected| Error::WrongKind {
        flag: "--from".into(),
        target: reference.to_string(),
        expected,
    };
    match (&record, reference.item) {
        (Record::Incoming(_) | Record::Outgoing(_), None) => Ok(record),
        (Record::Meeting(meeting), Some(n)) => match meeting.decision(n) {
            None => Err(Error::NoDecision {
                target: reference.id.to_string(),
                n,
            }),
            Some(decision) => match &decision.followup {
                Some(existing) => Err(Error::AlreadyLinked {
                    target: reference.to_string(),
                    existing: existing.to_string(),
                }),
                None => Ok(record),
            },
        },
        (Record::Meeting(_), None) => Err(wrong(Expected::Decision)),
        _ => Err(wrong(Expected::Source)),
    }
}
