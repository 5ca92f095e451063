//! `export html`: one self-contained page an office director opens or
//! prints on A4 — the headline and every figure of `summary` for the
//! period, a bar chart of follow-ups per lead unit (inline SVG), what is
//! overdue, due today and due soon in three colours, and the deadlines
//! and meetings of the next 14 days.
//!
//! Nothing is fetched: the CSS and the chart are inline, the fonts are
//! the reader's own. Print CSS gives A4 pages whose tables repeat their
//! header rows, and keeps a section's heading with its table. Pure: the
//! figures and lists are computed by the caller.

use jiff::civil::Date;
use maud::{Markup, html};

use super::chart;
use super::layout::{Columns, PAGE, clean, document, id_cell, table};
use crate::i18n::{self, Brief, Label, Lang};
use crate::report::redact::{Secrets, Title};
use crate::report::remind::{Level, Reminder};
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
    /// Whether IDs link to their record's page (served), or are text
    /// (the printed brief, which has nowhere to link to).
    pub links: bool,
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

/// The page, a whole document.
pub fn page(p: &Page, lang: Lang) -> String {
    let s = p.summary;
    let title = i18n::brief_title(lang, p.unit, s.period.from, s.period.to);
    let body = html! { h1 { (clean(&title)) } (body(p, lang)) };
    document(lang, &title, PAGE, None, body).into_string()
}

/// The brief under its heading: the page of `export html` and the
/// summary page of `serve`.
pub fn body(p: &Page, lang: Lang) -> Markup {
    let s = p.summary;
    let period_line =
        i18n::summary_period(lang, s.period.from, s.period.to, p.period.asof(p.today));
    html! {
        p.meta { (period_line) }
        p.headline { (clean(&summary::headline(s, p.period, lang))) }
        (figures(p, lang))
        (by_unit(s, lang))
        (held_meetings(s, p.links, lang))
        section.keep {
            h2 { (lang.label(Label::OverdueList)) }
            @if s.overdue.is_empty() { p { (i18n::none(lang)) } }
            @else { (table(&summary::overdue_table(s, lang), Columns { numeric: &[5], wide: &[1], id: p.links.then_some(0) })) }
        }
        section.keep {
            h2 { (Brief::Attention.word(lang)) }
            p.legend { (Brief::Legend.word(lang)) }
            (reminders(p.attention, p.links, lang))
        }
        h2 { (Brief::Upcoming.word(lang)) }
        section.keep {
            h3 { (Brief::Deadlines.word(lang)) }
            (reminders(p.deadlines, p.links, lang))
        }
        section.keep {
            h3 { (Brief::UpcomingMeetings.word(lang)) }
            (meetings(p.meetings, p.links, lang))
        }
        footer { (Brief::Made.word(lang)) " · " (p.today) }
    }
}

/// Every figure of `summary`, section by section.
fn figures(p: &Page, lang: Lang) -> Markup {
    html! {
        h2 { (Brief::Figures.word(lang)) }
        div.figures {
            @for (label, t) in summary::figure_tables(p.summary, lang, p.book_titles) {
                section.keep {
                    h3 { (label) }
                    (table(&t, Columns { numeric: &[1], ..Columns::default() }))
                }
            }
        }
    }
}

/// The meetings held in the period with their attendance and 落实率;
/// nothing when none was held.
fn held_meetings(s: &Summary, links: bool, lang: Lang) -> Markup {
    let columns = Columns {
        numeric: &[3],
        wide: &[1],
        id: links.then_some(0),
    };
    html! {
        @if !s.meetings.items.is_empty() {
            section.keep {
                h2 { (summary::meetings::heading(lang)) }
                (table(&summary::meetings::table(s, lang), columns))
            }
        }
    }
}

/// The chart and the table of follow-ups by lead unit.
fn by_unit(s: &Summary, lang: Lang) -> Markup {
    html! {
        section.keep {
            h2 { (Brief::Chart.word(lang)) }
            @if s.by_unit.is_empty() { p { (Brief::NoUnitData.word(lang)) } }
            @else {
                (chart::by_unit(s, lang))
                (table(&summary::unit_table(s, lang), Columns { numeric: &[1, 2, 3, 4, 5], ..Columns::default() }))
            }
        }
    }
}

/// Reminders in remind's colours: a row's class is its level's keyword.
pub fn reminders(items: &[Reminder], links: bool, lang: Lang) -> Markup {
    let heads = [
        Label::Level,
        Label::Id,
        Label::Title,
        Label::LeadUnit,
        Label::Owner,
        Label::Due,
        Label::DaysLeft,
    ];
    html! {
        @if items.is_empty() { p { (i18n::none(lang)) } }
        @else {
            table {
                thead { tr { @for label in heads { th { (lang.label(label)) } } } }
                tbody { @for item in items { (reminder(item, links, lang)) } }
            }
        }
    }
}

fn reminder(item: &Reminder, links: bool, lang: Lang) -> Markup {
    let kind = match (&item.book, item.kind) {
        (Some(_), _) => item.kind_word(lang),
        (None, Kind::Incoming) => lang.field("deadline"),
        (None, _) => lang.label(Label::Followups),
    };
    html! {
        tr class=(item.level.keyword()) {
            td.lvl { (item.level.label(lang)) }
            td.nw { (id_cell(&item.id, links)) }
            td.t { (clean(&item.title.words(lang))) " " span.legend { (clean(kind)) } }
            td.nw { (clean(item.unit.as_deref().unwrap_or_default())) }
            td.nw { (clean(item.owner.as_deref().unwrap_or_default())) }
            td.nw { (item.due) }
            td.n { (days(item, lang)) }
        }
    }
}

/// How far off a reminder is; for one behind schedule, how long ago the
/// milestone was missed (its deadline may still be ahead).
fn days(item: &Reminder, lang: Lang) -> String {
    match item.level {
        Level::Behind => i18n::followup::milestone_late(lang, -item.days_left),
        _ => lang.days_left(item.days_left),
    }
}

fn meetings(rows: &[MeetingRow], links: bool, lang: Lang) -> Markup {
    html! {
        @if rows.is_empty() { p { (i18n::none(lang)) } }
        @else {
            table {
                thead { tr {
                    th { (lang.label(Label::Id)) } th { (lang.label(Label::Title)) }
                    th { (Brief::When.word(lang)) } th { (Brief::Venue.word(lang)) }
                } }
                tbody { @for row in rows {
                    tr {
                        td.nw { (id_cell(&row.id, links)) }
                        td.t { (clean(&row.title.words(lang))) }
                        td.nw { (start(row.start)) }
                        td { (clean(row.venue.as_deref().unwrap_or_default())) }
                    }
                } }
            }
        }
    }
}

/// A meeting's start: its day, or its day and minute.
fn start(when: When) -> String {
    match when {
        When::Date(d) => d.to_string(),
        When::Moment(m) => m.datetime.strftime("%Y-%m-%d %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::remind::{self, Scope};
    use taizhang_core::model::asof::Closing::OnDone;

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
            let secrets = Secrets::new(&one, crate::report::redact::Reveal::Withhold);
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
                    let alone = summary::compute(&one, &period, today, &names, OnDone, &secrets);
                    let none = summary::compute(&[], &period, today, &names, OnDone, &secrets);
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
