//! `undo`: takes back the last command's commit while it is only here.
//!
//! The commit is dropped (`git reset --keep HEAD~1`), not answered by a
//! revert commit: it was never shared (it is on no remote-tracking
//! branch), so nobody else's history holds it, and dropping it leaves the
//! register as though the command had not run — an ID or 发文字号 it took
//! is free again, with no pair of commits saying "did, undid" in the
//! shared history. `--keep` refuses rather than lose a change in a file
//! the commit touched (checked first, to say so in words), and leaves the
//! clerk's other changes as they are. The dropped commit stays in git's
//! reflog for a while should it be wanted back.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::store::git::{self, Place};
use crate::store::{Register, lock, numbering, save};

/// Why `undo` refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoRefusal {
    /// The register is not in a git repository: there is no commit to
    /// take back.
    NoGit,
    /// The repository has no commit yet.
    NoCommit,
    /// The last commit was not made by a taizhang command; `subject` is
    /// its first line.
    NotOurs { subject: String },
    /// The last commit is the register's first (`init`).
    First,
    /// The last commit merges others.
    Merge { subject: String },
    /// The last commit is already on `remote` (a remote-tracking branch):
    /// other clerks may have it.
    Pushed { subject: String, remote: String },
    /// Files the commit touched have changes not committed.
    Uncommitted { paths: Vec<PathBuf> },
}

/// What was undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// The commit's message without `taizhang: `: `log IN-2026-0014 关于…`.
    pub what: String,
    /// Records the commit created, now gone: their IDs are free again.
    pub freed: Vec<Id>,
    /// 发文字号 of outgoing documents the commit created, free again.
    pub numbers: Vec<String>,
}

const OURS: &str = "taizhang: ";

fn refused(refusal: UndoRefusal) -> Error {
    Error::Undo(refusal)
}

/// Takes back the last commit if it is a taizhang command's and not yet
/// shared. Holds the write lock throughout, as every write does.
pub fn undo(register: &Register) -> Result<Undone> {
    let _lock = lock::WriteLock::acquire(&register.root, register.runtime.lock_wait)?;
    save::recover(&register.root)?;
    save::clear_leftovers(&register.root);
    let root = &register.root;
    match git::locate(root) {
        Place::Outside => return Err(refused(UndoRefusal::NoGit)),
        Place::NoGit => return Err(Error::GitMissing),
        Place::Repo { .. } => {}
    }
    git::preflight(root, register.runtime.now)?;
    let head = output(root, &["log", "-1", "--format=%P%n%B", "HEAD"])
        .ok_or_else(|| refused(UndoRefusal::NoCommit))?;
    let (parents, message) = head.split_once('\n').unwrap_or((head.as_str(), ""));
    let subject = message.lines().next().unwrap_or_default().to_string();
    let Some(what) = subject.strip_prefix(OURS) else {
        return Err(refused(UndoRefusal::NotOurs { subject }));
    };
    match parents.split_whitespace().count() {
        0 => return Err(refused(UndoRefusal::First)),
        1 => {}
        _ => return Err(refused(UndoRefusal::Merge { subject })),
    }
    if let Some(remote) = output(
        root,
        &[
            "for-each-ref",
            "--contains",
            "HEAD",
            "--format=%(refname:short)",
            "refs/remotes",
        ],
    )
    .and_then(|text| text.lines().next().map(str::to_string))
    {
        return Err(refused(UndoRefusal::Pushed { subject, remote }));
    }
    // Paths relative to the repository's top, as git gives them.
    let top = output(root, &["rev-parse", "--show-toplevel"])
        .map(|t| PathBuf::from(t.trim()))
        .unwrap_or_else(|| root.clone());
    let touched = names(
        root,
        &[
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "-r",
            "-z",
            "HEAD",
        ],
    );
    let mut status = git::git(root);
    status
        .args([
            "--no-optional-locks",
            "status",
            "--porcelain=v1",
            "-z",
            "--",
        ])
        .args(touched.iter().map(|p| top.join(p)));
    let dirty: Vec<PathBuf> = git::run(status)
        .ok()
        .filter(|o| o.status.success())
        .map(|o| split_z(&o.stdout))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|entry| entry.get(3..).map(PathBuf::from))
        .collect();
    if !dirty.is_empty() {
        return Err(refused(UndoRefusal::Uncommitted { paths: dirty }));
    }
    // What the commit created: record files added.
    let added = names(
        root,
        &[
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "--diff-filter=A",
            "-r",
            "-z",
            "HEAD",
        ],
    );
    let mut freed = Vec::new();
    let mut numbers = Vec::new();
    for path in added {
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".yaml"))
            .and_then(Id::parse)
        else {
            continue;
        };
        let spec = format!("HEAD:{}", path.display());
        if let Some(text) = output(root, &["show", &spec])
            && let Ok(number) = numbering::read_number(&text, &path)
            && !number.doc_number.is_empty()
        {
            numbers.push(number.doc_number);
        }
        freed.push(id);
    }
    let mut reset = git::git(root);
    reset.args(["reset", "-q", "--keep", "HEAD~1"]);
    let done = git::run(reset)?;
    if !done.status.success() {
        return Err(Error::Git {
            message: String::from_utf8_lossy(&done.stderr).trim().to_string(),
        });
    }
    Ok(Undone {
        what: what.to_string(),
        freed,
        numbers,
    })
}

/// What `git ARGS` printed, if it succeeded.
fn output(root: &std::path::Path, args: &[&str]) -> Option<String> {
    let mut cmd = git::git(root);
    cmd.args(args);
    git::run(cmd)
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .filter(|s| !s.trim().is_empty())
}

/// The NUL-separated paths `git ARGS` printed.
fn names(root: &std::path::Path, args: &[&str]) -> Vec<PathBuf> {
    let mut cmd = git::git(root);
    cmd.args(args);
    git::run(cmd)
        .ok()
        .filter(|o| o.status.success())
        .map(|o| split_z(&o.stdout))
        .unwrap_or_default()
        .into_iter()
        .map(PathBuf::from)
        .collect()
}

fn split_z(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}
