//! The one CSV writer: every CSV the program prints or exports (`-o csv`
//! of every command, `export csv`) is written here, so that each is safe
//! to open in a spreadsheet (docs/export.md).
//!
//! - A cell a spreadsheet would evaluate as a formula (`=…`, `+…`, `-…`,
//!   `@…`) gets an apostrophe before it ([`formula::guard`]); `import`
//!   takes it off again.
//! - A cell is quoted when it holds a comma, a quote or a line break, as
//!   RFC 4180 has it, and also when it holds a semicolon or a tab: a
//!   spreadsheet set to split on those (as Excel is in many locales, and
//!   LibreOffice when asked) would otherwise cut `说明;=1+1` into two
//!   cells, the second a formula the mark never saw.
//!
//! Written by hand rather than with the `csv` crate's writer, which
//! decides quoting itself and cannot be asked to quote those two
//! characters; the rules above are all there is to it. Lines end in
//! `\n`, as before.

use std::fmt::Write;

use taizhang_core::model::import::formula;

/// CSV of a header row and `rows` of cells.
pub fn write<H, R, C>(headers: &[H], rows: impl IntoIterator<Item = R>) -> String
where
    H: AsRef<str>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = String::new();
    line(&mut out, headers);
    for row in rows {
        line(&mut out, row);
    }
    out
}

/// One record and its line end.
fn line<C: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = C>) {
    let mut count = 0;
    let start = out.len();
    for cell in cells {
        if count > 0 {
            out.push(',');
        }
        field(out, &formula::guard(cell.as_ref()));
        count += 1;
    }
    // A line of one empty cell is written `""`: an empty line would be
    // read as no record at all.
    if count == 1 && out.len() == start {
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// One cell, quoted when it must be.
fn field(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r', ';', '\t']) {
        let _ = write!(out, "\"{}\"", cell.replace('"', "\"\""));
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: &[&[&str]]) -> String {
        write(rows[0], rows[1..].iter().map(|r| r.iter()))
    }

    #[test]
    fn quoted_as_rfc_4180_and_on_semicolons_and_tabs() {
        assert_eq!(
            csv(&[
                &["编号", "标题"],
                &["IN-1", "a,b"],
                &["IN-2", "说 \"引\""],
                &["IN-3", "two\nlines"],
                &["IN-4", "说明;=1+1"],
                &["IN-5", "a\tb"],
                &["IN-6", ""],
            ]),
            "编号,标题\nIN-1,\"a,b\"\nIN-2,\"说 \"\"引\"\"\"\nIN-3,\"two\nlines\"\n\
             IN-4,\"说明;=1+1\"\nIN-5,\"a\tb\"\nIN-6,\n"
        );
    }

    #[test]
    fn formula_cells_are_marked_wherever_they_are() {
        assert_eq!(
            csv(&[&["=head"], &["=1+1"], &["-3"], &[""]]),
            "'=head\n'=1+1\n-3\n\"\"\n"
        );
        assert_eq!(
            csv(&[&["a", "b"], &["@SUM(1+1)", "\t=1"]]),
            "a,b\n'@SUM(1+1),\"'\t=1\"\n"
        );
    }

    /// What is written reads back, through the `csv` crate and the
    /// import's unmarking, as the cells that went in.
    #[test]
    fn what_is_written_reads_back_as_it_was() {
        let cells = [
            "=HYPERLINK(\"http://evil.example/x\",\"点我\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "'=1+1",
            "a;b",
            "x\r\ny",
            "-3",
        ];
        let text = write(&["h"; 7], [cells.iter()]);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = row.iter().map(formula::unguard).collect();
        assert_eq!(read, cells);
    }
}
