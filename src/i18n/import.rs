//! The words of `import`: each problem of a row, the dry run's lines and
//! the closing note, both languages side by side.

use super::{Lang, say};
use taizhang_core::model::import::rows::{Column, Notice, RowProblem, Trouble};
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::Kind;

/// One problem of one row: `第12行 办结时限：无法识别的日期“下月”`.
pub(super) fn row_problem(l: Lang, kind: Kind, problem: &RowProblem) -> String {
    let row = problem.row;
    let what = trouble(l, &problem.trouble);
    let column = match &problem.column {
        Column::Header(header) => header.clone(),
        Column::Field(field) => l.field_in(kind.keyword(), field.key()).to_string(),
        Column::Key(key) => l.field_in(kind.keyword(), key).to_string(),
        Column::Row => return say!(l, "row {row}: {what}", "第{row}行：{what}"),
    };
    say!(
        l,
        "row {row}, {column}: {what}",
        "第{row}行 {column}：{what}"
    )
}

fn trouble(l: Lang, trouble: &Trouble) -> String {
    use Trouble as T;
    match trouble {
        T::Missing => say!(l, "must not be empty", "不能为空"),
        T::BadTitle(problem) => super::edit::title_problem(l, problem),
        T::Check(note) => l.note(note),
        T::BadDate { input } => say!(
            l,
            "cannot read the date '{input}'",
            "无法识别的日期“{input}”"
        ),
        T::NoYear { input } => say!(
            l,
            "the date '{input}' has no year; give it with --year",
            "日期“{input}”没有年份，请用 --year 指定"
        ),
        T::BadKeyword {
            input,
            what,
            accepted,
        } => {
            let what = l.keyword_set(what);
            let accepted: Vec<String> = accepted
                .iter()
                .map(|(keyword, chinese)| say!(l, "{keyword}", "{chinese}"))
                .collect();
            let accepted = accepted.join(l.list_separator());
            say!(
                l,
                "'{input}' is not a valid {what} (accepted: {accepted})",
                "“{input}”不是有效的{what}（可用值：{accepted}）"
            )
        }
        T::BadCount { input } => say!(l, "'{input}' is not a number", "“{input}”不是数字"),
        T::UnknownUnit { input, known } => {
            let known = known.join(l.list_separator());
            say!(
                l,
                "'{input}' is not a unit of this register (units: {known})",
                "“{input}”不是本台账登记的单位（现有单位：{known}）"
            )
        }
        T::NotAnId { input } => say!(
            l,
            "'{input}' is not a record's ID (such as IN-2026-0006)",
            "“{input}”不是记录编号（如 IN-2026-0006）"
        ),
        T::MissingRecord { id } => say!(
            l,
            "{id} is not in the register; import it first",
            "台账中没有 {id}，请先导入它"
        ),
        T::BadDecisions { input } => say!(
            l,
            "'{input}' is not a list of decisions (one a line: 1. text（lead unit，2026-11-13）)",
            "“{input}”不是议定事项（每行一条：1. 事项内容（牵头单位，2026-11-13））"
        ),
        T::WithheldTitle { input } => say!(
            l,
            "'{input}' is a title export withheld: the sheet does not hold the record; export it again with --show-classified to import it",
            "“{input}”是导出时隐去的标题，表中没有这条记录的内容；请用 --show-classified 重新导出后再导入"
        ),
        T::BadExtensions { input } => say!(
            l,
            "'{input}' is not a list of extensions (one a line: 2026-09-30→2026-11-30 2026-09-24 周敏：reason)",
            "“{input}”不是延期记录（每行一条：2026-09-30→2026-11-30 2026-09-24 周敏：理由）"
        ),
        T::BadMilestones { input } => say!(
            l,
            "'{input}' is not a list of milestones (one a line: 2026-12-10：step, or 2026-12-10 ✓2026-12-09：step when done)",
            "“{input}”不是节点列表（每行一个：2026-12-10：内容，已完成的写 2026-12-10 ✓2026-12-09：内容）"
        ),
        T::BadEvery { input } => say!(
            l,
            "'{input}' is not a repeat rule (week:1-7, month:1-31, quarter:M-D, year:MM-DD)",
            "“{input}”不是重复周期（week:1-7、month:1-31、quarter:M-D、year:MM-DD，或 每月:5 等）"
        ),
        T::DueBeforeAssigned { due, assigned } => say!(
            l,
            "the due date {due} is before the assignment date {assigned}",
            "办结时限 {due} 早于交办日期 {assigned}"
        ),
        T::DeadlineBeforeReceived { deadline, received } => {
            super::edges::deadline_before_received_note(l, *deadline, *received)
        }
        T::ReceivedAfterToday { date, today } => say!(
            l,
            "{date} is after today ({today}): a paper cannot be received in the future",
            "{date} 晚于今天（{today}）：签收时间不能在将来"
        ),
        T::BadTerm(problem) => super::notes::term_problem(l, problem),
        T::NumberTwice { number, row } => say!(
            l,
            "{number} is already the number of row {row}",
            "{number} 与第{row}行的发文字号重复"
        ),
        T::NumberTaken { number, id } => say!(
            l,
            "{number} is already the number of {id}",
            "{number} 已是 {id} 的发文字号"
        ),
    }
}

/// Columns of the sheet no field was found for.
pub fn unused_columns(l: Lang, columns: &[String]) -> String {
    let columns = columns.join(l.list_separator());
    say!(
        l,
        "columns not imported: {columns} (--map COLUMN=FIELD to import one, COLUMN=- to silence this)",
        "未导入的列：{columns}（用 --map 列名=字段 导入，列名=- 不再提示）"
    )
}

/// Rows already in the register that `--skip-existing` left out.
pub fn skipped_existing(l: Lang, rows: &[(usize, String)]) -> String {
    let n = rows.len();
    let list = rows
        .iter()
        .map(|(row, id)| say!(l, "row {row} ({id})", "第{row}行（{id}）"))
        .collect::<Vec<_>>()
        .join(l.list_separator());
    say!(
        l,
        "skipped {n} rows already in the register: {list}",
        "已跳过台账中已有的 {n} 行：{list}"
    )
}

/// The closing line of the dry run.
pub fn dry_run_total(l: Lang, n: usize) -> String {
    say!(
        l,
        "{n} records would be created; nothing was written (dry run)",
        "将新建 {n} 条记录；试运行，未写入任何内容"
    )
}

/// What an import made, on stderr.
pub fn imported(l: Lang, n: usize, file: &str) -> String {
    say!(
        l,
        "imported {n} records from {file}",
        "已从 {file} 导入 {n} 条记录"
    )
}

/// A notice of an import, the status it gave (when it tells one) and the
/// rows it concerns.
pub struct Told {
    pub notice: Notice,
    pub status: Option<String>,
    pub rows: Vec<usize>,
}

/// What an import tells about rows it took as they are, on stderr: each
/// notice once, with the rows it concerns (`第3、7行`).
pub fn notices(l: Lang, kind: Kind, told: &[Told]) -> Vec<String> {
    told.iter()
        .map(|told| {
            let list = row_list(l, &told.rows);
            let what = notice_words(l, kind, &told.notice, told.status.as_deref());
            say!(l, "{list}: {what}", "{list}：{what}")
        })
        .collect()
}

/// Rows as runs (`rows 2–369, 371`), the first few only when there are
/// many: a notice about 5,000 rows stays one readable line.
fn row_list(l: Lang, rows: &[usize]) -> String {
    const SHOWN: usize = 10;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &row in rows {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == row => *end = row,
            _ => runs.push((row, row)),
        }
    }
    let list = runs
        .iter()
        .take(SHOWN)
        .map(|&(start, end)| match end - start {
            0 => start.to_string(),
            1 => format!("{start}{}{end}", l.list_separator()),
            _ => say!(l, "{start}–{end}", "{start}—{end}"),
        })
        .collect::<Vec<_>>()
        .join(l.list_separator());
    let n = rows.len();
    match (n, runs.len() > SHOWN) {
        (1, _) => say!(l, "row {list}", "第{list}行"),
        (_, false) => say!(l, "rows {list}", "第{list}行"),
        (_, true) => say!(
            l,
            "rows {list} … ({n} rows in all)",
            "第{list}…行（共{n}行）"
        ),
    }
}

fn notice_words(l: Lang, kind: Kind, notice: &Notice, status: Option<&str>) -> String {
    match notice {
        Notice::Entry(note) => {
            let note = l.note(note);
            say!(
                l,
                "{note}; imported as history, and check warns of it",
                "{note}；作为历史记录导入，check 将提示此项"
            )
        }
        Notice::CompletedFromRow => say!(
            l,
            "finished (or replied), with no completion date: the latest date of the row was taken",
            "已办结（或已答复）但没有办结日期：取该行最晚的日期"
        ),
        Notice::ArchivedWithoutNumber => say!(
            l,
            "archived, but the sheet gives no archive number (档号): imported as finished",
            "已归档，但表中没有档号：按已办结导入"
        ),
        Notice::ReplyLinkedLater { id } => say!(
            l,
            "the reply's document {id} is not in the register yet: it is linked when the outgoing sheet naming the paper (in reply to) is imported",
            "答复所用的发文 {id} 尚未导入：导入在“答复来文”中写明该来文的发文登记簿时自动关联"
        ),
        Notice::StatusText { column, kept_in } => {
            let kept = l.field_in(kind.keyword(), kept_in.key());
            let status = status.unwrap_or_default();
            say!(
                l,
                "the text in '{column}' is no status: it was kept in '{kept}', and the status taken from the row's other cells: {status}",
                "“{column}”栏的文字不是办理状态：原文记入“{kept}”，状态按该行其他栏定为“{status}”"
            )
        }
    }
}
