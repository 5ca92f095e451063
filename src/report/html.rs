//! `export html`: one self-contained page an office director opens or
//! prints on A4 — the headline and every figure of `summary` for the
//! period, a bar chart of follow-ups per lead unit (inline SVG), what is
//! overdue, due today and due soon in three colours, and the deadlines
//! and meetings of the next 14 days.
//!
//! Nothing is fetched: the CSS and the chart are inline, the fonts are
//! the reader's own. Print CSS gives A4 pages whose tables repeat their
//! header rows. Pure: the figures and lists are computed by the caller.

use std::fmt::Write;

use jiff::civil::Date;

use crate::i18n::{self, Brief, Label, Lang};
use crate::report::redact::{Secrets, Title};
use crate::report::remind::Reminder;
use crate::report::render::{Table, Tone};
use crate::report::summary::{self, Summary};
use taizhang_core::model::date::When;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;

/// Days ahead the page looks.
pub const DAYS_AHEAD: i64 = 14;

/// A meeting in the next days.
pub struct MeetingRow {
    pub id: Id,
    pub title: Title,
    pub start: When,
    pub venue: Option<String>,
}

/// What the page shows; everything already computed.
pub struct Page<'a> {
    pub unit: &'a str,
    pub summary: &'a Summary,
    pub period: &'a Period,
    pub today: Date,
    /// Overdue, due today and due soon (remind's levels).
    pub attention: &'a [Reminder],
    /// Deadlines from today to `DAYS_AHEAD` days on.
    pub deadlines: &'a [Reminder],
    pub meetings: &'a [MeetingRow],
    /// The logbooks' titles by name (用印登记 for `seal`).
    pub book_titles: &'a std::collections::BTreeMap<String, String>,
}

/// Whether a record with these facts can change the page of `period` on
/// `today`: what the period's figures count (`summary::relevant`), what
/// may be reminded of (`remind::relevant`: what is still open, entries
/// while out on their book's loop, classified papers due for review) and
/// what is filed under a day of the next `DAYS_AHEAD` days (planned
/// meetings). Records failing this are not decoded.
pub fn relevant(facts: &Facts, period: &Period, today: Date) -> bool {
    let last = today
        .checked_add(jiff::Span::new().days(DAYS_AHEAD))
        .unwrap_or(Date::MAX);
    crate::report::remind::relevant(facts)
        || (today..=last).contains(&facts.filed)
        || summary::relevant(facts, period, today)
}

/// The meetings planned from `today` to `DAYS_AHEAD` days on, by start.
pub fn upcoming_meetings(records: &[&Record], today: Date, secrets: &Secrets) -> Vec<MeetingRow> {
    let last = today
        .checked_add(jiff::Span::new().days(DAYS_AHEAD))
        .unwrap_or(today);
    let mut rows: Vec<MeetingRow> = records
        .iter()
        .filter_map(|r| match r {
            Record::Meeting(m)
                if m.status == taizhang_core::model::meeting::MtStatus::Planned
                    && (today..=last).contains(&m.start.date()) =>
            {
                Some(MeetingRow {
                    id: m.id.clone(),
                    title: secrets.title(r),
                    start: m.start,
                    venue: m.venue.clone(),
                })
            }
            _ => None,
        })
        .collect();
    rows.sort_by(|a, b| (a.start.to_string(), &a.id).cmp(&(b.start.to_string(), &b.id)));
    rows
}

/// Text made safe inside HTML; control characters are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --red: #c62828; --yellow: #b7791f; --blue: #1e5fa8; --line: #c9d2de; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #1b1f24; margin: 24px auto; max-width: 1000px; padding: 0 16px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1e3a5f; color: #1e3a5f; }
p.headline { font-size: 15px; background: #f1f5fa; padding: 10px 14px; border-left: 4px solid #1e3a5f; }
p.meta { color: #5b6573; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #e8eef6; }
th, td.nw, td.n, td.lvl { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; gap: 16px; flex-wrap: wrap; }
.figures > div { flex: 1 1 280px; }
tr.overdue td { background: #fdecea; } tr.overdue td.lvl { color: var(--red); font-weight: bold; }
tr.due-today td { background: #fff6db; } tr.due-today td.lvl { color: var(--yellow); font-weight: bold; }
tr.due-soon td { background: #e8f1fb; } tr.due-soon td.lvl { color: var(--blue); font-weight: bold; }
tr.feedback-due td { background: #f1ecf7; } tr.feedback-due td.lvl { color: #6a1b9a; font-weight: bold; }
.danger { color: var(--red); font-weight: bold; }
.legend { color: #5b6573; font-size: 12px; }
svg text { font-family: inherit; }
footer { color: #8a94a3; font-size: 11px; margin-top: 24px; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  thead { display: table-header-group; }
  tr, .chart { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  p.headline, tr.overdue td, tr.due-today td, tr.due-soon td, tr.feedback-due td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The page.
pub fn page(p: &Page, lang: Lang) -> String {
    let s = p.summary;
    let title = i18n::brief_title(lang, p.unit, s.period.from, s.period.to, p.today);
    let html_lang = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let period_line =
        i18n::summary_period(lang, s.period.from, s.period.to, p.period.asof(p.today));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&period_line));
    let _ = writeln!(
        out,
        "<p class=\"headline\">{}</p>",
        escape(&summary::headline(s, p.period, lang))
    );

    // Every figure of `summary`, section by section.
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<div class=\"figures\">",
        escape(Brief::Figures.word(lang))
    );
    for (label, table) in summary::figure_tables(s, lang, p.book_titles) {
        let _ = writeln!(out, "<div><h3>{}</h3>", escape(lang.label(label)));
        out.push_str(&table_html(&table, &[1]));
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");

    let _ = writeln!(out, "<h2>{}</h2>", escape(Brief::Chart.word(lang)));
    if s.by_unit.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(Brief::NoUnitData.word(lang)));
    } else {
        out.push_str(&chart(s, lang));
        out.push_str(&table_html(&summary::unit_table(s, lang), &[1, 2, 3, 4, 5]));
    }

    let _ = writeln!(out, "<h2>{}</h2>", escape(lang.label(Label::OverdueList)));
    if s.overdue.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&i18n::none(lang)));
    } else {
        out.push_str(&table_html(&summary::overdue_table(s, lang), &[5]));
    }

    let _ = writeln!(out, "<h2>{}</h2>", escape(Brief::Attention.word(lang)));
    let _ = writeln!(
        out,
        "<p class=\"legend\">{}</p>",
        escape(Brief::Legend.word(lang))
    );
    out.push_str(&reminders(p.attention, lang));

    let _ = writeln!(out, "<h2>{}</h2>", escape(Brief::Upcoming.word(lang)));
    let _ = writeln!(out, "<h3>{}</h3>", escape(Brief::Deadlines.word(lang)));
    out.push_str(&reminders(p.deadlines, lang));
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        escape(Brief::UpcomingMeetings.word(lang))
    );
    out.push_str(&meetings(p.meetings, lang));

    let _ = writeln!(
        out,
        "<footer>{} · {}</footer>\n</body>\n</html>",
        escape(Brief::Made.word(lang)),
        p.today
    );
    out
}

/// Cells up to this many characters (IDs, dates, names) never wrap.
const SHORT: usize = 12;

/// A table; the columns in `numeric` are right-aligned.
fn table_html(table: &Table, numeric: &[usize]) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in &table.headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, (text, tone)) in row.iter().enumerate() {
            let mut class = Vec::new();
            if numeric.contains(&i) {
                class.push("n");
            } else if text.chars().count() <= SHORT {
                class.push("nw");
            }
            if *tone == Tone::Danger {
                class.push("danger");
            }
            if class.is_empty() {
                let _ = write!(out, "<td>{}</td>", escape(text));
            } else {
                let _ = write!(
                    out,
                    "<td class=\"{}\">{}</td>",
                    class.join(" "),
                    escape(text)
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn reminders(items: &[Reminder], lang: Lang) -> String {
    if items.is_empty() {
        return format!("<p>{}</p>\n", escape(&i18n::none(lang)));
    }
    let mut out = String::from("<table>\n<thead><tr>");
    for label in [
        Label::Level,
        Label::Id,
        Label::Title,
        Label::LeadUnit,
        Label::Owner,
        Label::Due,
        Label::DaysLeft,
    ] {
        let _ = write!(out, "<th>{}</th>", escape(lang.label(label)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for item in items {
        let kind = match (&item.book, item.kind) {
            (Some(_), _) => item.kind_word(lang),
            (None, Kind::Incoming) => lang.field("deadline"),
            (None, _) => lang.label(Label::Followups),
        };
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><td class=\"lvl\">{}</td><td class=\"nw\">{}</td><td>{} <span class=\"legend\">{}</span></td>\
             <td class=\"nw\">{}</td><td class=\"nw\">{}</td><td class=\"nw\">{}</td><td class=\"n\">{}</td></tr>",
            item.level.keyword(),
            escape(item.level.label(lang)),
            escape(&item.id.to_string()),
            escape(&item.title.words(lang)),
            escape(kind),
            escape(item.unit.as_deref().unwrap_or_default()),
            escape(item.owner.as_deref().unwrap_or_default()),
            item.due,
            escape(&lang.days_left(item.days_left)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn meetings(rows: &[MeetingRow], lang: Lang) -> String {
    if rows.is_empty() {
        return format!("<p>{}</p>\n", escape(&i18n::none(lang)));
    }
    let mut out = String::from("<table>\n<thead><tr>");
    for label in [lang.label(Label::Id), lang.label(Label::Title)] {
        let _ = write!(out, "<th>{}</th>", escape(label));
    }
    for brief in [Brief::When, Brief::Venue] {
        let _ = write!(out, "<th>{}</th>", escape(brief.word(lang)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let start = match row.start {
            When::Date(d) => d.to_string(),
            When::Moment(m) => m.datetime.strftime("%Y-%m-%d %H:%M").to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"nw\">{}</td><td>{}</td><td class=\"nw\">{}</td><td>{}</td></tr>",
            escape(&row.id.to_string()),
            escape(&row.title.words(lang)),
            start,
            escape(row.venue.as_deref().unwrap_or_default()),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A horizontal grouped bar chart: per lead unit, assigned, closed on
/// time and overdue.
fn chart(s: &Summary, lang: Lang) -> String {
    const LABEL_W: f64 = 150.0;
    const WIDTH: f64 = 900.0;
    const BAR: f64 = 10.0;
    const GROUP: f64 = 3.0 * BAR + 12.0;
    const TOP: f64 = 30.0;
    let max = s
        .by_unit
        .iter()
        .map(|u| u.assigned.max(u.closed_on_time).max(u.overdue).max(u.open))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (WIDTH - LABEL_W - 60.0) / max;
    let height = TOP + GROUP * s.by_unit.len() as f64 + 10.0;
    let series = [
        (lang.label(Label::Assigned), "#1e5fa8"),
        (lang.label(Label::ClosedOnTime), "#2e7d32"),
        (lang.label(Label::Overdue), "#c62828"),
    ];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\">"
    );
    for (i, (name, colour)) in series.iter().enumerate() {
        let x = LABEL_W + i as f64 * 170.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"16\" font-size=\"12\">{}</text>",
            x + 16.0,
            escape(name)
        );
    }
    for (i, unit) in s.by_unit.iter().enumerate() {
        let y = TOP + i as f64 * GROUP;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            LABEL_W - 8.0,
            y + 1.5 * BAR + 4.0,
            escape(&unit.unit)
        );
        for (j, value) in [unit.assigned, unit.closed_on_time, unit.overdue]
            .into_iter()
            .enumerate()
        {
            let by = y + j as f64 * BAR;
            let w = value as f64 * scale;
            let _ = writeln!(
                out,
                "<rect x=\"{LABEL_W}\" y=\"{by}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"/>\
                 <text x=\"{:.1}\" y=\"{}\" font-size=\"9\">{value}</text>",
                BAR - 1.0,
                series[j].1,
                LABEL_W + w + 4.0,
                by + BAR - 2.0,
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::redact::Reveal;
    use crate::report::remind::{self, Scope};

    /// `relevant` never passes over a record the page would show or
    /// count: each example record that alone changes the page's figures,
    /// reminders, deadlines or meetings, for any period and any today, is
    /// one it keeps.
    #[test]
    fn records_passed_over_never_change_the_page() {
        let books = taizhang_core::model::logbook::presets();
        let names: Vec<String> = books.keys().cloned().collect();
        // Beside the examples, a seal out since long before the period and
        // a meeting planned long after it was written: neither touches the
        // period, both show on the page.
        let read = |yaml: &str, kind: Kind, book: Option<&str>| {
            let mut record = Record::from_yaml(yaml, kind, book).unwrap();
            record.know_books(&books);
            record
        };
        let seal = read(
            "id: SEAL-2026-0009\ncreated: 2026-09-01T09:00:00+08:00\ndate: 2026-09-01\n\
             seal: 局公章\nunit: 办公室\nhandler: 李明\npurpose: 签合同\napprover: 张局长\n\
             taken_out: 2026-09-01\nreturn_due: 2026-09-05\n",
            Kind::Logbook,
            Some("seal"),
        );
        let meeting = read(
            "id: MT-2026-0009\ntitle: 局长办公会议\nstatus: planned\n\
             start: 2027-01-06T09:00:00+08:00\ncreated: 2026-10-09T09:00:00+08:00\n",
            Kind::Meeting,
            None,
        );
        let mut records = taizhang_core::testing::example_records();
        records.extend([seal, meeting]);
        let mut shown = 0;
        for record in records {
            let facts = Facts::of(&record);
            let one = [&record];
            let secrets = Secrets::new(&one, Reveal::Withhold);
            for today in ["2026-11-16", "2026-11-23", "2027-01-04"] {
                let today: Date = today.parse().unwrap();
                for text in ["this-month", "2026", "2025-Q4"] {
                    let period = Period::parse(text, today).unwrap();
                    let scope = |soon_until: Date| Scope {
                        today,
                        soon_until,
                        unit: None,
                        owner: None,
                    };
                    let horizon = today
                        .checked_add(jiff::Span::new().days(DAYS_AHEAD))
                        .unwrap();
                    let alone = summary::compute(&one, &period, today, &names, &secrets);
                    let none = summary::compute(&[], &period, today, &names, &secrets);
                    let soon = today.checked_add(jiff::Span::new().days(3)).unwrap();
                    let matters = alone != none
                        || !remind::gather(&one, &scope(soon), &secrets, &books).is_empty()
                        || !remind::deadlines(&one, &scope(horizon), &secrets, &books).is_empty()
                        || !upcoming_meetings(&one, today, &secrets).is_empty();
                    if matters {
                        shown += 1;
                        assert!(
                            relevant(&facts, &period, today),
                            "{} in {text} on {today}",
                            record.id()
                        );
                    }
                }
            }
        }
        assert!(shown > 10, "{shown}");
    }
}
