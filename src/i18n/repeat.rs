//! The words of standing duties (repeats, `--every`), both languages
//! side by side: a rule in words, what `done`, `cancel --series`, the
//! meeting steps and `recur` confirm, and the refusals of a rule.

use jiff::civil::Date;

use super::{Lang, say};
use crate::error::RepeatRefusal;
use taizhang_core::model::id::Id;
use taizhang_core::model::repeat::{Every, EveryTrouble, RepeatNote};

/// What a repeat step did, with the values its line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// A follow-up's next occurrence, due `on`.
    NextFollowup { id: Id, series: Id, on: Date },
    /// A meeting's next occurrence, held `on`.
    NextMeeting { id: Id, series: Id, on: Date },
    /// `recur --dry-run`: the follow-up it would create.
    WouldFollowup { series: Id, on: Date },
    /// `recur --dry-run`: the meeting it would plan.
    WouldMeeting { series: Id, on: Date },
    /// `cancel --series`: the series ends with `id`.
    Ended { id: Id, series: Id },
}

pub(super) fn confirm(l: Lang, done: &Done) -> String {
    match done {
        Done::NextFollowup { id, series, on } => say!(
            l,
            "{id}: the next occurrence of {series}, due {on}",
            "已生成 {series} 的下一期 {id}，办结时限 {on}"
        ),
        Done::NextMeeting { id, series, on } => say!(
            l,
            "{id}: the next meeting of {series}, on {on}",
            "已安排 {series} 的下一次会议 {id}，{on}"
        ),
        Done::WouldFollowup { series, on } => say!(
            l,
            "would create the next occurrence of {series}, due {on}",
            "将生成 {series} 的下一期，办结时限 {on}"
        ),
        Done::WouldMeeting { series, on } => say!(
            l,
            "would plan the next meeting of {series}, on {on}",
            "将安排 {series} 的下一次会议，{on}"
        ),
        Done::Ended { id, series } => say!(
            l,
            "{id}: cancelled, and its series {series} ends with it; no next occurrence is made",
            "{id} 已撤销，{series} 系列随之结束，不再生成下一期"
        ),
    }
}

/// A finding of `check` on a record's series, in words.
pub(super) fn note(l: Lang, note: &RepeatNote) -> String {
    use RepeatNote as N;
    match note {
        N::EveryWithoutSeries => say!(
            l,
            "repeats (every) but names no series",
            "有重复周期（every），却未写所属系列（series）"
        ),
        N::SeriesWithoutEvery { series } => say!(
            l,
            "belongs to the series {series} but has no rule (every)",
            "属于 {series} 系列，却没有重复周期（every）"
        ),
        N::SeriesMissing { series } => say!(
            l,
            "belongs to the series {series}, which does not exist",
            "所属系列 {series} 不存在"
        ),
        N::SeriesOtherKind { series } => say!(
            l,
            "belongs to the series {series}, a record of another kind",
            "所属系列 {series} 是另一类记录"
        ),
        N::SamePeriod {
            series,
            other,
            start,
        } => say!(
            l,
            "a second occurrence of the series {series} in the period from {start}, beside {other}",
            "与 {other} 同属 {series} 系列自 {start} 起的同一周期：每期只应有一项"
        ),
    }
}

/// A rule in words: `every month on day 5`, `每月5日`.
pub fn every(l: Lang, every: Every) -> String {
    match every {
        Every::Week(weekday) => {
            let n = weekday.to_monday_one_offset();
            let en = [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ];
            let zh = ["一", "二", "三", "四", "五", "六", "日"];
            let i = usize::from(n.unsigned_abs()) - 1;
            let (en, zh) = (en[i], zh[i]);
            say!(l, "every week on {en}", "每周{zh}")
        }
        Every::Month(day) => say!(l, "every month on day {day}", "每月{day}日"),
        Every::Quarter { month, day } => say!(
            l,
            "every quarter, on day {day} of its month {month}",
            "每季度第{month}个月{day}日"
        ),
        Every::Year { month, day } => {
            say!(l, "every year on {month}-{day}", "每年{month}月{day}日")
        }
    }
}

/// A rule and the series it keeps, for a meeting's slip: `every week on
/// Monday (series MT-2026-0001)`.
pub fn in_series(l: Lang, rule: Every, series: &Option<Id>) -> String {
    let rule = every(l, rule);
    match series {
        Some(id) => say!(l, "{rule} (series {id})", "{rule}（{id} 系列）"),
        None => rule,
    }
}

/// The sentence and hint for a refused rule or `--series`.
pub(super) fn refusal(l: Lang, refusal: &RepeatRefusal) -> (String, Option<String>) {
    match refusal {
        RepeatRefusal::BadEvery { flag, source } => {
            let input = &source.input;
            let why = trouble(l, source.trouble);
            (
                say!(
                    l,
                    "{flag}: '{input}' is not a repeat rule: {why}",
                    "{flag}：“{input}”不是有效的重复规则：{why}"
                ),
                Some(say!(
                    l,
                    "write week[:WEEKDAY], month[:DAY], quarter[:M-D] or year[:MM-DD], e.g. month:5 or week:mon; without the day, the first deadline's day is taken",
                    "写作 `week[:星期]`、`month[:日]`、`quarter[:M-D]` 或 `year[:MM-DD]`，如 `month:5`（每月5日）、`week:周一`（每周一）；不写日子则取第一次的日期"
                )),
            )
        }
        RepeatRefusal::NotRepeating { flag, id } => (
            say!(
                l,
                "{flag}: {id} does not repeat, so it has no series to end",
                "{flag}：{id} 不是重复事项，没有可结束的系列"
            ),
            Some(say!(
                l,
                "leave out --series to cancel it alone",
                "去掉 --series 即只撤销这一项"
            )),
        ),
    }
}

fn trouble(l: Lang, trouble: EveryTrouble) -> String {
    match trouble {
        EveryTrouble::Unit => say!(
            l,
            "it repeats by week, month, quarter or year",
            "重复周期只能是周（`week`）、月（`month`）、季度（`quarter`）或年（`year`）"
        ),
        EveryTrouble::Weekday => say!(
            l,
            "the weekday is 1 to 7 (Monday is 1) or its name (mon, 周一)",
            "星期写作 1 至 7（周一为 1）或星期名（周一、`mon`）"
        ),
        EveryTrouble::MonthDay => say!(
            l,
            "the day of the month is 1 to 31 (a day the month lacks means its last)",
            "每月的日子为 1 至 31（当月没有的日子即取月末）"
        ),
        EveryTrouble::QuarterDay => say!(
            l,
            "a quarter's day is M-D: its month 1 to 3 and the day 1 to 31 (quarter:1-15)",
            "季度的日子写作 M-D：季度内第几个月（1 至 3）和日子（1 至 31），如 `quarter:1-15`"
        ),
        EveryTrouble::YearDay => say!(
            l,
            "a year's day is MM-DD, a day of the calendar (year:12-31)",
            "每年的日子写作 MM-DD，须是日历上的日子，如 `year:12-31`"
        ),
        EveryTrouble::NotFull => say!(
            l,
            "a stored rule names its day (month:5)",
            "保存的规则须写明日子（如 `month:5`）"
        ),
    }
}
