//! `sync` keeps every item of a list both clones added to: progress
//! notes, history, a paper's `followups` links, whatever the number of
//! additions, after renumbering the IDs both sides took.

use std::collections::BTreeSet;
use std::path::Path;

use crate::sync::Office;

const PAPER: &str = "IN-2026-0012";
const PAPER_FILE: &str = "documents/2026/IN-2026-0012.yaml";
const TASK_FILE: &str = "followups/2026/FU-2026-0001.yaml";

fn yaml(root: &Path, relative: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(root.join(relative)).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn strings(value: &serde_yaml::Value, key: &str, field: Option<&str>) -> Vec<String> {
    let items = value[key].as_sequence().cloned().unwrap_or_default();
    (items.iter())
        .filter_map(|item| match field {
            Some(field) => item[field].as_str().map(str::to_string),
            None => item.as_str().map(str::to_string),
        })
        .collect()
}

/// `clone` makes a follow-up of the shared paper; its ID.
fn assign(office: &Office, clone: usize, title: &str) -> String {
    let out = office.run(
        clone,
        &[
            "assign",
            title,
            "--lead",
            "办公室",
            "--due",
            "+1w",
            "--from",
            PAPER,
        ],
    );
    out.trim().to_string()
}

/// Syncs `clone`, which must not report a key changed on both sides.
fn sync(office: &Office, clone: usize) {
    let output = office.output(clone, &["--lang", "en", "sync"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "clone {clone}: sync: {stderr}");
    assert!(
        !stderr.contains("changed on both sides"),
        "clone {clone}: sync chose a side: {stderr}"
    );
}

/// In `clone`: the paper lists exactly the follow-ups whose titles are
/// `titles`, each of which names the paper as its source; FU-1's notes
/// are `notes` in that order; and `check` calls the register valid.
fn holds(office: &Office, clone: usize, titles: &BTreeSet<String>, notes: &[&str]) {
    let root = &office.clones[clone];
    let listed = strings(&yaml(root, PAPER_FILE), "followups", None);
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "clone {clone}: {listed:?}");
    let mut found = BTreeSet::new();
    for id in &listed {
        let task = yaml(root, &format!("followups/2026/{id}.yaml"));
        assert_eq!(task["source_ref"].as_str(), Some(PAPER), "{id}");
        found.insert(task["title"].as_str().unwrap().to_string());
    }
    let made: BTreeSet<String> = found.intersection(titles).cloned().collect();
    assert_eq!(&made, titles, "clone {clone}: {PAPER} lists {listed:?}");
    let progress = strings(&yaml(root, TASK_FILE), "progress", Some("note"));
    assert_eq!(
        &progress[progress.len() - notes.len()..],
        notes,
        "clone {clone}"
    );
    office.run(clone, &["check"]);
}

#[test]
fn sync_keeps_the_notes_and_follow_ups_both_clones_added_to_one_record() {
    let office = Office::example(2);
    office.run(1, &["progress", "FU-1", "B的进展"]);
    assign(&office, 1, "B督");
    sync(&office, 1);
    office.run(0, &["progress", "FU-1", "A1"]);
    office.run(0, &["progress", "FU-1", "A2"]);
    assign(&office, 0, "A督1");
    assign(&office, 0, "A督2");
    sync(&office, 0);
    sync(&office, 1);
    let titles: BTreeSet<String> = ["B督", "A督1", "A督2"].map(String::from).into();
    for clone in 0..2 {
        holds(&office, clone, &titles, &["B的进展", "A1", "A2"]);
    }
}

#[test]
fn sync_keeps_fifteen_follow_ups_made_on_each_side_of_one_paper() {
    let office = Office::example(2);
    let mut titles = BTreeSet::new();
    for clone in [1, 0] {
        for n in 1..=15 {
            let title = format!("督{clone}-{n}");
            assign(&office, clone, &title);
            titles.insert(title);
        }
        sync(&office, clone);
    }
    sync(&office, 1);
    let listed = strings(&yaml(&office.clones[0], PAPER_FILE), "followups", None);
    assert!(listed.len() >= 30, "{listed:?}");
    for clone in 0..2 {
        holds(&office, clone, &titles, &[]);
    }
}

#[test]
fn sync_three_clones_adding_to_one_record_in_turns_lose_nothing() {
    let office = Office::example(3);
    let mut titles = BTreeSet::new();
    // Each round every clone adds twice before any syncs, then they sync in a
    // different order, so each merges onto the others' additions.
    let orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0]];
    for (round, order) in orders.iter().enumerate() {
        for clone in 0..3 {
            for n in 0..2 {
                let tag = format!("c{clone}r{round}n{n}");
                office.run(clone, &["progress", "FU-1", &tag]);
                assign(&office, clone, &tag);
                titles.insert(tag);
            }
        }
        for &clone in order {
            sync(&office, clone);
        }
    }
    for clone in 0..3 {
        sync(&office, clone);
    }
    let shared = strings(
        &yaml(&office.clones[0], TASK_FILE),
        "progress",
        Some("note"),
    );
    for clone in 0..3 {
        holds(&office, clone, &titles, &[]);
        let notes = strings(
            &yaml(&office.clones[clone], TASK_FILE),
            "progress",
            Some("note"),
        );
        assert_eq!(notes, shared, "clone {clone}");
        for tag in &titles {
            assert_eq!(
                notes.iter().filter(|n| *n == tag).count(),
                1,
                "{tag}: {notes:?}"
            );
        }
    }
}
