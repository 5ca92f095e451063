//! A change that touches several files is all or nothing across a kill
//! (docs/git-and-sharing.md): the process is killed with
//! SIGKILL at every rename it makes (strace's fault injection), and after
//! each the register holds both files changed or neither, the next write
//! (or `check`) leaves every link resolved, and the next ID handed out is
//! not one a record refers to.

use std::path::Path;
use std::process::Output;

use crate::env::{Env, text};

/// Whether strace is here to kill taizhang at a rename. Without it a test
/// skips with a note (and fails under CI's strict mode, where `.ci/run`
/// installs it).
pub(crate) fn can_kill() -> bool {
    crate::outside::program("strace", "a kill at each rename (strace's fault injection)").is_some()
}

/// Runs `taizhang ARGS` killed with SIGKILL at its `n`th rename (of any of
/// the rename system calls). Only taizhang itself is traced, not the git
/// it runs.
pub(crate) fn killed_at(env: &Env, n: usize, args: &[&str]) -> Output {
    let calls = "rename,renameat,renameat2";
    env.std_cmd_of(Path::new("strace"))
        .args(["-qq", "-o", "/dev/null", "-e"])
        .arg(format!("trace={calls}"))
        .arg("-e")
        .arg(format!("inject={calls}:signal=SIGKILL:when={n}"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_taizhang"))
        .args(args)
        .output()
        .unwrap()
}

/// How the register is put right after the kill.
#[derive(Clone, Copy, Debug)]
enum Next {
    Check,
    Write,
}

/// A command that changes two records, and how to see each change.
struct Case {
    /// Makes the register the command runs on.
    setup: fn(&Env),
    args: &'static [&'static str],
    /// The record the command changes besides the one it creates.
    linked: &'static str,
    /// The record it creates.
    created: &'static str,
    /// The title of the record it creates.
    title: &'static str,
    /// The command that allocates the next ID of the created kind.
    next: &'static [&'static str],
}

fn paper(env: &Env) {
    assert_eq!(env.log_in("关于冬季安全生产的通知"), "IN-2026-0001");
}

fn meeting(env: &Env) {
    env.run(&[
        "meeting",
        "add",
        "--title",
        "局长办公会议",
        "--start",
        "2026-11-23 09:00",
        "--host",
        "张局长",
    ]);
    env.run(&["meeting", "held", "MT-1"]);
}

const ASSIGN: Case = Case {
    setup: paper,
    args: &[
        "assign",
        "落实通知",
        "--lead",
        "BGS",
        "--due",
        "+2w",
        "--from",
        "IN-1",
    ],
    linked: "documents/2026/IN-2026-0001.yaml",
    created: "followups/2026/FU-2026-0001.yaml",
    title: "落实通知",
    next: &["assign", "无关事项", "--lead", "BGS", "--due", "+2w"],
};

const DECIDE: Case = Case {
    setup: meeting,
    args: &[
        "meeting",
        "decide",
        "MT-1",
        "整治占道经营",
        "--lead",
        "ZFZD",
        "--due",
        "+2w",
    ],
    linked: "meetings/2026/MT-2026-0001.yaml",
    created: "followups/2026/FU-2026-0001.yaml",
    title: "整治占道经营",
    next: &["assign", "无关事项", "--lead", "BGS", "--due", "+2w"],
};

const REPLY: Case = Case {
    setup: paper,
    args: &[
        "log",
        "out",
        "--title",
        "复函",
        "--to",
        "省交通运输厅",
        "--reply-to",
        "IN-1",
        "--signed",
        "today",
    ],
    linked: "documents/2026/IN-2026-0001.yaml",
    created: "documents/2026/OUT-2026-0001.yaml",
    title: "复函",
    next: &["log", "out", "--title", "无关发文", "--to", "市统计局"],
};

/// Kills `case` at each rename in turn, puts the register right with
/// `next`, and checks it. Returns how many kill points there were.
fn every_kill_point(case: &Case, next: Next) -> usize {
    for n in 1.. {
        assert!(n < 20, "{:?}: still killed at rename {n}", case.args);
        let env = Env::new();
        (case.setup)(&env);
        let before = env.read(case.linked);
        let output = killed_at(&env, n, case.args);
        if output.status.success() {
            // Past the last rename: the command ran whole.
            assert!(env.root.join(case.created).is_file());
            return n - 1;
        }
        assert!(
            output.status.code() != Some(1),
            "{:?} failed rather than being killed at rename {n}: {}",
            case.args,
            String::from_utf8_lossy(&output.stderr)
        );
        let what = format!("{:?} killed at rename {n}, then {next:?}", case.args);
        match next {
            Next::Check => {
                let check = env.output(&["check"]);
                assert!(
                    check.status.success(),
                    "{what}: {}",
                    String::from_utf8_lossy(&check.stdout)
                );
            }
            Next::Write => {
                env.run(case.next);
            }
        }
        assert!(
            !env.root.join(".taizhang/journal").exists(),
            "{what}: the note outlived its change"
        );
        let changed = env.read(case.linked) != before;
        // The unrelated record made by `next` may have taken the ID.
        let created = env.root.join(case.created).is_file()
            && text(&env.yaml(case.created), "title") == case.title;
        assert_eq!(
            changed, created,
            "{what}: one record changed without the other"
        );
        if let Next::Check = next {
            env.run(case.next);
        }
        // The next record of the created kind is not the one the linked
        // record names: every link still leads to the right record.
        links_lead_home(&env, &what);
        let check = env.output(&["check"]);
        assert!(
            check.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        assert_eq!(
            env.output(&["list", "-o", "json"]).stderr,
            b"",
            "{what}: a read warned"
        );
    }
    unreachable!()
}

/// Every link of the register leads to a record that links back, or (for
/// the unrelated record made after the kill) to nothing.
fn links_lead_home(env: &Env, what: &str) {
    let paper = "documents/2026/IN-2026-0001.yaml";
    if env.root.join(paper).is_file() {
        let paper = env.yaml(paper);
        for fu in paper["followups"].as_sequence().into_iter().flatten() {
            let fu = fu.as_str().unwrap();
            let path = format!("followups/2026/{fu}.yaml");
            assert_eq!(
                text(&env.yaml(&path), "source_ref"),
                "IN-2026-0001",
                "{what}: the paper names {fu}, which is another matter"
            );
        }
        if let Some(out) = paper["reply"]["ref"].as_str() {
            let path = format!("documents/2026/{out}.yaml");
            assert_eq!(
                text(&env.yaml(&path), "in_reply_to"),
                "IN-2026-0001",
                "{what}: the paper's reply {out} answers nothing"
            );
        }
    }
    let meeting = "meetings/2026/MT-2026-0001.yaml";
    if env.root.join(meeting).is_file() {
        let meeting = env.yaml(meeting);
        for decision in meeting["decisions"].as_sequence().into_iter().flatten() {
            if let Some(fu) = decision["followup"].as_str() {
                let path = format!("followups/2026/{fu}.yaml");
                assert_eq!(
                    text(&env.yaml(&path), "source_ref"),
                    "MT-2026-0001#1",
                    "{what}: decision #1 names {fu}, which is another matter"
                );
            }
        }
    }
}

#[test]
fn assign_from_a_paper_killed_at_any_rename_is_all_or_nothing() {
    if !can_kill() {
        return;
    }
    let points = every_kill_point(&ASSIGN, Next::Write);
    assert!(
        points >= 2,
        "only {points} renames: two records were written"
    );
    assert_eq!(every_kill_point(&ASSIGN, Next::Check), points);
}

#[test]
fn meeting_decide_killed_at_any_rename_is_all_or_nothing() {
    if !can_kill() {
        return;
    }
    let points = every_kill_point(&DECIDE, Next::Write);
    assert!(
        points >= 2,
        "only {points} renames: two records were written"
    );
    assert_eq!(every_kill_point(&DECIDE, Next::Check), points);
}

#[test]
fn log_out_reply_to_killed_at_any_rename_is_all_or_nothing() {
    if !can_kill() {
        return;
    }
    let points = every_kill_point(&REPLY, Next::Write);
    assert!(
        points >= 2,
        "only {points} renames: two records were written"
    );
    assert_eq!(every_kill_point(&REPLY, Next::Check), points);
}

/// A record with its new attachment: one change, all or nothing.
#[test]
fn log_in_with_an_attachment_killed_at_any_rename_is_all_or_nothing() {
    if !can_kill() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let scan = folder.path().join("scan.pdf");
    std::fs::write(&scan, b"scanned pages").unwrap();
    let scan = scan.to_str().unwrap();
    let args = [
        "log",
        "in",
        "--title",
        "有附件的来文",
        "--from",
        "某单位",
        "--attach",
        scan,
    ];
    for n in 1.. {
        assert!(n < 20, "still killed at rename {n}");
        let env = Env::new();
        let output = killed_at(&env, n, &args);
        if output.status.success() {
            assert!(n > 2, "two files, two renames");
            break;
        }
        assert!(output.status.code() != Some(1), "{output:?}");
        env.log_in("下一份");
        let record = env.root.join("documents/2026/IN-2026-0001.yaml");
        let name = scan.rsplit('/').next().unwrap();
        let attachment = env.root.join("attachments/IN-2026-0001").join(name);
        assert_eq!(
            record.is_file()
                && env
                    .read("documents/2026/IN-2026-0001.yaml")
                    .contains("有附件"),
            attachment.is_file(),
            "killed at rename {n}: a record without its attachment, or the reverse"
        );
        env.run(&["check"]);
    }
}

/// A change left half done with a note, as a writer killed between two
/// renames leaves it: `check` finishes it and says so, and the files it
/// put in place are then committed by hand.
#[test]
fn check_finishes_a_noted_change_and_says_so() {
    if !can_kill() {
        return;
    }
    let env = Env::new();
    paper(&env);
    let killed = killed_at(&env, 3, ASSIGN.args);
    assert!(!killed.status.success());
    assert!(env.root.join(".taizhang/journal").is_file());
    let check = env.output(&["check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert!(
        report.contains("warning: .taizhang/journal: a command killed while writing left its change half done; it is now finished"),
        "{report}"
    );
    assert!(
        report.contains("followups/2026/FU-2026-0001.yaml"),
        "{report}"
    );
    assert!(!env.root.join(".taizhang/journal").exists());
    let zh = env.output(&["--lang", "zh", "check"]);
    assert!(zh.status.success());
}

/// While another command holds the write lock, `check` does not wait for
/// it, and reports the pending change instead of finishing it.
#[test]
fn check_beside_a_writer_reports_the_pending_change() {
    if !can_kill() {
        return;
    }
    let env = Env::new();
    paper(&env);
    let killed = killed_at(&env, 3, ASSIGN.args);
    assert!(!killed.status.success());
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.root.join(".taizhang/lock"))
        .unwrap();
    lock.lock().unwrap();
    let check = env.output(&["check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("a change is half done"), "{report}");
    assert!(env.root.join(".taizhang/journal").is_file());
    drop(lock);
    env.run(&["check"]);
    assert!(!env.root.join(".taizhang/journal").exists());
}

/// The temporary files a pending note needs are not cleared as
/// leftovers, even when the note could not be carried forward yet.
#[test]
fn a_pending_notes_files_are_not_cleared_as_leftovers() {
    if !can_kill() {
        return;
    }
    let env = Env::new();
    paper(&env);
    let killed = killed_at(&env, 2, ASSIGN.args);
    assert!(!killed.status.success());
    let tmp = env.root.join(".taizhang/tmp");
    let staged = std::fs::read_dir(&tmp).unwrap().count();
    assert_eq!(staged, 2, "both records staged before the note");
    // The folder one record goes to cannot be written: the next writer
    // stops, naming it, and keeps what the note needs.
    let followups = env.root.join("followups");
    std::fs::remove_dir(followups.join("2026")).unwrap();
    std::fs::write(followups.join("2026"), "not a folder").unwrap();
    let output = env.output(&["log", "in", "--title", "x", "--from", "y"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("followups/2026"),
        "{output:?}"
    );
    // The paper went in place; the follow-up waits for its folder.
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 1);
    assert!(!env.root.join("documents/2026/IN-2026-0002.yaml").exists());
    std::fs::remove_file(followups.join("2026")).unwrap();
    assert_eq!(env.log_in("y"), "IN-2026-0002");
    links_lead_home(&env, "after the folder came back");
    assert!(env.root.join(ASSIGN.created).is_file());
    env.run(&["check"]);
}

/// A link a clerk (or a taizhang before this change) left dangling is not
/// handed out as the new ID of a record made from the same source.
#[test]
fn assign_from_a_paper_never_takes_the_id_the_paper_already_names() {
    let env = Env::new();
    paper(&env);
    let path = "documents/2026/IN-2026-0001.yaml";
    let text = env.read(path);
    env.write(path, &format!("{text}followups:\n- FU-2026-0001\n"));
    env.git(&["commit", "-qam", "a dangling link"]);
    let id = env.run(ASSIGN.args);
    assert_eq!(id.trim(), "FU-2026-0002");
}

/// A note whose way leads through a symbolic link (the folders changed
/// after the kill) is not followed: nothing is written outside the
/// register.
#[test]
fn a_noted_change_is_never_carried_through_a_symbolic_link() {
    if !can_kill() {
        return;
    }
    let env = Env::new();
    paper(&env);
    let killed = killed_at(&env, 2, ASSIGN.args);
    assert!(!killed.status.success());
    let outside = tempfile::tempdir().unwrap();
    let year = env.root.join("followups/2026");
    std::fs::remove_dir(&year).unwrap();
    std::os::unix::fs::symlink(outside.path(), &year).unwrap();
    let output = env.output(&["log", "in", "--title", "x", "--from", "y"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    assert!(!env.root.join(".taizhang/journal").exists());
}

/// A record deleted by hand that another still names: once `check` has
/// seen the dangling link, no new record takes that ID.
#[test]
fn an_id_a_dangling_link_names_is_not_handed_out_after_check() {
    let env = Env::new();
    paper(&env);
    env.run(ASSIGN.args);
    env.git(&["rm", "-q", "followups/2026/FU-2026-0001.yaml"]);
    env.git(&["commit", "-qm", "deleted by hand"]);
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    assert_eq!(env.assign("无关事项"), "FU-2026-0002");
    assert!(
        env.run(&["show", "IN-1"]).contains("FU-2026-0001"),
        "the paper still names the missing one"
    );
    assert!(!env.run(&["show", "IN-1"]).contains("无关事项"));
}

/// A hand-written note naming a place no command writes (git's hooks) is
/// never followed, by `check` or by the next writer: nothing lands there,
/// and the note is dropped.
#[test]
fn a_hand_written_note_never_moves_a_file_into_git_s_folder() {
    for first in [
        &["check"][..],
        &["log", "in", "--title", "x", "--from", "y"],
    ] {
        let env = Env::new();
        let tmp = env.root.join(".taizhang/tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        std::fs::write(tmp.join("payload"), "#!/bin/sh\necho owned\n").unwrap();
        std::fs::write(tmp.join("record"), "id: IN-2026-0001\n").unwrap();
        let note = r#"[{"tmp":"payload","target":".git/hooks/pre-commit"},
                       {"tmp":"record","target":"documents/2026/IN-2026-0001.yaml"}]"#;
        std::fs::write(env.root.join(".taizhang/journal"), note).unwrap();
        let _ = env.output(first);
        env.log_in("另一份");
        assert!(
            !env.root.join(".git/hooks/pre-commit").exists(),
            "{first:?}"
        );
        assert!(!env.root.join(".taizhang/journal").exists(), "{first:?}");
        assert_eq!(env.status(), "", "{first:?}");
    }
}
