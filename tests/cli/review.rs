//! 核稿 (`doc review`) and `[outgoing] require_review`: a register that
//! asks for a review signs no draft before it, however the signature is
//! given (`log out --signed`, `doc sign`, `doc issue --signed`).

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

const OUT1: &str = "documents/2026/OUT-2026-0001.yaml";

/// A fresh register with two drafts, OUT-1 and OUT-2.
fn drafts() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    for title in ["关于报送年度工作总结的函", "关于开展安全检查的通知"] {
        env.run(&["log", "out", "--title", title, "--to", "省厅"]);
    }
    env
}

#[test]
fn a_review_is_recorded_in_both_languages_and_shown() {
    let env = drafts();
    whole(
        &env,
        "review@en",
        &[
            "--lang",
            "en",
            "--by",
            "李科长",
            "doc",
            "review",
            "OUT-1",
            "--note",
            "文字已核",
        ],
    );
    whole(
        &env,
        "review@zh",
        &["--lang", "zh", "--by", "李科长", "doc", "review", "OUT-2"],
    );
    let doc = env.yaml(OUT1);
    assert_eq!(text(&doc["review"], "by"), "李科长");
    assert_eq!(text(&doc["review"], "on"), "2026-11-23");
    assert_eq!(text(&doc["review"], "note"), "文字已核");
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["show", "OUT-1", "--format", "json"])).unwrap();
    assert_eq!(json["review"]["by"], "李科长", "{json}");
    whole(&env, "review_show@en", &["--lang", "en", "show", "OUT-1"]);
    whole(&env, "review_show@zh", &["--lang", "zh", "show", "OUT-1"]);
}

#[test]
fn require_review_is_set_from_the_shell_and_refuses_every_signature_before_it() {
    let env = drafts();
    env.run(&["config", "set", "outgoing.require_review", "true"]);
    assert!(
        env.read("taizhang.toml")
            .contains("[outgoing]\nrequire_review = true")
    );
    assert_eq!(
        env.run(&["config", "get", "outgoing.require_review"]),
        "true\n"
    );
    whole(
        &env,
        "review_required_sign@en",
        &["--lang", "en", "doc", "sign", "OUT-1"],
    );
    whole(
        &env,
        "review_required_sign@zh",
        &["--lang", "zh", "doc", "sign", "OUT-1"],
    );
    let log = [
        "log", "out", "--title", "复函", "--to", "省厅", "--signed", "today",
    ];
    whole(
        &env,
        "review_required_log@en",
        &[&["--lang", "en"][..], &log].concat(),
    );
    whole(
        &env,
        "review_required_log@zh",
        &[&["--lang", "zh"][..], &log].concat(),
    );
    let err = env.fail(&["--lang", "en", "doc", "issue", "OUT-1", "--signed", "today"]);
    assert!(err.contains("OUT-2026-0001 has not been reviewed"), "{err}");
    env.run(&["--by", "李科长", "doc", "review", "OUT-1"]);
    env.run(&["doc", "sign", "OUT-1", "--signer", "张局长"]);
    let doc = env.yaml(OUT1);
    assert_eq!(text(&doc, "status"), "signed");
    assert_eq!(text(&doc, "signer"), "张局长");
    assert_eq!(text(&doc, "signed"), "2026-11-23");
    // Without the setting, a draft is signed unreviewed.
    env.run(&["config", "set", "outgoing.require_review", "false"]);
    env.run(&["doc", "issue", "OUT-2", "--signed", "today"]);
    env.run(&["check"]);
}

#[test]
fn a_signed_document_is_not_reviewed_and_only_documents_are() {
    let env = drafts();
    env.run(&["doc", "sign", "OUT-1"]);
    let en = env.fail(&["--lang", "en", "doc", "review", "OUT-1"]);
    assert!(
        en.starts_with("error: OUT-2026-0001 is signed; cannot `doc review`"),
        "{en}"
    );
    let zh = env.fail(&["--lang", "zh", "doc", "review", "OUT-1"]);
    assert!(zh.contains("OUT-2026-0001 已签发，不能核稿"), "{zh}");
    env.run(&["log", "in", "--title", "来文", "--from", "省厅"]);
    let err = env.fail(&["--lang", "en", "doc", "review", "IN-1"]);
    assert!(err.contains("doc review"), "{err}");
    assert!(err.contains("an outgoing document"), "{err}");
    // Nor signed in the future, nor twice.
    let err = env.fail(&["--lang", "en", "doc", "sign", "OUT-2", "--on", "2026-12-01"]);
    assert!(err.contains("--on 2026-12-01 is after today"), "{err}");
    let err = env.fail(&["--lang", "en", "doc", "sign", "OUT-1"]);
    assert!(
        err.contains("OUT-2026-0001 is signed; cannot `doc sign`"),
        "{err}"
    );
}

#[test]
fn the_draft_sheet_fills_the_review_box() {
    let env = drafts();
    env.run(&[
        "--by",
        "李科长",
        "doc",
        "review",
        "OUT-1",
        "--note",
        "文字已核",
    ]);
    let html = env.run(&["--lang", "zh", "show", "OUT-1", "--format", "html"]);
    let checker = html.find("核稿").expect("the review box");
    let box_text = &html[checker..checker + 200];
    assert!(
        box_text.contains("李科长 2026-11-23：文字已核"),
        "{box_text}"
    );
}
