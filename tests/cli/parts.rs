//! A matter broken down into parts (任务分解): `assign --parent`, what a
//! part inherits, the refusals, `show`'s roll-up, `done` refused while a
//! part is open and `done --with-parts`, `list fu --tree`, `check` on a
//! part whose matter is missing, `summary` counting parts apart, and
//! export's columns; in both languages.

use crate::env::Env;
use crate::snapshots::whole;

/// The example register (today 2026-11-23) with two parts of
/// FU-2026-0001 (in progress, 分管领导 周敏, from a document): the
/// first one closed.
fn matter_with_parts() -> Env {
    let env = Env::example();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let first = env.run(&[
        "assign",
        "完成农村公路提档升级",
        "--lead",
        "综合规划科",
        "--due",
        "2026-12-10",
        "--parent",
        "FU-2026-0001",
    ]);
    assert_eq!(first, "FU-2026-0017\n");
    let second = env.run(&[
        "assign",
        "完成客运站改造",
        "--lead",
        "运输管理科",
        "--due",
        "2026-12-15",
        "--parent",
        "FU-1",
        "--supervisor",
        "刘志刚",
    ]);
    assert_eq!(second, "FU-2026-0018\n");
    // The example register verifies: done submits, verify closes.
    env.run(&["done", "FU-2026-0017"]);
    env.run(&["verify", "FU-2026-0017"]);
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "parts"]);
    env
}

#[test]
fn a_part_names_its_matter_and_inherits_what_is_not_given() {
    let env = matter_with_parts();
    let part = env.yaml("followups/2026/FU-2026-0017.yaml");
    assert_eq!(part["parent"].as_str(), Some("FU-2026-0001"));
    assert_eq!(part["supervisor"].as_str(), Some("周敏"));
    assert_eq!(part["source"].as_str(), Some("document"));
    // The matter's source paper does not list the part: only the matter
    // carries it out.
    assert!(part.get("source_ref").is_none(), "{part:?}");
    let given = env.yaml("followups/2026/FU-2026-0018.yaml");
    assert_eq!(given["supervisor"].as_str(), Some("刘志刚"));
    // The matter itself is not rewritten: the link is stored once.
    let matter = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(!matter.contains("FU-2026-0017"), "{matter}");
    env.run(&["check"]);
}

#[test]
fn a_part_of_a_classified_matter_is_as_secret() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let matter = env.run(&[
        "assign",
        "涉密事项",
        "--lead",
        "BGS",
        "--due",
        "+2w",
        "--secrecy",
        "秘密",
    ]);
    let part = env.run(&[
        "assign",
        "子项",
        "--lead",
        "CWK",
        "--due",
        "+1w",
        "--parent",
        matter.trim(),
    ]);
    let yaml = env.yaml(&format!("followups/2026/{}.yaml", part.trim()));
    assert_eq!(yaml["secrecy"].as_str(), Some("secret"));
}

#[test]
fn show_lists_the_parts_of_a_matter_with_their_roll_up() {
    let env = matter_with_parts();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__show_matter_{lang}"),
            &["--lang", lang, "show", "FU-2026-0001"],
        );
        whole(
            &env,
            &format!("parts__show_part_{lang}"),
            &["--lang", lang, "show", "FU-2026-0018"],
        );
    }
    let en = env.run(&["--lang", "en", "show", "FU-2026-0001"]);
    assert!(en.contains("Parts (1/2 done):"), "{en}");
    let zh = env.run(&["--lang", "zh", "show", "FU-2026-0001"]);
    assert!(zh.contains("分解子项（1/2 已办结）："), "{zh}");
}

#[test]
fn assign_refuses_a_matter_that_cannot_take_a_part() {
    let env = matter_with_parts();
    let cases: [(&str, &str); 4] = [
        ("closed", "FU-2026-0003"),
        ("part", "FU-2026-0018"),
        ("paper", "IN-2026-0001"),
        ("missing", "FU-2026-0099"),
    ];
    for (name, parent) in cases {
        for lang in ["en", "zh"] {
            let args = [
                "--lang",
                lang,
                "assign",
                "再分解",
                "--lead",
                "BGS",
                "--due",
                "+1w",
                "--parent",
                parent,
            ];
            whole(&env, &format!("parts__refused_{name}_{lang}"), &args);
            env.fail(&args);
        }
    }
    let en = env.fail(&[
        "--lang",
        "en",
        "assign",
        "x",
        "--lead",
        "BGS",
        "--due",
        "+1w",
        "--parent",
        "FU-2026-0018",
    ]);
    assert!(
        en.contains("FU-2026-0018 is itself a part of FU-2026-0001"),
        "{en}"
    );
}

#[test]
fn done_refuses_a_matter_with_open_parts_naming_them() {
    let env = matter_with_parts();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__done_refused_{lang}"),
            &["--lang", lang, "done", "FU-2026-0001"],
        );
    }
    let en = env.fail(&["--lang", "en", "done", "FU-2026-0001"]);
    assert!(
        en.contains("FU-2026-0001 has 1 open part(s): FU-2026-0018"),
        "{en}"
    );
    assert!(en.contains("--with-parts"), "{en}");
    let zh = env.fail(&["--lang", "zh", "done", "FU-2026-0001"]);
    assert!(zh.contains("尚有1个分解子项未办结：FU-2026-0018"), "{zh}");
}

#[test]
fn done_with_parts_closes_them_in_the_same_commit() {
    let env = matter_with_parts();
    // A register that commits, so that one commit can be counted.
    env.configure("autocommit = false", "autocommit = true");
    let before = env.commits();
    whole(
        &env,
        "parts__done_with_parts_en",
        &["--lang", "en", "done", "FU-2026-0001", "--with-parts"],
    );
    assert_eq!(env.commits(), before + 1);
    let mut files = env.last_commit_files();
    files.sort();
    assert_eq!(
        files,
        [
            "followups/2026/FU-2026-0001.yaml",
            "followups/2026/FU-2026-0018.yaml"
        ]
    );
    let part = env.yaml("followups/2026/FU-2026-0018.yaml");
    // Submitted with its matter, as this register verifies.
    assert_eq!(part["status"].as_str(), Some("submitted"));
    let history = part["history"].as_sequence().unwrap();
    let last = history.last().unwrap();
    assert_eq!(last["action"].as_str(), Some("done-with-matter"));
    assert_eq!(last["note"].as_str(), Some("FU-2026-0001"));
    let zh = env.run(&["--lang", "zh", "show", "FU-2026-0018"]);
    assert!(zh.contains("随所属事项 FU-2026-0001 一并办结"), "{zh}");
    // The part closed earlier keeps its own closing.
    let first = env.yaml("followups/2026/FU-2026-0017.yaml");
    let actions: Vec<&str> = (first["history"].as_sequence().unwrap().iter())
        .filter_map(|h| h["action"].as_str())
        .collect();
    assert_eq!(actions, ["assign", "done", "verify"]);
    env.run(&["check"]);
}

#[test]
fn list_tree_puts_parts_under_their_matter() {
    let env = matter_with_parts();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__list_tree_{lang}"),
            &[
                "--lang",
                lang,
                "list",
                "fu",
                "--tree",
                "--unit",
                "综合规划科",
            ],
        );
    }
    let json = env.run(&["list", "fu", "--tree", "-o", "json"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = (items.as_array().unwrap().iter())
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert_eq!(at("FU-2026-0017"), at("FU-2026-0001") + 1, "{ids:?}");
    assert_eq!(at("FU-2026-0018"), at("FU-2026-0001") + 2, "{ids:?}");
    // Without --tree, the plain order by ID.
    let plain = env.run(&["list", "fu"]);
    assert!(!plain.contains('└'), "{plain}");
}

#[test]
fn check_flags_a_part_whose_matter_is_missing() {
    let env = matter_with_parts();
    let path = "followups/2026/FU-2026-0018.yaml";
    let text = env
        .read(path)
        .replace("parent: FU-2026-0001", "parent: FU-2026-0099");
    env.write(path, &text);
    env.git(&["commit", "-qam", "hand edit"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__check_missing_{lang}"),
            &["--lang", lang, "check"],
        );
    }
    let en = env.output(&["--lang", "en", "check"]);
    assert_eq!(en.status.code(), Some(1));
    let found = String::from_utf8_lossy(&en.stdout);
    assert!(
        found.contains("FU-2026-0018.yaml:10: is a part of FU-2026-0099, which does not exist"),
        "{found}"
    );
}

#[test]
fn summary_counts_parts_apart_from_matters() {
    let env = matter_with_parts();
    let json = env.run(&["summary", "--period", "2026-11", "-o", "json"]);
    let figures: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(figures["followups"]["parts"], 2, "{json}");
    let zh = env.run(&["--lang", "zh", "summary", "--period", "2026-11"]);
    assert!(zh.contains("（另有分解子项2项）"), "{zh}");
    let en = env.run(&["--lang", "en", "summary", "--period", "2026-11"]);
    assert!(en.contains("(and 2 part(s))"), "{en}");
    // The matters' figure is what it was before the parts.
    let fresh = Env::example();
    let before: serde_json::Value =
        serde_json::from_str(&fresh.run(&["summary", "--period", "2026-11", "-o", "json"]))
            .unwrap();
    assert_eq!(
        figures["followups"]["assigned"],
        before["followups"]["assigned"]
    );
    assert_eq!(before["followups"]["parts"], 0);
}

#[test]
fn export_carries_the_matter_of_a_part() {
    let env = matter_with_parts();
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["export", "json", "fu"])).unwrap();
    let part = (json.as_array().unwrap().iter())
        .find(|r| r["id"] == "FU-2026-0018")
        .unwrap();
    assert_eq!(part["parent"], "FU-2026-0001");
    let csv = env.run(&["--lang", "zh", "export", "csv", "fu"]);
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",紧急程度,所属事项,节点,"), "{header}");
    let row = csv.lines().find(|l| l.starts_with("FU-2026-0018")).unwrap();
    assert!(row.contains(",FU-2026-0001,"), "{row}");
}

#[test]
fn check_warns_of_a_part_due_after_its_matter_and_one_open_under_a_closed_matter() {
    let env = matter_with_parts();
    // The matter is due 2026-12-18; its second part, by hand, later.
    let path = "followups/2026/FU-2026-0018.yaml";
    let text = env.read(path).replace("due: 2026-12-15", "due: 2026-12-20");
    env.write(path, &text);
    env.git(&["commit", "-qam", "hand edit"]);
    // The matter closed with its parts, then its first part reopened.
    env.run(&["done", "FU-2026-0001", "--with-parts"]);
    env.run(&["verify", "FU-2026-0018"]);
    env.run(&["verify", "FU-2026-0001"]);
    env.run(&["reopen", "FU-2026-0017", "--reason", "复核不合格"]);
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__check_against_matter_{lang}"),
            &["--lang", lang, "check"],
        );
    }
    let en = env.run(&["--lang", "en", "check"]);
    assert!(
        en.contains("is due 2026-12-20, after its matter FU-2026-0001 (2026-12-18)"),
        "{en}"
    );
    assert!(
        en.contains("while its matter FU-2026-0001 is closed"),
        "{en}"
    );
    let zh = env.run(&["--lang", "zh", "check"]);
    assert!(
        zh.contains("晚于所属事项 FU-2026-0001 的时限（2026-12-18）"),
        "{zh}"
    );
    assert!(zh.contains("所属事项 FU-2026-0001 已办结销号"), "{zh}");
}

#[test]
fn verify_refuses_a_matter_whose_parts_are_not_closed_naming_them() {
    let env = matter_with_parts();
    // Submitted with its part, which awaits verification too.
    env.run(&["done", "FU-2026-0001", "--with-parts"]);
    let before = env.state();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("parts__verify_refused_{lang}"),
            &["--lang", lang, "verify", "FU-2026-0001"],
        );
    }
    let en = env.fail(&["--lang", "en", "verify", "FU-2026-0001"]);
    assert!(
        en.contains(
            "FU-2026-0001 cannot be verified: 1 of its part(s) not yet closed: FU-2026-0018"
        ),
        "{en}"
    );
    let zh = env.fail(&["--lang", "zh", "verify", "FU-2026-0001"]);
    assert!(
        zh.contains("尚有1个分解子项未办结，不能审核销号：FU-2026-0018"),
        "{zh}"
    );
    assert_eq!(env.state(), before, "nothing written");
    // Once the part is verified, so is the matter.
    env.run(&["verify", "FU-2026-0018"]);
    env.run(&["verify", "FU-2026-0001"]);
    let matter = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(matter["status"].as_str(), Some("closed"));
}

#[test]
fn done_with_parts_closes_at_once_where_the_register_does_not_verify() {
    let env = Env::new();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    let matter = env.assign("整治行动");
    env.run(&[
        "assign",
        "子项一",
        "--lead",
        "CWK",
        "--due",
        "+1w",
        "--parent",
        &matter,
    ]);
    whole(
        &env,
        "parts__done_with_parts_zh",
        &["--lang", "zh", "done", &matter, "--with-parts"],
    );
    let part = env.yaml("followups/2026/FU-2026-0002.yaml");
    assert_eq!(part["status"].as_str(), Some("closed"));
    assert_eq!(part["result"]["closed"].as_str(), Some("2026-11-23"));
}
