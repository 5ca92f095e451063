//! `show ID --format html`: the printed office forms, each on one A4 page.

use crate::env::Env;

fn office() -> Env {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env
}

/// The example register with FU-2026-0017, a matter of five milestones
/// (the first done) and four parts (FU-2026-0018 to 0021, the first
/// closed): the most a 督办通知单 is asked to hold on its one page.
fn broken_down() -> Env {
    let env = office();
    let matter = env.run(&[
        "assign",
        "开展安全生产大检查并形成整改台账",
        "--lead",
        "办公室",
        "--due",
        "2026-12-31",
        "--requirement",
        "按照省厅统一部署，全面排查各领域安全隐患，逐项建立整改台账，按期报送检查情况。",
        "--milestone",
        "2026-11-20:制定检查方案",
        "--milestone",
        "2026-11-30:完成企业自查",
        "--milestone",
        "2026-12-10:开展重点抽查",
        "--milestone",
        "2026-12-20:建立整改台账",
        "--milestone",
        "2026-12-28:报送检查总结",
    ]);
    assert_eq!(matter, "FU-2026-0017\n");
    env.run(&[
        "milestone",
        "done",
        "FU-2026-0017",
        "1",
        "--on",
        "2026-11-19",
    ]);
    for (title, lead, due) in [
        ("道路运输企业安全检查", "运输管理科", "2026-12-15"),
        ("在建公路水运工程安全检查", "综合规划科", "2026-12-20"),
        ("港口危险货物作业安全检查", "安全监督科", "2026-12-25"),
        ("检查情况汇总与整改督办", "办公室", "2026-12-28"),
    ] {
        let args = [
            "assign",
            title,
            "--lead",
            lead,
            "--due",
            due,
            "--parent",
            "FU-2026-0017",
        ];
        env.run(&args);
    }
    // The example register verifies: done submits, verify closes.
    env.run(&["done", "FU-2026-0018"]);
    env.run(&["verify", "FU-2026-0018"]);
    env
}

/// The form of `id` in `lang`.
fn form(env: &Env, lang: &str, id: &str) -> String {
    env.run(&["--lang", lang, "show", id, "--format", "html"])
}

#[test]
fn each_form_has_its_boxes_in_both_languages() {
    let env = office();
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "IN-2026-0001",
            &[
                "收文处理单",
                "收文号",
                "来文机关",
                "文号",
                "密级",
                "紧急程度",
                "拟办意见",
                "领导批示",
                "承办",
                "办理结果",
                "市政办发〔2026〕9号",
                "陈建国 2026-03-11",
            ],
            &[
                "Incoming document handling form",
                "Receipt No.",
                "Leader's instructions",
                "Outcome",
            ],
        ),
        (
            "OUT-2026-0001",
            &[
                "发文稿纸",
                "拟稿",
                "核稿",
                "签发",
                "主送",
                "抄送",
                "印发 份数",
            ],
            &[
                "Outgoing document draft sheet",
                "Drafted by",
                "Checked by",
                "Signed off by",
                "Cc",
            ],
        ),
        (
            "FU-2026-0001",
            &[
                "督办通知单",
                "事项",
                "要求",
                "牵头单位",
                "配合单位",
                "时限",
                "反馈方式",
                "2026-12-18",
            ],
            &[
                "Follow-up notice",
                "Matter",
                "Lead unit",
                "Deadline",
                "Reporting",
            ],
        ),
        (
            "LTR-2026-0001",
            &["介绍信存根", "介绍信", "前往单位", "持信人", "请接洽"],
            &["Letter of introduction", "Stub", "Please receive them"],
        ),
    ];
    for (id, zh, en) in cases {
        let page = form(&env, "zh", id);
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(page.contains("size: A4"), "{id}: A4 print CSS");
        // One page rule: a second one makes Chromium cut the right edge off.
        assert_eq!(page.matches("@page").count(), 1, "{id}");
        for word in zh {
            assert!(page.contains(word), "{id} zh lacks {word}");
        }
        let page = form(&env, "en", id);
        for word in en {
            assert!(page.contains(word), "{id} en lacks {word}");
        }
    }
}

#[test]
fn a_letter_and_its_stub_carry_one_number() {
    let env = office();
    let number = crate::env::text(
        &env.yaml("logbooks/letter/2026/LTR-2026-0001.yaml"),
        "number",
    );
    assert!(!number.is_empty());
    let page = form(&env, "zh", "LTR-2026-0001");
    assert_eq!(
        page.matches(number.as_str()).count(),
        3,
        "stub, cut line, letter: {page}"
    );
}

#[test]
fn a_hostile_title_is_text_and_a_classified_one_is_withheld() {
    let env = office();
    let id = env.assign("</style><script>alert(1)</script>");
    let page = form(&env, "zh", &id);
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;/style&gt;&lt;script&gt;"), "{page}");
    // The example's secret paper and the follow-up made from it.
    for (id, file, title) in [
        (
            "IN-2026-0006",
            "documents/2026/IN-2026-0006.yaml",
            "关于做好重大活动期间道路运输安全保障工作的通知",
        ),
        (
            "FU-2026-0012",
            "followups/2026/FU-2026-0012.yaml",
            "制定重大活动期间道路运输安全保障工作方案",
        ),
    ] {
        assert!(env.read(file).contains(title));
        for lang in ["en", "zh"] {
            let page = form(&env, lang, id);
            assert!(!page.contains(title), "{page}");
            // Nor the text that could tell the matter.
            assert!(!page.contains("知悉范围"), "{page}");
            assert!(page.contains(&format!("] {id}")), "{page}");
        }
    }
}

#[test]
fn other_commands_refuse_html_naming_their_formats() {
    let env = office();
    let out = env.output(&["--lang", "en", "list", "--format", "html"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a usage error, as for show -o csv"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("html") && err.contains("markdown"), "{err}");
    assert!(out.stdout.is_empty());
}

/// The rows of a form, without the page's frame and style.
fn rows(page: &str) -> String {
    let start = page.find("<table>").unwrap();
    let end = page.rfind("</table>").unwrap() + "</table>".len();
    page[start..end].replace("<tr>", "\n<tr>")
}

#[test]
fn a_follow_up_notice_lists_its_milestones_and_a_matters_parts() {
    let env = broken_down();
    for lang in ["en", "zh"] {
        let page = form(&env, lang, "FU-2026-0017");
        crate::snapshots::snap(&format!("forms__breakdown_{lang}"), &rows(&page));
    }
    let zh = form(&env, "zh", "FU-2026-0017");
    for word in [
        "节点",
        "1. 2026-11-20  制定检查方案  ✓ 2026-11-19 完成",
        "5. 2026-12-28  报送检查总结",
        "分解子项",
        "1/4 已办结",
        "FU-2026-0018 道路运输企业安全检查",
        "运输管理科",
        "已办结",
        "待办",
    ] {
        assert!(zh.contains(word), "zh lacks {word}:\n{zh}");
    }
    let en = form(&env, "en", "FU-2026-0017");
    for word in [
        "Milestones",
        "✓ done 2026-11-19",
        "Parts",
        "1/4 done",
        "State",
    ] {
        assert!(en.contains(word), "en lacks {word}:\n{en}");
    }
    // A part's own notice names no parts; one without milestones, no row.
    let part = form(&env, "zh", "FU-2026-0019");
    assert!(
        !part.contains("分解子项") && !part.contains("节点"),
        "{part}"
    );
}

#[test]
fn every_form_prints_on_exactly_one_a4_page() {
    let Some(browser) = crate::html_browser::chromium("the forms' one-page print check") else {
        return;
    };
    let env = broken_down();
    let dir = tempfile::tempdir().unwrap();
    for id in [
        "IN-2026-0001",
        "OUT-2026-0001",
        "FU-2026-0001",
        "LTR-2026-0001",
        // Five milestones and four parts.
        "FU-2026-0017",
    ] {
        for lang in ["en", "zh"] {
            let file = dir.path().join(format!("{id}-{lang}.html"));
            std::fs::write(&file, form(&env, lang, id)).unwrap();
            let pages = crate::html_browser::printed_pages(&browser, &file);
            assert_eq!(pages, 1, "{id} ({lang}) printed on {pages} pages");
        }
    }
}
