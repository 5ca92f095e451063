//! The send log, `.taizhang/notify-log.json` (local, never committed):
//! what each channel sent each recipient today, as a fingerprint of the
//! letter, so that a second run the same day sends only what changed.
//! Only today's entries are kept.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The file's name in the register's state folder.
pub const FILE: &str = "notify-log.json";

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    date: Date,
    /// `channel/recipient` → the fingerprint of the letter sent.
    sent: BTreeMap<String, String>,
}

#[derive(Debug)]
pub struct SendLog {
    path: PathBuf,
    stored: Stored,
}

impl SendLog {
    /// Today's log in `state_dir`; a missing, unreadable or older one is
    /// an empty log (at worst a letter is sent twice).
    pub fn load(state_dir: &Path, today: Date) -> SendLog {
        let path = state_dir.join(FILE);
        let stored = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str::<Stored>(&text).ok())
            .filter(|s| s.date == today)
            .unwrap_or(Stored {
                date: today,
                sent: BTreeMap::new(),
            });
        SendLog { path, stored }
    }

    fn key(channel: &str, recipient: &str) -> String {
        format!("{channel}/{recipient}")
    }

    /// Whether this very letter went to `recipient` through `channel`
    /// today.
    pub fn already(&self, channel: &str, recipient: &str, fingerprint: &str) -> bool {
        self.stored
            .sent
            .get(&Self::key(channel, recipient))
            .map(String::as_str)
            == Some(fingerprint)
    }

    /// Notes a letter delivered and writes the log at once (atomically),
    /// so that a run cut short still knows what went.
    pub fn delivered(
        &mut self,
        channel: &str,
        recipient: &str,
        fingerprint: &str,
    ) -> std::io::Result<()> {
        self.stored
            .sent
            .insert(Self::key(channel, recipient), fingerprint.to_string());
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        let text = serde_json::to_string_pretty(&self.stored).map_err(std::io::Error::other)?;
        file.write_all(text.as_bytes())?;
        file.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_is_known_until_the_day_ends() {
        let dir = tempfile::tempdir().unwrap();
        let today = Date::constant(2026, 12, 6);
        let mut log = SendLog::load(dir.path(), today);
        assert!(!log.already("office", "all", "abc"));
        log.delivered("office", "all", "abc").unwrap();
        let again = SendLog::load(dir.path(), today);
        assert!(again.already("office", "all", "abc"));
        assert!(!again.already("office", "all", "changed"));
        let tomorrow = SendLog::load(dir.path(), Date::constant(2026, 12, 7));
        assert!(!tomorrow.already("office", "all", "abc"));
    }
}
