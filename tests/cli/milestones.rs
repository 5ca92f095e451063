//! Milestones (节点督办): `assign --milestone`, `milestone add` and
//! `milestone done` with their refusals, `show`'s marks, and being behind
//! schedule (序时进度滞后) through `remind` (text and JSON), the desk, the
//! brief and `chase`; `assign --urgency`; in both languages. Today is
//! 2026-11-23.

use crate::env::Env;
use crate::snapshots::whole;

/// A register with FU-2026-0001 (办公室, due 12-10, assigned 11-01):
/// milestones 11-20 (missed) and 12-01, urgency 加急.
fn behind() -> Env {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let id = env.run(&[
        "assign",
        "编制应急预案",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-12-10",
        "--milestone",
        "2026-12-01:征求意见",
        "--milestone",
        "2026-11-20：形成初稿",
        "--urgency",
        "加急",
    ]);
    assert_eq!(id, "FU-2026-0001\n");
    env
}

#[test]
fn assign_keeps_milestones_in_date_order_and_the_urgency() {
    let env = behind();
    let yaml = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(
        yaml.contains(
            "milestones:\n- due: 2026-11-20\n  text: 形成初稿\n- due: 2026-12-01\n  text: 征求意见\nurgency: urgent\n"
        ),
        "{yaml}"
    );
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("milestones__show_{lang}"),
            &["--lang", lang, "show", "FU-2026-0001"],
        );
        whole(
            &env,
            &format!("milestones__list_{lang}"),
            &["--lang", lang, "list", "fu"],
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["show", "FU-2026-0001", "-o", "json"])).unwrap();
    assert_eq!(json["urgency"], "urgent");
    assert_eq!(json["milestones"][0]["due"], "2026-11-20");
    env.run(&["check"]);
}

#[test]
fn assign_refuses_a_milestone_after_the_due_date_or_malformed() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let cases: [(&str, &str); 4] = [
        ("after_due", "2026-12-20:上报"),
        ("no_text", "2026-12-01:"),
        ("no_date", "完成方案"),
        ("bad_date", "2026-13-01:上报"),
    ];
    for (name, value) in cases {
        for lang in ["en", "zh"] {
            let args = [
                "--lang",
                lang,
                "assign",
                "x",
                "--lead",
                "BGS",
                "--due",
                "2026-12-10",
                "--milestone",
                value,
            ];
            whole(&env, &format!("milestones__refused_{name}_{lang}"), &args);
            let said = env.fail(&args);
            assert!(
                said.contains("--milestone") || said.contains(value),
                "{said}"
            );
        }
    }
}

#[test]
fn milestone_add_and_done_in_both_languages() {
    let env = behind();
    whole(
        &env,
        "milestones__add_en",
        &[
            "--lang",
            "en",
            "milestone",
            "add",
            "FU-1",
            "2026-11-25",
            "报分管领导审阅",
        ],
    );
    whole(
        &env,
        "milestones__done_zh",
        &[
            "--lang",
            "zh",
            "milestone",
            "done",
            "FU-1",
            "1",
            "--on",
            "2026-11-22",
        ],
    );
    let fu = env.yaml("followups/2026/FU-2026-0001.yaml");
    let steps = fu["milestones"].as_sequence().unwrap();
    let texts: Vec<&str> = steps.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["形成初稿", "报分管领导审阅", "征求意见"]);
    assert_eq!(steps[0]["done"].as_str(), Some("2026-11-22"));
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(
        zh.contains("  1. 2026-11-20  形成初稿  ✓ 2026-11-22 完成"),
        "{zh}"
    );
    assert!(zh.contains("节点完成：1. 形成初稿"), "{zh}");
    assert!(zh.contains("增加节点：2026-11-25 报分管领导审阅"), "{zh}");
    env.run(&["check"]);
}

#[test]
fn milestone_refusals_name_what_was_wrong() {
    let env = behind();
    env.log_in("关于报送材料的通知");
    env.run(&["milestone", "done", "FU-1", "1"]);
    let cases: [(&str, &[&str]); 4] = [
        ("no_such", &["milestone", "done", "FU-1", "5"]),
        ("already", &["milestone", "done", "FU-1", "1"]),
        (
            "after_due",
            &["milestone", "add", "FU-1", "2026-12-11", "总结"],
        ),
        (
            "not_followup",
            &["milestone", "add", "IN-2026-0001", "2026-12-01", "x"],
        ),
    ];
    for (name, args) in cases {
        for lang in ["en", "zh"] {
            let full = [&["--lang", lang][..], args].concat();
            whole(
                &env,
                &format!("milestones__step_refused_{name}_{lang}"),
                &full,
            );
        }
    }
    let en = env.fail(&["--lang", "en", "milestone", "done", "FU-1", "5"]);
    assert!(
        en.contains("FU-2026-0001 has no milestone 5: it has 2"),
        "{en}"
    );
    env.run(&["done", "FU-1"]);
    let closed = env.fail(&[
        "--lang",
        "en",
        "milestone",
        "add",
        "FU-1",
        "2026-12-01",
        "x",
    ]);
    assert!(closed.contains("FU-2026-0001 is closed"), "{closed}");
    let zh = env.fail(&["--lang", "zh", "milestone", "done", "FU-1", "2"]);
    assert!(zh.contains("已办结，节点不再变更"), "{zh}");
}

#[test]
fn a_missed_milestone_is_behind_schedule_in_remind() {
    let env = behind();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("milestones__remind_{lang}"),
            &["--lang", lang, "remind"],
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["remind", "-o", "json"])).unwrap();
    let item = &json[0];
    assert_eq!(item["id"], "FU-2026-0001");
    assert_eq!(item["level"], "behind");
    assert_eq!(item["due"], "2026-11-20");
    assert_eq!(item["days_left"], -3);
    // Done, it is no longer behind; nothing else is due within the window.
    env.run(&["milestone", "done", "FU-1", "1"]);
    assert_eq!(env.run(&["remind"]), "");
}

#[test]
fn overdue_wins_over_behind_schedule() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env.run(&[
        "assign",
        "逾期事项",
        "--lead",
        "BGS",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-11-21",
        "--milestone",
        "2026-11-10:初稿",
    ]);
    env.run(&[
        "assign",
        "今日到期",
        "--lead",
        "BGS",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-11-23",
        "--milestone",
        "2026-11-10:初稿",
    ]);
    env.run(&[
        "assign",
        "即将到期",
        "--lead",
        "BGS",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-11-25",
        "--milestone",
        "2026-11-10:初稿",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["remind", "-o", "json"])).unwrap();
    let levels: Vec<(&str, &str)> = (json.as_array().unwrap().iter())
        .map(|i| (i["id"].as_str().unwrap(), i["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        levels,
        [
            ("FU-2026-0001", "overdue"),
            ("FU-2026-0002", "due-today"),
            ("FU-2026-0003", "behind"),
        ]
    );
    let en = env.run(&["--lang", "en", "remind"]);
    assert!(
        en.contains("1 overdue, 1 due today, 0 due soon, 1 behind schedule"),
        "{en}"
    );
}

#[test]
fn the_desk_and_the_brief_show_it_in_yellow() {
    let env = behind();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("milestones__desk_{lang}"),
            &["--lang", lang, "desk"],
        );
    }
    let desk: serde_json::Value = serde_json::from_str(&env.run(&["desk", "-o", "json"])).unwrap();
    assert_eq!(desk["followups"][0]["level"], "behind", "{desk}");
    for (lang, level, late) in [
        ("en", "behind schedule", "milestone 3 days late"),
        ("zh", "序时进度滞后", "节点逾期3天"),
    ] {
        let html = env.run(&["--lang", lang, "export", "html"]);
        let row = format!("<tr class=\"behind\"><td class=\"lvl\">{level}</td>");
        assert!(html.contains(&row), "{html}");
        assert!(
            html.contains(&format!("<td class=\"n\">{late}</td>")),
            "{html}"
        );
        assert!(html.contains("tr.behind td"), "the brief colours the level");
    }
}

#[test]
fn chase_is_yellow_when_behind_schedule() {
    let env = behind();
    env.run(&["chase", "FU-1"]);
    let fu = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(fu["chases"][0]["level"].as_str(), Some("yellow"));
    env.run(&["remind", "--record"]);
    let fu = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(fu["chases"][1]["level"].as_str(), Some("yellow"));
    let zh = env.output(&["--lang", "zh", "chase", "FU-1"]);
    assert!(String::from_utf8_lossy(&zh.stderr).contains("黄色"));
}

#[test]
fn export_and_import_keep_milestones_and_urgency() {
    let env = behind();
    env.run(&["milestone", "done", "FU-1", "1", "--on", "2026-11-22"]);
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["export", "json", "fu"])).unwrap();
    assert_eq!(json[0]["urgency"], "urgent");
    assert_eq!(json[0]["milestones"][0]["done"], "2026-11-22");
    let csv = env.run(&["export", "csv", "fu"]);
    let sheet = env.root.join("fu.csv");
    std::fs::write(&sheet, &csv).unwrap();
    let other = Env::new();
    other.pin_clock("2026-11-23T09:30:00+08:00");
    other.run(&["import", "csv", "fu", sheet.to_str().unwrap()]);
    let back = other.yaml("followups/2026/FU-2026-0001.yaml");
    let fu = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(back["milestones"], fu["milestones"]);
    assert_eq!(back["urgency"], fu["urgency"]);
}
