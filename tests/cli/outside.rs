//! Programs from outside the toolchain that some checks need (a browser, a
//! spreadsheet, `age`, `strace`): the one place that finds them.
//!
//! The README promises `cargo test` on a machine with only Rust and git,
//! so a check whose program is missing skips with a note written past the
//! test harness's capture (a passing run still shows it). CI installs the
//! programs and sets `TAIZHANG_CI_STRICT`, under which a missing program
//! fails the check instead.

use std::io::Write;
use std::path::PathBuf;

/// Set in CI, where a check that cannot run must fail rather than skip.
pub const STRICT: &str = "TAIZHANG_CI_STRICT";

/// The path of `name` on `PATH`, or `None` after a note saying which check
/// was skipped and why. Panics under `TAIZHANG_CI_STRICT`.
pub fn program(name: &str, check: &str) -> Option<PathBuf> {
    if let Some(found) = on_path(name) {
        return Some(found);
    }
    if std::env::var_os(STRICT).is_some() {
        panic!(
            "`{name}` is not installed, so {check} cannot run ({STRICT} is set: it may not be skipped)"
        );
    }
    let note = format!("note: skipped {check}: `{name}` is not installed\n");
    let _ = std::io::stderr().write_all(note.as_bytes());
    None
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_program_every_machine_has_is_found() {
        assert!(super::program("git", "the finder's own check").is_some());
    }
}
