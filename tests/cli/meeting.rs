//! Meetings: plan, hold, minute, cancel, and decisions that become
//! follow-ups, shown with their live state.

use crate::env::Env;
use crate::snapshots::whole;

fn planned(env: &Env) {
    let id = env.run(&[
        "meeting",
        "add",
        "--title",
        "第八次局长办公会议",
        "--start",
        "2026-11-23 09:00",
        "--end",
        "2026-11-23 11:30",
        "--venue",
        "三楼会议室",
        "--host",
        "张局长",
        "--recorder",
        "王芳",
        "--attendees",
        "张局长,李副局长",
        "--agenda",
        "冬季安全生产@李副局长",
        "--agenda",
        "其他事项",
        "--type",
        "局长办公会",
    ]);
    assert_eq!(id, "MT-2026-0001\n");
}

#[test]
fn decisions_become_follow_ups_linked_both_ways() {
    let env = Env::new();
    env.pin_clock(crate::snapshots::NOW);
    planned(&env);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(yaml.contains("status: planned"), "{yaml}");
    assert!(
        yaml.contains("agenda:\n- title: 冬季安全生产\n  presenter: 李副局长\n- title: 其他事项\n"),
        "{yaml}"
    );
    assert!(yaml.contains("start: 2026-11-23T09:00:00+08:00"), "{yaml}");
    env.run(&["meeting", "held", "MT-1"]);
    let commits = env.commits();
    let first = env.run(&["meeting", "decide", "MT-1", "修订值班制度"]);
    assert_eq!(first, "MT-2026-0001#1\n");
    let fu = env.run(&[
        "meeting",
        "decide",
        "MT-1",
        "整治城区占道经营",
        "--lead",
        "ZFZD",
        "--due",
        "2026-12-15",
        "--owner",
        "赵队长",
    ]);
    assert_eq!(fu, "FU-2026-0001\n");
    assert_eq!(env.commits(), commits + 2);
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        files,
        "followups/2026/FU-2026-0001.yaml\nmeetings/2026/MT-2026-0001.yaml\n"
    );
    let followup = env.read("followups/2026/FU-2026-0001.yaml");
    for expected in [
        "source: meeting",
        "source_ref: MT-2026-0001#2",
        "lead: 执法支队",
        "owner: 赵队长",
        "due: 2026-12-15",
    ] {
        assert!(followup.contains(expected), "{expected}\n{followup}");
    }
    let meeting = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(meeting.contains("- 'n': 2\n  text: 整治城区占道经营\n  lead: 执法支队\n  due: 2026-12-15\n  followup: FU-2026-0001\n"), "{meeting}");
    env.run(&[
        "meeting",
        "decide",
        "MT-1",
        "发布寒潮出行提示",
        "--lead",
        "BGS",
        "--due",
        "2026-11-25",
    ]);

    whole(
        &env,
        "meeting__show_decisions_zh",
        &["--lang", "zh", "show", "MT-1"],
    );

    // Live states: one closed, one overdue a month later.
    env.run(&["done", "FU-2"]);
    whole(
        &env,
        "meeting__show_live_states_zh",
        &["--lang", "zh", "--today", "2026-12-20", "show", "MT-1"],
    );
    whole(
        &env,
        "meeting__show_live_states_en",
        &["--today", "2026-12-20", "show", "MT-1"],
    );
    env.run(&["check"]);
}

#[test]
fn meeting_steps_refused_by_status() {
    let env = Env::new();
    planned(&env);
    whole(
        &env,
        "meeting__decide_refused_planned",
        &["meeting", "decide", "MT-1", "修订值班制度"],
    );
    whole(
        &env,
        "meeting__minutes_refused_planned_zh",
        &[
            "--lang", "zh", "meeting", "minutes", "MT-1", "--text", "纪要",
        ],
    );
    env.run(&["meeting", "held", "MT-1"]);
    whole(
        &env,
        "meeting__held_refused_held",
        &["meeting", "held", "MT-1"],
    );
    env.fail(&["meeting", "cancel", "MT-1", "--reason", "改期"]);
    // --lead and --due go together: a usage error, nothing written.
    let before = env.state();
    let output = env.output(&["meeting", "decide", "MT-1", "x", "--lead", "BGS"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(before, env.state());
    env.fail(&[
        "meeting",
        "decide",
        "MT-1",
        "x",
        "--lead",
        "BGS",
        "--due",
        "2026-11-01",
    ]);
    env.fail(&[
        "meeting",
        "decide",
        "MT-1",
        "x",
        "--lead",
        "无此单位",
        "--due",
        "+1w",
    ]);
    env.fail(&["meeting", "held", "IN-1"]);
    env.run(&["log", "in", "--title", "通知", "--from", "省厅"]);
    whole(
        &env,
        "meeting__held_refused_wrong_kind",
        &["meeting", "held", "IN-1"],
    );
}

#[test]
fn a_cancelled_meeting_takes_nothing() {
    let env = Env::new();
    planned(&env);
    let commits = env.commits();
    env.run(&["meeting", "cancel", "MT-1", "--reason", "领导外出"]);
    assert_eq!(env.commits(), commits + 1);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(
        yaml.contains("status: cancelled") && yaml.contains("note: 领导外出"),
        "{yaml}"
    );
    for args in [
        &["meeting", "held", "MT-1"][..],
        &["meeting", "cancel", "MT-1", "--reason", "x"],
        &["meeting", "minutes", "MT-1", "--text", "x"],
        &["meeting", "decide", "MT-1", "x"],
    ] {
        let err = env.fail(args);
        assert!(err.contains("MT-2026-0001 is cancelled"), "{err}");
        assert!(err.contains("no further step is allowed"), "{err}");
    }
}

#[test]
fn minutes_from_text_file_or_document() {
    let env = Env::new();
    planned(&env);
    env.run(&["meeting", "held", "MT-1"]);
    env.run(&[
        "meeting",
        "minutes",
        "MT-1",
        "--text",
        "会议听取了冬季安全生产工作汇报。",
    ]);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(
        yaml.contains("status: minuted")
            && yaml.contains("minutes: 会议听取了冬季安全生产工作汇报。"),
        "{yaml}"
    );
    std::fs::write(env.root.join("../minutes.txt"), "第一项\n第二项\n").unwrap();
    env.run(&["meeting", "minutes", "MT-1", "--file", "../minutes.txt"]);
    assert!(
        env.read("meetings/2026/MT-2026-0001.yaml")
            .contains("第二项")
    );
    env.fail(&["meeting", "minutes", "MT-1", "--file", "../nothing.txt"]);
    let err = env.fail(&["meeting", "minutes", "MT-1", "--doc", "OUT-1"]);
    assert!(err.contains("--doc OUT-2026-0001: no such record"), "{err}");
    env.run(&["log", "in", "--title", "通知", "--from", "省厅"]);
    let err = env.fail(&["meeting", "minutes", "MT-1", "--doc", "IN-1"]);
    assert!(err.contains("expected an outgoing document"), "{err}");
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
    let en = env.run(&["show", "MT-1"]);
    assert!(
        en.contains("\nminutes: OUT-2026-0001 市交发〔2026〕1号\n"),
        "{en}"
    );
    // Exactly one source of minutes.
    let output = env.output(&["meeting", "minutes", "MT-1"]);
    assert_eq!(output.status.code(), Some(2));
    env.run(&["check"]);
}

#[test]
fn check_finds_a_decision_whose_follow_up_was_deleted() {
    let env = Env::new();
    planned(&env);
    env.run(&["meeting", "held", "MT-1"]);
    env.run(&[
        "meeting", "decide", "MT-1", "整治", "--lead", "ZFZD", "--due", "+2w",
    ]);
    env.git(&["rm", "-q", "followups/2026/FU-2026-0001.yaml"]);
    env.git(&["commit", "-qm", "oops"]);
    let output = env.output(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("decision #1: follow-up FU-2026-0001 does not exist"),
        "{text}"
    );
    let zh = env.run(&["--lang", "zh", "show", "MT-1"]);
    assert!(zh.contains("FU-2026-0001 督办事项缺失"), "{zh}");
}

#[test]
fn meeting_add_refuses_bad_input_and_lists() {
    let env = Env::new();
    let err = env.fail(&["meeting", "add", "--title", "办公会", "--start", "someday"]);
    assert!(err.contains("--start"), "{err}");
    env.fail(&["meeting", "add", "--title", "  ", "--start", "today"]);
    env.fail(&[
        "meeting",
        "add",
        "--title",
        "办公会",
        "--start",
        "today",
        "--secrecy",
        "很秘密",
    ]);
    let commits = env.commits();
    assert_eq!(
        env.run(&["meeting", "add", "--title", "专题会", "--start", "fri"]),
        "MT-2026-0001\n"
    );
    assert_eq!(env.commits(), commits + 1);
    let yaml = env.read("meetings/2026/MT-2026-0001.yaml");
    assert!(yaml.contains("start: 2026-11-27\n"), "{yaml}");
    let list = env.run(&["list", "mt", "--status", "planned"]);
    assert!(
        list.contains("MT-2026-0001") && list.contains("专题会"),
        "{list}"
    );
    let en = env.run(&["show", "MT-1"]);
    assert!(en.contains("\n0 decision(s), 0 closed\n"), "{en}");
    assert!(en.ends_with("Next: meeting held, meeting cancel\n"), "{en}");
}
