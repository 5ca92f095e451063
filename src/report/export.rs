//! The sheets of `export csv` and `export xlsx`: for each kind of record
//! the columns of its paper register (收文登记簿, 发文登记簿, 督办台账 …),
//! and each record's cells, typed (a date is a date, not text).
//!
//! Pure: the renderers (`csv` here, `report::xlsx`) take these cells and
//! never look at records themselves. A withheld record is given to the
//! columns as `report::redact` shows it: its title `[秘密] IN-2026-0042`,
//! its free text (notes, results, progress notes) gone.

use jiff::civil::{Date, DateTime};

use crate::i18n::Lang;
use crate::report::redact::Secrets;
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::import::lines;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;

/// One cell, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    /// A moment as the clerk saw it (local time, offset dropped).
    DateTime(DateTime),
}

impl Cell {
    /// The cell as CSV holds it: dates `YYYY-MM-DD`, moments
    /// `YYYY-MM-DD HH:MM`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::DateTime(dt) => dt.strftime("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

pub use crate::report::redact::Words;

impl Words {
    fn keyword<K: Keyword>(self, value: K) -> Cell {
        Cell::Text(match self {
            Words::Keywords => value.keyword().to_string(),
            Words::People(lang) => lang.keyword(value).to_string(),
        })
    }
}

/// Where a column's value comes from.
#[derive(Clone)]
enum Get {
    Title,
    Status,
    Fixed(fn(&Record, Words) -> Cell),
    /// A logbook entry's declared field, by name and declared type.
    Field(String, String),
    /// A key of the record's file, and whether it holds a date.
    Key(String, bool),
}

/// One column: the key its header is worded from, its width in the
/// paper register (in characters; text wraps beyond it in a
/// spreadsheet), and where its value comes from.
#[derive(Clone)]
pub struct Column {
    key: String,
    width: f64,
    get: Get,
}

/// The columns of one kind's sheet.
#[derive(Clone)]
pub struct Layout {
    /// The kind whose field labels the headers use (`incoming` …).
    scope: &'static str,
    columns: Vec<Column>,
    /// A logbook's field labels, by field name.
    labels: Vec<(String, String)>,
}

fn col(key: &str, width: f64, get: fn(&Record, Words) -> Cell) -> Column {
    Column {
        key: key.to_string(),
        width,
        get: Get::Fixed(get),
    }
}

fn text(value: Option<&str>) -> Cell {
    match value {
        Some(t) if !t.is_empty() => Cell::Text(t.to_string()),
        _ => Cell::Empty,
    }
}

fn joined(values: &[String]) -> Cell {
    if values.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(values.join("、"))
    }
}

fn date(value: Option<Date>) -> Cell {
    value.map_or(Cell::Empty, Cell::Date)
}

fn number(value: Option<u32>) -> Cell {
    value.map_or(Cell::Empty, |n| Cell::Number(f64::from(n)))
}

fn when(value: &taizhang_core::model::date::When) -> Cell {
    use taizhang_core::model::date::When;
    match value {
        When::Date(d) => Cell::Date(*d),
        When::Moment(m) => Cell::DateTime(m.datetime),
    }
}

fn id() -> Column {
    col("id", 14.0, |r, _| Cell::Text(r.id().to_string()))
}

fn title() -> Column {
    Column {
        key: "title".into(),
        width: 40.0,
        get: Get::Title,
    }
}

fn status() -> Column {
    Column {
        key: "status".into(),
        width: 10.0,
        get: Get::Status,
    }
}

/// 档号 of an archived document, and the day it was filed.
fn archive() -> [Column; 2] {
    use taizhang_core::model::archive::block;
    [
        col("archive", 26.0, |r, _| {
            text(block(r).map(|b| b.number.as_str()))
        }),
        col("archived", 12.0, |r, _| {
            date(block(r).and_then(|b| b.archived))
        }),
    ]
}

/// The layout of a sheet: the kind's own columns, or for all kinds at
/// once (CSV without KIND) the columns every record has.
pub fn layout(kind: Option<Kind>, book: Option<&LogbookDef>) -> Layout {
    let columns = match kind {
        Some(Kind::Incoming) => incoming(),
        Some(Kind::Outgoing) => outgoing(),
        Some(Kind::Followup) => followup(),
        Some(Kind::Meeting) => meeting(),
        Some(Kind::Logbook) => return logbook(book),
        // A kind with words of its own declares its columns there.
        Some(kind) => declared(kind, crate::i18n::export_columns(kind).unwrap_or_default()),
        None => vec![
            col("kind", 10.0, |r, _| {
                Cell::Text(match r.book() {
                    Some(book) => book.to_string(),
                    None => r.kind().keyword().to_string(),
                })
            }),
            id(),
            title(),
            status(),
            col("lead", 14.0, |r, _| text(r.unit())),
            col("party", 20.0, |r, _| text(r.party().as_deref())),
            col("date", 12.0, |r, _| Cell::Date(r.date())),
            col("due", 12.0, |r, _| date(r.deadline())),
        ],
    };
    Layout {
        scope: kind.map_or("", Keyword::keyword),
        columns,
        labels: Vec::new(),
    }
}

fn incoming() -> Vec<Column> {
    use Record::Incoming as In;
    vec![
        id(),
        col("received", 12.0, |r, _| match r {
            In(d) => when(&d.received),
            _ => Cell::Empty,
        }),
        col("sender", 20.0, |r, _| text(r.party().as_deref())),
        col("sender_ref", 18.0, |r, _| text(r.reference())),
        title(),
        col("doc_type", 8.0, |r, w| match r {
            In(d) => d.doc_type.map_or(Cell::Empty, |t| w.keyword(t)),
            _ => Cell::Empty,
        }),
        col("urgency", 8.0, |r, w| match r {
            In(d) => w.keyword(d.urgency),
            _ => Cell::Empty,
        }),
        col("secrecy", 8.0, |r, w| match r {
            In(d) => w.keyword(d.secrecy),
            _ => Cell::Empty,
        }),
        col("handling", 8.0, |r, w| match r {
            In(d) => w.keyword(d.handling),
            _ => Cell::Empty,
        }),
        col("copies", 6.0, |r, _| match r {
            In(d) => number(Some(d.copies)),
            _ => Cell::Empty,
        }),
        col("pages", 6.0, |r, _| match r {
            In(d) => number(d.pages),
            _ => Cell::Empty,
        }),
        col("lead", 14.0, |r, _| text(r.unit())),
        col("deadline", 12.0, |r, _| date(r.deadline())),
        status(),
        col("completed", 12.0, |r, _| match r {
            In(d) => date(d.completed),
            _ => Cell::Empty,
        }),
        col("result", 24.0, |r, _| match r {
            In(d) => text(d.result.as_deref()),
            _ => Cell::Empty,
        }),
        col("support", 14.0, |r, _| match r {
            In(d) => joined(&d.support),
            _ => Cell::Empty,
        }),
        col("received_by", 8.0, |r, _| match r {
            In(d) => text(d.received_by.as_deref()),
            _ => Cell::Empty,
        }),
        col("channel", 8.0, |r, w| match r {
            In(d) => d.channel.map_or(Cell::Empty, |c| w.keyword(c)),
            _ => Cell::Empty,
        }),
        col("secrecy_term", 8.0, |r, _| match r {
            In(d) => text(d.secrecy_term.as_deref()),
            _ => Cell::Empty,
        }),
        col("proposal", 30.0, |r, _| match r {
            In(d) => text(Some(&lines::remarks(d.proposal.as_slice()))),
            _ => Cell::Empty,
        }),
        col("instructions", 30.0, |r, _| match r {
            In(d) => text(Some(&lines::remarks(&d.instructions))),
            _ => Cell::Empty,
        }),
        col("reply", 24.0, |r, _| match r {
            In(d) => text(d.reply.as_ref().map(lines::reply).as_deref()),
            _ => Cell::Empty,
        }),
        col("internal", 6.0, |r, w| match r {
            In(d) if d.internal => Cell::Text(match w {
                Words::Keywords => "true".to_string(),
                Words::People(lang) => lang.field("internal").to_string(),
            }),
            _ => Cell::Empty,
        }),
        col("notes", 20.0, |r, _| match r {
            In(d) => text(d.notes.as_deref()),
            _ => Cell::Empty,
        }),
    ]
    .into_iter()
    .chain(archive())
    .collect()
}

fn outgoing() -> Vec<Column> {
    use Record::Outgoing as Out;
    vec![
        id(),
        col("doc_number", 18.0, |r, _| text(r.reference())),
        title(),
        col("doc_type", 8.0, |r, w| match r {
            Out(d) => d.doc_type.map_or(Cell::Empty, |t| w.keyword(t)),
            _ => Cell::Empty,
        }),
        col("direction", 8.0, |r, w| match r {
            Out(d) => d.direction.map_or(Cell::Empty, |t| w.keyword(t)),
            _ => Cell::Empty,
        }),
        col("to", 20.0, |r, _| match r {
            Out(d) => joined(&d.to),
            _ => Cell::Empty,
        }),
        col("cc", 16.0, |r, _| match r {
            Out(d) => joined(&d.cc),
            _ => Cell::Empty,
        }),
        col("drafting_unit", 14.0, |r, _| text(r.unit())),
        col("drafter", 10.0, |r, _| text(r.owner())),
        col("signer", 10.0, |r, _| match r {
            Out(d) => text(d.signer.as_deref()),
            _ => Cell::Empty,
        }),
        col("signed", 12.0, |r, _| match r {
            Out(d) => date(d.signed),
            _ => Cell::Empty,
        }),
        col("printed", 12.0, |r, _| match r {
            Out(d) => date(d.printed),
            _ => Cell::Empty,
        }),
        col("urgency", 8.0, |r, w| match r {
            Out(d) => w.keyword(d.urgency),
            _ => Cell::Empty,
        }),
        col("secrecy", 8.0, |r, w| match r {
            Out(d) => w.keyword(d.secrecy),
            _ => Cell::Empty,
        }),
        status(),
        col("notes", 20.0, |r, _| match r {
            Out(d) => text(d.notes.as_deref()),
            _ => Cell::Empty,
        }),
        col("secrecy_term", 8.0, |r, _| match r {
            Out(d) => text(d.secrecy_term.as_deref()),
            _ => Cell::Empty,
        }),
        col("print_copies", 6.0, |r, _| match r {
            Out(d) => number(d.print_copies),
            _ => Cell::Empty,
        }),
        col("disclosure", 10.0, |r, w| match r {
            Out(d) => d.disclosure.map_or(Cell::Empty, |v| w.keyword(v)),
            _ => Cell::Empty,
        }),
        col("in_reply_to", 14.0, |r, _| match r {
            Out(d) => text(d.in_reply_to.as_ref().map(ToString::to_string).as_deref()),
            _ => Cell::Empty,
        }),
    ]
    .into_iter()
    .chain(archive())
    .collect()
}

fn followup() -> Vec<Column> {
    use Record::Followup as Fu;
    vec![
        id(),
        title(),
        col("source", 10.0, |r, w| match r {
            Fu(f) => f.source.map_or(Cell::Empty, |s| w.keyword(s)),
            _ => Cell::Empty,
        }),
        col("source_ref", 16.0, |r, _| match r {
            Fu(f) => text(f.source_ref.as_ref().map(|s| s.to_string()).as_deref()),
            _ => Cell::Empty,
        }),
        col("assigned_by", 10.0, |r, _| match r {
            Fu(f) => text(f.assigned_by.as_deref()),
            _ => Cell::Empty,
        }),
        col("lead", 14.0, |r, _| text(r.unit())),
        col("support", 14.0, |r, _| match r {
            Fu(f) => joined(&f.support),
            _ => Cell::Empty,
        }),
        col("owner", 10.0, |r, _| text(r.owner())),
        col("assigned", 12.0, |r, _| Cell::Date(r.date())),
        col("due", 12.0, |r, _| match r {
            Fu(f) => Cell::Date(f.due),
            _ => Cell::Empty,
        }),
        col("effective_due", 12.0, |r, _| date(r.deadline())),
        status(),
        col("closed", 12.0, |r, _| match r {
            Fu(f) => date(f.closed_on()),
            _ => Cell::Empty,
        }),
        col("closed_by", 8.0, |r, _| match r {
            Fu(f) => text(f.result.as_ref().and_then(|o| o.closed_by.as_deref())),
            _ => Cell::Empty,
        }),
        col("submitted", 12.0, |r, _| match r {
            Fu(f) => date(f.result.as_ref().and_then(|o| o.submitted)),
            _ => Cell::Empty,
        }),
        col("secrecy", 8.0, |r, w| w.keyword(r.secrecy())),
        col("supervisor", 10.0, |r, _| match r {
            Fu(f) => text(f.supervisor.as_deref()),
            _ => Cell::Empty,
        }),
        col("feedback", 8.0, |r, w| match r {
            Fu(f) => f.feedback.map_or(Cell::Empty, |v| w.keyword(v)),
            _ => Cell::Empty,
        }),
        col("requirement", 30.0, |r, _| match r {
            Fu(f) => text(f.requirement.as_deref()),
            _ => Cell::Empty,
        }),
        col("extensions", 30.0, |r, _| match r {
            Fu(f) => text(Some(&lines::extensions(&f.extensions))),
            _ => Cell::Empty,
        }),
        col("progress", 40.0, |r, _| match r {
            Fu(f) => text(Some(&lines::progress(&f.progress))),
            _ => Cell::Empty,
        }),
        col("report", 30.0, |r, _| match r {
            Fu(f) => text(f.result.as_ref().and_then(|o| o.report.as_deref())),
            _ => Cell::Empty,
        }),
        col("notes", 20.0, |r, _| match r {
            Fu(f) => text(f.notes.as_deref()),
            _ => Cell::Empty,
        }),
        col("urgency", 8.0, |r, w| match r {
            Fu(f) => f.urgency.map_or(Cell::Empty, |u| w.keyword(u)),
            _ => Cell::Empty,
        }),
        col("parent", 16.0, |r, _| match r {
            Fu(f) => text(f.parent.as_ref().map(|p| p.to_string()).as_deref()),
            _ => Cell::Empty,
        }),
        col("milestones", 30.0, |r, _| match r {
            Fu(f) => text(Some(&lines::milestones(&f.milestones))),
            _ => Cell::Empty,
        }),
        // The rule as stored (`month:5`), which import reads back.
        col("every", 12.0, |r, _| match r {
            Fu(f) => text(f.every.map(|e| e.to_string()).as_deref()),
            _ => Cell::Empty,
        }),
        col("series", 16.0, |r, _| match r {
            Fu(f) => text(f.series.as_ref().map(|s| s.to_string()).as_deref()),
            _ => Cell::Empty,
        }),
    ]
}

fn meeting() -> Vec<Column> {
    use Record::Meeting as Mt;
    vec![
        id(),
        title(),
        col("type", 10.0, |r, _| match r {
            Mt(m) => text(m.meeting_type.as_deref()),
            _ => Cell::Empty,
        }),
        col("start", 17.0, |r, _| match r {
            Mt(m) => when(&m.start),
            _ => Cell::Empty,
        }),
        col("end", 17.0, |r, _| match r {
            Mt(m) => m.end.as_ref().map_or(Cell::Empty, when),
            _ => Cell::Empty,
        }),
        col("venue", 16.0, |r, _| text(r.party().as_deref())),
        col("host", 10.0, |r, _| match r {
            Mt(m) => text(m.host.as_deref()),
            _ => Cell::Empty,
        }),
        col("recorder", 10.0, |r, _| text(r.owner())),
        col("secrecy", 8.0, |r, w| match r {
            Mt(m) => w.keyword(m.secrecy),
            _ => Cell::Empty,
        }),
        status(),
        col("attendees", 24.0, |r, _| match r {
            Mt(m) => joined(&m.attendees),
            _ => Cell::Empty,
        }),
        col("decisions", 40.0, |r, _| match r {
            Mt(m) => text(Some(&lines::decisions(&m.decisions))),
            _ => Cell::Empty,
        }),
        col("minutes", 24.0, |r, _| match r {
            Mt(m) => text(m.minutes.as_deref()),
            _ => Cell::Empty,
        }),
        col("notes", 20.0, |r, _| match r {
            Mt(m) => text(m.notes.as_deref()),
            _ => Cell::Empty,
        }),
    ]
}

/// The columns a kind with words of its own declares
/// (`KindWords::EXPORT`): the columns every record has by their getters,
/// the rest read from the record's file by key.
fn declared(kind: Kind, columns: &[(&str, f64)]) -> Vec<Column> {
    let date_keys = kind.spec().date_keys;
    (columns.iter())
        .map(|&(key, width)| {
            let get = match key {
                "id" => id().get,
                "title" => Get::Title,
                "status" => Get::Status,
                "secrecy" => Get::Fixed(|r, w| w.keyword(r.secrecy())),
                _ => Get::Key(key.to_string(), date_keys.contains(&key)),
            };
            Column {
                key: key.to_string(),
                width,
                get,
            }
        })
        .collect()
}

fn logbook(book: Option<&LogbookDef>) -> Layout {
    let mut columns = vec![id(), status()];
    let mut labels = Vec::new();
    for field in book.map(|b| b.fields.as_slice()).unwrap_or_default() {
        let width = match field.kind.as_str() {
            "date" => 12.0,
            "datetime" => 17.0,
            "number" | "money" | "bool" => 8.0,
            _ => 16.0,
        };
        columns.push(Column {
            key: field.name.clone(),
            width,
            // Free text in an entry may say anything; entries have no
            // secrecy of their own, so nothing is withheld.
            get: Get::Field(field.name.clone(), field.kind.clone()),
        });
        if let Some(label) = &field.label {
            labels.push((field.name.clone(), label.clone()));
        }
    }
    Layout {
        scope: "logbook",
        columns,
        labels,
    }
}

fn entry_field(record: &Record, name: &str, kind: &str) -> Cell {
    let Record::Entry(entry, _) = record else {
        return Cell::Empty;
    };
    value_cell(entry.fields.get(name), kind)
}

/// The cell of a key of a record's file (`Get::Key`): a date key's value
/// a date, empty text no text.
fn file_key(file: Option<&serde_yaml::Value>, name: &str, date: bool) -> Cell {
    let value = file.and_then(|file| file.get(name));
    match value_cell(value, if date { "datetime" } else { "text" }) {
        Cell::Text(text) if text.is_empty() => Cell::Empty,
        cell => cell,
    }
}

/// A value of a record's file as a cell, typed by `kind` (a logbook
/// field's declared type: `date`, `datetime`, else as it is).
fn value_cell(value: Option<&serde_yaml::Value>, kind: &str) -> Cell {
    use serde_yaml::Value;
    match value {
        None | Some(Value::Null) => Cell::Empty,
        Some(Value::Number(n)) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        Some(Value::Bool(b)) => Cell::Text(b.to_string()),
        Some(Value::String(s)) => match kind {
            "date" => taizhang_core::model::date::parse_iso_date(s)
                .map_or(Cell::Text(s.clone()), Cell::Date),
            "datetime" => taizhang_core::model::date::Moment::parse_rfc3339(s)
                .map(|m| Cell::DateTime(m.datetime))
                .or_else(|| taizhang_core::model::date::parse_iso_date(s).map(Cell::Date))
                .unwrap_or_else(|| Cell::Text(s.clone())),
            _ => Cell::Text(s.clone()),
        },
        Some(other) => serde_yaml::to_string(other)
            .map(|s| Cell::Text(s.trim().to_string()))
            .unwrap_or(Cell::Empty),
    }
}

impl Layout {
    /// The headers, in the reader's language.
    pub fn headers(&self, lang: Lang) -> Vec<String> {
        self.columns
            .iter()
            .map(
                |c| match self.labels.iter().find(|(name, _)| *name == c.key) {
                    Some((_, label)) => label.clone(),
                    None => crate::report::list::header(self.scope, &c.key, lang),
                },
            )
            .collect()
    }

    /// How wide the paper register makes each column, in characters:
    /// text wider than this wraps in a spreadsheet (`report::xlsx`).
    pub fn widths(&self) -> Vec<f64> {
        self.columns.iter().map(|c| c.width).collect()
    }

    /// The cells of `record`.
    /// A withheld record's cells are those of the record as `secrets`
    /// shows it: its title `[level] ID`, its free text gone.
    pub fn cells(&self, record: &Record, words: Words, secrets: &Secrets) -> Vec<Cell> {
        let shown = secrets.shown(record, words);
        let record = shown.as_ref();
        // The file as a value, once a row, when a column reads its keys.
        let keyed = (self.columns.iter()).any(|c| matches!(c.get, Get::Key(..)));
        let file = keyed.then(|| record.to_value().ok()).flatten();
        self.columns
            .iter()
            .map(|c| match &c.get {
                Get::Title => Cell::Text(record.title().to_string()),
                Get::Status => Cell::Text(match words {
                    Words::Keywords => record.status().to_string(),
                    Words::People(lang) => lang.status(record).to_string(),
                }),
                Get::Fixed(get) => get(record, words),
                Get::Field(name, kind) => entry_field(record, name, kind),
                Get::Key(name, date) => file_key(file.as_ref(), name, *date),
            })
            .collect()
    }
}

/// CSV of `records` under `layout`: headers in the reader's language,
/// values as stored (keywords, `YYYY-MM-DD`), so scripts and `import`
/// read it whatever the language; written by the one CSV writer, which
/// keeps spreadsheets from evaluating a cell.
pub fn csv(layout: &Layout, records: &[&Record], secrets: &Secrets, lang: Lang) -> String {
    let rows = records.iter().map(|record| {
        let cells = layout.cells(record, Words::Keywords, secrets);
        cells.iter().map(Cell::text).collect::<Vec<_>>()
    });
    crate::report::csv::write(&layout.headers(lang), rows)
}

/// `export json`'s value of a record: the record as `secrets` shows it
/// (a withheld one titled `[secret] IN-2026-0042`, its free text gone).
pub fn json(record: &Record, today: Date, secrets: &Secrets) -> serde_json::Value {
    crate::report::list::json(&secrets.shown(record, Words::Keywords), today)
}
