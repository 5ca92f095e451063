//! A past period's figures are those of its last day (docs/summaries.md,
//! "As of the period's end"): what was overdue last week stays overdue in
//! last week's brief after it was extended, closed or reopened this week.
//!
//! Today is Monday 2026-11-23; last week is 2026-11-16..22 (W47).

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

/// Four follow-ups assigned on 11-02 and what happened to them:
/// FU-1 due 11-20, extended today to 12-10 (overdue last Sunday);
/// FU-2 due 11-18, closed today (overdue last Sunday);
/// FU-3 due 11-25, closed 11-19 and reopened today (closed last week);
/// FU-4 due 11-20, closed 11-21 (late, and so last week);
/// and a paper with a deadline of 11-18 finished today.
fn week() -> Env {
    let env = Env::new();
    for (title, due) in [
        ("修订值班制度", "2026-11-20"),
        ("年终总结材料", "2026-11-18"),
        ("办公用房清查", "2026-11-25"),
        ("档案移交", "2026-11-20"),
    ] {
        env.run(&[
            "--today",
            "2026-11-02",
            "assign",
            title,
            "--lead",
            "BGS",
            "--due",
            due,
        ]);
    }
    env.run(&["--today", "2026-11-19", "done", "FU-2026-0003"]);
    env.run(&["--today", "2026-11-21", "done", "FU-2026-0004"]);
    env.run(&[
        "extend",
        "FU-2026-0001",
        "--to",
        "2026-12-10",
        "--reason",
        "等待批复",
    ]);
    env.run(&["done", "FU-2026-0002"]);
    env.run(&["reopen", "FU-2026-0003", "--reason", "材料不全"]);
    env.run(&[
        "--today",
        "2026-11-10",
        "log",
        "in",
        "--title",
        "关于冬季安全生产的通知",
        "--from",
        "省厅",
        "--received",
        "2026-11-10",
    ]);
    env.run(&[
        "--today",
        "2026-11-10",
        "doc",
        "assign",
        "IN-2026-0001",
        "--lead",
        "BGS",
        "--deadline",
        "2026-11-18",
    ]);
    env.run(&["doc", "done", "IN-2026-0001"]);
    env
}

fn figures(env: &Env, period: &str) -> Value {
    serde_json::from_str(&env.run(&["summary", "--period", period, "-o", "json"])).unwrap()
}

fn ids(value: &Value) -> Vec<&str> {
    (value["overdue"].as_array().unwrap().iter())
        .map(|row| row["id"].as_str().unwrap())
        .collect()
}

#[test]
fn last_weeks_brief_keeps_what_was_overdue_on_its_last_day() {
    let env = week();
    let last = figures(&env, "last-week");
    assert_eq!(last["period"]["to"], "2026-11-22");
    // Extended and closed this week, both were overdue on Sunday.
    assert_eq!(ids(&last), ["FU-2026-0002", "FU-2026-0001"]);
    assert_eq!(last["overdue"][1]["due"], "2026-11-20", "the due date then");
    assert_eq!(last["overdue"][1]["days_overdue"], 2);
    let f = &last["followups"];
    assert_eq!(
        (f["open"].as_u64(), f["overdue"].as_u64()),
        (Some(2), Some(2))
    );
    // FU-3 closed on Thursday (on time) and FU-4 on Saturday (late) count
    // as closed last week; FU-3's reopening today does not undo it.
    assert_eq!(
        (f["closed"].as_u64(), f["closed_on_time"].as_u64()),
        (Some(2), Some(1))
    );
    // Due last week: FU-1 (11-20 then), FU-2, FU-4; of those closed by
    // Sunday, FU-4.
    assert_eq!(
        (f["due"].as_u64(), f["due_closed"].as_u64()),
        (Some(3), Some(1))
    );
    // The paper finished today was pending and overdue on Sunday.
    let d = &last["documents"];
    assert_eq!(
        (
            d["incoming_pending"].as_u64(),
            d["incoming_overdue"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn this_week_counts_the_register_as_it_is_today() {
    let env = week();
    let now = figures(&env, "this-week");
    // FU-1 is now due 12-10, FU-2 closed, FU-3 open again (due 11-25).
    assert_eq!(ids(&now), Vec::<&str>::new());
    let f = &now["followups"];
    assert_eq!(
        (f["open"].as_u64(), f["overdue"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(f["closed"].as_u64(), Some(1), "FU-2, closed today");
    assert_eq!(now["documents"]["incoming_pending"].as_u64(), Some(0));
}

/// The brief of last week as a leader reads it, in both languages.
#[test]
fn last_weeks_brief_in_both_languages() {
    let env = week();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("asof__last_week_{lang}"),
            &[
                "--lang",
                lang,
                "summary",
                "--period",
                "last-week",
                "-o",
                "markdown",
                "--part",
                "overdue",
            ],
        );
    }
}
