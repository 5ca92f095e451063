//! `taizhang book set`: fill in or correct fields of a logbook entry (the
//! seal comes back, the visitor leaves), each change noted old → new.

use std::process::ExitCode;

use crate::commands::shared::commit_message;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::logbook::value::{self, BookError};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Fill in or correct fields of a logbook entry", "填写或更正登记的字段"),
    long_about = tr(
        "Fill in or correct fields of a logbook entry.\n\n\
        Fields are given as for `book add` (-s 归还时间=\"2026-11-23 17:00\"); an empty value (-s \
        监印人=) clears an optional field. The history notes each change as field: old → new. \
        Nothing is written when every value is already there.",
        "填写或更正登记的字段。\n\n\
        字段写法同 `book add`（-s 归还时间=\"2026-11-23 17:00\"）；值为空（-s 监印人=）即清空一个\
        选填字段。办理经过逐项记下“字段：旧 → 新”。各值都已如此时什么也不写。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The entry (SEAL-2026-0001, or SEAL-1 for this year's)",
        "登记（SEAL-2026-0001，本年的可写 SEAL-1）",
    ))]
    pub id: String,
    #[arg(help = tr(
        "A field and its value, repeated: FIELD=VALUE",
        "一个字段及其值，可重复给出：字段=值（FIELD=VALUE）",
    ))]
    #[arg(short = 's', long = "set", value_name = "FIELD=VALUE", required = true)]
    pub set: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let actor = ctx.actor(&register);
    let given = super::given(ctx, &register);
    let mut tx = ctx.begin(&register)?;
    let Record::Entry(mut entry, name) = store::load_one(&register, &id)? else {
        return Err(Error::from(BookError::NotAnEntry { id: id.to_string() }));
    };
    let book = super::declared(&register, &name)?;
    let before = entry.clone();
    let changes = super::apply(&mut entry, book, &args.set, &given)?;
    if changes.is_empty() {
        ctx.note(&ctx.lang().book_unchanged(&id.to_string()));
        return Ok(ExitCode::SUCCESS);
    }
    super::check_refs(&register, &changes)?;
    if changes
        .iter()
        .any(|c| Some(c.field.name.as_str()) == serial_name(book.1))
    {
        super::number(&register, book, &mut entry, ctx.today)?;
    }
    value::retitle(&mut entry, book.1, &before);
    let note: Vec<String> = changes.iter().map(value::FieldChange::note).collect();
    entry
        .history
        .push(actor.entry(HistoryAction::Set, Some(note.join("; "))));
    let record = Record::Entry(entry, name);
    tx.save(&record)?;
    tx.finish(&commit_message(&register, "set", &record))?;
    Ok(ExitCode::SUCCESS)
}

fn serial_name(book: &taizhang_core::model::config::LogbookDef) -> Option<&str> {
    value::serial_field(book).map(|f| f.name.as_str())
}
