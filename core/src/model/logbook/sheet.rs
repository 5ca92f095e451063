//! Importing a spreadsheet kept as a logbook (用印登记簿.xlsx, 来访登记表.csv):
//! which column holds which declared field, and each row read into an
//! entry with the field types of [`value`](super::value), or into the
//! list of what is wrong with it.
//!
//! Pure: the cells come in as values, the entries go out with
//! placeholder IDs (the command allocates them and checks `ref`s).

use crate::model::common::{Actor, Extra, HistoryAction};
use crate::model::config::{FieldDef, LogbookDef};
use crate::model::date::{BadDate, Moment, When};
use crate::model::id::Id;
use crate::model::import::{Cell, LEGACY_ID, Label, SheetRow, cell, header, normal_header};
use crate::model::logbook::value::{self, BookError, Given};
use crate::model::logbook::{Entry, FiledBy};

/// What a column of the sheet fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUse {
    /// The declared field at this index of the book's fields.
    Field(usize),
    /// The sheet's own number (序号): kept on the entry as `legacy_id`,
    /// and compared to tell a row imported twice.
    LegacyId,
    /// Left out on purpose (`--map COLUMN=-`).
    Ignore,
}

/// Headers that name the sheet's own number when no field claims them.
const LEGACY_HEADERS: &[&str] = &["序号", "原编号", "no", "no."];

/// What a column name given to `--map` (or a header) names in `book`: a
/// declared field by key or label, `-` to leave it out, 序号 (the sheet's
/// own number).
pub fn column_use(book: &LogbookDef, name: &str) -> Option<ColumnUse> {
    let normal = normal_header(name);
    if normal == "-" {
        return Some(ColumnUse::Ignore);
    }
    if let Some(found) = value::find_field(book, &normal) {
        let at = book.fields.iter().position(|f| f.name == found.name)?;
        return Some(ColumnUse::Field(at));
    }
    LEGACY_HEADERS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(&normal))
        .then_some(ColumnUse::LegacyId)
}

/// The header and what each of its columns fills.
#[derive(Debug, Clone, PartialEq)]
pub struct BookHeader {
    /// Index of the header's first row among the rows read.
    pub top: usize,
    /// Index of its last row: the data is below it.
    pub index: usize,
    pub columns: Vec<(String, Option<ColumnUse>)>,
    /// Labels no field was found for, and not left out on purpose.
    pub unmapped: Vec<String>,
}

/// Finds the header: the first block of one to three rows near the top
/// in which two columns (one, for a book of one field) name declared
/// fields ([`header::find_block`]). `overrides` (from `--map`) come first,
/// by label.
pub fn find_header(
    rows: &[SheetRow],
    book: &LogbookDef,
    overrides: &[(String, ColumnUse)],
) -> Option<BookHeader> {
    let enough = book.fields.len().clamp(1, 2);
    header::find_block(rows, |top, bottom, labels| {
        let header = read_header(top, bottom, labels, book, overrides);
        let fields = (header.columns.iter())
            .filter(|(_, u)| matches!(u, Some(ColumnUse::Field(_))))
            .count();
        header::Reading {
            enough: fields >= enough,
            mapped: fields,
            header,
        }
    })
}

/// What a column's label fills: an override (`--map`) for any of its
/// names, else the first of its names that names a field or the number.
fn use_of(
    label: &Label,
    book: &LogbookDef,
    overrides: &[(String, ColumnUse)],
) -> Option<ColumnUse> {
    label.resolve(overrides, |name| column_use(book, name))
}

/// The labels of the top rows that name one of the book's fields, for
/// the error that no header was found.
pub fn recognised_labels(
    rows: &[SheetRow],
    book: &LogbookDef,
) -> (usize, Vec<(usize, Vec<String>)>) {
    header::recognised(rows, |label| {
        matches!(use_of(label, book, &[]), Some(ColumnUse::Field(_)))
    })
}

fn read_header(
    top: usize,
    index: usize,
    labels: &[Label],
    book: &LogbookDef,
    overrides: &[(String, ColumnUse)],
) -> BookHeader {
    let mut columns: Vec<(String, Option<ColumnUse>)> = Vec::new();
    let mut unmapped = Vec::new();
    for label in labels {
        let text = label.text();
        let found = if label.parts.is_empty() {
            None
        } else {
            use_of(label, book, overrides)
        };
        // A field (or the number) filled by two columns: the first wins.
        let taken = found
            .is_some_and(|u| u != ColumnUse::Ignore && columns.iter().any(|(_, c)| *c == Some(u)));
        let found = found.filter(|_| !taken);
        if found.is_none() && !text.is_empty() {
            unmapped.push(text.clone());
        }
        columns.push((text, found));
    }
    BookHeader {
        top,
        index,
        columns,
        unmapped,
    }
}

/// One problem of one row: the field, and what is wrong (`None`: a
/// required field left empty).
#[derive(Debug, Clone, PartialEq)]
pub struct RowTrouble {
    pub row: usize,
    pub field: Box<FieldDef>,
    pub problem: Option<BookError>,
}

/// A row read into an entry, not yet numbered.
#[derive(Debug, Clone)]
pub struct BookDraft {
    pub row: usize,
    pub entry: Entry,
    /// The year of its ID: of its first date field, else today's.
    pub year: i16,
    pub legacy_id: Option<String>,
}

/// What reading rows needs besides the header.
pub struct RowSetting<'a> {
    pub book: (&'a str, &'a LogbookDef),
    pub given: Given<'a>,
    /// Completes dates written without one (`11月1日`).
    pub year: Option<i16>,
    pub actor: &'a Actor,
    /// The file's name, for the history note `FILE:ROW`.
    pub source: &'a str,
}

/// Reads one row. Every problem goes to `troubles`; the draft is returned
/// only when the row has none.
pub fn read_row(
    row: &SheetRow,
    header: &BookHeader,
    setting: &RowSetting,
    troubles: &mut Vec<RowTrouble>,
) -> Option<BookDraft> {
    let (_, book) = setting.book;
    let before = troubles.len();
    let mut fields = Extra::new();
    let mut legacy_id = None;
    for (at, (_, used)) in header.columns.iter().enumerate() {
        let cell = row.cell(at);
        match used {
            Some(ColumnUse::Field(i)) => {
                let Some(field) = book.fields.get(*i) else {
                    continue;
                };
                match read_cell(field, cell, setting) {
                    Ok(Some(v)) => {
                        fields.insert(field.name.clone().into(), v);
                    }
                    Ok(None) => {}
                    Err(problem) => troubles.push(RowTrouble {
                        row: row.number,
                        field: field.clone().into(),
                        problem: Some(problem),
                    }),
                }
            }
            Some(ColumnUse::LegacyId) => legacy_id = cell.as_text(),
            Some(ColumnUse::Ignore) | None => {}
        }
    }
    let mut entry = Entry {
        id: Id::new(&book.prefix, setting.given.today.year(), 0),
        title: String::new(),
        status: "recorded".into(),
        created: setting.actor.at,
        history: vec![setting.actor.entry(
            HistoryAction::Import,
            Some(format!("{}:{}", setting.source, row.number)),
        )],
        fields,
        filed_by: FiledBy::Unknown,
        out: false,
    };
    entry.know_book(book);
    for field in value::missing(&entry, book) {
        // A field whose cell could not be read is already reported.
        if !troubles[before..]
            .iter()
            .any(|t| t.field.name == field.name)
        {
            troubles.push(RowTrouble {
                row: row.number,
                field: field.into(),
                problem: None,
            });
        }
    }
    if troubles.len() == before
        && let Err(problem) = value::check_loop(&entry, book)
        && let value::BookError::EndBeforeStart { end, .. } = &problem
    {
        troubles.push(RowTrouble {
            row: row.number,
            field: end.clone(),
            problem: Some(problem),
        });
    }
    if troubles.len() > before {
        return None;
    }
    entry.title = value::summary_title(&entry, book);
    let year = value::serial_year(&entry, book, setting.given.today);
    if let Some(legacy) = &legacy_id {
        entry
            .fields
            .insert(LEGACY_ID.into(), legacy.as_str().into());
    }
    Some(BookDraft {
        row: row.number,
        entry,
        year,
        legacy_id,
    })
}

/// One cell as the field's value. Dates and moments are read as
/// spreadsheets hold them ([`cell::date`], [`cell::moment`]: real date
/// cells, serial days, `2026/11/1`, `2026年11月1日`, `11月1日`,
/// `2026年1月6日9时30分`) and else in the date grammar; numbers as clerks
/// type them (`1份`, `２`).
fn read_cell(
    field: &FieldDef,
    cell: &Cell,
    setting: &RowSetting,
) -> Result<Option<serde_yaml::Value>, BookError> {
    let text = cell.as_text().unwrap_or_default();
    let typed = |raw: &str| value::parse_value(field, raw, &setting.given);
    let bad_date = || BookError::BadDate {
        field: field.clone().into(),
        source: BadDate {
            input: text.clone(),
            reason: None,
        },
    };
    match field.kind.as_str() {
        "date" => match cell::date(cell, setting.year) {
            Ok(day) => Ok(day.map(|d| d.to_string().into())),
            Err(_) => typed(&text).map_err(|_| bad_date()),
        },
        "datetime" => match cell::moment(cell, setting.year) {
            Ok(Some(at)) => stored_moment(at, setting.given.tz)
                .map(Some)
                .ok_or_else(bad_date),
            Ok(None) => Ok(None),
            Err(_) => typed(&text).map_err(|_| bad_date()),
        },
        "number" | "money" => match cell::number(cell) {
            Ok(Some(n)) => Ok(Some(number_value(n))),
            Ok(None) => Ok(None),
            Err(_) => typed(&text),
        },
        _ => typed(&text),
    }
}

/// A moment of a `datetime` field as the entry's file stores it: the date
/// alone when the cell has no time, else the moment with its offset in
/// the register's time zone.
fn stored_moment(at: cell::CellMoment, tz: &jiff::tz::TimeZone) -> Option<serde_yaml::Value> {
    let Some(time) = at.time else {
        return Some(at.date.to_string().into());
    };
    let zoned = tz.to_zoned(at.date.to_datetime(time)).ok()?;
    let moment = Moment::at(zoned.timestamp(), tz);
    Some(When::Moment(moment).to_string().into())
}

/// A number as a YAML number: whole numbers stay whole.
fn number_value(n: f64) -> serde_yaml::Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        serde_yaml::Value::Number((n as i64).into())
    } else {
        serde_yaml::Value::Number(n.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::Config;
    use crate::model::date::{Moment, PlainWeek};
    use crate::model::logbook::preset;

    use crate::model::import::cell::texts as row;

    #[test]
    fn header_found_below_a_title_row_by_labels_and_keys() {
        let book = preset("seal").unwrap();
        let rows = vec![
            row(1, &["2026年用印登记簿", "", ""]),
            row(2, &["序号", "日期", "印章 名称", "unit", "经办人", "备注"]),
        ];
        let header = find_header(&rows, &book, &[]).unwrap();
        assert_eq!(header.index, 1);
        let uses: Vec<Option<ColumnUse>> = header.columns.iter().map(|(_, u)| *u).collect();
        assert_eq!(
            uses,
            [
                Some(ColumnUse::LegacyId),
                Some(ColumnUse::Field(0)),
                Some(ColumnUse::Field(1)),
                Some(ColumnUse::Field(2)),
                Some(ColumnUse::Field(3)),
                None
            ]
        );
        assert_eq!(header.unmapped, ["备注"]);
        let overrides = [("备注".to_string(), ColumnUse::Field(4))];
        let header = find_header(&rows, &book, &overrides).unwrap();
        assert!(header.unmapped.is_empty());
    }

    #[test]
    fn rows_are_read_with_the_field_types_and_every_problem_listed() {
        let book = preset("seal").unwrap();
        let config = Config::new("某局");
        let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
        let actor = Actor {
            by: "王丽".into(),
            at: Moment::parse_rfc3339("2026-11-23T09:30:00+08:00").unwrap(),
        };
        let setting = RowSetting {
            book: ("seal", &book),
            given: Given {
                today: jiff::civil::Date::constant(2026, 11, 23),
                now: actor.at,
                tz: &tz,
                calendar: Some(&PlainWeek),
                config: &config,
            },
            year: Some(2025),
            actor: &actor,
            source: "用印.csv",
        };
        let rows = vec![row(
            2,
            &[
                "序号",
                "日期",
                "印章名称",
                "用印单位",
                "经办人",
                "用印事由",
                "批准人",
                "份数",
                "外借时间",
            ],
        )];
        let header = find_header(&rows, &book, &[]).unwrap();
        let mut troubles = Vec::new();
        let good = row(
            3,
            &[
                "7",
                "12月30日",
                "局公章",
                "办公室",
                "王丽",
                "报送",
                "周敏",
                "2",
                "2025/12/30 9:05",
            ],
        );
        let draft = read_row(&good, &header, &setting, &mut troubles).unwrap();
        assert!(troubles.is_empty());
        assert_eq!(draft.year, 2025);
        assert_eq!(draft.legacy_id.as_deref(), Some("7"));
        assert_eq!(value::plain(&draft.entry.fields["legacy_id"]), "7");
        let get = |k: &str| value::plain(&draft.entry.fields[k]);
        assert_eq!(get("date"), "2025-12-30");
        assert_eq!(get("copies"), "2");
        assert_eq!(get("taken_out"), "2025-12-30T09:05:00+08:00");
        assert_eq!(draft.entry.title, "局公章 · 报送");
        assert_eq!(draft.entry.history[0].note.as_deref(), Some("用印.csv:3"));
        let bad = row(
            4,
            &["8", "下月", "", "办公室", "王丽", "报送", "", "两份", ""],
        );
        assert!(read_row(&bad, &header, &setting, &mut troubles).is_none());
        let found: Vec<(&str, bool)> = troubles
            .iter()
            .map(|t| (t.field.name.as_str(), t.problem.is_some()))
            .collect();
        assert_eq!(
            found,
            [
                ("date", true),
                ("copies", true),
                ("seal", false),
                ("approver", false)
            ]
        );
    }
}
