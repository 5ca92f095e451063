//! The register's own time zone (`timezone` in taizhang.toml): on a server
//! kept in UTC, "today", history times and typed times are still the
//! office's; `init` writes the zone; a bad one is refused; the calendar
//! export writes meeting times in it.

use crate::env::{Env, text};

/// 01:30 on 1 December in Beijing; still 30 November in UTC.
const LATE_NIGHT_UTC: &str = "2026-11-30T17:30:00Z";

/// `taizhang ARGS` on a server whose zone is UTC, at `LATE_NIGHT_UTC`,
/// with no date pinned: the clock alone says what today is.
fn on_utc_server(env: &Env, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("TZ", "UTC")
        .env_remove("TAIZHANG_TODAY")
        .env("TAIZHANG_NOW", LATE_NIGHT_UTC)
        .args(args)
        .output()
        .unwrap()
}

/// As `on_utc_server`, expecting success; returns stdout.
fn run_on_utc_server(env: &Env, args: &[&str]) -> String {
    let output = on_utc_server(env, args);
    assert!(
        output.status.success(),
        "taizhang {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn document(env: &Env, id: &str) -> serde_yaml::Value {
    env.yaml(&format!("documents/2026/{id}.yaml"))
}

fn history_at(record: &serde_yaml::Value) -> String {
    text(&record["history"][0], "at")
}

#[test]
fn the_register_that_tests_use_keeps_shanghai_time() {
    // Made by `init` under TZ=Asia/Shanghai: the setting agrees.
    let env = Env::new();
    assert!(
        env.read("taizhang.toml")
            .contains("timezone = \"Asia/Shanghai\""),
        "{}",
        env.read("taizhang.toml")
    );
}

#[test]
fn on_a_utc_server_today_and_now_are_the_offices() {
    let env = Env::new();
    let id = run_on_utc_server(
        &env,
        &["log", "in", "--title", "夜间来文", "--from", "省厅"],
    );
    assert_eq!(id.trim(), "IN-2026-0001");
    let paper = document(&env, "IN-2026-0001");
    assert_eq!(text(&paper, "received"), "2026-12-01T01:30:00+08:00");
    assert_eq!(history_at(&paper), "2026-12-01T01:30:00+08:00");
    // `today` in a date expression is the office's too.
    let fu = run_on_utc_server(
        &env,
        &["assign", "当日事项", "--lead", "BGS", "--due", "today"],
    );
    let fu = env.yaml(&format!("followups/2026/{}.yaml", fu.trim()));
    assert_eq!(text(&fu, "due"), "2026-12-01");

    // A time typed as `YYYY-MM-DD HH:MM` is the office's wall clock.
    let visit = run_on_utc_server(
        &env,
        &[
            "book",
            "add",
            "visit",
            "-s",
            "arrived=2026-12-01 10:00",
            "-s",
            "visitor=马先生",
            "-s",
            "purpose=洽谈",
        ],
    );
    let visit = env.yaml(&format!("logbooks/visit/2026/{}.yaml", visit.trim()));
    assert_eq!(text(&visit, "arrived"), "2026-12-01T10:00:00+08:00");
    let meeting = run_on_utc_server(
        &env,
        &[
            "meeting",
            "add",
            "--title",
            "办公会",
            "--start",
            "2026-12-02 09:00",
        ],
    );
    let meeting = env.yaml(&format!("meetings/2026/{}.yaml", meeting.trim()));
    assert_eq!(text(&meeting, "start"), "2026-12-02T09:00:00+08:00");
}

#[test]
fn a_pinned_today_still_wins_over_the_clock() {
    let env = Env::new();
    run_on_utc_server(
        &env,
        &[
            "--today",
            "2026-11-20",
            "log",
            "in",
            "--title",
            "补登来文",
            "--from",
            "省厅",
        ],
    );
    let paper = document(&env, "IN-2026-0001");
    // The pinned day, at the office's time of day.
    assert_eq!(history_at(&paper), "2026-11-20T01:30:00+08:00");
    let output = env
        .cmd()
        .env("TZ", "UTC")
        .env("TAIZHANG_TODAY", "2026-11-21")
        .env("TAIZHANG_NOW", LATE_NIGHT_UTC)
        .args(["log", "in", "--title", "补登来文二", "--from", "省厅"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let paper = document(&env, "IN-2026-0002");
    assert_eq!(history_at(&paper), "2026-11-21T01:30:00+08:00");
}

#[test]
fn a_register_without_the_setting_follows_the_machine() {
    let env = Env::new();
    env.configure("timezone = \"Asia/Shanghai\"\n", "");
    // In UTC, it is still 30 November.
    run_on_utc_server(
        &env,
        &["log", "in", "--title", "旧台账来文", "--from", "省厅"],
    );
    let paper = document(&env, "IN-2026-0001");
    assert_eq!(history_at(&paper), "2026-11-30T17:30:00+00:00");
    // Under TZ=Asia/Shanghai (as the tests pin it), 1 December.
    env.cmd()
        .env_remove("TAIZHANG_TODAY")
        .env("TAIZHANG_NOW", LATE_NIGHT_UTC)
        .args(["log", "in", "--title", "旧台账来文二", "--from", "省厅"])
        .assert()
        .success();
    let paper = document(&env, "IN-2026-0002");
    assert_eq!(history_at(&paper), "2026-12-01T01:30:00+08:00");
    assert!(env.run(&["check"]).contains("no problems"));
}

#[test]
fn the_zone_resolves_without_the_systems_time_zone_files() {
    let env = Env::new();
    let output = env
        .cmd()
        .env("TZ", "UTC")
        .env("TZDIR", env.tmp.path().join("no-zoneinfo"))
        .env_remove("TAIZHANG_TODAY")
        .env("TAIZHANG_NOW", LATE_NIGHT_UTC)
        .args(["log", "in", "--title", "容器里的来文", "--from", "省厅"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let paper = document(&env, "IN-2026-0001");
    assert_eq!(history_at(&paper), "2026-12-01T01:30:00+08:00");
}

#[test]
fn a_fixed_offset_is_a_zone_too() {
    let env = Env::new();
    env.configure("timezone = \"Asia/Shanghai\"", "timezone = \"+08:00\"");
    run_on_utc_server(
        &env,
        &["log", "in", "--title", "固定时差", "--from", "省厅"],
    );
    let paper = document(&env, "IN-2026-0001");
    assert_eq!(history_at(&paper), "2026-12-01T01:30:00+08:00");
}

/// `init` in a fresh folder under `TZ=zone` (none: TZ unset and no
/// system zone file named), with `flags`; returns the settings and what
/// init said on stderr, the temporary path made `[TMP]`.
fn init_under(zone: &str, lang: &str, flags: &[&str]) -> (String, String) {
    let env = Env::bare();
    let output = env
        .cmd()
        .current_dir(env.tmp.path())
        .env("TZ", zone)
        .args(["--lang", lang, "init", "reg", "--units", "办公室:BGS"])
        .args(flags)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8(output.stderr)
        .unwrap()
        .replace(&env.tmp.path().display().to_string(), "[TMP]");
    (env.read("taizhang.toml"), stderr)
}

fn zone_of(settings: &str) -> &str {
    settings
        .lines()
        .find_map(|line| line.strip_prefix("timezone = "))
        .unwrap_or_default()
}

#[test]
fn init_writes_the_flag_else_the_machine_zone_else_shanghai() {
    let (settings, _) = init_under("UTC", "en", &["--timezone", "europe/berlin"]);
    assert_eq!(zone_of(&settings), "\"Europe/Berlin\"");
    let (settings, _) = init_under("UTC", "en", &["--timezone", "+0800"]);
    assert_eq!(zone_of(&settings), "\"+08:00\"");
    let (settings, _) = init_under("America/New_York", "en", &[]);
    assert_eq!(zone_of(&settings), "\"America/New_York\"");
    for server in ["UTC", "Etc/UTC", "GMT", ""] {
        let (settings, _) = init_under(server, "en", &[]);
        assert_eq!(zone_of(&settings), "\"Asia/Shanghai\"", "TZ={server:?}");
    }
    // What init says, in both languages, for each branch.
    let mut said = String::new();
    for lang in ["en", "zh"] {
        for (zone, flags) in [
            ("UTC", &["--timezone", "Asia/Shanghai"][..]),
            ("Europe/Berlin", &[][..]),
            ("UTC", &[][..]),
        ] {
            let (_, stderr) = init_under(zone, lang, flags);
            let command = [&["init", "reg"][..], flags].concat().join(" ");
            said.push_str(&format!(
                "$ TZ={zone} taizhang --lang {lang} {command}\n{stderr}\n"
            ));
        }
    }
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("timezone__init_says_the_zone", said);
    });
}

#[test]
fn init_refuses_a_zone_that_is_none() {
    let env = Env::bare();
    for lang in ["en", "zh"] {
        let output = env
            .cmd()
            .current_dir(env.tmp.path())
            .args(["--lang", lang, "init", "reg", "--timezone", "Mars/Olympus"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("--timezone") && stderr.contains("Mars/Olympus"),
            "{stderr}"
        );
        assert!(!env.root.exists(), "nothing is created");
    }
}

#[test]
fn a_bad_setting_is_refused_naming_the_file_and_key() {
    let env = Env::new();
    for bad in ["\"Mars/Olympus\"", "\"+25:00\"", "8"] {
        let before = env.read("taizhang.toml");
        let zone = zone_of(&before).to_string();
        env.configure(&format!("timezone = {zone}"), &format!("timezone = {bad}"));
        for lang in ["en", "zh"] {
            let stderr = env.fail(&["--lang", lang, "list"]);
            assert!(stderr.contains("taizhang.toml"), "{stderr}");
            assert!(stderr.contains("timezone"), "{stderr}");
            assert!(stderr.contains(bad.trim_matches('"')), "{stderr}");
            // Every command, `check` too: nothing is read in a wrong zone.
            let check = env.output(&["--lang", lang, "check"]);
            assert_eq!(check.status.code(), Some(1));
        }
    }
    let stderr = env.fail(&["--lang", "zh", "list"]);
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true, filters => vec![(r"\S*/reg/taizhang\.toml", "[TMP]/taizhang.toml")]}, {
        insta::assert_snapshot!("timezone__bad_setting_zh", stderr);
    });
    let stderr = env.fail(&["--lang", "en", "list"]);
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true, filters => vec![(r"\S*/reg/taizhang\.toml", "[TMP]/taizhang.toml")]}, {
        insta::assert_snapshot!("timezone__bad_setting_en", stderr);
    });
}

/// A meeting from 10:00 to 11:30 on 1 December (Beijing time), an
/// all-day meeting, and a follow-up due on 4 December.
fn calendar_register() -> Env {
    let env = Env::new();
    env.run(&[
        "meeting",
        "add",
        "--title",
        "专题会",
        "--start",
        "2026-12-01 10:00",
        "--end",
        "2026-12-01 11:30",
    ]);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "全天培训",
        "--start",
        "2026-12-03",
    ]);
    env.run(&["assign", "报送材料", "--lead", "BGS", "--due", "2026-12-04"]);
    env
}

#[test]
fn ics_writes_shanghai_times_with_their_vtimezone() {
    let env = calendar_register();
    let ics = env.run(&["export", "ics"]);
    for line in [
        "X-WR-TIMEZONE:Asia/Shanghai",
        "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\n",
        "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\n",
        "DTSTART;TZID=Asia/Shanghai:20261201T100000\r\n",
        "DTEND;TZID=Asia/Shanghai:20261201T113000\r\n",
        "DTSTART;VALUE=DATE:20261203\r\n",
        "DTSTART;VALUE=DATE:20261204\r\n",
    ] {
        assert!(ics.contains(line), "{line:?} missing from\n{ics}");
    }
    // A fixed offset has no name: the VTIMEZONE is named by it.
    env.configure("timezone = \"Asia/Shanghai\"", "timezone = \"+08:00\"");
    let ics = env.run(&["export", "ics"]);
    assert!(!ics.contains("X-WR-TIMEZONE"), "{ics}");
    assert!(ics.contains("TZID:UTC+0800\r\n"), "{ics}");
    assert!(
        ics.contains("DTSTART;TZID=UTC+0800:20261201T100000\r\n"),
        "{ics}"
    );
}

#[test]
fn ics_writes_utc_times_for_a_zone_with_daylight_saving() {
    let env = calendar_register();
    env.configure(
        "timezone = \"Asia/Shanghai\"",
        "timezone = \"Europe/Berlin\"",
    );
    // A meeting typed in Berlin's summer time.
    env.run(&[
        "meeting",
        "add",
        "--title",
        "夏季例会",
        "--start",
        "2026-07-01 10:00",
    ]);
    let ics = env.run(&["export", "ics"]);
    assert!(!ics.contains("VTIMEZONE"), "{ics}");
    assert!(!ics.contains("TZID"), "{ics}");
    for line in [
        "X-WR-TIMEZONE:Europe/Berlin\r\n",
        // 10:00 in Beijing is 02:00 UTC, whatever zone reads it.
        "DTSTART:20261201T020000Z\r\n",
        "DTEND:20261201T033000Z\r\n",
        // 10:00 in Berlin's summer is 08:00 UTC; no end: an hour.
        "DTSTART:20260701T080000Z\r\n",
        "DTEND:20260701T090000Z\r\n",
        // All-day events stay dates.
        "DTSTART;VALUE=DATE:20261203\r\n",
    ] {
        assert!(ics.contains(line), "{line:?} missing from\n{ics}");
    }
}
