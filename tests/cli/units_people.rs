//! Units, people and number series changed from the shell (`unit`,
//! `person`, `series`): each change one commit to taizhang.toml, and to
//! the records it reaches, each of which notes it in its history; the
//! refusals, in both languages, leave the register untouched.

use crate::env::Env;

const FU1: &str = "followups/2026/FU-2026-0001.yaml";

/// Runs `taizhang --lang LANG ARGS` expecting exit 1, the register
/// untouched, and stderr saying `en` or `zh`.
fn refused(env: &Env, args: &[&str], en: &str, zh: &str) {
    for (lang, says) in [("en", en), ("zh", zh)] {
        let argv = [&["--lang", lang][..], args].concat();
        let err = env.fail(&argv);
        assert!(err.contains(says), "{argv:?}: {err}");
    }
}

/// A follow-up led by 办公室, owned by 王丽, supported by 财务科.
fn followup(env: &Env) {
    env.run(&[
        "assign",
        "整改问题清单",
        "--lead",
        "办公室",
        "--owner",
        "王丽",
        "--support",
        "CWK",
        "--due",
        "2026-12-10",
    ]);
}

#[test]
fn a_unit_is_added_listed_and_not_added_twice() {
    let env = Env::new();
    let commits = env.commits();
    env.run(&["unit", "add", "督查室", "--code", "DCS"]);
    assert_eq!(env.commits(), commits + 1);
    assert!(
        env.read("taizhang.toml")
            .ends_with("\n[[units]]\nname = \"督查室\"\ncode = \"DCS\"\n"),
        "{}",
        env.read("taizhang.toml")
    );
    followup(&env);
    env.run(&["assign", "核对经费", "--lead", "dcs", "--due", "2026-12-10"]);
    let en = env.run(&["--lang", "en", "unit", "list"]);
    assert!(en.contains("Open items"), "{en}");
    let zh = env.run(&["--lang", "zh", "unit", "list"]);
    assert!(zh.contains("在办事项") && zh.contains("在用"), "{zh}");
    let json = env.run(&["unit", "list", "-o", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let open = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()["open"]
            .clone()
    };
    assert_eq!(
        (open("办公室"), open("督查室"), open("财务科")),
        (1.into(), 1.into(), 0.into())
    );
    refused(
        &env,
        &["unit", "add", "督查室"],
        "there is already a unit called '督查室'",
        "已有名为“督查室”的单位",
    );
    refused(
        &env,
        &["unit", "add", "督查科", "--code", "bgs"],
        "there is already a unit called 'bgs'",
        "已有名为“bgs”的单位",
    );
}

#[test]
fn a_renamed_unit_takes_its_records_along_in_one_commit() {
    let env = Env::new();
    env.run(&["person", "add", "王丽", "--unit", "办公室"]);
    followup(&env);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于年审的通知",
        "--from",
        "省厅",
        "--lead",
        "BGS",
    ]);
    let commits = env.commits();
    env.run(&["unit", "rename", "办公室", "综合科"]);
    assert_eq!(env.commits(), commits + 1, "one commit");
    let fu = env.read(FU1);
    assert!(fu.contains("lead: 综合科"), "{fu}");
    assert!(
        fu.contains("action: unit-rename\n  note: 'lead: 办公室 → 综合科'"),
        "{fu}"
    );
    let paper = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(paper.contains("lead: 综合科"), "{paper}");
    let settings = env.read("taizhang.toml");
    assert!(
        settings.contains("name = \"综合科\"\ncode = \"BGS\"\nformer = [\"办公室\"]"),
        "{settings}"
    );
    assert!(
        settings.contains("name = \"王丽\"\nunit = \"综合科\""),
        "{settings}"
    );
    // The old name still finds the unit and its records.
    let found = env.run(&["list", "--unit", "办公室", "-o", "json"]);
    assert!(
        found.contains("FU-2026-0001") && found.contains("IN-2026-0001"),
        "{found}"
    );
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(zh.contains("单位更名：牵头单位：办公室 → 综合科"), "{zh}");
    let en = env.run(&["--lang", "en", "show", "FU-1"]);
    assert!(en.contains("unit renamed: lead: 办公室 → 综合科"), "{en}");
    refused(
        &env,
        &["unit", "rename", "综合科", "财务科"],
        "there is already a unit called '财务科'",
        "已有名为“财务科”的单位",
    );
    refused(
        &env,
        &["unit", "rename", "督查室", "督查科"],
        "'督查室' is not a unit of this register",
        "“督查室”不是本台账登记的单位",
    );
    env.run(&["check"]);
}

#[test]
fn a_unit_is_retired_only_when_it_leads_nothing_open() {
    let env = Env::new();
    followup(&env);
    refused(
        &env,
        &["unit", "retire", "BGS"],
        "办公室 still leads 1 open items: FU-2026-0001",
        "“办公室”还牵头 1 项在办事项：FU-2026-0001",
    );
    env.run(&["done", "FU-1", "--report", "已整改"]);
    env.run(&["unit", "retire", "办公室"]);
    assert!(
        env.read("taizhang.toml")
            .contains("code = \"BGS\"\nretired = true")
    );
    let zh = env.run(&["--lang", "zh", "unit", "list"]);
    assert!(zh.contains("已撤销"), "{zh}");
    // Kept for history: its records are still found by its name.
    let found = env.run(&["list", "--unit", "办公室", "-o", "json"]);
    assert!(found.contains("FU-2026-0001"), "{found}");
    refused(
        &env,
        &["unit", "retire", "办公室"],
        "办公室 is retired",
        "“办公室”已撤销",
    );
    // No new work goes to it, by name or by code; its figures still do.
    for lead in ["办公室", "BGS"] {
        refused(
            &env,
            &["assign", "新的事项", "--lead", lead, "--due", "2026-12-20"],
            "the unit '办公室' is retired: no new work goes to it",
            "单位“办公室”已撤销，不能再交办新的事项",
        );
    }
    env.run(&["summary", "--unit", "办公室", "--period", "2026"]);
}

#[test]
fn people_are_added_listed_and_moved() {
    let env = Env::new();
    let commits = env.commits();
    env.run(&[
        "person",
        "add",
        "张三",
        "--unit",
        "CWK",
        "--email",
        "zs@example.com",
        "--mobile",
        "13800000000",
    ]);
    env.run(&["person", "add", "陈局长", "--leader"]);
    env.run(&["person", "move", "张三", "--unit", "法规科"]);
    assert_eq!(env.commits(), commits + 3);
    let settings = env.read("taizhang.toml");
    assert!(
        settings.contains(
            "[[people]]\nname = \"张三\"\nunit = \"法规科\"\nemail = \"zs@example.com\"\nmobile = \"13800000000\"\n"
        ),
        "{settings}"
    );
    assert!(
        settings.contains("name = \"陈局长\"\nleader = true"),
        "{settings}"
    );
    let zh = env.run(&["--lang", "zh", "person", "list"]);
    assert!(
        zh.contains("姓名") && zh.contains("法规科") && zh.contains("是"),
        "{zh}"
    );
    let en = env.run(&["--lang", "en", "person", "list"]);
    assert!(en.contains("Mobile") && en.contains("13800000000"), "{en}");
    refused(
        &env,
        &["person", "add", "张三"],
        "there is already a person called '张三'",
        "已有名为“张三”的人员",
    );
    refused(
        &env,
        &["person", "add", "李四", "--unit", "宣传科"],
        "'宣传科' is not a unit of this register",
        "“宣传科”不是本台账登记的单位",
    );
    refused(
        &env,
        &["person", "move", "李四", "--unit", "办公室"],
        "'李四' is not a person of this register",
        "“李四”不是本台账登记的人员",
    );
}

#[test]
fn a_person_leaving_hands_over_all_they_hold_in_one_commit() {
    let env = Env::new();
    for name in ["王丽", "李明", "周敏"] {
        env.run(&["person", "add", name]);
    }
    followup(&env);
    env.run(&["log", "in", "--title", "关于年审的通知", "--from", "省厅"]);
    env.run(&["doc", "route", "IN-1", "--to", "王丽"]);
    env.run(&[
        "book",
        "add",
        "seal",
        "-s",
        "date=2026-11-20",
        "-s",
        "seal=局公章",
        "-s",
        "unit=办公室",
        "-s",
        "handler=王丽",
        "-s",
        "purpose=年审",
        "-s",
        "approver=周敏",
        "-s",
        "taken_out=2026-11-20 10:00",
    ]);
    refused(
        &env,
        &["person", "leave", "王丽"],
        "王丽 still holds 3 items: FU-2026-0001, IN-2026-0001, SEAL-2026-0001",
        "王丽 手上还有 3 项：FU-2026-0001、IN-2026-0001、SEAL-2026-0001",
    );
    refused(
        &env,
        &["person", "leave", "王丽", "--handover", "王丽"],
        "cannot hand over to themselves",
        "不能交接给自己",
    );
    refused(
        &env,
        &["person", "leave", "王丽", "--handover", "赵六"],
        "'赵六' is not a person of this register",
        "“赵六”不是本台账登记的人员",
    );
    let commits = env.commits();
    env.run(&["person", "leave", "王丽", "--handover", "李明"]);
    assert_eq!(env.commits(), commits + 1, "one commit");
    let fu = env.read(FU1);
    assert!(fu.contains("owner: 李明"), "{fu}");
    assert!(
        fu.contains("action: handover\n  note: 'owner: 王丽 → 李明'"),
        "{fu}"
    );
    let paper = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(paper.contains("action: handover"), "{paper}");
    let holders = env.run(&["list", "--holder", "李明", "-o", "json"]);
    assert!(holders.contains("IN-2026-0001"), "{holders}");
    let seal = env.read("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert!(
        seal.contains("handler: 李明") && seal.contains("action: handover"),
        "{seal}"
    );
    assert!(
        env.read("taizhang.toml")
            .contains("name = \"王丽\"\nleft = true")
    );
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(zh.contains("工作交接：责任人：王丽 → 李明"), "{zh}");
    refused(
        &env,
        &["person", "leave", "王丽"],
        "王丽 has left the office",
        "王丽 已调离",
    );
    env.run(&["person", "leave", "周敏"]);
    env.run(&["check"]);
}

#[test]
fn a_series_is_added_and_numbers_from_its_start() {
    let env = Env::new();
    env.run(&["series", "add", "县政办函", "--start", "38"]);
    let settings = env.read("taizhang.toml");
    assert!(
        settings.contains("[[series]]\nname = \"发文\"\nissuer = \"市交发\"\n\n[[series]]\nname = \"县政办函\"\nissuer = \"县政办函\"\nstart = 38\nstart_year = 2026\n"),
        "{settings}"
    );
    env.run(&[
        "log",
        "out",
        "--title",
        "关于春节值班的函",
        "--series",
        "县政办函",
        "--to",
        "各乡镇",
    ]);
    let out = env.read("documents/2026/OUT-2026-0001.yaml");
    assert!(out.contains("县政办函〔2026〕38号"), "{out}");
    let zh = env.run(&["--lang", "zh", "series", "list"]);
    assert!(
        zh.contains("县政办函〔2026〕38号") && zh.contains("县政办函〔2026〕39号"),
        "{zh}"
    );
    assert!(zh.contains("今年已用至"), "{zh}");
    let en = env.run(&["--lang", "en", "series", "list"]);
    assert!(
        en.contains("Last number this year") && en.contains("市交发〔2026〕1号"),
        "{en}"
    );
    refused(
        &env,
        &["series", "add", "县政办函"],
        "there is already a series called '县政办函'",
        "已有名为“县政办函”的发文字号系列",
    );
    refused(
        &env,
        &["series", "add", "县政发", "--start", "0"],
        "--start: 0 is not a document number",
        "--start：0 不是有效的文号序号",
    );
}
