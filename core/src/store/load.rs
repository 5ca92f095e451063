//! Reading records: one by ID, or the whole register in parallel.
//!
//! A file that cannot be read is never fatal here: it becomes a `Problem`
//! the caller reports (a warning for `list`, an error for `check`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::archive::{self, ArchiveNumber};
use crate::model::facts::{self, Facts};
use crate::model::id::Id;
use crate::model::keyword::Secrecy;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::model::validate::{self, Finding, Ties};
use crate::store::cache;
use crate::store::error::{Error, Result};
use crate::store::parse::{ReadProblem, parse_file, parse_unchecked};
use crate::store::register::{ReadStep, Register};
use crate::store::walk::{FileInfo, id_of, link_problem, list_files, wanted};

/// A record file that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the register root.
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub problem: Box<ReadProblem>,
}

impl Problem {
    pub(super) fn whole_file(path: PathBuf, problem: ReadProblem) -> Problem {
        Problem {
            path,
            line: 0,
            column: 0,
            problem: Box::new(problem),
        }
    }

    pub fn into_error(self, root: &Path) -> Error {
        Error::Unreadable {
            path: root.join(&self.path),
            line: self.line,
            column: self.column,
            problem: self.problem,
        }
    }
}

/// A record and the file it came from (relative to the root).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub record: Record,
}

/// What `check` keeps of a record (`validate::Ties`), and its file
/// (relative to the root).
#[derive(Debug, Clone)]
pub struct Tied {
    pub path: PathBuf,
    pub ties: Ties,
}

/// Everything read from a register.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub records: Vec<Loaded>,
    /// For `check` (`load_checked`), the ties of each record instead.
    pub tied: Vec<Tied>,
    pub problems: Vec<Problem>,
    /// Files under the record folders that are not records at all.
    pub strays: Vec<PathBuf>,
    /// Every classified record of the kinds read, passed over or not:
    /// follow-ups inherit their source's secrecy (`report::redact`).
    pub classified: Vec<(Id, Secrecy)>,
    /// Record files read that hold `#` comments, which a rewrite drops.
    pub commented: Vec<PathBuf>,
    /// The records found but not decoded (`Need::listed`), by ID.
    pub listed: Vec<Id>,
}

/// What the listing of the record folders saw, shown to `check` as soon
/// as the listing is done (`load_checked`): what git last said of a
/// folder still holds while its files are these (`git::uncommitted_since`).
#[derive(Clone, Copy)]
pub struct Walked<'a> {
    pub(super) files: &'a [FileInfo],
    /// What it saw there without listing it (folders below the records'
    /// level, links to folders, entries it could not `stat`).
    pub unlisted: &'a [PathBuf],
}

impl<'a> Walked<'a> {
    /// Each file listed, relative to the root, with its fingerprint, in
    /// the order of their paths.
    pub fn files(&self) -> impl Iterator<Item = (&'a Path, &'a cache::Fingerprint)> + 'a {
        (self.files.iter()).map(|file| (file.relative.as_path(), &file.fingerprint))
    }
}

/// What `load` shows of its listing as soon as it is done.
type Listed<'l> = Option<&'l mut dyn FnMut(Walked)>;

impl Snapshot {
    fn keep(&mut self, done: Resolved) {
        self.classified.extend(done.classified);
        self.listed.extend(done.listed);
        if let (true, Some(path)) = (
            done.comments,
            done.result.as_ref().and_then(FileResult::record_path),
        ) {
            self.commented.push(path.clone());
        }
        match done.result {
            Some(FileResult::Record(loaded)) => self.records.push(*loaded),
            Some(FileResult::Tied(tied)) => self.tied.push(*tied),
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

/// Reads one record by ID. A file whose `id` says another record is an
/// error naming the file and both IDs: the record is never taken for the
/// one asked for, so a write can never put it in another's place.
pub fn load_one(register: &Register, id: &Id) -> Result<Record> {
    let relative = register
        .relative_path(id)
        .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
    let path = register.contained(&relative)?;
    if !path.is_file() {
        return Err(Error::NotFound { id: id.to_string() });
    }
    let (record, _) =
        parse_unchecked(register, &relative, id).map_err(|p| p.into_error(&register.root))?;
    if record.id() != id {
        return Err(Error::IdMismatch {
            path,
            name: id.to_string(),
            says: record.id().to_string(),
        });
    }
    Ok(record)
}

/// Which records a command needs: the kinds it reads (decided by file
/// name, so other files are not even stat-ed) and a test on a
/// record's `Facts` that passes over records that cannot change its
/// answer. Both may keep more than needed, never less.
#[derive(Clone, Copy)]
pub struct Need<'a> {
    /// Only the folders of these kinds are listed at all.
    kinds: Option<&'a [Kind]>,
    files: Option<&'a FileTest<'a>>,
    facts: Option<&'a FactsTest<'a>>,
    search: Option<&'a SearchTest<'a>>,
    /// Records the search finds whose facts pass this are not decoded:
    /// only their IDs are kept (`Snapshot::listed`).
    listed: Option<&'a FactsTest<'a>>,
}

/// Accepts a record file by the ID its name gives, its kind and, for
/// logbook entries, the book's name.
pub type FileTest<'a> = dyn Fn(&Id, Kind, Option<&str>) -> bool + Sync + 'a;
/// Accepts a record's facts.
pub type FactsTest<'a> = dyn Fn(&Facts) -> bool + Sync + 'a;
/// Accepts a record's search text (`facts::search_text`).
/// The text comes as the cache keeps it, UTF-8 bytes (`facts::Needle`).
pub type SearchTest<'a> = dyn Fn(&[u8]) -> bool + Sync + 'a;

impl<'a> Need<'a> {
    pub fn everything() -> Need<'a> {
        Need {
            kinds: None,
            files: None,
            facts: None,
            search: None,
            listed: None,
        }
    }

    /// Only record files of `kinds`: the folders of other kinds are not
    /// even listed, so a file there that is no record goes unreported.
    /// For a command's own look at one kind (a matter's parts), where a
    /// listing of 100,000 names would cost more than the answer.
    pub fn kinds(self, kinds: &'a [Kind]) -> Need<'a> {
        Need {
            kinds: Some(kinds),
            ..self
        }
    }

    /// Whether every record file is read (or passed over by its facts):
    /// only such a load may write a new cache.
    fn every_file(&self) -> bool {
        self.kinds.is_none() && self.files.is_none()
    }

    /// Whether the record folder `root` (`documents`, `logbooks/visit`,
    /// relative to the register's root) is listed.
    pub(super) fn lists(&self, root: &Path) -> bool {
        (self.kinds).is_none_or(|kinds| kinds.iter().any(|k| root.starts_with(k.folder())))
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

    /// Only records whose search text passes `search`: a search that
    /// passes over, undecoded, the records that cannot match.
    pub fn search(self, search: &'a SearchTest<'a>) -> Need<'a> {
        Need {
            search: Some(search),
            ..self
        }
    }

    /// Of the records `search` finds, those whose facts pass `listed`
    /// are not decoded at all: their IDs are kept in
    /// `Snapshot::listed`, in ID order. For a count and a page of the
    /// matches, where the search text alone decides a match (a record
    /// that cannot be withheld is matched as stored). A record whose text
    /// is not known is decoded, as without `listed`.
    pub fn listed(self, search: &'a SearchTest<'a>, listed: &'a FactsTest<'a>) -> Need<'a> {
        Need {
            search: Some(search),
            listed: Some(listed),
            ..self
        }
    }

    pub(super) fn wants_file(&self, id: &Id, kind: Kind, book: Option<&str>) -> bool {
        self.kinds.is_none_or(|kinds| kinds.contains(&kind))
            && self.files.is_none_or(|want| want(id, kind, book))
    }

    /// Whether a record with these facts and search text is wanted; a
    /// text that could not be read is.
    fn wants(&self, facts: &Facts, text: Option<&[u8]>) -> bool {
        self.decide(facts, text) == Decision::Decode
    }

    /// What becomes of a record with these facts and search text.
    fn decide(&self, facts: &Facts, text: Option<&[u8]>) -> Decision {
        let found = (self.search.zip(text)).map(|(want, text)| want(text));
        match (self.listed.filter(|listed| listed(facts)), found) {
            (Some(_), Some(true)) => return Decision::List,
            (Some(_), Some(false)) => return Decision::PassOver,
            // The text is not known: the record is decoded and matched.
            (Some(_), None) => return Decision::Decode,
            (None, _) => {}
        }
        match self.facts.is_none_or(|want| want(facts)) && found != Some(false) {
            true => Decision::Decode,
            false => Decision::PassOver,
        }
    }

    /// Whether anything about a record's content decides if it is wanted.
    fn tests_records(&self) -> bool {
        self.facts.is_some() || self.search.is_some() || self.listed.is_some()
    }
}

/// What a load does with a record, from its facts and search text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Decode,
    /// Found, not decoded: its ID goes to `Snapshot::listed`.
    List,
    PassOver,
}

/// What `check` finds in the records one by one (`load_checked`).
#[derive(Debug, Default)]
pub struct Checks {
    /// The findings of each record's own rules (`validate::check_record`),
    /// with the record's file.
    pub findings: Vec<(PathBuf, Finding)>,
    /// The archive numbers the records account for (`archive::used_numbers`).
    pub archive_numbers: Vec<ArchiveNumber>,
}

/// Reads every record of the register, in parallel, sorted by ID.
///
/// Files whose fingerprint matches the derived cache (see `cache`) are
/// taken from it; every other file is parsed. The answer is the same
/// either way.
pub fn load_all(register: &Register) -> Snapshot {
    load_where(register, Need::everything())
}

/// Reads every record for `check`: holds each to its own rules
/// (`validate::check_record`) and keeps of it only what the rules across
/// records read, its ties (`validate::Ties`, in `Snapshot::tied`), so the
/// register is never held whole. A record the cache holds as found clean
/// by these rules, its file unchanged since, is not held to them again:
/// its ties and archive numbers come from the cache (`cache::Checked`),
/// and the record is not decoded at all. `listed` is shown what the
/// listing saw as soon as it is done, while the records are still to be
/// read: what `check` asks git can be asked meanwhile.
pub fn load_checked(register: &Register, listed: &mut dyn FnMut(Walked)) -> (Snapshot, Checks) {
    load(register, Need::everything(), Purpose::Check, Some(listed)).unwrap_or_default()
}

/// Reads the records `need` asks for, as `load_all` would but without
/// decoding — or, for files not asked for, even looking at — the rest.
/// Files that are not records at all, and unreadable files asked for,
/// are still reported. Reading less is what makes `remind` fast on a big
/// register.
pub fn load_where(register: &Register, need: Need) -> Snapshot {
    if let Some((snapshot, _)) = load(register, need, Purpose::Report, None) {
        return snapshot;
    }
    // No usable cache: a load of every file builds it (a load of some
    // cannot), then keep the files asked for.
    let every_file = Need {
        kinds: None,
        files: None,
        ..need
    };
    let (mut all, _) = load(register, every_file, Purpose::Report, None).unwrap_or_default();
    let asked = |path: &Path| wanted(register, path.file_name().and_then(id_of).as_ref(), &need);
    all.records.retain(|l| asked(&l.path));
    all.problems.retain(|p| asked(&p.path));
    all
}

/// The levels of the classified records among `ids`, each read by its
/// own file: from the cache's facts where the file is unchanged, else
/// from the file. For a listing of some kinds, which must know the level
/// its records take on from the records they name (a follow-up's
/// source, the file an entry names) without walking the whole register.
/// A record that is missing or cannot be read adds nothing: the command
/// that reads it warns of it.
pub fn levels_of(register: &Register, ids: &[Id]) -> Vec<(Id, Secrecy)> {
    if ids.is_empty() {
        return Vec::new();
    }
    let cache = cache::Cache::open(register, cache::key(register));
    let entries = cache.as_ref().map_or(&[][..], |c| c.entries.as_slice());
    let paths = cache.as_ref().map_or("", |c| c.paths());
    let now = register.runtime.now;
    let level = |id: &Id| -> Option<Secrecy> {
        let relative = register.relative_path(id)?;
        let meta = std::fs::symlink_metadata(register.contained(&relative).ok()?).ok()?;
        if !meta.is_file() {
            return None;
        }
        let fingerprint = cache::Fingerprint::of(&meta);
        let key = relative.to_str()?;
        let cached = (entries
            .binary_search_by(|e| cache::path_in(paths, e).cmp(key))
            .ok())
        .map(|i| &entries[i])
        .filter(|e| e.trusted(&fingerprint, now));
        match cached.map(|e| e.holds) {
            Some(cache::Holds::Record(facts)) => Some(facts.secrecy),
            Some(cache::Holds::Problem) => None,
            None => load_one(register, id).ok().map(|record| record.secrecy()),
        }
    };
    (ids.par_iter())
        .filter_map(|id| classified(id, level(id)?))
        .collect()
}

/// Files are resolved this many at a time, so that memory holds one
/// chunk of cache payloads, not the whole cache.
const CHUNK: usize = 4096;

/// The cache is rewritten once this many files had to be parsed; fewer are
/// cheaper to parse again than the whole cache is to write.
const REWRITE_AFTER: usize = 32;

/// Payloads closer than this are read together, in one read.
const READ_GAP: u64 = 32 << 10;

/// What `load` reads for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// A report: `load_where`.
    Report,
    /// `check`: `load_checked`.
    Check,
}

/// Reads the files `need` asks for, for `purpose`, showing `listed` what
/// the listing saw. `None` when `need` asks for some files only and there
/// is no usable cache: a load of some files cannot build it, so the
/// caller reads every file instead.
fn load(
    register: &Register,
    need: Need,
    purpose: Purpose,
    listed: Listed,
) -> Option<(Snapshot, Checks)> {
    let checking = purpose == Purpose::Check;
    let now = register.runtime.now;
    let key = cache::key(register);
    let mut snapshot = Snapshot::default();
    let mut checks = Checks::default();
    // Reading the cache's index and listing the folders both take tens of
    // milliseconds at 100k: side by side.
    let mut unlisted = Vec::new();
    let (mut cache, files) = rayon::join(
        || cache::Cache::open(register, key),
        || list_files(register, &need, &mut snapshot.problems, &mut unlisted),
    );
    if let Some(listed) = listed {
        listed(Walked {
            files: &files,
            unlisted: &unlisted,
        });
    }
    if !need.every_file() && cache.is_none() {
        return None;
    }
    // One allocation for every record read, not a doubling of it as they
    // come: at 100k, each doubling would leave the old block behind.
    match checking {
        true => snapshot.tied.reserve_exact(files.len()),
        false if !need.tests_records() => snapshot.records.reserve_exact(files.len()),
        false => {}
    }
    let (plans, rewrite) = {
        let entries = cache.as_ref().map_or(&[][..], |c| c.entries.as_slice());
        let paths = cache.as_ref().map_or("", |c| c.paths());
        let plans = plan(register, &files, (entries, paths), now);
        let stale = |plan: &Plan| parses(plan) || (checking && unchecked(plan, entries));
        let rewrite =
            need.every_file() && (cache.is_none() || many_stale(&plans, &files, now, &stale));
        (plans, rewrite)
    };
    if let Some(cache) = cache.as_mut().filter(|_| rewrite || need.search.is_some()) {
        cache.load_texts();
    }
    let entries = cache.as_ref().map_or(&[][..], |c| c.entries.as_slice());
    let texts = cache.as_ref().and_then(|c| c.texts());
    let mut writer = rewrite
        .then(|| cache::Writer::create(register, key))
        .flatten();
    let mut damaged = false;
    let tell = |step| {
        if let Some(reading) = &register.reading {
            (reading.0)(step);
        }
    };
    let parsing = plans.iter().filter(|p| parses(p)).count();
    if parsing > 0 {
        tell(ReadStep::Parsing(parsing));
    }
    for (plans, files) in plans.chunks(CHUNK).zip(files.chunks(CHUNK)) {
        let spans = read_spans(cache.as_ref(), plans, &need, writer.is_some(), checking);
        let job = Job {
            register,
            need: &need,
            entries,
            texts,
            spans: &spans,
            writing: writer.is_some(),
            checking,
            now,
        };
        let resolved: Vec<Resolved> = plans
            .par_iter()
            .zip(files)
            .map(|(plan, file)| job.resolve(plan, file))
            .collect();
        for (mut done, file) in resolved.into_iter().zip(files) {
            damaged |= done.damaged;
            if let (Some(writer), Some(cached)) = (&mut writer, &done.cached) {
                let add = cache::Add {
                    holds: cached.holds,
                    comments: done.comments,
                    search: cached.search.as_deref(),
                    payload: &cached.payload,
                    checked: cached.checked.as_deref(),
                };
                writer.add(&file.relative, file.fingerprint, add);
            }
            if let Some((findings, numbers)) = done.checks.take() {
                let path = &file.relative;
                (checks.findings).extend(findings.into_iter().map(|f| (path.clone(), f)));
                checks.archive_numbers.extend(numbers);
            }
            snapshot.keep(done);
        }
        if parsing > 0 {
            tell(ReadStep::Parsed(plans.iter().filter(|p| parses(p)).count()));
        }
    }
    match writer {
        Some(writer) => writer.finish(),
        // A damaged payload is not worth keeping: the next load rebuilds.
        None if damaged => cache::remove(register),
        None => {}
    }
    if parsing > 0 {
        tell(ReadStep::Done);
    }
    snapshot
        .records
        .par_sort_by(|a, b| a.record.id().cmp(b.record.id()));
    snapshot.tied.par_sort_by(|a, b| a.ties.id.cmp(&b.ties.id));
    snapshot.problems.sort_by(|a, b| a.path.cmp(&b.path));
    snapshot.listed.sort_unstable();
    Some((snapshot, checks))
}

/// Whether enough files lack a trusted cache entry to write a new cache.
/// (Only a load of every file may write one: a load of some would drop
/// the entries of the others.) Rewriting costs about as much as parsing
/// REWRITE_AFTER files, so a few stale entries are parsed again instead;
/// in a small register any stale entry is worth it. Files too fresh to
/// cache do not count.
/// `stale` tells a file without a cache entry a load can use whole: one
/// to parse, or for `check` one its rules must see again.
fn many_stale(plans: &[Plan], files: &[FileInfo], now: i64, stale: &dyn Fn(&Plan) -> bool) -> bool {
    let stale = plans
        .iter()
        .zip(files)
        .filter(|(plan, file)| stale(plan) && !file.fingerprint.is_racy(now))
        .count();
    stale >= REWRITE_AFTER.min(files.len() / 8 + 1)
}

/// Whether a file will be parsed rather than taken from the cache (or
/// known from its path): what makes a read long.
fn parses(plan: &Plan) -> bool {
    matches!(plan, Plan::Read { entry: None, .. })
}

/// Whether a file's trusted entry lacks what `check` keeps of a record
/// found clean (so `check` runs the rules on it again).
fn unchecked(plan: &Plan, entries: &[cache::Entry]) -> bool {
    matches!(plan, Plan::Read { entry: Some(i), .. }
        if matches!(entries[*i].holds, cache::Holds::Record(_)) && !entries[*i].is_checked())
}

/// What to do with one file, decided before any is read.
enum Plan<'f> {
    /// Its outcome follows from its path (a stray, a link, a wrong folder).
    /// Boxed: rare, and it would make every plan as large as a problem.
    Known(Box<FileResult>),
    /// A record file: from the cache entry, if trusted, else parsed.
    Read { id: &'f Id, entry: Option<usize> },
}

/// Pairs each file with the cache entry it can be taken from: same path,
/// same fingerprint, and not changed too recently to trust. `entries`
/// come with the paths they lie in (`cache::path_in`).
fn plan<'f>(
    register: &Register,
    files: &'f [FileInfo],
    (entries, paths): (&[cache::Entry], &str),
    now: i64,
) -> Vec<Plan<'f>> {
    let path = |e: &cache::Entry| cache::path_in(paths, e);
    let mut next = 0;
    let trusted: Vec<Option<usize>> = files
        .iter()
        .map(|file| {
            let key = file.relative.to_str().filter(|_| !file.is_link)?;
            while entries.get(next).is_some_and(|e| path(e) < key) {
                next += 1;
            }
            let entry = entries.get(next).filter(|e| path(e) == key)?;
            entry.trusted(&file.fingerprint, now).then_some(next)
        })
        .collect();
    files
        .par_iter()
        .zip(trusted)
        .map(|(file, entry)| match classify(register, file) {
            Ok(id) => Plan::Read { id, entry },
            Err(result) => Plan::Known(Box::new(result)),
        })
        .collect()
}

/// Reads the payloads a chunk will use — those of records the command
/// needs (for `check`, what it keeps of clean ones), and all of them
/// when a new cache is being written — in as few reads as lie close
/// together.
fn read_spans(
    cache: Option<&cache::Cache>,
    plans: &[Plan],
    need: &Need,
    writing: bool,
    checking: bool,
) -> Vec<cache::Span> {
    let Some(cache) = cache else {
        return Vec::new();
    };
    let used = plans.iter().filter_map(|plan| match plan {
        Plan::Read { entry: Some(i), .. } => Some(&cache.entries[*i]),
        _ => None,
    });
    let used = used.filter(|entry| writing || entry_wanted(entry, need, cache.texts()));
    let which = match (writing, checking) {
        (true, _) => cache::Payloads::Both,
        (false, true) => cache::Payloads::Checked,
        (false, false) => cache::Payloads::Record,
    };
    cache.read_payloads(used, which, READ_GAP)
}

fn entry_wanted(entry: &cache::Entry, need: &Need, texts: Option<&[u8]>) -> bool {
    match &entry.holds {
        cache::Holds::Record(facts) => need.wants(facts, cache::search_in(texts, entry)),
        cache::Holds::Problem => true,
    }
}

/// What resolving one file needs to know.
struct Job<'a> {
    register: &'a Register,
    need: &'a Need<'a>,
    entries: &'a [cache::Entry],
    /// The cache's search texts, if read (`cache::Cache::load_texts`).
    texts: Option<&'a [u8]>,
    spans: &'a [cache::Span],
    writing: bool,
    /// Reading for `check` (`load_checked`).
    checking: bool,
    now: i64,
}

/// One file resolved: what goes into the snapshot, and into a new cache.
#[derive(Default)]
struct Resolved<'s> {
    /// `None` when the record was passed over.
    result: Option<FileResult>,
    /// The record's ID and secrecy, when it is classified.
    classified: Option<(Id, Secrecy)>,
    /// The record's ID, when it is found but not decoded (`Need::listed`).
    listed: Option<Id>,
    /// The entry for a new cache, when one is written and the file can
    /// be cached.
    cached: Option<Cached<'s>>,
    /// A trusted cache entry turned out damaged.
    damaged: bool,
    /// The file holds `#` comments.
    comments: bool,
    /// For `check`: the record's own findings and the archive numbers it
    /// accounts for.
    checks: Option<(Vec<Finding>, Vec<ArchiveNumber>)>,
}

/// What a new cache keeps of one file (`cache::Add`), borrowed from the
/// old cache where it comes from there.
struct Cached<'s> {
    holds: cache::Holds,
    search: Option<Cow<'s, [u8]>>,
    payload: Cow<'s, [u8]>,
    checked: Option<Cow<'s, [u8]>>,
}

impl Job<'_> {
    /// The outcome for one file: from the cache when its entry is
    /// trusted, else by reading the file.
    fn resolve<'s>(&'s self, plan: &Plan, file: &FileInfo) -> Resolved<'s> {
        let from_check = (self.checking)
            .then(|| self.resolve_checked(plan, file))
            .flatten();
        let mut done = from_check.unwrap_or_else(|| {
            let mut done = self.resolve_any(plan, file);
            if self.checking {
                self.check(&mut done);
            }
            done
        });
        if let Some(FileResult::Record(loaded)) = &mut done.result {
            loaded.record.shrink_to_fit();
        }
        done
    }

    /// For `check`, a record the cache holds as found clean: its ties
    /// and archive numbers, no rule run. `None` when the entry has
    /// no such payload, or it is damaged (then the record is read and
    /// checked as any other).
    fn resolve_checked<'s>(&'s self, plan: &Plan, file: &FileInfo) -> Option<Resolved<'s>> {
        let Plan::Read { id, entry: Some(i) } = plan else {
            return None;
        };
        let entry = &self.entries[*i];
        let cache::Holds::Record(facts) = &entry.holds else {
            return None;
        };
        let payload = cache::checked_in(self.spans, entry)?;
        let checked = cache::decode_checked(payload, self.register, id)?;
        let cached = self.writing.then(|| self.carried(entry)).flatten();
        Some(Resolved {
            result: Some(FileResult::Tied(Box::new(Tied {
                path: file.relative.clone(),
                ties: checked.ties,
            }))),
            classified: classified(id, facts.secrecy),
            cached,
            comments: entry.comments,
            checks: Some((Vec::new(), checked.archive_numbers)),
            ..Resolved::default()
        })
    }

    /// Holds a record just read whole to its own rules, then keeps only
    /// its ties; a record found clean gets a `Checked` payload in the new
    /// cache, if one is written.
    fn check(&self, done: &mut Resolved) {
        let Some(FileResult::Record(loaded)) = done
            .result
            .take_if(|result| matches!(result, FileResult::Record(_)))
        else {
            return;
        };
        let Loaded { path, record } = *loaded;
        let findings = validate::check_record(&record, &self.register.config);
        let numbers: Vec<ArchiveNumber> = archive::used_numbers(&record).collect();
        let ties = Ties::of(&record);
        if let Some(cached) = &mut done.cached
            && findings.is_empty()
        {
            let checked = cache::encode_checked(&ties, &numbers);
            cached.checked = checked.map(Cow::Owned);
        }
        done.result = Some(FileResult::Tied(Box::new(Tied { path, ties })));
        done.checks = Some((findings, numbers));
    }

    /// What a new cache keeps of a trusted entry: the old cache's bytes,
    /// `None` if damaged.
    fn carried<'s>(&'s self, entry: &'s cache::Entry) -> Option<Cached<'s>> {
        Some(Cached {
            holds: entry.holds,
            search: cache::search_in(self.texts, entry).map(Cow::Borrowed),
            payload: Cow::Borrowed(cache::payload_in(self.spans, entry)?),
            checked: cache::checked_in(self.spans, entry).map(Cow::Borrowed),
        })
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
        entry: &'s cache::Entry,
        file: &FileInfo,
    ) -> Option<Resolved<'s>> {
        let payload = cache::payload_in(self.spans, entry);
        let cached = self.writing.then(|| self.carried(entry)).flatten();
        if let cache::Holds::Record(facts) = &entry.holds {
            let decision = self.need.decide(facts, cache::search_in(self.texts, entry));
            if decision != Decision::Decode {
                return Some(Resolved {
                    result: None,
                    classified: classified(id, facts.secrecy),
                    listed: (decision == Decision::List).then(|| id.clone()),
                    cached,
                    comments: entry.comments,
                    ..Resolved::default()
                });
            }
        }
        let parsed = cache::decode(entry, payload?, self.register, id)?;
        let classified = match &entry.holds {
            cache::Holds::Record(facts) => classified(id, facts.secrecy),
            cache::Holds::Problem => None,
        };
        Some(Resolved {
            result: Some(outcome(file.relative.clone(), parsed)),
            classified,
            cached,
            comments: entry.comments,
            ..Resolved::default()
        })
    }

    /// The outcome from the file itself.
    fn parse<'s>(&self, id: &Id, file: &FileInfo) -> Resolved<'s> {
        let cacheable = self.writing && !file.fingerprint.is_racy(self.now);
        match parse_file(self.register, &file.relative, id) {
            Ok((record, comments)) => {
                let tests = self.need.tests_records();
                // One JSON form serves the facts' dates and the payload.
                let json = (tests || cacheable).then(|| record.to_json_vec().unwrap_or_default());
                let facts = json.as_deref().map(|json| Facts::of_json(&record, json));
                let search = (tests || cacheable).then(|| facts::search_text(&record).into_bytes());
                let cached = facts.filter(|_| cacheable).and_then(|facts| {
                    Some(Cached {
                        holds: cache::Holds::Record(facts),
                        search: search.clone().map(Cow::Owned),
                        payload: Cow::Owned(cache::encode_json(&record, json?)?),
                        checked: None,
                    })
                });
                let classified = classified(id, record.secrecy());
                let decision = facts.map_or(Decision::Decode, |facts| {
                    self.need.decide(&facts, search.as_deref())
                });
                Resolved {
                    listed: (decision == Decision::List).then(|| id.clone()),
                    result: (decision == Decision::Decode).then(|| {
                        FileResult::Record(Box::new(Loaded {
                            path: file.relative.clone(),
                            record,
                        }))
                    }),
                    classified,
                    cached,
                    comments,
                    ..Resolved::default()
                }
            }
            Err(problem) => Resolved {
                cached: cacheable.then(|| Cached {
                    holds: cache::Holds::Problem,
                    search: None,
                    payload: Cow::Owned(cache::encode_problem(&problem)),
                    checked: None,
                }),
                result: Some(FileResult::Problem(problem)),
                ..Resolved::default()
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
            problem,
        } => FileResult::Problem(Problem {
            path,
            line,
            column,
            problem,
        }),
    }
}

#[derive(Clone)]
enum FileResult {
    Record(Box<Loaded>),
    /// A record as `check` keeps it.
    Tied(Box<Tied>),
    Problem(Problem),
    Stray(PathBuf),
}

impl FileResult {
    /// The file of a record read.
    fn record_path(&self) -> Option<&PathBuf> {
        match self {
            FileResult::Record(loaded) => Some(&loaded.path),
            FileResult::Tied(tied) => Some(&tied.path),
            FileResult::Problem(_) | FileResult::Stray(_) => None,
        }
    }
}

/// What a file is from its path alone: a record file with this ID, or (as
/// the error) a stray or a problem that needs no reading.
fn classify<'f>(register: &Register, file: &'f FileInfo) -> Result<&'f Id, FileResult> {
    let relative = &file.relative;
    let Some(id) = &file.id else {
        return Err(FileResult::Stray(relative.clone()));
    };
    if file.is_link {
        return Err(FileResult::Problem(link_problem(relative.clone())));
    }
    if !register.is_place_of(id, relative) {
        return Err(FileResult::Problem(Problem::whole_file(
            relative.to_path_buf(),
            ReadProblem::WrongFolder {
                id: id.to_string(),
                expected: register.relative_path(id).map(|p| p.display().to_string()),
            },
        )));
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::store::register::Reading;

    /// Records found but not decoded (`Need::listed`), with those decoded
    /// and matched, are every record the search finds — from the files
    /// and from the cache alike — and none is both.
    #[test]
    fn a_listing_finds_what_decoding_every_record_finds() {
        let dir = crate::testing::example_copy();
        let mut register = Register::open(dir.path()).unwrap();
        register.runtime.now = i64::from(i32::MAX);
        // The first search reads the files (and writes the cache), the
        // others the cache.
        for needle in ["2026", "公路", "办公室", "fu-2026-000"] {
            let finder = facts::Needle::new(needle);
            let search = |text: &[u8]| finder.may_match(text);
            let withheld = |f: &Facts| f.may_be_withheld();
            let shown = |f: &Facts| !f.may_be_withheld();
            let need = Need::everything().facts(&withheld).listed(&search, &shown);
            let snapshot = load_where(&register, need);
            let all = load_all(&register);
            let want: Vec<Id> = (all.records.iter())
                .filter(|l| l.record.matches_search(needle))
                .map(|l| l.record.id().clone())
                .collect();
            let decoded = (snapshot.records.iter())
                .filter(|l| l.record.matches_search(needle))
                .map(|l| l.record.id().clone());
            let mut got: Vec<Id> = decoded.chain(snapshot.listed.iter().cloned()).collect();
            got.sort();
            assert!(
                !snapshot.listed.is_empty(),
                "{needle}: some are only listed"
            );
            assert_eq!(got, want, "{needle}");
        }
    }

    /// A read that parses files says how many, then counts them off; a
    /// read from a trusted cache says nothing, so no bar ever flashes.
    #[test]
    fn a_read_that_parses_tells_its_progress_and_a_cached_one_is_silent() {
        let dir = crate::testing::example_copy();
        let mut register = Register::open(dir.path()).unwrap();
        // Long after every file was written, so the cache trusts them.
        register.runtime.now = i64::from(i32::MAX);
        let steps = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&steps);
        register.reading = Some(Reading(Arc::new(move |step| {
            seen.lock().unwrap().push(step);
        })));

        let first = load_all(&register);
        let told = std::mem::take(&mut *steps.lock().unwrap());
        let files = first.records.len() + first.problems.len();
        assert!(files > 50, "the example register has its records");
        assert_eq!(told.first(), Some(&ReadStep::Parsing(files)));
        assert_eq!(told.last(), Some(&ReadStep::Done));
        let parsed: usize = (told.iter())
            .map(|s| match s {
                ReadStep::Parsed(n) => *n,
                _ => 0,
            })
            .sum();
        assert_eq!(parsed, files, "every parsed file is counted once");

        let second = load_all(&register);
        assert_eq!(second.records.len(), first.records.len());
        assert_eq!(*steps.lock().unwrap(), [], "nothing to show from the cache");
    }
}
