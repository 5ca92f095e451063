//! `edit`: correcting a record with `--set` or in an editor
//! (docs/correcting.md); titles one line of at most 500 characters; who
//! acts; usage lines without options from the environment.

use std::path::PathBuf;

use crate::env::{Env, text};
use crate::snapshots::snap;
use crate::snapshots::whole;

const FU1: &str = "followups/2026/FU-2026-0001.yaml";
const IN1: &str = "documents/2026/IN-2026-0001.yaml";
const NOW: &str = "2026-11-23T09:30:00+08:00";

/// FU-1 (落实部署, 办公室, due 12-07) and IN-1 (关于报送材料的通知), the
/// clock pinned so history entries read the same on every run.
fn office() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.assign("落实部署");
    env.log_in("关于报送材料的通知");
    env
}

/// A script for $EDITOR that runs `sed EXPR` on the file it is given.
pub fn editor(env: &Env, name: &str, expr: &str) -> PathBuf {
    let path = env.tmp.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{expr}' \"$1\"\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn history_notes(env: &Env, path: &str) -> Vec<(String, String)> {
    let record = env.yaml(path);
    record["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| (text(h, "action"), text(h, "note")))
        .collect()
}

#[test]
fn set_reads_values_as_flags_do_and_records_old_and_new() {
    for lang in ["en", "zh"] {
        let env = office();
        let commits = env.commits();
        whole(
            &env,
            &format!("edit__set_{lang}"),
            &[
                "--lang",
                lang,
                "edit",
                "FU-1",
                "--set",
                "title=落实专项部署",
                "--set",
                "due=+3w",
                "--set",
                "lead=CWK",
                "--set",
                "feedback=每周",
                "--set",
                "owner=李明",
            ],
        );
        assert_eq!(env.commits(), commits + 1);
        let fu = env.yaml(FU1);
        assert_eq!(text(&fu, "title"), "落实专项部署");
        assert_eq!(text(&fu, "due"), "2026-12-14");
        assert_eq!(text(&fu, "lead"), "财务科");
        assert_eq!(text(&fu, "feedback"), "weekly");
        assert_eq!(
            history_notes(&env, FU1).last().unwrap(),
            &(
                "edit".to_string(),
                "title: 落实部署 → 落实专项部署; lead: 办公室 → 财务科; owner: — → 李明; \
                 due: 2026-12-07 → 2026-12-14; feedback: — → weekly"
                    .to_string()
            )
        );
        assert_eq!(env.last_commit_files(), [FU1]);
        let shown = env.run(&["--lang", "zh", "show", "FU-1"]);
        assert!(
            shown.contains(
                "更正：标题：落实部署 → 落实专项部署；牵头单位：办公室 → 财务科；\
                 责任人：— → 李明；办结时限：2026-12-07 → 2026-12-14；反馈频次：— → 每周"
            ),
            "{shown}"
        );
        let message = env.git(&["log", "-1", "--format=%s"]);
        assert_eq!(message.trim(), "taizhang: edit FU-2026-0001 落实专项部署");
    }
}

#[test]
fn set_takes_chinese_keywords_and_clears_optional_fields() {
    let env = office();
    env.run(&[
        "edit",
        "IN-1",
        "--set",
        "urgency=特急",
        "--set",
        "deadline=2026-11-30",
        "--set",
        "secrecy=秘密",
        "--set",
        "secrecy_term=10y",
        "--set",
        "support=CWK，法规科",
        "--set",
        "internal=是",
        "--set",
        "pages=3",
    ]);
    let doc = env.yaml(IN1);
    assert_eq!(text(&doc, "urgency"), "very-urgent");
    assert_eq!(text(&doc, "secrecy"), "secret");
    assert_eq!(doc["support"][1].as_str(), Some("法规科"));
    assert_eq!(doc["internal"].as_bool(), Some(true));
    assert_eq!(doc["pages"].as_u64(), Some(3));
    // A classified record's title stays out of the commit message.
    let message = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(message.trim(), "taizhang: edit IN-2026-0001 [秘密]");
    env.run(&["edit", "IN-1", "--set", "pages="]);
    assert!(env.yaml(IN1).get("pages").is_none());
    // Fields by the labels the tool shows, in either language.
    env.run(&[
        "edit",
        "FU-1",
        "--set",
        "办结时限=2026-12-31",
        "--set",
        "lead unit=CWK",
        "--set",
        "责任人=李明",
    ]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "due"), "2026-12-31");
    assert_eq!(text(&fu, "lead"), "财务科");
    assert_eq!(text(&fu, "owner"), "李明");
}

#[test]
fn set_refuses_whole_and_writes_nothing() {
    let env = office();
    let cases: &[(&str, &[&str])] = &[
        ("unknown_field", &["--set", "colour=red"]),
        ("status", &["--set", "status=closed"]),
        ("id", &["--set", "id=FU-2026-0002"]),
        ("structured", &["--set", "progress=已部署"]),
        ("bad_date", &["--set", "due=someday"]),
        ("bad_unit", &["--set", "lead=宣传科"]),
        ("bad_keyword", &["--set", "feedback=hourly"]),
        ("empty_required", &["--set", "lead="]),
        ("not_assignment", &["--set", "due"]),
        ("twice", &["--set", "due=+3w", "--set", "due=+4w"]),
        ("due_before_assigned", &["--set", "due=2026-11-01"]),
        ("title_line_break", &["--set", "title=第一行\n第二行"]),
        (
            "one_good_one_bad",
            &["--set", "title=新标题", "--set", "due=someday"],
        ),
    ];
    for lang in ["en", "zh"] {
        for (name, sets) in cases {
            let argv: Vec<&str> = [&["--lang", lang, "edit", "FU-1"][..], sets].concat();
            whole(&env, &format!("edit__refused_{name}_{lang}"), &argv);
        }
    }
    // No attachments at 机密 and above: as `log in --attach` refuses them,
    // so does raising the level of a paper that has some.
    let attachment = env.tmp.path().join("附件.pdf");
    std::fs::write(&attachment, "%PDF").unwrap();
    env.run(&[
        "log",
        "in",
        "--title",
        "带附件的来文",
        "--from",
        "省厅",
        "--attach",
        attachment.to_str().unwrap(),
    ]);
    let err = env.fail(&["--lang", "en", "edit", "IN-2", "--set", "secrecy=机密"]);
    assert!(err.contains("attachments are not allowed"), "{err}");
    // An urgent action paper needs a deadline: as `log in` refuses it, so
    // does `edit`.
    let err = env.fail(&["--lang", "en", "edit", "IN-1", "--set", "urgency=urgent"]);
    assert!(err.contains("would not pass `taizhang check`"), "{err}");
}

#[test]
fn setting_what_is_already_there_changes_nothing() {
    let env = office();
    let before = env.state();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("edit__unchanged_{lang}"),
            &["--lang", lang, "edit", "FU-1", "--set", "lead=办公室"],
        );
    }
    assert_eq!(before, env.state());
}

#[test]
fn a_logbook_entry_field_is_set_by_name_or_label() {
    let env = office();
    env.write(
        "logbooks/seal/2026/SEAL-2026-0001.yaml",
        "id: SEAL-2026-0001\ntitle: ''\nstatus: recorded\ncreated: 2026-11-20T09:00:00+08:00\n\
         date: 2026-11-20\nseal: 局印\nunit: 办公室\nhandler: 李明\npurpose: 报送材料\n\
         approver: 张局长\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "seal entry"]);
    env.run(&[
        "edit",
        "SEAL-1",
        "--set",
        "用印事由=报送年度材料",
        "--set",
        "witness=王芳",
    ]);
    let entry = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(text(&entry, "purpose"), "报送年度材料");
    assert_eq!(text(&entry, "witness"), "王芳");
    let err = env.fail(&["--lang", "en", "edit", "SEAL-1", "--set", "colour=red"]);
    assert!(err.contains("purpose"), "{err}");
}

#[test]
fn the_editor_saves_a_checked_copy_in_one_commit() {
    let env = office();
    let script = editor(
        &env,
        "ed.sh",
        "s/^title: .*/title: 改过的标题/; s/^due: .*/due: 2026-12-31/",
    );
    let commits = env.commits();
    let out = env
        .cmd()
        .env("EDITOR", &script)
        .args(["--lang", "zh", "edit", "FU-1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "FU-2026-0001 已更正：\n  标题：落实部署 → 改过的标题\n  办结时限：2026-12-07 → 2026-12-31\n"
    );
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(
        history_notes(&env, FU1).last().unwrap().1,
        "title: 落实部署 → 改过的标题; due: 2026-12-07 → 2026-12-31"
    );
    // VISUAL comes before EDITOR; nothing is left behind.
    let untouched = editor(&env, "noop.sh", "s/^x//");
    let out = env
        .cmd()
        .env("VISUAL", &untouched)
        .env("EDITOR", &script)
        .args(["--lang", "en", "edit", "FU-1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "FU-2026-0001: nothing changed; nothing was written\n"
    );
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(env.status(), "");
    let state: Vec<_> = std::fs::read_dir(env.root.join(".taizhang"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("edit-"))
        .collect();
    assert!(state.is_empty(), "{state:?}");
}

#[test]
fn the_editor_copy_that_fails_is_refused_and_the_record_kept() {
    let env = office();
    let cases = [
        ("id", "s/^id: .*/id: FU-2026-0009/"),
        ("invalid", "s/^due: .*/due: 2020-01-01/"),
        ("unreadable", "s/^lead: .*/lead: [办公室/"),
        ("status", "s/^status: .*/status: closed/"),
        ("history", "s/^  action: assign/  action: log/"),
    ];
    for (name, expr) in cases {
        let script = editor(&env, &format!("{name}.sh"), expr);
        for lang in ["en", "zh"] {
            let before = env.state();
            let out = env
                .cmd()
                .env("EDITOR", &script)
                .args(["--lang", lang, "edit", "FU-1"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{name}");
            assert_eq!(before, env.state(), "{name} changed the register");
            let stderr = String::from_utf8_lossy(&out.stderr);
            snap(&format!("edit__editor_{name}_{lang}"), &stderr);
        }
    }
    let err = env.fail(&["--lang", "en", "edit", "FU-1"]);
    assert!(err.contains("no editor"), "{err}");
}

#[test]
fn titles_are_one_line_of_at_most_500_characters() {
    let env = office();
    let long = "长".repeat(501);
    let longest = "长".repeat(500);
    let cases: &[(&str, Vec<&str>)] = &[
        (
            "log_in_line_break",
            vec!["log", "in", "--title", "第一行\n第二行", "--from", "省厅"],
        ),
        (
            "log_out_control",
            vec!["log", "out", "--title", "通知\u{1b}[2J", "--to", "省厅"],
        ),
        (
            "assign_too_long",
            vec!["assign", &long, "--lead", "BGS", "--due", "+2w"],
        ),
        (
            "meeting_add_line_break",
            vec![
                "meeting",
                "add",
                "--title",
                "办公\r\n会",
                "--start",
                "2026-11-25",
            ],
        ),
    ];
    for lang in ["en", "zh"] {
        for (name, args) in cases {
            let argv: Vec<&str> = [&["--lang", lang][..], args].concat();
            let stderr = env.fail(&argv);
            snap(&format!("title__{name}_{lang}"), &stderr);
        }
    }
    env.run(&["assign", &longest, "--lead", "BGS", "--due", "+2w"]);
}

#[test]
fn check_reports_a_title_that_breaks_the_rule() {
    let env = office();
    let text = env
        .read(FU1)
        .replace("title: 落实部署", "title: \"落实\\n部署\"");
    env.write(FU1, &text);
    let text = env.read(IN1).replace(
        "title: 关于报送材料的通知",
        &format!("title: {}", "长".repeat(600)),
    );
    env.write(IN1, &text);
    env.git(&["commit", "-qam", "hand edits"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("title__check_{lang}"),
            &["--lang", lang, "check"],
        );
    }
}

#[test]
fn list_wraps_long_titles_when_the_screen_width_is_unknown() {
    let env = office();
    let title = "很长的标题".repeat(100);
    env.run(&["edit", "FU-1", "--set", &format!("title={title}")]);
    let out = env
        .cmd()
        .env_remove("COLUMNS")
        .args(["list", "fu"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 200, "a row {widest} characters wide:\n{stdout}");
    assert!(stdout.lines().count() > 10, "{stdout}");
    assert_eq!(
        stdout
            .replace([' ', '\n'], "")
            .matches("很长的标题")
            .count(),
        100,
        "{stdout}"
    );
}

/// `--by`, else TAIZHANG_USER, else GIT_AUTHOR_NAME, else git's user.name,
/// else the login name.
#[test]
fn who_acts_is_found_in_order() {
    let env = office();
    let by = |env: &Env| {
        let history = env.yaml(FU1)["history"].as_sequence().unwrap().clone();
        text(history.last().unwrap(), "by")
    };
    let progress = |cmd: &mut assert_cmd::Command, note: &str| {
        cmd.args(["progress", "FU-1", note]).assert().success();
    };
    progress(
        env.cmd()
            .env("GIT_AUTHOR_NAME", "作者")
            .args(["--by", "李明"]),
        "1",
    );
    assert_eq!(by(&env), "李明");
    progress(env.cmd().env("GIT_AUTHOR_NAME", "作者"), "2");
    assert_eq!(by(&env), "王芳");
    progress(
        env.cmd()
            .env_remove("TAIZHANG_USER")
            .env("GIT_AUTHOR_NAME", "作者"),
        "3",
    );
    assert_eq!(by(&env), "作者");
    progress(env.cmd().env_remove("TAIZHANG_USER"), "4");
    assert_eq!(by(&env), "Test Clerk");
    let empty = env.tmp.path().join("empty-gitconfig");
    std::fs::write(&empty, "").unwrap();
    progress(
        env.cmd()
            .env_remove("TAIZHANG_USER")
            .env("GIT_CONFIG_GLOBAL", &empty)
            .env("USER", "wangfang")
            .args(["--no-commit"]),
        "5",
    );
    assert_eq!(by(&env), "wangfang");
}

/// Options set from the environment (TAIZHANG_TODAY, TAIZHANG_USER) are
/// not listed in a usage error as though required.
#[test]
fn usage_errors_do_not_list_options_from_the_environment() {
    let env = office();
    let out = env
        .cmd()
        .env("TAIZHANG_REGISTER", &env.root)
        .args(["progress"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Usage: taizhang progress <ID> <NOTE>\n"),
        "{stderr}"
    );
    // They still take effect.
    let list = env
        .cmd()
        .current_dir(env.tmp.path())
        .env("TAIZHANG_REGISTER", &env.root)
        .env("TAIZHANG_TODAY", "2026-12-20")
        .args(["list", "fu", "--overdue", "-o", "csv"])
        .output()
        .unwrap();
    assert!(list.status.success());
    assert!(String::from_utf8_lossy(&list.stdout).contains("FU-2026-0001"));
}

/// On a terminal, a copy that fails its checks is shown with its problems
/// and the clerk is asked to edit again; no keeps the record as it was.
/// (`script` gives the command a terminal.)
#[test]
fn on_a_terminal_a_failing_copy_may_be_edited_again() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let env = office();
    let counter = env.tmp.path().join("rounds");
    let script = env.tmp.path().join("twice.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nn=$(cat '{c}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{c}'\n\
             if [ $n -eq 1 ]; then sed -i 's/^due: .*/due: 2020-01-01/' \"$1\"; \
             else sed -i 's/^due: .*/due: 2027-01-31/' \"$1\"; fi\n",
            c = counter.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let binary = env!("CARGO_BIN_EXE_taizhang");
    let on_terminal = |lang: &str, answer: &str, editor: &std::path::Path| {
        let mut cmd = env.std_cmd_of(std::path::Path::new("script"));
        cmd.args([
            "-qec",
            &format!("'{binary}' --lang {lang} edit FU-1"),
            "/dev/null",
        ])
        .env("EDITOR", editor)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(answer.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        )
    };
    let commits = env.commits();
    let (code, text) = on_terminal("en", "y\n", &script);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("would not pass `taizhang check`"), "{text}");
    assert!(text.contains("Edit again? [Y/n]"), "{text}");
    assert!(text.contains("due: 2026-12-07 → 2027-01-31"), "{text}");
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(text_of(&env, "due"), "2027-01-31");

    let bad = editor(&env, "bad.sh", "s/^due: .*/due: 2020-01-01/");
    let before = env.state();
    let (code, text) = on_terminal("zh", "n\n", &bad);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("是否重新编辑？"), "{text}");
    assert!(text.contains("没有改动，未写入任何内容"), "{text}");
    assert_eq!(before, env.state());
}

fn text_of(env: &Env, key: &str) -> String {
    text(&env.yaml(FU1), key)
}

#[test]
fn meeting_decisions_and_imported_rows_keep_to_the_title_rule() {
    let env = office();
    env.run(&[
        "meeting",
        "add",
        "--title",
        "办公会",
        "--start",
        "2026-11-20",
    ]);
    env.run(&["meeting", "held", "MT-1"]);
    let err = env.fail(&[
        "--lang",
        "en",
        "meeting",
        "decide",
        "MT-1",
        "第一行\n第二行",
        "--lead",
        "BGS",
        "--due",
        "+2w",
    ]);
    assert!(err.contains("<TEXT>: a title is one line"), "{err}");
    let sheet = env.tmp.path().join("rows.csv");
    std::fs::write(
        &sheet,
        "督办事项,牵头单位,交办日期,办结时限\n\"两行\n标题\",办公室,2026-11-01,2026-11-30\n",
    )
    .unwrap();
    let err = env.fail(&[
        "--lang",
        "zh",
        "import",
        "csv",
        "fu",
        sheet.to_str().unwrap(),
    ]);
    assert!(err.contains("标题只能是一行"), "{err}");
}
