//! Units and people as the records name them: what a unit leads, what a
//! person holds, and the rewriting of records when a unit is renamed or
//! a person hands their work over. Pure: the store loads and saves.

use serde_yaml::Value;

use crate::model::common::{Actor, HistoryAction};
use crate::model::config::{Config, LogbookDef};
use crate::model::logbook::open_loop;
use crate::model::record::{KindRules, Record, each};

use super::error::{Roster, SettingsError};

/// The unit `input` names (its name, code or a former name), by index.
pub fn find_unit(config: &Config, input: &str) -> Result<usize, SettingsError> {
    let input = input.trim();
    (config.units.iter().position(|u| u.name == input))
        .or_else(|| config.units.iter().position(|u| u.is_called(input)))
        .ok_or_else(|| SettingsError::Unknown {
            what: Roster::Unit,
            input: input.to_string(),
            known: config.units.iter().map(|u| u.name.clone()).collect(),
        })
}

/// The person called `input`, by index.
pub fn find_person(config: &Config, input: &str) -> Result<usize, SettingsError> {
    let input = input.trim();
    config
        .people
        .iter()
        .position(|p| p.name == input)
        .ok_or_else(|| SettingsError::Unknown {
            what: Roster::Person,
            input: input.to_string(),
            known: config.people.iter().map(|p| p.name.clone()).collect(),
        })
}

/// Refuses a name or code some unit already answers to.
pub fn unit_is_free(config: &Config, name: &str) -> Result<(), SettingsError> {
    let taken = config.units.iter().any(|u| {
        u.name.eq_ignore_ascii_case(name)
            || u.code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(name))
    });
    match taken {
        true => Err(SettingsError::Exists {
            what: Roster::Unit,
            name: name.to_string(),
        }),
        false => Ok(()),
    }
}

/// Whether an open record is led by `unit`.
pub fn leads(record: &Record, unit: &str) -> bool {
    record.is_open() && record.unit() == Some(unit)
}

/// Whether `record` holds something of `person`'s still open: a
/// follow-up they are responsible for, a paper routed to them and not
/// back, a logbook loop they have out.
pub fn holds(record: &Record, person: &str, books: &Config) -> bool {
    match record {
        Record::Followup(fu) => fu.is_open() && fu.owner.as_deref() == Some(person),
        Record::Incoming(paper) => {
            (paper.circulation.iter()).any(|c| c.back.is_none() && c.to == person)
        }
        Record::Entry(entry, book) => books
            .logbooks
            .get(book)
            .and_then(|def| def.open_loop.as_ref())
            .and_then(|l| open_loop::out(entry, l))
            .is_some_and(|out| out.owner == Some(person)),
        _ => false,
    }
}

/// Renames `old` to `new` in every field of `record` naming a unit, and
/// notes each change in its history (`field: old → new`). Returns
/// whether anything changed.
pub fn rename_unit(
    record: &mut Record,
    old: &str,
    new: &str,
    config: &Config,
    actor: &Actor,
) -> bool {
    let mut changed = Vec::new();
    {
        let mut one = |field: &str, slot: &mut String| {
            if slot == old {
                *slot = new.to_string();
                changed.push(field.to_string());
            }
        };
        match record {
            Record::Entry(entry, book) => {
                let fields = config.logbooks.get(book.as_str()).map(|d| typed(d, "unit"));
                for field in fields.unwrap_or_default() {
                    if let Some(Value::String(text)) = entry.fields.get_mut(field.as_str()) {
                        one(&field, text);
                    }
                }
            }
            _ => each!(record, r => KindRules::units_mut(r.as_mut(), &mut one)),
        }
    }
    changed.dedup();
    note(
        record,
        HistoryAction::UnitRename,
        &changed,
        (old, new),
        actor,
    )
}

/// Passes what `record` holds of `from` to `to` (`holds`), noting it in
/// its history. A paper routed to `from` comes back from them and goes
/// out to `to` at the same moment, so its routing stays true.
pub fn hand_over(
    record: &mut Record,
    from: &str,
    to: &str,
    config: &Config,
    actor: &Actor,
) -> bool {
    if !holds(record, from, config) {
        return false;
    }
    let field = match record {
        Record::Followup(fu) => {
            fu.owner = Some(to.to_string());
            "owner".to_string()
        }
        Record::Incoming(paper) => {
            let mut routed = Vec::new();
            for c in paper
                .circulation
                .iter_mut()
                .filter(|c| c.back.is_none() && c.to == from)
            {
                c.back = Some(actor.at);
                let mut next = c.clone();
                next.to = to.to_string();
                next.out = actor.at;
                next.back = None;
                routed.push(next);
            }
            paper.circulation.extend(routed);
            "circulation".to_string()
        }
        Record::Entry(entry, book) => {
            let owner = (config.logbooks.get(book.as_str()))
                .and_then(|d| d.open_loop.as_ref())
                .and_then(|l| l.owner.clone())
                .unwrap_or_default();
            entry
                .fields
                .insert(Value::from(owner.as_str()), Value::from(to));
            owner
        }
        _ => return false,
    };
    note(record, HistoryAction::Handover, &[field], (from, to), actor)
}

/// The fields of `book` of type `kind`.
fn typed(book: &LogbookDef, kind: &str) -> Vec<String> {
    (book.fields.iter())
        .filter(|f| f.kind == kind)
        .map(|f| f.name.clone())
        .collect()
}

/// One history line for the fields changed, its note as `edit` writes
/// it (`field: old → new; …`).
fn note(
    record: &mut Record,
    action: HistoryAction,
    fields: &[String],
    (old, new): (&str, &str),
    actor: &Actor,
) -> bool {
    if fields.is_empty() {
        return false;
    }
    let text = (fields.iter())
        .map(|f| format!("{f}: {old} → {new}"))
        .collect::<Vec<_>>()
        .join("; ");
    record.push_history(actor.entry(action, Some(text)));
    true
}
