//! `undo`: takes back the last command's commit while it is only here.
//!
//! The commit is dropped, not answered by a revert commit: it was never
//! shared (it is on no remote-tracking branch), so nobody else's history
//! holds it, and dropping it leaves the register as though the command had
//! not run — an ID or 发文字号 it took is free again, with no pair of
//! commits saying "did, undid" in the shared history. It is dropped as
//! `git reset --keep HEAD~1` would, but for the commit's own files alone:
//! they are put back as they were before it (in the index and the work
//! tree; refused first if any has changes since), then the branch is moved
//! back. The clerk's other work, staged or not, stays exactly as it was —
//! `reset --keep` would unstage it. The dropped commit stays in git's
//! reflog for a while should it be wanted back.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::store::error::{Error, Result};
use crate::store::git::{self, Git};
use crate::store::register::{CALENDAR_FILE, SETTINGS_FILE};
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
    /// The last commit created the register (`init`), or is the
    /// repository's first.
    First,
    /// The last commit merges others.
    Merge { subject: String },
    /// The last command (`what`, its commit message without `taizhang: `)
    /// is already on `remote` (a remote-tracking branch): other clerks may
    /// have it.
    Pushed { what: String, remote: String },
    /// Files the commit touched have changes not committed.
    Uncommitted { paths: Vec<PathBuf> },
    /// The commit holds files no taizhang command writes (a note of the
    /// clerk's added with `git commit --amend`): undoing it would delete
    /// or rewind them. Paths relative to the repository's top.
    Foreign { paths: Vec<PathBuf> },
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
    if !git::preflight(root, register.runtime.now)? {
        return Err(refused(UndoRefusal::NoGit));
    }
    let git = Git::new(root);
    let head = git
        .text(&["log", "-1", "--format=%P%n%B", "HEAD"])
        .ok_or_else(|| refused(UndoRefusal::NoCommit))?;
    let (parents, message) = head.split_once('\n').unwrap_or((head.as_str(), ""));
    let subject = message.lines().next().unwrap_or_default().to_string();
    let Some(what) = subject.strip_prefix(OURS) else {
        return Err(refused(UndoRefusal::NotOurs { subject }));
    };
    // `init` in a folder already in a repository makes a commit with a
    // parent: the register's creation all the same, never undone.
    if what.starts_with("init ") {
        return Err(refused(UndoRefusal::First));
    }
    match parents.split_whitespace().count() {
        0 => return Err(refused(UndoRefusal::First)),
        1 => {}
        _ => return Err(refused(UndoRefusal::Merge { subject })),
    }
    // Paths relative to the repository's top, as git gives them.
    let top = git
        .text(&["rev-parse", "--show-toplevel"])
        .map(|t| PathBuf::from(t.trim()))
        .unwrap_or_else(|| root.clone());
    let touched = git.names(&[
        "diff-tree",
        "--no-commit-id",
        "--name-only",
        "-r",
        "-z",
        "HEAD",
    ]);
    let foreign = foreign_files(register, &git, &touched);
    if !foreign.is_empty() {
        return Err(refused(UndoRefusal::Foreign { paths: foreign }));
    }
    if let Some(remote) = shared_on(&git, &top) {
        return Err(refused(UndoRefusal::Pushed {
            what: what.to_string(),
            remote,
        }));
    }
    let touched_set: HashSet<&PathBuf> = touched.iter().collect();
    // The whole status, matched here: `status` takes no list of paths
    // on its standard input, and an import touches thousands.
    let status = git
        .bytes(&[
            "--no-optional-locks",
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=normal",
        ])
        .unwrap_or_default();
    let dirty: Vec<PathBuf> = (status.split(|b| *b == 0))
        .filter_map(|entry| entry.get(3..).filter(|path| !path.is_empty()))
        .map(|path| PathBuf::from(String::from_utf8_lossy(path).into_owned()))
        .filter(|path| touched_set.contains(path))
        .collect();
    if !dirty.is_empty() {
        return Err(refused(UndoRefusal::Uncommitted { paths: dirty }));
    }
    // What the commit created: record files added.
    let added = git.names(&[
        "diff-tree",
        "--no-commit-id",
        "--name-only",
        "--diff-filter=A",
        "-r",
        "-z",
        "HEAD",
    ]);
    let mut freed = Vec::new();
    let mut numbers = Vec::new();
    let outgoing = register.config.prefix(Kind::Outgoing);
    for path in &added {
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".yaml"))
            .and_then(Id::parse)
        else {
            continue;
        };
        let spec = format!("HEAD:{}", path.display());
        if id.prefix() == outgoing
            && let Some(text) = git.text(&["show", &spec])
            && let Ok(number) = numbering::read_number(&text, path)
            && !number.doc_number.is_empty()
        {
            numbers.push(number.doc_number);
        }
        freed.push(id);
    }
    let head = git.text(&["rev-parse", "HEAD"]).unwrap_or_default();
    let parent = parents.split_whitespace().next().unwrap_or_default();
    let added_set: HashSet<&PathBuf> = added.iter().collect();
    let others: Vec<PathBuf> = (touched.iter())
        .filter(|p| !added_set.contains(p))
        .cloned()
        .collect();
    Git::new(&top).on_paths(&["rm", "-q", "-f"], &added)?;
    Git::new(&top).on_paths(&["checkout", "-q", parent], &others)?;
    git.checked(&[
        "update-ref",
        "-m",
        "taizhang: undo",
        "HEAD",
        parent,
        head.trim(),
    ])?;
    Ok(Undone {
        what: what.to_string(),
        freed,
        numbers,
    })
}

/// The files of the commit (relative to the repository's top) that no
/// taizhang command writes: anything but a record file in its place, an
/// attachment of a record, the settings and the calendar of this register.
fn foreign_files(register: &Register, git: &Git, touched: &[PathBuf]) -> Vec<PathBuf> {
    let prefix = git
        .text(&["rev-parse", "--show-prefix"])
        .map(|p| p.trim().to_string())
        .unwrap_or_default();
    (touched.iter())
        .filter(|path| {
            !path
                .strip_prefix(&prefix)
                .is_ok_and(|relative| written_by_taizhang(register, relative))
        })
        .cloned()
        .collect()
}

/// Whether `relative` (to the register's root) is a file a taizhang
/// command writes.
fn written_by_taizhang(register: &Register, relative: &Path) -> bool {
    if relative == Path::new(SETTINGS_FILE) || relative == Path::new(CALENDAR_FILE) {
        return true;
    }
    let mut parts = relative.iter().filter_map(|part| part.to_str());
    if parts.next() == Some("attachments") {
        return parts.next().and_then(Id::parse).is_some() && parts.next().is_some();
    }
    (relative.file_name().and_then(|n| n.to_str()))
        .and_then(|name| name.strip_suffix(".yaml"))
        .and_then(Id::parse)
        .is_some_and(|id| register.is_place_of(&id, relative))
}

/// The remote that already has HEAD, if any: a remote-tracking branch
/// holding it, or a remote on this machine (a path, `file://`) whose
/// repository holds the commit — a plain `git push` moves no tracking
/// branch. Remotes over the network are not asked: an unreachable one
/// would hang `undo`, and a sync or fetch records what they have.
fn shared_on(git: &Git, top: &Path) -> Option<String> {
    let tracking = git
        .text(&[
            "for-each-ref",
            "--contains",
            "HEAD",
            "--format=%(refname:short)",
            "refs/remotes",
        ])
        .and_then(|text| text.lines().next().map(str::to_string));
    if tracking.is_some() {
        return tracking;
    }
    let head = git.text(&["rev-parse", "HEAD"])?.trim().to_string();
    let remotes = git.text(&["remote"]).unwrap_or_default();
    remotes.lines().find_map(|remote| {
        let url = git.text(&["remote", "get-url", remote])?;
        let path = local_path(url.trim(), top)?;
        let found = Git::new(&path).ok(&["cat-file", "-e", &format!("{head}^{{commit}}")]);
        found.is_ok().then(|| remote.to_string())
    })
}

/// The folder a remote's URL names when it is on this machine (an absolute
/// or relative path, or `file://`), resolved against the repository's top.
fn local_path(url: &str, top: &Path) -> Option<PathBuf> {
    let path = match url.strip_prefix("file://") {
        Some(path) => path,
        // `host:path` and `scheme://…` are over the network.
        None if url.contains("://") => return None,
        None if url
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':')) =>
        {
            return None;
        }
        None => url,
    };
    let path = top.join(path);
    path.is_dir().then_some(path)
}
