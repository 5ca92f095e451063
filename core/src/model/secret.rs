//! Classified text at rest (docs/secrecy.md): the register-wide policy for
//! the title and free text of a classified record, what a stored field of
//! such a record is (clear, withheld, sealed), and where the free text of
//! each kind lives in its file.
//!
//! Pure: the policy is applied to a record's YAML tree by the store when it
//! writes (`store::seal`), the only place every writer passes, so `import`
//! and every command obey it alike. Encrypting is the store's; this module
//! only recognises a sealed value and never holds a key.

use serde::{Deserialize, Serialize};
use serde_yaml::Value;

use crate::model::keyword::{Keyword, Secrecy};
use crate::model::kind::Kind;

/// `[secrecy] titles`: what a classified record's title and free text
/// become when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TitlePolicy {
    /// Written as typed (a register without the key: `check` warns).
    Plain,
    /// Never written: the title becomes a neutral label, free text the
    /// level alone.
    Withheld,
    /// Written encrypted with age to `[secrecy] recipients`.
    Encrypted,
}

impl TitlePolicy {
    pub const ALL: [TitlePolicy; 3] = [
        TitlePolicy::Plain,
        TitlePolicy::Withheld,
        TitlePolicy::Encrypted,
    ];

    /// The word stored in `taizhang.toml`.
    pub fn keyword(self) -> &'static str {
        match self {
            TitlePolicy::Plain => "plain",
            TitlePolicy::Withheld => "withheld",
            TitlePolicy::Encrypted => "encrypted",
        }
    }
}

/// `[secrecy]` in `taizhang.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecrecySettings {
    /// The policy; absent in registers made before it existed, which keep
    /// titles in clear (`plain`) and get a warning from `check`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles: Option<TitlePolicy>,
    /// The age recipients (`age1…`) every sealed field is encrypted to:
    /// one per clerk who may read classified text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
}

impl SecrecySettings {
    /// The policy in force: `plain` when the key is absent.
    pub fn policy(&self) -> TitlePolicy {
        self.titles.unwrap_or(TitlePolicy::Plain)
    }

    pub fn is_default(&self) -> bool {
        *self == SecrecySettings::default()
    }
}

/// The first line of an ASCII-armored age file: a stored value that starts
/// with it is sealed.
pub const ARMOR_BEGIN: &str = "-----BEGIN AGE ENCRYPTED FILE-----";

/// A stored text field of a record, as found in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret<'a> {
    /// The text as typed.
    Clear(&'a str),
    /// Withheld by the `withheld` policy: what is stored is the neutral
    /// label (`[秘密] 省交明电〔2026〕12号`, or `[秘密]` for free text),
    /// which may be shown as it is.
    Withheld(&'a str),
    /// Encrypted: the age armor, readable only with an identity.
    Sealed(&'a str),
}

impl<'a> Secret<'a> {
    /// What the stored text `stored` is.
    pub fn of(stored: &'a str) -> Secret<'a> {
        if is_sealed(stored) {
            Secret::Sealed(stored)
        } else if is_withheld(stored) {
            Secret::Withheld(stored)
        } else {
            Secret::Clear(stored)
        }
    }

    /// The text that may be printed without an identity: the clear text
    /// or the label; `None` for sealed text (print the level instead).
    pub fn readable(self) -> Option<&'a str> {
        match self {
            Secret::Clear(text) | Secret::Withheld(text) => Some(text),
            Secret::Sealed(_) => None,
        }
    }
}

/// Whether `stored` is age armor.
pub fn is_sealed(stored: &str) -> bool {
    stored.trim_start().starts_with(ARMOR_BEGIN)
}

/// Whether `stored` is a label the `withheld` policy wrote: a level in
/// brackets, alone or before a reference.
pub fn is_withheld(stored: &str) -> bool {
    Secrecy::ALL
        .iter()
        .filter(|level| level.is_classified())
        .any(|level| {
            let tag = tag(*level);
            stored == tag
                || stored
                    .strip_prefix(tag.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        })
}

/// `[秘密]`: the level as a withheld field stores it. Chinese, as the
/// level is printed on the paper itself; the stored keyword of the level
/// is beside it in the record.
pub fn tag(level: Secrecy) -> String {
    let word = level.chinese().split('|').next().unwrap_or_default();
    format!("[{word}]")
}

/// The neutral label a withheld title becomes: the level and the
/// document's own number (文号), or the record's ID where it has none.
pub fn withheld_title(level: Secrecy, reference: &str) -> String {
    format!("{} {reference}", tag(level))
}

/// Where, in a record file of `kind`, the free text lies, as the kind
/// declares it (`KindSpec::sealed`). A logbook's declared text fields
/// are added by the caller, who knows the book.
pub fn text_paths(kind: Kind) -> &'static [&'static str] {
    kind.spec().sealed
}

/// Calls `each` on every string found at `path` (see [`text_paths`]) in
/// `value`.
pub fn each_text(value: &mut Value, path: &str, each: &mut dyn FnMut(&mut String)) {
    let (head, rest) = match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    let (name, all) = match head.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (head, false),
    };
    let Some(child) = value.get_mut(name) else {
        return;
    };
    let mut visit = |node: &mut Value| match (rest, node) {
        (None, Value::String(text)) => each(text),
        (Some(rest), node) => each_text(node, rest, each),
        _ => {}
    };
    match (all, child) {
        (true, Value::Sequence(items)) => items.iter_mut().for_each(&mut visit),
        (false, node) => visit(node),
        _ => {}
    }
}

/// The level a record's file states (`secrecy:`), `none` when absent or
/// unreadable.
pub fn stored_level(value: &Value) -> Secrecy {
    value
        .get("secrecy")
        .and_then(Value::as_str)
        .and_then(Secrecy::parse_keyword)
        .unwrap_or(Secrecy::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_field_is_told_by_its_text() {
        let armor = format!("{ARMOR_BEGIN}\nYWJj\n-----END AGE ENCRYPTED FILE-----\n");
        assert_eq!(Secret::of(&armor), Secret::Sealed(&armor));
        assert_eq!(Secret::of("[秘密]"), Secret::Withheld("[秘密]"));
        assert_eq!(
            Secret::of("[机密] 省交明电〔2026〕12号"),
            Secret::Withheld("[机密] 省交明电〔2026〕12号")
        );
        assert_eq!(Secret::of("[秘密]文件"), Secret::Clear("[秘密]文件"));
        assert_eq!(
            Secret::of("关于冬季安全的通知"),
            Secret::Clear("关于冬季安全的通知")
        );
        assert_eq!(Secret::of(&armor).readable(), None);
        assert_eq!(
            withheld_title(Secrecy::Secret, "省交明电〔2026〕12号"),
            "[秘密] 省交明电〔2026〕12号"
        );
    }

    #[test]
    fn the_policy_reads_from_its_keyword_and_defaults_to_plain() {
        let s: SecrecySettings = toml::from_str("titles = \"encrypted\"").unwrap();
        assert_eq!(s.policy(), TitlePolicy::Encrypted);
        assert_eq!(SecrecySettings::default().policy(), TitlePolicy::Plain);
        assert!(toml::from_str::<SecrecySettings>("titles = \"hidden\"").is_err());
        for policy in TitlePolicy::ALL {
            let text = toml::to_string(&SecrecySettings {
                titles: Some(policy),
                recipients: vec![],
            })
            .unwrap();
            assert!(text.contains(policy.keyword()), "{text}");
        }
    }

    #[test]
    fn every_text_on_a_path_is_visited() {
        let mut value: Value = serde_yaml::from_str(
            "title: T\nprogress:\n- note: a\n  by: x\n- note: b\nresult:\n  report: r\nhistory:\n- action: log\n",
        )
        .unwrap();
        let mut seen = Vec::new();
        for path in text_paths(Kind::Followup) {
            each_text(&mut value, path, &mut |text| {
                seen.push(text.clone());
                text.push('!');
            });
        }
        assert_eq!(seen, ["T", "a", "b", "r"]);
        assert_eq!(value["progress"][1]["note"], Value::from("b!"));
        assert_eq!(value["history"][0]["action"], Value::from("log"));
    }
}
