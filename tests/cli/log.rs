//! `log in` and `log out`: every flag, stored values, links, refusals.

use crate::env::{Env, text};

const IN1: &str = "documents/2026/IN-2026-0001.yaml";

#[test]
fn log_in_with_every_flag() {
    let env = Env::new();
    let scan = env.tmp.path().join("扫描件.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scan").unwrap();
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "关于做好冬季安全生产工作的通知",
        "--from",
        "省交通运输厅",
        "--ref",
        "省交发〔2026〕8号",
        "--received",
        "2026-11-20 09:30",
        "--received-by",
        "李明",
        "--type",
        "通知",
        "--channel",
        "paper",
        "--urgency",
        "特急",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "5y",
        "--handling",
        "action",
        "--deadline",
        "2026-11-30",
        "--lead",
        "BGS",
        "--support",
        "财务科,FGK",
        "--copies",
        "3",
        "--pages",
        "12",
        "--attach",
        scan.to_str().unwrap(),
        "--notes",
        "请于月底前落实",
    ]);
    assert_eq!(id, "IN-2026-0001\n", "the new ID alone on stdout");
    let doc = env.yaml(IN1);
    assert_eq!(text(&doc, "title"), "关于做好冬季安全生产工作的通知");
    assert_eq!(text(&doc, "sender"), "省交通运输厅");
    assert_eq!(text(&doc, "sender_ref"), "省交发〔2026〕8号");
    assert_eq!(text(&doc, "received"), "2026-11-20T09:30:00+08:00");
    assert_eq!(text(&doc, "received_by"), "李明");
    assert_eq!(text(&doc, "doc_type"), "notice");
    assert_eq!(text(&doc, "channel"), "paper");
    assert_eq!(text(&doc, "urgency"), "very-urgent");
    assert_eq!(text(&doc, "secrecy"), "secret");
    assert_eq!(text(&doc, "secrecy_term"), "5y");
    assert_eq!(text(&doc, "handling"), "action");
    assert_eq!(text(&doc, "deadline"), "2026-11-30");
    assert_eq!(text(&doc, "lead"), "办公室");
    assert_eq!(text(&doc, "status"), "assigned", "--lead assigns");
    assert_eq!(doc["support"][0].as_str(), Some("财务科"));
    assert_eq!(doc["support"][1].as_str(), Some("法规科"));
    assert_eq!(doc["copies"].as_u64(), Some(3));
    assert_eq!(doc["pages"].as_u64(), Some(12));
    assert_eq!(text(&doc, "notes"), "请于月底前落实");
    assert_eq!(text(&doc["history"][0], "action"), "log");
    assert_eq!(text(&doc["history"][0], "by"), "王芳");
    // The attachment is copied with its checksum (sha256 of the bytes).
    let attachment = &doc["attachments"][0];
    let path = text(attachment, "path");
    assert_eq!(path, "attachments/IN-2026-0001/扫描件.pdf");
    assert_eq!(
        std::fs::read(env.root.join(&path)).unwrap(),
        b"%PDF-1.4 scan"
    );
    let sha = std::process::Command::new("sha256sum")
        .arg(&scan)
        .output()
        .unwrap();
    let sha = String::from_utf8(sha.stdout).unwrap();
    assert_eq!(text(attachment, "sha256"), sha.split(' ').next().unwrap());
    // One commit with the record and its attachment.
    assert_eq!(
        env.last_commit_files(),
        ["attachments/IN-2026-0001/扫描件.pdf", IN1]
    );
    env.run(&["check"]);
}

#[test]
fn log_in_defaults_and_english_keywords() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "阅件",
        "--from",
        "市政府办",
        "--urgency",
        "urgent",
        "--secrecy",
        "机密",
        "--handling",
        "info",
    ]);
    let doc = env.yaml(IN1);
    assert_eq!(text(&doc, "urgency"), "urgent");
    assert_eq!(text(&doc, "secrecy"), "highly-secret");
    assert_eq!(text(&doc, "handling"), "info");
    assert_eq!(text(&doc, "status"), "registered");
    assert_eq!(doc["copies"].as_u64(), Some(1), "copies default to 1");
    assert_eq!(text(&doc, "received_by"), "王芳", "received by who acts");
    assert!(
        text(&doc, "received").starts_with("2026-11-23T"),
        "received defaults to now: {doc:?}"
    );
}

#[test]
fn log_in_refuses_attachments_of_highly_secret_documents() {
    let env = Env::new();
    let scan = env.tmp.path().join("scan.pdf");
    std::fs::write(&scan, b"x").unwrap();
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "机密件",
        "--from",
        "某部",
        "--secrecy",
        "机密",
        "--attach",
        scan.to_str().unwrap(),
    ]);
    assert!(stderr.contains("attachments are not allowed"), "{stderr}");
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "绝密件",
        "--from",
        "某部",
        "--secrecy",
        "top-secret",
        "--attach",
        scan.to_str().unwrap(),
    ]);
    assert!(stderr.contains("attachments are not allowed"), "{stderr}");
}

#[test]
fn log_in_urgent_action_needs_a_deadline() {
    let env = Env::new();
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "急件",
        "--from",
        "某部",
        "--urgency",
        "加急",
    ]);
    assert!(stderr.contains("--deadline"), "{stderr}");
}

#[test]
fn log_in_counts_ids_per_prefix() {
    let env = Env::new();
    assert_eq!(env.log_in("一"), "IN-2026-0001");
    assert_eq!(env.log_in("二"), "IN-2026-0002");
    assert_eq!(env.assign("督办一"), "FU-2026-0001");
    assert_eq!(env.log_in("三"), "IN-2026-0003");
}

#[test]
fn log_out_numbers_documents_in_sequence() {
    let env = Env::new();
    let first = env.run(&["log", "out", "--title", "关于报送材料的函", "--to", "省厅"]);
    assert_eq!(first, "OUT-2026-0001\n");
    let second = env.run(&[
        "log",
        "out",
        "--title",
        "关于安全检查的通知",
        "--to",
        "各区局,市公路中心",
        "--cc",
        "市安委办",
        "--type",
        "通知",
        "--direction",
        "downward",
        "--signed",
        "2026-11-20",
        "--urgency",
        "加急",
        "--secrecy",
        "none",
    ]);
    assert_eq!(second, "OUT-2026-0002\n");
    let one = env.yaml("documents/2026/OUT-2026-0001.yaml");
    let two = env.yaml("documents/2026/OUT-2026-0002.yaml");
    assert_eq!(text(&one, "doc_number"), "市交发〔2026〕1号");
    assert_eq!(text(&one, "status"), "draft");
    assert_eq!(text(&two, "doc_number"), "市交发〔2026〕2号");
    assert_eq!(text(&two, "status"), "signed");
    assert_eq!(text(&two, "signed"), "2026-11-20");
    assert_eq!(text(&two, "doc_type"), "notice");
    assert_eq!(text(&two, "direction"), "downward");
    assert_eq!(text(&two, "urgency"), "urgent");
    assert_eq!(two["to"][0].as_str(), Some("各区局"));
    assert_eq!(two["to"][1].as_str(), Some("市公路中心"));
    assert_eq!(two["cc"][0].as_str(), Some("市安委办"));
    assert_eq!(
        env.last_commit_files(),
        ["documents/2026/OUT-2026-0002.yaml"]
    );
}

#[test]
fn log_out_upward_needs_a_signer() {
    let env = Env::new();
    let stderr = env.fail(&[
        "log",
        "out",
        "--title",
        "关于请求拨付经费的请示",
        "--to",
        "市政府",
        "--direction",
        "upward",
    ]);
    assert!(stderr.contains("--signer"), "{stderr}");
    env.run(&[
        "log",
        "out",
        "--title",
        "关于请求拨付经费的请示",
        "--to",
        "市政府",
        "--direction",
        "上行",
        "--signer",
        "张局长",
    ]);
    let doc = env.yaml("documents/2026/OUT-2026-0001.yaml");
    assert_eq!(text(&doc, "direction"), "upward");
    assert_eq!(text(&doc, "signer"), "张局长");
}

#[test]
fn log_out_reply_to_links_both_ways() {
    let env = Env::new();
    let incoming = env.log_in("关于征求意见的函");
    // Signed: the reply goes out now (a draft's waits for its signature).
    env.run(&[
        "log",
        "out",
        "--title",
        "复函",
        "--to",
        "省厅",
        "--reply-to",
        "in-1",
        "--signed",
        "today",
    ]);
    let out = env.yaml("documents/2026/OUT-2026-0001.yaml");
    assert_eq!(text(&out, "in_reply_to"), incoming);
    let doc = env.yaml(IN1);
    assert_eq!(text(&doc["reply"], "ref"), "OUT-2026-0001");
    // One commit holding both records.
    assert_eq!(
        env.last_commit_files(),
        [IN1, "documents/2026/OUT-2026-0001.yaml"]
    );
    env.run(&["check"]);
}

#[test]
fn log_out_reply_to_a_missing_document_is_refused() {
    let env = Env::new();
    let stderr = env.fail(&[
        "log",
        "out",
        "--title",
        "复函",
        "--to",
        "省厅",
        "--reply-to",
        "IN-9",
    ]);
    assert!(stderr.contains("IN-2026-0009"), "{stderr}");
}

#[test]
fn log_in_with_a_missing_attachment_is_refused_whole() {
    let env = Env::new();
    let stderr = env.fail(&[
        "log",
        "in",
        "--title",
        "缺附件",
        "--from",
        "某部",
        "--attach",
        "/nonexistent/scan.pdf",
    ]);
    assert!(stderr.contains("/nonexistent/scan.pdf"), "{stderr}");
    let a = env.tmp.path().join("a");
    let b = env.tmp.path().join("b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("scan.pdf"), b"one").unwrap();
    std::fs::write(b.join("scan.pdf"), b"two").unwrap();
    env.fail(&[
        "log",
        "in",
        "--title",
        "同名附件",
        "--from",
        "某部",
        "--attach",
        a.join("scan.pdf").to_str().unwrap(),
        "--attach",
        b.join("scan.pdf").to_str().unwrap(),
    ]);
}

#[test]
fn log_in_refuses_an_attachment_folder_that_leads_outside() {
    let env = Env::new();
    let outside = env.tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(env.root.join("attachments")).unwrap();
    std::os::unix::fs::symlink(&outside, env.root.join("attachments/IN-2026-0001")).unwrap();
    let scan = env.tmp.path().join("scan.pdf");
    std::fs::write(&scan, b"x").unwrap();
    env.fail(&[
        "log",
        "in",
        "--title",
        "附件",
        "--from",
        "某部",
        "--attach",
        scan.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "wrote outside"
    );
}
