//! Property: clones appending to the same records and syncing in any
//! order never lose an item and never hold one twice.
//!
//! A model of `sync` over the merge alone: a shared (remote) version of
//! one record, and per clone the version it last shared plus one version
//! per local commit. Syncing replays the clone's commits on the shared
//! version as the store does (a file the shared side left alone takes
//! ours; otherwise the three versions are merged, base = the commit's
//! parent), then shares the result.

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

use super::merge_record;

/// The lists every clone appends to: dated notes, timestamped history,
/// and links (plain IDs, no time).
const LISTS: [&str; 3] = ["progress", "history", "followups"];

#[derive(Debug, Clone)]
enum Op {
    /// Clone `clone` appends to list `LISTS[list]`, `day` days in.
    Append {
        clone: usize,
        list: usize,
        day: u8,
    },
    Sync {
        clone: usize,
    },
}

fn op(clones: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..clones, 0..LISTS.len(), 0u8..28)
            .prop_map(|(clone, list, day)| Op::Append { clone, list, day }),
        1 => (0..clones).prop_map(|clone| Op::Sync { clone }),
    ]
}

struct Clone {
    /// The shared version this clone last took.
    base: Value,
    /// Its commits since: each a whole version of the record.
    commits: Vec<Value>,
}

impl Clone {
    fn head(&self) -> &Value {
        self.commits.last().unwrap_or(&self.base)
    }
}

fn record() -> Value {
    let mut map = Mapping::new();
    map.insert("id".into(), "FU-2026-0001".into());
    map.insert("status".into(), "open".into());
    for list in LISTS {
        map.insert(list.into(), Value::Sequence(Vec::new()));
    }
    Value::Mapping(map)
}

/// The item appended as the `n`th operation: unique, and tagged with the
/// clone that made it and its day.
fn item(list: &str, clone: usize, n: usize, day: u8) -> Value {
    let mut map = Mapping::new();
    let tag = format!("c{clone}-{n}");
    match list {
        "progress" => {
            map.insert("on".into(), format!("2026-11-{:02}", day + 1).into());
            map.insert("by".into(), format!("c{clone}").into());
            map.insert("note".into(), tag.into());
        }
        "history" => {
            let at = format!("2026-11-{:02}T09:{:02}:00+08:00", day + 1, n % 60);
            map.insert("at".into(), at.into());
            map.insert("by".into(), format!("c{clone}").into());
            map.insert("action".into(), "progress".into());
            map.insert("note".into(), tag.into());
        }
        _ => return Value::String(format!("FU-{clone}-{n:04}")),
    }
    Value::Mapping(map)
}

fn appended(version: &Value, list: &str, item: Value) -> Value {
    let mut version = version.clone();
    version[list].as_sequence_mut().unwrap().push(item);
    version
}

/// Replays `clone`'s commits on `shared` the way the store's replay does;
/// the new shared version.
fn sync(shared: &Value, clone: &Clone) -> Value {
    let mut current = shared.clone();
    let mut parent = &clone.base;
    for commit in &clone.commits {
        if current == *parent {
            current = commit.clone();
        } else if current != *commit {
            current = merge_record(parent, &current, commit).unwrap().value;
        }
        parent = commit;
    }
    current
}

/// The tag an item carries (its note, or its ID for links).
fn tag(item: &Value) -> String {
    match item {
        Value::String(id) => id.clone(),
        _ => item["note"].as_str().unwrap().to_string(),
    }
}

/// Runs `ops`, then syncs every clone once more; after each sync the
/// shared version holds every item shared so far, once, and each clone's
/// items in the order that clone made them.
fn run(clones: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut shared = record();
    let mut all: Vec<Clone> = (0..clones)
        .map(|_| Clone {
            base: shared.clone(),
            commits: Vec::new(),
        })
        .collect();
    // Per clone and list, the tags it made and has not shared yet.
    let mut unshared = vec![vec![Vec::<String>::new(); LISTS.len()]; clones];
    // Per list, the tags shared so far, in the order they were made.
    let mut expected = vec![Vec::<String>::new(); LISTS.len()];
    let last = (0..clones).map(|clone| Op::Sync { clone });
    for (n, op) in ops.iter().cloned().chain(last).enumerate() {
        match op {
            Op::Append { clone, list, day } => {
                let item = item(LISTS[list], clone, n, day);
                unshared[clone][list].push(tag(&item));
                let next = appended(all[clone].head(), LISTS[list], item);
                all[clone].commits.push(next);
            }
            Op::Sync { clone } => {
                shared = sync(&shared, &all[clone]);
                all[clone] = Clone {
                    base: shared.clone(),
                    commits: Vec::new(),
                };
                for (list, tags) in expected.iter_mut().enumerate() {
                    tags.append(&mut unshared[clone][list]);
                }
                holds_all(&shared, &expected, clones)?;
            }
        }
    }
    Ok(())
}

fn holds_all(shared: &Value, expected: &[Vec<String>], clones: usize) -> Result<(), TestCaseError> {
    for (list, want) in LISTS.iter().zip(expected) {
        let have: Vec<String> = shared[*list]
            .as_sequence()
            .unwrap()
            .iter()
            .map(tag)
            .collect();
        let mut sorted_have = have.clone();
        sorted_have.sort();
        sorted_have.dedup();
        prop_assert_eq!(
            sorted_have.len(),
            have.len(),
            "{} holds an item twice: {:?}",
            list,
            have
        );
        let mut sorted_want = want.clone();
        sorted_want.sort();
        prop_assert_eq!(&sorted_have, &sorted_want, "{} lost or gained items", list);
        for clone in 0..clones {
            let own = |tags: &[String]| -> Vec<String> {
                let mark = [format!("c{clone}-"), format!("FU-{clone}-")];
                (tags.iter())
                    .filter(|t| mark.iter().any(|m| t.starts_with(m.as_str())))
                    .cloned()
                    .collect()
            };
            prop_assert_eq!(
                own(&have),
                own(want),
                "{} reordered c{}'s items",
                list,
                clone
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn two_clones_appending_and_syncing_in_any_order_keep_every_item_once(
        ops in proptest::collection::vec(op(2), 1..80)
    ) {
        run(2, &ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn three_clones_over_300_operations_keep_every_item_once(
        ops in proptest::collection::vec(op(3), 300..360)
    ) {
        run(3, &ops)?;
    }
}
