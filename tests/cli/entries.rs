//! Logbook entries are filed under their book's date: the first `date` or
//! `datetime` field the book declares (来访时间 `arrived` of the visitor
//! book), not the day they were typed in.

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

/// Last year's 来访登记表, as the office kept it in a spreadsheet.
const LAST_YEAR: &str = "序号,来访时间,来访人,事由\n\
1,2025/3/2 09:00,马先生,咨询线路许可\n\
2,2025/12/31 23:30,刘女士,反映公交站点问题\n";

fn ids(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut ids: Vec<String> = (value.as_array().unwrap().iter())
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// A register with last year's sheet imported, one visit of last year
/// added by hand and one of this year.
fn visits() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    let path = env.tmp.path().join("来访2025.csv");
    std::fs::write(&path, LAST_YEAR).unwrap();
    let imported = env.run(&["import", "csv", "visit", path.to_str().unwrap()]);
    assert_eq!(imported, "VISIT-2025-0001\nVISIT-2025-0002\n");
    let add = |arrived: &str, visitor: &str| {
        let arrived = format!("来访时间={arrived}");
        let visitor = format!("来访人={visitor}");
        let args = ["book", "add", "visit", "-s", &arrived, "-s", &visitor];
        env.run(&[&args[..], &["-s", "事由=办事"]].concat())
    };
    assert_eq!(add("2025-06-01 10:00", "张先生"), "VISIT-2025-0003\n");
    assert_eq!(add("2026-11-20 09:00", "李女士"), "VISIT-2026-0001\n");
    env
}

const LAST: [&str; 3] = ["VISIT-2025-0001", "VISIT-2025-0002", "VISIT-2025-0003"];

#[test]
fn entries_of_last_year_list_sum_and_export_under_last_year() {
    let env = visits();
    // Twice: the second reading comes from the cache the first one wrote.
    env.skip_ahead();
    for _ in 0..2 {
        let year = env.run(&["list", "visit", "--year", "2025", "-o", "json"]);
        assert_eq!(ids(&year), LAST);
        let dated = ["--since", "2025-01-01", "--until", "2025-12-31"];
        let span = env.run(&[&["list", "visit", "-o", "json"][..], &dated].concat());
        assert_eq!(ids(&span), LAST, "filed by the day they arrived");
        let this = env.run(&["list", "visit", "--year", "2026", "-o", "json"]);
        assert_eq!(ids(&this), ["VISIT-2026-0001"]);
        let summary = |period: &str| {
            let json = env.run(&["summary", "--period", period, "-o", "json"]);
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            value["logbooks"]["visit"].as_u64().unwrap_or(0)
        };
        assert_eq!(summary("2025"), 3);
        // 23:30 on New Year's Eve in Beijing is still 2025 there.
        assert_eq!(summary("2025-12"), 1);
        assert_eq!(summary("2026"), 1);
        assert_eq!(summary("2026-11"), 1);
        let csv = env.run(&["export", "csv", "visit", "--year", "2025"]);
        for id in LAST {
            assert!(csv.contains(id), "{csv}");
        }
        assert!(!csv.contains("VISIT-2026"), "{csv}");
        let json = env.run(&["export", "json", "visit", "--year", "2025"]);
        assert_eq!(ids(&json), LAST);
    }
}

#[test]
fn now_is_this_minute_in_a_datetime_field_and_today_in_a_date_field() {
    let env = Env::new();
    // The clock in UTC: the register writes it as Beijing sees it.
    env.pin_clock("2026-11-23T06:05:37Z");
    let visit = [
        "book",
        "add",
        "visit",
        "-s",
        "来访人=马先生",
        "-s",
        "事由=咨询",
    ];
    let id = env.run(&[&visit[..], &["-s", "arrived=now"]].concat());
    assert_eq!(id, "VISIT-2026-0001\n");
    let file = "logbooks/visit/2026/VISIT-2026-0001.yaml";
    assert_eq!(
        text(&env.yaml(file), "arrived"),
        "2026-11-23T14:05:00+08:00"
    );
    env.pin_clock("2026-11-23T07:40:00Z");
    env.run(&["book", "set", "VISIT-1", "-s", "离开时间=现在"]);
    assert_eq!(text(&env.yaml(file), "left"), "2026-11-23T15:40:00+08:00");
    let id = env.run(&[&visit[..], &["-s", "来访时间=现在"]].concat());
    assert_eq!(id, "VISIT-2026-0002\n");
    let second = env.yaml("logbooks/visit/2026/VISIT-2026-0002.yaml");
    assert_eq!(text(&second, "arrived"), "2026-11-23T15:40:00+08:00");
    // A date field takes `now` as today.
    let seal = [
        "book",
        "add",
        "seal",
        "-s",
        "日期=now",
        "-s",
        "印章名称=局公章",
        "-s",
        "用印单位=办公室",
        "-s",
        "经办人=王芳",
        "-s",
        "用印事由=报送",
        "-s",
        "批准人=张局长",
    ];
    assert_eq!(env.run(&seal), "SEAL-2026-0001\n");
    let seal = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(text(&seal, "date"), "2026-11-23");
}

/// Things out on Monday 2026-11-23: a car due back at 17:00 today, a seal
/// due back on Thursday, the file of a secret paper lent until Friday, and
/// a car already back (out no longer).
fn out_office() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.secret_paper_and_follow_up();
    let car = |user: &str, extra: &[&str]| {
        let user = format!("用车人={user}");
        let args = [
            "book",
            "add",
            "vehicle",
            "-s",
            "日期=today",
            "-s",
            "车辆=皖A·G1234",
            "-s",
            "驾驶员=赵磊",
            "-s",
            &user,
            "-s",
            "用车单位=BGS",
            "-s",
            "目的地=市司法局",
            "-s",
            "事由=报送备案材料",
            "-s",
            "出车时间=now",
        ];
        env.run(&[&args[..], extra].concat())
    };
    assert_eq!(
        car("吴静", &["-s", "预计回车=2026-11-23 17:00"]),
        "CAR-2026-0001\n"
    );
    let seal = [
        "book",
        "add",
        "seal",
        "-s",
        "日期=today",
        "-s",
        "印章名称=局公章",
        "-s",
        "用印单位=办公室",
        "-s",
        "经办人=李明",
        "-s",
        "用印事由=外出签订合同",
        "-s",
        "批准人=张局长",
        "-s",
        "外借时间=now",
        "-s",
        "应还时间=2026-11-26 17:00",
    ];
    assert_eq!(env.run(&seal), "SEAL-2026-0001\n");
    let loan = [
        "book",
        "add",
        "loan",
        "-s",
        "借阅人=张三",
        "-s",
        "档案=IN-1",
        "-s",
        "借阅目的=查阅专项行动材料",
        "-s",
        "借出时间=now",
        "-s",
        "应还日期=2026-11-27",
    ];
    // `book add` lends only an archived record: the paper is filed by
    // hand for the loan's sake and put back after, so that it stays in
    // hand on the desk these tests read.
    let paper = "documents/2026/IN-2026-0001.yaml";
    let kept = env.file_by_hand(paper, "Z109-WS·2026-D10-BGS-0001");
    assert_eq!(env.run(&loan), "LOAN-2026-0001\n");
    env.write(paper, &kept);
    env.git(&["commit", "-qam", "back in hand"]);
    let back = ["-s", "预计回车=2026-11-23 12:00", "-s", "回车时间=now"];
    assert_eq!(car("黄伟", &back), "CAR-2026-0002\n");
    env
}

#[test]
fn the_desk_lists_entries_due_back_today_and_this_week() {
    let env = out_office();
    whole(&env, "entries__desk_zh", &["--lang", "zh", "desk"]);
    whole(&env, "entries__desk_en", &["--lang", "en", "desk"]);
    let desk: serde_json::Value = serde_json::from_str(&env.run(&["desk", "-o", "json"])).unwrap();
    let upcoming: Vec<(&str, &str)> = (desk["upcoming"].as_array().unwrap().iter())
        .map(|r| (r["id"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert!(
        upcoming.contains(&("CAR-2026-0001", "due-today")),
        "{upcoming:?}"
    );
    assert!(
        upcoming.contains(&("SEAL-2026-0001", "due-soon")),
        "{upcoming:?}"
    );
    assert!(
        upcoming.contains(&("LOAN-2026-0001", "due-soon")),
        "{upcoming:?}"
    );
    assert!(!upcoming.iter().any(|(id, _)| *id == "CAR-2026-0002"));
    // Not yet overdue: the section of entries out past their day is empty.
    assert_eq!(desk["out"], serde_json::json!([]));
}

#[test]
fn the_calendar_has_a_day_for_each_entry_due_back() {
    let env = out_office();
    let zh = env.run(&["--lang", "zh", "export", "ics"]);
    insta::assert_snapshot!("entries__ics_zh", zh.replace("\r\n", "\n"));
    let en = env.run(&["--lang", "en", "export", "ics"]);
    insta::assert_snapshot!("entries__ics_en", en.replace("\r\n", "\n"));
    let uids = |ics: &str| -> Vec<String> {
        (ics.split("\r\n"))
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    let all = uids(&zh);
    for id in ["CAR-2026-0001", "SEAL-2026-0001", "LOAN-2026-0001"] {
        assert!(all.contains(&format!("{id}@某市交通运输局")), "{all:?}");
    }
    assert!(!zh.contains("CAR-2026-0002"), "a car back is not due back");
    // The loan names a secret paper: its title is withheld, unless asked.
    let unfolded = zh.replace("\r\n ", "");
    assert!(
        unfolded.contains("应归还（档案借阅）：[秘密] LOAN-2026-0001"),
        "{unfolded}"
    );
    assert!(!unfolded.contains("查阅专项行动材料"), "{unfolded}");
    let shown = env.run(&["--lang", "zh", "export", "ics", "--show-classified"]);
    assert!(
        shown
            .replace("\r\n ", "")
            .contains("张三 · 查阅专项行动材料")
    );
    // Exported again, the same file; once the car is back, its day goes.
    assert_eq!(env.run(&["--lang", "zh", "export", "ics"]), zh);
    env.run(&["book", "set", "CAR-1", "-s", "回车时间=now"]);
    let after = uids(&env.run(&["--lang", "zh", "export", "ics"]));
    assert!(
        !after.iter().any(|u| u.starts_with("CAR-2026-0001")),
        "{after:?}"
    );
}
