//! Chinese for what the record reader says: messages of the YAML parser,
//! of serde, of the record types and of the file checks, all written in
//! English where they arise (they also reach JSON, which stays English).
//!
//! Each known shape is an English pattern with `{}` holes and its Chinese
//! wording; text of no known shape is shown as it is.

use super::zh::keyword_name;

/// English pattern, Chinese wording; holes are filled in order.
const SHAPES: &[(&str, &str)] = &[
    ("missing field `{}`", "缺少字段 `{}`"),
    ("duplicate field `{}`", "字段 `{}` 重复"),
    ("invalid type: {}, expected {}", "类型不对：{}，应为 {}"),
    ("invalid value: {}, expected {}", "值不对：{}，应为 {}"),
    (
        "'{}' is not an ID like IN-2026-0042",
        "“{}”不是编号（应形如 IN-2026-0042）",
    ),
    (
        "'{}' is not a reference like IN-2026-0042 or MT-2026-0003#2",
        "“{}”不是引用（应形如 IN-2026-0042 或 MT-2026-0003#2）",
    ),
    (
        "'{}' is not a moment; write it as 2026-11-20T09:30:00+08:00",
        "“{}”不是时刻，应写作 2026-11-20T09:30:00+08:00",
    ),
    (
        "'{}' is neither a date (2026-11-20) nor a moment (2026-11-20T09:30:00+08:00)",
        "“{}”既不是日期（2026-11-20）也不是时刻（2026-11-20T09:30:00+08:00）",
    ),
    (
        "a symbolic link; records must be plain files inside the register",
        "是符号链接；记录必须是台账内的普通文件",
    ),
    (
        "{} does not belong in this folder (expected {})",
        "{} 不应放在这个文件夹（应为 {}）",
    ),
    (
        "the file says id {}, but its name makes it {}; it is not used as either until they agree",
        "文件中写的编号是 {}，但按文件名应为 {}；两者一致之前不作为任何一条记录使用",
    ),
    (
        "file is {} bytes; records are limited to {}",
        "文件有 {} 字节，记录最多 {} 字节",
    ),
    (
        "not UTF-8 text (bad byte at offset {})",
        "不是 UTF-8 文本（第 {} 字节有误）",
    ),
    (
        "no record kind has the prefix {}",
        "没有哪类记录使用前缀 {}",
    ),
    (
        "git conflict marker: resolve the merge conflict first",
        "有 git 冲突标记：请先解决合并冲突",
    ),
    (
        "unknown tag {}: taizhang reads plain values only; remove the tag",
        "未知的标签 {}：taizhang 只读取普通的值，请删除该标签",
    ),
    (
        "nested more than {} levels deep; no record is, so the file is not read",
        "嵌套超过 {} 层，不是记录，未读取",
    ),
];

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

/// The Chinese for `text`, or `text` itself when its shape is unknown.
/// The YAML reader puts the field's path first (`title: invalid type…`,
/// `history[0].at: …`); the path is kept and the rest worded.
pub fn translate(text: &str) -> String {
    if let Some((path, rest)) = text.split_once(": ")
        && !path.is_empty()
        && !path.contains(char::is_whitespace)
    {
        let worded = translate_whole(rest);
        if worded != rest {
            return format!("{path}：{worded}");
        }
    }
    translate_whole(text)
}

fn translate_whole(text: &str) -> String {
    if let Some(holes) = fill("unknown {} `{}`, expected one of: {}", text) {
        return format!(
            "{}“{}”无法识别，可用值：{}",
            keyword_name(holes[0]),
            holes[1],
            holes[2]
        );
    }
    for (english, chinese) in SHAPES {
        if let Some(holes) = fill(english, text) {
            return chinese
                .split("{}")
                .enumerate()
                .fold(String::new(), |mut out, (i, piece)| {
                    if i > 0 {
                        out.push_str(holes[i - 1]);
                    }
                    out.push_str(piece);
                    out
                });
        }
    }
    if SYNTAX.iter().any(|phrase| text.contains(phrase)) {
        return format!("YAML 语法错误：{text}");
    }
    text.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_shapes_are_worded_in_chinese() {
        assert_eq!(
            translate("unknown urgency `hot`, expected one of: normal, urgent, very-urgent"),
            "紧急程度“hot”无法识别，可用值：normal, urgent, very-urgent"
        );
        assert_eq!(translate("missing field `sender`"), "缺少字段 `sender`");
        assert_eq!(
            translate(
                "FU-2026-0001 does not belong in this folder (expected followups/2026/FU-2026-0001.yaml)"
            ),
            "FU-2026-0001 不应放在这个文件夹（应为 followups/2026/FU-2026-0001.yaml）"
        );
        assert_eq!(
            translate("git conflict marker: resolve the merge conflict first"),
            "有 git 冲突标记：请先解决合并冲突"
        );
        assert!(translate("did not find expected key").starts_with("YAML 语法错误："));
        assert_eq!(
            translate("title: invalid type: sequence, expected a string"),
            "title：类型不对：sequence，应为 a string"
        );
        assert_eq!(
            translate(
                "history[0].at: '昨天' is not a moment; write it as 2026-11-20T09:30:00+08:00"
            ),
            "history[0].at：“昨天”不是时刻，应写作 2026-11-20T09:30:00+08:00"
        );
    }

    #[test]
    fn unknown_shapes_are_kept() {
        assert_eq!(
            translate("Permission denied (os error 13)"),
            "Permission denied (os error 13)"
        );
        // A shape must cover the whole text, not a part of it.
        assert_eq!(
            translate("a missing field `x` somewhere"),
            "a missing field `x` somewhere"
        );
    }
}
