//! `taizhang` with no command: today's desk.

use crate::env::Env;
use crate::remind::office;

#[test]
fn desk_shows_what_needs_doing_in_both_languages() {
    let env = office();
    env.run(&[
        "log",
        "in",
        "--title",
        "关于征求意见的函",
        "--from",
        "市司法局",
    ]);
    let en = env.run(&["--lang", "en"]);
    for part in [
        "Overdue and due soon",
        "FU-2026-0001",
        "Documents awaiting handling",
        "关于征求意见的函",
        "Deadlines in the next 7 days",
    ] {
        assert!(en.contains(part), "{part}: {en}");
    }
    // FU-4 is due 12-07, two weeks away: not on the desk.
    assert!(!en.contains("FU-2026-0004"), "{en}");
    let zh = env.run(&["--lang", "zh"]);
    for part in ["逾期及即将到期", "待办文件", "未来7天到期", "修订值班制度"]
    {
        assert!(zh.contains(part), "{part}: {zh}");
    }
    let json: serde_json::Value = serde_json::from_str(&env.run(&["-o", "json"])).unwrap();
    assert_eq!(json["followups"].as_array().unwrap().len(), 3);
    assert_eq!(json["awaiting"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_desk_says_so() {
    let env = Env::new();
    assert_eq!(env.run(&["--lang", "en"]), "Nothing needs you today.\n");
    assert_eq!(env.run(&["--lang", "zh"]), "今日没有待办事项。\n");
}
