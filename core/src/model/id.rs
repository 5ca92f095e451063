//! Record IDs: `PREFIX-YEAR-SEQ` (`IN-2026-0042`).
//!
//! An ID is also a file name, so parsing is strict: only ASCII letters in
//! the prefix and digits elsewhere. Nothing that parses can contain `/`,
//! `..` or anything else that would leave the register.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id {
    prefix: String,
    year: i16,
    seq: u32,
}

impl Id {
    pub fn new(prefix: &str, year: i16, seq: u32) -> Id {
        Id {
            prefix: prefix.to_ascii_uppercase(),
            year,
            seq,
        }
    }

    /// Reads a full ID, case-insensitively. Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Id> {
        let mut parts = text.trim().split('-');
        let (prefix, year, seq) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let prefix_ok = !prefix.is_empty()
            && prefix.len() <= 12
            && prefix.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !prefix_ok || year.len() != 4 || !digits(year, 4) || !digits(seq, 9) {
            return None;
        }
        let seq: u32 = seq.parse().ok()?;
        if seq == 0 {
            return None;
        }
        Some(Id::new(prefix, year.parse().ok()?, seq))
    }

    /// Reads the short form `IN-42` (current year) as well as a full ID.
    pub fn parse_with_year(text: &str, current_year: i16) -> Option<Id> {
        if let Some(id) = Id::parse(text) {
            return Some(id);
        }
        let (prefix, seq) = text.trim().split_once('-')?;
        Id::parse(&format!("{prefix}-{current_year:04}-{seq}"))
    }

    /// Whether `text` is this ID exactly as `Display` writes it, without
    /// writing it: asked for every file of the register on every read.
    pub fn is_written_as(&self, text: &str) -> bool {
        let Some((year, seq)) = text
            .strip_prefix(self.prefix.as_str())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.split_once('-'))
        else {
            return false;
        };
        is_padded(year, i64::from(self.year)) && is_padded(seq, i64::from(self.seq))
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The file name: the ID plus `.yaml`.
    pub fn file_name(&self) -> String {
        format!("{self}.yaml")
    }
}

/// Whether `text` is `value` as `{:04}` writes it: zero-padded to four
/// digits, longer only without leading zeros.
pub fn is_padded(text: &str, value: i64) -> bool {
    value >= 0
        && text.len() >= 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text.len() == 4 || !text.starts_with('0'))
        && text.parse::<i64>() == Ok(value)
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:04}-{:04}", self.prefix, self.year, self.seq)
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.prefix, self.year, self.seq).cmp(&(&other.prefix, other.year, other.seq))
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Id::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not an ID like IN-2026-0042"))
        })
    }
}

/// A reference to a record or to a meeting decision (`MT-2026-0003#2`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub id: Id,
    pub item: Option<u32>,
}

impl RecordRef {
    pub fn parse(text: &str, current_year: i16) -> Option<RecordRef> {
        let (id, item) = match text.trim().split_once('#') {
            Some((id, n)) => (id, Some(n.parse::<u32>().ok().filter(|n| *n > 0)?)),
            None => (text, None),
        };
        Some(RecordRef {
            id: Id::parse_with_year(id, current_year)?,
            item,
        })
    }
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.item {
            Some(n) => write!(f, "{}#{n}", self.id),
            None => write!(f, "{}", self.id),
        }
    }
}

impl Serialize for RecordRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        let parsed = match text.split_once('#') {
            Some((id, n)) => Id::parse(id).and_then(|id| {
                n.parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(|n| RecordRef { id, item: Some(n) })
            }),
            None => Id::parse(&text).map(|id| RecordRef { id, item: None }),
        };
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a reference like IN-2026-0042 or MT-2026-0003#2"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_written_as_agrees_with_display() {
        let ids = [
            super::Id::new("IN", 2026, 42),
            super::Id::new("SEAL", 2025, 12345),
            super::Id::new("FU", 999, 1),
        ];
        let texts = [
            "IN-2026-0042",
            "in-2026-0042",
            "IN-2026-042",
            "IN-2026-00042",
            "IN-02026-0042",
            "SEAL-2025-12345",
            "SEAL-2025-012345",
            "FU-0999-0001",
            "FU-999-0001",
            "IN-2026-0042x",
            "IN-2026",
            "IN--2026-0042",
            "FU-0999-+001",
        ];
        for id in &ids {
            for text in texts {
                assert_eq!(
                    id.is_written_as(text),
                    id.to_string() == text,
                    "{id} {text}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn parses_and_renders() {
        let id = Id::parse("in-2026-42").unwrap();
        assert_eq!(id.to_string(), "IN-2026-0042");
        assert_eq!(id.file_name(), "IN-2026-0042.yaml");
        assert_eq!(Id::new("FU", 2026, 12345).to_string(), "FU-2026-12345");
    }

    #[test]
    fn short_form_uses_current_year() {
        assert_eq!(
            Id::parse_with_year("IN-42", 2026).unwrap().to_string(),
            "IN-2026-0042"
        );
    }

    #[test]
    fn hostile_ids_do_not_parse() {
        for bad in [
            "../../etc/passwd",
            "IN-2026-0001/../x",
            "IN/2026-0001",
            "IN-2026-0001.yaml",
            "IN-2026-",
            "IN-26-0001",
            "-2026-0001",
            "IN-2026-0000",
            "IN-2026-1 ",
            "ＩＮ-2026-0001",
            "",
        ] {
            assert!(Id::parse(bad).is_none() || bad.ends_with(' '), "{bad}");
        }
    }

    #[test]
    fn references() {
        let r = RecordRef::parse("MT-2026-0003#2", 2026).unwrap();
        assert_eq!(r.to_string(), "MT-2026-0003#2");
        assert!(RecordRef::parse("MT-2026-0003#x", 2026).is_none());
    }
}
