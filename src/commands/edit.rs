//! `taizhang edit`: correct a record, with `--set` or in an editor.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use crate::commands::shared::commit_message;
use crate::context::Ctx;
use crate::error::{CoreError, Error, Result};
use crate::i18n::tr;
use crate::i18n::{self, Message};
use crate::report::render::printable;
use taizhang_core::model::classified::{Lowered, lowered};
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::edit::{
    EditError, FieldChange, Inputs, attachments_refused, changes, check_fixed, history_note,
    set_fields, split_assignment,
};
use taizhang_core::model::id::Id;
use taizhang_core::model::record::Record;
use taizhang_core::model::validate::new_errors;
use taizhang_core::store::draft::{self, Draft};
use taizhang_core::store::{self, Change, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Correct a record (更正): fix a mistyped title, date, unit or level",
        "更正记录：改正录错的标题、日期、单位或密级",
    ),
    long_about = tr(
        "Correct a record (更正): fix a mistyped title, date, unit or level.\n\n\
        With --set, each FIELD=VALUE is read as its flag would read it (dates as `--due` reads \
        them, enumerated values in English or Chinese, units by name or code); an empty VALUE \
        clears an optional field. Without --set the record opens in $VISUAL or $EDITOR; on saving \
        it is checked as `taizhang check` checks one record, and kept only if it passes. The ID, \
        history and status never change here; every change is recorded in the history as old → \
        new, in one commit.",
        "更正记录：改正录错的标题、日期、单位或密级。\n\n\
        给了 --set，每个“字段=值”都按对应选项的读法读取（日期同 `--due`，枚举值中英文皆可，单位用\
        名称或代码）；值为空即清空一个选填字段。不给 --set 即用 $VISUAL 或 $EDITOR 打开记录；保存\
        时按 `taizhang check` 检查单条记录的方式检查，通过才保留。编号、办理经过和状态在此决不改变\
        ；每项修改都以“旧 → 新”记入办理经过，一次提交。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The record", "记录"))]
    pub id: String,
    #[arg(help = tr(
        "FIELD=VALUE to set, FIELD by its key or label: --set title=… --set 办结时限=+2w \
        (repeatable)",
        "要设的 字段=值，字段用其键名或名称：--set title=… --set 办结时限=+2w（可重复给出）",
    ))]
    #[arg(short, long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    if args.set.is_empty() {
        return in_editor(ctx, &register, &id);
    }
    let mut sets = (args.set.iter())
        .map(|s| split_assignment(s))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(CoreError::Edit)?;
    let actor = ctx.actor(&register);
    let tx = ctx.begin(&register)?;
    let record = store::load_one(&register, &id)?;
    // A field named as the tool shows it (办结时限, lead unit).
    for (field, _) in &mut sets {
        if let Some(key) = i18n::field_key(record.kind(), field) {
            *field = key.to_string();
        }
    }
    let inputs = Inputs {
        today: ctx.today,
        now: ctx.moment(),
        tz: &ctx.tz,
        calendar: ctx.calendar(),
        config: &register.config,
    };
    let (changed, changes) = set_fields(&record, &sets, &inputs).map_err(CoreError::Edit)?;
    if changes.is_empty() {
        ctx.note(&i18n::unchanged(ctx.lang(), &id.to_string()));
        return Ok(ExitCode::SUCCESS);
    }
    refuse_new_errors(&register, &record, &changed)?;
    save(ctx, tx, &register, &actor, changed, &changes)
}

/// Refuses a change that brings in an error `check` would report,
/// raises an attached record to a level that allows no attachments, or
/// lowers a level (which `doc declassify` does, with an approver and a
/// reason on record).
fn refuse_new_errors(register: &Register, old: &Record, new: &Record) -> Result<()> {
    if let Some(Lowered { from, to }) = lowered(old, new) {
        return Err(Error::LowersSecrecy {
            id: old.id().to_string(),
            from,
            to,
        });
    }
    if let Some(level) = attachments_refused(old, new) {
        return Err(CoreError::AttachmentRefused { level }.into());
    }
    let findings = new_errors(old, new, &register.config);
    if findings.is_empty() {
        return Ok(());
    }
    Err(CoreError::BreaksCheck {
        id: old.id().to_string(),
        findings,
    }
    .into())
}

/// Records the edit in the history, saves and commits; says what changed.
fn save(
    ctx: &Ctx,
    mut tx: Change,
    register: &Register,
    actor: &Actor,
    mut record: Record,
    changes: &[FieldChange],
) -> Result<ExitCode> {
    record.push_history(actor.entry(HistoryAction::Edit, Some(history_note(changes))));
    tx.save(&record)?;
    tx.finish(&commit_message(
        register,
        HistoryAction::Edit.keyword(),
        &record,
    ))?;
    ctx.note(&i18n::edited(
        ctx.lang(),
        &record.id().to_string(),
        record.kind(),
        changes,
    ));
    Ok(ExitCode::SUCCESS)
}

/// The editor's round: copy, edit, check; again on a terminal while the
/// copy does not pass; then save under the lock, if the record did not
/// change meanwhile.
fn in_editor(ctx: &Ctx, register: &Register, id: &Id) -> Result<ExitCode> {
    let lang = ctx.lang();
    let editor = ctx.editor().ok_or(CoreError::Edit(EditError::NoEditor))?;
    let record = store::load_one(register, id)?;
    let draft = Draft::open(register, id)?;
    let (edited, changes) = loop {
        run_editor(&editor, &draft)?;
        let text = draft.read()?;
        if text == draft.original {
            ctx.note(&i18n::unchanged(lang, &id.to_string()));
            return Ok(ExitCode::SUCCESS);
        }
        match read_edited(register, &record, &text) {
            Ok(None) => {
                ctx.note(&i18n::unchanged(lang, &id.to_string()));
                return Ok(ExitCode::SUCCESS);
            }
            Ok(Some(done)) => break done,
            Err(e) if ctx.interactive() => {
                let (message, hint) = lang.error(&e);
                eprintln!("{}: {}", lang.message(Message::Error), printable(&message));
                if let Some(hint) = hint {
                    eprintln!("{}: {}", lang.message(Message::Hint), printable(&hint));
                }
                if !ask_again(lang)? {
                    ctx.note(&i18n::unchanged(lang, &id.to_string()));
                    return Ok(ExitCode::FAILURE);
                }
            }
            Err(e) => return Err(e),
        }
    };
    let actor = ctx.actor(register);
    let tx = ctx.begin(register)?;
    if draft::current(register, id)? != draft.original {
        let copy = draft.keep().display().to_string();
        return Err(CoreError::Edit(EditError::ChangedMeanwhile {
            id: id.to_string(),
            copy,
        })
        .into());
    }
    save(ctx, tx, register, &actor, edited, &changes)
}

/// The edited copy as a record, checked: `None` when it says the same as
/// the record (only its layout changed).
fn read_edited(
    register: &Register,
    record: &Record,
    text: &str,
) -> Result<Option<(Record, Vec<FieldChange>)>> {
    let mut edited = store::parse::parse_text(text, record.kind(), record.book()).map_err(
        |(line, column, problem)| Error::EditedUnreadable {
            line,
            column,
            problem: Box::new(problem),
        },
    )?;
    edited.know_books(&register.config.logbooks);
    check_fixed(record, &edited).map_err(CoreError::Edit)?;
    let changes = changes(record, &edited);
    if changes.is_empty() {
        return Ok(None);
    }
    refuse_new_errors(register, record, &edited)?;
    Ok(Some((edited, changes)))
}

/// Runs the editor on the draft (through the shell, so `code --wait` and
/// the like work as the clerk set them).
fn run_editor(editor: &str, draft: &Draft) -> Result<()> {
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(draft.path())
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(CoreError::Edit(EditError::EditorFailed {
            editor: editor.to_string(),
            status: status.to_string(),
        })
        .into()),
        Err(e) => Err(CoreError::Edit(EditError::EditorFailed {
            editor: editor.to_string(),
            status: e.to_string(),
        })
        .into()),
    }
}

/// Asks on the terminal whether to edit again; yes unless the answer
/// starts with n (or 否).
fn ask_again(lang: i18n::Lang) -> Result<bool> {
    eprint!("{}", i18n::edit_again(lang));
    std::io::stderr()
        .flush()
        .map_err(|e| Error::io("<stderr>", e))?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::io("<stdin>", e))?;
    let answer = answer.trim().to_lowercase();
    Ok(!(answer.starts_with('n') || answer.starts_with('否')))
}
