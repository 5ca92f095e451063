//! `taizhang show`: one record.

use std::process::ExitCode;

use crate::context::{Ctx, SecrecyArgs};
use crate::error::{CoreError, Result};
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::redact::{Reveal, Secrets, Title, Words};
use crate::report::slip::{self, Linked};
use crate::report::{breakdown, list, show};
use crate::web::forms;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Secrecy;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Show one record readably; --format json gives the record itself (with computed overdue and \
        days_left)",
        "以便于阅读的方式显示一条记录；--format json 给出记录本身（另附算出的 overdue 和 days_left\
        ）",
    ),
    long_about = tr(
        "Show one record readably; --format json gives the record itself (with computed overdue and \
        days_left).\n\n\
        A document is shown as its handling slip (处理单): particulars, the timeline of steps, who \
        has it now and what is next. A meeting lists its decisions with the live state of each \
        follow-up.\n\n\
        --format html gives the record's printed form, one A4 page: a paper's handling form \
        (收文处理单) or draft sheet (发文稿纸), a follow-up's notice (督办通知单), a letter of \
        introduction with its stub.",
        "以便于阅读的方式显示一条记录；--format json 给出记录本身（另附算出的 overdue 和 days_left\
        ）。\n\n\
        公文显示为处理单：基本信息、各环节经过、现在在谁手中、下一步做什么。会议列出议定事项及各督\
        办事项的当前状态。\n\n\
        --format html 给出该记录的打印表单，一张 A4 纸：收文处理单、发文稿纸、督办通知单，或带存根\
        的介绍信。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The record (IN-2026-0042, or IN-42 for this year's)",
        "记录（IN-2026-0042，本年的可写 IN-42）",
    ))]
    pub id: String,
    #[command(flatten)]
    pub secrecy: SecrecyArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let shown = Shown::load(ctx, &register, &id, args.secrecy.reveal())?;
    // A page of text, a printed form and the record itself: no table to
    // give as CSV or Markdown, which are refused rather than given the
    // page.
    ctx.emit(
        Output::new()
            .terminal(|_| shown.page(ctx, &register))
            .html(|| shown.form(ctx, &register))
            .json(shown.json(ctx, &register)),
    )
}

/// One record as a page for people may show it: the record, those it
/// mentions, and the levels that decide what of each is withheld. The
/// page of `show` and of `serve`.
pub struct Shown {
    pub record: Record,
    linked: Vec<Record>,
    levels: Vec<(Id, Secrecy)>,
    reveal: Reveal,
}

impl Shown {
    /// Reads `id` and what it mentions; sealed text is opened only when
    /// `reveal` lets it be shown.
    pub fn load(ctx: &Ctx, register: &Register, id: &Id, reveal: Reveal) -> Result<Shown> {
        let mut record = store::load_one(register, id)?;
        ctx.unseal(register, reveal == Reveal::Show, [&mut record])?;
        let linked = load_linked(ctx, register, &record);
        let levels = levels(register, &record, &linked);
        Ok(Shown {
            record,
            linked,
            levels,
            reveal,
        })
    }

    fn secrets<'a>(&'a self, register: &'a Register) -> Secrets<'a> {
        Secrets::from_levels(&self.levels, self.reveal).with_books(&register.config.logbooks)
    }

    /// The title as a page for people may show it.
    pub fn title(&self, register: &Register) -> Title {
        self.secrets(register).title(&self.record)
    }

    /// The record as a page to read.
    pub fn page(&self, ctx: &Ctx, register: &Register) -> String {
        page(
            ctx,
            register,
            &self.record,
            &self.linked,
            &self.secrets(register),
        )
    }

    /// The record's printed form, on one A4 page; a withheld record's
    /// form keeps none of its free text.
    pub fn form(&self, ctx: &Ctx, register: &Register) -> String {
        let secrets = self.secrets(register);
        let book = match &self.record {
            Record::Entry(_, name) => register.config.logbooks.get(name),
            _ => None,
        };
        let text = page(ctx, register, &self.record, &self.linked, &secrets);
        let words = Words::People(ctx.lang());
        let shown = secrets.shown(&self.record, words);
        let title = secrets.title(&self.record);
        // A matter's parts, found by reading (`load_linked`), as the
        // reader may see them.
        let linked: Vec<Record> = (self.linked.iter())
            .map(|r| secrets.shown(r, words).into_owned())
            .collect();
        let parts = parts_among(&linked, self.record.id());
        let beside = forms::Beside { book, parts };
        forms::page(shown.as_ref(), &title, &beside, ctx.lang(), &text)
    }

    /// The record itself, as `--format json` gives it.
    pub fn json(&self, ctx: &Ctx, register: &Register) -> serde_json::Value {
        let secrets = self.secrets(register);
        let mut json = list::json(&secrets.shown(&self.record, Words::Keywords), ctx.today);
        if let (Record::Meeting(mt), Some(fields)) = (&self.record, json.as_object_mut()) {
            let counted = slip::implementation(mt, &self.linked, ctx.today);
            let counted = serde_json::to_value(counted).unwrap_or_default();
            fields.insert("implementation".into(), counted);
        }
        json
    }
}

/// The record as a page to read: a document's or meeting's slip, a
/// logbook entry under its book's labels, else its fields and history;
/// it and the records it mentions as `secrets` shows them.
fn page(
    ctx: &Ctx,
    register: &Register,
    record: &Record,
    linked: &[Record],
    secrets: &Secrets,
) -> String {
    let (today, lang) = (ctx.today, ctx.lang());
    let words = Words::People(lang);
    let records: Vec<Record> = (linked.iter())
        .map(|r| secrets.shown(r, words).into_owned())
        .collect();
    let linked = Linked { records: &records };
    let shown = secrets.shown(record, words);
    let record = shown.as_ref();
    match record {
        Record::Incoming(doc) => slip::incoming(record, doc, &linked, today, lang),
        Record::Outgoing(doc) => slip::outgoing(record, doc, &linked, today, lang),
        Record::Meeting(mt) => slip::meeting(record, mt, &linked, today, lang),
        Record::Entry(entry, book) => match register.config.logbooks.get(book) {
            Some(def) => show::entry(record, entry, def, today, lang),
            None => show::render(record, today, lang),
        },
        Record::Followup(_) => {
            // A matter's parts, found by reading (`load_linked`).
            let parts = parts_among(&records, record.id());
            show::render_with(record, today, lang, &breakdown::parts(&parts, lang))
        }
        _ => show::render(record, today, lang),
    }
}

/// The parts of the matter `id` among the records a page mentions.
fn parts_among<'a>(records: &'a [Record], id: &Id) -> Vec<&'a Followup> {
    (records.iter())
        .filter_map(|r| match r {
            Record::Followup(part) if part.parent.as_ref() == Some(id) => Some(&**part),
            _ => None,
        })
        .collect()
}

/// The levels a page needs: of the record, of those whose level it takes
/// on (`Record::secrecy_sources`) and of those it mentions. A source that
/// cannot be read adds nothing; `check` names it.
fn levels(register: &Register, record: &Record, linked: &[Record]) -> Vec<(Id, Secrecy)> {
    let sources = (record.secrecy_sources().iter())
        .filter_map(|id| store::load_one(register, id).ok())
        .collect::<Vec<_>>();
    (std::iter::once(record).chain(linked).chain(&sources))
        .map(|r| (r.id().clone(), r.secrecy()))
        .filter(|(_, level)| level.is_classified())
        .collect()
}

/// The records a slip mentions (`Record::links`): follow-ups, the reply
/// or the answered paper, the formal minutes; a follow-up's page, the
/// matter's parts (`commands::parts`). One that cannot be read (or whose
/// file says another ID) is left out, shown as missing, with a warning
/// naming it.
fn load_linked(ctx: &Ctx, register: &Register, record: &Record) -> Vec<Record> {
    if let Record::Followup(fu) = record {
        let parts = crate::commands::parts::parts_of(register, &fu.id);
        let mut parts: Vec<Record> = parts
            .into_iter()
            .map(|p| Record::Followup(Box::new(p)))
            .collect();
        // Sealed titles are labelled, never printed as armor.
        let _ = ctx.unseal(register, false, parts.iter_mut());
        return parts;
    }
    if matches!(record, Record::Entry(..)) {
        return Vec::new();
    }
    (record.links().iter())
        .filter_map(|link| match store::load_one(register, &link.target) {
            Ok(mut record) => {
                // Sealed titles are labelled, never printed as armor.
                let _ = ctx.unseal(register, false, [&mut record]);
                Some(record)
            }
            Err(CoreError::NotFound { .. }) => None,
            Err(e) => {
                ctx.warn(&ctx.lang().core_error(&e).0);
                None
            }
        })
        .collect()
}
