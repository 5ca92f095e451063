//! The register on disk: finding it, reading records, and changing it
//! safely — locked, atomic, one git commit per command.
//!
//! Nothing outside this module touches the register's files.

pub mod attach;
pub mod cache;
pub mod calendar;
pub mod git;
pub mod load;
pub mod lock;
pub mod parse;
pub mod register;
pub mod save;
pub mod sheet;
mod walk;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::record::Record;
pub use load::{Loaded, Need, Problem, Snapshot, load_all, load_one, load_where};
pub use register::Register;

/// A change in progress: holds the write lock, remembers the files it
/// wrote, and commits them together at the end.
#[derive(Debug)]
pub struct Change<'a> {
    register: &'a Register,
    _lock: lock::WriteLock,
    touched: Vec<PathBuf>,
    /// Attachments written but not yet in place: they are renamed in just
    /// before the record that lists them, so a process killed meanwhile
    /// leaves no attachment without its record.
    staged: Vec<save::Staged>,
    commit: bool,
}

impl<'a> Change<'a> {
    /// Takes the write lock. `commit` is false for `--no-commit`.
    pub fn begin(register: &'a Register, commit: bool) -> Result<Change<'a>> {
        let lock = lock::WriteLock::acquire(&register.root)?;
        save::clear_leftovers(&register.root);
        Ok(Change {
            register,
            _lock: lock,
            touched: Vec::new(),
            staged: Vec::new(),
            commit,
        })
    }

    /// The next free ID for `prefix` in `year`: one past the highest
    /// sequence number on disk. Reads file names only, never records.
    pub fn allocate(&self, prefix: &str, year: i16) -> Result<Id> {
        let probe = Id::new(prefix, year, 1);
        let dir = self
            .register
            .relative_dir(&probe)
            .ok_or_else(|| Error::UnknownPrefix {
                prefix: prefix.to_string(),
            })?;
        let dir = self.register.root.join(dir);
        let mut highest = 0;
        match std::fs::read_dir(&dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let name = entry.file_name();
                    let id = name
                        .to_str()
                        .and_then(|n| n.strip_suffix(".yaml"))
                        .and_then(Id::parse)
                        .filter(|id| id.prefix() == probe.prefix() && id.year() == year);
                    if let Some(id) = id {
                        highest = highest.max(id.seq());
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&dir, e)),
        }
        Ok(Id::new(prefix, year, highest + 1))
    }

    /// Writes a record to its file.
    pub fn save(&mut self, record: &Record) -> Result<()> {
        let relative = self
            .register
            .relative_path(record.id())
            .ok_or_else(|| Error::NotFound {
                id: record.id().to_string(),
            })?;
        // Refuse a path through a symbolic link before writing anything.
        self.register.contained(&relative)?;
        let mut value = record
            .to_value()
            .map_err(|e| Error::encode(format_args!("{}: {e}", record.id())))?;
        self.keep_hand_added(&relative, record, &mut value);
        let text = yaml::to_string(&value);
        let staged = save::stage(&self.register.root, &relative, text.as_bytes())?;
        // Attachments first, the record last, nothing slow in between; new
        // attachments are noted first, so a writer killed in between leaves
        // nothing the next one cannot undo.
        let root = &self.register.root;
        let new: Vec<&Path> = (self.staged.iter())
            .map(save::Staged::relative)
            .filter(|relative| !root.join(relative).exists())
            .collect();
        let intent = if new.is_empty() {
            None
        } else {
            Some(save::Intent::note(root, &relative, &new)?)
        };
        let mut dirs = Vec::new();
        for attachment in std::mem::take(&mut self.staged) {
            dirs.push(attachment.rename(root)?);
        }
        dirs.push(staged.rename(root)?);
        if let Some(intent) = intent {
            intent.done();
        }
        dirs.dedup();
        for dir in dirs {
            save::sync_dir(&dir);
        }
        if !self.touched.contains(&relative) {
            self.touched.push(relative);
        }
        Ok(())
    }

    /// Writes many new records at once (an import): each is written to a
    /// temporary file, all are flushed together, then renamed into place
    /// under a note that lets the next writer remove them should this one
    /// be killed meanwhile. A record whose file exists is refused before
    /// anything is written. `placed` is called once per record in place.
    pub fn save_new(&mut self, records: &[Record], placed: &dyn Fn()) -> Result<()> {
        let root = &self.register.root;
        let mut texts = Vec::with_capacity(records.len());
        for record in records {
            let relative =
                self.register
                    .relative_path(record.id())
                    .ok_or_else(|| Error::UnknownPrefix {
                        prefix: record.id().prefix().to_string(),
                    })?;
            let path = self.register.contained(&relative)?;
            if path.exists() {
                return Err(Error::io(
                    path,
                    std::io::Error::from(std::io::ErrorKind::AlreadyExists),
                ));
            }
            let value = record
                .to_value()
                .map_err(|e| Error::encode(format_args!("{}: {e}", record.id())))?;
            texts.push((relative, yaml::to_string(&value)));
        }
        save::ensure_state_dir(root)?;
        std::fs::create_dir_all(root.join(register::STATE_DIR).join("tmp"))
            .map_err(|e| Error::io(root.join(register::STATE_DIR), e))?;
        let staged = texts
            .iter()
            .map(|(relative, text)| save::stage_closed(root, relative, text.as_bytes()))
            .collect::<Result<Vec<_>>>()?;
        let files: Vec<&Path> = staged.iter().map(save::StagedClosed::path).collect();
        save::sync_files(&files)?;
        let relatives: Vec<PathBuf> = staged.iter().map(|s| s.relative().to_path_buf()).collect();
        let refs: Vec<&Path> = relatives.iter().map(PathBuf::as_path).collect();
        let note = save::NewRecords::note(root, &refs)?;
        let mut dirs = Vec::new();
        for (i, file) in staged.into_iter().enumerate() {
            match file.rename(root) {
                Ok(dir) => {
                    if dirs.last() != Some(&dir) {
                        dirs.push(dir);
                    }
                    placed();
                }
                Err(e) => {
                    let done: Vec<String> = relatives[..i]
                        .iter()
                        .filter_map(|p| p.to_str().map(str::to_string))
                        .collect();
                    save::undo_new_records(root, &done);
                    note.done();
                    return Err(e);
                }
            }
        }
        dirs.dedup();
        for dir in dirs {
            save::sync_dir(&dir);
        }
        note.done();
        self.touched.extend(relatives);
        Ok(())
    }

    /// Keys a clerk added by hand inside entries the tool knows (a remark
    /// on a history line, a reviewer on a progress note) have no field to
    /// live in once the record is read, so they are taken from the file
    /// being replaced (DESIGN §6.3: hand-added keys survive a rewrite).
    /// Top-level unknown keys are kept by the record itself.
    fn keep_hand_added(&self, relative: &Path, record: &Record, new: &mut serde_yaml::Value) {
        let Ok(text) = std::fs::read_to_string(self.register.root.join(relative)) else {
            return;
        };
        if text.len() as u64 > parse::MAX_FILE_BYTES || yaml::too_deep(&text).is_some() {
            return;
        }
        let Ok(raw) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
            return;
        };
        let known =
            Record::from_yaml(&text, record.kind(), record.book()).and_then(|old| old.to_value());
        if let Ok(known) = known {
            graft_unknown(&raw, &known, new);
        }
    }

    /// Copies `sources` into the record's attachments folder. Every file
    /// is read and checked before any is written; the copies are put in
    /// place just before the next record is saved.
    pub fn attach_all(
        &mut self,
        id: &Id,
        sources: &[std::path::PathBuf],
    ) -> Result<Vec<crate::model::incoming::Attachment>> {
        let mut prepared = Vec::new();
        for source in sources {
            let (relative, bytes, attachment) = attach::prepare(&self.register.root, id, source)?;
            self.register.contained(&relative)?;
            if prepared.iter().any(|(r, _, _)| *r == relative) {
                return Err(Error::AttachmentTwice {
                    path: source.clone(),
                });
            }
            prepared.push((relative, bytes, attachment));
        }
        let mut attachments = Vec::new();
        for (relative, bytes, attachment) in prepared {
            let staged = save::stage(&self.register.root, &relative, &bytes)?;
            self.staged.push(staged);
            self.touched.push(relative);
            attachments.push(attachment);
        }
        Ok(attachments)
    }

    /// Renames staged attachments into place.
    fn place_staged(&mut self) -> Result<()> {
        for staged in std::mem::take(&mut self.staged) {
            staged.persist(&self.register.root)?;
        }
        Ok(())
    }

    /// Commits what was written, if the register commits. `what` names the
    /// change for the error message should the commit fail.
    pub fn finish(mut self, message: &str) -> Result<()> {
        self.place_staged()?;
        let settings = &self.register.config.git;
        if !self.commit || !settings.autocommit || self.touched.is_empty() {
            return Ok(());
        }
        if !git::is_work_tree(&self.register.root) {
            return Ok(());
        }
        git::commit(&self.register.root, &self.touched, message).map_err(|message| {
            Error::CommitFailed {
                what: self
                    .touched
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                message,
            }
        })
    }
}

/// Copies into `new` what the file had (`raw`) but the tool's reading of it
/// (`known`) lacks: keys the tool does not know. Sequence items pair up by
/// position, as entries are only ever appended.
fn graft_unknown(raw: &serde_yaml::Value, known: &serde_yaml::Value, new: &mut serde_yaml::Value) {
    use serde_yaml::Value;
    match (raw, known, new) {
        (Value::Mapping(raw), Value::Mapping(known), Value::Mapping(new)) => {
            for (key, value) in raw {
                match (known.get(key), new.get_mut(key)) {
                    (Some(known), Some(new)) => graft_unknown(value, known, new),
                    (None, None) => {
                        new.insert(key.clone(), value.clone());
                    }
                    _ => {}
                }
            }
        }
        (Value::Sequence(raw), Value::Sequence(known), Value::Sequence(new)) => {
            for ((raw, known), new) in raw.iter().zip(known).zip(new.iter_mut()) {
                graft_unknown(raw, known, new);
            }
        }
        _ => {}
    }
}
