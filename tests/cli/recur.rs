//! `taizhang recur`: for cron, the occurrences of standing duties whose
//! period has begun, in one commit, and nothing when run again.

use crate::env::{Env, text};
use crate::snapshots::whole;

/// A weekly report due Fridays, and a monthly meeting on the 1st at
/// 15:00, both begun the week of today (Monday 23 November 2026).
fn duties(env: &Env) {
    env.run(&[
        "assign",
        "报送周工作动态",
        "--lead",
        "FGK",
        "--due",
        "2026-11-27",
        "--every",
        "week:fri",
    ]);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "党组会",
        "--start",
        "2026-11-02 15:00",
        "--venue",
        "党组会议室",
        "--every",
        "month:1",
    ]);
}

#[test]
fn recur_creates_what_has_begun_once_in_one_commit() {
    for lang in ["en", "zh"] {
        let env = Env::new();
        duties(&env);
        let commits = env.commits();
        // Nothing begun yet: silent, no commit.
        assert_eq!(env.run(&["recur"]), "");
        assert_eq!(env.commits(), commits);
        whole(
            &env,
            &format!("recur__dry_run_{lang}"),
            &[
                "--lang",
                lang,
                "--today",
                "2026-12-08",
                "recur",
                "--dry-run",
            ],
        );
        assert_eq!(env.commits(), commits);
        // Two weeks and one month have begun by Tuesday 8 December.
        whole(
            &env,
            &format!("recur__creates_{lang}"),
            &["--lang", lang, "--today", "2026-12-08", "recur"],
        );
        assert_eq!(env.commits(), commits + 1);
        let message = env.git(&["log", "-1", "--format=%s"]);
        assert_eq!(
            message.trim(),
            "taizhang: recur FU-2026-0002 FU-2026-0003 MT-2026-0002"
        );
        // Run again: nothing more.
        let output = env.output(&["--today", "2026-12-08", "recur"]);
        assert!(output.status.success());
        assert!(output.stdout.is_empty() && output.stderr.is_empty());
        assert_eq!(env.commits(), commits + 1);
        env.run(&["check"]);
    }
}

#[test]
fn recur_dates_each_occurrence_by_its_rule() {
    let env = Env::new();
    duties(&env);
    env.run(&["--today", "2026-12-08", "recur"]);
    let due = |id: &str| text(&env.yaml(&format!("followups/2026/{id}.yaml")), "due");
    assert_eq!(due("FU-2026-0002"), "2026-12-04");
    assert_eq!(due("FU-2026-0003"), "2026-12-11");
    // A period made late is assigned on its first day.
    let fu = env.yaml("followups/2026/FU-2026-0002.yaml");
    assert_eq!(text(&fu, "assigned"), "2026-11-30");
    // The meeting of December, on Tuesday the 1st at the same hour.
    let mt = env.yaml("meetings/2026/MT-2026-0002.yaml");
    assert_eq!(text(&mt, "start"), "2026-12-01T15:00:00+08:00");
    assert_eq!(text(&mt, "venue"), "党组会议室");
}

#[test]
fn recur_follows_the_latest_occurrence_whatever_made_it() {
    let env = Env::new();
    duties(&env);
    // `done` made next week's already; recur adds only the week after.
    env.run(&["done", "FU-1"]);
    let out = env.run(&["--today", "2026-12-08", "recur"]);
    assert_eq!(out, "FU-2026-0003\nMT-2026-0002\n");
}

#[test]
fn recur_with_no_commit_writes_without_committing() {
    let env = Env::new();
    duties(&env);
    let commits = env.commits();
    env.run(&["--no-commit", "--today", "2026-12-01", "recur"]);
    assert_eq!(env.commits(), commits);
    assert!(env.status().contains("FU-2026-0002.yaml"));
}
