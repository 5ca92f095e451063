//! A sheet saved as text: CSV or TSV in whatever encoding an office's
//! Excel or WPS wrote it, with whatever separator.

use std::borrow::Cow;
use std::path::Path;

use super::limit::Tally;
use crate::model::import::{Cell, SheetRow, formula};
use crate::store::error::{Error, Result};

/// Reads a text sheet's bytes into rows, numbered from 1.
pub fn rows(path: &Path, bytes: &[u8]) -> Result<Vec<SheetRow>> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(&text))
        .from_reader(text.as_bytes());
    let mut tally = Tally::new(path);
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::Sheet {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        tally.row(index + 1, record.len())?;
        rows.push(SheetRow {
            number: index + 1,
            // Without the mark our CSV put before what a spreadsheet
            // would evaluate, so an export imports back exactly.
            cells: record
                .iter()
                .map(|cell| Cell::text(formula::unguard(cell)))
                .collect(),
        });
    }
    Ok(rows)
}

/// The text of a file, by its byte-order mark when it has one (UTF-8, or
/// the UTF-16 of Excel's "Unicode text"), else UTF-8 when it is valid,
/// else GB18030 (a superset of the GBK that Chinese Windows writes).
/// UTF-16 without a mark is told by its zero bytes: a sheet's text is
/// mostly ASCII digits and separators, each with a zero byte beside it.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0;
    }
    if let Some(encoding) = unmarked_utf16(bytes) {
        return encoding.decode_without_bom_handling(bytes).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0,
    }
}

/// UTF-16 without a byte-order mark: text in UTF-8 or GB18030 has no
/// zero byte, while the ASCII of a sheet (digits, separators, line ends)
/// in UTF-16 has one beside each character, on the side that tells the
/// byte order.
fn unmarked_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = bytes.chunks_exact(2).take(256);
    let (mut low, mut high) = (0, 0);
    for pair in pairs {
        low += usize::from(pair[1] == 0);
        high += usize::from(pair[0] == 0);
    }
    match (low, high) {
        (l, h) if l >= 2 && l > h => Some(encoding_rs::UTF_16LE),
        (l, h) if h >= 2 && h > l => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// The separator of the first lines: the one of comma, tab and semicolon
/// found most often outside quotes (a comma on a tie, as CSV is the
/// common case). A title with a comma in it is quoted by every program
/// that writes CSV, and a tab-separated file has one tab fewer than its
/// columns on every line.
pub fn separator(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b'\t', b';'];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut lines = 0;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == 50 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(at) = CANDIDATES.iter().position(|c| *c == byte) {
                    counts[at] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], std::cmp::Reverse(*i)));
    CANDIDATES[best.unwrap_or(0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut units: Vec<u16> = text.encode_utf16().collect();
        if bom {
            units.insert(0, 0xFEFF);
        }
        for unit in units {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend(bytes);
        }
        out
    }

    #[test]
    fn every_encoding_offices_save_in() {
        let text = "序号\t来访人\n1\t张三\n";
        assert_eq!(decode(text.as_bytes()), text);
        assert_eq!(decode(format!("\u{feff}{text}").as_bytes()), text);
        for (big, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            assert_eq!(decode(&utf16(text, big, bom)), text, "{big} {bom}");
        }
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gb), text);
    }

    #[test]
    fn the_separator_is_found() {
        assert_eq!(separator("a,b,c\n1,2,3\n"), b',');
        assert_eq!(separator("a\tb\tc\n\"1,5\"\t2\t3\n"), b'\t');
        assert_eq!(separator("a;b;c\n1;2;3\n"), b';');
        assert_eq!(separator("标题\n"), b',');
    }
}
