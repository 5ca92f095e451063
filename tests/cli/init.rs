//! `init`: a new register with git, without git, and never over an old one.

use crate::env::Env;
use crate::snapshots::whole;

#[test]
fn init_creates_a_committed_register() {
    let env = Env::bare();
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--unit", "某市交通运输局"])
        .assert()
        .success();
    for folder in ["documents", "followups", "meetings", "logbooks"] {
        assert!(env.root.join(folder).is_dir(), "{folder} missing");
    }
    let settings = env.read("taizhang.toml");
    assert!(settings.contains("某市交通运输局"), "{settings}");
    assert!(settings.contains("format_version"), "{settings}");
    assert!(
        settings.contains("seal"),
        "logbook presets missing: {settings}"
    );
    assert!(env.read(".gitignore").contains(".taizhang/"));
    assert_eq!(env.commits(), 1);
    let tracked = env.git(&["ls-files"]);
    assert!(tracked.contains("taizhang.toml") && tracked.contains(".gitignore"));
    assert_eq!(env.status(), "", "init leaves a clean work tree");
    // The new register is usable at once.
    assert_eq!(env.log_in("第一份来文"), "IN-2026-0001");
}

#[test]
fn init_refuses_to_overwrite_a_register() {
    let env = Env::new();
    env.log_in("已有的来文");
    whole(&env, "init__refused_existing", &["init", "."]);
    whole(
        &env,
        "init__refused_existing_zh",
        &["--lang", "zh", "init", "."],
    );
}

#[test]
fn init_no_git_makes_no_repository() {
    let env = Env::bare();
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--no-git"])
        .assert()
        .success();
    assert!(env.root.join("taizhang.toml").is_file());
    assert!(!env.root.join(".git").exists());
    // Commands work without git, and write their record.
    let output = env
        .cmd()
        .args(["log", "in", "--title", "无版本库", "--from", "某单位"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(env.root.join("documents/2026/IN-2026-0001.yaml").is_file());
}

#[test]
fn init_inside_a_repository_joins_it() {
    let env = Env::bare();
    // The office's own repository, one level above the register.
    let outer = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(env.tmp.path())
        .status()
        .unwrap();
    assert!(outer.success());
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--unit", "某市交通运输局"])
        .assert()
        .success();
    assert!(
        !env.root.join(".git").exists(),
        "a nested repository was made"
    );
    assert_eq!(
        env.git(&["log", "--format=%s"]).trim(),
        "taizhang: init register"
    );
    // The office's own work, staged outside the register, stays staged.
    std::fs::write(env.tmp.path().join("notes.txt"), "会议记录草稿\n").unwrap();
    env.git(&["add", "../notes.txt"]);
    assert_eq!(env.log_in("第一份来文"), "IN-2026-0001");
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "reg/documents/2026/IN-2026-0001.yaml");
    let staged = env.git(&["diff", "--cached", "--name-only"]);
    assert_eq!(staged.trim(), "notes.txt");
    env.run(&["check"]);
}
