//! Snapshots of whole outputs: every command on the bundled example
//! register (`examples/office`, pinned to 2026-11-23 09:30 in Shanghai), in
//! English and in Chinese, each pinned as one text holding the command
//! line, the exit code, stdout, stderr and the files the command changed.
//!
//! The snapshots live in `tests/cli/snapshots/`. After a deliberate change
//! of wording or layout, review and accept them with
//! `cargo insta test --accept --test cli -- snapshots` (or
//! `INSTA_UPDATE=always cargo test --test cli -- snapshots` without
//! cargo-insta) and read the diff before committing.

use std::path::Path;

use crate::env::Env;

/// The moment every command here takes as now: history entries carry it.
pub const NOW: &str = "2026-11-23T09:30:00+08:00";

const LANGS: [&str; 2] = ["en", "zh"];

/// A copy of the example register in a temporary folder, committed to a
/// fresh git repository, with the clock pinned.
fn office() -> Env {
    let env = Env::example();
    env.pin_clock(NOW);
    env
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `taizhang ARGS` and writes down all it did: the command line,
/// exit code, stdout, stderr, and the files it changed but did not commit
/// (which are then committed here, so that the next command's list is its
/// own: the example register does not commit by itself; what was left
/// uncommitted before the command is not its change). A command that
/// fails must leave the register untouched.
fn transcript(env: &Env, args: &[&str]) -> String {
    transcript_of(env, args, true)
}

/// `transcript`, watching for changes only if `writes`: a read changes
/// nothing (`snap_reads` checks that once for all its reads), and the
/// git calls that watching takes are most of a read's time.
fn transcript_of(env: &Env, args: &[&str], writes: bool) -> String {
    if !writes {
        let output = env.output(args);
        let mut text = format!(
            "$ taizhang {}\nexit: {}\n",
            args.join(" "),
            exit(output.status.code())
        );
        section(&mut text, "stdout", &output.stdout);
        section(&mut text, "stderr", &output.stderr);
        return text;
    }
    let before = env.state();
    let uncommitted = env.status();
    let output = env.output(args);
    let code = output.status.code();
    if code != Some(0) {
        assert_eq!(
            before,
            env.state(),
            "taizhang {args:?} changed the register"
        );
    }
    let mut changed = env.status();
    if changed == uncommitted {
        changed.clear();
    } else {
        env.git(&["add", "-A"]);
        env.git(&["commit", "-qm", &args.join(" ")]);
    }
    let mut text = format!("$ taizhang {}\nexit: {}\n", args.join(" "), exit(code));
    section(&mut text, "stdout", &output.stdout);
    section(&mut text, "stderr", &output.stderr);
    section(&mut text, "changed", changed.as_bytes());
    text
}

fn exit(code: Option<i32>) -> String {
    code.map_or_else(|| "killed".to_string(), |c| c.to_string())
}

fn section(text: &mut String, name: &str, bytes: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    text.push_str(&format!("--- {name}\n"));
    text.push_str(&String::from_utf8_lossy(bytes));
    if !text.ends_with('\n') {
        text.push_str("⏎ (no newline at end)\n");
    }
}

/// Snapshot settings: snapshots in `tests/cli/snapshots/` named by the
/// test (`NAME@LANG` here), with the temporary folder (which differs on
/// every run) replaced by `[TMP]`.
/// Where and how every snapshot is kept: in `snapshots/`, named by the
/// test alone.
fn base() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

/// `base`, with the temporary paths of `env` written `[TMP]`.
fn settings(env: &Env) -> insta::Settings {
    let mut settings = base();
    for path in [env.root.as_path(), env.tmp.path()] {
        settings.add_filter(&escape(&path.display().to_string()), "[TMP]");
        if let Ok(real) = path.canonicalize() {
            settings.add_filter(&escape(&real.display().to_string()), "[TMP]");
        }
    }
    settings
}

/// `text` as a regular expression matching itself.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Snapshots `text` as `NAME`: the one way a test pins a text it made
/// itself (help, an editor's messages).
pub fn snap(name: &str, text: &str) {
    base().bind(|| insta::assert_snapshot!(name.to_string(), text));
}

/// Snapshots `taizhang --lang LANG ARGS` in `env` as `NAME@LANG`.
fn snap_in(env: &Env, lang: &str, name: &str, args: &[&str], writes: bool) {
    let mut full = vec!["--lang", lang];
    full.extend_from_slice(args);
    let text = transcript_of(env, &full, writes);
    let mut settings = settings(env);
    settings.set_snapshot_suffix(lang);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), text));
}

/// Snapshots the whole of `taizhang ARGS` in `env` as `NAME`, for tests
/// elsewhere whose output can be pinned whole. A failing command must
/// leave the register untouched.
pub fn whole(env: &Env, name: &str, args: &[&str]) {
    let text = transcript(env, args);
    settings(env).bind(|| insta::assert_snapshot!(name.to_string(), text));
}

/// Snapshots read-only commands in both languages on one copy of the
/// register (reads change nothing, so they may share it).
pub fn snap_reads(cases: &[(&str, &[&str])]) {
    let env = office();
    let before = env.state();
    for lang in LANGS {
        for (name, args) in cases {
            snap_in(&env, lang, name, args, false);
        }
    }
    assert_eq!(before, env.state(), "a read changed the register");
}

#[test]
fn list_every_kind_in_every_format() {
    let kinds: [(&str, Option<&str>); 6] = [
        ("all", None),
        ("in", Some("in")),
        ("out", Some("out")),
        ("fu", Some("fu")),
        ("mt", Some("mt")),
        ("seal", Some("seal")),
    ];
    let formats = ["table", "json", "csv", "markdown"];
    let mut cases: Vec<(String, Vec<&str>)> = Vec::new();
    for (kind_name, kind) in kinds {
        for format in formats {
            let mut args = vec!["list"];
            args.extend(kind);
            if format != "table" {
                args.extend(["-o", format]);
            }
            cases.push((format!("list_{kind_name}_{format}"), args));
        }
    }
    let cases: Vec<(&str, &[&str])> = cases
        .iter()
        .map(|(name, args)| (name.as_str(), args.as_slice()))
        .collect();
    snap_reads(&cases);
}

#[test]
fn list_filters() {
    snap_reads(&[
        ("list_fu_overdue", &["list", "fu", "--overdue"]),
        (
            "list_open_unit",
            &["list", "--open", "--unit", "安全监督科"],
        ),
        ("list_in_holder", &["list", "in", "--holder", "张局长"]),
        ("list_search", &["list", "--search", "安全"]),
    ]);
}

#[test]
fn show_each_kind() {
    snap_reads(&[
        ("show_in_in_progress", &["show", "IN-2026-0001"]),
        ("show_in_replied", &["show", "IN-2026-0004"]),
        ("show_in_secret", &["show", "IN-2026-0006"]),
        ("show_out_issued", &["show", "OUT-2026-0001"]),
        ("show_out_draft", &["show", "OUT-2026-0008"]),
        ("show_fu_in_progress", &["show", "FU-2026-0001"]),
        ("show_fu_closed", &["show", "FU-2026-0003"]),
        ("show_fu_secret", &["show", "FU-2026-0012"]),
        ("show_mt_minuted", &["show", "MT-2026-0001"]),
        ("show_mt_planned", &["show", "MT-2026-0003"]),
        ("show_json", &["show", "FU-2026-0001", "-o", "json"]),
        // A page of text has no CSV or Markdown: refused, not replaced.
        ("show_csv_refused", &["show", "FU-2026-0001", "-o", "csv"]),
        (
            "show_markdown_refused",
            &["show", "IN-2026-0001", "-o", "markdown"],
        ),
    ]);
}

#[test]
fn reports() {
    snap_reads(&[
        ("desk", &[]),
        ("desk_json", &["-o", "json"]),
        ("desk_markdown", &["desk", "-o", "markdown"]),
        ("desk_csv_refused", &["desk", "-o", "csv"]),
        ("remind", &["remind"]),
        ("remind_markdown", &["remind", "-o", "markdown"]),
        ("remind_json", &["remind", "-o", "json"]),
        ("remind_unit", &["remind", "--unit", "安全监督科"]),
        ("summary", &["summary"]),
        ("summary_markdown", &["summary", "-o", "markdown"]),
        ("summary_json", &["summary", "-o", "json"]),
        ("summary_csv", &["summary", "-o", "csv"]),
        ("summary_year", &["summary", "--period", "2026"]),
        ("check", &["check"]),
        ("check_json", &["check", "-o", "json"]),
        ("check_csv_bom", &["check", "-o", "csv", "--bom"]),
    ]);
}

/// The main write commands, one after another on one copy per language,
/// each followed by what it did; then their refusals, which change nothing.
#[test]
fn write_commands_and_their_refusals() {
    let steps: &[(&str, &[&str])] = &[
        (
            "write_01_log_in",
            &[
                "log",
                "in",
                "--title",
                "关于做好冬季道路运输安全工作的通知",
                "--from",
                "省交通运输厅",
                "--ref",
                "省交发〔2026〕101号",
                "--deadline",
                "+5d",
                "--lead",
                "BGS",
            ],
        ),
        (
            "write_02_assign",
            &[
                "assign",
                "开展冬季道路运输安全检查",
                "--lead",
                "AQJD",
                "--owner",
                "张强",
                "--due",
                "+2w",
                "--from",
                "IN-14",
            ],
        ),
        (
            "write_03_progress",
            &["progress", "FU-17", "已制定检查方案"],
        ),
        (
            "write_04_done",
            &["done", "FU-17", "--report", "检查完成，整改问题3项"],
        ),
        ("write_05_show_fu", &["show", "FU-17"]),
        ("write_06_show_in", &["show", "IN-14"]),
        (
            "write_07_doc_propose",
            &["doc", "propose", "IN-12", "请张局长阅示"],
        ),
        // MT-3 starts on 11-26: it is held then, not before.
        (
            "write_08_meeting_held",
            &["--today", "2026-11-26", "meeting", "held", "MT-3"],
        ),
        (
            "write_09_meeting_decide",
            &[
                "meeting",
                "decide",
                "MT-3",
                "做好元旦春节期间运输保障",
                "--lead",
                "YSGL",
                "--due",
                "2026-12-31",
            ],
        ),
        ("write_10_show_mt", &["show", "MT-3"]),
        (
            "write_11_log_out",
            &[
                "log",
                "out",
                "--title",
                "关于报送冬季安全检查情况的报告",
                "--to",
                "省交通运输厅",
                "--direction",
                "上行",
                "--signer",
                "张局长",
                "--signed",
                "today",
            ],
        ),
        ("write_12_show_out", &["show", "OUT-9"]),
        ("write_13_chase", &["chase", "FU-5", "--via", "phone"]),
        (
            "write_14_extend",
            &[
                "extend",
                "FU-2",
                "--to",
                "2026-12-15",
                "--reason",
                "等待省厅统一部署",
                "--approved-by",
                "张局长",
            ],
        ),
        ("write_15_verify", &["verify", "FU-11"]),
        (
            "write_16_cancel",
            &["cancel", "FU-9", "--reason", "群众已撤回诉求"],
        ),
        (
            "write_17_reopen",
            &["reopen", "FU-9", "--reason", "群众再次反映"],
        ),
        ("write_18_show_fu", &["show", "FU-9"]),
        // Refusals: nothing changes.
        (
            "refused_bad_date",
            &["assign", "某事项", "--lead", "BGS", "--due", "2026-13-01"],
        ),
        (
            "refused_log_in_future",
            &[
                "log",
                "in",
                "--title",
                "某通知",
                "--from",
                "省厅",
                "--received",
                "2027-11-20",
            ],
        ),
        (
            "refused_unknown_id",
            &["progress", "FU-2026-0099", "某进展"],
        ),
        ("refused_show_unknown_id", &["show", "IN-2026-0099"]),
        ("refused_bad_id", &["show", "FU-x"]),
        ("refused_closed", &["done", "FU-2026-0003"]),
        (
            "refused_reply_not_done",
            &["doc", "reply", "IN-12", "--via", "电话"],
        ),
        ("refused_meeting_not_held", &["meeting", "held", "MT-1"]),
        (
            "refused_wrong_kind",
            &["progress", "IN-2026-0001", "某进展"],
        ),
        ("refused_wrong_kind_meeting", &["meeting", "held", "FU-1"]),
        (
            "refused_unknown_unit",
            &["assign", "某事项", "--lead", "无此科", "--due", "+1w"],
        ),
        (
            "refused_from_dangling",
            &[
                "assign",
                "某事项",
                "--lead",
                "BGS",
                "--due",
                "+1w",
                "--from",
                "IN-99",
            ],
        ),
    ];
    for lang in LANGS {
        let env = office();
        for (name, args) in steps {
            snap_in(&env, lang, name, args, true);
        }
    }
}
