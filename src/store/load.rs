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
pub fn load_all(register: &Register) -> Snapshot {
    let mut snapshot = Snapshot::default();
    let mut files = Vec::new();
    for root in register.record_roots() {
        if !root.is_dir() {
            continue;
        }
        // A record folder that is itself a link (documents -> /elsewhere)
        // is not followed either: records are read only inside the register.
        let walker = walkdir::WalkDir::new(&root)
            .follow_links(false)
            .follow_root_links(false)
            .max_depth(3);
        for entry in walker.into_iter() {
            match entry {
                Ok(entry) if entry.file_type().is_file() || entry.file_type().is_symlink() => {
                    let relative = entry
                        .path()
                        .strip_prefix(&register.root)
                        .unwrap_or(entry.path())
                        .to_path_buf();
                    files.push((relative, entry.file_type().is_symlink()));
                }
                Ok(_) => {}
                Err(e) => snapshot.problems.push(Problem::whole_file(
                    e.path().map(Path::to_path_buf).unwrap_or_default(),
                    e.to_string(),
                )),
            }
        }
    }
    let results: Vec<FileResult> = files
        .into_par_iter()
        .map(|(relative, is_link)| read_entry(register, relative, is_link))
        .collect();
    for result in results {
        match result {
            FileResult::Record(loaded) => snapshot.records.push(*loaded),
            FileResult::Problem(problem) => snapshot.problems.push(problem),
            FileResult::Stray(path) => snapshot.strays.push(path),
        }
    }
    snapshot
        .records
        .sort_by(|a, b| a.record.id().cmp(b.record.id()));
    snapshot.problems.sort_by(|a, b| a.path.cmp(&b.path));
    snapshot
}

enum FileResult {
    Record(Box<Loaded>),
    Problem(Problem),
    Stray(PathBuf),
}

fn read_entry(register: &Register, relative: PathBuf, is_link: bool) -> FileResult {
    if is_link {
        return FileResult::Problem(Problem::whole_file(
            relative,
            "a symbolic link; records must be plain files inside the register",
        ));
    }
    let Some(id) = relative
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".yaml"))
        .and_then(Id::parse)
    else {
        return FileResult::Stray(relative);
    };
    if register.relative_path(&id).as_deref() != Some(relative.as_path()) {
        return FileResult::Problem(Problem::whole_file(
            relative,
            format!(
                "{id} does not belong in this folder (expected {})",
                register
                    .relative_path(&id)
                    .map_or_else(|| "a known prefix".to_string(), |p| p.display().to_string())
            ),
        ));
    }
    match parse_file(register, &relative, &id) {
        Ok(record) => FileResult::Record(Box::new(Loaded {
            path: relative,
            record,
        })),
        Err(problem) => FileResult::Problem(problem),
    }
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
    if let Some(location) = error.location() {
        return (location.line(), location.column(), message);
    }
    let (line, column) = field_position(&message, text).unwrap_or((0, 0));
    (line, column, message)
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
