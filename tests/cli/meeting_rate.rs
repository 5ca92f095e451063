//! 落实率: each meeting's decisions closed on time of those due, in
//! `show`, its JSON, `summary` and the brief; recounted here from the
//! records' YAML, by the definition in docs/meetings.md, and compared.

use serde_yaml::Value;

use crate::env::Env;
use crate::snapshots::whole;

const ASOF: &str = "2026-12-20";

/// The example register, MT-3 held on its day with five decisions: one
/// closed on time, one still open past its deadline, one closed within
/// its extension, one closed before its deadline came, one without a
/// follow-up; and MT-1's first decision closed late.
fn office() -> Env {
    let env = Env::example();
    env.pin_clock(crate::snapshots::NOW);
    env.run(&["--today", "2026-11-26", "meeting", "held", "MT-3"]);
    for (text, due) in [
        ("修改完善场站建设三年行动计划", "2026-12-05"),
        ("开展冬季安全生产隐患整改", "2026-12-10"),
        ("制定审计整改台账", "2026-12-01"),
        ("完善道路结冰应急保障预案", "2026-12-31"),
    ] {
        env.run(&[
            "--today",
            "2026-11-26",
            "meeting",
            "decide",
            "MT-3",
            text,
            "--lead",
            "BGS",
            "--due",
            due,
        ]);
    }
    env.run(&[
        "--today",
        "2026-11-26",
        "meeting",
        "decide",
        "MT-3",
        "原则同意汇报",
    ]);
    let close = |fu: &str, on: &str| {
        env.run(&["--today", on, "done", fu, "--report", "已完成"]);
        env.run(&["--today", on, "verify", fu]);
    };
    close("FU-17", "2026-12-03");
    env.run(&[
        "--today",
        "2026-11-30",
        "extend",
        "FU-19",
        "--to",
        "2026-12-15",
        "--reason",
        "等待审计报告",
        "--approved-by",
        "陈建国",
    ]);
    close("FU-19", "2026-12-12");
    close("FU-20", "2026-12-14");
    close("FU-7", "2026-12-01");
    env
}

/// The follow-up `id`'s YAML, wherever its year put it.
fn followup(env: &Env, id: &str) -> Value {
    let year = &id[3..7];
    env.yaml(&format!("followups/{year}/{id}.yaml"))
}

fn date(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

/// (due, on time) of `meeting` as of `asof`, from the YAML alone.
fn recount(env: &Env, meeting: &Value, asof: &str) -> (u64, u64) {
    let mut counted = (0, 0);
    let decisions = meeting["decisions"]
        .as_sequence()
        .cloned()
        .unwrap_or_default();
    for decision in decisions {
        let Some(id) = decision["followup"].as_str() else {
            continue;
        };
        let fu = followup(env, id);
        let status = fu["status"].as_str().unwrap_or_default();
        if status == "cancelled" {
            continue;
        }
        let extensions = fu["extensions"].as_sequence().cloned().unwrap_or_default();
        let deadline = match extensions.last() {
            Some(last) => date(&last["to"]),
            None => date(&fu["due"]),
        }
        .unwrap();
        let closed = (status == "closed")
            .then(|| date(&fu["result"]["closed"]))
            .flatten()
            .filter(|c| c.as_str() <= asof);
        if closed.is_some() || deadline.as_str() <= asof {
            counted.0 += 1;
        }
        if closed.is_some_and(|c| c <= deadline) {
            counted.1 += 1;
        }
    }
    counted
}

fn pair(json: &serde_json::Value) -> (u64, u64) {
    (
        json["due"].as_u64().unwrap(),
        json["on_time"].as_u64().unwrap(),
    )
}

#[test]
fn show_and_summary_agree_with_a_recount_from_the_yaml() {
    let env = office();
    for n in 1..=3 {
        let id = format!("MT-2026-{n:04}");
        let meeting = env.yaml(&format!("meetings/2026/{id}.yaml"));
        let expected = recount(&env, &meeting, ASOF);
        let shown: serde_json::Value =
            serde_json::from_str(&env.run(&["--today", ASOF, "show", &id, "-o", "json"])).unwrap();
        assert_eq!(pair(&shown["implementation"]), expected, "{id}");
        let rate = shown["implementation"]["rate"].as_f64();
        let expected_rate = (expected.0 > 0).then(|| expected.1 as f64 / expected.0 as f64);
        assert_eq!(rate, expected_rate, "{id}");
    }
    // MT-3 as built: four due, three on time.
    let mt3 = env.yaml("meetings/2026/MT-2026-0003.yaml");
    assert_eq!(recount(&env, &mt3, ASOF), (4, 3));

    // The year's summary lists each held meeting with the same counts.
    let summary: serde_json::Value = serde_json::from_str(
        &env.run(&["--today", ASOF, "summary", "--period", "2026", "-o", "json"]),
    )
    .unwrap();
    let items = summary["meetings"]["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["MT-2026-0001", "MT-2026-0002", "MT-2026-0003"]);
    for item in items {
        let id = item["id"].as_str().unwrap();
        let meeting = env.yaml(&format!("meetings/2026/{id}.yaml"));
        assert_eq!(
            pair(&item["implementation"]),
            recount(&env, &meeting, ASOF),
            "{id}"
        );
    }
    // A past period is counted as of its end: November saw MT-2 only,
    // its decision due 11-23 and not closed by 11-30.
    let november: serde_json::Value = serde_json::from_str(&env.run(&[
        "--today", ASOF, "summary", "--period", "2026-11", "-o", "json",
    ]))
    .unwrap();
    let items = november["meetings"]["items"].as_array().unwrap();
    let mt2 = env.yaml("meetings/2026/MT-2026-0002.yaml");
    assert_eq!(items.len(), 2, "MT-2 and MT-3 started in November");
    assert_eq!(
        pair(&items[0]["implementation"]),
        recount(&env, &mt2, "2026-11-30")
    );
    assert_eq!(
        pair(&items[1]["implementation"]),
        recount(&env, &mt3, "2026-11-30")
    );
}

#[test]
fn the_rate_reads_in_show_summary_and_the_brief() {
    let env = office();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("meeting_rate__show_{lang}"),
            &["--lang", lang, "--today", ASOF, "show", "MT-3"],
        );
        let summary = env.run(&[
            "--lang", lang, "--today", ASOF, "summary", "--period", "2026",
        ]);
        let heading = match lang {
            "en" => "Meetings held and their implementation",
            _ => "召开会议及议定事项落实情况",
        };
        let at = summary
            .rfind(heading)
            .unwrap_or_else(|| panic!("{summary}"));
        let section = &summary[at..];
        crate::snapshots::snap(&format!("meeting_rate__summary_{lang}"), section);
        let markdown = env.run(&[
            "--lang", lang, "--today", ASOF, "summary", "--period", "2026", "-o", "markdown",
        ]);
        let row = match lang {
            "en" => {
                "| MT-2026-0003 | 2026年第12次局长办公会议 | 2026-11-26 | 5 | 9 present, 0 absent | 3/4 (75.0%) |"
            }
            _ => {
                "| MT-2026-0003 | 2026年第12次局长办公会议 | 2026-11-26 | 5 | 出席9人，缺席0人 | 3/4（75.0%） |"
            }
        };
        assert!(markdown.contains(row), "{markdown}");
        let brief = env.run(&[
            "--lang", lang, "--today", ASOF, "export", "html", "--period", "2026",
        ]);
        for cell in [
            match lang {
                "en" => "Meetings held and their implementation",
                _ => "召开会议及议定事项落实情况",
            },
            match lang {
                "en" => "3/4 (75.0%)",
                _ => "3/4（75.0%）",
            },
        ] {
            assert!(brief.contains(cell), "{cell}");
        }
    }
}
