//! How the figures of `summary` read: a table for the terminal, a
//! Markdown brief (工作简报), CSV and JSON. The words come from the
//! catalogue; nothing is computed here.

use std::collections::BTreeMap;

use clap::ValueEnum;
use clap::builder::PossibleValue;
use jiff::civil::Date;

use super::compute::Summary;
use crate::i18n::{self, Label, Lang};
use crate::report::render::{Screen, Table, Tone};
use taizhang_core::model::keyword::{Handling, Keyword, Urgency};
use taizhang_core::model::kind::{Kind, KindFigures};
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

/// The parts of a summary, in the order every format shows them; their
/// names are what `--part` takes (or their Chinese headings), the CSV's
/// `section` column and the JSON's keys (`units` is `by_unit` there).
/// After the register's own parts come the figures of each kind built
/// in its room (`KindFigures`), by the key the kind gives them (`rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Documents,
    Followups,
    Units,
    Overdue,
    Meetings,
    Logbooks,
    /// A kind's own figures.
    Kind(Kind),
}

/// The register's own parts, with the Chinese words `--part` also takes.
const OWN: [(Part, &[&str]); 6] = [
    (Part::Documents, &["公文办理", "公文"]),
    (Part::Followups, &["督办事项", "督办"]),
    (Part::Units, &["分单位情况", "分单位"]),
    (Part::Overdue, &["逾期事项", "逾期"]),
    (Part::Meetings, &["会议"]),
    (Part::Logbooks, &["登记簿"]),
];

/// How many parts a summary has.
const PARTS: usize = OWN.len() + KindFigures::KINDS.len();

impl ValueEnum for Part {
    fn value_variants<'a>() -> &'a [Self] {
        &Part::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).aliases(self.chinese()))
    }
}

impl Part {
    pub const ALL: [Part; PARTS] = {
        let mut all = [Part::Documents; PARTS];
        let mut at = 0;
        while at < PARTS {
            all[at] = if at < OWN.len() {
                OWN[at].0
            } else {
                Part::Kind(KindFigures::KINDS[at - OWN.len()])
            };
            at += 1;
        }
        all
    };

    /// The word `--part` takes and the CSV's `section` column holds.
    pub fn name(self) -> &'static str {
        match self {
            Part::Documents => "documents",
            Part::Followups => "followups",
            Part::Units => "units",
            Part::Overdue => "overdue",
            Part::Meetings => "meetings",
            Part::Logbooks => "logbooks",
            Part::Kind(kind) => KindFigures::key(kind).unwrap_or(kind.keyword()),
        }
    }

    /// The Chinese words `--part` takes besides the name: a kind's
    /// first Chinese name (制度).
    fn chinese(self) -> Vec<&'static str> {
        match self {
            Part::Kind(kind) => kind.chinese().split('|').take(1).collect(),
            own => (OWN.iter())
                .find(|(part, _)| *part == own)
                .map_or_else(Vec::new, |(_, words)| words.to_vec()),
        }
    }

    /// The part's heading, in the reader's language: a kind's figures
    /// stand under the name of its register.
    pub fn heading(self, lang: Lang) -> &'static str {
        let label = match self {
            Part::Documents => Label::Documents,
            Part::Followups => Label::Followups,
            Part::Units => Label::ByUnit,
            Part::Overdue => Label::OverdueList,
            Part::Meetings => Label::Meetings,
            Part::Logbooks => Label::Logbooks,
            Part::Kind(kind) => {
                return i18n::register_name(lang, kind).unwrap_or(lang.keyword(kind));
            }
        };
        lang.label(label)
    }

    /// Whether the whole summary shows the part: the logbooks of a
    /// register that declares none and the rules of one that keeps none
    /// are left out (asked for by name, they show empty).
    fn kept(self, s: &Summary) -> bool {
        match self {
            Part::Logbooks => !s.logbooks.is_empty(),
            Part::Kind(kind) => !s.kinds.is_empty(kind),
            _ => true,
        }
    }

    /// The part as a table: a figure and its value a row, or the part's
    /// own columns (the units, the overdue list). A logbook is called by
    /// its title in the reader's language (`book_titles`).
    pub fn table(self, s: &Summary, lang: Lang, titles: &BTreeMap<String, String>) -> Table {
        match self {
            Part::Units => unit_table(s, lang),
            Part::Overdue => overdue_table(s, lang),
            figures => {
                let mut table = Table::new(labels(lang, &[Label::Figure, Label::Value]));
                table.rows = figure_rows(figures, s, lang, titles)
                    .into_iter()
                    .map(|(label, value)| vec![plain(label), plain(value)])
                    .collect();
                table
            }
        }
    }
}

/// The rows of a part of figures: its label and value, a breakdown's
/// labels indented under what they break down.
fn figure_rows(
    part: Part,
    s: &Summary,
    lang: Lang,
    titles: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let row = |label: Label, value: String| (lang.label(label).to_string(), value);
    let sub = |label: &str, value: usize| (format!("  {label}"), value.to_string());
    match part {
        Part::Documents => {
            let d = &s.documents;
            let (u, h) = (&d.incoming_by_urgency, &d.incoming_by_handling);
            let mut rows = vec![row(Label::Incoming, d.incoming.to_string())];
            rows.extend([
                sub(lang.keyword(Urgency::Normal), u.normal),
                sub(lang.keyword(Urgency::Urgent), u.urgent),
                sub(lang.keyword(Urgency::VeryUrgent), u.very_urgent),
                sub(lang.keyword(Handling::Action), h.action),
                sub(lang.keyword(Handling::Info), h.info),
            ]);
            rows.extend([
                row(Label::Outgoing, d.outgoing.to_string()),
                row(Label::IncomingDone, d.incoming_done.to_string()),
                row(Label::IncomingPending, d.incoming_pending.to_string()),
                row(Label::IncomingOverdue, d.incoming_overdue.to_string()),
            ]);
            rows
        }
        Part::Followups => {
            let f = &s.followups;
            vec![
                row(Label::Assigned, f.assigned.to_string()),
                row(Label::Closed, f.closed.to_string()),
                row(Label::ClosedOnTime, f.closed_on_time.to_string()),
                row(Label::OnTimeRate, percent(f.on_time_rate)),
                row(Label::DueInPeriod, f.due.to_string()),
                row(Label::DueClosed, f.due_closed.to_string()),
                row(Label::CompletionRate, percent(f.completion_rate)),
                row(Label::Open, f.open.to_string()),
                row(Label::Overdue, f.overdue.to_string()),
            ]
        }
        Part::Meetings => vec![
            row(Label::MeetingsHeld, s.meetings.held.to_string()),
            row(Label::Decisions, s.meetings.decisions.to_string()),
        ],
        // The logbooks under their own heading, not among the meetings.
        Part::Logbooks => (s.logbooks.iter())
            .map(|(book, n)| {
                let name = match titles.get(book) {
                    Some(title) if !title.is_empty() => title,
                    _ => book,
                };
                (name.clone(), n.to_string())
            })
            .collect(),
        Part::Kind(kind) => i18n::summary_rows(lang, kind, &s.kinds)
            .into_iter()
            .map(|(label, n)| (label.to_string(), n.to_string()))
            .collect(),
        Part::Units | Part::Overdue => Vec::new(),
    }
}

/// The parts a summary shows, each with its table: `only` the one asked
/// for, else every part it keeps (`Part::kept`).
pub fn sections(
    s: &Summary,
    lang: Lang,
    titles: &BTreeMap<String, String>,
    only: Option<Part>,
) -> Vec<(Part, Table)> {
    (Part::ALL.into_iter())
        .filter(|part| only.map_or_else(|| part.kept(s), |only| only == *part))
        .map(|part| (part, part.table(s, lang, titles)))
        .collect()
}

/// The parts of figures, under their headings: the brief's figures,
/// whose units and overdue list stand elsewhere on its page.
pub fn figure_tables(
    s: &Summary,
    lang: Lang,
    titles: &BTreeMap<String, String>,
) -> Vec<(&'static str, Table)> {
    (sections(s, lang, titles, None).into_iter())
        .filter(|(part, _)| !matches!(part, Part::Units | Part::Overdue))
        .map(|(part, table)| (part.heading(lang), table))
        .collect()
}

fn period_line(s: &Summary, period: &Period, today: Date, lang: Lang) -> String {
    i18n::summary_period(lang, s.period.from, s.period.to, period.asof(today))
}

/// What every format for people is made of: the figures, the reader's
/// language and the logbooks' titles by name, and the one part asked for.
pub struct View<'a> {
    pub summary: &'a Summary,
    pub lang: Lang,
    pub titles: &'a BTreeMap<String, String>,
    pub only: Option<Part>,
}

impl View<'_> {
    fn sections(&self) -> Vec<(Part, Table)> {
        sections(self.summary, self.lang, self.titles, self.only)
    }
}

/// The period, the headline and each part as a terminal table.
pub fn terminal(v: &View, period: &Period, today: Date, screen: Screen) -> String {
    let (s, lang) = (v.summary, v.lang);
    let mut out = period_line(s, period, today, lang);
    out.push('\n');
    out.push_str(&headline(s, period, lang));
    out.push('\n');
    for (part, table) in v.sections() {
        out.push('\n');
        out.push_str(part.heading(lang));
        out.push('\n');
        if table.rows.is_empty() {
            out.push_str(&i18n::none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_terminal(screen));
        }
        if let Some(table) = meeting_items(s, part, lang) {
            let table = table.to_terminal(screen);
            out.push_str(&format!("\n{}\n{table}", super::meetings::heading(lang)));
        }
    }
    out
}

/// Each meeting held with its 落实率, shown right after the meetings'
/// figures when the period held any.
fn meeting_items(s: &Summary, part: Part, lang: Lang) -> Option<Table> {
    (part == Part::Meetings && !s.meetings.items.is_empty())
        .then(|| super::meetings::table(s, lang))
}

/// A brief ready to paste into a 工作简报: the headline sentence, then
/// each part under its heading.
pub fn markdown(v: &View, period: &Period) -> String {
    let (s, lang) = (v.summary, v.lang);
    let title = i18n::summary_brief_title(lang, period);
    let mut out = format!("{title}\n\n{}\n", headline(s, period, lang));
    for (part, table) in v.sections() {
        out.push_str(&format!("\n### {}\n\n", part.heading(lang)));
        if table.rows.is_empty() {
            out.push_str(&i18n::none(lang));
            out.push('\n');
        } else {
            out.push_str(&table.to_markdown());
        }
        if let Some(table) = meeting_items(s, part, lang) {
            let table = table.to_markdown();
            let heading = super::meetings::heading(lang);
            out.push_str(&format!("\n### {heading}\n\n{table}"));
        }
    }
    out
}

/// The CSV: one part asked for is its own table, as the terminal shows it
/// (`--part units` is the by-unit table, the whole CSV of old). Every part
/// is one table of them all: a `section` column with the part's name,
/// the row's label (a figure, a unit, an ID), then a column for each
/// figure any part has (by its heading, in the order first met), empty
/// where the row's part has no such figure.
pub fn csv(v: &View) -> Table {
    let sections = v.sections();
    if v.only.is_some() {
        return sections
            .into_iter()
            .map(|(_, t)| t)
            .next()
            .unwrap_or_default();
    }
    let mut columns: Vec<String> = Vec::new();
    for (_, table) in &sections {
        for head in table.headers.iter().skip(1) {
            if !columns.contains(head) {
                columns.push(head.clone());
            }
        }
    }
    let mut headers = labels(v.lang, &[Label::Section, Label::Figure]);
    headers.extend(columns.iter().cloned());
    let mut out = Table::new(headers);
    for (part, table) in sections {
        for cells in table.rows {
            let mut row = vec![plain(part.name()), plain(cells[0].0.trim())];
            row.resize(columns.len() + 2, plain(""));
            for (head, cell) in table.headers.iter().zip(cells).skip(1) {
                if let Some(at) = columns.iter().position(|c| c == head) {
                    row[at + 2] = cell;
                }
            }
            out.push(row);
        }
    }
    out
}

/// The JSON, in the shape docs/summaries.md shows, keys in its order; of
/// `only` one part, that part's value alone.
pub fn json(s: &Summary, only: Option<Part>) -> String {
    fn pretty(value: &impl serde::Serialize) -> String {
        serde_json::to_string_pretty(value).unwrap_or_default()
    }
    let mut text = match only {
        None => pretty(s),
        Some(Part::Documents) => pretty(&s.documents),
        Some(Part::Followups) => pretty(&s.followups),
        Some(Part::Units) => pretty(&s.by_unit),
        Some(Part::Overdue) => pretty(&s.overdue),
        Some(Part::Meetings) => pretty(&s.meetings),
        Some(Part::Logbooks) => pretty(&s.logbooks),
        // Left out of the whole JSON when empty; asked for, its zeros.
        Some(Part::Kind(kind)) => pretty(&s.kinds.of(kind)),
    };
    text.push('\n');
    text
}
