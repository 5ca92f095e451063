//! A derived cache of parsed records: `.taizhang/cache.bin`
//! (docs/exit-codes-and-performance.md).
//!
//! What it is for: parsing 100,000 YAML files takes seconds; decoding their
//! already-parsed form takes a fraction of that, and deciding from a few
//! bytes of `Facts` that a record cannot matter to a command takes almost
//! nothing. For each record file the cache keeps the file's path, its
//! fingerprint when it was parsed (size, mtime and ctime to the
//! nanosecond, inode), and the outcome of parsing it: the record as JSON
//! with its facts, or the problem that made it unreadable. Beside the
//! facts, the cache keeps the text a search looks at (`facts::search_text`),
//! so a search passes over records that cannot match without decoding
//! them. Once `check` has held a record to its own rules and found
//! nothing, the entry also keeps a second payload, what the rules across
//! records read of it (its ties, `validate::Ties`) and the archive
//! numbers it accounts for (`Checked`): the next `check` takes that
//! instead of running the rules again on the whole record.
//!
//! Layout: a header; the records' payloads, each followed by its
//! checksum; the `Checked` payloads, likewise; the search texts, one
//! string with one checksum; then the index (path, fingerprint, facts,
//! where the payloads and the search text are), sorted by path, with one
//! checksum for the whole index. A command reads the header and the
//! index, then only the payloads it needs, and the texts only if it
//! searches: `remind` reads no `Checked` payload and no text, `check`
//! reads the `Checked` payloads and few records.
//!
//! What it must never do: change an answer. An entry is used only when the
//! file's fingerprint is exactly the one recorded, the checksums hold, and
//! the file was not changed within `RACY_SECONDS` before it was stat-ed (a
//! second edit in the same timestamp tick could keep the fingerprint). A
//! record is cached only if its JSON decodes back to an equal record. A
//! cache written by another build or for other settings is ignored whole;
//! a damaged one is ignored where damaged and rebuilt. Anything not trusted
//! is parsed from its file, as without cache. The cache is never a source
//! of truth: deleting it is always safe, and failing to write it is silent.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::model::archive::ArchiveNumber;
use crate::model::facts::Facts;
use crate::model::id::Id;
use crate::model::keyword::{Keyword, Secrecy};
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::model::validate::Ties;
use crate::store::load::Problem;
use crate::store::parse::ReadProblem;
use crate::store::register::{Register, SETTINGS_FILE};

/// The cache file, under the register's state folder.
pub const CACHE_FILE: &str = "cache.bin";
const MAGIC: &[u8; 8] = b"TZCACHE3";
/// Bump when the layout or the meaning of an entry changes.
/// 3: each entry tells whether its file holds comments, and a record
/// whose `id` disagrees with its file is a problem, never a record
/// (caches of version 2 may hold such records).
/// 4: a logbook entry is filed under its book's first date field, which
/// it learns when decoded; caches of version 3 predate that.
/// 5: the facts hold the day a record is filed under (`Facts::filed`),
/// and a logbook entry is open only while out on its book's loop.
/// 6: a logbook entry's `secrecy` field is its level (`Facts::secrecy`).
/// 7: the index keeps each record's search text, and an entry may carry
/// the payload of a record `check` found clean (`Checked`).
/// 8: the `Checked` payloads and the search texts lie in regions of
/// their own, so a read that needs neither does not read them; the
/// entries' paths are read into one string; the facts tell a part and a
/// record that may take on another's level.
/// 9: a `Checked` payload holds the record's ties (`validate::Ties`),
/// not a light form of the record.
const LAYOUT_VERSION: u64 = 9;
/// Bump when a rule of `check` on one record changes in a way the source
/// fingerprint of `build.rs` (the record types and their rules, under
/// `src/model`) cannot see, e.g. how the store locates or reads a file:
/// a cached "clean" must mean what today's rules would find.
pub const RULES_VERSION: u64 = 1;
/// Magic; key, index offset, index length, index checksum, entry count,
/// where the `Checked` payloads begin, where the texts begin, their
/// length and their checksum.
const HEADER_LEN: usize = 8 + 9 * 8;
/// Changes within this many seconds before the files were stat-ed are not
/// cached: coarse file-system clocks could hide a second same-size edit.
const RACY_SECONDS: i64 = 3;
/// No payload is this large (records are limited to 1 MiB).
const MAX_PAYLOAD: u32 = 8 << 20;
const TAG_RECORD: u8 = 0;
const TAG_PROBLEM: u8 = 1;
/// A record's flag: its file holds `#` comments (`check` warns of them).
const FLAG_COMMENTS: u8 = 1;
/// A record's flag: `check` found nothing in it, and its `Checked`
/// payload follows its record's.
const FLAG_CHECKED: u8 = 2;

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    pub size: u64,
    pub mtime: i64,
    pub mtime_ns: u32,
    pub ctime: i64,
    pub ctime_ns: u32,
    pub ino: u64,
}

impl Fingerprint {
    #[cfg(unix)]
    pub fn of(meta: &std::fs::Metadata) -> Fingerprint {
        use std::os::unix::fs::MetadataExt;
        Fingerprint {
            size: meta.size(),
            mtime: meta.mtime(),
            mtime_ns: u32::try_from(meta.mtime_nsec()).unwrap_or(0),
            ctime: meta.ctime(),
            ctime_ns: u32::try_from(meta.ctime_nsec()).unwrap_or(0),
            ino: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    pub fn of(meta: &std::fs::Metadata) -> Fingerprint {
        use std::time::SystemTime;
        let since = |t: std::io::Result<SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .unwrap_or_default()
        };
        let m = since(meta.modified());
        let c = since(meta.created());
        Fingerprint {
            size: meta.len(),
            mtime: i64::try_from(m.as_secs()).unwrap_or(i64::MAX),
            mtime_ns: m.subsec_nanos(),
            ctime: i64::try_from(c.as_secs()).unwrap_or(i64::MAX),
            ctime_ns: c.subsec_nanos(),
            ino: 0,
        }
    }

    /// Whether the file changed too close to `now` (seconds since the
    /// epoch) for its fingerprint to be trusted later.
    pub fn is_racy(&self, now: i64) -> bool {
        self.mtime.max(self.ctime) >= now - RACY_SECONDS
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.size.to_le_bytes());
        out.extend_from_slice(&self.mtime.to_le_bytes());
        out.extend_from_slice(&self.mtime_ns.to_le_bytes());
        out.extend_from_slice(&self.ctime.to_le_bytes());
        out.extend_from_slice(&self.ctime_ns.to_le_bytes());
        out.extend_from_slice(&self.ino.to_le_bytes());
    }

    fn read(cursor: &mut Cursor) -> Option<Fingerprint> {
        Some(Fingerprint {
            size: cursor.u64()?,
            mtime: cursor.u64()? as i64,
            mtime_ns: cursor.u32()?,
            ctime: cursor.u64()? as i64,
            ctime_ns: cursor.u32()?,
            ino: cursor.u64()?,
        })
    }
}

/// The outcome of parsing one file, as the cache keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Record(Box<Record>),
    Problem {
        line: usize,
        column: usize,
        problem: Box<ReadProblem>,
    },
}

/// What an index entry says the file holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Holds {
    Record(Facts),
    Problem,
}

/// Where one payload lies in the cache file: `len` bytes at `at`, then
/// their checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    at: u64,
    len: u32,
}

impl Place {
    /// Where the payload and its checksum end.
    fn end(self) -> u64 {
        self.at + u64::from(self.len) + 8
    }
}

/// One entry of the index: a file as it was when parsed, and where its
/// payloads are.
#[derive(Debug)]
pub struct Entry {
    /// Where the file's path (relative to the root) lies among the
    /// cache's paths (`path_in`): one string for all, not an allocation
    /// each to make and free on every read.
    path: (u32, u16),
    pub fingerprint: Fingerprint,
    pub holds: Holds,
    /// The file holds `#` comments.
    pub comments: bool,
    /// Where the record's search text lies among the texts.
    search: (u32, u32),
    /// The record's (or problem's) payload, in the records' region.
    payload: Place,
    /// The `Checked` payload, in the region after the records', if any.
    checked: Option<Place>,
}

impl Entry {
    /// Whether the entry may stand for the file as it is now: the same
    /// fingerprint, not changed too recently (`now`, seconds since the
    /// epoch) to trust.
    pub fn trusted(&self, fingerprint: &Fingerprint, now: i64) -> bool {
        self.fingerprint == *fingerprint && !self.fingerprint.is_racy(now)
    }

    /// Whether `check` found this record clean and kept what it needs.
    pub fn is_checked(&self) -> bool {
        self.checked.is_some()
    }
}

/// Which of an entry's payloads a read uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payloads {
    /// The record (or problem).
    Record,
    /// What `check` keeps of a clean record; the record itself if there
    /// is none.
    Checked,
    /// Both, to carry them into a new cache.
    Both,
}

/// The regions of a cache file, from its header.
struct Regions {
    /// Where the `Checked` payloads begin (and the records' end).
    checked_at: u64,
    /// Where the search texts begin (and the `Checked` payloads end).
    texts_at: u64,
    texts_len: u64,
    texts_sum: u64,
}

/// An open cache: its index in memory, its payloads and search texts
/// read on demand.
pub struct Cache {
    file: File,
    pub entries: Vec<Entry>,
    /// The entries' paths, one after another (`path_in`).
    paths: String,
    regions: Regions,
    /// The search texts, once read (`load_texts`): one run of UTF-8
    /// bytes under one checksum, which each record's text is a slice of.
    texts: Option<Vec<u8>>,
}

impl Cache {
    /// Opens the cache if it exists, belongs to this build and settings,
    /// and its index is intact. The search texts are not read: only a
    /// search and a cache rewrite need them (`load_texts`).
    pub fn open(register: &Register, key: u64) -> Option<Cache> {
        let mut file = File::open(path(register)).ok()?;
        let mut header = [0u8; HEADER_LEN];
        file.read_exact(&mut header).ok()?;
        let mut cursor = Cursor(&header);
        if cursor.take(8)? != MAGIC || cursor.u64()? != key {
            return None;
        }
        let (index_at, index_len, sum) = (cursor.u64()?, cursor.u64()?, cursor.u64()?);
        let count = usize::try_from(cursor.u64()?).ok()?;
        let regions = Regions {
            checked_at: cursor.u64()?,
            texts_at: cursor.u64()?,
            texts_len: cursor.u64()?,
            texts_sum: cursor.u64()?,
        };
        let file_len = file.metadata().ok()?.len();
        let ordered = HEADER_LEN as u64 <= regions.checked_at
            && regions.checked_at <= regions.texts_at
            && regions.texts_at.checked_add(regions.texts_len)? == index_at
            && index_at.checked_add(index_len)? == file_len;
        if !ordered {
            return None;
        }
        let index = read_at(&file, index_at, index_len)?;
        if checksum(&index) != sum {
            return None;
        }
        let (entries, paths) = parse_index(&index, &regions, count)?;
        Some(Cache {
            file,
            entries,
            paths,
            regions,
            texts: None,
        })
    }

    /// Reads the search texts, if not yet read. Damaged texts are left
    /// unread: every text is then unknown (`search_in` gives `None`).
    pub fn load_texts(&mut self) {
        if self.texts.is_none() {
            let Regions {
                texts_at,
                texts_len,
                texts_sum,
                ..
            } = self.regions;
            self.texts = read_at(&self.file, texts_at, texts_len)
                .filter(|bytes| checksum(bytes) == texts_sum);
        }
    }

    /// The entries' paths: what `path_in` looks in.
    pub fn paths(&self) -> &str {
        &self.paths
    }

    /// The search texts, once read: what `search_in` looks in.
    pub fn texts(&self) -> Option<&[u8]> {
        self.texts.as_deref()
    }

    /// Reads the payloads `which` of `entries` (in index order), in as
    /// few reads as lie close together: payloads less than `gap` bytes
    /// apart are read in one.
    pub fn read_payloads<'e>(
        &self,
        entries: impl Iterator<Item = &'e Entry>,
        which: Payloads,
        gap: u64,
    ) -> Vec<Span> {
        let (mut records, mut checked) = (Runs::new(gap), Runs::new(gap));
        for entry in entries {
            let (record, check) = match (which, entry.checked) {
                (Payloads::Record, _) | (Payloads::Checked, None) => (true, None),
                (Payloads::Checked, Some(place)) => (false, Some(place)),
                (Payloads::Both, place) => (true, place),
            };
            if record {
                records.add(entry.payload);
            }
            if let Some(place) = check {
                checked.add(place);
            }
        }
        // The records' region lies before the `Checked` one: the spans
        // come out in file order.
        (records.runs.into_iter().chain(checked.runs))
            .filter_map(|(start, end)| {
                let bytes = read_at(&self.file, start, end.checked_sub(start)?)?;
                Some(Span { start, bytes })
            })
            .collect()
    }
}

/// Payloads gathered into runs of bytes to read at once.
struct Runs {
    gap: u64,
    runs: Vec<(u64, u64)>,
}

impl Runs {
    fn new(gap: u64) -> Runs {
        Runs {
            gap,
            runs: Vec::new(),
        }
    }

    /// Adds a payload that lies after every one added before.
    fn add(&mut self, place: Place) {
        match self.runs.last_mut() {
            Some((_, end)) if place.at.saturating_sub(*end) < self.gap => *end = place.end(),
            _ => self.runs.push((place.at, place.end())),
        }
    }
}

/// `len` bytes of `file` at `at`.
fn read_at(mut file: &File, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0u8; usize::try_from(len).ok()?];
    file.seek(SeekFrom::Start(at)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// Payload bytes read from the cache, starting at offset `start`.
pub struct Span {
    start: u64,
    bytes: Vec<u8>,
}

impl Span {
    /// The payload at `place`, if it lies in this span and its checksum
    /// holds.
    fn bytes_at(&self, place: Place) -> Option<&[u8]> {
        let from = usize::try_from(place.at.checked_sub(self.start)?).ok()?;
        let to = from + place.len as usize;
        let payload = self.bytes.get(from..to)?;
        let sum = self.bytes.get(to..to + 8)?;
        (sum == checksum(payload).to_le_bytes()).then_some(payload)
    }
}

/// The path of `entry` (relative to the root) among the cache's `paths`
/// (`Cache::paths`).
pub fn path_in<'p>(paths: &'p str, entry: &Entry) -> &'p str {
    let (from, len) = (entry.path.0 as usize, usize::from(entry.path.1));
    paths.get(from..from + len).unwrap_or_default()
}

/// The search text of `entry` among the cache's `texts` (`Cache::texts`),
/// as the UTF-8 bytes written (`facts::Needle` searches them as such).
pub fn search_in<'t>(texts: Option<&'t [u8]>, entry: &Entry) -> Option<&'t [u8]> {
    if !matches!(entry.holds, Holds::Record(_)) {
        return None;
    }
    let (from, len) = (entry.search.0 as usize, entry.search.1 as usize);
    texts?.get(from..from + len)
}

/// The payload of `entry` among `spans` (in file order), if read and
/// intact.
pub fn payload_in<'s>(spans: &'s [Span], entry: &Entry) -> Option<&'s [u8]> {
    span_of(spans, entry.payload)?.bytes_at(entry.payload)
}

/// The `Checked` payload of `entry` among `spans`, if it has one, read
/// and intact.
pub fn checked_in<'s>(spans: &'s [Span], entry: &Entry) -> Option<&'s [u8]> {
    let place = entry.checked?;
    span_of(spans, place)?.bytes_at(place)
}

fn span_of(spans: &[Span], place: Place) -> Option<&Span> {
    let after = spans.partition_point(|span| span.start <= place.at);
    spans.get(after.checked_sub(1)?)
}

/// What `check` keeps of a record its own rules found nothing in: what
/// the rules across records read of it (`validate::Ties`) and the archive
/// numbers it accounts for (`archive::used_numbers`).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub ties: Ties,
    pub archive_numbers: Vec<ArchiveNumber>,
}

/// The `Checked` payload: the count of archive numbers, each as its text
/// with its length, then the ties' JSON. `None` when the ties or a number
/// would not read back the same (then the record is simply checked again
/// next time).
pub fn encode_checked(ties: &Ties, archive_numbers: &[ArchiveNumber]) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(256);
    let count = u16::try_from(archive_numbers.len()).ok()?;
    bytes.extend_from_slice(&count.to_le_bytes());
    for number in archive_numbers {
        let text = number.to_string();
        if ArchiveNumber::parse(&text).as_ref() != Some(number) {
            return None;
        }
        bytes.extend_from_slice(&u16::try_from(text.len()).ok()?.to_le_bytes());
        bytes.extend_from_slice(text.as_bytes());
    }
    let json = serde_json::to_vec(ties).ok()?;
    if serde_json::from_slice::<Ties>(&json).ok().as_ref() != Some(ties) {
        return None;
    }
    bytes.extend_from_slice(&json);
    Some(bytes)
}

/// Reads a `Checked` payload back for the file `id` names; `None` if it
/// does not decode or is not of `id`.
pub fn decode_checked(payload: &[u8], register: &Register, id: &Id) -> Option<Checked> {
    let mut cursor = Cursor(payload);
    let count = cursor.u16()?;
    let mut archive_numbers = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let len = usize::from(cursor.u16()?);
        let text = std::str::from_utf8(cursor.take(len)?).ok()?;
        archive_numbers.push(ArchiveNumber::parse(text)?);
    }
    let (kind, _) = register.kind_of(id)?;
    let ties = serde_json::from_slice::<Ties>(cursor.0)
        .ok()
        .filter(|ties| ties.id == *id && ties.kind == kind)?;
    Some(Checked {
        ties,
        archive_numbers,
    })
}

/// Decodes a payload for the file `id` names; `None` if it does not
/// decode, or holds a record that is not `id` (then the file is parsed
/// instead, and a file whose `id` disagrees with its name is reported, not
/// brought back from the cache as a record).
pub fn decode(entry: &Entry, payload: &[u8], register: &Register, id: &Id) -> Option<Parsed> {
    match entry.holds {
        Holds::Record(_) => {
            let (kind, book) = register.kind_of(id)?;
            let mut record = decode_record(payload, kind, book)
                .ok()
                .filter(|r| r.id() == id)?;
            // As read from its file: an entry learns its book's date field.
            record.know_books(&register.config.logbooks);
            Some(Parsed::Record(Box::new(record)))
        }
        Holds::Problem => {
            let mut cursor = Cursor(payload);
            let line = cursor.u32()? as usize;
            let column = cursor.u32()? as usize;
            let problem = serde_json::from_slice(cursor.0).ok()?;
            Some(Parsed::Problem {
                line,
                column,
                problem,
            })
        }
    }
}

/// The payload of `record`: its JSON already made (`Record::to_json_vec`),
/// if it decodes back to an equal record; records that JSON cannot carry
/// exactly (odd hand-added YAML) are simply not cached.
pub fn encode_json(record: &Record, json: Vec<u8>) -> Option<Vec<u8>> {
    let back = decode_record(&json, record.kind(), record.book()).ok()?;
    (back == *record).then_some(json)
}

/// A problem's payload.
pub fn encode_problem(problem: &Problem) -> Vec<u8> {
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX).to_le_bytes();
    let mut bytes = Vec::with_capacity(64);
    bytes.extend_from_slice(&n(problem.line));
    bytes.extend_from_slice(&n(problem.column));
    // The problem is a plain enum of strings and numbers: JSON of it
    // cannot fail, and an empty payload would only be a cache miss.
    bytes.extend_from_slice(&serde_json::to_vec(&problem.problem).unwrap_or_default());
    bytes
}

fn decode_record(bytes: &[u8], kind: Kind, book: Option<&str>) -> serde_json::Result<Record> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let record = Record::deserialize_as(&mut de, kind, book)?;
    de.end()?;
    Ok(record)
}

/// What makes a cache belong to this code and these settings: a cache
/// written by a build whose record types or cache layout differ in any
/// byte of their source (`build.rs`), or under other settings, is never
/// read. Builds of the same source share it, so two installed copies of
/// one release do not rebuild it in turn.
pub fn key(register: &Register) -> u64 {
    let mut text = Vec::new();
    text.extend_from_slice(&LAYOUT_VERSION.to_le_bytes());
    text.extend_from_slice(&RULES_VERSION.to_le_bytes());
    text.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    text.extend_from_slice(env!("TAIZHANG_SCHEMA").as_bytes());
    text.extend_from_slice(&std::fs::read(register.root.join(SETTINGS_FILE)).unwrap_or_default());
    checksum(&text)
}

/// A fast 64-bit checksum, word at a time: catches damage, not malice.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        h = (h ^ word)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    h ^ (h >> 31)
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn date(&mut self) -> Option<Date> {
        let year = self.u16()? as i16;
        let (month, day) = (self.u8()? as i8, self.u8()? as i8);
        Date::new(year, month, day).ok()
    }
}

/// The index: entries strictly ascending by path, each payload inside
/// its region and after the one before it, each search text among the
/// texts. Anything else is damage.
fn parse_index(bytes: &[u8], regions: &Regions, count: usize) -> Option<(Vec<Entry>, String)> {
    let mut cursor = Cursor(bytes);
    // No entry is shorter than this: the count cannot ask for more.
    const MIN_ENTRY: usize = 2 + 40 + 1 + 12;
    let mut entries: Vec<Entry> = Vec::with_capacity(count.min(bytes.len() / MIN_ENTRY));
    let mut paths = String::with_capacity(bytes.len() / 4);
    let (mut next_record, mut next_checked) = (HEADER_LEN as u64, regions.checked_at);
    let mut previous = 0..0;
    while !cursor.0.is_empty() {
        let entry = parse_entry(&mut cursor, regions.checked_at, &mut paths)?;
        let path = entry.path.0 as usize..paths.len();
        let ordered = entries.is_empty() || paths[previous.clone()] < paths[path.clone()];
        let record_fits =
            entry.payload.at >= next_record && entry.payload.end() <= regions.checked_at;
        let checked_fits = entry
            .checked
            .is_none_or(|place| place.at >= next_checked && place.end() <= regions.texts_at);
        let text_fits = u64::from(entry.search.0) + u64::from(entry.search.1) <= regions.texts_len;
        if !(ordered && record_fits && checked_fits && text_fits) {
            return None;
        }
        next_record = entry.payload.end();
        next_checked = entry.checked.map_or(next_checked, Place::end);
        previous = path;
        entries.push(entry);
    }
    (entries.len() == count).then_some((entries, paths))
}

/// One entry, its path added to `paths`; a `Checked` payload's offset is
/// kept from the start of its region, which begins at `checked_at`.
fn parse_entry(cursor: &mut Cursor, checked_at: u64, paths: &mut String) -> Option<Entry> {
    let path_len = cursor.u16()?;
    let path_at = u32::try_from(paths.len()).ok()?;
    paths.push_str(std::str::from_utf8(cursor.take(usize::from(path_len))?).ok()?);
    let path = (path_at, path_len);
    let fingerprint = Fingerprint::read(cursor)?;
    let (holds, flags, search) = match cursor.u8()? {
        TAG_RECORD => {
            let flags = cursor.u8()?;
            let facts = read_facts(cursor)?;
            (Holds::Record(facts), flags, (cursor.u32()?, cursor.u32()?))
        }
        TAG_PROBLEM => (Holds::Problem, 0, (0, 0)),
        _ => return None,
    };
    let payload = Place {
        at: cursor.u64()?,
        len: cursor.u32()?,
    };
    let checked = match flags & FLAG_CHECKED {
        0 => None,
        _ => Some(Place {
            at: checked_at.checked_add(cursor.u64()?)?,
            len: cursor.u32()?,
        }),
    };
    let intact = payload.len <= MAX_PAYLOAD && checked.is_none_or(|c| c.len <= MAX_PAYLOAD);
    intact.then_some(Entry {
        path,
        fingerprint,
        holds,
        comments: flags & FLAG_COMMENTS != 0,
        search,
        payload,
        checked,
    })
}

fn write_date(out: &mut Vec<u8>, date: Date) {
    out.extend_from_slice(&date.year().to_le_bytes());
    out.push(date.month() as u8);
    out.push(date.day() as u8);
}

/// The bits of a record's facts' first byte.
const FACT_OPEN: u8 = 1;
const FACT_PART: u8 = 2;
const FACT_INHERITS: u8 = 4;

fn write_facts(out: &mut Vec<u8>, facts: &Facts) {
    let open = if facts.open { FACT_OPEN } else { 0 };
    let part = if facts.part { FACT_PART } else { 0 };
    let inherits = if facts.inherits { FACT_INHERITS } else { 0 };
    out.push(open | part | inherits);
    let level = Secrecy::ALL.iter().position(|s| *s == facts.secrecy);
    out.push(level.map_or(u8::MAX, |l| l as u8));
    out.push(u8::from(facts.settled.is_some()));
    write_date(out, facts.settled.unwrap_or(Date::MIN));
    write_date(out, facts.filed);
    write_date(out, facts.first);
    write_date(out, facts.last);
}

fn read_facts(cursor: &mut Cursor) -> Option<Facts> {
    let bits = cursor.u8()?;
    let secrecy = Secrecy::ALL.get(usize::from(cursor.u8()?)).copied()?;
    let has_settled = cursor.u8()? != 0;
    let settled = cursor.date()?;
    Some(Facts {
        open: bits & FACT_OPEN != 0,
        part: bits & FACT_PART != 0,
        inherits: bits & FACT_INHERITS != 0,
        secrecy,
        settled: has_settled.then_some(settled),
        filed: cursor.date()?,
        first: cursor.date()?,
        last: cursor.date()?,
    })
}

/// What a new cache keeps of one file.
pub struct Add<'a> {
    pub holds: Holds,
    /// The file holds `#` comments.
    pub comments: bool,
    /// A record's search text (`facts::search_text`), as its UTF-8
    /// bytes; a record without one is not cached.
    pub search: Option<&'a [u8]>,
    pub payload: &'a [u8],
    /// A record `check` found clean: its `Checked` payload.
    pub checked: Option<&'a [u8]>,
}

/// Writes a new cache: record payloads as they come, in path order, the
/// `Checked` payloads beside them in a file of their own, and the search
/// texts and the index in memory; at the end the `Checked` payloads,
/// the texts and the index follow the records, and the whole is renamed
/// into place. Any failure drops the new cache silently: it is only an
/// optimisation, and the next command tries again.
pub struct Writer {
    out: BufWriter<tempfile::NamedTempFile>,
    /// The `Checked` payloads, moved after the records' at the end.
    checked: BufWriter<File>,
    key: u64,
    dir: PathBuf,
    index: Vec<u8>,
    texts: Vec<u8>,
    offset: u64,
    checked_offset: u64,
    last_path: Option<String>,
    count: u64,
    failed: bool,
}

impl Writer {
    pub fn create(register: &Register, key: u64) -> Option<Writer> {
        // The state folder ignores itself in git, so creating it here never
        // shows in `git status`.
        let dir = crate::store::save::ensure_state_dir(&register.root).ok()?;
        remove_abandoned(&dir, register.runtime.now);
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&dir)
            .ok()?;
        let checked = tempfile::tempfile_in(&dir).ok()?;
        let mut out = BufWriter::with_capacity(1 << 16, tmp);
        out.write_all(&[0u8; HEADER_LEN]).ok()?;
        Some(Writer {
            out,
            checked: BufWriter::with_capacity(1 << 16, checked),
            key,
            dir,
            index: Vec::with_capacity(1 << 20),
            texts: Vec::with_capacity(1 << 20),
            offset: HEADER_LEN as u64,
            checked_offset: 0,
            last_path: None,
            count: 0,
            failed: false,
        })
    }

    /// Adds the entry for the file at `path` (paths must ascend), with
    /// its record's (or problem's) payload and, for a record `check`
    /// found clean, its `Checked` payload.
    pub fn add(&mut self, path: &Path, fingerprint: Fingerprint, add: Add) {
        let Some(path) = path.to_str() else { return };
        let fits = |bytes: &[u8]| {
            u32::try_from(bytes.len())
                .ok()
                .filter(|l| *l <= MAX_PAYLOAD)
        };
        let (Ok(path_len), Some(len)) = (u16::try_from(path.len()), fits(add.payload)) else {
            return;
        };
        let checked = add.checked.and_then(|c| Some((c, fits(c)?)));
        let search = match (&add.holds, add.search) {
            (Holds::Record(_), Some(text)) => text,
            (Holds::Record(_), None) => return,
            (Holds::Problem, _) => &[][..],
        };
        let (Ok(search_at), Ok(search_len)) =
            (u32::try_from(self.texts.len()), u32::try_from(search.len()))
        else {
            return;
        };
        if self.last_path.as_deref().is_some_and(|last| last >= path) {
            return;
        }
        let mut written = write_payload(&mut self.out, add.payload);
        if let Some((payload, _)) = checked {
            written = written.and_then(|()| write_payload(&mut self.checked, payload));
        }
        if written.is_err() {
            self.failed = true;
            return;
        }
        let index = &mut self.index;
        index.extend_from_slice(&path_len.to_le_bytes());
        index.extend_from_slice(path.as_bytes());
        fingerprint.write(index);
        match &add.holds {
            Holds::Record(facts) => {
                index.push(TAG_RECORD);
                let flags = (if add.comments { FLAG_COMMENTS } else { 0 })
                    | (if checked.is_some() { FLAG_CHECKED } else { 0 });
                index.push(flags);
                write_facts(index, facts);
                index.extend_from_slice(&search_at.to_le_bytes());
                index.extend_from_slice(&search_len.to_le_bytes());
                self.texts.extend_from_slice(search);
            }
            Holds::Problem => index.push(TAG_PROBLEM),
        }
        index.extend_from_slice(&self.offset.to_le_bytes());
        index.extend_from_slice(&len.to_le_bytes());
        self.offset += u64::from(len) + 8;
        if let Some((_, checked_len)) = checked {
            index.extend_from_slice(&self.checked_offset.to_le_bytes());
            index.extend_from_slice(&checked_len.to_le_bytes());
            self.checked_offset += u64::from(checked_len) + 8;
        }
        self.last_path = Some(path.to_string());
        self.count += 1;
    }

    /// Writes the `Checked` payloads, the texts, the index and the
    /// header, and puts the cache in place.
    pub fn finish(self) {
        let _ = self.try_finish();
    }

    fn try_finish(mut self) -> std::io::Result<()> {
        if self.failed {
            return Err(std::io::Error::other("a payload could not be written"));
        }
        let mut checked = self.checked.into_inner().map_err(|e| e.into_error())?;
        checked.seek(SeekFrom::Start(0))?;
        let checked_at = self.offset;
        let copied = std::io::copy(&mut checked, &mut self.out)?;
        if copied != self.checked_offset {
            return Err(std::io::Error::other("the checked payloads were cut short"));
        }
        let texts_at = checked_at + copied;
        let texts_len = self.texts.len() as u64;
        self.out.write_all(&self.texts)?;
        self.out.write_all(&self.index)?;
        let fields = [
            self.key,
            texts_at + texts_len,
            self.index.len() as u64,
            checksum(&self.index),
            self.count,
            checked_at,
            texts_at,
            texts_len,
            checksum(&self.texts),
        ];
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        for field in fields {
            header.extend_from_slice(&field.to_le_bytes());
        }
        self.out.seek(SeekFrom::Start(0))?;
        self.out.write_all(&header)?;
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(self.dir.join(CACHE_FILE))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

/// Writes a payload followed by its checksum.
fn write_payload(out: &mut impl Write, payload: &[u8]) -> std::io::Result<()> {
    out.write_all(payload)?;
    out.write_all(&checksum(payload).to_le_bytes())
}

/// Temporary files of caches being written start with this.
const TEMP_PREFIX: &str = ".cache-";

/// A cache write left unfinished this long ago was killed: no write takes
/// more than seconds.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes temporary cache files that killed commands left behind. Files
/// of writes still running are young and left alone.
/// `now` is seconds since the epoch, as the context read it.
fn remove_abandoned(dir: &Path, now: i64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let old = entry
            .metadata()
            .ok()
            .map(|meta| Fingerprint::of(&meta).mtime)
            .and_then(|mtime| u64::try_from(now.saturating_sub(mtime)).ok())
            .is_some_and(|age| age > ABANDONED_AFTER.as_secs());
        if old && name.to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the cache, for tests and recovery.
pub fn remove(register: &Register) {
    let _ = std::fs::remove_file(path(register));
}

/// Where the cache lives.
pub fn path(register: &Register) -> PathBuf {
    register.state_dir().join(CACHE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `record` as the cache holds it: its index entry and payload.
    fn cached(record: &Record) -> (Entry, Vec<u8>) {
        let payload = encode_json(record, record.to_json_vec().unwrap()).unwrap();
        let entry = Entry {
            path: (0, 0),
            fingerprint: Fingerprint::default(),
            holds: Holds::Record(Facts::of(record)),
            comments: false,
            search: (0, 0),
            payload: Place {
                at: 0,
                len: u32::try_from(payload.len()).unwrap(),
            },
            checked: None,
        };
        (entry, payload)
    }

    #[test]
    fn a_cached_record_is_never_taken_for_another_id() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/office");
        let register = Register::open(&root).unwrap();
        let record = crate::testing::example_records()
            .into_iter()
            .find(|r| r.kind() == Kind::Followup)
            .unwrap();
        let (entry, payload) = cached(&record);
        let own = decode(&entry, &payload, &register, record.id());
        assert_eq!(own, Some(Parsed::Record(Box::new(record.clone()))));
        let other = Id::new(
            record.id().prefix(),
            record.id().year(),
            record.id().seq() + 1,
        );
        assert_eq!(decode(&entry, &payload, &register, &other), None);
    }

    #[test]
    fn a_cached_entry_is_filed_under_its_books_date_field() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/office");
        let register = Register::open(&root).unwrap();
        let record = crate::testing::example_records()
            .into_iter()
            .find(|r| r.book() == Some("visit"))
            .unwrap();
        let (entry, payload) = cached(&record);
        let Some(Parsed::Record(back)) = decode(&entry, &payload, &register, record.id()) else {
            panic!("the entry decodes");
        };
        let Record::Entry(back, _) = *back else {
            panic!("an entry");
        };
        let want = crate::model::logbook::FiledBy::Field("arrived".into());
        assert_eq!(back.filed_by, want);
    }

    #[test]
    fn facts_survive_the_index() {
        let facts = Facts {
            open: true,
            secrecy: Secrecy::HighlySecret,
            part: true,
            inherits: true,
            settled: Some(Date::constant(2026, 11, 23)),
            filed: Date::constant(2026, 3, 2),
            first: Date::MIN,
            last: Date::MAX,
        };
        let mut bytes = Vec::new();
        write_facts(&mut bytes, &facts);
        assert_eq!(read_facts(&mut Cursor(&bytes)), Some(facts));
        let open = Facts {
            settled: None,
            ..facts
        };
        bytes.clear();
        write_facts(&mut bytes, &open);
        assert_eq!(read_facts(&mut Cursor(&bytes)), Some(open));
    }
}
