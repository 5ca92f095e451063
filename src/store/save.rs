//! Writing files atomically (DESIGN §6.1).
//!
//! The new content goes to a temporary file under `.taizhang/tmp/` (same
//! file system, ignored by git), is flushed to disk, then renamed over the
//! target. A process killed at any instant leaves the old file or the new
//! one, never a torn one, and no stray file in the register's folders.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::register::STATE_DIR;

/// Writes `content` to `root/relative` atomically.
pub fn write_atomic(root: &Path, relative: &Path, content: &[u8]) -> Result<()> {
    stage(root, relative, content)?.persist(root)
}

/// Content flushed to a temporary file, waiting to be renamed into place.
/// Dropped without `persist`, the temporary file is removed.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    relative: PathBuf,
}

/// Writes `content` to a temporary file for `root/relative` and flushes it
/// to disk: the slow part of a write, with nothing visible yet.
pub fn stage(root: &Path, relative: &Path, content: &[u8]) -> Result<Staged> {
    let target = root.join(relative);
    let dir = target.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp_dir = ensure_state_dir(root)?.join("tmp");
    std::fs::create_dir_all(&tmp_dir).map_err(|e| Error::io(&tmp_dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".write-")
        .tempfile_in(&tmp_dir)
        .map_err(|e| Error::io(&tmp_dir, e))?;
    tmp.write_all(content)
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    Ok(Staged {
        tmp,
        relative: relative.to_path_buf(),
    })
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

/// Content written to a closed temporary file, not yet flushed to disk:
/// a batch of many files is flushed together (`sync_files`), then each
/// renamed into place. Dropped without `rename`, the file is removed.
#[derive(Debug)]
pub struct StagedClosed {
    tmp: tempfile::TempPath,
    relative: PathBuf,
}

/// Writes `content` to a temporary file for `root/relative` and closes it
/// (thousands of open files would pass the process's limit).
pub fn stage_closed(root: &Path, relative: &Path, content: &[u8]) -> Result<StagedClosed> {
    let target = root.join(relative);
    let dir = target.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp_dir = root.join(STATE_DIR).join("tmp");
    let mut tmp = tempfile::Builder::new()
        .prefix(".write-")
        .tempfile_in(&tmp_dir)
        .map_err(|e| Error::io(&tmp_dir, e))?;
    tmp.write_all(content)
        .map_err(|e| Error::io(tmp.path(), e))?;
    Ok(StagedClosed {
        tmp: tmp.into_temp_path(),
        relative: relative.to_path_buf(),
    })
}

impl StagedClosed {
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    pub fn relative(&self) -> &Path {
        &self.relative
    }

    /// Renames the file over its target; returns the folder to sync.
    pub fn rename(self, root: &Path) -> Result<PathBuf> {
        let target = root.join(&self.relative);
        self.tmp
            .persist(&target)
            .map_err(|e| Error::io(&target, e.error))?;
        Ok(target.parent().unwrap_or(root).to_path_buf())
    }
}

/// Flushes `files` to disk. One flush waits for the disk's journal; many
/// at once share its commits, so the batch is flushed from several
/// threads (10,000 files: about 8 s one by one, 1.5 s this way).
pub fn sync_files(files: &[&Path]) -> Result<()> {
    const THREADS: usize = 16;
    let chunk = files.len().div_ceil(THREADS).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    for path in part {
                        std::fs::File::open(path)
                            .and_then(|f| f.sync_all())
                            .map_err(|e| Error::io(*path, e))?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or(Ok(())))
            .collect::<Result<Vec<()>>>()
            .map(|_| ())
    })
}

/// The note a writer leaves while it renames a batch of new records into
/// place: a writer killed in the middle leaves some of them, which the
/// next writer removes, so the batch is all or nothing.
const NEW_RECORDS: &str = "records.intent";

pub struct NewRecords(PathBuf);

impl NewRecords {
    /// Notes, durably, that the new records at `records` (which do not
    /// exist yet) are about to be put in place.
    pub fn note(root: &Path, records: &[&Path]) -> Result<NewRecords> {
        let paths: Vec<&str> = records.iter().filter_map(|p| p.to_str()).collect();
        let text = serde_json::to_vec(&paths).map_err(Error::encode)?;
        let path = ensure_state_dir(root)?.join("tmp").join(NEW_RECORDS);
        let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        file.write_all(&text)
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&path, e))?;
        Ok(NewRecords(path))
    }

    /// Every record is in place: the note is no longer needed.
    pub fn done(self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Removes the records a killed (or failed) batch put in place. They
/// were new when it began under the lock, so nobody else wrote them.
pub fn undo_new_records(root: &Path, records: &[String]) {
    for record in records {
        let contained = !record.contains("..") && !Path::new(record).is_absolute();
        if contained {
            let _ = std::fs::remove_file(root.join(record));
        }
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

/// The note a writer leaves while it puts new attachments in place before
/// their record: a writer killed between the two leaves attachments no
/// record names, which the next writer removes (`clear_leftovers`).
const INTENT: &str = "attachments.intent";

/// New attachments being put in place for the record at `record`.
pub struct Intent(PathBuf);

impl Intent {
    /// Notes, durably, that `attachments` (which do not exist yet) are
    /// about to be put in place for `record`.
    pub fn note(root: &Path, record: &Path, attachments: &[&Path]) -> Result<Intent> {
        let paths: Vec<&str> = std::iter::once(record)
            .chain(attachments.iter().copied())
            .filter_map(Path::to_str)
            .collect();
        let text = serde_json::to_vec(&paths).map_err(Error::encode)?;
        let path = ensure_state_dir(root)?.join("tmp").join(INTENT);
        let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        file.write_all(&text)
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&path, e))?;
        Ok(Intent(path))
    }

    /// The record is in place: the note is no longer needed.
    pub fn done(self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Removes the attachments a killed writer put in place for a record it
/// never wrote: those its note names that the record on disk does not.
/// A record that cannot be read keeps them (better a stray than a loss).
fn undo_intent(root: &Path, note: &Path) {
    let Some(paths) = std::fs::read(note)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
    else {
        return;
    };
    let Some((record, attachments)) = paths.split_first() else {
        return;
    };
    let named = match std::fs::read_to_string(root.join(record)) {
        Ok(text) => match serde_yaml::from_str::<serde_yaml::Value>(&text) {
            Ok(value) => strings(&value),
            Err(_) => return,
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(_) => return,
    };
    for attachment in attachments {
        let contained = !attachment.contains("..") && !Path::new(attachment).is_absolute();
        if contained && !named.contains(attachment) {
            let path = root.join(attachment);
            let _ = std::fs::remove_file(&path);
            if let Some(dir) = path.parent() {
                // Only an empty folder goes.
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

/// Every string in a YAML value.
fn strings(value: &serde_yaml::Value) -> Vec<String> {
    match value {
        serde_yaml::Value::String(s) => vec![s.clone()],
        serde_yaml::Value::Sequence(items) => items.iter().flat_map(strings).collect(),
        serde_yaml::Value::Mapping(map) => map.values().flat_map(strings).collect(),
        serde_yaml::Value::Tagged(tagged) => strings(&tagged.value),
        _ => Vec::new(),
    }
}

/// Removes temporary files a killed writer left in `.taizhang/tmp/`, and
/// undoes its half-placed attachments. Only writers use that folder and
/// they hold the write lock, so whoever holds it now knows every file there
/// is abandoned. Failure is harmless.
pub fn clear_leftovers(root: &Path) {
    let dir = root.join(STATE_DIR).join("tmp");
    let note = dir.join(INTENT);
    if note.is_file() {
        undo_intent(root, &note);
    }
    let batch = dir.join(NEW_RECORDS);
    if let Some(records) = std::fs::read(&batch)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
    {
        undo_new_records(root, &records);
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
