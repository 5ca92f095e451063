//! The git side of a change: one commit per command, holding only the
//! files the command touched (docs/git-and-sharing.md).
//!
//! We shell out to the `git` binary: it is what the clerk's own tools and
//! hosts use, with their configuration, hooks and credentials.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

use crate::store::error::{Error, Result};

mod commit;
mod since;
mod staging;
pub use commit::{INDEX_SETTINGS, commit, tune_new};
pub use since::{Listed, Since, listed, since, uncommitted_since};
pub(crate) use staging::Staging;

/// `git` run in `root`, never prompting, blind to a caller's `GIT_DIR`.
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

/// What git said when it failed, whole: its advice (how to remove a
/// stale lock, how to set an identity) comes after the first line.
fn failure(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    let text = if text.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout)
    } else {
        text
    };
    text.trim().to_string()
}

/// How long a write waits for another git process (an editor's `git
/// status`, a prompt) to release one of git's lock files.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// A lock file of git's older than this is taken for the leftover of a
/// git process that was killed: no git command holds one that long,
/// except `git commit` waiting on its editor, which git's own advice
/// mentions too.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Runs the command `make` builds, waiting out another git process's
/// lock file (`retry_locked`).
fn run_waiting(make: impl Fn() -> Command) -> Result<Output> {
    retry_locked(|| run(make()))
}

/// Runs `attempt`; while it fails because another git process holds a
/// lock file, waits with backoff and runs it again, for at most
/// `LOCK_WAIT`.
fn retry_locked(attempt: impl Fn() -> Result<Output>) -> Result<Output> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(20);
    loop {
        let output = attempt()?;
        let locked = !output.status.success()
            && String::from_utf8_lossy(&output.stderr).contains(".lock': File exists");
        if !locked || start.elapsed() + pause > LOCK_WAIT {
            return Ok(output);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(500));
    }
}

/// A git operation left half done in the work tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Merge,
    Rebase,
    CherryPick,
    Revert,
}

impl Operation {
    /// The git command that started it, and that finishes or aborts it.
    pub fn command(self) -> &'static str {
        match self {
            Operation::Merge => "merge",
            Operation::Rebase => "rebase",
            Operation::CherryPick => "cherry-pick",
            Operation::Revert => "revert",
        }
    }
}

/// Where the register stands with git.
#[derive(Debug)]
pub enum Place {
    /// Not inside a git work tree: nothing to commit to.
    Outside,
    /// Inside one, but the `git` program cannot be run.
    NoGit,
    /// Inside one (a `.git` is there), but git cannot read it: a broken
    /// `.git/config` or `HEAD`, or a repository of another account that
    /// git refuses ("dubious ownership"). `message` is git's own.
    Unreadable { message: String },
    /// Inside the work tree whose git folder (per work tree) is `git_dir`;
    /// refs live in `common_dir`.
    Repo {
        git_dir: PathBuf,
        common_dir: PathBuf,
    },
}

/// Finds the git repository the register is in. Without a `git` program,
/// or when git cannot read it, a `.git` in the register's folder or above
/// still tells that it is in one, whose commits would silently stop.
pub fn locate(root: &Path) -> Place {
    let mut cmd = git(root);
    cmd.args([
        "rev-parse",
        "--is-inside-work-tree",
        "--git-dir",
        "--git-common-dir",
    ]);
    let dot_git = || root.ancestors().any(|dir| dir.join(".git").exists());
    let output = match cmd.output() {
        Ok(output) => output,
        Err(_) if dot_git() => return Place::NoGit,
        Err(_) => return Place::Outside,
    };
    if !output.status.success() && dot_git() {
        return Place::Unreadable {
            message: failure(&output),
        };
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    match (
        output.status.success(),
        lines.next(),
        lines.next(),
        lines.next(),
    ) {
        (true, Some("true"), Some(git_dir), Some(common_dir)) => Place::Repo {
            git_dir: root.join(git_dir),
            common_dir: root.join(common_dir),
        },
        _ => Place::Outside,
    }
}

/// Checks, before a change writes anything, that its commit can be made and
/// belongs where the clerk expects (docs/git-and-sharing.md): git is there
/// and can read the repository,
/// no merge, rebase, cherry-pick or revert is half done (our record would
/// be staged into it), HEAD is on a branch, and no other git process holds
/// git's locks — a fresh lock is waited for, a stale one reported.
///
/// `now` is seconds since the epoch as the context read it; the age of a
/// lock is counted from it. Whether the register is in a git work tree at
/// all: outside one there is nothing to commit to.
pub fn preflight(root: &Path, now: i64) -> Result<bool> {
    let (git_dir, common_dir) = match locate(root) {
        Place::Outside => return Ok(false),
        Place::NoGit => return Err(Error::GitMissing),
        Place::Unreadable { message } => return Err(Error::GitUnreadable { message }),
        Place::Repo {
            git_dir,
            common_dir,
        } => (git_dir, common_dir),
    };
    if let Some(operation) = in_progress(&git_dir) {
        return Err(Error::GitInProgress { operation });
    }
    if branch(&git_dir).is_none() {
        return Err(Error::DetachedHead);
    }
    let start = Instant::now();
    let mut pause = Duration::from_millis(20);
    loop {
        let waited = i64::try_from(start.elapsed().as_secs()).unwrap_or(i64::MAX);
        let held = locks(&git_dir, &common_dir, now.saturating_add(waited))
            .into_iter()
            .next();
        let Some((path, age)) = held else {
            return Ok(true);
        };
        if age >= STALE_AFTER {
            return Err(Error::GitLockStale {
                path,
                minutes: age.as_secs() / 60,
            });
        }
        if start.elapsed() + pause > LOCK_WAIT {
            return Err(Error::GitLockHeld {
                path,
                seconds: LOCK_WAIT.as_secs(),
            });
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(500));
    }
}

/// The git operation half done in the work tree of `git_dir`, if any.
fn in_progress(git_dir: &Path) -> Option<Operation> {
    let exists = |name: &str| git_dir.join(name).exists();
    if exists("MERGE_HEAD") {
        Some(Operation::Merge)
    } else if exists("rebase-merge") || exists("rebase-apply") {
        Some(Operation::Rebase)
    } else if exists("CHERRY_PICK_HEAD") {
        Some(Operation::CherryPick)
    } else if exists("REVERT_HEAD") {
        Some(Operation::Revert)
    } else {
        None
    }
}

/// The branch HEAD is on (`refs/heads/main`); `None` when detached or
/// unreadable.
fn branch(git_dir: &Path) -> Option<String> {
    let head = std::fs::read_to_string(git_dir.join("HEAD")).ok()?;
    head.trim()
        .strip_prefix("ref:")
        .map(|r| r.trim().to_string())
}

/// git's lock files that exist now — the index, HEAD and the current
/// branch's — with how long before `now` (seconds since the epoch) each
/// was last changed.
pub fn locks(git_dir: &Path, common_dir: &Path, now: i64) -> Vec<(PathBuf, Duration)> {
    let mut paths = vec![git_dir.join("index.lock"), git_dir.join("HEAD.lock")];
    if let Some(branch) = branch(git_dir).filter(|b| !b.contains("..")) {
        paths.push(common_dir.join(format!("{branch}.lock")));
    }
    paths
        .into_iter()
        .filter_map(|path| {
            let modified = std::fs::symlink_metadata(&path).ok()?.modified().ok()?;
            let modified = modified.duration_since(SystemTime::UNIX_EPOCH).ok()?;
            let modified = i64::try_from(modified.as_secs()).ok()?;
            let age = u64::try_from(now.saturating_sub(modified)).unwrap_or(0);
            Some((path, Duration::from_secs(age)))
        })
        .collect()
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

/// Runs `cmd` with `input` on its standard input.
fn run_with_input(mut cmd: Command, input: &[u8]) -> Result<Output> {
    use std::io::Write;
    let cannot = |e: std::io::Error| Error::Git {
        message: format!("cannot run git: {e}"),
    };
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().map_err(cannot)?;
    if let Some(mut stdin) = child.stdin.take() {
        // git reads all of it before it answers; dropping stdin ends it.
        stdin.write_all(input).map_err(cannot)?;
    }
    child.wait_with_output().map_err(cannot)
}

/// Files that differ from the last commit (modified, added or
/// untracked) among `pathspecs`, relative to `root`. Empty outside a
/// work tree.
pub fn uncommitted(root: &Path, pathspecs: &[&str]) -> Vec<PathBuf> {
    status(root, pathspecs)
}

/// Files under `folders` of the register (folder names relative to
/// `root`) that differ from the last commit, relative to `root`.
///
/// git is asked about the register's folder as a whole and the answer
/// narrowed here: with one pathspec git can use its untracked cache,
/// where a pathspec per folder makes it read every folder again (at
/// 100,000 files, 30–50 ms of CPU).
pub fn uncommitted_in(root: &Path, folders: &[&str]) -> Vec<PathBuf> {
    let in_folders = |path: &&PathBuf| {
        let path = path.to_string_lossy();
        folders.iter().any(|folder| {
            (path.strip_prefix(folder)).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    };
    let mut paths = status(root, &["."]);
    paths.retain(|path| in_folders(&path));
    paths
}

/// `git status` of `pathspecs`: the paths it names, relative to `root`.
fn status(root: &Path, pathspecs: &[&str]) -> Vec<PathBuf> {
    let mut cmd = git(root);
    // A read: git must not take the index lock to refresh it, which
    // would make a writer's commit fail meanwhile.
    cmd.args([
        "--no-optional-locks",
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        // A rename staged is named as the two paths it is made of.
        "--no-renames",
        "--",
    ])
    .args(pathspecs);
    let stdout = (run(cmd).ok())
        .filter(|output| output.status.success())
        .map(|output| output.stdout)
        .unwrap_or_default();
    // Porcelain paths are relative to the repository's top: the
    // register's prefix within the repository is cut off.
    let prefix = match stdout.is_empty() {
        true => String::new(),
        false => show_prefix(root),
    };
    (stdout.split(|b| *b == 0))
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

/// `git` in the register, optionally on a private index: the one way the
/// store runs git. Every command it builds runs in the register, never
/// prompts and ignores a caller's `GIT_DIR`; failures carry git's own
/// words (`Error::Git`).
pub(crate) struct Git {
    root: PathBuf,
    pub(crate) index: Option<PathBuf>,
}

impl Git {
    pub(crate) fn new(root: &Path) -> Git {
        Git {
            root: root.to_path_buf(),
            index: None,
        }
    }

    pub(crate) fn with_index(&self, index: PathBuf) -> Git {
        Git {
            root: self.root.clone(),
            index: Some(index),
        }
    }

    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut cmd = git(&self.root);
        if let Some(index) = &self.index {
            // A private index is written whole once and thrown away: split,
            // each would leave a shared index of every entry in `.git`.
            cmd.args(["-c", "core.splitIndex=false"])
                .env("GIT_INDEX_FILE", index);
        }
        cmd.args(args);
        cmd
    }

    pub(crate) fn output(&self, cmd: Command, input: Option<&[u8]>) -> Result<Output> {
        match input {
            Some(input) => run_with_input(cmd, input),
            None => run(cmd),
        }
    }

    /// Runs git; its stdout on success, its whole error text otherwise.
    pub(crate) fn ok(&self, args: &[&str]) -> std::result::Result<String, String> {
        let output = self
            .output(self.command(args), None)
            .map_err(Error::into_git_text)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            let text = String::from_utf8_lossy(&output.stderr).trim().to_string();
            Err(if text.is_empty() {
                format!("git {} failed", args.first().unwrap_or(&""))
            } else {
                text
            })
        }
    }

    pub(crate) fn checked(&self, args: &[&str]) -> Result<String> {
        self.ok(args).map_err(|message| Error::Git { message })
    }

    /// What `git ARGS` printed, if it succeeded.
    pub(crate) fn bytes(&self, args: &[&str]) -> Option<Vec<u8>> {
        run(self.command(args))
            .ok()
            .filter(|o| o.status.success())
            .map(|o| o.stdout)
    }

    /// What `git ARGS` printed, as text, if it succeeded and said anything.
    pub(crate) fn text(&self, args: &[&str]) -> Option<String> {
        self.bytes(args)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .filter(|s| !s.trim().is_empty())
    }

    /// The NUL-separated paths `git ARGS` printed.
    pub(crate) fn names(&self, args: &[&str]) -> Vec<PathBuf> {
        let bytes = self.bytes(args).unwrap_or_default();
        bytes
            .split(|b| *b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| PathBuf::from(String::from_utf8_lossy(s).into_owned()))
            .collect()
    }

    /// Runs `git ARGS` on `paths`, given on its standard input and taken
    /// literally: an import touches thousands of files, more than a
    /// command line holds.
    pub(crate) fn on_paths(&self, args: &[&str], paths: &[PathBuf]) -> Result<()> {
        if paths.is_empty() {
            return Ok(());
        }
        let mut input = Vec::new();
        for path in paths {
            input.extend_from_slice(path.to_string_lossy().as_bytes());
            input.push(0);
        }
        let mut cmd = self.command(&["--literal-pathspecs"]);
        cmd.args(args)
            .args(["--pathspec-from-file=-", "--pathspec-file-nul"]);
        let done = run_with_input(cmd, &input)?;
        if done.status.success() {
            return Ok(());
        }
        Err(Error::Git {
            message: String::from_utf8_lossy(&done.stderr).trim().to_string(),
        })
    }

    pub(crate) fn rev(&self, name: &str) -> Result<String> {
        Ok(self
            .checked(&["rev-parse", "--verify", "--quiet", name])?
            .trim()
            .to_string())
    }

    pub(crate) fn count(&self, from: &str, to: &str) -> Result<usize> {
        let range = format!("{from}..{to}");
        Ok(self
            .checked(&["rev-list", "--count", &range])?
            .trim()
            .parse()
            .unwrap_or(0))
    }

    pub(crate) fn show(&self, commit: &str, path: &str) -> Result<String> {
        self.checked(&["cat-file", "blob", &format!("{commit}:{path}")])
    }

    pub(crate) fn blob(&self, blob: &str) -> Result<String> {
        self.checked(&["cat-file", "blob", blob])
    }

    pub(crate) fn write_blob(&self, text: &str) -> Result<String> {
        let output = self.output(
            self.command(&["hash-object", "-w", "--stdin"]),
            Some(text.as_bytes()),
        )?;
        if !output.status.success() {
            return Err(Error::Git {
                message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    pub(crate) fn commit(
        &self,
        tree: &str,
        parent: &str,
        message: &str,
        env: &[(&str, &str)],
    ) -> Result<String> {
        let mut cmd = self.command(&["commit-tree", tree, "-p", parent, "-F", "-"]);
        for (key, value) in env {
            cmd.env(key, value);
        }
        let output = self.output(cmd, Some(message.as_bytes()))?;
        if !output.status.success() {
            return Err(Error::Git {
                message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    }
}
