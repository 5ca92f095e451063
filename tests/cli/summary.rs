//! `summary` (docs/summaries.md): the JSON shape key for key with
//! hand-checked figures, the brief in both languages, CSV with a BOM, bad
//! periods.

use serde_json::{Value, json};

use crate::env::Env;
use crate::snapshots::whole;

/// Today is 2026-11-23; the figures for 2026-11 are worked out in
/// `json_has_every_figure_of_the_design`.
fn office() -> Env {
    let env = Env::new();
    let assign = |title: &str, lead: &str, assigned: &str, due: &str, more: &[&str]| {
        let mut args = vec![
            "assign",
            title,
            "--lead",
            lead,
            "--assigned",
            assigned,
            "--due",
            due,
        ];
        args.extend(more);
        env.run(&args);
    };
    assign(
        "修订值班制度",
        "BGS",
        "2026-11-02",
        "2026-11-20",
        &["--owner", "李明"],
    );
    assign("年终总结材料", "CWK", "2026-11-03", "2026-11-16", &[]);
    assign("办公用房清查", "BGS", "2026-11-05", "2026-11-10", &[]);
    assign("规范性文件清理", "FGK", "2026-11-06", "2026-12-15", &[]);
    assign("档案移交", "BGS", "2026-10-08", "2026-10-30", &[]);
    assign(
        "专项资金核查",
        "CWK",
        "2026-11-10",
        "2026-11-18",
        &["--secrecy", "秘密"],
    );
    env.run(&["--today", "2026-11-13", "done", "FU-2026-0002"]);
    env.run(&["--today", "2026-11-12", "done", "FU-2026-0003"]);

    let log_in = |title: &str, received: &str, more: &[&str]| {
        let mut args = vec![
            "log",
            "in",
            "--title",
            title,
            "--from",
            "省厅",
            "--received",
            received,
        ];
        args.extend(more);
        env.run(&args);
    };
    log_in(
        "关于冬季安全生产的通知",
        "2026-11-02",
        &[
            "--urgency",
            "urgent",
            "--deadline",
            "2026-11-09",
            "--lead",
            "BGS",
        ],
    );
    log_in("工作简报第10期", "2026-11-05", &["--handling", "info"]);
    log_in(
        "关于报送年度预算的通知",
        "2026-11-20",
        &["--deadline", "2026-11-21", "--lead", "CWK"],
    );
    env.run(&["--today", "2026-11-08", "doc", "done", "IN-2026-0001"]);
    env.run(&["log", "out", "--title", "关于报送材料的函", "--to", "省厅"]);
    env.run(&[
        "log",
        "out",
        "--title",
        "关于十月工作的报告",
        "--to",
        "市政府",
        "--signed",
        "2026-10-28",
    ]);
    env.write(
        "meetings/2026/MT-2026-0001.yaml",
        "id: MT-2026-0001\ntitle: 局务会\nstatus: held\nstart: 2026-11-10\n\
         created: 2026-11-09T09:00:00+08:00\ndecisions:\n- n: 1\n  text: 部署冬季安全检查\n\
         - n: 2\n  text: 研究年度预算\n",
    );
    env.write(
        "logbooks/seal/2026/SEAL-2026-0001.yaml",
        "id: SEAL-2026-0001\ntitle: 用印\ncreated: 2026-11-05T10:00:00+08:00\ndate: 2026-11-05\n\
         seal: 局印\nunit: 办公室\nhandler: 王芳\npurpose: 报送材料\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "meeting and seal entry by hand"]);
    env
}

fn figures(env: &Env, args: &[&str]) -> Value {
    let mut full = vec!["summary", "-o", "json"];
    full.extend(args);
    serde_json::from_str(&env.run(&full)).unwrap()
}

#[test]
fn json_has_every_figure_of_the_design() {
    let env = office();
    // Documents received in November: IN-1 (urgent, action), IN-2 (info),
    // IN-3 (action) = 3. Outgoing: OUT-1 (created today, unsigned); OUT-2
    // was signed in October. IN-1 was completed 11-08; IN-3 is pending and
    // its deadline 11-21 is past.
    // Follow-ups assigned in November: FU-1, 2, 3, 4, 6 = 5 (FU-5 in October).
    // Closed: FU-2 (11-13, due 11-16, on time), FU-3 (11-12, due 11-10, late).
    // Due in November: FU-1, 2, 3, 6 = 4, of which closed 2.
    // Open on 11-23: FU-1, 4, 5, 6; overdue FU-1 (3 days), FU-5 (due 10-30:
    // 24 days), FU-6 (5 days, classified).
    let value = figures(&env, &["--period", "2026-11"]);
    let expected = json!({
        "period": {"from": "2026-11-01", "to": "2026-11-30"},
        "documents": {
            "incoming": 3,
            "incoming_by_urgency": {"normal": 2, "urgent": 1, "very-urgent": 0},
            "incoming_by_handling": {"action": 2, "info": 1},
            "outgoing": 1,
            "incoming_done": 1,
            "incoming_pending": 1,
            "incoming_overdue": 1
        },
        "followups": {
            "assigned": 5, "closed": 2, "closed_on_time": 1, "on_time_rate": 0.5,
            "due": 4, "due_closed": 2, "completion_rate": 0.5, "open": 4, "overdue": 3,
            "parts": 0
        },
        "by_unit": [
            {"unit": "办公室", "assigned": 2, "closed": 1, "closed_on_time": 0, "open": 2, "overdue": 2},
            {"unit": "法规科", "assigned": 1, "closed": 0, "closed_on_time": 0, "open": 1, "overdue": 0},
            {"unit": "财务科", "assigned": 2, "closed": 1, "closed_on_time": 1, "open": 1, "overdue": 1}
        ],
        "overdue": [
            {"id": "FU-2026-0005", "title": "档案移交", "unit": "办公室", "owner": null, "due": "2026-10-30", "days_overdue": 24},
            {"id": "FU-2026-0006", "title": "[secret] FU-2026-0006", "unit": "财务科", "owner": null, "due": "2026-11-18", "days_overdue": 5},
            {"id": "FU-2026-0001", "title": "修订值班制度", "unit": "办公室", "owner": "李明", "due": "2026-11-20", "days_overdue": 3}
        ],
        "meetings": {"held": 1, "decisions": 2, "items": [
            {"id": "MT-2026-0001", "title": "局务会", "date": "2026-11-10", "decisions": 2,
             "present": 0, "absent": 0,
             "implementation": {"due": 0, "on_time": 0, "rate": null}}
        ]},
        "logbooks": {"carrier": 0, "duty": 0, "items": 0, "letter": 0, "loan": 0, "reception": 0, "seal": 1, "vehicle": 0, "visit": 0}
    });
    assert_eq!(value, expected);
    // this-month is the default period.
    assert_eq!(figures(&env, &[]), expected);
    // Rates are null when nothing was closed or due.
    let empty = figures(&env, &["--period", "2025"]);
    assert_eq!(empty["followups"]["on_time_rate"], Value::Null);
    assert_eq!(empty["followups"]["completion_rate"], Value::Null);
    assert_eq!(empty["by_unit"], json!([]));
}

#[test]
fn unit_narrows_every_figure() {
    let env = office();
    let value = figures(&env, &["--period", "2026-11", "--unit", "CWK"]);
    assert_eq!(value["followups"]["assigned"], 2);
    assert_eq!(value["documents"]["incoming"], 1);
    assert_eq!(value["by_unit"].as_array().unwrap().len(), 1);
}

/// The brief for the monthly meeting: one sentence, then the tables; a
/// classified title shows only its level unless asked for.
#[test]
fn markdown_brief_in_both_languages() {
    let env = office();
    whole(
        &env,
        "summary__markdown_zh",
        &["--lang", "zh", "summary", "-o", "markdown"],
    );
    whole(
        &env,
        "summary__markdown_en",
        &[
            "--lang", "en", "summary", "-o", "markdown", "--period", "2026-11",
        ],
    );
    let zh = env.run(&["--lang", "zh", "summary", "-o", "markdown"]);
    assert!(!zh.contains("专项资金核查"), "{zh}");
    let shown = env.run(&["summary", "-o", "markdown", "--show-classified"]);
    assert!(shown.contains("专项资金核查"), "{shown}");
}

#[test]
fn table_in_both_languages() {
    let env = office();
    whole(&env, "summary__table_zh", &["--lang", "zh", "summary"]);
    whole(&env, "summary__table_en", &["--lang", "en", "summary"]);
}

#[test]
fn csv_of_the_units_part_is_the_by_unit_table_with_an_optional_bom() {
    // The whole CSV of old, still there for the scripts that read it.
    let env = office();
    let csv = env.run(&["--lang", "zh", "summary", "-o", "csv", "--part", "units"]);
    assert_eq!(
        csv,
        "牵头单位,交办,办结,按期办结,在办,逾期\n办公室,2,1,0,2,2\n法规科,1,0,0,1,0\n财务科,2,1,1,1,1\n"
    );
    let bom = env.run(&[
        "--lang", "zh", "summary", "-o", "csv", "--part", "units", "--bom",
    ]);
    assert_eq!(bom, format!("\u{feff}{csv}"));
}

#[test]
fn a_bad_period_names_the_input_and_the_forms() {
    let env = office();
    whole(
        &env,
        "summary__bad_period_en",
        &["--lang", "en", "summary", "--period", "2026-13"],
    );
    whole(
        &env,
        "summary__bad_period_zh",
        &["--lang", "zh", "summary", "--period", "下个月"],
    );
}

#[test]
fn iso_weeks_and_ranges() {
    let env = office();
    let week = figures(&env, &["--period", "2026-W47"]);
    assert_eq!(
        week["period"],
        json!({"from": "2026-11-16", "to": "2026-11-22"})
    );
    // Week 47: IN-3 received 11-20; FU-6 due 11-18, FU-1 due 11-20, FU-2 due 11-16.
    assert_eq!(week["documents"]["incoming"], 1);
    assert_eq!(week["followups"]["due"], 3);
    let range = figures(&env, &["--period", "2026-11-01..2026-11-05"]);
    assert_eq!(range["followups"]["assigned"], 3);
}
