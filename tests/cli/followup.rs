//! The life of a follow-up: assign, progress, done, verify, extend, chase,
//! cancel, reopen; and `doc done` for an incoming action item.

use crate::env::{Env, text};
use crate::snapshots::whole;

const FU1: &str = "followups/2026/FU-2026-0001.yaml";

fn statuses(env: &Env) -> String {
    text(&env.yaml(FU1), "status")
}

#[test]
fn assign_with_every_flag() {
    let env = Env::new();
    let id = env.run(&[
        "assign",
        "修订值班制度",
        "--lead",
        "办公室",
        "--due",
        "2026-12-31",
        "--owner",
        "李明",
        "--support",
        "CWK",
        "--support",
        "法规科",
        "--source",
        "领导批示",
        "--by-leader",
        "张局长",
        "--supervisor",
        "刘副局长",
        "--requirement",
        "月底前报送修订稿",
        "--feedback",
        "weekly",
        "--assigned",
        "2026-11-20",
    ]);
    assert_eq!(id, "FU-2026-0001\n");
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "title"), "修订值班制度");
    assert_eq!(text(&fu, "status"), "open");
    assert_eq!(text(&fu, "lead"), "办公室");
    assert_eq!(text(&fu, "owner"), "李明");
    assert_eq!(fu["support"][0].as_str(), Some("财务科"));
    assert_eq!(fu["support"][1].as_str(), Some("法规科"));
    assert_eq!(text(&fu, "source"), "instruction");
    assert_eq!(text(&fu, "assigned_by"), "张局长");
    assert_eq!(text(&fu, "supervisor"), "刘副局长");
    assert_eq!(text(&fu, "requirement"), "月底前报送修订稿");
    assert_eq!(text(&fu, "feedback"), "weekly");
    assert_eq!(text(&fu, "assigned"), "2026-11-20");
    assert_eq!(text(&fu, "due"), "2026-12-31");
    assert_eq!(text(&fu, "secrecy"), "none");
    assert_eq!(env.last_commit_files(), [FU1]);
}

#[test]
fn assign_from_a_document_links_both_ways_and_inherits_secrecy() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "关于督查的通知",
        "--from",
        "市政府办",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "10y",
    ]);
    env.run(&[
        "assign",
        "落实督查要求",
        "--lead",
        "FGK",
        "--due",
        "+1w",
        "--from",
        "IN-2026-0001",
    ]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "source_ref"), "IN-2026-0001");
    assert_eq!(text(&fu, "source"), "document");
    assert_eq!(text(&fu, "secrecy"), "secret", "inherited from the paper");
    assert_eq!(text(&fu, "due"), "2026-11-30");
    let doc = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(doc["followups"][0].as_str(), Some("FU-2026-0001"));
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/IN-2026-0001.yaml", FU1]
    );
    env.run(&["check"]);
}

#[test]
fn progress_done_and_history() {
    let env = Env::new();
    env.assign("修订值班制度");
    let commits = env.commits();
    env.run(&["progress", "FU-1", "已起草初稿"]);
    assert_eq!(statuses(&env), "in-progress");
    env.run(&["progress", "fu-2026-0001", "已征求意见"]);
    env.run(&["done", "FU-1", "--report", "已印发执行"]);
    assert_eq!(env.commits(), commits + 3, "one commit per command");
    let fu = env.yaml(FU1);
    assert_eq!(
        text(&fu, "status"),
        "closed",
        "closes directly without verify"
    );
    assert_eq!(text(&fu["progress"][0], "note"), "已起草初稿");
    assert_eq!(text(&fu["progress"][1], "note"), "已征求意见");
    assert_eq!(text(&fu["progress"][0], "on"), "2026-11-23");
    assert_eq!(text(&fu["result"], "report"), "已印发执行");
    assert_eq!(text(&fu["result"], "closed"), "2026-11-23");
    assert_eq!(text(&fu["result"], "closed_by"), "王芳");
    let actions: Vec<_> = fu["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| text(h, "action"))
        .collect();
    assert_eq!(actions, ["assign", "progress", "progress", "done"]);
    assert_eq!(env.last_commit_files(), [FU1]);
    let message = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(message.trim(), "taizhang: done FU-2026-0001 修订值班制度");
}

#[test]
fn done_submits_and_verify_closes_when_the_register_verifies() {
    let env = Env::new();
    env.configure("verify = false", "verify = true");
    env.assign("整改问题清单");
    env.run(&["done", "FU-1", "--report", "已整改"]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "status"), "submitted");
    assert_eq!(text(&fu["result"], "submitted"), "2026-11-23");
    assert!(fu["result"].get("closed").is_none(), "{fu:?}");
    env.run(&["verify", "FU-1"]);
    let fu = env.yaml(FU1);
    assert_eq!(text(&fu, "status"), "closed");
    assert_eq!(text(&fu["result"], "closed"), "2026-11-23");
    whole(&env, "followup__verify_refused_closed", &["verify", "FU-1"]);
}

#[test]
fn verify_refuses_an_item_not_submitted() {
    let env = Env::new();
    env.assign("整改问题清单");
    whole(&env, "followup__verify_refused_open", &["verify", "FU-1"]);
}

#[test]
fn extend_moves_the_effective_due_date() {
    let env = Env::new();
    env.run(&["assign", "编制预算", "--lead", "CWK", "--due", "2026-11-30"]);
    env.run(&[
        "extend",
        "FU-1",
        "--to",
        "2026-12-15",
        "--reason",
        "等待财政批复",
        "--approved-by",
        "张局长",
    ]);
    let fu = env.yaml(FU1);
    let ext = &fu["extensions"][0];
    assert_eq!(text(ext, "from"), "2026-11-30");
    assert_eq!(text(ext, "to"), "2026-12-15");
    assert_eq!(text(ext, "reason"), "等待财政批复");
    assert_eq!(text(ext, "approved_by"), "张局长");
    assert_eq!(
        text(&fu, "due"),
        "2026-11-30",
        "the original due date stays"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["show", "FU-1", "--format", "json"])).unwrap();
    assert_eq!(json["days_left"], 22, "days left count from the extension");
    // Not later than the date in force: refused.
    whole(
        &env,
        "followup__extend_refused_not_later",
        &["extend", "FU-1", "--to", "2026-12-10", "--reason", "再等等"],
    );
}

#[test]
fn chase_records_the_colour_of_the_deadline() {
    let env = Env::new();
    env.run(&[
        "assign",
        "已超期事项",
        "--lead",
        "BGS",
        "--assigned",
        "2026-11-01",
        "--due",
        "2026-11-20",
    ]);
    env.run(&["assign", "今日到期事项", "--lead", "BGS", "--due", "today"]);
    env.run(&["chase", "FU-1", "--via", "phone"]);
    env.run(&["chase", "FU-2"]);
    let red = env.yaml(FU1);
    assert_eq!(text(&red["chases"][0], "level"), "red");
    assert_eq!(text(&red["chases"][0], "via"), "phone");
    assert_eq!(text(&red["chases"][0], "by"), "王芳");
    let yellow = env.yaml("followups/2026/FU-2026-0002.yaml");
    assert_eq!(text(&yellow["chases"][0], "level"), "yellow");
    assert_eq!(text(&yellow["chases"][0], "via"), "notice");
}

#[test]
fn cancel_and_reopen() {
    let env = Env::new();
    env.assign("取消的事项");
    env.run(&["cancel", "FU-1", "--reason", "上级已撤销"]);
    assert_eq!(statuses(&env), "cancelled");
    env.run(&["reopen", "FU-1", "--reason", "恢复办理"]);
    assert_eq!(statuses(&env), "open");
    env.run(&["done", "FU-1"]);
    assert_eq!(statuses(&env), "closed");
    env.run(&["reopen", "FU-1", "--reason", "材料不全"]);
    assert_eq!(statuses(&env), "returned");
    env.run(&["progress", "FU-1", "已补齐材料"]);
    assert_eq!(statuses(&env), "in-progress");
    let fu = env.yaml(FU1);
    let notes: Vec<_> = fu["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| text(h, "note"))
        .collect();
    assert!(notes.contains(&"上级已撤销".to_string()), "{notes:?}");
    assert!(notes.contains(&"材料不全".to_string()), "{notes:?}");
}

#[test]
fn doc_done_finishes_an_assigned_paper() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "关于报送数据的通知",
        "--from",
        "省厅",
        "--lead",
        "CWK",
    ]);
    env.run(&["doc", "done", "IN-1", "--result", "已报送"]);
    let doc = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&doc, "status"), "done");
    assert_eq!(text(&doc, "result"), "已报送");
    assert_eq!(text(&doc, "completed"), "2026-11-23");
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/IN-2026-0001.yaml"]
    );
}

#[test]
fn lifecycle_commands_refuse_a_document() {
    let env = Env::new();
    env.log_in("来文");
    whole(
        &env,
        "followup__progress_refused_document",
        &["progress", "IN-1", "不该成功"],
    );
}

/// A follow-up back-dated to before it was assigned is neither closed nor
/// reported done: the register refuses the write, in both languages, and
/// nothing changes.
#[test]
fn done_dated_before_the_assignment_is_refused() {
    let env = Env::new();
    let id = env.assign("按期报送材料");
    let before = env.state();
    let done = |lang: &str| {
        env.cmd()
            .args(["--lang", lang, "--today", "2026-01-05", "done", &id])
            .args(["--report", "已报送"])
            .output()
            .unwrap()
    };
    let zh = done("zh");
    assert_eq!(zh.status.code(), Some(1));
    let said = String::from_utf8_lossy(&zh.stderr);
    assert!(
        said.contains("改后无法通过 `taizhang check`；未写入任何内容"),
        "{said}"
    );
    assert!(said.contains("销号日期 2026-01-05 早于交办日期"), "{said}");
    let en = done("en");
    assert_eq!(en.status.code(), Some(1));
    let said = String::from_utf8_lossy(&en.stderr);
    assert!(
        said.contains("closed 2026-01-05 before it was assigned"),
        "{said}"
    );
    assert_eq!(before, env.state(), "nothing written");

    env.configure("verify = false", "verify = true");
    let reported = done("zh");
    assert_eq!(reported.status.code(), Some(1));
    let said = String::from_utf8_lossy(&reported.stderr);
    assert!(said.contains("报结日期 2026-01-05 早于交办日期"), "{said}");
}
