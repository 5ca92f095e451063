//! The mark that keeps a spreadsheet from taking a CSV cell for a
//! formula, and its removal when the CSV is read back (docs/export.md).
//!
//! Excel, WPS and LibreOffice evaluate a CSV cell that begins with `=`,
//! `+`, `-` or `@` (and some a tab or a carriage return before one), so a
//! title such as `=HYPERLINK("http://…","点我")` typed by anyone who can
//! register a paper would run in the clerk's spreadsheet. Every CSV the
//! program writes puts an apostrophe before such a cell, as OWASP advises
//! ("CSV injection"); spreadsheets then show it as text. `import` takes
//! the apostrophe off again, so an export imports back to exactly what
//! was exported.
//!
//! The rule is one function each way and they are exact inverses:
//! [`guard`] marks a cell when it begins with one of those characters
//! after any apostrophes of its own (so `'=x`, which the reader would
//! otherwise unmark, is marked too), and [`unguard`] removes one
//! apostrophe only from a cell that [`guard`] would have marked. A plain
//! number (`-3`, `-0.5`) is left alone: a spreadsheet reads it as the
//! number it is, never as a formula, and sums of a money column still
//! work.
//!
//! Here, in the core, because both sides must agree: the command line's
//! CSV writer marks, the import's text-sheet reader unmarks.

use std::borrow::Cow;

/// The apostrophe put before a cell a spreadsheet would evaluate.
pub const MARK: char = '\'';

/// The characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as a CSV must hold it: with [`MARK`] before it when a
/// spreadsheet would evaluate it.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if needs_mark(cell) {
        Cow::Owned(format!("{MARK}{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`guard`]: one [`MARK`] fewer when `guard`
/// put it there, else the cell as it is.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix(MARK) {
        Some(rest) if needs_mark(rest) => rest,
        _ => cell,
    }
}

/// Whether a spreadsheet would take `cell` for a formula, or `unguard`
/// would take a mark off it.
fn needs_mark(cell: &str) -> bool {
    let after_marks = cell.trim_start_matches(MARK);
    after_marks.starts_with(TRIGGERS) && !is_plain_number(cell)
}

/// `-3`, `-0.5`, `12`: digits with one optional minus before them and
/// one optional decimal point between them, as numbers are written out.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_marked_and_numbers_and_text_are_not() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            (
                "=HYPERLINK(\"http://evil.example/x\",\"点我\")",
                "'=HYPERLINK(\"http://evil.example/x\",\"点我\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("-", "'-"),
            ("'=1+1", "''=1+1"),
            ("''-2", "'''-2"),
            ("-3", "-3"),
            ("-0.5", "-0.5"),
            ("2026-11-23", "2026-11-23"),
            ("关于=的通知", "关于=的通知"),
            ("'引号'", "'引号'"),
            ("", ""),
        ] {
            assert_eq!(guard(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn unguard_undoes_guard_exactly() {
        for cell in [
            "=1+1", "'=1+1", "''=1+1", "-2+3", "-3", "'-3", "-3.", "-.5", "'abc", "'", "''", "@",
            "+", "a", "", "\t", "'\t", "-1e3", "- 3",
        ] {
            assert_eq!(unguard(&guard(cell)), cell, "{cell:?}");
        }
        // A cell a person typed with an apostrophe of their own keeps it.
        assert_eq!(unguard("'abc"), "'abc");
        assert_eq!(unguard("'-3"), "'-3");
    }
}
