//! Logbooks (用印, 来访, 接待, 值班 …): declared in the settings with typed
//! fields; each entry is a record whose fields are checked against the
//! declaration.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::config::{FieldDef, LogbookDef};
use crate::model::date::{Moment, parse_iso_date};
use crate::model::id::Id;
use crate::model::record::KindRules;

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

fn field(name: &str, kind: &str, required: bool, label: &str) -> FieldDef {
    FieldDef {
        name: name.into(),
        kind: kind.into(),
        required,
        values: Vec::new(),
        label: Some(label.into()),
    }
}

fn book(prefix: &str, title: &str, fields: Vec<FieldDef>) -> LogbookDef {
    LogbookDef {
        prefix: prefix.into(),
        title: title.into(),
        fields,
    }
}

/// The logbooks `init` declares: 用印, 来访, 公务接待, 值班.
pub fn presets() -> BTreeMap<String, LogbookDef> {
    let mut books = BTreeMap::new();
    books.insert(
        "seal".to_string(),
        book(
            "SEAL",
            "用印登记",
            vec![
                field("date", "date", true, "日期"),
                field("seal", "text", true, "印章名称"),
                field("unit", "unit", true, "用印单位"),
                field("handler", "person", true, "经办人"),
                field("purpose", "text", true, "用印事由"),
                field("document", "text", false, "文件名称"),
                field("copies", "number", false, "份数"),
                field("approver", "person", true, "批准人"),
                field("witness", "person", false, "监印人"),
                field("taken_out", "datetime", false, "外借时间"),
                field("returned", "datetime", false, "归还时间"),
            ],
        ),
    );
    books.insert(
        "visit".to_string(),
        book(
            "VISIT",
            "来访登记",
            vec![
                field("arrived", "datetime", true, "来访时间"),
                field("left", "datetime", false, "离开时间"),
                field("visitor", "text", true, "来访人"),
                field("organisation", "text", false, "单位"),
                field("headcount", "number", false, "人数"),
                field("purpose", "text", true, "事由"),
                field("host", "person", false, "接待人"),
                field("received_by", "person", false, "登记人"),
            ],
        ),
    );
    books.insert(
        "reception".to_string(),
        book(
            "RCP",
            "公务接待登记",
            vec![
                field("letter_ref", "text", true, "公函"),
                field("guests", "text", true, "来宾"),
                field("activities", "text", false, "活动内容"),
                field("venue", "text", false, "地点"),
                field("companions", "number", false, "陪同人数"),
                field("cost", "money", false, "费用"),
                field("approved_by", "person", true, "审批人"),
            ],
        ),
    );
    books.insert(
        "duty".to_string(),
        book(
            "DUTY",
            "值班登记",
            vec![
                field("date", "date", true, "日期"),
                field("shift", "text", true, "班次"),
                field("leader", "person", true, "带班领导"),
                field("officers", "text", true, "值班人员"),
                field("calls", "text", false, "来电记录"),
                field("incidents", "text", false, "事件处置"),
                field("handover", "text", false, "交接班"),
            ],
        ),
    );
    books
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

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.fields.values().any(|v| v.as_str().is_some_and(hit))
    }
}
