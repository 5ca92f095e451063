//! The words of a follow-up broken down (督办事项的任务分解与节点督办),
//! both languages side by side: its parts and their roll-up, its
//! milestones, being behind schedule (序时进度滞后), what `check` finds,
//! what its steps refuse and confirm, and their history lines.

use super::{Lang, say};
use jiff::civil::Date;
use taizhang_core::model::breakdown::{BreakdownError, BreakdownNote, RollUp};
use taizhang_core::model::followup::FuStatus;
use taizhang_core::model::id::Id;

/// Why a step of a broken-down follow-up was refused, and a hint.
pub(super) fn error(l: Lang, error: &BreakdownError) -> (String, Option<String>) {
    use BreakdownError as E;
    match error {
        E::ParentSettled { parent, status } => {
            let status = l.keyword(*status);
            (
                say!(
                    l,
                    "{parent} is {status}: a part cannot be added to it (--parent)",
                    "{parent} {status}，不能再分解子项（--parent）"
                ),
                Some(say!(
                    l,
                    "`taizhang reopen {parent}` first, if the matter goes on",
                    "如事项仍要办理，先 taizhang reopen {parent}"
                )),
            )
        }
        E::ParentIsPart { parent, of } => (
            say!(
                l,
                "{parent} is itself a part of {of}: parts go one level deep (--parent)",
                "{parent} 本身是 {of} 的分解子项，子项不再分解（--parent）"
            ),
            Some(say!(
                l,
                "give --parent {of} to add another part of the matter",
                "要为该事项增加子项，请写 --parent {of}"
            )),
        ),
        E::MilestoneMalformed { input } => (
            say!(
                l,
                "--milestone '{input}' is not DATE:TEXT",
                "--milestone“{input}”不是“日期:内容”的写法"
            ),
            Some(say!(
                l,
                "write it as 2026-12-10:完成方案 or +1w:上报",
                "请写作 2026-12-10:完成方案 或 +1w:上报"
            )),
        ),
        E::MilestoneAfterDue { input, due } => (
            say!(
                l,
                "milestone '{input}' falls after the due date {due}",
                "节点“{input}”晚于办结时限 {due}"
            ),
            Some(say!(
                l,
                "a milestone is a step before the deadline; `taizhang extend` moves the deadline",
                "节点应在办结时限之前；如需推迟时限，用 taizhang extend"
            )),
        ),
        E::OpenParts { id, parts } => {
            let (n, list) = (parts.len(), id_list(l, parts));
            (
                say!(
                    l,
                    "{id} has {n} open part(s): {list}",
                    "{id} 尚有{n}个分解子项未办结：{list}"
                ),
                Some(say!(
                    l,
                    "close them first, or give --with-parts to close them with it",
                    "请先办结这些子项，或加 --with-parts 一并办结"
                )),
            )
        }
        E::UnclosedParts { id, parts } => {
            let (n, list) = (parts.len(), id_list(l, parts));
            (
                say!(
                    l,
                    "{id} cannot be verified: {n} of its part(s) not yet closed: {list}",
                    "{id} 尚有{n}个分解子项未办结，不能审核销号：{list}"
                ),
                Some(say!(
                    l,
                    "verify or close them first (`taizhang verify` each); a matter is closed after its parts",
                    "请先办结这些子项（逐一 taizhang verify 审核销号），事项在子项之后销号"
                )),
            )
        }
        E::NoMilestone { id, n, count } => (
            match count {
                0 => say!(l, "{id} has no milestones", "{id} 没有节点"),
                _ => say!(
                    l,
                    "{id} has no milestone {n}: it has {count}",
                    "{id} 没有第{n}个节点：共有{count}个"
                ),
            },
            Some(say!(
                l,
                "`taizhang show {id}` numbers them",
                "taizhang show {id} 列出各节点的序号"
            )),
        ),
        E::MilestoneAlreadyDone { id, n, on } => (
            say!(
                l,
                "milestone {n} of {id} was already done on {on}",
                "{id} 的第{n}个节点已于 {on} 完成"
            ),
            None,
        ),
        E::Settled { id, status } => {
            let status = l.keyword(*status);
            (
                say!(
                    l,
                    "{id} is {status}: its milestones no longer change",
                    "{id} {status}，节点不再变更"
                ),
                None,
            )
        }
    }
}

/// IDs joined as a list in the language.
fn id_list(l: Lang, ids: &[Id]) -> String {
    (ids.iter().map(ToString::to_string))
        .collect::<Vec<_>>()
        .join(l.list_separator())
}

/// A finding of `check` on a broken-down follow-up, in words.
pub(super) fn note(l: Lang, note: &BreakdownNote) -> String {
    use BreakdownNote as N;
    match note {
        N::MilestoneAfterDue { n, on, due } => say!(
            l,
            "milestone {n} ({on}) falls after the due date in force ({due})",
            "第{n}个节点（{on}）晚于现行办结时限（{due}）"
        ),
        N::ParentMissing { parent } => say!(
            l,
            "is a part of {parent}, which does not exist",
            "所属事项 {parent} 不存在"
        ),
        N::ParentNotFollowup { parent } => say!(
            l,
            "is a part of {parent}, which is not a follow-up",
            "所属事项 {parent} 不是督办事项"
        ),
        N::ParentIsPart { parent, of } => say!(
            l,
            "is a part of {parent}, itself a part of {of}: parts go one level deep",
            "所属事项 {parent} 本身是 {of} 的分解子项，子项不再分解"
        ),
        N::PartDueAfterMatter {
            parent,
            due,
            matter_due,
        } => say!(
            l,
            "is due {due}, after its matter {parent} ({matter_due})",
            "办结时限 {due} 晚于所属事项 {parent} 的时限（{matter_due}）"
        ),
        N::PartOpenMatterClosed { parent, status } => {
            let status = l.keyword(*status);
            say!(
                l,
                "is {status} while its matter {parent} is closed",
                "所属事项 {parent} 已办结销号，本子项却为{status}"
            )
        }
    }
}

/// What a step on a broken-down follow-up did, for its confirming line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// `milestone add`: now milestone `n`.
    MilestoneAdded { id: Id, n: usize, due: Date },
    /// `milestone done`.
    MilestoneDone { id: Id, n: usize },
    /// `done --with-parts`: closed (or submitted, `status`) with `parts`
    /// open parts.
    ClosedWithParts {
        id: Id,
        status: FuStatus,
        parts: usize,
    },
}

pub(super) fn confirm(l: Lang, done: &Done) -> String {
    match done {
        Done::MilestoneAdded { id, n, due } => say!(
            l,
            "{id}: milestone {n} added, due {due}",
            "{id} 已增加第{n}个节点，时限 {due}"
        ),
        Done::MilestoneDone { id, n } => {
            say!(l, "{id}: milestone {n} done", "{id} 第{n}个节点已完成")
        }
        Done::ClosedWithParts {
            id,
            status: FuStatus::Submitted,
            parts,
        } => say!(
            l,
            "{id} submitted, and with it its {parts} open part(s); `taizhang verify` closes each",
            "{id} 已报结，{parts}个未办结的分解子项一并报结，待审核销号（taizhang verify）"
        ),
        Done::ClosedWithParts { id, parts, .. } => say!(
            l,
            "{id} closed, and with it its {parts} open part(s)",
            "{id} 已办结销号，{parts}个未办结的分解子项一并办结"
        ),
    }
}

/// The history line of a breakdown step, or `None` for another action.
pub(super) fn history(l: Lang, action: &str, note: &str) -> Option<String> {
    Some(match action {
        "milestone-add" => say!(l, "milestone added: {note}", "增加节点：{note}"),
        "milestone-done" => say!(l, "milestone done: {note}", "节点完成：{note}"),
        "done-with-matter" => say!(
            l,
            "closed with its matter {note}",
            "随所属事项 {note} 一并办结"
        ),
        _ => return None,
    })
}

/// The level of a follow-up a milestone of which is missed.
pub fn behind_word(l: Lang) -> &'static str {
    match l {
        Lang::En => "behind schedule",
        Lang::Zh => "序时进度滞后",
    }
}

/// The due part of a reminder of a missed milestone.
pub fn behind_due(l: Lang, on: Date) -> String {
    say!(l, "(milestone of {on} missed)", "（节点 {on} 未完成）")
}

/// How long ago the milestone a reminder is about was missed.
pub fn milestone_late(l: Lang, days: i64) -> String {
    say!(l, "milestone {days} days late", "节点逾期{days}天")
}

/// remind's first line with the number behind schedule.
pub fn with_behind(l: Lang, line: String, behind: usize) -> String {
    say!(
        l,
        "{line}, {behind} behind schedule",
        "{line}，序时进度滞后{behind}项"
    )
}

/// The heading over a matter's parts in `show`, with their roll-up:
/// `Parts (3/5 done)` / `分解子项（3/5 已办结）`.
pub fn parts_heading(l: Lang, roll: RollUp) -> String {
    let RollUp { done, total } = roll;
    say!(
        l,
        "Parts ({done}/{total} done):",
        "分解子项（{done}/{total} 已办结）："
    )
}

/// The roll-up alone, as a list cell: `3/5 done` / `3/5 已办结`.
pub fn roll_up(l: Lang, roll: RollUp) -> String {
    let RollUp { done, total } = roll;
    say!(l, "{done}/{total} done", "{done}/{total} 已办结")
}

/// The heading over a follow-up's milestones in `show`.
pub fn milestones_heading(l: Lang) -> &'static str {
    match l {
        Lang::En => "Milestones:",
        Lang::Zh => "节点：",
    }
}

/// How a milestone stands on the day `show` runs: done, missed by some
/// days, or still ahead.
pub fn milestone_state(l: Lang, done: Option<Date>, days_late: i64) -> String {
    match done {
        Some(on) => say!(l, "✓ done {on}", "✓ {on} 完成"),
        None if days_late > 0 => say!(l, "overdue {days_late} days", "逾期{days_late}天"),
        None => String::new(),
    }
}

/// `show`'s line for a part: `part of FU-2026-0001` / `所属事项 FU-2026-0001`.
pub fn part_of(l: Lang, parent: &Id) -> String {
    say!(l, "Part of: {parent}", "所属事项：{parent}")
}

/// The summary's count of parts beside the matters: `(and 30 parts)` /
/// `（另有分解子项30项）`.
pub fn parts_beside(l: Lang, parts: usize) -> String {
    say!(l, " (and {parts} part(s))", "（另有分解子项{parts}项）")
}
