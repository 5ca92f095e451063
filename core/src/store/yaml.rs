//! Writing YAML that every reader, YAML 1.1 (PyYAML) or 1.2, takes the
//! same way (docs/git-and-sharing.md).
//!
//! Parsing is the YAML crate's; emitting is ours, because the crate's
//! emitter quotes only what a YAML 1.2 reader would mistake: it writes
//! `no`, `on`, `yes` or a date-like title bare, and PyYAML (YAML 1.1) then
//! reads a boolean or a date where the clerk typed text. The rule here is
//! simple and conservative: a string is written bare only when no YAML 1.1
//! or 1.2 reader could take it for anything but that string. The one
//! exception is a date or moment under a key that holds dates, which is
//! written bare so files read naturally (`due: 2026-11-30`).
//!
//! Text is UTF-8 as typed; nothing is escaped into `\uXXXX`.

use serde_yaml::{Mapping, Value};

use crate::model::date::{Moment, parse_iso_date};
use crate::model::keyword::Keyword;
use crate::model::kind::Kind;

/// Keys whose values are dates or moments in every kind's file (its
/// creation and history); each kind names its own (`KindSpec::date_keys`).
const TEMPORAL_KEYS: &[&str] = &["created", "at", "on"];

/// Renders a value tree as a YAML document (no `---`, ends with a newline).
pub fn to_string(value: &Value) -> String {
    to_string_keeping(value, &Keep::default())
}

/// Source text to write again as it was: for a scalar at some place in
/// the tree, the text a clerk typed and the value it reads as. A clerk's
/// `1.10`, `0o17` or `yes` under a key of their own means what their
/// other tools (PyYAML) read in it; writing our rendering of the value
/// instead (`1.1`, `15`, `'yes'`) would change that meaning.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Keep {
    text: Option<(Value, String)>,
    keys: Vec<(Value, Keep)>,
    items: Vec<Keep>,
}

impl Keep {
    /// The text `text`, typed for a scalar that reads as `value`.
    pub fn text(value: Value, text: String) -> Keep {
        Keep {
            text: Some((value, text)),
            ..Keep::default()
        }
    }

    /// Keeps, under `key`, what `child` keeps.
    pub fn insert(&mut self, key: Value, child: Keep) {
        if !child.is_empty() {
            self.keys.push((key, child));
        }
    }

    /// Keeps, for the next item of a sequence, what `child` keeps.
    pub fn push(&mut self, child: Keep) {
        self.items.push(child);
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.keys.is_empty() && self.items.iter().all(Keep::is_empty)
    }

    /// What is kept under `key`.
    pub fn key(&self, key: &Value) -> Option<&Keep> {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, keep)| keep)
    }

    /// Keeps only what lies under keys unknown to `known` — the value the
    /// tool reads in the same text: nothing is kept where the tool knows
    /// the field and writes it its own way.
    pub fn retain_unknown(&mut self, known: &Value) {
        self.text = None;
        match known {
            Value::Mapping(known) => {
                self.items.clear();
                for (key, child) in &mut self.keys {
                    if let Some(known) = known.get(&*key) {
                        child.retain_unknown(known);
                    }
                }
                self.keys.retain(|(_, child)| !child.is_empty());
            }
            Value::Sequence(known) => {
                self.keys.clear();
                for (child, known) in self.items.iter_mut().zip(known) {
                    child.retain_unknown(known);
                }
            }
            _ => *self = Keep::default(),
        }
    }

    /// The text to write for `value` here, if it is still the value the
    /// text was typed for.
    fn text_for(&self, value: &Value) -> Option<&str> {
        let (kept, text) = self.text.as_ref()?;
        (kept == value).then_some(text.as_str())
    }
}

/// Renders a value tree as `to_string` does, but writes the scalars `keep`
/// holds as they were typed while their values are unchanged.
pub fn to_string_keeping(value: &Value, keep: &Keep) -> String {
    let mut out = String::with_capacity(1024);
    let keep = (!keep.is_empty()).then_some(keep);
    match value {
        Value::Mapping(map) if !map.is_empty() => write_mapping(&mut out, map, 0, keep),
        Value::Sequence(seq) if !seq.is_empty() => write_sequence(&mut out, seq, 0, keep),
        other => {
            write_inline(&mut out, other, None, 0, keep);
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn write_mapping(out: &mut String, map: &Mapping, level: usize, keep: Option<&Keep>) {
    for (i, (key, value)) in map.iter().enumerate() {
        // The first key of a mapping inside a sequence item follows "- ".
        if i > 0 || !out.ends_with("- ") {
            indent(out, level);
        }
        let key_text = key.as_str();
        match key_text {
            // A key must fit on its line: no literal blocks.
            Some(text) if text.contains('\n') => write_double_quoted(out, text),
            _ => write_inline(out, key, None, level, None),
        }
        out.push(':');
        let keep = keep.and_then(|k| k.key(key));
        write_value_after_key(out, value, key_text, level, keep);
    }
}

fn write_value_after_key(
    out: &mut String,
    value: &Value,
    key: Option<&str>,
    level: usize,
    keep: Option<&Keep>,
) {
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            out.push('\n');
            write_mapping(out, map, level + 2, keep);
        }
        Value::Sequence(seq) if !seq.is_empty() => {
            out.push('\n');
            write_sequence(out, seq, level, keep);
        }
        other => {
            out.push(' ');
            write_inline(out, other, key, level + 2, keep);
            out.push('\n');
        }
    }
}

fn write_sequence(out: &mut String, seq: &[Value], level: usize, keep: Option<&Keep>) {
    for (i, item) in seq.iter().enumerate() {
        let keep = keep.and_then(|k| k.items.get(i));
        indent(out, level);
        out.push_str("- ");
        match item {
            Value::Mapping(map) if !map.is_empty() => write_mapping(out, map, level + 2, keep),
            Value::Sequence(inner) if !inner.is_empty() => {
                out.push('\n');
                write_sequence(out, inner, level + 2, keep);
            }
            other => {
                write_inline(out, other, None, level + 2, keep);
                out.push('\n');
            }
        }
    }
}

/// Writes a scalar (or an empty collection) on the current line. A
/// multi-line string becomes a literal block indented to `level`.
fn write_inline(
    out: &mut String,
    value: &Value,
    key: Option<&str>,
    level: usize,
    keep: Option<&Keep>,
) {
    if let Some(text) = keep.and_then(|k| k.text_for(value)) {
        out.push_str(text);
        return;
    }
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s, key, level),
        Value::Sequence(_) => out.push_str("[]"),
        Value::Mapping(_) => out.push_str("{}"),
        Value::Tagged(tagged) => {
            out.push_str(&tagged.tag.to_string());
            out.push(' ');
            write_inline(out, &tagged.value, key, level, None);
        }
    }
}

fn write_string(out: &mut String, s: &str, key: Option<&str>, level: usize) {
    if s.contains('\n') && is_block_safe(s) {
        write_literal_block(out, s, level);
    } else if s.chars().any(needs_double_quotes) || s.contains('\n') {
        write_double_quoted(out, s);
    } else if is_plain_safe(s) || key.is_some_and(|k| is_temporal(k, s)) {
        out.push_str(s);
    } else {
        out.push('\'');
        out.push_str(&s.replace('\'', "''"));
        out.push('\'');
    }
}

fn is_temporal(key: &str, s: &str) -> bool {
    let dated = |keys: &[&str]| keys.contains(&key);
    (dated(TEMPORAL_KEYS) || Kind::ALL.iter().any(|kind| dated(kind.spec().date_keys)))
        && (parse_iso_date(s).is_some() || Moment::parse_rfc3339(s).is_some())
}

/// Characters a single-quoted or plain scalar cannot carry faithfully.
fn needs_double_quotes(c: char) -> bool {
    (c.is_control() && c != '\t')
        || c == '\u{feff}'
        || c == '\u{85}'
        || c == '\u{2028}'
        || c == '\u{2029}'
}

/// A literal block keeps every character of `s` only when no line has
/// trailing spaces that a reader would keep anyway and no control chars.
fn is_block_safe(s: &str) -> bool {
    s.chars().any(|c| c != '\n')
        && !s.chars().any(|c| needs_double_quotes(c) && c != '\n')
        && !s.contains('\t')
}

fn write_literal_block(out: &mut String, s: &str, level: usize) {
    out.push('|');
    // An indentation indicator is needed when the text starts with a space.
    let first_line = s.split('\n').find(|line| !line.is_empty());
    if first_line.is_some_and(|line| line.starts_with(' ')) {
        out.push('2');
    }
    let trailing = s.len() - s.trim_end_matches('\n').len();
    match trailing {
        0 => out.push('-'),
        1 => {}
        _ => out.push('+'),
    }
    let body = s.strip_suffix('\n').unwrap_or(s);
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            indent(out, level);
            out.push_str(line);
        }
    }
}

fn write_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if needs_double_quotes(c) => {
                let code = c as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else {
                    out.push_str(&format!("\\u{code:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// YAML 1.1 words for booleans and null that a 1.2 reader takes as text.
const RESERVED_WORDS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<",
    "=",
];

/// Whether `s` can be written without quotes and read back as the same
/// string by both YAML 1.1 and 1.2 readers.
pub fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || RESERVED_WORDS.contains(&s) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.contains('\t') {
        return false;
    }
    !looks_numeric_or_temporal(s)
}

/// Anything a 1.1 or 1.2 reader could resolve to a number, a date or a
/// time: be generous, a needless quote costs nothing.
fn looks_numeric_or_temporal(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.trim_start_matches(['+', '-']),
        ".inf" | ".nan" | "inf" | "nan" | "infinity"
    ) {
        return true;
    }
    let starts_numeric = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '+');
    let numeric_chars = s
        .chars()
        .all(|c| c.is_ascii_hexdigit() || "+-._:xXoObB".contains(c));
    if starts_numeric && numeric_chars {
        return true;
    }
    // Timestamps: 2026-11-20T09:30:00+08:00, 2026-11-20 09:30:00.
    let bytes = s.as_bytes();
    bytes.len() >= 8 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-'
}

/// Deepest flow nesting (`[`, `{`) a record may have; the YAML crate's
/// own limit for reading into a record is about as deep.
pub const MAX_FLOW_DEPTH: usize = 128;

/// Where `text` nests flow collections deeper than [`MAX_FLOW_DEPTH`], as
/// a 1-based (line, column). The YAML scanner spends time proportional to
/// the nesting depth on every token, so `[[[[…]]]]` 50,000 deep takes
/// minutes to reject; this look at the raw characters takes microseconds.
/// Brackets inside quoted text count too: that can only overestimate.
pub fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            '[' | '{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, column));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(s: &str) -> Value {
        let mut map = Mapping::new();
        map.insert(Value::from("title"), Value::from(s));
        let text = to_string(&Value::Mapping(map));
        let back: Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        back.get("title").cloned().unwrap()
    }

    #[test]
    fn deep_flow_nesting_is_found_without_parsing() {
        let deep = format!("title: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert_eq!(too_deep(&deep), Some((1, 7 + MAX_FLOW_DEPTH + 1)));
        let fine = format!(
            "a: {}{}\nb: [x, {{y: [z]}}]\n",
            "[".repeat(100),
            "]".repeat(100)
        );
        assert_eq!(too_deep(&fine), None);
    }

    #[test]
    fn yaml_11_lookalikes_are_quoted() {
        for tricky in [
            "no",
            "on",
            "yes",
            "off",
            "Y",
            "n",
            "null",
            "~",
            "0012",
            "12",
            "1.5",
            "1e3",
            "0x1f",
            "2026-11-01",
            "2026-11-20T09:30:00+08:00",
            "1:30",
            ".inf",
            "-.5",
            "+1",
            "true",
            "<<",
            "",
            " padded",
            "- dash",
            "key: value",
            "#hash",
            "a #b",
            "@at",
            "`tick",
        ] {
            let mut map = Mapping::new();
            map.insert(Value::from("title"), Value::from(tricky));
            let text = to_string(&Value::Mapping(map));
            assert!(
                text.starts_with("title: '") || text.starts_with("title: \""),
                "{tricky:?} written bare: {text}"
            );
            assert_eq!(round_trip(tricky), Value::from(tricky), "{text}");
        }
    }

    #[test]
    fn ordinary_text_is_bare_and_unescaped() {
        let mut map = Mapping::new();
        map.insert(
            Value::from("title"),
            Value::from("关于做好2026年冬季安全生产工作的通知"),
        );
        map.insert(Value::from("note"), Value::from("市交发〔2026〕12号"));
        let text = to_string(&Value::Mapping(map));
        assert_eq!(
            text,
            "title: 关于做好2026年冬季安全生产工作的通知\nnote: 市交发〔2026〕12号\n"
        );
    }

    #[test]
    fn every_kinds_date_keys_are_written_bare() {
        // The keys each kind declares (`KindSpec::date_keys`), and the
        // history's, which every kind has.
        for key in [
            "created",
            "at",
            "on",
            "received",
            "deadline",
            "completed",
            "signed",
            "printed",
            "assigned",
            "due",
            "from",
            "to",
            "submitted",
            "closed",
            "out",
            "back",
            "start",
            "end",
            "date",
            "arrived",
            "left",
            "taken_out",
            "returned",
            "archived",
            "issued",
            "effective",
            "review_due",
            "ended",
        ] {
            assert!(is_temporal(key, "2026-11-30"), "{key}");
        }
        assert!(!is_temporal("title", "2026-11-30"));
        assert!(!is_temporal("due", "next week"));
    }

    #[test]
    fn dates_under_date_keys_are_bare() {
        let mut map = Mapping::new();
        map.insert(Value::from("due"), Value::from("2026-11-30"));
        map.insert(Value::from("at"), Value::from("2026-11-20T09:30:00+08:00"));
        map.insert(Value::from("title"), Value::from("2026-11-30"));
        let text = to_string(&Value::Mapping(map));
        assert_eq!(
            text,
            "due: 2026-11-30\nat: 2026-11-20T09:30:00+08:00\ntitle: '2026-11-30'\n"
        );
    }

    #[test]
    fn nested_structures() {
        let yaml = "id: FU-2026-0001\nsupport:\n- 财务科\n- 法规科\nresult:\n  report: 已完成\n  closed: 2026-11-20\nhistory:\n- at: 2026-11-20T09:30:00+08:00\n  by: 李明\n  action: log\nempty: []\nnothing: {}\n";
        let value: Value = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(to_string(&value), yaml);
    }

    #[test]
    fn multi_line_text_is_a_literal_block() {
        let mut map = Mapping::new();
        map.insert(Value::from("notes"), Value::from("第一行\n  第二行缩进\n"));
        let mut item = Mapping::new();
        item.insert(Value::from("text"), Value::from(" 开头空格\n结尾"));
        map.insert(
            Value::from("list"),
            Value::Sequence(vec![Value::Mapping(item)]),
        );
        let text = to_string(&Value::Mapping(map.clone()));
        let back: Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, Value::Mapping(map), "{text}");
        assert!(text.contains("notes: |\n"), "{text}");
    }

    fn scalar() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,30}",
            "[ -~]{0,12}",
            "[a-z0-9:#\\-'\" \n]{0,12}",
            Just("no".to_string()),
            "[0-9]{1,4}-[0-9]{2}-[0-9]{2}",
        ]
    }

    proptest! {
        #[test]
        fn any_string_round_trips(s in scalar()) {
            prop_assert_eq!(round_trip(&s), Value::from(s.as_str()));
        }

        #[test]
        fn any_key_and_nesting_round_trips(k in scalar(), v in scalar(), w in scalar()) {
            let mut inner = Mapping::new();
            inner.insert(Value::from(k.as_str()), Value::from(v.as_str()));
            let mut map = Mapping::new();
            map.insert(Value::from("outer"), Value::Sequence(vec![Value::Mapping(inner), Value::from(w.as_str())]));
            let value = Value::Mapping(map);
            let text = to_string(&value);
            let back: Value = serde_yaml::from_str(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back, value);
        }
    }
}
