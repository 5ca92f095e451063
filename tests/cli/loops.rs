//! Open loops (a seal taken out and not returned), owed progress reports
//! (a follow-up's feedback cadence) and the desk that shows both with
//! today's and tomorrow's duty.

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

/// A seal entry as a clerk writes it; `extra` holds the loop's fields.
fn seal(env: &Env, seq: u32, handler: &str, extra: &str) {
    let id = format!("SEAL-2026-{seq:04}");
    env.write(
        &format!("logbooks/seal/2026/{id}.yaml"),
        &format!(
            "id: {id}\ncreated: 2026-11-20T09:00:00+08:00\ndate: 2026-11-20\n\
             seal: 局公章\nunit: 办公室\nhandler: {handler}\npurpose: 签订合同{seq}\n\
             approver: 张局长\n{extra}"
        ),
    );
}

/// Today is 2026-11-23:
/// - SEAL-1 (李明) out since 11-20, due back 11-21: overdue 2 days
/// - SEAL-2 (赵磊) out since 11-22, due back 11-25: due soon
/// - SEAL-3 (李明) out and returned: not out
/// - SEAL-4 (赵磊) out with no due date: out, never late
/// - SEAL-5 never taken out
fn seals() -> Env {
    let env = Env::new();
    seal(
        &env,
        1,
        "李明",
        "taken_out: 2026-11-20T09:30:00+08:00\nreturn_due: 2026-11-21T17:00:00+08:00\n",
    );
    seal(
        &env,
        2,
        "赵磊",
        "taken_out: 2026-11-22T10:00:00+08:00\nreturn_due: 2026-11-25\n",
    );
    seal(
        &env,
        3,
        "李明",
        "taken_out: 2026-11-20T09:30:00+08:00\nreturn_due: 2026-11-21T17:00:00+08:00\n\
         returned: 2026-11-20T15:00:00+08:00\n",
    );
    seal(&env, 4, "赵磊", "taken_out: 2026-11-23T08:00:00+08:00\n");
    seal(&env, 5, "李明", "");
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "seals"]);
    env
}

fn json(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&env.run(args)).unwrap()
}

fn ids(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

#[test]
fn a_seal_taken_out_is_reminded_until_it_is_returned() {
    let env = seals();
    whole(&env, "loops__remind_seal_zh", &["--lang", "zh", "remind"]);
    whole(&env, "loops__remind_seal_en", &["--lang", "en", "remind"]);
    whole(&env, "loops__remind_seal_json", &["remind", "-o", "json"]);
    let items = json(&env, &["remind", "-o", "json"]);
    assert_eq!(ids(&items), ["SEAL-2026-0001", "SEAL-2026-0002"]);
    let first = &items[0];
    assert_eq!(first["kind"], "seal");
    assert_eq!(first["owner"], "李明");
    assert_eq!(first["unit"], "办公室");
    assert_eq!(first["level"], "overdue");
    assert_eq!(first["days_left"], -2);
    assert_eq!(first["due"], "2026-11-21");
    // The owner the loop names narrows as a follow-up's owner does.
    let mine = json(&env, &["remind", "--owner", "赵磊", "-o", "json"]);
    assert_eq!(ids(&mine), ["SEAL-2026-0002"]);

    // --record chases follow-ups only: the seals are left as they are.
    let commits = env.commits();
    env.run(&["remind", "--record"]);
    assert_eq!(env.commits(), commits);
    // Returned (as `book set … -s returned=…` would write it): no longer
    // reminded.
    let path = "logbooks/seal/2026/SEAL-2026-0001.yaml";
    let text = env.read(path);
    env.write(
        path,
        &format!("{text}returned: 2026-11-23T09:00:00+08:00\n"),
    );
    let items = json(&env, &["remind", "-o", "json"]);
    assert_eq!(ids(&items), ["SEAL-2026-0002"]);
}

#[test]
fn list_open_keeps_only_the_entries_that_are_out() {
    let env = seals();
    let out = json(&env, &["list", "seal", "--open", "-o", "json"]);
    assert_eq!(
        ids(&out),
        ["SEAL-2026-0001", "SEAL-2026-0002", "SEAL-2026-0004"]
    );
    let all = json(&env, &["list", "seal", "-o", "json"]);
    assert_eq!(all.as_array().unwrap().len(), 5);
    // Across every kind, entries count as open only while out.
    let open = json(&env, &["list", "--open", "-o", "json"]);
    assert_eq!(
        ids(&open),
        ["SEAL-2026-0001", "SEAL-2026-0002", "SEAL-2026-0004"]
    );
}

#[test]
fn check_reports_a_loop_ended_before_it_started_and_a_loop_naming_no_field() {
    let env = Env::new();
    seal(
        &env,
        1,
        "李明",
        "taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T09:00:00+08:00\n",
    );
    // The same instant in another offset is not earlier.
    seal(
        &env,
        2,
        "李明",
        "taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T01:30:00+00:00\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "seals"]);
    env.configure("end = \"back\"", "end = \"bak\"");
    whole(&env, "loops__check_zh", &["--lang", "zh", "check"]);
    whole(&env, "loops__check_en", &["--lang", "en", "check"]);
}

/// Today is 2026-11-23:
/// - FU-1 weekly, assigned 11-02, no progress: a report owed since 11-09
/// - FU-2 weekly, progress on 11-20: nothing owed
/// - FU-3 monthly, assigned 10-01, no progress: owed since 11-01
/// - FU-4 once: never owed between
/// - FU-5 weekly, overdue: listed once, as overdue
fn cadences() -> Env {
    let env = Env::new();
    let assign = |title: &str, owner: &str, due: &str, assigned: &str, feedback: &str| {
        env.run(&[
            "assign",
            title,
            "--lead",
            "BGS",
            "--owner",
            owner,
            "--due",
            due,
            "--assigned",
            assigned,
            "--feedback",
            feedback,
        ]);
    };
    assign("整治办公用房", "李明", "2026-12-31", "2026-11-02", "weekly");
    assign("修订值班制度", "李明", "2026-12-31", "2026-11-02", "weekly");
    assign(
        "年度考核方案",
        "赵磊",
        "2027-03-31",
        "2026-10-01",
        "monthly",
    );
    assign("档案数字化", "赵磊", "2027-03-31", "2026-10-01", "once");
    assign("冬季安全检查", "李明", "2026-11-20", "2026-11-02", "weekly");
    env.run(&["--today", "2026-11-20", "progress", "FU-2", "已起草初稿"]);
    env
}

#[test]
fn owed_progress_reports_come_after_the_three_levels() {
    let env = cadences();
    let items = json(&env, &["remind", "-o", "json"]);
    let got: Vec<(&str, &str, &str)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                r["due"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("FU-2026-0005", "overdue", "2026-11-20"),
            ("FU-2026-0003", "feedback-due", "2026-11-01"),
            ("FU-2026-0001", "feedback-due", "2026-11-09"),
        ]
    );
    assert_eq!(items[1]["kind"], "followup");
    whole(&env, "loops__feedback_zh", &["--lang", "zh", "remind"]);
    whole(&env, "loops__feedback_en", &["--lang", "en", "remind"]);
    whole(
        &env,
        "loops__feedback_markdown",
        &["--lang", "zh", "remind", "-o", "markdown"],
    );
    // --record chases an owed report at level blue, in the one commit.
    let commits = env.commits();
    env.run(&["remind", "--record"]);
    assert_eq!(env.commits(), commits + 1);
    let fu1 = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(fu1.contains("via: reminder\n  level: blue"), "{fu1}");
    // A progress note settles what was owed.
    env.run(&["progress", "FU-1", "已完成清查"]);
    let items = json(&env, &["remind", "-o", "json"]);
    assert!(!ids(&items).contains(&"FU-2026-0001"));
}

/// The desk of 2026-11-23: the duty of today and tomorrow from a roster,
/// a seal out past its due date, a report owed, a classified paper and a
/// meeting at a set time.
fn desk_office() -> Env {
    let env = seals();
    env.run(&[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-24",
        "--people",
        "张三,李四",
        "--leaders",
        "陈局长,王局长",
    ]);
    env.run(&[
        "assign",
        "整治办公用房",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--due",
        "2026-12-31",
        "--assigned",
        "2026-11-02",
        "--feedback",
        "weekly",
    ]);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于重要会议安保的通知",
        "--from",
        "市委办公室",
        "--secrecy",
        "secret",
        "--secrecy-term",
        "10y",
        "--lead",
        "BGS",
        "--deadline",
        "2026-11-25",
    ]);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "局长办公会",
        "--start",
        "2026-11-25 09:00",
    ]);
    env
}

#[test]
fn the_desk_shows_duty_seals_out_and_owed_reports_with_titles_withheld() {
    let env = desk_office();
    whole(&env, "loops__desk_zh", &["--lang", "zh"]);
    whole(&env, "loops__desk_en", &["--lang", "en"]);
    whole(
        &env,
        "loops__desk_shown_zh",
        &["--lang", "zh", "desk", "--show-classified"],
    );
    whole(&env, "loops__desk_json", &["desk", "-o", "json"]);
    let desk = json(&env, &["-o", "json"]);
    // Stored keywords and RFC 3339, whatever the reader's language.
    assert_eq!(desk, json(&env, &["--lang", "zh", "-o", "json"]));
    assert_eq!(desk["awaiting"][0]["status"], "assigned");
    assert_eq!(desk["awaiting"][0]["title"], "[secret] IN-2026-0001");
    assert_eq!(desk["meetings"][0]["start"], "2026-11-25T09:00:00+08:00");
    assert_eq!(desk["duty"]["today"][0]["officers"], "张三");
    assert_eq!(desk["duty"]["tomorrow"][0]["leader"], "王局长");
    assert_eq!(desk["out"][0]["kind"], "seal");
    assert_eq!(desk["followups"][0]["level"], "feedback-due");
    let text = env.run(&["--lang", "zh"]);
    assert!(
        text.starts_with("值班：今日 张三（带班 陈局长）；明日 李四（带班 王局长）\n"),
        "{text}"
    );
    assert!(text.contains("2026-11-25 09:00"), "{text}");
    assert!(!text.contains("关于重要会议安保的通知"), "{text}");
}

const CACHE: &str = ".taizhang/cache.bin";

/// Lets the files written so far age out of the cache's racy window, then
/// writes a fresh cache with a full read.
fn cache_everything(env: &Env) {
    let _ = std::fs::remove_file(env.root.join(CACHE));
    env.skip_ahead();
    env.run(&["list"]);
    assert!(env.root.join(CACHE).is_file(), "the cache is written");
}

fn out_ids(desk: &Value) -> Vec<&str> {
    ids(&desk["out"])
}

/// Only entries out on their book's loop count as open, so `remind` and
/// the desk need not read the others; read from the files or from the
/// cache, they find the same seals out, today's duty too, and a seal
/// returned is gone from both.
#[test]
fn a_seal_out_shows_in_remind_and_the_desk_from_files_and_from_the_cache() {
    let env = desk_office();
    let remind_from_files = json(&env, &["remind", "-o", "json"]);
    let desk_from_files = json(&env, &["-o", "json"]);
    assert!(ids(&remind_from_files).contains(&"SEAL-2026-0001"));
    assert_eq!(out_ids(&desk_from_files), ["SEAL-2026-0001"]);
    assert!(ids(&desk_from_files["upcoming"]).contains(&"SEAL-2026-0002"));
    cache_everything(&env);
    assert_eq!(json(&env, &["remind", "-o", "json"]), remind_from_files);
    let desk = json(&env, &["-o", "json"]);
    assert_eq!(desk, desk_from_files);
    // The duty entries are not open: the desk still finds today's.
    assert_eq!(desk["duty"]["today"][0]["officers"], "张三");

    env.real_time();
    env.run(&["book", "set", "SEAL-1", "-s", "returned=2026-11-23 09:00"]);
    for from in ["files", "cache"] {
        if from == "cache" {
            cache_everything(&env);
        }
        let remind = json(&env, &["remind", "-o", "json"]);
        assert!(
            !ids(&remind).contains(&"SEAL-2026-0001"),
            "from the {from}: {remind}"
        );
        let desk = json(&env, &["-o", "json"]);
        assert!(out_ids(&desk).is_empty(), "from the {from}: {desk}");
        assert!(ids(&desk["upcoming"]).contains(&"SEAL-2026-0002"));
    }
}

/// Whether an entry is out depends on its book's loop as the settings
/// declare it: a changed declaration is never answered from facts the
/// cache kept under the old one.
#[test]
fn changing_the_loop_declaration_changes_the_answer() {
    let env = seals();
    cache_everything(&env);
    assert_eq!(
        ids(&json(&env, &["remind", "-o", "json"])),
        ["SEAL-2026-0001", "SEAL-2026-0002"]
    );
    // The loop now ends with a field no seal has filled: SEAL-3, returned,
    // is out again (and overdue); the cache holds it as not open.
    env.configure(
        "end = \"returned\"\nowner = \"handler\"",
        "end = \"witness\"\nowner = \"handler\"",
    );
    let expected = ["SEAL-2026-0001", "SEAL-2026-0003", "SEAL-2026-0002"];
    assert_eq!(ids(&json(&env, &["remind", "-o", "json"])), expected);
    cache_everything(&env);
    assert_eq!(ids(&json(&env, &["remind", "-o", "json"])), expected);
    assert_eq!(
        ids(&json(&env, &["list", "seal", "--open", "-o", "json"])),
        [
            "SEAL-2026-0001",
            "SEAL-2026-0002",
            "SEAL-2026-0003",
            "SEAL-2026-0004"
        ]
    );
}

/// What `check` reports as a loop ended before it started is never
/// written: `book add`, `book set` and a sheet's import refuse it, in
/// both languages, and leave the register as it was.
#[test]
fn no_command_writes_a_loop_that_ends_before_it_starts() {
    let env = Env::new();
    let seal_args = [
        "book",
        "add",
        "seal",
        "-s",
        "date=2026-11-20",
        "-s",
        "seal=局公章",
        "-s",
        "unit=办公室",
        "-s",
        "handler=王丽",
        "-s",
        "purpose=年审",
        "-s",
        "approver=周敏",
        "-s",
        "taken_out=2026-11-20 10:00",
    ];
    let sheet = env.tmp.path().join("用印.csv");
    std::fs::write(
        &sheet,
        "日期,印章名称,用印单位,经办人,用印事由,批准人,外借时间,归还时间\n\
         2026-11-20,局公章,办公室,王丽,年审,周敏,2026-11-20 10:00,2026-11-19 10:00\n",
    )
    .unwrap();
    let early = "returned=2026-11-19 10:00";
    let before = env.state();
    let refused = |args: &[&str], said: &str| {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{args:?}: {stderr}");
    };
    let zh = "归还时间（2026-11-19T10:00:00+08:00）早于外借时间（2026-11-20T10:00:00+08:00）";
    let en = "(2026-11-19T10:00:00+08:00) is before";
    let add: Vec<&str> = seal_args.iter().copied().chain(["-s", early]).collect();
    refused(&[&["--lang", "zh"], &add[..]].concat(), zh);
    refused(&[&["--lang", "en"], &add[..]].concat(), en);
    let file = sheet.to_str().unwrap();
    refused(
        &["--lang", "zh", "import", "csv", "seal", file],
        &format!("第2行 {zh}"),
    );
    refused(&["--lang", "en", "import", "csv", "seal", file], en);
    assert_eq!(before, env.state(), "nothing written");

    assert_eq!(env.run(&seal_args), "SEAL-2026-0001\n");
    let after_add = env.state();
    refused(
        &["--lang", "zh", "book", "set", "SEAL-2026-0001", "-s", early],
        zh,
    );
    assert_eq!(after_add, env.state(), "nothing written");
    env.run(&[
        "book",
        "set",
        "SEAL-2026-0001",
        "-s",
        "returned=2026-11-21 10:00",
    ]);
    assert_eq!(
        env.cmd().arg("check").output().unwrap().status.code(),
        Some(0)
    );
}
