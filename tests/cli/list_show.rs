//! `list` with every filter and format, and `show` in both languages.

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::{NOW, whole};

/// A register with a spread of records:
/// IN-1 (assigned to 财务科, deadline 2026-11-20: overdue),
/// IN-2 (info item from 市政府办, received 2026-10-05),
/// OUT-1, FU-1 (办公室, 李明, overdue), FU-2 (法规科, due in 2 days),
/// FU-3 (办公室, closed).
fn sample() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于报送统计数据的通知",
        "--from",
        "省交通运输厅",
        "--lead",
        "CWK",
        "--deadline",
        "2026-11-20",
        "--received",
        "2026-11-02",
    ]);
    env.run(&[
        "log",
        "in",
        "--title",
        "市政府工作简报",
        "--from",
        "市政府办",
        "--handling",
        "阅件",
        "--received",
        "2026-10-05 14:00",
    ]);
    env.run(&[
        "log",
        "out",
        "--title",
        "关于安全检查的通知",
        "--to",
        "各区局",
    ]);
    env.run(&[
        "assign",
        "清理积压文件",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-11-16",
    ]);
    env.run(&[
        "assign",
        "修订执法规范",
        "--lead",
        "FGK",
        "--owner",
        "赵敏",
        "--due",
        "+2d",
    ]);
    env.run(&["assign", "已完成的事项", "--lead", "BGS", "--due", "+10d"]);
    env.run(&["done", "FU-3"]);
    env
}

fn ids(env: &Env, args: &[&str]) -> Vec<String> {
    let mut full = vec!["list", "--format", "json"];
    full.extend_from_slice(args);
    let json: Value = serde_json::from_str(&env.run(&full)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_filters() {
    let env = sample();
    let all = ids(&env, &[]);
    assert_eq!(all.len(), 6, "{all:?}");
    assert_eq!(
        ids(&env, &["fu"]),
        ["FU-2026-0001", "FU-2026-0002", "FU-2026-0003"]
    );
    assert_eq!(ids(&env, &["followup"]).len(), 3);
    assert_eq!(ids(&env, &["in"]), ["IN-2026-0001", "IN-2026-0002"]);
    assert_eq!(ids(&env, &["out"]), ["OUT-2026-0001"]);
    assert_eq!(ids(&env, &["document"]).len(), 3);
    assert_eq!(ids(&env, &["fu", "--status", "closed"]), ["FU-2026-0003"]);
    assert_eq!(ids(&env, &["fu", "--status", "已办结"]), ["FU-2026-0003"]);
    assert_eq!(ids(&env, &["--status", "open,closed"]).len(), 3);
    assert_eq!(
        ids(&env, &["--unit", "BGS"]),
        ["FU-2026-0001", "FU-2026-0003"]
    );
    assert_eq!(ids(&env, &["--unit", "财务科"]), ["IN-2026-0001"]);
    assert_eq!(ids(&env, &["fu", "--owner", "赵敏"]), ["FU-2026-0002"]);
    assert_eq!(
        ids(&env, &["--since", "2026-11-01", "--until", "2026-11-10"]),
        ["FU-2026-0001", "IN-2026-0001"]
    );
    assert_eq!(ids(&env, &["--until", "2026-10-31"]), ["IN-2026-0002"]);
    assert_eq!(ids(&env, &["--overdue"]), ["FU-2026-0001", "IN-2026-0001"]);
    assert_eq!(
        ids(&env, &["fu", "--due-within", "3d"]),
        ["FU-2026-0001", "FU-2026-0002"]
    );
    assert_eq!(ids(&env, &["--search", "执法"]), ["FU-2026-0002"]);
    assert_eq!(ids(&env, &["--search", "市政府办"]), ["IN-2026-0002"]);
    assert_eq!(ids(&env, &["--year", "2026"]).len(), 6);
    assert!(ids(&env, &["--year", "2025"]).is_empty());
    assert!(ids(&env, &["fu", "--unit", "ZFZD"]).is_empty());
}

#[test]
fn list_json_has_overdue_and_days_left() {
    let env = sample();
    let json: Value = serde_json::from_str(&env.run(&["list", "fu", "--format", "json"])).unwrap();
    let records = json.as_array().unwrap();
    assert_eq!(records[0]["id"], "FU-2026-0001");
    assert_eq!(records[0]["overdue"], true);
    assert_eq!(records[0]["days_left"], -7);
    assert_eq!(records[0]["lead"], "办公室");
    assert_eq!(records[0]["due"], "2026-11-16");
    assert_eq!(records[1]["overdue"], false);
    assert_eq!(records[1]["days_left"], 2);
    assert_eq!(records[2]["status"], "closed");
    assert_eq!(records[2]["overdue"], false);
    // An empty selection is an empty array, not nothing.
    assert_eq!(env.run(&["list", "mt", "--format", "json"]).trim(), "[]");
}

#[test]
fn list_csv_markdown_and_table() {
    let env = sample();
    let csv = env.run(&["list", "fu", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("ID,Title,Status,Lead unit,Owner,Assigned,Due,Days left")
    );
    assert_eq!(
        lines.next(),
        Some("FU-2026-0001,清理积压文件,open,办公室,李明,2026-11-01,2026-11-16,-7")
    );
    assert_eq!(csv.lines().count(), 4, "{csv}");
    whole(&env, "list__fu_markdown", &["list", "fu", "-o", "markdown"]);
    whole(&env, "list__fu_table", &["list", "fu"]);
}

#[test]
fn list_of_nothing_exits_zero() {
    let env = Env::new();
    let output = env.output(&["list", "--overdue"]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
}

#[test]
fn show_readably_in_both_languages() {
    let env = sample();
    whole(&env, "show__followup_en", &["--lang", "en", "show", "FU-1"]);
    whole(&env, "show__followup_zh", &["--lang", "zh", "show", "FU-1"]);
}

#[test]
fn show_json_gives_the_record() {
    let env = sample();
    let json: Value =
        serde_json::from_str(&env.run(&["show", "IN-2026-0001", "-o", "json"])).unwrap();
    assert_eq!(json["id"], "IN-2026-0001");
    assert_eq!(json["sender"], "省交通运输厅");
    assert_eq!(json["status"], "assigned");
    assert_eq!(json["lead"], "财务科");
    assert_eq!(json["overdue"], true);
    assert_eq!(json["days_left"], -3);
    assert_eq!(json["history"][0]["action"], "log");
}

#[test]
fn status_accepts_every_chinese_word_for_it() {
    let env = sample();
    let closed = ids(&env, &["fu", "--status", "closed"]);
    assert!(!closed.is_empty());
    assert_eq!(ids(&env, &["fu", "--status", "已办结"]), closed);
    assert_eq!(ids(&env, &["fu", "--status", "已销号"]), closed);
}
