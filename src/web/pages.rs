//! The pages of `serve`: the desk, the follow-up board, a record, the
//! search, the brief and the refusals, in the frame every page shares
//! (a navigation bar with the language switch). Pure: the caller computes
//! what they show. No script: links and GET forms do everything.

use maud::{Markup, html};

use super::brief::reminders;
use super::layout::{Columns, clean, document, table};
use crate::i18n::web::{self as words, Web};
use crate::i18n::{Label, Lang};
use crate::report::desk::{self, Desk};
use crate::report::remind::{self, Reminder};
use crate::report::render::Table;
use taizhang_core::model::id::Id;

/// Extra CSS of the served pages.
const CSS: &str = r#"
nav a { text-decoration: none; color: #1e3a5f; font-weight: bold; }
nav a.lang { margin-left: auto; font-weight: normal; }
form.filters { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin: 8px 0 12px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #5b6573; }
form.filters input { font: inherit; padding: 2px 4px; }
pre.record { white-space: pre-wrap; font-family: inherit; background: #f7f9fc; padding: 12px; border: 1px solid var(--line); }
p.pages { display: flex; gap: 16px; }
"#;

/// A served page: navigation, `title` as its heading, `body`.
pub fn frame(lang: Lang, title: &str, body: Markup) -> String {
    let other = match lang {
        Lang::En => "zh",
        Lang::Zh => "en",
    };
    let nav = html! {
        nav {
            a href="/" { (Web::Desk.word(lang)) }
            a href="/board" { (Web::Board.word(lang)) }
            a href="/list" { (Web::List.word(lang)) }
            a href="/summary" { (Web::Summary.word(lang)) }
            a.lang href={"?lang=" (other)} hreflang=(other) { (Web::Language.word(lang)) }
        }
    };
    let body = html! { (nav) h1 { (clean(title)) } (body) };
    let css = format!("{}{CSS}", super::layout::PAGE);
    document(lang, title, &css, Some("served"), body).into_string()
}

/// A report's table with its ID column linked to the records' pages.
pub fn linked(t: &Table, lang: Lang, wide: &[usize]) -> Markup {
    let id = t.headers.iter().position(|h| h == lang.label(Label::Id));
    table(
        t,
        Columns {
            numeric: &[],
            wide,
            id,
        },
    )
}

/// The desk: today's duty and each section of `desk`'s.
pub fn desk(view: &Desk, lang: Lang) -> Markup {
    html! {
        @if let Some(duty) = &view.duty {
            p.headline { (clean(&desk::duty_line(duty, lang))) }
        }
        @if view.is_empty() { p { (crate::i18n::none(lang)) } }
        @for (heading, t) in desk::sections(view, lang) {
            section.keep {
                h2 { (heading) }
                (linked(&t, lang, &title_column(&t, lang)))
            }
        }
    }
}

/// Where a table's titles are, to keep them wide.
fn title_column(t: &Table, lang: Lang) -> Vec<usize> {
    t.headers
        .iter()
        .position(|h| h == lang.label(Label::Title))
        .into_iter()
        .collect()
}

/// What the board is filtered by, as given.
#[derive(Default)]
pub struct BoardFilter {
    pub unit: String,
    pub owner: String,
    pub source: String,
    pub leader: String,
}

/// The board: every open follow-up due soon or overdue by lead unit, in
/// remind's colours, under a form filtering it.
pub fn board(items: &[Reminder], filter: &BoardFilter, lang: Lang) -> Markup {
    let fields = [
        ("unit", Web::Unit, &filter.unit),
        ("owner", Web::Owner, &filter.owner),
        ("source", Web::Source, &filter.source),
        ("leader", Web::Leader, &filter.leader),
    ];
    html! {
        (filters("/board", &fields.map(|(n, w, v)| (n, w, v.as_str())), lang))
        p.legend { (crate::i18n::Brief::Legend.word(lang)) }
        @if items.is_empty() { p { (Web::NoneOpen.word(lang)) } }
        @for (unit, owners) in remind::groups(items) {
            @let rows: Vec<Reminder> = owners.iter().flat_map(|(_, list)| list.iter().map(|r| (*r).clone())).collect();
            section.keep {
                h2 { (clean(unit.unwrap_or("—"))) " (" (rows.len()) ")" }
                (reminders(&rows, true, lang))
            }
        }
    }
}

/// A GET form of text fields (name, label, value) and its button.
pub fn filters(action: &str, fields: &[(&str, Web, &str)], lang: Lang) -> Markup {
    html! {
        form.filters method="get" action=(action) {
            @for (name, label, value) in fields {
                label { (label.word(lang)) input type="text" name=(name) value=(value); }
            }
            button type="submit" { (Web::Go.word(lang)) }
        }
    }
}

/// One record: its page as `show` prints it, every ID in it a link, and
/// a link to its printed form. A withheld record shows only that.
pub fn record(id: &Id, text: Option<&str>, lang: Lang) -> Markup {
    html! {
        @match text {
            Some(text) => {
                p.noprint { a href={"/r/" (id) "/form"} { (Web::Print.word(lang)) } }
                pre.record { (link_ids(text)) }
            }
            None => p.danger { (Web::Withheld.word(lang)) },
        }
    }
}

/// `text` with every record ID in it a link to the record's page.
fn link_ids(text: &str) -> Markup {
    let mut pieces: Vec<(bool, String)> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, pieces: &mut Vec<(bool, String)>| {
        if !word.is_empty() {
            let id = Id::parse(word).is_some();
            pieces.push((id, std::mem::take(word)));
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut pieces);
            pieces.push((false, clean_keep_lines(c)));
        }
    }
    flush(&mut word, &mut pieces);
    html! {
        @for (is_id, piece) in &pieces {
            @if *is_id { a href={"/r/" (piece)} { (piece) } } @else { (piece) }
        }
    }
}

/// A character of a record's page: line breaks kept, other control
/// characters dropped.
fn clean_keep_lines(c: char) -> String {
    if c == '\n' || !c.is_control() {
        c.to_string()
    } else {
        String::new()
    }
}

/// The search: its form, one page of the table, the links to the pages
/// before and after.
pub struct ListPage<'a> {
    pub fields: &'a [(&'a str, Web, &'a str)],
    pub table: &'a Table,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    /// The query without its page, to link the other pages.
    pub query: &'a str,
}

pub fn list(p: &ListPage, lang: Lang) -> Markup {
    let link = |page: usize| format!("/list?{}page={page}", p.query);
    html! {
        (filters("/list", p.fields, lang))
        p.meta { (words::page_of(lang, p.page, p.pages, p.total)) }
        (linked(p.table, lang, &title_column(p.table, lang)))
        p.pages {
            @if p.page > 1 { a href=(link(p.page - 1)) { (Web::Previous.word(lang)) } }
            @if p.page < p.pages { a href=(link(p.page + 1)) { (Web::Next.word(lang)) } }
        }
    }
}

/// A refusal or failure: its sentence.
pub fn status(message: &str) -> Markup {
    html! { p.danger { (clean(message)) } }
}
