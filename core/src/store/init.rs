//! Creating a register on disk (`taizhang init`): settings, a .gitignore
//! for local state, the working-day calendar, the record folders, and the
//! git repository with a first commit.

use std::path::{Path, PathBuf};

use crate::model::config::Config;
use crate::model::kind::Kind;
use crate::store::calendar::CALENDAR_FILE;
use crate::store::error::{Error, Result};
use crate::store::register::{SETTINGS_FILE, render_config};
use crate::store::{git, save};

/// What to do about git when creating a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Git {
    /// No repository (`--no-git`).
    None,
    /// Join the repository around, or create one; no commit.
    Repository,
    /// As `Repository`, and commit the new files.
    Commit,
}

/// Creates a register in `root` with `config` and the calendar text
/// `calendar`. An existing register is refused before anything is
/// written; a .gitignore or calendar already there is kept.
pub fn create(root: &Path, config: &Config, calendar: &str, git: Git) -> Result<()> {
    if root.join(SETTINGS_FILE).exists() {
        return Err(Error::RegisterExists {
            path: root.to_path_buf(),
        });
    }
    std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
    let settings = PathBuf::from(SETTINGS_FILE);
    let ignore = PathBuf::from(".gitignore");
    save::write_atomic(root, &settings, render_config(config).as_bytes())?;
    if !root.join(&ignore).exists() {
        save::write_atomic(
            root,
            &ignore,
            b"# taizhang's local state: lock, cache\n.taizhang/\n",
        )?;
    }
    let calendar_file = PathBuf::from(CALENDAR_FILE);
    if !root.join(&calendar_file).exists() {
        save::write_atomic(root, &calendar_file, calendar.as_bytes())?;
    }
    for folder in Kind::folders() {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    save::ensure_state_dir(root)?;

    if git == Git::None {
        return Ok(());
    }
    // Inside a repository already (the office keeps one for all its
    // files), the register joins it, as `cargo new` does: a nested
    // repository would show as one opaque entry in the outer one.
    if !git::is_work_tree(root) {
        git::init(root)?;
        // A register grows to many thousands of files: its own repository
        // gets the index settings that keep each commit cheap.
        git::tune_new(root);
    }
    if git == Git::Commit && config.git.autocommit {
        git::commit(
            root,
            &[settings, ignore, calendar_file],
            "taizhang: init register",
        )
        .map_err(|message| Error::CommitFailed {
            what: SETTINGS_FILE.to_string(),
            message,
        })?;
    }
    Ok(())
}
