//! Logbooks (用印, 来访, 接待, 值班 …): declared in the settings with typed
//! fields; each entry is a record whose fields are checked against the
//! declaration.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::config::{FieldDef, LogbookDef};

pub mod open_loop;
mod presets;
pub mod roster;
pub mod sheet;
pub mod value;

use crate::model::date::{Moment, parse_iso_date};
use crate::model::edit::TEXT;
use crate::model::id::Id;
use crate::model::keyword::{self, Secrecy};
use crate::model::kind::KindSpec;
use crate::model::record::KindRules;
use crate::model::renumber::Swap;
use crate::model::transition::Status;
use crate::model::validate::{KindChecks, KindTies};
pub use presets::{PRESET_NAMES, preset, presets};

/// A logbook entry. Its declared fields live beside the common ones.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default = "recorded")]
    pub status: String,
    pub created: Moment,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The declared fields (and any the declaration does not name).
    #[serde(flatten)]
    pub fields: Extra,
    /// Which field gives the date the entry is filed under, as its
    /// book's declaration says (`Entry::know_book`). Derived, never
    /// written: the store sets it where it reads the entry.
    #[serde(skip)]
    pub filed_by: FiledBy,
    /// Whether the entry is out on its book's open loop (a seal taken
    /// out and not returned: `open_loop::out`), as its book's declaration
    /// says (`Entry::know_book`); `false` while the book is not known.
    /// Derived, never written; it does not depend on the day, so the
    /// cache keeps it as the record's `open` fact.
    #[serde(skip)]
    pub out: bool,
}

/// Entries are equal when what they hold is: `filed_by` and `out` are
/// derived from the book's declaration, which an entry read back from its
/// file or the cache learns again.
impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        let Entry {
            id,
            title,
            status,
            created,
            history,
            fields,
            filed_by: _,
            out: _,
        } = self;
        *id == other.id
            && *title == other.title
            && *status == other.status
            && *created == other.created
            && *history == other.history
            && *fields == other.fields
    }
}

/// Where an entry's date (`Record::date`) comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum FiledBy {
    /// The book's declaration is not known (an entry read on its own):
    /// a field named `date`, else the day it was created.
    #[default]
    Unknown,
    /// The book's first `date` or `datetime` field: its date, else the
    /// day the entry was created.
    Field(Box<str>),
    /// The book declares no date: the day the entry was created.
    Created,
}

/// The field a book's entries are filed under: its first `date` or
/// `datetime` field.
pub fn filing_field(book: &LogbookDef) -> Option<&FieldDef> {
    (book.fields.iter()).find(|f| matches!(f.kind.as_str(), "date" | "datetime"))
}

/// The date of a `date` or `datetime` value: a moment's date is the one
/// its own offset shows (`2026-11-20T23:30:00+08:00` is the 20th).
pub fn value_date(value: &serde_yaml::Value) -> Option<Date> {
    let text = value.as_str()?.trim();
    parse_iso_date(text).or_else(|| Moment::parse_rfc3339(text).map(|m| m.date()))
}

impl Entry {
    /// Hands `each` the value of every field `book` declares of type
    /// `person` (经办人, 批准人, 带班领导 …) with the field's name, and
    /// each of the officers a duty roster writes into its text field
    /// (`officers: 王丽、郑雪`, `roster::OFFICERS`).
    pub fn people<'a>(&'a self, book: &'a LogbookDef, each: &mut dyn FnMut(&'a str, &'a str)) {
        let named = |f: &&FieldDef| f.kind == "person" || f.name == roster::OFFICERS;
        for field in book.fields.iter().filter(named) {
            let Some(text) = self
                .fields
                .get(field.name.as_str())
                .and_then(|v| v.as_str())
            else {
                continue;
            };
            (text.split(['、', ',', '，', ';', '；']))
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .for_each(|name| each(&field.name, name));
        }
    }

    /// Learns from its book's declaration which field dates the entry,
    /// and whether it is out on the book's loop. Called again after a
    /// change of its fields (`value::set_field`).
    pub fn know_book(&mut self, book: &LogbookDef) {
        self.filed_by = match filing_field(book) {
            Some(field) => FiledBy::Field(field.name.as_str().into()),
            None => FiledBy::Created,
        };
        self.out = open_loop::is_out(self, book);
    }
}

fn recorded() -> String {
    "recorded".into()
}

/// The field types a logbook may declare.
pub const FIELD_TYPES: &[&str] = &[
    "text", "date", "datetime", "number", "person", "unit", "enum", "ref", "bool", "money",
];

/// What is wrong with one field of a logbook entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// A required field is missing or empty.
    Missing { field: String },
    /// The value is not of the declared type (`date`, `number` …).
    NotA { field: String, kind: String },
    /// An `enum` field's value is not one of the declared values.
    NotOneOf { field: String, values: Vec<String> },
    /// `field` is filled but `needs`, which it requires, is not (a
    /// destruction without its witness).
    Needs { field: String, needs: String },
    /// Two fields `field` requires name the same person (one witness
    /// twice).
    SamePerson {
        field: String,
        other: String,
        name: String,
    },
    /// A `number` field (a count: 份数, 数量, 人数) below zero.
    Negative { field: String },
}

/// Checks an entry against its book's declaration: missing required
/// fields, values of the wrong type.
pub fn validate_entry(entry: &Entry, book: &LogbookDef) -> Vec<EntryProblem> {
    let mut problems = Vec::new();
    for field in &book.fields {
        match entry.fields.get(field.name.as_str()) {
            None | Some(serde_yaml::Value::Null) if field.required => {
                problems.push(EntryProblem::Missing {
                    field: field.name.clone(),
                });
            }
            None | Some(serde_yaml::Value::Null) => {}
            Some(value) => {
                if let Some(problem) = check_value(field, value) {
                    problems.push(problem);
                }
                problems.extend(requirements(entry, book, field));
            }
        }
    }
    problems
}

/// What a filled `field` requires (`FieldDef::requires`): each declared
/// field it names filled, the people among them all different.
fn requirements(entry: &Entry, book: &LogbookDef, field: &FieldDef) -> Vec<EntryProblem> {
    let required =
        (field.requires.iter()).filter_map(|name| book.fields.iter().find(|f| f.name == *name));
    let mut problems = Vec::new();
    let mut people: Vec<(&str, &str)> = Vec::new();
    for def in required {
        let value = entry.fields.get(def.name.as_str());
        if !open_loop::is_set(value) {
            problems.push(EntryProblem::Needs {
                field: field.name.clone(),
                needs: def.name.clone(),
            });
            continue;
        }
        let Some(name) = value.and_then(|v| v.as_str()).map(str::trim) else {
            continue;
        };
        if def.kind != "person" {
            continue;
        }
        match people.iter().find(|(_, other)| *other == name) {
            Some((other, _)) => problems.push(EntryProblem::SamePerson {
                field: def.name.clone(),
                other: other.to_string(),
                name: name.to_string(),
            }),
            None => people.push((&def.name, name)),
        }
    }
    problems
}

fn check_value(field: &FieldDef, value: &serde_yaml::Value) -> Option<EntryProblem> {
    use serde_yaml::Value;
    let text = value.as_str();
    let ok = match field.kind.as_str() {
        "date" => text.is_some_and(|t| parse_iso_date(t).is_some()),
        "datetime" => {
            text.is_some_and(|t| Moment::parse_rfc3339(t).is_some() || parse_iso_date(t).is_some())
        }
        "number" | "money" => matches!(value, Value::Number(_)),
        "bool" => matches!(value, Value::Bool(_)),
        "ref" => text
            .is_some_and(|t| Id::parse(t).is_some() || value::archive_number(field, t).is_some()),
        "enum" => text.is_some_and(|t| field.values.iter().any(|v| v == t)),
        _ => matches!(value, Value::String(_) | Value::Sequence(_)),
    };
    if ok && field.kind == "number" && value.as_f64().is_some_and(|n| n < 0.0) {
        return Some(EntryProblem::Negative {
            field: field.name.clone(),
        });
    }
    (!ok).then(|| match field.kind.as_str() {
        "enum" => EntryProblem::NotOneOf {
            field: field.name.clone(),
            values: field.values.clone(),
        },
        kind => EntryProblem::NotA {
            field: field.name.clone(),
            kind: kind.to_string(),
        },
    })
}

/// An entry's particulars are its book's declared fields: `unit`,
/// `handler` and `date` where the book declares them.
impl KindRules for Entry {
    /// A loan (档案借阅) names the record lent in `archive_ref`.
    fn ties(&self) -> KindTies {
        let lent = self.fields.get(crate::model::archive::LOAN_FIELD);
        KindTies::Entry {
            loan_of: lent.and_then(|v| v.as_str()).and_then(Id::parse),
        }
    }

    /// An entry's own text is its notes; its declared text fields are
    /// its book's, which `Record::without_matter` empties knowing the
    /// book.
    fn forget_matter(&mut self) {
        crate::model::classified::forget_notes(&mut self.history);
    }

    fn status(&self) -> &str {
        &self.status
    }

    /// An entry's declared fields live in the same map; the caller
    /// separates them with the book's declaration.
    fn extra(&self) -> &Extra {
        &self.fields
    }

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.fields
    }

    /// The fields too: a map read from JSON grows by doubling, and an
    /// entry's nine fields would hold room for sixteen.
    fn shrink_lists(&mut self) {
        self.history.shrink_to_fit();
        self.fields.shrink_to_fit();
    }

    /// The level an entry records of itself in a `secrecy` field (a
    /// 涉密载体 carries its paper's); an entry without one, or with a value
    /// that names no level, is not classified on its own.
    fn secrecy(&self) -> Secrecy {
        (self.fields.get("secrecy"))
            .and_then(|v| v.as_str())
            .and_then(|text| keyword::parse::<Secrecy>(text.trim()).ok())
            .unwrap_or(Secrecy::None)
    }

    fn unit(&self) -> Option<&str> {
        self.fields.get("unit").and_then(|v| v.as_str())
    }

    fn owner(&self) -> Option<&str> {
        self.fields.get("handler").and_then(|v| v.as_str())
    }

    /// The book's first date field (`FiledBy`), else the creation day.
    fn filed_on(&self) -> Date {
        let key = match &self.filed_by {
            FiledBy::Unknown => Some("date"),
            FiledBy::Field(key) => Some(&**key),
            FiledBy::Created => None,
        };
        key.and_then(|key| self.fields.get(key))
            .and_then(value_date)
            .unwrap_or_else(|| self.created.date())
    }

    /// Open while out on its book's loop (a seal not yet returned), as
    /// learnt from the declaration (`Entry::know_book`): the only entries
    /// that reports reading open records (`remind`, the desk, `list
    /// --open`) need. An entry whose book is not known is never open.
    fn is_open(&self) -> bool {
        self.out
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.fields.values().any(|v| v.as_str().is_some_and(hit))
    }

    fn typed_status(&self) -> Option<Status> {
        None
    }

    /// A field holding exactly an ID (`ref`).
    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let mut changed = false;
        for value in self.fields.values_mut() {
            if let serde_yaml::Value::String(text) = value {
                changed |= swap.text(text);
            }
        }
        changed
    }
}

/// What the register knows of logbook entries (`Kind::spec`): their
/// statuses and most fields are their book's.
pub const SPEC: KindSpec = KindSpec {
    statuses: None,
    settable: &[("title", TEXT)],
    structured: &[],
    numbered: &[],
    date_keys: &["date", "arrived", "left", "taken_out", "returned"],
    prefix: "",
    sealed: &["title", "notes", "history[].note"],
    import: None,
    // An entry is only ever a link's target by its ID and kind.
    owes_back: |_| None,
    check_links: <Entry as KindChecks>::check_links,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;
    use crate::model::record::Record;
    use std::collections::BTreeMap;

    fn read(book: &str, fields: &str) -> Record {
        let yaml = format!(
            "id: VISIT-2026-0001\ncreated: 2026-01-05T09:00:00+08:00\n\
             visitor: 马先生\npurpose: 咨询\n{fields}"
        );
        Record::from_yaml(&yaml, Kind::Logbook, Some(book)).unwrap()
    }

    fn known(book: &str, fields: &str) -> Record {
        let mut record = read(book, fields);
        let books = [(book.to_string(), preset(book).unwrap())].into();
        record.know_books(&books);
        record
    }

    #[test]
    fn an_entry_is_filed_under_its_books_first_date_field() {
        // A visitor book dates its entries by `arrived`, a moment: its date
        // is the one its own offset shows, not UTC's.
        let late = known("visit", "arrived: 2025-12-30T23:30:00+08:00\n");
        assert_eq!(late.date(), Date::constant(2025, 12, 30));
        let plain = known("visit", "arrived: 2025-06-01\n");
        assert_eq!(plain.date(), Date::constant(2025, 6, 1));
        // Only the first date field counts; empty, the creation day.
        let left_only = known("visit", "left: 2025-12-30T10:00:00+08:00\n");
        assert_eq!(left_only.date(), Date::constant(2026, 1, 5));
        let seal = known(
            "seal",
            "date: 2025-03-02\ntaken_out: 2025-03-04T09:00:00+08:00\n",
        );
        assert_eq!(seal.date(), Date::constant(2025, 3, 2));
    }

    #[test]
    fn an_entry_names_its_books_people_and_each_officer_on_duty() {
        let record = read(
            "duty",
            "date: 2026-11-23\nleader: 陈建国\nofficers: 王丽、郑雪\n",
        );
        let (Record::Entry(entry, _), Some(book)) = (&record, preset("duty")) else {
            panic!("an entry")
        };
        let mut named = Vec::new();
        entry.people(&book, &mut |field, name| {
            named.push(format!("{field}={name}"))
        });
        assert_eq!(named, ["leader=陈建国", "officers=王丽", "officers=郑雪"]);
        // The visitor (text) names no one of the office.
        let books = [("duty".to_string(), book.clone())].into();
        assert!(record.names_person("郑雪", &books));
        assert!(!record.names_person("马先生", &books));
    }

    #[test]
    fn a_negative_count_is_a_problem_of_its_own() {
        let book = preset("seal").unwrap();
        let Record::Entry(entry, _) = read("seal", "date: 2025-03-02\ncopies: -3\n") else {
            panic!("an entry")
        };
        assert!(
            validate_entry(&entry, &book).contains(&EntryProblem::Negative {
                field: "copies".into()
            }),
            "{:?}",
            validate_entry(&entry, &book)
        );
    }

    #[test]
    fn a_book_without_a_date_files_by_the_creation_day() {
        let mut book = preset("visit").unwrap();
        book.fields.retain(|f| !f.kind.starts_with("date"));
        assert!(filing_field(&book).is_none());
        let mut record = read("visit", "date: 2025-03-02\narrived: 2025-03-02\n");
        record.know_books(&[("visit".to_string(), book)].into());
        assert_eq!(record.date(), Date::constant(2026, 1, 5));
    }

    #[test]
    fn unknown_books_keep_the_date_field_rule() {
        // Read without its declaration: a field named `date`, else the day
        // it was created.
        assert_eq!(
            read("visit", "date: 2025-03-02\n").date(),
            Date::constant(2025, 3, 2)
        );
        assert_eq!(
            read("visit", "arrived: 2025-03-02\n").date(),
            Date::constant(2026, 1, 5)
        );
        // An entry of a book the settings no longer declare stays so.
        let mut record = read("gone", "arrived: 2025-03-02\n");
        record.know_books(&[("visit".to_string(), preset("visit").unwrap())].into());
        assert_eq!(record.date(), Date::constant(2026, 1, 5));
    }

    #[test]
    fn the_filing_field_is_derived_not_content() {
        let a = known("visit", "arrived: 2025-06-01\n");
        let b = read("visit", "arrived: 2025-06-01\n");
        assert_eq!(a, b);
        assert_ne!(a.date(), b.date());
        let yaml = serde_yaml::to_string(&a.to_value().unwrap()).unwrap();
        assert!(!yaml.contains("filed"), "{yaml}");
    }

    fn seal(fields: &str) -> Record {
        let yaml = format!(
            "id: SEAL-2026-0001\ncreated: 2026-11-20T09:00:00+08:00\n\
             date: 2026-11-20\nseal: 局公章\nunit: 办公室\nhandler: 李明\n\
             purpose: 签订合同\napprover: 张局长\n{fields}"
        );
        Record::from_yaml(&yaml, Kind::Logbook, Some("seal")).unwrap()
    }

    #[test]
    fn an_entry_is_open_only_while_out_on_its_books_loop() {
        let books: BTreeMap<String, LogbookDef> =
            [("seal".to_string(), preset("seal").unwrap())].into();
        let know = |mut record: Record| {
            record.know_books(&books);
            record
        };
        let out = know(seal("taken_out: 2026-11-20T09:30:00+08:00\n"));
        assert!(out.is_open());
        let back = know(seal(
            "taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T16:00:00+08:00\n",
        ));
        assert!(!back.is_open());
        assert!(!know(seal("")).is_open());
        // Not yet told its book (an entry read on its own): not open.
        assert!(!seal("taken_out: 2026-11-20\n").is_open());
        // A book without a loop: never, whatever its fields say.
        let mut no_loop = preset("seal").unwrap();
        no_loop.open_loop = None;
        let mut record = seal("taken_out: 2026-11-20\n");
        record.know_books(&[("seal".to_string(), no_loop)].into());
        assert!(!record.is_open());
        // Derived, like the filing field: equal to the entry not told.
        assert_eq!(out, seal("taken_out: 2026-11-20T09:30:00+08:00\n"));
    }
}
