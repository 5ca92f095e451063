//! Reading records: one by ID, or the whole register in parallel.
//!
//! A file that cannot be read is never fatal here: it becomes a `Problem`
//! the caller reports (a warning for `list`, an error for `check`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::facts::Facts;
use crate::model::id::Id;
use crate::model::keyword::Secrecy;
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
    /// Every classified record of the kinds read, passed over or not:
    /// follow-ups inherit their source's secrecy (`report::redact`).
    pub classified: Vec<(Id, Secrecy)>,
}

impl Snapshot {
    fn keep(&mut self, done: Resolved) {
        self.classified.extend(done.classified);
        match done.result {
            Some(FileResult::Record(loaded)) => self.records.push(*loaded),
            Some(FileResult::Problem(problem)) => self.problems.push(problem),
            Some(FileResult::Stray(path)) => self.strays.push(path),
            None => {}
        }
    }

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

/// Which records a command needs: the kinds it reads (decided by file
/// name, so other files are not even stat-ed) and a test on a
/// record's `Facts` that passes over records that cannot change its
/// answer. Both may keep more than needed, never less.
#[derive(Clone, Copy)]
pub struct Need<'a> {
    files: Option<&'a FileTest<'a>>,
    facts: Option<&'a FactsTest<'a>>,
}

/// Accepts a record file by the ID its name gives, its kind and, for
/// logbook entries, the book's name.
pub type FileTest<'a> = dyn Fn(&Id, Kind, Option<&str>) -> bool + Sync + 'a;
/// Accepts a record's facts.
pub type FactsTest<'a> = dyn Fn(&Facts) -> bool + Sync + 'a;

impl<'a> Need<'a> {
    pub fn everything() -> Need<'a> {
        Need {
            files: None,
            facts: None,
        }
    }

    /// Only record files that `files` accepts: of some kinds, of some
    /// years.
    pub fn files(self, files: &'a FileTest<'a>) -> Need<'a> {
        Need {
            files: Some(files),
            ..self
        }
    }

    /// Only records whose facts pass `facts`.
    pub fn facts(self, facts: &'a FactsTest<'a>) -> Need<'a> {
        Need {
            facts: Some(facts),
            ..self
        }
    }

    fn wants(&self, facts: &Facts) -> bool {
        self.facts.is_none_or(|want| want(facts))
    }
}

/// Reads every record of the register, in parallel, sorted by ID.
///
/// Files whose fingerprint matches the derived cache (see `cache`) are
/// taken from it; every other file is parsed. The answer is the same
/// either way.
pub fn load_all(register: &Register) -> Snapshot {
    load_where(register, Need::everything())
}

/// Reads the records `need` asks for, as `load_all` would but without
/// decoding — or, for files not asked for, even looking at — the rest.
/// Files that are not records at all, and unreadable files asked for,
/// are still reported. Reading less is what makes `remind` fast on a big
/// register.
pub fn load_where(register: &Register, need: Need) -> Snapshot {
    let now = cache::now_seconds();
    let key = cache::key(register);
    let cache = cache::Cache::open(register, key);
    if need.files.is_some() && cache.is_none() {
        // No usable cache: a load of every file builds it (a load of some
        // cannot), then keep the files asked for.
        let every_file = Need {
            files: None,
            ..need
        };
        let mut all = load(register, every_file, None, key, now);
        let asked = |path: &Path| {
            path.file_name()
                .is_none_or(|name| wanted(register, name, &need))
        };
        all.records.retain(|l| asked(&l.path));
        all.problems.retain(|p| asked(&p.path));
        return all;
    }
    load(register, need, cache, key, now)
}

/// Files are resolved this many at a time, so that memory holds one
/// chunk of cache payloads, not the whole cache.
const CHUNK: usize = 4096;

/// The cache is rewritten once this many files had to be parsed; fewer are
/// cheaper to parse again than the whole cache is to write.
const REWRITE_AFTER: usize = 32;

/// Payloads closer than this are read together, in one read.
const READ_GAP: u64 = 32 << 10;

fn load(
    register: &Register,
    need: Need,
    cache: Option<cache::Cache>,
    key: u64,
    now: i64,
) -> Snapshot {
    let mut snapshot = Snapshot::default();
    let files = list_files(register, &need, &mut snapshot.problems);
    if need.facts.is_none() {
        snapshot.records.reserve_exact(files.len());
    }
    let entries = cache.as_ref().map_or(&[][..], |c| c.entries.as_slice());
    let plans = plan(register, &files, entries, now);
    let rewrite = need.files.is_none() && (cache.is_none() || many_stale(&plans, &files, now));
    let mut writer = rewrite
        .then(|| cache::Writer::create(register, key))
        .flatten();
    let mut damaged = false;
    for (plans, files) in plans.chunks(CHUNK).zip(files.chunks(CHUNK)) {
        let spans = read_spans(cache.as_ref(), plans, &need, writer.is_some());
        let job = Job {
            register,
            need: &need,
            entries,
            spans: &spans,
            writing: writer.is_some(),
            now,
        };
        let resolved: Vec<Resolved> = plans
            .par_iter()
            .zip(files)
            .map(|(plan, file)| job.resolve(plan, file))
            .collect();
        for (done, file) in resolved.into_iter().zip(files) {
            damaged |= done.damaged;
            if let (Some(writer), Some((holds, payload))) = (&mut writer, &done.cached) {
                writer.add(&file.relative, file.fingerprint, *holds, payload);
            }
            snapshot.keep(done);
        }
    }
    match writer {
        Some(writer) => writer.finish(),
        // A damaged payload is not worth keeping: the next load rebuilds.
        None if damaged => cache::remove(register),
        None => {}
    }
    snapshot
        .records
        .sort_by(|a, b| a.record.id().cmp(b.record.id()));
    snapshot.problems.sort_by(|a, b| a.path.cmp(&b.path));
    snapshot
}

/// Whether enough files lack a trusted cache entry to write a new cache.
/// (Only a load of every file may write one: a load of some would drop
/// the entries of the others.) Rewriting costs about as much as parsing
/// REWRITE_AFTER files, so a few stale entries are parsed again instead;
/// in a small register any stale entry is worth it. Files too fresh to
/// cache do not count.
fn many_stale(plans: &[Plan], files: &[FileInfo], now: i64) -> bool {
    let stale = plans
        .iter()
        .zip(files)
        .filter(|(plan, file)| {
            matches!(plan, Plan::Read { entry: None, .. }) && !file.fingerprint.is_racy(now)
        })
        .count();
    stale >= REWRITE_AFTER.min(files.len() / 8 + 1)
}

/// What to do with one file, decided before any is read.
enum Plan {
    /// Its outcome follows from its path (a stray, a link, a wrong folder).
    /// Boxed: rare, and it would make every plan as large as a problem.
    Known(Box<FileResult>),
    /// A record file: from the cache entry, if trusted, else parsed.
    Read { id: Id, entry: Option<usize> },
}

/// Pairs each file with the cache entry it can be taken from: same path,
/// same fingerprint, and not changed too recently to trust.
fn plan(register: &Register, files: &[FileInfo], entries: &[cache::Entry], now: i64) -> Vec<Plan> {
    let mut next = 0;
    let trusted: Vec<Option<usize>> = files
        .iter()
        .map(|file| {
            let key = file.relative.to_str().filter(|_| !file.is_link)?;
            while entries.get(next).is_some_and(|e| &*e.path < key) {
                next += 1;
            }
            let entry = entries.get(next).filter(|e| &*e.path == key)?;
            let trusted = entry.fingerprint == file.fingerprint && !entry.fingerprint.is_racy(now);
            trusted.then_some(next)
        })
        .collect();
    files
        .par_iter()
        .zip(trusted)
        .map(
            |(file, entry)| match classify(register, &file.relative, file.is_link) {
                Ok(id) => Plan::Read { id, entry },
                Err(result) => Plan::Known(Box::new(result)),
            },
        )
        .collect()
}

/// Reads the payloads a chunk will use — those of records the command
/// needs, and all of them when a new cache is being written — in as few
/// reads as lie close together.
fn read_spans(
    cache: Option<&cache::Cache>,
    plans: &[Plan],
    need: &Need,
    writing: bool,
) -> Vec<cache::Span> {
    let Some(cache) = cache else {
        return Vec::new();
    };
    let used = plans.iter().filter_map(|plan| match plan {
        Plan::Read { entry: Some(i), .. } => Some(&cache.entries[*i]),
        _ => None,
    });
    let used = used.filter(|entry| writing || entry_wanted(entry, need));
    let mut runs: Vec<(&cache::Entry, &cache::Entry)> = Vec::new();
    for entry in used {
        match runs.last_mut() {
            Some((_, last)) if entry.offset_after(last) < READ_GAP => *last = entry,
            _ => runs.push((entry, entry)),
        }
    }
    runs.into_iter()
        .filter_map(|(first, last)| cache.read_span(first, last))
        .collect()
}

fn entry_wanted(entry: &cache::Entry, need: &Need) -> bool {
    match &entry.holds {
        cache::Holds::Record(facts) => need.wants(facts),
        cache::Holds::Problem => true,
    }
}

/// What resolving one file needs to know.
struct Job<'a> {
    register: &'a Register,
    need: &'a Need<'a>,
    entries: &'a [cache::Entry],
    spans: &'a [cache::Span],
    writing: bool,
    now: i64,
}

/// One file resolved: what goes into the snapshot, and into a new cache.
#[derive(Default)]
struct Resolved<'s> {
    /// `None` when the record was passed over.
    result: Option<FileResult>,
    /// The record's ID and secrecy, when it is classified.
    classified: Option<(Id, Secrecy)>,
    /// The entry for a new cache, when one is written and the file can
    /// be cached.
    cached: Option<(cache::Holds, Cow<'s, [u8]>)>,
    /// A trusted cache entry turned out damaged.
    damaged: bool,
}

impl Job<'_> {
    /// The outcome for one file: from the cache when its entry is
    /// trusted, else by reading the file.
    fn resolve<'s>(&'s self, plan: &Plan, file: &FileInfo) -> Resolved<'s> {
        let mut done = self.resolve_any(plan, file);
        if let Some(FileResult::Record(loaded)) = &mut done.result {
            loaded.record.shrink_to_fit();
        }
        done
    }

    fn resolve_any<'s>(&'s self, plan: &Plan, file: &FileInfo) -> Resolved<'s> {
        let (id, entry) = match plan {
            Plan::Known(result) => {
                return Resolved {
                    result: Some(FileResult::clone(result)),
                    ..Resolved::default()
                };
            }
            Plan::Read { id, entry } => (id, entry.map(|i| &self.entries[i])),
        };
        if let Some(done) = entry.and_then(|entry| self.resolve_cached(id, entry, file)) {
            return done;
        }
        let mut done = self.parse(id, file);
        done.damaged = entry.is_some();
        done
    }

    /// The outcome from a trusted entry; `None` if its payload is damaged.
    fn resolve_cached<'s>(
        &'s self,
        id: &Id,
        entry: &cache::Entry,
        file: &FileInfo,
    ) -> Option<Resolved<'s>> {
        let payload = cache::payload_in(self.spans, entry);
        let cached = |payload: &'s [u8]| (entry.holds, Cow::Borrowed(payload));
        if let cache::Holds::Record(facts) = &entry.holds
            && !self.need.wants(facts)
        {
            return Some(Resolved {
                result: None,
                classified: classified(id, facts.secrecy),
                cached: payload.filter(|_| self.writing).map(cached),
                damaged: false,
            });
        }
        let parsed = cache::decode(entry, payload?, self.register, id)?;
        let classified = match &entry.holds {
            cache::Holds::Record(facts) => classified(id, facts.secrecy),
            cache::Holds::Problem => None,
        };
        Some(Resolved {
            result: Some(outcome(file.relative.clone(), parsed)),
            classified,
            cached: payload.filter(|_| self.writing).map(cached),
            damaged: false,
        })
    }

    /// The outcome from the file itself.
    fn parse<'s>(&self, id: &Id, file: &FileInfo) -> Resolved<'s> {
        let cacheable = self.writing && !file.fingerprint.is_racy(self.now);
        match parse_file(self.register, &file.relative, id) {
            Ok(record) => {
                let facts = (self.need.facts.is_some() || cacheable).then(|| Facts::of(&record));
                let cached = facts
                    .filter(|_| cacheable)
                    .and_then(|facts| {
                        Some((cache::Holds::Record(facts), cache::encode_record(&record)?))
                    })
                    .map(|(holds, json)| (holds, Cow::Owned(json)));
                let classified = classified(id, record.secrecy());
                let wanted = facts.is_none_or(|facts| self.need.wants(&facts));
                Resolved {
                    result: wanted.then(|| {
                        FileResult::Record(Box::new(Loaded {
                            path: file.relative.clone(),
                            record,
                        }))
                    }),
                    classified,
                    cached,
                    damaged: false,
                }
            }
            Err(problem) => Resolved {
                cached: cacheable.then(|| {
                    (
                        cache::Holds::Problem,
                        Cow::Owned(cache::encode_problem(&problem)),
                    )
                }),
                result: Some(FileResult::Problem(problem)),
                classified: None,
                damaged: false,
            },
        }
    }
}

fn classified(id: &Id, secrecy: Secrecy) -> Option<(Id, Secrecy)> {
    (secrecy != Secrecy::None).then(|| (id.clone(), secrecy))
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

/// A file found under the record folders, with its fingerprint.
struct FileInfo {
    relative: PathBuf,
    is_link: bool,
    fingerprint: cache::Fingerprint,
}

/// Every file under the record folders, sorted by path (the cache's
/// order), stat-ed in parallel. Folders are read level by level, each
/// once: a kind's root, its year folders, and one level more (to report
/// strays there).
fn list_files(register: &Register, need: &Need, problems: &mut Vec<Problem>) -> Vec<FileInfo> {
    let mut level = Vec::new();
    for root in register.record_roots() {
        // A record folder that is itself a link (documents -> /elsewhere)
        // is not followed: records are read only inside the register.
        match std::fs::symlink_metadata(&root) {
            Ok(meta) if meta.file_type().is_symlink() => {
                problems.push(link_problem(relative_to(register, &root)));
            }
            Ok(_) => level.push(root),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(Problem::whole_file(
                relative_to(register, &root),
                e.to_string(),
            )),
        }
    }
    let mut files = Vec::new();
    for depth in 0..=MAX_DEPTH {
        let listed: Vec<Listing> = level
            .par_iter()
            .map(|dir| list_folder(register, dir, depth < MAX_DEPTH, need))
            .collect();
        level = Vec::new();
        files.reserve_exact(listed.iter().map(|l| l.files.len()).sum());
        for listing in listed {
            files.extend(listing.files);
            level.extend(listing.folders);
            problems.extend(listing.problems);
        }
    }
    // Each folder's files and sub-folders come sorted, folders in order:
    // the whole is then sorted but for odd names (`2026-x` sorts before
    // `2026/` by bytes), which a full sort puts right.
    if !files.is_sorted_by(|a, b| path_order(a, b).is_le()) {
        files.sort_by(path_order);
    }
    files
}

/// The cache's order: paths compared byte by byte.
fn path_order(a: &FileInfo, b: &FileInfo) -> std::cmp::Ordering {
    a.relative
        .as_os_str()
        .as_encoded_bytes()
        .cmp(b.relative.as_os_str().as_encoded_bytes())
}

/// Records live two folders below a kind's root (`followups/2026/`);
/// files one level deeper are read only to be reported.
const MAX_DEPTH: usize = 2;

fn link_problem(relative: PathBuf) -> Problem {
    Problem::whole_file(
        relative,
        "a symbolic link; records must be plain files inside the register",
    )
}

fn relative_to(register: &Register, path: &Path) -> PathBuf {
    path.strip_prefix(&register.root)
        .unwrap_or(path)
        .to_path_buf()
}

/// What one folder holds: files with their fingerprints, and sub-folders.
#[derive(Default)]
struct Listing {
    files: Vec<FileInfo>,
    folders: Vec<PathBuf>,
    problems: Vec<Problem>,
}

/// Lists one folder. Only files are stat-ed; folders are told apart by
/// the entry's type, which the folder listing already gives.
fn list_folder(register: &Register, dir: &Path, descend: bool, need: &Need) -> Listing {
    let mut listing = Listing::default();
    let trouble =
        |e: std::io::Error| Problem::whole_file(relative_to(register, dir), e.to_string());
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            listing.problems.push(trouble(e));
            return listing;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                listing.problems.push(trouble(e));
                continue;
            }
        };
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if descend {
                listing.folders.push(entry.path());
            }
            continue;
        }
        if file_type.is_symlink() && entry.path().is_dir() {
            listing
                .problems
                .push(link_problem(relative_to(register, &entry.path())));
            continue;
        }
        if !wanted(register, &entry.file_name(), need) {
            continue;
        }
        let relative = relative_to(register, &entry.path());
        // DirEntry::metadata does not follow links: a link is seen as one.
        match entry.metadata() {
            Ok(meta) => listing.files.push(FileInfo {
                relative,
                is_link: meta.file_type().is_symlink(),
                fingerprint: cache::Fingerprint::of(&meta),
            }),
            Err(e) => listing
                .problems
                .push(Problem::whole_file(relative, e.to_string())),
        }
    }
    listing.files.sort_by(path_order);
    listing.folders.sort();
    listing
}

/// Whether a file name is of a wanted kind; names that are not record
/// IDs are kept, to be reported.
fn wanted(register: &Register, name: &std::ffi::OsStr, need: &Need) -> bool {
    let kind = name
        .to_str()
        .and_then(|n| n.strip_suffix(".yaml"))
        .and_then(Id::parse)
        .and_then(|id| {
            register
                .kind_of(&id)
                .map(|(kind, book)| need.files.is_none_or(|want| want(&id, kind, book)))
        });
    kind.unwrap_or(true)
}

#[derive(Clone)]
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
        return Err(FileResult::Problem(link_problem(relative.to_path_buf())));
    }
    if !register.is_place_of(&id, relative) {
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
