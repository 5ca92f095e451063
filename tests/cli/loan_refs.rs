//! 档案借阅: a loan names an archived record (by its ID or its 档号), or
//! the 档号 of a file archived before the register existed; `book add`
//! refuses a record that has no 档号, as `check` does.

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

const LOAN1: &str = "logbooks/loan/2026/LOAN-2026-0001.yaml";

/// A fresh register (its presets hold the loan book) with fonds Z109,
/// IN-1 done and archived, and IN-2 done but not archived.
fn archive() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.configure(
        "format_version = 1\n",
        "format_version = 1\nfonds = \"Z109\"\n",
    );
    for title in ["关于做好年终工作的通知", "关于开展财务检查的通知"] {
        env.run(&[
            "log", "in", "--title", title, "--from", "省厅", "--lead", "BGS",
        ]);
    }
    env.run(&["doc", "done", "IN-1"]);
    env.run(&["doc", "done", "IN-2"]);
    env.run(&["archive", "IN-1", "--retention", "10y"]);
    env
}

/// `book add loan` of `file`.
fn loan(file: &str) -> Vec<String> {
    ["book", "add", "loan", "-s", "借阅人=张三", "-s"]
        .iter()
        .map(ToString::to_string)
        .chain([format!("档案={file}")])
        .chain(["-s", "借阅目的=查阅", "-s", "借出时间=today"].map(String::from))
        .collect()
}

fn with_lang<'a>(lang: &'a str, args: &'a [String]) -> Vec<&'a str> {
    ["--lang", lang]
        .into_iter()
        .chain(args.iter().map(String::as_str))
        .collect()
}

#[test]
fn a_loan_of_a_record_without_an_archive_number_is_refused() {
    let env = archive();
    let args = loan("IN-2");
    whole(&env, "loan_unarchived@en", &with_lang("en", &args));
    whole(&env, "loan_unarchived@zh", &with_lang("zh", &args));
    let err = env.fail(&with_lang("en", &loan("没有这个档号")));
    assert!(err.contains("neither a record ID"), "{err}");
    let args = loan("IN-1");
    env.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(text(&env.yaml(LOAN1), "archive_ref"), "IN-2026-0001");
}

#[test]
fn a_file_archived_before_the_register_is_lent_by_its_archive_number() {
    let env = archive();
    let args = loan("Z109-ws.2015-y-0007");
    assert_eq!(
        env.run(&args.iter().map(String::as_str).collect::<Vec<_>>()),
        "LOAN-2026-0001\n"
    );
    assert_eq!(
        text(&env.yaml(LOAN1), "archive_ref"),
        "Z109-WS·2015-Y-0007",
        "kept as text, written as archive numbers are"
    );
    whole(&env, "loan_by_number_check@en", &["--lang", "en", "check"]);
    whole(
        &env,
        "loan_by_number_show@zh",
        &["--lang", "zh", "book", "show", "LOAN-1"],
    );
}

#[test]
fn an_archive_number_a_record_holds_names_that_record() {
    let env = archive();
    let number = text(
        &env.yaml("documents/2026/IN-2026-0001.yaml")["archive"],
        "number",
    );
    let args = loan(&number);
    env.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(text(&env.yaml(LOAN1), "archive_ref"), "IN-2026-0001");
    env.run(&["check"]);
}
