//! Bad input is refused whole: exit 1, the problem named on stderr, the
//! register untouched (`Env::fail` checks files, HEAD and status).

use crate::env::Env;

#[test]
fn bad_date_names_the_input_and_the_accepted_forms() {
    let env = Env::new();
    let stderr = env.fail(&[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "next tuesdayish",
    ]);
    assert!(stderr.contains("--due"), "{stderr}");
    assert!(stderr.contains("next tuesdayish"), "{stderr}");
    assert!(
        stderr.contains("YYYY-MM-DD") && stderr.contains("+3d"),
        "{stderr}"
    );
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--received",
        "2026-13-45",
    ]);
    assert!(
        stderr.contains("2026-13-45") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
    let stderr = env.fail(&[
        "--lang",
        "zh",
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "下个月吧",
    ]);
    assert!(
        stderr.contains("下个月吧") && stderr.contains("可用格式"),
        "{stderr}"
    );
}

/// Relative dates that go back are values, not flags: `--due -2d` reads
/// as `--due=-2d` does.
#[test]
fn dates_that_go_back_are_read_as_values() {
    let env = Env::new();
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--received",
        "-2d",
    ]);
    assert!(id.starts_with("IN-2026-"), "{id}");
    let json = env.run(&["list", "in", "--since", "-2d", "-o", "json"]);
    assert!(json.contains(id.trim()), "{json}");
    assert!(json.contains("\"received\": \"2026-11-21"), "{json}");
    let fu = env.run(&[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--assigned",
        "-5d",
        "--due",
        "-2d",
    ]);
    let json = env.run(&["show", fu.trim(), "-o", "json"]);
    assert!(json.contains("\"due\": \"2026-11-21\""), "{json}");
    assert!(json.contains("\"overdue\": true"), "{json}");
}

/// A value refused as clap parses the command line is still the clerk's
/// input: exit 1, in the register's language, naming the flag as typed.
#[test]
fn a_value_refused_while_parsing_speaks_the_registers_language() {
    let env = Env::new();
    let settings = env.root.join("taizhang.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("language = \"zh\"\n{text}")).unwrap();
    env.git(&["commit", "-qam", "language"]);
    let stderr = env.fail(&["remind", "--within", "soon"]);
    assert!(
        stderr.starts_with("错误: --within：无法识别时长“soon”"),
        "{stderr}"
    );
    let stderr = env.fail(&["list", "--due-within=-3d"]);
    assert!(
        stderr.contains("--due-within：无法识别时长“-3d”"),
        "{stderr}"
    );
    let stderr = env.fail(&[
        "archive",
        "catalogue",
        "--year",
        "2026",
        "--retention",
        "forever",
    ]);
    assert!(stderr.contains("--retention：“forever”"), "{stderr}");
}

#[test]
fn bad_enum_value_names_the_accepted_values() {
    let env = Env::new();
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--urgency",
        "asap",
    ]);
    assert!(stderr.contains("asap"), "{stderr}");
    assert!(
        stderr.contains("normal") && stderr.contains("very-urgent"),
        "{stderr}"
    );
    // In Chinese the Chinese words, each with the keyword it stores.
    let stderr = env.fail(&[
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
    assert!(stderr.contains("特急（`very-urgent`）"), "{stderr}");
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--secrecy",
        "hush",
    ]);
    assert!(stderr.contains("highly-secret"), "{stderr}");
    let stderr = env.fail(&[
        "assign", "x", "--lead", "BGS", "--due", "+1d", "--source", "rumour",
    ]);
    assert!(
        stderr.contains("instruction") && stderr.contains("meeting"),
        "{stderr}"
    );
}

#[test]
fn missing_required_flag_is_a_usage_error() {
    let env = Env::new();
    let before = env.state();
    for args in [
        &["assign", "事项", "--lead", "BGS"][..],
        &["log", "in", "--title", "无来文机关"],
        &["log", "out", "--title", "无主送"],
        &["extend", "FU-1", "--to", "+1w"],
    ] {
        let output = env.output(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("required"), "{args:?}: {stderr}");
    }
    assert_eq!(before, env.state());
}

#[test]
fn unknown_id_is_not_found() {
    let env = Env::new();
    let stderr = env.fail(&["progress", "FU-2026-0042", "进展"]);
    assert!(stderr.contains("FU-2026-0042"), "{stderr}");
    let stderr = env.fail(&["show", "IN-7"]);
    assert!(stderr.contains("no record IN-2026-0007"), "{stderr}");
    let stderr = env.fail(&["show", "not-an-id"]);
    assert!(stderr.contains("not-an-id"), "{stderr}");
}

#[test]
fn dangling_from_is_refused() {
    let env = Env::new();
    let stderr = env.fail(&[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "+1w",
        "--from",
        "IN-2026-0099",
    ]);
    assert!(
        stderr.contains("--from") && stderr.contains("IN-2026-0099"),
        "{stderr}"
    );
    // A follow-up is not something to carry out.
    env.assign("某事项");
    let stderr = env.fail(&[
        "assign", "事项", "--lead", "BGS", "--due", "+1w", "--from", "FU-1",
    ]);
    assert!(stderr.contains("FU-2026-0001"), "{stderr}");
}

#[test]
fn done_on_a_cancelled_followup_names_the_status_and_the_way_out() {
    let env = Env::new();
    env.assign("撤项的事项");
    env.run(&["cancel", "FU-1", "--reason", "不再需要"]);
    let stderr = env.fail(&["done", "FU-1"]);
    assert!(stderr.contains("cancelled"), "{stderr}");
    assert!(stderr.contains("reopen"), "{stderr}");
    for args in [
        &["progress", "FU-1", "进展"][..],
        &["chase", "FU-1"],
        &["extend", "FU-1", "--to", "+1m", "--reason", "r"],
        &["cancel", "FU-1", "--reason", "again"],
    ] {
        let stderr = env.fail(args);
        assert!(stderr.contains("cancelled"), "{args:?}: {stderr}");
    }
    let stderr = env.fail(&["--lang", "zh", "done", "FU-1"]);
    assert!(
        stderr.contains("已撤项") && stderr.contains("reopen"),
        "{stderr}"
    );
}

#[test]
fn reopen_of_an_open_followup_is_refused() {
    let env = Env::new();
    env.assign("在办事项");
    let stderr = env.fail(&["reopen", "FU-1", "--reason", "r"]);
    assert!(stderr.contains("open"), "{stderr}");
}

#[test]
fn unknown_unit_is_refused_naming_the_known_ones() {
    let env = Env::new();
    let stderr = env.fail(&["assign", "事项", "--lead", "宣传科", "--due", "+1w"]);
    assert!(stderr.contains("宣传科"), "{stderr}");
    assert!(
        stderr.contains("办公室") && stderr.contains("执法支队"),
        "{stderr}"
    );
    let stderr = env.fail(&["log", "in", "--title", "x", "--from", "y", "--lead", "XCK"]);
    assert!(stderr.contains("XCK"), "{stderr}");
}

#[test]
fn due_before_assigned_is_refused() {
    let env = Env::new();
    let stderr = env.fail(&["assign", "事项", "--lead", "BGS", "--due", "2026-11-01"]);
    assert!(
        stderr.contains("2026-11-01") && stderr.contains("2026-11-23"),
        "{stderr}"
    );
    let stderr = env.fail(&[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--assigned",
        "2026-12-01",
        "--due",
        "2026-11-30",
    ]);
    assert!(stderr.contains("before"), "{stderr}");
}

#[test]
fn empty_title_is_refused() {
    let env = Env::new();
    let stderr = env.fail(&["log", "in", "--title", "  ", "--from", "y"]);
    assert!(stderr.contains("--title"), "{stderr}");
}

#[test]
fn outside_a_register_names_the_way_out() {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    let output = env.output(&["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("taizhang init"), "{stderr}");
}

#[test]
fn a_paper_received_in_the_future_is_refused() {
    let env = Env::new();
    let args = [
        "log",
        "in",
        "--title",
        "年份写错的来文",
        "--from",
        "省厅",
        "--received",
        "2027-11-20",
    ];
    let en = env.fail(&args);
    assert!(
        en.contains("--received 2027-11-20 is after today (2026-11-23)")
            && en.contains("check the year"),
        "{en}"
    );
    let zh = env.fail(&[&["--lang", "zh"][..], &args[..]].concat());
    assert!(zh.contains("签收时间不能在将来"), "{zh}");
    assert!(!env.root.join("documents/2026").exists() && !env.root.join("documents/2027").exists());
    // Today itself, and earlier, are fine.
    env.run(&[
        "log",
        "in",
        "--title",
        "今天签收",
        "--from",
        "省厅",
        "--received",
        "2026-11-23",
    ]);
}
