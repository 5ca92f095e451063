//! Rough edges clerks met, each mended and pinned end to end in both
//! languages: dates as clerks type them, `list --status` words, deadlines
//! before receipt, a paper's moved deadline, confirming lines, `init
//! --units` and the office's language, chasing papers, the brief agreeing
//! with `remind`, and `show` of a reopened follow-up.

use crate::env::{Env, TODAY, text};
use crate::snapshots::whole;

/// The YAML of record `id` (this year's) in `folder`.
fn record(env: &Env, folder: &str, id: &str) -> serde_yaml::Value {
    env.yaml(&format!("{folder}/2026/{id}.yaml"))
}

/// The last history entry's note of `id`.
fn last_note(env: &Env, folder: &str, id: &str) -> String {
    let value = record(env, folder, id);
    let history = value["history"].as_sequence().unwrap();
    text(history.last().unwrap(), "note")
}

/// Stdout and stderr of a successful `taizhang ARGS`.
fn both(env: &Env, args: &[&str]) -> (String, String) {
    let output = env.output(args);
    assert!(
        output.status.success(),
        "taizhang {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A snapshot of `text` named `name`, beside the others.
fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), text));
}

// 1. Dates as clerks type them.

#[test]
fn dates_as_clerks_type_them() {
    assert_eq!(TODAY, "2026-11-23", "the cases below count from a Monday");
    let env = Env::new();
    let cases = [
        ("12月10日", "2026-12-10"),
        ("2027年1月5日", "2027-01-05"),
        ("２０２６-１２-１０", "2026-12-10"),
        ("２０２６年１２月１１日", "2026-12-11"),
        ("本周五", "2026-11-27"),
        ("下周五", "2026-12-04"),
        ("月底", "2026-11-30"),
    ];
    for (n, (typed, date)) in cases.iter().enumerate() {
        let id = env.run(&["assign", "事项", "--lead", "BGS", "--due", typed]);
        assert_eq!(id.trim(), format!("FU-2026-{:04}", n + 1));
        let due = text(&record(&env, "followups", id.trim()), "due");
        assert_eq!(due, *date, "--due {typed}");
    }
    // A moment with a Chinese date.
    let id = env.run(&[
        "meeting",
        "add",
        "--title",
        "办公会",
        "--start",
        "12月2日 09:00",
    ]);
    let start = text(&record(&env, "meetings", id.trim()), "start");
    assert_eq!(start, "2026-12-02T09:00:00+08:00");
    // Anything else still lists the accepted forms, in both languages.
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edges__bad_date_{lang}"),
            &[
                "--lang",
                lang,
                "assign",
                "事项",
                "--lead",
                "BGS",
                "--due",
                "下下月",
            ],
        );
    }
}

// 2. `list --status` words.

#[test]
fn list_status_takes_chinese_words_and_refuses_unknown_ones() {
    let env = Env::new();
    env.run(&["assign", "已办结事项", "--lead", "BGS", "--due", "+1w"]);
    env.run(&["done", "FU-1"]);
    env.run(&["assign", "在办事项", "--lead", "BGS", "--due", "+1w"]);
    env.run(&["progress", "FU-2", "已部署"]);
    env.run(&[
        "log",
        "in",
        "--title",
        "已办结来文",
        "--from",
        "省厅",
        "--lead",
        "BGS",
    ]);
    env.run(&["doc", "done", "IN-1"]);
    env.log_in("待办来文");
    let ids = |args: &[&str]| {
        let json = env.run(&[&["--format", "json", "list"][..], args].concat());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut ids: Vec<String> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&["--status", "办结"]), ["FU-2026-0001", "IN-2026-0001"]);
    assert_eq!(ids(&["fu", "--status", "办结"]), ["FU-2026-0001"]);
    assert_eq!(ids(&["--status", "在办"]), ["FU-2026-0002"]);
    assert_eq!(ids(&["fu", "--status", "in-progress"]), ["FU-2026-0002"]);
    assert_eq!(ids(&["in", "--status", "已登记"]), ["IN-2026-0002"]);
    assert_eq!(
        ids(&["--status", "在办,销号"]),
        ["FU-2026-0001", "FU-2026-0002"]
    );
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edges__unknown_status_{lang}"),
            &["--lang", lang, "list", "fu", "--status", "办完"],
        );
    }
    let all = env.fail(&["--lang", "en", "list", "--status", "finished"]);
    for set in ["incoming status", "outgoing status", "follow-up status"] {
        assert!(all.contains(set), "{all}");
    }
}

// 3. Deadlines before receipt.

#[test]
fn a_deadline_before_receipt_is_refused_and_found_by_check() {
    let env = Env::new();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edges__deadline_before_received_{lang}"),
            &[
                "--lang",
                lang,
                "log",
                "in",
                "--title",
                "通知",
                "--from",
                "省厅",
                "--received",
                "2026-11-20",
                "--deadline",
                "2026-11-19",
            ],
        );
    }
    env.run(&[
        "log",
        "in",
        "--title",
        "通知",
        "--from",
        "省厅",
        "--received",
        "2026-11-20",
    ]);
    let stderr = env.fail(&[
        "--lang",
        "zh",
        "doc",
        "assign",
        "IN-1",
        "--lead",
        "BGS",
        "--deadline",
        "11月1日",
    ]);
    assert!(stderr.contains("早于签收日期（2026-11-20）"), "{stderr}");
    // Nor from a spreadsheet.
    let sheet = env.tmp.path().join("收文.csv");
    std::fs::write(
        &sheet,
        "标题,来文单位,收文日期,办理时限\n文件,省厅,2026-11-20,2026-11-18\n",
    )
    .unwrap();
    let stderr = env.fail(&[
        "--lang",
        "en",
        "import",
        "csv",
        "in",
        sheet.to_str().unwrap(),
    ]);
    assert!(
        stderr.contains("deadline 2026-11-18 before it was received 2026-11-20"),
        "{stderr}"
    );
    // One written by hand.
    let path = "documents/2026/IN-2026-0001.yaml";
    let yaml = env.read(path).replace(
        "received: 2026-11-20\n",
        "received: 2026-11-20\ndeadline: 2026-11-02\n",
    );
    env.write(path, &yaml);
    for (lang, finding) in [
        (
            "en",
            "deadline 2026-11-02 before it was received 2026-11-20",
        ),
        ("zh", "办理时限 2026-11-02 早于签收日期 2026-11-20"),
    ] {
        let out = env.output(&["--lang", lang, "check"]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(finding), "{stdout}");
    }
}

// 4. A paper's deadline moved by `doc assign`.

#[test]
fn doc_assign_keeps_the_old_deadline_in_history() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "加急通知",
        "--from",
        "省厅",
        "--urgency",
        "加急",
        "--deadline",
        "2026-11-30",
    ]);
    env.run(&[
        "doc",
        "assign",
        "IN-1",
        "--lead",
        "BGS",
        "--deadline",
        "2026-12-05",
    ]);
    assert_eq!(
        text(&record(&env, "documents", "IN-2026-0001"), "deadline"),
        "2026-12-05"
    );
    assert_eq!(
        last_note(&env, "documents", "IN-2026-0001"),
        "办公室; deadline 2026-11-30 → 2026-12-05"
    );
    let zh = env.run(&["--lang", "zh", "show", "IN-1"]);
    assert!(
        zh.contains("交办公室承办；办理时限 2026-11-30 → 2026-12-05"),
        "{zh}"
    );
    let en = env.run(&["--lang", "en", "show", "IN-1"]);
    assert!(
        en.contains("assigned to 办公室; deadline 2026-11-30 → 2026-12-05"),
        "{en}"
    );
    // Assigned without a new deadline: the history says nothing of it.
    env.log_in("普通来文");
    env.run(&["doc", "assign", "IN-2", "--lead", "CWK"]);
    assert_eq!(last_note(&env, "documents", "IN-2026-0002"), "财务科");
}

// 5. One confirming line on stderr.

/// Every step that printed nothing, in `lang`: its stdout, stderr pinned.
fn steps_confirm(lang: &str) -> String {
    let env = Env::new();
    env.configure("[followups]\nverify = false", "[followups]\nverify = true");
    env.log_in("关于冬季安全生产的通知");
    env.log_in("退回的来文");
    // Signed, so that `doc reply --ref` answers the paper at once (a
    // draft's reply waits for its signature, which would say so too).
    env.run(&[
        "log", "out", "--title", "复函", "--to", "省厅", "--signed", "today",
    ]);
    env.run(&["log", "out", "--title", "作废的函", "--to", "省厅"]);
    env.assign("落实冬季安全生产");
    env.assign("撤项的事项");
    env.run(&[
        "meeting",
        "add",
        "--title",
        "办公会",
        "--start",
        "2026-11-20",
    ]);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "取消的会",
        "--start",
        "2026-11-30",
    ]);
    let steps: &[&[&str]] = &[
        &["doc", "propose", "IN-1", "请张局长阅示"],
        &[
            "doc",
            "instruct",
            "IN-1",
            "请办公室牵头办理",
            "--leader",
            "张局长",
        ],
        &["doc", "route", "IN-1", "--to", "张局长"],
        &["doc", "back", "IN-1", "--from", "张局长"],
        &[
            "doc",
            "assign",
            "IN-1",
            "--lead",
            "BGS",
            "--deadline",
            "12月10日",
        ],
        &["chase", "IN-1", "--via", "电话"],
        &["doc", "done", "IN-1", "--result", "已部署"],
        &[
            "doc", "reply", "IN-1", "--via", "document", "--ref", "OUT-1",
        ],
        &["doc", "return", "IN-2", "--reason", "不属本单位"],
        &["doc", "issue", "OUT-1", "--signed", "2026-11-23"],
        &["doc", "revoke", "OUT-2", "--reason", "内容有误"],
        &["progress", "FU-1", "已部署检查"],
        &["chase", "FU-1"],
        &["extend", "FU-1", "--to", "下月底", "--reason", "检查未完"],
        &["done", "FU-1"],
        &["reopen", "FU-1", "--reason", "材料不全"],
        &["done", "FU-1", "--report", "已补齐"],
        &["verify", "FU-1"],
        &["cancel", "FU-2", "--reason", "重复立项"],
        &["reopen", "FU-2", "--reason", "误撤"],
        &["meeting", "held", "MT-1"],
        &["meeting", "minutes", "MT-1", "--text", "会议议定三项"],
        &["meeting", "cancel", "MT-2", "--reason", "领导出差"],
    ];
    let mut out = String::new();
    for step in steps {
        let args = [&["--lang", lang][..], step].concat();
        let (stdout, stderr) = both(&env, &args);
        assert_eq!(stdout, "", "{step:?}: stdout is for scripts");
        assert_eq!(stderr.lines().count(), 1, "{step:?}: {stderr}");
        out.push_str(&format!("$ taizhang {}\n{stderr}", step.join(" ")));
    }
    // Quiet: nothing at all.
    let (stdout, stderr) = both(&env, &["-q", "--lang", lang, "progress", "FU-2", "再部署"]);
    assert_eq!((stdout.as_str(), stderr.as_str()), ("", ""));
    out
}

#[test]
fn successful_steps_confirm_on_stderr_in_english() {
    snapshot("edges__confirm_en", &steps_confirm("en"));
}

#[test]
fn successful_steps_confirm_on_stderr_in_chinese() {
    snapshot("edges__confirm_zh", &steps_confirm("zh"));
}

// 6. `init --units`, the office's language, and the warning without units.

#[test]
fn init_declares_units_and_people_and_the_offices_language() {
    let env = Env::bare();
    let output = env
        .cmd()
        .current_dir(env.tmp.path())
        .args([
            "--lang",
            "zh",
            "init",
            "reg",
            "--units",
            "办公室:BGS,财务科：CWK，法规科",
            "--people",
            "张三:BGS",
            "--people",
            "李四",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("未声明科室"), "{stderr}");
    let settings: toml::Value = toml::from_str(&env.read("taizhang.toml")).unwrap();
    assert_eq!(settings["language"].as_str(), Some("zh"));
    let units: Vec<(String, String)> = settings["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let get = |k: &str| u.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            (get("name"), get("code"))
        })
        .collect();
    assert_eq!(
        units,
        [
            ("办公室".to_string(), "BGS".to_string()),
            ("财务科".to_string(), "CWK".to_string()),
            ("法规科".to_string(), String::new()),
        ]
    );
    let people = &settings["people"].as_array().unwrap();
    assert_eq!(people[0]["name"].as_str(), Some("张三"));
    assert_eq!(people[0]["unit"].as_str(), Some("办公室"));
    assert_eq!(people[1]["name"].as_str(), Some("李四"));
    assert!(people[1].get("unit").is_none());
    assert_eq!(env.commits(), 1, "the settings are committed with the rest");
    // Unit names are checked from the first command on.
    let stderr = env.fail(&["assign", "事项", "--lead", "宣传科", "--due", "+1w"]);
    assert!(stderr.contains("宣传科"), "{stderr}");
    // Cron under LANG=C speaks the office's language.
    env.run(&[
        "--today",
        "2026-11-01",
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "2026-11-10",
    ]);
    let remind = env.run(&["remind"]);
    assert!(remind.starts_with("督办提醒"), "{remind}");
}

#[test]
fn init_takes_the_language_from_the_locale_and_warns_without_units() {
    for (locale, language, warning) in [
        ("zh_CN.UTF-8", Some("zh"), "警告: 未声明科室"),
        ("en_US.UTF-8", Some("en"), "warning: no units declared"),
        ("C", Some("en"), "warning: no units declared"),
    ] {
        let env = Env::bare();
        let output = env
            .cmd()
            .current_dir(env.tmp.path())
            .env("LANG", locale)
            .args(["init", "reg"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.matches(warning).count(), 1, "{locale}: {stderr}");
        let settings: toml::Value = toml::from_str(&env.read("taizhang.toml")).unwrap();
        assert_eq!(
            settings.get("language").and_then(|v| v.as_str()),
            language,
            "{locale}"
        );
        // Only at init: later commands do not warn again.
        let output = env
            .cmd()
            .env("LANG", locale)
            .args(["assign", "事项", "--lead", "任意科", "--due", "+1w"])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(!String::from_utf8_lossy(&output.stderr).contains(warning));
    }
}

#[test]
fn init_refuses_units_given_twice_and_people_of_unknown_units() {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    env.git(&["init", "-q"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edges__units_twice_{lang}"),
            &[
                "--lang",
                lang,
                "init",
                ".",
                "--units",
                "办公室:BGS,综合科:bgs",
            ],
        );
    }
    let stderr = env.fail(&[
        "--lang",
        "zh",
        "init",
        ".",
        "--units",
        "办公室",
        "--people",
        "张三:宣传科",
    ]);
    assert!(stderr.contains("宣传科"), "{stderr}");
    assert!(!env.root.join("taizhang.toml").exists());
}

// 7. Chasing papers.

#[test]
fn chase_works_for_incoming_action_papers() {
    let env = Env::new();
    env.run(&[
        "--today",
        "2026-11-02",
        "log",
        "in",
        "--title",
        "逾期来文",
        "--from",
        "省厅",
        "--lead",
        "BGS",
        "--deadline",
        "2026-11-20",
    ]);
    env.run(&["chase", "IN-1", "--via", "电话"]);
    // A known way is stored as its keyword and read in either language.
    assert_eq!(last_note(&env, "documents", "IN-2026-0001"), "phone (red)");
    assert_eq!(
        text(
            record(&env, "documents", "IN-2026-0001")["history"]
                .as_sequence()
                .unwrap()
                .last()
                .unwrap(),
            "action"
        ),
        "chase"
    );
    let zh = env.run(&["--lang", "zh", "show", "IN-1"]);
    assert!(zh.contains("催办：电话（红色）"), "{zh}");
    let en = env.run(&["--lang", "en", "show", "IN-1"]);
    assert!(en.contains("chased: phone (red)"), "{en}");
    // The default way, the 催办单, is not shown in English to a Chinese reader.
    env.run(&["chase", "IN-1"]);
    let zh = env.run(&["--lang", "zh", "show", "IN-1"]);
    assert!(zh.contains("催办：催办单（红色）"), "{zh}");
    // Not a paper for reading, nor one done, nor an outgoing document.
    env.run(&[
        "log",
        "in",
        "--title",
        "阅件",
        "--from",
        "省厅",
        "--handling",
        "info",
    ]);
    env.run(&["log", "out", "--title", "复函", "--to", "省厅"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edges__chase_info_{lang}"),
            &["--lang", lang, "chase", "IN-2"],
        );
        whole(
            &env,
            &format!("edges__chase_outgoing_{lang}"),
            &["--lang", lang, "chase", "OUT-1"],
        );
    }
    env.run(&["doc", "done", "IN-1"]);
    env.fail(&["chase", "IN-1"]);
}

// 10. The brief agrees with `remind`.

#[test]
fn the_brief_counts_overdue_papers_as_remind_does() {
    let env = Env::new();
    for args in [
        &["assign", "逾期事项", "--lead", "BGS", "--due", "2026-11-10"][..],
        &[
            "assign",
            "另一逾期事项",
            "--lead",
            "CWK",
            "--due",
            "2026-11-12",
        ],
        &[
            "log",
            "in",
            "--title",
            "逾期来文",
            "--from",
            "省厅",
            "--deadline",
            "2026-11-15",
        ],
    ] {
        env.run(&[&["--today", "2026-11-02"][..], args].concat());
    }
    let remind = env.run(&["--lang", "zh", "remind"]);
    assert!(
        remind.starts_with("督办提醒（2026-11-23）：逾期3项"),
        "{remind}"
    );
    let zh = env.run(&["--lang", "zh", "summary", "--format", "markdown"]);
    assert!(zh.contains("逾期督办事项2项、逾期文件1件。"), "{zh}");
    let en = env.run(&["--lang", "en", "summary"]);
    assert!(en.contains("overdue: 2 follow-ups and 1 document."), "{en}");
}

// 12. `show` of a reopened follow-up.

#[test]
fn show_of_a_reopened_follow_up_has_no_empty_result() {
    let env = Env::new();
    env.assign("整改");
    env.run(&["done", "FU-1"]);
    env.run(&["reopen", "FU-1", "--reason", "材料不全"]);
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(!zh.contains("办理结果"), "{zh}");
    assert!(zh.contains("已退回"), "{zh}");
    let en = env.run(&["--lang", "en", "show", "FU-1"]);
    assert!(!en.contains("result"), "{en}");
    // With a report, the heading has something under it and stays.
    env.run(&["done", "FU-1", "--report", "已整改"]);
    env.run(&["reopen", "FU-1", "--reason", "再查"]);
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(zh.contains("办理结果：\n  办理情况：已整改"), "{zh}");
}
