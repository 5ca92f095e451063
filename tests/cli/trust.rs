//! Trust in what the register holds (docs/archiving.md, docs/input.md):
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
