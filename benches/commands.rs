//! Command benchmarks at register scale (targets and figures:
//! docs/exit-codes-and-performance.md): a documented harness,
//! not criterion, because what matters is the whole built binary in a
//! fresh process against a real register with real git.
//!
//! ```text
//! cargo bench --bench commands                  # 10k and 100k, 5 runs each
//! TZ_BENCH_SIZES=10000 TZ_BENCH_RUNS=9 cargo bench --bench commands
//! TZ_BENCH_DIR=/tmp/tzbench cargo bench --bench commands
//! ```
//!
//! Registers are generated once per size under `TZ_BENCH_DIR` (default: a
//! `taizhang-bench` folder in the temporary directory) with the
//! `gen_register` example, and reused afterwards (generation is
//! deterministic). Each command gets one untimed warm-up run (warm page
//! cache, warm `.taizhang/` cache), then `TZ_BENCH_RUNS` timed runs; the
//! median, minimum and maximum are reported, with peak resident memory from
//! `/usr/bin/time -v` when it exists. Write commands are compared with a
//! bare `git add f && git commit` of one file in the same repository, and
//! the register is reset to its generated commit afterwards.
//!
//! This harness must never run in CI's test command (slow, noisy); CI only
//! builds it (`cargo bench --no-run`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes other
    // flags: only run when asked to benchmark.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let sizes = env_list("TZ_BENCH_SIZES", &[10_000, 100_000]);
    let runs = env_list("TZ_BENCH_RUNS", &[5])[0].max(1) as usize;
    let dir = std::env::var_os("TZ_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("taizhang-bench"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_taizhang"));
    println!("taizhang command benchmarks: {runs} runs each, medians (min–max), peak RSS");
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
        bench_size(&bin, &root, size, runs);
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

/// Wall time of one run, and its peak RSS in KB when measurable.
fn run_once(mut cmd: Command) -> (Duration, Option<u64>) {
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
    if !output.status.success() && output.status.code() != Some(1) {
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
    (elapsed, rss)
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

fn bench_read(bin: &Path, root: &Path, args: &[&str], runs: usize) -> Stats {
    run_once(taizhang(bin, root, args));
    let mut times = Vec::new();
    let mut rss = None;
    for _ in 0..runs {
        let (t, r) = run_once(taizhang(bin, root, args));
        times.push(t);
        rss = rss.max(r);
    }
    stats(times, rss)
}

fn git(root: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new("git");
    cmd.args(args).current_dir(root);
    identity(&mut cmd);
    let out = cmd.output().expect("run git");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn bench_size(bin: &Path, root: &Path, size: u64, runs: usize) {
    let reads: &[(&str, &[&str])] = &[
        ("list fu --overdue", &["list", "fu", "--overdue"]),
        ("remind", &["remind"]),
        ("desk", &["desk"]),
        ("summary --period 2026", &["summary", "--period", "2026"]),
        ("check", &["check"]),
        ("show FU-2026-0001", &["show", "FU-2026-0001"]),
    ];
    for (name, args) in reads {
        report(size, name, &bench_read(bin, root, args, runs));
    }
    let head = git(root, &["rev-parse", "HEAD"]);
    bench_writes(bin, root, size, runs);
    git(root, &["reset", "-q", "--hard", &head]);
    git(root, &["clean", "-fdq", "-e", ".taizhang"]);
}

fn bench_writes(bin: &Path, root: &Path, size: u64, runs: usize) {
    let bare = bench_bare_commit(root, runs);
    report(size, "git add f && git commit", &bare);
    let writes: &[(&str, &[&str])] = &[
        (
            "log in",
            &[
                "log",
                "in",
                "--title",
                "关于做好冬季安全生产工作的通知",
                "--from",
                "省交通运输厅",
            ],
        ),
        (
            "assign",
            &[
                "assign",
                "落实冬季安全生产检查",
                "--lead",
                "办公室",
                "--due",
                "+2w",
            ],
        ),
        (
            // Two files, put in place through the journal.
            "assign --from",
            &[
                "assign",
                "落实来文要求",
                "--lead",
                "办公室",
                "--due",
                "+2w",
                "--from",
                "IN-2026-0001",
            ],
        ),
    ];
    // `progress` needs a follow-up still open: the generator closes many.
    let open_fu = first_open_followup(bin, root);
    let progress: [&str; 3] = ["progress", &open_fu, "已召开专题会议研究部署"];
    let writes = writes.iter().copied().chain(std::iter::once((
        "progress (open follow-up)",
        &progress[..],
    )));
    for (name, args) in writes {
        // A write that fails is fast and would make a fine-looking figure.
        let probe = taizhang(bin, root, args).output().expect("run command");
        assert!(
            probe.status.success(),
            "{name} failed: {}",
            String::from_utf8_lossy(&probe.stderr)
        );
        let mut times = Vec::new();
        let mut rss = None;
        for _ in 0..runs {
            let (t, r) = run_once(taizhang(bin, root, args));
            times.push(t);
            rss = rss.max(r);
        }
        let s = stats(times, rss);
        report(size, name, &s);
        let over = s.median.as_secs_f64() - bare.median.as_secs_f64();
        println!(
            "{size:>7} |   {name} − bare commit = {:+.1} ms",
            over * 1000.0
        );
    }
}

/// A bare `git add f && git commit -q -m x` of one small file.
fn bench_bare_commit(root: &Path, runs: usize) -> Stats {
    let mut times = Vec::new();
    for i in 0..runs {
        let file = root.join("bench-note.txt");
        std::fs::write(&file, format!("run {i}\n")).expect("write note");
        let start = Instant::now();
        let mut add = Command::new("sh");
        add.arg("-c")
            .arg("git add bench-note.txt && git commit -q -m bench")
            .current_dir(root);
        identity(&mut add);
        let _ = add.status();
        times.push(start.elapsed());
    }
    stats(times, None)
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
