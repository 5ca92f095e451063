//! `remind` (docs/reminders.md): levels, grouping, JSON shape, the silent
//! case for cron, `--record`, and classified titles.

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

/// A small office, today being Monday 2026-11-23:
/// - FU-1 办公室/李明, due 11-20: overdue 3 days
/// - FU-2 财务科, due today
/// - FU-3 办公室/李明, due 11-25: due soon
/// - FU-4 法规科, due 12-07: beyond the default 3 days
/// - FU-5 办公室, due 11-18, closed: never reminded
/// - IN-1 action paper led by 财务科, deadline 11-24: due soon
pub fn office() -> Env {
    let env = Env::new();
    let fu = |title: &str, lead: &str, due: &str, owner: Option<&str>| {
        let mut args = vec![
            "assign",
            title,
            "--lead",
            lead,
            "--due",
            due,
            "--assigned",
            "2026-11-02",
        ];
        if let Some(owner) = owner {
            args.extend(["--owner", owner]);
        }
        env.run(&args);
    };
    fu("修订值班制度", "BGS", "2026-11-20", Some("李明"));
    fu("年终总结材料", "CWK", "2026-11-23", None);
    fu("冬季安全检查", "BGS", "2026-11-25", Some("李明"));
    fu("规范性文件清理", "FGK", "2026-12-07", None);
    fu("办公用房清查", "BGS", "2026-11-18", None);
    env.run(&["--today", "2026-11-10", "done", "FU-2026-0005"]);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于报送年度预算的通知",
        "--from",
        "市财政局",
        "--urgency",
        "urgent",
        "--deadline",
        "2026-11-24",
        "--lead",
        "CWK",
    ]);
    env
}

fn json(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&env.run(args)).unwrap()
}

#[test]
fn silent_when_nothing_is_due_in_both_languages() {
    let env = Env::new();
    env.run(&["assign", "远期事项", "--lead", "BGS", "--due", "+2w"]);
    for lang in ["en", "zh"] {
        for format in ["table", "markdown", "csv"] {
            let out = env.output(&["--lang", lang, "remind", "-o", format]);
            assert_eq!(out.status.code(), Some(0));
            assert!(out.stdout.is_empty(), "{lang} {format}: stdout not empty");
            assert!(out.stderr.is_empty(), "{lang} {format}: stderr not empty");
        }
        // --record with nothing to chase: still silent, no commit.
        let commits = env.commits();
        let out = env.output(&["--lang", lang, "remind", "--record"]);
        assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
        assert_eq!(env.commits(), commits);
        assert_eq!(env.run(&["--lang", lang, "remind", "-o", "json"]), "[]\n");
    }
}

#[test]
fn json_is_a_flat_array_sorted_by_level_due_id_with_exact_keys() {
    let env = office();
    let items = json(&env, &["remind", "-o", "json"]);
    let items = items.as_array().unwrap();
    let got: Vec<(&str, &str, i64)> = items
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap(),
                i["level"].as_str().unwrap(),
                i["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("FU-2026-0001", "overdue", -3),
            ("FU-2026-0002", "due-today", 0),
            ("IN-2026-0001", "due-soon", 1),
            ("FU-2026-0003", "due-soon", 2),
        ]
    );
    for item in items {
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "days_left",
                "due",
                "id",
                "kind",
                "level",
                "owner",
                "title",
                "unit"
            ]
        );
    }
    assert_eq!(
        items[0],
        serde_json::json!({
            "id": "FU-2026-0001", "kind": "followup", "title": "修订值班制度",
            "unit": "办公室", "owner": "李明", "due": "2026-11-20",
            "days_left": -3, "level": "overdue"
        })
    );
    assert_eq!(items[2]["kind"], "incoming");
    assert_eq!(items[2]["owner"], Value::Null);
    // JSON does not change with the language.
    assert_eq!(
        json(&env, &["--lang", "zh", "remind", "-o", "json"]),
        json(&env, &["remind", "-o", "json"])
    );
}

#[test]
fn text_groups_by_unit_then_owner_overdue_first() {
    let env = office();
    let en = env.run(&["--lang", "en", "remind"]);
    assert_eq!(
        en,
        "Reminders for 2026-11-23: 1 overdue, 1 due today, 2 due soon\n\
         \n\
         办公室\n\
        \x20 李明\n\
        \x20   overdue 3 days  FU-2026-0001  修订值班制度  (due 2026-11-20)\n\
        \x20   due in 2 days  FU-2026-0003  冬季安全检查  (due 2026-11-25)\n\
         \n\
         财务科\n\
        \x20 (no owner)\n\
        \x20   due today  FU-2026-0002  年终总结材料  (due 2026-11-23)\n\
        \x20   due in 1 day  IN-2026-0001  关于报送年度预算的通知  (due 2026-11-24)\n"
    );
    whole(&env, "remind__text_zh", &["--lang", "zh", "remind"]);
    whole(
        &env,
        "remind__csv_en",
        &["--lang", "en", "remind", "-o", "csv"],
    );
    whole(
        &env,
        "remind__markdown_zh",
        &["--lang", "zh", "remind", "-o", "markdown"],
    );
}

#[test]
fn within_unit_and_owner_narrow_the_reminders() {
    let env = office();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["remind", "-o", "json"];
        full.extend(args);
        json(&env, &full)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--within", "0d"]), ["FU-2026-0001", "FU-2026-0002"]);
    assert_eq!(ids(&["--within", "2w"]).len(), 5);
    assert_eq!(ids(&["--unit", "CWK"]), ["FU-2026-0002", "IN-2026-0001"]);
    assert_eq!(ids(&["--owner", "李明"]), ["FU-2026-0001", "FU-2026-0003"]);
    // The default comes from remind.within in taizhang.toml.
    let settings = env.read("taizhang.toml");
    assert!(settings.contains("within = \"3d\""), "{settings}");
    env.write(
        "taizhang.toml",
        &settings.replace("within = \"3d\"", "within = \"2w\""),
    );
    assert_eq!(ids(&[]).len(), 5);
    let err = env.fail(&["remind", "--within", "soon"]);
    assert!(err.contains("soon"), "{err}");
}

#[test]
fn record_chases_every_reminded_followup_in_one_commit() {
    let env = office();
    let commits = env.commits();
    let out = env.run(&["remind", "--record", "-o", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(env.commits(), commits + 1);
    assert!(env.git(&["status", "--porcelain"]).is_empty());
    let changed = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        changed.lines().collect::<Vec<_>>(),
        [
            // The reminded action paper is chased too.
            "documents/2026/IN-2026-0001.yaml",
            "followups/2026/FU-2026-0001.yaml",
            "followups/2026/FU-2026-0002.yaml",
            "followups/2026/FU-2026-0003.yaml"
        ]
    );
    for (id, level) in [("0001", "red"), ("0002", "yellow"), ("0003", "blue")] {
        let text = env.read(&format!("followups/2026/FU-2026-{id}.yaml"));
        assert!(text.contains("via: reminder"), "{text}");
        assert!(text.contains(&format!("level: {level}")), "{text}");
        assert!(text.contains("by: 王芳"), "{text}");
    }
    let show = json(&env, &["show", "FU-2026-0001", "-o", "json"]);
    assert_eq!(
        show["chases"],
        serde_json::json!([{"on": "2026-11-23", "by": "王芳", "via": "reminder", "level": "red"}])
    );
}

#[test]
fn classified_titles_are_redacted_in_every_format() {
    let env = Env::new();
    // The follow-up inherits the paper's level.
    env.secret_paper_and_follow_up();
    for (lang, marker) in [("zh", "[秘密]"), ("en", "[secret]")] {
        for format in ["table", "markdown", "json"] {
            // JSON never depends on the language: the stored keyword.
            let marker = if format == "json" { "[secret]" } else { marker };
            let out = env.run(&["--lang", lang, "remind", "-o", format]);
            assert!(!out.contains("专项行动"), "{lang} {format}: {out}");
            assert!(
                out.contains(&format!("{marker} IN-2026-0001")),
                "{lang} {format}: {out}"
            );
            assert!(
                out.contains(&format!("{marker} FU-2026-0001")),
                "{lang} {format}: {out}"
            );
        }
    }
    let shown = env.run(&["remind", "--show-classified"]);
    assert!(shown.contains("关于专项行动的秘密通知") && shown.contains("落实专项行动部署"));
}

#[test]
fn a_broken_file_is_skipped_with_one_warning() {
    let env = office();
    env.write("followups/2026/FU-2026-0099.yaml", "id: [unclosed\n");
    whole(
        &env,
        "remind__broken_file_skipped",
        &["remind", "-o", "json"],
    );
}

#[test]
fn json_does_not_depend_on_the_language() {
    let env = Env::new();
    env.secret_paper_and_follow_up();
    env.run(&["doc", "route", "IN-1", "--to", "张局长"]);
    for command in [
        &["remind"][..],
        &["summary"],
        &[],
        &["list"],
        &["show", "IN-1"],
        &["check"],
    ] {
        let run = |lang: &str| {
            let mut args = vec!["--lang", lang, "-o", "json"];
            args.extend_from_slice(command);
            env.run(&args)
        };
        let (en, zh) = (run("en"), run("zh"));
        assert_eq!(en, zh, "{command:?}");
        assert!(!zh.contains("[秘密]"), "{command:?}: {zh}");
    }
}
