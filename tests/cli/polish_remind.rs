//! Reminders reach every output: the HTML brief lists exactly what
//! `remind` gathers for the day, entries out included.

use crate::env::Env;
use serde_json::Value;

/// The example register, committed to a fresh repository, clock pinned.
fn example() -> Env {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env
}

#[test]
fn html_brief_lists_every_item_remind_gathers_entries_out_included() {
    let env = example();
    let json: Value = serde_json::from_str(&env.run(&["remind", "-o", "json"])).unwrap();
    let items = json.as_array().expect("remind -o json is a list");
    assert!(!items.is_empty());
    for lang in ["en", "zh"] {
        let html = env.run(&["--lang", lang, "export", "html"]);
        assert!(html.contains("SEAL-2026-0004"), "{html}");
        assert!(!html.to_lowercase().contains("http"), "nothing fetched");
        for item in items {
            let id = item["id"].as_str().unwrap();
            let level = item["level"].as_str().unwrap();
            assert!(
                html.contains(&format!("<tr class=\"{level}\"><td class=\"lvl\">"))
                    && html.contains(&format!("<td class=\"nw\">{id}</td>")),
                "{lang}: {id} ({level}) missing from the brief"
            );
        }
    }
}

#[test]
fn remind_record_chases_papers_as_follow_ups_but_not_entries_out() {
    for lang in ["en", "zh"] {
        let env = example();
        let before = env.commits();
        let printed = env.run(&["--lang", lang, "remind"]);
        let recorded = env.run(&["--lang", lang, "remind", "--record"]);
        assert_eq!(printed, recorded, "{lang}: --record prints the same list");
        // The example register does not commit by itself: its changes
        // are what the run wrote, committed here as one.
        let files: Vec<String> = env.status().lines().map(|l| l[3..].to_string()).collect();
        env.git(&["add", "-A"]);
        env.git(&["commit", "-qm", "remind --record"]);
        assert_eq!(env.commits(), before + 1);
        for paper in ["IN-2026-0007", "IN-2026-0003", "IN-2026-0011"] {
            assert!(
                files.contains(&format!("documents/2026/{paper}.yaml")),
                "{lang}: {paper} chased: {files:?}"
            );
            let yaml = env.read(&format!("documents/2026/{paper}.yaml"));
            assert!(yaml.contains("reminder ("), "{lang}: {yaml}");
        }
        assert!(
            files.contains(&"followups/2026/FU-2026-0007.yaml".to_string()),
            "{files:?}"
        );
        assert!(
            !files.iter().any(|f| f.starts_with("logbooks/")),
            "{lang}: entries out are not chased: {files:?}"
        );
    }
    let env = example();
    // The example register speaks Chinese, and so does its --help.
    let help = env.run(&["--lang", "en", "remind", "--help"]);
    assert!(
        help.contains("Logbook entries out are not chased"),
        "{help}"
    );
    // (Chinese lines break between any two characters.)
    let help: String = env.run(&["remind", "--help"]).split_whitespace().collect();
    assert!(help.contains("借出未还的登记不催办"), "{help}");
}
