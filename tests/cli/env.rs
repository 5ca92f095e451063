//! The pinned world every end-to-end test runs in: a temporary register
//! with real git, a cleared environment, a fixed today, time zone, user,
//! language and terminal width (as jj's test_environment.rs does).

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Mutex;

use assert_cmd::Command;
use tempfile::TempDir;

/// The date every test takes as today (a Monday).
pub const TODAY: &str = "2026-11-23";

/// Units of the test register, as a clerk would declare them.
const UNITS: &str = r#"
[[units]]
name = "办公室"
code = "BGS"

[[units]]
name = "财务科"
code = "CWK"

[[units]]
name = "法规科"
code = "FGK"

[[units]]
name = "执法支队"
code = "ZFZD"
"#;

pub struct Env {
    /// Holds the temporary folder; removed on drop.
    pub tmp: TempDir,
    /// The register's root.
    pub root: PathBuf,
    /// `TAIZHANG_NOW` for every command run from now on, if set.
    now: Mutex<Option<String>>,
}

impl Env {
    /// A fresh register `reg` with units, committed to git.
    pub fn new() -> Env {
        let env = Env::bare();
        env.cmd()
            .current_dir(env.tmp.path())
            .args([
                "init",
                "reg",
                "--unit",
                "某市交通运输局",
                "--issuer",
                "市交发",
            ])
            .assert()
            .success();
        let settings = env.root.join("taizhang.toml");
        // Without `language`, as registers made before init wrote it:
        // the locale (and --lang) then choose, as the language tests need.
        let text = std::fs::read_to_string(&settings).unwrap();
        // Classified titles in clear (`plain`), which the tests of what
        // reports show and withhold need; tests/cli/vault.rs sets the
        // other policies itself.
        let mut text: String = (text.lines())
            .filter(|line| !line.starts_with("language = "))
            .map(|line| match line {
                "titles = \"withheld\"" => "titles = \"plain\"\n".to_string(),
                _ => format!("{line}\n"),
            })
            .collect();
        text.push_str(UNITS);
        std::fs::write(&settings, text).unwrap();
        env.git(&["commit", "-qam", "units"]);
        env
    }

    /// A temporary folder with the pinned git identity but no register.
    pub fn bare() -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let gitconfig = tmp.path().join("gitconfig");
        std::fs::write(
            &gitconfig,
            "[user]\n\tname = Test Clerk\n\temail = clerk@example.com\n[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        let root = tmp.path().join("reg");
        Env {
            tmp,
            root,
            now: Mutex::new(None),
        }
    }

    /// A copy of the bundled example register, committed to a fresh git
    /// repository; the clock is the caller's to pin.
    pub fn example() -> Env {
        let env = Env::bare();
        let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/office");
        crate::snapshots::copy_dir(&example, &env.root);
        env.git(&["init", "-q"]);
        env.git(&["add", "-A"]);
        env.git(&["commit", "-qm", "示例台账"]);
        env
    }

    /// `taizhang` in the register, in the pinned environment.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as a plain `std::process::Command`, for spawning.
    pub fn std_cmd(&self) -> std::process::Command {
        self.std_cmd_of(Path::new(env!("CARGO_BIN_EXE_taizhang")))
    }

    /// `std_cmd` running the taizhang binary at `binary`.
    pub fn std_cmd_of(&self, binary: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new(binary);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.tmp.path())
            .env("TZ", "Asia/Shanghai")
            .env("TAIZHANG_TODAY", TODAY)
            .env("TAIZHANG_USER", "王芳")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("LANG", "C")
            .env("GIT_CONFIG_GLOBAL", self.tmp.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(&self.root);
        if let Some(now) = self.now.lock().unwrap().as_deref() {
            cmd.env("TAIZHANG_NOW", now);
        }
        cmd
    }

    /// Every later command sees a clock ten minutes ahead of the real one:
    /// the files written so far are then old enough for the cache to trust
    /// (they are out of its racy window) without the test waiting.
    pub fn skip_ahead(&self) {
        let later = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(10);
        *self.now.lock().unwrap() = Some(later.to_string());
    }

    /// Every later command sees the real clock again.
    pub fn real_time(&self) {
        *self.now.lock().unwrap() = None;
    }

    /// Every later command sees the clock at `moment` (RFC 3339), so that
    /// the times written into history entries are the same on every run.
    pub fn pin_clock(&self, moment: &str) {
        *self.now.lock().unwrap() = Some(moment.to_string());
    }

    /// Runs `taizhang ARGS`, expecting success; returns stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "taizhang {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `taizhang ARGS`, expecting exit code 1 and the register
    /// untouched; returns stderr.
    pub fn fail(&self, args: &[&str]) -> String {
        let before = self.state();
        let output = self.cmd().args(args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "taizhang {args:?} should exit 1; stdout: {}; stderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            before,
            self.state(),
            "taizhang {args:?} changed the register"
        );
        String::from_utf8(output.stderr).unwrap()
    }

    /// Runs and returns the whole output, whatever the exit code.
    pub fn output(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// `git ARGS` in the register; returns stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(&self.root)
            .env("GIT_CONFIG_GLOBAL", self.tmp.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Number of commits on HEAD.
    pub fn commits(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .unwrap()
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root.join(relative)).unwrap()
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Files the document at `relative` by hand under archive `number`
    /// and commits it: `book add loan` lends only an archived record, and
    /// tests about loans of papers still in hand need one. Returns the
    /// file as it was, for the test to put back.
    pub fn file_by_hand(&self, relative: &str, number: &str) -> String {
        let kept = self.read(relative);
        let filed: String = (kept.lines())
            .map(|line| match line.starts_with("status: ") {
                true => "status: archived\n".to_string(),
                false => format!("{line}\n"),
            })
            .collect();
        self.write(relative, &format!("{filed}archive:\n  number: {number}\n"));
        self.git(&["commit", "-qam", "filed by hand"]);
        kept
    }

    /// Every file of the register (but .git and .taizhang) with its
    /// content, plus git's HEAD and status: equal before and after means
    /// untouched.
    pub fn state(&self) -> (Vec<(PathBuf, Vec<u8>)>, String, String) {
        let mut files = Vec::new();
        collect(&self.root, &self.root, &mut files);
        files.sort();
        let head = std::process::Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(&self.root)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let status = std::process::Command::new("git")
            .args(["status", "--porcelain"])
            .current_dir(&self.root)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        (files, head, status)
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == ".git" || name == ".taizhang" {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let content = std::fs::read(&path).unwrap_or_default();
            out.push((path.strip_prefix(root).unwrap().to_path_buf(), content));
        }
    }
}

impl Env {
    /// Replaces `from` by `to` in taizhang.toml and commits the change.
    pub fn configure(&self, from: &str, to: &str) {
        let text = self.read("taizhang.toml");
        assert!(text.contains(from), "taizhang.toml has no {from:?}");
        self.write("taizhang.toml", &text.replacen(from, to, 1));
        self.git(&["commit", "-qam", "settings"]);
    }

    /// Registers an incoming document; returns its ID.
    pub fn log_in(&self, title: &str) -> String {
        self.run(&["log", "in", "--title", title, "--from", "省交通运输厅"])
            .trim()
            .to_string()
    }

    /// IN-2026-0001, a secret action paper (关于专项行动的秘密通知) led by
    /// 办公室 with deadline 11-24, and FU-2026-0001 made from it
    /// (落实专项行动部署), due today.
    pub fn secret_paper_and_follow_up(&self) {
        self.run(&[
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
            "--deadline",
            "2026-11-24",
            "--lead",
            "BGS",
        ]);
        self.run(&[
            "assign",
            "落实专项行动部署",
            "--lead",
            "BGS",
            "--due",
            "2026-11-23",
            "--from",
            "IN-1",
        ]);
    }

    /// Creates a follow-up led by 办公室 due in two weeks; returns its ID.
    pub fn assign(&self, title: &str) -> String {
        self.run(&["assign", "--lead", "BGS", "--due", "+2w", "--", title])
            .trim()
            .to_string()
    }

    /// Files changed by the last commit.
    pub fn last_commit_files(&self) -> Vec<String> {
        let mut files: Vec<String> = self
            .git(&[
                "-c",
                "core.quotePath=false",
                "show",
                "--name-only",
                "--format=",
                "HEAD",
            ])
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        files.sort();
        files
    }

    /// `git status --porcelain --untracked-files=all`.
    pub fn status(&self) -> String {
        self.git(&[
            "-c",
            "core.quotePath=false",
            "status",
            "--porcelain",
            "--untracked-files=all",
        ])
    }

    /// A record file parsed as YAML.
    pub fn yaml(&self, relative: &str) -> serde_yaml::Value {
        let text = self.read(relative);
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}\n{text}"))
    }
}

/// A YAML value's string at `key`, or "" when absent.
pub fn text(value: &serde_yaml::Value, key: &str) -> String {
    value
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}
