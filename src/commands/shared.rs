//! What several commands do alike: change one record under the lock,
//! print a new ID, write to stdout.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::{Confirm, Lang};
use crate::report::output::write_text;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::date::WorkingDays;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;
use taizhang_core::model::transition::Refusal;
use taizhang_core::store::{self, Change, Register};

/// Writes `text` (an ID, a script, a page that is not a report) to
/// stdout, made printable as every report is (`report::output`). A closed
/// pipe surfaces as an error the binary treats as success.
pub fn print(text: &str) -> Result<()> {
    write_text(&mut std::io::stdout().lock(), text)
}

/// The commit message of a change: `taizhang: log IN-2026-0042 关于…`.
///
/// Commit messages travel to every clone and remote, where no
/// `--show-classified` guards them: a record whose effective level is
/// classified (its own, or that of the paper, meeting or file it refers
/// to, read from disk now: `Record::effective_secrecy`) is named by its ID
/// and its secrecy label alone, `taizhang: log IN-2026-0001 [绝密]`;
/// `undo` echoes the message as it is.
/// The label is in the register's language (`language` in
/// taizhang.toml; Chinese unless it says `en`), not the clerk's: history
/// is shared, and its messages should read alike for everyone.
pub fn commit_message(register: &Register, action: &str, record: &Record) -> String {
    const MAX_TITLE_CHARS: usize = 60;
    let secrecy = record.effective_secrecy(|id| {
        (id != record.id())
            .then(|| store::load_one(register, id).ok())
            .flatten()
            .map(|source| source.secrecy())
    });
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
    /// What the step does next in the same change, once the record is
    /// saved (a repeat's next occurrence).
    pub then: Option<Then>,
}

impl Outcome {
    pub fn new(note: Option<String>, said: Confirm) -> Outcome {
        Outcome {
            note,
            said,
            then: None,
        }
    }

    /// The outcome, with `then` to run in the same change.
    pub fn then(self, then: Then) -> Outcome {
        Outcome {
            then: Some(then),
            ..self
        }
    }
}

/// A step's sequel in its change: given the change, the record as saved,
/// who acts and the working-day calendar, it may create a record.
pub type Then =
    fn(&mut Change, &Register, &Record, &Actor, &dyn WorkingDays) -> Result<Option<Made>>;

/// A record a step created besides changing its own: its ID goes to
/// stdout alone, as a new record's does, and its line to stderr.
pub struct Made {
    pub id: String,
    pub said: Confirm,
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
    update_in(ctx, id_text, action, |record, actor, register, _| {
        change(record, actor, register)
    })
}

/// `update`, where the step changes other records too (a matter closed
/// with its parts): `change` saves them in the same change, so one
/// commit holds them all.
pub fn update_in(
    ctx: &Ctx,
    id_text: &str,
    action: HistoryAction,
    change: impl FnOnce(&mut Record, &Actor, &Register, &mut Change) -> Result<Outcome>,
) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(id_text)?;
    let actor = ctx.actor(&register);
    let mut tx = ctx.begin(&register)?;
    let mut record = tx.load(&id)?;
    let Outcome { note, said, then } = change(&mut record, &actor, &register, &mut tx)?;
    record.push_history(actor.entry(action, note));
    tx.save(&record)?;
    let made = match then {
        Some(then) => then(&mut tx, &register, &record, &actor, ctx.calendar())?,
        None => None,
    };
    tx.finish(&commit_message(&register, action.keyword(), &record))?;
    confirm(ctx, &said);
    if let Some(made) = made {
        confirm(ctx, &made.said);
        print(&format!("{}\n", made.id))?;
    }
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
                flag: Flag::command(action.keyword()),
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
                flag: Flag::command(command),
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
