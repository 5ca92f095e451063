//! Correcting a record (`edit`): which fields of each kind may be set,
//! how a value typed for one is read (as its flag reads it), and what
//! changed, old → new, for the history entry.
//!
//! Pure: "today", the time zone, the calendar and the settings are passed
//! in. A change is made on the record's YAML value and read back as the
//! record, so a field set here is stored exactly as a command would
//! store it; then the record is checked with `check`'s rules for one
//! record, and a change that brings in a new error is refused.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_yaml::Value;

use crate::model::common::{TermProblem, check_secrecy_term};
use crate::model::config::{Config, FieldDef};
use crate::model::date::{BadDate, Moment, When, WorkingDays, parse_date};
use crate::model::keyword::{self, BadKeyword, Keyword, Secrecy};
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::model::title::{TitleProblem, check_title};

/// How a field's value is typed and read, as each kind declares its
/// fields `--set` may set (`KindSpec::settable`).
#[derive(Clone, Copy)]
pub enum Type {
    Title,
    /// Text that must not be empty.
    Text,
    /// Text; empty clears it.
    OptText,
    /// A date by the date grammar; `required` ones cannot be cleared.
    Date {
        required: bool,
    },
    /// A date, or a moment `YYYY-MM-DD HH:MM`.
    When {
        required: bool,
    },
    /// An enumerated value, English or Chinese: the stored keyword.
    Keyword {
        required: bool,
        read: fn(&str) -> Result<&'static str, BadKeyword>,
        chinese: fn(&str) -> Option<&'static str>,
    },
    Count {
        required: bool,
    },
    Bool,
    /// A unit of the register (name or code).
    Unit {
        required: bool,
    },
    /// Units, comma-separated.
    Units,
    /// Names or organisations, comma-separated.
    Names,
    /// A 保密期限 such as `10y`.
    Term,
}

fn kw<K: Keyword>(input: &str) -> Result<&'static str, BadKeyword> {
    keyword::parse::<K>(input).map(K::keyword)
}

fn zh<K: Keyword>(stored: &str) -> Option<&'static str> {
    K::parse_keyword(stored).and_then(|k| k.chinese().split('|').next())
}

/// An enumerated field that cannot be cleared.
pub const fn req_kw<K: Keyword>() -> Type {
    Type::Keyword {
        required: true,
        read: kw::<K>,
        chinese: zh::<K>,
    }
}

/// An enumerated field that may be cleared.
pub const fn opt_kw<K: Keyword>() -> Type {
    Type::Keyword {
        required: false,
        read: kw::<K>,
        chinese: zh::<K>,
    }
}

/// A stored value of `field` in records of `kind` in Chinese words, where
/// it is an enumerated value or yes/no (`weekly` → 每周, `true` → 是).
pub fn chinese_value(kind: Kind, field: &str, value: &str) -> Option<&'static str> {
    let (_, ty) = settable(kind).iter().find(|(k, _)| *k == field)?;
    match ty {
        Type::Keyword { chinese, .. } => chinese(value),
        Type::Bool => read_bool(value).map(|b| if b { "是" } else { "否" }),
        _ => None,
    }
}

/// Text that may be cleared.
pub const TEXT: Type = Type::OptText;
/// A date that may be cleared.
pub const DATE: Type = Type::Date { required: false };

/// A kind's fields `--set` may set, each with how its value is read.
pub type Fields = &'static [(&'static str, Type)];

/// The fields `--set` may set in records of `kind`, in the order the
/// record's file writes them (each kind's `KindSpec::settable`).
fn settable(kind: Kind) -> Fields {
    kind.spec().settable
}

/// The keys `--set` may set in records of `kind`.
pub fn settable_keys(kind: Kind) -> impl Iterator<Item = &'static str> {
    settable(kind).iter().map(|(key, _)| *key)
}

/// Why a field of the record cannot be set with `--set`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    /// `id`, `created`: what the record is, and when it was made.
    Identity,
    /// `history`: appended by every change, never rewritten.
    History,
    /// `status`: moves only by the steps of its kind.
    Status,
    /// `overdue`, `days_left`: computed, never stored.
    Computed,
    /// `doc_number`, `series`: handed out by the register, never reused.
    Numbered,
    /// Lists and entries with parts (circulation, progress …): edited in
    /// the editor, where their shape shows.
    Structured,
}

/// What is wrong with a value given to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    Empty,
    Date(BadDate),
    Keyword(BadKeyword),
    Number,
    Bool,
    Unit { known: Vec<String> },
    Term(TermProblem),
    Title(TitleProblem),
}

/// Why an edit could not be made; nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    /// Not `FIELD=VALUE`.
    NotAssignment { input: String },
    /// No such field in records of this kind.
    UnknownField {
        field: String,
        kind: Kind,
        settable: Vec<String>,
    },
    /// A field that exists but is not set this way.
    NotSettable { field: String, why: Fixed },
    /// The same field set twice in one command.
    Twice { field: String },
    BadValue {
        field: String,
        input: String,
        problem: ValueProblem,
    },
    /// The record does not read back with the values set (a value of a
    /// shape its kind cannot hold); `message` is the reader's own.
    Rejected { id: String, message: String },
    /// The edited copy names another record.
    IdChanged { from: String, to: String },
    /// The edited copy rewrites the history.
    HistoryChanged { id: String },
    /// The edited copy changes the status.
    StatusChanged { id: String },
    /// Neither `VISUAL` nor `EDITOR` names an editor.
    NoEditor,
    /// The editor could not be run, or failed; `status` as the system
    /// gives it.
    EditorFailed { editor: String, status: String },
    /// A logbook entry's field refused its value, as `book set` would.
    Entry(Box<crate::model::logbook::value::BookError>),
    /// Another command changed the record while it was in the editor;
    /// the edited copy is kept at `copy`.
    ChangedMeanwhile { id: String, copy: String },
}

/// One field changed: its key and its value before and after, as text
/// (`None` when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The history note of an edit: `title: A → B; due: 2026-12-01 → 2026-12-15`
/// (`—` for a value absent before or after).
pub fn history_note(changes: &[FieldChange]) -> String {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, show(&c.old), show(&c.new)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads back a history note of `history_note`; `None` when it does not
/// read as one (a hand edit, a value holding `; `).
pub fn parse_history_note(note: &str) -> Option<Vec<FieldChange>> {
    let value = |text: &str| (text != "—").then(|| text.to_string());
    note.split("; ")
        .map(|part| {
            let (field, change) = part.split_once(": ")?;
            let (old, new) = change.split_once(" → ")?;
            let field = field.trim();
            let plain = !field.is_empty()
                && field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
            plain.then(|| FieldChange {
                field: field.to_string(),
                old: value(old),
                new: value(new),
            })
        })
        .collect()
}

/// `chinese_value` for a field of whichever kind has it (a history note
/// does not say the kind).
pub fn chinese_value_any(field: &str, value: &str) -> Option<&'static str> {
    Kind::fixed().find_map(|kind| chinese_value(kind, field, value))
}

/// What reading a value needs from outside: today, the time zone, the
/// working-day calendar and the register's settings.
pub struct Inputs<'a> {
    pub today: Date,
    /// This moment, for `now` where a moment is read; its date is `today`.
    pub now: Moment,
    pub tz: &'a TimeZone,
    pub calendar: &'a dyn WorkingDays,
    pub config: &'a Config,
}

/// Splits `FIELD=VALUE`.
pub fn split_assignment(input: &str) -> Result<(String, String), EditError> {
    crate::model::logbook::value::split_at_equals(input)
        .map(|(field, value)| (field.to_string(), value.to_string()))
        .ok_or_else(|| EditError::NotAssignment {
            input: input.to_string(),
        })
}

/// `record` with each `(FIELD, VALUE)` set, and what changed. Refuses an
/// unknown or fixed field, a value its flag would refuse, and a change
/// that brings in an error `check` would report.
pub fn set_fields(
    record: &Record,
    sets: &[(String, String)],
    inputs: &Inputs,
) -> Result<(Record, Vec<FieldChange>), EditError> {
    let rejected = |e: serde_yaml::Error| EditError::Rejected {
        id: record.id().to_string(),
        message: e.to_string(),
    };
    let mut value = record.to_value().map_err(rejected)?;
    let mut seen: Vec<String> = Vec::new();
    for (field, input) in sets {
        let key = resolve_key(record, field, inputs.config)?;
        if seen.contains(&key) {
            return Err(EditError::Twice { field: key });
        }
        let Value::Mapping(map) = &mut value else {
            break;
        };
        let new = match record {
            Record::Entry(_, book) => {
                let def = inputs
                    .config
                    .logbooks
                    .get(book)
                    .and_then(|b| b.fields.iter().find(|f| f.name == key));
                match def {
                    Some(def) => entry_value(def, input, inputs)?,
                    None => read_value(&key, Type::OptText, input, inputs)?,
                }
            }
            _ => {
                let ty = settable(record.kind())
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, ty)| *ty)
                    .unwrap_or(Type::OptText);
                read_value(&key, ty, input, inputs)?
            }
        };
        let key_value = Value::String(key.clone());
        match new {
            Some(new) => {
                map.insert(key_value, new);
            }
            None => {
                map.remove(&key_value);
            }
        }
        seen.push(key);
    }
    let mut changed =
        Record::deserialize_as(value, record.kind(), record.book()).map_err(rejected)?;
    changed.know_books(&inputs.config.logbooks);
    let changes = changes(record, &changed);
    Ok((changed, changes))
}

/// The field `field` names in `record`: its key (`drafting-unit` is
/// `drafting_unit`; an entry's field also by its label), if it may be set.
fn resolve_key(record: &Record, field: &str, config: &Config) -> Result<String, EditError> {
    let key = field.trim().replace('-', "_");
    if let Some(why) = fixed(&key, record.kind()) {
        return Err(EditError::NotSettable { field: key, why });
    }
    let mut names: Vec<String> = settable(record.kind())
        .iter()
        .map(|(k, _)| (*k).to_string())
        .collect();
    if let Record::Entry(_, book) = record
        && let Some(def) = config.logbooks.get(book)
    {
        if let Some(f) = def
            .fields
            .iter()
            .find(|f| f.name == key || f.label.as_deref() == Some(field.trim()))
        {
            return Ok(f.name.clone());
        }
        names.extend(def.fields.iter().map(|f| f.name.clone()));
    }
    if names.contains(&key) {
        return Ok(key);
    }
    Err(EditError::UnknownField {
        field: field.to_string(),
        kind: record.kind(),
        settable: names,
    })
}

/// Why `key` cannot be set with `--set`, if it is a field of the kind
/// that cannot.
fn fixed(key: &str, kind: Kind) -> Option<Fixed> {
    let why = match key {
        "id" | "created" => Fixed::Identity,
        "history" => Fixed::History,
        "status" => Fixed::Status,
        "overdue" | "days_left" => Fixed::Computed,
        _ => {
            if kind.spec().structured.contains(&key) {
                Fixed::Structured
            } else if kind.spec().numbered.contains(&key) {
                Fixed::Numbered
            } else {
                return None;
            }
        }
    };
    Some(why)
}

/// Reads `input` for a field of type `ty`: the value to store, or `None`
/// to clear the field.
fn read_value(
    field: &str,
    ty: Type,
    input: &str,
    inputs: &Inputs,
) -> Result<Option<Value>, EditError> {
    let text = input.trim();
    let bad = |problem| EditError::BadValue {
        field: field.to_string(),
        input: input.to_string(),
        problem,
    };
    let required = match ty {
        Type::Title | Type::Text | Type::Bool => true,
        Type::Date { required }
        | Type::When { required }
        | Type::Keyword { required, .. }
        | Type::Count { required }
        | Type::Unit { required } => required,
        Type::OptText | Type::Units | Type::Names | Type::Term => false,
    };
    if text.is_empty() {
        return if required {
            Err(bad(ValueProblem::Empty))
        } else {
            Ok(None)
        };
    }
    let string = |s: &str| Some(Value::String(s.to_string()));
    Ok(match ty {
        Type::Title => {
            if let Some(problem) = check_title(text) {
                return Err(bad(ValueProblem::Title(problem)));
            }
            string(text)
        }
        Type::Text | Type::OptText => string(text),
        Type::Date { .. } => {
            let date = parse_date(text, inputs.today, Some(inputs.calendar))
                .map_err(|e| bad(ValueProblem::Date(e)))?;
            string(&date.to_string())
        }
        Type::When { .. } => {
            let when = When::parse_at(text, inputs.now, inputs.tz, Some(inputs.calendar))
                .map_err(|e| bad(ValueProblem::Date(e)))?;
            string(&when.to_string())
        }
        Type::Keyword { read, .. } => {
            string(read(text).map_err(|e| bad(ValueProblem::Keyword(e)))?)
        }
        Type::Count { .. } => {
            let n: u32 = text.parse().map_err(|_| bad(ValueProblem::Number))?;
            Some(Value::Number(n.into()))
        }
        Type::Bool => Some(Value::Bool(
            read_bool(text).ok_or_else(|| bad(ValueProblem::Bool))?,
        )),
        Type::Unit { .. } => {
            let unit = inputs
                .config
                .resolve_unit(text)
                .map_err(|known| bad(ValueProblem::Unit { known }))?;
            string(&unit)
        }
        Type::Units => {
            let mut units = Vec::new();
            for item in split_list(text) {
                let unit = inputs
                    .config
                    .resolve_unit(&item)
                    .map_err(|known| bad(ValueProblem::Unit { known }))?;
                units.push(Value::String(unit));
            }
            Some(Value::Sequence(units))
        }
        Type::Names => Some(Value::Sequence(
            split_list(text).into_iter().map(Value::String).collect(),
        )),
        Type::Term => {
            if let Some(problem) = check_secrecy_term(text, None) {
                return Err(bad(ValueProblem::Term(problem)));
            }
            string(text)
        }
    })
}

/// A logbook entry's declared field, read per its declared type as
/// `book set` reads it (dates, people and units checked, numbers as
/// numbers); an empty value clears it, which `check`'s rules then judge.
fn entry_value(def: &FieldDef, input: &str, inputs: &Inputs) -> Result<Option<Value>, EditError> {
    let given = crate::model::logbook::value::Given {
        today: inputs.today,
        now: inputs.now,
        tz: inputs.tz,
        calendar: Some(inputs.calendar),
        config: inputs.config,
    };
    crate::model::logbook::value::parse_value(def, input, &given)
        .map_err(|e| EditError::Entry(Box::new(e)))
}

fn read_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "是" => Some(true),
        "false" | "no" | "n" | "0" | "否" => Some(false),
        _ => None,
    }
}

/// Splits `A,B`, `A，B` and `A、B` into items, as the command line does.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What differs between `old` and `new`, field by field (top-level keys
/// in `new`'s order, then those `new` lacks), `history` aside.
pub fn changes(old: &Record, new: &Record) -> Vec<FieldChange> {
    let (Ok(Value::Mapping(old)), Ok(Value::Mapping(new))) = (old.to_value(), new.to_value())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let keys = new
        .keys()
        .chain(old.keys().filter(|k| !new.contains_key(*k)));
    for key in keys {
        let name = key
            .as_str()
            .map_or_else(|| format!("{key:?}"), str::to_string);
        if name == "history" {
            continue;
        }
        let (before, after) = (old.get(key), new.get(key));
        if before != after {
            out.push(FieldChange {
                field: name,
                old: before.map(show),
                new: after.map(show),
            });
        }
    }
    out
}

/// A value as one line of a history note.
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "—".to_string(),
        Value::Sequence(items) if items.iter().all(|i| i.as_str().is_some()) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// The secrecy level an edit raised `new` to, when the record has
/// attachments, which are refused at `highly-secret` and above as `log in
/// --attach` refuses them (docs/documents.md).
pub fn attachments_refused(old: &Record, new: &Record) -> Option<Secrecy> {
    let attached = match new {
        Record::Incoming(r) => !r.attachments.is_empty(),
        Record::Outgoing(r) => !r.attachments.is_empty(),
        _ => false,
    };
    let level = new.secrecy();
    (attached && level >= Secrecy::HighlySecret && old.secrecy() < Secrecy::HighlySecret)
        .then_some(level)
}

/// What an edited copy may not change: the ID, the history and the
/// status (`created` goes with the ID).
pub fn check_fixed(old: &Record, new: &Record) -> Result<(), EditError> {
    if old.id() != new.id() {
        return Err(EditError::IdChanged {
            from: old.id().to_string(),
            to: new.id().to_string(),
        });
    }
    if old.history() != new.history() || old.created() != new.created() {
        return Err(EditError::HistoryChanged {
            id: old.id().to_string(),
        });
    }
    if old.status() != new.status() {
        return Err(EditError::StatusChanged {
            id: old.id().to_string(),
        });
    }
    Ok(())
}

/// A follow-up's fields as `--set` knows them, for tests of the table.
#[cfg(test)]
fn followup_keys() -> Vec<&'static str> {
    settable(Kind::Followup).iter().map(|(k, _)| *k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::PlainWeek;
    use crate::model::followup::Followup;

    fn followup() -> Record {
        Record::from_yaml(
            "id: FU-2026-0001\ntitle: 落实部署\nstatus: open\nlead: 办公室\n\
             assigned: 2026-11-20\ndue: 2026-11-30\ncreated: 2026-11-20T09:00:00+08:00\n",
            Kind::Followup,
            None,
        )
        .unwrap()
    }

    fn config() -> Config {
        let mut config = Config::new("某局");
        config.units = toml::from_str::<Units>(
            "[[units]]\nname = \"办公室\"\ncode = \"BGS\"\n[[units]]\nname = \"财务科\"\ncode = \"CWK\"\n",
        )
        .unwrap()
        .units;
        config
    }

    #[derive(serde::Deserialize)]
    struct Units {
        units: Vec<crate::model::config::UnitDef>,
    }

    fn set(
        record: &Record,
        sets: &[(&str, &str)],
    ) -> Result<(Record, Vec<FieldChange>), EditError> {
        let config = config();
        let tz = TimeZone::fixed(jiff::tz::offset(8));
        let inputs = Inputs {
            today: "2026-11-23".parse().unwrap(),
            now: Moment::parse_rfc3339("2026-11-23T09:30:00+08:00").unwrap(),
            tz: &tz,
            calendar: &PlainWeek,
            config: &config,
        };
        let sets: Vec<(String, String)> = sets
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        set_fields(record, &sets, &inputs)
    }

    #[test]
    fn values_are_read_as_their_flags_read_them() {
        let (record, changes) = set(
            &followup(),
            &[
                ("due", "+2w"),
                ("lead", "CWK"),
                ("feedback", "每周"),
                ("title", "落实专项部署"),
            ],
        )
        .unwrap();
        let Record::Followup(fu) = &record else {
            panic!()
        };
        let fu: &Followup = fu;
        assert_eq!(fu.due.to_string(), "2026-12-07");
        assert_eq!(fu.lead, "财务科");
        assert_eq!(fu.feedback, Some(crate::model::keyword::Feedback::Weekly));
        assert_eq!(
            history_note(&changes),
            "title: 落实部署 → 落实专项部署; lead: 办公室 → 财务科; \
             due: 2026-11-30 → 2026-12-07; feedback: — → weekly"
        );
    }

    #[test]
    fn fixed_unknown_and_bad_values_are_refused() {
        let fu = followup();
        assert!(matches!(
            set(&fu, &[("id", "FU-2026-0002")]),
            Err(EditError::NotSettable {
                why: Fixed::Identity,
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("status", "closed")]),
            Err(EditError::NotSettable {
                why: Fixed::Status,
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("progress", "x")]),
            Err(EditError::NotSettable {
                why: Fixed::Structured,
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("colour", "red")]),
            Err(EditError::UnknownField { .. })
        ));
        assert!(matches!(
            set(&fu, &[("due", "someday")]),
            Err(EditError::BadValue {
                problem: ValueProblem::Date(_),
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("lead", "宣传科")]),
            Err(EditError::BadValue {
                problem: ValueProblem::Unit { .. },
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("lead", " ")]),
            Err(EditError::BadValue {
                problem: ValueProblem::Empty,
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("title", "两\n行")]),
            Err(EditError::BadValue {
                problem: ValueProblem::Title(TitleProblem::LineBreak),
                ..
            })
        ));
        assert!(matches!(
            set(&fu, &[("due", "2026-12-01"), ("due", "2026-12-02")]),
            Err(EditError::Twice { .. })
        ));
        assert!(followup_keys().contains(&"due"));
    }

    #[test]
    fn a_change_that_brings_in_an_error_is_found() {
        let fu = followup();
        let (changed, _) = set(&fu, &[("due", "2026-11-01")]).unwrap();
        let errors = crate::model::validate::new_errors(&fu, &changed, &config());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.as_deref(), Some("due"));
    }

    #[test]
    fn a_history_note_reads_back() {
        let changes = vec![
            FieldChange {
                field: "title".into(),
                old: Some("旧".into()),
                new: Some("新".into()),
            },
            FieldChange {
                field: "feedback".into(),
                old: None,
                new: Some("weekly".into()),
            },
        ];
        let note = history_note(&changes);
        assert_eq!(parse_history_note(&note), Some(changes));
        assert_eq!(parse_history_note("renumbered by hand"), None);
        assert_eq!(chinese_value_any("feedback", "weekly"), Some("每周"));
        assert_eq!(chinese_value_any("internal", "true"), Some("是"));
        assert_eq!(chinese_value_any("title", "weekly"), None);
    }

    #[test]
    fn clearing_an_optional_field_removes_it() {
        let (with, _) = set(&followup(), &[("owner", "李明")]).unwrap();
        let (without, changes) = set(&with, &[("owner", "")]).unwrap();
        assert_eq!(without, followup());
        assert_eq!(history_note(&changes), "owner: 李明 → —");
    }
}
