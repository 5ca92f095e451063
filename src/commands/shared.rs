//! What several commands do alike: change one record under the lock,
//! print a new ID, write to stdout.

use std::io::Write;
use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::{CoreError, Error, Result};
use crate::i18n::{Confirm, Lang};
use crate::report::render::printable;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::followup::Followup;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;
use taizhang_core::model::transition::Refusal;
use taizhang_core::store::{Change, Register};

/// Writes `text` to stdout. A closed pipe surfaces as an error the binary
/// treats as success.
///
/// This is the one place where what people read (a table, Markdown, CSV
/// for a spreadsheet or a mail) is made safe: control characters from
/// records (an escape sequence in a hand-edited title) never reach the
/// terminal. JSON passes through unchanged in substance: its encoder has
/// already escaped every control character inside its strings.
pub fn print(text: &str) -> Result<()> {
    let text = printable(text);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Prints a JSON array exactly as `serde_json::to_string_pretty` of the
/// whole would, plus a newline, but one element at a time: the listing of
/// a whole register as JSON values would take gigabytes.
pub fn print_json_array<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> Result<()> {
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    write_json_array(&mut out, items)
}

/// Writes a JSON array as `print_json_array` prints it.
pub fn write_json_array<T: serde::Serialize>(
    out: &mut impl Write,
    items: impl IntoIterator<Item = T>,
) -> Result<()> {
    let fail = |e| Error::io("<stdout>", e);
    let mut first = true;
    for item in items {
        let text = serde_json::to_string_pretty(&item).map_err(Error::encode)?;
        out.write_all(if first { b"[\n" } else { b",\n" })
            .map_err(fail)?;
        first = false;
        // Strings in JSON hold no raw line breaks: indenting by line is
        // indenting by level.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n").map_err(fail)?;
            }
            out.write_all(b"  ").map_err(fail)?;
            out.write_all(line.as_bytes()).map_err(fail)?;
        }
    }
    out.write_all(if first { b"[]\n" } else { b"\n]\n" })
        .map_err(fail)?;
    out.flush().map_err(fail)
}

/// CSV text, with a UTF-8 byte order mark first when `bom` (`--bom`), so
/// Excel and WPS read Chinese correctly.
pub fn with_bom(csv: String, bom: bool) -> String {
    if bom { format!("\u{feff}{csv}") } else { csv }
}

/// The commit message of a change: `taizhang: log IN-2026-0042 关于…`.
///
/// Commit messages travel to every clone and remote, where no
/// `--show-classified` guards them: a classified record (a follow-up
/// inherits its source's level when created) is named by its ID and its
/// secrecy label alone, `taizhang: log IN-2026-0001 [绝密]`.
/// The label is in the register's language (`language` in
/// taizhang.toml; Chinese unless it says `en`), not the clerk's: history
/// is shared, and its messages should read alike for everyone.
pub fn commit_message(register: &Register, action: &str, record: &Record) -> String {
    const MAX_TITLE_CHARS: usize = 60;
    let secrecy = record.secrecy();
    if secrecy.is_classified() {
        let lang = (register.config.language.as_deref())
            .and_then(Lang::parse)
            .unwrap_or(Lang::Zh);
        return format!(
            "taizhang: {action} {} [{}]",
            record.id(),
            lang.keyword(secrecy)
        );
    }
    let title: String = record.title().chars().take(MAX_TITLE_CHARS).collect();
    let ellipsis = if record.title().chars().count() > MAX_TITLE_CHARS {
        "…"
    } else {
        ""
    };
    format!("taizhang: {action} {} {title}{ellipsis}", record.id())
}

/// What a step did to a record: the note of its history entry, and the
/// line that confirms it to the clerk.
pub struct Outcome {
    pub note: Option<String>,
    pub said: Confirm,
}

impl Outcome {
    pub fn new(note: Option<String>, said: Confirm) -> Outcome {
        Outcome { note, said }
    }
}

/// Tells the clerk, on stderr, that a step took (`IN-2026-0001 已传阅至
/// 张局长`); silent with `-q`. Stdout is left to what scripts read.
pub fn confirm(ctx: &Ctx, said: &Confirm) {
    ctx.note(&ctx.lang().confirm(said));
}

/// Changes one existing record: load it under the lock, apply `change`,
/// append the history entry, save, commit, and confirm. The record on
/// disk is untouched if `change` refuses.
pub fn update(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    change: impl FnOnce(&mut Record, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(id_text)?;
    let actor = ctx.actor(&register);
    let mut tx = ctx.begin(&register)?;
    let mut record = tx.load(&id)?;
    let Outcome { note, said } = change(&mut record, &actor, &register)?;
    record.push_history(actor.entry(action, note));
    tx.save(&record)?;
    tx.finish(&commit_message(&register, action.keyword(), &record))?;
    confirm(ctx, &said);
    Ok(ExitCode::SUCCESS)
}

/// `update` for a follow-up: refuses any other kind of record.
pub fn update_followup(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    change: impl FnOnce(&mut Followup, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    update(ctx, id_text, action, |record, actor, register| {
        let id = record.id().to_string();
        match record {
            Record::Followup(fu) => change(fu, actor, register),
            _ => Err(Error::WrongKind {
                flag: action.keyword().to_string(),
                target: id,
                expected: Expected::Followup,
            }),
        }
    })
}

/// Turns a refused transition into the error naming the record.
pub fn refused(id: &impl ToString) -> impl FnOnce(Refusal) -> Error {
    let id = id.to_string();
    move |refusal| CoreError::Refused { id, refusal }.into()
}

/// Rejects empty text for a required flag or argument.
pub fn non_empty(flag: &str, text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::Empty {
            flag: flag.to_string(),
        });
    }
    Ok(trimmed.to_string())
}

/// Reads a title given to `flag`: not blank, one line, no control
/// characters, at most 500 characters (`model::title`).
pub fn title(flag: &str, text: &str) -> Result<String> {
    let title = non_empty(flag, text)?;
    match taizhang_core::model::title::check_title(&title) {
        Some(problem) => Err(Error::BadTitle {
            flag: flag.to_string(),
            problem,
        }),
        None => Ok(title),
    }
}

/// Trims optional text, dropping it when empty.
pub fn optional_text(text: Option<String>) -> Option<String> {
    text.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `update` for one kind of record: `project` picks the kind out of the
/// record; any other kind is refused as not `expected` for `command`.
pub fn update_as<T>(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    (command, expected): (&str, Expected),
    project: fn(&mut Record) -> Option<&mut T>,
    change: impl FnOnce(&mut T, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    update(ctx, id_text, action, |record, actor, register| {
        let id = record.id().to_string();
        match project(record) {
            Some(inner) => change(inner, actor, register),
            None => Err(Error::WrongKind {
                flag: command.to_string(),
                target: id,
                expected,
            }),
        }
    })
}

/// Commits the change that created a record and prints its ID alone on
/// stdout. The ID is printed even when the commit fails: the record is
/// saved, and the script that asked must learn which one it is. When the
/// files could not be put in place, nothing is printed.
pub fn finish_new(tx: Change, message: &str, id: &str) -> Result<ExitCode> {
    let committed = tx.finish_shared(message).map_err(Error::from);
    if let Err(e) = &committed
        && !matches!(e, Error::Core(CoreError::CommitFailed { .. }))
    {
        return committed.map(|_| ExitCode::SUCCESS);
    }
    // Sharing (`git.sync_on_write`) may have renumbered it: the remote
    // had taken the number meanwhile.
    let renumbered = committed.as_ref().ok().and_then(|map| {
        let old = taizhang_core::model::id::Id::parse(id)?;
        map.get(&old).map(ToString::to_string)
    });
    print(&format!("{}\n", renumbered.as_deref().unwrap_or(id)))?;
    committed.map(|_| ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
