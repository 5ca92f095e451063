//! Command benchmarks at register scale (targets and figures:
//! docs/exit-codes-and-performance.md): a documented harness,
//! not criterion, because what matters is the whole built binary in a
//! fresh process against a real register with real git.
//!
//! ```text
//! cargo bench --bench commands                  # 100k records, 5 rounds
//! TZ_BENCH_SIZES=10000,100000 TZ_BENCH_RUNS=9 cargo bench --bench commands
//! TZ_BENCH_DIR=/tmp/tzbench cargo bench --bench commands
//! TZ_BENCH_TASK_PENDING=30 cargo bench --bench commands   # Taskwarrior: 30% pending
//! ```
//!
//! Registers are generated once per size under `TZ_BENCH_DIR` (default: a
//! `taizhang-bench` folder in the temporary directory) with the
//! `gen_register` example, and reused afterwards (generation is
//! deterministic); so is Taskwarrior's database of as many tasks, when
//! `task` is installed (`taskwarrior.rs`). Every command gets one untimed
//! warm-up run (warm page cache, warm `.taizhang/` cache; the first write
//! of a generated register also sets its index up), then the commands
//! run round-robin, `TZ_BENCH_RUNS` rounds, so that the machine's load
//! falls on all of them alike; the median, minimum and maximum are
//! reported, with peak resident memory from `/usr/bin/time` when it
//! exists. Beside them run the peers: a bare `git add f && git commit` of
//! one file in the same repository, `git fetch` + `git push` with nothing
//! to carry, and Taskwarrior's `task add`, `task +OVERDUE count` and
//! `task summary`; the ratios taizhang ÷ peer close the report. `sync`
//! runs with a renumbering and a push each round (`sync.rs`). The register
//! is reset to its generated commit afterwards.
//!
//! This harness must never run in CI's test command (slow, noisy); CI only
//! builds it (`cargo bench --no-run`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "commands/sync.rs"]
mod sync;
#[path = "commands/taskwarrior.rs"]
mod taskwarrior;

const TODAY: &str = "2026-11-23";

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes other
    // flags: only run when asked to benchmark.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let sizes = env_list("TZ_BENCH_SIZES", &[100_000]);
    let runs = env_list("TZ_BENCH_RUNS", &[5])[0].max(1) as usize;
    let dir = std::env::var_os("TZ_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("taizhang-bench"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_taizhang"));
    println!(
        "taizhang command benchmarks: {runs} rounds, round-robin, medians (min–max), peak RSS"
    );
    println!("binary: {}", bin.display());
    // Every register first, then the disk settled: generating 100k files
    // leaves hundreds of MB being written back, which would slow the
    // first timings by half.
    let roots: Vec<(u64, PathBuf)> = sizes
        .iter()
        .map(|&size| (size, dir.join(format!("r{size}"))))
        .collect();
    if roots
        .iter()
        .any(|(size, root)| ensure_register(root, *size))
    {
        let _ = Command::new("sync").status();
    }
    for (size, root) in roots {
        bench_size(&bin, &dir, &root, size, runs);
    }
}

fn env_list(name: &str, default: &[u64]) -> Vec<u64> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<u64>| !v.is_empty())
        .unwrap_or_else(|| default.to_vec())
}

/// Generates the register unless it exists; whether it did.
fn ensure_register(root: &Path, size: u64) -> bool {
    if root.join("taizhang.toml").is_file() {
        return false;
    }
    eprintln!("generating {size} records in {} …", root.display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "run",
            "--release",
            "--example",
            "gen_register",
            "--",
            "--records",
        ])
        .arg(size.to_string())
        .arg(root)
        .status()
        .expect("run gen_register");
    assert!(status.success(), "gen_register failed");
    // The generator leaves every object loose: the first commit's
    // automatic `git gc` would pack them in the background, under the
    // timings. Packed now, as it would be by then.
    git_ok(root, &["gc", "-q"]);
    true
}

fn taizhang(bin: &Path, root: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .current_dir(root)
        .env("TZ", "Asia/Shanghai")
        .env("TAIZHANG_TODAY", TODAY)
        .env("TAIZHANG_USER", "王芳")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    identity(&mut cmd);
    cmd
}

fn identity(cmd: &mut Command) {
    cmd.env("GIT_AUTHOR_NAME", "bench")
        .env("GIT_AUTHOR_EMAIL", "bench@example.invalid")
        .env("GIT_COMMITTER_NAME", "bench")
        .env("GIT_COMMITTER_EMAIL", "bench@example.invalid");
}

/// Wall time of one run, its peak RSS in KB when measurable, and whether
/// it succeeded.
fn run_once(mut cmd: Command) -> (Duration, Option<u64>, bool) {
    let time = Path::new("/usr/bin/time");
    let (mut cmd, rss_file) = if time.is_file() {
        let rss_file = std::env::temp_dir().join(format!("tzbench-rss-{}", std::process::id()));
        let mut wrapped = Command::new(time);
        wrapped
            .arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&rss_file)
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                wrapped.env(k, v);
            }
        }
        if let Some(dir) = cmd.get_current_dir() {
            wrapped.current_dir(dir);
        }
        (wrapped, Some(rss_file))
    } else {
        (std::mem::replace(&mut cmd, Command::new("true")), None)
    };
    let start = Instant::now();
    let output = cmd.output().expect("run command");
    let elapsed = start.elapsed();
    if !output.status.success() {
        eprintln!("  failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let rss = rss_file.and_then(|f| {
        std::fs::read_to_string(f)
            .ok()?
            .lines()
            .last()?
            .trim()
            .parse()
            .ok()
    });
    (elapsed, rss, output.status.success())
}

struct Stats {
    median: Duration,
    min: Duration,
    max: Duration,
    rss: Option<u64>,
}

fn stats(mut times: Vec<Duration>, rss: Option<u64>) -> Stats {
    times.sort();
    Stats {
        median: times[times.len() / 2],
        min: times[0],
        max: times[times.len() - 1],
        rss,
    }
}

fn report(size: u64, name: &str, s: &Stats) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rss = s.rss.map_or_else(
        || "-".to_string(),
        |kb| format!("{:.0} MB", kb as f64 / 1024.0),
    );
    println!(
        "{size:>7} | {name:<24} | {:>8.1} ms ({:.1}–{:.1}) | {rss}",
        ms(s.median),
        ms(s.min),
        ms(s.max)
    );
}

/// `git ARGS` in `dir` with the bench's identity; its trimmed stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new("git");
    cmd.args(args).current_dir(dir);
    identity(&mut cmd);
    let out = cmd.output().expect("run git");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// `git`, which must succeed.
fn git_ok(dir: &Path, args: &[&str]) {
    let mut cmd = Command::new("git");
    cmd.args(args).current_dir(dir);
    identity(&mut cmd);
    let out = cmd.output().expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One thing timed each round: how to run it, and what to do untimed
/// before it.
struct Item<'a> {
    name: &'static str,
    run: Box<dyn Fn() -> Command + 'a>,
    before: Box<dyn Fn() + 'a>,
    times: Vec<Duration>,
    rss: Option<u64>,
}

impl<'a> Item<'a> {
    fn new(name: &'static str, run: impl Fn() -> Command + 'a) -> Item<'a> {
        Item {
            name,
            run: Box::new(run),
            before: Box::new(|| {}),
            times: Vec::new(),
            rss: None,
        }
    }

    fn before(mut self, before: impl Fn() + 'a) -> Item<'a> {
        self.before = Box::new(before);
        self
    }

    /// One run; a taizhang command that fails would make a fine-looking
    /// figure, so it stops the bench.
    fn once(&mut self, timed: bool) {
        (self.before)();
        let (time, rss, ok) = run_once((self.run)());
        assert!(ok, "{} failed", self.name);
        if timed {
            self.times.push(time);
            self.rss = self.rss.max(rss);
        }
    }

    fn median(&self) -> Duration {
        stats(self.times.clone(), None).median
    }
}

fn bench_size(bin: &Path, dir: &Path, root: &Path, size: u64, runs: usize) {
    let head = git(root, &["rev-parse", "HEAD"]);
    let remote = sync::Remote::set_up(root, dir);
    let tasks = taskwarrior::Tasks::prepare(dir, size);
    let tz = |args: &'static [&'static str]| move || taizhang(bin, root, args);
    let open_fu = first_open_followup(bin, root);
    let mut items = vec![
        Item::new("list fu --overdue", tz(&["list", "fu", "--overdue"])),
        Item::new("remind", tz(&["remind"])),
        Item::new(
            "summary --period 2026",
            tz(&["summary", "--period", "2026"]),
        ),
        Item::new("check", tz(&["check"])),
        Item::new("log in", tz(LOG_IN)),
        Item::new(
            "assign",
            tz(&[
                "assign",
                "落实冬季安全生产检查",
                "--lead",
                "办公室",
                "--due",
                "+2w",
            ]),
        ),
        Item::new("progress", || {
            taizhang(bin, root, &["progress", &open_fu, "已召开专题会议研究部署"])
        }),
        Item::new("sync (renumber + push)", tz(&["sync"])).before(|| {
            let logged = taizhang(bin, root, LOG_IN).output().expect("log in");
            assert!(logged.status.success(), "log in before sync failed");
            remote.race_last_commit(root);
        }),
        Item::new("git add f && git commit", || bare_commit(root)),
    ];
    for args in remote.transport() {
        let name = if args[0] == "fetch" {
            "git fetch"
        } else {
            "git push"
        };
        items.push(Item::new(name, move || {
            let mut cmd = Command::new("git");
            cmd.args(&args).current_dir(root);
            identity(&mut cmd);
            cmd
        }));
    }
    if let Some(tasks) = &tasks {
        let task_add = ["add", "落实冬季安全生产检查", "due:2026-12-07"];
        items.push(Item::new("task add", move || tasks.command(&task_add)));
        items.push(Item::new("task +OVERDUE count", move || {
            tasks.command(&["+OVERDUE", "count"])
        }));
        items.push(Item::new("task summary", move || {
            tasks.command(&["summary"])
        }));
    }
    for item in &mut items {
        item.once(false);
    }
    for _ in 0..runs {
        for item in &mut items {
            item.once(true);
        }
    }
    for item in &items {
        report(size, item.name, &stats(item.times.clone(), item.rss));
    }
    ratios(size, &items);
    drop(items);
    remote.tear_down(root);
    git(root, &["reset", "-q", "--hard", &head]);
    git(root, &["clean", "-fdq", "-e", ".taizhang"]);
}

const LOG_IN: &[&str] = &[
    "log",
    "in",
    "--title",
    "关于做好冬季安全生产工作的通知",
    "--from",
    "省交通运输厅",
];

/// taizhang's time against its peer's, for each pair both were timed.
fn ratios(size: u64, items: &[Item]) {
    const PAIRS: [(&str, &[&str]); 8] = [
        ("log in", &["task add"]),
        ("assign", &["task add"]),
        ("progress", &["task add"]),
        ("list fu --overdue", &["task +OVERDUE count"]),
        ("remind", &["task +OVERDUE count"]),
        ("summary --period 2026", &["task summary"]),
        ("log in", &["git add f && git commit"]),
        ("sync (renumber + push)", &["git fetch", "git push"]),
    ];
    let median = |name: &str| items.iter().find(|i| i.name == name).map(Item::median);
    for (ours, peers) in PAIRS {
        let Some(ours_time) = median(ours) else {
            continue;
        };
        let Some(peer_time) = peers.iter().map(|p| median(p)).sum::<Option<Duration>>() else {
            continue;
        };
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{size:>7} | {ours} ÷ {} = {:.2} ({:+.0} ms)",
            peers.join(" + "),
            ours_time.as_secs_f64() / peer_time.as_secs_f64(),
            ms(ours_time) - ms(peer_time),
        );
    }
}

/// A bare `git add f && git commit -q -m x` of one small file, a new
/// content each run.
fn bare_commit(root: &Path) -> Command {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let i = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::fs::write(root.join("bench-note.txt"), format!("run {i}\n")).expect("write note");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("git add bench-note.txt && git commit -q -m bench")
        .current_dir(root);
    identity(&mut cmd);
    cmd
}

/// The ID of an open follow-up of the register, for `progress`.
fn first_open_followup(bin: &Path, root: &Path) -> String {
    let out = taizhang(
        bin,
        root,
        &["list", "fu", "--status", "open", "--format", "json"],
    )
    .output()
    .expect("list open follow-ups");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split("\"id\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the register has an open follow-up")
        .to_string()
}
