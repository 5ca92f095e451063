//! Words of `export`: the calendar's event titles and the printable brief
//! (`export html`), both languages side by side.

use jiff::civil::Date;

use super::{Lang, say, words};

words! {
    /// Headings and labels of the printable brief.
    Brief {
        Figures => "Figures" / "主要数据",
        Chart => "Follow-ups by lead unit" / "各单位督办事项情况",
        Attention => "Overdue and due soon" / "逾期及即将到期事项",
        Upcoming => "The next 14 days" / "未来14天",
        Deadlines => "Deadlines" / "到期事项",
        UpcomingMeetings => "Meetings" / "会议安排",
        Venue => "Venue" / "地点",
        When => "When" / "时间",
        Legend => "Red: overdue · Yellow: due today or behind schedule · Blue: due soon · Purple: report owed"
            / "红色：已逾期　黄色：今日到期或序时进度滞后　蓝色：即将到期　紫色：待报进展",
        NoUnitData => "No follow-ups in this period." / "本期没有督办事项。",
        Made => "Made by taizhang" / "由 taizhang 生成",
    }
}

/// The page title of the brief: unit and period. The day the figures
/// stand at is on the line under it, the day it was made at its foot.
pub fn brief_title(lang: Lang, unit: &str, from: Date, to: Date) -> String {
    say!(
        lang,
        "{unit} — follow-up brief, {from} to {to}",
        "{unit}督办工作简报（{from}至{to}）"
    )
}

/// The title of a follow-up's deadline in a calendar.
pub fn followup_due_event(lang: Lang, title: &str) -> String {
    say!(lang, "Follow-up due: {title}", "督办到期：{title}")
}

/// The title of the day a logbook entry out (a seal, a car) is due back,
/// in a calendar: the book's title, then the entry's.
pub fn due_back_event(lang: Lang, book: &str, title: &str) -> String {
    say!(
        lang,
        "Due back ({book}): {title}",
        "应归还（{book}）：{title}"
    )
}

/// The title of an incoming paper's handling deadline in a calendar.
pub fn deadline_event(lang: Lang, title: &str) -> String {
    say!(lang, "Handling deadline: {title}", "办理时限：{title}")
}
