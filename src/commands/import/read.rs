//! The reading side of `import`: the file in whatever format it is, the
//! sheet that holds the register, the rows below the header that are
//! records and those passed over, and the year of dates without one.

use std::collections::BTreeMap;

use super::Args;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::sheet as words;
use taizhang_core::model::import::cell::{lacks_year, year_in};
use taizhang_core::model::import::{self, SheetRow, Skip};
use taizhang_core::store::sheet::{self, Format};

/// The file formats `import` reads. The file's bytes decide how it is
/// read; a workbook format refuses a file that is no workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    Csv,
    Tsv,
    Xlsx,
    Xls,
    Ods,
    /// Whatever the file is.
    Auto,
}

impl SheetFormat {
    fn expected(self) -> Format {
        match self {
            SheetFormat::Csv | SheetFormat::Tsv => Format::Text,
            SheetFormat::Xlsx | SheetFormat::Xls | SheetFormat::Ods => Format::Workbook,
            SheetFormat::Auto => Format::Auto,
        }
    }
}

/// The sheet read: its rows, and its name when it is a workbook's.
pub struct Read {
    pub rows: Vec<SheetRow>,
    pub sheet: Option<String>,
}

/// Reads the sheet `--sheet` names, else the first sheet in which
/// `has_header` finds the header (an office's workbook may open on a
/// sheet of instructions or a cover), else the first. Says so when it is
/// not the first.
pub fn read_sheet(
    ctx: &Ctx,
    args: &Args,
    has_header: impl Fn(&[SheetRow]) -> bool,
) -> Result<Read> {
    let path = ctx.cwd.join(&args.file);
    let mut opened = sheet::open(&path, args.sheet_format.expected())?;
    let workbook = opened.book_kind().is_some();
    let name_of = |name: String| workbook.then_some(name);
    if let Some(wanted) = &args.sheet {
        let name = opened.sheet_named(wanted)?;
        let rows = opened.rows(&name)?;
        return Ok(Read {
            rows,
            sheet: name_of(name),
        });
    }
    let names = opened.sheet_names();
    let mut first: Option<Read> = None;
    for name in &names {
        let rows = opened.rows(name)?;
        if has_header(&rows) {
            if let Some(first) = &first {
                let skipped = first.sheet.clone().unwrap_or_default();
                ctx.note(&words::other_sheet(ctx.lang(), name, &skipped));
            }
            return Ok(Read {
                rows,
                sheet: name_of(name.clone()),
            });
        }
        first.get_or_insert(Read {
            rows,
            sheet: name_of(name.clone()),
        });
        if !workbook {
            break;
        }
    }
    Ok(first.unwrap_or(Read {
        rows: Vec::new(),
        sheet: None,
    }))
}

/// The rows below the header passed over, by why.
pub type Passed = BTreeMap<Skip, Vec<usize>>;

/// The rows below the header (`bottom`) to read, and those passed over.
/// Blank rows below the last filled one are the sheet's end, not worth a
/// word.
pub fn data_rows(sheet: &[SheetRow], bottom: usize) -> (Vec<&SheetRow>, Passed) {
    let mut passed = Passed::new();
    let mut rows = Vec::new();
    for row in &sheet[bottom + 1..] {
        match import::skip(row) {
            Some(why) => passed.entry(why).or_default().push(row.number),
            None => rows.push(row),
        }
    }
    let last = sheet
        .iter()
        .rev()
        .find(|r| !r.is_blank())
        .map_or(0, |r| r.number);
    if let Some(blank) = passed.get_mut(&Skip::Blank) {
        blank.retain(|row| *row < last);
        if blank.is_empty() {
            passed.remove(&Skip::Blank);
        }
    }
    (rows, passed)
}

/// Where the year of dates written without one comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearFrom {
    Flag,
    /// A title or subtitle row above the header, as written.
    Title(String),
    FileName,
    /// The year of the import (today).
    Today,
}

/// The year of dates written without one (`3月12日`) and where it comes
/// from: `--year`, else a year in the rows above the header (the sheet's
/// title or subtitle), else in the file's name, else today's.
pub fn sheet_year(ctx: &Ctx, args: &Args, above: &[SheetRow], file: &str) -> (i16, YearFrom) {
    if let Some(year) = args.year {
        return (year, YearFrom::Flag);
    }
    let titled = above
        .iter()
        .flat_map(|row| row.cells.iter().filter_map(|c| c.as_text()))
        .find_map(|text| year_in(&text).map(|year| (year, text)));
    if let Some((year, text)) = titled {
        return (year, YearFrom::Title(text));
    }
    match year_in(file) {
        Some(year) => (year, YearFrom::FileName),
        None => (ctx.today.year(), YearFrom::Today),
    }
}

/// The rows with a date written without its year, for the note saying
/// which year they were read in (none when `--year` gave it).
pub fn rows_lacking_year(rows: &[&SheetRow], from: &YearFrom) -> Vec<usize> {
    if *from == YearFrom::Flag {
        return Vec::new();
    }
    rows.iter()
        .filter(|row| row.cells.iter().any(lacks_year))
        .map(|row| row.number)
        .collect()
}
