//! Git: one commit per changing command with only its files; the user's
//! own staged and unstaged changes left alone; --no-commit; a failed
//! commit keeps the record and `check` lists it.

use std::os::unix::fs::PermissionsExt;

use crate::env::{Env, text};

#[test]
fn each_command_makes_one_commit_with_only_its_files() {
    let env = Env::new();
    let fu = "followups/2026/FU-2026-0001.yaml";
    let steps: &[(&[&str], &[&str])] = &[
        (
            &[
                "log", "in", "--title", "来文", "--from", "省厅", "--lead", "BGS",
            ],
            &["documents/2026/IN-2026-0001.yaml"],
        ),
        (
            &["log", "out", "--title", "发文", "--to", "省厅"],
            &["documents/2026/OUT-2026-0001.yaml"],
        ),
        (&["assign", "事项", "--lead", "BGS", "--due", "+1w"], &[fu]),
        (&["progress", "FU-1", "进展"], &[fu]),
        (&["chase", "FU-1"], &[fu]),
        (&["extend", "FU-1", "--to", "+2w", "--reason", "r"], &[fu]),
        (&["done", "FU-1"], &[fu]),
        (&["reopen", "FU-1", "--reason", "r"], &[fu]),
        (&["cancel", "FU-1", "--reason", "r"], &[fu]),
        (
            &["doc", "done", "IN-1"],
            &["documents/2026/IN-2026-0001.yaml"],
        ),
    ];
    for (args, files) in steps {
        let before = env.commits();
        env.run(args);
        assert_eq!(env.commits(), before + 1, "{args:?}");
        assert_eq!(env.last_commit_files(), *files, "{args:?}");
        assert_eq!(env.status(), "", "{args:?} left the work tree dirty");
        let subject = env.git(&["log", "-1", "--format=%s"]);
        assert!(subject.starts_with("taizhang: "), "{subject}");
    }
    // Read commands commit nothing.
    let before = env.commits();
    for args in [&["list"][..], &["show", "FU-1"], &["check"]] {
        env.run(args);
    }
    assert_eq!(env.commits(), before);
}

#[test]
fn the_users_staged_and_unstaged_changes_stay_as_they_were() {
    let env = Env::new();
    env.write("notes/staged.txt", "staged by the clerk\n");
    env.git(&["add", "notes/staged.txt"]);
    env.write("notes/tracked.txt", "v1\n");
    env.git(&["add", "notes/tracked.txt"]);
    env.git(&["commit", "-qm", "notes"]);
    env.write("notes/tracked.txt", "v2, not staged\n");
    env.write("notes/staged.txt", "staged by the clerk\n");
    env.git(&["add", "notes/staged.txt"]);
    env.write("notes/new-staged.txt", "new and staged\n");
    env.git(&["add", "notes/new-staged.txt"]);
    // A staged change to the settings, too.
    let settings = env.read("taizhang.toml") + "\n# 用户的注释\n";
    env.write("taizhang.toml", &settings);
    env.git(&["add", "taizhang.toml"]);
    let status_before = env.status();

    env.log_in("来文");
    env.assign("事项");
    assert_eq!(
        env.last_commit_files(),
        ["followups/2026/FU-2026-0001.yaml"]
    );
    let committed = env.git(&["show", "--name-only", "--format=", "HEAD~1"]);
    assert_eq!(committed.trim(), "documents/2026/IN-2026-0001.yaml");
    assert_eq!(
        env.status(),
        status_before,
        "staged stays staged, unstaged stays unstaged"
    );
    let staged = env.git(&["diff", "--cached", "--name-only"]);
    assert!(
        staged.contains("notes/new-staged.txt") && staged.contains("taizhang.toml"),
        "{staged}"
    );
    let unstaged = env.git(&["diff", "--name-only"]);
    assert_eq!(unstaged.trim(), "notes/tracked.txt");
    assert_eq!(env.read("notes/tracked.txt"), "v2, not staged\n");
}

#[test]
fn no_commit_writes_without_committing() {
    let env = Env::new();
    let before = env.commits();
    let id = env.run(&[
        "--no-commit",
        "log",
        "in",
        "--title",
        "暂不提交",
        "--from",
        "省厅",
    ]);
    assert_eq!(id, "IN-2026-0001\n");
    assert_eq!(env.commits(), before);
    assert_eq!(env.status(), "?? documents/2026/IN-2026-0001.yaml\n");
    assert_eq!(
        text(&env.yaml("documents/2026/IN-2026-0001.yaml"), "title"),
        "暂不提交"
    );
    // `check` lists it as uncommitted, as a warning.
    let check = env.run(&["check"]);
    assert!(
        check.contains("IN-2026-0001.yaml") && check.contains("not committed"),
        "{check}"
    );
}

/// Every kind's folder is looked at for what is not committed (the
/// rules register's too), and nothing outside the record folders and
/// attachments is.
#[test]
fn check_lists_an_uncommitted_rule_and_not_a_note_beside_the_register() {
    let env = Env::new();
    let id = env.run(&["--no-commit", "rule", "add", "--title", "会议室使用办法"]);
    std::fs::write(env.root.join("notes.txt"), "草稿\n").unwrap();
    let check = env.run(&["--lang", "en", "check"]);
    let file = format!("rules/2026/{}.yaml", id.trim());
    assert!(
        check.contains(&file) && check.contains("not committed"),
        "{check}"
    );
    assert!(!check.contains("notes.txt"), "{check}");
}

#[test]
fn a_failed_commit_keeps_the_record_and_check_lists_it() {
    let env = Env::new();
    let hook = env.root.join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho 'hook says no' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = env.commits();
    let output = env.output(&["log", "in", "--title", "提交失败的来文", "--from", "省厅"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    // The record is saved, so a script still learns its ID on stdout.
    assert_eq!(String::from_utf8_lossy(&output.stdout), "IN-2026-0001\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("commit failed") && stderr.contains("hook says no"),
        "{stderr}"
    );
    assert!(
        stderr.contains("IN-2026-0001"),
        "the message names the record: {stderr}"
    );
    assert_eq!(env.commits(), before);
    let doc = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&doc, "title"), "提交失败的来文");
    let check = env.output(&["check"]);
    assert!(
        check.status.success(),
        "uncommitted is a warning: {check:?}"
    );
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("IN-2026-0001.yaml") && report.contains("not committed"),
        "{report}"
    );
    // With the hook gone, the next command works and takes the next ID.
    std::fs::remove_file(&hook).unwrap();
    assert_eq!(env.log_in("下一份"), "IN-2026-0002");
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/IN-2026-0002.yaml"]
    );
}

/// Subjects of every commit on HEAD, newest first.
/// The subjects of the register's commits, newest first.
pub(crate) fn subjects(env: &Env) -> Vec<String> {
    env.git(&["log", "--format=%s"])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn classified_titles_never_reach_commit_messages() {
    let env = Env::new();
    let title = "关于某绝密工程的通知";
    env.run(&[
        "log",
        "in",
        "--title",
        title,
        "--from",
        "省厅",
        "--secrecy",
        "绝密",
        "--secrecy-term",
        "30y",
        "--lead",
        "BGS",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: log IN-2026-0001 [绝密]");
    // A follow-up inherits its source's level, and so does its message.
    env.run(&[
        "assign",
        "落实绝密工程",
        "--lead",
        "BGS",
        "--due",
        "+1w",
        "--from",
        "IN-1",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: assign FU-2026-0001 [绝密]");
    env.run(&["progress", "FU-1", "已部署"]);
    assert_eq!(subjects(&env)[0], "taizhang: progress FU-2026-0001 [绝密]");
    env.run(&["doc", "route", "IN-1", "--to", "张局长"]);
    assert_eq!(subjects(&env)[0], "taizhang: route IN-2026-0001 [绝密]");
    // A meeting, and a decision of it that makes a follow-up.
    env.run(&[
        "meeting",
        "add",
        "--title",
        "秘密专题会",
        "--start",
        "today",
        "--secrecy",
        "秘密",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: log MT-2026-0001 [秘密]");
    env.run(&["meeting", "held", "MT-1"]);
    env.run(&[
        "meeting",
        "decide",
        "MT-1",
        "落实会议决定",
        "--lead",
        "BGS",
        "--due",
        "+1w",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: decide MT-2026-0001 [秘密]");
    // An outgoing document.
    env.run(&[
        "log",
        "out",
        "--title",
        "机密的复函",
        "--to",
        "省厅",
        "--secrecy",
        "机密",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: log OUT-2026-0001 [机密]");
    // Nothing classified anywhere in the history's messages.
    let messages = env.git(&["log", "--format=%B"]);
    for secret in [
        title,
        "落实绝密工程",
        "秘密专题会",
        "落实会议决定",
        "机密的复函",
    ] {
        assert!(!messages.contains(secret), "{secret} in {messages}");
    }
    // An unclassified record keeps its title in the message.
    env.log_in("公开的来文");
    assert_eq!(subjects(&env)[0], "taizhang: log IN-2026-0002 公开的来文");
}

#[test]
fn a_register_in_english_labels_classified_commits_in_english() {
    let env = Env::new();
    let text = env.read("taizhang.toml");
    env.write("taizhang.toml", &format!("language = \"en\"\n{text}"));
    env.git(&["commit", "-qam", "english"]);
    env.run(&[
        "log",
        "in",
        "--title",
        "秘密来文",
        "--from",
        "省厅",
        "--secrecy",
        "secret",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: log IN-2026-0001 [secret]");
}

/// Makes `notes.txt` conflict between `main` and a branch `other`.
fn conflicting_branch(env: &Env) {
    env.write("notes.txt", "base\n");
    env.git(&["add", "notes.txt"]);
    env.git(&["commit", "-qm", "base"]);
    env.git(&["checkout", "-qb", "other"]);
    env.write("notes.txt", "theirs\n");
    env.git(&["commit", "-qam", "theirs"]);
    env.git(&["checkout", "-q", "main"]);
    env.write("notes.txt", "ours\n");
    env.git(&["commit", "-qam", "ours"]);
}

/// Runs `git ARGS`, expecting it to fail (a conflict).
fn git_failing(env: &Env, args: &[&str]) {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(&env.root)
        .env("GIT_CONFIG_GLOBAL", env.tmp.path().join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_EDITOR", "true")
        .output()
        .unwrap();
    assert!(
        !output.status.success(),
        "git {args:?} should stop on a conflict"
    );
}

const LOG_IN: &[&str] = &["log", "in", "--title", "来文", "--from", "省厅"];

#[test]
fn a_write_during_a_merge_is_refused_before_anything_is_written() {
    let env = Env::new();
    conflicting_branch(&env);
    git_failing(&env, &["merge", "other"]);
    assert!(env.root.join(".git/MERGE_HEAD").exists());
    let err = env.fail(LOG_IN);
    assert!(
        err.contains("merge is in progress") && err.contains("git merge --abort"),
        "{err}"
    );
    let mut zh = env.cmd();
    let output = zh.args(["--lang", "zh"]).args(LOG_IN).output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("合并") && err.contains("未写入"), "{err}");
    // Once the merge is settled, writing works again.
    env.git(&["merge", "--abort"]);
    assert_eq!(env.log_in("来文"), "IN-2026-0001");
}

#[test]
fn a_write_during_a_rebase_is_refused() {
    let env = Env::new();
    conflicting_branch(&env);
    git_failing(&env, &["rebase", "other"]);
    let err = env.fail(LOG_IN);
    assert!(
        err.contains("rebase is in progress") && err.contains("git rebase --abort"),
        "{err}"
    );
}

#[test]
fn a_write_on_a_detached_head_is_refused_unless_no_commit() {
    let env = Env::new();
    env.git(&["checkout", "-q", "--detach"]);
    let err = env.fail(LOG_IN);
    assert!(
        err.contains("HEAD is detached") && err.contains("--no-commit"),
        "{err}"
    );
    let mut args = vec!["--no-commit"];
    args.extend_from_slice(LOG_IN);
    assert_eq!(env.run(&args), "IN-2026-0001\n");
}

/// An empty folder to stand for a PATH on which git cannot be found.
fn path_without_git(env: &Env) -> std::path::PathBuf {
    let dir = env.tmp.path().join("no-git-here");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_write_without_git_on_path_is_refused_and_check_says_so() {
    let env = Env::new();
    let before = env.state();
    let output = env
        .cmd()
        .env("PATH", path_without_git(&env))
        .args(LOG_IN)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("git cannot be run") && err.contains("PATH"),
        "{err}"
    );
    assert_eq!(env.state(), before, "nothing written");
    let check = env
        .cmd()
        .env("PATH", path_without_git(&env))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("git cannot be run"), "{report}");
    // --no-commit needs no git.
    let output = env
        .cmd()
        .env("PATH", path_without_git(&env))
        .arg("--no-commit")
        .args(LOG_IN)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn a_write_waits_for_another_gits_index_lock() {
    let env = Env::new();
    let lock = env.root.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let before = env.commits();
    let release = {
        let lock = lock.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            std::fs::remove_file(lock).unwrap();
        })
    };
    let started = std::time::Instant::now();
    assert_eq!(env.log_in("来文"), "IN-2026-0001");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));
    release.join().unwrap();
    assert_eq!(env.commits(), before + 1);
    assert_eq!(env.status(), "");
}

#[test]
fn writes_succeed_while_another_program_runs_git_status() {
    let env = Env::new();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poller = {
        let stop = stop.clone();
        let root = env.root.clone();
        let config = env.tmp.path().join("gitconfig");
        std::thread::spawn(move || {
            // As an editor or a shell prompt does: a plain `git status`
            // refreshes the index, taking its lock.
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::process::Command::new("git")
                    .arg("status")
                    .current_dir(&root)
                    .env("GIT_CONFIG_GLOBAL", &config)
                    .output();
            }
        })
    };
    for i in 1..=10 {
        assert_eq!(env.log_in(&format!("来文{i}")), format!("IN-2026-{i:04}"));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    poller.join().unwrap();
    assert_eq!(env.status(), "");
}

#[test]
fn a_stale_index_lock_is_reported_with_how_to_remove_it() {
    let env = Env::new();
    let lock = env.root.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let touched = std::process::Command::new("touch")
        .args(["-d", "10 minutes ago"])
        .arg(&lock)
        .status()
        .unwrap();
    assert!(touched.success());
    let started = std::time::Instant::now();
    let err = env.fail(LOG_IN);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "not waited for"
    );
    assert!(
        err.contains("index.lock") && err.contains("10 minutes old") && err.contains("rm '"),
        "{err}"
    );
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains(".git/index.lock") && report.contains("10 minutes old"),
        "{report}"
    );
    std::fs::remove_file(&lock).unwrap();
    assert_eq!(env.log_in("来文"), "IN-2026-0001");
}

#[test]
fn a_failed_git_command_is_reported_whole() {
    let env = Env::new();
    let hook = env.root.join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(
        &hook,
        "#!/bin/sh\nfor i in 1 2 3 4 5 6; do echo \"hook line $i\" >&2; done\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = env.output(LOG_IN);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("hook line 1") && stderr.contains("hook line 6"),
        "{stderr}"
    );
}

/// Breaks the register's repository as `how` does, runs a write and
/// `check` (with `env_var` set, if any) in both languages: the write is
/// refused with git's words and nothing written, and `check` reports it.
fn unreadable_repository_is_refused(
    how: impl Fn(&Env),
    env_var: Option<(&str, &str)>,
    git_says: &str,
) {
    let env = Env::new();
    how(&env);
    let before = env.state();
    let run = |args: &[&str]| {
        let mut cmd = env.cmd();
        if let Some((key, value)) = env_var {
            cmd.env(key, value);
        }
        cmd.args(args).output().unwrap()
    };
    for (lang, refused, reported) in [
        ("en", "git cannot read the repository", "git cannot read it"),
        ("zh", "git 无法读取台账所在的仓库", "git 无法读取它"),
    ] {
        let mut args = vec!["--lang", lang];
        args.extend_from_slice(LOG_IN);
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(refused) && err.contains(git_says), "{err}");
        assert_eq!(env.state(), before, "nothing written");
        let check = run(&["--lang", lang, "check"]);
        assert_eq!(check.status.code(), Some(1), "{check:?}");
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(
            report.contains(reported) && report.contains(git_says),
            "{report}"
        );
    }
}

#[test]
fn a_write_in_a_repository_with_a_broken_config_is_refused_and_check_says_so() {
    let config = |env: &Env| {
        let path = env.root.join(".git/config");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(path, text + "[core\n").unwrap();
    };
    unreadable_repository_is_refused(config, None, "bad config line");
}

#[test]
fn a_write_in_a_repository_with_a_garbled_head_is_refused_and_check_says_so() {
    let head = |env: &Env| std::fs::write(env.root.join(".git/HEAD"), "garbage\n").unwrap();
    unreadable_repository_is_refused(head, None, "not a git repository");
}

/// A repository owned by another account: git's own test switch stands
/// in for `chown`, which needs root.
#[test]
fn a_write_in_another_accounts_repository_is_refused_and_check_says_so() {
    let owner = Some(("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1"));
    unreadable_repository_is_refused(|_| {}, owner, "dubious ownership");
}
