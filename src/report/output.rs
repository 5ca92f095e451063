//! What a command prints, in each format it has. A command says how to
//! make each of its formats ([`Output`]); the context picks the one asked
//! for with `-o`, and [`Output::write`] makes only that one and writes it:
//! coloured and as wide as the screen for a terminal, with the byte order
//! mark `--bom` asks for on CSV, control characters made harmless on
//! everything people read. A format the command does not have is refused,
//! naming those it has, never replaced by another.

use std::borrow::Borrow;
use std::io::Write;
use std::rc::Rc;

use clap::ValueEnum;

use crate::error::{Error, Result};
use crate::report::render::{Screen, Table, printable};

/// The formats of `-o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
    // A whole page to open in a browser and print (`show`'s forms). Not
    // a doc comment: clap would turn it into help for each value and
    // change every `--help`'s layout.
    Html,
}

impl Format {
    /// The word `-o` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

type Terminal<'a> = Box<dyn FnOnce(Screen) -> String + 'a>;
type Text<'a> = Box<dyn FnOnce() -> Result<String> + 'a>;
type Json<'a> = Box<dyn FnOnce(&mut dyn Write) -> Result<()> + 'a>;

/// How a command prints each of its formats; only the one asked for is
/// made.
#[derive(Default)]
pub struct Output<'a> {
    terminal: Option<Terminal<'a>>,
    /// Said on stderr instead of an empty terminal table ("nothing
    /// found"): a header over no rows reads like a fault.
    empty: Option<String>,
    /// Nothing at all in a format for people, not even a header or a
    /// byte order mark: what `remind` prints with nothing due, so that
    /// cron mails nothing. JSON is still made.
    silent: bool,
    markdown: Option<Text<'a>>,
    /// The CSV, and whether it starts with a byte order mark.
    csv: Option<(Text<'a>, bool)>,
    json: Option<Json<'a>>,
    html: Option<Text<'a>>,
}

impl<'a> Output<'a> {
    pub fn new() -> Output<'a> {
        Output::default()
    }

    /// The text for a terminal, drawn for `Screen`.
    pub fn terminal(mut self, make: impl FnOnce(Screen) -> String + 'a) -> Output<'a> {
        self.terminal = Some(Box::new(make));
        self
    }

    /// Instead of the terminal text, `note` on stderr (unless `--quiet`)
    /// when there is one: what a command says when it found nothing.
    pub fn empty(mut self, note: Option<String>) -> Output<'a> {
        self.empty = note;
        self
    }

    /// Nothing for people, when `silent` (see the field).
    pub fn silent(mut self, silent: bool) -> Output<'a> {
        self.silent = silent;
        self
    }

    pub fn markdown(mut self, make: impl FnOnce() -> String + 'a) -> Output<'a> {
        self.markdown = Some(Box::new(move || Ok(make())));
        self
    }

    /// A whole HTML document.
    pub fn html(mut self, make: impl FnOnce() -> String + 'a) -> Output<'a> {
        self.html = Some(Box::new(move || Ok(make())));
        self
    }

    /// The CSV of the table `make` gives; `bom` is the command's `--bom`,
    /// which every command that prints CSV takes.
    pub fn csv<T: Borrow<Table>>(mut self, bom: bool, make: impl FnOnce() -> T + 'a) -> Output<'a> {
        let text = move || Ok(make().borrow().to_csv());
        self.csv = Some((Box::new(text), bom));
        self
    }

    /// One table as a terminal table, Markdown and CSV.
    pub fn table(self, bom: bool, table: Table) -> Output<'a> {
        let table = Rc::new(table);
        let (terminal, markdown) = (Rc::clone(&table), Rc::clone(&table));
        self.terminal(move |screen| terminal.to_terminal(screen))
            .markdown(move || markdown.to_markdown())
            .csv(bom, move || table)
    }

    /// JSON: `value`, pretty-printed, and a newline.
    pub fn json(self, value: impl serde::Serialize + 'a) -> Output<'a> {
        self.json_text(move || {
            serde_json::to_string_pretty(&value)
                .map(|text| text + "\n")
                .map_err(Error::encode)
        })
    }

    /// JSON already encoded, newline included.
    pub fn json_text(mut self, make: impl FnOnce() -> Result<String> + 'a) -> Output<'a> {
        self.json = Some(Box::new(move |out| {
            let text = make()?;
            out.write_all(text.as_bytes()).map_err(stdout_failed)
        }));
        self
    }

    /// A JSON array printed as `json` would print it, but one element at
    /// a time: a whole register's records as JSON values at once would
    /// take gigabytes.
    pub fn json_array<T, I>(mut self, items: I) -> Output<'a>
    where
        T: serde::Serialize,
        I: IntoIterator<Item = T> + 'a,
    {
        self.json = Some(Box::new(move |out| write_json_array(out, items)));
        self
    }

    /// The formats this output has, in `-o`'s order.
    pub fn formats(&self) -> Vec<Format> {
        let has = [
            (Format::Table, self.terminal.is_some()),
            (Format::Json, self.json.is_some()),
            (Format::Csv, self.csv.is_some()),
            (Format::Markdown, self.markdown.is_some()),
            (Format::Html, self.html.is_some()),
        ];
        has.iter()
            .filter(|(_, has)| *has)
            .map(|(f, _)| *f)
            .collect()
    }

    /// Makes `format` and writes it to `out`, or gives `note` the note
    /// that stands for it; refuses a format this output does not have.
    /// Text for people goes through [`printable`]; JSON as encoded (its
    /// encoder has escaped every control character inside its strings).
    pub fn write(
        self,
        format: Format,
        screen: Screen,
        out: &mut dyn Write,
        note: &mut dyn FnMut(&str),
    ) -> Result<()> {
        let formats = self.formats();
        let Output {
            terminal,
            empty,
            silent,
            markdown,
            csv,
            json,
            html,
        } = self;
        if silent && format != Format::Json && formats.contains(&format) {
            return Ok(());
        }
        let text = match (format, terminal, markdown, csv, json) {
            (Format::Json, _, _, _, Some(json)) => {
                json(out)?;
                return out.flush().map_err(stdout_failed);
            }
            (Format::Table, Some(terminal), ..) => match empty {
                Some(empty) => {
                    note(&empty);
                    return Ok(());
                }
                None => terminal(screen),
            },
            (Format::Markdown, _, Some(markdown), ..) => markdown()?,
            (Format::Csv, _, _, Some((csv, bom)), _) => with_bom(csv()?, bom),
            (Format::Html, ..) if let Some(html) = html => html()?,
            _ => {
                return Err(Error::NoSuchFormat {
                    format: format.name(),
                    formats: formats.into_iter().map(Format::name).collect(),
                });
            }
        };
        write_text(out, &text)
    }
}

/// Writes text for people to `out`, made [`printable`]: the one place
/// where what people read (a table, Markdown, CSV for a spreadsheet or a
/// mail) is made safe, so that control characters from records (an escape
/// sequence in a hand-edited title) never reach the terminal.
pub fn write_text(out: &mut dyn Write, text: &str) -> Result<()> {
    out.write_all(printable(text).as_bytes())
        .and_then(|()| out.flush())
        .map_err(stdout_failed)
}

/// CSV text, with a UTF-8 byte order mark first when `bom` (`--bom`), so
/// Excel and WPS read Chinese correctly.
pub fn with_bom(csv: String, bom: bool) -> String {
    if bom { format!("\u{feff}{csv}") } else { csv }
}

/// Writes a JSON array exactly as `serde_json::to_string_pretty` of the
/// whole would, plus a newline, one element at a time.
pub fn write_json_array<T: serde::Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> Result<()> {
    let mut first = true;
    for item in items {
        let text = serde_json::to_string_pretty(&item).map_err(Error::encode)?;
        out.write_all(if first { b"[\n" } else { b",\n" })
            .map_err(stdout_failed)?;
        first = false;
        // Strings in JSON hold no raw line breaks: indenting by line is
        // indenting by level.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n").map_err(stdout_failed)?;
            }
            out.write_all(b"  ").map_err(stdout_failed)?;
            out.write_all(line.as_bytes()).map_err(stdout_failed)?;
        }
    }
    out.write_all(if first { b"[]\n" } else { b"\n]\n" })
        .map_err(stdout_failed)?;
    out.flush().map_err(stdout_failed)
}

fn stdout_failed(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::render::Tone;

    #[test]
    fn json_arrays_print_as_pretty_printing_the_whole_would() {
        let cases = [
            serde_json::json!([]),
            serde_json::json!([1]),
            serde_json::json!([{"id": "FU-1", "title": "多行\n标题", "to": ["a", "b"], "x": {}},
                {"nested": {"deep": [[], [1, {"k": null}]]}}]),
        ];
        for case in cases {
            let items = case.as_array().unwrap().clone();
            let mut out = Vec::new();
            write_json_array(&mut out, items).unwrap();
            let expected = serde_json::to_string_pretty(&case).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    fn written(output: Output, format: Format) -> (Result<String>, Vec<String>) {
        let mut out = Vec::new();
        let mut notes = Vec::new();
        let result = output.write(format, Screen::default(), &mut out, &mut |n| {
            notes.push(n.to_string())
        });
        (result.map(|()| String::from_utf8(out).unwrap()), notes)
    }

    fn one_row() -> Table {
        let mut table = Table::new(vec!["编号".into(), "标题".into()]);
        table.push(vec![
            ("IN-1".into(), Tone::Plain),
            ("通知\u{1b}[2J".into(), Tone::Plain),
        ]);
        table
    }

    #[test]
    fn only_the_format_asked_for_is_made() {
        let made = std::cell::Cell::new(0);
        let output = || {
            Output::new()
                .terminal(|_| {
                    made.set(made.get() + 1);
                    "t\n".into()
                })
                .markdown(|| {
                    made.set(made.get() + 10);
                    "m\n".into()
                })
        };
        assert_eq!(written(output(), Format::Markdown).0.unwrap(), "m\n");
        assert_eq!(made.get(), 10);
    }

    #[test]
    fn a_format_the_command_lacks_is_refused_naming_those_it_has() {
        let output = Output::new().terminal(|_| "t".into()).json(1);
        let (result, _) = written(output, Format::Csv);
        match result {
            Err(Error::NoSuchFormat { format, formats }) => {
                assert_eq!(format, "csv");
                assert_eq!(formats, ["table", "json"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_is_made_printable_and_csv_takes_its_bom_json_stays() {
        let (csv, _) = written(Output::new().table(true, one_row()), Format::Csv);
        assert_eq!(csv.unwrap(), "\u{feff}编号,标题\nIN-1,通知\u{fffd}[2J\n");
        let (md, _) = written(Output::new().table(true, one_row()), Format::Markdown);
        assert!(md.unwrap().contains("通知\u{fffd}[2J"));
        let (json, _) = written(Output::new().json("a\u{1b}b"), Format::Json);
        assert_eq!(json.unwrap(), "\"a\\u001bb\"\n");
    }

    #[test]
    fn an_empty_table_is_a_note_on_the_terminal_only() {
        let output = || {
            Output::new()
                .table(false, Table::new(vec!["ID".into()]))
                .empty(Some("nothing found".into()))
        };
        let (text, notes) = written(output(), Format::Table);
        assert_eq!(
            (text.unwrap(), notes),
            (String::new(), vec!["nothing found".into()])
        );
        let (text, notes) = written(output(), Format::Csv);
        assert_eq!(
            (text.unwrap(), notes),
            ("ID\n".into(), Vec::<String>::new())
        );
    }

    #[test]
    fn silent_prints_nothing_for_people_not_even_a_bom_but_json_still() {
        let output = || {
            Output::new()
                .table(true, Table::new(vec!["ID".into()]))
                .json_array(Vec::<u8>::new())
                .silent(true)
        };
        for format in [Format::Table, Format::Csv, Format::Markdown] {
            let (text, notes) = written(output(), format);
            assert_eq!((text.unwrap(), notes.len()), (String::new(), 0));
        }
        assert_eq!(written(output(), Format::Json).0.unwrap(), "[]\n");
        let lacking = Output::new().json(1).silent(true);
        assert!(written(lacking, Format::Csv).0.is_err());
    }
}
