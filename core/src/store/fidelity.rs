//! What a hand-edited record file keeps, and what is said about it, when
//! the tool reads and rewrites it (docs/register-format.md): the typed text
//! of values under keys the tool does not know, tags it cannot keep,
//! comments it drops, and the size beyond which it would no longer read the
//! file.
//!
//! Nothing here writes; `Change::save` asks before it does.

use std::fmt;
use std::path::Path;

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

use crate::store::error::{Error, Result};
use crate::store::yaml::Keep;

/// What to write again as typed in `text` (a record file about to be
/// rewritten): every plain scalar under a key the tool does not know —
/// one missing from `known`, the tool's own reading of the same text with
/// the record's unknown top-level keys (`extra`) taken out. `raw` is
/// `text` read as plain YAML.
pub fn source_texts(text: &str, raw: &Value, known: &Value, extra: &serde_yaml::Mapping) -> Keep {
    let mut known = known.clone();
    if let Value::Mapping(known) = &mut known {
        for key in extra.keys() {
            known.remove(key);
        }
    }
    let seed = Capture {
        shape: raw,
        base: text,
    };
    let Ok(mut keep) = seed.deserialize(serde_yaml::Deserializer::from_str(text)) else {
        return Keep::default();
    };
    keep.retain_unknown(&known);
    keep
}

/// Reads a document along the shape of its already read `Value`, taking
/// for each scalar the text it was typed as.
struct Capture<'v, 'de> {
    shape: &'v Value,
    /// The whole text, to tell where a scalar stands in it.
    base: &'de str,
}

impl<'de> DeserializeSeed<'de> for Capture<'_, 'de> {
    type Value = Keep;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Keep, D::Error> {
        let base = self.base;
        match self.shape {
            Value::Mapping(map) => d.deserialize_map(MapCapture { map, base }),
            Value::Sequence(seq) => d.deserialize_seq(SeqCapture { seq, base }),
            Value::Tagged(_) => IgnoredAny::deserialize(d).map(|_| Keep::default()),
            scalar => d.deserialize_str(ScalarCapture {
                value: scalar,
                base,
            }),
        }
    }
}

struct MapCapture<'v, 'de> {
    map: &'v serde_yaml::Mapping,
    base: &'de str,
}

impl<'de> Visitor<'de> for MapCapture<'_, 'de> {
    type Value = Keep;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Keep, A::Error> {
        let mut keep = Keep::default();
        while let Some(key) = access.next_key::<Value>()? {
            match self.map.get(&key) {
                Some(shape) => {
                    let child = access.next_value_seed(Capture {
                        shape,
                        base: self.base,
                    })?;
                    keep.insert(key, child);
                }
                None => {
                    access.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(keep)
    }
}

struct SeqCapture<'v, 'de> {
    seq: &'v [Value],
    base: &'de str,
}

impl<'de> Visitor<'de> for SeqCapture<'_, 'de> {
    type Value = Keep;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Keep, A::Error> {
        let mut keep = Keep::default();
        for shape in self.seq {
            let seed = Capture {
                shape,
                base: self.base,
            };
            match access.next_element_seed(seed)? {
                Some(child) => keep.push(child),
                None => return Ok(keep),
            }
        }
        while access.next_element::<IgnoredAny>()?.is_some() {}
        Ok(keep)
    }
}

struct ScalarCapture<'v, 'de> {
    value: &'v Value,
    base: &'de str,
}

impl<'de> Visitor<'de> for ScalarCapture<'_, 'de> {
    type Value = Keep;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scalar")
    }

    /// The YAML reader hands out the scalar's own characters in the text
    /// when they are its value, as they are for a plain (unquoted) scalar
    /// on one line; what stands just before them tells plain from quoted.
    fn visit_borrowed_str<E: de::Error>(self, typed: &'de str) -> Result<Keep, E> {
        let start = (typed.as_ptr() as usize).wrapping_sub(self.base.as_ptr() as usize);
        let inside = start
            .checked_add(typed.len())
            .is_some_and(|end| end <= self.base.len());
        let quoted = start
            .checked_sub(1)
            .and_then(|before| self.base.as_bytes().get(before))
            .is_some_and(|b| *b == b'\'' || *b == b'"');
        if inside && !quoted && reads_as(typed, self.value) {
            return Ok(Keep::text(self.value.clone(), typed.to_string()));
        }
        Ok(Keep::default())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Keep, E> {
        Ok(Keep::default())
    }
}

/// Whether `typed`, written as a plain value after a key, is read back
/// as `value`: the text is safe to write again as it stands.
fn reads_as(typed: &str, value: &Value) -> bool {
    if typed.is_empty() || typed.contains(['\n', '\r']) || typed.trim() != typed {
        return false;
    }
    let Ok(Value::Mapping(back)) = serde_yaml::from_str::<Value>(&format!("k: {typed}\n")) else {
        return false;
    };
    back.len() == 1 && back.get("k") == Some(value)
}

/// The first tag of the file's own (`!important`), with its 1-based line
/// and column: the tool cannot keep tags, and the YAML reader's message
/// about them does not say what is wrong. YAML's standard tags (`!!str`)
/// are read as the values they mark and are not reported.
pub fn custom_tag(text: &str) -> Option<(String, usize, usize)> {
    if !text.contains('!') {
        return None;
    }
    let value = serde_yaml::from_str::<Value>(text).ok()?;
    let tag = first_tag(&value)?;
    let (line, column) = locate_tag(text, &tag).unwrap_or((0, 0));
    Some((tag, line, column))
}

fn first_tag(value: &Value) -> Option<String> {
    match value {
        Value::Tagged(tagged) => Some(tagged.tag.to_string()),
        Value::Sequence(items) => items.iter().find_map(first_tag),
        Value::Mapping(map) => map
            .iter()
            .find_map(|(k, v)| first_tag(k).or_else(|| first_tag(v))),
        _ => None,
    }
}

/// Where `tag` stands as a tag (after a space, a `- `, a `[` …, and
/// followed by a space or the end of the line).
fn locate_tag(text: &str, tag: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        line.match_indices(tag).find_map(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + tag.len()..].chars().next();
            let starts = before.is_none_or(|c| c.is_whitespace() || "[{,".contains(c));
            let ends = after.is_none_or(|c| c.is_whitespace() || ",]}".contains(c));
            (starts && ends).then(|| (i + 1, line[..at].chars().count() + 1))
        })
    })
}

/// Refuses to write a record file larger than the reader accepts
/// (`parse::MAX_FILE_BYTES`): it would be skipped by every later read.
pub fn fits(relative: &Path, text: &str) -> Result<()> {
    let limit = crate::store::parse::MAX_FILE_BYTES;
    let size = text.len() as u64;
    if size > limit {
        return Err(Error::TooLarge {
            what: relative.display().to_string(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Whether a record file holds a `#` comment, which a rewrite drops. A
/// `#` begins a comment at the start of a line or after white space,
/// outside quoted text and literal or folded blocks.
pub fn has_comments(text: &str) -> bool {
    if !text.contains('#') {
        return false;
    }
    // Inside a quoted scalar (which may run over several lines): its quote.
    let mut quote: Option<char> = None;
    // Inside a block scalar: the indentation its lines must exceed.
    let mut block: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let mut prev: Option<char> = None;
        let mut chars = line.chars().peekable();
        let mut content = String::new();
        while let Some(c) = chars.next() {
            match quote {
                Some('\'') => {
                    if c == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                        } else {
                            quote = None;
                        }
                    }
                }
                Some(_) => {
                    if c == '\\' {
                        chars.next();
                    } else if c == '"' {
                        quote = None;
                    }
                }
                None => {
                    let after_space = prev.is_none_or(char::is_whitespace);
                    if c == '#' && after_space {
                        return true;
                    }
                    let opens = after_space || prev.is_some_and(|p| "[{,".contains(p));
                    if (c == '\'' || c == '"') && opens {
                        quote = Some(c);
                    }
                    content.push(c);
                }
            }
            prev = Some(c);
        }
        if quote.is_none() && starts_block(&content) {
            block = Some(node_indent(line));
        }
    }
    false
}

/// Whether a line (outside quotes) ends in a block scalar's header:
/// `key: |`, `- >-`, `text: |2+`.
fn starts_block(content: &str) -> bool {
    let trimmed = content.trim_end();
    let Some(last) = trimmed.split_whitespace().next_back() else {
        return false;
    };
    let header = last.starts_with(['|', '>'])
        && last[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == '-');
    header && (trimmed.len() == last.len() || trimmed[..trimmed.len() - last.len()].ends_with(' '))
}

/// The indentation of the node a line starts: past `- ` markers, so that
/// a block under `- text: |` belongs to the mapping inside the item.
fn node_indent(line: &str) -> usize {
    let mut at = line.len() - line.trim_start_matches(' ').len();
    let mut rest = &line[at..];
    while let Some(after) = rest.strip_prefix("- ") {
        let spaces = after.len() - after.trim_start_matches(' ').len();
        at += 2 + spaces;
        rest = &after[spaces..];
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let raw: Value = serde_yaml::from_str(text).unwrap();
        let keep = source_texts(
            text,
            &raw,
            &Value::Mapping(Default::default()),
            &Default::default(),
        );
        crate::store::yaml::to_string_keeping(&raw, &keep)
    }

    #[test]
    fn plain_scalars_under_unknown_keys_keep_their_text() {
        let text = "a: 1.10\nb: 0o17\nc: 1e3\nd: yes\ne: 2026-11-01\nf: 'yes'\ng: \"1.10\"\nh: ~\nlist:\n- 1.50\n- x: 0x1F\n";
        assert_eq!(
            kept(text),
            "a: 1.10\nb: 0o17\nc: 1e3\nd: yes\ne: 2026-11-01\nf: 'yes'\ng: '1.10'\nh: ~\nlist:\n- 1.50\n- x: 0x1F\n"
        );
    }

    #[test]
    fn known_fields_are_written_the_tools_way() {
        let text = "title: yes\nx: yes\n";
        let raw: Value = serde_yaml::from_str(text).unwrap();
        let known: Value = serde_yaml::from_str("title: yes\n").unwrap();
        let keep = source_texts(text, &raw, &known, &Default::default());
        assert_eq!(
            crate::store::yaml::to_string_keeping(&raw, &keep),
            "title: 'yes'\nx: yes\n"
        );
    }

    #[test]
    fn a_changed_value_is_written_anew() {
        let text = "x: 1.10\n";
        let raw: Value = serde_yaml::from_str(text).unwrap();
        let keep = source_texts(
            text,
            &raw,
            &Value::Mapping(Default::default()),
            &Default::default(),
        );
        let changed: Value = serde_yaml::from_str("x: 2.5\n").unwrap();
        assert_eq!(
            crate::store::yaml::to_string_keeping(&changed, &keep),
            "x: 2.5\n"
        );
    }

    #[test]
    fn custom_tags_are_found_with_their_place() {
        assert_eq!(
            custom_tag("id: IN-2026-0001\nx: !important 重要\n"),
            Some(("!important".to_string(), 2, 4))
        );
        assert_eq!(custom_tag("x: !!str 1.10\ntitle: 好!\n"), None);
    }

    #[test]
    fn comments_are_told_from_hashes_in_text() {
        for with in [
            "# top\nx: 1\n",
            "x: 1 # after\n",
            "x:\n- a\n  # inside\n",
            "x: 'a # b' # c\n",
            "notes: |\n  # in the block\ny: 1 # after the block\n",
        ] {
            assert!(has_comments(with), "{with:?}");
        }
        for without in [
            "x: a#b\n",
            "x: 'a # b'\n",
            "x: \"a # \\\" # b\"\n",
            "x: 'it''s # not'\n",
            "notes: |\n  # in the block\n  more\ny: 1\n",
            "history:\n- note: |-\n    # 标题\n    正文\n  by: 王芳\n",
            "x: \"多行 # 引号\n  # 续行\"\n",
        ] {
            assert!(!has_comments(without), "{without:?}");
        }
    }
}
