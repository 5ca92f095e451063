//! The command line: one file per command, each with its clap `Args`
//! (whose `tr("English", "中文")` attributes are the `--help` text in both
//! languages) and one `run` function.

mod archive;
mod assign;
mod book;
mod cancel;
mod chase;
pub mod check;
mod completions;
mod config;
mod create;
mod desk;
mod doc;
mod done;
mod edit;
mod export;
mod extend;
mod import;
mod init;
mod list;
mod log;
mod man;
mod meeting;
mod milestone;
mod notify;
mod parts;
mod person;
mod progress;
mod recur;
mod remind;
mod reopen;
mod repeat;
mod rule;
mod secrecy;
mod series;
mod serve;
mod shared;
mod show;
mod summary;
mod sync;
mod undo;
mod unit;
pub mod usage;
mod verify;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::context::{Ctx, GlobalArgs};
use crate::error::Result;
use crate::i18n::tr;

#[derive(Debug, Parser)]
#[command(
    about = tr(
        "taizhang (台账) — an office's register of documents, follow-ups, meetings and logbooks, \
        kept as a git-tracked folder of YAML files",
        "taizhang（台账）——机关的收发文、督办事项、会议和各类登记簿台账，存为一个用 git 管理的 YAML \
        文件夹",
    ),
)]
#[command(name = "taizhang", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    #[command(subcommand)]
    Log(log::LogCommand),
    Assign(assign::Args),
    Progress(progress::Args),
    Done(done::Args),
    Verify(verify::Args),
    Extend(extend::Args),
    Chase(chase::Args),
    Cancel(cancel::Args),
    Reopen(reopen::Args),
    Recur(recur::Args),
    #[command(subcommand)]
    Milestone(milestone::MilestoneCommand),
    #[command(subcommand)]
    Doc(doc::DocCommand),
    List(list::Args),
    Show(show::Args),
    Check(check::Args),
    Remind(remind::Args),
    Notify(notify::Args),
    Summary(summary::Args),
    Export(export::Args),
    Sync(sync::Args),
    #[command(subcommand)]
    Meeting(meeting::MeetingCommand),
    #[command(subcommand)]
    Rule(rule::RuleCommand),
    Import(import::Args),
    Desk(desk::Args),
    Serve(serve::Args),
    #[command(subcommand)]
    Book(book::BookCommand),
    Archive(archive::Args),
    Edit(edit::Args),
    Undo(undo::Args),
    Completions(completions::Args),
    Man(man::Args),
    #[command(subcommand)]
    Config(config::ConfigCommand),
    #[command(subcommand)]
    Unit(unit::UnitCommand),
    #[command(subcommand)]
    Person(person::PersonCommand),
    #[command(subcommand)]
    Series(series::SeriesCommand),
    #[command(subcommand)]
    Secrecy(secrecy::SecrecyCommand),
}

/// Runs `command`; with none, shows today's desk.
pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<ExitCode> {
    let Some(command) = command else {
        return desk::run(ctx, desk::Args::default());
    };
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Log(cmd) => log::run(ctx, cmd),
        Command::Assign(args) => assign::run(ctx, args),
        Command::Progress(args) => progress::run(ctx, args),
        Command::Done(args) => done::run(ctx, args),
        Command::Verify(args) => verify::run(ctx, args),
        Command::Extend(args) => extend::run(ctx, args),
        Command::Chase(args) => chase::run(ctx, args),
        Command::Cancel(args) => cancel::run(ctx, args),
        Command::Reopen(args) => reopen::run(ctx, args),
        Command::Recur(args) => recur::run(ctx, args),
        Command::Milestone(cmd) => milestone::run(ctx, cmd),
        Command::Doc(cmd) => doc::run(ctx, cmd),
        Command::List(args) => list::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Remind(args) => remind::run(ctx, args),
        Command::Notify(args) => notify::run(ctx, args),
        Command::Summary(args) => summary::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
        Command::Meeting(cmd) => meeting::run(ctx, cmd),
        Command::Rule(cmd) => rule::run(ctx, cmd),
        Command::Import(args) => import::run(ctx, args),
        Command::Desk(args) => desk::run(ctx, args),
        Command::Serve(args) => serve::run(ctx, args),
        Command::Book(cmd) => book::run(
            ctx,
            cmd,
            book::Readers {
                list: book_list,
                show: book_show,
            },
        ),
        Command::Archive(args) => archive::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Undo(args) => undo::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Man(args) => man::run(ctx, args),
        Command::Config(cmd) => config::run(ctx, cmd),
        Command::Unit(cmd) => unit::run(ctx, cmd),
        Command::Person(cmd) => person::run(ctx, cmd),
        Command::Series(cmd) => series::run(ctx, cmd),
        Command::Secrecy(cmd) => secrecy::run(ctx, cmd),
    }
}

/// `book list NAME …` is `list NAME …`.
fn book_list(ctx: &Ctx, args: book::list::Args) -> Result<ExitCode> {
    let args = list::Args {
        kind: Some(args.name),
        since: args.since,
        until: args.until,
        search: args.search,
        open: args.open,
        output: args.output,
        ..list::Args::default()
    };
    list::run(ctx, args)
}

/// `book show ID` is `show ID`.
fn book_show(ctx: &Ctx, args: book::show::Args) -> Result<ExitCode> {
    show::run(
        ctx,
        show::Args {
            id: args.id,
            secrecy: args.secrecy,
        },
    )
}
