//! What taizhang writes reads the same in YAML 1.1 (PyYAML) and 1.2 readers
//! (docs/git-and-sharing.md); text is never escaped into \uXXXX.

use crate::env::{Env, text};

const TRICKY: &[&str] = &[
    "no",
    "on",
    "yes",
    "off",
    "Y",
    "null",
    "~",
    "true",
    "0012",
    "2026-11-01",
    "1e3",
    "0x1F",
    "12:30",
    "1_000",
    ".inf",
    "- 列表",
    "a: b",
    "#注释",
    "'引号'",
    "\"双引号\"",
];

/// Titles that may be written bare but must read back the same.
const PLAIN: &[&str] = &["关于\"两会\"的通知", "it's 第3号", "a:b", "50%"];

#[test]
fn lookalike_titles_are_quoted_and_read_back_as_text() {
    let env = Env::new();
    for (i, title) in TRICKY.iter().enumerate() {
        let id = env.assign(title);
        assert_eq!(id, format!("FU-2026-{:04}", i + 1));
        let path = format!("followups/2026/{id}.yaml");
        let raw = env.read(&path);
        let line = raw.lines().find(|l| l.starts_with("title:")).unwrap();
        let value = &line["title: ".len()..];
        assert!(
            value.starts_with('\'') || value.starts_with('"'),
            "{title:?} written bare: {line}"
        );
        assert_eq!(text(&env.yaml(&path), "title"), *title);
    }
    for title in PLAIN {
        let id = env.assign(title);
        let path = format!("followups/2026/{id}.yaml");
        assert_eq!(text(&env.yaml(&path), "title"), *title);
    }
    env.run(&["check"]);
}

#[test]
fn utf8_is_never_escaped() {
    let env = Env::new();
    let title = "关于做好2026年“两节”期间安全生产工作的通知 — ①②③ 😀";
    env.assign(title);
    let raw = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(raw.contains(title), "{raw}");
    assert!(!raw.contains("\\u") && !raw.contains("\\x"), "{raw}");
    assert!(raw.contains("lead: 办公室"), "{raw}");
}

#[test]
fn pyyaml_reads_every_record_as_taizhang_does() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import yaml"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("PyYAML is not installed; skipping the YAML 1.1 reader check");
        return;
    }
    let env = Env::new();
    for title in TRICKY.iter().chain(PLAIN) {
        env.assign(title);
    }
    env.run(&[
        "log",
        "in",
        "--title",
        "yes",
        "--from",
        "no",
        "--ref",
        "0012",
        "--received",
        "2026-11-20 09:30",
        "--notes",
        "第一行\n  缩进的第二行\n\n末行 # 不是注释\n",
        "--lead",
        "BGS",
    ]);
    env.run(&["progress", "FU-1", "on"]);
    env.run(&["extend", "FU-1", "--to", "+1m", "--reason", "null"]);
    env.run(&["chase", "FU-2", "--via", "yes"]);
    env.run(&["done", "FU-3", "--report", "2026-11-30"]);
    // PyYAML reads every file as the tool does (dates as ISO text).
    let script = r#"
import sys, yaml, json, glob
out = {}
for path in sorted(glob.glob(sys.argv[1] + "/followups/2026/*.yaml") + glob.glob(sys.argv[1] + "/documents/2026/*.yaml")):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    out[data["id"]] = data
print(json.dumps(out, ensure_ascii=False, default=lambda o: o.isoformat()))
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", script, env.root.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for (id, pyyaml) in read.as_object().unwrap() {
        let mut ours: serde_json::Value =
            serde_json::from_str(&env.run(&["show", id, "--format", "json"])).unwrap();
        let ours = ours.as_object_mut().unwrap();
        ours.remove("overdue");
        ours.remove("days_left");
        assert_eq!(
            &serde_json::Value::Object(ours.clone()),
            pyyaml,
            "PyYAML reads {id} differently"
        );
    }
    for (i, title) in TRICKY.iter().chain(PLAIN).enumerate() {
        let id = format!("FU-2026-{:04}", i + 1);
        assert_eq!(read[&id]["title"], *title, "PyYAML read {id} differently");
    }
    let doc = &read["IN-2026-0001"];
    assert_eq!(doc["title"], "yes");
    assert_eq!(doc["sender"], "no");
    assert_eq!(doc["sender_ref"], "0012");
    // Notes are trimmed when registered; the inner lines are kept.
    assert_eq!(doc["notes"], "第一行\n  缩进的第二行\n\n末行 # 不是注释");
}
