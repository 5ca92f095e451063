//! Reading one record file: bounded in size and depth, and every failure
//! told with the line and column it happened at.

use std::path::Path;

use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::store::load::Problem;
use crate::store::register::Register;

/// Files larger than this are refused unread: no real record comes close,
/// and parsing a huge hostile file would cost time and memory.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Reads one record file, bounded in size, and checks that it is the
/// record its path names: a file whose `id` disagrees with its name is a
/// problem, never the record of either ID (DESIGN §6.3). Also tells
/// whether the file holds `#` comments, which a rewrite would drop.
pub(super) fn parse_file(
    register: &Register,
    relative: &Path,
    id: &Id,
) -> Result<(Record, bool), Problem> {
    let (record, text) = parse_unchecked(register, relative, id)?;
    match mismatch(&record, id) {
        None => Ok((record, crate::store::fidelity::has_comments(&text))),
        Some(message) => {
            let (line, column) = id_position(&text);
            Err(Problem {
                path: relative.to_path_buf(),
                line,
                column,
                message,
            })
        }
    }
}

/// What is wrong when `record`, read from the file of `id`, says it is
/// another record.
pub(super) fn mismatch(record: &Record, id: &Id) -> Option<String> {
    (record.id() != id).then(|| {
        format!(
            "the file says id {}, but its name makes it {id}; it is not used as either until they agree",
            record.id()
        )
    })
}

/// Line and column of the value of the top-level `id:` key.
fn id_position(text: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let rest = line.strip_prefix("id:")?;
            let column = 4 + rest.len() - rest.trim_start().len();
            Some((i + 1, column))
        })
        .unwrap_or((0, 0))
}

/// Reads and parses one record file, bounded in size; gives the record
/// and its text, whatever `id` it says.
pub(super) fn parse_unchecked(
    register: &Register,
    relative: &Path,
    id: &Id,
) -> Result<(Record, String), Problem> {
    let path = register.root.join(relative);
    let problem = |message: String| Problem::whole_file(relative.to_path_buf(), message);
    let meta = std::fs::metadata(&path).map_err(|e| problem(e.to_string()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(format!(
            "file is {} bytes; records are limited to {MAX_FILE_BYTES}",
            meta.len()
        )));
    }
    let bytes = std::fs::read(&path).map_err(|e| problem(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        problem(format!(
            "not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let (kind, book) = register
        .kind_of(id)
        .ok_or_else(|| problem(format!("no record kind has the prefix {}", id.prefix())))?;
    match parse_text(&text, kind, book) {
        Ok(record) => Ok((record, text)),
        Err((line, column, message)) => Err(Problem {
            path: relative.to_path_buf(),
            line,
            column,
            message,
        }),
    }
}

/// Parses record text; on failure gives line, column and a message
/// (line 0 when the error has no position).
pub fn parse_text(
    text: &str,
    kind: Kind,
    book: Option<&str>,
) -> Result<Record, (usize, usize, String)> {
    // Editors on Windows save UTF-8 with a byte order mark; the YAML
    // reader then misreads the first key and reports a missing field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = conflict_marker(text) {
        return Err((
            line,
            1,
            "git conflict marker: resolve the merge conflict first".into(),
        ));
    }
    if let Some((line, column)) = crate::store::yaml::too_deep(text) {
        return Err((line, column, too_deep_message()));
    }
    if let Some((tag, line, column)) = crate::store::fidelity::custom_tag(text) {
        return Err((line, column, unknown_tag_message(&tag)));
    }
    Record::from_yaml(text, kind, book).map_err(|e| describe_yaml_error(&e, text))
}

/// Why a file with a tag of its own is refused: a rewrite could not keep
/// the tag.
pub fn unknown_tag_message(tag: &str) -> String {
    format!("unknown tag {tag}: taizhang reads plain values only; remove the tag")
}

/// Why a too deeply nested file is refused unread.
pub fn too_deep_message() -> String {
    format!(
        "nested more than {} levels deep; no record is, so the file is not read",
        crate::store::yaml::MAX_FLOW_DEPTH
    )
}

/// Splits a YAML error into position and message. Errors from inside a
/// record's fields carry no position; the field named in the message is
/// then looked up in the text.
pub fn describe_yaml_error(error: &serde_yaml::Error, text: &str) -> (usize, usize, String) {
    let message = error.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    // A value the record types refuse (an unknown urgency, a malformed
    // date) is reported by the YAML crate at the start of the record,
    // because unknown keys are collected first; point at the value itself.
    let location = error.location().map(|l| (l.line(), l.column()));
    if let Some(position) = location.filter(|p| *p != (1, 1)) {
        return (position.0, position.1, message);
    }
    if let Some(position) = value_position(&message, text) {
        return (position.0, position.1, message);
    }
    if let Some(location) = error.location() {
        return (location.line(), location.column(), message);
    }
    let (line, column) = field_position(&message, text).unwrap_or((0, 0));
    (line, column, message)
}

/// Finds the line and column of the value quoted in `message` (between
/// backticks or single quotes), where it stands as a value in `text`.
fn value_position(message: &str, text: &str) -> Option<(usize, usize)> {
    let quoted = |open: char, close: char| {
        let start = message.find(open)? + open.len_utf8();
        let end = start + message[start..].find(close)?;
        Some(&message[start..end])
    };
    let value = quoted('`', '`')
        .filter(|v| !message.starts_with("missing field") && !v.is_empty())
        .or_else(|| quoted('\'', '\'').filter(|v| !v.is_empty()))?;
    text.lines().enumerate().find_map(|(i, line)| {
        let at = line
            .find(&format!(": {value}"))
            .map(|p| p + 2)
            .or_else(|| {
                line.trim_start()
                    .strip_prefix("- ")
                    .filter(|rest| rest.trim_end() == value)
                    .map(|_| line.len() - line.trim_start().len() + 2)
            })?;
        let rest = line[at + value.len()..].trim_end();
        rest.is_empty()
            .then(|| (i + 1, line[..at].chars().count() + 1))
    })
}

/// Finds the line of a top-level key named in backticks in `message`
/// (`missing field `sender``, `status: unknown …`).
fn field_position(message: &str, text: &str) -> Option<(usize, usize)> {
    let key = message
        .split_once(':')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.contains(' ') && !k.is_empty())?;
    key_line(text, key).map(|line| (line, 1))
}

/// The 1-based line where top-level key `key` stands in record text.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .map(|i| i + 1)
}

/// `key_line` in the record file `relative` of `register`; 0 when the
/// file cannot be read or has no such key.
pub fn key_line_in(register: &Register, relative: &Path, key: &str) -> usize {
    std::fs::read_to_string(register.root.join(relative))
        .ok()
        .and_then(|text| key_line(&text, key))
        .unwrap_or(0)
}

/// The 1-based line of the first git conflict marker, if any.
pub fn conflict_marker(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.starts_with("<<<<<<< ") || line == "=======" || line.starts_with(">>>>>>> ")
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_value_is_located_on_its_line() {
        let text = "id: IN-2026-0001\ntitle: 通知\nstatus: registered\nsender: 省厅\n\
            received: 2026-11-20\nurgency: hot\ncreated: 2026-11-20T09:00:00+08:00\n";
        let (line, column, message) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert_eq!((line, column), (6, 10), "{message}");
        assert!(message.contains("hot"), "{message}");
    }

    #[test]
    fn a_syntax_error_keeps_the_parser_position() {
        let text = "id: IN-2026-0001\ntitle: [unclosed\n";
        let (line, _, _) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert!(line >= 2, "{line}");
    }
}
