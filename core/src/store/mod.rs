//! The register on disk: finding it, reading records, and changing it
//! safely — locked, atomic, one git commit per command.
//!
//! Nothing outside this module touches the register's files.

pub mod attach;
pub mod cache;
pub mod calendar;
pub mod draft;
pub mod error;
pub mod fidelity;
pub mod git;
pub mod init;
pub mod load;
pub mod lock;
pub mod numbering;
pub mod parse;
pub mod register;
pub mod report;
pub mod save;
pub mod seal;
pub mod settings;
pub mod sheet;
pub mod sync;
pub mod undo;
mod walk;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::model;
use crate::model::id::Id;
use crate::model::record::Record;
use crate::store::error::{Error, Result};
pub use load::{
    Checks, Loaded, Need, Problem, Snapshot, Walked, levels_of, load_all, load_checked, load_one,
    load_where,
};
pub use register::{ReadStep, Reading, Register, Runtime};

/// A change in progress: holds the write lock, stages every file it
/// writes, and at the end puts them all in place at once (all or nothing
/// across a kill, `save::place_all`) and commits them together.
#[derive(Debug)]
pub struct Change<'a> {
    register: &'a Register,
    _lock: lock::WriteLock,
    touched: Vec<PathBuf>,
    /// Records and attachments written, flushed, not yet in place: nothing
    /// of the change is visible before `finish`, so a refusal at any step
    /// leaves the register untouched.
    staged: Vec<save::Staged>,
    /// IDs that records of this change, or of a killed writer's change
    /// finished in `begin`, refer to: never handed out by `allocate`.
    referenced: Vec<Id>,
    /// Whether `finish` commits: not `--no-commit`, `git.autocommit` on,
    /// and the register in a git work tree (`git::preflight`).
    commit: bool,
    /// `git.sync_on_write`: pulled before allocating, pushes after the
    /// commit. Holds why the pull failed, if it did (offline …), so the
    /// change is kept locally with one warning.
    shared: Option<Option<Error>>,
    /// Archived records this change may write (`archive undo`): every
    /// other archived record is frozen (`save` refuses it).
    thawed: Vec<Id>,
    /// How classified text is written: the register's `[secrecy]`
    /// policy, and an identity where sealed text must be opened
    /// (`secrecy rekey`, `scrub`).
    sealer: seal::Sealer,
    /// The records whose text `sealer` withheld or sealed, told once the
    /// change is in place unless the command tells it its own way.
    seal_notes: Vec<seal::SealNote>,
    tell_seals: bool,
}

impl<'a> Change<'a> {
    /// Takes the write lock, and first finishes a change a killed writer
    /// left half in place (`save::recover`). `commit` is false for
    /// `--no-commit`. A change that will commit first makes sure it can
    /// (`git::preflight`).
    pub fn begin(register: &'a Register, commit: bool) -> Result<Change<'a>> {
        let lock = lock::WriteLock::acquire(&register.root, register.runtime.lock_wait)?;
        let in_repository = commit
            && register.config.git.autocommit
            && git::preflight(&register.root, register.runtime.now)?;
        let finished = save::recover(&register.root)?;
        save::clear_leftovers(&register.root);
        let shared =
            (commit && sync::shares_on_write(register)).then(|| sync::pull_before_write(register));
        let mut change = Change {
            register,
            _lock: lock,
            touched: Vec::new(),
            staged: Vec::new(),
            referenced: Vec::new(),
            commit: in_repository,
            shared,
            thawed: Vec::new(),
            sealer: seal::Sealer {
                policy: register.config.secrecy.titles,
                ..seal::Sealer::default()
            },
            seal_notes: Vec::new(),
            tell_seals: true,
        };
        for relative in finished {
            let id = relative.file_name().and_then(walk::id_of);
            if let Some(record) = id.and_then(|id| load_one(register, &id).ok()) {
                change.refers(&record);
            }
        }
        Ok(change)
    }

    /// Notes the IDs `record` refers to, so that `allocate` never hands
    /// one out: a command calls this for a record it links to a new one
    /// before allocating the new one's ID.
    pub fn refers(&mut self, record: &Record) {
        self.referenced.extend(record.linked_ids());
    }

    /// The next free ID for `prefix` in `year`: one past the highest
    /// sequence number on disk, skipping any ID a record of this change
    /// (or of the change finished in `begin`) refers to. Reads file names
    /// only, never records.
    ///
    /// IDs that records refer to elsewhere in the register are skipped as
    /// far as the last `check` saw them: it notes every dangling link in
    /// `.taizhang/dangling`, a file of a few bytes read here. Reading every
    /// record instead would cost, at 100,000 records, what `remind` does
    /// (~200 ms, from the cache) on every write — beyond the 150 ms a write
    /// may take over a bare git commit
    /// (docs/exit-codes-and-performance.md). The links the tool itself
    /// writes can no longer dangle (a change is all or nothing); what is
    /// left is a link a clerk typed, or a record deleted by hand, since the
    /// last `check` — which `check` then reports.
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
                    let id = walk::id_of(&entry.file_name())
                        .filter(|id| id.prefix() == probe.prefix() && id.year() == year);
                    if let Some(id) = id {
                        highest = highest.max(id.seq());
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&dir, e)),
        }
        let dangling = read_dangling(&self.register.root);
        let mut id = Id::new(prefix, year, highest + 1);
        while self.referenced.contains(&id) || dangling.contains(&id) {
            id = Id::new(prefix, year, id.seq() + 1);
        }
        Ok(id)
    }

    /// Writes classified text again as a whole (`secrecy rekey`,
    /// `scrub`, `recipients add`): sealed text is opened with `identity`
    /// where it must be written anew, sealed to `recipients` (when given:
    /// the new set) even if sealed already when `reseal`, in clear under
    /// `plain`. The command tells what it did as a whole
    /// ([`Change::seal_notes`]), not one note per record.
    pub fn reseal(
        &mut self,
        identity: Option<seal::Identity>,
        recipients: Option<Vec<age::x25519::Recipient>>,
        reseal: bool,
    ) {
        self.sealer.identity = identity;
        self.sealer.reseal = reseal;
        if let Some(recipients) = recipients {
            self.sealer.recipients = recipients;
        }
        self.tell_seals = false;
    }

    /// The records whose classified text this change withheld or sealed.
    pub fn seal_notes(&self) -> &[seal::SealNote] {
        &self.seal_notes
    }

    /// Lets this change write the archived record `id`: only `archive
    /// undo` does, to take it out of the archive.
    pub fn thaw(&mut self, id: &Id) {
        self.thawed.push(id.clone());
    }

    /// Writes a record to its file — staged, put in place by `finish`.
    /// Refuses to replace a file that holds another record (its `id`
    /// disagrees with its name): the identity of a record is its file.
    /// Refuses to change a document whose file says it is archived, unless
    /// the change `thaw`ed it: an archived record is frozen, whichever
    /// command tries (docs/archiving.md).
    pub fn save(&mut self, record: &Record) -> Result<()> {
        self.write(record, false)
    }

    /// `save`, but a record whose file would come out the same is left
    /// alone (not staged, not committed): for rewriting many records
    /// under the `[secrecy]` policy (`secrecy scrub`, `rekey`), most of
    /// which may be as the policy wants already.
    pub fn save_if_changed(&mut self, record: &Record) -> Result<()> {
        self.write(record, true)
    }

    fn write(&mut self, record: &Record, only_if_changed: bool) -> Result<()> {
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
            .map_err(|e| Error::internal(format_args!("{}: {e}", record.id())))?;
        let old = self.read_old(&relative);
        let keep = match &old {
            Some((text, old)) => {
                let says = old.get("id").and_then(|v| v.as_str()).and_then(Id::parse);
                if let Some(says) = says.filter(|says| says != record.id()) {
                    return Err(Error::IdMismatch {
                        path: self.register.root.join(&relative),
                        name: record.id().to_string(),
                        says: says.to_string(),
                    });
                }
                self.refuse_frozen(record, old)?;
                keep_hand_added(text, old, record, &mut value)
            }
            None => yaml::Keep::default(),
        };
        self.refuse_new_errors(record, &relative, old.as_ref().map(|(_, old)| old))?;
        self.seal(record, &mut value)?;
        let text = yaml::to_string_keeping(&value, &keep);
        if only_if_changed && old.as_ref().is_some_and(|(old, _)| *old == text) {
            return Ok(());
        }
        fidelity::fits(&relative, &text)?;
        let staged = save::stage(&self.register.root, &relative, text.as_bytes())?;
        // Saved twice in one change: the later content wins.
        self.staged.retain(|s| s.relative() != relative);
        self.staged.push(staged);
        self.refers(record);
        // Not on disk yet: a second record allocated in this change
        // (a repeat's next occurrence, `recur`) must not take its ID.
        self.referenced.push(record.id().clone());
        if !self.touched.contains(&relative) {
            self.touched.push(relative);
        }
        Ok(())
    }

    /// Writes many new records at once (an import), staged with the rest
    /// of the change and put in place by `finish` under its journal: a
    /// writer killed meanwhile leaves them to the next one, which puts the
    /// rest in place. Every file is checked and encoded before any is
    /// written; a record whose file exists is refused. The files are
    /// flushed together (`save::stage_many`); `staged` is called once per
    /// record flushed.
    pub fn save_new(&mut self, records: &[Record], staged: &(dyn Fn() + Sync)) -> Result<()> {
        let mut files = Vec::with_capacity(records.len());
        for record in records {
            let relative =
                self.register
                    .relative_path(record.id())
                    .ok_or_else(|| Error::UnknownPrefix {
                        prefix: record.id().prefix().to_string(),
                    })?;
            let path = self.register.contained(&relative)?;
            if path.exists() || self.touched.contains(&relative) {
                return Err(Error::io(
                    path,
                    std::io::Error::from(std::io::ErrorKind::AlreadyExists),
                ));
            }
            self.refuse_new_errors(record, &relative, None)?;
            let mut value = record
                .to_value()
                .map_err(|e| Error::internal(format_args!("{}: {e}", record.id())))?;
            self.seal(record, &mut value)?;
            let text = yaml::to_string(&value);
            fidelity::fits(&relative, &text)?;
            files.push((relative, text.into_bytes()));
        }
        let written = save::stage_many(&self.register.root, &files, staged)?;
        self.staged.extend(written);
        for record in records {
            self.refers(record);
        }
        self.touched
            .extend(files.into_iter().map(|(relative, _)| relative));
        Ok(())
    }

    /// The register's settings (`taizhang.toml`) as text, read under this
    /// change's lock, for a command that appends to them (`book declare`).
    pub fn settings_text(&self) -> Result<String> {
        let path = self.register.root.join(register::SETTINGS_FILE);
        std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))
    }

    /// Replaces the settings with `text`, staged with the rest of the
    /// change and committed with it. Text that does not read as settings
    /// (the loader's own rules), or that brings a problem `check` would
    /// report on the settings, is refused before anything is written.
    pub fn save_settings(&mut self, text: &str) -> Result<()> {
        let relative = PathBuf::from(register::SETTINGS_FILE);
        let config = register::parse_config(text).map_err(|problem| Error::BadConfig {
            path: self.register.root.join(&relative),
            problem,
        })?;
        let new = model::settings::check::new_problems(&self.register.config, &config);
        if let Some(problem) = new.into_iter().next() {
            return Err(model::settings::SettingsError::WouldBreak(problem).into());
        }
        self.stage_file(relative, text.as_bytes())
    }

    /// Writes the archive ledger (`numbering::ARCHIVE_LEDGER`), staged
    /// with the records filed and committed with them: a number is in the
    /// ledger exactly when a commit gave it out.
    pub fn save_ledger(&mut self, given: &model::archive::Given) -> Result<()> {
        let relative = PathBuf::from(numbering::ARCHIVE_LEDGER);
        self.register.contained(&relative)?;
        self.stage_file(relative, numbering::ledger_text(given).as_bytes())
    }

    /// Stages a file of the register that is not a record; the later
    /// content wins when staged twice.
    fn stage_file(&mut self, relative: PathBuf, bytes: &[u8]) -> Result<()> {
        let staged = save::stage(&self.register.root, &relative, bytes)?;
        self.staged.retain(|s| s.relative() != relative);
        self.staged.push(staged);
        if !self.touched.contains(&relative) {
            self.touched.push(relative);
        }
        Ok(())
    }

    /// Makes the file tree `value` of `record` obey the register's
    /// `[secrecy] titles` policy (`seal::apply`): the one place every
    /// writer passes. Under `plain` nothing is read or changed.
    fn seal(&mut self, record: &Record, value: &mut serde_yaml::Value) -> Result<()> {
        use crate::model::secret::TitlePolicy;
        let policy = self.sealer.policy.unwrap_or(TitlePolicy::Plain);
        let opens = self.sealer.identity.is_some();
        if policy == TitlePolicy::Plain && !opens {
            return Ok(());
        }
        let level = self.effective_level(record, value);
        if !level.is_classified() {
            return Ok(());
        }
        if policy == TitlePolicy::Encrypted && self.sealer.recipients.is_empty() {
            let keys = &self.register.config.secrecy.recipients;
            self.sealer.recipients = seal::recipients(keys)?;
        }
        let id = record.id().to_string();
        let reference = (record.reference())
            .filter(|r| !r.trim().is_empty())
            .unwrap_or(&id)
            .to_string();
        let paths = seal::text_paths(record, &self.register.config);
        let applied = seal::apply(value, &id, level, &reference, &paths, &self.sealer)?;
        if applied.withheld + applied.sealed > 0 {
            self.seal_notes.retain(|n| n.id != *record.id());
            self.seal_notes.push(seal::SealNote {
                id: record.id().clone(),
                level,
                policy,
                applied,
            });
        }
        Ok(())
    }

    /// A record's effective level: the highest of its own (as its file
    /// states it: a logbook entry may declare one) and of the records it
    /// refers to, so a follow-up from a classified paper is classified.
    fn effective_level(
        &self,
        record: &Record,
        value: &serde_yaml::Value,
    ) -> model::keyword::Secrecy {
        let own = record
            .secrecy()
            .max(crate::model::secret::stored_level(value));
        record.linked_ids().fold(own, |level, id| {
            let linked = (self.register.relative_path(&id))
                .and_then(|relative| self.read_old(&relative))
                .map(|(_, raw)| crate::model::secret::stored_level(&raw));
            level.max(linked.unwrap_or_default())
        })
    }

    /// Refuses to replace the file of an archived document (`old`, as
    /// stored) unless this change thawed it.
    fn refuse_frozen(&self, record: &Record, old: &serde_yaml::Value) -> Result<()> {
        let status = old.get("status").and_then(|v| v.as_str());
        let number = old
            .get("archive")
            .and_then(|a| a.get("number"))
            .and_then(|n| n.as_str());
        self.frozen(record, status, number)
    }

    /// Loads a record this change is about to change: an archived
    /// document is refused at once, naming its archive number, before a
    /// command's own rules could refuse it less clearly (`save` refuses it
    /// in any case).
    pub fn load(&self, id: &Id) -> Result<Record> {
        let record = load_one(self.register, id)?;
        let number = crate::model::archive::block(&record).map(|b| b.number.as_str());
        self.frozen(&record, Some(record.status()), number)?;
        Ok(record)
    }

    /// Refuses a document whose stored `status` is archived, unless thawed.
    fn frozen(&self, record: &Record, status: Option<&str>, number: Option<&str>) -> Result<()> {
        use crate::model::kind::Kind;
        let document = matches!(record.kind(), Kind::Incoming | Kind::Outgoing);
        if !document || status != Some("archived") || self.thawed.contains(record.id()) {
            return Ok(());
        }
        Err(Error::Archive(
            crate::model::archive::ArchiveError::Frozen {
                id: record.id().to_string(),
                number: number.unwrap_or_default().to_string(),
            },
        ))
    }

    /// Refuses to write a record with an error `check` would report that
    /// its file did not have: every command refuses such values itself,
    /// and this is the last guard, so that no slip of one ever reaches the
    /// register. A flaw the file already had does not stop a change (the
    /// clerk may be fixing another field); a file the store cannot read as
    /// a record is `check`'s to report, not compared.
    fn refuse_new_errors(
        &self,
        record: &Record,
        relative: &Path,
        old: Option<&serde_yaml::Value>,
    ) -> Result<()> {
        use crate::model::validate::{errors, new_errors};
        let config = &self.register.config;
        let findings = match old {
            None if self.register.root.join(relative).exists() => return Ok(()),
            None => errors(record, config),
            // The YAML `read_old` parsed, not the text again.
            Some(value) => match Record::deserialize_as(value, record.kind(), record.book()) {
                Ok(old) => new_errors(&old, record, config),
                Err(_) => return Ok(()),
            },
        };
        if findings.is_empty() {
            return Ok(());
        }
        Err(Error::BreaksCheck {
            id: record.id().to_string(),
            findings,
        })
    }

    /// The file being replaced, as text and plain YAML, if it can be read.
    fn read_old(&self, relative: &Path) -> Option<(String, serde_yaml::Value)> {
        let text = std::fs::read_to_string(self.register.root.join(relative)).ok()?;
        if text.len() as u64 > parse::MAX_FILE_BYTES || yaml::too_deep(&text).is_some() {
            return None;
        }
        let raw = serde_yaml::from_str::<serde_yaml::Value>(&text).ok()?;
        Some((text, raw))
    }

    /// Copies `sources` into the record's attachments folder. Every file
    /// is read and checked before any is written; the copies are put in
    /// place with the records, by `finish`.
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

    /// Puts every file of the change in place, all or nothing across a
    /// kill, then commits them, if the register commits. A failure to put
    /// them in place is returned as it is; a failed commit as
    /// `Error::CommitFailed` (the files are saved).
    pub fn finish(self, message: &str) -> Result<()> {
        self.finish_shared(message).map(drop)
    }

    /// `finish`, then, with `git.sync_on_write`, shares the commit; returns
    /// the IDs sharing renumbered (the remote had taken them meanwhile).
    pub fn finish_shared(mut self, message: &str) -> Result<model::renumber::Renumbering> {
        save::place_all(&self.register.root, std::mem::take(&mut self.staged))?;
        if let Some(told) = self.register.sealed.as_ref().filter(|_| self.tell_seals) {
            self.seal_notes.iter().for_each(|note| (told.0)(note));
        }
        if !self.commit || self.touched.is_empty() {
            return Ok(Default::default());
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
        })?;
        Ok(match self.shared.take() {
            Some(pulled) => sync::push_after_write(self.register, pulled),
            None => Default::default(),
        })
    }
}

/// Where `check` notes the IDs that records refer to but no file holds.
const DANGLING: &str = "dangling";

/// Notes `ids` (links that lead nowhere) for `allocate` to skip. Local
/// state, not a source of truth: failing to write it is silent.
pub fn note_dangling(register: &Register, ids: &[Id]) {
    if ids.is_empty() {
        let path = register.root.join(register::STATE_DIR).join(DANGLING);
        let _ = std::fs::remove_file(path);
        return;
    }
    let text: Vec<String> = ids.iter().map(Id::to_string).collect();
    if let Ok(bytes) = serde_json::to_vec(&text) {
        save::keep_state(&register.root, DANGLING, &bytes);
    }
}

/// The IDs the last `check` found linked to but missing.
fn read_dangling(root: &Path) -> Vec<Id> {
    let path = root.join(register::STATE_DIR).join(DANGLING);
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| Id::parse(s))
        .collect()
}

/// A change a killed writer left half in place, as `check` finds it.
#[derive(Debug)]
pub enum Pending {
    /// None was pending.
    None,
    /// One was, and is now finished: these files were put in place.
    Finished(Vec<PathBuf>),
    /// One is pending, and another command holds the write lock (it
    /// finishes the change before its own): these files are in question.
    Busy(Vec<PathBuf>),
    /// One is pending and could not be finished (a rename failed): these
    /// files are in question.
    Left(Vec<PathBuf>),
}

/// Finishes a pending change if the write lock can be had without
/// waiting; for `check`, which must not wait behind a writer.
pub fn finish_pending(register: &Register) -> Pending {
    let Some(targets) = save::pending(&register.root) else {
        return Pending::None;
    };
    let _lock = match lock::WriteLock::try_acquire(&register.root) {
        Ok(Some(lock)) => lock,
        Ok(None) => return Pending::Busy(targets),
        Err(_) => return Pending::Left(targets),
    };
    match save::recover(&register.root) {
        Ok(done) => {
            save::clear_leftovers(&register.root);
            Pending::Finished(done)
        }
        Err(_) => Pending::Left(targets),
    }
}

/// Keys a clerk added by hand inside entries the tool knows (a remark on a
/// history line, a reviewer on a progress note) have no field to live in
/// once the record is read, so they are taken from the file being replaced
/// (`text`, `raw`): hand-added keys survive a rewrite
/// (docs/register-format.md).
/// Top-level unknown keys are kept by the record itself. Returns the
/// typed text of the values under unknown keys, to be written again as it
/// was (`fidelity::source_texts`).
fn keep_hand_added(
    text: &str,
    raw: &serde_yaml::Value,
    record: &Record,
    new: &mut serde_yaml::Value,
) -> yaml::Keep {
    let Ok(old) = Record::from_yaml(text, record.kind(), record.book()) else {
        return yaml::Keep::default();
    };
    let Ok(known) = old.to_value() else {
        return yaml::Keep::default();
    };
    graft_unknown(raw, &known, new);
    fidelity::source_texts(text, raw, &known, old.extra())
}

/// Copies into `new` what the file had (`raw`) but the tool's reading of it
/// (`known`) lacks: keys the tool does not know. Sequence items pair up by
/// position, as entries are only ever appended.
pub(crate) fn graft_unknown(
    raw: &serde_yaml::Value,
    known: &serde_yaml::Value,
    new: &mut serde_yaml::Value,
) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::Record;

    fn followup(register: &Register) -> Box<crate::model::followup::Followup> {
        match load::load_one(register, &Id::parse("FU-2026-0001").unwrap()).unwrap() {
            Record::Followup(fu) => fu,
            other => panic!("{other:?}"),
        }
    }

    /// The store's last guard: a change that brings in an error `check`
    /// reports is refused before anything is staged; a change to a record
    /// that already had one is not.
    #[test]
    fn a_save_that_would_break_check_is_refused_and_an_old_flaw_does_not_block() {
        let dir = crate::testing::example_copy();
        let mut register = Register::open(dir.path()).unwrap();
        register.config.git.autocommit = false;
        let path = dir.path().join("followups/2026/FU-2026-0001.yaml");
        let before = std::fs::read_to_string(&path).unwrap();
        let mut fu = followup(&register);
        let due = fu.due;
        fu.due = fu.assigned.yesterday().unwrap();

        let mut tx = Change::begin(&register, false).unwrap();
        let refused = tx.save(&Record::Followup(fu.clone()));
        assert!(
            matches!(&refused, Err(Error::BreaksCheck { id, .. }) if id == "FU-2026-0001"),
            "{refused:?}"
        );
        drop(tx);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

        // The same flaw already in the file: another change goes through.
        let flawed = before.replacen(&format!("due: {due}"), &format!("due: {}", fu.due), 1);
        assert_ne!(flawed, before);
        std::fs::write(&path, flawed).unwrap();
        let mut fu = followup(&register);
        fu.title.push_str("（更正）");
        let mut tx = Change::begin(&register, false).unwrap();
        tx.save(&Record::Followup(fu)).unwrap();
    }
}
