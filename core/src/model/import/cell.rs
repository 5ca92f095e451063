//! One cell of a spreadsheet and how its value is read: text, numbers and
//! the many ways offices write a date (`2026/11/1`, `2026年11月1日`,
//! `11月1日`, an Excel serial number, a real date cell).

use jiff::ToSpan;
use jiff::civil::Date;

/// A cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell (Excel stores dates typed as numbers this way too).
    Number(f64),
    /// A real date cell of an xlsx file.
    Date(Date),
}

impl Cell {
    /// A text cell, or `Empty` for blank text.
    pub fn text(text: &str) -> Cell {
        if text.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless `.0`, dates as
    /// `YYYY-MM-DD`; `None` when empty.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Cell::Number(n) => Some(n.to_string()),
            Cell::Date(d) => Some(d.to_string()),
        }
    }
}

/// A row of the spreadsheet with its number as the spreadsheet shows it
/// (the first row is 1).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A row of text cells numbered `number`, as the unit tests of sheet
/// readers build them.
#[cfg(test)]
pub fn texts(number: usize, cells: &[&str]) -> SheetRow {
    SheetRow {
        number,
        cells: cells.iter().map(|c| Cell::text(c)).collect(),
    }
}

impl SheetRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    /// The cell in column `index` (0-based), empty past the row's end.
    pub fn cell(&self, index: usize) -> &Cell {
        const EMPTY: &Cell = &Cell::Empty;
        self.cells.get(index).unwrap_or(EMPTY)
    }
}

/// Why a cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateIssue {
    /// Not a date in any form we know.
    Unreadable,
    /// `11月1日` with no year from `--year` or the file.
    NoYear,
}

/// The first Excel serial day we take for a date (1900-03-01 as 61) and
/// the last (9999-12-31): numbers outside are not dates.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 61.0..=2_958_465.0;

/// Reads a date cell. `year` completes a date written without one
/// (`11月1日`).
pub fn date(cell: &Cell, year: Option<i16>) -> Result<Option<Date>, DateIssue> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => number_date(*n).map(Some).ok_or(DateIssue::Unreadable),
        Cell::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text_date(text, year).map(Some)
        }
    }
}

/// An Excel serial day (days since 1899-12-30, the 1900 system) or a
/// number written as `20261101`.
fn number_date(n: f64) -> Option<Date> {
    if (19_000_101.0..=29_991_231.0).contains(&n) && n.fract() == 0.0 {
        let n = n as i64;
        return Date::new(
            (n / 10_000) as i16,
            ((n / 100) % 100) as i8,
            (n % 100) as i8,
        )
        .ok();
    }
    if !SERIAL_RANGE.contains(&n) {
        return None;
    }
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch.checked_add((n.floor() as i64).days()).ok()
}

/// `2026-11-01`, `2026/11/1`, `2026.11.1`, `2026年11月1日`, `11月1日`,
/// `11/1`, a time after the date (`2026-11-01 09:30`), digits alone as a
/// serial day or `20261101`.
fn text_date(text: &str, year: Option<i16>) -> Result<Date, DateIssue> {
    let day_part = text
        .split([' ', 'T', '\u{3000}'])
        .next()
        .unwrap_or(text)
        .trim_end_matches(['日', '号']);
    if !day_part.is_empty() && day_part.chars().all(|c| c.is_ascii_digit()) {
        let n: f64 = day_part.parse().map_err(|_| DateIssue::Unreadable)?;
        return number_date(n).ok_or(DateIssue::Unreadable);
    }
    let normal: String = day_part
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' | '－' | '／' | '．' => '-',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = normal.split('-').map(str::trim).collect();
    let number = |s: &str, max_len: usize| -> Result<i64, DateIssue> {
        if s.is_empty() || s.len() > max_len || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateIssue::Unreadable);
        }
        s.parse().map_err(|_| DateIssue::Unreadable)
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y, 4)?, number(m, 2)?, number(d, 2)?),
        [m, d] => {
            let (m, d) = (number(m, 2)?, number(d, 2)?);
            let y = year.ok_or(DateIssue::NoYear)?;
            (i64::from(y), m, d)
        }
        _ => return Err(DateIssue::Unreadable),
    };
    Date::new(y as i16, m as i8, d as i8).map_err(|_| DateIssue::Unreadable)
}

/// A cell that is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotACount;

/// Reads a count (份数, 页数): `3`, `3份`, `12页`.
pub fn count(cell: &Cell) -> Result<Option<u32>, NotACount> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX) => {
            Ok(Some(*n as u32))
        }
        Cell::Number(_) | Cell::Date(_) => Err(NotACount),
        Cell::Text(t) => {
            let t = t
                .trim()
                .trim_end_matches(['份', '页', '张', '本', '册'])
                .trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse().map(Some).map_err(|_| NotACount)
        }
    }
}

/// A year written in a title row or a file name (`2026年收文登记簿`).
pub fn year_in(text: &str) -> Option<i16> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let before = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: i16 = w.iter().collect::<String>().parse().ok()?;
        (digits && before && after && (1950..=2100).contains(&year)).then_some(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn every_date_form_offices_write() {
        let text = |s: &str| date(&Cell::text(s), None);
        for form in [
            "2026-11-01",
            "2026/11/1",
            "2026.11.1",
            "2026年11月1日",
            "2026年11月01日",
            "2026-11-01 09:30",
            "20261101",
            "46327",
        ] {
            assert_eq!(text(form), Ok(Some(d(2026, 11, 1))), "{form}");
        }
        assert_eq!(
            date(&Cell::text("11月1日"), Some(2025)),
            Ok(Some(d(2025, 11, 1)))
        );
        assert_eq!(date(&Cell::text("11月1日"), None), Err(DateIssue::NoYear));
        assert_eq!(date(&Cell::Number(46327.0), None), Ok(Some(d(2026, 11, 1))));
        assert_eq!(
            date(&Cell::Number(46327.75), None),
            Ok(Some(d(2026, 11, 1)))
        );
        assert_eq!(
            date(&Cell::Date(d(2026, 2, 3)), None),
            Ok(Some(d(2026, 2, 3)))
        );
        assert_eq!(date(&Cell::Empty, None), Ok(None));
        for bad in [
            "下月",
            "2026-13-01",
            "2026-02-30",
            "1.5.6",
            "11月",
            "26/11/1",
        ] {
            assert_eq!(text(bad), Err(DateIssue::Unreadable), "{bad}");
        }
    }

    #[test]
    fn counts_and_years() {
        assert_eq!(count(&Cell::text("3份")), Ok(Some(3)));
        assert_eq!(count(&Cell::Number(12.0)), Ok(Some(12)));
        assert_eq!(count(&Cell::text("三")), Err(NotACount));
        assert_eq!(year_in("2025年收文登记簿"), Some(2025));
        assert_eq!(year_in("收文登记簿（12345）"), None);
        assert_eq!(year_in("督办台账-2026.csv"), Some(2026));
    }
}
