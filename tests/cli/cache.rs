//! The derived cache never changes an answer (DESIGN §8): hand edits of
//! the same size with the same mtime, `git checkout` of an older commit,
//! deleted and added files, and a damaged cache are all seen.
//!
//! Each test waits a few seconds after writing records: the cache leaves
//! out files changed within 3 s (their timestamps cannot be trusted yet),
//! and these tests are about entries that are in the cache.

use std::time::Duration;

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
    std::thread::sleep(Duration::from_millis(4100));
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
