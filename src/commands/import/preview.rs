//! `import … --dry-run`: what the import would do, for a clerk to check
//! before anything is written: which sheet column fills which field (and
//! which are not imported, and why), the rows passed over, the first
//! records as they would be stored, and the warnings. Pure text.

use std::process::ExitCode;

use super::Args;
use super::read::Passed;
use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::i18n::import as import_words;
use crate::i18n::{Lang, sheet as words};
use crate::report::redact::Title;
use taizhang_core::model::import::rows::Draft;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::store::Change;

/// How many records are shown field by field.
const SHOWN: usize = 3;

/// A column of the sheet and what it fills.
pub struct Column {
    pub label: String,
    pub fills: Fills,
}

pub enum Fills {
    /// The field, as shown: its label and key.
    Field { label: String, key: String },
    /// `--map COLUMN=-`.
    LeftOut,
    /// No field has the column's name.
    Unknown,
}

/// The columns of a header (label and what it fills, `None` for
/// nothing) as the preview shows them: `unmapped` are the labels no field
/// was found for; another label filling nothing was left out by `--map`.
pub fn columns<K>(
    header: &[(String, Option<K>)],
    unmapped: &[String],
    field: impl Fn(&K) -> Option<(String, String)>,
) -> Vec<Column> {
    header
        .iter()
        .map(|(label, fills)| {
            let fills = match fills.as_ref().and_then(&field) {
                Some((label, key)) => Fills::Field { label, key },
                None if label.is_empty() || unmapped.contains(label) => Fills::Unknown,
                None => Fills::LeftOut,
            };
            Column {
                label: label.clone(),
                fills,
            }
        })
        .collect()
}

/// Everything the preview shows.
pub struct Preview<'a> {
    pub lang: Lang,
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    /// The header's first and last row, as the sheet numbers them.
    pub header_rows: (usize, usize),
    pub columns: &'a [Column],
    pub passed: &'a Passed,
    pub drafts: &'a [Draft],
    /// The label of a stored key of the records made.
    pub label: &'a dyn Fn(&str) -> String,
    pub warnings: &'a [String],
}

impl Preview<'_> {
    pub fn render(&self) -> String {
        let l = self.lang;
        let mut out = words::preview_heading(l, self.file, self.sheet, self.header_rows);
        out.push('\n');
        out.push_str(&words::preview_columns(l));
        out.push('\n');
        for (at, column) in self.columns.iter().enumerate() {
            if column.label.is_empty() && matches!(column.fills, Fills::Unknown) {
                continue;
            }
            let fills = match &column.fills {
                Fills::Field { label, key } if label == key => format!("→ {key}"),
                Fills::Field { label, key } => format!("→ {label} ({key})"),
                Fills::LeftOut => words::left_out(l),
                Fills::Unknown => words::not_imported(l),
            };
            out.push_str(&format!("  {} {}  {fills}\n", letter(at), column.label));
        }
        if !self.passed.is_empty() {
            out.push_str(&words::preview_passed(l));
            out.push('\n');
            for (why, rows) in self.passed {
                out.push_str(&format!("  {}\n", words::passed(l, *why, rows)));
            }
        }
        if !self.drafts.is_empty() {
            out.push_str(&words::preview_rows(l));
            out.push('\n');
            for draft in self.drafts.iter().take(SHOWN) {
                out.push_str(&self.record(draft));
            }
            let more = self.drafts.len().saturating_sub(SHOWN);
            if more > 0 {
                out.push_str(&format!("  {}\n", words::more_rows(l, more)));
            }
        }
        if !self.warnings.is_empty() {
            out.push_str(&words::preview_warnings(l));
            out.push('\n');
            for warning in self.warnings {
                out.push_str(&format!("  {warning}\n"));
            }
        }
        out
    }

    /// One record as it would be stored: its row and ID, then each field
    /// it has (a classified title withheld, as every listing does).
    fn record(&self, draft: &Draft) -> String {
        let l = self.lang;
        let record = &draft.record;
        let mut out = format!(
            "  {}\n",
            words::row_becomes(l, draft.row, &record.id().to_string())
        );
        let title = if record.secrecy().is_classified() {
            Title::Withheld {
                level: record.secrecy(),
                id: record.id().clone(),
            }
            .words(l)
        } else {
            record.title().to_string()
        };
        let colon = l.colon();
        out.push_str(&format!("    {}{colon}{title}\n", (self.label)("title")));
        let serde_json::Value::Object(fields) = record.to_json() else {
            return out;
        };
        for (key, value) in fields.iter().filter(|(k, _)| !HIDDEN.contains(&k.as_str())) {
            let shown = match (key.as_str(), value) {
                ("status", _) => l.status(record).to_string(),
                (key, serde_json::Value::String(word)) => {
                    keyword_word(l, key, word).map_or_else(|| word.clone(), str::to_string)
                }
                _ => shown(value),
            };
            if !shown.is_empty() {
                out.push_str(&format!("    {}{colon}{shown}\n", (self.label)(key)));
            }
        }
        out
    }
}

/// A field's label in the reader's language.
pub(super) fn l_field(lang: Lang, kind: Kind, key: &str) -> String {
    lang.field_in(kind.keyword(), key).to_string()
}

/// What the dry run shows besides the records (see `preview`), and the
/// notes a real import gives instead.
pub(super) struct Shown<'a> {
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub header_rows: (usize, usize),
    pub columns: Vec<Column>,
    pub passed: &'a Passed,
    pub label: &'a dyn Fn(&str) -> String,
}

impl Shown<'_> {
    /// A real import notes the rows it passed over and the warnings so
    /// far on stderr; a dry run keeps them for its preview.
    pub(super) fn note(&self, ctx: &Ctx, args: &Args, warnings: &[String]) {
        if args.dry_run {
            return;
        }
        if let Some(note) = crate::i18n::sheet::skipped_rows(ctx.lang(), self.passed) {
            ctx.note(&note);
        }
        for warning in warnings {
            ctx.note(warning);
        }
    }

    /// A warning found later: noted now, or kept for the preview.
    pub(super) fn warn(&self, ctx: &Ctx, args: &Args, warnings: &mut Vec<String>, warning: String) {
        if args.dry_run {
            warnings.push(warning);
        } else {
            ctx.note(&warning);
        }
    }

    fn render(&self, ctx: &Ctx, drafts: &[Draft], warnings: &[String]) -> String {
        Preview {
            lang: ctx.lang(),
            file: self.file,
            sheet: self.sheet,
            header_rows: self.header_rows,
            columns: &self.columns,
            passed: self.passed,
            drafts,
            label: self.label,
            warnings,
        }
        .render()
    }

    pub(super) fn print(&self, ctx: &Ctx, drafts: &[Draft], warnings: &[String]) -> Result<()> {
        let mut out = self.render(ctx, drafts, warnings);
        out.push_str(&import_words::dry_run_total(ctx.lang(), drafts.len()));
        out.push('\n');
        print(&out)
    }

    /// The import is refused: a dry run first shows what it read (the
    /// rows that are fine, with the IDs they would get), then the error.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn refuse(
        &self,
        ctx: &Ctx,
        args: &Args,
        tx: &mut Change,
        (prefix, existing): (&str, &[Record]),
        mut drafts: Vec<Draft>,
        warnings: &[String],
        refused: Error,
    ) -> Result<ExitCode> {
        if args.dry_run {
            super::give_ids(tx, prefix, existing, &mut drafts)?;
            let out = self.render(ctx, &drafts, warnings);
            print(&out)?;
        }
        Err(refused)
    }
}

/// A logbook field's label in the reader's language.
pub(super) fn book_label(lang: Lang, field: &taizhang_core::model::config::FieldDef) -> String {
    let label = match lang {
        crate::i18n::Lang::En => field.label_en.as_ref(),
        crate::i18n::Lang::Zh => field.label.as_ref(),
    };
    label.unwrap_or(&field.name).clone()
}

/// Keys of a record that are not the sheet's: its ID (shown with the
/// row), when and by whom it was made, and the title (shown first).
const HIDDEN: &[&str] = &["id", "title", "created", "history", "kind", "book", "out"];

/// An enumerated value in the reader's language (`very-urgent` → 特急).
fn keyword_word(l: Lang, key: &str, value: &str) -> Option<&'static str> {
    use taizhang_core::model::keyword::{
        Channel, Direction, DocType, Handling, Secrecy, Source, Urgency, parse,
    };
    match key {
        "urgency" => parse::<Urgency>(value).ok().map(|k| l.keyword(k)),
        "secrecy" => parse::<Secrecy>(value).ok().map(|k| l.keyword(k)),
        "handling" => parse::<Handling>(value).ok().map(|k| l.keyword(k)),
        "doc_type" => parse::<DocType>(value).ok().map(|k| l.keyword(k)),
        "channel" => parse::<Channel>(value).ok().map(|k| l.keyword(k)),
        "direction" => parse::<Direction>(value).ok().map(|k| l.keyword(k)),
        "source" => parse::<Source>(value).ok().map(|k| l.keyword(k)),
        _ => None,
    }
}

/// A stored value on one line: lists joined, objects as compact JSON.
fn shown(value: &serde_json::Value) -> String {
    use serde_json::Value as V;
    match value {
        V::Null => String::new(),
        V::String(s) => s.clone(),
        V::Bool(b) => b.to_string(),
        V::Number(n) => n.to_string(),
        V::Array(items) if items.is_empty() => String::new(),
        V::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join("、"),
        V::Object(map) if map.is_empty() => String::new(),
        V::Object(_) => value.to_string(),
    }
}

/// A column's letter as spreadsheets name it: A … Z, AA …
pub fn letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(super::letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }
}
