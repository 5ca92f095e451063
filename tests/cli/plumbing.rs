//! How a write's commit is made (docs/git-and-sharing.md, "How a commit is
//! made"): with git's plumbing, the same commit `git commit` would make;
//! with `git commit` itself where hooks or signing ask for it; the index
//! settings of a register's repository; a branch another git moved
//! meanwhile reported, never overwritten.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::env::Env;

fn hook(env: &Env, name: &str, script: &str) {
    let path = env.root.join(".git/hooks").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn config(env: &Env, key: &str) -> String {
    let output = std::process::Command::new("git")
        .args(["config", "--local", key])
        .current_dir(&env.root)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The version git wrote the index in: bytes 4 to 8 of `.git/index`.
fn index_version(root: &Path) -> u32 {
    let bytes = std::fs::read(root.join(".git/index")).unwrap();
    u32::from_be_bytes(bytes[4..8].try_into().unwrap())
}

#[test]
fn a_write_makes_the_commit_git_commit_would_make() {
    let env = Env::new();
    let before = env.git(&["rev-parse", "HEAD"]);
    assert_eq!(env.log_in("来文"), "IN-2026-0001");
    let commit = env.git(&["cat-file", "commit", "HEAD"]);
    assert!(
        commit.contains(&format!("parent {}", before.trim())),
        "{commit}"
    );
    assert!(
        commit.contains("\nauthor Test Clerk <clerk@example.com> ")
            && commit.contains("\ncommitter Test Clerk <clerk@example.com> "),
        "{commit}"
    );
    assert!(
        commit.ends_with("\n\ntaizhang: log IN-2026-0001 来文\n"),
        "{commit}"
    );
    // The reflog, which `undo` leaves the dropped commit in, says what
    // `git commit` says.
    let reflog = env.git(&["reflog", "-1", "--format=%gs", "HEAD"]);
    assert_eq!(reflog.trim(), "commit: taizhang: log IN-2026-0001 来文");
    let branch = env.git(&["reflog", "-1", "--format=%gs", "main"]);
    assert_eq!(branch, reflog);
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/IN-2026-0001.yaml"]
    );
    assert_eq!(env.status(), "");
    env.git(&["fsck", "--no-progress"]);
}

#[test]
fn a_new_register_gets_the_index_settings_for_many_files() {
    let env = Env::new();
    assert_eq!(config(&env, "index.version"), "4");
    assert_eq!(config(&env, "core.untrackedCache"), "true");
    assert_eq!(config(&env, "core.splitIndex"), "true");
    env.log_in("来文");
    assert_eq!(index_version(&env.root), 4);
    assert!(
        std::fs::read_dir(env.root.join(".git"))
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("sharedindex.")),
        "no shared index was written"
    );
}

#[test]
fn an_older_register_gets_them_on_its_first_write_keeping_the_clerks_choice() {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:00:00+08:00");
    // The example commits nothing by itself; this register does.
    let settings = env
        .read("taizhang.toml")
        .replace("autocommit = false", "autocommit = true");
    env.write("taizhang.toml", &settings);
    env.git(&["commit", "-qam", "commit each change"]);
    assert_eq!(config(&env, "index.version"), "");
    assert_eq!(index_version(&env.root), 2);
    // The clerk chose against the split index (a git GUI that cannot
    // read one): kept.
    env.git(&["config", "core.splitIndex", "false"]);
    env.run(&["log", "in", "--title", "来文", "--from", "省厅"]);
    assert_eq!(config(&env, "index.version"), "4");
    assert_eq!(config(&env, "core.untrackedCache"), "true");
    assert_eq!(config(&env, "core.splitIndex"), "false");
    assert_eq!(index_version(&env.root), 4);
    assert_eq!(env.status(), "");
}

#[test]
fn hooks_git_commit_runs_still_run() {
    let env = Env::new();
    hook(
        &env,
        "commit-msg",
        "#!/bin/sh\nprintf '\\nReviewed-by: 值班室\\n' >> \"$1\"\n",
    );
    hook(&env, "post-commit", "#!/bin/sh\ntouch post-commit-ran\n");
    env.log_in("来文");
    let message = env.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("Reviewed-by: 值班室"), "{message}");
    assert!(env.root.join("post-commit-ran").exists());
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/IN-2026-0001.yaml"]
    );
}

#[test]
fn a_hook_that_cannot_be_run_is_not_run_by_git_either() {
    let env = Env::new();
    hook(&env, "pre-commit", "#!/bin/sh\nexit 1\n");
    let path = env.root.join(".git/hooks/pre-commit");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(env.log_in("来文"), "IN-2026-0001");
    assert_eq!(env.status(), "");
}

#[test]
fn signed_commits_are_made_by_git_commit() {
    let env = Env::new();
    // A stand-in for gpg: what git reads of a signer's answer.
    let signer = env.tmp.path().join("fake-gpg");
    std::fs::write(
        &signer,
        "#!/bin/sh\ncat >/dev/null\necho '[GNUPG:] SIG_CREATED D 1 8 00 1 X' >&2\n\
         printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nZmFrZQ==\\n-----END PGP SIGNATURE-----\\n'\n",
    )
    .unwrap();
    std::fs::set_permissions(&signer, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.git(&["config", "commit.gpgsign", "true"]);
    env.git(&["config", "gpg.program", signer.to_str().unwrap()]);
    env.git(&["config", "user.signingkey", "clerk@example.com"]);
    env.log_in("来文");
    let commit = env.git(&["cat-file", "commit", "HEAD"]);
    assert!(
        commit.contains("gpgsig -----BEGIN PGP SIGNATURE-----"),
        "{commit}"
    );
}

#[test]
fn a_branch_another_git_moved_meanwhile_is_reported_not_overwritten() {
    let env = Env::new();
    // Another program moves the branch just before the write moves it:
    // a `git` in front of the real one does, once.
    let real = std::process::Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    let bin = env.tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let moved = env.tmp.path().join("moved");
    std::fs::write(
        bin.join("git"),
        format!(
            "#!/bin/sh\nif [ \"$1\" = update-ref ] && [ ! -e '{moved}' ]; then\n\
             touch '{moved}'\n\
             c=$('{real}' commit-tree 'HEAD^{{tree}}' -p HEAD -m 'another program')\n\
             '{real}' update-ref HEAD \"$c\"\nfi\nexec '{real}' \"$@\"\n",
            moved = moved.display(),
        ),
    )
    .unwrap();
    std::fs::set_permissions(bin.join("git"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let before = env.commits();
    let output = env
        .cmd()
        .env("PATH", path)
        .args(["log", "in", "--title", "来文", "--from", "省厅"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(moved.exists());
    assert!(
        stderr.contains("commit failed") && stderr.contains("HEAD"),
        "{stderr}"
    );
    // The other program's commit stands; the record is saved, uncommitted.
    assert_eq!(env.commits(), before + 1);
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]).trim(),
        "another program"
    );
    assert!(env.root.join("documents/2026/IN-2026-0001.yaml").is_file());
}

#[test]
fn a_register_inside_a_bigger_repository_commits_its_files_by_their_full_path() {
    let env = Env::bare();
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
    assert_eq!(env.log_in("第一份来文"), "IN-2026-0001");
    assert_eq!(env.log_in("第二份来文"), "IN-2026-0002");
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "reg/documents/2026/IN-2026-0002.yaml");
    assert_eq!(env.git(&["status", "--porcelain", "--", "."]), "");
}

#[test]
fn a_clean_filter_shapes_the_committed_file_as_git_add_would() {
    let env = Env::new();
    env.git(&["config", "filter.upper.clean", "tr a-z A-Z"]);
    env.git(&["config", "filter.upper.smudge", "cat"]);
    env.write(".gitattributes", "*.yaml filter=upper\n");
    env.git(&["add", ".gitattributes"]);
    env.git(&["commit", "-qm", "attributes"]);

    env.log_in("来文");
    let path = "documents/2026/IN-2026-0001.yaml";
    let committed = env.git(&["show", &format!("HEAD:{path}")]);
    assert_eq!(committed, env.read(path).to_uppercase());
    assert!(committed.contains("TITLE: 来文"), "{committed}");
    assert_eq!(env.status(), "", "the file reads as committed");
}

#[test]
fn a_record_the_clerk_made_executable_keeps_its_mode() {
    let env = Env::new();
    let id = env.assign("事项");
    let path = format!("followups/2026/{id}.yaml");
    std::fs::set_permissions(env.root.join(&path), std::fs::Permissions::from_mode(0o755)).unwrap();
    env.git(&["commit", "-qam", "executable"]);

    env.run(&["progress", &id, "推进中"]);
    assert_eq!(env.last_commit_files(), std::slice::from_ref(&path));
    let entry = env.git(&["ls-tree", "HEAD", "--", &path]);
    assert!(entry.starts_with("100755 "), "{entry}");
    assert_eq!(env.status(), "");
}
