//! `taizhang show`: one record.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::{CoreError, Result};
use crate::report::output::Output;
use crate::report::redact::{Secrets, Title};
use crate::report::slip::{self, Linked};
use crate::report::{list, show};
use crate::web::forms;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Register};

/// Show one record readably; --format json gives the record itself (with
/// computed overdue and days_left).
///
/// A document is shown as its handling slip (处理单): particulars, the
/// timeline of steps, who has it now and what is next. A meeting lists its
/// decisions with the live state of each follow-up.
///
/// --format html gives the record's printed form, one A4 page: a paper's
/// handling form (收文处理单) or draft sheet (发文稿纸), a follow-up's
/// notice (督办通知单), a letter of introduction with its stub.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record (IN-2026-0042, or IN-42 for this year's)
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let record = store::load_one(&register, &id)?;
    // A page of text and the record itself: no table to give as CSV or
    // Markdown, which are refused rather than given the page.
    ctx.emit(
        Output::new()
            .terminal(|_| page(ctx, &register, &record))
            .html(|| form(ctx, &register, &record, false))
            .json(list::json(&record, ctx.today)),
    )
}

/// The record as a page to read: a document's or meeting's slip, a
/// logbook entry under its book's labels, else its fields and history.
pub fn page(ctx: &Ctx, register: &Register, record: &Record) -> String {
    let records = load_linked(ctx, register, record);
    let linked = Linked { records: &records };
    let (today, lang) = (ctx.today, ctx.lang());
    match record {
        Record::Incoming(doc) => slip::incoming(record, doc, &linked, today, lang),
        Record::Outgoing(doc) => slip::outgoing(record, doc, &linked, today, lang),
        Record::Meeting(mt) => slip::meeting(record, mt, &linked, today, lang),
        Record::Entry(entry, book) => match register.config.logbooks.get(book) {
            Some(def) => show::entry(record, entry, def, today, lang),
            None => show::render(record, today, lang),
        },
        _ => show::render(record, today, lang),
    }
}

/// The record's printed form; its title withheld when classified (its
/// own level, or that of the record it comes from), as in every page for
/// people, unless `show_classified`.
pub fn form(ctx: &Ctx, register: &Register, record: &Record, show_classified: bool) -> String {
    let title = title(register, record, show_classified);
    let book = match record {
        Record::Entry(_, name) => register.config.logbooks.get(name),
        _ => None,
    };
    let text = page(ctx, register, record);
    forms::page(record, &title, book, ctx.lang(), &text)
}

/// The title of `record` as a page for people may show it: withheld when
/// it or a record it inherits secrecy from (a follow-up's source, the file
/// an entry names) is classified, unless `show_classified`.
pub fn title(register: &Register, record: &Record, show_classified: bool) -> Title {
    let named: Vec<Record> = (record.links().iter())
        .filter_map(|link| store::load_one(register, &link.target).ok())
        .collect();
    let all: Vec<&Record> = std::iter::once(record).chain(&named).collect();
    Secrets::new(&all, show_classified).title(record)
}

/// The records a slip mentions (`Record::links`): follow-ups, the reply
/// or the answered paper, the formal minutes. A follow-up's page mentions
/// none. One that cannot be read (or whose file says another ID) is left
/// out, shown as missing, with a warning naming it.
fn load_linked(ctx: &Ctx, register: &Register, record: &Record) -> Vec<Record> {
    if matches!(record, Record::Followup(_) | Record::Entry(..)) {
        return Vec::new();
    }
    (record.links().iter())
        .filter_map(|link| match store::load_one(register, &link.target) {
            Ok(record) => Some(record),
            Err(CoreError::NotFound { .. }) => None,
            Err(e) => {
                ctx.warn(&ctx.lang().core_error(&e).0);
                None
            }
        })
        .collect()
}
