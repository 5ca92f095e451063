//! `check` names every file git has not committed under the record
//! folders and the attachments, though it asks git again only about what
//! changed since the last `check` (docs/exit-codes-and-performance.md).
//! Each step changes the register as a clerk, a git command or taizhang
//! would; after each, what `check` names is what `git status` names.
//!
//! The clock is moved ahead (`skip_ahead`) so that every folder is old
//! enough for `check` to keep git's answer about it: the steps exercise
//! the kept answer, not a fresh `git status` of everything.

use std::collections::BTreeSet;
use std::path::Path;

use crate::env::Env;

const ANSWER: &str = ".taizhang/git-status.json";
const FOLDERS: [&str; 6] = [
    "documents",
    "followups",
    "meetings",
    "rules",
    "logbooks",
    "attachments",
];

/// The files `check` names as not committed.
fn named_by_check(env: &Env) -> BTreeSet<String> {
    let output = env.output(&["--lang", "en", "check", "--format", "json"]);
    let issues: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    (issues.as_array().unwrap().iter())
        .filter(|issue| issue["message"].as_str().unwrap().contains("not committed"))
        .map(|issue| issue["file"].as_str().unwrap().to_string())
        .collect()
}

/// The files under the committed folders `git status` names.
fn named_by_git(env: &Env) -> BTreeSet<String> {
    let status = env.git(&[
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
    ]);
    (status.split('\0'))
        .filter(|entry| entry.len() > 3)
        .map(|entry| entry[3..].to_string())
        .filter(|path| FOLDERS.iter().any(|f| Path::new(path).starts_with(f)))
        .collect()
}

/// `check` and git name the same files after `step`, and `check` keeps
/// its answer.
fn agree(env: &Env, step: &str) -> BTreeSet<String> {
    env.skip_ahead();
    let by_git = named_by_git(env);
    assert_eq!(named_by_check(env), by_git, "after: {step}");
    assert!(env.root.join(ANSWER).is_file(), "after: {step}");
    // Asked again with nothing changed, from the kept answer alone.
    assert_eq!(named_by_check(env), by_git, "again after: {step}");
    by_git
}

fn edit(env: &Env, relative: &str, line: &str) {
    let text = std::fs::read_to_string(env.root.join(relative)).unwrap_or_default();
    env.write(relative, &format!("{text}{line}\n"));
}

#[test]
fn check_names_what_git_names_through_every_kind_of_change() {
    let env = Env::new();
    env.log_in("关于做好冬季安全生产工作的通知");
    env.log_in("关于开展防汛检查的通知");
    let fu = env.assign("落实冬季安全生产检查");
    let paper = "documents/2026/IN-2026-0001.yaml";
    let task = format!("followups/2026/{}.yaml", fu.trim());
    assert!(agree(&env, "records written and committed").is_empty());

    edit(&env, paper, "notes: 手工补记");
    assert_eq!(
        agree(&env, "a hand edit"),
        BTreeSet::from([paper.to_string()])
    );
    env.git(&["commit", "-qam", "补记"]);
    assert!(agree(&env, "the edit committed by hand").is_empty());

    env.write("followups/2026/草稿.txt", "草稿\n");
    env.write("documents/2026/扫描件/原件/第1页.yaml", "x: 1\n");
    env.write("attachments/ab/cdef.pdf", "%PDF\n");
    env.write("logbooks/未登记的簿/2026/x.yaml", "x: 1\n");
    assert_eq!(agree(&env, "untracked files at every depth").len(), 4);
    for path in [
        "followups/2026/草稿.txt",
        "documents/2026/扫描件/原件/第1页.yaml",
        "attachments/ab/cdef.pdf",
        "logbooks/未登记的簿/2026/x.yaml",
    ] {
        std::fs::remove_file(env.root.join(path)).unwrap();
    }
    assert!(agree(&env, "the untracked files removed").is_empty());

    env.git(&["rm", "-q", "--cached", &task]);
    assert_eq!(
        agree(&env, "a record taken out of the index"),
        BTreeSet::from([task.clone()])
    );
    env.git(&["add", &task]);
    assert!(agree(&env, "put back in the index").is_empty());

    edit(&env, &task, "notes: 已电话督促");
    env.git(&["commit", "-qam", "督促"]);
    env.git(&["reset", "-q", "--soft", "HEAD~1"]);
    assert_eq!(
        agree(&env, "HEAD moved back, the change staged"),
        BTreeSet::from([task.clone()])
    );
    env.git(&["commit", "-qm", "督促"]);
    assert!(agree(&env, "committed again").is_empty());
    env.git(&["reset", "-q", "HEAD~1"]);
    assert_eq!(
        agree(&env, "HEAD and the index moved back, the file kept"),
        BTreeSet::from([task.clone()])
    );
    env.git(&["commit", "-qam", "督促"]);
    assert!(agree(&env, "committed once more").is_empty());

    env.write("followups/2026/临时.txt", "临时\n");
    edit(&env, ".gitignore", "临时.txt");
    assert!(agree(&env, "an ignore rule hides a file").is_empty());
    let kept: String = (env.read(".gitignore").lines())
        .filter(|line| *line != "临时.txt")
        .map(|line| format!("{line}\n"))
        .collect();
    env.write(".gitignore", &kept);
    assert_eq!(
        agree(&env, "the ignore rule removed"),
        BTreeSet::from(["followups/2026/临时.txt".to_string()])
    );
    std::fs::remove_file(env.root.join("followups/2026/临时.txt")).unwrap();

    std::fs::remove_file(env.root.join(paper)).unwrap();
    assert_eq!(
        agree(&env, "a record deleted by hand"),
        BTreeSet::from([paper.to_string()])
    );
    env.git(&["checkout", "-q", "--", paper]);
    env.log_in("关于节假日值班安排的通知");
    assert!(agree(&env, "a record logged in by taizhang").is_empty());
}

/// Asked again with nothing changed, `check` does not run `git status`
/// at all; after a hand edit, it asks git about that folder alone.
#[test]
fn an_unchanged_register_is_not_asked_about_again() {
    let env = Env::new();
    env.log_in("关于做好冬季安全生产工作的通知");
    env.assign("落实冬季安全生产检查");
    env.skip_ahead();
    assert!(named_by_check(&env).is_empty());
    let log = env.root.parent().unwrap().join("git.log");
    let wrapper = env.root.parent().unwrap().join("bin");
    std::fs::create_dir_all(&wrapper).unwrap();
    let git = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let script = wrapper.join("git");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            git.trim()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", wrapper.display(), std::env::var("PATH").unwrap());
    let check = |log_expected: &str| -> String {
        let _ = std::fs::remove_file(&log);
        env.cmd()
            .env("PATH", &path)
            .args(["check"])
            .assert()
            .success();
        let asked = std::fs::read_to_string(&log).unwrap_or_default();
        let status: Vec<&str> = asked.lines().filter(|l| l.contains(" status ")).collect();
        assert!(status.iter().all(|l| l.contains(log_expected)), "{asked}");
        status.join("\n")
    };
    assert_eq!(
        check(""),
        "",
        "git status is not run for an unchanged register"
    );
    edit(&env, "documents/2026/IN-2026-0001.yaml", "notes: 手工补记");
    let asked = check(":(literal)documents/2026");
    assert!(asked.contains(":(literal)documents/2026"), "{asked}");
    assert!(!asked.contains("followups"), "{asked}");
}
