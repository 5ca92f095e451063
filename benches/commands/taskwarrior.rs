//! The peer: Taskwarrior holding as many tasks as the register holds
//! records, when `task` is installed.
//!
//! The database is made once per size under the bench folder by `task
//! import` of a generated JSON file (deterministic: the same tasks every
//! time), kept as a pristine copy, and copied afresh before each bench run
//! so that the tasks `task add` adds do not pile up across runs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// How many of the tasks are pending, in percent (`TZ_BENCH_TASK_PENDING`,
/// default 100): Taskwarrior reads every pending task on each command and
/// the completed ones only when a report asks for them, as taizhang's
/// writes read git's index of every record, open or not.
fn pending_percent() -> u64 {
    std::env::var("TZ_BENCH_TASK_PENDING")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(100, |p: u64| p.min(100))
}

/// A Taskwarrior data folder of `size` tasks, ready for commands.
pub struct Tasks {
    rc: PathBuf,
    data: PathBuf,
}

impl Tasks {
    /// The database for `size` tasks under `dir`, made if missing, copied
    /// fresh for this run; `None` (with a note) without `task`.
    pub fn prepare(dir: &Path, size: u64) -> Option<Tasks> {
        let found = Command::new("task").arg("--version").output();
        if !found.is_ok_and(|o| o.status.success()) {
            eprintln!("note: skipped the Taskwarrior comparison: `task` is not installed");
            return None;
        }
        let pending = pending_percent();
        let pristine = dir.join(format!("task{size}-p{pending}"));
        let rc = dir.join("taskrc");
        std::fs::create_dir_all(dir).expect("bench folder");
        std::fs::write(&rc, "").expect("write taskrc");
        if !pristine.join("pending.data").is_file() {
            eprintln!("importing {size} tasks into {} …", pristine.display());
            generate(&rc, &pristine, size, pending);
        }
        let data = dir.join(format!("task{size}-run"));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).expect("task data folder");
        for entry in std::fs::read_dir(&pristine).expect("read task data") {
            let entry = entry.expect("task data entry");
            std::fs::copy(entry.path(), data.join(entry.file_name())).expect("copy task data");
        }
        Some(Tasks { rc, data })
    }

    /// `task ARGS` on this database: no confirmation, no hooks, no colour,
    /// today pinned as for taizhang.
    pub fn command(&self, args: &[&str]) -> Command {
        task(&self.rc, &self.data, args)
    }
}

fn task(rc: &Path, data: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("task");
    cmd.env("TASKRC", rc)
        .env("TASKDATA", data)
        .env("TZ", "Asia/Shanghai")
        .args([
            "rc.confirmation=off",
            "rc.hooks=off",
            "rc.color=off",
            "rc.verbose=nothing",
            "rc.recurrence=off",
        ])
        .args(args);
    cmd
}

/// Imports `size` tasks into `data`: ten years of work, due dates spread
/// over them, so that a tenth of the pending ones are overdue on
/// 2026-11-23 as the register's are; `pending` percent left pending, the
/// rest completed.
fn generate(rc: &Path, data: &Path, size: u64, pending: u64) {
    std::fs::create_dir_all(data).expect("task data folder");
    let json = data.with_extension("json");
    let mut text = String::with_capacity(size as usize * 200);
    text.push('[');
    let mut rng = 0x007a_697a_6861_6e67_u64;
    for i in 0..size {
        rng = splitmix(rng);
        let day = rng % 3_600;
        let entry = date_after(day);
        let is_pending = (rng >> 20) % 100 < pending;
        // Pending tasks are due after 2026-11-23 but for one in ten.
        let due = if is_pending && !(rng >> 40).is_multiple_of(10) {
            "20270301T000000Z".to_string()
        } else {
            date_after(day + 14)
        };
        let status = if is_pending { "pending" } else { "completed" };
        let end = if is_pending {
            String::new()
        } else {
            format!(",\"end\":\"{}\"", date_after(day + 7))
        };
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"uuid\":\"{:08x}-0000-4000-8000-{:012x}\",\"status\":\"{status}\",\
             \"description\":\"落实第{i}号来文要求并按时报送办理情况\",\"project\":\"office.p{}\",\
             \"entry\":\"{entry}\",\"due\":\"{due}\"{end}}}",
            i,
            rng & 0xffff_ffff_ffff,
            i % 12,
        ));
    }
    text.push(']');
    std::fs::write(&json, text).expect("write tasks json");
    let out = task(rc, data, &["import", json.to_str().expect("utf-8 path")])
        .output()
        .expect("run task import");
    assert!(
        out.status.success(),
        "task import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(&json);
}

/// `2017-01-01` plus `days`, in Taskwarrior's date form.
fn date_after(days: u64) -> String {
    let date = jiff::civil::date(2017, 1, 1)
        .checked_add(jiff::Span::new().days(days as i64))
        .expect("date in range");
    format!("{}T000000Z", date.strftime("%Y%m%d"))
}

fn splitmix(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
