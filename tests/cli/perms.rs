//! File modes: what taizhang creates follows the umask (0666 less it), as
//! files made by any other program do, and a rewrite keeps the mode the
//! file has. Files written 0600 locked the cron user and colleagues on a
//! shared server out of the register.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::env::Env;

/// Runs `taizhang ARGS` under `umask`, expecting success.
fn run_with_umask(env: &Env, dir: &Path, umask: &str, args: &[&str]) {
    let mut cmd = env.std_cmd_of(Path::new("/bin/sh"));
    cmd.current_dir(dir)
        .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
        .arg(env!("CARGO_BIN_EXE_taizhang"))
        .args(args);
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "taizhang {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn mode(env: &Env, relative: &str) -> u32 {
    std::fs::metadata(env.root.join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
        .permissions()
        .mode()
        & 0o777
}

fn files_follow(umask: &str, expected: u32) {
    let env = Env::bare();
    run_with_umask(&env, env.tmp.path(), umask, &["init", "reg"]);
    for file in ["taizhang.toml", ".gitignore", "calendar.toml"] {
        assert_eq!(mode(&env, file), expected, "{file} under umask {umask}");
    }
    let scan = env.tmp.path().join("扫描件.pdf");
    std::fs::write(&scan, b"%PDF").unwrap();
    run_with_umask(
        &env,
        &env.root,
        umask,
        &[
            "log",
            "in",
            "--title",
            "来文",
            "--from",
            "省厅",
            "--attach",
            scan.to_str().unwrap(),
        ],
    );
    run_with_umask(
        &env,
        &env.root,
        umask,
        &["assign", "事项", "--lead", "办公室", "--due", "+1w"],
    );
    // An import stages its records in a batch: the same modes.
    let sheet = env.tmp.path().join("督办台账.csv");
    std::fs::write(
        &sheet,
        "督办事项,牵头单位,交办日期,办结时限\n甲,办公室,2026-11-01,2026-11-30\n乙,办公室,2026-11-01,2026-11-30\n",
    )
    .unwrap();
    run_with_umask(
        &env,
        &env.root,
        umask,
        &["import", "csv", "fu", sheet.to_str().unwrap()],
    );
    for file in [
        "documents/2026/IN-2026-0001.yaml",
        "attachments/IN-2026-0001/扫描件.pdf",
        "followups/2026/FU-2026-0001.yaml",
        "followups/2026/FU-2026-0002.yaml",
        "followups/2026/FU-2026-0003.yaml",
    ] {
        assert_eq!(mode(&env, file), expected, "{file} under umask {umask}");
    }
}

#[test]
fn new_files_follow_umask_022() {
    files_follow("022", 0o644);
}

#[test]
fn new_files_follow_umask_002() {
    files_follow("002", 0o664);
}

#[test]
fn a_rewrite_keeps_the_files_mode() {
    let env = Env::new();
    let id = env.assign("事项");
    let path = format!("followups/2026/{id}.yaml");
    std::fs::set_permissions(env.root.join(&path), std::fs::Permissions::from_mode(0o640)).unwrap();
    run_with_umask(&env, &env.root, "000", &["progress", &id, "进展"]);
    assert!(env.read(&path).contains("进展"));
    assert_eq!(mode(&env, &path), 0o640);
}
