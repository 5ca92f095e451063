//! Many clerks at once, and processes killed mid-write: one writer at a
//! time, and a killed write leaves the old file or the new one
//! (docs/git-and-sharing.md).

use std::collections::BTreeSet;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::env::Env;

fn spawn(env: &Env, args: &[&str]) -> Child {
    env.std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn eight_writers_at_once_lose_nothing() {
    let env = Env::new();
    let before = env.commits();
    // Eight processes, each registering ten papers one after another.
    let mut ids = Vec::new();
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..8)
            .map(|w| {
                let env = &env;
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    for n in 0..10 {
                        let title = format!("并发来文 {w}-{n}");
                        let output =
                            spawn(env, &["log", "in", "--title", &title, "--from", "某单位"])
                                .wait_with_output()
                                .unwrap();
                        assert!(
                            output.status.success(),
                            "{title}: {}",
                            String::from_utf8_lossy(&output.stderr)
                        );
                        mine.push(String::from_utf8(output.stdout).unwrap().trim().to_string());
                    }
                    mine
                })
            })
            .collect();
        for thread in threads {
            ids.extend(thread.join().unwrap());
        }
    });
    let distinct: BTreeSet<_> = ids.iter().cloned().collect();
    assert_eq!(distinct.len(), 80, "duplicate IDs: {ids:?}");
    let expected: BTreeSet<_> = (1..=80).map(|n| format!("IN-2026-{n:04}")).collect();
    assert_eq!(distinct, expected);
    let files = std::fs::read_dir(env.root.join("documents/2026"))
        .unwrap()
        .count();
    assert_eq!(files, 80);
    assert_eq!(env.commits(), before + 80);
    assert_eq!(env.status(), "");
    let titles: BTreeSet<_> = (1..=80)
        .map(|n| {
            crate::env::text(
                &env.yaml(&format!("documents/2026/IN-2026-{n:04}.yaml")),
                "title",
            )
        })
        .collect();
    assert_eq!(titles.len(), 80, "every paper kept its own title");
    env.run(&["check"]);
}

/// A small deterministic generator, seeded from the clock and printed so a
/// failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn kill_nine_mid_write_leaves_no_torn_record_or_orphan_attachment() {
    let env = Env::new();
    env.assign("被反复更新的事项");
    let seed = std::env::var("TZ_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("kill test seed: TZ_KILL_SEED={seed}");
    let mut rng = Lcg(seed);
    let scan = env.tmp.path().join("scan.pdf");
    std::fs::write(&scan, vec![b'x'; 256 << 10]).unwrap();
    let scan = scan.to_str().unwrap().to_string();
    // Kill anywhere within a command's run: measure how long one takes.
    let start = std::time::Instant::now();
    env.log_in("计时用的来文");
    let span = start.elapsed().as_micros() as u64 + 1;
    let mut outcomes = [0usize; 3];
    for round in 0..30 {
        let note = format!("第{round}次进展");
        let title = format!("第{round}份来文");
        let args: Vec<&str> = match rng.next(3) {
            0 => vec!["log", "in", "--title", &title, "--from", "某单位"],
            1 => vec![
                "log",
                "in",
                "--title",
                &title,
                "--from",
                "某单位",
                "--attach",
                &scan,
            ],
            _ => vec!["progress", "FU-1", &note],
        };
        let commits = env.commits();
        let status = env.status();
        let mut child = spawn(&env, &args);
        std::thread::sleep(Duration::from_micros(rng.next(span)));
        let _ = child.kill();
        let _ = child.wait();
        // Let any git the killed command started finish (it is not killed
        // with its parent), as it would on a clerk's machine.
        wait_for_git(&env);
        // Killed before writing, after writing, or after committing.
        let outcome = if env.commits() > commits {
            2
        } else {
            usize::from(env.status() != status)
        };
        outcomes[outcome] += 1;

        // Every record file is whole: check reports no error (uncommitted
        // records are warnings).
        let check = env.output(&["check"]);
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "round {round} (seed {seed}): {report}\n{}",
            String::from_utf8_lossy(&check.stderr)
        );
        // Nothing untracked but whole record files, attachments of records
        // that exist, and — killed in the microseconds between putting an
        // attachment in place and its record — attachments the writer's
        // journal names, whose record the next writer puts in place
        // (checked below).
        let note = std::fs::read_to_string(env.root.join(".taizhang/journal")).unwrap_or_default();
        for line in env.status().lines() {
            let path = &line[3..];
            let is_record = (path.starts_with("documents/2026/IN-2026-")
                || path.starts_with("followups/2026/FU-2026-"))
                && path.ends_with(".yaml");
            let attachment_of = path
                .strip_prefix("attachments/")
                .and_then(|rest| rest.split_once('/'))
                .map(|(id, _)| format!("documents/2026/{id}.yaml"));
            let is_attachment = attachment_of.is_some_and(|record| env.root.join(record).is_file());
            let is_noted = path.starts_with("attachments/") && note.contains(path);
            assert!(
                is_record || is_attachment || is_noted,
                "round {round} (seed {seed}): stray {line:?}"
            );
            if line.starts_with("??") {
                env.yaml(path);
            }
        }
    }
    eprintln!("killed before writing / written / committed: {outcomes:?}");
    // The next commands work.
    let id = env.log_in("最后一份");
    assert!(id.starts_with("IN-2026-"), "{id}");
    env.run(&["progress", "FU-1", "最后的进展"]);
    for line in env.status().lines() {
        let record = line[3..]
            .strip_prefix("attachments/")
            .and_then(|rest| rest.split_once('/'))
            .map(|(id, _)| format!("documents/2026/{id}.yaml"));
        assert!(
            record.is_none_or(|record| env.root.join(record).is_file()),
            "an orphan attachment outlived the next writer: {line}"
        );
    }
    assert!(
        env.last_commit_files()
            .contains(&"followups/2026/FU-2026-0001.yaml".to_string())
    );
    env.run(&["check"]);
}

/// Waits until no process other than this test works in the register:
/// a killed command's git child is not killed with it, and finishes on
/// its own, as it would on a clerk's machine.
fn wait_for_git(env: &Env) {
    let root = std::fs::canonicalize(&env.root).unwrap();
    for _ in 0..500 {
        let busy = std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
                && std::fs::read_link(entry.path().join("cwd")).is_ok_and(|cwd| cwd == root)
        });
        if !busy {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("a process kept working in the register for 5 s");
}

#[test]
fn concurrent_outgoing_documents_get_distinct_numbers() {
    let env = Env::new();
    let mut children = Vec::new();
    for w in 0..4 {
        for n in 0..3 {
            let title = format!("并发发文 {w}-{n}");
            children.push(spawn(
                &env,
                &["log", "out", "--title", &title, "--to", "各区局"],
            ));
        }
    }
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let numbers: BTreeSet<String> = (1..=12)
        .map(|n| {
            let doc = env.yaml(&format!("documents/2026/OUT-2026-{n:04}.yaml"));
            crate::env::text(&doc, "doc_number")
        })
        .collect();
    let expected: BTreeSet<String> = (1..=12).map(|n| format!("市交发〔2026〕{n}号")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(env.status(), "");
}

#[test]
fn a_writer_waits_for_the_lock_then_gives_up_clearly() {
    let env = Env::new();
    env.log_in("先登记一份");
    // Another writer holds the lock (an flock, as taizhang's own is).
    let holder = std::fs::OpenOptions::new()
        .write(true)
        .open(env.root.join(".taizhang/lock"))
        .unwrap();
    holder.lock().unwrap();
    let before = env.state();
    let output = env
        .cmd()
        .env("TAIZHANG_LOCK_TIMEOUT", "1")
        .args(["log", "in", "--title", "等不到锁", "--from", "某单位"])
        .output()
        .unwrap();
    drop(holder);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("another taizhang command is writing"),
        "{stderr}"
    );
    assert_eq!(before, env.state());
    // Once it is free, writing works again.
    assert_eq!(env.log_in("锁已释放"), "IN-2026-0002");
}

#[test]
fn a_killed_writers_temporary_files_are_cleared_by_the_next_writer() {
    let env = Env::new();
    env.log_in("第一份");
    let tmp = env.root.join(".taizhang/tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join(".write-abandoned"), "half a record").unwrap();
    env.log_in("第二份");
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
}

/// Readers rebuild and use the cache while a writer changes records under
/// them: every answer they give is whole, and once the dust settles the
/// cached answer is the one read from the files themselves.
#[test]
fn readers_beside_a_writer_never_keep_a_stale_answer() {
    const N: usize = 24;
    let env = Env::new();
    for n in 1..=N {
        env.run(&[
            "assign",
            &format!("并发督办 {n}"),
            "--lead",
            "BGS",
            "--due",
            "+2w",
        ]);
    }
    // Old enough to be cached, then cached; the readers beside the writer
    // see the real clock.
    env.skip_ahead();
    env.run(&["list"]);
    env.real_time();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let readers: Vec<_> = (0..3)
            .map(|r| {
                let (env, done) = (&env, &done);
                scope.spawn(move || {
                    let mut rounds = 0;
                    while !done.load(std::sync::atomic::Ordering::Relaxed) || rounds == 0 {
                        let args: &[&str] = match r {
                            0 => &["list", "fu", "-o", "json"],
                            1 => &["list", "-o", "json"],
                            _ => &["summary", "--period", "2026", "-o", "json"],
                        };
                        let output = spawn(env, args).wait_with_output().unwrap();
                        assert!(output.status.success(), "{args:?}: {output:?}");
                        let value: serde_json::Value =
                            serde_json::from_slice(&output.stdout).expect("whole JSON");
                        if let Some(list) = value.as_array() {
                            assert_eq!(list.len(), N, "{args:?}");
                        }
                        rounds += 1;
                    }
                    rounds
                })
            })
            .collect();
        for n in 1..=N {
            let id = format!("FU-2026-{n:04}");
            env.run(&["progress", &id, &format!("第{n}次进展")]);
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        for reader in readers {
            assert!(reader.join().unwrap() > 0);
        }
    });
    env.skip_ahead();
    let cached = [
        env.run(&["list", "fu", "-o", "json"]),
        env.run(&["list", "fu", "-o", "json"]),
    ];
    std::fs::remove_file(env.root.join(".taizhang/cache.bin")).ok();
    let from_files = env.run(&["list", "fu", "-o", "json"]);
    assert_eq!(cached[0], from_files);
    assert_eq!(cached[1], from_files);
    assert_eq!(
        from_files.matches("\"in-progress\"").count(),
        N,
        "{from_files}"
    );
}
