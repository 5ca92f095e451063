//! Writing files atomically (docs/git-and-sharing.md).
//!
//! The new content goes to a temporary file under `.taizhang/tmp/` (same
//! file system, ignored by git), is flushed to disk, then renamed over the
//! target. A process killed at any instant leaves the old file or the new
//! one, never a torn one, and no stray file in the register's folders.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::error::{Error, Result};
use crate::store::register::STATE_DIR;

/// Writes `content` to `root/relative` atomically.
pub fn write_atomic(root: &Path, relative: &Path, content: &[u8]) -> Result<()> {
    stage(root, relative, content)?.persist(root)
}

/// Writes an export to `path`, anywhere (not only inside the register):
/// through a temporary file in the same folder, flushed and renamed, so a
/// reader never sees half a file and an old file stays whole until the
/// new one replaces it. A new file gets the user's umask (0666 masked, as
/// any file a program creates), not a temporary file's 0600; a file
/// replaced keeps its own mode (a `chmod 600` export of secret papers
/// stays 0600), and the new content is never readable more widely than
/// that, not even in the temporary file.
///
/// What is not a regular file (`/dev/stdout`, a pipe, a device) is written
/// in place: renaming over it would replace it with a file. A symbolic
/// link is followed: the file it names is replaced, the link stays.
pub fn write_file(path: &Path, content: &[u8]) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        return file
            .write_all(content)
            .and_then(|()| file.flush())
            .map_err(|e| Error::io(path, e));
    }
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let path = resolved.as_path();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let kept = std::fs::metadata(path)
        .ok()
        .map(|m| std::fs::Permissions::from_mode(m.permissions().mode() & 0o777));
    // Created no wider than the old file (the umask may narrow it more),
    // then given exactly its mode before any content is written.
    let created = kept
        .clone()
        .unwrap_or(std::fs::Permissions::from_mode(0o666));
    let mut tmp = tempfile::Builder::new()
        .prefix(".taizhang-export-")
        .permissions(created)
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    if let Some(mode) = kept {
        tmp.as_file()
            .set_permissions(mode)
            .map_err(|e| Error::io(path, e))?;
    }
    tmp.write_all(content).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Content flushed to a temporary file, waiting to be renamed into place.
/// The file is closed once flushed: an import stages thousands, more than
/// the process may hold open. Dropped before it is put in place, the
/// temporary file is removed.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::TempPath,
    relative: PathBuf,
}

/// Writes `content` to a temporary file for `root/relative` and flushes it
/// to disk: the slow part of a write, with nothing visible yet.
pub fn stage(root: &Path, relative: &Path, content: &[u8]) -> Result<Staged> {
    let tmp_dir = prepare(root, [relative])?;
    write_closed(root, &tmp_dir, relative, content)
}

/// `stage` for many files at once (an import): each is written to a
/// closed temporary file, and the flushes run from several threads. One
/// flush waits for the disk's journal; many at once share its commits
/// (10,000 files: about 8 s one by one, 1.5 s this way). `staged` is
/// called once per file flushed, from any of the threads.
pub fn stage_many(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
    staged: &(dyn Fn() + Sync),
) -> Result<Vec<Staged>> {
    const THREADS: usize = 16;
    let tmp_dir = prepare(root, files.iter().map(|(relative, _)| relative.as_path()))?;
    let chunk = files.len().div_ceil(THREADS).max(1);
    let tmp_dir = &tmp_dir;
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(relative, content)| {
                            let file = write_closed(root, tmp_dir, relative, content)?;
                            staged();
                            Ok(file)
                        })
                        .collect::<Result<Vec<Staged>>>()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(files.len());
        let mut failed = None;
        for worker in workers {
            match worker.join() {
                Ok(Ok(part)) => all.extend(part),
                Ok(Err(e)) => failed = failed.or(Some(e)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        // On failure the files staged so far are dropped, hence removed.
        failed.map_or(Ok(all), Err)
    })
}

/// Makes the folders the files at `relatives` go to, and `.taizhang/tmp/`;
/// returns the latter.
fn prepare<'p>(root: &Path, relatives: impl IntoIterator<Item = &'p Path>) -> Result<PathBuf> {
    let mut made: Option<&Path> = None;
    for relative in relatives {
        let folder = relative.parent().unwrap_or(Path::new(""));
        if made != Some(folder) {
            let dir = root.join(folder);
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            made = Some(folder);
        }
    }
    let tmp_dir = ensure_state_dir(root)?.join("tmp");
    std::fs::create_dir_all(&tmp_dir).map_err(|e| Error::io(&tmp_dir, e))?;
    Ok(tmp_dir)
}

/// Writes `content` to a new temporary file in `tmp_dir`, with the mode
/// `root/relative` should have, flushes it and closes it.
fn write_closed(root: &Path, tmp_dir: &Path, relative: &Path, content: &[u8]) -> Result<Staged> {
    let target = root.join(relative);
    let mut tmp = tempfile::Builder::new()
        .prefix(".write-")
        .tempfile_in(tmp_dir)
        .map_err(|e| Error::io(tmp_dir, e))?;
    set_mode(tmp.as_file(), &target, tmp_dir)?;
    tmp.write_all(content)
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    Ok(Staged {
        tmp: tmp.into_temp_path(),
        relative: relative.to_path_buf(),
    })
}

/// Gives the temporary file the mode the target should have: the one it
/// has when it exists (a clerk's `chmod` survives a rewrite), else what
/// any program creating it would give, 0666 less the umask. The temporary
/// file is created 0600, which would lock every other account — the cron
/// user, a colleague on a shared server — out of the register.
#[cfg(unix)]
fn set_mode(tmp: &std::fs::File, target: &Path, tmp_dir: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions().mode() & 0o7777,
        Err(_) => 0o666 & !umask(tmp_dir),
    };
    tmp.set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io(target, e))
}

#[cfg(not(unix))]
fn set_mode(_tmp: &std::fs::File, _target: &Path, _tmp_dir: &Path) -> Result<()> {
    Ok(())
}

/// The process's umask, read once. Setting it to read it (the only
/// portable way) would race other threads creating files, so it is read
/// from `/proc/self/status` where Linux offers it, else from the mode a
/// probe file in `dir` gets when created 0666. When neither works, 022,
/// the usual default.
#[cfg(unix)]
fn umask(dir: &Path) -> u32 {
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| proc_umask().or_else(|| probe_umask(dir)).unwrap_or(0o022))
}

#[cfg(unix)]
fn proc_umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
    u32::from_str_radix(line.trim(), 8).ok()
}

#[cfg(unix)]
fn probe_umask(dir: &Path) -> Option<u32> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let path = dir.join(format!(".umask-{}", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(&path)
        .ok()?;
    let mode = file.metadata().map(|m| m.permissions().mode());
    let _ = std::fs::remove_file(&path);
    Some(0o666 & !mode.ok()?)
}

impl Staged {
    /// Where the content goes, relative to the root.
    pub fn relative(&self) -> &Path {
        &self.relative
    }

    /// Renames the staged content over its target and makes that durable.
    pub fn persist(self, root: &Path) -> Result<()> {
        let dir = self.rename(root)?;
        sync_dir(&dir);
        Ok(())
    }

    /// Renames the staged content over its target; returns the folder to
    /// sync once every rename of the change is done.
    pub fn rename(self, root: &Path) -> Result<PathBuf> {
        let target = root.join(&self.relative);
        self.tmp
            .persist(&target)
            .map_err(|e| Error::io(&target, e.error))?;
        Ok(target.parent().unwrap_or(root).to_path_buf())
    }
}

/// Makes renames into `dir` durable; failure here loses nothing already
/// visible, so it is not worth failing the command for.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Creates `.taizhang/` with a `.gitignore` of its own, so local state
/// never shows in `git status` even where the register's own
/// `.gitignore` does not mention it (a register inside another repository).
pub fn ensure_state_dir(root: &Path) -> Result<std::path::PathBuf> {
    let dir = root.join(STATE_DIR);
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        std::fs::write(&ignore, "*\n").map_err(|e| Error::io(&ignore, e))?;
    }
    Ok(dir)
}

/// Replaces the state file `name` (in `.taizhang/`) whole with `bytes`,
/// for a command that does not hold the write lock (`check`): written
/// beside it, not in `tmp/`, which writers clear under the lock. Such
/// files are derived local state: a failure to write one is silent, and
/// costs only work the next command does again.
pub fn keep_state(root: &Path, name: &str, bytes: &[u8]) {
    let Ok(dir) = ensure_state_dir(root) else {
        return;
    };
    let Ok(mut tmp) = tempfile::Builder::new()
        .prefix(&format!(".{name}-"))
        .tempfile_in(&dir)
    else {
        return;
    };
    if std::io::Write::write_all(&mut tmp, bytes).is_ok() {
        let _ = tmp.persist(dir.join(name));
    }
}

/// The note of a change being put in place: `.taizhang/journal`, a JSON
/// list of `{tmp, target}` — a staged file under `.taizhang/tmp/` and
/// where it goes, relative to the root. Written (atomically, flushed) only
/// once every staged file is flushed, and removed once every rename is
/// done: while it exists, every entry is either renamed already (its
/// temporary file is gone) or still renamable, so the change can always be
/// carried forward.
pub const JOURNAL: &str = "journal";

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Entry {
    tmp: String,
    target: PathBuf,
}

/// Puts every staged file of one change in place, all or nothing across a
/// kill: a single file is one rename, atomic on its own; for
/// several, the whole change is noted first, so a writer killed between
/// two renames leaves a note the next writer finishes (`recover`).
pub fn place_all(root: &Path, staged: Vec<Staged>) -> Result<()> {
    if staged.len() <= 1 {
        return staged.into_iter().try_for_each(|s| s.persist(root));
    }
    let tmp_dir = root.join(STATE_DIR).join("tmp");
    let mut entries = Vec::with_capacity(staged.len());
    let mut kept = Vec::with_capacity(staged.len());
    for s in staged {
        let tmp = s.tmp;
        let tmp_name = tmp
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
            .ok_or_else(|| {
                Error::internal(format_args!("{}: odd temporary name", tmp.display()))
            })?;
        entries.push(Entry {
            tmp: tmp_name,
            target: s.relative,
        });
        kept.push(tmp);
    }
    // The temporary files' names must be durable before the note that
    // names them.
    sync_dir(&tmp_dir);
    note(root, &entries)?;
    // From here on a temporary file is removed only by renaming it: once
    // noted, dropping it must not delete it.
    for tmp in kept {
        let _ = tmp.keep();
    }
    finish_entries(root, &entries)?;
    remove_note(root);
    Ok(())
}

/// Writes the note atomically and durably.
fn note(root: &Path, entries: &[Entry]) -> Result<()> {
    let dir = ensure_state_dir(root)?;
    let text = serde_json::to_vec(entries).map_err(Error::internal)?;
    let path = dir.join(JOURNAL);
    // Beside the staged files: a writer killed before the rename below
    // leaves it with them, to be cleared as a leftover.
    let partial = dir.join("tmp").join("journal.partial");
    let mut file = std::fs::File::create(&partial).map_err(|e| Error::io(&partial, e))?;
    file.write_all(&text)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(&partial, e))?;
    std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e))?;
    sync_dir(&dir);
    Ok(())
}

fn remove_note(root: &Path) {
    let dir = root.join(STATE_DIR);
    let _ = std::fs::remove_file(dir.join(JOURNAL));
    sync_dir(&dir);
}

/// Renames every noted file still waiting in `.taizhang/tmp/`; those
/// gone were renamed already. The folders are synced once at the end.
fn finish_entries(root: &Path, entries: &[Entry]) -> Result<()> {
    let tmp_dir = root.join(STATE_DIR).join("tmp");
    let mut dirs = Vec::new();
    for entry in entries {
        let from = tmp_dir.join(&entry.tmp);
        let to = root.join(&entry.target);
        if !from.exists() {
            continue;
        }
        let dir = to.parent().unwrap_or(root).to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        dirs.push(dir);
    }
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        sync_dir(&dir);
    }
    Ok(())
}

/// The change a killed writer noted and did not finish, if any: the files
/// it puts in place (relative to the root). A note that cannot be read, or
/// that names a place outside the register, was not written by taizhang
/// and is not followed.
pub fn pending(root: &Path) -> Option<Vec<PathBuf>> {
    read_note(root).map(|entries| entries.into_iter().map(|e| e.target).collect())
}

fn read_note(root: &Path) -> Option<Vec<Entry>> {
    let bytes = std::fs::read(root.join(STATE_DIR).join(JOURNAL)).ok()?;
    let entries: Vec<Entry> = serde_json::from_slice(&bytes).ok()?;
    let safe = entries.iter().all(|e| {
        let plain_name =
            !e.tmp.is_empty() && !e.tmp.contains(['/', '\\']) && e.tmp != ".." && e.tmp != ".";
        let inside = e
            .target
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        plain_name && inside && written_by_a_change(&e.target) && !through_link(root, &e.target)
    });
    safe.then_some(entries)
}

/// Whether `relative` has the shape of a file a change puts in place: a
/// record file (`documents/2026/IN-2026-0001.yaml`,
/// `logbooks/seal/2026/SEAL-2026-0001.yaml`), an attachment
/// (`attachments/IN-2026-0001/scan.pdf`), the settings or the calendar —
/// never a name starting with a dot (`.git/hooks/…`, `.taizhang/…`,
/// `.gitattributes`), which no command writes: a note naming one was
/// written by hand, and following it would let a file of anyone's
/// choosing into git's own folder.
fn written_by_a_change(relative: &Path) -> bool {
    use crate::model::id::Id;
    use crate::store::register::{CALENDAR_FILE, SETTINGS_FILE};
    let parts: Vec<&str> = (relative.iter())
        .map(|part| part.to_str().unwrap_or("."))
        .collect();
    if parts.iter().any(|part| part.starts_with('.')) {
        return false;
    }
    match parts[..] {
        [name] => name == SETTINGS_FILE || name == CALENDAR_FILE,
        ["attachments", id, _name] => Id::parse(id).is_some(),
        [_, _, .., last] => (last.strip_suffix(".yaml"))
            .and_then(Id::parse)
            .is_some_and(|id| id.is_written_as(last.trim_end_matches(".yaml"))),
        _ => false,
    }
}

/// Whether any existing part of the way to `root/relative` is a symbolic
/// link (which could lead outside the register): the folders
/// may have changed since the note was written.
fn through_link(root: &Path, relative: &Path) -> bool {
    let mut path = root.to_path_buf();
    relative.components().any(|part| {
        path.push(part);
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
    })
}

/// Carries forward a change a killed writer noted but did not finish, so
/// that it is whole; returns the files it put in place. Only the holder of
/// the write lock calls this. A note that cannot be read is removed: it
/// names nothing that can be finished, and as nothing is renamed before a
/// note is whole, its files were never put in place (the change is undone:
/// its temporary files go with the other leftovers). A rename that fails
/// (a full disk, a folder made read-only) is an error: writing on top of a
/// half-finished change would make it worse.
pub fn recover(root: &Path) -> Result<Vec<PathBuf>> {
    let path = root.join(STATE_DIR).join(JOURNAL);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let Some(entries) = read_note(root) else {
        remove_note(root);
        return Ok(Vec::new());
    };
    finish_entries(root, &entries)?;
    remove_note(root);
    Ok(entries.into_iter().map(|e| e.target).collect())
}

/// Removes temporary files a killed writer left in `.taizhang/tmp/`: only
/// writers use that folder and they hold the write lock, so whoever holds
/// it now knows every file there is abandoned — except those a pending
/// note still needs (`recover` could not finish it). Failure is harmless.
pub fn clear_leftovers(root: &Path) {
    let dir = root.join(STATE_DIR).join("tmp");
    let needed: Vec<String> = read_note(root)
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.tmp)
        .collect();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let noted = entry
            .file_name()
            .to_str()
            .is_some_and(|name| needed.iter().any(|n| n == name));
        if !noted && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_umask_probe_agrees_with_proc() {
        let dir = tempfile::tempdir().unwrap();
        if let Some(from_proc) = proc_umask() {
            assert_eq!(probe_umask(dir.path()), Some(from_proc & 0o666));
        }
    }

    #[test]
    fn a_note_may_name_only_the_files_a_change_writes() {
        for fine in [
            "documents/2026/IN-2026-0001.yaml",
            "logbooks/seal/2026/SEAL-2026-0001.yaml",
            "attachments/IN-2026-0001/scan.pdf",
            "taizhang.toml",
            "calendar.toml",
        ] {
            assert!(written_by_a_change(Path::new(fine)), "{fine}");
        }
        for foul in [
            ".git/hooks/pre-commit",
            ".git/2026/IN-2026-0001.yaml",
            "documents/2026/.IN-2026-0001.yaml",
            ".taizhang/journal",
            ".gitattributes",
            "README.md",
            "documents/2026/notes.yaml",
            "attachments/notes/scan.pdf",
        ] {
            assert!(!written_by_a_change(Path::new(foul)), "{foul}");
        }
    }
}
