//! Reading a spreadsheet to import into rows of cells: a workbook (xlsx,
//! xls, ods) or a text sheet (CSV or TSV in UTF-8, UTF-16 or GB18030,
//! separated by commas, tabs or semicolons), whichever the file's bytes
//! are. Bounded: see [`limit`].
//!
//! Only reads the file it is given; never the register.

mod book;
pub mod limit;
mod text;

use std::path::{Path, PathBuf};

pub use book::BookKind;
use book::Workbook;

use crate::model::import::SheetRow;
use crate::store::error::{Error, Result};

/// The format a clerk names. The file's own bytes decide how it is read
/// (an xls file called `.xlsx`, an xlsx file saved by WPS, TSV given as
/// `csv` all read); the name only says what is expected: a workbook
/// format refuses a file that is not a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A text sheet, or a workbook if the file is one.
    Text,
    /// A workbook (xlsx, xls, ods): refused if the file is not one.
    Workbook,
    /// Whatever the file is.
    Auto,
}

/// A file to import, opened: a workbook or the rows of a text sheet.
pub struct Opened {
    path: PathBuf,
    source: Source,
}

enum Source {
    Text(Vec<SheetRow>),
    Book(Box<Workbook>, BookKind),
}

/// Opens the file at `path` as `format` says: the file is read whole (at
/// most [`limit::MAX_FILE_BYTES`]), a text sheet parsed at once, a
/// workbook checked and opened.
pub fn open(path: &Path, format: Format) -> Result<Opened> {
    let bytes = limit::read_file(path)?;
    let source = match (book::kind_of(&bytes), format) {
        (Some(kind), _) => Source::Book(Box::new(Workbook::open(path, bytes, kind)?), kind),
        (None, Format::Workbook) => {
            return Err(Error::Sheet {
                path: path.to_path_buf(),
                message: "not an xlsx, xls or ods workbook".into(),
            });
        }
        (None, Format::Text | Format::Auto) => Source::Text(text::rows(path, &bytes)?),
    };
    Ok(Opened {
        path: path.to_path_buf(),
        source,
    })
}

impl Opened {
    /// The workbook's kind; `None` for a text sheet.
    pub fn book_kind(&self) -> Option<BookKind> {
        match &self.source {
            Source::Text(_) => None,
            Source::Book(_, kind) => Some(*kind),
        }
    }

    /// The names of the sheets, in the workbook's order (one, unnamed,
    /// for a text sheet).
    pub fn sheet_names(&self) -> Vec<String> {
        match &self.source {
            Source::Text(_) => vec![String::new()],
            Source::Book(book, _) => book.sheet_names(),
        }
    }

    /// The sheet whose name is `wanted` (compared without surrounding
    /// spaces), as named in the workbook.
    pub fn sheet_named(&self, wanted: &str) -> Result<String> {
        let names = self.sheet_names();
        names
            .iter()
            .find(|n| n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| Error::NoSuchSheet {
                path: self.path.clone(),
                name: wanted.to_string(),
                known: names.clone(),
            })
    }

    /// The rows of sheet `name` (any name for a text sheet, whose rows
    /// are handed over once).
    pub fn rows(&mut self, name: &str) -> Result<Vec<SheetRow>> {
        match &mut self.source {
            Source::Text(rows) => Ok(std::mem::take(rows)),
            Source::Book(book, _) => book.rows(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_say_what_a_file_is() {
        assert_eq!(book::kind_of(b"a,b\n1,2\n"), None);
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(book::kind_of(&ole), Some(BookKind::Xls));
        let zip = |part: &str| {
            let mut out = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut out);
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            zip.start_file(part, stored).unwrap();
            zip.finish().unwrap();
            out.into_inner()
        };
        assert_eq!(book::kind_of(&zip("xl/workbook.xml")), Some(BookKind::Xlsx));
        assert_eq!(book::kind_of(&zip("content.xml")), Some(BookKind::Ods));
        assert_eq!(book::kind_of(&zip("word/document.xml")), None);
    }

    #[test]
    fn a_text_file_is_no_workbook() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.xlsx");
        std::fs::write(&path, "标题,日期\n").unwrap();
        assert!(matches!(
            open(&path, Format::Workbook),
            Err(Error::Sheet { .. })
        ));
        let mut opened = open(&path, Format::Auto).unwrap();
        assert_eq!(opened.book_kind(), None);
        assert_eq!(opened.rows("").unwrap().len(), 1);
    }
}
