//! Words of correcting and taking back: `edit`, `undo`, and the rule on
//! titles, both languages side by side.

use super::{Lang, say};
use taizhang_core::model::edit::{EditError, Fixed, ValueProblem};
use taizhang_core::model::title::{TextProblem, TitleProblem};
use taizhang_core::store::undo::{UndoRefusal, Undone};

/// What is wrong with a title, in words.
pub(super) fn title_problem(l: Lang, problem: &TitleProblem) -> String {
    match problem {
        TitleProblem::LineBreak => say!(
            l,
            "a title is one line: it must not hold a line break",
            "标题只能是一行，不能含换行"
        ),
        TitleProblem::Control { code } => say!(
            l,
            "the title holds a control character ({code})",
            "标题含有控制字符（{code}）"
        ),
        TitleProblem::Invisible { code } => say!(
            l,
            "the title holds a character that reorders or hides text ({code})",
            "标题含有会颠倒或隐藏文字的字符（{code}）"
        ),
        TitleProblem::TooLong { chars, limit } => say!(
            l,
            "the title has {chars} characters; at most {limit} are allowed",
            "标题有 {chars} 个字，最多 {limit} 个字"
        ),
    }
}

/// What is wrong with a one-line value or a note, in words.
pub(super) fn text_problem(l: Lang, problem: &TextProblem) -> String {
    match problem {
        TextProblem::LineBreak { code } => say!(
            l,
            "this is one line: it must not hold a line break ({code})",
            "只能是一行，不能含换行（{code}）"
        ),
        TextProblem::Control { code } => say!(
            l,
            "holds a control character ({code})",
            "含有控制字符（{code}）"
        ),
        TextProblem::Invisible { code } => say!(
            l,
            "holds a character that reorders or hides text ({code})",
            "含有会颠倒或隐藏文字的字符（{code}）"
        ),
    }
}

/// A value given to `flag` that breaks the rule on text.
pub(super) fn bad_text(l: Lang, flag: &str, problem: &TextProblem) -> (String, Option<String>) {
    let hint = matches!(problem, TextProblem::LineBreak { .. }).then(|| {
        say!(
            l,
            "names, units, reasons and numbers are one line; notes may run to several lines",
            "姓名、单位、理由、文号等只能是一行；备注等说明性内容可以多行"
        )
    });
    let problem = text_problem(l, problem);
    (say!(l, "{flag}: {problem}", "{flag}：{problem}"), hint)
}

/// A title given to `flag` that breaks the rule.
pub(super) fn bad_title(l: Lang, flag: &str, problem: &TitleProblem) -> (String, Option<String>) {
    let problem = title_problem(l, problem);
    (
        say!(l, "{flag}: {problem}", "{flag}：{problem}"),
        Some(say!(
            l,
            "a title is one line of at most 500 characters; put longer text in the notes",
            "标题为一行，最多500个字；较长的内容请写入备注"
        )),
    )
}

/// Why `edit` could not be done.
pub(super) fn edit_error(l: Lang, error: &EditError) -> (String, Option<String>) {
    use EditError as E;
    match error {
        E::Entry(error) => super::book::book_error(l, error),
        E::NotAssignment { input } => (
            say!(
                l,
                "--set '{input}': write FIELD=VALUE",
                "--set “{input}”：应写作 字段=值"
            ),
            Some(say!(
                l,
                "e.g. --set title=… --set due=+2w; an empty VALUE clears an optional field",
                "例如 `--set title=…`、`--set due=+2w`；值为空表示清除可选字段"
            )),
        ),
        E::UnknownField {
            field,
            kind,
            settable,
        } => {
            let scope = taizhang_core::model::keyword::Keyword::keyword(*kind);
            let kind = l.keyword(*kind);
            let fields: Vec<String> = settable
                .iter()
                .map(|key| {
                    let label = l.field_in(scope, key);
                    say!(l, "{key}", "{label}（`{key}`）")
                })
                .collect();
            let fields = fields.join(l.list_separator());
            (
                say!(
                    l,
                    "--set: {kind} records have no field '{field}'",
                    "--set：{kind}没有字段“{field}”"
                ),
                Some(say!(
                    l,
                    "fields --set can set: {fields}",
                    "可用 --set 修改的字段：{fields}"
                )),
            )
        }
        E::NotSettable { field, why } => {
            let (why, hint) = fixed(l, *why);
            (
                say!(
                    l,
                    "--set: '{field}' cannot be set: {why}",
                    "--set：不能修改 `{field}`：{why}"
                ),
                Some(hint),
            )
        }
        E::Twice { field } => (
            say!(
                l,
                "--set: {field} is set twice",
                "--set：`{field}` 被设置了两次"
            ),
            None,
        ),
        E::BadValue {
            field,
            input,
            problem,
        } => value_problem(l, field, input, problem),
        E::Rejected { id, message } => (
            say!(
                l,
                "{id} cannot take these values ({message}); nothing was written",
                "{id} 无法接受这些值（`{message}`）；未写入任何内容"
            ),
            None,
        ),
        E::IdChanged { from, to } => (
            say!(
                l,
                "the edited copy says id {to}, not {from}: a record's ID never changes; nothing was written",
                "修改稿中的编号是 {to}，不是 {from}：记录的编号不能修改；未写入任何内容"
            ),
            Some(say!(
                l,
                "to number a record anew, register it again and cancel this one",
                "如需换号，请重新登记一条，再撤销这一条"
            )),
        ),
        E::HistoryChanged { id } => (
            say!(
                l,
                "the edited copy of {id} changes its history or creation time, which are never rewritten; nothing was written",
                "{id} 的修改稿改动了办理记录或登记时间，这些不能改写；未写入任何内容"
            ),
            None,
        ),
        E::StatusChanged { id } => (
            say!(
                l,
                "the edited copy of {id} changes its status; nothing was written",
                "{id} 的修改稿改动了办理状态；未写入任何内容"
            ),
            Some(say!(
                l,
                "a status moves only by its steps (done, reopen, cancel, doc …): `taizhang show {id}` lists them",
                "状态只能通过相应步骤改变（`done`、`reopen`、`cancel`、`doc` …）：`taizhang show {id}` 会列出可用步骤"
            )),
        ),
        E::NoEditor => (
            say!(
                l,
                "no editor: neither VISUAL nor EDITOR is set",
                "没有可用的编辑器：未设置 `VISUAL` 或 `EDITOR`"
            ),
            Some(say!(
                l,
                "set one (export EDITOR=nano), or correct fields with --set FIELD=VALUE",
                "请设置编辑器（`export EDITOR=nano`），或用 --set 字段=值 修改"
            )),
        ),
        E::EditorFailed { editor, status } => (
            say!(
                l,
                "the editor '{editor}' failed ({status}); nothing was written",
                "编辑器“{editor}”运行失败（{status}）；未写入任何内容"
            ),
            None,
        ),
        E::ChangedMeanwhile { id, copy } => (
            say!(
                l,
                "{id} was changed by another command while it was being edited; nothing was written",
                "编辑期间 {id} 已被其他命令修改；未写入任何内容"
            ),
            Some(say!(
                l,
                "your edited copy is kept in {copy}; run `taizhang edit {id}` again and carry your changes over",
                "修改稿保存在 {copy}；请重新运行 `taizhang edit {id}` 并把修改誊过去"
            )),
        ),
    }
}

/// The edited copy cannot be read as a record.
pub(super) fn edited_unreadable(
    l: Lang,
    line: usize,
    column: usize,
    problem: &taizhang_core::store::parse::ReadProblem,
) -> (String, Option<String>) {
    let problem = l.problem(problem);
    (
        say!(
            l,
            "the edited copy cannot be read, at line {line}, column {column}: {problem}; nothing was written",
            "修改稿无法读取（第 {line} 行第 {column} 列）：{problem}；未写入任何内容"
        ),
        Some(say!(
            l,
            "the record is as it was; run `taizhang edit` again",
            "记录保持原样；可重新运行 `taizhang edit`"
        )),
    )
}

/// Why a field is fixed, and what to do instead.
fn fixed(l: Lang, why: Fixed) -> (String, String) {
    match why {
        Fixed::Identity => (
            say!(
                l,
                "it is what the record is and when it was made",
                "它标识这条记录及其登记时间"
            ),
            say!(
                l,
                "register the record again if it was wrong",
                "如登记有误，请重新登记"
            ),
        ),
        Fixed::History => (
            say!(
                l,
                "the history is only ever added to",
                "办理记录只能追加，不能改写"
            ),
            say!(
                l,
                "every command adds its own line; `edit` adds one too",
                "每个命令都会追加一行记录，`edit` 也是"
            ),
        ),
        Fixed::Status => (
            say!(
                l,
                "a status moves only by its steps",
                "状态只能通过相应步骤改变"
            ),
            say!(
                l,
                "use the step's command (done, reopen, cancel, doc …); `taizhang show ID` lists them",
                "请用相应命令（`done`、`reopen`、`cancel`、`doc` …）；`taizhang show` 会列出可用步骤"
            ),
        ),
        Fixed::Computed => (
            say!(
                l,
                "it is computed, never stored",
                "它由其他字段算出，不保存"
            ),
            say!(
                l,
                "change the date it is computed from (due, deadline)",
                "请修改据以计算的日期（`due`、`deadline`）"
            ),
        ),
        Fixed::Numbered => (
            say!(
                l,
                "a document number is handed out once and never reused",
                "发文字号一经编出不再更改"
            ),
            say!(
                l,
                "revoke the document (doc revoke) and register it again",
                "请撤销该文（`doc revoke`）后重新登记"
            ),
        ),
        Fixed::Structured => (
            say!(
                l,
                "it has parts, which --set cannot give",
                "它由多项内容组成，不能用 --set 修改"
            ),
            say!(
                l,
                "run `taizhang edit ID` without --set to correct it in your editor",
                "请不带 --set 运行 `taizhang edit` 编号，在编辑器中修改"
            ),
        ),
    }
}

fn value_problem(
    l: Lang,
    field: &str,
    input: &str,
    problem: &ValueProblem,
) -> (String, Option<String>) {
    let flag = format!("--set {field}");
    match problem {
        ValueProblem::Empty => (
            say!(l, "{flag}: must not be empty", "{flag}：不能为空"),
            None,
        ),
        ValueProblem::Date(source) => super::errors::error(
            l,
            &crate::error::Error::BadDate {
                flag: crate::error::Flag::field(flag),
                source: source.clone(),
            },
        ),
        ValueProblem::Keyword(source) => super::errors::error(
            l,
            &crate::error::Error::BadKeyword {
                flag: crate::error::Flag::field(flag),
                source: source.clone(),
            },
        ),
        ValueProblem::Number => (
            say!(
                l,
                "{flag}: '{input}' is not a whole number",
                "{flag}：“{input}”不是整数"
            ),
            None,
        ),
        ValueProblem::Bool => (
            say!(
                l,
                "{flag}: '{input}' is neither yes nor no",
                "{flag}：“{input}”应为 是 或 否"
            ),
            Some(say!(
                l,
                "write true or false (yes/no)",
                "可写 是、否（或 `true`、`false`）"
            )),
        ),
        ValueProblem::Unit { known } => super::errors::core_error(
            l,
            &crate::error::CoreError::UnknownUnit {
                input: input.trim().to_string(),
                known: known.clone(),
            },
        ),
        ValueProblem::Term(problem) => {
            let problem = super::notes::term_problem(l, problem);
            (say!(l, "{flag}: {problem}", "{flag}：{problem}"), None)
        }
        ValueProblem::Title(problem) => bad_title(l, &flag, problem),
    }
}

/// Why `undo` refused.
pub(super) fn undo_refused(l: Lang, refusal: &UndoRefusal) -> (String, Option<String>) {
    use UndoRefusal as R;
    match refusal {
        R::NoGit => (
            say!(
                l,
                "this register is not kept in git: there is no commit to undo",
                "这个台账没有用 git 管理，没有可撤销的提交"
            ),
            Some(say!(
                l,
                "correct the record with `taizhang edit` or the command for the step",
                "请用 `taizhang edit` 或相应命令更正记录"
            )),
        ),
        R::NoCommit => (
            say!(l, "there is no commit to undo", "没有可撤销的提交"),
            None,
        ),
        R::NotOurs { subject } => (
            say!(
                l,
                "the last commit was not made by taizhang ({subject}); nothing was undone",
                "最近一次提交不是 taizhang 命令所做（{subject}）；未撤销任何内容"
            ),
            Some(say!(
                l,
                "undo takes back only the last taizhang command; undo other commits with git",
                "`undo` 只撤销最近一次 taizhang 命令；其他提交请用 git 处理"
            )),
        ),
        R::First => (
            say!(
                l,
                "the last commit created the register; nothing was undone",
                "最近一次提交是新建台账；未撤销任何内容"
            ),
            None,
        ),
        R::Merge { subject } => (
            say!(
                l,
                "the last commit merges others' work ({subject}); nothing was undone",
                "最近一次提交合并了他人的修改（{subject}）；未撤销任何内容"
            ),
            None,
        ),
        R::Pushed { what, remote } => (
            say!(
                l,
                "the last command is already shared ({remote}): {what}; nothing was undone",
                "最近一次命令已同步到共享仓库（{remote}）：{what}；未撤销任何内容"
            ),
            Some(say!(
                l,
                "other clerks may have it: correct it with a command instead (edit, cancel, doc revoke …)",
                "其他人可能已经取得：请改用相应命令更正（`edit`、`cancel`、`doc revoke` …）"
            )),
        ),
        R::Foreign { paths } => {
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            let paths = paths.join(l.list_separator());
            (
                say!(
                    l,
                    "the last commit also holds files no taizhang command writes: {paths}; undoing it would delete or rewind them, so nothing was undone",
                    "最近一次提交还包含不是 taizhang 命令写入的文件：{paths}；撤销会删除或回退这些文件，因此未撤销任何内容"
                ),
                Some(say!(
                    l,
                    "take the commit apart with git (git reset --soft HEAD~1 keeps every file), or correct the record with a command",
                    "请用 git 拆开这个提交（`git reset --soft HEAD~1` 会保留所有文件），或用相应命令更正记录"
                )),
            )
        }
        R::Uncommitted { paths } => {
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            let paths = paths.join(l.list_separator());
            (
                say!(
                    l,
                    "files of the last command have changes not committed: {paths}; nothing was undone",
                    "最近一次命令涉及的文件有未提交的修改：{paths}；未撤销任何内容"
                ),
                Some(say!(
                    l,
                    "commit them or put them aside (git stash) first",
                    "请先提交或暂存（`git stash`）这些修改"
                )),
            )
        }
    }
}

/// What `undo` did: the command undone, then each ID and 发文字号 free again.
pub fn undone(l: Lang, undone: &Undone) -> String {
    let what = &undone.what;
    let mut text = say!(l, "undone: {what}", "已撤销：{what}");
    text.push('\n');
    // An undone import frees thousands: the first few are named.
    const NAMED: usize = 20;
    for id in undone.freed.iter().take(NAMED) {
        text.push_str(&say!(
            l,
            "{id} is free again",
            "编号 {id} 已释放，可再次使用"
        ));
        text.push('\n');
    }
    if undone.freed.len() > NAMED {
        let more = undone.freed.len() - NAMED;
        text.push_str(&say!(
            l,
            "… and {more} more IDs",
            "……另有 {more} 个编号已释放"
        ));
        text.push('\n');
    }
    for number in &undone.numbers {
        text.push_str(&say!(
            l,
            "{number} is free again",
            "文号 {number} 已释放，可再次使用"
        ));
        text.push('\n');
    }
    text
}

/// What `edit` says when it changed `id` (a record of `kind`): one line
/// per field, enumerated values in the reader's words.
pub fn edited(
    l: Lang,
    id: &str,
    kind: taizhang_core::model::kind::Kind,
    changes: &[taizhang_core::model::edit::FieldChange],
) -> String {
    use taizhang_core::model::keyword::Keyword;
    let scope = kind.keyword();
    let show = |field: &str, value: Option<&str>| -> String {
        let value = value.unwrap_or("—");
        match l {
            Lang::Zh => taizhang_core::model::edit::chinese_value(kind, field, value)
                .unwrap_or(value)
                .to_string(),
            Lang::En => value.to_string(),
        }
    };
    let mut text = say!(l, "{id} corrected:", "{id} 已更正：");
    for change in changes {
        let field = &change.field;
        let label = l.field_in(scope, field);
        let old = show(field, change.old.as_deref());
        let new = show(field, change.new.as_deref());
        text.push_str("\n  ");
        text.push_str(&say!(l, "{field}: {old} → {new}", "{label}：{old} → {new}"));
    }
    text
}

/// An `edit` line of a record's history: `corrected: title: A → B; …` /
/// `更正：标题：A → B；…`, fields and enumerated values in the reader's
/// words; the note as stored when it does not read as an edit's.
pub(super) fn edit_entry(l: Lang, note: &str, followup: bool) -> String {
    changes_entry(l, &say!(l, "corrected", "更正"), note, followup)
}

/// A history line whose note lists changed fields as `edit` writes them,
/// after `head` (更正, 单位更名, 工作交接 …).
pub(super) fn changes_entry(l: Lang, head: &str, note: &str, followup: bool) -> String {
    let head = head.to_string();
    let changes = taizhang_core::model::edit::parse_history_note(note);
    let (Lang::Zh, Some(changes)) = (l, changes) else {
        return if note.is_empty() {
            head
        } else {
            format!("{head}{}{note}", l.colon())
        };
    };
    let scope = if followup { "followup" } else { "" };
    let show = |field: &str, value: &Option<String>| match value {
        None => "—".to_string(),
        Some(v) => taizhang_core::model::edit::chinese_value_any(field, v)
            .unwrap_or(v)
            .to_string(),
    };
    let parts: Vec<String> = changes
        .iter()
        .map(|c| {
            let label = l.field_in(scope, &c.field);
            let (old, new) = (show(&c.field, &c.old), show(&c.field, &c.new));
            format!("{label}：{old} → {new}")
        })
        .collect();
    format!("{head}：{}", parts.join(l.semicolon()))
}

/// The key of the field of `kind` whose label, in either language, is
/// `label` (`办结时限` → `due`, `lead unit` → `lead`): a clerk may name a
/// field as the tool shows it.
pub fn field_key(kind: taizhang_core::model::kind::Kind, label: &str) -> Option<&'static str> {
    let scope = taizhang_core::model::keyword::Keyword::keyword(kind);
    let label = label.trim();
    taizhang_core::model::edit::settable_keys(kind).find(|key| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|l| l.field_in(scope, key) == label || l.field(key) == label)
    })
}

/// What `edit` says when nothing changed.
pub fn unchanged(l: Lang, id: &str) -> String {
    say!(
        l,
        "{id}: nothing changed; nothing was written",
        "{id}：没有改动，未写入任何内容"
    )
}

/// The question after an edited copy failed the checks, on a terminal.
pub fn edit_again(l: Lang) -> String {
    say!(
        l,
        "Edit again? [Y/n] (no keeps the record as it was) ",
        "是否重新编辑？[Y/n]（选 n 则保持原记录不变）"
    )
}
