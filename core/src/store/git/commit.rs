//! One commit of a change's files, built with git's plumbing rather than
//! `git add` and `git commit` (docs/git-and-sharing.md, "How a commit is
//! made").
//!
//! In a repository of 100,000 files, `git commit` reads the whole index,
//! refreshes it (a `stat` of every file) and writes all of it back; that
//! is most of a write's time. Here the index is read in two processes
//! only, neither refreshes it, and with a split index the writes are of
//! the few entries that changed:
//!
//! 1. `rev-parse`: where the register sits in the repository, the hooks
//!    folder, the objects folder, HEAD (no index);
//! 2. `config`: signing and the index settings (no index);
//! 3. `update-index --add --remove --stdin`: the touched files hashed and
//!    their entries alone updated;
//! 4. `write-tree`: the tree, from the cache-tree, recomputed only for the
//!    folders whose entries changed;
//! 5. `diff-tree HEAD TREE`: proves the tree differs from HEAD in the
//!    touched files alone (the clerk staged nothing else) (no index);
//! 6. `commit-tree`, with the identity and message `git commit` would use;
//! 7. `update-ref HEAD NEW OLD`: the branch moved only if it is still
//!    where it was read in step 1, so another git that moved it meanwhile
//!    is reported, never overwritten.
//!
//! Whenever the result could differ from `git commit`'s, `git commit`
//! itself runs instead: a hook `git commit` would run is installed
//! (`pre-commit`, `prepare-commit-msg`, `commit-msg`, `post-commit`),
//! commits are signed (`commit.gpgsign`), the branch has no commit yet,
//! the clerk staged other files, or the tree is what HEAD has.

use std::path::{Path, PathBuf};

use super::{failure, git, retry_locked, run, run_waiting, run_with_input};
use crate::store::error::Error;

type Result<T> = std::result::Result<T, String>;

/// The hooks `git commit` runs and the plumbing does not: with any of them
/// installed, `git commit` makes the commit so that they run as the clerk
/// expects.
const COMMIT_HOOKS: [&str; 4] = [
    "pre-commit",
    "prepare-commit-msg",
    "commit-msg",
    "post-commit",
];

/// Commits exactly `paths` (relative to `root`) with `message`. Other
/// staged or unstaged changes of the user stay as they were. A lock held
/// by another git process is waited for (`LOCK_WAIT`).
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<()> {
    let probe = Probe::read(root)?;
    let settings = Settings::read(root);
    let convert = settings.tune(root);
    stage(root, paths, convert)?;
    let plumbing = probe.head.is_some() && !settings.signs && !probe.has_commit_hooks();
    let partial = match probe.head.as_deref().filter(|_| plumbing) {
        Some(head) => match plumbed(root, &probe, head, paths, message)? {
            Plumbed::Done => {
                gc_if_due(root, &probe.objects);
                return Ok(());
            }
            Plumbed::Partial(partial) => partial,
        },
        None => !only_staged(root, &probe.prefix, paths),
    };
    with_git_commit(root, paths, message, partial)
}

/// What the plumbing did.
enum Plumbed {
    /// The commit is made and the branch moved.
    Done,
    /// Nothing was committed: `git commit` is to make it, of `paths` alone
    /// when the index holds other staged changes (`true`).
    Partial(bool),
}

/// Steps 4 to 7 of the module's list, on an index where `paths` are staged.
fn plumbed(
    root: &Path,
    probe: &Probe,
    head: &str,
    paths: &[PathBuf],
    message: &str,
) -> Result<Plumbed> {
    let Ok(tree) = checked_waiting(root, &["write-tree"]) else {
        // An index git cannot make a tree of: `git commit` says why.
        return Ok(Plumbed::Partial(true));
    };
    let tree = tree.trim();
    let changed = checked(
        root,
        &[
            "diff-tree",
            "-r",
            "--name-only",
            "-z",
            "--no-renames",
            head,
            tree,
        ],
    )?;
    let ours = ours(&probe.prefix, paths);
    let mut changed = changed
        .split('\0')
        .filter(|name| !name.is_empty())
        .peekable();
    if changed.peek().is_none() {
        // Nothing to commit: `git commit` refuses, in its own words.
        return Ok(Plumbed::Partial(false));
    }
    if !changed.all(|name| ours.contains(name)) {
        return Ok(Plumbed::Partial(true));
    }
    let message = clean_message(message);
    let commit = {
        let mut cmd = git(root);
        cmd.args(["commit-tree", tree, "-p", head, "-F", "-"]);
        let output = run_with_input(cmd, message.as_bytes()).map_err(Error::into_git_text)?;
        if !output.status.success() {
            return Err(failure(&output));
        }
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    let subject = message.lines().next().unwrap_or_default();
    checked_waiting(
        root,
        &[
            "update-ref",
            "-m",
            &format!("commit: {subject}"),
            "HEAD",
            &commit,
            head,
        ],
    )?;
    Ok(Plumbed::Done)
}

/// Hashes `paths` into git's objects and updates their entries in the
/// index, from a list on stdin (no pathspec matching: an import touches
/// thousands). A path no longer on disk leaves the index. With `convert`,
/// the index is written in version 4 as well (`Settings::tune`).
fn stage(root: &Path, paths: &[PathBuf], convert: bool) -> Result<()> {
    let mut input = Vec::new();
    for path in paths {
        let Some(path) = path.to_str() else {
            return Err(format!("{}: not UTF-8", path.display()));
        };
        input.extend_from_slice(path.as_bytes());
        input.push(0);
    }
    let output = retry_locked(|| {
        let mut cmd = git(root);
        cmd.arg("update-index");
        if convert {
            cmd.args(["--index-version", "4"]);
        }
        cmd.args(["--add", "--remove", "-z", "--stdin"]);
        run_with_input(cmd, &input)
    })
    .map_err(Error::into_git_text)?;
    if !output.status.success() {
        return Err(failure(&output));
    }
    Ok(())
}

/// `git commit` of the staged index, or of `paths` alone when `partial`
/// (the clerk's other staged changes stay staged, uncommitted).
fn with_git_commit(root: &Path, paths: &[PathBuf], message: &str, partial: bool) -> Result<()> {
    let commit = || {
        let mut commit = git(root);
        commit.args(["commit", "-q", "--no-edit", "-m", message]);
        if partial {
            commit.arg("--").args(paths);
        }
        commit
    };
    let output = run_waiting(commit).map_err(Error::into_git_text)?;
    if !output.status.success() {
        return Err(failure(&output));
    }
    Ok(())
}

/// Whether the index differs from HEAD in `paths` alone: the staged names
/// listed once and looked up. Any doubt answers no, which is safe.
fn only_staged(root: &Path, prefix: &str, paths: &[PathBuf]) -> bool {
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
    let ours = ours(prefix, paths);
    output
        .stdout
        .split(|b| *b == 0)
        .filter(|name| !name.is_empty())
        .all(|name| std::str::from_utf8(name).is_ok_and(|name| ours.contains(name)))
}

/// `paths` as git names them: from the top of the repository.
fn ours(prefix: &str, paths: &[PathBuf]) -> std::collections::HashSet<String> {
    paths
        .iter()
        .filter_map(|p| p.to_str())
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// What one `git rev-parse` says of the repository before a commit.
#[derive(Debug)]
struct Probe {
    /// The register's folder within the repository (`office/`, or empty).
    prefix: String,
    /// The hooks folder (`core.hooksPath` or `.git/hooks`).
    hooks: PathBuf,
    /// The objects folder, whose loose objects `git gc --auto` packs.
    objects: PathBuf,
    /// The commit HEAD is at; `None` on a branch with no commit yet.
    head: Option<String>,
}

impl Probe {
    fn read(root: &Path) -> Result<Probe> {
        const WHERE: [&str; 5] = [
            "rev-parse",
            "--show-prefix",
            "--git-path",
            "hooks",
            "--git-path",
        ];
        let with_head = [&WHERE[..], &["objects", "HEAD^{commit}", "--"][..]].concat();
        // A branch with no commit yet has no HEAD to name: asked again
        // without it.
        let (text, head) = match checked(root, &with_head) {
            Ok(text) => (text, true),
            Err(_) => (
                checked(root, &[&WHERE[..], &["objects"][..]].concat())?,
                false,
            ),
        };
        let mut lines = text.lines();
        let mut next = || lines.next().unwrap_or_default().to_string();
        let prefix = next();
        let hooks = root.join(next());
        let objects = root.join(next());
        let head = head.then(next).filter(|h| !h.is_empty());
        Ok(Probe {
            prefix,
            hooks,
            objects,
            head,
        })
    }

    /// Whether a hook `git commit` runs is installed: a file of its name
    /// that can be run, as git itself looks for one.
    fn has_commit_hooks(&self) -> bool {
        COMMIT_HOOKS
            .iter()
            .any(|name| runnable(&self.hooks.join(name)))
    }
}

#[cfg(unix)]
fn runnable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn runnable(path: &Path) -> bool {
    path.is_file()
}

/// The settings of the repository a commit depends on, from one `git
/// config`.
#[derive(Debug, Default)]
struct Settings {
    /// `commit.gpgsign`: `git commit` signs, the plumbing would not.
    signs: bool,
    /// Which of `INDEX_SETTINGS` the repository sets, to any value.
    set: Vec<String>,
}

/// What `feature.manyFiles` sets that pays at a register's size, and the
/// split index: the index written in version 4 (paths prefix-compressed,
/// about half the bytes), `git status` remembering untracked folders,
/// and each write of the index writing only the entries that changed
/// beside a shared file of the rest. Set once, in the repository's own
/// settings, and only where the clerk has not chosen otherwise.
pub const INDEX_SETTINGS: [(&str, &str); 3] = [
    ("index.version", "4"),
    ("core.untrackedCache", "true"),
    ("core.splitIndex", "true"),
];

impl Settings {
    fn read(root: &Path) -> Settings {
        let mut cmd = git(root);
        cmd.args([
            "config",
            "-z",
            "--get-regexp",
            r"^(commit\.gpgsign|index\.version|core\.untrackedcache|core\.splitindex)$",
        ]);
        let Ok(output) = run(cmd) else {
            return Settings::default();
        };
        let mut settings = Settings::default();
        for entry in output.stdout.split(|b| *b == 0) {
            let entry = String::from_utf8_lossy(entry);
            let (key, value) = entry.split_once('\n').unwrap_or((&entry, "true"));
            if key == "commit.gpgsign" {
                settings.signs = is_true(value);
            } else if !key.is_empty() {
                settings.set.push(key.to_string());
            }
        }
        settings
    }

    /// Sets the index settings the repository has none of (an older
    /// register's first write, or a register just created): whether the
    /// index is to be written in version 4 now, which a setting alone
    /// does only for a new index.
    fn tune(&self, root: &Path) -> bool {
        let mut convert = false;
        for (key, value) in INDEX_SETTINGS {
            if self.set.iter().any(|set| set.eq_ignore_ascii_case(key)) {
                continue;
            }
            let mut cmd = git(root);
            cmd.args(["config", key, value]);
            let done = run(cmd).is_ok_and(|o| o.status.success());
            convert |= done && key == "index.version";
        }
        convert
    }
}

/// Sets `INDEX_SETTINGS` in a repository just made (`init`).
pub fn tune_new(root: &Path) {
    Settings::read(root).tune(root);
}

/// Whether a git boolean reads as true.
fn is_true(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "true" | "yes" | "on" | "1"
    )
}

/// The message as `git commit -m` stores it: trailing spaces of each line
/// and blank lines at either end dropped, runs of blank lines made one,
/// ending in a newline.
fn clean_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 1);
    let mut blank = false;
    for line in message.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// What `git commit` does after a commit: `git gc --auto`, which packs
/// loose objects once there are too many. Spawned only when git's own
/// test would pass with the default threshold (`gc.auto` 6,700: more than
/// 27 files in `objects/17/`), so that the usual write pays one folder
/// listing; `git gc --auto` then decides with the repository's settings.
fn gc_if_due(root: &Path, objects: &Path) {
    const SAMPLE_LIMIT: usize = 6700_usize.div_ceil(256);
    let loose = std::fs::read_dir(objects.join("17")).map_or(0, |dir| dir.count());
    if loose > SAMPLE_LIMIT {
        let mut cmd = git(root);
        cmd.args(["gc", "--auto", "--quiet"]);
        let _ = run(cmd);
    }
}

/// Runs git; its stdout on success, its whole error text otherwise.
fn checked(root: &Path, args: &[&str]) -> Result<String> {
    let mut cmd = git(root);
    cmd.args(args);
    let output = run(cmd).map_err(Error::into_git_text)?;
    text_of(&output)
}

/// `checked`, waiting out another git process's lock file.
fn checked_waiting(root: &Path, args: &[&str]) -> Result<String> {
    let output = run_waiting(|| {
        let mut cmd = git(root);
        cmd.args(args);
        cmd
    })
    .map_err(Error::into_git_text)?;
    text_of(&output)
}

fn text_of(output: &std::process::Output) -> Result<String> {
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(failure(output))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_cleaned_as_git_commit_cleans_it() {
        assert_eq!(
            clean_message("taizhang: log IN-2026-0001"),
            "taizhang: log IN-2026-0001\n"
        );
        assert_eq!(
            clean_message("\n\nsubject  \n\n\n\nbody\t\n\n"),
            "subject\n\nbody\n"
        );
        assert_eq!(clean_message(""), "");
    }

    #[test]
    fn git_booleans() {
        for yes in ["true", "YES", "on", "1", " True\n"] {
            assert!(is_true(yes), "{yes}");
        }
        for no in ["false", "no", "off", "0", ""] {
            assert!(!is_true(no), "{no}");
        }
    }
}
