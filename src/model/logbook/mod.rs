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
use crate::model::id::Id;
use crate::model::record::KindRules;
pub use presets::{PRESET_NAMES, preset, presets};

/// A logbook entry. Its declared fields live beside the common ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
            }
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
        "ref" => text.is_some_and(|t| Id::parse(t).is_some()),
        "enum" => text.is_some_and(|t| field.values.iter().any(|v| v == t)),
        _ => matches!(value, Value::String(_) | Value::Sequence(_)),
    };
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
    fn status(&self) -> &str {
        &self.status
    }

    /// An entry's declared fields live in the same map; the caller
    /// separates them with the book's declaration.
    fn extra(&self) -> &Extra {
        &self.fields
    }

    fn shrink_lists(&mut self) {
        self.history.shrink_to_fit();
    }

    fn unit(&self) -> Option<&str> {
        self.fields.get("unit").and_then(|v| v.as_str())
    }

    fn owner(&self) -> Option<&str> {
        self.fields.get("handler").and_then(|v| v.as_str())
    }

    fn filed_on(&self) -> Date {
        (self.fields.get("date"))
            .and_then(|v| v.as_str())
            .and_then(crate::model::date::parse_iso_date)
            .unwrap_or_else(|| self.created.date())
    }

    /// An entry may be out on its book's open loop (a seal not yet
    /// returned), which only the book's declaration tells
    /// (`open_loop::is_out`). Every entry therefore counts as possibly
    /// open, so that reports reading only open records (`remind`, the
    /// desk) see it; they decide with the declaration.
    fn is_open(&self) -> bool {
        true
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.fields.values().any(|v| v.as_str().is_some_and(hit))
    }
}
