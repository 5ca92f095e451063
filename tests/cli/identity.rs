//! A record's identity is its file (docs/git-and-sharing.md): a file whose
//! `id` disagrees with its name is reported by every read, never used as
//! either record, and never written.

use crate::env::Env;

const SECOND: &str = "followups/2026/FU-2026-0002.yaml";

/// Two follow-ups, then FU-2's file hand-edited to say `id: SAYS` and
/// committed, as a clerk would.
fn second_says(says: &str) -> Env {
    let env = Env::new();
    assert_eq!(env.assign("事项1"), "FU-2026-0001");
    assert_eq!(env.assign("事项2"), "FU-2026-0002");
    let text = env.read(SECOND);
    assert!(text.starts_with("id: FU-2026-0002\n"), "{text}");
    env.write(SECOND, &text.replacen("FU-2026-0002", says, 1));
    env.git(&["commit", "-qam", "hand edit"]);
    env
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_file_saying_another_follow_ups_id_never_overwrites_it() {
    let env = second_says("FU-2026-0001");
    let first = env.read("followups/2026/FU-2026-0001.yaml");
    let err = env.fail(&["progress", "FU-2", "x"]);
    assert!(
        err.contains(&format!(
            "{SECOND} says id FU-2026-0001 but its name makes it FU-2026-0002"
        )),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(first.contains("title: 事项1"), "{first}");
    // The record that is what its file says is still written as usual.
    env.run(&["progress", "FU-1", "第一项进展"]);
    let first = env.read("followups/2026/FU-2026-0001.yaml");
    assert!(first.contains("title: 事项1"), "{first}");
    assert!(first.contains("第一项进展"), "{first}");
    assert!(env.read(SECOND).contains("title: 事项2"));
}

#[test]
fn a_follow_up_saying_it_is_a_paper_never_replaces_the_paper() {
    let env = Env::new();
    assert_eq!(env.log_in("来文1"), "IN-2026-0001");
    assert_eq!(env.assign("事项1"), "FU-2026-0001");
    assert_eq!(env.assign("事项2"), "FU-2026-0002");
    let text = env.read(SECOND);
    env.write(SECOND, &text.replacen("FU-2026-0002", "IN-2026-0001", 1));
    env.git(&["commit", "-qam", "hand edit"]);
    let err = env.fail(&["progress", "FU-2", "x"]);
    assert!(err.contains("says id IN-2026-0001"), "{err}");
    assert!(
        env.read("documents/2026/IN-2026-0001.yaml")
            .contains("title: 来文1")
    );
    // Nor does a command on the paper take the follow-up for it.
    env.run(&["show", "IN-1"]);
}

#[test]
fn a_file_saying_an_id_that_exists_nowhere_makes_no_second_copy() {
    let env = second_says("FU-2026-0009");
    let err = env.fail(&["progress", "FU-2", "x"]);
    assert!(err.contains("says id FU-2026-0009"), "{err}");
    assert!(!env.root.join("followups/2026/FU-2026-0009.yaml").exists());
    // And the ID it names is not handed out while that file says it.
    let err = env.fail(&["progress", "FU-9", "x"]);
    assert!(err.contains("no record FU-2026-0009"), "{err}");
}

#[test]
fn list_never_shows_a_record_twice_and_every_read_names_the_file() {
    let env = second_says("FU-2026-0001");
    for _ in 0..2 {
        let output = env.output(&["list", "-o", "json"]);
        assert!(output.status.success(), "{output:?}");
        let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["FU-2026-0001"]);
        let warning = stderr(&output);
        assert!(warning.contains(SECOND), "{warning}");
        assert!(warning.contains("says id FU-2026-0001"), "{warning}");
    }
    for args in [
        &["remind", "--within", "30d"][..],
        &["summary", "--period", "2026"],
        &[],
        &["list", "fu", "--open"],
    ] {
        let output = env.output(args);
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert!(stderr(&output).contains(SECOND), "{args:?}: {output:?}");
    }
    let err = env.fail(&["show", "FU-2"]);
    assert!(err.contains(SECOND), "{err}");
    assert!(env.run(&["show", "FU-1"]).contains("事项1"));
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains(&format!("error: {SECOND}:1:5")), "{report}");
}

#[test]
fn the_id_mismatch_reads_in_chinese() {
    let env = second_says("FU-2026-0001");
    let output = env.output(&["--lang", "zh", "list"]);
    let warning = stderr(&output);
    assert!(
        warning.contains("文件中写的编号是 FU-2026-0001，但按文件名应为 FU-2026-0002"),
        "{warning}"
    );
    let err = env.fail(&["--lang", "zh", "progress", "FU-2", "x"]);
    assert!(
        err.contains("中写的编号是 FU-2026-0001，但按文件名应为 FU-2026-0002"),
        "{err}"
    );
    assert!(err.contains("未写入任何内容"), "{err}");
    let check = env.output(&["--lang", "zh", "check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("按文件名应为 FU-2026-0002"), "{report}");
}

/// A slip that mentions the record names its file as well.
#[test]
fn show_of_a_paper_warns_about_its_follow_ups_file() {
    let env = Env::new();
    env.log_in("来文1");
    env.run(&[
        "assign", "落实", "--lead", "BGS", "--due", "+1w", "--from", "IN-1",
    ]);
    let path = "followups/2026/FU-2026-0001.yaml";
    let text = env.read(path);
    env.write(
        path,
        &text.replacen("id: FU-2026-0001", "id: FU-2026-0005", 1),
    );
    let output = env.output(&["show", "IN-1"]);
    assert!(output.status.success(), "{output:?}");
    let warning = stderr(&output);
    assert!(warning.contains(path), "{warning}");
    assert!(warning.contains("says id FU-2026-0005"), "{warning}");
}

/// The cache held FU-2 as a good record; the hand edit must not let it
/// come back from there, under either ID.
#[test]
fn the_cache_never_brings_a_mismatching_record_back() {
    let env = Env::new();
    env.assign("事项1");
    env.assign("事项2");
    // Old enough to be cached (the cache distrusts files changed in the
    // last 3 s of its clock, moved ahead here instead of waiting), then
    // cached.
    env.skip_ahead();
    env.run(&["list"]);
    let text = env.read(SECOND);
    env.write(SECOND, &text.replacen("FU-2026-0002", "FU-2026-0001", 1));
    env.skip_ahead();
    for _ in 0..2 {
        let output = env.output(&["list", "fu", "-o", "json"]);
        let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert!(stderr(&output).contains(SECOND), "{output:?}");
    }
}

/// A command that links to the record whose file disagrees refuses too:
/// the link would name a record that is not there.
#[test]
fn assign_from_a_paper_whose_file_disagrees_is_refused() {
    let env = Env::new();
    assert_eq!(env.log_in("来文1"), "IN-2026-0001");
    assert_eq!(env.log_in("来文2"), "IN-2026-0002");
    let path = "documents/2026/IN-2026-0002.yaml";
    let text = env.read(path);
    env.write(path, &text.replacen("IN-2026-0002", "IN-2026-0001", 1));
    env.git(&["commit", "-qam", "hand edit"]);
    let err = env.fail(&[
        "assign", "落实", "--lead", "BGS", "--due", "+1w", "--from", "IN-2",
    ]);
    assert!(err.contains(path), "{err}");
}
