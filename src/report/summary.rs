//! The figures of `summary` (DESIGN §4), each computed here with exactly
//! its documented definition, and the renderers for a table, a Markdown
//! brief (工作简报), JSON and CSV.
//!
//! Pure: the records, the period and "today" are passed in. Overdue and
//! effective due dates come from `model::followup`/`model::record`; the
//! figures are counted as of `asof = min(to, today)`.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::{Label, Lang};
use crate::model::date::days_between;
use crate::model::facts::Facts;
use crate::model::followup::{Followup, FuStatus};
use crate::model::id::Id;
use crate::model::keyword::{Handling, Keyword, Urgency};
use crate::model::meeting::MtStatus;
use crate::model::period::{Period, PeriodName};
use crate::model::record::Record;
use crate::report::redact::Secrets;
use crate::report::render::{Table, Tone};

/// Everything `summary` reports; its JSON is the contract of DESIGN §4.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub period: Span,
    pub documents: Documents,
    pub followups: Followups,
    pub by_unit: Vec<UnitRow>,
    pub overdue: Vec<OverdueRow>,
    pub meetings: Meetings,
    pub logbooks: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub from: Date,
    pub to: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Documents {
    pub incoming: usize,
    pub incoming_by_urgency: ByUrgency,
    pub incoming_by_handling: ByHandling,
    pub outgoing: usize,
    pub incoming_done: usize,
    pub incoming_pending: usize,
    pub incoming_overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ByUrgency {
    pub normal: usize,
    pub urgent: usize,
    #[serde(rename = "very-urgent")]
    pub very_urgent: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ByHandling {
    pub action: usize,
    pub info: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Followups {
    pub assigned: usize,
    pub closed: usize,
    pub closed_on_time: usize,
    pub on_time_rate: Option<f64>,
    pub due: usize,
    pub due_closed: usize,
    pub completion_rate: Option<f64>,
    pub open: usize,
    pub overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UnitRow {
    pub unit: String,
    pub assigned: usize,
    pub closed: usize,
    pub closed_on_time: usize,
    pub open: usize,
    pub overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueRow {
    pub id: Id,
    /// Already redacted when the record is classified.
    pub title: String,
    pub unit: String,
    pub owner: Option<String>,
    pub due: Date,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Meetings {
    pub held: usize,
    pub decisions: usize,
}

/// What one follow-up contributes, as of `asof`.
struct FuFacts {
    assigned: bool,
    closed: bool,
    closed_on_time: bool,
    due: bool,
    due_closed: bool,
    open: bool,
    overdue: bool,
}

fn followup_facts(fu: &Followup, period: &Period, asof: Date) -> FuFacts {
    let due = fu.effective_due();
    let closed_on = fu.closed_on();
    let closed_by_asof = closed_on.is_some_and(|c| c <= asof);
    let closed = closed_on.is_some_and(|c| period.contains(c));
    let open = fu.open_on(asof);
    let due_in_period = period.contains(due) && fu.status != FuStatus::Cancelled;
    FuFacts {
        assigned: period.contains(fu.assigned),
        closed,
        closed_on_time: closed && closed_on.is_some_and(|c| c <= due),
        due: due_in_period,
        due_closed: due_in_period && closed_by_asof,
        open,
        overdue: open && due < asof,
    }
}

/// Whether a record with these `facts` can count in the summary of
/// `period` seen on `today`: it may still be open or pending on `asof`, or
/// one of its dates may fall in the period (or on `asof`). Every figure of
/// `compute` depends on nothing else, so records failing this are not
/// even decoded (`tests::only_relevant_records_count` holds us to it).
pub fn relevant(facts: &Facts, period: &Period, today: Date) -> bool {
    let asof = period.asof(today);
    facts.settled.is_none_or(|settled| settled > asof)
        || facts.touches(period.from.min(asof), period.to.max(asof))
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Computes every figure of DESIGN §4 for `records` (already narrowed to
/// one unit, if asked). `books` are the declared logbooks, each reported
/// even when empty.
pub fn compute(
    records: &[&Record],
    period: &Period,
    today: Date,
    books: &[String],
    secrets: &Secrets,
    lang: Lang,
) -> Summary {
    let asof = period.asof(today);
    let mut documents = Documents::default();
    let mut followups = Followups::default();
    let mut units: BTreeMap<String, UnitRow> = BTreeMap::new();
    let mut overdue = Vec::new();
    let mut meetings = Meetings::default();
    let mut logbooks: BTreeMap<String, usize> = books.iter().map(|b| (b.clone(), 0)).collect();

    for record in records {
        match record {
            Record::Incoming(doc) => {
                if period.contains(doc.received.date()) {
                    documents.incoming += 1;
                    let u = &mut documents.incoming_by_urgency;
                    *match doc.urgency {
                        Urgency::Normal => &mut u.normal,
                        Urgency::Urgent => &mut u.urgent,
                        Urgency::VeryUrgent => &mut u.very_urgent,
                    } += 1;
                    let h = &mut documents.incoming_by_handling;
                    *match doc.handling {
                        Handling::Action => &mut h.action,
                        Handling::Info => &mut h.info,
                    } += 1;
                }
                if doc.handling == Handling::Action
                    && doc.completed.is_some_and(|c| period.contains(c))
                {
                    documents.incoming_done += 1;
                }
                if doc.pending_on(asof) {
                    documents.incoming_pending += 1;
                    if doc.deadline.is_some_and(|d| d < asof) {
                        documents.incoming_overdue += 1;
                    }
                }
            }
            Record::Outgoing(_) => {
                // Record::date is `signed`, else the day it was created.
                if period.contains(record.date()) {
                    documents.outgoing += 1;
                }
            }
            Record::Followup(fu) => {
                let f = followup_facts(fu, period, asof);
                let count = |flag: bool, n: &mut usize| *n += usize::from(flag);
                count(f.assigned, &mut followups.assigned);
                count(f.closed, &mut followups.closed);
                count(f.closed_on_time, &mut followups.closed_on_time);
                count(f.due, &mut followups.due);
                count(f.due_closed, &mut followups.due_closed);
                count(f.open, &mut followups.open);
                count(f.overdue, &mut followups.overdue);
                if f.assigned || f.closed || f.open {
                    let row = units.entry(fu.lead.clone()).or_insert_with(|| UnitRow {
                        unit: fu.lead.clone(),
                        ..UnitRow::default()
                    });
                    count(f.assigned, &mut row.assigned);
                    count(f.closed, &mut row.closed);
                    count(f.closed_on_time, &mut row.closed_on_time);
                    count(f.open, &mut row.open);
                    count(f.overdue, &mut row.overdue);
                }
                if f.overdue {
                    let due = fu.effective_due();
                    overdue.push(OverdueRow {
                        id: fu.id.clone(),
                        title: secrets.title(record, lang),
                        unit: fu.lead.clone(),
                        owner: fu.owner.clone(),
                        due,
                        days_overdue: days_between(due, asof),
                    });
                }
            }
            Record::Meeting(mt) => {
                if matches!(mt.status, MtStatus::Held | MtStatus::Minuted)
                    && period.contains(mt.start.date())
                {
                    meetings.held += 1;
                    meetings.decisions += mt.decisions.len();
                }
            }
            Record::Entry(_, book) => {
                if period.contains(record.date()) {
                    *logbooks.entry(book.clone()).or_insert(0) += 1;
                }
            }
        }
    }
    followups.on_time_rate = rate(followups.closed_on_time, followups.closed);
    followups.completion_rate = rate(followups.due_closed, followups.due);
    overdue.sort_by(|a, b| (a.due, &a.id).cmp(&(b.due, &b.id)));
    Summary {
        period: Span {
            from: period.from,
            to: period.to,
        },
        documents,
        followups,
        by_unit: units.into_values().collect(),
        overdue,
        meetings,
        logbooks,
    }
}

/// `66.7%`, or `—` when there is nothing to divide by.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
}

/// What a brief calls the period: "本月", "2026年11月", "last month".
pub fn period_name(period: &Period, lang: Lang) -> String {
    use PeriodName::*;
    match (period.name, lang) {
        (ThisWeek, Lang::Zh) => "本周".into(),
        (LastWeek, Lang::Zh) => "上周".into(),
        (ThisMonth, Lang::Zh) => "本月".into(),
        (LastMonth, Lang::Zh) => "上月".into(),
        (ThisQuarter, Lang::Zh) => "本季度".into(),
        (ThisYear, Lang::Zh) => "本年".into(),
        (Year(y), Lang::Zh) => format!("{y}年"),
        (Quarter(y, q), Lang::Zh) => format!("{y}年第{q}季度"),
        (Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
        (Week(y, w), Lang::Zh) => format!("{y}年第{w}周"),
        (Range, Lang::Zh) => format!("{}至{}", period.from, period.to),
        (ThisWeek, Lang::En) => "this week".into(),
        (LastWeek, Lang::En) => "last week".into(),
        (ThisMonth, Lang::En) => "this month".into(),
        (LastMonth, Lang::En) => "last month".into(),
        (ThisQuarter, Lang::En) => "this quarter".into(),
        (ThisYear, Lang::En) => "this year".into(),
        (Year(y), Lang::En) => format!("{y}"),
        (Quarter(y, q), Lang::En) => format!("{y}-Q{q}"),
        (Month(y, m), Lang::En) => format!("{y}-{m:02}"),
        (Week(y, w), Lang::En) => format!("week {y}-W{w:02}"),
        (Range, Lang::En) => format!("{} to {}", period.from, period.to),
    }
}

/// The headline of a brief, e.g.
/// "本月收文3件、发文2件；督办事项5项，办结3项，按期办结率66.7%，逾期1项。"
pub fn headline(s: &Summary, period: &Period, lang: Lang) -> String {
    let name = period_name(period, lang);
    let (d, f) = (&s.documents, &s.followups);
    match lang {
        Lang::Zh => {
            let rate = f
                .on_time_rate
                .map(|r| format!("，按期办结率{}", percent(Some(r))))
                .unwrap_or_default();
            format!(
                "{name}收文{}件、发文{}件；督办事项{}项，办结{}项{rate}，逾期{}项。",
                d.incoming, d.outgoing, f.assigned, f.closed, f.overdue
            )
        }
        Lang::En => {
            let rate = f
                .on_time_rate
                .map(|r| format!(" ({} on time)", percent(Some(r))))
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
            format!(
                "{lead}: {} incoming and {} outgoing documents; {} follow-ups assigned, {} closed{rate}, {} overdue.",
                d.incoming, d.outgoing, f.assigned, f.closed, f.overdue
            )
        }
    }
}

fn labels(lang: Lang, labels: &[Label]) -> Vec<String> {
    labels.iter().map(|l| lang.label(*l).to_string()).collect()
}

fn plain(text: impl ToString) -> (String, Tone) {
    (text.to_string(), Tone::Plain)
}

/// The by-unit table (also the CSV of `summary`).
pub fn unit_table(s: &Summary, lang: Lang) -> Table {
    let mut table = Table::new(labels(
        lang,
        &[
            Label::LeadUnit,
            Label::Assigned,
            Label::Closed,
            Label::ClosedOnTime,
            Label::Open,
            Label::Overdue,
        ],
    ));
    for row in &s.by_unit {
        table.push(vec![
            plain(&row.unit),
            plain(row.assigned),
            plain(row.closed),
            plain(row.closed_on_time),
            plain(row.open),
            (
                row.overdue.to_string(),
                if row.overdue > 0 {
                    Tone::Danger
                } else {
                    Tone::Plain
                },
            ),
        ]);
    }
    table
}

/// The overdue follow-ups.
pub fn overdue_table(s: &Summary, lang: Lang) -> Table {
    let mut table = Table::new(labels(
        lang,
        &[
            Label::Id,
            Label::Title,
            Label::LeadUnit,
            Label::Owner,
            Label::Due,
            Label::DaysOverdue,
        ],
    ));
    for row in &s.overdue {
        table.push(vec![
            plain(&row.id),
            plain(&row.title),
            plain(&row.unit),
            plain(row.owner.as_deref().unwrap_or_default()),
            plain(row.due),
            (row.days_overdue.to_string(), Tone::Danger),
        ]);
    }
    table
}

/// The figures as label/value rows, section by section.
fn figure_tables(s: &Summary, lang: Lang) -> Vec<(Label, Table)> {
    let head = || Table::new(labels(lang, &[Label::Figure, Label::Value]));
    let row = |t: &mut Table, label: Label, value: String| {
        t.push(vec![plain(lang.label(label)), plain(value)]);
    };
    let sub = |t: &mut Table, label: &str, value: usize| {
        t.push(vec![plain(format!("  {label}")), plain(value)]);
    };
    let d = &s.documents;
    let mut docs = head();
    row(&mut docs, Label::Incoming, d.incoming.to_string());
    let u = &d.incoming_by_urgency;
    for (k, n) in [
        (Urgency::Normal, u.normal),
        (Urgency::Urgent, u.urgent),
        (Urgency::VeryUrgent, u.very_urgent),
    ] {
        sub(&mut docs, k.label(lang), n);
    }
    let h = &d.incoming_by_handling;
    for (k, n) in [(Handling::Action, h.action), (Handling::Info, h.info)] {
        sub(&mut docs, k.label(lang), n);
    }
    row(&mut docs, Label::Outgoing, d.outgoing.to_string());
    row(&mut docs, Label::IncomingDone, d.incoming_done.to_string());
    row(
        &mut docs,
        Label::IncomingPending,
        d.incoming_pending.to_string(),
    );
    row(
        &mut docs,
        Label::IncomingOverdue,
        d.incoming_overdue.to_string(),
    );

    let f = &s.followups;
    let mut fus = head();
    row(&mut fus, Label::Assigned, f.assigned.to_string());
    row(&mut fus, Label::Closed, f.closed.to_string());
    row(&mut fus, Label::ClosedOnTime, f.closed_on_time.to_string());
    row(&mut fus, Label::OnTimeRate, percent(f.on_time_rate));
    row(&mut fus, Label::DueInPeriod, f.due.to_string());
    row(&mut fus, Label::DueClosed, f.due_closed.to_string());
    row(&mut fus, Label::CompletionRate, percent(f.completion_rate));
    row(&mut fus, Label::Open, f.open.to_string());
    row(&mut fus, Label::Overdue, f.overdue.to_string());

    let mut other = head();
    row(&mut other, Label::MeetingsHeld, s.meetings.held.to_string());
    row(
        &mut other,
        Label::Decisions,
        s.meetings.decisions.to_string(),
    );
    for (book, n) in &s.logbooks {
        other.push(vec![
            plain(format!("{} · {book}", lang.label(Label::Logbooks))),
            plain(n),
        ]);
    }
    vec![
        (Label::Documents, docs),
        (Label::Followups, fus),
        (Label::Meetings, other),
    ]
}

fn period_line(s: &Summary, period: &Period, today: Date, lang: Lang) -> String {
    let asof = period.asof(today);
    match lang {
        Lang::En => format!(
            "{}: {} to {} (figures as of {asof})",
            lang.label(Label::Period),
            s.period.from,
            s.period.to
        ),
        Lang::Zh => format!(
            "{}：{} 至 {}（截至 {asof}）",
            lang.label(Label::Period),
            s.period.from,
            s.period.to
        ),
    }
}

/// Everything, as terminal tables.
pub fn terminal(s: &Summary, period: &Period, today: Date, lang: Lang, color: bool) -> String {
    let mut out = period_line(s, period, today, lang);
    out.push('\n');
    out.push_str(&headline(s, period, lang));
    out.push('\n');
    let mut sections = figure_tables(s, lang);
    sections.insert(2, (Label::ByUnit, unit_table(s, lang)));
    sections.insert(3, (Label::OverdueList, overdue_table(s, lang)));
    for (label, table) in sections {
        out.push('\n');
        out.push_str(lang.label(label));
        out.push('\n');
        if table.rows.is_empty() {
            out.push_str(none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_terminal(color));
        }
    }
    out
}

fn none(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(none)",
        Lang::Zh => "（无）",
    }
}

/// A brief ready to paste into a 工作简报: the headline sentence, the
/// by-unit table and the overdue list.
pub fn markdown(s: &Summary, period: &Period, lang: Lang) -> String {
    let title = match lang {
        Lang::Zh => format!(
            "## 督办工作情况（{}，{}至{}）",
            period_name(period, lang),
            s.period.from,
            s.period.to
        ),
        Lang::En => format!(
            "## Follow-up brief: {} ({} to {})",
            period_name(period, lang),
            s.period.from,
            s.period.to
        ),
    };
    let mut out = format!("{title}\n\n{}\n", headline(s, period, lang));
    for (label, table) in [
        (Label::ByUnit, unit_table(s, lang)),
        (Label::OverdueList, overdue_table(s, lang)),
    ] {
        out.push_str(&format!("\n### {}\n\n", lang.label(label)));
        if table.rows.is_empty() {
            out.push_str(none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_markdown());
        }
    }
    out
}

/// The JSON of DESIGN §4.
pub fn json(s: &Summary) -> String {
    let mut text = serde_json::to_string_pretty(s).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
