//! Writing files atomically (DESIGN §6.1).
//!
//! The new content goes to a temporary file under `.taizhang/tmp/` (same
//! file system, ignored by git), is flushed to disk, then renamed over the
//! target. A process killed at any instant leaves the old file or the new
//! one, never a torn one, and no stray file in the register's folders.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::store::register::STATE_DIR;

/// Writes `content` to `root/relative` atomically.
pub fn write_atomic(root: &Path, relative: &Path, content: &[u8]) -> Result<()> {
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
    tmp.persist(&target)
        .map_err(|e| Error::io(&target, e.error))?;
    // Make the rename itself durable; failure here loses nothing already
    // visible, so it is not worth failing the command for.
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    Ok(())
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
