//! Wording of rough edges clerks met, now mended: status words `list`
//! accepts, deadlines before receipt, a paper's changed deadline, units
//! declared at `init`.

use super::{Lang, say};

use jiff::civil::Date;

/// A paper's deadline set before it was received.
pub(super) fn deadline_before_received(
    l: Lang,
    flag: &str,
    deadline: Date,
    received: Date,
) -> (String, Option<String>) {
    (
        say!(
            l,
            "{flag} {deadline} is before the paper was received ({received})",
            "{flag} {deadline} 早于签收日期（{received}）：办理时限不能早于收文"
        ),
        Some(say!(
            l,
            "check the year and the month of the deadline",
            "请核对办理时限的年份和月份"
        )),
    )
}

/// `list --status` with a word that names no status: every accepted
/// value, set by set, in the reader's language.
pub(super) fn unknown_status(
    l: Lang,
    input: &str,
    accepted: &[(&'static str, Vec<(&'static str, &'static str)>)],
) -> (String, Option<String>) {
    let sets: Vec<String> = accepted
        .iter()
        .map(|(set, values)| {
            let name = l.keyword_set(set);
            let values: Vec<String> = values
                .iter()
                .map(|(keyword, chinese)| say!(l, "{keyword}", "{chinese}（`{keyword}`）"))
                .collect();
            let values = values.join(l.list_separator());
            format!("{name}{}{values}", l.colon())
        })
        .collect();
    let sets = sets.join(l.semicolon());
    (
        say!(
            l,
            "--status: '{input}' is not a status of the records listed",
            "--status：“{input}”不是所列记录的状态"
        ),
        Some(say!(l, "accepted: {sets}", "可用值：{sets}")),
    )
}

/// A paper's `assign` history entry: the lead unit, and the deadline the
/// step set or moved (see `model::incoming::assign_note`).
pub(super) fn paper_assigned(l: Lang, note: &str) -> String {
    let (lead, deadline) = taizhang_core::model::incoming::read_assign_note(note);
    let assigned = say!(l, "assigned to {lead}", "交{lead}承办");
    match deadline {
        Some((Some(old), new)) => say!(
            l,
            "{assigned}; deadline {old} → {new}",
            "{assigned}；办理时限 {old} → {new}"
        ),
        Some((None, new)) => say!(
            l,
            "{assigned}; deadline {new}",
            "{assigned}；办理时限 {new}"
        ),
        None => assigned,
    }
}

/// What `check` says of a paper whose deadline is before its receipt.
pub(super) fn deadline_before_received_note(l: Lang, deadline: Date, received: Date) -> String {
    say!(
        l,
        "deadline {deadline} before it was received {received}",
        "办理时限 {deadline} 早于签收日期 {received}"
    )
}

/// `init --units`/`--people` naming a unit, code or person twice.
pub(super) fn declared_twice(l: Lang, flag: &str, name: &str) -> (String, Option<String>) {
    (
        say!(
            l,
            "{flag}: '{name}' is given twice",
            "{flag}：“{name}”重复出现"
        ),
        Some(say!(
            l,
            "give each unit, code and person once",
            "每个科室、代码和人员只写一次"
        )),
    )
}

impl Lang {
    /// The code stored for the language (`language = "zh"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// What `init` warns of when no units were declared.
    pub fn units_unchecked(self) -> String {
        say!(
            self,
            "no units declared: unit names given to --lead and --unit are not checked, so a typo splits a unit's figures in two; declare them with `taizhang unit add NAME --code CODE` (or `init --units`)",
            "未声明科室：--lead、--unit 所填单位名称不做核对，写错一个字就会把一个科室的数字分成两份；可用 `taizhang unit add 名称 --code 代码`（或 `init --units`）声明"
        )
    }
}
