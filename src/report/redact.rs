//! Keeping secrets out of what the program shows: the one place that
//! decides whether a record's text may be printed.
//!
//! Every reading command (`list`, `show`, the desk, `remind`, `summary`,
//! `book`, `archive`'s listings, `export`) computes a [`Reveal`] once
//! from `--show-classified` and builds [`Secrets`] with it; renderers ask
//! `Secrets` and never look at the flag. Without it a record whose
//! effective level (`Record::effective_secrecy`: its own, or that of the
//! paper, meeting or file it refers to) is classified is *withheld*:
//!
//! - its title prints as the level and the ID, `[秘密] FU-2026-0003`, in
//!   every format; the level is the reader's word in what people read
//!   (tables, Markdown, CSV of a listing, xlsx) and the stored keyword
//!   where scripts read it (JSON, `export csv`): `[secret] FU-2026-0003`;
//! - every field of free text (notes, requirements, instructions,
//!   results, progress notes, minutes, a logbook entry's text fields) is
//!   left out (`Record::without_matter`); its ID, level, 文号, dates,
//!   units, people and status stay.
//!
//! The ID, not the 文号, stands in for the title: every record has one,
//! it is unique, and it is what `show` takes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{Keyword, Secrecy};
use taizhang_core::model::record::Record;

/// Whether classified text may be shown in this run: decided once, from
/// `--show-classified`, and carried to every renderer inside [`Secrets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Classified records are withheld (the default).
    Withhold,
    /// Everything is shown, as stored.
    Show,
}

impl Reveal {
    /// What `--show-classified` (given or not) lets a run show.
    pub fn when(show_classified: bool) -> Reveal {
        match show_classified {
            true => Reveal::Show,
            false => Reveal::Withhold,
        }
    }
}

/// How enumerated values and withheld titles are written: as the stored
/// keyword (JSON and `export csv`, for scripts and re-import; never
/// depends on the language) or in the reader's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Keywords,
    People(Lang),
}

/// A title as a report may print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Title {
    Shown(String),
    /// Withheld: only the level and the ID may be printed.
    Withheld {
        level: Secrecy,
        id: Id,
    },
}

impl Title {
    pub fn is_withheld(&self) -> bool {
        matches!(self, Title::Withheld { .. })
    }

    /// The title as a report for people shows it: the title, or the level
    /// and the ID when it is withheld (`[秘密] IN-2026-0042`).
    pub fn words(&self, lang: Lang) -> String {
        self.text(Words::People(lang))
    }

    /// The title in `words`: a withheld one as `[level] ID`, the level as
    /// the stored keyword or the reader's word.
    pub fn text(&self, words: Words) -> String {
        match (self, words) {
            (Title::Shown(text), _) => text.clone(),
            (Title::Withheld { level, id }, Words::People(lang)) => {
                format!("[{}] {id}", lang.keyword(*level))
            }
            (Title::Withheld { level, id }, Words::Keywords) => {
                format!("[{}] {id}", level.keyword())
            }
        }
    }
}

impl Serialize for Title {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text(Words::Keywords))
    }
}

/// The level of every classified record and whether they are shown: what
/// a report needs to decide, record by record, what it may print.
pub struct Secrets<'a> {
    levels: HashMap<&'a Id, Secrecy>,
    reveal: Reveal,
    /// The logbooks' declarations, which say which of an entry's fields
    /// are free text; without them a withheld entry keeps no field.
    books: Option<&'a BTreeMap<String, LogbookDef>>,
}

impl<'a> Secrets<'a> {
    pub fn new(records: &[&'a Record], reveal: Reveal) -> Secrets<'a> {
        let levels = records.iter().map(|r| (r.id(), r.secrecy())).collect();
        Secrets {
            levels,
            reveal,
            books: None,
        }
    }

    /// Secrets from the levels of every classified record (read or passed
    /// over, `store::Snapshot::classified`), so a follow-up inherits its
    /// source's level even when the source itself was not decoded.
    pub fn from_levels(levels: &'a [(Id, Secrecy)], reveal: Reveal) -> Secrets<'a> {
        Secrets {
            levels: levels.iter().map(|(id, level)| (id, *level)).collect(),
            reveal,
            books: None,
        }
    }

    /// With the logbooks' declarations, so a withheld entry keeps the
    /// fields that are not free text (its dates, people, references).
    pub fn with_books(self, books: &'a BTreeMap<String, LogbookDef>) -> Secrets<'a> {
        Secrets {
            books: Some(books),
            ..self
        }
    }

    /// The level that applies to `record`: its effective level.
    pub fn level(&self, record: &Record) -> Secrecy {
        record.effective_secrecy(|id| self.levels.get(id).copied())
    }

    /// Whether `record` must be withheld.
    pub fn hides(&self, record: &Record) -> bool {
        self.reveal == Reveal::Withhold && self.level(record).is_classified()
    }

    /// The title as a report may print it.
    pub fn title(&self, record: &Record) -> Title {
        if self.hides(record) {
            Title::Withheld {
                level: self.level(record),
                id: record.id().clone(),
            }
        } else {
            Title::Shown(record.title().to_string())
        }
    }

    /// The record as a report may print it: itself, or when withheld a
    /// copy whose title is `[level] ID` in `words` and whose free text is
    /// gone (`Record::without_matter`). A renderer given this cannot leak.
    pub fn shown<'r>(&self, record: &'r Record, words: Words) -> Cow<'r, Record> {
        if !self.hides(record) {
            return Cow::Borrowed(record);
        }
        let title = self.title(record).text(words);
        let none = BTreeMap::new();
        Cow::Owned(record.without_matter(title, self.books.unwrap_or(&none)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(yaml: &str, kind: taizhang_core::model::kind::Kind) -> Record {
        Record::from_yaml(yaml, kind, None).unwrap()
    }

    #[test]
    fn classified_titles_are_replaced_and_inherited() {
        use taizhang_core::model::kind::Kind;
        let doc = record(
            "id: IN-2026-0001\ntitle: 绝密来文\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-01\nsecrecy: secret\ncreated: 2026-11-01T09:00:00+08:00\n",
            Kind::Incoming,
        );
        let fu = record(
            "id: FU-2026-0001\ntitle: 落实来文\nstatus: open\nlead: 办公室\nsource_ref: IN-2026-0001\n\
             assigned: 2026-11-01\ndue: 2026-11-20\ncreated: 2026-11-01T09:00:00+08:00\n",
            Kind::Followup,
        );
        let all = [&doc, &fu];
        let secrets = Secrets::new(&all, Reveal::Withhold);
        let json = |title: Title| serde_json::to_string(&title).unwrap();
        assert_eq!(json(secrets.title(&doc)), "\"[secret] IN-2026-0001\"");
        assert_eq!(json(secrets.title(&fu)), "\"[secret] FU-2026-0001\"");
        let shown = Secrets::new(&all, Reveal::Show);
        assert_eq!(shown.title(&fu), Title::Shown("落实来文".into()));
    }
}
