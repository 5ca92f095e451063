//! Renderers: one computed table, printed as a terminal table, Markdown or
//! CSV. Renderers take data and never recompute it.

use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, LineStyle, Table as Comfy, TableStyle,
};

/// A header, a rule under it, and the rows: nothing between rows, so a
/// long register stays readable and `grep`-able.
const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// How a cell should stand out on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Danger,
    Warn,
    Dim,
}

/// A table of text, ready for any renderer.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<(String, Tone)>>,
}

impl Table {
    pub fn new(headers: Vec<String>) -> Table {
        Table {
            headers,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<(String, Tone)>) {
        self.rows.push(row);
    }

    /// A terminal table. Widths come from comfy-table, which measures CJK
    /// characters as two columns, so Chinese text lines up.
    pub fn to_terminal(&self, color: bool) -> String {
        let mut table = Comfy::new();
        table
            .load_style(STYLE)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if color {
            table.enforce_styling();
        }
        if let Some(width) = terminal_width() {
            table.set_width(width);
        }
        table.set_header(self.headers.iter().map(|h| {
            let cell = Cell::new(h);
            if color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in &self.rows {
            table.add_row(row.iter().map(|(text, tone)| {
                let cell = Cell::new(printable(text));
                match (color, tone) {
                    (true, Tone::Danger) => cell.fg(Color::Red),
                    (true, Tone::Warn) => cell.fg(Color::Yellow),
                    (true, Tone::Dim) => cell.fg(Color::DarkGrey),
                    _ => cell,
                }
            }));
        }
        let mut out = table.to_string();
        out.push('\n');
        out
    }

    /// A GitHub-flavoured Markdown table.
    pub fn to_markdown(&self) -> String {
        let escape = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut out = String::new();
        out.push_str(&format!(
            "| {} |\n",
            self.headers
                .iter()
                .map(|h| escape(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        out.push_str(&format!("|{}\n", " --- |".repeat(self.headers.len())));
        for row in &self.rows {
            out.push_str(&format!(
                "| {} |\n",
                row.iter()
                    .map(|(t, _)| escape(t))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
        out
    }

    /// CSV with a header row.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&self.headers)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|(t, _)| t))?;
        }
        let bytes = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// `COLUMNS` if set (tests pin it), else the terminal's width.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

/// Text from a record made safe for a terminal: control characters (an
/// escape sequence hidden in a hand-edited title could rewrite the screen)
/// are shown as U+FFFD; line breaks and tabs are kept.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        text.chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .collect()
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_in_titles_do_not_reach_the_terminal() {
        assert_eq!(printable("通知\u{1b}[2J"), "通知\u{fffd}[2J");
        assert_eq!(printable("两行\n文字"), "两行\n文字");
        let mut table = Table::new(vec!["标题".into()]);
        table.push(vec![("\u{1b}]0;pwned\u{7}".into(), Tone::Plain)]);
        assert!(!table.to_terminal(false).contains('\u{1b}'));
    }
}
