//! A standing duty's series held together: `check` names a `series`
//! that leads nowhere or to another kind, `every` without `series` (and
//! the reverse), two occurrences of one series in one period; export
//! carries `every` and `series`, and import begins a new series from
//! `every`. In both languages.

use crate::env::Env;
use crate::snapshots::whole;

/// A fresh register (today 2026-11-23) with a monthly duty, FU-2026-0001
/// due 2026-12-04, and its January occurrence FU-2026-0002 made by
/// closing it.
fn monthly() -> Env {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env.run(&[
        "assign",
        "报送安全生产情况",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--due",
        "2026-12-04",
        "--every",
        "month:5",
    ]);
    env.run(&["done", "FU-1"]);
    env
}

/// Replaces `from` by `to` in the record file `relative`, as a clerk
/// editing it by hand would.
fn edit(env: &Env, relative: &str, from: &str, to: &str) {
    let text = env.read(relative);
    assert!(text.contains(from), "{relative} lacks {from}:\n{text}");
    env.write(relative, &text.replace(from, to));
    env.git(&["commit", "-qam", "hand edit"]);
}

const SECOND: &str = "followups/2026/FU-2026-0002.yaml";

#[test]
fn a_series_as_commands_leave_it_is_clean() {
    let env = monthly();
    let second = env.yaml(SECOND);
    assert_eq!(second["series"].as_str(), Some("FU-2026-0001"));
    env.run(&["check"]);
}

#[test]
fn check_names_a_series_that_leads_nowhere_or_to_another_kind() {
    let env = monthly();
    edit(&env, SECOND, "series: FU-2026-0001", "series: FU-2026-0099");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("series_check__missing_{lang}"),
            &["--lang", lang, "check"],
        );
    }
    let en = env.output(&["--lang", "en", "check"]);
    assert_eq!(en.status.code(), Some(1));
    let found = String::from_utf8_lossy(&en.stdout);
    assert!(
        found.contains("belongs to the series FU-2026-0099, which does not exist"),
        "{found}"
    );
    env.log_in("关于报送安全生产情况的通知");
    edit(&env, SECOND, "series: FU-2026-0099", "series: IN-2026-0001");
    let zh = env.output(&["--lang", "zh", "check"]);
    assert_eq!(zh.status.code(), Some(1));
    let found = String::from_utf8_lossy(&zh.stdout);
    assert!(
        found.contains("所属系列 IN-2026-0001 是另一类记录"),
        "{found}"
    );
}

#[test]
fn check_wants_every_and_series_together() {
    let env = monthly();
    edit(&env, SECOND, "series: FU-2026-0001\n", "");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("series_check__every_alone_{lang}"),
            &["--lang", lang, "check"],
        );
    }
    let env = monthly();
    edit(&env, SECOND, "every: month:5\n", "");
    let en = env.output(&["--lang", "en", "check"]);
    assert_eq!(en.status.code(), Some(1));
    let found = String::from_utf8_lossy(&en.stdout);
    assert!(
        found.contains("belongs to the series FU-2026-0001 but has no rule (every)"),
        "{found}"
    );
    let zh = env.output(&["--lang", "zh", "check"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(
        zh.contains("属于 FU-2026-0001 系列，却没有重复周期（every）"),
        "{zh}"
    );
}

#[test]
fn check_names_two_occurrences_of_one_series_in_one_period() {
    let env = monthly();
    // The January occurrence moved by hand into December, beside the
    // first one.
    edit(&env, SECOND, "due: 2027-01-05", "due: 2026-12-28");
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("series_check__same_period_{lang}"),
            &["--lang", lang, "check"],
        );
    }
    let en = env.output(&["--lang", "en", "check"]);
    let found = String::from_utf8_lossy(&en.stdout);
    assert!(
        found.contains(
            "FU-2026-0002.yaml:15: a second occurrence of the series FU-2026-0001 in the period from 2026-12-01, beside FU-2026-0001"
        ),
        "{found}"
    );
    // The first one is not blamed: one finding for one extra occurrence.
    assert!(!found.contains("FU-2026-0001.yaml"), "{found}");
}

#[test]
fn export_carries_every_and_series_and_import_begins_a_new_series() {
    let env = monthly();
    for lang in ["en", "zh"] {
        let csv = env.run(&["--lang", lang, "export", "csv", "fu"]);
        let header = csv.lines().next().unwrap();
        let (every, series) = match lang {
            "en" => ("Repeats", "Series"),
            _ => ("重复周期", "重复系列"),
        };
        assert!(header.ends_with(&format!(",{every},{series}")), "{header}");
        let second = csv.lines().find(|l| l.starts_with("FU-2026-0002")).unwrap();
        assert!(second.ends_with(",month:5,FU-2026-0001"), "{second}");
    }
    let csv = env.run(&["--lang", "zh", "export", "csv", "fu"]);
    let sheet = env.root.join("fu.csv");
    std::fs::write(&sheet, &csv).unwrap();
    let other = Env::new();
    other.pin_clock("2026-11-23T09:30:00+08:00");
    // A record of its own first, so that the imported ones are numbered
    // after it and not as they were in the sheet.
    other.assign("另一事项");
    other.run(&["import", "csv", "fu", sheet.to_str().unwrap()]);
    let mut dues = Vec::new();
    for id in ["FU-2026-0002", "FU-2026-0003"] {
        let back = other.yaml(&format!("followups/2026/{id}.yaml"));
        dues.push(back["due"].as_str().unwrap().to_string());
        assert_eq!(back["every"].as_str(), Some("month:5"), "{back:?}");
        // Each begins a series of its own: the sheet's numbers are not
        // the register's.
        assert_eq!(back["series"].as_str(), Some(id), "{back:?}");
    }
    dues.sort();
    assert_eq!(dues, ["2026-12-04", "2027-01-05"]);
    other.run(&["check"]);
}

#[test]
fn import_refuses_a_rule_that_does_not_read_naming_the_row() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let sheet = env.root.join("fu.csv");
    std::fs::write(
        &sheet,
        "督办事项,牵头单位,交办日期,办结时限,重复周期\n报送月报,BGS,2026-11-20,2026-12-05,每两月\n",
    )
    .unwrap();
    let before = env.state();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("series_check__import_bad_every_{lang}"),
            &["--lang", lang, "import", "csv", "fu", "fu.csv"],
        );
    }
    assert_eq!(env.state(), before, "nothing written");
    // Given as --every takes it, without its day: the due date gives it.
    std::fs::write(
        &sheet,
        "督办事项,牵头单位,交办日期,办结时限,重复周期\n报送月报,BGS,2026-11-20,2026-12-05,每月\n",
    )
    .unwrap();
    env.run(&["import", "csv", "fu", sheet.to_str().unwrap()]);
    let fu = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(fu["every"].as_str(), Some("month:5"));
    assert_eq!(fu["series"].as_str(), Some("FU-2026-0001"));
}

#[test]
fn a_meetings_series_is_held_to_the_same_rules() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    env.run(&[
        "meeting",
        "add",
        "--title",
        "局长办公会",
        "--start",
        "2026-11-23 09:00",
        "--venue",
        "三楼会议室",
        "--every",
        "week:周一",
    ]);
    env.run(&["meeting", "held", "MT-1"]);
    env.run(&["check"]);
    let second = "meetings/2026/MT-2026-0002.yaml";
    // The next Monday's meeting moved by hand into the first one's week.
    edit(&env, second, "start: 2026-11-30T", "start: 2026-11-27T");
    let en = env.output(&["--lang", "en", "check"]);
    assert_eq!(en.status.code(), Some(1));
    let found = String::from_utf8_lossy(&en.stdout);
    assert!(
        found.contains(
            "a second occurrence of the series MT-2026-0001 in the period from 2026-11-23, beside MT-2026-0001"
        ),
        "{found}"
    );
    // A meeting's series named by a follow-up is of another kind.
    env.assign("另一事项");
    edit(&env, second, "series: MT-2026-0001", "series: FU-2026-0001");
    let zh = env.output(&["--lang", "zh", "check"]);
    let found = String::from_utf8_lossy(&zh.stdout);
    assert!(
        found.contains("所属系列 FU-2026-0001 是另一类记录"),
        "{found}"
    );
}
