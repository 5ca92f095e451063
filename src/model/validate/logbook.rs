//! The rules of logbook entries: the fields their book declares.

use super::finding::{Findings, Note};
use crate::model::config::Config;
use crate::model::logbook::{Entry, validate_entry};

/// Checks one logbook entry against its book's declaration.
pub(super) fn check(entry: &Entry, book: &str, config: &Config, f: &mut Findings) {
    match config.logbooks.get(book) {
        Some(def) => {
            for problem in validate_entry(entry, def) {
                f.error("", Note::Entry(problem));
            }
            for key in entry.fields.keys().filter_map(|k| k.as_str()) {
                if !def.fields.iter().any(|d| d.name == key) {
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
