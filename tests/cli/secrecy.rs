//! Classified records as every reading command shows them: withheld alike
//! (`[秘密] ID`, no free text) in every format and language unless
//! `--show-classified`; their effective level in commit messages; a level
//! lowered only by `doc declassify`; the declassification review; the
//! 涉密载体 register (docs/documents.md, "Classified documents").

use calamine::{Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::env::Env;
use crate::git::subjects;
use crate::snapshots::NOW;

/// What the example's 秘密 paper IN-2026-0006 and its follow-up
/// FU-2026-0012 say (title, notes, instructions, progress notes), and the
/// purpose of a loan of that paper: text none may print unless shown.
const MATTER: &[&str] = &[
    "关于做好重大活动期间道路运输安全保障工作的通知",
    "原件存机要室",
    "严格控制知悉范围",
    "制定重大活动期间道路运输安全保障工作方案",
    "保障方案初稿已完成",
    "借阅ZZLOAN9",
];

/// The example register with an archive loan (LOAN-2026-0001) of the
/// secret paper, due back tomorrow.
fn example_with_loan() -> Env {
    let env = Env::example();
    env.pin_clock(NOW);
    env.run(&["book", "declare", "loan"]);
    // A loan lends only what the archive holds.
    env.file_by_hand(
        "documents/2026/IN-2026-0006.yaml",
        "Z109-WS·2026-D10-AQJDK-0001",
    );
    env.run(&[
        "book",
        "add",
        "loan",
        "-s",
        "borrower=王五",
        "-s",
        "archive_ref=IN-2026-0006",
        "-s",
        "purpose=借阅ZZLOAN9",
        "-s",
        "lent=2026-11-20 10:00",
        "-s",
        "return_due=2026-11-24",
    ]);
    env
}

/// Every reading command, on what names the secret records.
const READS: &[&[&str]] = &[
    &["list"],
    &["list", "fu"],
    &["list", "in", "--year", "2026"],
    &["list", "loan"],
    &["show", "IN-2026-0006"],
    &["show", "FU-2026-0012"],
    &["show", "LOAN-2026-0001"],
    &["book", "list", "loan"],
    &["book", "show", "LOAN-2026-0001"],
    &["desk"],
    &["remind", "--within", "30d"],
    &["summary", "--period", "2026"],
    &["archive", "catalogue", "--year", "2025"],
];

const FORMATS: &[&str] = &["table", "markdown", "csv", "json"];

/// The output of `args`, or `None` when the command does not print that
/// format (exit 2, naming the formats it has).
fn read(env: &Env, args: &[&str]) -> Option<String> {
    let out = env.output(args);
    if out.status.code() == Some(2) {
        return None;
    }
    assert!(out.status.success(), "{args:?}: {out:?}");
    Some(String::from_utf8(out.stdout).unwrap())
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn leaks(text: &str) -> Vec<&'static str> {
    MATTER
        .iter()
        .copied()
        .filter(|m| text.contains(m))
        .collect()
}

#[test]
fn every_reading_command_withholds_classified_text_alike_unless_shown() {
    let env = example_with_loan();
    let mut wrong = Vec::new();
    let mut shown_somewhere = String::new();
    for lang in ["en", "zh"] {
        for read_args in READS {
            for format in FORMATS {
                let args = [&["--lang", lang][..], read_args, &["-o", format]].concat();
                let Some(text) = read(&env, &args) else {
                    continue;
                };
                if !leaks(&text).is_empty() {
                    wrong.push(format!("{args:?} leaks {:?}", leaks(&text)));
                }
                let shown = [&args[..], &["--show-classified"]].concat();
                shown_somewhere.push_str(&read(&env, &shown).unwrap());
            }
        }
        for format in ["csv", "json", "ics", "html"] {
            let args = ["--lang", lang, "export", format];
            let text = env.run(&args);
            if !leaks(&text).is_empty() {
                wrong.push(format!("{args:?} leaks {:?}", leaks(&text)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for matter in MATTER {
        assert!(
            shown_somewhere.contains(matter),
            "--show-classified shows {matter}"
        );
    }
}

#[test]
fn the_withheld_form_is_the_level_and_the_id_in_every_format() {
    let env = example_with_loan();
    let zh = env.run(&["--lang", "zh", "list", "fu"]);
    assert!(zh.contains("[秘密] FU-2026-0012"), "{zh}");
    let en = env.run(&["--lang", "en", "list", "fu", "-o", "markdown"]);
    assert!(en.contains("[secret] FU-2026-0012"), "{en}");
    // Scripts read the stored keyword whatever the language.
    for args in [
        &["--lang", "zh", "list", "loan", "-o", "json"][..],
        &["--lang", "zh", "show", "LOAN-2026-0001", "-o", "json"][..],
        &["--lang", "zh", "export", "json", "loan"][..],
    ] {
        let json: Value = serde_json::from_str(&env.run(args)).unwrap();
        let item = if json.is_array() { &json[0] } else { &json };
        assert_eq!(item["title"], "[secret] LOAN-2026-0001", "{args:?}");
        // The loan's particulars stay: what, when, until when.
        assert_eq!(item["archive_ref"], "IN-2026-0006", "{args:?}");
        assert_eq!(item["return_due"], "2026-11-24", "{args:?}");
        assert!(item.get("purpose").is_none(), "{args:?}");
    }
    // A search cannot tell what a withheld record says.
    let found = env.run(&["list", "--search", "ZZLOAN9"]);
    assert!(!found.contains("LOAN-2026-0001"), "{found}");
    let shown = env.run(&["list", "--search", "ZZLOAN9", "--show-classified"]);
    assert!(shown.contains("LOAN-2026-0001"), "{shown}");
}

#[test]
fn xlsx_withholds_classified_text_unless_shown() {
    let env = example_with_loan();
    let cells = |extra: &[&str]| {
        let out = env.tmp.path().join(format!("register{}.xlsx", extra.len()));
        let path = out.to_str().unwrap();
        env.run(&[&["export", "xlsx", "--out", path][..], extra].concat());
        let mut book: Xlsx<_> = open_workbook(&out).unwrap();
        let mut text = String::new();
        for name in book.sheet_names() {
            for cell in book.worksheet_range(&name).unwrap().cells() {
                text.push_str(&cell.2.to_string());
                text.push('\n');
            }
        }
        text
    };
    let withheld = cells(&[]);
    assert!(leaks(&withheld).is_empty(), "{:?}", leaks(&withheld));
    assert!(withheld.contains("[秘密] FU-2026-0012"));
    let shown = cells(&["--show-classified"]);
    assert!(shown.contains("借阅ZZLOAN9") && shown.contains("保障方案初稿已完成"));
}

#[test]
fn commit_messages_carry_the_effective_level_of_what_a_record_names() {
    let env = Env::new();
    env.pin_clock(NOW);
    let paper = env.log_in("关于普通事项的通知");
    env.run(&[
        "assign",
        "落实普通事项",
        "--lead",
        "BGS",
        "--due",
        "+2w",
        "--from",
        &paper,
    ]);
    env.run(&[
        "edit",
        &paper,
        "--set",
        "secrecy=机密",
        "--set",
        "secrecy_term=10y",
    ]);
    env.run(&["progress", "FU-2026-0001", "已部署"]);
    assert_eq!(
        subjects(&env)[0],
        "taizhang: progress FU-2026-0001 [机密]",
        "the follow-up takes on its paper's level"
    );
    // A loan lends only what the archive holds.
    env.file_by_hand(
        &format!("documents/2026/{paper}.yaml"),
        "Z109-WS·2026-D10-BGS-0001",
    );
    env.run(&[
        "book",
        "add",
        "loan",
        "-s",
        "borrower=王五",
        "-s",
        &format!("archive_ref={paper}"),
        "-s",
        "purpose=借阅ZZLOAN9",
        "-s",
        "lent=2026-11-20 10:00",
    ]);
    assert_eq!(subjects(&env)[0], "taizhang: add LOAN-2026-0001 [机密]");
    let undone = env.run(&["--lang", "en", "undo"]);
    assert!(undone.contains("add LOAN-2026-0001 [机密]"), "{undone}");
    let log = env.git(&["log", "--format=%B"]);
    assert!(!log.contains("ZZLOAN9"), "{log}");
    let report = env.run(&["list", "fu"]);
    assert!(
        report.contains("[highly-secret] FU-2026-0001") || report.contains("[机密] FU-2026-0001"),
        "{report}"
    );
}

#[test]
fn edit_refuses_to_lower_a_level_and_names_declassify_in_both_languages() {
    let env = Env::new();
    env.pin_clock(NOW);
    env.secret_paper_and_follow_up();
    for (lang, says) in [
        ("en", "edit does not lower a level"),
        ("zh", "更正不能降低密级"),
    ] {
        let err = env.fail(&["--lang", lang, "edit", "IN-1", "--set", "secrecy=none"]);
        assert!(err.contains(says), "{err}");
        assert!(
            err.contains("taizhang doc declassify IN-2026-0001 --reason"),
            "{err}"
        );
    }
    // Raising stays a correction.
    env.run(&["edit", "IN-1", "--set", "secrecy=机密"]);
}

#[test]
fn declassify_lowers_a_level_with_its_approver_and_reason_on_record() {
    let env = Env::new();
    env.pin_clock(NOW);
    env.secret_paper_and_follow_up();
    // Both are required: clap refuses without them (exit 2), nothing written.
    for missing in [
        &["doc", "declassify", "IN-1", "--reason", "期限届满"][..],
        &["doc", "declassify", "IN-1", "--approved-by", "张局长"][..],
    ] {
        let before = env.state();
        assert_eq!(env.output(missing).status.code(), Some(2), "{missing:?}");
        assert_eq!(before, env.state());
    }
    let err = env.fail(&[
        "--lang",
        "zh",
        "doc",
        "declassify",
        "IN-1",
        "--to",
        "机密",
        "--reason",
        "x",
        "--approved-by",
        "张局长",
    ]);
    assert!(
        err.contains("不低于 IN-2026-0001 现有密级（秘密）"),
        "{err}"
    );
    let plain = env.assign("普通事项");
    let err = env.fail(&[
        "--lang",
        "en",
        "doc",
        "declassify",
        &plain,
        "--reason",
        "x",
        "--approved-by",
        "张局长",
    ]);
    assert!(
        err.contains("FU-2026-0002 has no secrecy level of its own"),
        "{err}"
    );

    let out = env.output(&[
        "--lang",
        "zh",
        "doc",
        "declassify",
        "IN-1",
        "--reason",
        "事项已公开",
        "--approved-by",
        "张局长",
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("IN-2026-0001 已解密（原密级：秘密）"));
    assert_eq!(
        subjects(&env)[0],
        "taizhang: declassify IN-2026-0001 关于专项行动的秘密通知"
    );
    let paper = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(paper["secrecy"], "none");
    assert!(
        paper.get("secrecy_term").is_none(),
        "no term without a level"
    );
    let page = env.run(&["--lang", "zh", "show", "IN-1"]);
    assert!(
        page.contains("解密 秘密 → 非密，张局长 批准：事项已公开"),
        "{page}"
    );
    let page = env.run(&["--lang", "en", "show", "IN-1"]);
    assert!(
        page.contains("declassified secret → none, approved by 张局长: 事项已公开"),
        "{page}"
    );
    // The follow-up took the paper's level when it was made: it keeps
    // it until it is declassified on its own.
    let followups = env.run(&["--lang", "zh", "list", "fu"]);
    assert!(followups.contains("[秘密] FU-2026-0001"), "{followups}");
    env.run(&["check"]);
}

#[test]
fn remind_lists_papers_whose_secrecy_term_ends_under_a_heading_of_their_own() {
    let env = Env::new();
    env.pin_clock(NOW);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于旧事项的秘密通知",
        "--from",
        "省厅",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "1y",
        "--received",
        "2025-11-30",
        "--handling",
        "info",
    ]);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于远期事项的秘密通知",
        "--from",
        "省厅",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "10y",
        "--handling",
        "info",
    ]);
    let zh = env.run(&["--lang", "zh", "remind", "--within", "2w"]);
    assert!(zh.contains("解密审查（保密期限届满）"), "{zh}");
    assert!(
        zh.contains("保密期限7天后届满  [秘密] IN-2026-0001"),
        "{zh}"
    );
    assert!(zh.contains("涉密文件待解密审查1件"), "{zh}");
    assert!(!zh.contains("IN-2026-0002"), "{zh}");
    let en = env.run(&["--lang", "en", "remind", "--within", "2w", "-o", "markdown"]);
    assert!(
        en.contains("### Declassification review (secrecy term ends)"),
        "{en}"
    );
    assert!(en.contains("term ends in 7 days"), "{en}");
    let json: Value =
        serde_json::from_str(&env.run(&["remind", "--within", "2w", "-o", "json"])).unwrap();
    assert_eq!(json[0]["level"], "declassify-review");
    assert_eq!(json[0]["due"], "2026-11-30");
    // Out of the window: nothing to say, not even a headline.
    assert_eq!(env.run(&["remind", "--within", "3d"]), "");
    // Reviewed and declassified, it is no longer reminded.
    env.run(&[
        "doc",
        "declassify",
        "IN-1",
        "--reason",
        "期限届满",
        "--approved-by",
        "张局长",
    ]);
    assert_eq!(env.run(&["remind", "--within", "2w"]), "");
}

#[test]
fn a_classified_copy_is_out_until_returned_or_destroyed_before_two_witnesses() {
    let env = Env::new();
    env.pin_clock(NOW);
    env.secret_paper_and_follow_up();
    let copy = |no: &str| {
        env.run(&[
            "book",
            "add",
            "carrier",
            "-s",
            &format!("份号={no}"),
            "-s",
            "密级=秘密",
            "-s",
            "文件=IN-1",
            "-s",
            "持有人=王芳",
            "-s",
            "领取时间=2026-11-20 10:00",
            "-s",
            "应清退日期=2026-11-22",
        ])
        .trim()
        .to_string()
    };
    assert_eq!(copy("000001"), "CARRIER-2026-0001");
    assert_eq!(copy("000002"), "CARRIER-2026-0002");
    let zh = env.run(&["--lang", "zh", "remind"]);
    assert!(zh.contains("逾期1天  [秘密] CARRIER-2026-0001"), "{zh}");
    let en = env.run(&["--lang", "en", "list", "carrier", "--open"]);
    assert!(en.contains("CARRIER-2026-0002"), "{en}");

    env.run(&[
        "book",
        "set",
        "CARRIER-1",
        "-s",
        "清退时间=2026-11-23 09:00",
    ]);
    // `book set CARRIER-2` destroying the copy before `witnesses`.
    let destroy = |lang: &str, witnesses: &[&str]| -> Vec<String> {
        let mut args = vec!["--lang", lang, "book", "set", "CARRIER-2"];
        args.extend(["-s", "销毁时间=2026-11-23 09:00", "-s", "销毁批准人=张局长"]);
        let mut args: Vec<String> = args.into_iter().map(str::to_string).collect();
        for (label, name) in ["监销人", "第二监销人"].iter().zip(witnesses) {
            args.extend(["-s".to_string(), format!("{label}={name}")]);
        }
        args
    };
    for (lang, says) in [
        (
            "en",
            "field `destroyed` is filled, so `witness2` must be too",
        ),
        ("zh", "已填写字段 `destroyed`，字段 `witness2` 也须填写"),
    ] {
        let err = env.fail(&strs(&destroy(lang, &["王芳"])));
        assert!(err.contains(says), "{err}");
    }
    let err = env.fail(&strs(&destroy("en", &["王芳", "王芳"])));
    assert!(
        err.contains("both name 王芳: they must be different people"),
        "{err}"
    );
    env.run(&strs(&destroy("en", &["王芳", "李明"])));
    assert_eq!(env.run(&["remind"]).matches("CARRIER").count(), 0);
    assert_eq!(env.run(&["list", "carrier", "--open"]), "");
    env.run(&["check"]);
}
