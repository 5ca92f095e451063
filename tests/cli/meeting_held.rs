//! `meeting held`: who was there and who was not, refused before the
//! meeting's day; decisions with their support units, assigned no earlier
//! than the meeting.

use crate::env::Env;
use crate::snapshots::whole;

/// A meeting on 11-25 (two days after the tests' today) in 三楼会议室,
/// with four planned attendees.
fn planned(env: &Env) {
    env.pin_clock(crate::snapshots::NOW);
    let id = env.run(&[
        "meeting",
        "add",
        "--title",
        "第九次局长办公会议",
        "--start",
        "2026-11-25 09:00",
        "--end",
        "2026-11-25 11:00",
        "--venue",
        "三楼会议室",
        "--attendees",
        "张局长,李副局长,王科长,赵科长",
    ]);
    assert_eq!(id, "MT-2026-0001\n");
}

#[test]
fn held_is_refused_before_the_meeting_day_in_both_languages() {
    let env = Env::new();
    planned(&env);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_held__before_start_{lang}"),
            &["--lang", lang, "meeting", "held", "MT-1"],
        );
    }
    // The day before is refused too; the day itself is not.
    env.fail(&["--today", "2026-11-24", "meeting", "held", "MT-1"]);
    env.run(&["--today", "2026-11-25", "meeting", "held", "MT-1"]);
    let yaml = env.yaml("meetings/2026/MT-2026-0001.yaml");
    assert_eq!(crate::env::text(&yaml, "status"), "held");
}

#[test]
fn held_records_who_was_there_and_who_was_not() {
    let env = Env::new();
    planned(&env);
    let commits = env.commits();
    env.run(&[
        "--today",
        "2026-11-25",
        "meeting",
        "held",
        "MT-1",
        "--absent",
        "王科长:出差,赵科长：病假",
        "--absent",
        "孙主任:参加市里会议",
    ]);
    assert_eq!(env.commits(), commits + 1);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(
        yaml.contains(
            "attendees:\n- 张局长\n- 李副局长\nabsent:\n- name: 王科长\n  reason: 出差\n\
             - name: 赵科长\n  reason: 病假\n- name: 孙主任\n  reason: 参加市里会议\n"
        ),
        "{yaml}"
    );
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_held__show_attendance_{lang}"),
            &["--lang", lang, "show", "MT-1"],
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["show", "MT-1", "-o", "json"])).unwrap();
    assert_eq!(json["attendees"], serde_json::json!(["张局长", "李副局长"]));
    assert_eq!(json["absent"][1]["reason"], "病假");
    env.run(&["check"]);
}

#[test]
fn attended_replaces_the_planned_attendees() {
    let env = Env::new();
    planned(&env);
    env.run(&[
        "--today",
        "2026-11-26",
        "meeting",
        "held",
        "MT-1",
        "--attended",
        "张局长,王科长,钱主任",
        "--absent",
        "李副局长:外出调研",
    ]);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(
        yaml.contains(
            "attendees:\n- 张局长\n- 王科长\n- 钱主任\nabsent:\n- name: 李副局长\n  reason: 外出调研\n"
        ),
        "{yaml}"
    );
}

#[test]
fn attendance_that_cannot_be_is_refused_naming_it() {
    let env = Env::new();
    planned(&env);
    for (name, args) in [
        ("no_reason", &["--absent", "王科长"][..]),
        ("empty_name", &["--absent", "王科长:出差,:病假"]),
        (
            "both",
            &["--absent", "王科长:出差", "--attended", "张局长,王科长"],
        ),
        ("twice", &["--absent", "王科长:出差,王科长:病假"]),
    ] {
        for lang in ["en", "zh"] {
            let mut full = vec![
                "--lang",
                lang,
                "--today",
                "2026-11-25",
                "meeting",
                "held",
                "MT-1",
            ];
            full.extend_from_slice(args);
            whole(&env, &format!("meeting_held__refused_{name}_{lang}"), &full);
        }
    }
}

#[test]
fn a_decision_carries_its_support_units_and_is_assigned_on_the_meeting_day() {
    let env = Env::new();
    planned(&env);
    env.run(&["--today", "2026-11-25", "meeting", "held", "MT-1"]);
    // Recorded with a clock two days behind (a back-dated session): the
    // follow-up is still assigned on the meeting day.
    let fu = env.run(&[
        "meeting",
        "decide",
        "MT-1",
        "做好元旦春节期间安全保障",
        "--lead",
        "BGS",
        "--support",
        "CWK,法规科",
        "--due",
        "2026-12-31",
    ]);
    assert_eq!(fu, "FU-2026-0001\n");
    let followup = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(crate::env::text(&followup, "assigned"), "2026-11-25");
    assert_eq!(
        followup["support"],
        serde_yaml::from_str::<serde_yaml::Value>("[财务科, 法规科]").unwrap()
    );
    let meeting = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(
        meeting.contains("  lead: 办公室\n  support:\n  - 财务科\n  - 法规科\n  due: 2026-12-31\n"),
        "{meeting}"
    );
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_held__decision_support_{lang}"),
            &["--lang", lang, "show", "MT-1"],
        );
    }
    // A deadline before the meeting day is refused, though after today.
    let err = env.fail(&[
        "meeting",
        "decide",
        "MT-1",
        "x",
        "--lead",
        "BGS",
        "--due",
        "2026-11-24",
    ]);
    assert!(
        err.contains("the due date 2026-11-24 is before the assignment date 2026-11-25"),
        "{err}"
    );
    // --support needs a lead unit; an unknown unit is refused.
    let usage = env.output(&["meeting", "decide", "MT-1", "x", "--support", "BGS"]);
    assert_eq!(usage.status.code(), Some(2));
    env.fail(&[
        "meeting",
        "decide",
        "MT-1",
        "x",
        "--lead",
        "BGS",
        "--support",
        "无此科",
        "--due",
        "2026-12-01",
    ]);
    env.run(&["check"]);
}
