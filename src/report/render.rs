//! Renderers: one computed table, printed as a terminal table, Markdown or
//! CSV. Renderers take data and never recompute it.

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Table as Comfy,
    TableStyle, Width,
};
use unicode_width::UnicodeWidthStr;

/// The terminal a table is drawn for: whether it takes colour, and its
/// width when known (`COLUMNS`, which tests pin; else comfy-table asks the
/// terminal, and off a terminal, a pipe or cron, there is none). The
/// context settles it once and it travels with every terminal rendering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    pub color: bool,
    pub width: Option<u16>,
}

/// How a terminal table is drawn.
#[derive(Clone, Copy)]
struct How<'a> {
    color: bool,
    /// The screen's width, if known.
    screen: Option<u16>,
    /// Fixed content widths of the columns, when drawn piece by piece.
    widths: Option<&'a [u16]>,
}

/// Rows per piece when a long table is rendered piece by piece.
const PIECE: usize = 1000;

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
    /// Columns (by index) whose text wraps at this many display columns
    /// when the screen's width is unknown (a pipe, a mail, cron): else one
    /// long title would make every row as wide as it is.
    pub wrap: Vec<(usize, u16)>,
}

impl Table {
    pub fn new(headers: Vec<String>) -> Table {
        Table {
            headers,
            rows: Vec::new(),
            wrap: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<(String, Tone)>) {
        self.rows.push(row);
    }

    /// A terminal table. Widths come from comfy-table, which measures CJK
    /// characters as two columns, so Chinese text lines up.
    ///
    /// A long table is rendered a thousand rows at a time with the widths
    /// of the whole, which prints the same text: comfy-table holds several
    /// structures per cell, half a gigabyte for a register of 100,000
    /// records at once. A table too wide for the terminal is rendered
    /// whole, so that its cells wrap as one.
    pub fn to_terminal(&self, screen: Screen) -> String {
        let Screen {
            color,
            width: screen,
        } = screen;
        let whole = How {
            color,
            screen,
            widths: None,
        };
        if self.rows.len() <= PIECE {
            return self.render(&self.rows, true, &whole);
        }
        let mut widths = self.content_widths();
        if screen.is_none() {
            for &(column, most) in &self.wrap {
                if let Some(width) = widths.get_mut(column) {
                    *width = (*width).min(most);
                }
            }
        }
        // Each column is padded by one space on either side.
        let total: u32 = widths.iter().map(|w| u32::from(*w) + 2).sum();
        if screen.is_some_and(|screen| total > u32::from(screen)) {
            return self.render(&self.rows, true, &whole);
        }
        let fixed = How {
            widths: Some(&widths),
            ..whole
        };
        self.rows
            .chunks(PIECE)
            .enumerate()
            .map(|(i, piece)| self.render(piece, i == 0, &fixed))
            .collect()
    }

    /// The widest line of each column, header included, at least one:
    /// what comfy-table's `column_max_content_widths` measures (the same
    /// `unicode-width`, lines split at '\n'), without building its cells
    /// for every row only to measure them.
    fn content_widths(&self) -> Vec<u16> {
        let mut widths = vec![1u16; self.headers.len()];
        let mut measure = |cells: &mut dyn Iterator<Item = &str>| {
            for (width, text) in widths.iter_mut().zip(cells) {
                let widest = text.split('\n').map(UnicodeWidthStr::width).max();
                let widest = u16::try_from(widest.unwrap_or(0)).unwrap_or(u16::MAX);
                *width = (*width).max(widest);
            }
        };
        measure(&mut self.headers.iter().map(String::as_str));
        for row in &self.rows {
            measure(&mut row.iter().map(|(text, _)| text.as_str()));
        }
        widths
    }

    /// `rows` as a terminal table, with the header if `header`.
    fn render(&self, rows: &[Vec<(String, Tone)>], header: bool, how: &How) -> String {
        let mut out = self.comfy(rows, header, how).to_string();
        out.push('\n');
        out
    }

    fn comfy(&self, rows: &[Vec<(String, Tone)>], header: bool, how: &How) -> Comfy {
        let How {
            color,
            screen,
            widths,
        } = *how;
        let mut table = Comfy::new();
        table
            .load_style(STYLE)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if color {
            table.enforce_styling();
        }
        if let Some(screen) = screen {
            table.set_width(screen);
        }
        if header {
            table.set_header(self.headers.iter().map(|h| {
                let cell = Cell::new(h);
                if color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            }));
        }
        for row in rows {
            table.add_row(row.iter().map(|(text, tone)| {
                let cell = Cell::new(text);
                match (color, tone) {
                    (true, Tone::Danger) => cell.fg(Color::Red),
                    (true, Tone::Warn) => cell.fg(Color::Yellow),
                    (true, Tone::Dim) => cell.fg(Color::DarkGrey),
                    _ => cell,
                }
            }));
        }
        if screen.is_none() && widths.is_none() {
            for &(column, most) in &self.wrap {
                if let Some(column) = table.column_mut(column) {
                    // The boundary counts the padding too.
                    column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(most + 2)));
                }
            }
        }
        if let Some(widths) = widths {
            // A fixed width counts the padding too.
            table.set_constraints(
                widths
                    .iter()
                    .map(|w| ColumnConstraint::Absolute(Width::Fixed(w + 2))),
            );
        }
        table
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

    /// CSV with a header row, made safe for spreadsheets
    /// ([`crate::report::csv`]).
    pub fn to_csv(&self) -> String {
        let rows = self.rows.iter().map(|row| row.iter().map(|(t, _)| t));
        crate::report::csv::write(&self.headers, rows)
    }
}

/// A row of cells in no particular tone.
pub fn plain(cells: impl IntoIterator<Item = String>) -> Vec<(String, Tone)> {
    cells.into_iter().map(|cell| (cell, Tone::Plain)).collect()
}

/// Text made safe for a terminal or a mail: control characters (an
/// escape sequence hidden in a hand-edited title could rewrite the screen)
/// are shown as U+FFFD; line breaks and tabs are kept. Applied once, where
/// output leaves the program (`commands::shared::print`, warnings and
/// errors on stderr), never to JSON values.
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

    /// A long table rendered in pieces prints exactly what rendering it
    /// whole prints.
    #[test]
    fn long_tables_render_in_pieces_as_a_whole() {
        let mut table = Table::new(vec![
            "编号".into(),
            "标题".into(),
            "期限".into(),
            "x".into(),
        ]);
        for n in 0..2 * PIECE + 17 {
            let title = match n % 5 {
                0 => "关于做好冬季安全生产工作的通知".to_string(),
                1 => String::new(),
                2 => format!("a{}", "长".repeat(n % 23)),
                3 => "two\nlines".to_string(),
                _ => "short".to_string(),
            };
            // The widest cell of a column lies in the last piece only.
            let last = if n == 2 * PIECE + 3 {
                "the widest cell of all"
            } else {
                ""
            };
            table.push(vec![
                (format!("FU-2026-{n:04}"), Tone::Plain),
                (title, Tone::Danger),
                ("2026-11-23".into(), Tone::Plain),
                (last.into(), Tone::Plain),
            ]);
        }
        let plain = How {
            color: false,
            screen: None,
            widths: None,
        };
        let measured = table.comfy(&table.rows, true, &plain);
        let measured: Vec<u16> = (measured.column_max_content_widths().iter())
            .map(|w| (*w).max(1))
            .collect();
        assert_eq!(table.content_widths(), measured, "as comfy-table measures");
        for (color, screen) in [
            (false, None),
            (true, None),
            (false, Some(200)),
            (true, Some(40)),
        ] {
            let how = How {
                color,
                screen,
                widths: None,
            };
            let whole = table.render(&table.rows, true, &how);
            let pieces = table.to_terminal(Screen {
                color,
                width: screen,
            });
            assert_eq!(pieces.lines().count(), whole.lines().count());
            assert!(
                pieces == whole,
                "pieces differ from the whole ({color}, {screen:?})"
            );
        }
    }

    #[test]
    fn escape_sequences_in_titles_do_not_reach_the_terminal() {
        assert_eq!(printable("通知\u{1b}[2J"), "通知\u{fffd}[2J");
        assert_eq!(printable("两行\n文字"), "两行\n文字");
        assert_eq!(printable("\u{1b}]0;pwned\u{7}"), "\u{fffd}]0;pwned\u{fffd}");
        // Applied where output leaves the program, for every format:
        // tests/cli/hostile.rs checks tables, Markdown and CSV end to end.
    }
}
