//! Words of open loops (a seal out), owed progress reports, the duty
//! roster and the desk's duty line, both languages side by side.

use jiff::civil::Date;

use super::{Lang, say, words};
use taizhang_core::model::logbook::roster::{Days, RosterProblem};

words! {
    /// Fixed words of reminders, the roster and the desk.
    LoopWord {
        /// The level of a follow-up whose progress report is owed.
        FeedbackDue => "report owed" / "待报进展",
        /// How late an owed report is, in `remind`'s text.
        ReportOwed => "progress report owed" / "应报送进展",
        /// The desk's section of entries out past their due date.
        OutPastDue => "Out past the due date" / "借出逾期未归还",
        /// A column: the logbook an entry is in.
        Book => "Logbook" / "登记簿",
        /// A column: what an entry is about.
        What => "What" / "事项",
        /// A column: the day of the week.
        Weekday => "Weekday" / "星期",
        /// A day with no duty entry.
        NotRostered => "nobody rostered" / "未排班",
        /// The shift written when the book's shift is free text.
        AllDay => "all day" / "全天",
    }
}

/// The day of the week, short: `Mon` / `周一`.
pub fn weekday(lang: Lang, day: Date) -> &'static str {
    super::notes::weekday(lang, day.weekday())
}

/// The due part of an owed report's line in `remind`.
pub fn report_owed_since(lang: Lang, owed: Date) -> String {
    say!(lang, "(report due {owed})", "（应于 {owed} 报送进展）")
}

/// `remind`'s first line with the owed reports counted after the three
/// levels.
pub fn with_reports_owed(lang: Lang, line: String, owed: usize) -> String {
    say!(
        lang,
        "{line}, {owed} progress report(s) owed",
        "{line}，待报进展{owed}项"
    )
}

/// One day's duty on the desk: `张三（带班 陈局长）`, with the shift when
/// the day has several.
pub fn duty_slot(lang: Lang, shift: Option<&str>, officers: &str, leader: Option<&str>) -> String {
    let shift = shift.map(|s| format!("{s} ")).unwrap_or_default();
    match leader {
        Some(leader) => say!(
            lang,
            "{shift}{officers} (leader {leader})",
            "{shift}{officers}（带班 {leader}）"
        ),
        None => format!("{shift}{officers}"),
    }
}

/// The desk's duty line: `值班：今日 张三（带班 陈局长）；明日 李四`.
pub fn duty_line(lang: Lang, today: &str, tomorrow: &str) -> String {
    say!(
        lang,
        "On duty: today {today}; tomorrow {tomorrow}",
        "值班：今日 {today}；明日 {tomorrow}"
    )
}

/// What `book roster` says on stderr once the roster is written.
pub fn rostered(lang: Lang, book: &str, made: usize, replaced: usize) -> String {
    match replaced {
        0 => say!(
            lang,
            "Rostered {made} turn(s) of duty in {book}",
            "已排班 {made} 班次（{book}）"
        ),
        _ => say!(
            lang,
            "Rostered {made} turn(s) of duty in {book}, {replaced} of them rewritten",
            "已排班 {made} 班次（{book}），其中改排 {replaced} 班次"
        ),
    }
}

/// The warning when the calendar does not know the roster's year: only
/// weekends count as days off.
pub fn no_holidays(lang: Lang, year: i16) -> String {
    say!(
        lang,
        "calendar.toml lists no holidays for {year}: only weekends count as days off",
        "calendar.toml 中没有 {year} 年的节假日，只按周末计算休息日"
    )
}

/// A history note of a rewritten roster entry, as people read it.
pub fn rerostered(lang: Lang, note: &str) -> String {
    say!(lang, "re-rostered: {note}", "重新排班：{note}")
}

/// A roster entry's history line.
pub fn roster_made(lang: Lang) -> String {
    say!(lang, "rostered", "排班")
}

/// `check`: an entry whose loop ended before it started.
pub fn end_before_start(
    lang: Lang,
    end_key: &str,
    end: &str,
    start_key: &str,
    start: &str,
) -> String {
    say!(
        lang,
        "{end_key} ({end}) is before {start_key} ({start})",
        "`{end_key}`（{end}）早于 `{start_key}`（{start}）"
    )
}

/// `check`: a loop naming a field its book does not declare.
pub fn loop_field_undeclared(lang: Lang, book: &str, role: &str, field: &str) -> String {
    say!(
        lang,
        "[logbooks.{book}.loop] {role} = \"{field}\": the logbook declares no field {field}",
        "`[logbooks.{book}.loop]` 中 `{role} = \"{field}\"`：登记簿未声明字段 `{field}`"
    )
}

fn days_word(lang: Lang, days: Days) -> String {
    match days {
        Days::All => say!(lang, "day", "日期"),
        Days::Off => say!(lang, "day off", "休息日"),
        Days::Work => say!(lang, "working day", "工作日"),
    }
}

/// Why a roster cannot be made, and what to do.
pub fn roster_problem(lang: Lang, problem: &RosterProblem) -> (String, Option<String>) {
    use RosterProblem as P;
    let l = lang;
    match problem {
        P::Backwards { from, to } => (
            say!(
                l,
                "--to {to} is before --from {from}",
                "--to {to} 早于 --from {from}"
            ),
            None,
        ),
        P::TooLong { from, to, max } => (
            say!(
                l,
                "{from} to {to} is longer than {max} days; make the roster a year at a time",
                "{from} 至 {to} 超过 {max} 天；请按年排班"
            ),
            None,
        ),
        P::NoDays { from, to, days } => {
            let word = days_word(l, *days);
            let flag = days.keyword();
            (
                say!(
                    l,
                    "no {word} from {from} to {to} (--days {flag}); nothing was written",
                    "{from} 至 {to} 没有{word}（--days {flag}），未写入任何记录"
                ),
                Some(say!(
                    l,
                    "`--days all` rosters every day; calendar.toml lists the holidays",
                    "`--days all` 为每天排班；节假日见 calendar.toml"
                )),
            )
        }
        P::NoField { book, field } => (
            say!(
                l,
                "logbook {book} declares no field {field}, which a roster writes",
                "登记簿 `{book}` 未声明排班要写入的字段 `{field}`"
            ),
            Some(say!(
                l,
                "a roster writes date, shift, leader and officers; declare them in taizhang.toml",
                "排班写入 `date`、`shift`、`leader`、`officers` 字段，请在 taizhang.toml 中声明"
            )),
        ),
        P::BadShift { shift, values } => {
            let values = values.join(l.list_separator());
            (
                say!(
                    l,
                    "--shift {shift} is not a shift of this logbook ({values})",
                    "--shift {shift} 不是该登记簿的班次（{values}）"
                ),
                None,
            )
        }
        P::PerDay { per_day, people } => (
            say!(
                l,
                "--per-day {per_day} needs at least {per_day} people, and --people names {people}",
                "--per-day {per_day} 至少需要 {per_day} 人，--people 只有 {people} 人"
            ),
            None,
        ),
        P::Missing { book, fields } => {
            let list: Vec<String> = fields
                .iter()
                .map(|(field, flag)| match (flag, l) {
                    (Some(flag), Lang::En) => format!("{field} ({flag})"),
                    (Some(flag), Lang::Zh) => format!("`{field}`（{flag}）"),
                    (None, Lang::En) => field.clone(),
                    (None, Lang::Zh) => format!("`{field}`"),
                })
                .collect();
            let list = list.join(l.list_separator());
            (
                say!(
                    l,
                    "logbook {book} requires {list}, which the roster would leave empty; nothing was written",
                    "登记簿 `{book}` 要求填写 {list}，排班不会填写；未写入任何记录"
                ),
                None,
            )
        }
        P::Taken { book, slots } => {
            let list: Vec<String> = slots
                .iter()
                .map(|(date, shift, id)| {
                    let shift = shift.as_ref().map(|s| format!(" {s}")).unwrap_or_default();
                    match l {
                        Lang::En => format!("{date}{shift} ({id})"),
                        Lang::Zh => format!("{date}{shift}（{id}）"),
                    }
                })
                .collect();
            let count = slots.len();
            let list = list.join(l.list_separator());
            (
                say!(
                    l,
                    "{book} already has {count} turn(s) of duty in that range: {list}; nothing was written",
                    "`{book}` 在该时段已有 {count} 个班次：{list}；未写入任何记录"
                ),
                Some(say!(
                    l,
                    "rerun with --replace to rewrite them (their history notes it)",
                    "如需改排，请加 --replace 重新运行（改排记入历史）"
                )),
            )
        }
    }
}
