//! The rules of logbook entries: the fields their book declares, and an
//! open loop that cannot have ended before it started; and the rule on
//! the books' declarations themselves (a loop naming undeclared fields).

use super::KindChecks;
use super::finding::{Findings, Note};
use crate::model::config::Config;
use crate::model::import::LEGACY_ID;
use crate::model::logbook::open_loop;
use crate::model::logbook::{Entry, validate_entry};

/// Checks one logbook entry against its book's declaration.
/// An entry is checked against its book's declaration (`check`), which
/// the record alone does not carry.
impl KindChecks for Entry {}

pub(super) fn check(entry: &Entry, book: &str, config: &Config, f: &mut Findings) {
    match config.logbooks.get(book) {
        Some(def) => {
            for problem in validate_entry(entry, def) {
                f.error("", Note::Entry(problem));
            }
            if let Some(l) = &def.open_loop
                && let Some((end, start)) = open_loop::end_before_start(entry, l)
            {
                f.error(
                    &l.end,
                    Note::LoopEndBeforeStart {
                        end_key: l.end.clone(),
                        end: end.to_string(),
                        start_key: l.start.clone(),
                        start: start.to_string(),
                    },
                );
            }
            // `legacy_id` is the entry's number in the sheet it was
            // imported from: known, though the book does not declare it.
            let known = |key: &&str| *key == LEGACY_ID || def.fields.iter().any(|d| d.name == *key);
            for key in entry.fields.keys().filter_map(|k| k.as_str()) {
                if !known(&key) {
                    f.warning(
                        key,
                        Note::UnknownBookField {
                            key: key.to_string(),
                            book: book.to_string(),
                        },
                    );
                }
            }
        }
        None => f.error(
            "",
            Note::UndeclaredBook {
                book: book.to_string(),
            },
        ),
    }
}

/// What is wrong with the settings themselves: the problems of
/// `settings::check` (an empty issuer, an unreadable span, a name twice,
/// an unknown field type) and a loop naming a field its book does not
/// declare. Errors, reported on `taizhang.toml` by `check`.
pub fn check_settings(config: &Config) -> Vec<Note> {
    let settings = crate::model::settings::check::problems(config);
    let settings = settings.into_iter().map(Note::Setting);
    settings.chain(loops_undeclared(config)).collect()
}

/// Loops naming a field their book does not declare.
fn loops_undeclared(config: &Config) -> Vec<Note> {
    config
        .logbooks
        .iter()
        .flat_map(|(book, def)| {
            open_loop::undeclared_fields(def)
                .into_iter()
                .map(|(role, field)| Note::LoopFieldUndeclared {
                    book: book.clone(),
                    role: role.key(),
                    field,
                })
        })
        .collect()
}
