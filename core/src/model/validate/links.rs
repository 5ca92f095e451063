//! What records say about each other: links that lead nowhere, duplicated
//! IDs and document numbers. Each kind's own link rules are in its file.

use std::collections::HashMap;

use rayon::prelude::*;

use super::finding::{Finding, Findings, Note};
use super::ties::{KindTies, Ties};
use crate::model::id::Id;

/// The records' ties sorted by ID, found by binary search: for a register
/// of 100,000 records, cheaper than hashing every ID. Of records sharing
/// an ID (an error of its own), the last one stands for it.
pub(crate) struct ById<'a> {
    pub(super) sorted: Vec<&'a Ties>,
}

impl<'a> ById<'a> {
    pub(super) fn new(records: &[&'a Ties]) -> ById<'a> {
        let mut sorted = records.to_vec();
        // Stable, and nearly free on records that come sorted already.
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        ById { sorted }
    }

    pub(crate) fn get(&self, id: &Id) -> Option<&'a Ties> {
        let after = self.sorted.partition_point(|r| r.id <= *id);
        let last = self.sorted.get(after.checked_sub(1)?)?;
        (last.id == *id).then_some(*last)
    }
}

/// Checks what records say about each other, from their ties: links
/// that lead nowhere, duplicated IDs and document numbers.
///
/// What one record's links say is found for all records in parallel; the
/// numbers each holds (document numbers, archive numbers) are compared
/// with those of the records before it, in ID order, so which one is
/// named the duplicate never depends on the threads.
pub fn check_links(records: &[&Ties]) -> Vec<Finding> {
    let by_id = ById::new(records);
    let own: Vec<Vec<Finding>> = (by_id.sorted.par_iter().enumerate())
        .map(|(i, record)| match record.own {
            // Its document number is compared in order, below.
            KindTies::Outgoing { .. } => Vec::new(),
            _ => {
                let mut f = Findings::new(&record.id);
                duplicate(&by_id, i, &mut f);
                (record.kind.spec().check_links)(record, &by_id, &mut f);
                super::both_ends::links(record, &by_id, &mut f);
                f.out
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut numbers: HashMap<String, &Id> = HashMap::new();
    let mut archive_numbers: HashMap<&str, &Id> = HashMap::new();
    for ((i, record), own) in by_id.sorted.iter().enumerate().zip(own) {
        let mut f = Findings::new(&record.id);
        f.out = own;
        if let KindTies::Outgoing { .. } = record.own {
            duplicate(&by_id, i, &mut f);
            super::outgoing::links(record, &by_id, &mut f, &mut numbers);
            super::both_ends::links(record, &by_id, &mut f);
        }
        super::archive::links(record, &by_id, &mut f, &mut archive_numbers);
        out.extend(f.out);
    }
    out.extend(super::series::periods(&by_id));
    out
}

/// The record at `i` of the sorted records shares its ID with the one
/// before it.
fn duplicate(by_id: &ById, i: usize, f: &mut Findings) {
    let record = by_id.sorted[i];
    if i > 0 && by_id.sorted[i - 1].id == record.id {
        f.error(
            "id",
            Note::DuplicateId {
                id: record.id.to_string(),
            },
        );
    }
}
