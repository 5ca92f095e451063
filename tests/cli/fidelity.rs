//! Hand-edit fidelity (docs/register-format.md): values a clerk typed under
//! keys of their own keep their text through a rewrite, so PyYAML reads
//! them as before; a tag of their own is a clear error naming file, line
//! and tag; a write that would make a record unreadably large is refused;
//! `check` warns of comments, which a rewrite drops.

use crate::env::Env;

const IN1: &str = "documents/2026/IN-2026-0001.yaml";

/// A paper with hand-added keys (top level, and inside a history entry),
/// committed.
fn hand_edited() -> Env {
    let env = Env::new();
    env.log_in("来文");
    let text = env
        .read(IN1)
        .replacen("  action: log\n", "  action: log\n  remark: 1.50\n", 1);
    let text = format!(
        "{text}version: 1.10\nmode: 0o17\nfactor: 1e3\nflag: yes\nday: 2026-11-01\nquoted: '1.10'\nplain: 关于\n"
    );
    env.write(IN1, &text);
    env.git(&["commit", "-qam", "hand edit"]);
    env
}

/// What PyYAML reads under the hand-added keys, as JSON; `None` without
/// PyYAML.
fn pyyaml_reads(env: &Env) -> Option<serde_json::Value> {
    let script = r#"
import sys, yaml, json
with open(sys.argv[1], encoding="utf-8") as f:
    data = yaml.safe_load(f)
keys = ["version", "mode", "factor", "flag", "day", "quoted", "plain"]
out = {k: data[k] for k in keys}
out["remark"] = data["history"][0]["remark"]
print(json.dumps(out, ensure_ascii=False, default=lambda o: "date " + o.isoformat()))
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", script, env.root.join(IN1).to_str().unwrap()])
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    serde_json::from_slice(&output.stdout).ok()
}

#[test]
fn values_under_hand_added_keys_keep_their_text_through_a_rewrite() {
    let env = hand_edited();
    let before = pyyaml_reads(&env);
    env.run(&["doc", "route", "IN-1", "--to", "张局长"]);
    let text = env.read(IN1);
    assert!(text.contains("张局长"), "rewritten: {text}");
    for line in [
        "version: 1.10\n",
        "mode: 0o17\n",
        "factor: 1e3\n",
        "flag: yes\n",
        "day: 2026-11-01\n",
        "quoted: '1.10'\n",
        "plain: 关于\n",
        "  remark: 1.50\n",
    ] {
        assert!(text.contains(line), "{line:?} not kept:\n{text}");
    }
    match (before, pyyaml_reads(&env)) {
        (Some(before), Some(after)) => assert_eq!(before, after, "PyYAML reads them differently"),
        _ => eprintln!("PyYAML is not installed; skipping the YAML 1.1 reader check"),
    }
    env.run(&["check"]);
}

#[test]
fn a_custom_tag_is_named_with_its_file_and_line() {
    let env = Env::new();
    env.log_in("来文");
    let text = env.read(IN1);
    let line = text.lines().count() + 1;
    env.write(IN1, &format!("{text}x: !important 重要\n"));
    let err = env.fail(&["show", "IN-1"]);
    assert!(
        err.contains(&format!("IN-2026-0001.yaml:{line}:4"))
            && err.contains("unknown tag !important")
            && !err.contains("enum"),
        "{err}"
    );
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains(&format!("IN-2026-0001.yaml:{line}:4"))
            && report.contains("unknown tag !important"),
        "{report}"
    );
    let zh = env.output(&["--lang", "zh", "check"]);
    let report = String::from_utf8_lossy(&zh.stdout);
    assert!(report.contains("未知的标签 !important"), "{report}");
    // Read commands go on without it, with a warning.
    let list = env.output(&["list"]);
    assert!(list.status.success());
    assert!(String::from_utf8_lossy(&list.stderr).contains("!important"));
}

#[test]
fn a_write_past_the_read_limit_is_refused() {
    let env = Env::new();
    let id = env.assign("事项");
    let path = format!("followups/2026/{id}.yaml");
    let text = env.read(&path);
    let filler = "备".repeat((1 << 20) / 3 - text.len() / 3 - 1000);
    env.write(&path, &format!("{text}notes: {filler}\n"));
    env.git(&["commit", "-qam", "long notes"]);
    env.run(&["show", &id]);
    let note = "进".repeat(2000);
    let err = env.fail(&["progress", &id, &note]);
    assert!(
        err.contains("limited to 1048576") && err.contains(&id),
        "{err}"
    );
}

#[test]
fn check_warns_of_comments_even_from_its_cache() {
    let env = Env::new();
    env.log_in("来文");
    let quiet = env.assign("第#1号 a #b 'c # d'");
    let text = env.read(IN1);
    env.write(IN1, &format!("# 手工加的说明\n{text}"));
    for file in [IN1.to_string(), format!("followups/2026/{quiet}.yaml")] {
        let aged = std::process::Command::new("touch")
            .args(["-d", "1 hour ago"])
            .arg(env.root.join(file))
            .status()
            .unwrap();
        assert!(aged.success());
    }
    env.git(&["commit", "-qam", "comment"]);
    for round in ["parsed", "cached"] {
        let report = env.run(&["check"]);
        assert!(
            report.contains("IN-2026-0001.yaml") && report.contains("# comments"),
            "{round}: {report}"
        );
        assert!(!report.contains(&quiet), "{round}: {report}");
    }
    let zh = env.run(&["--lang", "zh", "check"]);
    assert!(zh.contains("注释"), "{zh}");
}
