//! A sheet of a workbook: xlsx, xls, ods (and xlsb, which calamine reads
//! the same way), its merged cells spread over their span.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, Dimensions, Reader, Sheets, Xlsx};
use jiff::civil::{Date, DateTime};

use super::limit::{self, Tally};
use crate::model::import::{Cell, SheetRow};
use crate::store::error::{Error, Result};

/// A workbook opened from its bytes.
pub struct Workbook {
    path: PathBuf,
    book: Sheets<Cursor<Vec<u8>>>,
}

/// What a workbook's bytes are, by their first bytes and, for a zip
/// archive, by the parts it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookKind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// The kind of workbook `bytes` are, if they are one: an OLE compound
/// file is xls; a zip archive is xlsx, xlsb or ods by its parts.
pub fn kind_of(bytes: &[u8]) -> Option<BookKind> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(BookKind::Xls);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let has = |name: &str| {
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
    };
    if has("xl/workbook.xml") {
        Some(BookKind::Xlsx)
    } else if has("xl/workbook.bin") {
        Some(BookKind::Xlsb)
    } else if has("content.xml") {
        Some(BookKind::Ods)
    } else {
        None
    }
}

impl Workbook {
    /// Opens the workbook, after checking what its zipped parts unpack to
    /// (calamine reads an xlsx file's shared strings as it opens it).
    pub fn open(path: &Path, bytes: Vec<u8>, kind: BookKind) -> Result<Workbook> {
        if kind != BookKind::Xls {
            limit::check_zip(path, Cursor::new(&bytes))?;
        }
        let unreadable = |message: String| Error::Sheet {
            path: path.to_path_buf(),
            message,
        };
        let data = Cursor::new(bytes);
        let book = match kind {
            BookKind::Xlsx => calamine::open_workbook_from_rs(data)
                .map(Sheets::Xlsx)
                .map_err(|e: calamine::XlsxError| unreadable(e.to_string())),
            BookKind::Xlsb => calamine::open_workbook_from_rs(data)
                .map(Sheets::Xlsb)
                .map_err(|e: calamine::XlsbError| unreadable(e.to_string())),
            BookKind::Xls => calamine::open_workbook_from_rs(data)
                .map(Sheets::Xls)
                .map_err(|e: calamine::XlsError| unreadable(e.to_string())),
            BookKind::Ods => calamine::open_workbook_from_rs(data)
                .map(Sheets::Ods)
                .map_err(|e: calamine::OdsError| unreadable(e.to_string())),
        }?;
        Ok(Workbook {
            path: path.to_path_buf(),
            book,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// The rows of the sheet `name`, numbered as the spreadsheet shows
    /// them, each cell in its column; a merged cell's value is in every
    /// cell of its span.
    pub fn rows(&mut self, name: &str) -> Result<Vec<SheetRow>> {
        let path = self.path.clone();
        let unreadable = |message: String| Error::Sheet {
            path: path.clone(),
            message,
        };
        let mut tally = Tally::new(&path);
        let (mut rows, merged) = match &mut self.book {
            Sheets::Xlsx(book) => {
                let merged = book
                    .merge_cells_by_sheet_name(name)
                    .map_err(|e| unreadable(e.to_string()))?;
                (stream_xlsx(book, name, &mut tally, &path)?, merged)
            }
            Sheets::Xls(book) => {
                let merged = book
                    .merge_cells_by_sheet_name(name)
                    .map_err(|e| unreadable(e.to_string()))?;
                let range = book
                    .worksheet_range(name)
                    .map_err(|e| unreadable(e.to_string()))?;
                (from_range(&range, &mut tally)?, merged)
            }
            other => {
                let range = other
                    .worksheet_range(name)
                    .map_err(|e| unreadable(e.to_string()))?;
                (from_range(&range, &mut tally)?, Vec::new())
            }
        };
        spread_merged(&mut rows, &merged, &mut tally)?;
        Ok(rows)
    }
}

/// Reads an xlsx sheet cell by cell, as its XML lists them: a row number
/// past the limit is refused when it is met, before a row is made for it.
fn stream_xlsx(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    tally: &mut Tally,
    path: &Path,
) -> Result<Vec<SheetRow>> {
    let unreadable = |e: calamine::XlsxError| Error::Sheet {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows = Rows::default();
    while let Some(found) = reader.next_cell().map_err(unreadable)? {
        let (row, column) = found.get_position();
        let cell = cell_ref(found.get_value());
        rows.put(row as usize + 1, column as usize, cell, tally)?;
    }
    rows.finish(tally)
}

/// A calamine range (xls, ods) as rows.
fn from_range(range: &calamine::Range<Data>, tally: &mut Tally) -> Result<Vec<SheetRow>> {
    let mut rows = Rows::default();
    let (top, left) = range.start().unwrap_or((0, 0));
    for (row, column, data) in range.used_cells() {
        let row = top as usize + row + 1;
        rows.put(row, left as usize + column, cell(data), tally)?;
    }
    rows.finish(tally)
}

/// Rows being built from cells in reading order; empty cells are not
/// kept, so a formatted but empty far column does not widen every row.
#[derive(Default)]
struct Rows {
    done: Vec<SheetRow>,
    current: Option<SheetRow>,
}

impl Rows {
    fn put(&mut self, number: usize, column: usize, cell: Cell, tally: &mut Tally) -> Result<()> {
        tally.reach(number)?;
        if cell.is_empty() {
            return Ok(());
        }
        let same = self.current.as_ref().is_some_and(|r| r.number == number);
        if !same {
            let next = self.current.as_ref().map(|r| r.number + 1);
            if let Some(row) = self.current.take() {
                if number < row.number {
                    // A cell out of order (no program writes them so):
                    // kept only if its row is still open, else dropped.
                    self.current = Some(row);
                    return Ok(());
                }
                tally.row(row.number, row.cells.len())?;
                self.done.push(row);
            }
            // Rows without a filled cell between two filled ones are
            // blank rows of the sheet.
            for blank in next.unwrap_or(number)..number {
                tally.row(blank, 0)?;
                self.done.push(SheetRow {
                    number: blank,
                    cells: Vec::new(),
                });
            }
            self.current = Some(SheetRow {
                number,
                cells: Vec::new(),
            });
        }
        let row = self.current.as_mut().expect("just set");
        if row.cells.len() <= column {
            row.cells.resize(column + 1, Cell::Empty);
        }
        row.cells[column] = cell;
        Ok(())
    }

    fn finish(mut self, tally: &mut Tally) -> Result<Vec<SheetRow>> {
        if let Some(row) = self.current.take() {
            tally.row(row.number, row.cells.len())?;
            self.done.push(row);
        }
        Ok(self.done)
    }
}

/// Puts a merged cell's value into every cell of its span that was read,
/// so that `来文` over 来文单位 and 来文字号 heads both, and a 收文日期
/// merged down three rows dates all three.
fn spread_merged(rows: &mut [SheetRow], merged: &[Dimensions], tally: &mut Tally) -> Result<()> {
    let Some(first) = rows.first().map(|r| r.number) else {
        return Ok(());
    };
    let at = |number: usize| number.checked_sub(first);
    for span in merged {
        let (top, left) = (span.start.0 as usize + 1, span.start.1 as usize);
        let (bottom, right) = (span.end.0 as usize + 1, span.end.1 as usize);
        let Some(value) = at(top)
            .and_then(|i| rows.get(i))
            .map(|r| r.cell(left).clone())
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        for number in top..=bottom.min(first + rows.len() - 1) {
            let Some(row) = at(number).and_then(|i| rows.get_mut(i)) else {
                continue;
            };
            if row.cells.len() <= right {
                tally.row(number, right + 1 - row.cells.len())?;
                row.cells.resize(right + 1, Cell::Empty);
            }
            for slot in &mut row.cells[left..=right] {
                if slot.is_empty() {
                    *slot = value.clone();
                }
            }
        }
    }
    Ok(())
}

/// A date cell: a date, or a moment when it has a time of day.
fn date_cell(dt: &calamine::ExcelDateTime) -> Cell {
    let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
    let Ok(date) = Date::new(y as i16, m as i8, d as i8) else {
        return Cell::Number(dt.as_f64());
    };
    if (hh, mm, ss) == (0, 0, 0) {
        return Cell::Date(date);
    }
    match jiff::civil::Time::new(hh as i8, mm as i8, ss as i8, 0) {
        Ok(time) => Cell::DateTime(DateTime::from_parts(date, time)),
        Err(_) => Cell::Date(date),
    }
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => date_cell(dt),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
    }
}

fn cell_ref(data: &DataRef) -> Cell {
    match data {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(n) => Cell::Number(*n),
        DataRef::Bool(b) => Cell::Text(b.to_string()),
        DataRef::DateTime(dt) if dt.is_datetime() => date_cell(dt),
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(s),
    }
}
