//! How the figures of `summary` read: a table for the terminal, a
//! Markdown brief (工作简报), CSV and JSON. The words come from the
//! catalogue; nothing is computed here.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::compute::Summary;
use crate::i18n::{self, Label, Lang};
use crate::report::render::{Screen, Table, Tone};
use taizhang_core::model::keyword::{Handling, Urgency};
use taizhang_core::model::period::Period;

/// `66.7%`, or `—` when there is nothing to divide by.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
}

/// The headline of a brief, e.g.
/// "本月收文3件、发文2件；督办事项5项，办结3项，按期办结率66.7%，逾期1项。"
pub fn headline(s: &Summary, period: &Period, lang: Lang) -> String {
    let (d, f) = (&s.documents, &s.followups);
    i18n::summary_headline(
        lang,
        period,
        &i18n::Headline {
            incoming: d.incoming,
            outgoing: d.outgoing,
            assigned: f.assigned,
            closed: f.closed,
            overdue: f.overdue,
            overdue_documents: d.incoming_overdue,
            parts: f.parts,
            on_time: f.on_time_rate.map(|r| percent(Some(r))),
        },
    )
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
            plain(row.title.words(lang)),
            plain(&row.unit),
            plain(row.owner.as_deref().unwrap_or_default()),
            plain(row.due),
            (row.days_overdue.to_string(), Tone::Danger),
        ]);
    }
    table
}

/// The logbooks' titles in the reader's language, by name: `title` for
/// Chinese (用印登记), `title_en` for English (Seal use), else the name.
pub fn book_titles(
    books: &BTreeMap<String, taizhang_core::model::config::LogbookDef>,
    lang: Lang,
) -> BTreeMap<String, String> {
    (books.iter())
        .map(|(name, book)| (name.clone(), lang.book_title(name, book).to_string()))
        .collect()
}

/// The figures as label/value rows, section by section. A logbook is
/// called by its title in the reader's language (`book_titles`).
pub fn figure_tables(
    s: &Summary,
    lang: Lang,
    titles: &BTreeMap<String, String>,
) -> Vec<(Label, Table)> {
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
        sub(&mut docs, lang.keyword(k), n);
    }
    let h = &d.incoming_by_handling;
    for (k, n) in [(Handling::Action, h.action), (Handling::Info, h.info)] {
        sub(&mut docs, lang.keyword(k), n);
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
    let mut sections = vec![
        (Label::Documents, docs),
        (Label::Followups, fus),
        (Label::Meetings, other),
    ];
    // The logbooks under their own heading, not among the meetings.
    if !s.logbooks.is_empty() {
        let mut books = head();
        for (book, n) in &s.logbooks {
            let name = match titles.get(book) {
                Some(title) if !title.is_empty() => title,
                _ => book,
            };
            books.push(vec![plain(name), plain(n)]);
        }
        sections.push((Label::Logbooks, books));
    }
    if !s.rules.is_empty() {
        let mut rules = head();
        for (label, n) in i18n::rule::summary_rows(lang, &s.rules) {
            rules.push(vec![plain(label), plain(n)]);
        }
        sections.push((Label::Rules, rules));
    }
    sections
}

fn period_line(s: &Summary, period: &Period, today: Date, lang: Lang) -> String {
    i18n::summary_period(lang, s.period.from, s.period.to, period.asof(today))
}

/// Everything, as terminal tables; `titles` are the logbooks' titles by
/// name.
pub fn terminal(
    s: &Summary,
    period: &Period,
    today: Date,
    (lang, screen): (Lang, Screen),
    titles: &BTreeMap<String, String>,
) -> String {
    let mut out = period_line(s, period, today, lang);
    out.push('\n');
    out.push_str(&headline(s, period, lang));
    out.push('\n');
    let mut sections = figure_tables(s, lang, titles);
    sections.insert(2, (Label::ByUnit, unit_table(s, lang)));
    sections.insert(3, (Label::OverdueList, overdue_table(s, lang)));
    for (label, table) in sections {
        out.push('\n');
        out.push_str(lang.label(label));
        out.push('\n');
        if table.rows.is_empty() {
            out.push_str(&i18n::none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_terminal(screen));
        }
    }
    out
}

/// A brief ready to paste into a 工作简报: the headline sentence, the
/// by-unit table and the overdue list.
pub fn markdown(s: &Summary, period: &Period, lang: Lang) -> String {
    let title = i18n::summary_brief_title(lang, period);
    let mut out = format!("{title}\n\n{}\n", headline(s, period, lang));
    for (label, table) in [
        (Label::ByUnit, unit_table(s, lang)),
        (Label::OverdueList, overdue_table(s, lang)),
    ] {
        out.push_str(&format!("\n### {}\n\n", lang.label(label)));
        if table.rows.is_empty() {
            out.push_str(&i18n::none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_markdown());
        }
    }
    out
}

/// The JSON, in the shape docs/summaries.md shows.
pub fn json(s: &Summary) -> String {
    let mut text = serde_json::to_string_pretty(s).unwrap_or_default();
    text.push('\n');
    text
}
