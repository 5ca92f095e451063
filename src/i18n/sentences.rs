//! Short sentences of the reports: deadlines, tallies, history lines,
//! the headlines of `remind` and `summary`, each with both languages side
//! by side.

use jiff::civil::Date;

use super::{Lang, say};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::{ChaseLevel, ChaseVia};
use taizhang_core::model::period::{Period, PeriodName};

/// "overdue 3 days", "due today", "due in 2 days" / 逾期3天, 今日到期, 还有2天到期.
pub(super) fn days_left(lang: Lang, days_left: i64) -> String {
    let n = days_left.abs();
    let s = if n == 1 { "" } else { "s" };
    match days_left {
        0 => say!(lang, "due today", "今日到期"),
        d if d < 0 => say!(lang, "overdue {n} day{s}", "逾期{n}天"),
        _ => say!(lang, "due in {n} day{s}", "还有{n}天到期"),
    }
}

/// How a follow-up was closed against its deadline.
pub(super) fn closed_against_due(lang: Lang, closed: Date, days_late: i64) -> String {
    match days_late {
        d if d <= 0 => say!(lang, "closed {closed}, on time", "{closed}按期办结"),
        1 => say!(lang, "closed {closed}, 1 day late", "{closed}办结，超期1天"),
        d => say!(
            lang,
            "closed {closed}, {d} days late",
            "{closed}办结，超期{d}天"
        ),
    }
}

/// The tally of a meeting's decisions.
pub(super) fn decision_tally(lang: Lang, total: usize, closed: usize, overdue: usize) -> String {
    let mut text = say!(
        lang,
        "{total} decision(s), {closed} closed",
        "议定事项{total}件，已办结{closed}件"
    );
    if overdue > 0 {
        text.push_str(&say!(lang, ", {overdue} overdue", "，逾期{overdue}件"));
    }
    text
}

/// One history entry for people. `action` is the stored keyword; an
/// action this version does not know (a hand edit, a newer taizhang) is
/// shown as it is, with its note. On a follow-up some actions read
/// differently (`assign` is 交办 there, 交…承办 on a paper).
pub fn history_action(lang: Lang, action: &str, note: Option<&str>, followup: bool) -> String {
    let note = note.unwrap_or_default();
    let with_note = |words: String| {
        if note.is_empty() {
            words
        } else {
            format!("{words}{}{note}", lang.colon())
        }
    };
    let Some(action) = HistoryAction::parse(action) else {
        return with_note(action.to_string());
    };
    use HistoryAction as A;
    match action {
        A::Log => say!(lang, "registered", "登记"),
        A::Propose => with_note(say!(lang, "proposal", "拟办")),
        A::Instruct => say!(lang, "instruction by {note}", "领导批示（{note}）"),
        A::Route => say!(lang, "routed to {note}", "送{note}传阅"),
        A::Back => say!(lang, "back from {note}", "{note}阅毕收回"),
        A::Assign if followup => with_note(say!(lang, "assigned", "交办")),
        A::Assign => super::edges::paper_assigned(lang, note),
        A::Followup => say!(lang, "follow-up {note} created", "立督办事项 {note}"),
        A::Done => with_note(say!(lang, "done", "办结")),
        A::Reply => with_note(say!(lang, "replied", "答复")),
        A::ReplyTo => say!(lang, "in reply to {note}", "答复来文 {note}"),
        A::Return => with_note(say!(lang, "returned to sender", "退文")),
        A::Issue => with_note(say!(lang, "issued", "印发")),
        A::Revoke => with_note(say!(lang, "revoked", "撤销")),
        A::Held => say!(lang, "held", "会议召开"),
        A::Cancel if followup => with_note(say!(lang, "cancelled", "撤项")),
        A::Cancel => with_note(say!(lang, "cancelled", "取消")),
        A::Minutes => with_note(say!(lang, "minutes", "纪要")),
        A::Decide => with_note(say!(lang, "decision", "议定事项")),
        A::Progress => with_note(say!(lang, "progress", "进展")),
        A::Verify => with_note(say!(lang, "verified and closed", "审核销号")),
        A::Extend => with_note(say!(lang, "extended", "延期")),
        A::Chase => {
            // Stored as `via (level)`: the level is a keyword, worded here.
            let level = note
                .strip_suffix(')')
                .and_then(|rest| rest.rsplit_once(" ("))
                .and_then(|(via, level)| {
                    let level = taizhang_core::model::keyword::parse::<ChaseLevel>(level).ok()?;
                    Some((via, level))
                });
            match level {
                Some((via, level)) => {
                    let level = lang.keyword(level);
                    let via = taizhang_core::model::keyword::parse::<ChaseVia>(via)
                        .map_or_else(|_| via.to_string(), |v| lang.keyword(v).to_string());
                    say!(lang, "chased: {via} ({level})", "催办：{via}（{level}）")
                }
                None => with_note(say!(lang, "chased", "催办")),
            }
        }
        A::Reopen => with_note(say!(lang, "reopened", "退回重办")),
        A::Import => with_note(say!(lang, "imported from a spreadsheet", "从表格导入")),
        A::Renumber => with_note(say!(lang, "renumbered", "重新编号")),
        A::Roster if note.is_empty() => super::loops::roster_made(lang),
        A::Roster => super::loops::rerostered(lang, note),
        A::Add => say!(lang, "recorded", "登记"),
        A::Set => with_note(say!(lang, "changed", "修改")),
        A::Archive => with_note(say!(lang, "archived", "归档")),
        A::ArchiveUndo => with_note(say!(lang, "taken out of the archive", "撤销归档")),
        A::Edit => super::edit::edit_entry(lang, note, followup),
        A::UnitRename => {
            let head = say!(lang, "unit renamed", "单位更名");
            super::edit::changes_entry(lang, &head, note, followup)
        }
        A::Handover => {
            let head = say!(lang, "handed over", "工作交接");
            super::edit::changes_entry(lang, &head, note, followup)
        }
        A::Declassify => super::classified::declassified(lang, note),
        A::Remind => {
            let level = taizhang_core::model::keyword::parse::<ChaseLevel>(note)
                .map(|level| lang.keyword(level))
                .unwrap_or(note);
            say!(lang, "chased by reminder ({level})", "提醒催办（{level}）")
        }
        A::Revise | A::Repeal | A::Review => super::by_kind::history(lang, action.keyword(), note)
            .unwrap_or_else(|| with_note(action.keyword().to_string())),
        A::DraftReview | A::Countersign | A::Sign | A::ReplyRevoked => {
            super::outgoing::history(lang, action.keyword(), note)
                .unwrap_or_else(|| with_note(action.keyword().to_string()))
        }
        A::MilestoneAdd | A::MilestoneDone | A::DoneWithMatter => {
            super::followup::history(lang, action.keyword(), note)
                .unwrap_or_else(|| with_note(action.keyword().to_string()))
        }
    }
}

/// The first line of `remind`: how many of each level, as of today.
pub fn remind_headline(
    lang: Lang,
    today: Date,
    overdue: usize,
    due_today: usize,
    due_soon: usize,
) -> String {
    say!(
        lang,
        "Reminders for {today}: {overdue} overdue, {due_today} due today, {due_soon} due soon",
        "督办提醒（{today}）：逾期{overdue}项，今日到期{due_today}项，即将到期{due_soon}项"
    )
}

/// A reminder's due date in the text of `remind`.
pub fn remind_due(lang: Lang, due: Date) -> String {
    say!(lang, "(due {due})", "（期限 {due}）")
}

/// What a brief calls the period: "本月", "2026年11月", "last month".
pub fn period_name(lang: Lang, period: &Period) -> String {
    use PeriodName::*;
    let (from, to) = (period.from, period.to);
    match period.name {
        ThisWeek => say!(lang, "this week", "本周"),
        LastWeek => say!(lang, "last week", "上周"),
        ThisMonth => say!(lang, "this month", "本月"),
        LastMonth => say!(lang, "last month", "上月"),
        ThisQuarter => say!(lang, "this quarter", "本季度"),
        ThisYear => say!(lang, "this year", "本年"),
        Year(y) => say!(lang, "{y}", "{y}年"),
        Quarter(y, q) => say!(lang, "{y}-Q{q}", "{y}年第{q}季度"),
        Month(y, m) => say!(lang, "{y}-{m:02}", "{y}年{m}月"),
        Week(y, w) => say!(lang, "week {y}-W{w:02}", "{y}年第{w}周"),
        Range => say!(lang, "{from} to {to}", "{from}至{to}"),
    }
}

/// The figures a brief's headline sentence names.
pub struct Headline {
    pub incoming: usize,
    pub outgoing: usize,
    pub assigned: usize,
    pub closed: usize,
    pub overdue: usize,
    /// Incoming action papers overdue, as `remind` counts them too.
    pub overdue_documents: usize,
    /// Already a percentage (`66.7%`), when anything was closed.
    pub on_time: Option<String>,
    /// Parts (分解子项) assigned, beside the matters of `assigned`.
    pub parts: usize,
}

/// The headline of a brief, e.g. "本月收文3件、发文2件；督办事项5项，
/// 办结3项，按期办结率66.7%；逾期督办事项1项、逾期文件2件。" It names the
/// overdue papers beside the overdue follow-ups, as `remind` does.
pub fn summary_headline(lang: Lang, period: &Period, h: &Headline) -> String {
    let name = period_name(lang, period);
    let Headline {
        incoming,
        outgoing,
        assigned,
        closed,
        overdue,
        overdue_documents,
        ..
    } = h;
    match lang {
        Lang::Zh => {
            let rate = h
                .on_time
                .as_ref()
                .map(|r| format!("，按期办结率{r}"))
                .unwrap_or_default();
            let parts = parts_beside(lang, h.parts);
            format!(
                "{name}收文{incoming}件、发文{outgoing}件；督办事项{assigned}项{parts}，办结{closed}项{rate}；逾期督办事项{overdue}项、逾期文件{overdue_documents}件。"
            )
        }
        Lang::En => {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let (fs, ds) = (plural(*overdue), plural(*overdue_documents));
            let rate = h
                .on_time
                .as_ref()
                .map(|r| format!(" ({r} on time)"))
                .unwrap_or_default();
            let lead = match period.name {
                PeriodName::Range => format!("From {} to {}", period.from, period.to),
                PeriodName::ThisWeek
                | PeriodName::LastWeek
                | PeriodName::ThisMonth
                | PeriodName::LastMonth
                | PeriodName::ThisQuarter
                | PeriodName::ThisYear => {
                    let mut chars = name.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                        .unwrap_or_default()
                }
                _ => format!("In {name}"),
            };
            let parts = parts_beside(lang, h.parts);
            format!(
                "{lead}: {incoming} incoming and {outgoing} outgoing documents; {assigned} follow-ups assigned{parts}, {closed} closed{rate}; overdue: {overdue} follow-up{fs} and {overdue_documents} document{ds}."
            )
        }
    }
}

/// The parts beside the matters in the headline, when there are any.
fn parts_beside(lang: Lang, parts: usize) -> String {
    match parts {
        0 => String::new(),
        n => super::followup::parts_beside(lang, n),
    }
}

/// The period line above the figures.
pub fn summary_period(lang: Lang, from: Date, to: Date, asof: Date) -> String {
    let label = lang.label(super::Label::Period);
    say!(
        lang,
        "{label}: {from} to {to} (figures as of {asof})",
        "{label}：{from} 至 {to}（截至 {asof}）"
    )
}

/// The title of the Markdown brief.
pub fn summary_brief_title(lang: Lang, period: &Period) -> String {
    let name = period_name(lang, period);
    let (from, to) = (period.from, period.to);
    say!(
        lang,
        "## Follow-up brief: {name} ({from} to {to})",
        "## 督办工作情况（{name}，{from}至{to}）"
    )
}

/// An empty section.
pub fn none(lang: Lang) -> String {
    say!(lang, "(none)", "（无）")
}

/// A line of what `sync --dry-run` found it would do; notes that tell no
/// action read as `sync_note` words them.
pub(super) fn sync_plan(l: Lang, note: &taizhang_core::store::sync::SyncNote) -> String {
    use taizhang_core::store::sync::SyncNote as S;
    match note {
        S::Renumbered { old, new } => say!(
            l,
            "would renumber {old} → {new} (the remote already has {old})",
            "将重新编号 {old} → {new}（远程已有 {old}）"
        ),
        S::Number { id, old, new } => say!(
            l,
            "{id}: would change the document number {old} → {new} (the remote already has {old})",
            "{id}：发文字号将由 {old} 改为 {new}（远程已有 {old}）"
        ),
        S::Contested { path, key } => say!(
            l,
            "{path}: `{key}` was changed on both sides; the later change would be kept",
            "{path}：`{key}` 在两边都有修改，将保留较晚的修改"
        ),
        S::Pulled(n) => say!(
            l,
            "would take {n} commit(s) from the remote",
            "将从远程取得 {n} 个提交"
        ),
        S::Pushed(n) => say!(
            l,
            "would send {n} commit(s) to the remote",
            "将向远程推送 {n} 个提交"
        ),
        _ => sync_note(l, note),
    }
}

/// A line of what `sync` did.
pub(super) fn sync_note(l: Lang, note: &taizhang_core::store::sync::SyncNote) -> String {
    use taizhang_core::store::sync::SyncNote as S;
    match note {
        S::Renumbered { old, new } => say!(
            l,
            "renumbered {old} → {new} (the remote already had {old})",
            "已重新编号 {old} → {new}（远程已有 {old}）"
        ),
        S::Number { id, old, new } => say!(
            l,
            "{id}: document number {old} → {new} (the remote already had {old})",
            "{id}：发文字号 {old} → {new}（远程已有 {old}）"
        ),
        S::Contested { path, key } => say!(
            l,
            "{path}: `{key}` was changed on both sides; kept the later change",
            "{path}：`{key}` 在两边都有修改，已保留较晚的修改"
        ),
        S::Pulled(n) => say!(
            l,
            "took {n} commit(s) from the remote",
            "已从远程取得 {n} 个提交"
        ),
        S::Pushed(n) => say!(
            l,
            "sent {n} commit(s) to the remote",
            "已向远程推送 {n} 个提交"
        ),
        S::Nothing => say!(
            l,
            "already in sync with the remote; nothing to do",
            "已与远程同步，无需操作"
        ),
        S::DryRun => say!(l, "dry run: nothing was changed", "演练：未做任何改动"),
        S::NotShared(error) => {
            let (why, _) = l.core_error(error);
            say!(
                l,
                "the change is saved here but not shared yet ({why}); run `taizhang sync` later",
                "修改已保存在本地，但尚未共享（{why}）；请稍后运行 `taizhang sync`"
            )
        }
    }
}
