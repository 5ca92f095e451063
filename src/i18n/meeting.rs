//! The words of meetings (会议), both languages side by side: why a
//! meeting step is refused, the 落实率 line, the warning of a room taken
//! twice, the minutes' states as steps, the per-meeting table of
//! `summary` and the brief.

use super::{Lang, say, words};
use taizhang_core::model::meeting::{Implementation, MeetingError};
use taizhang_core::model::transition::Step;

/// Why a step of meeting `id` was refused, and what to do instead.
pub(super) fn error(l: Lang, id: &str, error: &MeetingError) -> (String, Option<String>) {
    use MeetingError as E;
    match error {
        E::Refused(refusal) => super::refusals::refused(l, id, refusal),
        E::HeldBeforeStart { start, today } => (
            say!(
                l,
                "{id} starts on {start}: on {today} it cannot have been held",
                "{id} 的召开日期为 {start}，{today} 不能登记为已召开"
            ),
            Some(say!(
                l,
                "record it as held on or after {start}; if it was moved earlier, change its start first: taizhang edit {id} --set start=DATE",
                "请在 {start} 当天或之后登记召开；如会议提前召开，先修改开始时间：taizhang edit {id} --set start=日期"
            )),
        ),
        E::BadAbsence { value } => (
            say!(
                l,
                "--absent '{value}': write each absentee as NAME:REASON",
                "--absent “{value}”：缺席人员应写作 姓名:原因"
            ),
            Some(say!(
                l,
                "for example --absent 张三:出差,李四:病假",
                "例如 --absent 张三:出差,李四:病假"
            )),
        ),
        E::AbsentAndAttended { name } => (
            say!(
                l,
                "{name} is given both as absent (--absent) and as attending (--attended)",
                "{name} 同时列为缺席（--absent）和出席（--attended）"
            ),
            None,
        ),
        E::AbsentTwice { name } => (
            say!(
                l,
                "{name} is given twice in --absent",
                "{name} 在 --absent 中出现了两次"
            ),
            None,
        ),
    }
}

/// A meeting step as people say it, in Chinese (English uses the
/// command), for the steps not named elsewhere.
pub(super) fn step_zh(step: Step) -> Option<&'static str> {
    match step {
        Step::MeetingIssueMinutes => Some("印发纪要"),
        _ => None,
    }
}

/// The 落实率 line of a meeting's sheet: `落实率：3/4（75.0%）`, with
/// `percent` the rate as the reports write it.
pub fn implementation(l: Lang, counted: &Implementation, percent: &str) -> String {
    let Implementation { due, on_time } = *counted;
    if due == 0 {
        return say!(
            l,
            "implementation: no decision due yet",
            "落实率：尚无到期的议定事项"
        );
    }
    say!(
        l,
        "implementation: {on_time}/{due} closed on time ({percent})",
        "落实率：{on_time}/{due}（{percent}）"
    )
}

/// 落实率 in a table's cell: `3/4 (75.0%)`, or `—` when nothing is due.
pub fn implementation_cell(l: Lang, counted: &Implementation, percent: &str) -> String {
    let Implementation { due, on_time } = *counted;
    match due {
        0 => "—".to_string(),
        _ => say!(
            l,
            "{on_time}/{due} ({percent})",
            "{on_time}/{due}（{percent}）"
        ),
    }
}

/// A decision's support units (协办单位) after its lead unit.
pub fn support(l: Lang, units: &str) -> String {
    say!(l, "with {units}", "协办：{units}")
}

/// `meeting add`'s warning: the room is taken at an overlapping time by
/// another meeting (`other`, its start `when`).
pub fn room_taken(l: Lang, venue: &str, other: &str, when: &str) -> String {
    say!(
        l,
        "{venue} is already booked at an overlapping time by {other} ({when}); the meeting is registered all the same",
        "{venue} 在重叠时段已安排 {other}（{when}）；本次会议仍已登记"
    )
}

/// Who was there: `出席 7 人，缺席 1 人`; a dash for a meeting whose
/// attendance was never recorded, rather than "0 present".
pub fn attendance(l: Lang, present: usize, absent: usize) -> String {
    if present == 0 && absent == 0 {
        return "—".to_string();
    }
    say!(
        l,
        "{present} present, {absent} absent",
        "出席{present}人，缺席{absent}人"
    )
}

words! {
    /// The headings of the per-meeting table of `summary` and the brief.
    Held {
        Heading => "Meetings held and their implementation" / "召开会议及议定事项落实情况",
        Date => "Date" / "日期",
        Decisions => "Decisions" / "议定事项",
        Attendance => "Attendance" / "出席情况",
        Implementation => "Implementation (on time/due)" / "落实率（按期/到期）",
    }
}
