//! `book roster`: a duty roster over the calendar's days, in one commit,
//! refused over days already rostered unless --replace.

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

const NATIONAL_DAY: &[&str] = &[
    "book",
    "roster",
    "duty",
    "--from",
    "2026-09-26",
    "--to",
    "2026-10-11",
    "--days",
    "off",
    "--people",
    "张三,李四,王五",
    "--leaders",
    "陈局长,王局长",
];

fn dates(rows: &Value) -> Vec<&str> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect()
}

/// The new register's calendar.toml: 中秋 09-25..27, 国庆 10-01..07, with
/// 09-20 (Sun) and 10-10 (Sat) worked in exchange. Days off from 09-26 to
/// 10-11 are 09-26, 09-27, 10-01..10-07 and 10-11 — not 10-10.
#[test]
fn a_roster_over_the_national_day_holiday_matches_the_calendar() {
    let env = Env::new();
    let commits = env.commits();
    let mut args = NATIONAL_DAY.to_vec();
    args.extend(["-o", "json"]);
    let printed = env.run(&args);
    let rows: Value = serde_json::from_str(&printed).unwrap();
    // Keys in the table's order, not alphabetical.
    let keys: Vec<&str> = (printed.lines().take(9))
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(
        keys,
        [
            "id", "date", "weekday", "shift", "leader", "officers", "replaced"
        ]
    );
    assert_eq!(
        dates(&rows),
        [
            "2026-09-26",
            "2026-09-27",
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07",
            "2026-10-11",
        ]
    );
    assert_eq!(env.commits(), commits + 1, "one commit for the roster");
    let first = &rows[0];
    assert_eq!(first["id"], "DUTY-2026-0001");
    assert_eq!(first["weekday"], "saturday");
    assert_eq!(first["officers"], "张三");
    assert_eq!(first["leader"], "陈局长");
    assert_eq!(rows[3]["officers"], "张三", "three people in rotation");
    assert_eq!(rows[3]["leader"], "王局长");
    let entry = env.read("logbooks/duty/2026/DUTY-2026-0003.yaml");
    assert!(entry.contains("date: 2026-10-01\n"), "{entry}");
    assert!(entry.contains("shift: 全天\n"), "{entry}");
    assert!(entry.contains("action: roster\n"), "{entry}");
    // What the roster wrote is what check expects of the book.
    env.run(&["check"]);
}

#[test]
fn the_roster_prints_as_a_table_in_both_languages() {
    for lang in ["zh", "en"] {
        let env = Env::new();
        let mut args = vec!["--lang", lang];
        args.extend_from_slice(NATIONAL_DAY);
        whole(&env, &format!("roster__national_day_{lang}"), &args);
    }
}

/// A roster for a spreadsheet: CSV, with the byte order mark `--bom`
/// asks for as every command that prints CSV does.
#[test]
fn the_roster_prints_as_csv_with_a_byte_order_mark() {
    let env = Env::new();
    let mut args = NATIONAL_DAY.to_vec();
    args.extend_from_slice(&["--lang", "zh", "-o", "csv", "--bom"]);
    let out = env.run(&args);
    assert!(out.starts_with("\u{feff}编号,"), "{out}");
    // The header and the ten days off (see above).
    assert_eq!(out.lines().count(), 1 + 10, "{out}");
}

#[test]
fn rerunning_over_rostered_days_is_refused_unless_replace() {
    let env = Env::new();
    env.run(NATIONAL_DAY);
    let again = [
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-06",
        "--to",
        "2026-10-08",
        "--people",
        "赵六",
        "--leaders",
        "孙局长",
    ];
    for lang in ["zh", "en"] {
        let mut args = vec!["--lang", lang];
        args.extend_from_slice(&again);
        whole(&env, &format!("roster__taken_{lang}"), &args);
    }
    let commits = env.commits();
    let mut replace = again.to_vec();
    replace.extend(["--replace", "-o", "json"]);
    let rows: Value = serde_json::from_str(&env.run(&replace)).unwrap();
    assert_eq!(env.commits(), commits + 1);
    let replaced: Vec<bool> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["replaced"].as_bool().unwrap())
        .collect();
    assert_eq!(replaced, [true, true, false]);
    assert_eq!(rows[0]["id"], "DUTY-2026-0008");
    assert_eq!(rows[2]["id"], "DUTY-2026-0011");
    let entry = env.read("logbooks/duty/2026/DUTY-2026-0008.yaml");
    assert!(entry.contains("officers: 赵六\n"), "{entry}");
    assert!(
        entry.contains("note: 'leader: 王局长 → 孙局长; officers: 李四 → 赵六'"),
        "{entry}"
    );
    let shown = env.run(&["--lang", "zh", "show", "DUTY-2026-0008"]);
    assert!(shown.contains("重新排班"), "{shown}");
}

#[test]
fn an_enum_shift_gives_one_turn_per_shift_on_working_days() {
    let env = Env::new();
    env.configure(
        "name = \"shift\"\ntype = \"text\"",
        "name = \"shift\"\ntype = \"enum\"\nvalues = [\"白班\", \"夜班\"]",
    );
    let args = [
        "--lang",
        "zh",
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-09",
        "--to",
        "2026-10-11",
        "--days",
        "work",
        "--people",
        "张三,李四,王五",
        "--per-day",
        "2",
        "--leaders",
        "陈局长",
    ];
    whole(&env, "roster__shifts_zh", &args);
    let out = env.run(&["--lang", "zh", "show", "DUTY-2026-0004"]);
    assert!(out.contains("夜班"), "{out}");
    let out = String::from_utf8(
        std::process::Command::new("git")
            .args(["show", "HEAD:logbooks/duty/2026/DUTY-2026-0002.yaml"])
            .current_dir(&env.root)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        out.contains("shift: 夜班\n") && out.contains("officers: 王五、张三\n"),
        "{out}"
    );
    // A shift the book does not have.
    let err = env.fail(&[
        "--lang",
        "en",
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-12",
        "--to",
        "2026-10-12",
        "--people",
        "张三",
        "--leaders",
        "陈局长",
        "--shift",
        "早班",
    ]);
    assert!(
        err.contains("--shift 早班 is not a shift of this logbook (白班, 夜班)"),
        "{err}"
    );
}

#[test]
fn bad_rosters_are_refused_whole() {
    let env = Env::new();
    let base = |from: &'static str, to: &'static str| {
        vec![
            "book", "roster", "duty", "--from", from, "--to", to, "--people", "张三",
        ]
    };
    let mut no_leader = base("2026-10-01", "2026-10-03");
    no_leader.insert(0, "zh");
    no_leader.insert(0, "--lang");
    whole(&env, "roster__no_leader_zh", &no_leader);
    let mut no_days = base("2026-10-08", "2026-10-09");
    no_days.extend(["--leaders", "陈局长", "--days", "off"]);
    let err = env.fail(&no_days);
    assert!(
        err.contains("no day off from 2026-10-08 to 2026-10-09"),
        "{err}"
    );
    let mut backwards = base("2026-10-09", "2026-10-08");
    backwards.extend(["--leaders", "陈局长"]);
    assert!(
        env.fail(&backwards)
            .contains("--to 2026-10-08 is before --from 2026-10-09")
    );
    let mut long = base("2026-01-01", "2027-06-30");
    long.extend(["--leaders", "陈局长"]);
    assert!(env.fail(&long).contains("longer than 366 days"));
    let mut crowded = base("2026-10-01", "2026-10-02");
    crowded.extend(["--leaders", "陈局长", "--per-day", "2"]);
    assert!(
        env.fail(&crowded)
            .contains("--per-day 2 needs at least 2 people")
    );
    let err = env.fail(&[
        "book",
        "roster",
        "duties",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-02",
        "--people",
        "张三",
    ]);
    assert!(err.contains("duties"), "{err}");
}
