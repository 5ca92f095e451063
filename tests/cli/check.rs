//! `check` reports every problem with file (and line), errors exit 1,
//! warnings alone exit 0.

use crate::env::Env;

fn check(env: &Env) -> (Option<i32>, String) {
    let output = env.output(&["check"]);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn a_clean_register_passes() {
    let env = Env::new();
    env.log_in("来文");
    env.assign("事项");
    let (code, report) = check(&env);
    assert_eq!(code, Some(0));
    assert!(report.contains("2 records, no problems"), "{report}");
    let json = env.run(&["check", "--format", "json"]);
    assert_eq!(json.trim(), "[]");
}

#[test]
fn unknown_fields_are_warnings() {
    let env = Env::new();
    env.assign("事项");
    let path = "followups/2026/FU-2026-0001.yaml";
    env.write(path, &(env.read(path) + "titel: 拼错的字段\n"));
    env.git(&["commit", "-qam", "typo"]);
    let (code, report) = check(&env);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("warning") && report.contains("titel"),
        "{report}"
    );
    assert!(report.contains(path), "{report}");
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
    let (code, report) = check(&env);
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains("FU-2026-0002.yaml:1:5")
            && report.contains("says id FU-2026-0001, but its name makes it FU-2026-0002"),
        "{report}"
    );
    assert!(
        report.contains("FU-2026-0003.yaml") && report.contains("finished"),
        "{report}"
    );
    assert!(
        report.contains("FU-2026-0004.yaml:2") && report.contains("conflict"),
        "{report}"
    );
    assert!(report.contains("FU-2026-0099"), "{report}");
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
    let (code, report) = check(&env);
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains(path) && report.contains("2026-11-01"),
        "{report}"
    );
    assert!(
        report.contains("IN-2026-0001.yaml") && report.contains("secrecy term"),
        "{report}"
    );
}

#[test]
fn list_warns_about_a_broken_file_in_chinese() {
    let env = Env::new();
    env.assign("好的事项");
    env.write("followups/2026/FU-2026-0002.yaml", "id: [\n");
    let output = env.output(&["--lang", "zh", "list"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("警告") && stderr.contains("FU-2026-0002.yaml"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("好的事项"));
}

#[test]
fn findings_are_worded_in_chinese_and_json_stays_english() {
    let env = Env::new();
    env.assign("事项");
    let path = "followups/2026/FU-2026-0001.yaml";
    let text = env.read(path).replace("due: 2026-12-07", "due: 2026-10-09") + "titel: 拼错\n";
    env.write(path, &text);
    env.git(&["commit", "-qam", "hand edit"]);
    let output = env.output(&["--lang", "zh", "check"]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("错误: followups/2026/FU-2026-0001.yaml"),
        "{report}"
    );
    assert!(report.contains("早于交办日期"), "{report}");
    assert!(report.contains("未知字段 `titel`"), "{report}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("台账有 1 个错误、1 个警告"));
    let json =
        String::from_utf8_lossy(&env.output(&["--lang", "zh", "check", "-o", "json"]).stdout)
            .into_owned();
    assert!(json.contains("before it was assigned"), "{json}");
}
