//! Reading a spreadsheet to import: a CSV file (UTF-8, with or without
//! the BOM Excel writes, or GB18030 as Excel and WPS on Chinese Windows
//! save it) or one sheet of an xlsx workbook, into rows of cells.
//!
//! Only reads the file it is given; never the register.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;

use crate::model::import::{Cell, SheetRow};
use crate::store::error::{Error, Result};

/// The largest spreadsheet file read (a register of 100,000 rows is a
/// few tens of MiB).
const MAX_BYTES: u64 = 256 << 20;

/// Reads a CSV file.
pub fn read_csv(path: &Path) -> Result<Vec<SheetRow>> {
    check_size(path)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::Sheet {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        rows.push(SheetRow {
            number: index + 1,
            cells: record.iter().map(Cell::text).collect(),
        });
    }
    Ok(rows)
}

/// UTF-8 (without its BOM), else GB18030.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0,
    }
}

/// Reads the sheet named `sheet` (else the first) of an xlsx workbook.
pub fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<Vec<SheetRow>> {
    check_size(path)?;
    let unreadable = |message: String| Error::Sheet {
        path: path.to_path_buf(),
        message,
    };
    let mut book: Xlsx<_> = calamine::open_workbook(path).map_err(|e| match e {
        calamine::XlsxError::Io(e) => Error::io(path, e),
        other => unreadable(other.to_string()),
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| Error::NoSuchSheet {
                path: path.to_path_buf(),
                name: wanted.to_string(),
                known: names.clone(),
            })?,
        None => names.first().cloned().ok_or_else(|| Error::NoSuchSheet {
            path: path.to_path_buf(),
            name: String::new(),
            known: Vec::new(),
        })?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| unreadable(e.to_string()))?;
    // Rows are numbered as the spreadsheet shows them: the range starts
    // at its first used cell, not at row 1.
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(index, cells)| SheetRow {
            number: first_row + index + 1,
            cells: std::iter::repeat_n(Cell::Empty, first_column)
                .chain(cells.iter().map(cell))
                .collect(),
        })
        .collect())
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(y as i16, m as i8, d as i8) {
                Ok(date) => Cell::Date(date),
                Err(_) => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
    }
}

fn check_size(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(Error::SheetTooLarge {
            path: path.to_path_buf(),
            limit_mib: MAX_BYTES >> 20,
        });
    }
    Ok(())
}
