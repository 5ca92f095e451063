//! The printable brief (`export html`) as HTML: what a browser and a
//! printer make of it, beyond the figures `export`'s tests count.

use crate::env::Env;

fn office() -> Env {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env
}

fn brief(env: &Env, lang: &str) -> String {
    env.run(&["--lang", lang, "export", "html", "--period", "2026-11"])
}

/// The text of every `<tag …>…</tag>` in `html`, in order.
fn texts<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at..];
        let Some(gt) = after.find('>') else { break };
        let Some(end) = after.find(&close) else { break };
        out.push(&after[gt + 1..end]);
        rest = &after[end..];
    }
    out
}

#[test]
fn sub_rows_are_indented_by_padding_not_by_spaces_html_drops() {
    let env = office();
    for (lang, words) in [
        ("zh", ["一般", "加急", "特急", "办件", "阅件"]),
        ("en", ["normal", "urgent", "very-urgent", "action", "info"]),
    ] {
        let html = brief(&env, lang);
        for word in words {
            assert!(
                html.contains(&format!("<td class=\"nw sub\">{word}</td>")),
                "{lang}: {word} is not an indented sub-row"
            );
        }
        assert!(!html.contains("<td class=\"nw\">  "), "leading spaces left");
    }
}

#[test]
fn the_title_names_the_period_only_and_the_foot_the_day_it_was_made() {
    let env = office();
    let html = brief(&env, "zh");
    assert_eq!(
        texts(&html, "title")[0],
        "某市交通运输局督办工作简报（2026-11-01至2026-11-30）"
    );
    assert!(
        html.contains("截至 2026-11-23"),
        "the figures' day is explained"
    );
    assert!(texts(&html, "footer")[0].contains("2026-11-23"));
    let html = brief(&env, "en");
    assert!(texts(&html, "title")[0].ends_with("follow-up brief, 2026-11-01 to 2026-11-30"));
}

#[test]
fn logbooks_have_their_own_heading_not_the_meetings() {
    let env = office();
    for (lang, meetings, books, seal) in [
        ("zh", "会议", "登记簿", "用印登记"),
        ("en", "Meetings", "Logbook entries", "Seal use"),
    ] {
        let html = brief(&env, lang);
        let sections = texts(&html, "section");
        let find = |heading: &str| {
            (sections.iter())
                .find(|s| s.starts_with(&format!("<h3>{heading}</h3>")))
                .unwrap_or_else(|| panic!("{lang}: no section {heading}"))
        };
        assert!(
            !find(meetings).contains(seal),
            "{lang}: a logbook among the meetings"
        );
        assert!(
            find(books).contains(seal),
            "{lang}: {seal} not under {books}"
        );
    }
}

#[test]
fn headings_stay_with_their_tables_and_titles_keep_their_width() {
    let env = office();
    let html = brief(&env, "zh");
    assert!(html.contains("tr, .chart, section.keep { break-inside: avoid;"));
    // Every section heading opens a block kept whole, with its table.
    for heading in ["逾期事项", "逾期及即将到期事项", "各单位督办事项情况"] {
        assert!(
            html.contains(&format!("<section class=\"keep\"><h2>{heading}</h2>")),
            "{heading} can be stranded at a page's foot"
        );
    }
    // The title of an overdue follow-up wraps and keeps a readable width
    // rather than nowrap neighbours squeezing it.
    assert!(html.contains("td.t { min-width: 14em; }"));
    assert!(
        html.contains("<td class=\"t\">2025年度预算执行审计发现问题整改"),
        "{html}"
    );
}

#[test]
fn chart_text_prints_at_nine_points_or_more() {
    let env = office();
    let html = brief(&env, "zh");
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    // 640 units across A4's 186 mm printed width: a unit is 0.82 pt.
    assert!(svg.contains("viewBox=\"0 0 640 "), "{svg}");
    let sizes: Vec<f64> = (svg.split("font-size=\"").skip(1))
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    assert!(!sizes.is_empty());
    for size in sizes {
        assert!(
            size * 186.0 / 640.0 * 72.0 / 25.4 >= 9.0,
            "{size} units print under 9 pt"
        );
    }
    assert!(svg.contains("<title>"), "the chart is labelled");
}

#[test]
fn a_hostile_title_stays_text() {
    let env = office();
    env.run(&[
        "assign",
        "</style><script>alert(1)</script>",
        "--lead",
        "BGS",
        "--due",
        "2026-11-24",
    ]);
    let html = env.run(&["export", "html"]);
    assert!(!html.contains("<script>"));
    assert!(
        html.contains("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}
