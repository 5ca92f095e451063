//! `meeting add`: an end before the start is refused; a room taken at an
//! overlapping time by another meeting is warned of, in both languages,
//! and the meeting registered all the same.

use crate::env::Env;
use crate::snapshots::whole;

fn add(env: &Env, title: &str, start: &str, end: Option<&str>, venue: &str) -> String {
    let mut args = vec![
        "meeting", "add", "--title", title, "--start", start, "--venue", venue,
    ];
    if let Some(end) = end {
        args.extend(["--end", end]);
    }
    env.run(&args)
}

#[test]
fn an_end_before_the_start_is_refused_in_both_languages() {
    let env = Env::new();
    env.pin_clock(crate::snapshots::NOW);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_add__end_before_start_{lang}"),
            &[
                "--lang",
                lang,
                "meeting",
                "add",
                "--title",
                "专题会",
                "--start",
                "2026-11-25 15:00",
                "--end",
                "2026-11-25 09:00",
            ],
        );
    }
    // A day alone before the start's day is before it too.
    env.fail(&[
        "meeting",
        "add",
        "--title",
        "专题会",
        "--start",
        "2026-11-25",
        "--end",
        "2026-11-24",
    ]);
}

#[test]
fn a_room_taken_at_an_overlapping_time_is_warned_of() {
    let env = Env::new();
    env.pin_clock(crate::snapshots::NOW);
    add(
        &env,
        "局长办公会议",
        "2026-11-25 09:00",
        Some("2026-11-25 11:00"),
        "三楼会议室",
    );
    let cancelled = add(
        &env,
        "安全生产专题会",
        "2026-11-25 09:30",
        None,
        "三楼会议室",
    );
    assert_eq!(cancelled, "MT-2026-0002\n");
    env.run(&["meeting", "cancel", "MT-2", "--reason", "改期"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_add__room_taken_{lang}"),
            &[
                "--lang",
                lang,
                "meeting",
                "add",
                "--title",
                "财务工作专题会",
                "--start",
                "2026-11-25 10:30",
                "--end",
                "2026-11-25 12:00",
                "--venue",
                "三楼会议室",
            ],
        );
    }
    // Registered both times, each warned of the one before, not of the
    // cancelled meeting.
    assert!(
        env.read("meetings/2026/MT-2026-0004.yaml")
            .contains("venue: 三楼会议室")
    );
}

#[test]
fn no_warning_where_there_is_no_clash() {
    let env = Env::new();
    add(
        &env,
        "局长办公会议",
        "2026-11-25 09:00",
        Some("2026-11-25 11:00"),
        "三楼会议室",
    );
    for (start, end, venue) in [
        // Ends as the other begins; before it; another room; another day.
        ("2026-11-25 11:00", Some("2026-11-25 12:00"), "三楼会议室"),
        ("2026-11-25 08:00", Some("2026-11-25 09:00"), "三楼会议室"),
        ("2026-11-25 09:00", None, "四楼会议室"),
        ("2026-11-26", None, "三楼会议室"),
    ] {
        let mut args = vec![
            "meeting", "add", "--title", "会", "--start", start, "--venue", venue,
        ];
        args.extend(end.iter().flat_map(|e| ["--end", *e]));
        let output = env.output(&args);
        assert!(output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("booked"), "{start} {venue}: {stderr}");
    }
    // A whole-day meeting in the room clashes with the morning's.
    let output = env.output(&[
        "meeting",
        "add",
        "--title",
        "全天培训",
        "--start",
        "2026-11-25",
        "--venue",
        "三楼会议室",
    ]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("三楼会议室 is already booked at an overlapping time by MT-2026-0001 (2026-11-25 09:00–11:00)"),
        "{stderr}"
    );
}
