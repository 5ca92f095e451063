//! What a title may be: one line of text a clerk can read in a table, a
//! commit message and a 归档文件目录 — no line breaks, no control
//! characters, at most `MAX_TITLE_CHARS` characters.
//!
//! Every command that takes a title (`log in`, `log out`, `assign`,
//! `meeting add`, `meeting decide`, `import`, `edit`) asks here, and
//! `check` reports a file whose title breaks the rule. Pure.

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
}

/// Checks `title` (already trimmed of surrounding blanks); blank titles are
/// the caller's to refuse, as logbook entries may have none.
pub fn check_title(title: &str) -> Option<TitleProblem> {
    if title.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        return Some(TitleProblem::LineBreak);
    }
    if let Some(c) = title.chars().find(|c| c.is_control()) {
        return Some(TitleProblem::Control {
            code: format!("U+{:04X}", u32::from(c)),
        });
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
