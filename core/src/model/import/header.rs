//! Where a sheet's header is and which rows below it are not records.
//!
//! Offices head their registers with one to three rows: `来文` spanning
//! 来文单位 and 来文字号, `办理情况` spanning 承办科室, 办理结果 and
//! 归档情况, above the labels. Each column's label is the labels above it
//! from top to bottom (`办理情况·办理结果`); a field is found for the
//! whole label, or for its lower parts (`办理结果`). Below the header,
//! blank rows, 小计/合计 rows, footnotes (`注：…`) and signature rows
//! (`制表：…  审核：…`) are passed over.

use super::{Cell, SheetRow, normal_header};

/// How many rows from the top may stand above the header (titles, the
/// unit's name, a date line).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The most rows a header block has.
const MAX_DEPTH: usize = 3;

/// What joins a parent label to its child's in a column's label.
pub const JOIN: char = '·';

/// A column's label over the header block: its labels from top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label {
    pub parts: Vec<String>,
}

impl Label {
    /// The label as shown: its parts joined (`办理情况·办理结果`).
    pub fn text(&self) -> String {
        self.parts.join(&JOIN.to_string())
    }

    /// The names a field may be found by, most specific first: the whole
    /// label (joined, and run together: `收文`+`日期` is 收文日期), then
    /// the same for its lower parts, down to the lowest alone.
    pub fn names(&self) -> Vec<String> {
        let n = self.parts.len();
        let mut names = Vec::new();
        for from in 0..n {
            let lower = &self.parts[from..];
            names.push(lower.join(&JOIN.to_string()));
            if lower.len() > 1 {
                names.push(lower.concat());
            }
        }
        names
    }

    /// What the column fills: an override (`--map`) for any of its names,
    /// else the first of its names `own` knows. One rule for records and
    /// logbooks alike.
    pub fn resolve<T: Copy>(
        &self,
        overrides: &[(String, T)],
        own: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let names = self.names();
        names
            .iter()
            .find_map(|name| {
                let name = super::normal_header(name);
                overrides
                    .iter()
                    .find(|(column, _)| super::normal_header(column) == name)
                    .map(|(_, found)| *found)
            })
            .or_else(|| names.iter().find_map(|name| own(name)))
    }
}

/// The labels of the columns of the block `rows[top..=bottom]`. A label
/// with empty cells right of it heads those columns too where a lower
/// row has a label (a merged cell read from CSV, or from a workbook whose
/// merges were lost).
pub fn labels(rows: &[SheetRow], top: usize, bottom: usize) -> Vec<Label> {
    let block = &rows[top..=bottom];
    let width = block.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut grid: Vec<Vec<String>> = block
        .iter()
        .map(|row| {
            (0..width)
                .map(|c| {
                    row.cell(c)
                        .as_text()
                        .map(|t| one_line(&t))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    for r in 0..grid.len().saturating_sub(1) {
        for c in 1..width {
            let below = (r + 1..grid.len()).any(|lower| !grid[lower][c].is_empty());
            if grid[r][c].is_empty() && below {
                grid[r][c] = grid[r][c - 1].clone();
            }
        }
    }
    (0..width)
        .map(|c| {
            let mut parts: Vec<String> = Vec::new();
            for row in &grid {
                let text = &row[c];
                if !text.is_empty() && parts.last() != Some(text) {
                    parts.push(text.clone());
                }
            }
            Label { parts }
        })
        .collect()
}

/// A label on one line: a header cell's line breaks and spaces taken out.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect()
}

/// How well a block of header rows names the fields of what is imported.
pub struct Reading<H> {
    pub header: H,
    /// Columns given a field.
    pub mapped: usize,
    /// Whether this is enough to be the header.
    pub enough: bool,
}

/// Finds the header block: the first of the top rows that starts a block
/// of one to three header-like rows whose labels are enough (`read`
/// says); of the blocks starting there, the one that names most columns
/// (a row of data below names none, so it never joins the block).
/// `read(top, bottom, labels)` reads one block.
pub fn find_block<H>(
    rows: &[SheetRow],
    read: impl Fn(usize, usize, &[Label]) -> Reading<H>,
) -> Option<H> {
    let top_rows = rows.len().min(HEADER_SEARCH_ROWS);
    (0..top_rows)
        .filter(|top| header_like(&rows[*top]))
        .find_map(|top| {
            let mut best: Option<Reading<H>> = None;
            for bottom in top..(top + MAX_DEPTH).min(rows.len()) {
                if bottom > top && !header_like(&rows[bottom]) {
                    break;
                }
                let reading = read(top, bottom, &labels(rows, top, bottom));
                let better = best
                    .as_ref()
                    .is_none_or(|b| (reading.enough, reading.mapped) > (b.enough, b.mapped));
                if better {
                    best = Some(reading);
                }
            }
            best.filter(|b| b.enough).map(|b| b.header)
        })
}

/// The top rows and the labels recognised in each (`recognise` says which
/// of its labels names a field), for the error that no header was found.
pub fn recognised(
    rows: &[SheetRow],
    recognise: impl Fn(&Label) -> bool,
) -> (usize, Vec<(usize, Vec<String>)>) {
    let top_rows = &rows[..rows.len().min(HEADER_SEARCH_ROWS)];
    let found = top_rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let known: Vec<String> = labels(rows, index, index)
                .into_iter()
                .filter(|label| recognise(label))
                .map(|label| label.text())
                .collect();
            (!known.is_empty()).then_some((row.number, known))
        })
        .collect();
    (top_rows.len(), found)
}

/// Whether a row may be (part of) a header: text cells only, at least two
/// different ones, and no `填表单位：办公室` (a line saying who filled the
/// sheet in, or when).
fn header_like(row: &SheetRow) -> bool {
    let mut texts: Vec<String> = Vec::new();
    for cell in &row.cells {
        match cell {
            Cell::Empty => {}
            Cell::Text(text) => {
                let text = one_line(text);
                if text.is_empty() {
                    continue;
                }
                if said_by(&text).is_some() {
                    return false;
                }
                if !texts.contains(&text) {
                    texts.push(text);
                }
            }
            Cell::Number(_) | Cell::Date(_) | Cell::DateTime(_) => return false,
        }
    }
    texts.len() >= 2
}

/// `填表人：王丽` → `填表人`: the label of a `label：value` cell.
fn said_by(text: &str) -> Option<&str> {
    let (label, _) = text.split_once(['：', ':'])?;
    let label = label.trim();
    let plain =
        !label.is_empty() && label.chars().count() <= 8 && !label.contains(['(', '（', ')', '）']);
    plain.then_some(label)
}

/// Why a row below the header is passed over without being an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skip {
    Blank,
    /// 合计, 总计, 小计, `三月小计`: a totals row.
    Total,
    /// `注：…`, `说明：…`: a footnote.
    Note,
    /// `制表：王丽  审核：周敏`, `登记人：…`: who filled the sheet in,
    /// checked it, or answers for it.
    Signature,
}

/// Words of a totals row.
const TOTALS: &[&str] = &["合计", "总计", "小计", "共计", "累计", "total", "subtotal"];

/// Labels that start a footnote.
const NOTES: &[&str] = &["注", "说明", "备注", "附注", "填表说明", "note", "notes"];

/// Labels of the people and dates at a sheet's foot.
const SIGNATURES: &[&str] = &[
    "登记人",
    "填表人",
    "填报人",
    "制表",
    "制表人",
    "审核",
    "审核人",
    "负责人",
    "单位负责人",
    "经办人",
    "统计人",
    "复核",
    "复核人",
    "审批人",
    "批准人",
    "监督人",
    "主管领导",
    "分管领导",
    "填表单位",
    "填报单位",
    "填表时间",
    "填表日期",
    "填报日期",
    "制表日期",
    "制表时间",
];

/// Whether a row below the header is passed over, and why.
pub fn skip(row: &SheetRow) -> Option<Skip> {
    if row.is_blank() {
        return Some(Skip::Blank);
    }
    let mut texts: Vec<String> = Vec::new();
    for text in row.cells.iter().filter_map(Cell::as_text) {
        let text = normal_header(&text);
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    let first = texts.first()?.to_lowercase();
    let short = first.chars().count() <= 12;
    if TOTALS
        .iter()
        .any(|word| first.starts_with(word) || (short && first.contains(word)))
    {
        return Some(Skip::Total);
    }
    if texts.len() <= 2 && said_by(&first).is_some_and(|label| NOTES.contains(&label)) {
        return Some(Skip::Note);
    }
    let signed = texts.iter().all(|text| {
        said_by(text).is_some_and(|label| SIGNATURES.contains(&label))
            || SIGNATURES.contains(&text.as_str())
    });
    signed.then_some(Skip::Signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::import::cell::texts as row;

    #[test]
    fn a_parent_label_heads_the_columns_below_it() {
        let rows = vec![
            row(3, &["序号", "来文", "", "文件标题", "办理情况", "", ""]),
            row(
                4,
                &[
                    "",
                    "来文单位",
                    "来文字号",
                    "",
                    "承办科室",
                    "办理结果",
                    "归档情况",
                ],
            ),
        ];
        let texts: Vec<String> = labels(&rows, 0, 1).iter().map(Label::text).collect();
        assert_eq!(
            texts,
            [
                "序号",
                "来文·来文单位",
                "来文·来文字号",
                "文件标题",
                "办理情况·承办科室",
                "办理情况·办理结果",
                "办理情况·归档情况"
            ]
        );
        let label = Label {
            parts: vec!["收文".into(), "日期".into()],
        };
        assert_eq!(label.names(), ["收文·日期", "收文日期", "日期"]);
    }

    #[test]
    fn rows_that_are_not_records() {
        assert_eq!(skip(&row(9, &["", " "])), Some(Skip::Blank));
        assert_eq!(skip(&row(9, &["合 计", "", "12"])), Some(Skip::Total));
        assert_eq!(skip(&row(9, &["", "总计：12件"])), Some(Skip::Total));
        assert_eq!(skip(&row(9, &["三月小计", "", "5"])), Some(Skip::Total));
        assert_eq!(skip(&row(9, &["1", "合计"])), None);
        assert_eq!(
            skip(&row(9, &["注：本表由办公室填写", "注：本表由办公室填写"])),
            Some(Skip::Note)
        );
        assert_eq!(skip(&row(9, &["说明:密件不登记标题"])), Some(Skip::Note));
        assert_eq!(
            skip(&row(9, &["制表：王丽", "", "审核：周敏", "负责人："])),
            Some(Skip::Signature)
        );
        assert_eq!(skip(&row(9, &["登记人：李明"])), Some(Skip::Signature));
        assert_eq!(
            skip(&row(9, &["1", "关于小计和合计口径的通知", "省厅"])),
            None,
            "a title that names totals is a record"
        );
        assert_eq!(skip(&row(9, &["2", "注：关于开会的通知", "省厅"])), None);
    }

    #[test]
    fn who_filled_the_sheet_in_is_no_header() {
        assert!(!header_like(&row(
            2,
            &["填表单位：办公室", "填表时间：2026年11月"]
        )));
        assert!(!header_like(&row(
            1,
            &["2026年收文登记簿", "2026年收文登记簿"]
        )));
        assert!(header_like(&row(3, &["序号", "时间(时:分)"])));
    }
}
