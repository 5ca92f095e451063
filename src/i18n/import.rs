//! The words of `import`: each problem of a row, the dry run's lines and
//! the closing note, both languages side by side.

use super::{Lang, say};
use taizhang_core::model::import::rows::{Column, RowProblem, Trouble};
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
        T::Rule(note) => l.note(note),
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
        T::DeadlineNeeded => say!(
            l,
            "an urgent action item needs a deadline",
            "加急、特急的办件必须有办理时限"
        ),
        T::SignerNeeded => say!(
            l,
            "an upward document needs its signer",
            "上行文必须写明签发人"
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
