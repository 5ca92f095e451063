//! What `check` finds wrong in the settings as a whole, and what every
//! command that writes them refuses to bring about: values the loader
//! reads but that break a command later (an empty issuer numbers
//! documents `〔2026〕1号`; an unreadable `remind.within` fails every
//! `remind`), and lists that name one thing twice.

use crate::model::config::Config;
use crate::model::date::Span;
use crate::model::logbook::FIELD_TYPES;

/// One problem in the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingNote {
    /// A number series without an issuer code (发文机关代字).
    EmptyIssuer { series: String, index: usize },
    /// A span setting (`remind.within`) that does not read as one.
    BadSpan { key: String, value: String },
    /// A `language` other than English or Chinese.
    BadLanguage { value: String },
    /// A unit name or code given to two units (or twice to one).
    UnitTwice { name: String, index: usize },
    /// A person listed twice.
    PersonTwice { name: String, index: usize },
    /// A logbook field of a type taizhang does not know.
    FieldType {
        book: String,
        field: String,
        kind: String,
        index: usize,
    },
    /// A robot key, signing secret or password written out in the
    /// settings, which git shares with everyone who has the register.
    /// A warning: it works, but it should live in the environment or in
    /// `.taizhang/secrets.toml`.
    LiteralSecret { channel: String, key: String },
}

/// A step on the way to a value in the settings: a key or a place in a
/// list, for finding its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl SettingNote {
    /// Where the problem sits in the settings.
    pub fn place(&self) -> Vec<Step> {
        let key = |k: &str| Step::Key(k.to_string());
        match self {
            SettingNote::EmptyIssuer { index, .. } => {
                vec![key("series"), Step::Index(*index), key("issuer")]
            }
            SettingNote::BadSpan { key: name, .. } => name.split('.').map(key).collect(),
            SettingNote::BadLanguage { .. } => vec![key("language")],
            SettingNote::UnitTwice { index, .. } => vec![key("units"), Step::Index(*index)],
            SettingNote::PersonTwice { index, .. } => vec![key("people"), Step::Index(*index)],
            SettingNote::FieldType { book, index, .. } => vec![
                key("logbooks"),
                key(book),
                key("fields"),
                Step::Index(*index),
                key("type"),
            ],
            SettingNote::LiteralSecret { channel, key: name } => {
                vec![key("notify"), key(channel), key(name)]
            }
        }
    }

    /// Whether `check` only warns of it: the settings still work.
    pub fn is_warning(&self) -> bool {
        matches!(self, SettingNote::LiteralSecret { .. })
    }

    /// The place as a clerk reads it: `series[2].issuer`, 1-based.
    pub fn key(&self) -> String {
        let mut text = String::new();
        for step in self.place() {
            match step {
                Step::Key(k) if text.is_empty() => text.push_str(&k),
                Step::Key(k) => text.push_str(&format!(".{k}")),
                Step::Index(i) => text.push_str(&format!("[{}]", i + 1)),
            }
        }
        text
    }
}

/// Every problem in `config`, in the order of the file.
pub fn problems(config: &Config) -> Vec<SettingNote> {
    let mut found = Vec::new();
    if let Some(value) = config.language.as_deref().filter(|v| !language_known(v)) {
        found.push(SettingNote::BadLanguage {
            value: value.to_string(),
        });
    }
    if Span::parse(&config.remind.within).is_none() {
        found.push(SettingNote::BadSpan {
            key: "remind.within".into(),
            value: config.remind.within.clone(),
        });
    }
    found.extend(units_twice(config));
    found.extend(people_twice(config));
    for (index, series) in config.series.iter().enumerate() {
        if series.issuer.trim().is_empty() {
            found.push(SettingNote::EmptyIssuer {
                series: series.name.clone(),
                index,
            });
        }
    }
    for (book, def) in &config.logbooks {
        for (index, field) in def.fields.iter().enumerate() {
            if !FIELD_TYPES.contains(&field.kind.as_str()) {
                found.push(SettingNote::FieldType {
                    book: book.clone(),
                    field: field.name.clone(),
                    kind: field.kind.clone(),
                    index,
                });
            }
        }
    }
    found.extend(literal_secrets(config));
    found
}

/// Secrets written out in `[notify.*]` tables.
fn literal_secrets(config: &Config) -> impl Iterator<Item = SettingNote> + '_ {
    config.notify.iter().flat_map(|(channel, def)| {
        def.literal_secrets()
            .into_iter()
            .map(|key| SettingNote::LiteralSecret {
                channel: channel.clone(),
                key: key.to_string(),
            })
    })
}

/// The languages output comes in: English and Chinese, by their codes or
/// a locale name (`zh_CN.UTF-8`).
pub fn language_known(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    lower.starts_with("en") || lower.starts_with("zh") || lower == "中文"
}

/// Unit names and codes, each of which names one unit on the command
/// line, so none may stand for two (case aside, as codes are read).
fn units_twice(config: &Config) -> Vec<SettingNote> {
    let mut seen: Vec<String> = Vec::new();
    let mut found = Vec::new();
    for (index, unit) in config.units.iter().enumerate() {
        let mut names = vec![unit.name.trim().to_string()];
        names.extend(unit.code.iter().map(|c| c.trim().to_string()));
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            if seen.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                found.push(SettingNote::UnitTwice { name, index });
            } else {
                seen.push(name);
            }
        }
    }
    found
}

fn people_twice(config: &Config) -> Vec<SettingNote> {
    let mut found = Vec::new();
    for (index, person) in config.people.iter().enumerate() {
        if config.people[..index]
            .iter()
            .any(|p| p.name.trim() == person.name.trim())
        {
            found.push(SettingNote::PersonTwice {
                name: person.name.trim().to_string(),
                index,
            });
        }
    }
    found
}

/// The problems of `after` that `before` did not have: what a change to
/// the settings would bring about (the ones already there are `check`'s
/// to report, not a reason to refuse an unrelated change).
pub fn new_problems(before: &Config, after: &Config) -> Vec<SettingNote> {
    let old = problems(before);
    problems(after)
        .into_iter()
        .filter(|p| !p.is_warning())
        .filter(|p| !old.iter().any(|o| same_problem(o, p)))
        .collect()
}

/// The same problem, wherever the list put it.
fn same_problem(a: &SettingNote, b: &SettingNote) -> bool {
    use SettingNote as N;
    match (a, b) {
        (N::UnitTwice { name: x, .. }, N::UnitTwice { name: y, .. })
        | (N::PersonTwice { name: x, .. }, N::PersonTwice { name: y, .. }) => x == y,
        (N::EmptyIssuer { series: x, .. }, N::EmptyIssuer { series: y, .. }) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{Person, Series, UnitDef};

    #[test]
    fn settings_a_command_would_trip_on_are_problems() {
        let mut config = Config::new("某局");
        assert_eq!(problems(&config), vec![]);
        config.remind.within = "-3d".into();
        config.series.push(Series {
            name: "发文".into(),
            issuer: " ".into(),
            start: None,
            start_year: None,
        });
        let unit = |name: &str, code: Option<&str>| UnitDef {
            name: name.into(),
            code: code.map(str::to_string),
            ..UnitDef::default()
        };
        config.units = vec![unit("办公室", Some("BGS")), unit("财务科", Some("bgs"))];
        let person = Person {
            name: "张三".into(),
            ..Person::default()
        };
        config.people = vec![person.clone(), person];
        config.logbooks.get_mut("seal").unwrap().fields[0].kind = "txt".into();
        let keys: Vec<String> = problems(&config).iter().map(SettingNote::key).collect();
        assert_eq!(
            keys,
            [
                "remind.within",
                "units[2]",
                "people[2]",
                "series[1].issuer",
                "logbooks.seal.fields[1].type"
            ]
        );
        let mut worse = config.clone();
        worse.units.push(unit("法规科", Some("FGK")));
        worse.units.push(unit("法规科", None));
        let new = new_problems(&config, &worse);
        assert_eq!(new.len(), 1, "{new:?}");
    }
}
