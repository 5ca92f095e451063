//! Archiving by DA/T 22-2015: the archive number (档号), the `archive`
//! block a filed document carries, and how item numbers are handed out.
//!
//! Pure: no file system, no clock. The store and the commands pass in
//! the records, the settings and the day.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::Extra;
use crate::model::config::Config;
use crate::model::incoming::InStatus;
use crate::model::keyword::{DocType, Keyword, Retention};
use crate::model::outgoing::OutStatus;
use crate::model::record::Record;
use crate::model::transition::Status;

/// The category of 文书 (documents) in an archive number.
pub const CATEGORY: &str = "WS";

/// The history action of archiving; its note is the archive number, so
/// a number stays on record after `archive undo` and is never handed out
/// again.
pub const ARCHIVE_ACTION: &str = "archive";

impl Retention {
    /// The code of the retention in an archive number: `Y`, `D30`, `D10`.
    pub fn code(self) -> &'static str {
        match self {
            Retention::Permanent => "Y",
            Retention::Years30 => "D30",
            Retention::Years10 => "D10",
        }
    }

    /// The retention a code names (`Y`, `D30`, `D10`, any case).
    pub fn from_code(code: &str) -> Option<Retention> {
        Retention::ALL
            .iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(code))
    }

    /// How many years the record is kept; `None` for ever.
    pub fn years(self) -> Option<i16> {
        match self {
            Retention::Permanent => None,
            Retention::Years30 => Some(30),
            Retention::Years10 => Some(10),
        }
    }
}

/// The logbook field of a loan (档案借阅) that names the file lent: a
/// record's ID, or the archive number of a file archived before the
/// register (`logbook::value::archive_number`).
pub const LOAN_FIELD: &str = "archive_ref";

/// An archive number, `Z109-WS·2026-Y-BGS-0001`: fonds (全宗号), the
/// category `WS`, the year, the retention code, the organisation's code
/// (optional) and the item (件号), counted within all the others.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArchiveNumber {
    pub fonds: String,
    pub year: i16,
    pub retention: Retention,
    pub org: Option<String>,
    pub item: u32,
}

impl ArchiveNumber {
    /// Reads an archive number. The middle dot may also be typed as `.`
    /// or `・`; the retention code and the category are read in any case.
    pub fn parse(text: &str) -> Option<ArchiveNumber> {
        let text = text.trim();
        let (fonds, rest) = ["·", ".", "・"].iter().find_map(|dot| {
            let upper = text.to_ascii_uppercase();
            let marker = format!("-{CATEGORY}{dot}");
            let at = upper.find(&marker)?;
            Some((&text[..at], &text[at + marker.len()..]))
        })?;
        if fonds.is_empty() || fonds.contains(char::is_whitespace) {
            return None;
        }
        let parts: Vec<&str> = rest.split('-').collect();
        let (year, retention, org, item) = match parts[..] {
            [year, retention, item] => (year, retention, None, item),
            [year, retention, org, item] => (year, retention, Some(org), item),
            _ => return None,
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || item.len() < 4 || !digits(item) {
            return None;
        }
        if org.is_some_and(|o| o.is_empty() || !o.chars().all(|c| c.is_alphanumeric())) {
            return None;
        }
        Some(ArchiveNumber {
            fonds: fonds.to_string(),
            year: year.parse().ok()?,
            retention: Retention::from_code(retention)?,
            org: org.map(str::to_string),
            item: item.parse().ok().filter(|n| *n > 0)?,
        })
    }

    /// The group items are counted in: everything but the item.
    pub fn group(&self) -> Group {
        Group {
            fonds: self.fonds.clone(),
            year: self.year,
            retention: self.retention,
            org: self.org.clone(),
        }
    }
}

impl fmt::Display for ArchiveNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{CATEGORY}·{}-{}",
            self.fonds,
            self.year,
            self.retention.code()
        )?;
        if let Some(org) = &self.org {
            write!(f, "-{org}")?;
        }
        write!(f, "-{:04}", self.item)
    }
}

/// The lowest class of DA/T 22-2015, within which items count from 1.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group {
    pub fonds: String,
    pub year: i16,
    pub retention: Retention,
    pub org: Option<String>,
}

impl Group {
    pub fn number(&self, item: u32) -> ArchiveNumber {
        ArchiveNumber {
            fonds: self.fonds.clone(),
            year: self.year,
            retention: self.retention,
            org: self.org.clone(),
            item,
        }
    }
}

/// The `archive` block of a filed document (归档). A block written by hand
/// may give the number alone: the retention, organisation and item are
/// then read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawBlock")]
pub struct ArchiveBlock {
    /// The archive number (档号), as rendered.
    pub number: String,
    pub retention: Retention,
    /// The organisation's code (机构(问题)), when the number has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The item (件号).
    pub item: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day it was filed (a block written by hand may not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Date>,
    /// The digest of the record as filed (`sha256:…`, [`digest`]), which
    /// `check` holds the record to: a block of a record filed before
    /// digests were taken has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// Keys the tool does not know, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An `archive` block as a file may hold it.
#[derive(Deserialize)]
struct RawBlock {
    number: String,
    #[serde(default)]
    retention: Option<Retention>,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    item: Option<u32>,
    #[serde(default)]
    pages: Option<u32>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    archived: Option<Date>,
    #[serde(default)]
    digest: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

impl TryFrom<RawBlock> for ArchiveBlock {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Self, String> {
        let parsed = ArchiveNumber::parse(&raw.number);
        let missing = |field: &str| {
            format!(
                "archive: `{field}` is missing and `{}` is not an archive number to read it from",
                raw.number
            )
        };
        let retention = match (raw.retention, &parsed) {
            (Some(r), _) => r,
            (None, Some(n)) => n.retention,
            (None, None) => return Err(missing("retention")),
        };
        let item = match (raw.item, &parsed) {
            (Some(i), _) => i,
            (None, Some(n)) => n.item,
            (None, None) => return Err(missing("item")),
        };
        let org = match raw.org {
            Some(org) => Some(org),
            None => parsed.as_ref().and_then(|n| n.org.clone()),
        };
        Ok(ArchiveBlock {
            number: raw.number,
            retention,
            org,
            item,
            pages: raw.pages,
            note: raw.note,
            archived: raw.archived,
            digest: raw.digest,
            extra: raw.extra,
        })
    }
}

impl ArchiveBlock {
    pub fn new(number: &ArchiveNumber, pages: Option<u32>, note: Option<String>, on: Date) -> Self {
        ArchiveBlock {
            number: number.to_string(),
            retention: number.retention,
            org: number.org.clone(),
            item: number.item,
            pages,
            note,
            archived: Some(on),
            digest: None,
            extra: Extra::new(),
        }
    }

    /// The number read back, if it is one.
    pub fn parsed(&self) -> Option<ArchiveNumber> {
        ArchiveNumber::parse(&self.number)
    }
}

/// Why a document cannot be archived (or un-archived) as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// A changing command on an archived record.
    Frozen {
        id: String,
        number: String,
    },
    AlreadyArchived {
        id: String,
        number: String,
    },
    NotArchived {
        id: String,
    },
    /// Still being handled, or in a status that is never filed
    /// (returned, revoked).
    NotSettled {
        id: String,
        status: Status,
    },
    /// Only documents are archived.
    NotDocument {
        id: String,
    },
    /// The register has no `fonds` setting.
    NoFonds,
    UnknownOrg {
        input: String,
        known: Vec<String>,
    },
    /// A `[archive.retention]` rule that cannot be read.
    BadRule {
        key: String,
        value: String,
    },
}

/// Why `archive year` passes over a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    NotSettled(Status),
    /// No `[archive.retention]` rule for its type, and no default.
    NoRule(Option<DocType>),
}

/// The year a document is filed under: received for incoming, signed
/// for outgoing (else created).
pub fn document_year(record: &Record) -> i16 {
    record.date().year()
}

/// The 文种 of a document.
pub fn doc_type(record: &Record) -> Option<DocType> {
    match record {
        Record::Incoming(r) => r.doc_type,
        Record::Outgoing(r) => r.doc_type,
        _ => None,
    }
}

/// The pages a document's own record gives (an incoming paper's `pages`).
pub fn own_pages(record: &Record) -> Option<u32> {
    match record {
        Record::Incoming(r) => r.pages,
        _ => None,
    }
}

/// What the year-end batch will do: the documents it files, each with its
/// number, and those it passes over, with why.
#[derive(Debug, Default)]
pub struct YearPlan<'a> {
    pub filed: Vec<(&'a Record, ArchiveNumber)>,
    pub passed: Vec<(&'a Record, Skip)>,
}

/// Plans the filing of `year`: every document of the year not yet
/// archived, in date order (then ID), numbered by `numbering` within its
/// group (retention from `rules`, organisation from `default_org`).
pub fn plan_year<'a>(
    documents: &'a [Record],
    year: i16,
    fonds: &str,
    rules: &Rules,
    config: &Config,
    numbering: &mut Numbering,
) -> YearPlan<'a> {
    let mut candidates: Vec<&Record> = documents
        .iter()
        .filter(|r| document_year(r) == year && r.status() != "archived")
        .filter(|r| block(r).is_none())
        .collect();
    candidates.sort_by(|a, b| (a.date(), a.id()).cmp(&(b.date(), b.id())));
    let mut plan = YearPlan::default();
    for record in candidates {
        match settled(record) {
            Ok(()) => {}
            Err(ArchiveError::NotSettled { status, .. }) => {
                plan.passed.push((record, Skip::NotSettled(status)));
                continue;
            }
            Err(_) => continue,
        }
        let doc_type = doc_type(record);
        let rule = doc_type
            .and_then(|t| rules.by_type.get(&t).copied())
            .or(rules.default);
        let Some(retention) = rule else {
            plan.passed.push((record, Skip::NoRule(doc_type)));
            continue;
        };
        let number = numbering.take(&Group {
            fonds: fonds.to_string(),
            year,
            retention,
            org: default_org(record, config),
        });
        plan.filed.push((record, number));
    }
    plan
}

/// The archive block of a document, if it has one.
pub fn block(record: &Record) -> Option<&ArchiveBlock> {
    match record {
        Record::Incoming(r) => r.archive.as_ref(),
        Record::Outgoing(r) => r.archive.as_ref(),
        _ => None,
    }
}

/// Whether a document may be filed now: settled (done, replied or read
/// for incoming; issued for outgoing). `Err` says where it stands.
pub fn settled(record: &Record) -> Result<(), ArchiveError> {
    let id = record.id().to_string();
    if record.status() == "archived" {
        let number = block(record).map(|b| b.number.clone()).unwrap_or_default();
        return Err(ArchiveError::AlreadyArchived { id, number });
    }
    let status: Status = match record {
        Record::Incoming(r) => match r.status {
            InStatus::Done | InStatus::Replied | InStatus::Read => return Ok(()),
            s => s.into(),
        },
        Record::Outgoing(r) => match r.status {
            OutStatus::Issued => return Ok(()),
            s => s.into(),
        },
        _ => return Err(ArchiveError::NotDocument { id }),
    };
    Err(ArchiveError::NotSettled { id, status })
}

/// Files `record` under `number`: the block is set and the status is
/// `archived`. Refuses a record already archived or not settled.
pub fn file(record: &mut Record, block: ArchiveBlock) -> Result<(), ArchiveError> {
    if let Some(old) = self::block(record) {
        return Err(ArchiveError::AlreadyArchived {
            id: record.id().to_string(),
            number: old.number.clone(),
        });
    }
    if record.status() == "archived" {
        return Err(ArchiveError::AlreadyArchived {
            id: record.id().to_string(),
            number: String::new(),
        });
    }
    settled(record)?;
    match record {
        Record::Incoming(r) => r.status = InStatus::Archived,
        Record::Outgoing(r) => r.status = OutStatus::Archived,
        _ => {}
    }
    let block = ArchiveBlock {
        digest: Some(digest(record)),
        ..block
    };
    match record {
        Record::Incoming(r) => r.archive = Some(block),
        Record::Outgoing(r) => r.archive = Some(block),
        _ => {}
    }
    Ok(())
}

/// The keys of a record the digest leaves out: the archive block (which
/// holds the digest) and the history, which only ever grows (an entry
/// written after filing is a finding of its own, `changed_after_archive`).
const UNDIGESTED: [&str; 2] = ["archive", "history"];

/// The digest of an archived record's content (`sha256:` and 64 hex
/// digits): every field as the tool reads it, but the archive block and
/// the history, written canonically (keys sorted at every level), so
/// that the same content gives the same digest however its file is laid
/// out, and any change of a field gives another.
pub fn digest(record: &Record) -> String {
    use sha2::{Digest, Sha256};
    let mut text = String::new();
    match record.to_value() {
        Ok(serde_yaml::Value::Mapping(mut map)) => {
            for key in UNDIGESTED {
                map.remove(key);
            }
            canonical(&serde_yaml::Value::Mapping(map), &mut text);
        }
        // A record is always a mapping; anything else is digested whole.
        Ok(other) => canonical(&other, &mut text),
        Err(e) => text.push_str(&e.to_string()),
    }
    let hash = Sha256::digest(text.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Writes `value` as JSON-like text with the keys of every mapping
/// sorted: one text per content.
fn canonical(value: &serde_yaml::Value, out: &mut String) {
    use serde_yaml::Value;
    let string = |s: &str, out: &mut String| {
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => string(s, out),
        Value::Sequence(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Mapping(map) => {
            let mut entries: Vec<(String, &Value)> = (map.iter())
                .map(|(k, v)| {
                    let mut key = String::new();
                    canonical(k, &mut key);
                    (key, v)
                })
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&key);
                out.push(':');
                canonical(value, out);
            }
            out.push('}');
        }
        Value::Tagged(tagged) => {
            string(&tagged.tag.to_string(), out);
            out.push(':');
            canonical(&tagged.value, out);
        }
    }
}

/// Whether an archived record's content still matches the digest its
/// block took when it was filed; `None` for a block without one (filed
/// before digests were taken, or written by hand).
pub fn intact(record: &Record, block: &ArchiveBlock) -> Option<bool> {
    let taken = block.digest.as_deref()?;
    Some(taken == digest(record))
}

/// Takes `record` out of the archive (`archive undo`): the block goes,
/// and the status is what it was before, as the record shows it (replied
/// when a reply is recorded, read for a paper for information, else done;
/// issued for outgoing). Returns the number it had.
pub fn unfile(record: &mut Record) -> Result<String, ArchiveError> {
    let id = record.id().to_string();
    let number = match record {
        Record::Incoming(r) if r.status == InStatus::Archived => {
            r.status = if r.reply.is_some() {
                InStatus::Replied
            } else if r.handling == crate::model::keyword::Handling::Info {
                InStatus::Read
            } else {
                InStatus::Done
            };
            r.archive.take()
        }
        Record::Outgoing(r) if r.status == OutStatus::Archived => {
            r.status = OutStatus::Issued;
            r.archive.take()
        }
        Record::Incoming(_) | Record::Outgoing(_) => return Err(ArchiveError::NotArchived { id }),
        _ => return Err(ArchiveError::NotDocument { id }),
    };
    Ok(number.map(|b| b.number).unwrap_or_default())
}

/// Every archive number `record` has used: its block's and those named
/// by its `archive` history entries (kept after an undo).
pub fn used_numbers(record: &Record) -> impl Iterator<Item = ArchiveNumber> + '_ {
    let own = block(record).and_then(ArchiveBlock::parsed);
    let past = record
        .history()
        .iter()
        .filter(|h| h.action == ARCHIVE_ACTION)
        .filter_map(|h| h.note.as_deref().and_then(ArchiveNumber::parse));
    own.into_iter().chain(past)
}

/// Hands out item numbers: one past the highest ever used in each group.
#[derive(Debug, Default)]
pub struct Numbering {
    highest: BTreeMap<Group, u32>,
}

impl Numbering {
    pub fn new<'a>(records: impl IntoIterator<Item = &'a Record>) -> Numbering {
        let mut numbering = Numbering::default();
        for record in records {
            for number in used_numbers(record) {
                numbering.used(&number);
            }
        }
        numbering
    }

    /// Notes `number` as taken.
    pub fn used(&mut self, number: &ArchiveNumber) {
        let highest = self.highest.entry(number.group()).or_default();
        *highest = (*highest).max(number.item);
    }

    /// The next free number in `group`, taken.
    pub fn take(&mut self, group: &Group) -> ArchiveNumber {
        let highest = self.highest.entry(group.clone()).or_default();
        // A ledger edited to the last item cannot wrap round to 0001:
        // the number repeats, and `check` reports it twice.
        *highest = highest.saturating_add(1);
        group.number(*highest)
    }

    /// Notes every number the register's ledger says was given out, so
    /// that a number whose record was deleted is not given out again.
    pub fn remember(&mut self, given: &Given) {
        for (group, item) in &given.highest {
            self.used(&group.number(*item));
        }
    }

    /// The ledger to keep after this numbering: the highest item of
    /// every group, those of the records and those taken.
    pub fn given(&self) -> Given {
        Given {
            highest: self.highest.clone(),
        }
    }
}

/// The ledger of archive numbers given out (`archive-numbers.toml`): the
/// highest item of each group, kept apart from the records and committed
/// with each filing. A record holding a number can be deleted; the
/// ledger still says its number was given, so the number is never given
/// out again, and `check` finds the gap.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Given {
    highest: BTreeMap<Group, u32>,
}

/// A ledger entry that cannot be read: its key is not a group
/// (`Z109-WS·2026-D10-BGS`), or its value not an item number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLedgerKey {
    pub key: String,
}

impl Given {
    /// Reads the ledger's entries: each a group, as an archive number
    /// without its item, and the highest item given in it.
    pub fn read(entries: BTreeMap<String, u32>) -> Result<Given, BadLedgerKey> {
        let mut highest = BTreeMap::new();
        for (key, item) in entries {
            let group = ArchiveNumber::parse(&format!("{key}-0001"))
                .filter(|n| n.group().to_string() == key)
                .ok_or_else(|| BadLedgerKey { key: key.clone() })?;
            let mine: &mut u32 = highest.entry(group.group()).or_default();
            *mine = (*mine).max(item);
        }
        Ok(Given { highest })
    }

    /// Two clones' ledgers as one (`sync`): in each group the higher of
    /// the two, so that every number either gave out stays given.
    pub fn merge(&self, other: &Given) -> Given {
        let mut highest = self.highest.clone();
        for (group, item) in &other.highest {
            let mine = highest.entry(group.clone()).or_default();
            *mine = (*mine).max(*item);
        }
        Given { highest }
    }

    /// The entries to write: each group as text, with its highest item.
    pub fn entries(&self) -> BTreeMap<String, u32> {
        (self.highest.iter())
            .map(|(group, item)| (group.to_string(), *item))
            .collect()
    }

    /// The numbers given out that nothing in `used` accounts for, as
    /// runs of items: below the highest of a group, held by no record
    /// and named by no record's history (an `archive` entry kept after
    /// `archive undo`). A record deleted by hand leaves such a gap.
    /// Counted from the numbers used, never item by item, so a ledger
    /// edited to a huge number costs nothing.
    pub fn gaps(&self, used: &[ArchiveNumber]) -> Vec<Gap> {
        let mut by_group: BTreeMap<&Group, Vec<u32>> = BTreeMap::new();
        let groups: Vec<Group> = used.iter().map(ArchiveNumber::group).collect();
        for (number, group) in used.iter().zip(&groups) {
            by_group.entry(group).or_default().push(number.item);
        }
        let mut gaps = Vec::new();
        for (group, highest) in &self.highest {
            let mut items = by_group.get(group).cloned().unwrap_or_default();
            items.retain(|i| i <= highest);
            items.sort_unstable();
            items.dedup();
            // Counted wide, so that a ledger at the last item does not
            // overflow.
            let mut next = 1u64;
            let after = u64::from(*highest) + 1;
            for item in items.into_iter().map(u64::from).chain([after]) {
                if item > next {
                    gaps.push(Gap {
                        first: group.number(narrow(next)),
                        last: group.number(narrow(item - 1)),
                    });
                }
                next = item + 1;
            }
        }
        gaps
    }
}

/// An item counted wide, back within `u32` (it is, by how it was made).
fn narrow(item: u64) -> u32 {
    u32::try_from(item).unwrap_or(u32::MAX)
}

/// A run of archive numbers given out that no record accounts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub first: ArchiveNumber,
    pub last: ArchiveNumber,
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.number(1).to_string();
        let cut = number.rfind('-').unwrap_or(number.len());
        f.write_str(&number[..cut])
    }
}

/// The organisation code to file `record` under by default (`archive
/// year`): the code of its unit (the lead unit of an incoming paper, the
/// drafting unit of an outgoing one) when the register declares one and
/// files by organisation.
pub fn default_org(record: &Record, config: &Config) -> Option<String> {
    if !config.archive.by_org {
        return None;
    }
    let unit = record.unit()?;
    config
        .units
        .iter()
        .find(|u| u.name == unit)
        .and_then(|u| u.code.clone())
}

/// Resolves `--org CODE` against the units' codes (any case) to the code
/// as declared.
pub fn resolve_org(config: &Config, input: &str) -> Result<String, ArchiveError> {
    let input = input.trim();
    config
        .units
        .iter()
        .filter_map(|u| u.code.as_deref())
        .find(|code| code.eq_ignore_ascii_case(input))
        .map(str::to_string)
        .ok_or_else(|| ArchiveError::UnknownOrg {
            input: input.to_string(),
            known: config.units.iter().filter_map(|u| u.code.clone()).collect(),
        })
}

/// `[archive.retention]` read: a retention per document type, and one
/// for the rest.
#[derive(Debug, Default)]
pub struct Rules {
    pub by_type: BTreeMap<DocType, Retention>,
    pub default: Option<Retention>,
}

impl crate::model::config::ArchiveSettings {
    /// The retention rules, keyed by document type (its keyword or
    /// Chinese word) or `default`.
    pub fn rules(&self) -> Result<Rules, ArchiveError> {
        let mut rules = Rules::default();
        for (key, value) in &self.retention {
            let bad = || ArchiveError::BadRule {
                key: key.clone(),
                value: value.clone(),
            };
            let retention = Retention::parse_keyword(value)
                .or_else(|| Retention::from_code(value))
                .ok_or_else(bad)?;
            if key == "default" || key == "默认" {
                rules.default = Some(retention);
            } else {
                let doc_type = DocType::parse_keyword(key).ok_or_else(bad)?;
                rules.by_type.insert(doc_type, retention);
            }
        }
        Ok(rules)
    }
}

/// The last year an archived record of `year` is kept: `None` for ever.
pub fn kept_until(number: &ArchiveNumber) -> Option<i16> {
    number.retention.years().map(|years| number.year + years)
}

/// What is wrong between a record and its archive block, for `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The number cannot be read.
    Unreadable,
    /// A part of the number disagrees with the record or the block: the
    /// part's name, what the number says, what it should say.
    Part {
        part: &'static str,
        says: String,
        should: String,
    },
}

/// How the archive number of `block` disagrees with `record` (its year),
/// the block's own fields and the register's fonds.
pub fn mismatches(record: &Record, block: &ArchiveBlock, fonds: &str) -> Vec<Mismatch> {
    let Some(number) = block.parsed() else {
        return vec![Mismatch::Unreadable];
    };
    let mut out = Vec::new();
    let mut differ = |part: &'static str, says: String, should: String| {
        if says != should {
            out.push(Mismatch::Part { part, says, should });
        }
    };
    if !fonds.is_empty() {
        differ("fonds", number.fonds.clone(), fonds.to_string());
    }
    differ(
        "year",
        number.year.to_string(),
        document_year(record).to_string(),
    );
    differ(
        "retention",
        number.retention.code().to_string(),
        block.retention.code().to_string(),
    );
    differ(
        "org",
        number.org.clone().unwrap_or_default(),
        block.org.clone().unwrap_or_default(),
    );
    differ("item", number.item.to_string(), block.item.to_string());
    out
}

/// The history entries written after the last `archive` entry of an
/// archived record: changes made to it while it was frozen.
pub fn changed_after_archive(record: &Record) -> Vec<&crate::model::common::HistoryEntry> {
    let history = record.history();
    match history.iter().rposition(|h| h.action == ARCHIVE_ACTION) {
        Some(at) => history[at + 1..].iter().collect(),
        None => Vec::new(),
    }
}

/// Sorts archived records by their number, fonds to item, as a
/// catalogue is bound: within a year 永久 (Y) before 定期30年 (D30) before
/// 定期10年 (D10), the retentions' declared order, not their codes' text
/// order (which would put D10 first).
pub fn by_number(a: &ArchiveNumber, b: &ArchiveNumber) -> std::cmp::Ordering {
    (&a.fonds, a.year, a.retention, &a.org, a.item).cmp(&(
        &b.fonds,
        b.year,
        b.retention,
        &b.org,
        b.item,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    fn n(text: &str) -> ArchiveNumber {
        ArchiveNumber::parse(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn numbers_render_and_parse_back() {
        let number = ArchiveNumber {
            fonds: "Z109".into(),
            year: 2026,
            retention: Retention::Permanent,
            org: Some("BGS".into()),
            item: 1,
        };
        assert_eq!(number.to_string(), "Z109-WS·2026-Y-BGS-0001");
        assert_eq!(n("Z109-WS·2026-Y-BGS-0001"), number);
        let plain = n("J001-WS·2025-D30-0012");
        assert_eq!(
            (plain.org.as_deref(), plain.retention, plain.item),
            (None, Retention::Years30, 12)
        );
        assert_eq!(plain.to_string(), "J001-WS·2025-D30-0012");
        // Items grow past 9999.
        assert_eq!(n("Z109-WS·2026-D10-12345").item, 12345);
        assert_eq!(
            number.group().number(10000).to_string(),
            "Z109-WS·2026-Y-BGS-10000"
        );
    }

    #[test]
    fn the_middle_dot_may_be_typed_otherwise() {
        let want = n("Z109-WS·2026-D10-BGS-0003");
        assert_eq!(n("Z109-WS.2026-D10-BGS-0003"), want);
        assert_eq!(n("Z109-WS・2026-D10-BGS-0003"), want);
        assert_eq!(n("z109-ws·2026-d10-BGS-0003").retention, Retention::Years10);
    }

    #[test]
    fn what_is_not_a_number() {
        for text in [
            "",
            "Z109-WS-2026-Y-0001",
            "Z109-WS·26-Y-0001",
            "Z109-WS·2026-X-0001",
            "Z109-WS·2026-Y-001",
            "Z109-WS·2026-Y-0000",
            "Z109-WS·2026-Y-B-G-0001",
            "-WS·2026-Y-0001",
            "Z109-WS·2026-Y--0001",
            "Z109-WS·2026-Y-BGS-00a1",
        ] {
            assert_eq!(ArchiveNumber::parse(text), None, "{text}");
        }
    }

    #[test]
    fn retention_codes_and_chinese_words() {
        assert_eq!("永久".parse::<Retention>().unwrap(), Retention::Permanent);
        assert_eq!("30年".parse::<Retention>().unwrap(), Retention::Years30);
        assert_eq!("10年".parse::<Retention>().unwrap(), Retention::Years10);
        assert_eq!("定期10年".parse::<Retention>().unwrap(), Retention::Years10);
        for r in Retention::ALL {
            assert_eq!(Retention::from_code(r.code()), Some(*r));
        }
        assert_eq!(Retention::from_code("d30"), Some(Retention::Years30));
        assert_eq!(Retention::Permanent.years(), None);
        assert_eq!(kept_until(&n("Z109-WS·2025-D10-0001")), Some(2035));
        assert_eq!(kept_until(&n("Z109-WS·2025-D30-0001")), Some(2055));
        assert_eq!(kept_until(&n("Z109-WS·2025-Y-0001")), None);
    }

    fn paper(id: &str, extra: &str) -> Record {
        paper_on(id, "2026-03-01", extra)
    }

    fn paper_on(id: &str, received: &str, extra: &str) -> Record {
        let status = if extra.contains("status:") {
            ""
        } else {
            "status: done\n"
        };
        Record::from_yaml(
            &format!(
                "id: {id}\ntitle: 通知\n{status}sender: 省厅\nreceived: {received}\n\
                 lead: 办公室\ncompleted: 2026-03-05\ncreated: 2026-03-01T09:00:00+08:00\n{extra}"
            ),
            Kind::Incoming,
            None,
        )
        .unwrap()
    }

    #[test]
    fn items_count_per_group_and_skip_every_used_number() {
        let filed = paper(
            "IN-2026-0001",
            "archive: {number: Z109-WS·2026-Y-BGS-0002, retention: permanent, org: BGS, \
             item: 2, archived: 2026-12-01}\n",
        );
        // Archived as 0005 once, then taken out again: 0005 stays used.
        let undone = paper(
            "IN-2026-0002",
            "history:\n- {at: '2026-12-01T09:00:00+08:00', by: 王芳, action: archive, \
             note: Z109-WS·2026-Y-BGS-0005}\n\
             - {at: '2026-12-02T09:00:00+08:00', by: 王芳, action: archive-undo, note: 错}\n",
        );
        let mut numbering = Numbering::new([&filed, &undone]);
        let bgs = n("Z109-WS·2026-Y-BGS-0001").group();
        assert_eq!(numbering.take(&bgs).item, 6);
        assert_eq!(numbering.take(&bgs).item, 7);
        // Another retention, another organisation, another year: from 1.
        assert_eq!(
            numbering.take(&n("Z109-WS·2026-D10-BGS-0001").group()).item,
            1
        );
        assert_eq!(
            numbering.take(&n("Z109-WS·2026-Y-CWK-0001").group()).item,
            1
        );
        assert_eq!(numbering.take(&n("Z109-WS·2026-Y-0001").group()).item, 1);
        assert_eq!(
            numbering.take(&n("Z109-WS·2027-Y-BGS-0001").group()).item,
            1
        );
    }

    #[test]
    fn the_year_is_planned_in_date_order_within_each_group() {
        let mut config = Config::new("某局");
        config.units = ["办公室:BGS", "财务科:CWK"]
            .iter()
            .map(|u| {
                let (name, code) = u.split_once(':').unwrap();
                crate::model::config::UnitDef {
                    name: name.into(),
                    code: Some(code.into()),
                    ..Default::default()
                }
            })
            .collect();
        let at = paper_on;
        let documents = vec![
            at("IN-2026-0001", "2025-12-05", "doc_type: notice\n"),
            at("IN-2026-0002", "2025-11-20", "doc_type: decision\n"),
            at("IN-2026-0003", "2025-12-01", "doc_type: notice\n"),
            at("IN-2026-0004", "2025-12-03", "status: in-progress\n"),
            at("IN-2026-0005", "2026-01-03", "doc_type: notice\n"),
        ];
        let rules = config.archive.rules().unwrap();
        let mut numbering = Numbering::new(&documents);
        let plan = plan_year(&documents, 2025, "Z109", &rules, &config, &mut numbering);
        let filed: Vec<(String, String)> = plan
            .filed
            .iter()
            .map(|(r, n)| (r.id().to_string(), n.to_string()))
            .collect();
        assert_eq!(
            filed,
            [
                ("IN-2026-0002".into(), "Z109-WS·2025-Y-BGS-0001".into()),
                ("IN-2026-0003".into(), "Z109-WS·2025-D10-BGS-0001".into()),
                ("IN-2026-0001".into(), "Z109-WS·2025-D10-BGS-0002".into()),
            ]
        );
        assert_eq!(plan.passed.len(), 1);
        assert!(matches!(plan.passed[0].1, Skip::NotSettled(_)));
    }

    #[test]
    fn filing_and_taking_out() {
        let mut record = paper("IN-2026-0001", "");
        let number = n("Z109-WS·2026-Y-BGS-0001");
        let on = Date::constant(2026, 12, 1);
        file(&mut record, ArchiveBlock::new(&number, Some(3), None, on)).unwrap();
        assert_eq!(record.status(), "archived");
        assert!(mismatches(&record, block(&record).unwrap(), "Z109").is_empty());
        assert!(matches!(
            file(&mut record, ArchiveBlock::new(&number, None, None, on)),
            Err(ArchiveError::AlreadyArchived { .. })
        ));
        assert_eq!(unfile(&mut record).unwrap(), number.to_string());
        assert_eq!(record.status(), "done");
        assert!(block(&record).is_none());
        assert!(matches!(
            unfile(&mut record),
            Err(ArchiveError::NotArchived { .. })
        ));
        let mut busy = paper("IN-2026-0003", "");
        if let Record::Incoming(r) = &mut busy {
            r.status = InStatus::InProgress;
        }
        assert!(matches!(
            file(&mut busy, ArchiveBlock::new(&number, None, None, on)),
            Err(ArchiveError::NotSettled { .. })
        ));
    }

    #[test]
    fn a_number_that_disagrees_with_its_record() {
        let record = paper(
            "IN-2026-0001",
            "status: archived\narchive: {number: Z109-WS·2025-Y-BGS-0002, retention: 10y, \
             org: BGS, item: 3, archived: 2026-12-01}\n",
        );
        let parts: Vec<&str> = mismatches(&record, block(&record).unwrap(), "Z110")
            .iter()
            .map(|m| match m {
                Mismatch::Part { part, .. } => *part,
                Mismatch::Unreadable => "unreadable",
            })
            .collect();
        assert_eq!(parts, ["fonds", "year", "retention", "item"]);
    }

    #[test]
    fn a_block_written_by_hand_with_the_number_alone_is_read() {
        let record = paper(
            "IN-2026-0001",
            "status: archived\narchive: {number: Z109-WS·2026-D30-BGS-0007, shelf: 3}\n",
        );
        let block = block(&record).unwrap();
        assert_eq!(
            (
                block.retention,
                block.org.as_deref(),
                block.item,
                block.archived
            ),
            (Retention::Years30, Some("BGS"), 7, None)
        );
        assert!(block.extra.contains_key("shelf"));
        assert!(mismatches(&record, block, "Z109").is_empty());
        let bad = Record::from_yaml(
            "id: IN-2026-0002\ntitle: 通知\nstatus: archived\nsender: 省厅\nreceived: 2026-03-01\n\
             created: 2026-03-01T09:00:00+08:00\narchive: {number: 第3卷}\n",
            Kind::Incoming,
            None,
        );
        assert!(bad.is_err());
    }

    #[test]
    fn the_ledger_reads_back_and_finds_the_numbers_no_record_accounts_for() {
        let entries = |pairs: &[(&str, u32)]| {
            (pairs.iter())
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<BTreeMap<_, _>>()
        };
        let given = Given::read(entries(&[
            ("Z109-WS·2026-D10-BGS", 6),
            ("Z109-WS·2026-Y", 1),
        ]))
        .unwrap();
        assert_eq!(Given::read(given.entries()).unwrap(), given);
        let used = [
            n("Z109-WS·2026-D10-BGS-0002"),
            n("Z109-WS·2026-D10-BGS-0004"),
            n("Z109-WS·2026-D10-BGS-0004"),
            n("Z109-WS·2026-Y-0001"),
            n("Z109-WS·2026-Y-0009"),
        ];
        let gaps: Vec<(String, String)> = (given.gaps(&used).iter())
            .map(|g| (g.first.to_string(), g.last.to_string()))
            .collect();
        assert_eq!(
            gaps,
            [
                (
                    "Z109-WS·2026-D10-BGS-0001".into(),
                    "Z109-WS·2026-D10-BGS-0001".into()
                ),
                (
                    "Z109-WS·2026-D10-BGS-0003".into(),
                    "Z109-WS·2026-D10-BGS-0003".into()
                ),
                (
                    "Z109-WS·2026-D10-BGS-0005".into(),
                    "Z109-WS·2026-D10-BGS-0006".into()
                ),
            ]
        );
        // A ledger edited to a huge number is one run, found at once.
        let huge = Given::read(entries(&[("Z109-WS·2026-Y", u32::MAX)])).unwrap();
        assert_eq!(huge.gaps(&used).len(), 2);
        for key in ["第三卷", "Z109-WS·2026-D10-BGS-0001", "z109-ws.2026-d10"] {
            assert_eq!(
                Given::read(entries(&[(key, 1)])),
                Err(BadLedgerKey { key: key.into() })
            );
        }
        // The numbering never goes below the ledger.
        let mut numbering = Numbering::new(&[]);
        numbering.remember(&given);
        assert_eq!(
            numbering.take(&n("Z109-WS·2026-D10-BGS-0001").group()).item,
            7
        );
    }

    #[test]
    fn the_digest_follows_the_content_not_the_layout_nor_the_history() {
        let mut record = paper("IN-2026-0001", "pages: 3\n");
        let on = Date::constant(2026, 12, 1);
        let number = n("Z109-WS·2026-Y-0001");
        file(&mut record, ArchiveBlock::new(&number, None, None, on)).unwrap();
        let block = block(&record).unwrap().clone();
        assert!(block.digest.as_deref().unwrap().starts_with("sha256:"));
        assert_eq!(intact(&record, &block), Some(true));
        record.push_history(crate::model::common::HistoryEntry {
            at: crate::model::date::Moment::parse_rfc3339("2026-12-01T09:00:00+08:00").unwrap(),
            by: "王芳".into(),
            action: ARCHIVE_ACTION.into(),
            note: Some(number.to_string()),
        });
        assert_eq!(intact(&record, &block), Some(true));
        let text = serde_yaml::to_string(&record.to_value().unwrap()).unwrap();
        let reordered: String = {
            let mut lines: Vec<&str> = text.lines().collect();
            lines.swap(0, 1);
            lines.join("\n") + "\n"
        };
        let again = Record::from_yaml(&reordered, Kind::Incoming, None).unwrap();
        assert_eq!(intact(&again, &block), Some(true));
        let altered =
            Record::from_yaml(&text.replace("pages: 3", "pages: 4"), Kind::Incoming, None).unwrap();
        assert_eq!(intact(&altered, &block), Some(false));
        let without = ArchiveBlock {
            digest: None,
            ..block
        };
        assert_eq!(intact(&altered, &without), None);
    }

    #[test]
    fn old_files_without_a_block_read_as_not_archived() {
        let record = paper("IN-2026-0001", "");
        assert!(block(&record).is_none());
        assert_eq!(used_numbers(&record).count(), 0);
    }
}
