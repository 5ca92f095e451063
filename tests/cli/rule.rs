//! Rules and regulations (制度): added with a review cycle, reminded when
//! their review falls due, reviewed, revised (both versions name each
//! other, in one commit) and repealed; what `check`, `summary` and
//! `export` make of them; the refusals, in both languages.

use crate::env::Env;
use crate::snapshots::whole;

/// Three rules: one overdue for review, one due within the window, one
/// without a cycle.
fn three_rules(env: &Env) {
    let first = env.run(&[
        "rule",
        "add",
        "--title",
        "公文处理实施细则",
        "--doc-number",
        "市交发〔2024〕3号",
        "--issued",
        "2024-03-01",
        "--effective",
        "2024-04-01",
        "--unit",
        "BGS",
        "--review-every",
        "2y",
    ]);
    assert_eq!(first, "ZD-2024-0001\n");
    let second = env.run(&[
        "rule",
        "add",
        "--title",
        "值班管理制度",
        "--issued",
        "2025-11-25",
        "--unit",
        "法规科",
        "--review-every",
        "每年",
    ]);
    assert_eq!(second, "ZD-2025-0001\n");
    let third = env.run(&["rule", "add", "--title", "会议室使用办法"]);
    assert_eq!(third, "ZD-2026-0001\n");
}

#[test]
fn a_rule_is_added_with_its_first_review_one_cycle_after_it_took_effect() {
    let env = Env::new();
    three_rules(&env);
    let yaml = env.read("rules/2024/ZD-2024-0001.yaml");
    for line in [
        "status: current",
        "doc_number: 市交发〔2024〕3号",
        "issuer: 某市交通运输局",
        "issued: 2024-03-01",
        "effective: 2024-04-01",
        "unit: 办公室",
        "review_every: 2y",
        "review_due: 2026-04-01",
    ] {
        assert!(yaml.contains(line), "{line}\n{yaml}");
    }
    let undated = env.read("rules/2026/ZD-2026-0001.yaml");
    assert!(!undated.contains("review_due"), "{undated}");
    env.run(&["check"]);
}

#[test]
fn remind_lists_the_reviews_due_in_both_languages() {
    let env = Env::new();
    three_rules(&env);
    whole(&env, "rule__remind_en", &["--lang", "en", "remind"]);
    whole(&env, "rule__remind_zh", &["--lang", "zh", "remind"]);
    let json = env.run(&["remind", "-o", "json"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let levels: Vec<(&str, &str)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        levels,
        [
            ("ZD-2024-0001", "review-due"),
            ("ZD-2025-0001", "review-due")
        ]
    );
    let overdue = env.run(&["list", "rule", "--overdue", "-o", "csv"]);
    assert_eq!(overdue.lines().count(), 2, "{overdue}");
    assert!(overdue.contains("ZD-2024-0001"), "{overdue}");
}

#[test]
fn a_review_sets_the_next_and_names_its_outcome_in_the_history() {
    let env = Env::new();
    env.pin_clock(crate::snapshots::NOW);
    three_rules(&env);
    let commits = env.commits();
    env.run(&[
        "rule",
        "review",
        "ZD-2024-1",
        "--on",
        "2026-11-20",
        "--note",
        "条款仍适用",
        "--every",
        "3y",
    ]);
    assert_eq!(env.commits(), commits + 1);
    let yaml = env.read("rules/2024/ZD-2024-0001.yaml");
    assert!(yaml.contains("review_every: 3y"), "{yaml}");
    assert!(yaml.contains("review_due: 2029-11-20"), "{yaml}");
    assert!(
        yaml.contains(
            "reviews:\n- date: 2026-11-20\n  by: 王芳\n  outcome: keep\n  note: 条款仍适用\n"
        ),
        "{yaml}"
    );
    whole(
        &env,
        "rule__show_reviewed_zh",
        &["--lang", "zh", "show", "ZD-2024-1"],
    );
    let remind = env.run(&["remind", "-o", "json"]);
    assert!(!remind.contains("ZD-2024-0001"), "{remind}");
}

#[test]
fn a_revision_links_both_versions_in_one_commit() {
    let env = Env::new();
    three_rules(&env);
    let commits = env.commits();
    let new = env.run(&[
        "rule",
        "revise",
        "ZD-2025-1",
        "--title",
        "值班管理制度（2026年修订）",
        "--issued",
        "2026-11-20",
        "--effective",
        "2026-12-01",
    ]);
    assert_eq!(new, "ZD-2026-0002\n");
    assert_eq!(env.commits(), commits + 1);
    let mut files = env.last_commit_files();
    files.sort();
    assert_eq!(
        files,
        [
            "rules/2025/ZD-2025-0001.yaml",
            "rules/2026/ZD-2026-0002.yaml"
        ]
    );
    let old = env.read("rules/2025/ZD-2025-0001.yaml");
    for line in [
        "status: revised",
        "replaced_by: ZD-2026-0002",
        "ended: 2026-12-01",
    ] {
        assert!(old.contains(line), "{line}\n{old}");
    }
    assert!(!old.contains("review_due"), "{old}");
    let new = env.read("rules/2026/ZD-2026-0002.yaml");
    for line in [
        "replaces: ZD-2025-0001",
        "unit: 法规科",
        "review_every: 1y",
        "review_due: 2027-12-01",
    ] {
        assert!(new.contains(line), "{line}\n{new}");
    }
    env.run(&["check"]);
    // A revised rule is in force no more: it is revised or repealed once.
    let en = env.fail(&[
        "--lang",
        "en",
        "rule",
        "revise",
        "ZD-2025-1",
        "--title",
        "再修订",
    ]);
    assert!(en.contains("ZD-2025-0001 is revised"), "{en}");
    let zh = env.fail(&[
        "--lang",
        "zh",
        "rule",
        "repeal",
        "ZD-2025-1",
        "--reason",
        "x",
    ]);
    assert!(zh.contains("ZD-2025-0001 已修订"), "{zh}");
}

#[test]
fn a_repealed_rule_is_reviewed_no_more() {
    let env = Env::new();
    three_rules(&env);
    env.run(&["rule", "repeal", "ZD-2024-1", "--reason", "并入新制度"]);
    let yaml = env.read("rules/2024/ZD-2024-0001.yaml");
    assert!(yaml.contains("status: repealed"), "{yaml}");
    assert!(yaml.contains("ended: 2026-11-23"), "{yaml}");
    assert!(yaml.contains("note: 并入新制度"), "{yaml}");
    let refused = env.fail(&["--lang", "zh", "rule", "review", "ZD-2024-1"]);
    assert!(refused.contains("已废止"), "{refused}");
    let remind = env.run(&["remind", "-o", "json"]);
    assert!(!remind.contains("ZD-2024-0001"), "{remind}");
}

#[test]
fn rule_commands_refuse_what_they_cannot_do_and_leave_the_register_untouched() {
    let env = Env::new();
    three_rules(&env);
    let paper = env.log_in("关于报送材料的通知");
    let paper = paper.trim();
    let en = env.fail(&["--lang", "en", "rule", "review", paper]);
    assert!(en.contains("a rule (ZD)"), "{en}");
    let zh = env.fail(&["--lang", "zh", "rule", "repeal", paper, "--reason", "x"]);
    assert!(zh.contains("制度（ZD-…）"), "{zh}");
    let empty = env.fail(&["rule", "repeal", "ZD-2024-1", "--reason", " "]);
    assert!(empty.contains("--reason"), "{empty}");
    // Effective before issued would break `check`: refused before writing.
    let early = env.fail(&[
        "--lang",
        "zh",
        "rule",
        "add",
        "--title",
        "x",
        "--issued",
        "2026-11-01",
        "--effective",
        "2026-10-01",
    ]);
    assert!(
        early.contains("施行日期（2026-10-01）早于发布日期（2026-11-01）"),
        "{early}"
    );
    // A cycle that cannot be read is a usage error (exit 2).
    let output = env.output(&["rule", "add", "--title", "x", "--review-every", "often"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--review-every"), "{stderr}");
}

#[test]
fn check_holds_rules_to_their_links_and_dates() {
    let env = Env::new();
    three_rules(&env);
    // A hand edit: a revision naming a rule that does not exist.
    let path = "rules/2024/ZD-2024-0001.yaml";
    let yaml = env.read(path).replace("status: current", "status: revised");
    env.write(
        path,
        &format!("{yaml}replaced_by: ZD-2026-0099\nended: 2026-11-01\n"),
    );
    let output = env.output(&["--lang", "zh", "check"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("所指的 ZD-2026-0099 不存在"), "{stdout}");
    let output = env.output(&["--lang", "en", "check"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("names ZD-2026-0099, which does not exist"),
        "{stdout}"
    );
}

#[test]
fn summary_counts_rules_and_export_lists_them() {
    let env = Env::new();
    three_rules(&env);
    env.run(&["rule", "repeal", "ZD-2026-1", "--reason", "停用"]);
    let json = env.run(&["summary", "--period", "2026", "-o", "json"]);
    let summary: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        summary["rules"],
        serde_json::json!({
            "in_force": 2,
            "issued": 1,
            "ended": 1,
            "reviewed": 0,
            "review_overdue": 1
        })
    );
    let zh = env.run(&["--lang", "zh", "summary", "--period", "2026"]);
    assert!(zh.contains("制度\n"), "{zh}");
    assert!(zh.contains("逾期未评估"), "{zh}");
    let csv = env.run(&["--lang", "zh", "export", "csv", "rule"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("文号") && header.contains("下次评估"),
        "{header}"
    );
    assert_eq!(csv.lines().count(), 4, "{csv}");
}

#[test]
fn an_offices_list_of_rules_imports_with_its_own_words() {
    let env = Env::new();
    let sheet = env.tmp.path().join("制度清单.csv");
    let rows = "某局制度清单\n\
        序号,制度名称,文号,发布日期,施行日期,归口科室,评估周期,状态,备注\n\
        1,档案管理办法,市交发〔2023〕9号,2023年5月8日,2023-06-01,办公室,每2年,现行,\n\
        2,车辆管理规定,,2022.3.1,,法规科,3年,已废止,并入新规\n\
        3,印章管理办法,,2025/7/1,,,often,有效,\n";
    std::fs::write(&sheet, rows).unwrap();
    let sheet = sheet.to_str().unwrap();
    let zh = env.fail(&["--lang", "zh", "import", "csv", "rule", sheet]);
    assert!(
        zh.contains("第5行 评估周期：无法识别评估周期“often”"),
        "{zh}"
    );
    let en = env.fail(&["--lang", "en", "import", "csv", "rule", sheet]);
    assert!(en.contains("cannot read the review cycle 'often'"), "{en}");
    std::fs::write(sheet, rows.replace("often", "半年")).unwrap();
    let ids = env.run(&["import", "csv", "rule", sheet]);
    assert_eq!(ids, "ZD-2023-0001\nZD-2022-0001\nZD-2025-0001\n");
    let first = env.read("rules/2023/ZD-2023-0001.yaml");
    for line in [
        "doc_number: 市交发〔2023〕9号",
        "issued: 2023-05-08",
        "effective: 2023-06-01",
        "unit: 办公室",
        "review_every: 2y",
        "review_due: 2025-06-01",
        "legacy_id: '1'",
    ] {
        assert!(first.contains(line), "{line}\n{first}");
    }
    let repealed = env.read("rules/2022/ZD-2022-0001.yaml");
    assert!(repealed.contains("status: repealed"), "{repealed}");
    assert!(!repealed.contains("review_due"), "{repealed}");
    // Imported history is no error: check passes, with a warning for
    // the repealed rule that says not since when.
    env.run(&["check"]);
}

#[test]
fn a_review_due_on_a_day_off_is_no_fault_but_a_deadline_is() {
    let env = Env::new();
    // In force from Saturday 3 January 2026: the next review is Sunday
    // 3 January 2027, a date to remind from, not a deadline.
    env.run(&[
        "rule",
        "add",
        "--title",
        "值班管理制度",
        "--issued",
        "2026-01-02",
        "--effective",
        "2026-01-03",
        "--review-every",
        "1y",
    ]);
    assert!(
        env.read("rules/2026/ZD-2026-0001.yaml")
            .contains("review_due: 2027-01-03")
    );
    env.run(&["assign", "周末值守", "--lead", "BGS", "--due", "2026-12-12"]);
    let checked = env.output(&["check", "--lang", "en"]);
    let said = [checked.stdout, checked.stderr].concat();
    let said = String::from_utf8_lossy(&said);
    assert!(said.contains("1 warning"), "{said}");
    assert!(
        said.contains("FU-2026-0001.yaml:6: the deadline 2026-12-12 (Sat)"),
        "{said}"
    );
    assert!(!said.contains("ZD-2026-0001"), "{said}");
}

#[test]
fn list_heads_a_rules_columns_with_its_own_fields_in_both_languages() {
    let env = Env::new();
    env.run(&["rule", "add", "--title", "会议室使用办法"]);
    let head = |lang: &str| {
        let csv = env.run(&["list", "rule", "-o", "csv", "--lang", lang]);
        csv.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        head("en"),
        "ID,Title,Status,Document number,Issued by,Responsible unit,Issued,Next review"
    );
    assert_eq!(
        head("zh"),
        "编号,标题,状态,文号,发布单位,归口科室,发布日期,下次评估"
    );
}

/// The rules' sheet of `export` is made from the columns the kind
/// declares, each read from the rule's file: every column filled, a
/// withheld rule's notes gone. The summary's part of rules is asked by
/// its key or by the kind's Chinese name alike.
#[test]
fn the_rules_sheet_has_every_column_the_kind_declares() {
    let env = Env::new();
    env.pin_clock(crate::snapshots::NOW);
    three_rules(&env);
    env.run(&[
        "rule",
        "revise",
        "ZD-2024-1",
        "--title",
        "公文处理实施细则（修订）",
        "--doc-number",
        "市交发〔2026〕8号",
        "--effective",
        "2026-12-20",
    ]);
    env.run(&[
        "rule",
        "add",
        "--title",
        "保密工作制度",
        "--issued",
        "2023-01-10",
        "--secrecy",
        "秘密",
        "--review-every",
        "18m",
        "--notes",
        "涉密说明",
    ]);
    whole(
        &env,
        "rule__export_csv_en",
        &["--lang", "en", "export", "csv", "rule"],
    );
    let by_key = [
        "summary", "--period", "2026", "--part", "rules", "-o", "json",
    ];
    let json = env.run(&by_key);
    assert!(json.starts_with("{\n  \"in_force\": 4,"), "{json}");
    let by_name = [
        "summary", "--period", "2026", "--part", "制度", "-o", "json",
    ];
    assert_eq!(env.run(&by_name), json);
}

/// `[prefixes]` names the kinds by their keywords: setting the rules'
/// prefix alone keeps every other kind's default, and new rules take it.
#[test]
fn a_prefix_set_for_rules_alone_leaves_the_others_theirs() {
    let env = Env::new();
    env.run(&["config", "set", "prefixes.rule", "GZ"]);
    assert!(env.read("taizhang.toml").contains("rule = \"GZ\""));
    assert_eq!(env.run(&["config", "get", "prefixes.meeting"]), "MT\n");
    let id = env.run(&["rule", "add", "--title", "会议室使用办法"]);
    assert_eq!(id, "GZ-2026-0001\n");
}
