//! The rules of archiving (DA/T 22-2015): an archived record has a
//! number that matches it and was not changed after it was filed; no two
//! records share a number; a loan (档案借阅) names an archived record.

use std::collections::HashMap;

use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::{KindTies, Ties};
use crate::model::archive::{self, Mismatch};
use crate::model::config::Config;
use crate::model::id::Id;
use crate::model::record::Record;

/// The logbook field of a loan that names the record lent.
pub(super) const ARCHIVE_REF: &str = archive::LOAN_FIELD;

/// What is wrong with a record's archiving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveNote {
    /// Status `archived`, no `archive` block.
    WithoutNumber,
    /// An `archive` block on a record that is not archived.
    NotArchived {
        number: String,
    },
    Mismatch {
        number: String,
        mismatch: Mismatch,
    },
    /// A history entry after the `archive` one.
    ChangedAfter {
        action: String,
        at: String,
    },
    Duplicate {
        number: String,
        first: String,
    },
    /// A loan of a record that has no archive number.
    LoanOfUnarchived {
        target: String,
    },
    /// Numbers the ledger says were given out that no record holds and
    /// no record's history names: a record deleted by hand.
    Gap(archive::Gap),
    /// The archived content differs from the digest taken when it was
    /// filed: changed by hand since.
    Altered {
        number: String,
    },
}

/// Checks one document's archiving on its own.
pub(super) fn check(record: &Record, config: &Config, f: &mut Findings) {
    let archived = record.status() == "archived";
    let block = archive::block(record);
    match block {
        None if archived => f.error("archive", Note::Archive(ArchiveNote::WithoutNumber)),
        None => {}
        Some(block) if !archived => f.error(
            "archive",
            Note::Archive(ArchiveNote::NotArchived {
                number: block.number.clone(),
            }),
        ),
        Some(block) => {
            if archive::intact(record, block) == Some(false) {
                f.error(
                    "archive",
                    Note::Archive(ArchiveNote::Altered {
                        number: block.number.clone(),
                    }),
                );
            }
            for mismatch in archive::mismatches(record, block, &config.fonds) {
                f.error(
                    "archive",
                    Note::Archive(ArchiveNote::Mismatch {
                        number: block.number.clone(),
                        mismatch,
                    }),
                );
            }
        }
    }
    if archived {
        for entry in archive::changed_after_archive(record) {
            f.error(
                "history",
                Note::Archive(ArchiveNote::ChangedAfter {
                    action: entry.action.clone(),
                    at: entry.at.to_string(),
                }),
            );
        }
    }
}

/// Register-wide: duplicate archive numbers, and loans of records that
/// are not archived. `numbers` holds the numbers seen so far.
pub(super) fn links<'a>(
    record: &'a Ties,
    by_id: &ById,
    f: &mut Findings,
    numbers: &mut HashMap<&'a str, &'a Id>,
) {
    if let Some(number) = &record.archive {
        match numbers.get(number.as_str()) {
            Some(first) => f.error(
                "archive",
                Note::Archive(ArchiveNote::Duplicate {
                    number: number.clone(),
                    first: first.to_string(),
                }),
            ),
            None => {
                numbers.insert(number, &record.id);
            }
        }
    }
    if let KindTies::Entry {
        loan_of: Some(target),
    } = &record.own
    {
        match by_id.get(target) {
            Some(lent) if lent.archive.is_some() => {}
            Some(_) => f.error(
                ARCHIVE_REF,
                Note::Archive(ArchiveNote::LoanOfUnarchived {
                    target: target.to_string(),
                }),
            ),
            None => f.error(
                ARCHIVE_REF,
                Note::MissingRecord {
                    id: target.to_string(),
                },
            ),
        }
    }
}
