//! The settings one at a time, as `taizhang config` reads and writes them:
//! which keys there are, what each holds, a value read from what a clerk
//! typed; and (`check`) what is wrong in the settings as a whole.
//!
//! The keys are not listed by hand: they are the scalar leaves of
//! [`Config`] as it serialises, so a setting added to the struct is a key
//! here without another edit.

pub mod check;
pub mod error;
pub mod notify;
pub mod roster;

use crate::model::config::Config;
pub use error::SettingsError;

/// What a setting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    /// `true` or `false`.
    Flag,
    /// One of these words (`secrecy.titles`).
    Choice(&'static [&'static str]),
}

/// Text settings that take one of a few words, refused at once otherwise
/// (the loader would refuse them too, but naming only a line).
const CHOICES: &[(&str, &[&str])] = &[("secrecy.titles", &["plain", "withheld", "encrypted"])];

/// One scalar setting, by its dotted name (`remind.within`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub shape: Shape,
}

/// A value read for a key, typed as the key holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Text(String),
    Flag(bool),
}

/// Leaves that are not settings a clerk sets one by one: the format
/// version belongs to taizhang; logbooks, retention rules and notify
/// channels are tables keyed by the office's own names (see
/// docs/settings.md).
const NOT_KEYS: &[&str] = &["format_version", "logbooks", "archive.retention", "notify"];

/// Every scalar setting, by name.
pub fn keys() -> Vec<Key> {
    let mut keys = Vec::new();
    if let Some(table) = as_table(&specimen()) {
        leaves(&table, "", &mut keys);
    }
    keys
}

/// Settings with every optional value present, so that serialising them
/// shows every key (an absent option is not written at all).
fn specimen() -> Config {
    let mut config = Config::new("-");
    config.fonds = "-".into();
    config.language = Some("-".into());
    config.timezone = Some("-".into());
    config.logbooks.clear();
    config.secrecy.titles = Some(crate::model::secret::TitlePolicy::Plain);
    config
}

/// `config` as TOML, with every table in it: `[archive]` and
/// `[outgoing]` are written to the file only when they differ from the
/// default, but their values are settings all the same.
fn as_table(config: &Config) -> Option<toml::Table> {
    let toml::Value::Table(mut table) = toml::Value::try_from(config).ok()? else {
        return None;
    };
    table.insert(
        "archive".into(),
        toml::Value::try_from(&config.archive).ok()?,
    );
    table.insert(
        "outgoing".into(),
        toml::Value::try_from(config.outgoing).ok()?,
    );
    Some(table)
}

fn leaves(table: &toml::Table, prefix: &str, keys: &mut Vec<Key>) {
    for (name, value) in table {
        let name = format!("{prefix}{name}");
        if NOT_KEYS.contains(&name.as_str()) {
            continue;
        }
        let shape = match value {
            toml::Value::Table(inner) => {
                leaves(inner, &format!("{name}."), keys);
                continue;
            }
            toml::Value::Boolean(_) => Shape::Flag,
            toml::Value::String(_) => match CHOICES.iter().find(|(key, _)| *key == name) {
                Some((_, words)) => Shape::Choice(words),
                None => Shape::Text,
            },
            _ => continue,
        };
        keys.push(Key { name, shape });
    }
}

/// The key named `name` (any case), or why not: the keys there are.
pub fn key(name: &str) -> Result<Key, SettingsError> {
    let all = keys();
    let wanted = name.trim();
    all.iter()
        .find(|k| k.name.eq_ignore_ascii_case(wanted))
        .cloned()
        .ok_or_else(|| SettingsError::UnknownKey {
            key: wanted.to_string(),
            known: all.into_iter().map(|k| k.name).collect(),
        })
}

/// Reads `input` as a value of `key`: `true`/`false` (also yes/no, on/off,
/// 是/否) for a flag, the text trimmed otherwise. Whether the value is a good one is the loader's to say.
pub fn read(key: &Key, input: &str) -> Result<Typed, SettingsError> {
    let text = input.trim();
    let bad = || SettingsError::BadValue {
        key: key.name.clone(),
        input: input.to_string(),
        shape: key.shape,
    };
    match key.shape {
        Shape::Text => Ok(Typed::Text(text.to_string())),
        Shape::Choice(words) => match words.iter().find(|w| w.eq_ignore_ascii_case(text)) {
            Some(word) => Ok(Typed::Text(word.to_string())),
            None => Err(bad()),
        },
        Shape::Flag => match text.to_lowercase().as_str() {
            "true" | "yes" | "on" | "是" => Ok(Typed::Flag(true)),
            "false" | "no" | "off" | "否" => Ok(Typed::Flag(false)),
            _ => Err(bad()),
        },
    }
}

/// The value `config` has for `key` as text, defaults included; `None`
/// when it has none (an option not set).
pub fn value_of(config: &Config, key: &Key) -> Option<String> {
    let table = toml::Value::Table(as_table(config)?);
    let leaf = key
        .name
        .split('.')
        .try_fold(&table, |value, part| value.get(part))?;
    match leaf {
        toml::Value::String(text) if text.is_empty() => None,
        toml::Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_are_the_scalar_settings_of_the_struct() {
        let names: Vec<String> = keys().into_iter().map(|k| k.name).collect();
        for name in [
            "unit",
            "fonds",
            "language",
            "timezone",
            "prefixes.incoming",
            "remind.within",
            "followups.verify",
            "git.autocommit",
            "git.sync_on_write",
            "archive.by_org",
            "secrecy.titles",
        ] {
            assert!(names.contains(&name.to_string()), "{name} in {names:?}");
        }
        for not in [
            "format_version",
            "logbooks",
            "archive.retention.default",
            "secrecy.recipients",
        ] {
            assert!(!names.iter().any(|n| n.starts_with(not)), "{not}");
        }
        assert_eq!(key("GIT.AUTOCOMMIT").unwrap().shape, Shape::Flag);
        assert!(matches!(
            key("remind.whithin"),
            Err(SettingsError::UnknownKey { known, .. }) if known.len() == names.len()
        ));
    }

    #[test]
    fn a_value_is_read_as_its_key_holds_it() {
        let flag = key("followups.verify").unwrap();
        assert_eq!(read(&flag, " 是 ").unwrap(), Typed::Flag(true));
        assert_eq!(read(&flag, "off").unwrap(), Typed::Flag(false));
        assert!(read(&flag, "maybe").is_err());
        let text = key("fonds").unwrap();
        assert_eq!(read(&text, " J001 ").unwrap(), Typed::Text("J001".into()));
        let policy = key("secrecy.titles").unwrap();
        assert_eq!(
            read(&policy, "Withheld").unwrap(),
            Typed::Text("withheld".into())
        );
        assert!(read(&policy, "hidden").is_err());
        let config = Config::new("某局");
        assert_eq!(
            value_of(&config, &key("remind.within").unwrap()).as_deref(),
            Some("3d")
        );
        assert_eq!(
            value_of(&config, &key("git.autocommit").unwrap()).as_deref(),
            Some("true")
        );
        assert_eq!(value_of(&config, &text), None);
    }
}
