//! One cell of a spreadsheet and how its value is read: text, numbers
//! (`3份`, `１`), the many ways offices write a date (`2026/11/1`,
//! `2026年11月1日`, `11月1日`, `２０２６－１２－０１`, an Excel serial
//! number, a real date cell) and a moment (`2026年1月6日9时30分`).

use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time};

/// A cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell (Excel stores dates typed as numbers this way too).
    Number(f64),
    /// A real date cell of a workbook.
    Date(Date),
    /// A real date cell holding a time of day too.
    DateTime(DateTime),
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
            Cell::DateTime(dt) => Some(dt.strftime("%Y-%m-%d %H:%M").to_string()),
        }
    }
}

/// Text as a Chinese keyboard may give it, with the ASCII a parser
/// expects: full-width digits, letters and punctuation (`２０２６－１２－０１`,
/// `１：３０`) made half-width and the ideographic space a space. Only
/// for reading numbers and dates: a title keeps its own `（）` and `，`.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
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
        Cell::DateTime(dt) => Ok(Some(dt.date())),
        Cell::Number(n) => number_date(*n).map(Some).ok_or(DateIssue::Unreadable),
        Cell::Text(text) => {
            let text = half_width(text);
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text_date(text, year).map(Some)
        }
    }
}

/// Whether a cell holds a date written without its year (`3月12日`,
/// `11/1`), which `date` completes with the year it is given.
pub fn lacks_year(cell: &Cell) -> bool {
    match cell {
        Cell::Text(text) => {
            let text = half_width(text);
            let (day, _) = split_moment(text.trim());
            text_date(day, None) == Err(DateIssue::NoYear)
        }
        _ => false,
    }
}

/// A date with the time of day when the cell gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellMoment {
    pub date: Date,
    pub time: Option<Time>,
}

/// Reads a moment, to the minute: a date cell (with its time when it has
/// one), an Excel serial with a fraction of a day (`46027.395833`), or
/// text: a date as [`date`] reads it followed by a time (`2026-01-06
/// 09:30`, `2026/1/6 9:30`, `2026-01-06T09:30`, `2026年1月6日9时30分`,
/// `2026年1月6日 9点`, `１月６日 ９：３０`). Seconds are dropped.
pub fn moment(cell: &Cell, year: Option<i16>) -> Result<Option<CellMoment>, DateIssue> {
    let at = |date: Date, time: Option<Time>| Ok(Some(CellMoment { date, time }));
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => at(*d, None),
        Cell::DateTime(dt) => at(dt.date(), Some(minute(dt.time()))),
        Cell::Number(n) => {
            let date = number_date(*n).ok_or(DateIssue::Unreadable)?;
            let minutes = (n.fract() * 1440.0).round() as i64;
            let time = (minutes > 0 && minutes < 1440 && *n < 19_000_101.0)
                .then(|| Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).ok())
                .flatten();
            at(date, time)
        }
        Cell::Text(text) => {
            let text = half_width(text);
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            let (day, time) = split_moment(text);
            let date = text_date(day, year)?;
            match time {
                "" => at(date, None),
                time => at(date, Some(clock(time).ok_or(DateIssue::Unreadable)?)),
            }
        }
    }
}

/// A time to the minute.
fn minute(time: Time) -> Time {
    time.with()
        .second(0)
        .subsec_nanosecond(0)
        .build()
        .unwrap_or(time)
}

/// Splits `2026年1月6日9时30分` or `2026-01-06 09:30` into its day and its
/// time (empty when there is none).
fn split_moment(text: &str) -> (&str, &str) {
    if let Some(at) = text.find(['日', '号']) {
        let end = at + '日'.len_utf8();
        return (&text[..end], text[end..].trim());
    }
    match text.split_once([' ', 'T']) {
        Some((day, time)) => (day, time.trim()),
        None => (text, ""),
    }
}

/// A time of day: `9:30`, `09:30:15`, `9时30分`, `9时`, `9点30`, `9点半`,
/// with 上午/下午 before it.
fn clock(text: &str) -> Option<Time> {
    let (afternoon, text) = match text.trim() {
        t if t.starts_with("下午") || t.starts_with("晚上") => (true, &t[6..]),
        t if t.starts_with("上午") || t.starts_with("早上") => (false, &t[6..]),
        t => (false, t),
    };
    let text = text.trim().replace('半', "30");
    let parts: Vec<&str> = text
        .split([':', '时', '点', '分', '秒'])
        .map(str::trim)
        .collect();
    let number = |s: &&str| -> Option<i8> {
        (!s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (hour, minute) = match parts.as_slice() {
        [h] | [h, ""] | [h, "", ""] => (number(h)?, 0),
        [h, m, rest @ ..] if rest.iter().all(|r| r.is_empty() || number(r).is_some()) => {
            (number(h)?, number(m)?)
        }
        _ => return None,
    };
    let hour = if afternoon && hour < 12 {
        hour + 12
    } else {
        hour
    };
    Time::new(hour, minute, 0, 0).ok()
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
    let day_part = split_moment(text).0.trim_end_matches(['日', '号']);
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

/// Reads a count (份数, 页数): `3`, `3份`, `12页`, `１`.
pub fn count(cell: &Cell) -> Result<Option<u32>, NotACount> {
    match number(cell)? {
        None => Ok(None),
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(Some(n as u32)),
        Some(_) => Err(NotACount),
    }
}

/// The units clerks write after a number (`1份`, `3页`, `2人`, `5次`,
/// `1,200元`): what the column's header already says.
const UNITS: &[char] = &[
    '份', '页', '张', '本', '册', '件', '人', '名', '次', '个', '套', '枚', '盒', '箱', '台', '辆',
    '天', '日', '元', '号', '位', '卷', '袋', '封', '部', '只', '把',
];

/// Reads a number as clerks type it: a number cell, or text with
/// full-width digits, thousands separators and one unit after it
/// (`1份`, `２人`, `1,200元`, `3.5`).
pub fn number(cell: &Cell) -> Result<Option<f64>, NotACount> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Date(_) | Cell::DateTime(_) => Err(NotACount),
        Cell::Text(t) => {
            let t = half_width(t);
            let t = t.trim();
            let t = t.strip_suffix(UNITS).unwrap_or(t).trim();
            if t.is_empty() {
                return Ok(None);
            }
            let digits: String = t.chars().filter(|c| !matches!(c, ',' | '，')).collect();
            let plain = digits
                .chars()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'));
            match digits.parse::<f64>() {
                Ok(n) if plain && n.is_finite() => Ok(Some(n)),
                _ => Err(NotACount),
            }
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

    #[test]
    fn full_width_forms_and_numbers_with_units() {
        let text = |s: &str| date(&Cell::text(s), Some(2026));
        assert_eq!(text("２０２６年５月８日"), Ok(Some(d(2026, 5, 8))));
        assert_eq!(text("２０２６－１２－０１"), Ok(Some(d(2026, 12, 1))));
        assert_eq!(text("2026-2-3"), Ok(Some(d(2026, 2, 3))));
        assert_eq!(text("３月１２日"), Ok(Some(d(2026, 3, 12))));
        assert!(lacks_year(&Cell::text("3月12日")));
        assert!(!lacks_year(&Cell::text("2026年3月12日")));
        for (form, n) in [
            ("1份", 1.0),
            ("３页", 3.0),
            ("2人", 2.0),
            ("１", 1.0),
            ("1,200元", 1200.0),
        ] {
            assert_eq!(number(&Cell::text(form)), Ok(Some(n)), "{form}");
        }
        assert_eq!(number(&Cell::text("两份")), Err(NotACount));
        assert_eq!(number(&Cell::text("1e3")), Err(NotACount));
        assert_eq!(count(&Cell::text("１２页")), Ok(Some(12)));
    }

    #[test]
    fn moments_to_the_minute() {
        let at = |h: i8, m: i8| Some(Time::new(h, m, 0, 0).unwrap());
        let moment_of = |s: &str| moment(&Cell::text(s), Some(2026));
        for form in [
            "2026-01-06 09:30",
            "2026/1/6 9:30",
            "2026-01-06T09:30:45",
            "2026年1月6日9时30分",
            "2026年1月6日 9点30",
            "２０２６年１月６日　９：３０",
            "1月6日上午9:30",
        ] {
            let got = moment_of(form).unwrap().unwrap();
            assert_eq!((got.date, got.time), (d(2026, 1, 6), at(9, 30)), "{form}");
        }
        let afternoon = moment_of("2026年1月6日下午3点半").unwrap().unwrap();
        assert_eq!(afternoon.time, at(15, 30));
        assert_eq!(moment_of("2026-01-06").unwrap().unwrap().time, None);
        assert_eq!(moment_of("2026-01-06 25:00"), Err(DateIssue::Unreadable));
        let serial = moment(&Cell::Number(46_028.395_833_3), None)
            .unwrap()
            .unwrap();
        assert_eq!((serial.date, serial.time), (d(2026, 1, 6), at(9, 30)));
        let cell = Cell::DateTime(d(2026, 1, 6).at(9, 30, 15, 0));
        assert_eq!(moment(&cell, None).unwrap().unwrap().time, at(9, 30));
    }
}
