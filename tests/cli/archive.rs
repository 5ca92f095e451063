//! Archiving (docs/archiving.md): 档号 numbering across groups and
//! years, the year-end batch and its dry run, every refusal, frozen
//! records, `archive undo` (its number never reused), the catalogue in
//! every format and both languages, `archive due`, and what `check`
//! finds.

use crate::env::{Env, text};
use crate::snapshots::whole;

/// The numbers the 2025 batch gives, in date order within each group.
const DECISION_IN: &str = "Z109-WS·2025-Y-BGS-0001"; // IN-2, 2025-11-20
const FINANCE: &str = "Z109-WS·2025-D10-CWK-0001"; // IN-3, 2025-12-01
const BRIEFING: &str = "Z109-WS·2025-D10-0001"; // IN-4, no unit
const NOTICE: &str = "Z109-WS·2025-D10-BGS-0001"; // IN-1, 2025-12-05
const SECRET: &str = "Z109-WS·2025-D10-BGS-0002"; // IN-5, 2025-12-10
const DECISION_OUT: &str = "Z109-WS·2025-Y-BGS-0002"; // OUT-1, 2025-12-15

/// A register with a fonds and papers of 2025 and 2026:
///
/// IN-1 notice to 办公室 (done, 6 pages), IN-2 decision to 办公室 (done),
/// IN-3 notice to 财务科 (done), IN-4 briefing for information (read),
/// IN-5 secret notice to 办公室 (done), IN-6 paper still being handled,
/// OUT-1 decision drafted by 办公室 (issued), IN-7 a 2026 notice (done).
fn office() -> Env {
    let env = Env::new();
    env.configure(
        "format_version = 1\n",
        "format_version = 1\nfonds = \"Z109\"\n",
    );
    let paper = |title: &str, received: &str, extra: &[&str]| {
        let mut args = vec![
            "log",
            "in",
            "--title",
            title,
            "--from",
            "省交通运输厅",
            "--received",
            received,
        ];
        args.extend_from_slice(extra);
        env.run(&args);
    };
    paper(
        "关于做好年终工作的通知",
        "2025-12-05",
        &[
            "--lead",
            "BGS",
            "--type",
            "通知",
            "--pages",
            "6",
            "--ref",
            "省交发〔2025〕9号",
        ],
    );
    paper(
        "关于调整议事机构的决定",
        "2025-11-20",
        &["--lead", "BGS", "--type", "决定"],
    );
    paper(
        "关于开展财务检查的通知",
        "2025-12-01",
        &["--lead", "CWK", "--type", "notice"],
    );
    paper("工作简报", "2025-12-02", &["--handling", "info"]);
    paper(
        "关于专项检查的秘密通知",
        "2025-12-10",
        &[
            "--lead",
            "BGS",
            "--type",
            "通知",
            "--secrecy",
            "秘密",
            "--secrecy-term",
            "10y",
        ],
    );
    paper(
        "尚在办理的来文",
        "2025-12-20",
        &["--lead", "BGS", "--type", "函"],
    );
    env.run(&[
        "log",
        "out",
        "--title",
        "关于表彰先进集体的决定",
        "--to",
        "局属各单位",
        "--type",
        "决定",
        "--drafting-unit",
        "BGS",
        "--signed",
        "2025-12-15",
    ]);
    env.run(&["doc", "issue", "OUT-1"]);
    paper(
        "关于春季安全检查的通知",
        "2026-03-02",
        &["--lead", "BGS", "--type", "通知"],
    );
    for id in ["IN-1", "IN-2", "IN-3", "IN-5", "IN-7"] {
        env.run(&["doc", "done", id]);
    }
    env.run(&["doc", "route", "IN-4", "--to", "张局长"]);
    env.run(&["doc", "back", "IN-4", "--from", "张局长"]);
    env
}

/// The archive number a record's file holds.
fn number_of(env: &Env, file: &str) -> String {
    let record = env.yaml(file);
    record
        .get("archive")
        .map(|a| text(a, "number"))
        .unwrap_or_default()
}

fn doc(id: &str) -> String {
    format!("documents/2026/{id}.yaml")
}

#[test]
fn the_year_end_batch_numbers_each_group_in_date_order() {
    let env = office();
    let commits = env.commits();
    env.run(&["archive", "year", "2025"]);
    assert_eq!(env.commits(), commits + 1, "one commit for the batch");
    for (id, want) in [
        ("IN-2026-0001", NOTICE),
        ("IN-2026-0002", DECISION_IN),
        ("IN-2026-0003", FINANCE),
        ("IN-2026-0004", BRIEFING),
        ("IN-2026-0005", SECRET),
        ("OUT-2026-0001", DECISION_OUT),
    ] {
        assert_eq!(number_of(&env, &doc(id)), want, "{id}");
        assert_eq!(text(&env.yaml(&doc(id)), "status"), "archived", "{id}");
    }
    // Still being handled, and of another year: left alone.
    assert_eq!(text(&env.yaml(&doc("IN-2026-0006")), "status"), "assigned");
    assert_eq!(number_of(&env, &doc("IN-2026-0007")), "");
    let record = env.yaml(&doc("IN-2026-0001"));
    let block = record.get("archive").unwrap();
    assert_eq!(text(block, "retention"), "10y");
    assert_eq!(text(block, "org"), "BGS");
    assert_eq!(block.get("item").and_then(|v| v.as_u64()), Some(1));
    assert_eq!(block.get("pages").and_then(|v| v.as_u64()), Some(6));
    assert_eq!(text(block, "archived"), "2026-11-23");
    // A date under `archived` is written bare, as every other date.
    assert!(
        env.read(&doc("IN-2026-0001"))
            .contains("  archived: 2026-11-23\n")
    );
    let history = record.get("history").unwrap().as_sequence().unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (text(last, "action"), text(last, "note")),
        ("archive".into(), NOTICE.into())
    );
    // Items restart in another year.
    env.run(&["archive", "year", "2026"]);
    assert_eq!(
        number_of(&env, &doc("IN-2026-0007")),
        "Z109-WS·2026-D10-BGS-0001"
    );
    // Nothing left to file: the batch says so and commits nothing.
    let commits = env.commits();
    env.run(&["archive", "year", "2025"]);
    assert_eq!(env.commits(), commits);
    env.run(&["check"]);
}

#[test]
fn the_year_end_batch_in_both_languages() {
    let env = office();
    env.pin_clock("2026-11-23T09:30:00+08:00");
    whole(
        &env,
        "archive_year_dry_run@en",
        &["--lang", "en", "archive", "year", "2025", "--dry-run"],
    );
    whole(
        &env,
        "archive_year_dry_run@zh",
        &["--lang", "zh", "archive", "year", "2025", "--dry-run"],
    );
    whole(
        &env,
        "archive_year_dry_run_json",
        &["archive", "year", "2025", "--dry-run", "-o", "json"],
    );
    whole(
        &env,
        "archive_year@zh",
        &["--lang", "zh", "archive", "year", "2025"],
    );
}

/// The bundled example files its 2025 papers: its catalogue, as the
/// README shows it.
#[test]
fn the_example_registers_catalogue() {
    crate::snapshots::snap_reads(&[
        (
            "archive_catalogue_example",
            &["archive", "catalogue", "--year", "2025"],
        ),
        ("archive_due_example", &["archive", "due", "--year", "2035"]),
    ]);
}

#[test]
fn a_dry_run_writes_nothing() {
    let env = office();
    let before = env.state();
    let out = env.run(&["archive", "year", "2025", "--dry-run"]);
    assert!(out.contains(NOTICE) && out.contains(DECISION_OUT), "{out}");
    assert!(
        out.contains("IN-2026-0006"),
        "the paper in hand is listed: {out}"
    );
    assert_eq!(before, env.state());
}

#[test]
fn rules_of_the_settings_decide_the_retention() {
    let env = office();
    let settings = env.read("taizhang.toml");
    env.write(
        "taizhang.toml",
        &format!("{settings}\n[archive]\nby_org = false\n\n[archive.retention]\n\"通知\" = \"30年\"\n\"决定\" = \"永久\"\n"),
    );
    env.git(&["commit", "-qam", "rules"]);
    let out = env.run(&["--lang", "en", "archive", "year", "2025"]);
    assert_eq!(
        number_of(&env, &doc("IN-2026-0003")),
        "Z109-WS·2025-D30-0001"
    );
    assert_eq!(
        number_of(&env, &doc("IN-2026-0001")),
        "Z109-WS·2025-D30-0002"
    );
    assert_eq!(number_of(&env, &doc("IN-2026-0002")), "Z109-WS·2025-Y-0001");
    // No rule for a paper without a type, and no default: listed, not filed.
    assert_eq!(number_of(&env, &doc("IN-2026-0004")), "");
    assert!(
        out.contains("IN-2026-0004") && out.contains("no default"),
        "{out}"
    );
    // A rule that cannot be read stops the batch before anything is written.
    env.configure("\"决定\" = \"永久\"", "\"决定\" = \"forever\"");
    let stderr = env.fail(&["--lang", "en", "archive", "year", "2026"]);
    assert!(stderr.contains("[archive.retention]"), "{stderr}");
}

#[test]
fn one_document_is_filed_under_the_group_asked_for() {
    let env = office();
    let out = env.run(&[
        "archive",
        "IN-2",
        "--retention",
        "永久",
        "--org",
        "fgk",
        "--pages",
        "3",
        "--note",
        "原件",
    ]);
    assert_eq!(out, "Z109-WS·2025-Y-FGK-0001\n");
    let out = env.run(&[
        "archive",
        "IN-1",
        "--retention",
        "permanent",
        "--org",
        "FGK",
    ]);
    assert_eq!(out, "Z109-WS·2025-Y-FGK-0002\n");
    let out = env.run(&["archive", "IN-3", "--retention", "10y"]);
    assert_eq!(out, "Z109-WS·2025-D10-0001\n");
    let block = env.yaml(&doc("IN-2026-0002"));
    let block = block.get("archive").unwrap();
    assert_eq!(block.get("pages").and_then(|v| v.as_u64()), Some(3));
    assert_eq!(text(block, "note"), "原件");
    // The ledger of numbers given out is committed with the record.
    assert_eq!(
        env.last_commit_files(),
        ["archive-numbers.toml", "documents/2026/IN-2026-0003.yaml"]
    );
}

#[test]
fn refusals_name_what_is_wrong_and_write_nothing() {
    let env = office();
    env.assign("督办事项");
    env.run(&["archive", "IN-1", "--retention", "10y"]);
    whole(
        &env,
        "archive_refused_archived@en",
        &["--lang", "en", "archive", "IN-1", "--retention", "10y"],
    );
    whole(
        &env,
        "archive_refused_archived@zh",
        &["--lang", "zh", "archive", "IN-1", "--retention", "10y"],
    );
    whole(
        &env,
        "archive_refused_in_hand@en",
        &["--lang", "en", "archive", "IN-6", "--retention", "10y"],
    );
    whole(
        &env,
        "archive_refused_in_hand@zh",
        &["--lang", "zh", "archive", "IN-6", "--retention", "10y"],
    );
    whole(
        &env,
        "archive_refused_org@en",
        &[
            "--lang",
            "en",
            "archive",
            "IN-2",
            "--retention",
            "10y",
            "--org",
            "XCK",
        ],
    );
    whole(
        &env,
        "archive_refused_org@zh",
        &[
            "--lang",
            "zh",
            "archive",
            "IN-2",
            "--retention",
            "10y",
            "--org",
            "XCK",
        ],
    );
    for args in [
        &["archive", "IN-2", "--retention", "forever"][..],
        &["archive", "FU-1", "--retention", "10y"],
        &["archive", "IN-99", "--retention", "10y"],
        &["archive", "undo", "IN-2", "--reason", "错"],
        &["archive", "undo", "IN-1", "--reason", " "],
        &["archive", "catalogue", "--year", "2025", "--org", "XCK"],
        &[
            "archive",
            "catalogue",
            "--year",
            "2025",
            "--retention",
            "5y",
        ],
    ] {
        env.fail(args);
    }
    // A register without a fonds: the message says how to set one.
    env.configure("fonds = \"Z109\"\n", "");
    whole(
        &env,
        "archive_refused_fonds@en",
        &["--lang", "en", "archive", "IN-2", "--retention", "10y"],
    );
    whole(
        &env,
        "archive_refused_fonds@zh",
        &["--lang", "zh", "archive", "IN-2", "--retention", "10y"],
    );
    env.fail(&["archive", "year", "2025", "--dry-run"]);
}

#[test]
fn every_changing_command_is_refused_on_an_archived_record() {
    let env = office();
    env.run(&["archive", "IN-1", "--retention", "10y", "--org", "BGS"]);
    env.run(&["archive", "IN-4", "--retention", "10y"]);
    env.run(&[
        "archive",
        "OUT-1",
        "--retention",
        "permanent",
        "--org",
        "BGS",
    ]);
    let cases: &[&[&str]] = &[
        &["doc", "propose", "IN-1", "请阅"],
        &["doc", "instruct", "IN-1", "阅", "--leader", "张局长"],
        &["doc", "route", "IN-1", "--to", "张局长"],
        &["doc", "route", "IN-4", "--to", "张局长"],
        &["doc", "back", "IN-1", "--from", "张局长"],
        &["doc", "assign", "IN-1", "--lead", "BGS"],
        &["doc", "done", "IN-1"],
        &["doc", "reply", "IN-1", "--via", "电话"],
        &["doc", "return", "IN-1", "--reason", "错送"],
        &["doc", "issue", "OUT-1"],
        &["doc", "revoke", "OUT-1", "--reason", "作废"],
        &["progress", "IN-1", "进展"],
        &["done", "IN-1"],
        &["verify", "IN-1"],
        &["extend", "IN-1", "--to", "2026-12-30", "--reason", "再等等"],
        &["chase", "IN-1"],
        &["cancel", "IN-1", "--reason", "重复"],
        &["reopen", "IN-1", "--reason", "重办"],
        // Changes that reach an archived record through a link.
        &[
            "assign",
            "落实",
            "--lead",
            "BGS",
            "--due",
            "2026-12-30",
            "--from",
            "IN-1",
        ],
        &[
            "log",
            "out",
            "--title",
            "复函",
            "--to",
            "省厅",
            "--reply-to",
            "IN-1",
        ],
        &["doc", "reply", "IN-2", "--via", "发文", "--ref", "OUT-1"],
    ];
    for args in cases {
        let stderr = env.fail(&[&["--lang", "en"][..], args].concat());
        let number = if args.contains(&"OUT-1") {
            "Z109-WS·2025-Y-BGS-0001"
        } else if args.contains(&"IN-4") {
            BRIEFING
        } else {
            NOTICE
        };
        assert!(
            stderr.contains(&format!("is archived as `{number}`")),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("archive undo"), "{args:?}: {stderr}");
    }
    whole(
        &env,
        "archive_frozen@en",
        &["--lang", "en", "progress", "IN-1", "进展"],
    );
    whole(
        &env,
        "archive_frozen@zh",
        &["--lang", "zh", "doc", "route", "IN-1", "--to", "张局长"],
    );
}

#[test]
fn undo_thaws_the_record_and_its_number_is_never_reused() {
    let env = office();
    env.run(&["archive", "IN-1", "--retention", "10y", "--org", "BGS"]);
    env.run(&["archive", "IN-5", "--retention", "10y", "--org", "BGS"]);
    assert_eq!(number_of(&env, &doc("IN-2026-0005")), SECRET);
    env.run(&["archive", "undo", "IN-5", "--reason", "著录有误"]);
    let record = env.yaml(&doc("IN-2026-0005"));
    assert_eq!(text(&record, "status"), "done");
    assert!(record.get("archive").is_none());
    let history = record.get("history").unwrap().as_sequence().unwrap();
    let last = history.last().unwrap();
    assert_eq!(text(last, "action"), "archive-undo");
    assert_eq!(text(last, "note"), format!("{SECRET}: 著录有误"));
    // Changeable again.
    env.run(&["doc", "reply", "IN-5", "--via", "电话"]);
    // Filed again: a new number, not the one given up.
    env.run(&["archive", "IN-5", "--retention", "10y", "--org", "BGS"]);
    assert_eq!(
        number_of(&env, &doc("IN-2026-0005")),
        "Z109-WS·2025-D10-BGS-0003"
    );
    // Given up by the last item, still skipped by the batch.
    env.run(&["archive", "undo", "IN-5", "--reason", "再次著录"]);
    // A replied paper is replied again once out of the archive.
    assert_eq!(text(&env.yaml(&doc("IN-2026-0005")), "status"), "replied");
    env.run(&["archive", "year", "2025"]);
    assert_eq!(
        number_of(&env, &doc("IN-2026-0005")),
        "Z109-WS·2025-D10-BGS-0004"
    );
    env.run(&["check"]);
}

#[test]
fn the_catalogue_in_every_format_and_both_languages() {
    let env = office();
    env.run(&["archive", "year", "2025"]);
    for lang in ["en", "zh"] {
        for (name, format) in [
            ("table", "table"),
            ("markdown", "markdown"),
            ("csv", "csv"),
            ("json", "json"),
        ] {
            whole(
                &env,
                &format!("archive_catalogue_{name}@{lang}"),
                &[
                    "--lang",
                    lang,
                    "archive",
                    "catalogue",
                    "--year",
                    "2025",
                    "-o",
                    format,
                ],
            );
        }
    }
    whole(
        &env,
        "archive_catalogue_filtered",
        &[
            "--lang",
            "zh",
            "archive",
            "catalogue",
            "--year",
            "2025",
            "--retention",
            "10年",
            "--org",
            "bgs",
            "--show-classified",
        ],
    );
    let csv = env.run(&[
        "archive",
        "catalogue",
        "--year",
        "2025",
        "-o",
        "csv",
        "--bom",
    ]);
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    let plain = env.run(&["archive", "catalogue", "--year", "2025", "-o", "csv"]);
    assert!(!plain.starts_with('\u{feff}'));
    // The secret title stays in unless asked for.
    assert!(!plain.contains("关于专项检查的秘密通知"), "{plain}");
    let shown = env.run(&[
        "archive",
        "catalogue",
        "--year",
        "2025",
        "-o",
        "csv",
        "--show-classified",
    ]);
    assert!(shown.contains("关于专项检查的秘密通知"), "{shown}");
    let none = env.output(&["archive", "catalogue", "--year", "2024"]);
    assert!(none.status.success() && none.stdout.is_empty());
}

#[test]
fn due_lists_what_the_retention_ends_by_a_year() {
    let env = office();
    env.run(&["archive", "year", "2025"]);
    env.run(&["archive", "IN-7", "--retention", "30y"]);
    let json = |year: &str| -> Vec<String> {
        let out = env.run(&["archive", "due", "--year", year, "-o", "json"]);
        let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["number"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(json("2034").is_empty());
    assert_eq!(json("2035"), [BRIEFING, NOTICE, SECRET, FINANCE]);
    // 30 years from 2026; permanent ones never.
    assert_eq!(json("2056").len(), 5);
    assert_eq!(json("3000").len(), 5);
    whole(
        &env,
        "archive_due@zh",
        &["--lang", "zh", "archive", "due", "--year", "2035"],
    );
    whole(
        &env,
        "archive_due@en",
        &["--lang", "en", "archive", "due", "--year", "2056"],
    );
}

#[test]
fn check_finds_what_was_done_to_archived_records_by_hand() {
    let env = office();
    env.run(&["archive", "year", "2025"]);
    env.log_in("尚未归档的来文");
    env.run(&["check"]);
    // Changed after it was filed (a hand edit adding history).
    let path = doc("IN-2026-0001");
    let text_of = env.read(&path);
    env.write(
        &path,
        &format!("{text_of}- at: 2026-11-24T09:00:00+08:00\n  by: 王芳\n  action: route\n  note: 张局长\n"),
    );
    // The same number twice, and one that does not match its record.
    let second = doc("IN-2026-0003");
    let finance = env.read(&second);
    env.write(&second, &finance.replace(FINANCE, NOTICE));
    let third = doc("IN-2026-0004");
    let briefing = env.read(&third);
    env.write(&third, &briefing.replace(BRIEFING, "Z109-WS·2024-D10-0001"));
    // Archived without a number; a number on a record not archived.
    let in_hand = doc("IN-2026-0006");
    let text_6 = env.read(&in_hand);
    env.write(
        &in_hand,
        &text_6.replace("status: assigned", "status: archived"),
    );
    let spring = doc("IN-2026-0007");
    let text_7 = env.read(&spring);
    env.write(
        &spring,
        &format!("{text_7}archive:\n  number: Z109-WS·2026-D10-BGS-0001\n"),
    );
    // A loan of a record that is not archived.
    env.write(
        "logbooks/loan/2026/LOAN-2026-0001.yaml",
        "id: LOAN-2026-0001\ncreated: 2026-11-23T09:00:00+08:00\nborrower: 李明\n\
         archive_ref: IN-2026-0008\npurpose: 查阅\nlent: 2026-11-23T09:00:00+08:00\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "hand edits"]);
    whole(&env, "archive_check@en", &["--lang", "en", "check"]);
    whole(&env, "archive_check@zh", &["--lang", "zh", "check"]);
}
