//! `check` reports every problem with file (and line), errors exit 1,
//! warnings alone exit 0.

use crate::env::Env;
use crate::snapshots::whole;

#[test]
fn a_clean_register_passes() {
    let env = Env::new();
    env.log_in("来文");
    env.assign("事项");
    whole(&env, "check__clean", &["check"]);
    whole(&env, "check__clean_json", &["check", "--format", "json"]);
}

#[test]
fn unknown_fields_are_warnings() {
    let env = Env::new();
    env.assign("事项");
    let path = "followups/2026/FU-2026-0001.yaml";
    env.write(path, &(env.read(path) + "titel: 拼错的字段\n"));
    env.git(&["commit", "-qam", "typo"]);
    whole(&env, "check__unknown_field_warning", &["check"]);
    whole(
        &env,
        "check__unknown_field_warning_zh",
        &["--lang", "zh", "check"],
    );
}

#[test]
fn every_kind_of_error_is_reported() {
    let env = Env::new();
    env.log_in("来文");
    env.run(&[
        "assign", "事项", "--lead", "BGS", "--due", "+1w", "--from", "IN-1",
    ]);
    env.assign("第二个事项");
    env.assign("第三个事项");
    env.assign("第四个事项");
    // An ID that does not match its file name.
    let fu2 = env.read("followups/2026/FU-2026-0002.yaml");
    env.write(
        "followups/2026/FU-2026-0002.yaml",
        &fu2.replace("id: FU-2026-0002", "id: FU-2026-0001"),
    );
    // A bad enum value.
    let fu3 = env.read("followups/2026/FU-2026-0003.yaml");
    env.write(
        "followups/2026/FU-2026-0003.yaml",
        &fu3.replace("status: open", "status: finished"),
    );
    // A git conflict marker.
    let fu4 = env.read("followups/2026/FU-2026-0004.yaml");
    env.write(
        "followups/2026/FU-2026-0004.yaml",
        &fu4.replace(
            "title: 第四个事项\n",
            "<<<<<<< HEAD\ntitle: 第四个事项\n=======\ntitle: 别的标题\n>>>>>>> other\n",
        ),
    );
    // A dangling link: the paper names a follow-up that does not exist.
    let doc = env.read("documents/2026/IN-2026-0001.yaml");
    env.write(
        "documents/2026/IN-2026-0001.yaml",
        &doc.replace("- FU-2026-0001", "- FU-2026-0099"),
    );
    env.git(&["commit", "-qam", "broken by hand"]);
    whole(&env, "check__every_kind_of_error", &["check"]);
}

#[test]
fn impossible_dates_and_missing_secrecy_terms() {
    let env = Env::new();
    env.run(&[
        "log",
        "in",
        "--title",
        "秘密来文",
        "--from",
        "某部",
        "--secrecy",
        "秘密",
    ]);
    env.run(&[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--assigned",
        "2026-11-20",
        "--due",
        "+1w",
    ]);
    env.run(&["done", "FU-1"]);
    let path = "followups/2026/FU-2026-0001.yaml";
    let fu = env.read(path);
    env.write(
        path,
        &fu.replace("closed: 2026-11-23", "closed: 2026-11-01"),
    );
    env.git(&["commit", "-qam", "closed before assigned"]);
    whole(
        &env,
        "check__impossible_dates_and_secrecy_terms",
        &["check"],
    );
}

#[test]
fn list_warns_about_a_broken_file_in_chinese() {
    let env = Env::new();
    env.assign("好的事项");
    env.write("followups/2026/FU-2026-0002.yaml", "id: [\n");
    whole(
        &env,
        "check__list_skips_broken_file_zh",
        &["--lang", "zh", "list"],
    );
}

#[test]
fn findings_are_worded_in_chinese_and_json_stays_english() {
    let env = Env::new();
    env.assign("事项");
    let path = "followups/2026/FU-2026-0001.yaml";
    let text = env.read(path).replace("due: 2026-12-07", "due: 2026-10-09") + "titel: 拼错\n";
    env.write(path, &text);
    env.git(&["commit", "-qam", "hand edit"]);
    whole(&env, "check__findings_zh", &["--lang", "zh", "check"]);
    whole(
        &env,
        "check__findings_zh_json",
        &["--lang", "zh", "check", "-o", "json"],
    );
}
