//! Finding a register, reading its settings, and mapping IDs to files.
//!
//! Every path this module hands out is inside the register: IDs are
//! validated before they become file names, and files reached through a
//! symbolic link are refused.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::config::{Config, ConfigProblem, FORMAT_VERSION};
use crate::model::id::{Id, is_padded};
use crate::model::kind::Kind;
use crate::store::error::{Error, Result};

pub const SETTINGS_FILE: &str = "taizhang.toml";
pub const CALENDAR_FILE: &str = "calendar.toml";
pub const STATE_DIR: &str = ".taizhang";

/// The register's folder: `explicit` (from `-C` or `TAIZHANG_REGISTER`),
/// else the nearest folder upward from `cwd` holding `taizhang.toml`.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        let dir = cwd.join(dir);
        if !dir.join(SETTINGS_FILE).is_file() {
            return Err(Error::NoRegister { start: dir });
        }
        return Ok(dir);
    }
    let mut dir = Some(cwd);
    while let Some(d) = dir {
        if d.join(SETTINGS_FILE).is_file() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Err(Error::NoRegister {
        start: cwd.to_path_buf(),
    })
}

/// The settings read before anything else, from one read of
/// `taizhang.toml`: `language`, so that every message, even one about bad
/// settings or a bad flag, is in the language the office chose; and
/// `timezone`, so that "today" and "now" are the office's, not the
/// server's. Only these keys are read; a register that cannot be found or
/// read has no say (the command reports why later).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EarlySettings {
    /// The settings file they came from, for messages about them.
    pub path: PathBuf,
    pub language: Option<String>,
    /// The `timezone` value as written (a value that is not text is
    /// kept in TOML form, to be refused as no zone).
    pub timezone: Option<String>,
}

/// Reads [`EarlySettings`] from the register found from `explicit` and
/// `cwd`; `None` when there is no register or its file is not TOML.
pub fn early_settings(explicit: Option<&Path>, cwd: &Path) -> Option<EarlySettings> {
    let path = find_root(explicit, cwd).ok()?.join(SETTINGS_FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let language = table
        .get("language")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let timezone = table.get("timezone").map(|v| match v.as_str() {
        Some(text) => text.to_string(),
        None => v.to_string(),
    });
    Some(EarlySettings {
        path,
        language,
        timezone,
    })
}

/// The zone a `timezone` setting (or `init --timezone`) names: an IANA
/// name (`Asia/Shanghai`), looked up in the system's time zone database
/// or, without one, the copy built into taizhang; or a fixed offset from
/// UTC (`+08:00`, `+0800`, `+08`, `-05:30`). `None` for anything else.
pub fn time_zone(text: &str) -> Option<jiff::tz::TimeZone> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(offset) = fixed_offset(text) {
        return Some(jiff::tz::TimeZone::fixed(offset));
    }
    // jiff also reads POSIX TZ strings and file paths here; a register
    // names its zone by IANA name only.
    let named = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b));
    if !named || text.starts_with('/') {
        return None;
    }
    jiff::tz::TimeZone::get(text).ok()
}

/// `+08:00`, `+0800`, `+08`, `-05:30`: a sign, hours, and optional minutes.
fn fixed_offset(text: &str) -> Option<jiff::tz::Offset> {
    let sign: i32 = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &text[1..];
    let (hours, minutes) = match (rest.len(), rest.split_once(':')) {
        (_, Some((h, m))) => (h, m),
        (4, None) => rest.split_at(2),
        (1 | 2, None) => (rest, "00"),
        _ => return None,
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hours, 1..=2) || !digits(minutes, 2..=2) {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if hours > 18 || minutes > 59 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// An open register: its folder and settings, and what the command's
/// context read from the clock and the environment for the store.
#[derive(Debug, Clone)]
pub struct Register {
    pub root: PathBuf,
    pub config: Config,
    pub runtime: Runtime,
    /// Who writes, and where the store's own news goes, when
    /// `git.sync_on_write` shares each change (a renumbering noted in
    /// history, a warning that a change is not shared yet). Set by the
    /// context, only for registers that share on write.
    pub writer: Option<Writer>,
    /// Told how a long read goes (a first read of a big register parses
    /// every file), so that the context can show progress on a terminal.
    /// The store only counts; drawing is the context's.
    pub reading: Option<Reading>,
    /// Told, once a change is in place, of each record whose classified
    /// text the `[secrecy]` policy withheld or sealed, so that the clerk
    /// learns why it is not on disk as typed (the context words it).
    pub sealed: Option<SealTold>,
}

/// Where a change's [`seal::SealNote`](crate::store::seal::SealNote)s go.
#[derive(Clone)]
pub struct SealTold(pub std::sync::Arc<dyn Fn(&crate::store::seal::SealNote) + Send + Sync>);

impl std::fmt::Debug for SealTold {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealTold")
    }
}

/// A step of a read that parses files rather than taking them from the
/// cache: only such reads take long enough to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadStep {
    /// This many files are about to be parsed.
    Parsing(usize),
    /// This many more of them are parsed.
    Parsed(usize),
    /// Done, the cache written if one was due.
    Done,
}

/// Where a register's [`ReadStep`]s go.
#[derive(Clone)]
pub struct Reading(pub std::sync::Arc<dyn Fn(ReadStep) + Send + Sync>);

impl std::fmt::Debug for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reading")
    }
}

/// Who writes a sharing change, and how the clerk is told what sharing did
/// (the context words it in the reader's language: the store never does).
#[derive(Clone)]
pub struct Writer {
    pub actor: crate::model::common::Actor,
    pub tell: std::sync::Arc<dyn Fn(&crate::store::sync::SyncNote) + Send + Sync>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("actor", &self.actor)
            .finish_non_exhaustive()
    }
}

/// The clock and environment as the store needs them, read once by the
/// command's context (the only reader of either) and passed down here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Runtime {
    /// Seconds since the epoch when the command started: files changed
    /// within the cache's racy window of it are not cached.
    pub now: i64,
    /// How long a writer waits for another's lock.
    pub lock_wait: Duration,
}

impl Default for Runtime {
    /// Without a context: a clock at the epoch, so that no fingerprint is
    /// trusted enough to be cached, and the usual wait for the lock.
    fn default() -> Runtime {
        Runtime {
            now: 0,
            lock_wait: DEFAULT_LOCK_WAIT,
        }
    }
}

/// How long a writer waits for another by default. `TAIZHANG_LOCK_TIMEOUT`
/// (seconds) changes it, for slow shared file servers and for tests.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(30);

impl Register {
    /// Finds the register: `explicit` (from `-C` or `TAIZHANG_REGISTER`),
    /// else the nearest folder upward from `cwd` holding `taizhang.toml`.
    pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<Register> {
        Register::open(&find_root(explicit, cwd)?)
    }

    /// Opens the register in `root` and reads its settings.
    pub fn open(root: &Path) -> Result<Register> {
        let path = root.join(SETTINGS_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let config = parse_config(&text).map_err(|problem| Error::BadConfig {
            path: path.clone(),
            problem,
        })?;
        Ok(Register {
            root: root.to_path_buf(),
            config,
            runtime: Runtime::default(),
            writer: None,
            sealed: None,
            reading: None,
        })
    }

    /// The folder of local state (lock, temporary files, cache).
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(STATE_DIR)
    }

    /// The record kind and, for logbook entries, the book name of an ID.
    pub fn kind_of(&self, id: &Id) -> Option<(Kind, Option<&str>)> {
        let kind = self.config.kind_of_prefix(id.prefix())?;
        let book = match kind {
            Kind::Logbook => Some(self.config.logbook_by_prefix(id.prefix())?.0),
            _ => None,
        };
        Some((kind, book))
    }

    /// The folder, relative to the root, that holds records of `id`'s
    /// kind and year.
    pub fn relative_dir(&self, id: &Id) -> Option<PathBuf> {
        let (kind, book) = self.kind_of(id)?;
        let mut dir = PathBuf::from(kind.folder());
        if let Some(book) = book {
            dir.push(book);
        }
        dir.push(format!("{:04}", id.year()));
        Some(dir)
    }

    /// The file of `id`, relative to the root.
    pub fn relative_path(&self, id: &Id) -> Option<PathBuf> {
        Some(self.relative_dir(id)?.join(id.file_name()))
    }

    /// Whether `relative` is where `id` belongs: the same answer as
    /// comparing with `relative_path`, without building that path (it is
    /// asked for every file of the register on every read).
    pub fn is_place_of(&self, id: &Id, relative: &Path) -> bool {
        let Some((kind, book)) = self.kind_of(id) else {
            return false;
        };
        let mut parts = relative.iter().map(|part| part.to_str());
        parts.next() == Some(Some(kind.folder()))
            && book.is_none_or(|book| parts.next() == Some(Some(book)))
            && parts
                .next()
                .flatten()
                .is_some_and(|year| is_padded(year, i64::from(id.year())))
            && parts
                .next()
                .flatten()
                .and_then(|name| name.strip_suffix(".yaml"))
                .is_some_and(|stem| id.is_written_as(stem))
            && parts.next().is_none()
    }

    /// The file of `id`, refused if any part of the way is a symbolic link.
    pub fn record_path(&self, id: &Id) -> Result<PathBuf> {
        let relative = self
            .relative_path(id)
            .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
        self.contained(&relative)
    }

    /// `relative` under the root, provided no existing component of it is
    /// a symbolic link (which could lead outside the register).
    pub fn contained(&self, relative: &Path) -> Result<PathBuf> {
        if relative.is_absolute()
            || relative
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(Error::OutsideRegister {
                path: relative.to_path_buf(),
            });
        }
        let mut path = self.root.clone();
        for component in relative.components() {
            path.push(component);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(Error::OutsideRegister { path });
            }
        }
        Ok(path)
    }

    /// The folders of the register that git must hold as committed: each
    /// kind's record folder and the attachments folder.
    pub fn committed_folders() -> Vec<&'static str> {
        let mut folders = Kind::folders();
        folders.push(crate::store::attach::FOLDER);
        folders
    }

    /// The folders that hold records (`documents`, `followups`, …).
    pub fn record_roots(&self) -> Vec<PathBuf> {
        let mut roots: Vec<PathBuf> = Kind::folders()
            .into_iter()
            .filter(|folder| *folder != Kind::Logbook.folder())
            .map(|folder| self.root.join(folder))
            .collect();
        for name in self.config.logbooks.keys() {
            roots.push(self.root.join(Kind::Logbook.folder()).join(name));
        }
        roots
    }
}

/// Reads and checks `taizhang.toml`.
pub fn parse_config(text: &str) -> std::result::Result<Config, ConfigProblem> {
    let config: Config = toml::from_str(text).map_err(|e| ConfigProblem::syntax(&e, text))?;
    if config.format_version > FORMAT_VERSION {
        return Err(ConfigProblem::Newer {
            found: config.format_version,
            supported: FORMAT_VERSION,
        });
    }
    if let Some(zone) = &config.timezone
        && time_zone(zone).is_none()
    {
        return Err(ConfigProblem::BadTimezone {
            value: zone.clone(),
        });
    }
    let mut prefixes = config.all_prefixes();
    for prefix in &prefixes {
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ConfigProblem::BadPrefix {
                prefix: prefix.to_string(),
            });
        }
    }
    prefixes.sort_by_key(|p| p.to_ascii_uppercase());
    if let Some(pair) = prefixes
        .windows(2)
        .find(|w| w[0].eq_ignore_ascii_case(&w[1]))
    {
        return Err(ConfigProblem::PrefixTwice {
            prefix: pair[0].to_string(),
        });
    }
    for name in config.logbooks.keys() {
        let safe = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !safe {
            return Err(ConfigProblem::BadBookName { name: name.clone() });
        }
    }
    Ok(config)
}

/// Renders settings for a new register, with comments a clerk can follow.
pub fn render_config(config: &Config) -> String {
    let body = toml::to_string_pretty(config).unwrap_or_default();
    format!(
        "# taizhang register settings (台账设置). Edit by hand; `taizhang check` validates.\n\
         # units: departments (name, optional code); series: outgoing document numbers\n\
         # (issuer code such as 市交发 gives 市交发〔2026〕1号); logbooks: typed registers.\n\n{body}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_an_iana_name_or_a_fixed_offset() {
        let name = |text: &str| time_zone(text).and_then(|z| z.iana_name().map(str::to_string));
        assert_eq!(name("Asia/Shanghai").as_deref(), Some("Asia/Shanghai"));
        assert_eq!(name(" Europe/Berlin ").as_deref(), Some("Europe/Berlin"));
        assert_eq!(name("UTC").as_deref(), Some("UTC"));
        let offset = |text: &str| time_zone(text).map(|z| z.to_fixed_offset().unwrap().seconds());
        assert_eq!(offset("+08:00"), Some(8 * 3600));
        assert_eq!(offset("+0800"), Some(8 * 3600));
        assert_eq!(offset("+8"), Some(8 * 3600));
        assert_eq!(offset("-05:30"), Some(-(5 * 3600 + 1800)));
        for bad in [
            "",
            "Mars/Olympus",
            "+25:00",
            "+08:60",
            "08:00",
            "+08:0",
            "CST-8",
            "/etc/localtime",
            "../../etc/passwd",
            "北京",
        ] {
            assert!(time_zone(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn is_place_of_agrees_with_relative_path() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/office");
        let register = Register::open(&root).unwrap();
        let ids = [
            "IN-2026-0001",
            "OUT-2025-0012",
            "FU-2026-0003",
            "MT-2026-0001",
            "SEAL-2026-0002",
        ];
        let places = [
            "documents/2026/IN-2026-0001.yaml",
            "documents/2025/OUT-2025-0012.yaml",
            "followups/2026/FU-2026-0003.yaml",
            "meetings/2026/MT-2026-0001.yaml",
            "logbooks/seal/2026/SEAL-2026-0002.yaml",
            "documents/2025/IN-2026-0001.yaml",
            "followups/2026/in-2026-0001.yaml",
            "documents/2026/IN-2026-1.yaml",
            "documents/2026/x/IN-2026-0001.yaml",
            "logbooks/2026/SEAL-2026-0002.yaml",
            "followups/02026/FU-2026-0003.yaml",
        ];
        let mut matched = 0;
        for id in ids {
            let id = Id::parse(id).unwrap();
            for place in places {
                let expected = register.relative_path(&id).as_deref() == Some(Path::new(place));
                matched += usize::from(expected);
                assert_eq!(
                    register.is_place_of(&id, Path::new(place)),
                    expected,
                    "{id} {place}"
                );
            }
        }
        assert_eq!(matched, 5);
    }
}
