//! Reading one record file: bounded in size and depth, and every failure
//! told with the line and column it happened at.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::store::load::Problem;
use crate::store::register::Register;

/// Files larger than this are refused unread: no real record comes close,
/// and parsing a huge hostile file would cost time and memory.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Why a record file could not be read, classified where it arose so the
/// catalogue can word it in either language. `at` is the path of the
/// field inside the record (`history[0].at`), empty for the whole file;
/// `detail` keeps a reader's own text only where nothing else says it.
/// Kept in the cache, hence serialisable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadProblem {
    Io(IoTrouble),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotUtf8 {
        offset: usize,
    },
    UnknownPrefix {
        prefix: String,
    },
    ConflictMarker,
    TooDeep {
        limit: usize,
    },
    Symlink,
    WrongFolder {
        id: String,
        expected: Option<String>,
    },
    /// The file's `id` is another record's than its name says.
    IdMismatch {
        says: String,
        name: String,
    },
    /// A YAML tag of the file's own, which a rewrite could not keep.
    UnknownTag {
        tag: String,
    },
    Syntax {
        detail: String,
    },
    MissingField {
        at: String,
        field: String,
    },
    DuplicateField {
        at: String,
        field: String,
    },
    UnknownValue {
        at: String,
        what: String,
        value: String,
        accepted: String,
    },
    InvalidType {
        at: String,
        detail: String,
    },
    InvalidValue {
        at: String,
        detail: String,
    },
    BadId {
        at: String,
        value: String,
    },
    BadReference {
        at: String,
        value: String,
    },
    BadMoment {
        at: String,
        value: String,
    },
    BadDateOrMoment {
        at: String,
        value: String,
    },
    /// A message of no known shape, as the reader gave it.
    Other {
        detail: String,
    },
}

/// An I/O failure on a record file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IoTrouble {
    NotFound,
    PermissionDenied,
    Other(String),
}

impl From<&std::io::Error> for ReadProblem {
    fn from(e: &std::io::Error) -> ReadProblem {
        ReadProblem::Io(match e.kind() {
            std::io::ErrorKind::NotFound => IoTrouble::NotFound,
            std::io::ErrorKind::PermissionDenied => IoTrouble::PermissionDenied,
            _ => IoTrouble::Other(e.to_string()),
        })
    }
}

impl ReadProblem {
    /// Classifies a message of the YAML reader or of a record type's
    /// deserialiser. The reader puts the field's path first
    /// (`title: invalid type…`, `history[0].at: …`).
    pub fn classify(message: &str) -> ReadProblem {
        if let Some((path, rest)) = message.split_once(": ")
            && !path.is_empty()
            && !path.contains(char::is_whitespace)
            && let Some(problem) = classify_shape(path, rest)
        {
            return problem;
        }
        if let Some(problem) = classify_shape("", message) {
            return problem;
        }
        if SYNTAX.iter().any(|phrase| message.contains(phrase)) {
            return ReadProblem::Syntax {
                detail: message.to_string(),
            };
        }
        ReadProblem::Other {
            detail: message.to_string(),
        }
    }
}

/// Phrases of the YAML parser that mark a syntax error.
const SYNTAX: &[&str] = &[
    "while parsing",
    "while scanning",
    "did not find expected",
    "mapping values are not allowed",
    "found unexpected end of stream",
    "found character that cannot start any token",
    "could not find expected",
];

/// The problem `text` states, if it has a known shape.
fn classify_shape(at: &str, text: &str) -> Option<ReadProblem> {
    let at = at.to_string();
    let one = |pattern: &str| fill(pattern, text).map(|h| h[0].to_string());
    if let Some(h) = fill("unknown {} `{}`, expected one of: {}", text) {
        return Some(ReadProblem::UnknownValue {
            at,
            what: h[0].to_string(),
            value: h[1].to_string(),
            accepted: h[2].to_string(),
        });
    }
    if let Some(field) = one("missing field `{}`") {
        return Some(ReadProblem::MissingField { at, field });
    }
    if let Some(field) = one("duplicate field `{}`") {
        return Some(ReadProblem::DuplicateField { at, field });
    }
    if let Some(detail) = text.strip_prefix("invalid type: ") {
        let detail = detail.to_string();
        return Some(ReadProblem::InvalidType { at, detail });
    }
    if let Some(detail) = text.strip_prefix("invalid value: ") {
        let detail = detail.to_string();
        return Some(ReadProblem::InvalidValue { at, detail });
    }
    if let Some(value) = one("'{}' is not an ID like IN-2026-0042") {
        return Some(ReadProblem::BadId { at, value });
    }
    if let Some(value) = one("'{}' is not a reference like IN-2026-0042 or MT-2026-0003#2") {
        return Some(ReadProblem::BadReference { at, value });
    }
    if let Some(value) = one("'{}' is not a moment; write it as 2026-11-20T09:30:00+08:00") {
        return Some(ReadProblem::BadMoment { at, value });
    }
    if let Some(value) =
        one("'{}' is neither a date (2026-11-20) nor a moment (2026-11-20T09:30:00+08:00)")
    {
        return Some(ReadProblem::BadDateOrMoment { at, value });
    }
    None
}

/// The holes of `pattern` in `text`, if `text` has that shape. A hole
/// takes the shortest text up to what follows it (the last, the rest).
fn fill<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let mut pieces = pattern.split("{}");
    let mut rest = text.strip_prefix(pieces.next()?)?;
    let mut holes = Vec::new();
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        let at = if last {
            rest.strip_suffix(piece).map(str::len)?
        } else {
            rest.find(piece)?
        };
        holes.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    // A pattern without holes must be the whole text.
    rest.is_empty().then_some(holes)
}

/// Reads one record file, bounded in size, and checks that it is the record
/// its path names: a file whose `id` disagrees with its name is a problem,
/// never the record of either ID (docs/git-and-sharing.md). Also tells
/// whether the file holds `#` comments, which a rewrite would drop.
pub(super) fn parse_file(
    register: &Register,
    relative: &Path,
    id: &Id,
) -> Result<(Record, bool), Problem> {
    let (record, text) = parse_unchecked(register, relative, id)?;
    match mismatch(&record, id) {
        None => Ok((record, crate::store::fidelity::has_comments(&text))),
        Some(problem) => {
            let (line, column) = id_position(&text);
            Err(Problem {
                path: relative.to_path_buf(),
                line,
                column,
                problem: Box::new(problem),
            })
        }
    }
}

/// What is wrong when `record`, read from the file of `id`, says it is
/// another record.
pub(super) fn mismatch(record: &Record, id: &Id) -> Option<ReadProblem> {
    (record.id() != id).then(|| ReadProblem::IdMismatch {
        says: record.id().to_string(),
        name: id.to_string(),
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
    let problem = |problem: ReadProblem| Problem::whole_file(relative.to_path_buf(), problem);
    let meta = std::fs::metadata(&path).map_err(|e| problem((&e).into()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(ReadProblem::TooLarge {
            bytes: meta.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let bytes = std::fs::read(&path).map_err(|e| problem((&e).into()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        problem(ReadProblem::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    })?;
    let (kind, book) = register.kind_of(id).ok_or_else(|| {
        problem(ReadProblem::UnknownPrefix {
            prefix: id.prefix().to_string(),
        })
    })?;
    match parse_text(&text, kind, book) {
        Ok(mut record) => {
            record.know_books(&register.config.logbooks);
            Ok((record, text))
        }
        Err((line, column, problem)) => Err(Problem {
            path: relative.to_path_buf(),
            line,
            column,
            problem: Box::new(problem),
        }),
    }
}

/// Parses record text; on failure gives line, column and the problem
/// (line 0 when the error has no position).
pub fn parse_text(
    text: &str,
    kind: Kind,
    book: Option<&str>,
) -> Result<Record, (usize, usize, ReadProblem)> {
    // Editors on Windows save UTF-8 with a byte order mark; the YAML
    // reader then misreads the first key and reports a missing field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = conflict_marker(text) {
        return Err((line, 1, ReadProblem::ConflictMarker));
    }
    if let Some((line, column)) = crate::store::yaml::too_deep(text) {
        return Err((line, column, too_deep()));
    }
    if let Some((tag, line, column)) = crate::store::fidelity::custom_tag(text) {
        return Err((line, column, ReadProblem::UnknownTag { tag }));
    }
    Record::from_yaml(text, kind, book).map_err(|e| describe_yaml_error(&e, text))
}

/// Why a too deeply nested file is refused unread.
pub fn too_deep() -> ReadProblem {
    ReadProblem::TooDeep {
        limit: crate::store::yaml::MAX_FLOW_DEPTH,
    }
}

/// Splits a YAML error into position and problem. Errors from inside a
/// record's fields carry no position; the field named in the message is
/// then looked up in the text.
pub fn describe_yaml_error(error: &serde_yaml::Error, text: &str) -> (usize, usize, ReadProblem) {
    let (line, column, message) = locate_yaml_error(error, text);
    (line, column, ReadProblem::classify(&message))
}

fn locate_yaml_error(error: &serde_yaml::Error, text: &str) -> (usize, usize, String) {
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
        let (line, column, problem) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert_eq!((line, column), (6, 10), "{problem:?}");
        assert!(
            matches!(&problem, ReadProblem::UnknownValue { value, .. } if value == "hot"),
            "{problem:?}"
        );
    }

    #[test]
    fn a_syntax_error_keeps_the_parser_position() {
        let text = "id: IN-2026-0001\ntitle: [unclosed\n";
        let (line, _, _) = parse_text(text, Kind::Incoming, None).unwrap_err();
        assert!(line >= 2, "{line}");
    }
}

#[cfg(test)]
mod classify_tests {
    use super::*;

    #[test]
    fn known_shapes_are_classified() {
        assert_eq!(
            ReadProblem::classify(
                "urgency: unknown urgency `hot`, expected one of: normal, urgent, very-urgent"
            ),
            ReadProblem::UnknownValue {
                at: "urgency".into(),
                what: "urgency".into(),
                value: "hot".into(),
                accepted: "normal, urgent, very-urgent".into(),
            }
        );
        assert_eq!(
            ReadProblem::classify("missing field `sender`"),
            ReadProblem::MissingField {
                at: String::new(),
                field: "sender".into()
            }
        );
        assert_eq!(
            ReadProblem::classify(
                "history[0].at: '昨天' is not a moment; write it as 2026-11-20T09:30:00+08:00"
            ),
            ReadProblem::BadMoment {
                at: "history[0].at".into(),
                value: "昨天".into()
            }
        );
        assert!(matches!(
            ReadProblem::classify("did not find expected key"),
            ReadProblem::Syntax { .. }
        ));
        // A shape must cover the whole text, not a part of it.
        assert!(matches!(
            ReadProblem::classify("a missing field `x` somewhere"),
            ReadProblem::Other { .. }
        ));
    }
}
