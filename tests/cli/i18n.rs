//! Output in both languages: labels, status words and messages change;
//! stored values never do.

use crate::env::{Env, text};

#[test]
fn list_in_chinese_and_english() {
    let env = Env::new();
    env.assign("修订值班制度");
    env.run(&[
        "log", "in", "--title", "来文", "--from", "省厅", "--lead", "BGS",
    ]);
    env.run(&["assign", "已办结事项", "--lead", "CWK", "--due", "+1w"]);
    env.run(&["done", "FU-2"]);
    let zh = env.run(&["--lang", "zh", "list"]);
    for word in [
        "编号",
        "标题",
        "状态",
        "单位",
        "期限",
        "待办",
        "已办结",
        "已交办",
    ] {
        assert!(zh.contains(word), "{word} missing: {zh}");
    }
    assert!(!zh.contains("Title") && !zh.contains(" open "), "{zh}");
    let en = env.run(&["--lang", "en", "list"]);
    for word in [
        "ID", "Title", "Status", "Unit", "Due", "open", "closed", "assigned",
    ] {
        assert!(en.contains(word), "{word} missing: {en}");
    }
    assert!(!en.contains("待办") && !en.contains("标题"), "{en}");
    // TAIZHANG_LANG and LANG choose too.
    let by_env = env
        .cmd()
        .env("TAIZHANG_LANG", "zh")
        .args(["list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_env.stdout).contains("编号"));
    let by_locale = env
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_locale.stdout).contains("编号"));
    // JSON keeps the stored keywords whatever the language.
    let json = env.run(&["--lang", "zh", "list", "--format", "json"]);
    assert!(
        json.contains("\"status\": \"open\"") && !json.contains("待办"),
        "{json}"
    );
    // The files never change with the language.
    assert_eq!(
        text(&env.yaml("followups/2026/FU-2026-0002.yaml"), "status"),
        "closed"
    );
}

#[test]
fn errors_in_chinese_and_english() {
    let env = Env::new();
    let zh = env.fail(&["--lang", "zh", "show", "FU-2026-0099"]);
    assert!(
        zh.contains("错误") && zh.contains("台账中没有") && zh.contains("FU-2026-0099"),
        "{zh}"
    );
    let en = env.fail(&["--lang", "en", "show", "FU-2026-0099"]);
    assert!(
        en.starts_with("error: ") && en.contains("no record FU-2026-0099"),
        "{en}"
    );
    let zh = env.fail(&[
        "--lang",
        "zh",
        "assign",
        "x",
        "--lead",
        "宣传科",
        "--due",
        "+1d",
    ]);
    assert!(zh.contains("不是本台账登记的单位"), "{zh}");
    let zh = env.fail(&[
        "--lang",
        "zh",
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--urgency",
        "asap",
    ]);
    assert!(zh.contains("紧急程度") && zh.contains("可用值"), "{zh}");
}

#[test]
fn show_and_check_in_chinese() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "急件",
        "--from",
        "省厅",
        "--urgency",
        "特急",
        "--deadline",
        "+2d",
    ]);
    let zh = env.run(&["--lang", "zh", "show", "IN-1"]);
    for word in ["紧急程度", "特急", "已登记", "来文机关", "办理时限"] {
        assert!(zh.contains(word), "{word} missing: {zh}");
    }
    let en = env.run(&["--lang", "en", "show", "IN-1"]);
    assert!(
        en.contains("very-urgent") && en.contains("registered"),
        "{en}"
    );
    let check = env.run(&["--lang", "zh", "check"]);
    assert!(check.contains("未发现问题"), "{check}");
}

/// What the record reader says about a broken file reads in Chinese in
/// `check`, in read commands' warnings and in `show`; JSON keeps English.
#[test]
fn reader_messages_in_chinese() {
    let env = Env::new();
    env.log_in("急件");
    let path = "documents/2026/IN-2026-0001.yaml";
    env.write(
        path,
        &env.read(path).replace("urgency: normal", "urgency: hot"),
    );
    env.write(
        "followups/2026/FU-2026-0001.yaml",
        "id: FU-2026-0001\ntitle: 缺字段\n",
    );
    let zh = env.output(&["--lang", "zh", "check"]);
    let report = String::from_utf8_lossy(&zh.stdout);
    assert!(
        report.contains("紧急程度“hot”无法识别，可用值："),
        "{report}"
    );
    assert!(report.contains("缺少字段"), "{report}");
    let warned = env.output(&["--lang", "zh", "list"]);
    let warning = String::from_utf8_lossy(&warned.stderr);
    assert!(
        warning.contains("已跳过") && warning.contains("紧急程度“hot”无法识别"),
        "{warning}"
    );
    let show = env.output(&["--lang", "zh", "show", "IN-1"]);
    assert!(String::from_utf8_lossy(&show.stderr).contains("无法读取：紧急程度“hot”"));
    let en = env.output(&["--lang", "en", "check"]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("unknown urgency `hot`"));
    let json = env.output(&["--lang", "zh", "check", "--format", "json"]);
    assert!(String::from_utf8_lossy(&json.stdout).contains("unknown urgency `hot`"));
}

#[test]
fn startup_errors_speak_the_chosen_language() {
    let env = Env::new();
    let zh = env.fail(&["--lang", "zh", "--today", "2026-13-01", "list"]);
    assert!(zh.contains("--today：无法识别日期"), "{zh}");
    // The register's own setting is read before `--today` too.
    let settings = env.root.join("taizhang.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("language = \"zh\"\n{text}")).unwrap();
    env.git(&["commit", "-qam", "language"]);
    let zh = env.fail(&["--today", "2026-13-01", "list"]);
    assert!(zh.contains("--today：无法识别日期"), "{zh}");
    let en = env.fail(&["--lang", "en", "--today", "2026-13-01", "list"]);
    assert!(en.starts_with("error: --today"), "{en}");
}

#[test]
fn reply_to_history_is_worded_in_both_languages() {
    let env = Env::new();
    env.run(&[
        "log", "in", "--title", "来文", "--from", "省厅", "--lead", "BGS",
    ]);
    env.run(&["doc", "done", "IN-1"]);
    env.run(&["log", "out", "--title", "复函", "--to", "省厅"]);
    env.run(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"]);
    let zh = env.run(&["--lang", "zh", "show", "OUT-1"]);
    assert!(zh.contains("答复来文 IN-2026-0001"), "{zh}");
    assert!(!zh.contains("reply-to"), "{zh}");
    let en = env.run(&["--lang", "en", "show", "OUT-1"]);
    assert!(en.contains("in reply to IN-2026-0001"), "{en}");
}

#[test]
fn remind_record_stores_no_english_note() {
    let env = Env::new();
    env.run(&[
        "--today",
        "2026-11-10",
        "assign",
        "逾期事项",
        "--lead",
        "CWK",
        "--due",
        "2026-11-20",
    ]);
    env.run(&["remind", "--record"]);
    let yaml = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(yaml.contains("action: remind\n  note: red"), "{yaml}");
    env.run(&["chase", "FU-1", "--via", "电话"]);
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(zh.contains("提醒催办（红色）"), "{zh}");
    // A chase's level is a stored keyword, worded like any other.
    assert!(
        zh.contains("催办：电话（红色）") && !zh.contains("red"),
        "{zh}"
    );
}

#[test]
fn summary_names_logbooks_by_title_in_chinese() {
    let env = Env::new();
    let zh = env.run(&["--lang", "zh", "summary"]);
    // The logbooks under their own heading, each by its title.
    assert!(
        zh.contains("\n登记簿\n") && zh.contains("\n 用印登记 "),
        "{zh}"
    );
    assert!(!zh.contains(" seal "), "{zh}");
    let en = env.run(&["--lang", "en", "summary"]);
    assert!(
        en.contains("\nLogbook entries\n") && en.contains("\n Seal use "),
        "{en}"
    );
}
