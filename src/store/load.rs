//! Reading records: one by ID, or the whole register in parallel.
//!
//! A file that cannot be read is never fatal here: it becomes a `Problem`
//! the caller reports (a warning for `list`, an error for `check`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::store::cache;
use crate::store::register::Register;

/// Files larger than this are refused unread: no real record comes close,
/// and parsing a huge hostile file would cost time and memory.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// A record file that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the register root.
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    fn whole_file(path: PathBuf, message: impl Into<String>) -> Problem {
        Problem {
            path,
            line: 0,
            column: 0,
            message: message.into(),
        }
    }

    pub fn into_error(self, root: &Path) -> Error {
        Error::Unreadable {
            path: root.join(&self.path),
            line: self.line,
            column: self.column,
            message: self.message,
        }
    }
}

/// A record and the file it came from (relative to the root).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub record: Record,
}

/// Everything read from a register.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub records: Vec<Loaded>,
    pub problems: Vec<Problem>,
    /// Files under the record folders that are not records at all.
    pub strays: Vec<PathBuf>,
}

impl Snapshot {
    pub fn find(&self, id: &Id) -> Option<&Record> {
        self.records
            .iter()
            .map(|l| &l.record)
            .find(|r| r.id() == id)
    }
}

/// Reads one record by ID.
pub fn load_one(register: &Register, id: &Id) -> Result<Record> {
    let relative = register
        .relative_path(id)
        .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
    let path = register.contained(&relative)?;
    if !path.is_file() {
        return Err(Error::NotFound { id: id.to_string() });
    }
    parse_file(register, &relative, id).map_err(|p| p.into_error(&register.root))
}

/// Reads every record of the register, in parallel, sorted by ID.
///
/// Files whose fingerprint matches the derived cache (see `cache`) are
/// taken from it; every other file is parsed. The answer is the same
/// either way.
pub fn load_all(register: &Register) -> Snapshot {
    load(register, &|_, _| true, true)
}

/// Reads the records of the kinds `want` accepts (given a kind and, for
/// logbook entries, the book's name), as `load_all` would but without
/// looking at other files. Files that are not records at all are still
/// reported. Reading less is what makes `list fu` fast on a big register.
pub fn load_matching(
    register: &Register,
    want: &(dyn Fn(Kind, Option<&str>) -> bool + Sync),
) -> Snapshot {
    if !cache_usable(register) {
        // No usable cache: a full load builds it, then keep what was asked.
        let mut all = load_all(register);
        all.records
            .retain(|l| want(l.record.kind(), l.record.book()));
        return all;
    }
    load(register, want, false)
}

fn cache_usable(register: &Register) -> bool {
    cache::Reader::open(register, cache::key(register)).is_some()
}

fn load(
    register: &Register,
    want: &(dyn Fn(Kind, Option<&str>) -> bool + Sync),
    full: bool,
) -> Snapshot {
    let now = cache::now_seconds();
    let mut snapshot = Snapshot::default();
    let files = list_files(register, want, &mut snapshot.problems);
    let key = cache::key(register);
    let mut reader = cache::Reader::open(register, key);
    let mut outcomes = Vec::with_capacity(files.len());
    let mut stale = 0usize;
    snapshot.records.reserve(files.len());
    for chunk in files.chunks(CHUNK) {
        let jobs: Vec<_> = chunk
            .iter()
            .map(|file| {
                let raw = match (&mut reader, cache::path_key(&file.relative)) {
                    (Some(reader), Some(key)) if !file.is_link => reader.take(key),
                    _ => None,
                };
                (file, raw)
            })
            .collect();
        let results: Vec<(FileResult, Origin)> = jobs
            .into_par_iter()
            .map(|(file, raw)| resolve(register, file, raw, now))
            .collect();
        for ((result, origin), file) in results.into_iter().zip(chunk) {
            // Files too fresh to cache do not call for a rewrite.
            if origin == Origin::Parsed && !file.fingerprint.is_racy(now) {
                stale += 1;
            }
            outcomes.push(keep(&mut snapshot, result, origin));
        }
    }
    let damaged = reader.as_ref().is_none_or(|r| r.damaged);
    // Only a full load may write the cache: a partial one would drop the
    // entries of the kinds it did not read.
    // Rewriting costs about as much as parsing REWRITE_AFTER files, so a
    // few stale entries are parsed again instead; in a small register any
    // stale entry is worth a rewrite.
    let threshold = REWRITE_AFTER.min(files.len() / 8 + 1);
    if full && (damaged || stale >= threshold) {
        rewrite(register, key, now, &files, &outcomes, &snapshot);
    }
    snapshot
        .records
        .sort_by(|a, b| a.record.id().cmp(b.record.id()));
    snapshot.problems.sort_by(|a, b| a.path.cmp(&b.path));
    snapshot
}

/// Files are resolved this many at a time, so that memory holds one
/// chunk of undecoded cache entries, not the whole cache.
const CHUNK: usize = 4096;

/// The cache is rewritten once this many files had to be parsed; fewer are
/// cheaper to parse again than the whole cache is to write.
const REWRITE_AFTER: usize = 32;

/// A file found under the record folders, with its fingerprint.
struct FileInfo {
    relative: PathBuf,
    is_link: bool,
    fingerprint: cache::Fingerprint,
}

/// Every file under the record folders, sorted by path (the cache's
/// order), stat-ed folder by folder in parallel.
fn list_files(
    register: &Register,
    want: &(dyn Fn(Kind, Option<&str>) -> bool + Sync),
    problems: &mut Vec<Problem>,
) -> Vec<FileInfo> {
    let mut folders = Vec::new();
    for root in register.record_roots() {
        collect_folders(register, &root, 0, &mut folders, problems);
    }
    let listed: Vec<(Vec<FileInfo>, Vec<Problem>)> = folders
        .par_iter()
        .map(|dir| list_folder(register, dir, want))
        .collect();
    let mut files = Vec::new();
    for (found, trouble) in listed {
        files.extend(found);
        problems.extend(trouble);
    }
    files.sort_by(|a, b| {
        a.relative
            .as_os_str()
            .as_encoded_bytes()
            .cmp(b.relative.as_os_str().as_encoded_bytes())
    });
    files
}

/// The folders to list: a kind's root and the folders below it, to the
/// depth where records live (and one more, to report strays there).
fn collect_folders(
    register: &Register,
    dir: &Path,
    depth: usize,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    // A record folder that is itself a link (documents -> /elsewhere) is
    // not followed: records are read only inside the register.
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        problems.push(Problem::whole_file(
            relative_to(register, dir),
            "a symbolic link; records must be plain files inside the register",
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && depth == 0 => return,
        Err(e) => {
            problems.push(Problem::whole_file(
                relative_to(register, dir),
                e.to_string(),
            ));
            return;
        }
    };
    out.push(dir.to_path_buf());
    if depth >= 2 {
        return;
    }
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect_folders(register, &entry.path(), depth + 1, out, problems);
        }
    }
}

fn relative_to(register: &Register, path: &Path) -> PathBuf {
    path.strip_prefix(&register.root)
        .unwrap_or(path)
        .to_path_buf()
}

/// The files (not folders) of one folder, with their fingerprints.
fn list_folder(
    register: &Register,
    dir: &Path,
    want: &(dyn Fn(Kind, Option<&str>) -> bool + Sync),
) -> (Vec<FileInfo>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::whole_file(
                relative_to(register, dir),
                e.to_string(),
            ));
            return (files, problems);
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Problem::whole_file(
                    relative_to(register, dir),
                    e.to_string(),
                ));
                continue;
            }
        };
        if !wanted(register, &entry.file_name(), want) {
            continue;
        }
        let relative = relative_to(register, &entry.path());
        // DirEntry::metadata does not follow links: a link is seen as one.
        match entry.metadata() {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) => files.push(FileInfo {
                relative,
                is_link: meta.file_type().is_symlink(),
                fingerprint: cache::Fingerprint::of(&meta),
            }),
            Err(e) => problems.push(Problem::whole_file(relative, e.to_string())),
        }
    }
    (files, problems)
}

/// Whether a file name is of a wanted kind; names that are not record
/// IDs are kept, to be reported.
fn wanted(
    register: &Register,
    name: &std::ffi::OsStr,
    want: &(dyn Fn(Kind, Option<&str>) -> bool + Sync),
) -> bool {
    let kind = name
        .to_str()
        .and_then(|n| n.strip_suffix(".yaml"))
        .and_then(Id::parse)
        .and_then(|id| register.kind_of(&id).map(|(kind, book)| want(kind, book)));
    kind.unwrap_or(true)
}

/// Where a file's outcome came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Decided from the path alone (stray, link, wrong folder).
    Path,
    /// Decoded from a trusted cache entry.
    Cache,
    /// Parsed from the file.
    Parsed,
}

/// The outcome for one file: from the cache when its entry is trusted,
/// else by reading the file.
fn resolve(
    register: &Register,
    file: &FileInfo,
    raw: Option<cache::RawEntry>,
    now: i64,
) -> (FileResult, Origin) {
    let id = match classify(register, &file.relative, file.is_link) {
        Ok(id) => id,
        Err(result) => return (result, Origin::Path),
    };
    let trusted =
        raw.filter(|raw| raw.fingerprint == file.fingerprint && !raw.fingerprint.is_racy(now));
    if let Some(parsed) = trusted.and_then(|raw| raw.decode(register, &id)) {
        return (outcome(file.relative.clone(), parsed), Origin::Cache);
    }
    let result = match parse_file(register, &file.relative, &id) {
        Ok(record) => FileResult::Record(Box::new(Loaded {
            path: file.relative.clone(),
            record,
        })),
        Err(problem) => FileResult::Problem(problem),
    };
    (result, Origin::Parsed)
}

fn outcome(path: PathBuf, parsed: cache::Parsed) -> FileResult {
    match parsed {
        cache::Parsed::Record(record) => FileResult::Record(Box::new(Loaded {
            path,
            record: *record,
        })),
        cache::Parsed::Problem {
            line,
            column,
            message,
        } => FileResult::Problem(Problem {
            path,
            line,
            column,
            message,
        }),
    }
}

/// Where a file's outcome went in the snapshot, for writing the cache.
enum Slot {
    Record(usize, Origin),
    Problem(usize),
    None,
}

fn keep(snapshot: &mut Snapshot, result: FileResult, origin: Origin) -> Slot {
    match result {
        FileResult::Record(loaded) => {
            snapshot.records.push(*loaded);
            Slot::Record(snapshot.records.len() - 1, origin)
        }
        FileResult::Problem(problem) => {
            snapshot.problems.push(problem);
            if origin == Origin::Path {
                Slot::None
            } else {
                Slot::Problem(snapshot.problems.len() - 1)
            }
        }
        FileResult::Stray(path) => {
            snapshot.strays.push(path);
            Slot::None
        }
    }
}

/// Writes a fresh cache from what was just loaded. Records parsed this
/// time are cached only if their JSON gives them back exactly; files
/// changed too recently to trust their fingerprint are left out.
fn rewrite(
    register: &Register,
    key: u64,
    now: i64,
    files: &[FileInfo],
    outcomes: &[Slot],
    snapshot: &Snapshot,
) {
    let entries: Vec<cache::NewEntry> = files
        .par_iter()
        .zip(outcomes.par_iter())
        .filter(|(file, _)| !file.fingerprint.is_racy(now))
        .filter_map(|(file, slot)| {
            let parsed = match slot {
                Slot::Record(i, origin) => cache::EntryBody::Record(cache::encode_record(
                    &snapshot.records[*i].record,
                    *origin != Origin::Cache,
                )?),
                Slot::Problem(i) => cache::EntryBody::Problem(&snapshot.problems[*i]),
                Slot::None => return None,
            };
            Some(cache::NewEntry {
                path: &file.relative,
                fingerprint: file.fingerprint,
                parsed,
            })
        })
        .collect();
    cache::write(register, key, &entries);
}

enum FileResult {
    Record(Box<Loaded>),
    Problem(Problem),
    Stray(PathBuf),
}

/// What a file is from its path alone: a record file with this ID, or (as
/// the error) a stray or a problem that needs no reading.
fn classify(register: &Register, relative: &Path, is_link: bool) -> Result<Id, FileResult> {
    let Some(id) = relative
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".yaml"))
        .and_then(Id::parse)
    else {
        return Err(FileResult::Stray(relative.to_path_buf()));
    };
    if is_link {
        return Err(FileResult::Problem(Problem::whole_file(
            relative.to_path_buf(),
            "a symbolic link; records must be plain files inside the register",
        )));
    }
    if register.relative_path(&id).as_deref() != Some(relative) {
        return Err(FileResult::Problem(Problem::whole_file(
            relative.to_path_buf(),
            format!(
                "{id} does not belong in this folder (expected {})",
                register
                    .relative_path(&id)
                    .map_or_else(|| "a known prefix".to_string(), |p| p.display().to_string())
            ),
        )));
    }
    Ok(id)
}

/// Reads and parses one record file, bounded in size.
fn parse_file(register: &Register, relative: &Path, id: &Id) -> Result<Record, Problem> {
    let path = register.root.join(relative);
    let problem = |message: String| Problem::whole_file(relative.to_path_buf(), message);
    let meta = std::fs::metadata(&path).map_err(|e| problem(e.to_string()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(format!(
            "file is {} bytes; records are limited to {MAX_FILE_BYTES}",
            meta.len()
        )));
    }
    let bytes = std::fs::read(&path).map_err(|e| problem(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        problem(format!(
            "not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let (kind, book) = register
        .kind_of(id)
        .ok_or_else(|| problem(format!("no record kind has the prefix {}", id.prefix())))?;
    parse_text(&text, kind, book).map_err(|(line, column, message)| Problem {
        path: relative.to_path_buf(),
        line,
        column,
        message,
    })
}

/// Parses record text; on failure gives line, column and a message
/// (line 0 when the error has no position).
pub fn parse_text(
    text: &str,
    kind: Kind,
    book: Option<&str>,
) -> Result<Record, (usize, usize, String)> {
    // Editors on Windows save UTF-8 with a byte order mark; the YAML
    // reader then misreads the first key and reports a missing field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = conflict_marker(text) {
        return Err((
            line,
            1,
            "git conflict marker: resolve the merge conflict first".into(),
        ));
    }
    if let Some((line, column)) = crate::store::yaml::too_deep(text) {
        return Err((line, column, too_deep_message()));
    }
    Record::from_yaml(text, kind, book).map_err(|e| describe_yaml_error(&e, text))
}

/// Why a too deeply nested file is refused unread.
pub fn too_deep_message() -> String {
    format!(
        "nested more than {} levels deep; no record is, so the file is not read",
        crate::store::yaml::MAX_FLOW_DEPTH
    )
}

/// Splits a YAML error into position and message. Errors from inside a
/// record's fields carry no position; the field named in the message is
/// then looked up in the text.
pub fn describe_yaml_error(error: &serde_yaml::Error, text: &str) -> (usize, usize, String) {
    let message = error.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    // A value the record types refuse (an unknown urgency, a malformed
    // date) is reported by the YAML crate at the start of the record,
    // because unknown keys are collected first; point at the value itself.
    let location = error.location().map(|l| (l.line(), l.column()));
    if let Some(position) = location.filter(|p| *p != (1, 1)) {
        return (position.0, position.1, message);
    }
    if let Some(position) = value_position(&message, text) {
        return (position.0, position.1, message);
    }
    if let Some(location) = error.location() {
        return (location.line(), location.column(), message);
    }
    let (line, column) = field_position(&message, text).unwrap_or((0, 0));
    (line, column, message)
}

/// Finds the line and column of the value quoted in `message` (between
/// backticks or single quotes), where it stands as a value in `text`.
fn value_position(message: &str, text: &str) -> Option<(usize, usize)> {
    let quoted = |open: char, close: char| {
        let start = message.find(open)? + open.len_utf8();
        let end = start + message[start..].find(close)?;
        Some(&message[start..end])
    };
    let value = quoted('`', '`')
        .filter(|v| !message.starts_with("missing field") && !v.is_empty())
        .or_else(|| quoted('\'', '\'').filter(|v| !v.is_empty()))?;
    text.lines().enumerate().find_map(|(i, line)| {
        let at = line
            .find(&format!(": {value}"))
            .map(|p| p + 2)
            .or_else(|| {
                line.trim_start()
                    .strip_prefix("- ")
                    .filter(|rest| rest.trim_end() == value)
                    .map(|_| line.len() - line.trim_start().len() + 2)
            })?;
        let rest = line[at + value.len()..].trim_end();
        rest.is_empty()
            .then(|| (i + 1, line[..at].chars().count() + 1))
    })
}

/// Finds the line of a top-level key named in backticks in `message`
/// (`missing field `sender``, `status: unknown …`).
fn field_position(message: &str, text: &str) -> Option<(usize, usize)> {
    let key = message
        .split_once(':')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.contains(' ') && !k.is_empty())?;
    text.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .map(|i| (i + 1, 1))
}

/// The 1-based line of the first git conflict marker, if any.
pub fn conflict_marker(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.starts_with("<<<<<<< ") || line == "=======" || line.starts_with(">>>>>>> ")
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_value_is_located_on_its_line() {
        let text = "id: IN-2026-0001\ntitle: 通知\nstatus: registered\nsender: 省厅\n\
            received: 2026-11-20\nurgency: hot\ncreated: 2026-11-20T09:00:00+08:00\n";
        let (line, column, message) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert_eq!((line, column), (6, 10), "{message}");
        assert!(message.contains("hot"), "{message}");
    }

    #[test]
    fn a_syntax_error_keeps_the_parser_position() {
        let text = "id: IN-2026-0001\ntitle: [unclosed\n";
        let (line, _, _) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert!(line >= 2, "{line}");
    }
}
