//! `taizhang archive …`: filing documents by DA/T 22-2015 (档号), the
//! year-end batch, the archive catalogue (归档文件目录), taking a record
//! out of the archive, and the 鉴定 list. One file per command.
//!
//! Numbers are handed out by `model::archive::Numbering` from every
//! number the documents have ever used (their blocks and their `archive`
//! history entries) and every number the ledger (`archive-numbers.toml`)
//! says was given, read under the write lock; the ledger is written in
//! the same commit as the records filed. Archived records are frozen by
//! the store (`Change::save`), not here.

mod catalogue;
mod due;
mod file;
mod undo;
mod year;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::{CoreError, Result};
use crate::i18n::tr;
use taizhang_core::model::archive::{ArchiveError, Numbering};
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Archive documents (归档, DA/T 22-2015)", "公文归档（DA/T 22-2015）"),
    long_about = tr(
        "Archive documents (归档, DA/T 22-2015)\n\n\
        `archive ID --retention R` gives a settled document its archive number (档号, FONDS-WS·\
        YEAR-RET-ORG-ITEM) and freezes it; the subcommands file a whole year, print the archive \
        catalogue (归档文件目录), take a record out again and list what is due for appraisal (鉴定\
        ).",
        "公文归档（DA/T 22-2015）\n\n\
        `archive 编号 --retention 保管期限` 给一份已办毕的公文编上档号（全宗号-WS·年度-保管期限-机\
        构-件号）并将其冻结；各子命令可按年整批归档、打印归档文件目录、将记录撤出档案、列出到期待\
        鉴定的档案。",
    ),
)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<ArchiveCommand>,
    #[command(flatten)]
    pub file: file::FileArgs,
}

#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    Year(year::Args),
    Catalogue(catalogue::Args),
    Undo(undo::Args),
    Due(due::Args),
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    match args.command {
        Some(ArchiveCommand::Year(args)) => year::run(ctx, args),
        Some(ArchiveCommand::Catalogue(args)) => catalogue::run(ctx, args),
        Some(ArchiveCommand::Undo(args)) => undo::run(ctx, args),
        Some(ArchiveCommand::Due(args)) => due::run(ctx, args),
        None => file::run(ctx, args.file),
    }
}

/// Only documents are archived.
fn documents_only(_: &taizhang_core::model::id::Id, kind: Kind, _: Option<&str>) -> bool {
    matches!(kind, Kind::Incoming | Kind::Outgoing)
}

/// Every document of the register, for numbering: a file that cannot be
/// read may hold a number already used, so it stops the command.
fn all_documents(register: &Register) -> Result<Vec<Record>> {
    let snapshot = store::load_where(register, Need::everything().files(&documents_only));
    if let Some(problem) = snapshot.problems.into_iter().next() {
        return Err(problem.into_error(&register.root).into());
    }
    Ok(snapshot.records.into_iter().map(|l| l.record).collect())
}

/// The numbering of the register: every number its documents ever used,
/// and every number its ledger says was given out.
fn numbering(register: &Register, documents: &[Record]) -> Result<Numbering> {
    let mut numbering = Numbering::new(documents);
    numbering.remember(&store::numbering::read_ledger(register)?);
    Ok(numbering)
}

/// Every readable document, for the read-only lists: a broken file is
/// skipped with a warning.
fn readable_documents(ctx: &Ctx, register: &Register) -> store::Snapshot {
    store::report::load(
        register,
        Need::everything().files(&documents_only),
        |problem| ctx.warn_skipped(problem),
    )
}

/// The register's fonds code, which every archive number begins with.
fn fonds(register: &Register) -> Result<String> {
    let fonds = register.config.fonds.trim();
    if fonds.is_empty() {
        return Err(CoreError::Archive(ArchiveError::NoFonds).into());
    }
    Ok(fonds.to_string())
}
