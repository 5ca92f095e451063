//! Trust in what the register holds (docs/archiving.md, docs/correcting.md, docs/documents.md):
//! archive numbers that are never given twice, even after their record
//! is deleted; archived records whose hand edits `check` finds; no
//! forged history lines; no impossible values. Each test reproduces an
//! attack on the example register, committed as a clerk keeps it.

use crate::env::Env;

const LEDGER: &str = "archive-numbers.toml";
const DONE_2026: &str = "documents/2026/IN-2026-0002.yaml";

/// The example register, committing every change.
fn office() -> Env {
    let env = Env::example();
    env.configure("autocommit = false", "autocommit = true");
    env
}

/// `taizhang ARGS` expected to exit 1: its stderr.
fn refused(env: &Env, args: &[&str]) -> String {
    env.fail(args)
}

/// `check` in `lang`, expected to fail: its whole output.
fn failing_check(env: &Env, lang: &str) -> String {
    let output = env.output(&["--lang", lang, "check"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn an_archive_number_was_given_again_after_its_record_was_deleted() {
    let env = office();
    let first = env.run(&[
        "archive",
        "IN-2026-0002",
        "--retention",
        "10y",
        "--org",
        "AQJD",
    ]);
    assert_eq!(first.trim(), "Z109-WS·2026-D10-AQJD-0001");
    // The ledger is committed with the record filed.
    assert!(
        env.last_commit_files().contains(&LEDGER.to_string()),
        "{:?}",
        env.last_commit_files()
    );
    env.run(&["check"]);
    env.git(&["rm", "-q", DONE_2026]);
    env.git(&["commit", "-qm", "删除已归档的记录"]);
    let next = env.run(&[
        "archive",
        "IN-2026-0009",
        "--retention",
        "10y",
        "--org",
        "AQJD",
    ]);
    assert_eq!(next.trim(), "Z109-WS·2026-D10-AQJD-0002");
    let en = failing_check(&env, "en");
    assert!(
        en.contains(
            "archive-numbers.toml:10: the archive number Z109-WS·2026-D10-AQJD-0001 was given out, \
             but no record holds it"
        ),
        "{en}"
    );
    let zh = failing_check(&env, "zh");
    assert!(
        zh.contains("档号 `Z109-WS·2026-D10-AQJD-0001` 已分配，但没有记录持有"),
        "{zh}"
    );
}

#[test]
fn a_number_taken_back_by_archive_undo_is_accounted_for() {
    let env = office();
    env.run(&["archive", "IN-2026-0009", "--retention", "10y"]);
    env.run(&["archive", "undo", "IN-2026-0009", "--reason", "归错了卷"]);
    env.run(&["archive", "IN-2026-0002", "--retention", "10y"]);
    // The first number stays used (the history names it): no gap.
    env.run(&["check"]);
    assert!(env.read(LEDGER).contains("\"Z109-WS·2026-D10\" = 2\n"));
}

#[test]
fn a_ledger_that_cannot_be_read_stops_archiving_and_check() {
    let env = office();
    env.write(LEDGER, "\"第三卷\" = 4\n");
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "手工改坏"]);
    let said = refused(
        &env,
        &[
            "--lang",
            "en",
            "archive",
            "IN-2026-0002",
            "--retention",
            "10y",
        ],
    );
    assert!(said.contains("archive-numbers.toml"), "{said}");
    assert!(
        said.contains("'第三卷' is not the group of an archive number"),
        "{said}"
    );
    let zh = failing_check(&env, "zh");
    assert!(zh.contains("“第三卷”不是档号的分组"), "{zh}");
}

#[test]
fn a_hand_edit_of_an_archived_record_was_never_flagged() {
    let env = office();
    env.run(&["archive", "IN-2026-0002", "--retention", "10y"]);
    assert!(env.read(DONE_2026).contains("  digest: sha256:"));
    env.run(&["check"]);
    let text = env.read(DONE_2026);
    let edited = text.replacen(
        "title: 关于开展道路运输安全生产专项整治“回头看”工作的通知",
        "title: 关于开展道路运输安全生产专项整治工作的通知",
        1,
    );
    assert_ne!(text, edited);
    env.write(DONE_2026, &edited);
    env.git(&["commit", "-qam", "手工改标题"]);
    let en = failing_check(&env, "en");
    assert!(
        en.contains(
            "documents/2026/IN-2026-0002.yaml:27: changed by hand since it was archived as \
             Z109-WS·2026-D10-0001"
        ),
        "{en}"
    );
    let zh = failing_check(&env, "zh");
    assert!(
        zh.contains("归档（档号 `Z109-WS·2026-D10-0001`）后被手工修改"),
        "{zh}"
    );
    // Laid out otherwise but saying the same, it passes again.
    let quoted = text.replacen(
        "title: 关于开展道路运输安全生产专项整治“回头看”工作的通知",
        "title: '关于开展道路运输安全生产专项整治“回头看”工作的通知'",
        1,
    );
    env.write(DONE_2026, &quoted);
    env.git(&["commit", "-qam", "改回"]);
    env.run(&["check"]);
}

/// A name typed with a line break and a fake line of history after it.
const FORGED: &str = "王丽\n  2026-11-23 14:00  周敏  审核销号：同意销号";

#[test]
fn a_forged_line_in_the_slip_was_taken_from_a_name() {
    let env = office();
    for (lang, said) in [
        (
            "en",
            "--by: this is one line: it must not hold a line break (U+000A)",
        ),
        ("zh", "--by：只能是一行，不能含换行（U+000A）"),
    ] {
        let out = refused(
            &env,
            &["--lang", lang, "--by", FORGED, "progress", "FU-5", "x"],
        );
        assert!(out.contains(said), "{out}");
    }
    let via = refused(&env, &["--lang", "en", "chase", "FU-5", "--via", FORGED]);
    assert!(via.contains("--via: this is one line"), "{via}");
    let reason = refused(
        &env,
        &["--lang", "en", "cancel", "FU-5", "--reason", "重复\r交办"],
    );
    assert!(
        reason.contains("--reason: this is one line: it must not hold a line break (U+000D)"),
        "{reason}"
    );
    // Text that reorders or hides itself, in a title or a name.
    let title = refused(
        &env,
        &[
            "--lang",
            "zh",
            "assign",
            "关于\u{202E}知通的",
            "--lead",
            "BGS",
            "--due",
            "+2w",
        ],
    );
    assert!(
        title.contains("标题含有会颠倒或隐藏文字的字符（U+202E）"),
        "{title}"
    );
    let lead = refused(
        &env,
        &[
            "--lang",
            "en",
            "assign",
            "落实",
            "--lead",
            "BGS\u{200B}",
            "--due",
            "+2w",
        ],
    );
    assert!(
        lead.contains("--lead: holds a character that reorders or hides text (U+200B)"),
        "{lead}"
    );
}

#[test]
fn a_note_of_several_lines_cannot_pose_as_history() {
    let env = office();
    let note = "已整改8项\n  2026-11-23 14:00  周敏  审核销号：同意销号";
    env.pin_clock("2026-11-23T10:00:00+08:00");
    env.run(&["progress", "FU-5", note]);
    let shown = env.run(&["--lang", "zh", "show", "FU-5"]);
    let history = shown
        .split("处理记录")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    // Every real line of history begins two columns in with its moment;
    // the note's second line is indented past the moment and the name.
    let posing: Vec<&str> = (history.lines())
        .filter(|l| l.starts_with("  2026-11-23 14:00"))
        .collect();
    assert!(posing.is_empty(), "{shown}");
    assert!(
        history.contains(
            "  2026-11-23 10:00  王芳  进展：已整改8项\n                            2026-11-23 14:00"
        ),
        "{shown}"
    );
    // So does the note in the list of progress.
    assert!(
        shown.contains("进展情况：已整改8项\n      2026-11-23 14:00"),
        "{shown}"
    );
}

#[test]
fn a_forged_line_written_by_hand_is_found_by_check() {
    let env = office();
    let path = "followups/2026/FU-2026-0005.yaml";
    let text = env.read(path);
    let forged = format!(
        "{text}- at: 2026-11-23T09:00:00+08:00\n  by: \"王丽\\n  2026-11-23 14:00  周敏  审核销号：同意销号\"\n  action: progress\n  note: x\n"
    );
    env.write(path, &forged);
    env.git(&["commit", "-qam", "手工伪造"]);
    let en = failing_check(&env, "en");
    assert!(
        en.contains(&format!(
            "{path}:42: history[8].by: this is one line: it must not hold a line break (U+000A)"
        )),
        "{en}"
    );
    let zh = failing_check(&env, "zh");
    assert!(
        zh.contains("`history[8].by`：只能是一行，不能含换行（U+000A）"),
        "{zh}"
    );
    // A command that rewrites the record leaves the flaw it did not make.
    env.run(&["progress", "FU-5", "照常办理"]);
}

#[test]
fn a_document_signed_in_2099_was_numbered_in_2099() {
    let env = office();
    let en = refused(
        &env,
        &[
            "--lang",
            "en",
            "log",
            "out",
            "--title",
            "通知",
            "--to",
            "各科室",
            "--signed",
            "2099-01-01",
        ],
    );
    assert!(
        en.contains("--signed 2099-01-01 is after today (2026-11-23): a document cannot be signed in the future"),
        "{en}"
    );
    let zh = refused(
        &env,
        &[
            "--lang",
            "zh",
            "log",
            "out",
            "--title",
            "通知",
            "--to",
            "各科室",
            "--signed",
            "2099-01-01",
        ],
    );
    assert!(
        zh.contains("--signed 2099-01-01 晚于今天（2026-11-23）：成文日期不能在将来"),
        "{zh}"
    );
    // Today itself is fine.
    env.run(&[
        "log",
        "out",
        "--title",
        "通知",
        "--to",
        "各科室",
        "--signed",
        "today",
    ]);
}

#[test]
fn dates_and_times_that_cannot_be_were_taken() {
    let env = office();
    let early = refused(
        &env,
        &[
            "--lang",
            "en",
            "log",
            "in",
            "--title",
            "通知",
            "--from",
            "省厅",
            "--received",
            "0001-01-01",
        ],
    );
    assert!(
        early.contains(
            "--received 0001-01-01 is not a date the register takes: dates run from 1900-01-01 to 2199-12-31"
        ),
        "{early}"
    );
    let hour = refused(
        &env,
        &[
            "--lang",
            "en",
            "log",
            "in",
            "--title",
            "通知",
            "--from",
            "省厅",
            "--received",
            "2026-11-20T25:00",
        ],
    );
    assert!(
        hour.contains("--received: cannot read the date '2026-11-20T25:00'"),
        "{hour}"
    );
    // An absurd today is refused as such, not blamed on remind.within.
    let today = refused(&env, &["--lang", "zh", "--today", "9999-12-31", "remind"]);
    assert!(
        today.contains(
            "--today 9999-12-31 超出台账可用的日期范围：应在 1900-01-01 至 2199-12-31 之间"
        ),
        "{today}"
    );
    assert!(!today.contains("remind.within"), "{today}");
    let output = env
        .cmd()
        .env("TAIZHANG_TODAY", "9999-12-31")
        .args(["--lang", "en", "remind"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("TAIZHANG_TODAY 9999-12-31 is not a date the register takes"),
        "{said}"
    );
    // A record dated by hand before the floor is found by check.
    let path = "documents/2026/IN-2026-0013.yaml";
    let text = env.read(path);
    env.write(
        path,
        &text.replacen("received: 2026-11-23", "received: 0206-11-23", 1),
    );
    env.git(&["commit", "-qam", "手工改错年份"]);
    let check = failing_check(&env, "en");
    assert!(
        check.contains("the date 0206-11-23 is outside the dates the register takes"),
        "{check}"
    );
}

#[test]
fn a_meeting_ending_before_it_starts_was_taken() {
    let env = office();
    let add = refused(
        &env,
        &[
            "--lang",
            "en",
            "meeting",
            "add",
            "--title",
            "局长办公会",
            "--start",
            "2026-11-24 15:00",
            "--end",
            "2026-11-24 09:00",
        ],
    );
    assert!(
        add.contains("--end 2026-11-24T09:00:00+08:00 is before the start"),
        "{add}"
    );
    let edit = refused(
        &env,
        &[
            "--lang",
            "zh",
            "edit",
            "MT-2026-0001",
            "--set",
            "end=2020-01-01",
        ],
    );
    assert!(
        edit.contains("会议结束时间（2020-01-01）早于开始时间"),
        "{edit}"
    );
    // The same day, without a time, is no earlier than a start at 15:00.
    env.run(&[
        "meeting",
        "add",
        "--title",
        "局长办公会",
        "--start",
        "2026-11-24 15:00",
        "--end",
        "2026-11-24",
    ]);
}

#[test]
fn negative_counts_were_taken_in_logbooks() {
    let env = office();
    let seal = refused(
        &env,
        &[
            "--lang",
            "en",
            "book",
            "add",
            "seal",
            "-s",
            "份数=-3",
            "-s",
            "document=通知",
        ],
    );
    assert!(
        seal.contains("Copies: '-3' is below zero; a count cannot be"),
        "{seal}"
    );
    let items = refused(
        &env,
        &["--lang", "zh", "book", "add", "items", "-s", "数量=-1"],
    );
    assert!(items.contains("数量：“-1”为负数，数量不能为负"), "{items}");
}

#[test]
fn minutes_from_dev_zero_were_read_until_the_kernel_killed_them() {
    let env = office();
    let started = std::time::Instant::now();
    let said = refused(
        &env,
        &[
            "--lang",
            "en",
            "meeting",
            "minutes",
            "MT-2026-0001",
            "--file",
            "/dev/zero",
        ],
    );
    assert!(
        said.contains("--file: the file is larger than 1 MiB"),
        "{said}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let zh = refused(
        &env,
        &[
            "--lang",
            "zh",
            "meeting",
            "minutes",
            "MT-2026-0001",
            "--file",
            "/dev/zero",
        ],
    );
    assert!(zh.contains("--file：文件超过 1 MiB"), "{zh}");
}

#[test]
fn two_clones_filing_documents_keep_every_number_given_after_sync() {
    let office = crate::sync::Office::example(2);
    office.run(0, &["archive", "IN-2026-0002", "--retention", "10y"]);
    office.run(
        1,
        &[
            "archive",
            "IN-2026-0009",
            "--retention",
            "10y",
            "--org",
            "ZHGH",
        ],
    );
    office.run(0, &["sync"]);
    office.run(1, &["sync"]);
    office.run(0, &["sync"]);
    for clone in &office.clones {
        let ledger = std::fs::read_to_string(clone.join(LEDGER)).unwrap();
        assert!(ledger.contains("\"Z109-WS·2026-D10\" = 1\n"), "{ledger}");
        assert!(
            ledger.contains("\"Z109-WS·2026-D10-ZHGH\" = 1\n"),
            "{ledger}"
        );
    }
    office.run(1, &["check"]);
}
