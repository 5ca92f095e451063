//! `taizhang book …`: logbook entries (用印, 介绍信, 来访, 接待, 值班, 用车,
//! 物品 …), one file per command. Fields are named by their key or label
//! and read per their declared type (`model::logbook::value`).

mod add;
mod declare;
pub mod list;
mod roster;
mod set;
pub mod show;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::{CoreError, Error, Result};
use crate::i18n::tr;
use taizhang_core::model::archive::{self, ArchiveNumber, LOAN_FIELD};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::logbook::value::{self, BookError, FieldChange, Given};
use taizhang_core::model::logbook::{Entry, PRESET_NAMES};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need, Register};

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Logbooks (登记簿): add and correct entries, list and show them, and declare the preset \
        books a register lacks",
        "登记簿：添加和更正登记，列出和查看登记，声明台账缺少的预置登记簿",
    ),
)]
pub enum BookCommand {
    Add(add::Args),
    Set(set::Args),
    List(list::Args),
    Show(show::Args),
    Declare(declare::Args),
    Roster(roster::Args),
}

/// `taizhang list NAME` and `taizhang show ID`, which `book list` and
/// `book show` are: the dispatcher hands them in, as no command reaches
/// into another.
pub struct Readers {
    pub list: fn(&Ctx, list::Args) -> Result<ExitCode>,
    pub show: fn(&Ctx, show::Args) -> Result<ExitCode>,
}

pub fn run(ctx: &Ctx, command: BookCommand, readers: Readers) -> Result<ExitCode> {
    match command {
        BookCommand::Add(args) => add::run(ctx, args),
        BookCommand::Set(args) => set::run(ctx, args),
        BookCommand::List(args) => (readers.list)(ctx, args),
        BookCommand::Show(args) => (readers.show)(ctx, args),
        BookCommand::Declare(args) => declare::run(ctx, args),
        BookCommand::Roster(args) => roster::run(ctx, args),
    }
}

/// The book `name` as the register declares it, or the error saying it
/// does not (and, for a preset, how to declare it).
fn declared<'a>(register: &'a Register, name: &str) -> Result<(&'a str, &'a LogbookDef)> {
    let name = name.trim();
    register
        .config
        .logbooks
        .get_key_value(name)
        .map(|(n, b)| (n.as_str(), b))
        .ok_or_else(|| {
            Error::from(BookError::NotDeclared {
                name: name.to_string(),
                preset: PRESET_NAMES.contains(&name),
                declared: register.config.logbooks.keys().cloned().collect(),
            })
        })
}

/// What reading values needs from the command's world.
fn given<'a>(ctx: &'a Ctx, register: &'a Register) -> Given<'a> {
    Given {
        today: ctx.today,
        now: ctx.moment(),
        tz: &ctx.tz,
        calendar: Some(ctx.calendar()),
        config: &register.config,
    }
}

/// Applies every `-s FIELD=VALUE` to `entry`, refusing a field given
/// twice; returns the changes made, in the order given.
fn apply(
    entry: &mut Entry,
    book: (&str, &LogbookDef),
    sets: &[String],
    given: &Given,
) -> Result<Vec<FieldChange>> {
    let mut seen: Vec<&str> = Vec::new();
    let mut changes = Vec::new();
    for set in sets {
        let (field, raw) = value::split_assignment(set).map_err(Error::from)?;
        let def = value::field_named(book.0, book.1, field).map_err(Error::from)?;
        if seen.contains(&def.name.as_str()) {
            return Err(BookError::Twice {
                field: def.clone().into(),
            }
            .into());
        }
        seen.push(&def.name);
        if let Some(change) =
            value::set_field(entry, book, field, raw, given).map_err(Error::from)?
        {
            changes.push(change);
        }
    }
    value::check_loop(entry, book.1).map_err(Error::from)?;
    order_fields(entry, book.1);
    Ok(changes)
}

/// Puts the declared fields first, in declared order, then the rest as
/// they were: the file reads like the paper register's columns.
fn order_fields(entry: &mut Entry, book: &LogbookDef) {
    let mut rest = std::mem::take(&mut entry.fields);
    for field in &book.fields {
        if let Some(value) = rest.remove(field.name.as_str()) {
            entry.fields.insert(field.name.clone().into(), value);
        }
    }
    entry.fields.extend(rest);
}

/// Refuses a `ref` to a record the register does not hold, and a loan
/// (档案借阅) of a record that has no archive number, as `check` would.
fn check_refs(register: &Register, changes: &[FieldChange]) -> Result<()> {
    for change in changes {
        if let Some(id) = change.reference() {
            match store::load_one(register, &id) {
                Ok(lent) if change.field.name == LOAN_FIELD && archive::block(&lent).is_none() => {
                    return Err(Error::from(BookError::NotArchived {
                        field: change.field.clone().into(),
                        id: id.to_string(),
                    }));
                }
                Ok(_) => {}
                Err(CoreError::NotFound { .. }) => {
                    return Err(Error::from(BookError::NoSuchRecord {
                        field: change.field.clone().into(),
                        id: id.to_string(),
                    }));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// A loan that names its file by an archive number (档号) a record of the
/// register holds names that record instead, by its ID, as a loan of it
/// written by ID would: `check` and `show` then follow it. A number no
/// record holds (a file archived before the register) stays as written.
fn lent_by_number(register: &Register, entry: &mut Entry) {
    let Some(number) = (entry.fields.get(LOAN_FIELD))
        .and_then(|v| v.as_str())
        .and_then(ArchiveNumber::parse)
    else {
        return;
    };
    let documents = |_: &taizhang_core::model::id::Id, kind: Kind, _: Option<&str>| {
        matches!(kind, Kind::Incoming | Kind::Outgoing)
    };
    let holder = store::load_where(register, Need::everything().files(&documents))
        .records
        .into_iter()
        .map(|l| l.record)
        .find(|r| archive::block(r).and_then(|b| b.parsed()).as_ref() == Some(&number));
    if let Some(holder) = holder {
        let id = serde_yaml::Value::String(holder.id().to_string());
        entry.fields.insert(LOAN_FIELD.into(), id);
    }
}

/// The other entries of book `name`, for serial numbers. Files that
/// cannot be read are passed over (`check` reports them).
fn entries_of(register: &Register, name: &str) -> Vec<Record> {
    let files = |_: &taizhang_core::model::id::Id, kind: Kind, book: Option<&str>| {
        kind == Kind::Logbook && book == Some(name)
    };
    store::load_where(register, Need::everything().files(&files))
        .records
        .into_iter()
        .map(|l| l.record)
        .collect()
}

/// Gives `entry` the book's next serial number (介绍信存根号) when the
/// book numbers its entries and none was given; refuses a number given
/// that another entry already has.
fn number(
    register: &Register,
    (name, book): (&str, &LogbookDef),
    entry: &mut Entry,
    today: jiff::civil::Date,
) -> Result<()> {
    let Some(field) = value::serial_field(book) else {
        return Ok(());
    };
    let others = entries_of(register, name);
    let numbers = others.iter().filter_map(|r| match r {
        Record::Entry(other, _) if other.id != entry.id => {
            let n = other.fields.get(field.name.as_str())?.as_str()?;
            Some((n, other.id.to_string()))
        }
        _ => None,
    });
    match entry
        .fields
        .get(field.name.as_str())
        .and_then(|v| v.as_str())
    {
        Some(given) => {
            let given = given.to_string();
            if let Some((_, by)) = numbers.into_iter().find(|(n, _)| n.trim() == given) {
                return Err(Error::from(BookError::NumberTaken {
                    field: field.clone().into(),
                    number: given,
                    by,
                }));
            }
        }
        None => {
            let year = value::serial_year(entry, book, today);
            let next = value::next_serial(year, numbers.map(|(n, _)| n));
            entry.fields.insert(field.name.clone().into(), next.into());
            order_fields(entry, book);
        }
    }
    Ok(())
}
