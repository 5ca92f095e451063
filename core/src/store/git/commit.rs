//! One commit of a change's files, built with git's plumbing rather than
//! `git add` and `git commit` (docs/git-and-sharing.md, "How a commit is
//! made").
//!
//! In a repository of 100,000 files, `git commit` reads the whole index,
//! refreshes it (a `stat` of every file) and writes all of it back; that
//! is most of a write's time. Here the index is read by one process only,
//! which does not refresh it and, with a split index, writes only the few
//! entries that changed; the commit's tree is built from HEAD's, not from
//! the index:
//!
//! 1. `rev-parse` and `config`, side by side: where the register sits in
//!    the repository, the hooks, index and objects, HEAD and its tree;
//!    signing and the index settings (no index);
//! 2. `update-index --add --remove --stdin`: the touched files' entries
//!    alone updated, with their `stat` data, so that `git status` finds
//!    them committed. It runs while steps 3 to 5 do, and the branch moves
//!    only once both sides are done;
//! 3. `hash-object -w --stdin-paths`: the touched files' blobs, with the
//!    clean filters and line endings `git add` would apply (no index);
//! 4. `cat-file --batch` and `mktree --batch`: HEAD's tree with the
//!    touched files put in, reading and writing only the folders on their
//!    way (`Staging`). The clerk's own staged changes stay staged and out
//!    of the commit, as with `git commit -- PATHS`;
//! 5. `commit-tree`, with the identity and message `git commit` would use;
//! 6. `update-ref HEAD NEW OLD`: the branch moved only if it is still
//!    where it was read in step 1, so another git that moved it meanwhile
//!    is reported, never overwritten.
//!
//! Whenever the result could differ from `git commit`'s, `git commit`
//! itself runs instead: a hook `git commit` would run is installed
//! (`pre-commit`, `prepare-commit-msg`, `commit-msg`, `post-commit`),
//! commits are signed (`commit.gpgsign`), the branch has no commit yet, a
//! touched path is not a plain file git records as `100644` (a link, an
//! executable), or the touched files are what HEAD has.

use std::path::{Path, PathBuf};

use super::staging::Staging;
use super::{Git, failure, git, retry_locked, run, run_waiting, run_with_input};
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

/// The mode git records a plain, not executable file with.
const FILE_MODE: &str = "100644";

/// Commits exactly `paths` (relative to `root`) with `message`. Other
/// staged or unstaged changes of the user stay as they were. A lock held
/// by another git process is waited for (`LOCK_WAIT`).
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<()> {
    let (probe, settings) = std::thread::scope(|scope| {
        let settings = scope.spawn(|| Settings::read(root));
        (Probe::read(root), settings.join().unwrap_or_default())
    });
    let probe = probe?;
    let convert = settings.tune(root);
    let rewrite = IndexWrite {
        version_4: convert,
        resplit: settings.splits.unwrap_or(true) && probe.split_part_grown(),
    };
    let plumbing = !settings.signs && !probe.has_commit_hooks();
    // The index is written while the commit's objects are; only with both
    // done does the branch move.
    let (staged, plumbed) = std::thread::scope(|scope| {
        let staged = scope.spawn(|| stage(root, paths, rewrite));
        let plumbed = match probe.head.as_ref().filter(|_| plumbing) {
            Some(head) => plumb(root, &probe, head, paths, message),
            None => Ok(Plumbed::NotTried),
        };
        (staged.join(), plumbed)
    });
    staged.map_err(|_| "git update-index could not be waited for".to_string())??;
    match plumbed? {
        Plumbed::Built { head, commit } => {
            move_branch(root, head, &commit, message)?;
            gc_if_due(root, &probe.objects);
            Ok(())
        }
        // The files are what HEAD has: `git commit` refuses, in its own
        // words.
        Plumbed::Unchanged => with_git_commit(root, paths, message, true),
        Plumbed::NotTried => {
            let partial = !only_staged(root, &probe.prefix, paths);
            with_git_commit(root, paths, message, partial)
        }
    }
}

/// What the plumbing made of a commit.
enum Plumbed<'p> {
    /// `commit` is made on `head`, not yet on any branch.
    Built { head: &'p Head, commit: String },
    /// The files are what HEAD has: nothing to commit.
    Unchanged,
    /// `git commit` is to make it (`commit`'s module notes say when).
    NotTried,
}

/// Steps 3 to 5 of the module's list, on HEAD `head`.
fn plumb<'p>(
    root: &Path,
    probe: &Probe,
    head: &'p Head,
    paths: &[PathBuf],
    message: &str,
) -> Result<Plumbed<'p>> {
    let mut named = Vec::with_capacity(paths.len());
    for path in paths {
        let Some(name) = path.to_str() else {
            return Err(format!("{}: not UTF-8", path.display()));
        };
        named.push(format!("{}{name}", probe.prefix));
    }
    let git = Git::new(root);
    let staging = Staging::on_tree(&git, head.tree.clone());
    // HEAD's folders on the way of the files are read while the files
    // are hashed.
    let (blobs, read) = std::thread::scope(|scope| {
        let blobs = scope.spawn(|| hash_files(root, &probe.top, paths, &named));
        let read = staging.read_ahead(named.iter().map(String::as_str));
        (blobs.join(), read)
    });
    let blobs = blobs.map_err(|_| "git hash-object could not be waited for".to_string())??;
    let Some(blobs) = blobs else {
        return Ok(Plumbed::NotTried);
    };
    read.map_err(Error::into_git_text)?;
    Ok(match build(&git, &staging, head, &blobs, message)? {
        Some(commit) => Plumbed::Built { head, commit },
        None => Plumbed::Unchanged,
    })
}

/// Each touched path, from the top of the repository, with its blob
/// (`None` for a path no longer on disk).
type Blobs = Vec<(String, Option<String>)>;

/// The blob of each of `paths` (relative to `root`; `named` from the top
/// of the work tree `top`), written into git's objects; `None` when a
/// path is not a plain file git records as `FILE_MODE`, which `git
/// commit` is then to record.
fn hash_files(
    root: &Path,
    top: &Path,
    paths: &[PathBuf],
    named: &[String],
) -> Result<Option<Blobs>> {
    let mut files = Vec::with_capacity(paths.len());
    let mut input = String::new();
    for (path, name) in paths.iter().zip(named) {
        let present = match std::fs::symlink_metadata(root.join(path)) {
            Ok(meta) if plain_file(&meta) => true,
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        if present {
            input.push_str(name);
            input.push('\n');
        }
        files.push((name.clone(), present));
    }
    let hashed = if input.is_empty() {
        String::new()
    } else {
        // Named from the top of the work tree, where git reads them.
        let mut cmd = git(top);
        cmd.args(["hash-object", "-w", "--stdin-paths"]);
        let output = run_with_input(cmd, input.as_bytes()).map_err(Error::into_git_text)?;
        if !output.status.success() {
            return Err(failure(&output));
        }
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let mut blobs = hashed.lines();
    let mut named = Vec::with_capacity(files.len());
    for (name, present) in files {
        let blob = match present {
            true => match blobs.next() {
                Some(blob) => Some(blob.to_string()),
                None => return Err("git hash-object named fewer objects than files".into()),
            },
            false => None,
        };
        named.push((name, blob));
    }
    Ok(Some(named))
}

#[cfg(unix)]
fn plain_file(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.file_type().is_file() && meta.permissions().mode() & 0o111 == 0
}

#[cfg(not(unix))]
fn plain_file(meta: &std::fs::Metadata) -> bool {
    meta.file_type().is_file()
}

/// Steps 4 and 5 of the module's list: the commit, not yet on any branch;
/// `None` when the files are what HEAD has.
fn build(
    git: &Git,
    staging: &Staging,
    head: &Head,
    blobs: &Blobs,
    message: &str,
) -> Result<Option<String>> {
    for (path, blob) in blobs {
        match blob {
            Some(blob) => staging.stage(path, FILE_MODE, blob),
            None => staging.unstage(path),
        }
        .map_err(Error::into_git_text)?;
    }
    let tree = staging.tree().map_err(Error::into_git_text)?;
    if tree == head.tree {
        return Ok(None);
    }
    let message = clean_message(message);
    let commit = {
        let cmd = git.command(&["commit-tree", &tree, "-p", &head.commit, "-F", "-"]);
        let output = run_with_input(cmd, message.as_bytes()).map_err(Error::into_git_text)?;
        if !output.status.success() {
            return Err(failure(&output));
        }
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    Ok(Some(commit))
}

/// Step 6: the branch moved to `commit`, only from where it was read.
fn move_branch(root: &Path, head: &Head, commit: &str, message: &str) -> Result<()> {
    let message = clean_message(message);
    let subject = message.lines().next();
    checked_waiting(
        root,
        &[
            "update-ref",
            "-m",
            &format!("commit: {}", subject.unwrap_or_default()),
            "HEAD",
            commit,
            &head.commit,
        ],
    )?;
    Ok(())
}

/// How `stage` writes the index beside the entries it updates.
#[derive(Clone, Copy)]
struct IndexWrite {
    /// In version 4 (`Settings::tune`).
    version_4: bool,
    /// Every entry of the split part put back into a new shared index
    /// (`Probe::split_part_grown`).
    resplit: bool,
}

/// Hashes `paths` into git's objects and updates their entries in the
/// index, from a list on stdin (no pathspec matching: an import touches
/// thousands). A path no longer on disk leaves the index.
fn stage(root: &Path, paths: &[PathBuf], rewrite: IndexWrite) -> Result<()> {
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
        if rewrite.version_4 {
            cmd.args(["--index-version", "4"]);
        }
        if rewrite.resplit {
            cmd.arg("--split-index");
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
    /// The top folder of the work tree.
    top: PathBuf,
    /// The register's folder within the repository (`office/`, or empty).
    prefix: String,
    /// The hooks folder (`core.hooksPath` or `.git/hooks`).
    hooks: PathBuf,
    /// The index file.
    index: PathBuf,
    /// The objects folder, whose loose objects `git gc --auto` packs.
    objects: PathBuf,
    /// The commit HEAD is at, and its tree; `None` on a branch with no
    /// commit yet.
    head: Option<Head>,
}

#[derive(Debug)]
struct Head {
    commit: String,
    tree: String,
}

impl Probe {
    fn read(root: &Path) -> Result<Probe> {
        const WHERE: [&str; 8] = [
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            "--git-path",
            "hooks",
            "--git-path",
            "index",
            "--git-path",
        ];
        let with_head = [
            &WHERE[..],
            &["objects", "HEAD^{commit}", "HEAD^{tree}", "--"][..],
        ]
        .concat();
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
        let top = PathBuf::from(next());
        let prefix = next();
        let hooks = root.join(next());
        let index = root.join(next());
        let objects = root.join(next());
        let head = head
            .then(|| (next(), next()))
            .filter(|(commit, tree)| !commit.is_empty() && !tree.is_empty())
            .map(|(commit, tree)| Head { commit, tree });
        Ok(Probe {
            top,
            prefix,
            hooks,
            index,
            objects,
            head,
        })
    }

    /// Whether the split part of the index holds so many entries that
    /// reading and writing it costs what the whole index would. Git makes
    /// a new shared index when many entries are added, but not when many
    /// are replaced, which a `git status` after the register's files were
    /// copied or touched does to every one: each write would then read
    /// and write all of them again, some 50 ms at 100,000 files.
    fn split_part_grown(&self) -> bool {
        const GROWN: u64 = 1 << 20;
        std::fs::metadata(&self.index).is_ok_and(|meta| meta.len() > GROWN)
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
    /// `core.splitIndex` as the repository sets it; where unset, `tune`
    /// sets it to true.
    splits: Option<bool>,
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
                if key == "core.splitindex" {
                    settings.splits = Some(is_true(value));
                }
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
