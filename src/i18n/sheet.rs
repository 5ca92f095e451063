//! The words of reading a sheet to import: the rows passed over, the
//! year of dates without one, the sheet chosen, a header not found, and
//! the dry run's preview; both languages side by side.

use super::{Lang, say};
use taizhang_core::model::import::Skip;

/// Row numbers as a list: `6、7、9` / `6, 7, 9`.
fn numbers(l: Lang, rows: &[usize]) -> String {
    rows.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(l.list_separator())
}

/// One kind of row passed over, with its rows: `2 total rows (7, 12)`.
pub fn passed(l: Lang, why: Skip, rows: &[usize]) -> String {
    let (n, list) = (rows.len(), numbers(l, rows));
    match why {
        Skip::Blank => say!(l, "{n} blank rows ({list})", "空行 {n} 行（第{list}行）"),
        Skip::Total => say!(l, "{n} total rows ({list})", "合计行 {n} 行（第{list}行）"),
        Skip::Note => say!(
            l,
            "{n} footnote rows ({list})",
            "注释行 {n} 行（第{list}行）"
        ),
        Skip::Signature => say!(
            l,
            "{n} signature rows ({list})",
            "签名行 {n} 行（第{list}行）"
        ),
    }
}

/// What `import` says about the rows below the header it passed over,
/// once per kind of row; `None` when there were none.
pub fn skipped_rows<'a>(
    l: Lang,
    passed_over: impl IntoIterator<Item = (&'a Skip, &'a Vec<usize>)>,
) -> Option<String> {
    let parts: Vec<String> = passed_over
        .into_iter()
        .map(|(why, rows)| passed(l, *why, rows))
        .collect();
    if parts.is_empty() {
        return None;
    }
    let parts = parts.join(l.comma());
    Some(say!(l, "skipped {parts}", "已跳过{parts}"))
}

/// Where the year of dates written without one came from.
pub enum YearSource<'a> {
    Title(&'a str),
    FileName(&'a str),
    Today,
}

/// Dates written without their year, and the year they were read in.
pub fn year_note(l: Lang, year: i16, from: YearSource, rows: &[usize]) -> String {
    let list = numbers(l, rows);
    let source = match from {
        YearSource::Title(title) => say!(l, "from the title '{title}'", "取自标题“{title}”"),
        YearSource::FileName(file) => say!(l, "from the file name {file}", "取自文件名 {file}"),
        YearSource::Today => say!(l, "this year", "即今年"),
    };
    say!(
        l,
        "dates without a year on rows {list} were read in {year} ({source}); give another with --year",
        "第{list}行的日期没有年份，按 {year} 年读取（{source}）；如不对请用 --year 指定"
    )
}

/// The header was found on a sheet other than the first.
pub fn other_sheet(l: Lang, chosen: &str, first: &str) -> String {
    say!(
        l,
        "reading the sheet '{chosen}': the first sheet, '{first}', has no header row (--sheet NAME picks one)",
        "读取工作表“{chosen}”：第一个工作表“{first}”中没有表头行（可用 --sheet 指定）"
    )
}

/// Why no header was found: the rows examined and what they named.
pub fn examined(l: Lang, examined: usize, found: &[(usize, Vec<String>)]) -> String {
    if found.is_empty() {
        return say!(
            l,
            "the top {examined} rows were examined; none names a known column",
            "已查看前{examined}行，没有一行含有可识别的列名"
        );
    }
    let rows: Vec<String> = found
        .iter()
        .map(|(row, labels)| {
            let labels = labels.join(l.list_separator());
            say!(l, "row {row}: {labels}", "第{row}行：{labels}")
        })
        .collect();
    let rows = rows.join(l.semicolon());
    say!(
        l,
        "the top {examined} rows were examined; recognised {rows}",
        "已查看前{examined}行，识别出 {rows}"
    )
}

/// The first line of the preview: the file, its sheet, its header rows.
pub fn preview_heading(l: Lang, file: &str, sheet: Option<&str>, rows: (usize, usize)) -> String {
    let (top, bottom) = rows;
    let rows = if top == bottom {
        say!(l, "header on row {top}", "表头在第{top}行")
    } else {
        say!(
            l,
            "header on rows {top}–{bottom}",
            "表头在第{top}–{bottom}行"
        )
    };
    match sheet {
        Some(sheet) => say!(
            l,
            "{file}, sheet '{sheet}': {rows}",
            "{file}，工作表“{sheet}”：{rows}"
        ),
        None => say!(l, "{file}: {rows}", "{file}：{rows}"),
    }
}

pub fn preview_columns(l: Lang) -> String {
    say!(l, "Columns:", "各列：")
}

pub fn left_out(l: Lang) -> String {
    say!(l, "not imported (--map COLUMN=-)", "不导入（--map 列名=-）")
}

pub fn not_imported(l: Lang) -> String {
    say!(
        l,
        "not imported: no field has this name (--map COLUMN=FIELD)",
        "不导入：没有同名的字段（可用 --map 列名=字段）"
    )
}

pub fn preview_passed(l: Lang) -> String {
    say!(l, "Rows passed over:", "跳过的行：")
}

pub fn preview_rows(l: Lang) -> String {
    say!(l, "First rows as they would be stored:", "前几行将存为：")
}

pub fn row_becomes(l: Lang, row: usize, id: &str) -> String {
    say!(l, "row {row} → {id}", "第{row}行 → {id}")
}

pub fn more_rows(l: Lang, n: usize) -> String {
    say!(l, "… and {n} more rows", "……其余 {n} 行从略")
}

pub fn preview_warnings(l: Lang) -> String {
    say!(l, "Warnings:", "提示：")
}
