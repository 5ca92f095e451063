//! `meeting minutes`: text is minutes written down (已形成纪要), the
//! outgoing 纪要 linked is minutes issued (已印发纪要), and the next step
//! `show` suggests follows them.

use crate::env::Env;
use crate::snapshots::whole;

fn held(env: &Env) {
    env.pin_clock(crate::snapshots::NOW);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "第八次局长办公会议",
        "--start",
        "2026-11-23 09:00",
    ]);
    env.run(&["meeting", "held", "MT-1"]);
}

fn next_line(env: &Env, lang: &str) -> String {
    let page = env.run(&["--lang", lang, "show", "MT-1"]);
    page.lines().last().unwrap_or_default().to_string()
}

#[test]
fn text_minutes_are_written_down_and_the_document_issues_them() {
    let env = Env::new();
    held(&env);
    assert_eq!(next_line(&env, "zh"), "下一步：登记议定事项、登记纪要");
    env.run(&[
        "meeting",
        "minutes",
        "MT-1",
        "--text",
        "会议研究了冬季安全生产工作。",
    ]);
    let yaml = env.yaml("meetings/2026/MT-2026-0001.yaml");
    assert_eq!(crate::env::text(&yaml, "status"), "minuted");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_minutes__written_{lang}"),
            &["--lang", lang, "show", "MT-1"],
        );
    }
    // No longer offered again: issuing them is.
    assert_eq!(next_line(&env, "zh"), "下一步：登记议定事项、印发纪要");
    assert_eq!(
        next_line(&env, "en"),
        "Next: meeting decide, meeting minutes --doc"
    );
    let list = env.run(&["--lang", "zh", "list", "mt", "--status", "已形成纪要"]);
    assert!(list.contains("MT-2026-0001"), "{list}");

    env.run(&[
        "log",
        "out",
        "--title",
        "第八次局长办公会议纪要",
        "--to",
        "各科室",
        "--type",
        "纪要",
    ]);
    env.run(&["meeting", "minutes", "MT-1", "--doc", "OUT-1"]);
    let yaml = env.yaml("meetings/2026/MT-2026-0001.yaml");
    assert_eq!(crate::env::text(&yaml, "status"), "issued");
    assert_eq!(crate::env::text(&yaml, "minutes"), "OUT-2026-0001");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_minutes__issued_{lang}"),
            &["--lang", lang, "show", "MT-1"],
        );
    }
    assert_eq!(next_line(&env, "zh"), "下一步：登记议定事项");
    let list = env.run(&["--lang", "zh", "list", "mt", "--status", "已印发纪要"]);
    assert!(list.contains("MT-2026-0001"), "{list}");
    env.run(&["check"]);
}
