//! The text of a letter for a group chat: `remind`'s headline and lines,
//! split into numbered parts where the platform limits a message's size,
//! for each platform to lay out (Markdown for WeCom and DingTalk, which
//! take no tables; paragraphs for Feishu).

use jiff::civil::Date;

use super::letters::Letter;
use crate::i18n::{self, Lang};
use crate::report::remind;

/// A line of a chat message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Unit(String),
    Owner(String),
    Item(String),
}

impl Line {
    pub fn markdown(&self) -> String {
        match self {
            Line::Unit(unit) => format!("### {unit}"),
            Line::Owner(owner) => format!("**{owner}**"),
            Line::Item(item) => format!("- {item}"),
        }
    }

    pub fn plain(&self) -> String {
        match self {
            Line::Unit(text) | Line::Owner(text) => text.clone(),
            Line::Item(item) => format!("  {item}"),
        }
    }
}

/// One message of a letter: its title (the headline, with `(1/3)` when
/// the letter takes several) and its lines.
#[derive(Debug, Clone)]
pub struct Part {
    pub title: String,
    pub lines: Vec<Line>,
}

impl Part {
    /// The part as Markdown: the title in bold, then the lines.
    pub fn markdown(&self) -> String {
        let mut out = format!("**{}**", self.title);
        for line in &self.lines {
            // A blank line before each unit's heading, as Markdown wants.
            if matches!(line, Line::Unit(_)) {
                out.push('\n');
            }
            out.push('\n');
            out.push_str(&line.markdown());
        }
        out.push('\n');
        out
    }
}

/// The first line of a letter: `remind`'s counts of its reminders.
pub fn headline(letter: &Letter, today: Date, lang: Lang) -> String {
    remind::headline(&letter.items, today, lang)
}

/// The body lines: a heading per unit, the owner, a line per reminder.
fn lines(letter: &Letter, lang: Lang) -> Vec<Line> {
    let mut out = Vec::new();
    for (unit, owners) in remind::groups(&letter.items) {
        out.push(Line::Unit(remind::unit_name(unit, lang).to_string()));
        for (owner, list) in owners {
            out.push(Line::Owner(remind::owner_name(owner, lang).to_string()));
            out.extend(list.iter().map(|item| Line::Item(remind::line(item, lang))));
        }
    }
    out
}

/// The letter in as many parts as keep each part's Markdown within
/// `limit` bytes.
pub fn parts(letter: &Letter, today: Date, lang: Lang, limit: usize) -> Vec<Part> {
    let headline = headline(letter, today, lang);
    // Room for the bold headline, the widest part mark and line breaks.
    let used = headline.len() + i18n::notify::part(lang, 999, 999).len() + 8;
    let room = limit.saturating_sub(used).max(64);
    let mut groups: Vec<Vec<Line>> = vec![Vec::new()];
    let mut size = 0;
    for line in lines(letter, lang) {
        let line = fit(line, room - 1);
        let len = line.markdown().len() + 1;
        if size > 0 && size + len > room {
            groups.push(Vec::new());
            size = 0;
        }
        size += len;
        groups.last_mut().expect("never empty").push(line);
    }
    let of = groups.len();
    groups
        .into_iter()
        .enumerate()
        .map(|(i, lines)| Part {
            title: match of {
                1 => headline.clone(),
                _ => format!("{headline} {}", i18n::notify::part(lang, i + 1, of)),
            },
            lines,
        })
        .collect()
}

/// A line whose Markdown is cut to at most `room` bytes, at a
/// character's end (a title longer than a whole message).
fn fit(line: Line, room: usize) -> Line {
    let cut = |text: String| {
        if text.len() + 4 <= room {
            return text;
        }
        let mut end = room.saturating_sub(4 + '…'.len_utf8());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &text[..end])
    };
    match line {
        Line::Unit(t) => Line::Unit(cut(t)),
        Line::Owner(t) => Line::Owner(cut(t)),
        Line::Item(t) => Line::Item(cut(t)),
    }
}

/// The letter as plain text, for a webhook's `text` and an e-mail body.
pub fn plain(letter: &Letter, today: Date, lang: Lang) -> String {
    remind::text(&letter.items, today, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_at_a_character() {
        let Line::Item(cut) = fit(Line::Item("督办事项督办事项".into()), 14) else {
            unreachable!()
        };
        assert!(Line::Item(cut.clone()).markdown().len() <= 14, "{cut}");
        assert!(cut.ends_with('…'));
        assert_eq!(
            fit(Line::Unit("short".into()), 64),
            Line::Unit("short".into())
        );
    }
}
