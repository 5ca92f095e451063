//! The copy of a record a clerk corrects in an editor (`edit` without
//! `--set`): kept under `.taizhang/` (git-ignored, inside the register, so
//! a classified record's text never lands in a shared temporary folder),
//! readable by its owner alone, removed when done.

use std::path::{Path, PathBuf};

use crate::model::id::Id;
use crate::store::error::{Error, Result};
use crate::store::{Register, save};

/// A record's text copied for editing.
pub struct Draft {
    file: tempfile::TempPath,
    /// The record file's text when it was copied.
    pub original: String,
}

impl Draft {
    /// Copies the file of `id` to a new draft.
    pub fn open(register: &Register, id: &Id) -> Result<Draft> {
        let original = current(register, id)?;
        let dir = save::ensure_state_dir(&register.root)?;
        let file = tempfile::Builder::new()
            .prefix(&format!("edit-{id}-"))
            .suffix(".yaml")
            .tempfile_in(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        std::fs::write(file.path(), &original).map_err(|e| Error::io(file.path(), e))?;
        Ok(Draft {
            file: file.into_temp_path(),
            original,
        })
    }

    /// Where the draft is, for the editor.
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// The draft's text as the editor left it.
    pub fn read(&self) -> Result<String> {
        std::fs::read_to_string(&self.file).map_err(|e| Error::io(self.path(), e))
    }

    /// Keeps the draft past the command (the clerk's work, when it could
    /// not be saved); returns where it is.
    pub fn keep(self) -> PathBuf {
        let path = self.file.to_path_buf();
        match self.file.keep() {
            Ok(path) => path,
            Err(_) => path,
        }
    }
}

/// The text of `id`'s file now.
pub fn current(register: &Register, id: &Id) -> Result<String> {
    let relative = register
        .relative_path(id)
        .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
    let path = register.contained(&relative)?;
    std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound { id: id.to_string() },
        _ => Error::io(&path, e),
    })
}
