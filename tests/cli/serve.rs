//! `taizhang serve`: the read-only web view, over HTTP on 127.0.0.1.

use serde_json::Value;

use crate::env::Env;
use crate::serve_http::{Server, start, start_with};

fn office() -> Env {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env
}

fn loopback(env: &Env) -> Server {
    start(env, &["--bind", "127.0.0.1:0"])
}

/// The page at `path`, which must answer 200.
fn page(server: &Server, path: &str) -> String {
    let answer = server.get(path);
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.body
}

#[test]
fn every_page_answers_in_both_languages() {
    let env = office();
    let server = loopback(&env);
    let cases: [(&str, &str, &str); 7] = [
        ("/", "Desk", "今日工作台"),
        ("/board", "Follow-up board", "督办看板"),
        ("/list", "Search", "查询"),
        (
            "/list?kind=fu&status=in-progress",
            "FU-2026-0001",
            "FU-2026-0001",
        ),
        (
            "/summary?period=2026-11",
            "follow-up brief, 2026-11-01 to 2026-11-30",
            "督办工作简报（2026-11-01至2026-11-30）",
        ),
        ("/r/FU-2026-0001", "Print the form", "打印表单"),
        (
            "/r/IN-2026-0001/form",
            "Incoming document handling form",
            "收文处理单",
        ),
    ];
    for (path, en, zh) in cases {
        let sep = if path.contains('?') { '&' } else { '?' };
        let page_en = page(&server, &format!("{path}{sep}lang=en"));
        assert!(page_en.contains(en), "{path} en lacks {en}: {page_en}");
        assert!(page_en.contains("<html lang=\"en\">"));
        let page_zh = page(&server, &format!("{path}{sep}lang=zh"));
        assert!(page_zh.contains(zh), "{path} zh lacks {zh}");
        assert!(page_zh.contains("<html lang=\"zh-CN\">"));
        for body in [&page_en, &page_zh] {
            assert!(!body.contains("<script"), "{path}: no script");
            assert!(
                !body.to_lowercase().contains("http://")
                    && !body.to_lowercase().contains("https://"),
                "{path}: nothing fetched"
            );
        }
    }
    // The board colours as remind does, and links each record.
    let board = page(&server, "/board?lang=zh");
    assert!(
        board.contains("<tr class=\"overdue\">") && board.contains("<a href=\"/r/FU-2026-0007\">"),
        "{board}"
    );
    // A record links to those it names and they link back.
    let paper = page(&server, "/r/IN-2026-0001");
    assert!(paper.contains("<a href=\"/r/FU-2026-0002\">"), "{paper}");
    let fu = page(&server, "/r/FU-2026-0002");
    assert!(fu.contains("<a href=\"/r/IN-2026-0001\">"), "{fu}");
    // The summary's chart is inline SVG with its labels.
    let summary = page(&server, "/summary?period=2026-11&lang=zh");
    assert!(summary.contains("<svg") && summary.contains("综合规划科"));
}

#[test]
fn the_language_switch_is_kept_in_a_cookie() {
    let env = office();
    let server = loopback(&env);
    let answer = server.get("/?lang=en");
    let cookie = answer.header("set-cookie").unwrap().to_string();
    assert!(cookie.starts_with("taizhang_lang=en") && cookie.contains("SameSite=Strict"));
    let again = server.request(
        "GET",
        "/board",
        &[&format!("Cookie: {}", cookie.split(';').next().unwrap())],
    );
    assert!(again.body.contains("Follow-up board"));
}

#[test]
fn the_board_filters_by_unit_owner_source_and_leader() {
    let env = office();
    let server = loopback(&env);
    let all = page(&server, "/board?lang=en");
    let unit = page(
        &server,
        "/board?lang=en&unit=%E7%BB%BC%E5%90%88%E8%A7%84%E5%88%92%E7%A7%91",
    );
    assert!(
        all.contains("FU-2026-0005") && !unit.contains("FU-2026-0005"),
        "{unit}"
    );
    assert!(unit.contains("FU-2026-0007"));
    let source = page(&server, "/board?lang=en&source=superior");
    assert!(
        source.contains("FU-2026-0012") && !source.contains("FU-2026-0007"),
        "{source}"
    );
    let leader = page(&server, "/board?lang=en&leader=%E5%88%98%E5%BF%97%E5%88%9A");
    assert!(leader.contains("FU-2026-0012"), "{leader}");
}

#[test]
fn unknown_records_and_paths_are_404_and_bad_queries_400() {
    let env = office();
    let server = loopback(&env);
    for path in [
        "/r/FU-2026-9999",
        "/r/FU-2026-9999/form",
        "/api/show/IN-2026-9999",
        "/r/nonsense",
        "/nowhere",
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    let bad = server.get("/list?kind=nonsense&lang=en");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("nonsense"), "{}", bad.body);
}

#[test]
fn every_method_but_get_and_head_is_405_and_nothing_changes() {
    let env = office();
    let before = env.state();
    let server = loopback(&env);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let answer = server.request(method, "/r/FU-2026-0001", &[]);
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), Some("GET, HEAD"));
    }
    let head = server.request("HEAD", "/", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(before, env.state(), "the register is untouched");
}

#[test]
fn another_address_needs_the_access_code_then_a_cookie_keeps_it() {
    let env = office();
    let server = start(&env, &["--bind", "0.0.0.0:0"]);
    let token = server
        .token
        .clone()
        .expect("a made-up access code in the printed link");
    assert!(token.len() >= 32);
    for path in ["/", "/board", "/api/desk", "/r/FU-2026-0001", "/summary"] {
        assert_eq!(server.get(path).status, 401, "{path}");
    }
    assert_eq!(server.get("/?token=wrong").status, 401);
    let given = server.get(&format!("/board?lang=en&token={token}"));
    assert_eq!(given.status, 303);
    assert_eq!(given.header("location"), Some("/board?lang=en"));
    let cookie = given.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let kept = format!("Cookie: {}", cookie.split(';').next().unwrap());
    assert_eq!(server.request("GET", "/board", &[&kept]).status, 200);
    assert_eq!(server.request("GET", "/api/desk", &[&kept]).status, 200);
    assert_eq!(
        server
            .request("GET", "/", &["Cookie: taizhang_token=wrong"])
            .status,
        401
    );

    let named = start_with(
        &env,
        &["--bind", "0.0.0.0:0", "--token-env", "OFFICE_CODE"],
        &[("OFFICE_CODE", "s3cret-code")],
    );
    assert_eq!(named.token.as_deref(), Some("s3cret-code"));
    assert_eq!(
        named
            .request("GET", "/", &["Cookie: taizhang_token=s3cret-code"])
            .status,
        200
    );
}

#[test]
fn refusals_come_before_listening() {
    let env = office();
    for lang in ["en", "zh"] {
        let err = env.fail(&[
            "--lang",
            lang,
            "serve",
            "--bind",
            "0.0.0.0:0",
            "--show-classified",
        ]);
        assert!(
            err.contains("--show-classified") && err.contains("0.0.0.0"),
            "{err}"
        );
        let err = env.fail(&[
            "--lang",
            lang,
            "serve",
            "--bind",
            "0.0.0.0:0",
            "--token-env",
            "NOT_SET_ANYWHERE",
        ]);
        assert!(err.contains("NOT_SET_ANYWHERE"), "{err}");
    }
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let err = env.fail(&["serve", "--bind", &addr]);
    assert!(err.contains(&addr), "{err}");
}

const HOSTILE: &str = "</style><script>alert(1)</script>";

#[test]
fn hostile_titles_are_text_everywhere() {
    let env = office();
    let id = env
        .run(&["assign", HOSTILE, "--lead", "BGS", "--due", "2026-11-24"])
        .trim()
        .to_string();
    let server = loopback(&env);
    for path in [
        "/".to_string(),
        "/board".into(),
        "/list?text=alert".into(),
        format!("/r/{id}"),
        format!("/r/{id}/form"),
        "/summary".into(),
    ] {
        let body = page(&server, &path);
        assert!(!body.contains("<script>"), "{path}: {body}");
        assert!(
            body.contains("&lt;/style&gt;&lt;script&gt;alert(1)"),
            "{path} lacks the escaped title"
        );
    }
    let csp = server
        .get("/")
        .header("content-security-policy")
        .unwrap()
        .to_string();
    assert!(csp.contains("default-src 'none'"), "{csp}");
}

/// The example's secret paper and the follow-up made from it.
const SECRET: [(&str, &str); 2] = [
    (
        "IN-2026-0006",
        "关于做好重大活动期间道路运输安全保障工作的通知",
    ),
    ("FU-2026-0012", "制定重大活动期间道路运输安全保障工作方案"),
];

#[test]
fn classified_titles_are_withheld_unless_shown_on_loopback() {
    let env = office();
    let server = loopback(&env);
    let mut paths: Vec<String> = [
        "/",
        "/board",
        "/list",
        "/list?kind=fu",
        "/summary",
        "/api/desk",
        "/api/list",
        "/api/remind",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    for (id, _) in SECRET {
        paths.extend([
            format!("/r/{id}"),
            format!("/r/{id}/form"),
            format!("/api/show/{id}"),
        ]);
    }
    for path in &paths {
        let body = page(&server, path);
        for (id, title) in SECRET {
            assert!(!body.contains(title), "{path} shows {id}'s title");
        }
    }
    let shown = start(&env, &["--bind", "127.0.0.1:0", "--show-classified"]);
    assert!(page(&shown, "/r/IN-2026-0006").contains(SECRET[0].1));
    assert!(page(&shown, "/board").contains(SECRET[1].1));
}

#[test]
fn a_change_made_by_the_command_line_shows_on_the_next_request() {
    let env = office();
    let server = loopback(&env);
    let before = page(&server, "/list?text=%E6%96%B0%E5%BB%BA%E4%BA%8B%E9%A1%B9");
    assert!(!before.contains("新建事项甲"));
    let id = env
        .run(&[
            "assign",
            "新建事项甲",
            "--lead",
            "BGS",
            "--due",
            "2026-11-24",
        ])
        .trim()
        .to_string();
    let after = page(&server, "/list?text=%E6%96%B0%E5%BB%BA%E4%BA%8B%E9%A1%B9");
    assert!(
        after.contains("新建事项甲") && after.contains(&id),
        "{after}"
    );
    assert!(page(&server, "/board").contains(&id));
    env.run(&["done", &id, "--report", "已完成"]);
    assert!(page(&server, &format!("/r/{id}")).contains("已完成"));
}

#[test]
fn the_api_gives_the_commands_own_json() {
    let env = office();
    let server = loopback(&env);
    for (path, args) in [
        ("/api/desk", vec!["desk", "-o", "json"]),
        ("/api/remind", vec!["remind", "-o", "json"]),
        (
            "/api/summary?period=2026-11",
            vec!["summary", "--period", "2026-11", "-o", "json"],
        ),
        ("/api/list?kind=fu", vec!["export", "json", "fu"]),
        (
            "/api/show/FU-2026-0001",
            vec!["show", "FU-2026-0001", "-o", "json"],
        ),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert!(
            answer
                .header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        assert_eq!(answer.body, env.run(&args), "{path}");
        let _: Value = serde_json::from_str(&answer.body).unwrap();
    }
}

#[test]
fn the_search_is_paginated() {
    let env = office();
    let server = loopback(&env);
    let first = page(&server, "/list?lang=en&kind=fu");
    let total: usize = first
        .split("records)")
        .next()
        .unwrap()
        .rsplit('(')
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(total > 0);
    for n in 0..(101usize.saturating_sub(total)) {
        env.run(&[
            "assign",
            &format!("分页事项{n}"),
            "--lead",
            "BGS",
            "--due",
            "2026-12-24",
        ]);
    }
    let first = page(&server, "/list?lang=en&kind=fu");
    assert!(
        first.contains("Page 1 of 2") && first.contains("href=\"/list?kind=fu&amp;page=2\""),
        "{first}"
    );
    let second = page(&server, "/list?lang=en&kind=fu&page=2");
    assert!(second.contains("Page 2 of 2") && second.contains("Previous"));
}

/// The IDs of a served table, in its order.
fn listed_ids(body: &str) -> Vec<String> {
    (body.split("href=\"/r/").skip(1))
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

/// The search's pages are slices of `list --search`'s answer, in its
/// order, both with a trusted cache (the clock moved on) and without
/// (files just written); and the words of a withheld title find it in
/// neither.
#[test]
fn the_search_pages_are_slices_of_list() {
    for cached in [false, true] {
        let env = office();
        // Past the 100 records of a page.
        for n in 0..45 {
            let title = format!("2026年分页事项{n}");
            env.run(&["assign", &title, "--lead", "BGS", "--due", "2026-12-24"]);
        }
        if cached {
            env.skip_ahead();
            env.run(&["list"]);
        }
        let json: Value =
            serde_json::from_str(&env.run(&["list", "--search", "2026", "--format", "json"]))
                .unwrap();
        let expected: Vec<String> = (json.as_array().unwrap().iter())
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert!(expected.len() > 100, "two pages: {}", expected.len());
        let server = loopback(&env);
        let pages: Vec<Vec<String>> = (1..=2)
            .map(|n| listed_ids(&page(&server, &format!("/list?lang=en&text=2026&page={n}"))))
            .collect();
        assert_eq!(pages[0], expected[..100], "cached: {cached}");
        assert_eq!(pages[1], expected[100..], "cached: {cached}");
        // 道路运输安全保障, words of both withheld titles.
        let words = "%E9%81%93%E8%B7%AF%E8%BF%90%E8%BE%93%E5%AE%89%E5%85%A8%E4%BF%9D%E9%9A%9C";
        let body = page(&server, &format!("/list?lang=en&text={words}"));
        for (id, title) in SECRET {
            assert!(!body.contains(id) && !body.contains(title), "{body}");
        }
        let revealed = start(&env, &["--bind", "127.0.0.1:0", "--show-classified"]);
        let body = page(&revealed, &format!("/list?lang=en&text={words}"));
        let ids = listed_ids(&body);
        assert_eq!(ids, ["FU-2026-0012", "IN-2026-0006"], "cached: {cached}");
    }
}
