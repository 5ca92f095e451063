//! How much of a spreadsheet is read: a file that claims more is refused
//! with the limit it passed, before it is parsed, never by running out of
//! memory. An xlsx or ods file is a zip archive whose parts may unpack to a
//! thousand times their size (2 MB of zeros become 2 GB), and a sheet may
//! name row 50,000,000 in a few bytes; both are checked.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use crate::store::error::{Error, Result, SheetLimit};

/// The largest file read (a register of 100,000 rows is a few tens of MiB).
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// The most a workbook's parts may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 200 << 20;
/// The most rows a sheet may have (the last row number read).
pub const MAX_ROWS: usize = 1_000_000;
/// The most cells kept for a sheet (rows times their width): what bounds
/// the memory of a sheet whose rows each name a far column.
pub const MAX_CELLS: usize = 20_000_000;

/// A file of at most [`MAX_FILE_BYTES`], read whole.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return Err(Error::SheetTooLarge {
            path: path.to_path_buf(),
            limit_mib: MAX_FILE_BYTES >> 20,
        });
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn exceeded(path: &Path, limit: SheetLimit) -> Error {
    Error::SheetLimit {
        path: path.to_path_buf(),
        limit,
    }
}

/// Checks that the zip archive's parts unpack to at most
/// [`MAX_UNPACKED_BYTES`]: first the sizes its directory declares, then
/// the bytes each part really unpacks to (a directory may lie), counted
/// while they are thrown away and stopped at the limit.
pub fn check_zip(path: &Path, file: impl Read + Seek) -> Result<()> {
    let too_big = || exceeded(path, SheetLimit::Unpacked(MAX_UNPACKED_BYTES));
    let unreadable = |e: zip::result::ZipError| Error::Sheet {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(file).map_err(unreadable)?;
    let mut declared: u64 = 0;
    for index in 0..zip.len() {
        let part = zip.by_index_raw(index).map_err(unreadable)?;
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(too_big());
    }
    let mut left = MAX_UNPACKED_BYTES;
    for index in 0..zip.len() {
        let part = zip.by_index(index).map_err(unreadable)?;
        let read = std::io::copy(&mut part.take(left + 1), &mut std::io::sink())
            .map_err(|e| Error::io(path, e))?;
        if read > left {
            return Err(too_big());
        }
        left -= read;
    }
    Ok(())
}

/// Counts the rows and cells of a sheet as they are read.
pub struct Tally {
    path: PathBuf,
    cells: usize,
}

impl Tally {
    pub fn new(path: &Path) -> Tally {
        Tally {
            path: path.to_path_buf(),
            cells: 0,
        }
    }

    /// A cell of row `number` (from 1) is met.
    pub fn reach(&self, number: usize) -> Result<()> {
        if number > MAX_ROWS {
            return Err(exceeded(&self.path, SheetLimit::Rows(MAX_ROWS)));
        }
        Ok(())
    }

    /// Row `number` (from 1), `width` cells wide, is about to be kept.
    pub fn row(&mut self, number: usize, width: usize) -> Result<()> {
        self.reach(number)?;
        self.cells = self.cells.saturating_add(width.max(1));
        if self.cells > MAX_CELLS {
            return Err(exceeded(&self.path, SheetLimit::Cells(MAX_CELLS)));
        }
        Ok(())
    }
}
