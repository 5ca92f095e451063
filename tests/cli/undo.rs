//! `undo`: the last command's commit taken back while it is only here
//! (docs/correcting.md), and refused, changing nothing, otherwise.

use crate::env::{Env, text};
use crate::snapshots::whole;

const FU1: &str = "followups/2026/FU-2026-0001.yaml";

fn office() -> Env {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env.assign("落实部署");
    env
}

#[test]
fn undoing_a_creation_frees_its_id() {
    for lang in ["en", "zh"] {
        let env = office();
        let commits = env.commits();
        env.log_in("关于报送材料的通知");
        whole(
            &env,
            &format!("undo__log_in_{lang}"),
            &["--lang", lang, "undo"],
        );
        assert_eq!(env.commits(), commits);
        assert!(!env.root.join("documents/2026/IN-2026-0001.yaml").exists());
        assert_eq!(env.status(), "");
        assert_eq!(env.log_in("另一份通知"), "IN-2026-0001");
    }
}

#[test]
fn undoing_an_outgoing_document_frees_its_number() {
    for lang in ["en", "zh"] {
        let env = office();
        env.run(&[
            "log",
            "out",
            "--title",
            "关于开展检查的通知",
            "--to",
            "各科室",
        ]);
        let number = text(&env.yaml("documents/2026/OUT-2026-0001.yaml"), "doc_number");
        whole(
            &env,
            &format!("undo__log_out_{lang}"),
            &["--lang", lang, "undo"],
        );
        env.run(&["log", "out", "--title", "另一份通知", "--to", "各科室"]);
        let again = text(&env.yaml("documents/2026/OUT-2026-0001.yaml"), "doc_number");
        assert_eq!(again, number);
    }
}

#[test]
fn undoing_a_change_restores_the_record_and_keeps_other_work() {
    let env = office();
    let before = env.read(FU1);
    env.run(&["progress", "FU-1", "已部署"]);
    // The clerk's own unrelated work, staged and unstaged.
    env.write("notes.txt", "草稿\n");
    env.git(&["add", "notes.txt"]);
    env.write("other.txt", "未暂存\n");
    let out = env.run(&["undo"]);
    assert_eq!(out, "undone: progress FU-2026-0001 落实部署\n");
    assert_eq!(env.read(FU1), before);
    let status = env.status();
    assert!(status.contains("A  notes.txt"), "{status}");
    assert!(status.contains("?? other.txt"), "{status}");
    assert!(!status.contains("FU-2026"), "{status}");
    // And the list reads the record as it is again.
    let list = env.run(&["list", "fu", "-o", "csv"]);
    assert!(list.contains("open"), "{list}");
}

#[test]
fn undo_refuses_and_changes_nothing() {
    // The last commit is the clerk's own.
    let env = office();
    env.write("notes.txt", "草稿\n");
    env.git(&["add", "notes.txt"]);
    env.git(&["commit", "-qm", "clerk's notes"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("undo__not_ours_{lang}"),
            &["--lang", lang, "undo"],
        );
    }

    // Files of the last command changed since.
    let env = office();
    let text = env.read(FU1).replace("落实部署", "手改的标题");
    env.write(FU1, &text);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("undo__uncommitted_{lang}"),
            &["--lang", lang, "undo"],
        );
    }

    // Already shared.
    let env = office();
    let remote = env.tmp.path().join("remote.git");
    env.git(&["clone", "-q", "--bare", ".", remote.to_str().unwrap()]);
    env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    env.git(&["push", "-q", "-u", "origin", "main"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("undo__pushed_{lang}"),
            &["--lang", lang, "undo"],
        );
    }

    // Only the register's creation.
    let env = Env::new();
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("undo__first_{lang}"),
            &["--lang", lang, "undo"],
        );
    }

    // A register made inside an existing repository: its `init` commit
    // has a parent, and is still never undone.
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    env.git(&["init", "-q"]);
    env.write("README.txt", "旧仓库\n");
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "existing"]);
    env.cmd().args(["init", "."]).assert().success();
    let stderr = env.fail(&["--lang", "en", "undo"]);
    assert!(
        stderr.contains("the last commit created the register"),
        "{stderr}"
    );

    // No git at all.
    let env = Env::bare();
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--no-git"])
        .assert()
        .success();
    for lang in ["en", "zh"] {
        let stderr = env.fail(&["--lang", lang, "undo"]);
        crate::snapshots::snap(&format!("undo__no_git_{lang}"), &stderr);
    }
}

/// An undone import removes every row it brought in, names the first
/// twenty IDs and counts the rest.
#[test]
fn undoing_an_import_frees_every_id() {
    let env = office();
    let mut csv = String::from("督办事项,牵头单位,交办日期,办结时限\n");
    for n in 1..=25 {
        csv.push_str(&format!("导入事项{n},办公室,2026-11-01,2026-11-30\n"));
    }
    let sheet = env.tmp.path().join("rows.csv");
    std::fs::write(&sheet, csv).unwrap();
    env.run(&["import", "csv", "fu", sheet.to_str().unwrap()]);
    assert!(env.root.join("followups/2026/FU-2026-0026.yaml").exists());
    let out = env.run(&["--lang", "en", "undo"]);
    assert!(out.contains("FU-2026-0021 is free again\n"), "{out}");
    assert!(!out.contains("FU-2026-0022 is free again"), "{out}");
    assert!(out.ends_with("… and 5 more IDs\n"), "{out}");
    assert!(!env.root.join("followups/2026/FU-2026-0002.yaml").exists());
    assert!(env.root.join(FU1).exists());
    assert_eq!(env.status(), "");
}

#[test]
fn undo_refuses_a_commit_that_also_holds_a_file_of_the_clerk() {
    let env = office();
    env.log_in("关于报送材料的通知");
    env.write("备忘.txt", "周五前回复\n");
    env.git(&["add", "备忘.txt"]);
    env.git(&["commit", "-q", "--amend", "--no-edit"]);
    for (lang, says) in [
        ("en", "files no taizhang command writes: 备忘.txt"),
        ("zh", "不是 taizhang 命令写入的文件：备忘.txt"),
    ] {
        let stderr = env.fail(&["--lang", lang, "undo"]);
        assert!(stderr.contains(says), "{stderr}");
    }
    assert_eq!(env.read("备忘.txt"), "周五前回复\n");
}

#[test]
fn undo_refuses_a_commit_pushed_by_path_to_a_remote_on_this_machine() {
    let env = office();
    let remote = env.tmp.path().join("remote.git");
    let remote = remote.to_str().unwrap();
    env.git(&["clone", "-q", "--bare", ".", remote]);
    env.git(&["remote", "add", "origin", remote]);
    env.git(&["fetch", "-q", "origin"]);
    env.log_in("关于报送材料的通知");
    // Pushed by path: no remote-tracking branch moves.
    env.git(&["push", "-q", remote, "main"]);
    for (lang, says) in [
        ("en", "already shared (origin)"),
        ("zh", "已同步到共享仓库（origin）"),
    ] {
        let stderr = env.fail(&["--lang", lang, "undo"]);
        assert!(stderr.contains(says), "{stderr}");
    }
    // A remote over the network is not asked (it could hang): only what
    // the tracking branches say counts.
    env.git(&[
        "remote",
        "set-url",
        "origin",
        "ssh://nowhere.invalid/reg.git",
    ]);
    env.run(&["undo"]);
}

#[test]
fn undo_outside_git_is_refused_and_changes_nothing() {
    let env = Env::bare();
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--no-git"])
        .assert()
        .success();
    env.cmd()
        .args(["log", "in", "--title", "无版本库", "--from", "某单位"])
        .assert()
        .success();
    // `fail` also holds the register to what it was.
    let said = env.fail(&["--lang", "en", "undo"]);
    assert!(said.contains("not kept in git"), "{said}");
}
