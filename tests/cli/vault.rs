//! Classified text at rest (docs/secrecy.md): under each `[secrecy]
//! titles` policy, a classified paper and a follow-up from it go through
//! the usual commands, then the whole work tree and `git log -p --all`
//! are searched for their title and notes.

use std::path::{Path, PathBuf};

use crate::env::Env;
use crate::snapshots::whole;

/// Words of the matter: in both titles (关于专项行动的秘密通知,
/// 落实专项行动部署), in the progress note and in the report.
const TITLE_WORD: &str = "专项行动";
const NOTE: &str = "已约谈指挥部三名负责人";
const REPORT: &str = "演练方案已上报";
const RESULT: &str = "已按要求部署到位";

/// A register whose policy is `policy`, or none at all (`None`: a
/// register made before the setting existed).
fn register(policy: Option<&str>) -> Env {
    let env = Env::new();
    let to = policy.map_or(String::new(), |p| format!("titles = \"{p}\""));
    env.configure("titles = \"plain\"", &to);
    env
}

/// The secret paper and its follow-up, a progress note, the follow-up
/// done, and the reading commands a clerk runs every day.
fn the_usual(env: &Env) {
    env.secret_paper_and_follow_up();
    env.run(&["progress", "FU-1", NOTE]);
    env.run(&["doc", "done", "IN-1", "--result", RESULT]);
    env.run(&["done", "FU-1", "--report", REPORT]);
    env.run(&["remind"]);
    env.run(&["summary"]);
    env.run(&["list"]);
    env.run(&["export", "json"]);
    env.run(&["check"]);
}

/// Every file of the work tree (the cache and local state included, git's
/// own folder not: its objects are compressed) holding `word`.
fn files_holding(env: &Env, word: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(&env.root, &mut |path| {
        let bytes = std::fs::read(path).unwrap_or_default();
        if String::from_utf8_lossy(&bytes).contains(word) {
            found.push(path.strip_prefix(&env.root).unwrap().to_path_buf());
        }
    });
    found
}

fn walk(dir: &Path, each: &mut dyn FnMut(&Path)) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_name() == ".git" {
            continue;
        }
        if path.is_dir() {
            walk(&path, each);
        } else {
            each(&path);
        }
    }
}

/// Everything git ever recorded: every commit's message and diff.
fn history(env: &Env) -> String {
    env.git(&["log", "-p", "--all", "--format=%B"])
}

fn matter_is_nowhere(env: &Env) {
    for word in [TITLE_WORD, NOTE, REPORT, RESULT] {
        assert_eq!(files_holding(env, word), Vec::<PathBuf>::new(), "{word}");
        assert!(!history(env).contains(word), "{word} in git history");
    }
}

/// Writes a new identity outside the register; returns its file and its
/// recipient.
fn keygen(env: &Env, name: &str) -> (PathBuf, String) {
    let path = env.tmp.path().join(name);
    let out = env.run(&["secrecy", "keygen", "--out", path.to_str().unwrap()]);
    (path, out.trim().to_string())
}

/// An encrypted register sealing to one fresh identity; returns it.
fn encrypted() -> (Env, PathBuf, String) {
    let env = register(Some("encrypted"));
    let (identity, recipient) = keygen(&env, "identity.txt");
    env.run(&["secrecy", "recipients", "add", &recipient]);
    (env, identity, recipient)
}

#[test]
fn withheld_keeps_the_matter_off_the_disk_and_out_of_git() {
    let env = register(Some("withheld"));
    env.secret_paper_and_follow_up();
    let said = env.output(&["--lang", "en", "progress", "FU-1", NOTE]);
    let stderr = String::from_utf8_lossy(&said.stderr);
    assert!(
        stderr.contains("FU-2026-0001 is secret: its title and free text were not written to disk"),
        "{stderr}"
    );
    the_usual(&env);
    matter_is_nowhere(&env);
    // What reminders and figures need is kept.
    let paper = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(paper["title"].as_str(), Some("[秘密] IN-2026-0001"));
    assert_eq!(paper["deadline"].as_str(), Some("2026-11-24"));
    assert_eq!(paper["lead"].as_str(), Some("办公室"));
    let followup = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(followup["progress"][0]["note"].as_str(), Some("[秘密]"));
    assert_eq!(followup["status"].as_str(), Some("closed"));
    assert_eq!(followup["due"].as_str(), Some("2026-11-23"));
}

#[test]
fn a_withheld_title_is_labelled_with_the_papers_own_number() {
    let env = register(Some("withheld"));
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "关于专项行动的通知",
        "--from",
        "省厅",
        "--ref",
        "省交明电〔2026〕12号",
        "--secrecy",
        "机密",
        "--secrecy-term",
        "10y",
    ]);
    let paper = env.yaml(&format!("documents/2026/{}.yaml", id.trim()));
    assert_eq!(paper["title"].as_str(), Some("[机密] 省交明电〔2026〕12号"));
    // An open paper stays as typed.
    let open = env.log_in("关于冬季安全生产的通知");
    let open = env.yaml(&format!("documents/2026/{open}.yaml"));
    assert_eq!(open["title"].as_str(), Some("关于冬季安全生产的通知"));
}

#[test]
fn plain_keeps_the_matter_as_typed_and_check_warns_once() {
    let env = register(None);
    the_usual(&env);
    assert!(!files_holding(&env, TITLE_WORD).is_empty());
    assert!(history(&env).contains(NOTE));
    whole(&env, "vault_plain_check@en", &["--lang", "en", "check"]);
    whole(&env, "vault_plain_check@zh", &["--lang", "zh", "check"]);
}

#[test]
fn encrypted_keeps_only_age_armor_and_opens_with_the_identity() {
    let (env, identity, _) = encrypted();
    the_usual(&env);
    matter_is_nowhere(&env);
    let paper = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(
        paper.contains("title: |\n  -----BEGIN AGE ENCRYPTED FILE-----\n"),
        "{paper}"
    );
    // Without the flag the title is withheld; with it and the identity it
    // is read, and the cache still never holds it.
    let identity = identity.to_str().unwrap();
    let hidden = env.run(&["export", "json"]);
    assert!(!hidden.contains(TITLE_WORD), "{hidden}");
    // Reports that do not open sealed text label it as withheld text is
    // labelled, never print the armor.
    for args in [&["list"][..], &["show", "FU-1"], &["show", "IN-1"]] {
        let out = env.run(args);
        assert!(
            !out.contains("AGE ENCRYPTED") && (out.contains("[秘密]") || out.contains("[secret]")),
            "{args:?}: {out}"
        );
    }
    let json = env.run(&[
        "export",
        "json",
        "--show-classified",
        "--identity",
        identity,
    ]);
    for word in ["关于专项行动的秘密通知", NOTE, REPORT, RESULT] {
        assert!(json.contains(word), "{word}: {json}");
    }
    assert_eq!(files_holding(&env, TITLE_WORD), Vec::<PathBuf>::new());
}

#[test]
fn without_an_identity_show_classified_names_where_it_looked() {
    let (env, _, _) = encrypted();
    env.secret_paper_and_follow_up();
    for lang in ["en", "zh"] {
        let name = format!("vault_no_identity@{lang}");
        whole(
            &env,
            &name,
            &["--lang", lang, "remind", "--show-classified"],
        );
    }
    let missing = env.fail(&[
        "remind",
        "--show-classified",
        "--identity",
        "/nonexistent/id.txt",
    ]);
    assert!(missing.contains("/nonexistent/id.txt"), "{missing}");
}

#[test]
fn in_a_withheld_register_show_classified_is_a_note() {
    let env = register(Some("withheld"));
    env.secret_paper_and_follow_up();
    let out = env.output(&["--lang", "en", "remind", "--show-classified"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--show-classified has nothing more to show"),
        "{stderr}"
    );
}

#[test]
fn the_age_command_line_reads_what_taizhang_sealed_and_the_other_way() {
    let Some(age) = crate::outside::program("age", "the check that age reads sealed fields") else {
        return;
    };
    let (env, identity, recipient) = encrypted();
    env.secret_paper_and_follow_up();
    // A stored field, as a clerk would cut it out of the file.
    let paper = env.yaml("documents/2026/IN-2026-0001.yaml");
    let armor = paper["title"].as_str().unwrap().to_string();
    let clear = run_with_input(&age, &["-d", "-i", identity.to_str().unwrap()], &armor);
    assert_eq!(clear, "关于专项行动的秘密通知");
    // A field sealed outside with `age -r KEY -a` is read by taizhang.
    let outside = run_with_input(&age, &["-r", &recipient, "-a"], "外部加密的备注");
    let mut file = env.read("documents/2026/IN-2026-0001.yaml");
    let block: String = outside.lines().map(|l| format!("  {l}\n")).collect();
    file.push_str(&format!("notes: |\n{block}"));
    env.write("documents/2026/IN-2026-0001.yaml", &file);
    let json = env.run(&[
        "export",
        "json",
        "--show-classified",
        "--identity",
        identity.to_str().unwrap(),
    ]);
    assert!(json.contains("外部加密的备注"), "{json}");
}

fn run_with_input(program: &Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{program:?} {args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_new_recipient_reads_every_classified_field_after_one_commit() {
    let (env, first, _) = encrypted();
    env.secret_paper_and_follow_up();
    env.run(&["progress", "FU-1", NOTE]);
    let (second, recipient) = keygen(&env, "second.txt");
    let second = second.to_str().unwrap();
    // Not yet a recipient: refused, naming the record.
    let refused = env.fail(&["remind", "--show-classified", "--identity", second]);
    assert!(
        refused.contains("was not sealed to the identity"),
        "{refused}"
    );
    let commits = env.commits();
    env.run(&[
        "--identity",
        first.to_str().unwrap(),
        "secrecy",
        "recipients",
        "add",
        &recipient,
    ]);
    assert_eq!(env.commits(), commits + 1);
    let json = env.run(&["export", "json", "--show-classified", "--identity", second]);
    assert!(
        json.contains("关于专项行动的秘密通知") && json.contains(NOTE),
        "{json}"
    );
    let reminded = env.run(&["remind", "--show-classified", "--identity", second]);
    assert!(reminded.contains("落实专项行动部署"), "{reminded}");
    let listed = env.run(&["secrecy", "recipients", "list"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    // Removed and rekeyed: the current files no longer open with it.
    env.run(&["secrecy", "recipients", "remove", &recipient]);
    env.run(&["--identity", first.to_str().unwrap(), "secrecy", "rekey"]);
    let refused = env.fail(&["export", "json", "--show-classified", "--identity", second]);
    assert!(
        refused.contains("was not sealed to the identity"),
        "{refused}"
    );
}

#[test]
fn an_identity_is_private_never_overwritten_and_never_in_the_register() {
    use std::os::unix::fs::PermissionsExt;
    let env = register(Some("encrypted"));
    let (path, recipient) = keygen(&env, "identity.txt");
    assert!(recipient.starts_with("age1"), "{recipient}");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let again = env.fail(&["secrecy", "keygen", "--out", path.to_str().unwrap()]);
    assert!(again.contains("already exists"), "{again}");
    // Without --out: the user's config folder.
    env.run(&["secrecy", "keygen"]);
    let home = env.tmp.path().join(".config/taizhang/identity.txt");
    assert!(home.exists());
    // Inside the register: refused to write, and refused to read.
    let inside = env.fail(&["secrecy", "keygen", "--out", "secret-key.txt"]);
    assert!(inside.contains("is inside the register"), "{inside}");
    std::fs::copy(&path, env.root.join(".taizhang/id.txt")).unwrap();
    env.run(&["secrecy", "recipients", "add", &recipient]);
    env.secret_paper_and_follow_up();
    let refused = env.fail(&[
        "remind",
        "--show-classified",
        "--identity",
        ".taizhang/id.txt",
    ]);
    assert!(refused.contains("is inside the register"), "{refused}");
    let bad = env.fail(&["secrecy", "recipients", "add", "age1notakey"]);
    assert!(bad.contains("is not an age recipient"), "{bad}");
}

#[test]
fn encrypted_without_recipients_refuses_a_classified_paper() {
    let env = register(Some("encrypted"));
    let refused = env.fail(&[
        "log",
        "in",
        "--title",
        "关于专项行动的秘密通知",
        "--from",
        "省厅",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "10y",
    ]);
    assert!(refused.contains("lists no recipients"), "{refused}");
}

#[test]
fn scrub_rewrites_clear_titles_under_the_new_policy_and_names_git_history() {
    let env = register(None);
    env.secret_paper_and_follow_up();
    env.run(&["progress", "FU-1", NOTE]);
    env.run(&["config", "set", "secrecy.titles", "withheld"]);
    let commits = env.commits();
    let out = env.output(&["--lang", "en", "secrecy", "scrub"]);
    assert!(out.status.success());
    assert_eq!(env.commits(), commits + 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 classified records rewritten"),
        "{stderr}"
    );
    assert!(stderr.contains("git filter-repo"), "{stderr}");
    assert_eq!(files_holding(&env, TITLE_WORD), Vec::<PathBuf>::new());
    assert_eq!(files_holding(&env, NOTE), Vec::<PathBuf>::new());
    // History is the office's to rewrite: it still holds the text.
    assert!(history(&env).contains(NOTE));
    let zh = env.output(&["--lang", "zh", "secrecy", "scrub"]);
    assert!(String::from_utf8_lossy(&zh.stderr).contains("git 历史中仍保留"));
}

#[test]
fn init_writes_withheld_and_config_sets_the_policy() {
    let env = Env::bare();
    env.cmd()
        .current_dir(env.tmp.path())
        .args(["init", "reg", "--unit", "某局"])
        .assert()
        .success();
    assert!(
        env.read("taizhang.toml")
            .contains("[secrecy]\ntitles = \"withheld\"\n")
    );
    assert_eq!(
        env.run(&["config", "get", "secrecy.titles"]).trim(),
        "withheld"
    );
    env.run(&["config", "set", "secrecy.titles", "encrypted"]);
    let bad = env.fail(&["--lang", "en", "config", "set", "secrecy.titles", "hidden"]);
    assert!(
        bad.contains("'hidden' is not one of plain, withheld, encrypted"),
        "{bad}"
    );
}
