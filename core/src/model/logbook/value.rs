//! The typed values of logbook fields: what a clerk types after
//! `-s FIELD=VALUE`, read per the field's declared type into what the
//! entry's file stores.
//!
//! Pure: today, the time zone, the working-day calendar and the settings
//! are passed in ([`Given`]); whether a `ref` names a record that exists
//! is for the caller to ask the store ([`FieldChange::reference`]).

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_yaml::Value;

use crate::model::archive::{ArchiveNumber, LOAN_FIELD};
use crate::model::config::{Config, FieldDef, LogbookDef};
use crate::model::date::{BadDate, Moment, When, WorkingDays};
use crate::model::id::Id;
use crate::model::logbook::Entry;

/// What reading a value needs from outside the model.
#[derive(Clone, Copy)]
pub struct Given<'a> {
    pub today: Date,
    /// This moment, for `now` in a `datetime` field; its date is `today`.
    pub now: Moment,
    pub tz: &'a TimeZone,
    /// For `+5wd`; `None` refuses working-day dates.
    pub calendar: Option<&'a dyn WorkingDays>,
    /// The declared people and units.
    pub config: &'a Config,
}

/// Why a logbook command cannot do what it was asked. Fields are carried
/// whole so the message can name them by the reader's label.
#[derive(Debug, Clone, PartialEq)]
pub enum BookError {
    /// `-s` given something that is not `FIELD=VALUE`.
    NotAssignment {
        input: String,
    },
    /// A field the book does not declare, with the fields it does.
    UnknownField {
        book: String,
        input: String,
        known: Vec<FieldDef>,
    },
    /// The same field given twice in one command.
    Twice {
        field: Box<FieldDef>,
    },
    BadDate {
        field: Box<FieldDef>,
        source: BadDate,
    },
    NotANumber {
        field: Box<FieldDef>,
        input: String,
    },
    /// A count (a `number` field: 份数, 数量) below zero; `money` may be.
    Negative {
        field: Box<FieldDef>,
        input: String,
    },
    NotABool {
        field: Box<FieldDef>,
        input: String,
    },
    NotOneOf {
        field: Box<FieldDef>,
        input: String,
        values: Vec<String>,
    },
    UnknownUnit {
        field: Box<FieldDef>,
        input: String,
        known: Vec<String>,
    },
    UnknownPerson {
        field: Box<FieldDef>,
        input: String,
        known: Vec<String>,
    },
    /// A `ref` that is not a record ID.
    NotAnId {
        field: Box<FieldDef>,
        input: String,
    },
    /// A `ref` to a record the register does not hold.
    NoSuchRecord {
        field: Box<FieldDef>,
        id: String,
    },
    /// A loan (档案借阅) of a record that has no archive number (档号).
    NotArchived {
        field: Box<FieldDef>,
        id: String,
    },
    /// Clearing a required field.
    Required {
        field: Box<FieldDef>,
    },
    /// Required fields not given, every one of them.
    Missing {
        book: String,
        fields: Vec<FieldDef>,
    },
    /// The end of the book's loop before its start (`returned` before
    /// `taken_out`), which `check` would call an error.
    EndBeforeStart {
        end: Box<FieldDef>,
        end_value: String,
        start: Box<FieldDef>,
        start_value: String,
    },
    /// A serial number (介绍信存根号) another entry already has.
    NumberTaken {
        field: Box<FieldDef>,
        number: String,
        by: String,
    },
    /// A serial number an earlier row of the imported sheet has.
    NumberTwice {
        field: Box<FieldDef>,
        number: String,
        row: usize,
    },
    /// `book add` for a book the register does not declare; `preset`
    /// when `book declare` can add it.
    NotDeclared {
        name: String,
        preset: bool,
        declared: Vec<String>,
    },
    /// `book declare` of a book already declared.
    AlreadyDeclared {
        name: String,
    },
    /// `book declare` of a name that is no preset.
    NotAPreset {
        name: String,
    },
    /// A declared preset's prefix is taken by another kind or book.
    PrefixTaken {
        name: String,
        prefix: String,
    },
    /// `book set` given a record that is not a logbook entry.
    NotAnEntry {
        id: String,
    },
    /// `import … NAME FILE`: no row of the sheet's top names two of the
    /// book's fields.
    NoHeader {
        path: std::path::PathBuf,
        book: String,
        /// How many rows from the top were examined, and each row that
        /// named any field with the labels it named.
        examined: usize,
        recognised: Vec<(usize, Vec<String>)>,
    },
    /// `import … NAME FILE`: rows that cannot be imported, every problem
    /// of each; nothing was written.
    Rows {
        path: std::path::PathBuf,
        problems: Vec<crate::model::logbook::sheet::RowTrouble>,
    },
}

/// One field changed: its old and new stored values (`None` = empty).
#[derive(Debug, Clone)]
pub struct FieldChange {
    pub field: FieldDef,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl FieldChange {
    /// The record a `ref` field now names, for the caller to look up.
    pub fn reference(&self) -> Option<Id> {
        if self.field.kind != "ref" {
            return None;
        }
        self.new.as_ref()?.as_str().and_then(Id::parse)
    }

    /// The change for the history note: `returned: — → 2026-11-23T17:00:00+08:00`.
    pub fn note(&self) -> String {
        let show = |v: &Option<Value>| v.as_ref().map_or_else(|| "—".to_string(), plain);
        format!(
            "{}: {} → {}",
            self.field.name,
            show(&self.old),
            show(&self.new)
        )
    }
}

/// A stored scalar as plain text.
pub fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Splits `FIELD=VALUE` at the first `=` (also the full-width `＝`).
pub fn split_assignment(input: &str) -> Result<(&str, &str), BookError> {
    split_at_equals(input)
        .map(|(field, value)| (field, value.trim()))
        .ok_or_else(|| BookError::NotAssignment {
            input: input.to_string(),
        })
}

/// Splits `FIELD=VALUE` (or the full-width `＝` a Chinese keyboard gives)
/// at its first equals sign: the field trimmed and not empty, the value as
/// typed. Shared by every `--set`/`-s` and `--map` reader.
pub fn split_at_equals(input: &str) -> Option<(&str, &str)> {
    let (i, c) = input
        .char_indices()
        .find(|(_, c)| *c == '=' || *c == '＝')?;
    let field = input[..i].trim();
    (!field.is_empty()).then(|| (field, &input[i + c.len_utf8()..]))
}

/// The declared field `input` names: by its name (any case), its label,
/// or its English label (any case); a label's trailing note in brackets
/// may be left out (`里程` for 里程（公里）, `Distance` for Distance (km)).
pub fn find_field<'a>(book: &'a LogbookDef, input: &str) -> Option<&'a FieldDef> {
    let input = input.trim();
    let label_is = |label: Option<&str>, fold: bool| {
        label.is_some_and(|l| {
            let same = |a: &str| {
                if fold {
                    a.eq_ignore_ascii_case(input)
                } else {
                    a == input
                }
            };
            same(l) || same(without_note(l))
        })
    };
    book.fields.iter().find(|f| {
        f.name.eq_ignore_ascii_case(input)
            || label_is(f.label.as_deref(), false)
            || label_is(f.label_en.as_deref(), true)
    })
}

/// A label without its trailing note in brackets: 里程（公里） → 里程.
fn without_note(label: &str) -> &str {
    let label = label.trim();
    let cut = [("（", "）"), ("(", ")")].iter().find_map(|(open, close)| {
        label
            .strip_suffix(close)
            .and_then(|rest| rest.rfind(open).map(|at| &rest[..at]))
    });
    cut.map_or(label, str::trim)
}

/// `find_field`, or the error listing the declared fields.
pub fn field_named<'a>(
    name: &str,
    book: &'a LogbookDef,
    input: &str,
) -> Result<&'a FieldDef, BookError> {
    find_field(book, input).ok_or_else(|| BookError::UnknownField {
        book: name.to_string(),
        input: input.to_string(),
        known: book.fields.clone(),
    })
}

/// Reads `raw` as a value of `field`'s declared type; empty text is
/// `None` (no value).
///
/// - `date`: the date grammar (`2026-11-23`, `today`, `+3d`, `fri` …);
/// - `datetime`: the same, or `YYYY-MM-DD HH:MM` for a moment (stored
///   with its offset);
/// - `number`, `money`: a number (`1,200`, `1200.50`, `1200元`), stored as
///   a YAML number;
/// - `bool`: 是/否, yes/no, true/false, y/n, 1/0;
/// - `enum`: one of the declared values;
/// - `unit`, `person`: a declared unit (name or code) or person, when the
///   register declares any;
/// - `ref`: a record ID (`IN-42` for this year's), stored in full;
/// - `text` and anything else: the text as typed.
pub fn parse_value(field: &FieldDef, raw: &str, given: &Given) -> Result<Option<Value>, BookError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let text = |s: String| Ok(Some(Value::String(s)));
    match field.kind.as_str() {
        "date" => match When::parse(raw, given.today, given.tz, given.calendar) {
            Ok(when) => text(when.date().to_string()),
            Err(source) => Err(BookError::BadDate {
                field: field.clone().into(),
                source,
            }),
        },
        "datetime" => match When::parse_at(raw, given.now, given.tz, given.calendar) {
            Ok(when) => text(when.to_string()),
            Err(source) => Err(BookError::BadDate {
                field: field.clone().into(),
                source,
            }),
        },
        "number" | "money" => match number(raw) {
            Some(n) if field.kind == "number" && n.as_f64().is_some_and(|n| n < 0.0) => {
                Err(BookError::Negative {
                    field: field.clone().into(),
                    input: raw.to_string(),
                })
            }
            Some(n) => Ok(Some(n)),
            None => Err(BookError::NotANumber {
                field: field.clone().into(),
                input: raw.to_string(),
            }),
        },
        "bool" => match raw.to_lowercase().as_str() {
            "是" | "有" | "已" | "yes" | "y" | "true" | "1" => Ok(Some(Value::Bool(true))),
            "否" | "无" | "未" | "no" | "n" | "false" | "0" => Ok(Some(Value::Bool(false))),
            _ => Err(BookError::NotABool {
                field: field.clone().into(),
                input: raw.to_string(),
            }),
        },
        "enum" => match field.values.iter().find(|v| v.as_str() == raw) {
            Some(v) => text(v.clone()),
            None => Err(BookError::NotOneOf {
                field: field.clone().into(),
                input: raw.to_string(),
                values: field.values.clone(),
            }),
        },
        "unit" => match given.config.resolve_unit(raw) {
            Ok(unit) => text(unit),
            Err(known) => Err(BookError::UnknownUnit {
                field: field.clone().into(),
                input: raw.to_string(),
                known,
            }),
        },
        "person" => {
            let people = &given.config.people;
            if people.is_empty() || people.iter().any(|p| p.name == raw) {
                text(raw.to_string())
            } else {
                Err(BookError::UnknownPerson {
                    field: field.clone().into(),
                    input: raw.to_string(),
                    known: people.iter().map(|p| p.name.clone()).collect(),
                })
            }
        }
        "ref" => match Id::parse_with_year(raw, given.today.year()) {
            Some(id) => text(id.to_string()),
            // A file archived before the register existed, by its 档号.
            None => match archive_number(field, raw) {
                Some(number) => text(number.to_string()),
                None => Err(BookError::NotAnId {
                    field: field.clone().into(),
                    input: raw.to_string(),
                }),
            },
        },
        _ => text(raw.to_string()),
    }
}

/// The archive number (档号) `raw` is, when `field` is the one a loan
/// names the lent file by (`archive::LOAN_FIELD`): such a field takes a
/// record's ID, or the 档号 of a file archived before the register.
pub fn archive_number(field: &FieldDef, raw: &str) -> Option<ArchiveNumber> {
    (field.name == LOAN_FIELD)
        .then(|| ArchiveNumber::parse(raw))
        .flatten()
}

/// A number as a clerk writes it: thousands separators and a trailing
/// 元 are dropped; whole numbers stay whole.
fn number(raw: &str) -> Option<Value> {
    let cleaned: String = raw
        .trim_end_matches('元')
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if let Ok(n) = cleaned.parse::<i64>() {
        return Some(Value::Number(n.into()));
    }
    let n = cleaned.parse::<f64>().ok().filter(|n| n.is_finite())?;
    // `1e3` and `inf` are not how a clerk writes a number.
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    Some(Value::Number(n.into()))
}

/// Sets one field of `entry` from what a clerk typed: `field` by name or
/// label, `raw` read per the declared type (empty clears the field, which
/// a required field refuses). Returns the change, or `None` when the
/// field already held that value. Used by `book add`, `book set`, and
/// meant for `edit ID --set FIELD=VALUE` on entries.
///
/// The entry's title is not touched; see [`retitle`]. A `ref` is only
/// checked to be an ID: look up [`FieldChange::reference`] in the store.
pub fn set_field(
    entry: &mut Entry,
    (name, book): (&str, &LogbookDef),
    field: &str,
    raw: &str,
    given: &Given,
) -> Result<Option<FieldChange>, BookError> {
    let field = field_named(name, book, field)?;
    let new = parse_value(field, raw, given)?;
    if new.is_none() && field.required {
        return Err(BookError::Required {
            field: field.clone().into(),
        });
    }
    let key = Value::String(field.name.clone());
    let old = entry.fields.get(&key).filter(|v| !v.is_null()).cloned();
    if old == new {
        return Ok(None);
    }
    match &new {
        Some(value) => {
            entry.fields.insert(key, value.clone());
        }
        None => {
            entry.fields.remove(&key);
        }
    }
    // A loop's field may have changed: the entry learns again whether
    // it is out.
    entry.know_book(book);
    Ok(Some(FieldChange {
        field: field.clone(),
        old,
        new,
    }))
}

/// The required fields `entry` leaves empty, in declared order.
pub fn missing(entry: &Entry, book: &LogbookDef) -> Vec<FieldDef> {
    book.fields
        .iter()
        .filter(|f| f.required)
        .filter(|f| {
            entry
                .fields
                .get(f.name.as_str())
                .is_none_or(|v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()))
        })
        .cloned()
        .collect()
}

/// A short title for an entry, from its fields: the first two required
/// text fields that have a value (印章名称 · 用印事由, 来访人 · 事由), else
/// any two text fields, else the book's title.
pub fn summary_title(entry: &Entry, book: &LogbookDef) -> String {
    let value = |f: &&FieldDef| {
        entry
            .fields
            .get(f.name.as_str())
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let texts = |required_only: bool| -> Vec<&str> {
        (book.fields.iter())
            .filter(|f| f.kind == "text" && (f.required || !required_only))
            .filter_map(|f| value(&f))
            .take(2)
            .collect()
    };
    let mut parts = texts(true);
    if parts.is_empty() {
        parts = texts(false);
    }
    if parts.is_empty() {
        return book.title.clone();
    }
    parts.join(" · ")
}

/// Gives the entry a fresh title after its fields changed, unless a clerk
/// wrote one of their own (one that is not the title the old fields gave).
pub fn retitle(entry: &mut Entry, book: &LogbookDef, before: &Entry) {
    if entry.title.is_empty() || entry.title == summary_title(before, book) {
        entry.title = summary_title(entry, book);
    }
}

/// The field of a book numbered automatically per year when not given:
/// a `text` field named `number` (介绍信存根号 `2026-001`).
pub fn serial_field(book: &LogbookDef) -> Option<&FieldDef> {
    book.fields
        .iter()
        .find(|f| f.name == "number" && f.kind == "text")
}

/// The next serial number of `year` after every one in `taken` (numbers
/// of other years and of other forms are passed over): `2026-001`,
/// `2026-002` … One past the highest, so a number is never handed out
/// twice while its entry exists.
pub fn next_serial<'a>(year: i16, taken: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = format!("{year}-");
    let highest = taken
        .into_iter()
        .filter_map(|n| n.trim().strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{year}-{:03}", highest + 1)
}

/// The year a new entry belongs to — that of its ID and of a new serial
/// number: the year of the book's date (its first `date` or `datetime`
/// field, `filing_field`) when the entry has one, else `today`'s.
pub fn serial_year(entry: &Entry, book: &LogbookDef, today: Date) -> i16 {
    crate::model::logbook::filing_field(book)
        .and_then(|f| entry.fields.get(f.name.as_str()))
        .and_then(crate::model::logbook::value_date)
        .unwrap_or(today)
        .year()
}

/// Refuses an entry that came back before it went out on its book's loop
/// (a seal `returned` before `taken_out`): `check` would call it an
/// error, so no command writes it.
pub fn check_loop(entry: &Entry, book: &LogbookDef) -> Result<(), BookError> {
    let Some(open_loop) = &book.open_loop else {
        return Ok(());
    };
    let Some((end_value, start_value)) = super::open_loop::end_before_start(entry, open_loop)
    else {
        return Ok(());
    };
    let field = |name: &str| book.fields.iter().find(|f| f.name == name).cloned();
    match (field(&open_loop.end), field(&open_loop.start)) {
        (Some(end), Some(start)) => Err(BookError::EndBeforeStart {
            end: end.into(),
            end_value: end_value.to_string(),
            start: start.into(),
            start_value: start_value.to_string(),
        }),
        // A loop naming undeclared fields is the settings' error.
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::Extra;
    use crate::model::config::{Person, UnitDef};
    use crate::model::date::{Moment, PlainWeek};
    use crate::model::logbook::preset;

    fn config() -> Config {
        let mut config = Config::new("某局");
        config.units = vec![UnitDef {
            name: "办公室".into(),
            code: Some("BGS".into()),
            ..UnitDef::default()
        }];
        config.people = vec![Person {
            name: "王丽".into(),
            ..Person::default()
        }];
        config
    }

    fn entry() -> Entry {
        Entry {
            id: Id::new("SEAL", 2026, 1),
            title: String::new(),
            status: "recorded".into(),
            created: Moment::parse_rfc3339("2026-11-23T09:30:00+08:00").unwrap(),
            history: Vec::new(),
            fields: Extra::new(),
            filed_by: Default::default(),
            out: false,
        }
    }

    fn with<T>(f: impl FnOnce(&Given) -> T) -> T {
        let config = config();
        let tz = TimeZone::fixed(jiff::tz::offset(8));
        let given = Given {
            today: Date::constant(2026, 11, 23),
            now: Moment::parse_rfc3339("2026-11-23T09:30:42+08:00").unwrap(),
            tz: &tz,
            calendar: Some(&PlainWeek),
            config: &config,
        };
        f(&given)
    }

    fn seal() -> LogbookDef {
        preset("seal").unwrap()
    }

    #[test]
    fn setting_a_loop_field_updates_whether_the_entry_is_out() {
        use crate::model::record::KindRules;
        let book = seal();
        let mut e = entry();
        e.know_book(&book);
        assert!(!e.is_open());
        with(|given| {
            set_field(
                &mut e,
                ("seal", &book),
                "taken_out",
                "2026-11-23 09:00",
                given,
            )
            .unwrap();
            assert!(e.is_open());
            set_field(
                &mut e,
                ("seal", &book),
                "returned",
                "2026-11-23 15:00",
                given,
            )
            .unwrap();
            assert!(!e.is_open());
        });
    }

    #[test]
    fn fields_are_found_by_name_label_or_english_label() {
        let book = seal();
        for input in ["seal", "SEAL", "印章名称", "Seal"] {
            assert_eq!(find_field(&book, input).unwrap().name, "seal", "{input}");
        }
        assert_eq!(find_field(&book, "due back").unwrap().name, "return_due");
        let vehicle = preset("vehicle").unwrap();
        for input in ["里程（公里）", "里程", "Distance", "distance (km)", "km"] {
            assert_eq!(find_field(&vehicle, input).unwrap().name, "km", "{input}");
        }
        assert!(find_field(&book, "印章").is_none());
        let err = field_named("seal", &book, "印章").unwrap_err();
        assert!(matches!(err, BookError::UnknownField { known, .. } if known.len() == 12));
    }

    #[test]
    fn values_are_read_per_declared_type() {
        with(|given| {
            let book = seal();
            let f = |name: &str| find_field(&book, name).unwrap();
            let read = |name: &str, raw: &str| parse_value(f(name), raw, given);
            let s = |t: &str| Some(Value::String(t.into()));
            assert_eq!(read("date", "today").unwrap(), s("2026-11-23"));
            assert_eq!(read("date", "fri").unwrap(), s("2026-11-27"));
            assert_eq!(
                read("taken_out", "2026-11-23 14:30").unwrap(),
                s("2026-11-23T14:30:00+08:00")
            );
            assert_eq!(read("taken_out", "tomorrow").unwrap(), s("2026-11-24"));
            // `now`: this minute in a datetime field, today in a date field.
            assert_eq!(
                read("taken_out", "now").unwrap(),
                s("2026-11-23T09:30:00+08:00")
            );
            assert_eq!(
                read("taken_out", "现在").unwrap(),
                s("2026-11-23T09:30:00+08:00")
            );
            assert_eq!(read("date", "now").unwrap(), s("2026-11-23"));
            assert!(matches!(
                read("date", "下月"),
                Err(BookError::BadDate { .. })
            ));
            assert_eq!(read("copies", "3").unwrap(), Some(Value::Number(3.into())));
            // A count is never below zero.
            assert!(matches!(
                read("copies", "-3"),
                Err(BookError::Negative { .. })
            ));
            assert_eq!(
                read("copies", "1,200").unwrap(),
                Some(Value::Number(1200.into()))
            );
            assert!(matches!(
                read("copies", "三"),
                Err(BookError::NotANumber { .. })
            ));
            assert!(matches!(
                read("copies", "1e3"),
                Err(BookError::NotANumber { .. })
            ));
            assert_eq!(read("unit", "bgs").unwrap(), s("办公室"));
            assert!(matches!(
                read("unit", "后勤科"),
                Err(BookError::UnknownUnit { .. })
            ));
            assert_eq!(read("handler", "王丽").unwrap(), s("王丽"));
            assert!(matches!(
                read("handler", "王力"),
                Err(BookError::UnknownPerson { .. })
            ));
            assert_eq!(read("seal", "  ").unwrap(), None);
        });
    }

    #[test]
    fn bools_money_enums_and_refs() {
        with(|given| {
            let visit = preset("visit").unwrap();
            let checked = find_field(&visit, "核验证件").unwrap();
            for (raw, b) in [("是", true), ("否", false), ("yes", true), ("False", false)] {
                assert_eq!(
                    parse_value(checked, raw, given).unwrap(),
                    Some(Value::Bool(b))
                );
            }
            assert!(parse_value(checked, "maybe", given).is_err());
            let reception = preset("reception").unwrap();
            let cost = find_field(&reception, "cost").unwrap();
            let read = parse_value(cost, "1,280.50元", given).unwrap();
            assert_eq!(read, Some(Value::Number(1280.5.into())));
            let mut shift = FieldDef {
                name: "shift".into(),
                kind: "enum".into(),
                required: true,
                values: vec!["白班".into(), "夜班".into()],
                label: Some("班次".into()),
                label_en: None,
                requires: Vec::new(),
            };
            assert!(parse_value(&shift, "夜班", given).is_ok());
            assert!(matches!(
                parse_value(&shift, "中班", given),
                Err(BookError::NotOneOf { .. })
            ));
            shift.kind = "ref".into();
            assert_eq!(
                parse_value(&shift, "in-42", given).unwrap(),
                Some(Value::String("IN-2026-0042".into()))
            );
            assert!(matches!(
                parse_value(&shift, "第42号", given),
                Err(BookError::NotAnId { .. })
            ));
        });
    }

    #[test]
    fn set_field_reports_old_and_new_and_refuses_clearing_required() {
        with(|given| {
            let book = seal();
            let mut e = entry();
            let change = set_field(&mut e, ("seal", &book), "印章名称", "局公章", given)
                .unwrap()
                .unwrap();
            assert_eq!(change.old, None);
            assert_eq!(change.note(), "seal: — → 局公章");
            let same = set_field(&mut e, ("seal", &book), "seal", "局公章", given).unwrap();
            assert!(same.is_none());
            let err = set_field(&mut e, ("seal", &book), "seal", "", given).unwrap_err();
            assert!(matches!(err, BookError::Required { .. }));
            set_field(&mut e, ("seal", &book), "witness", "王丽", given).unwrap();
            let cleared = set_field(&mut e, ("seal", &book), "witness", "", given)
                .unwrap()
                .unwrap();
            assert_eq!(cleared.note(), "witness: 王丽 → —");
            assert!(!e.fields.contains_key("witness"));
        });
    }

    #[test]
    fn missing_lists_every_required_field_in_order() {
        with(|given| {
            let book = seal();
            let mut e = entry();
            set_field(&mut e, ("seal", &book), "seal", "局公章", given).unwrap();
            let names: Vec<String> = missing(&e, &book).into_iter().map(|f| f.name).collect();
            assert_eq!(names, ["date", "unit", "handler", "purpose", "approver"]);
        });
    }

    #[test]
    fn titles_come_from_required_text_fields() {
        with(|given| {
            let book = seal();
            let mut e = entry();
            assert_eq!(summary_title(&e, &book), "用印登记");
            set_field(&mut e, ("seal", &book), "seal", "局公章", given).unwrap();
            set_field(&mut e, ("seal", &book), "purpose", "报送年度预算", given).unwrap();
            assert_eq!(summary_title(&e, &book), "局公章 · 报送年度预算");
            e.title = summary_title(&e, &book);
            let before = e.clone();
            set_field(&mut e, ("seal", &book), "seal", "党委印章", given).unwrap();
            retitle(&mut e, &book, &before);
            assert_eq!(e.title, "党委印章 · 报送年度预算");
            e.title = "手写标题".into();
            let before = e.clone();
            set_field(&mut e, ("seal", &book), "seal", "局公章", given).unwrap();
            retitle(&mut e, &book, &before);
            assert_eq!(e.title, "手写标题");
        });
    }

    #[test]
    fn serial_numbers_go_one_past_the_highest_of_the_year() {
        assert_eq!(next_serial(2026, []), "2026-001");
        assert_eq!(
            next_serial(2026, ["2026-001", "2026-007", "2025-120", "手写"]),
            "2026-008"
        );
        let letter = preset("letter").unwrap();
        assert_eq!(serial_field(&letter).unwrap().name, "number");
        assert!(serial_field(&seal()).is_none());
        let mut e = entry();
        e.fields.insert("date".into(), "2025-12-30".into());
        assert_eq!(serial_year(&e, &letter, Date::constant(2026, 1, 2)), 2025);
    }

    #[test]
    fn assignments_split_at_the_first_equals_sign() {
        assert_eq!(split_assignment("事由=a=b").unwrap(), ("事由", "a=b"));
        assert_eq!(split_assignment("事由＝报送").unwrap(), ("事由", "报送"));
        assert_eq!(split_assignment("returned=").unwrap(), ("returned", ""));
        assert!(split_assignment("=x").is_err());
        assert!(split_assignment("事由").is_err());
    }
}
