//! `taizhang book add`: write a logbook entry (登记).

use std::process::ExitCode;

use crate::commands::shared::{commit_message, finish_new};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::i18n::tr;
use taizhang_core::model::common::{Extra, HistoryAction};
use taizhang_core::model::id::Id;
use taizhang_core::model::logbook::value::{self, BookError};
use taizhang_core::model::logbook::{Entry, FiledBy};
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add an entry to a logbook; prints the new ID alone",
        "在登记簿中添加一条登记；只打印新编号",
    ),
    long_about = tr(
        "Add an entry to a logbook; prints the new ID alone.\n\n\
        Each field is given as -s FIELD=VALUE, FIELD by its key or its label (-s 印章名称=局公章 \
        or -s seal=局公章). Values are read by the field's type: dates as everywhere (today, +3d, \
        fri), moments as YYYY-MM-DD HH:MM, numbers, 是/否, a declared unit or person, a record ID. \
        Every required field must be given. A book with a `number` field (介绍信) numbers its \
        entries per year (2026-001) when no number is given. An entry is filed under its book's \
        first date field: one dated last year gets last year's ID. A loan (档案借阅) lends only an \
        archived record, named by its ID or its archive number (档号); a file archived before the \
        register is named by its archive number (such as Z109-WS·2015-Y-0001), kept as written.\n\n\
        Example: taizhang book add seal -s 日期=today -s 印章名称=局公章 -s 用印单位=办公室 -s 经\
        办人=王丽 -s 用印事由=报送年度预算 -s 批准人=陈建国",
        "在登记簿中添加一条登记；只打印新编号。\n\n\
        每个字段写成 -s 字段=值，字段用其键名或名称（-s 印章名称=局公章 或 -s seal=局公章）。值按\
        字段类型读取：日期写法与各处相同（today、+3d、fri），时刻写成 YYYY-MM-DD HH:MM，数字，是/\
        否，已声明的单位或人员，记录编号。必填字段都须给出。带 `number` 字段的登记簿（介绍信）在未\
        给编号时按年编号（2026-001）。档案借阅（loan）只能借已归档的记录：写其编号或档号；登记前已归档\
        的案卷，写其档号（如 `Z109-WS·2015-Y-0001`），按原文保存。\n\n\
        例：taizhang book add seal -s 日期=today -s 印章名称=局公章 -s 用印单位=办公室 -s 经办人=\
        王丽 -s 用印事由=报送年度预算 -s 批准人=陈建国",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The logbook (seal, letter, visit, reception, duty, vehicle, items …)",
        "登记簿（seal、letter、visit、reception、duty、vehicle、items …）",
    ))]
    pub name: String,
    #[arg(help = tr(
        "A field and its value, repeated: FIELD=VALUE",
        "一个字段及其值，可重复给出：字段=值（FIELD=VALUE）",
    ))]
    #[arg(short = 's', long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let book = super::declared(&register, &args.name)?;
    let (name, def) = book;
    let actor = ctx.actor(&register);
    let given = super::given(ctx, &register);
    let mut entry = Entry {
        id: Id::new(&def.prefix, ctx.today.year(), 0),
        title: String::new(),
        status: "recorded".into(),
        created: actor.at,
        history: Vec::new(),
        fields: Extra::new(),
        filed_by: FiledBy::Unknown,
        out: false,
    };
    entry.know_book(def);
    let changes = super::apply(&mut entry, book, &args.set, &given)?;
    let missing = value::missing(&entry, def);
    if !missing.is_empty() {
        return Err(Error::from(BookError::Missing {
            book: name.to_string(),
            fields: missing,
        }));
    }
    super::check_refs(&register, &changes)?;
    super::lent_by_number(&register, &mut entry);

    let mut tx = ctx.begin(&register)?;
    // An entry back-filled for last year belongs to last year's book.
    entry.id = tx.allocate(&def.prefix, value::serial_year(&entry, def, ctx.today))?;
    super::number(&register, book, &mut entry, ctx.today)?;
    entry.title = value::summary_title(&entry, def);
    entry.history.push(actor.entry(HistoryAction::Add, None));
    let record = Record::Entry(Box::new(entry), name.to_string());
    tx.save(&record)?;
    let id = record.id().to_string();
    finish_new(tx, &commit_message(&register, "add", &record), &id)
}
