//! The served pages in a real browser: headless Chromium builds the desk,
//! a record, the board and the summary from the server on 127.0.0.1
//! (asserted on the DOM it built), takes a screenshot of the desk, and
//! prints each form on one A4 page.
//!
//! With `TAIZHANG_SCREENSHOT_DIR` set, the desk's screenshot is kept
//! there: docs/web-desk.png is made so.

use crate::env::Env;
use crate::html_browser::{chromium, pdf_pages, run};
use crate::serve_http::start;

#[test]
fn chromium_builds_the_served_pages() {
    let Some(browser) = chromium("the served pages in a browser") else {
        return;
    };
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let server = start(&env, &["--bind", "127.0.0.1:0"]);
    let url = |path: &str| format!("http://127.0.0.1:{}{path}", server.port);
    let cases = [
        (
            "/?lang=zh",
            vec![
                "今日工作台",
                "<a href=\"/r/FU-2026-0007\">FU-2026-0007</a>",
                "<nav>",
            ],
        ),
        (
            "/r/FU-2026-0002?lang=zh",
            vec![
                "打印表单",
                "<a href=\"/r/IN-2026-0001\">IN-2026-0001</a>",
                "<pre class=\"record\">",
            ],
        ),
        (
            "/board?lang=en",
            vec![
                "Follow-up board",
                "<tr class=\"overdue\">",
                "<form class=\"filters\"",
            ],
        ),
        (
            "/summary?period=2026-11&lang=zh",
            vec!["督办工作简报", "<svg", "<td class=\"nw sub\">加急</td>"],
        ),
    ];
    for (path, expected) in cases {
        let dom = run(&browser, &["--dump-dom"], &url(path));
        for text in expected {
            assert!(dom.contains(text), "{path}: the DOM lacks {text}: {dom}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("web-desk.png");
    run(
        &browser,
        &[
            "--window-size=1100,900",
            "--hide-scrollbars",
            &format!("--screenshot={}", shot.display()),
        ],
        &url("/?lang=zh"),
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot of the desk"
    );
    if let Some(keep) = std::env::var_os("TAIZHANG_SCREENSHOT_DIR") {
        std::fs::write(std::path::Path::new(&keep).join("web-desk.png"), &png).unwrap();
    }
    for id in [
        "IN-2026-0001",
        "OUT-2026-0001",
        "FU-2026-0001",
        "LTR-2026-0001",
    ] {
        let pdf = dir.path().join(format!("{id}.pdf"));
        run(
            &browser,
            &[&format!("--print-to-pdf={}", pdf.display())],
            &url(&format!("/r/{id}/form")),
        );
        assert_eq!(pdf_pages(&pdf), 1, "{id}'s form on one page");
    }
}
