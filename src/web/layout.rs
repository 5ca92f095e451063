//! The frame every page shares: the document, its inline CSS (screen and
//! A4 print) and the tables made from a report's `Table`.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::Lang;
use crate::report::render::{Table, Tone};

/// The styles of every page. Print gives A4 pages whose tables repeat
/// their header rows, never a heading alone at the foot of a page, and
/// text no smaller than 9pt.
pub const CSS: &str = r#"
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
td.t { min-width: 14em; }
td.sub { padding-left: 2em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; gap: 16px; flex-wrap: wrap; }
.figures > section { flex: 1 1 280px; }
tr.overdue td { background: #fdecea; } tr.overdue td.lvl { color: var(--red); font-weight: bold; }
tr.due-today td { background: #fff6db; } tr.due-today td.lvl { color: var(--yellow); font-weight: bold; }
tr.behind td { background: #fff6db; } tr.behind td.lvl { color: var(--yellow); font-weight: bold; }
tr.due-soon td { background: #e8f1fb; } tr.due-soon td.lvl { color: var(--blue); font-weight: bold; }
tr.feedback-due td { background: #f1ecf7; } tr.feedback-due td.lvl { color: #6a1b9a; font-weight: bold; }
.danger { color: var(--red); font-weight: bold; }
.legend { color: #5b6573; font-size: 12px; }
svg text { font-family: inherit; }
nav { margin: 0 0 16px; display: flex; gap: 16px; flex-wrap: wrap; }
footer { color: #8a94a3; font-size: 12px; margin-top: 24px; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  nav, .noprint { display: none; }
  .legend, footer { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, .chart, section.keep { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, p.legend { break-after: avoid; page-break-after: avoid; }
  p.headline, tr.overdue td, tr.due-today td, tr.behind td, tr.due-soon td, tr.feedback-due td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The printed page of the brief and the served pages. Not in [`CSS`]:
/// the forms have their own margins, and a second `@page` rule in one
/// document makes Chromium lay the page out for one and print it on the
/// other, cutting the right edge off.
pub const PAGE: &str = "@page { size: A4; margin: 15mm 12mm; }\n";

/// The page's `lang` attribute.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// A whole document: `title`, the shared CSS and `extra` CSS, `body`
/// (of class `class`, when the extra CSS styles a kind of page).
pub fn document(lang: Lang, title: &str, extra: &str, class: Option<&str>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(html_lang(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (clean(title)) }
                style { (PreEscaped(CSS)) (PreEscaped(extra)) }
            }
            body class=[class] { (body) }
        }
    }
}

/// Text as a page shows it: control characters dropped, line breaks and
/// tabs as spaces (maud escapes the rest).
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Cells up to this many characters (IDs, dates, names) never wrap,
/// outside the wide columns.
const SHORT: usize = 12;

/// How a report's table's columns are laid out in HTML.
#[derive(Default, Clone, Copy)]
pub struct Columns<'a> {
    /// Right-aligned figures.
    pub numeric: &'a [usize],
    /// Titles: they wrap and keep a readable width.
    pub wide: &'a [usize],
    /// The column of record IDs, linked to their pages (served pages).
    pub id: Option<usize>,
}

/// A report's table. A cell written indented (`  加急`, a sub-row of
/// the terminal's table) is indented by padding, as HTML drops the
/// leading spaces.
pub fn table(table: &Table, columns: Columns) -> Markup {
    html! {
        table {
            thead { tr { @for h in &table.headers { th { (clean(h)) } } } }
            tbody {
                @for row in &table.rows {
                    tr { @for (i, (text, tone)) in row.iter().enumerate() {
                        @if Some(i) == columns.id { td.nw { a href={"/r/" (text)} { (clean(text)) } } }
                        @else { (cell(i, text, *tone, columns)) }
                    } }
                }
            }
        }
    }
}

fn cell(i: usize, text: &str, tone: Tone, columns: Columns) -> Markup {
    let sub = text.starts_with("  ");
    let text = text.trim_start();
    let numeric = columns.numeric.contains(&i);
    let wide = columns.wide.contains(&i);
    let mut classes = Vec::new();
    if numeric {
        classes.push("n");
    } else if wide {
        classes.push("t");
    } else if text.chars().count() <= SHORT {
        classes.push("nw");
    }
    if sub {
        classes.push("sub");
    }
    if tone == Tone::Danger {
        classes.push("danger");
    }
    let class = (!classes.is_empty()).then(|| classes.join(" "));
    html! { td class=[class] { (clean(text)) } }
}

/// A record's ID where a table names it: a link to its page when the page
/// is served, else text.
pub fn id_cell(id: &taizhang_core::model::id::Id, links: bool) -> Markup {
    html! {
        @if links { a href={"/r/" (id)} { (id) } } @else { (id) }
    }
}
