//! What records say about each other: links that lead nowhere, duplicated
//! IDs and document numbers. Each kind's own link rules are in its file.

use std::collections::HashMap;

use rayon::prelude::*;

use super::KindChecks;
use super::finding::{Finding, Findings, Note};
use crate::model::id::Id;
use crate::model::record::{KindRules, Record, each};

/// The records sorted by ID, found by binary search: for a register of
/// 100,000 records, cheaper than hashing every ID. Of records sharing an
/// ID (an error of its own), the last one stands for it.
pub(crate) struct ById<'a> {
    pub(super) sorted: Vec<&'a Record>,
}

impl<'a> ById<'a> {
    pub(super) fn new(records: &[&'a Record]) -> ById<'a> {
        let mut sorted = records.to_vec();
        // Stable, and nearly free on records that come sorted already.
        sorted.sort_by(|a, b| a.id().cmp(b.id()));
        ById { sorted }
    }

    pub(crate) fn get(&self, id: &Id) -> Option<&'a Record> {
        let after = self.sorted.partition_point(|r| r.id() <= id);
        let last = self.sorted.get(after.checked_sub(1)?)?;
        (last.id() == id).then_some(*last)
    }
}

/// Drops from a record what the rules across records (`check_links`,
/// and the pending due date and links `check` reads besides) never read,
/// once the rules of the record alone have run on it: any record's title,
/// history and free text (what `Record::without_matter` leaves out of a
/// withheld record: notes, instructions, results, progress notes,
/// decisions' text); and a logbook entry, only ever a link's target by its ID
/// and kind, and linking by its `archive_ref` alone, keeps nothing else.
/// (An entry's fields are a map of YAML values, much heavier than a
/// paper's typed fields: a `check` of a large register holds them this
/// light.)
pub fn keep_for_links(record: &mut Record) {
    each!(record, r => r.forget_matter());
    each!(record, r => (r.title, r.history) = Default::default());
    if let Record::Entry(entry, book) = record {
        *book = String::new();
        entry.status = String::new();
        entry
            .fields
            .retain(|key, _| key.as_str() == Some(super::archive::ARCHIVE_REF));
        entry.fields.shrink_to_fit();
    }
}

/// Checks what records say about each other: links that lead nowhere,
/// duplicated IDs and document numbers.
///
/// What one record's links say is found for all records in parallel; the
/// numbers each holds (document numbers, archive numbers) are compared
/// with those of the records before it, in ID order, so which one is
/// named the duplicate never depends on the threads.
pub fn check_links(records: &[&Record]) -> Vec<Finding> {
    let by_id = ById::new(records);
    let own: Vec<Vec<Finding>> = (by_id.sorted.par_iter().enumerate())
        .map(|(i, record)| match record {
            // Its document number is compared in order, below.
            Record::Outgoing(_) => Vec::new(),
            _ => {
                let mut f = Findings::new(record.id());
                duplicate(&by_id, i, &mut f);
                each!(record, r => KindChecks::check_links(r.as_ref(), &by_id, &mut f));
                super::both_ends::links(record, &by_id, &mut f);
                f.out
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut numbers: HashMap<String, &Id> = HashMap::new();
    let mut archive_numbers: HashMap<&str, &Id> = HashMap::new();
    for ((i, record), own) in by_id.sorted.iter().enumerate().zip(own) {
        let mut f = Findings::new(record.id());
        f.out = own;
        if let Record::Outgoing(r) = record {
            duplicate(&by_id, i, &mut f);
            super::outgoing::links(r, &by_id, &mut f, &mut numbers);
            super::both_ends::links(record, &by_id, &mut f);
        }
        super::archive::links(record, &by_id, &mut f, &mut archive_numbers);
        out.extend(f.out);
    }
    out.extend(super::followup::series_periods(&by_id));
    out.extend(super::meeting::series_periods(&by_id));
    out
}

/// The record at `i` of the sorted records shares its ID with the one
/// before it.
fn duplicate(by_id: &ById, i: usize, f: &mut Findings) {
    let record = by_id.sorted[i];
    if i > 0 && by_id.sorted[i - 1].id() == record.id() {
        f.error(
            "id",
            Note::DuplicateId {
                id: record.id().to_string(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings across `records` as `check` finds them from the light
    /// forms it keeps.
    fn findings_of_light(records: &[Record]) -> Vec<Finding> {
        let mut light = records.to_vec();
        light.iter_mut().for_each(keep_for_links);
        check_links(&light.iter().collect::<Vec<_>>())
    }

    /// What `keep_for_links` drops is never read across records: the
    /// findings from the light forms are those from the whole records,
    /// for the example register and for halves of it whose links lead
    /// nowhere, every other record gone.
    #[test]
    fn the_light_forms_give_the_findings_the_whole_records_give() {
        let all = crate::testing::example_records();
        let halves = [0, 1].map(|keep| -> Vec<Record> {
            (all.iter().enumerate())
                .filter(|(i, _)| i % 2 == keep)
                .map(|(_, r)| r.clone())
                .collect()
        });
        for records in std::iter::once(all.clone()).chain(halves) {
            let whole = check_links(&records.iter().collect::<Vec<_>>());
            assert_eq!(findings_of_light(&records), whole);
        }
        let half = check_links(&all.iter().step_by(2).collect::<Vec<_>>());
        assert!(
            !half.is_empty(),
            "a half register has links that lead nowhere"
        );
    }
}
