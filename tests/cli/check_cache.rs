//! `check` takes from the cache that an unchanged record was found clean
//! by its own rules (docs/exit-codes-and-performance.md), and never
//! reports less for it: findings across records are still found from
//! what the cache keeps, a record with findings is held to its rules on
//! every run, and a hand edit of a record found clean is checked again,
//! whatever its size and modification time say.
//!
//! Each test moves the clock ahead after writing records (`skip_ahead`):
//! the cache leaves out files changed within 3 s of now.

use std::time::{Duration, SystemTime};

use crate::env::Env;

const CACHE: &str = ".taizhang/cache.bin";
const FU: &str = "followups/2026/FU-2026-0001.yaml";

/// `check` in JSON: succeeds or fails, its findings either way.
fn check(env: &Env) -> String {
    let output = env.output(&["check", "--format", "json"]);
    String::from_utf8(output.stdout).unwrap()
}

/// A paper and a follow-up made from it, old enough to be cached, and the
/// cache written by `check`, which found both clean.
fn checked_env() -> Env {
    let env = Env::new();
    env.log_in("关于做好冬季安全生产工作的通知");
    env.run(&[
        "assign",
        "落实冬季安全生产检查",
        "--lead",
        "BGS",
        "--due",
        "+2w",
        "--from",
        "IN-1",
    ]);
    env.skip_ahead();
    env.run(&["list"]);
    let listed = std::fs::read(env.root.join(CACHE)).unwrap();
    assert!(!check(&env).contains("severity"), "a clean register");
    let checked = std::fs::read(env.root.join(CACHE)).unwrap();
    assert!(
        checked.len() > listed.len(),
        "check keeps what it found clean in the cache"
    );
    assert!(!check(&env).contains("severity"));
    assert_eq!(
        std::fs::read(env.root.join(CACHE)).unwrap(),
        checked,
        "a second check rewrites nothing"
    );
    env
}

/// What `check` finds, and that it finds the same from the cache as
/// without one.
fn findings_with_and_without_cache(env: &Env) -> String {
    let first = check(env);
    assert_eq!(check(env), first, "the second run, from the cache");
    std::fs::remove_file(env.root.join(CACHE)).unwrap();
    assert_eq!(check(env), first, "without a cache");
    first
}

/// The follow-up's due date moved before its assignment: an error of the
/// record's own rules. The new text has the same length as the old.
fn due_before_assigned(text: &str) -> String {
    let due = text
        .lines()
        .find_map(|l| l.strip_prefix("due: "))
        .expect("a due date");
    let edited = text.replace(&format!("due: {due}"), "due: 2020-01-01");
    assert_eq!(edited.len(), text.len());
    edited
}

fn set_mtime(env: &Env, relative: &str, mtime: SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(env.root.join(relative))
        .unwrap();
    file.set_modified(mtime).unwrap();
}

#[test]
fn a_finding_across_records_is_found_from_what_the_cache_keeps() {
    let env = checked_env();
    // The paper's link to its follow-up removed by hand: the follow-up
    // names the paper, which no longer lists it.
    let paper = "documents/2026/IN-2026-0001.yaml";
    let text = env.read(paper);
    let unlinked: String = (text.lines())
        .filter(|l| !l.starts_with("followups:") && !l.starts_with("- FU-2026-0001"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(unlinked, text, "the paper listed its follow-up");
    env.write(paper, &unlinked);
    env.git(&["commit", "-qam", "unlinked"]);
    env.skip_ahead();
    let found = findings_with_and_without_cache(&env);
    assert!(
        found.contains("FU-2026-0001") && found.contains("IN-2026-0001"),
        "{found}"
    );
    // The follow-up, found clean on its own, came from the cache on the
    // second run; the paper too, once a check had rewritten it.
    check(&env);
    assert_eq!(check(&env), found);
}

#[test]
fn a_records_own_finding_is_reported_on_every_run() {
    let env = checked_env();
    env.write(FU, &(env.read(FU) + "titel: 拼错的字段\n"));
    env.git(&["commit", "-qam", "typo"]);
    env.skip_ahead();
    let found = findings_with_and_without_cache(&env);
    assert!(found.contains("titel"), "{found}");
    check(&env);
    assert_eq!(check(&env), found);
}

#[test]
fn an_edit_of_the_same_size_with_a_new_mtime_is_checked_again() {
    let env = checked_env();
    let before = std::fs::metadata(env.root.join(FU)).unwrap();
    let edited = due_before_assigned(&env.read(FU));
    std::fs::write(env.root.join(FU), &edited).unwrap();
    set_mtime(
        &env,
        FU,
        before.modified().unwrap() + Duration::from_secs(5),
    );
    let found = check(&env);
    assert!(found.contains("FU-2026-0001"), "{found}");
    assert!(found.contains("\"field\": \"due\""), "{found}");
}

#[test]
fn an_edit_with_the_same_mtime_and_another_size_is_checked_again() {
    let env = checked_env();
    let before = std::fs::metadata(env.root.join(FU)).unwrap();
    let edited = due_before_assigned(&env.read(FU)) + "notes: 补充说明\n";
    std::fs::write(env.root.join(FU), &edited).unwrap();
    set_mtime(&env, FU, before.modified().unwrap());
    let after = std::fs::metadata(env.root.join(FU)).unwrap();
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
    assert_ne!(after.len(), before.len());
    let found = check(&env);
    assert!(found.contains("\"field\": \"due\""), "{found}");
}

#[test]
fn an_edit_of_the_same_size_and_mtime_is_checked_again() {
    let env = checked_env();
    let before = std::fs::metadata(env.root.join(FU)).unwrap();
    std::fs::write(env.root.join(FU), due_before_assigned(&env.read(FU))).unwrap();
    set_mtime(&env, FU, before.modified().unwrap());
    let found = check(&env);
    assert!(found.contains("\"field\": \"due\""), "{found}");
}
