//! `.taizhang/secrets.toml`: robot keys, signing secrets and SMTP
//! passwords kept on this machine only (`.taizhang/` is never committed),
//! in `[notify.NAME]` tables with the keys of the settings' own tables.
//!
//! Refused unless only its owner may read it: a key that leaks lets
//! anyone post in the office's groups.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::NotifyProblem;

/// The file's name in the register's state folder.
pub const FILE: &str = "secrets.toml";

/// The values of the secrets file, by channel, then key.
#[derive(Debug, Default)]
pub struct SecretsFile {
    channels: BTreeMap<String, BTreeMap<String, String>>,
}

impl SecretsFile {
    /// The value the file holds for `channel`'s `key`.
    pub fn value(&self, channel: &str, key: &str) -> Option<&str> {
        self.channels.get(channel)?.get(key).map(String::as_str)
    }
}

/// Reads the secrets file in `state_dir`; none there is an empty one.
pub fn read(state_dir: &Path) -> Result<SecretsFile, NotifyProblem> {
    let path = state_dir.join(FILE);
    let unreadable = |problem: String| NotifyProblem::SecretsUnreadable {
        path: shown(&path),
        problem,
    };
    let metadata = match std::fs::metadata(&path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SecretsFile::default()),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    refuse_open(&path, &metadata)?;
    let text = std::fs::read_to_string(&path).map_err(|e| unreadable(e.to_string()))?;
    parse(&text).map_err(unreadable)
}

/// The path as the clerk finds it, from the register's root.
fn shown(path: &Path) -> PathBuf {
    let mut parts = path.components().rev().take(2).collect::<Vec<_>>();
    parts.reverse();
    parts.iter().collect()
}

#[cfg(unix)]
fn refuse_open(path: &Path, metadata: &std::fs::Metadata) -> Result<(), NotifyProblem> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(NotifyProblem::SecretsOpen {
            path: shown(path),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_open(_: &Path, _: &std::fs::Metadata) -> Result<(), NotifyProblem> {
    Ok(())
}

/// `[notify.NAME]` tables of text values; anything else is refused, so a
/// misspelt table is not silently ignored.
fn parse(text: &str) -> Result<SecretsFile, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut channels = BTreeMap::new();
    for (top, value) in table {
        let Some(notify) = value.as_table().filter(|_| top == "notify") else {
            return Err(format!(
                "only [notify.NAME] tables belong here, not '{top}'"
            ));
        };
        for (name, keys) in notify {
            let keys = keys
                .as_table()
                .ok_or_else(|| format!("notify.{name} must be a table"))?;
            let mut values = BTreeMap::new();
            for (key, value) in keys {
                let text = value
                    .as_str()
                    .ok_or_else(|| format!("notify.{name}.{key} must be text in quotes"))?;
                values.insert(key.clone(), text.to_string());
            }
            channels.insert(name.clone(), values);
        }
    }
    Ok(SecretsFile { channels })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_by_channel_and_key() {
        let file = parse("[notify.office]\nurl = \"https://x/?key=1\"\n").unwrap();
        assert_eq!(file.value("office", "url"), Some("https://x/?key=1"));
        assert_eq!(file.value("office", "secret"), None);
        assert!(parse("[other]\na = \"b\"\n").is_err());
        assert!(parse("[notify.office]\nretries = 3\n").is_err());
    }
}
