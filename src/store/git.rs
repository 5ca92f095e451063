//! The git side of a change: one commit per command, holding only the
//! files the command touched (DESIGN §7).
//!
//! We shell out to the `git` binary: it is what the clerk's own tools and
//! hosts use, with their configuration, hooks and credentials.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::error::{Error, Result};

fn git(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(root)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

fn run(mut cmd: Command) -> Result<Output> {
    let output = cmd.output().map_err(|e| Error::Git {
        message: format!("cannot run git: {e}"),
    })?;
    Ok(output)
}

fn failure(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    let text = if text.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout)
    } else {
        text
    };
    text.trim().lines().take(4).collect::<Vec<_>>().join("; ")
}

/// Whether `root` is inside a git work tree.
pub fn is_work_tree(root: &Path) -> bool {
    let mut cmd = git(root);
    cmd.args(["rev-parse", "--is-inside-work-tree"]);
    run(cmd).is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"true"))
}

/// `git init` in `root`.
pub fn init(root: &Path) -> Result<()> {
    let mut cmd = git(root);
    cmd.args(["init", "-q"]);
    let output = run(cmd)?;
    if !output.status.success() {
        return Err(Error::Git {
            message: failure(&output),
        });
    }
    Ok(())
}

/// Commits exactly `paths` (relative to `root`) with `message`. Other
/// staged or unstaged changes of the user stay as they were.
///
/// When nothing else is staged — the usual case — the index is committed
/// as it is. Otherwise `git commit -- paths` commits only those paths and
/// leaves the rest of the index; it builds a second index to do so, which
/// in a repository of 100,000 files costs more than the commit itself.
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> std::result::Result<(), String> {
    if paths.len() > MANY_PATHS {
        add_many(root, paths)?;
    } else {
        let mut add = git(root);
        add.args(["add", "--"]).args(paths);
        let output = run(add).map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(failure(&output));
        }
    }
    let mut commit = git(root);
    commit.args(["commit", "-q", "--no-edit", "-m", message]);
    let alone = if paths.len() > MANY_PATHS {
        only_staged_many(root, paths)
    } else {
        only_staged(root, paths)
    };
    if !alone {
        commit.arg("--").args(paths);
    }
    let output = run(commit).map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(failure(&output));
    }
    Ok(())
}

/// Past this many paths (an import), pathspecs cost more than the work:
/// git matches every file against every pathspec.
const MANY_PATHS: usize = 64;

/// Stages `paths` exactly, read from stdin: no pathspec matching, so
/// 10,000 files take seconds, not tens of seconds.
fn add_many(root: &Path, paths: &[PathBuf]) -> std::result::Result<(), String> {
    use std::io::Write;
    let mut cmd = git(root);
    cmd.args(["update-index", "--add", "--remove", "-z", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot run git: {e}"))?;
    let mut input = Vec::new();
    for path in paths {
        let Some(path) = path.to_str() else {
            return Err(format!("{}: not UTF-8", path.display()));
        };
        input.extend_from_slice(path.as_bytes());
        input.push(0);
    }
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(&input)
            .map_err(|e| format!("cannot run git: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(failure(&output));
    }
    Ok(())
}

/// `only_staged` for many paths: the staged names listed once and looked
/// up, instead of one exclude pathspec per path.
fn only_staged_many(root: &Path, paths: &[PathBuf]) -> bool {
    let mut cmd = git(root);
    cmd.args([
        "diff",
        "--cached",
        "--name-only",
        "-z",
        "--no-ext-diff",
        "--no-renames",
    ]);
    let Ok(output) = run(cmd) else {
        return false;
    };
    if !output.status.success() {
        return false;
    }
    let prefix = show_prefix(root);
    let ours: std::collections::HashSet<String> = paths
        .iter()
        .filter_map(|p| p.to_str())
        .map(|p| format!("{prefix}{p}"))
        .collect();
    output
        .stdout
        .split(|b| *b == 0)
        .filter(|name| !name.is_empty())
        .all(|name| std::str::from_utf8(name).is_ok_and(|name| ours.contains(name)))
}

/// Whether the index differs from HEAD in `paths` alone. Any doubt (an
/// error, a name git would read otherwise) answers no, which is safe.
fn only_staged(root: &Path, paths: &[PathBuf]) -> bool {
    let mut cmd = git(root);
    cmd.args([
        "diff",
        "--cached",
        "--quiet",
        "--no-ext-diff",
        "--",
        ":(top)",
    ]);
    for path in paths {
        let Some(path) = path.to_str() else {
            return false;
        };
        cmd.arg(format!(":(exclude,literal){path}"));
    }
    run(cmd).is_ok_and(|o| o.status.code() == Some(0))
}

/// Record files that differ from the last commit (modified, added or
/// untracked), relative to `root`. Empty outside a work tree.
pub fn uncommitted(root: &Path, folders: &[&str]) -> Vec<PathBuf> {
    let mut cmd = git(root);
    // A read: git must not take the index lock to refresh it, which
    // would make a writer's commit fail meanwhile.
    cmd.args([
        "--no-optional-locks",
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
    ])
    .args(folders);
    let Ok(output) = run(cmd) else {
        return Vec::new();
    };
    if !output.status.success() {
        return Vec::new();
    }
    // Paths from porcelain are relative to the repository top; ask git to
    // give them relative to root by running there with `--relative`-like
    // behaviour: status already prints paths relative to the repo root,
    // so strip the register's prefix within the repository.
    let prefix = show_prefix(root);
    output
        .stdout
        .split(|b| *b == 0)
        .filter(|entry| entry.len() > 3)
        .filter_map(|entry| std::str::from_utf8(&entry[3..]).ok())
        .map(|p| PathBuf::from(p.strip_prefix(prefix.as_str()).unwrap_or(p)))
        .collect()
}

fn show_prefix(root: &Path) -> String {
    let mut cmd = git(root);
    cmd.args(["rev-parse", "--show-prefix"]);
    run(cmd)
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// The configured `user.name`, if any.
pub fn user_name(root: &Path) -> Option<String> {
    let mut cmd = git(root);
    cmd.args(["config", "user.name"]);
    run(cmd)
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}
