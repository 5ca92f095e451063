//! `taizhang.toml`: the register's settings.
//!
//! Pure data and lookups; reading and writing the file is `store`'s job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::keyword::Keyword;
use crate::model::kind::Kind;
pub use crate::model::secret::{SecrecySettings, TitlePolicy};

/// The folder format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    pub format_version: u32,
    /// The unit's name (单位名称).
    #[serde(default)]
    pub unit: String,
    /// 全宗号, for archive numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fonds: String,
    /// `en` or `zh`: the language of output when neither `--lang` nor the
    /// environment says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The office's time zone: an IANA name (`Asia/Shanghai`) or a fixed
    /// offset (`+08:00`). "Today", "now", history times and typed
    /// `YYYY-MM-DD HH:MM` are read in it, whatever the machine's zone;
    /// without it, the machine's zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(default)]
    pub prefixes: Prefixes,
    /// Departments. When the list is not empty, `--lead`/`--unit` must name
    /// one of them (by name or code), which catches typos before they split
    /// a unit's figures in two.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<UnitDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Outgoing document series; the first is the default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    #[serde(default)]
    pub remind: RemindSettings,
    #[serde(default)]
    pub followups: FollowupSettings,
    /// `[outgoing]`: the steps a draft takes before its signature, and
    /// when a reply counts as sent.
    #[serde(default, skip_serializing_if = "OutgoingSettings::is_default")]
    pub outgoing: OutgoingSettings,
    #[serde(default)]
    pub git: GitSettings,
    /// Logbooks by name (`seal`, `visit` …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub logbooks: BTreeMap<String, LogbookDef>,
    /// Archiving (归档): the year-end batch's retention rules.
    #[serde(default, skip_serializing_if = "ArchiveSettings::is_default")]
    pub archive: ArchiveSettings,
    /// `[secrecy]`: how classified titles and text are stored
    /// (docs/secrecy.md).
    #[serde(default, skip_serializing_if = "SecrecySettings::is_default")]
    pub secrecy: SecrecySettings,
    /// `[notify.NAME]`: where `notify` pushes reminders, by the office's
    /// own channel names (docs/notify.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notify: BTreeMap<String, crate::model::settings::notify::Channel>,
}

/// `[archive]`: how `archive year` files a year's documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArchiveSettings {
    /// File under the organisation's code (机构(问题)): the code of the
    /// document's unit, when it has one.
    pub by_org: bool,
    /// `[archive.retention]`: a retention (`permanent`, `30y`, `10y`, or
    /// 永久, 30年, 10年) per document type (`decision` or 决定 …), and
    /// `default` for the rest.
    pub retention: BTreeMap<String, String>,
}

impl Default for ArchiveSettings {
    fn default() -> Self {
        let rules = [
            ("resolution", "permanent"),
            ("decision", "permanent"),
            ("order", "permanent"),
            ("communique", "permanent"),
            ("announcement", "permanent"),
            ("public-notice", "permanent"),
            ("motion", "permanent"),
            ("opinion", "30y"),
            ("circular", "30y"),
            ("report", "30y"),
            ("request", "30y"),
            ("reply", "30y"),
            ("minutes", "30y"),
            ("default", "10y"),
        ];
        ArchiveSettings {
            by_org: true,
            retention: rules
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

impl ArchiveSettings {
    fn is_default(&self) -> bool {
        *self == ArchiveSettings::default()
    }
}

/// `[prefixes]`: the ID prefix of each kind whose fields are the tool's
/// own, under the kind's keyword (`incoming = "IN"`). A kind the file
/// does not name keeps the default its spec declares, and keys no kind
/// has are ignored, so the table reads and writes as it always has,
/// kinds in the order of the registers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefixes(BTreeMap<Kind, String>);

impl Prefixes {
    /// The kind's prefix; empty for a logbook, whose books have one each.
    fn of(&self, kind: Kind) -> &str {
        self.0.get(&kind).map_or("", String::as_str)
    }
}

impl Default for Prefixes {
    fn default() -> Self {
        let defaults = Kind::fixed().map(|kind| (kind, kind.spec().prefix.to_string()));
        Prefixes(defaults.collect())
    }
}

impl Serialize for Prefixes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keyed = self.0.iter().map(|(kind, prefix)| (kind.keyword(), prefix));
        serializer.collect_map(keyed)
    }
}

impl<'de> Deserialize<'de> for Prefixes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut given = BTreeMap::<String, String>::deserialize(deserializer)?;
        let mut prefixes = Prefixes::default();
        for (kind, prefix) in &mut prefixes.0 {
            if let Some(set) = given.remove(kind.keyword()) {
                *prefix = set;
            }
        }
        Ok(prefixes)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UnitDef {
    pub name: String,
    /// Short code, e.g. `BGS` for 办公室; used in archive numbers and
    /// accepted wherever a unit is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Names the unit had before (`unit rename`): still accepted where a
    /// unit is named, so that a search of earlier years by the name of
    /// the time finds its records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<String>,
    /// Retired (`unit retire`): kept so that its records still read and
    /// count in reports, but it leads nothing open any more.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// A leader (领导): who instructs papers and assigns follow-ups.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leader: bool,
    /// Left the office (`person leave`): kept, since records name them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left: bool,
}

/// A series of outgoing documents sharing an issuer code (发文机关代字).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    /// `市交发` renders numbers as `市交发〔2026〕12号`.
    pub issuer: String,
    /// The first number to use in `start_year` (`series add --start`):
    /// an office that numbered on paper before taizhang goes on from
    /// where it was. Other years start at 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i16>,
}

impl Series {
    /// The lowest number the series may use in `year`.
    pub fn first_number(&self, year: i16) -> u32 {
        match (self.start, self.start_year) {
            (Some(start), Some(from)) if from == year => start.max(1),
            _ => 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct RemindSettings {
    /// How far ahead `remind` looks by default (`3d`).
    pub within: String,
}

impl Default for RemindSettings {
    fn default() -> Self {
        RemindSettings {
            within: "3d".into(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowupSettings {
    /// When true, `done` only submits (报结) and `verify` closes (销号).
    pub verify: bool,
}

/// `[outgoing]`: what the register asks of outgoing documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutgoingSettings {
    /// No signature without a 核稿 (`doc review`).
    pub require_review: bool,
    /// The office records 印发 (`doc issue`): a reply counts as sent
    /// when its document is issued. Otherwise when it is signed.
    pub track_issuing: bool,
}

impl OutgoingSettings {
    fn is_default(&self) -> bool {
        *self == OutgoingSettings::default()
    }

    /// What a draft needs before it is signed.
    pub fn sign_rules(&self) -> crate::model::outgoing::SignRules {
        crate::model::outgoing::SignRules {
            require_review: self.require_review,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct GitSettings {
    /// Commit every change (one commit per command).
    pub autocommit: bool,
    /// Pull before allocating an ID and push after (see `sync`).
    pub sync_on_write: bool,
}

impl Default for GitSettings {
    fn default() -> Self {
        GitSettings {
            autocommit: true,
            sync_on_write: false,
        }
    }
}

/// A logbook declared in the settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LogbookDef {
    pub prefix: String,
    /// The book's name for people, in the office's language (用印登记).
    pub title: String,
    /// The title for English readers; without it they see `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    #[serde(default)]
    pub fields: Vec<FieldDef>,
    /// Something taken out and due back (a seal, a car, an archive file);
    /// see [`LoopDef`].
    #[serde(default, rename = "loop", skip_serializing_if = "Option::is_none")]
    pub open_loop: Option<LoopDef>,
}

/// An open loop of a logbook: an entry whose `start` field is set and whose
/// `end` field is empty is *out* (a seal taken out, not yet returned), and
/// is due back by its `due` field; `owner` names the field holding the
/// person who has it, whom `remind` addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoopDef {
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub end: String,
    /// Other fields that close the loop as `end` does: a 涉密载体 comes
    /// back when returned (清退) or when destroyed (销毁).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_ends: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Allowed values of an `enum` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Label for people, e.g. `印章名称`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Label for English readers (`Seal`); without it they see `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Fields that must be filled, each with a different person where
    /// they name people, once this one is: a 涉密载体 destroyed needs
    /// who approved it and two witnesses. A name the book does not
    /// declare asks for nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

impl UnitDef {
    /// Whether `input` is this unit's code (any case) or one of its
    /// former names; its name is matched first, by the caller.
    pub fn is_called(&self, input: &str) -> bool {
        self.code
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(input))
            || self.former.iter().any(|f| f == input)
    }
}

impl Config {
    /// Settings for a new register of `unit`.
    pub fn new(unit: &str) -> Config {
        Config {
            format_version: FORMAT_VERSION,
            unit: unit.to_string(),
            fonds: String::new(),
            language: None,
            timezone: None,
            prefixes: Prefixes::default(),
            units: Vec::new(),
            people: Vec::new(),
            series: Vec::new(),
            remind: RemindSettings::default(),
            followups: FollowupSettings::default(),
            outgoing: OutgoingSettings::default(),
            git: GitSettings::default(),
            logbooks: crate::model::logbook::presets(),
            archive: ArchiveSettings::default(),
            secrecy: SecrecySettings::default(),
            notify: BTreeMap::new(),
        }
    }

    /// The record kind an ID prefix belongs to.
    pub fn kind_of_prefix(&self, prefix: &str) -> Option<Kind> {
        Kind::fixed()
            .find(|kind| self.prefix(*kind).eq_ignore_ascii_case(prefix))
            .or_else(|| {
                self.logbooks
                    .values()
                    .any(|b| b.prefix.eq_ignore_ascii_case(prefix))
                    .then_some(Kind::Logbook)
            })
    }

    /// The ID prefix of a kind (logbooks have one each; see `logbook_prefix`).
    pub fn prefix(&self, kind: Kind) -> &str {
        self.prefixes.of(kind)
    }

    /// Every prefix in use, upper-cased as stored.
    pub fn all_prefixes(&self) -> Vec<String> {
        let mut all: Vec<String> = Kind::fixed().map(|k| self.prefix(k).to_string()).collect();
        all.extend(self.logbooks.values().map(|b| b.prefix.clone()));
        all
    }

    /// The logbook whose entries carry `prefix`.
    pub fn logbook_by_prefix(&self, prefix: &str) -> Option<(&str, &LogbookDef)> {
        self.logbooks
            .iter()
            .find(|(_, b)| b.prefix.eq_ignore_ascii_case(prefix))
            .map(|(name, b)| (name.as_str(), b))
    }

    /// Resolves a unit typed by the user to its registered name.
    /// `Ok(None)` is impossible; an unknown unit is `Err(known names)`.
    pub fn resolve_unit(&self, input: &str) -> Result<String, Vec<String>> {
        let input = input.trim();
        if self.units.is_empty() {
            return Ok(input.to_string());
        }
        // A name now in use wins over another unit's former name.
        (self.units.iter().find(|u| u.name == input))
            .or_else(|| self.units.iter().find(|u| u.is_called(input)))
            .map(|u| u.name.clone())
            .ok_or_else(|| self.units.iter().map(|u| u.name.clone()).collect())
    }

    /// The names the unit called `name` had before (`unit rename`).
    pub fn former_names(&self, name: &str) -> Vec<String> {
        (self.units.iter().find(|u| u.name == name))
            .map(|u| u.former.clone())
            .unwrap_or_default()
    }

    /// The series named `name`, or the default one.
    pub fn series(&self, name: Option<&str>) -> Option<&Series> {
        match name {
            Some(name) => self
                .series
                .iter()
                .find(|s| s.name == name || s.issuer == name),
            None => self.series.first(),
        }
    }
}

/// What is wrong with `taizhang.toml` or `calendar.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not valid TOML, or a value of the wrong shape; the TOML reader's
    /// own text, and the line when it gives one.
    Syntax { line: Option<usize>, detail: String },
    /// Written by a newer taizhang.
    Newer { found: u32, supported: u32 },
    /// A prefix that is not ASCII letters.
    BadPrefix { prefix: String },
    /// Two kinds or books with the same prefix.
    PrefixTwice { prefix: String },
    /// A logbook name unfit for a folder name.
    BadBookName { name: String },
    /// A `timezone` that is neither an IANA name nor a fixed offset.
    BadTimezone { value: String },
    /// A key of the archive ledger (`archive-numbers.toml`) that is not
    /// the group of an archive number (`Z109-WS·2026-D10-BGS`).
    ArchiveGroup { key: String },
    /// A calendar table not named by a year.
    CalendarYear { year: String },
    /// A calendar entry that is neither a date nor a short range.
    CalendarEntry {
        year: String,
        list: String,
        entry: String,
        max_days: usize,
    },
    /// A calendar date filed under another year.
    CalendarWrongYear {
        year: String,
        list: String,
        date: jiff::civil::Date,
    },
    /// A date both a holiday and a working day.
    CalendarBoth { date: jiff::civil::Date },
}

impl ConfigProblem {
    /// A TOML reader's error, with the line it points at in `text`.
    pub fn syntax(error: &toml::de::Error, text: &str) -> ConfigProblem {
        let line = error
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        ConfigProblem::Syntax {
            line,
            detail: error.message().trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[prefixes]` keeps the shape it had as a struct: every kind's key
    /// written in the order of the registers, a key left out read as the
    /// kind's default, an unknown key ignored.
    #[test]
    fn the_prefixes_table_reads_and_writes_by_the_kinds_keywords() {
        let written = toml::to_string(&Prefixes::default()).unwrap();
        let keys: Vec<&str> = written
            .lines()
            .filter_map(|l| l.split(" = ").next())
            .collect();
        let fixed: Vec<&str> = Kind::fixed().map(|k| k.keyword()).collect();
        assert_eq!(keys, fixed);
        let read: Prefixes = toml::from_str("followup = \"DB\"\nnone = \"X\"\n").unwrap();
        for kind in Kind::fixed() {
            let expected = if kind == Kind::Followup {
                "DB"
            } else {
                kind.spec().prefix
            };
            assert_eq!(read.of(kind), expected, "{kind:?}");
        }
        assert_eq!(read.of(Kind::Logbook), "");
        assert!(toml::from_str::<Prefixes>("incoming = 5\n").is_err());
    }
}
