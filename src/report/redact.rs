//! Keeping secrets out of reports: unless `--show-classified`, the title
//! of a record whose secrecy is not `none` prints as `[秘密] FU-2026-0003`.
//!
//! A withheld title is data (`Title::Withheld`): JSON writes it with the
//! stored keyword (`[secret] FU-2026-0003`) whatever the language, and
//! only renderers for people word the level (`Lang::title`).
//!
//! A follow-up counts as classified when its own level says so or when the
//! document or meeting it comes from is classified, so a follow-up written
//! by hand without `secrecy` cannot leak its source's matter; a logbook
//! entry when a record it names (the file an archive loan lends) is.

use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{Keyword, Secrecy};
use taizhang_core::model::record::Record;

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
        match self {
            Title::Shown(text) => text.clone(),
            Title::Withheld { level, id } => format!("[{}] {id}", lang.keyword(*level)),
        }
    }
}

impl Serialize for Title {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Title::Shown(text) => s.serialize_str(text),
            Title::Withheld { level, id } => {
                s.collect_str(&format_args!("[{}] {id}", level.keyword()))
            }
        }
    }
}

/// The secrecy of every record, with follow-ups raised to their source's.
pub struct Secrets<'a> {
    levels: HashMap<&'a Id, Secrecy>,
    show_classified: bool,
}

impl<'a> Secrets<'a> {
    pub fn new(records: &[&'a Record], show_classified: bool) -> Secrets<'a> {
        let levels = records.iter().map(|r| (r.id(), r.secrecy())).collect();
        Secrets {
            levels,
            show_classified,
        }
    }

    /// Secrets from the levels of every classified record (read or passed
    /// over, `store::Snapshot::classified`), so a follow-up inherits its
    /// source's level even when the source itself was not decoded.
    pub fn from_levels(levels: &'a [(Id, Secrecy)], show_classified: bool) -> Secrets<'a> {
        Secrets {
            levels: levels.iter().map(|(id, level)| (id, *level)).collect(),
            show_classified,
        }
    }

    /// The level that applies to `record`.
    pub fn level(&self, record: &Record) -> Secrecy {
        let own = record.secrecy();
        match record {
            Record::Followup(fu) => fu
                .source_ref
                .as_ref()
                .and_then(|source| self.levels.get(&source.id))
                .map_or(own, |inherited| own.max(*inherited)),
            // An entry about a classified record (档案借阅 of a secret
            // file) is as classified as the record it names.
            Record::Entry(entry, _) => (entry.fields.values())
                .filter_map(|value| Id::parse(value.as_str()?.trim()))
                .filter_map(|id| self.levels.get(&id))
                .fold(own, |level, inherited| level.max(*inherited)),
            _ => own,
        }
    }

    /// Whether the title of `record` must be withheld.
    pub fn hides(&self, record: &Record) -> bool {
        !self.show_classified && self.level(record) != Secrecy::None
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
        let secrets = Secrets::new(&all, false);
        let json = |title: Title| serde_json::to_string(&title).unwrap();
        assert_eq!(json(secrets.title(&doc)), "\"[secret] IN-2026-0001\"");
        assert_eq!(json(secrets.title(&fu)), "\"[secret] FU-2026-0001\"");
        let shown = Secrets::new(&all, true);
        assert_eq!(shown.title(&fu), Title::Shown("落实来文".into()));
    }
}
