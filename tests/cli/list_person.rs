//! `list --person`: everything that names a person in any role, asked of
//! each kind (docs/everyday.md), with the other filters and every format.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

/// 陈建国 (the director) in the example register: signer of outgoing
/// documents, routed incoming papers, host and attendee of meetings,
/// leader on duty, and who assigned follow-ups.
const DIRECTOR: &str = "陈建国";

fn ids(env: &Env, args: &[&str]) -> Vec<String> {
    let mut full = vec!["list", "-o", "json"];
    full.extend_from_slice(args);
    let rows: Vec<Value> = serde_json::from_str(&env.run(&full)).unwrap();
    (rows.iter())
        .map(|row| row["id"].as_str().unwrap().to_string())
        .collect()
}

fn prefixes(ids: &[String]) -> BTreeSet<&str> {
    ids.iter().map(|id| id.split('-').next().unwrap()).collect()
}

#[test]
fn a_person_is_found_in_every_kind_that_names_them() {
    let env = Env::example();
    let found = ids(&env, &["--person", DIRECTOR]);
    let kinds = prefixes(&found);
    for kind in ["IN", "OUT", "FU", "MT", "DUTY"] {
        assert!(kinds.contains(kind), "{kind} in {kinds:?}");
    }
    // Each by its role: a signer, a routing, a host, the leader on duty.
    for (id, role) in [
        ("OUT-2026-0002", "signer"),
        ("IN-2026-0009", "circulation"),
        ("MT-2026-0003", "host"),
        ("DUTY-2026-0003", "leader"),
    ] {
        assert!(found.iter().any(|f| f == id), "{id} ({role}) in {found:?}");
    }
    // A duty officer, written by the roster as text, is named too; the
    // other day's leader is not 陈建国.
    let officer = ids(&env, &["duty", "--person", "王丽"]);
    assert_eq!(officer, ["DUTY-2026-0003"]);
    assert!(!found.iter().any(|f| f == "DUTY-2026-0002"));
    // Words in a title or a note do not name a person: only their roles.
    assert!(
        !found.iter().any(|f| f == "IN-2026-0013"),
        "named in its notes only"
    );
}

#[test]
fn it_combines_with_the_other_filters() {
    let env = Env::example();
    let meetings = ids(&env, &["mt", "--person", DIRECTOR]);
    assert!(!meetings.is_empty());
    assert!(
        meetings.iter().all(|id| id.starts_with("MT-")),
        "{meetings:?}"
    );
    let open = ids(&env, &["--person", DIRECTOR, "--open"]);
    let all = ids(&env, &["--person", DIRECTOR]);
    assert!(!open.is_empty() && open.len() < all.len());
    assert!(open.iter().all(|id| all.contains(id)));
    let since = ids(&env, &["--person", DIRECTOR, "--since", "2026-11-01"]);
    assert!(
        !since.iter().any(|id| id.ends_with("2025-0001")),
        "{since:?}"
    );
    assert!(ids(&env, &["--person", "无此人"]).is_empty());
}

#[test]
fn every_format_in_both_languages() {
    let env = Env::example();
    for lang in ["en", "zh"] {
        for format in ["table", "csv", "markdown"] {
            whole(
                &env,
                &format!("list_person__{format}_{lang}"),
                &[
                    "--lang", lang, "list", "--person", DIRECTOR, "--open", "-o", format,
                ],
            );
        }
    }
    // The CSV reads back with a row per record JSON lists.
    let csv = env.run(&["list", "--person", DIRECTOR, "-o", "csv"]);
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, ids(&env, &["--person", DIRECTOR]).len());
}

#[test]
fn an_empty_name_is_refused() {
    let env = Env::example();
    whole(
        &env,
        "list_person__empty_en",
        &["--lang", "en", "list", "--person", " "],
    );
    whole(
        &env,
        "list_person__empty_zh",
        &["--lang", "zh", "list", "--person", " "],
    );
}
