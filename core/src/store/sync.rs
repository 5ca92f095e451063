//! Sharing the register through git (docs/git-and-sharing.md): fetch,
//! settle the IDs and 发文字号 another clerk took first, replay this clone's
//! commits on top of the shared ones, push.
//!
//! The replay is done in trees built apart (`git::Staging`) and only the
//! finished result is put in place (`advance`: as `git reset --keep`, but
//! reading only the files that change), so a sync that
//! stops — an issued number taken twice, a file that cannot be merged,
//! a push that fails — leaves the branch, the index and the work tree
//! exactly as they were. Only the remote-tracking ref moves (the fetch).
//!
//! `sync` holds the write lock for the whole sync, as every write does;
//! `pull` runs inside a change that holds it already.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::model::common::Actor;
use crate::model::common::HistoryAction;
use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::merge::merge_record;
use crate::model::outgoing::{doc_number, parse_doc_number};
use crate::model::record::Record;
use crate::model::renumber::Renumbering;
use crate::store::error::{Error, Result};
use crate::store::git::{self, Git};
use crate::store::register::{Register, Writer};
use crate::store::{lock, numbering, parse, save, yaml};

use crate::store::git::Staging;

/// How many times a push lost to another clerk's is retried (each time
/// after syncing again) before giving up.
pub const PUSH_TRIES: usize = 5;

/// What `sync` reports, one line each.
#[derive(Debug)]
pub enum SyncNote {
    Renumbered {
        old: String,
        new: String,
    },
    Number {
        id: String,
        old: String,
        new: String,
    },
    Contested {
        path: String,
        key: String,
    },
    Pulled(usize),
    Pushed(usize),
    Nothing,
    DryRun,
    /// Why a change could not be shared.
    NotShared(Error),
}

/// What a sync did, or would do with `--dry-run`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    /// Local records that took a new ID: old → new.
    pub renumbered: Vec<(Id, Id)>,
    /// Local outgoing documents that took a new 发文字号: document, old, new.
    pub numbers: Vec<(Id, String, String)>,
    /// Keys of a record changed differently on both sides (the later won).
    pub contested: Vec<(PathBuf, String)>,
    /// Commits taken from the remote.
    pub pulled: usize,
    /// Commits of this clone sent to the remote.
    pub pushed: usize,
}

impl Report {
    /// Where each renumbered ID ended up: a push that lost a race may
    /// renumber the same record twice (14 → 15, then 15 → 17).
    pub fn final_ids(&self) -> Renumbering {
        let mut map = Renumbering::new();
        for (old, new) in &self.renumbered {
            for value in map.values_mut() {
                if value == old {
                    *value = new.clone();
                }
            }
            map.entry(old.clone()).or_insert_with(|| new.clone());
        }
        map
    }

    pub fn is_empty(&self) -> bool {
        self.renumbered.is_empty()
            && self.numbers.is_empty()
            && self.contested.is_empty()
            && self.pulled == 0
            && self.pushed == 0
    }
}

/// Syncs the register with its upstream: fetch, renumber, replay, push;
/// a push that loses a race is retried after syncing again. With
/// `dry_run`, works it all out and changes nothing but the fetch.
pub fn sync(register: &Register, actor: &Actor, dry_run: bool) -> Result<Report> {
    let _lock = lock::WriteLock::acquire(&register.root, register.runtime.lock_wait)?;
    precheck(register)?;
    // A change a killed writer left half in place is finished first, as
    // every writer does; what a killed writer or sync left besides in
    // `.taizhang/tmp/` (a private index and its lock file) is abandoned:
    // no one else holds the lock.
    save::recover(&register.root)?;
    save::clear_leftovers(&register.root);
    sync_locked(register, actor, dry_run)
}

/// Before a sync touches anything: the checks a write makes before its
/// commit (`git::preflight`), so that git missing, a repository git
/// cannot read, a detached HEAD or a rebase half done is named as such,
/// not taken for a branch without an upstream.
fn precheck(register: &Register) -> Result<()> {
    match git::preflight(&register.root, register.runtime.now) {
        Ok(true) => Ok(()),
        Ok(false) => Err(Error::SyncNotRepository),
        Err(cause) => Err(Error::SyncCannot {
            cause: Box::new(cause),
        }),
    }
}

/// The lock file git keeps beside sync's private index while it writes
/// it, relative to the register.
pub const INDEX_LOCK: &str = ".taizhang/tmp/sync-index.lock";

/// For `check`: removes the lock file of sync's private index a killed
/// sync left behind, which would stop every later sync, when no command
/// holds the write lock (every sync holds it, so none is running). The
/// path removed, or `Err` with it when it could not be; `None` when there
/// was none, or a command holds the lock.
pub fn clear_killed_sync(register: &Register) -> Option<std::result::Result<PathBuf, PathBuf>> {
    let path = register.root.join(INDEX_LOCK);
    if std::fs::symlink_metadata(&path).is_err() {
        return None;
    }
    let _lock = lock::WriteLock::try_acquire(&register.root).ok()??;
    let shown = PathBuf::from(INDEX_LOCK);
    Some(match std::fs::remove_file(&path) {
        Ok(()) => Ok(shown),
        Err(_) => Err(shown),
    })
}

/// `sync`, for a caller that holds the write lock already (a change that
/// shares on write).
fn sync_locked(register: &Register, actor: &Actor, dry_run: bool) -> Result<Report> {
    let mut total = Report::default();
    for attempt in 0..PUSH_TRIES {
        if attempt > 0 {
            back_off(attempt);
        }
        match once(register, actor, dry_run, true) {
            Ok(report) => {
                total.absorb(report);
                return Ok(total);
            }
            Err(Step::Lost(report)) => total.absorb(report),
            Err(Step::Failed(e)) => return Err(e),
        }
    }
    Err(Error::SyncPushLost {
        tries: PUSH_TRIES as u32,
    })
}

/// Waits before pushing again after losing a race: doubling each time,
/// with a random part, so two clerks' machines retrying together drift
/// apart instead of colliding again (150 ms, 300 ms … about 2 s in all).
fn back_off(attempt: usize) {
    use std::hash::{BuildHasher, Hasher};
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let base = 150u64 << (attempt - 1).min(6);
    let wait = base / 2 + random % base;
    std::thread::sleep(std::time::Duration::from_millis(wait));
}

/// Takes the remote's changes (renumbering and replaying as `sync`) without
/// pushing: what a changing command does before it allocates an ID.
pub fn pull(register: &Register, actor: &Actor) -> Result<Report> {
    once(register, actor, false, false).map_err(|step| match step {
        Step::Failed(e) => e,
        Step::Lost(_) => Error::SyncPushLost { tries: 1 },
    })
}

impl Report {
    fn absorb(&mut self, other: Report) {
        self.renumbered.extend(other.renumbered);
        self.numbers.extend(other.numbers);
        self.contested.extend(other.contested);
        self.pulled += other.pulled;
        self.pushed = other.pushed;
    }
}

enum Step {
    /// The push lost a race: what was done locally so far.
    Lost(Report),
    Failed(Error),
}

impl From<Error> for Step {
    fn from(e: Error) -> Step {
        Step::Failed(e)
    }
}

/// Where this branch is shared.
struct Upstream {
    remote: String,
    /// The branch on the remote (`refs/heads/main`).
    merge: String,
}

fn once(
    register: &Register,
    actor: &Actor,
    dry_run: bool,
    push: bool,
) -> std::result::Result<Report, Step> {
    let git = Git::new(&register.root);
    let upstream = upstream(&git)?;
    git.ok(&["fetch", "--quiet", &upstream.remote])
        .map_err(|message| Error::SyncOffline {
            remote: upstream.remote.clone(),
            message,
        })?;
    let head = git.rev("HEAD")?;
    let theirs = git.rev("@{upstream}")?;
    let mut report = Report::default();
    if head == theirs {
        return Ok(report);
    }
    let base = git
        .ok(&["merge-base", &head, &theirs])
        .map_err(|message| Error::Git { message })?;
    let base = base.trim().to_string();
    report.pulled = git.count(&base, &theirs)?;
    let tip = if base == theirs {
        head.clone()
    } else if base == head {
        theirs.clone()
    } else {
        let replay = Replay::new(register, &git, &base, &head, &theirs)?;
        match replay.run(actor, &mut report, push)? {
            Some(tip) => tip,
            // Left for the sync after the change: see `Replay::run`.
            None => return Ok(Report::default()),
        }
    };
    report.pushed = if push { git.count(&theirs, &tip)? } else { 0 };
    let changed = if tip == head {
        Vec::new()
    } else {
        changed_between(&git, &head, &tip)?
    };
    refuse_uncommitted(register, &git, &changed)?;
    if dry_run {
        return Ok(report);
    }
    if tip != head {
        advance(&git, &head, &tip, &changed)?;
    }
    if push && report.pushed > 0 {
        let refspec = format!("HEAD:{}", upstream.merge);
        if let Err(message) = git.ok(&["push", "--quiet", &upstream.remote, &refspec]) {
            return Err(if lost_race(&message) {
                Step::Lost(report)
            } else {
                Step::Failed(Error::SyncOffline {
                    remote: upstream.remote,
                    message,
                })
            });
        }
    }
    Ok(report)
}

/// Whether git refused a push because the remote moved on meanwhile.
fn lost_race(message: &str) -> bool {
    ["rejected", "non-fast-forward", "fetch first", "stale info"]
        .iter()
        .any(|word| message.contains(word))
}

fn upstream(git: &Git) -> Result<Upstream> {
    let branch = git
        .ok(&["symbolic-ref", "--quiet", "HEAD"])
        .unwrap_or_default();
    let branch = branch.trim();
    if !branch.is_empty() {
        let found = git
            .ok(&[
                "for-each-ref",
                "--format=%(upstream:remotename)%00%(upstream:remoteref)",
                branch,
            ])
            .unwrap_or_default();
        if let Some((remote, merge)) = found.trim_end().split_once('\0')
            && !remote.is_empty()
            && remote != "."
            && !merge.is_empty()
        {
            return Ok(Upstream {
                remote: remote.to_string(),
                merge: merge.to_string(),
            });
        }
    }
    let remotes = git.ok(&["remote"]).unwrap_or_default();
    Err(Error::SyncNoUpstream {
        branch: branch
            .strip_prefix("refs/heads/")
            .unwrap_or(branch)
            .to_string(),
        remotes: remotes.lines().map(str::to_string).collect(),
    })
}

/// The files the sync puts in place (`changed`, from the top of the
/// repository) must be as committed: the clerk's unsaved edits are never
/// overwritten, as `git reset --keep` refuses to. Only they are looked
/// at, not every file of the register. Past `MANY_PATHS` (a pulled
/// import), the record folders and attachments are looked at whole:
/// git matches every file against every path given.
fn refuse_uncommitted(register: &Register, git: &Git, changed: &[String]) -> Result<()> {
    const MANY_PATHS: usize = 256;
    if changed.is_empty() {
        return Ok(());
    }
    let exact = |path: &String| format!(":(top,literal){path}");
    let pathspecs: Vec<String> = if changed.len() > MANY_PATHS {
        let folders: Vec<String> = (Register::committed_folders().into_iter())
            .map(str::to_string)
            .collect();
        let prefix = git
            .text(&["rev-parse", "--show-prefix"])
            .unwrap_or_default();
        let prefix = prefix.trim();
        let inside = |path: &String| {
            (path.strip_prefix(prefix))
                .and_then(|relative| relative.split('/').next())
                .is_some_and(|first| folders.iter().any(|folder| folder == first))
        };
        let others: Vec<String> = (changed.iter())
            .filter(|path| !inside(path))
            .map(exact)
            .collect();
        folders.into_iter().chain(others).collect()
    } else {
        changed.iter().map(exact).collect()
    };
    let pathspecs: Vec<&str> = pathspecs.iter().map(String::as_str).collect();
    let paths = git::uncommitted(&register.root, &pathspecs);
    if paths.is_empty() {
        Ok(())
    } else {
        Err(Error::SyncUncommitted { paths })
    }
}

/// The files that differ between two commits, from the top of the
/// repository: trees compared, the index and the work tree not read.
fn changed_between(git: &Git, from: &str, to: &str) -> Result<Vec<String>> {
    let out = git
        .ok(&[
            "diff-tree",
            "-r",
            "--name-only",
            "-z",
            "--no-renames",
            from,
            to,
        ])
        .map_err(|message| Error::Git { message })?;
    Ok(out
        .split('\0')
        .filter(|path| !path.is_empty())
        .map(str::to_string)
        .collect())
}

/// Moves the branch from `head` to `tip`, as `git reset --keep` would, but
/// reading and writing only the files that differ between them: `reset`
/// compares every file of the register (100,000 `stat`s). The files are
/// put in place first (`checkout --no-overlay` also removes those `tip`
/// has not), then the branch is moved, only if it is still at `head`.
/// `refuse_uncommitted` made sure none of these files had changes of
/// the clerk's. A sync killed in between leaves the new files in place
/// and staged, the branch where it was: nothing is lost, `git status`
/// shows them.
fn advance(git: &Git, head: &str, tip: &str, changed: &[String]) -> Result<()> {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let top = git
        .text(&["rev-parse", "--show-toplevel"])
        .map(|t| PathBuf::from(t.trim_end_matches('\n')))
        .ok_or_else(|| Error::Git {
            message: "git rev-parse --show-toplevel failed".to_string(),
        })?;
    Git::new(&top).on_paths(&["checkout", "-q", "--no-overlay", tip], &changed)?;
    git.checked(&["update-ref", "-m", "taizhang: sync", "HEAD", tip, head])
        .map(drop)
}

/// A change of one file in one commit, as `git diff-tree` reports it.
struct FileChange {
    path: String,
    old: Option<String>,
    new: Option<(String, String)>,
}

/// This clone's commits replayed on top of the remote's, in trees built apart.
struct Replay<'a> {
    register: &'a Register,
    git: Git,
    base: String,
    head: String,
    theirs: String,
    ids: Renumbering,
    /// Outgoing document (by its final ID) → its new 发文字号.
    numbers: HashMap<Id, String>,
    /// Record files added since the common commit: here, on the remote.
    mine: Vec<(Id, String)>,
    remote: Vec<(Id, String)>,
}

impl<'a> Replay<'a> {
    fn new(
        register: &'a Register,
        git: &Git,
        base: &str,
        head: &str,
        theirs: &str,
    ) -> std::result::Result<Replay<'a>, Step> {
        let tmp = save::ensure_state_dir(&register.root)
            .map_err(Step::Failed)?
            .join("tmp");
        std::fs::create_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let index = tmp.join("sync-index");
        // Whoever runs this holds the write lock: a private index or its
        // lock file found here is a killed sync's, and would stop git.
        let _ = std::fs::remove_file(&index);
        let _ = std::fs::remove_file(tmp.join("sync-index.lock"));
        let mut replay = Replay {
            register,
            git: git.with_index(index),
            base: base.to_string(),
            head: head.to_string(),
            theirs: theirs.to_string(),
            ids: Renumbering::new(),
            numbers: HashMap::new(),
            mine: Vec::new(),
            remote: Vec::new(),
        };
        replay.mine = replay.added(head)?;
        replay.mine.sort();
        replay.remote = replay.added(theirs)?;
        Ok(replay)
    }

    /// Replays; the new tip. Without `renumber` (the pull before a
    /// change), `None` when this clone's records would need renumbering:
    /// the clerk typed the IDs of the change as they read before it, so
    /// they must keep meaning the same records while it is made; the sync
    /// after the change renumbers them all together.
    fn run(
        mut self,
        actor: &Actor,
        report: &mut Report,
        renumber: bool,
    ) -> std::result::Result<Option<String>, Step> {
        self.plan_ids(report)?;
        self.plan_numbers(report)?;
        let nothing_to_renumber = self.ids.is_empty() && self.numbers.is_empty();
        if !renumber && !nothing_to_renumber {
            return Ok(None);
        }
        let result = self.replay(actor, report);
        let _ = std::fs::remove_file(self.git.index.as_deref().unwrap_or(Path::new("")));
        result.map(Some)
    }

    /// Record files this side added since the common commit.
    fn added(&self, to: &str) -> Result<Vec<(Id, String)>> {
        let out = self
            .git
            .ok(&[
                "diff",
                "--name-only",
                "--no-renames",
                "-z",
                "--diff-filter=A",
                &self.base,
                to,
                "--",
            ])
            .map_err(|message| Error::Git { message })?;
        Ok(out
            .split('\0')
            .filter_map(|path| Some((self.record_id(path)?, path.to_string())))
            .collect())
    }

    /// The record ID of a record file's path.
    fn record_id(&self, path: &str) -> Option<Id> {
        let name = Path::new(path)
            .file_name()?
            .to_str()?
            .strip_suffix(".yaml")?;
        let id = Id::parse(name)?;
        self.register
            .is_place_of(&id, Path::new(path))
            .then_some(id)
    }

    /// Every ID this clone created that the remote also has gets the next
    /// number free on both sides.
    fn plan_ids(&mut self, report: &mut Report) -> Result<()> {
        let remote: HashSet<&String> = self.remote.iter().map(|(_, p)| p).collect();
        let clashes: Vec<(Id, String)> = (self.mine.iter())
            .filter(|(_, path)| remote.contains(path))
            .cloned()
            .collect();
        let mut highest: BTreeMap<(String, i16), u32> = BTreeMap::new();
        for (id, path) in clashes {
            let key = (id.prefix().to_string(), id.year());
            let top = match highest.get(&key) {
                Some(n) => *n,
                None => {
                    let dir = Path::new(&path).parent().unwrap_or(Path::new(""));
                    let mine = self.highest_in(&self.head, dir, &id)?;
                    mine.max(self.highest_in(&self.theirs, dir, &id)?)
                }
            };
            let new = Id::new(id.prefix(), id.year(), top + 1);
            highest.insert(key, top + 1);
            report.renumbered.push((id.clone(), new.clone()));
            self.ids.insert(id, new);
        }
        Ok(())
    }

    /// The highest sequence among the record files of `dir` in `commit`
    /// that share `like`'s prefix and year: incoming and outgoing documents
    /// live in one folder but are numbered apart.
    fn highest_in(&self, commit: &str, dir: &Path, like: &Id) -> Result<u32> {
        let spec = format!("{commit}:{}", dir.display());
        let out = self
            .git
            .ok(&["ls-tree", "--name-only", "-z", &spec])
            .unwrap_or_default();
        Ok(out
            .split('\0')
            .filter_map(|name| name.strip_suffix(".yaml").and_then(Id::parse))
            .filter(|id| id.prefix() == like.prefix() && id.year() == like.year())
            .map(|id| id.seq())
            .max()
            .unwrap_or(0))
    }

    /// A local outgoing document whose 文号 the remote also issued takes
    /// the next free number while still a draft or signed; an issued one
    /// stops the sync.
    fn plan_numbers(&mut self, report: &mut Report) -> Result<()> {
        let outgoing = self.register.config.prefix(Kind::Outgoing).to_string();
        let theirs = self.theirs.clone();
        let mut remote: HashMap<(String, i16, u32), (Id, String)> = HashMap::new();
        for (id, path) in &self.remote {
            if id.prefix() != outgoing {
                continue;
            }
            let number = self.number_at(&theirs, path)?;
            if let Some((issuer, year, n)) = parse_doc_number(&number.doc_number) {
                remote.insert((issuer.to_string(), year, n), (id.clone(), number.status));
            }
        }
        if remote.is_empty() {
            return Ok(());
        }
        let head = self.head.clone();
        let mut taken: HashMap<(String, i16), u32> = HashMap::new();
        for (id, path) in self.mine.clone() {
            if id.prefix() != outgoing {
                continue;
            }
            let number = self.number_at(&head, &path)?;
            let Some((issuer, year, n)) = parse_doc_number(&number.doc_number) else {
                continue;
            };
            let Some((other, other_status)) = remote.get(&(issuer.to_string(), year, n)) else {
                continue;
            };
            let final_id = self.ids.get(&id).unwrap_or(&id).clone();
            match number.status.as_str() {
                "draft" | "signed" => {}
                // A void number is settled: the documents say which stands.
                "revoked" => continue,
                _ if other_status == "revoked" => continue,
                _ => {
                    return Err(Error::SyncIssuedNumber {
                        number: number.doc_number.clone(),
                        local: id.to_string(),
                        remote: other.to_string(),
                    });
                }
            }
            let key = (issuer.to_string(), year);
            let top = match taken.get(&key) {
                Some(n) => *n,
                None => {
                    let local = numbering::highest_number(self.register, &issuer, year)?;
                    let remote_top = remote
                        .keys()
                        .filter(|(i, y, _)| *i == issuer && *y == year)
                        .map(|(_, _, n)| *n)
                        .max()
                        .unwrap_or(0);
                    local.max(remote_top)
                }
            };
            taken.insert(key, top + 1);
            let new = doc_number(&issuer, year, top + 1);
            report
                .numbers
                .push((final_id.clone(), number.doc_number.clone(), new.clone()));
            self.numbers.insert(final_id, new);
        }
        Ok(())
    }

    fn number_at(&self, commit: &str, path: &str) -> Result<numbering::NumberOnly> {
        let text = self.git.show(commit, path)?;
        numbering::read_number(&text, Path::new(path))
    }

    fn replay(&self, actor: &Actor, report: &mut Report) -> std::result::Result<String, Step> {
        let git = &self.git;
        let staging = Staging::on(git, &self.theirs)?;
        let commits = git
            .ok(&[
                "rev-list",
                "--reverse",
                "--no-merges",
                &format!("{}..{}", self.base, self.head),
            ])
            .map_err(|message| Error::Git { message })?;
        let mut parent = self.theirs.clone();
        for commit in commits.lines() {
            let changes = self.changes(commit)?;
            let paths: Vec<String> = changes.iter().map(|c| self.map_path(&c.path)).collect();
            staging.prefetch(paths.iter().map(String::as_str))?;
            for change in &changes {
                self.apply(&staging, change, report)?;
            }
            let tree = staging.tree()?;
            if tree == git.rev(&format!("{parent}^{{tree}}"))? {
                continue;
            }
            parent = commit_like(git, commit, &tree, &parent, &self.ids)?;
        }
        if !self.ids.is_empty() || !self.numbers.is_empty() {
            parent = self.note_renumbering(&staging, actor, report, &parent)?;
        }
        Ok(parent)
    }

    fn changes(&self, commit: &str) -> Result<Vec<FileChange>> {
        let out = self
            .git
            .ok(&[
                "diff-tree",
                "-r",
                "-z",
                "--no-renames",
                "--no-commit-id",
                &format!("{commit}^"),
                commit,
            ])
            .map_err(|message| Error::Git { message })?;
        let mut fields = out.split('\0');
        let mut changes = Vec::new();
        while let (Some(meta), Some(path)) = (fields.next(), fields.next()) {
            let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
            let [_, new_mode, old, new, _status] = parts[..] else {
                continue;
            };
            let zero = |sha: &str| sha.bytes().all(|b| b == b'0');
            changes.push(FileChange {
                path: path.to_string(),
                old: (!zero(old)).then(|| old.to_string()),
                new: (!zero(new)).then(|| (new_mode.to_string(), new.to_string())),
            });
        }
        Ok(changes)
    }

    /// Where a path of this clone goes once renumbered.
    fn map_path(&self, path: &str) -> String {
        if let Some(id) = self.record_id(path)
            && let Some(new) = self.ids.get(&id)
            && let Some(relative) = self.register.relative_path(new)
        {
            return relative.to_string_lossy().into_owned();
        }
        if let Some((id, rest)) = path
            .strip_prefix("attachments/")
            .and_then(|p| p.split_once('/'))
            && let Some(new) = Id::parse(id).and_then(|id| self.ids.get(&id))
        {
            return format!("attachments/{new}/{rest}");
        }
        path.to_string()
    }

    /// A blob of this clone as it reads once renumbered.
    fn transform(&self, path: &str, blob: &str) -> Result<String> {
        if self.ids.is_empty() && self.numbers.is_empty() {
            return Ok(blob.to_string());
        }
        let Some(id) = self.record_id(path) else {
            return Ok(blob.to_string());
        };
        let text = self.git.blob(blob)?;
        let record = self.read(path, &id, &text)?;
        let mut renamed = record.clone();
        let mut changed = renamed.renumber(&self.ids);
        if let Record::Outgoing(out) = &mut renamed
            && let Some(number) = self.numbers.get(&out.id)
            && out.doc_number != *number
        {
            out.doc_number = number.clone();
            changed = true;
        }
        if !changed {
            return Ok(blob.to_string());
        }
        let text = rewrite(&text, &record, &renamed).ok_or_else(|| unmergeable(path))?;
        self.git.write_blob(&text)
    }

    fn read(&self, path: &str, id: &Id, text: &str) -> Result<Record> {
        let (kind, book) = self.register.kind_of(id).ok_or_else(|| unmergeable(path))?;
        parse::parse_text(text, kind, book).map_err(|(line, column, problem)| {
            Error::SyncUnmergeable {
                path: PathBuf::from(path),
                reason: Some((line, column, Box::new(problem))),
            }
        })
    }

    /// Both clones filed documents: the archive ledger is the higher
    /// number of each group of the two (`model::archive::Given::merge`),
    /// so a number either clone gave out is never given again. Two clones
    /// that gave the same number each to a document of their own leave a
    /// 档号 used twice, which `check` reports.
    fn merge_ledgers(
        &self,
        staging: &Staging,
        path: &str,
        mode: &str,
        current: &str,
        new: &str,
    ) -> Result<()> {
        let read = |blob: &str| -> Result<_> {
            numbering::ledger_of(&self.git.blob(blob)?).ok_or_else(|| unmergeable(path))
        };
        let merged = read(current)?.merge(&read(new)?);
        let blob = self.git.write_blob(&numbering::ledger_text(&merged))?;
        staging.stage(path, mode, &blob)
    }

    /// Applies one file change of this clone to the staged trees.
    fn apply(&self, staging: &Staging, change: &FileChange, report: &mut Report) -> Result<()> {
        let path = self.map_path(&change.path);
        let current = staging.staged(&path)?;
        let old = match &change.old {
            Some(blob) => Some(self.transform(&change.path, blob)?),
            None => None,
        };
        let new = match &change.new {
            Some((mode, blob)) => Some((mode.clone(), self.transform(&change.path, blob)?)),
            None => None,
        };
        let new_blob = new.as_ref().map(|(_, b)| b.clone());
        if current == new_blob {
            return Ok(());
        }
        if current == old {
            return match new {
                Some((mode, blob)) => staging.stage(&path, &mode, &blob),
                None => staging.unstage(&path),
            };
        }
        // Both sides changed the file (the ledger: both may have made it).
        if path == numbering::ARCHIVE_LEDGER
            && let (Some(current), Some((mode, new))) = (&current, &new)
        {
            return self.merge_ledgers(staging, &path, mode, current, new);
        }
        let (Some(current), Some(old), Some((mode, new))) = (current, old, new) else {
            return Err(unmergeable(&path));
        };
        if self.record_id(&path).is_none() {
            return Err(unmergeable(&path));
        }
        let value = |blob: &str| -> Result<serde_yaml::Value> {
            let text = self.git.blob(blob)?;
            if let Some(id) = self.record_id(&path) {
                self.read(&path, &id, &text)?;
            }
            serde_yaml::from_str(&text).map_err(|e| {
                let (line, column, problem) = parse::describe_yaml_error(&e, &text);
                Error::SyncUnmergeable {
                    path: PathBuf::from(&path),
                    reason: Some((line, column, Box::new(problem))),
                }
            })
        };
        let merged = merge_record(&value(&old)?, &value(&current)?, &value(&new)?)
            .ok_or_else(|| unmergeable(&path))?;
        let text = yaml::to_string(&merged.value);
        if let Some(id) = self.record_id(&path) {
            self.read(&path, &id, &text)?;
        }
        for key in merged.contested {
            report.contested.push((PathBuf::from(&path), key));
        }
        let blob = self.git.write_blob(&text)?;
        staging.stage(&path, &mode, &blob)
    }

    /// Appends a history entry to every record renumbered, in one commit.
    fn note_renumbering(
        &self,
        staging: &Staging,
        actor: &Actor,
        report: &Report,
        parent: &str,
    ) -> Result<String> {
        let mut notes: BTreeMap<Id, Vec<String>> = BTreeMap::new();
        for (old, new) in &report.renumbered {
            notes
                .entry(new.clone())
                .or_default()
                .push(format!("{old} → {new}"));
        }
        for (id, old, new) in &report.numbers {
            notes
                .entry(id.clone())
                .or_default()
                .push(format!("{old} → {new}"));
        }
        let mut summary = Vec::new();
        for (id, lines) in &notes {
            let Some(relative) = self.register.relative_path(id) else {
                continue;
            };
            let path = relative.to_string_lossy().into_owned();
            let Some(blob) = staging.staged(&path)? else {
                continue;
            };
            let text = self.git.blob(&blob)?;
            let record = self.read(&path, id, &text)?;
            let mut noted = record.clone();
            for line in lines {
                noted.push_history(actor.entry(HistoryAction::Renumber, Some(line.clone())));
                summary.push(line.clone());
            }
            let text = rewrite(&text, &record, &noted).ok_or_else(|| unmergeable(&path))?;
            let blob = self.git.write_blob(&text)?;
            let mode = "100644";
            staging.stage(&path, mode, &blob)?;
        }
        let tree = staging.tree()?;
        let message = format!("taizhang: sync renumber {}", summary.join(", "));
        self.git.commit(&tree, parent, &message, &[])
    }
}

/// The text of `old` rewritten as `new`, keeping what the file had that
/// the tool does not know (hand-added keys).
fn rewrite(text: &str, old: &Record, new: &Record) -> Option<String> {
    let raw: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    let known = old.to_value().ok()?;
    let mut value = new.to_value().ok()?;
    crate::store::graft_unknown(&raw, &known, &mut value);
    Some(yaml::to_string(&value))
}

/// `text` with every word that is a renumbered ID replaced by its new one.
fn renumber_words(text: &str, ids: &Renumbering) -> String {
    if ids.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match Id::parse(word)
            .filter(|id| id.is_written_as(word))
            .and_then(|id| ids.get(&id))
        {
            Some(new) => out.push_str(&new.to_string()),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A commit of `tree` on `parent` with the message and author of
/// `like`; IDs the message names are renumbered as the files were.
fn commit_like(
    git: &Git,
    like: &str,
    tree: &str,
    parent: &str,
    ids: &Renumbering,
) -> Result<String> {
    let info = git.checked(&[
        "log",
        "-1",
        "--date=raw",
        "--format=%an%x00%ae%x00%ad%x00%B",
        like,
    ])?;
    let mut parts = info.splitn(4, '\0');
    let (name, email, date, message) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let env = [
        ("GIT_AUTHOR_NAME", name),
        ("GIT_AUTHOR_EMAIL", email),
        ("GIT_AUTHOR_DATE", date),
    ];
    let message = renumber_words(message.trim_end(), ids);
    git.commit(tree, parent, &message, &env)
}

fn unmergeable(path: &str) -> Error {
    Error::SyncUnmergeable {
        path: PathBuf::from(path),
        reason: None,
    }
}

/// Whether changes of this register are shared as they are made
/// (`git.sync_on_write`, in a git work tree that commits).
pub fn shares_on_write(register: &Register) -> bool {
    let settings = &register.config.git;
    settings.sync_on_write
        && settings.autocommit
        && register.writer.is_some()
        && git::is_work_tree(&register.root)
}

/// Before a sharing change allocates anything: takes the remote's changes.
/// A failure (offline, no upstream, a clash to settle by hand) does not
/// stop the change; it is returned, to be warned about once the change is
/// committed locally.
pub fn pull_before_write(register: &Register) -> Option<Error> {
    let writer = register.writer.as_ref()?;
    match pull(register, &writer.actor) {
        Ok(report) => {
            say(writer, &report);
            None
        }
        Err(e) => Some(e),
    }
}

/// After a sharing change committed: syncs and pushes (retrying a lost
/// race). Never fails the change: it is committed here whatever happens,
/// and a warning says when it is not shared yet. Returns the IDs renumbered.
pub fn push_after_write(register: &Register, pulled: Option<Error>) -> Renumbering {
    let Some(writer) = register.writer.as_ref() else {
        return Renumbering::new();
    };
    let result = match pulled {
        Some(e) => Err(e),
        None => sync_locked(register, &writer.actor, false),
    };
    match result {
        Ok(report) => {
            say(writer, &report);
            report.final_ids()
        }
        Err(e) => {
            (writer.tell)(&SyncNote::NotShared(e));
            Renumbering::new()
        }
    }
}

/// Tells the clerk what sharing changed here (renumberings, merges).
fn say(writer: &Writer, report: &Report) {
    for note in notes(report).iter().filter(|n| {
        matches!(
            n,
            SyncNote::Renumbered { .. } | SyncNote::Number { .. } | SyncNote::Contested { .. }
        )
    }) {
        (writer.tell)(note);
    }
}

/// The lines of a report, renumberings first.
pub fn notes(report: &Report) -> Vec<SyncNote> {
    let mut notes = Vec::new();
    for (old, new) in &report.renumbered {
        notes.push(SyncNote::Renumbered {
            old: old.to_string(),
            new: new.to_string(),
        });
    }
    for (id, old, new) in &report.numbers {
        notes.push(SyncNote::Number {
            id: id.to_string(),
            old: old.clone(),
            new: new.clone(),
        });
    }
    for (path, key) in &report.contested {
        notes.push(SyncNote::Contested {
            path: path.display().to_string(),
            key: key.clone(),
        });
    }
    if report.pulled > 0 {
        notes.push(SyncNote::Pulled(report.pulled));
    }
    if report.pushed > 0 {
        notes.push(SyncNote::Pushed(report.pushed));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_messages_follow_the_renumbering_word_by_word() {
        let ids: Renumbering = [(
            Id::parse("IN-2026-0014").unwrap(),
            Id::parse("IN-2026-0015").unwrap(),
        )]
        .into_iter()
        .collect();
        assert_eq!(
            renumber_words("taizhang: reply IN-2026-0014 关于IN-2026-0014x", &ids),
            "taizhang: reply IN-2026-0015 关于IN-2026-0014x"
        );
    }

    #[test]
    fn a_record_renumbered_twice_ends_at_the_last_number() {
        let id = |s| Id::parse(s).unwrap();
        let report = Report {
            renumbered: vec![
                (id("IN-2026-0002"), id("IN-2026-0005")),
                (id("IN-2026-0005"), id("IN-2026-0007")),
            ],
            ..Report::default()
        };
        assert_eq!(report.final_ids()[&id("IN-2026-0002")], id("IN-2026-0007"));
    }
}
