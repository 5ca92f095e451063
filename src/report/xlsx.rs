//! `export xlsx`: one sheet per kind of record, for Excel and WPS.
//!
//! Headers in the reader's language, bold, frozen and filterable; dates
//! and moments as real date cells (a spreadsheet sorts and filters them
//! as dates). Each sheet is streamed row by row (`rust_xlsxwriter`'s
//! constant-memory mode, which keeps rows in a temporary file of its
//! own), so a register of 100,000 records stays small in memory. The
//! workbook comes back as bytes; writing it is the caller's business.
//!
//! Made to be read and printed as the paper register is:
//!
//! - each column as wide as what it holds (a Chinese character counts
//!   twice, as it prints), so a moment never shows as `###`; text wider
//!   than its column's width in the paper register wraps inside the cell
//!   instead of widening the sheet;
//! - on A4 landscape, scaled to one page wide, with the header row and
//!   the ID column repeated on every page, gridlines, the sheet's name
//!   above and the page number below (a register of 18 papers used to
//!   print as 36 Letter pages, each row cut over four).

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::report::export::{Cell, Layout, Words};
use crate::report::redact::Secrets;
use taizhang_core::model::record::Record;

/// One sheet: its name, columns and records.
pub struct Sheet<'a> {
    pub name: String,
    pub layout: Layout,
    pub records: Vec<&'a Record>,
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "_".to_string()
    } else {
        clean
    }
}

/// The workbook of `sheets`, as the bytes of an .xlsx file. `tick` is
/// called once per record written (for a progress bar).
pub fn workbook(
    sheets: &[Sheet],
    secrets: &Secrets,
    lang: Lang,
    tick: &mut dyn FnMut(),
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    let words = Words::People(lang);
    for sheet in sheets {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(&sheet.name)?;
        let headers = sheet.layout.headers(lang);
        for (col, text) in headers.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, text, &formats.header)?;
        }
        print_setup(ws, sheet.records.len(), headers.len())?;
        let mut widths = Widths::new(&headers, sheet.layout.widths());
        for (i, record) in sheet.records.iter().enumerate() {
            let row = i as u32 + 1;
            let cells = sheet.layout.cells(record, words, secrets);
            for (col, cell) in cells.iter().enumerate() {
                widths.fit(col, cell);
                write_cell(ws, row, col as u16, cell, &formats)?;
            }
            tick();
        }
        // Once every cell is measured: the columns are written when the
        // workbook is saved, even in constant-memory mode.
        widths.set(ws)?;
    }
    book.save_to_buffer()
}

/// The cell formats of every sheet. Values sit at the top of their row,
/// beside a neighbour's wrapped title.
struct Formats {
    header: Format,
    text: Format,
    number: Format,
    day: Format,
    moment: Format,
}

impl Formats {
    fn new() -> Formats {
        let value = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: value.clone().set_text_wrap(),
            number: value.clone(),
            day: value.clone().set_num_format("yyyy-mm-dd"),
            moment: value.set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// Writes one cell, typed. A date Excel cannot hold (before 1900) stays
/// text.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let as_text = |ws: &mut Worksheet| {
        ws.write_string_with_format(row, col, cell.text(), &formats.text)
            .map(|_| ())
    };
    match cell {
        Cell::Empty => Ok(()),
        Cell::Text(text) => ws
            .write_string_with_format(row, col, text, &formats.text)
            .map(|_| ()),
        Cell::Number(n) => ws
            .write_number_with_format(row, col, *n, &formats.number)
            .map(|_| ()),
        Cell::Date(d) => match excel_date(*d) {
            Ok(value) => ws
                .write_date_with_format(row, col, &value, &formats.day)
                .map(|_| ()),
            Err(_) => as_text(ws),
        },
        Cell::DateTime(dt) => {
            let value = excel_date(dt.date())
                .and_then(|d| d.and_hms(dt.hour() as u16, dt.minute() as u8, dt.second() as f64));
            match value {
                Ok(value) => ws
                    .write_datetime_with_format(row, col, &value, &formats.moment)
                    .map(|_| ()),
                Err(_) => as_text(ws),
            }
        }
    }
}

/// Paper size 9 of the spreadsheet's list: A4, the paper of Chinese
/// offices.
const A4: u8 = 9;

/// How a sheet of `rows` records and `columns` columns is seen and
/// printed: the header row (and the ID column beside it) frozen and
/// filterable; on A4 landscape, one page wide, the header row and the ID
/// column on every page, gridlines as on a paper register, the sheet's
/// name above and `page / pages` below.
fn print_setup(ws: &mut Worksheet, rows: usize, columns: usize) -> Result<(), XlsxError> {
    let last_col = columns.saturating_sub(1) as u16;
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, rows as u32, last_col)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_repeat_columns(0, 0)?;
    ws.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_gridlines(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_header("&C&A")
        .set_footer("&C&P / &N");
    Ok(())
}

/// Each column's width, in the spreadsheet's unit (the width of a digit):
/// as wide as its widest value and its header, a Chinese character
/// counted twice (unicode-width, as a terminal and a printed page give
/// it). Text stops at the width the paper register gives the column (at
/// least [`WRAP_FROM`]) and wraps beyond it; a date, a moment or a
/// number is never cut (a column too narrow for it shows `###`).
struct Widths {
    widths: Vec<f64>,
    caps: Vec<f64>,
}

/// Room beside a value, so that it does not touch the gridline.
const PADDING: f64 = 2.0;
/// The narrowest column text wraps in: an ID (`RECEPTION-2026-0001`), a
/// name or a short reference stays on one line whatever width the paper
/// register gives its column.
const WRAP_FROM: f64 = 20.0;
/// Room for the filter button at a header's right.
const FILTER_BUTTON: f64 = 3.0;

impl Widths {
    fn new(headers: &[String], paper: Vec<f64>) -> Widths {
        let widths = headers
            .iter()
            .map(|h| text_width(h) + PADDING + FILTER_BUTTON)
            .collect();
        let caps = paper.into_iter().map(|w| w.max(WRAP_FROM)).collect();
        Widths { widths, caps }
    }

    /// Widens column `col` for `cell`.
    fn fit(&mut self, col: usize, cell: &Cell) {
        let wanted = match cell {
            Cell::Empty => return,
            Cell::Text(text) => {
                let cap = self.caps.get(col).copied().unwrap_or(f64::MAX);
                (text_width(text) + PADDING).min(cap)
            }
            Cell::Number(_) | Cell::Date(_) | Cell::DateTime(_) => {
                text_width(&cell.text()) + PADDING
            }
        };
        if let Some(width) = self.widths.get_mut(col) {
            *width = width.max(wanted);
        }
    }

    fn set(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, width) in self.widths.iter().enumerate() {
            ws.set_column_width(col as u16, *width)?;
        }
        Ok(())
    }
}

/// The width of text as printed: its widest line, a Chinese character
/// counting two.
fn text_width(text: &str) -> f64 {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64
}

fn excel_date(date: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| {
        XlsxError::ParameterError(format!("{date} cannot be written as a spreadsheet date"))
    })?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_what_they_hold_and_long_text_wraps() {
        let headers = [
            "编号".to_string(),
            "签收时间".to_string(),
            "标题".to_string(),
        ];
        let mut widths = Widths::new(&headers, vec![14.0, 12.0, 40.0]);
        let moment = jiff::civil::date(2026, 11, 23).at(8, 40, 0, 0);
        widths.fit(1, &Cell::DateTime(moment));
        widths.fit(2, &Cell::Text("关于召开会议的通知".into()));
        // A header of two Chinese characters and its filter button; a
        // moment, wider than the paper register's 12; nine characters,
        // doubled.
        assert_eq!(widths.widths, [9.0, 18.0, 20.0]);
        // An ID longer than the paper register's 14 is not cut.
        widths.fit(0, &Cell::Text("RECEPTION-2026-0001".into()));
        assert_eq!(widths.widths[0], 20.0);
        widths.fit(2, &Cell::Text("长".repeat(30)));
        widths.fit(2, &Cell::Text(format!("短\n{}", "x".repeat(33))));
        assert_eq!(widths.widths[2], 40.0, "text wraps at the column's width");
        assert_eq!(text_width("两行\nabc"), 4.0);
    }
}
