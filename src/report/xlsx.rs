//! `export xlsx`: one sheet per kind of record, for Excel and WPS.
//!
//! Headers in the reader's language, bold, frozen and filterable; dates
//! and moments as real date cells (a spreadsheet sorts and filters them
//! as dates); widths set per column. Each sheet is streamed row by row
//! (`rust_xlsxwriter`'s constant-memory mode, which keeps rows in a
//! temporary file of its own), so a register of 100,000 records stays
//! small in memory. The workbook comes back as bytes; writing it is the
//! caller's business.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

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
    let header = Format::new()
        .set_bold()
        .set_background_color(0xD9E1F2)
        .set_align(FormatAlign::Center);
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let moment = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let words = Words::People(lang);
    for sheet in sheets {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(&sheet.name)?;
        let headers = sheet.layout.headers(lang);
        for (col, width) in sheet.layout.widths().into_iter().enumerate() {
            ws.set_column_width(col as u16, width)?;
        }
        for (col, text) in headers.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, text, &header)?;
        }
        let last_col = headers.len().saturating_sub(1) as u16;
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, sheet.records.len() as u32, last_col)?;
        ws.set_repeat_rows(0, 0)?;
        for (i, record) in sheet.records.iter().enumerate() {
            let row = i as u32 + 1;
            for (col, cell) in sheet
                .layout
                .cells(record, words, secrets)
                .iter()
                .enumerate()
            {
                let col = col as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(text) => {
                        ws.write_string(row, col, text)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(row, col, *n)?;
                    }
                    // A date Excel cannot hold (before 1900) stays text.
                    Cell::Date(d) => match excel_date(*d) {
                        Ok(value) => {
                            ws.write_date_with_format(row, col, &value, &day)?;
                        }
                        Err(_) => {
                            ws.write_string(row, col, cell.text())?;
                        }
                    },
                    Cell::DateTime(dt) => {
                        let value = excel_date(dt.date()).and_then(|d| {
                            d.and_hms(dt.hour() as u16, dt.minute() as u8, dt.second() as f64)
                        });
                        match value {
                            Ok(value) => {
                                ws.write_datetime_with_format(row, col, &value, &moment)?;
                            }
                            Err(_) => {
                                ws.write_string(row, col, cell.text())?;
                            }
                        }
                    }
                }
            }
            tick();
        }
    }
    book.save_to_buffer()
}

fn excel_date(date: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| {
        XlsxError::ParameterError(format!("{date} cannot be written as a spreadsheet date"))
    })?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}
