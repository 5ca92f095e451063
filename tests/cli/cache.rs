//! The derived cache never changes an answer
//! (docs/exit-codes-and-performance.md): hand edits of
//! the same size with the same mtime, `git checkout` of an older commit,
//! deleted and added files, and a damaged cache are all seen.
//!
//! Each test moves the clock ahead after writing records (`skip_ahead`,
//! never a sleep): the cache leaves out files changed within 3 s of now
//! (their timestamps cannot be trusted yet), and these tests are about
//! entries that are in the cache.

use crate::env::Env;

const CACHE: &str = ".taizhang/cache.bin";

/// A register with one follow-up, old enough to be cached, and the cache
/// built by a read command.
fn cached_env() -> Env {
    let env = Env::new();
    env.run(&[
        "assign",
        "落实冬季安全生产检查",
        "--lead",
        "BGS",
        "--due",
        "+2w",
    ]);
    settle_and_cache(&env);
    env
}

fn settle_and_cache(env: &Env) {
    env.skip_ahead();
    env.run(&["list"]);
    assert!(
        env.root.join(CACHE).is_file(),
        "a full read should have written the cache"
    );
}

const FU: &str = "followups/2026/FU-2026-0001.yaml";

#[test]
fn hand_edit_of_same_size_and_mtime_is_seen() {
    let env = cached_env();
    let path = env.root.join(FU);
    let before = std::fs::metadata(&path).unwrap();
    let text = env.read(FU);
    // 冬 and 夏 are both three bytes: the file keeps its size.
    let edited = text.replace("落实冬季", "落实夏季");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&path, &edited).unwrap();
    // Put the modification time back exactly: only ctime tells.
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    drop(file);
    assert!(env.run(&["list", "fu"]).contains("落实夏季"));
    assert!(env.run(&["list"]).contains("落实夏季"));
    assert!(env.run(&["show", "FU-2026-0001"]).contains("落实夏季"));
    let json = env.run(&["check", "--format", "json"]);
    assert!(
        json.contains("FU-2026-0001"),
        "check sees the uncommitted edit: {json}"
    );
}

#[test]
fn git_checkout_of_an_older_commit_is_seen() {
    let env = cached_env();
    env.run(&["progress", "FU-2026-0001", "已召开专题会议研究部署"]);
    settle_and_cache(&env);
    assert!(
        env.run(&["list", "fu", "--status", "in-progress"])
            .contains("FU-2026-0001")
    );
    env.git(&["checkout", "-q", "HEAD~1"]);
    let open = env.run(&["list", "fu", "--status", "open"]);
    assert!(open.contains("FU-2026-0001"), "{open}");
    assert!(
        !env.run(&["show", "FU-2026-0001"])
            .contains("已召开专题会议")
    );
    env.git(&["checkout", "-q", "main"]);
    assert!(
        env.run(&["list", "fu", "--status", "in-progress"])
            .contains("FU-2026-0001")
    );
}

#[test]
fn damaged_cache_is_rebuilt_not_trusted() {
    let env = cached_env();
    let expected = env.run(&["list", "--format", "json"]);
    let cache = env.root.join(CACHE);
    let bytes = std::fs::read(&cache).unwrap();
    // Truncated mid-entry.
    std::fs::write(&cache, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(env.run(&["list", "--format", "json"]), expected);
    assert_eq!(std::fs::read(&cache).unwrap(), bytes, "rebuilt whole");
    // A flipped byte inside a record's title.
    let mut flipped = bytes.clone();
    let at = bytes
        .windows(6)
        .position(|w| w == "冬季".as_bytes())
        .unwrap();
    flipped[at + 2] ^= 0x01;
    std::fs::write(&cache, &flipped).unwrap();
    assert_eq!(env.run(&["list", "--format", "json"]), expected);
    // Garbage, and an empty file.
    std::fs::write(&cache, b"not a cache at all").unwrap();
    assert_eq!(env.run(&["list", "--format", "json"]), expected);
    std::fs::write(&cache, b"").unwrap();
    assert_eq!(env.run(&["list", "--format", "json"]), expected);
}

#[test]
fn deleted_and_added_files_are_seen() {
    let env = cached_env();
    env.run(&[
        "assign",
        "报送防汛防台工作进展",
        "--lead",
        "CWK",
        "--due",
        "+1w",
    ]);
    settle_and_cache(&env);
    // A file dropped in by hand, same size as its neighbour.
    let copy = env
        .read(FU)
        .replace("FU-2026-0001", "FU-2026-0003")
        .replace("落实冬季", "落实夏季");
    env.write("followups/2026/FU-2026-0003.yaml", &copy);
    let list = env.run(&["list", "fu"]);
    assert!(
        list.contains("FU-2026-0003") && list.contains("落实夏季"),
        "{list}"
    );
    // A file deleted by hand.
    std::fs::remove_file(env.root.join(FU)).unwrap();
    let list = env.run(&["list", "fu"]);
    assert!(!list.contains("FU-2026-0001"), "{list}");
    assert!(list.contains("FU-2026-0002") && list.contains("FU-2026-0003"));
    assert!(!env.run(&["list"]).contains("FU-2026-0001"));
}

/// Writes `edited` over `relative` keeping size and modification time, so
/// only the inode's change time tells the cache it changed.
fn edit_in_place(env: &Env, relative: &str, from: &str, to: &str) {
    let path = env.root.join(relative);
    let before = std::fs::metadata(&path).unwrap();
    let text = env.read(relative);
    let edited = text.replace(from, to);
    assert_ne!(edited, text, "{from} not in {relative}");
    assert_eq!(edited.len(), text.len(), "the edit must keep the size");
    std::fs::write(&path, &edited).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
}

/// remind and summary decide from cached facts which records to decode:
/// a same-size hand edit that makes a record overdue, or reopens a closed
/// one, must change those facts too.
#[test]
fn facts_follow_hand_edits() {
    let env = cached_env();
    env.run(&[
        "assign",
        "报送防汛防台工作进展",
        "--lead",
        "CWK",
        "--due",
        "2026-11-20",
        "--assigned",
        "2026-11-02",
    ]);
    env.run(&["--today", "2026-11-19", "done", "FU-2026-0002"]);
    settle_and_cache(&env);
    assert_eq!(env.run(&["remind"]), "", "nothing due yet");
    let summary = env.run(&["summary", "--period", "2026-11", "-o", "json"]);
    assert!(summary.contains("\"overdue\": 0"), "{summary}");

    // FU-1's due date moves into the past: now overdue.
    let due = env
        .read(FU)
        .lines()
        .find_map(|l| l.strip_prefix("due: ").map(str::to_string))
        .unwrap();
    edit_in_place(&env, FU, &format!("due: {due}"), "due: 2026-11-16");
    let remind = env.run(&["remind"]);
    assert!(remind.contains("FU-2026-0001"), "{remind}");
    let summary = env.run(&["summary", "--period", "2026-11", "-o", "json"]);
    assert!(summary.contains("\"overdue\": 1"), "{summary}");
    assert!(env.run(&["list", "--overdue"]).contains("FU-2026-0001"));

    // FU-2 was closed; reopened by hand (closed → open + two spaces keeps
    // the size): it is overdue again.
    edit_in_place(
        &env,
        "followups/2026/FU-2026-0002.yaml",
        "status: closed",
        "status: open  ",
    );
    let remind = env.run(&["remind"]);
    assert!(remind.contains("FU-2026-0002"), "{remind}");
    assert!(env.run(&["list", "fu", "--open"]).contains("FU-2026-0002"));
    assert!(env.run(&["list", "--overdue"]).contains("FU-2026-0002"));
}

/// remind decodes only open records, yet a follow-up made from a
/// classified paper that is itself done keeps the paper's level.
#[test]
fn secrecy_is_inherited_from_records_passed_over() {
    let env = Env::new();
    env.secret_paper_and_follow_up();
    env.run(&["doc", "done", "IN-1", "--result", "已部署"]);
    // The follow-up's own level removed by hand: only the paper's is left.
    let fu = "followups/2026/FU-2026-0001.yaml";
    let text = env.read(fu);
    let own: String = text
        .lines()
        .filter(|l| !l.starts_with("secrecy"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(own, text, "the follow-up had its own level");
    env.write(fu, &own);
    for round in ["without cache", "with cache"] {
        if round == "with cache" {
            settle_and_cache(&env);
        }
        let remind = env.run(&["remind"]);
        assert!(!remind.contains("专项行动"), "{round}: {remind}");
        assert!(
            remind.contains("[secret] FU-2026-0001"),
            "{round}: {remind}"
        );
        let summary = env.run(&["summary", "--period", "2026-11"]);
        assert!(!summary.contains("落实专项行动"), "{round}: {summary}");
    }
}

/// A read of some kinds or some records leaves the cache as a full read
/// wrote it: nothing passed over is dropped from it.
#[test]
fn partial_reads_keep_the_whole_cache() {
    let env = cached_env();
    env.log_in("关于做好冬季安全生产工作的通知");
    settle_and_cache(&env);
    let whole = std::fs::read(env.root.join(CACHE)).unwrap();
    for args in [
        &["remind"][..],
        &["list", "fu", "--overdue"],
        &["summary", "--period", "2026-11"],
    ] {
        env.run(args);
        assert_eq!(
            std::fs::read(env.root.join(CACHE)).unwrap(),
            whole,
            "{args:?}"
        );
    }
    // After a new record, a full-kind partial read rewrites it with every
    // entry kept (passed-over payloads are copied through).
    env.assign("清理过期文件");
    env.skip_ahead();
    env.run(&["remind"]);
    env.run(&["summary", "--period", "2020"]);
    let expected = env.run(&["list", "--format", "json"]);
    std::fs::remove_file(env.root.join(CACHE)).unwrap();
    assert_eq!(env.run(&["list", "--format", "json"]), expected);
}

/// A cache write killed half way leaves a temporary file; the next cache
/// write removes it once it is clearly abandoned, and leaves young ones.
#[test]
fn abandoned_cache_writes_are_cleared() {
    let env = Env::new();
    env.assign("落实冬季安全生产检查");
    let state = env.root.join(".taizhang");
    std::fs::create_dir_all(&state).unwrap();
    let old = state.join(".cache-killed");
    let young = state.join(".cache-running");
    std::fs::write(&old, b"half a cache").unwrap();
    std::fs::write(&young, b"being written").unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    let file = std::fs::File::options().write(true).open(&old).unwrap();
    file.set_modified(two_hours_ago).unwrap();
    drop(file);
    std::fs::remove_file(state.join("cache.bin")).ok();
    env.run(&["list"]);
    assert!(
        !old.exists(),
        "an abandoned temporary cache file is removed"
    );
    assert!(young.exists(), "a young one may belong to a running write");
}

/// Two installed copies of one build (cron's and the clerk's) share the
/// cache instead of rebuilding it in turn.
#[test]
fn copies_of_one_build_share_the_cache() {
    let env = cached_env();
    let before = std::fs::read(env.root.join(CACHE)).unwrap();
    let copy = env.tmp.path().join("taizhang-copy");
    std::fs::copy(env!("CARGO_BIN_EXE_taizhang"), &copy).unwrap();
    let output = env.std_cmd_of(&copy).arg("list").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("FU-2026-0001"));
    let after = std::fs::read(env.root.join(CACHE)).unwrap();
    assert_eq!(before, after, "the copy rebuilt the cache");
}

/// `list --search` passes over, undecoded, the records whose cached text
/// cannot match: it finds exactly what it finds without a cache, by
/// title, sender, 文号 however typed and ID, and a withheld record only by
/// what a listing shows of it (`[secret] FU-2026-0001`), never by its
/// title.
#[test]
fn a_search_finds_the_same_from_the_cache() {
    let env = Env::new();
    env.secret_paper_and_follow_up();
    env.log_in("关于农村公路养护的通知");
    env.run(&[
        "log",
        "in",
        "--title",
        "转发公路建设资金文件",
        "--from",
        "省公路事业发展中心",
        "--ref",
        "省交发〔2026〕12号",
    ]);
    env.assign("落实国省干线公路养护");
    let needles = [
        "公路",
        "专项行动",
        "省厅",
        "[2026]12",
        "省交发〔2026〕12号",
        "fu-2026-0001",
        "secret",
        "[secret] fu",
        "没有的词",
    ];
    let search = |needle: &str| env.run(&["list", "--search", needle, "--format", "json"]);
    let without: Vec<String> = needles
        .iter()
        .map(|needle| {
            std::fs::remove_file(env.root.join(CACHE)).ok();
            search(needle)
        })
        .collect();
    settle_and_cache(&env);
    for (needle, expected) in needles.iter().zip(&without) {
        assert_eq!(&search(needle), expected, "{needle}");
    }
    assert!(without[0].contains("IN-2026-0002") && without[0].contains("FU-2026-0002"));
    assert!(without[3].contains("IN-2026-0003"), "{}", without[3]);
    assert!(
        !without[1].contains("IN-2026-0001"),
        "withheld: {}",
        without[1]
    );
    assert!(without[6].contains("FU-2026-0001"), "{}", without[6]);
}
