//! A reply is recorded once: `log out --reply-to` and `doc reply --ref`
//! are the same act, the paper is replied when its document goes out
//! (signed, or issued where the register records issuing), revoking that
//! document takes the reply back, and `check` flags a replied paper whose
//! reply is void.

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

const IN1: &str = "documents/2026/IN-2026-0001.yaml";
const OUT1: &str = "documents/2026/OUT-2026-0001.yaml";

/// A fresh register holding IN-1, assigned to 办公室 and done.
fn done_paper() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于征求意见的函",
        "--from",
        "省厅",
        "--lead",
        "BGS",
    ]);
    env.run(&["doc", "done", "IN-1"]);
    env
}

/// `log out` of a reply to IN-1, with `extra` flags.
fn reply_document(env: &Env, extra: &[&str]) {
    let mut args = vec![
        "log",
        "out",
        "--title",
        "复函",
        "--to",
        "省厅",
        "--reply-to",
        "IN-1",
    ];
    args.extend_from_slice(extra);
    env.run(&args);
}

/// How many history entries of IN-1 record `action`, read from its file.
fn entries(env: &Env, action: &str) -> usize {
    let paper = env.yaml(IN1);
    let history = paper["history"].as_sequence().unwrap();
    (history.iter())
        .filter(|h| h["action"].as_str() == Some(action))
        .count()
}

#[test]
fn a_signed_reply_answers_the_paper_once_and_doc_reply_then_does_nothing() {
    let env = done_paper();
    reply_document(&env, &["--signed", "today"]);
    let paper = env.yaml(IN1);
    assert_eq!(text(&paper, "status"), "replied");
    assert_eq!(text(&paper["reply"], "ref"), "OUT-2026-0001");
    assert_eq!(entries(&env, "reply"), 1);
    assert_eq!(
        env.last_commit_files(),
        [IN1, OUT1],
        "the paper and its reply in one commit"
    );
    let commits = env.commits();
    let args = ["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"];
    whole(
        &env,
        "reply_once_again@en",
        &[&["--lang", "en"][..], &args].concat(),
    );
    whole(
        &env,
        "reply_once_again@zh",
        &[&["--lang", "zh"][..], &args].concat(),
    );
    assert_eq!(env.commits(), commits, "nothing to commit");
    assert_eq!(entries(&env, "reply"), 1);
    env.run(&["check"]);
}

#[test]
fn a_draft_reply_answers_the_paper_when_it_is_signed() {
    let env = done_paper();
    reply_document(&env, &[]);
    assert_eq!(
        env.last_commit_files(),
        [OUT1],
        "the paper is not replied yet"
    );
    assert_eq!(text(&env.yaml(IN1), "status"), "done");
    // `doc reply` names the same document: still waiting for it.
    let args = ["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"];
    whole(
        &env,
        "reply_pending@en",
        &[&["--lang", "en"][..], &args].concat(),
    );
    whole(
        &env,
        "reply_pending@zh",
        &[&["--lang", "zh"][..], &args].concat(),
    );
    assert_eq!(entries(&env, "reply"), 0);
    whole(
        &env,
        "reply_on_signature@en",
        &["--lang", "en", "doc", "sign", "OUT-1"],
    );
    let paper = env.yaml(IN1);
    assert_eq!(text(&paper, "status"), "replied");
    assert_eq!(text(&paper["reply"], "on"), "2026-11-23");
    assert_eq!(entries(&env, "reply"), 1);
    assert_eq!(env.last_commit_files(), [IN1, OUT1]);
    env.run(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"]);
    assert_eq!(entries(&env, "reply"), 1);
}

#[test]
fn doc_reply_of_a_signed_document_answers_at_once_and_log_out_adds_nothing() {
    let env = done_paper();
    env.run(&[
        "log", "out", "--title", "复函", "--to", "省厅", "--signed", "today",
    ]);
    env.run(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"]);
    assert_eq!(entries(&env, "reply"), 1);
    assert_eq!(text(&env.yaml(OUT1), "in_reply_to"), "IN-2026-0001");
    assert_eq!(text(&env.yaml(IN1), "status"), "replied");
    // Issuing it later changes nothing on the paper.
    env.run(&["doc", "issue", "OUT-1"]);
    assert_eq!(entries(&env, "reply"), 1);
    assert_eq!(env.last_commit_files(), [OUT1]);
}

#[test]
fn where_issuing_is_recorded_the_paper_is_replied_when_its_reply_is_issued() {
    let env = done_paper();
    env.run(&["config", "set", "outgoing.track_issuing", "true"]);
    reply_document(&env, &["--signed", "today"]);
    assert_eq!(text(&env.yaml(IN1), "status"), "done");
    let said = env.output(&[
        "--lang", "en", "doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1",
    ]);
    let said = String::from_utf8(said.stderr).unwrap();
    assert!(
        said.contains("replied once OUT-2026-0001 is issued"),
        "{said}"
    );
    env.run(&["doc", "issue", "OUT-1", "--on", "2026-11-23"]);
    let paper = env.yaml(IN1);
    assert_eq!(text(&paper, "status"), "replied");
    assert_eq!(text(&paper["reply"], "on"), "2026-11-23");
    assert_eq!(entries(&env, "reply"), 1);
}

#[test]
fn a_paper_replied_while_in_hand_is_replied_when_done() {
    let env = Env::new();
    env.run(&[
        "log", "in", "--title", "来文", "--from", "省厅", "--lead", "BGS",
    ]);
    reply_document(&env, &["--signed", "today"]);
    assert_eq!(text(&env.yaml(IN1), "status"), "assigned");
    env.run(&["doc", "done", "IN-1"]);
    assert_eq!(text(&env.yaml(IN1), "status"), "replied");
    assert_eq!(entries(&env, "reply"), 1);
}

#[test]
fn revoking_the_reply_returns_the_paper_to_done_and_says_so() {
    let env = done_paper();
    reply_document(&env, &["--signed", "today"]);
    whole(
        &env,
        "reply_revoked@en",
        &[
            "--lang",
            "en",
            "doc",
            "revoke",
            "OUT-1",
            "--reason",
            "内容有误",
        ],
    );
    let paper = env.yaml(IN1);
    assert_eq!(text(&paper, "status"), "done");
    assert!(paper["reply"].is_null(), "{paper:?}");
    assert_eq!(entries(&env, "reply-revoked"), 1);
    assert_eq!(env.last_commit_files(), [IN1, OUT1]);
    let slip = env.run(&["--lang", "zh", "show", "IN-1"]);
    assert!(
        slip.contains("复文 OUT-2026-0001 已撤销，答复随之撤回"),
        "{slip}"
    );
    // Answered afresh by another document, once.
    reply_document(&env, &["--signed", "today"]);
    assert_eq!(text(&env.yaml(IN1), "status"), "replied");
    assert_eq!(entries(&env, "reply"), 2);
    env.run(&["check"]);
}

#[test]
fn the_revocation_in_chinese() {
    let env = done_paper();
    reply_document(&env, &["--signed", "today"]);
    whole(
        &env,
        "reply_revoked@zh",
        &[
            "--lang",
            "zh",
            "doc",
            "revoke",
            "OUT-1",
            "--reason",
            "内容有误",
        ],
    );
}

#[test]
fn check_flags_a_replied_paper_whose_reply_is_revoked() {
    let env = done_paper();
    reply_document(&env, &["--signed", "today"]);
    // Revoked by hand (or by a version that did not take the reply back).
    let out = env.read(OUT1).replace("status: signed", "status: revoked");
    env.write(OUT1, &out);
    env.git(&["commit", "-qam", "hand edit"]);
    whole(&env, "reply_revoked_check@en", &["--lang", "en", "check"]);
    whole(&env, "reply_revoked_check@zh", &["--lang", "zh", "check"]);
}
