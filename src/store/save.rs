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

/// Removes temporary files a killed writer left in `.taizhang/tmp/`. Only
/// writers use that folder and they hold the write lock, so whoever holds
/// it now knows every file there is abandoned. Failure is harmless.
pub fn clear_leftovers(root: &Path) {
    let dir = root.join(STATE_DIR).join("tmp");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
