//! The working-day calendar: `init` writes it, `+Nwd` honours it, `check`
//! warns about deadlines on days off.

use crate::env::Env;
use crate::snapshots::whole;

fn due_of(env: &Env, id: &str) -> String {
    let show: serde_json::Value =
        serde_json::from_str(&env.run(&["show", id, "-o", "json"])).unwrap();
    show["due"].as_str().unwrap().to_string()
}

#[test]
fn init_writes_this_and_next_year_and_commits_it() {
    let env = Env::new();
    let text = env.read("calendar.toml");
    assert!(text.contains("[2026]") && text.contains("[2027]"), "{text}");
    assert!(
        text.contains("CHECK THIS FILE AGAINST THE STATE COUNCIL NOTICE"),
        "{text}"
    );
    assert!(
        env.git(&["ls-files", "calendar.toml"])
            .contains("calendar.toml")
    );
}

#[test]
fn working_days_skip_the_national_day_holiday() {
    let env = Env::new();
    // Wed 30 Sep + 5 working days: 1–7 Oct are off, Sat 10 Oct is worked
    // (调休): Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    env.run(&[
        "--today",
        "2026-09-30",
        "assign",
        "节后整改",
        "--lead",
        "BGS",
        "--due",
        "+5wd",
    ]);
    assert_eq!(due_of(&env, "FU-2026-0001"), "2026-10-13");
}

#[test]
fn working_days_follow_a_hand_added_holiday() {
    let env = Env::new();
    // Mon 23 Nov + 5 working days is Mon 30 Nov; with Wed 25 off, Tue 1 Dec.
    env.run(&["assign", "A", "--lead", "BGS", "--due", "+5wd"]);
    let text = env.read("calendar.toml");
    env.write(
        "calendar.toml",
        &text.replace(
            "\"2026-10-01..2026-10-07\",",
            "\"2026-10-01..2026-10-07\", \"2026-11-25\",",
        ),
    );
    env.run(&["assign", "B", "--lead", "BGS", "--due", "+5wd"]);
    assert_eq!(due_of(&env, "FU-2026-0001"), "2026-11-30");
    assert_eq!(due_of(&env, "FU-2026-0002"), "2026-12-01");
}

#[test]
fn check_warns_about_deadlines_on_days_off() {
    let env = Env::new();
    env.run(&["assign", "周六到期", "--lead", "BGS", "--due", "2026-11-28"]);
    env.run(&[
        "assign",
        "国庆到期",
        "--lead",
        "BGS",
        "--assigned",
        "2026-09-01",
        "--due",
        "2026-10-05",
    ]);
    env.run(&["assign", "周一到期", "--lead", "BGS", "--due", "2026-11-30"]);
    whole(&env, "calendar__deadlines_on_days_off", &["check"]);
}

#[test]
fn a_bad_calendar_is_an_error_for_check() {
    let env = Env::new();
    env.write("calendar.toml", "[2026]\nholidays = [\"2026-02-30\"]\n");
    whole(&env, "calendar__bad_calendar", &["check"]);
}

#[test]
fn check_says_when_this_years_holidays_are_missing() {
    let env = Env::new();
    env.write(
        "calendar.toml",
        "[2025]\nholidays = [\"2025-10-01..2025-10-08\"]\n",
    );
    whole(&env, "calendar__holidays_missing", &["check"]);
}
