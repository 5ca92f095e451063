//! A derived cache of parsed records: `.taizhang/cache.bin` (DESIGN §8).
//!
//! What it is for: parsing 100,000 YAML files takes seconds; decoding their
//! already-parsed form takes a fraction of that. Each entry holds a record
//! file's path, the file's fingerprint when it was parsed (size, mtime and
//! ctime to the nanosecond, inode), and the outcome of parsing it: the
//! record as JSON, or the problem that made it unreadable.
//!
//! What it must never do: change an answer. An entry is used only when the
//! file's fingerprint is exactly the one recorded, the entry's checksum
//! holds, and the file was not changed within `RACY_SECONDS` before it was
//! stat-ed (a second edit in the same timestamp tick could keep the
//! fingerprint). A record is cached only if its JSON decodes back to an
//! equal record. A cache written by another build or for other settings is
//! ignored whole; a corrupt or truncated one is read up to the damage and
//! rebuilt. Anything not trusted is parsed from its file, as without cache.
//! The cache is never a source of truth: deleting it is always safe, and
//! failing to write it is silent.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::store::load::Problem;
use crate::store::register::{Register, SETTINGS_FILE};

/// The cache file, under the register's state folder.
pub const CACHE_FILE: &str = "cache.bin";
const MAGIC: &[u8; 8] = b"TZCACHE1";
/// Bump when the layout or the meaning of an entry changes.
const LAYOUT_VERSION: u64 = 1;
/// Changes within this many seconds before the files were stat-ed are not
/// cached: coarse file-system clocks could hide a second same-size edit.
const RACY_SECONDS: i64 = 3;
/// No entry is this large (records are limited to 1 MiB).
const MAX_ENTRY: u32 = 8 << 20;
const TAG_RECORD: u8 = 0;
const TAG_PROBLEM: u8 = 1;

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

    fn write(&self, out: &mut Vec<u8>) {
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

/// Seconds since the epoch now, taken before files are stat-ed.
pub fn now_seconds() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The outcome of parsing one file, as the cache keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Record(Box<Record>),
    Problem {
        line: usize,
        column: usize,
        message: String,
    },
}

/// One cache entry as read, not yet decoded.
#[derive(Debug)]
pub struct RawEntry {
    pub path: String,
    pub fingerprint: Fingerprint,
    tag: u8,
    payload: Vec<u8>,
}

impl RawEntry {
    /// Decodes the entry for the file `id` names; `None` if it does not
    /// decode (then the file is parsed instead).
    pub fn decode(&self, register: &Register, id: &Id) -> Option<Parsed> {
        match self.tag {
            TAG_RECORD => {
                let (kind, book) = register.kind_of(id)?;
                decode_record(&self.payload, kind, book)
                    .ok()
                    .map(|r| Parsed::Record(Box::new(r)))
            }
            TAG_PROBLEM => {
                let mut cursor = Cursor(&self.payload);
                let line = cursor.u32()? as usize;
                let column = cursor.u32()? as usize;
                let message = std::str::from_utf8(cursor.0).ok()?.to_string();
                Some(Parsed::Problem {
                    line,
                    column,
                    message,
                })
            }
            _ => None,
        }
    }
}

/// The record's JSON, if it decodes back to an equal record; records that
/// JSON cannot carry exactly (odd hand-added YAML) are simply not cached.
pub fn encode_record(record: &Record, verify: bool) -> Option<Vec<u8>> {
    let bytes = match record {
        Record::Incoming(r) => serde_json::to_vec(r),
        Record::Outgoing(r) => serde_json::to_vec(r),
        Record::Followup(r) => serde_json::to_vec(r),
        Record::Meeting(r) => serde_json::to_vec(r),
        Record::Entry(r, _) => serde_json::to_vec(r),
    }
    .ok()?;
    if verify {
        let back = decode_record(&bytes, record.kind(), record.book()).ok()?;
        if back != *record {
            return None;
        }
    }
    Some(bytes)
}

fn decode_record(bytes: &[u8], kind: Kind, book: Option<&str>) -> serde_json::Result<Record> {
    Ok(match kind {
        Kind::Incoming => Record::Incoming(serde_json::from_slice(bytes)?),
        Kind::Outgoing => Record::Outgoing(serde_json::from_slice(bytes)?),
        Kind::Followup => Record::Followup(serde_json::from_slice(bytes)?),
        Kind::Meeting => Record::Meeting(serde_json::from_slice(bytes)?),
        Kind::Logbook => Record::Entry(
            serde_json::from_slice(bytes)?,
            book.unwrap_or_default().to_string(),
        ),
    })
}

/// What makes a cache belong to this build and these settings: a cache
/// written by another binary or under other settings is never read.
pub fn key(register: &Register) -> u64 {
    let mut text = Vec::new();
    text.extend_from_slice(&LAYOUT_VERSION.to_le_bytes());
    text.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        Fingerprint::of(&meta).write(&mut text);
    }
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
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// Reads entries in path order, stopping quietly at the first damage.
pub struct Reader {
    input: BufReader<std::fs::File>,
    next: Option<RawEntry>,
    /// The file was damaged or not fully readable.
    pub damaged: bool,
}

impl Reader {
    /// Opens the cache if it exists and belongs to this build and settings.
    pub fn open(register: &Register, key: u64) -> Option<Reader> {
        let path = register.state_dir().join(CACHE_FILE);
        let file = std::fs::File::open(path).ok()?;
        let mut input = BufReader::with_capacity(1 << 16, file);
        let mut header = [0u8; 16];
        input.read_exact(&mut header).ok()?;
        if &header[..8] != MAGIC || header[8..] != key.to_le_bytes() {
            return None;
        }
        let mut reader = Reader {
            input,
            next: None,
            damaged: false,
        };
        reader.advance();
        Some(reader)
    }

    fn advance(&mut self) {
        self.next = match self.read_entry() {
            Ok(entry) => entry,
            Err(()) => {
                self.damaged = true;
                None
            }
        };
    }

    /// The next entry, `Ok(None)` at a clean end, `Err` on damage.
    fn read_entry(&mut self) -> Result<Option<RawEntry>, ()> {
        let mut len = [0u8; 4];
        match self.input.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(_) => return Err(()),
        }
        let len = u32::from_le_bytes(len);
        if len > MAX_ENTRY {
            return Err(());
        }
        let mut body = vec![0u8; len as usize + 8];
        self.input.read_exact(&mut body).map_err(|_| ())?;
        let (body, sum) = body.split_at(len as usize);
        if sum != checksum(body).to_le_bytes() {
            return Err(());
        }
        parse_entry(body).ok_or(()).map(Some)
    }

    /// The entry for `path`, if the cache has one; entries for paths
    /// before it (files since deleted) are skipped. Paths must be asked
    /// for in ascending order.
    pub fn take(&mut self, path: &str) -> Option<RawEntry> {
        loop {
            let next_path = self.next.as_ref()?.path.as_str();
            match next_path.cmp(path) {
                std::cmp::Ordering::Less => self.advance(),
                std::cmp::Ordering::Equal => {
                    let entry = self.next.take();
                    self.advance();
                    return entry;
                }
                std::cmp::Ordering::Greater => return None,
            }
        }
    }
}

fn parse_entry(body: &[u8]) -> Option<RawEntry> {
    let mut cursor = Cursor(body);
    let path_len = cursor.u16()? as usize;
    let path = std::str::from_utf8(cursor.take(path_len)?)
        .ok()?
        .to_string();
    let fingerprint = Fingerprint::read(&mut cursor)?;
    let tag = cursor.take(1)?[0];
    Some(RawEntry {
        path,
        fingerprint,
        tag,
        payload: cursor.0.to_vec(),
    })
}

/// One entry to write: a file and what parsing it gave.
pub struct NewEntry<'a> {
    pub path: &'a Path,
    pub fingerprint: Fingerprint,
    pub parsed: EntryBody<'a>,
}

pub enum EntryBody<'a> {
    /// Pre-encoded record JSON.
    Record(Vec<u8>),
    Problem(&'a Problem),
}

/// Writes a new cache atomically (temporary file, then rename). Entries
/// must come sorted by path. Failure is not an error: the cache is only
/// an optimisation, and the next command tries again.
pub fn write(register: &Register, key: u64, entries: &[NewEntry]) {
    let _ = try_write(register, key, entries);
}

fn try_write(register: &Register, key: u64, entries: &[NewEntry]) -> std::io::Result<()> {
    // The state folder ignores itself in git, so creating it here never
    // shows in `git status`.
    let dir = crate::store::save::ensure_state_dir(&register.root)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let tmp = tempfile::Builder::new()
        .prefix(".cache-")
        .tempfile_in(&dir)?;
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    out.write_all(MAGIC)?;
    out.write_all(&key.to_le_bytes())?;
    let mut body = Vec::with_capacity(4096);
    for entry in entries {
        body.clear();
        if !encode_entry(entry, &mut body) {
            continue;
        }
        let len = u32::try_from(body.len()).unwrap_or(u32::MAX);
        if len > MAX_ENTRY {
            continue;
        }
        out.write_all(&len.to_le_bytes())?;
        out.write_all(&body)?;
        out.write_all(&checksum(&body).to_le_bytes())?;
    }
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.persist(dir.join(CACHE_FILE)).map_err(|e| e.error)?;
    Ok(())
}

fn encode_entry(entry: &NewEntry, body: &mut Vec<u8>) -> bool {
    let Some(path) = entry.path.to_str() else {
        return false;
    };
    let Ok(path_len) = u16::try_from(path.len()) else {
        return false;
    };
    body.extend_from_slice(&path_len.to_le_bytes());
    body.extend_from_slice(path.as_bytes());
    entry.fingerprint.write(body);
    match &entry.parsed {
        EntryBody::Record(json) => {
            body.push(TAG_RECORD);
            body.extend_from_slice(json);
        }
        EntryBody::Problem(problem) => {
            body.push(TAG_PROBLEM);
            let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX).to_le_bytes();
            body.extend_from_slice(&n(problem.line));
            body.extend_from_slice(&n(problem.column));
            body.extend_from_slice(problem.message.as_bytes());
        }
    }
    true
}

/// The path string a file is cached under (`None` if not UTF-8).
pub fn path_key(path: &Path) -> Option<&str> {
    path.to_str()
}

/// Removes the cache, for tests and for `check --no-cache`-like recovery.
pub fn remove(register: &Register) {
    let _ = std::fs::remove_file(register.state_dir().join(CACHE_FILE));
}

/// Where the cache lives.
pub fn path(register: &Register) -> PathBuf {
    register.state_dir().join(CACHE_FILE)
}
