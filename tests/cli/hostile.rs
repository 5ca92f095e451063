//! Hand edits and hostile files: unknown keys survive a rewrite; paths,
//! symlinks, alias bombs, deep nesting and huge files are contained.

use std::time::{Duration, Instant};

use crate::env::{Env, text};

const FU1: &str = "followups/2026/FU-2026-0001.yaml";

#[test]
fn unknown_keys_survive_a_rewrite() {
    let env = Env::new();
    env.assign("手工加字段的事项");
    let original = env.read(FU1);
    let edited = format!(
        "{original}my_custom_field: x\nlocal_tracking:\n  ticket: OA-2026-118\n  reviewers:\n  - 张三\n  - 李四\n  nested:\n    deep: true\n    count: 3\n"
    );
    env.write(FU1, &edited);
    env.git(&["commit", "-qam", "hand edit"]);
    env.run(&["progress", "FU-1", "已落实"]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "status"), "in-progress");
    assert_eq!(text(&fu, "my_custom_field"), "x");
    let local = &fu["local_tracking"];
    assert_eq!(text(local, "ticket"), "OA-2026-118");
    assert_eq!(local["reviewers"][1].as_str(), Some("李四"));
    assert_eq!(local["nested"]["deep"].as_bool(), Some(true));
    assert_eq!(local["nested"]["count"].as_u64(), Some(3));
    // Still there after another rewrite.
    env.run(&["done", "FU-1"]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "my_custom_field"), "x");
    assert_eq!(fu["local_tracking"]["nested"]["count"].as_u64(), Some(3));
}

#[test]
fn hand_added_keys_inside_history_and_progress_entries_were_dropped() {
    let env = Env::new();
    env.assign("手工批注的事项");
    env.run(&["progress", "FU-1", "第一次"]);
    let original = env.read(FU1);
    let edited = original
        .replacen("  note: 第一次\n", "  note: 第一次\n  reviewer: 张三\n", 1)
        .replacen(
            "  action: assign\n",
            "  action: assign\n  ip: 10.0.0.1\n",
            1,
        );
    assert_ne!(edited, original);
    env.write(FU1, &edited);
    env.git(&["commit", "-qam", "hand edit"]);
    env.run(&["progress", "FU-1", "第二次"]);
    env.run(&["done", "FU-1", "--report", "完成"]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu["progress"][0], "reviewer"), "张三", "{fu:?}");
    assert!(fu["progress"][1].get("reviewer").is_none(), "{fu:?}");
    assert_eq!(text(&fu["history"][0], "ip"), "10.0.0.1", "{fu:?}");
    assert_eq!(text(&fu["progress"][1], "note"), "第二次");
    // Fields the tool removes on purpose stay removed.
    env.run(&["reopen", "FU-1", "--reason", "不合格"]);
    let fu = env.yaml(FU1);
    assert!(fu["result"].get("closed").is_none(), "{fu:?}");
    assert_eq!(text(&fu["result"], "report"), "完成");
}

#[test]
fn a_record_saved_with_a_byte_order_mark_was_unreadable() {
    let env = Env::new();
    env.assign("记事本编辑过的事项");
    let crlf = env.read(FU1).replace('\n', "\r\n");
    env.write(FU1, &format!("\u{feff}{crlf}"));
    env.git(&["commit", "-qam", "saved by Notepad"]);
    let show = env.run(&["show", "FU-1"]);
    assert!(show.contains("记事本编辑过的事项"), "{show}");
    env.run(&["check"]);
    env.run(&["progress", "FU-1", "照常办理"]);
    assert_eq!(text(&env.yaml(FU1), "title"), "记事本编辑过的事项");
}

#[test]
fn ids_that_are_paths_are_refused() {
    let env = Env::new();
    env.log_in("来文");
    for id in [
        "../../etc/passwd",
        "/etc/passwd",
        "IN/2026/0001",
        "IN-2026-0001/../../x",
        "..",
        "IN-2026-0001.yaml",
        "IN-2026-0001\0",
    ] {
        if id.contains('\0') {
            continue;
        }
        let stderr = env.fail(&["show", id]);
        assert!(stderr.contains(id), "{id}: {stderr}");
        env.fail(&["progress", id, "x"]);
    }
}

#[test]
fn a_record_that_is_a_symlink_is_not_followed() {
    let env = Env::new();
    std::fs::create_dir_all(env.root.join("documents/2026")).unwrap();
    std::os::unix::fs::symlink(
        "/etc/passwd",
        env.root.join("documents/2026/IN-2026-0001.yaml"),
    )
    .unwrap();
    let stderr = env.fail(&["show", "IN-2026-0001"]);
    assert!(!stderr.contains("root:"), "the link was followed: {stderr}");
    assert!(stderr.contains("IN-2026-0001"), "{stderr}");
    // Writing through it is refused too.
    let fu = env.assign("事项");
    env.fail(&[
        "assign", "x", "--lead", "BGS", "--due", "+1d", "--from", "IN-1",
    ]);
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("IN-2026-0001.yaml") && report.contains("symbolic link"),
        "{report}"
    );
    assert!(!report.contains("root:"), "{report}");
    // list degrades: warns, and lists the rest.
    let list = env.output(&["list"]);
    assert!(list.status.success());
    assert!(String::from_utf8_lossy(&list.stdout).contains(&fu));
    assert!(String::from_utf8_lossy(&list.stderr).contains("IN-2026-0001.yaml"));
}

#[test]
fn a_symlinked_folder_is_not_followed() {
    let env = Env::new();
    let outside = env.tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(env.root.join("followups")).unwrap();
    std::os::unix::fs::symlink(&outside, env.root.join("followups/2026")).unwrap();
    env.fail(&["assign", "事项", "--lead", "BGS", "--due", "+1w"]);
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "wrote outside"
    );
}

#[test]
fn a_symlinked_record_folder_was_read_by_list() {
    let env = Env::new();
    env.log_in("登记在台账里的来文");
    let outside = env.tmp.path().join("outside");
    std::fs::create_dir_all(outside.join("2026")).unwrap();
    let record = env
        .read("documents/2026/IN-2026-0001.yaml")
        .replace("IN-2026-0001", "IN-2026-0002")
        .replace("登记在台账里的来文", "台账外的文件");
    std::fs::write(outside.join("2026/IN-2026-0002.yaml"), record).unwrap();
    std::fs::create_dir_all(env.root.join("followups")).unwrap();
    // The whole followups folder, and one year of documents, lead outside.
    std::os::unix::fs::symlink(&outside, env.root.join("followups/2027")).unwrap();
    std::fs::rename(
        env.root.join("documents"),
        env.tmp.path().join("documents.real"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, env.root.join("documents")).unwrap();
    let list = env.output(&["list"]);
    assert!(list.status.success());
    let stdout = String::from_utf8_lossy(&list.stdout);
    assert!(
        !stdout.contains("台账外的文件"),
        "read through a link: {stdout}"
    );
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        !report.contains("IN-2026-0002"),
        "read through a link: {report}"
    );
    assert!(
        report.contains("documents") && report.contains("symbolic link"),
        "{report}"
    );
    assert!(report.contains("followups/2027"), "{report}");
}

/// Puts `content` where FU-2026-0002 lives, next to a good FU-1, and checks
/// that `check` fails fast naming it while `list` warns and goes on.
fn assert_contained(name: &str, content: &[u8]) {
    let env = Env::new();
    let good = env.assign("正常的事项");
    let path = env.root.join("followups/2026/FU-2026-0002.yaml");
    std::fs::write(&path, content).unwrap();

    let start = Instant::now();
    let check = env.output(&["check"]);
    let elapsed = start.elapsed();
    assert_eq!(check.status.code(), Some(1), "{name}: {check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("FU-2026-0002.yaml"), "{name}: {report}");
    // A sanity bound, not a speed test: an unbounded parse takes minutes
    // or dies of memory.
    assert!(
        elapsed < Duration::from_secs(10),
        "{name}: check took {elapsed:?}"
    );

    let list = env.output(&["list"]);
    assert_eq!(list.status.code(), Some(0), "{name}: {list:?}");
    let stdout = String::from_utf8_lossy(&list.stdout);
    let stderr = String::from_utf8_lossy(&list.stderr);
    assert!(stdout.contains(&good), "{name}: {stdout}");
    assert!(stderr.contains("FU-2026-0002.yaml"), "{name}: {stderr}");
    assert_eq!(
        stderr.matches("FU-2026-0002.yaml").count(),
        1,
        "one warning: {stderr}"
    );

    // show and progress refuse it, and leave it alone.
    env.fail(&["show", "FU-2"]);
    env.fail(&["progress", "FU-2", "x"]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        content,
        "{name}: overwritten"
    );
}

#[test]
fn an_alias_bomb_is_rejected_in_bounded_time() {
    let mut bomb = String::from(
        "id: FU-2026-0002\ntitle: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
    let mut previous = "a";
    for name in names {
        let refs = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        previous = name;
    }
    bomb.push_str("status: open\nlead: 办公室\nassigned: 2026-11-01\ndue: 2026-11-30\ncreated: 2026-11-01T09:00:00+08:00\n");
    assert_contained("alias bomb", bomb.as_bytes());
}

#[test]
fn fifty_thousand_deep_nesting_is_refused_before_the_slow_scanner() {
    let depth = 50_000;
    let text = format!(
        "id: FU-2026-0002\ntitle: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_contained("deep nesting", text.as_bytes());
}

#[test]
fn a_huge_file_is_rejected_in_bounded_time() {
    let mut text = String::from("id: FU-2026-0002\ntitle: huge\nnotes: |\n");
    while text.len() < 2 << 20 {
        text.push_str("  这是一行很长很长的备注，用来把文件撑到两兆字节以上。\n");
    }
    assert_contained("2 MiB file", text.as_bytes());
}

#[test]
fn a_torn_or_invalid_record_is_named_with_line_and_column() {
    let env = Env::new();
    env.assign("正常的事项");
    env.write(
        "followups/2026/FU-2026-0002.yaml",
        "id: FU-2026-0002\ntitle: [unclosed\nstatus: open\n",
    );
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("followups/2026/FU-2026-0002.yaml:"),
        "{report}"
    );
    env.write(
        "followups/2026/FU-2026-0002.yaml",
        "id: FU-2026-0002\ntitle: 缺字段\nstatus: open\n",
    );
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("FU-2026-0002.yaml") && report.contains("lead"),
        "{report}"
    );
}

#[test]
fn markdown_and_csv_never_print_an_escape_from_a_title() {
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
    let path = "followups/2026/FU-2026-0001.yaml";
    let text = env
        .read(path)
        .replace("title: 逾期事项", "title: \"逾期\\e[2J事项\"");
    env.write(path, &text);
    for args in [
        &["list", "-o", "markdown"][..],
        &["list", "-o", "csv"],
        &["list"],
        &["summary", "-o", "markdown"],
        &["summary"],
        &["remind", "-o", "markdown"],
        &["remind", "-o", "csv"],
        &["show", "FU-1"],
        &[],
    ] {
        for lang in ["en", "zh"] {
            let mut argv = vec!["--lang", lang];
            argv.extend_from_slice(args);
            let out = env.output(&argv);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(!stdout.contains('\u{1b}'), "{argv:?}: {stdout:?}");
            assert!(stdout.contains("逾期\u{fffd}[2J事项"), "{argv:?}: {stdout}");
        }
    }
    // JSON keeps the value, escaped by the encoder.
    let json = env.run(&["list", "-o", "json"]);
    assert!(json.contains("逾期\\u001b[2J事项"), "{json}");
}
