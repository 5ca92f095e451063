//! What a title may be: one line of text a clerk can read in a table, a
//! commit message and a 归档文件目录 — no line breaks, no control
//! characters, at most `MAX_TITLE_CHARS` characters.
//!
//! Every command that takes a title (`log in`, `log out`, `assign`,
//! `meeting add`, `meeting decide`, `import`, `edit`) asks here, and
//! `check` reports a file whose title breaks the rule. Pure.
//!
//! The same rules, without the length, hold every other one-line value
//! (a name, a unit, a reason, a 文号: [`check_line`]), so that no value can
//! break a line of `show` and pose as a line of history; multi-line text
//! (a note, a report, minutes: [`check_note`]) may break lines but holds no
//! other control character. Neither holds a character that reorders or
//! hides text (bidi overrides, zero-width characters), which would show
//! one name and store another.

/// The longest title taken, in characters. The longest real 标题 of a 公文
/// runs to about a hundred characters; 500 leaves room for any of them
/// while refusing a pasted body text.
pub const MAX_TITLE_CHARS: usize = 500;

/// What is wrong with a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleProblem {
    /// A line break inside: a title is one line.
    LineBreak,
    /// A control character (an escape, a tab, a NUL …), given as `U+001B`.
    Control { code: String },
    /// Longer than `limit` characters.
    TooLong { chars: usize, limit: usize },
    /// A character that reorders or hides text, given as `U+202E`.
    Invisible { code: String },
}

/// What is wrong with one line of text, or with a multi-line note: the
/// character at fault, as `U+000A`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// A line break in a value that is one line.
    LineBreak { code: String },
    /// A control character (an escape, a NUL, a tab in one line …).
    Control { code: String },
    /// A character that reorders or hides text: a bidi override or
    /// isolate, a zero-width space or joiner, a word joiner, a BOM.
    Invisible { code: String },
}

/// The code of a character as people look it up: `U+202E`.
fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that change what text looks like without being seen:
/// bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), marks that flip direction (U+200E, U+200F, U+061C),
/// zero-width space, non-joiner and joiner (U+200B–U+200D), the word
/// joiner (U+2060) and the BOM (U+FEFF).
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{2060}'
        | '\u{FEFF}')
}

/// Checks one line of text: a name, a unit, a reason, a 文号, a logbook
/// field that is not free text.
pub fn check_line(text: &str) -> Option<TextProblem> {
    text.chars().find_map(|c| {
        if is_line_break(c) {
            Some(TextProblem::LineBreak { code: code(c) })
        } else if c.is_control() {
            Some(TextProblem::Control { code: code(c) })
        } else if is_invisible(c) {
            Some(TextProblem::Invisible { code: code(c) })
        } else {
            None
        }
    })
}

/// Checks multi-line text (a note, a report, minutes): line breaks (`\n`)
/// and tabs are its own, every other control character and every
/// character that reorders or hides text is refused.
pub fn check_note(text: &str) -> Option<TextProblem> {
    text.chars().find_map(|c| {
        if matches!(c, '\n' | '\t') {
            None
        } else if c.is_control() || is_line_break(c) {
            Some(TextProblem::Control { code: code(c) })
        } else if is_invisible(c) {
            Some(TextProblem::Invisible { code: code(c) })
        } else {
            None
        }
    })
}

/// Checks `title` (already trimmed of surrounding blanks); blank titles are
/// the caller's to refuse, as logbook entries may have none.
pub fn check_title(title: &str) -> Option<TitleProblem> {
    // A line break anywhere is named first: it is the likeliest mistake.
    if title.contains(is_line_break) {
        return Some(TitleProblem::LineBreak);
    }
    match check_line(title) {
        Some(TextProblem::LineBreak { .. }) => return Some(TitleProblem::LineBreak),
        Some(TextProblem::Control { code }) => return Some(TitleProblem::Control { code }),
        Some(TextProblem::Invisible { code }) => return Some(TitleProblem::Invisible { code }),
        None => {}
    }
    let chars = title.chars().count();
    (chars > MAX_TITLE_CHARS).then_some(TitleProblem::TooLong {
        chars,
        limit: MAX_TITLE_CHARS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_titles_pass() {
        assert_eq!(check_title("关于做好2026年安全生产工作的通知"), None);
        assert_eq!(check_title("Notice on “safety” — 2026"), None);
        assert_eq!(check_title(&"长".repeat(MAX_TITLE_CHARS)), None);
    }

    #[test]
    fn line_breaks_and_control_characters_are_refused() {
        assert_eq!(check_title("第一行\n第二行"), Some(TitleProblem::LineBreak));
        assert_eq!(check_title("a\r\nb"), Some(TitleProblem::LineBreak));
        assert_eq!(check_title("a\u{2028}b"), Some(TitleProblem::LineBreak));
        assert_eq!(
            check_title("红\u{1b}[31m字"),
            Some(TitleProblem::Control {
                code: "U+001B".into()
            })
        );
        assert_eq!(
            check_title("a\tb"),
            Some(TitleProblem::Control {
                code: "U+0009".into()
            })
        );
    }

    #[test]
    fn text_that_reorders_or_hides_itself_is_refused() {
        assert_eq!(
            check_title("关于\u{202E}知通的"),
            Some(TitleProblem::Invisible {
                code: "U+202E".into()
            })
        );
        assert_eq!(
            check_line("王\u{200B}丽"),
            Some(TextProblem::Invisible {
                code: "U+200B".into()
            })
        );
        assert_eq!(
            check_note("第一行\n\t第二行\u{2066}"),
            Some(TextProblem::Invisible {
                code: "U+2066".into()
            })
        );
    }

    #[test]
    fn one_line_and_multi_line_text() {
        assert_eq!(check_line("王丽"), None);
        assert_eq!(check_line("市交发〔2026〕1号"), None);
        assert_eq!(
            check_line("王丽\n  2026-11-23 14:00  周敏  审核销号：同意销号"),
            Some(TextProblem::LineBreak {
                code: "U+000A".into()
            })
        );
        assert_eq!(
            check_line("a\u{2028}b"),
            Some(TextProblem::LineBreak {
                code: "U+2028".into()
            })
        );
        assert_eq!(
            check_line("a\tb"),
            Some(TextProblem::Control {
                code: "U+0009".into()
            })
        );
        assert_eq!(check_note("已整改7项；\n\t2个项目正在协调。"), None);
        assert_eq!(
            check_note("a\r\nb"),
            Some(TextProblem::Control {
                code: "U+000D".into()
            })
        );
        assert_eq!(
            check_note("红\u{1b}[31m字"),
            Some(TextProblem::Control {
                code: "U+001B".into()
            })
        );
    }

    #[test]
    fn a_title_past_the_limit_is_refused_with_the_limit_named() {
        assert_eq!(
            check_title(&"长".repeat(MAX_TITLE_CHARS + 1)),
            Some(TitleProblem::TooLong {
                chars: MAX_TITLE_CHARS + 1,
                limit: MAX_TITLE_CHARS
            })
        );
    }
}
