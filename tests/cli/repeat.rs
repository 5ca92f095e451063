//! Standing duties (`--every`): a repeating follow-up or meeting makes its
//! next occurrence when one is settled, in the same commit; `cancel
//! --series` ends the series; a malformed rule is refused.

use crate::env::{Env, text};
use crate::snapshots::whole;

/// `show ID -o json`'s value at `key`.
fn field(env: &Env, id: &str, key: &str) -> String {
    let show: serde_json::Value =
        serde_json::from_str(&env.run(&["show", id, "-o", "json"])).unwrap();
    show[key].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_monthly_duty_on_the_31st_is_due_on_the_months_last_day() {
    let env = Env::new();
    // 2028 has no table in calendar.toml: weekends alone are off.
    let at = ["--today", "2028-01-10"];
    let assign = [
        "assign",
        "报送安全生产月报",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--supervisor",
        "张局长",
        "--requirement",
        "每月末前报送",
        "--source",
        "superior",
        "--due",
        "2028-01-31",
        "--every",
        "month",
    ];
    let first = env.run(&[&at[..], &assign[..]].concat());
    assert_eq!(first.trim(), "FU-2028-0001");
    let fu = env.yaml("followups/2028/FU-2028-0001.yaml");
    // `month` alone takes its day from the first deadline, stored in full.
    assert_eq!(text(&fu, "every"), "month:31");
    assert_eq!(text(&fu, "series"), "FU-2028-0001");

    // Closing January makes February, due on its last day (29th, a leap
    // year), in the one commit of `done`.
    let commits = env.commits();
    let next = env.run(&[&at[..], &["done", "FU-2028-0001"]].concat());
    assert_eq!(next.trim(), "FU-2028-0002");
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(
        env.last_commit_files(),
        [
            "followups/2028/FU-2028-0001.yaml",
            "followups/2028/FU-2028-0002.yaml"
        ]
    );
    assert_eq!(field(&env, "FU-2028-0002", "due"), "2028-02-29");
    let feb = env.yaml("followups/2028/FU-2028-0002.yaml");
    for (key, value) in [
        ("title", "报送安全生产月报"),
        ("lead", "办公室"),
        ("owner", "李明"),
        ("supervisor", "张局长"),
        ("requirement", "每月末前报送"),
        ("source", "superior"),
        ("status", "open"),
        ("every", "month:31"),
        ("series", "FU-2028-0001"),
        // Made before its month began: assigned the day it was made.
        ("assigned", "2028-01-10"),
    ] {
        assert_eq!(text(&feb, key), value, "{key}");
    }
    // And February makes March, back on the 31st (a Friday).
    env.run(&[&at[..], &["done", "FU-2028-0002"]].concat());
    assert_eq!(field(&env, "FU-2028-0003", "due"), "2028-03-31");
    env.run(&["check"]);
}

/// A monthly duty on the 5th from September 2026, with 5 November made a
/// holiday by hand in `calendar.toml` (the preset has 1–7 October off).
fn on_the_fifth(env: &Env) {
    let text = env.read("calendar.toml");
    env.write(
        "calendar.toml",
        &text.replace(
            "\"2026-10-01..2026-10-07\",",
            "\"2026-10-01..2026-10-07\", \"2026-11-05\",",
        ),
    );
    env.git(&["commit", "-qam", "a local holiday"]);
    env.run(&[
        "--today",
        "2026-09-01",
        "assign",
        "报送安全生产情况",
        "--lead",
        "BGS",
        "--due",
        "2026-09-04",
        "--every",
        "month:5",
    ]);
}

#[test]
fn a_deadline_on_a_day_off_moves_to_the_working_day_before_within_its_month() {
    let env = Env::new();
    on_the_fifth(&env);
    // 1–7 October are off: no working day before the 5th in October, so
    // the first one after, Thursday 8 October.
    whole(
        &env,
        "repeat__done_makes_next_over_national_day_en",
        &["--lang", "en", "--today", "2026-09-03", "done", "FU-1"],
    );
    assert_eq!(field(&env, "FU-2026-0002", "due"), "2026-10-08");
    // 5 November, a holiday of calendar.toml: Wednesday 4 November.
    whole(
        &env,
        "repeat__done_makes_next_before_a_holiday_zh",
        &["--lang", "zh", "--today", "2026-10-08", "done", "FU-2"],
    );
    assert_eq!(field(&env, "FU-2026-0003", "due"), "2026-11-04");
    env.run(&["check"]);
}

#[test]
fn show_words_the_rule_in_both_languages() {
    let env = Env::new();
    on_the_fifth(&env);
    let zh = env.run(&["--lang", "zh", "show", "FU-1"]);
    assert!(zh.contains("重复周期：每月5日\n"), "{zh}");
    assert!(zh.contains("重复系列：FU-2026-0001\n"), "{zh}");
    let en = env.run(&["--lang", "en", "show", "FU-1"]);
    assert!(en.contains("repeats: every month on day 5\n"), "{en}");
}

#[test]
fn closing_an_occurrence_whose_next_exists_makes_no_other() {
    let env = Env::new();
    on_the_fifth(&env);
    // recur made October already; closing September adds nothing.
    env.run(&["--today", "2026-10-01", "recur"]);
    let out = env.run(&["--today", "2026-10-01", "done", "FU-1"]);
    assert_eq!(out, "");
    assert_eq!(
        env.last_commit_files(),
        ["followups/2026/FU-2026-0001.yaml"]
    );
    assert!(!env.root.join("followups/2026/FU-2026-0003.yaml").exists());
}

#[test]
fn cancelling_one_occurrence_goes_on_and_cancel_series_ends_it() {
    let env = Env::new();
    on_the_fifth(&env);
    // Cancelling September alone: the series goes on to October.
    let next = env.run(&[
        "--today",
        "2026-09-02",
        "cancel",
        "FU-1",
        "--reason",
        "本月免报",
    ]);
    assert_eq!(next.trim(), "FU-2026-0002");
    // Ending the series with October: nothing after it, now or from recur.
    for lang in ["en", "zh"] {
        let env = Env::new();
        on_the_fifth(&env);
        whole(
            &env,
            &format!("repeat__cancel_series_{lang}"),
            &[
                "--lang",
                lang,
                "--today",
                "2026-09-02",
                "cancel",
                "FU-1",
                "--reason",
                "不再报送",
                "--series",
            ],
        );
        assert_eq!(
            text(
                &env.yaml("followups/2026/FU-2026-0001.yaml"),
                "series_ended"
            ),
            "2026-09-02"
        );
        let commits = env.commits();
        assert_eq!(env.run(&["--today", "2027-03-01", "recur"]), "");
        assert_eq!(env.commits(), commits);
    }
}

#[test]
fn cancel_series_of_a_follow_up_that_does_not_repeat_is_refused() {
    let env = Env::new();
    env.assign("一次性工作");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("repeat__cancel_series_refused_{lang}"),
            &[
                "--lang", lang, "cancel", "FU-1", "--reason", "x", "--series",
            ],
        );
    }
}

#[test]
fn malformed_rules_are_refused_naming_the_flag_and_the_value() {
    let env = Env::new();
    for (name, lang, rule) in [
        ("unit_en", "en", "fortnight"),
        ("unit_zh", "zh", "每两周"),
        ("weekday_en", "en", "week:8"),
        ("day_zh", "zh", "month:32"),
        ("quarter_en", "en", "quarter:4-1"),
        ("year_zh", "zh", "year:02-30"),
    ] {
        whole(
            &env,
            &format!("repeat__refused_{name}"),
            &[
                "--lang", lang, "assign", "报送", "--lead", "BGS", "--due", "+3d", "--every", rule,
            ],
        );
    }
    env.fail(&[
        "meeting",
        "add",
        "--title",
        "例会",
        "--start",
        "2026-11-30 09:00",
        "--every",
        "day",
    ]);
}

/// The weekly 局长办公会, Mondays at 09:00 in 三楼会议室.
fn weekly_meeting(env: &Env) {
    env.run(&[
        "meeting",
        "add",
        "--title",
        "局长办公会",
        "--start",
        "2026-11-23 09:00",
        "--end",
        "2026-11-23 11:30",
        "--venue",
        "三楼会议室",
        "--host",
        "张局长",
        "--attendees",
        "张局长,李副局长",
        "--agenda",
        "安全生产@办公室",
        "--every",
        "week:周一",
    ]);
}

#[test]
fn a_weekly_meeting_goes_on_through_held_and_cancelled() {
    let env = Env::new();
    weekly_meeting(&env);
    whole(
        &env,
        "repeat__meeting_held_makes_next_zh",
        &["--lang", "zh", "meeting", "held", "MT-1"],
    );
    let next = env.yaml("meetings/2026/MT-2026-0002.yaml");
    for (key, value) in [
        ("start", "2026-11-30T09:00:00+08:00"),
        ("end", "2026-11-30T11:30:00+08:00"),
        ("venue", "三楼会议室"),
        ("host", "张局长"),
        ("status", "planned"),
        ("every", "week:1"),
        ("series", "MT-2026-0001"),
    ] {
        assert_eq!(text(&next, key), value, "{key}");
    }
    // Each meeting has its own agenda.
    assert!(next.get("agenda").is_none());
    let zh = env.run(&["--lang", "zh", "show", "MT-2"]);
    assert!(
        zh.contains("重复周期：每周一（MT-2026-0001 系列）\n"),
        "{zh}"
    );
    let en = env.run(&["--lang", "en", "show", "MT-2"]);
    assert!(
        en.contains("repeats: every week on Monday (series MT-2026-0001)\n"),
        "{en}"
    );
    whole(
        &env,
        "repeat__meeting_cancel_makes_next_en",
        &[
            "--lang", "en", "meeting", "cancel", "MT-2", "--reason", "出差",
        ],
    );
    assert_eq!(
        text(&env.yaml("meetings/2026/MT-2026-0003.yaml"), "start"),
        "2026-12-07T09:00:00+08:00"
    );
    whole(
        &env,
        "repeat__meeting_cancel_series_zh",
        &[
            "--lang",
            "zh",
            "meeting",
            "cancel",
            "MT-3",
            "--reason",
            "改为双周召开",
            "--series",
        ],
    );
    assert_eq!(env.run(&["--today", "2027-01-04", "recur"]), "");
    env.run(&["check"]);
}
