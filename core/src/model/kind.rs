//! The kinds of record and where each lives on disk.
//!
//! `Kind::ALL` (in the order of the registers: 收文, 发文, 督办, 会议,
//! 登记簿) is the one list of kinds: every other list of kinds, folders
//! or names derives from it, so a new kind cannot be left out of one.

use jiff::civil::Date;

use crate::model::edit::Fields;
use crate::model::import::ImportSpec;
use crate::model::keyword::{Keyword, keywords};
use crate::model::link::Role;
use crate::model::period::Period;
use crate::model::record::Record;
use crate::model::status_words::StatusSet;
use crate::model::validate::{ById, Findings, Ties};

keywords!(
    /// A kind of record. `list KIND` accepts these and their aliases.
    Kind, "record kind" {
        Incoming = "incoming" / "收文",
        Outgoing = "outgoing" / "发文",
        Followup = "followup" / "督办|督办事项",
        Meeting = "meeting" / "会议",
        Rule = "rule" / "制度|规章制度",
        Logbook = "logbook" / "登记簿",
    }
);

/// The parts a kind built in its own room declares there, which the
/// register's shared enums carry as one variant each: its findings for
/// `check` (`Note::Kind`) and the steps its commands ask (`Step::Kind`),
/// and its figures for `summary` (`KindFigures`). This is the one list
/// of such kinds, so `validate/finding.rs`, `transition.rs` and the
/// summary name none of them. Each room listed declares `Note`, `Step`
/// (with `Step::command`, the command as typed) and `Figures` (`impl
/// Figures`).
macro_rules! kind_parts {
    ($($kind:ident => $room:ident),+ $(,)?) => {
        /// A finding of `check` declared in its kind's room.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum KindNote {
            $($kind(crate::model::$room::Note)),+
        }

        /// A step declared in its kind's room.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum KindStep {
            $($kind(crate::model::$room::Step)),+
        }

        impl KindStep {
            /// The command that performs the step, as typed.
            pub fn command(self) -> &'static str {
                match self {
                    $(KindStep::$kind(step) => step.command()),+
                }
            }
        }

        /// The figures of a period each kind built in its room counts
        /// for `summary` (its room's `Figures`).
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct KindFigures {
            $(pub $room: crate::model::$room::Figures),+
        }

        impl KindFigures {
            /// The kinds with figures of their own, in the order of the
            /// registers.
            pub const KINDS: &'static [Kind] = &[$(Kind::$kind),+];

            /// Counts `record` in its kind's figures.
            pub fn count(&mut self, record: &Record, period: &Period, asof: Date) {
                $(Figures::count(&mut self.$room, record, period, asof);)+
            }

            /// The key of the kind's figures in the summary's JSON and
            /// `--part` (`rules`); `None` for a kind without figures.
            pub fn key(kind: Kind) -> Option<&'static str> {
                match kind {
                    $(Kind::$kind => Some(<crate::model::$room::Figures as Figures>::KEY),)+
                    _ => None,
                }
            }

            /// Whether the kind counted nothing (or has no figures).
            pub fn is_empty(&self, kind: Kind) -> bool {
                match kind {
                    $(Kind::$kind => Figures::is_empty(&self.$room),)+
                    _ => true,
                }
            }

            /// The kind's figures alone, to serialize (`summary --part`).
            pub fn of(&self, kind: Kind) -> FiguresOf<'_> {
                FiguresOf(self, kind)
            }
        }

        /// One kind's figures, as `KindFigures::of` gives them.
        pub struct FiguresOf<'a>(&'a KindFigures, Kind);

        impl serde::Serialize for FiguresOf<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.1 {
                    $(Kind::$kind => self.0.$room.serialize(s),)+
                    _ => s.serialize_unit(),
                }
            }
        }

        /// Each kind's figures under its key, a kind that counted nothing
        /// left out (a register that keeps no rules has no `rules`).
        impl serde::Serialize for KindFigures {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $(
                    if !Figures::is_empty(&self.$room) {
                        map.serialize_entry(
                            <crate::model::$room::Figures as Figures>::KEY,
                            &self.$room,
                        )?;
                    }
                )+
                map.end()
            }
        }

        $(
            impl From<crate::model::$room::Note> for crate::model::validate::Note {
                fn from(note: crate::model::$room::Note) -> Self {
                    Self::Kind(KindNote::$kind(note))
                }
            }

            impl From<crate::model::$room::Step> for crate::model::transition::Step {
                fn from(step: crate::model::$room::Step) -> Self {
                    Self::Kind(KindStep::$kind(step))
                }
            }
        )+
    };
}

kind_parts! {
    Rule => rule,
}

/// What `summary` counts of a kind built in its room over a period: its
/// room's `Figures`, under a key of its own in the summary's JSON.
pub trait Figures: Default + PartialEq + serde::Serialize {
    /// The key of the figures in the summary's JSON, and the part
    /// `summary --part` names (`rules`).
    const KEY: &'static str;

    /// Counts `record`, if it is of the kind: what happened in `period`,
    /// and what was true as of `asof`, the period's end (or today).
    fn count(&mut self, record: &Record, period: &Period, asof: Date);

    /// Whether nothing was counted.
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What the register knows of a kind before it has one of its records
/// in hand, declared in the kind's own room (`incoming::SPEC`,
/// `rule::SPEC` …) and found through [`Kind::spec`]: the files that need
/// these facts ask the kind instead of matching on it. What a record
/// does (its status, its links, its steps) is its `KindRules`.
pub struct KindSpec {
    /// Its statuses and every word accepted for each (`status_words`);
    /// `None` for logbook entries, whose statuses their book declares.
    pub statuses: Option<fn() -> StatusSet>,
    /// The fields `edit --set` may set, in the order the file writes
    /// them, each with how its value is read.
    pub settable: Fields,
    /// Fields with a structure of their own, which `edit --set` refuses:
    /// the kind's steps keep them.
    pub structured: &'static [&'static str],
    /// Fields a numbering series gives, which `edit --set` refuses.
    pub numbered: &'static [&'static str],
    /// Keys of the kind's file whose values are dates or moments, written
    /// bare (`store::yaml`).
    pub date_keys: &'static [&'static str],
    /// The ID prefix a new register gives the kind (`IN`, `ZD` …), its
    /// key under `[prefixes]` in `taizhang.toml` being the kind's
    /// keyword; empty for logbook entries, whose books have one each.
    pub prefix: &'static str,
    /// Where in the kind's file the free text lies, which an encrypted
    /// register seals (`secret::text_paths`): the title and notes of
    /// every kind, history notes, and the kind's own text. `name[]` walks
    /// every item of a list.
    pub sealed: &'static [&'static str],
    /// How `import` reads a spreadsheet row into a record of the kind:
    /// the columns it knows and the row reader; `None` for a kind no
    /// paper register is imported as (logbook entries).
    pub import: Option<&'static ImportSpec>,
    /// The link a record of the kind owes back when another points at it
    /// in a role, for the two ends to agree (`Role::back`).
    pub owes_back: fn(Role) -> Option<Role>,
    /// The kind's rules about the records it links to, on its ties
    /// (`validate::Ties`): `check` runs them for every record of the kind.
    pub(crate) check_links: fn(&Ties, &ById, &mut Findings),
}

impl Kind {
    /// What the register knows of the kind (the one place a kind's room
    /// is named for its facts).
    pub fn spec(self) -> &'static KindSpec {
        match self {
            Kind::Incoming => &crate::model::incoming::SPEC,
            Kind::Outgoing => &crate::model::outgoing::SPEC,
            Kind::Followup => &crate::model::followup::SPEC,
            Kind::Meeting => &crate::model::meeting::SPEC,
            Kind::Rule => &crate::model::rule::SPEC,
            Kind::Logbook => &crate::model::logbook::SPEC,
        }
    }

    /// The top folder of the kind (`documents`, `followups` …).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Incoming | Kind::Outgoing => "documents",
            Kind::Followup => "followups",
            Kind::Meeting => "meetings",
            Kind::Rule => "rules",
            Kind::Logbook => "logbooks",
        }
    }

    /// Short names `list KIND` and `export KIND` accept besides the
    /// keyword and the Chinese words (`in`, `fu` …).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Kind::Incoming => &["in"],
            Kind::Outgoing => &["out"],
            Kind::Followup => &["followups", "fu"],
            Kind::Meeting => &["meetings", "mt"],
            Kind::Rule => &["rules", "zd"],
            Kind::Logbook => &[],
        }
    }

    /// Whether the kind's fields and statuses are the tool's own; a
    /// logbook entry's come from its book's declaration.
    pub fn is_fixed(self) -> bool {
        self != Kind::Logbook
    }

    /// Whether an office may keep none of the kind at all (not every
    /// office keeps a rules register): a register without a record of it
    /// gets no empty sheet of it in `export xlsx`.
    pub fn is_optional(self) -> bool {
        matches!(self, Kind::Rule)
    }

    /// The kinds whose fields and statuses are the tool's own, in the
    /// order of the registers.
    pub fn fixed() -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(|k| k.is_fixed())
    }

    /// Every top folder that holds records, each once (the two document
    /// kinds share `documents`).
    pub fn folders() -> Vec<&'static str> {
        let mut folders: Vec<&'static str> = Vec::new();
        for kind in Kind::ALL {
            if !folders.contains(&kind.folder()) {
                folders.push(kind.folder());
            }
        }
        folders
    }

    /// The kind's place in the order of the registers, for sorting.
    pub fn rank(self) -> usize {
        Kind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(Kind::ALL.len())
    }

    /// The fixed kind `text` names by keyword, Chinese word or alias.
    fn named(text: &str) -> Option<Kind> {
        let lower = text.to_ascii_lowercase();
        Kind::fixed().find(|kind| {
            kind.keyword() == lower
                || kind.chinese().split('|').any(|word| word == text)
                || kind.aliases().contains(&lower.as_str())
        })
    }
}

/// What `list document` names: both document kinds.
const DOCUMENTS: &[&str] = &["document", "documents", "doc", "docs", "公文"];

/// What `list KIND` selects: one kind, both document kinds, or one logbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindFilter {
    All,
    Kind(Kind),
    Documents,
    Book(String),
}

impl KindFilter {
    /// Reads `incoming`/`in`, `outgoing`/`out`, `document`, `followup`/`fu`,
    /// `meeting`/`mt`; anything else is taken as a logbook name and checked
    /// by the caller against the register's settings.
    pub fn parse(text: &str) -> KindFilter {
        let text = text.trim();
        if DOCUMENTS.contains(&text.to_ascii_lowercase().as_str()) {
            return KindFilter::Documents;
        }
        match Kind::named(text) {
            Some(kind) => KindFilter::Kind(kind),
            None => KindFilter::Book(text.to_string()),
        }
    }

    /// The kinds the filter can select, in the order of the registers.
    pub fn kinds(&self) -> Vec<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .filter(|kind| match self {
                KindFilter::All => true,
                KindFilter::Kind(k) => k == kind,
                KindFilter::Documents => matches!(kind, Kind::Incoming | Kind::Outgoing),
                KindFilter::Book(_) => *kind == Kind::Logbook,
            })
            .collect()
    }

    pub fn matches(&self, kind: Kind, book: Option<&str>) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Kind(k) => *k == kind,
            KindFilter::Documents => matches!(kind, Kind::Incoming | Kind::Outgoing),
            KindFilter::Book(name) => book == Some(name.as_str()),
        }
    }
}

/// The kind of record a command or flag wanted, for "expected …" errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Incoming,
    Outgoing,
    Followup,
    Meeting,
    /// A kind that words itself in its own room (`Kind::Rule`); the
    /// older kinds keep a variant of their own until they move to rooms.
    Kind(Kind),
    /// A meeting decision (`MT-2026-0003#2`).
    Decision,
    /// A follow-up's source: a document or a meeting decision.
    Source,
    /// What can be chased (催办): a follow-up or an incoming action paper.
    Chased,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{edit, status_words};

    /// Every place `Kind::ALL` drives answers for every kind: a new kind
    /// that one of them forgot fails here, not in an office.
    #[test]
    fn every_kind_appears_in_every_place_all_drives() {
        let folders = Kind::folders();
        for kind in Kind::ALL.iter().copied() {
            assert!(folders.contains(&kind.folder()), "{kind:?}: no folder");
            assert_eq!(Kind::ALL[kind.rank()], kind, "{kind:?}: rank");
            assert_eq!(
                status_words::statuses(kind).is_some(),
                kind.is_fixed(),
                "{kind:?}: a fixed kind has its own statuses, a logbook's are declared"
            );
            assert!(
                edit::settable_keys(kind).next().is_some(),
                "{kind:?}: nothing settable"
            );
            let spec = kind.spec();
            for key in spec.structured.iter().chain(spec.numbered) {
                assert!(
                    !edit::settable_keys(kind).any(|k| k == *key),
                    "{kind:?}: {key} is both settable and refused"
                );
            }
            assert!(!spec.date_keys.is_empty(), "{kind:?}: no date keys");
            assert_eq!(
                !spec.prefix.is_empty(),
                kind.is_fixed(),
                "{kind:?}: a fixed kind has its own ID prefix, a logbook's books have theirs"
            );
            for common in ["title", "notes", "history[].note"] {
                assert!(
                    spec.sealed.contains(&common),
                    "{kind:?}: {common} not sealed"
                );
            }
            assert_eq!(
                spec.import.is_some(),
                kind.is_fixed(),
                "{kind:?}: every fixed kind can be imported"
            );
            assert!(
                KindFilter::All.kinds().contains(&kind),
                "{kind:?}: not in list all"
            );
            if kind.is_fixed() {
                let names = [kind.keyword()]
                    .into_iter()
                    .chain(kind.chinese().split('|'))
                    .chain(kind.aliases().iter().copied());
                for name in names {
                    assert_eq!(KindFilter::parse(name), KindFilter::Kind(kind), "{name}");
                    assert_eq!(
                        KindFilter::parse(&name.to_uppercase()),
                        KindFilter::Kind(kind)
                    );
                }
                assert!(Kind::fixed().any(|k| k == kind));
            }
        }
        let mut prefixes: Vec<&str> = Kind::fixed().map(|k| k.spec().prefix).collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        assert_eq!(
            prefixes.len(),
            Kind::fixed().count(),
            "prefixes are distinct"
        );
        let mut ranks: Vec<usize> = Kind::ALL.iter().map(|k| k.rank()).collect();
        ranks.dedup();
        assert_eq!(ranks.len(), Kind::ALL.len(), "ranks are distinct");
    }

    #[test]
    fn a_name_no_kind_has_is_a_logbook_and_documents_name_both() {
        assert_eq!(KindFilter::parse(" seal "), KindFilter::Book("seal".into()));
        assert_eq!(
            KindFilter::parse("logbook"),
            KindFilter::Book("logbook".into())
        );
        assert_eq!(KindFilter::parse("公文"), KindFilter::Documents);
        assert_eq!(
            KindFilter::Documents.kinds(),
            [Kind::Incoming, Kind::Outgoing]
        );
        assert_eq!(KindFilter::Book("seal".into()).kinds(), [Kind::Logbook]);
    }

    #[test]
    fn each_folder_is_listed_once() {
        assert_eq!(
            Kind::folders(),
            ["documents", "followups", "meetings", "rules", "logbooks"]
        );
    }
}
