//! `taizhang doc …`: the handling steps of a document, one file per step.
//!
//! Each step is a method of the record kind (`Incoming`, `Outgoing`) that
//! refuses what the status does not allow; the files here only read flags,
//! call it, and let `shared::update` record, save and commit.

pub(crate) mod answer;
mod assign;
mod back;
mod countersign;
mod declassify;
mod done;
mod instruct;
mod issue;
mod propose;
mod reply;
mod r#return;
mod review;
mod revoke;
mod route;
mod sign;

use std::process::ExitCode;

use clap::Subcommand;

use crate::commands::shared::{Outcome, update_as};
use crate::context::Ctx;
use crate::error::{Error, Flag, Result};
use crate::i18n::tr;
use taizhang_core::model::common::Actor;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::incoming::Incoming;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;
use taizhang_core::store::Register;

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Handle a document: the steps from registration to reply",
        "公文处理：从登记到答复的各个环节",
    ),
)]
pub enum DocCommand {
    Propose(propose::Args),
    Instruct(instruct::Args),
    Route(route::Args),
    Back(back::Args),
    Assign(assign::Args),
    Done(done::Args),
    Reply(reply::Args),
    Return(r#return::Args),
    Review(review::Args),
    Countersign(countersign::Args),
    Sign(sign::Args),
    Issue(issue::Args),
    Revoke(revoke::Args),
    Declassify(declassify::Args),
}

pub fn run(ctx: &Ctx, command: DocCommand) -> Result<ExitCode> {
    match command {
        DocCommand::Propose(args) => propose::run(ctx, args),
        DocCommand::Instruct(args) => instruct::run(ctx, args),
        DocCommand::Route(args) => route::run(ctx, args),
        DocCommand::Back(args) => back::run(ctx, args),
        DocCommand::Assign(args) => assign::run(ctx, args),
        DocCommand::Done(args) => done::run(ctx, args),
        DocCommand::Reply(args) => reply::run(ctx, args),
        DocCommand::Return(args) => r#return::run(ctx, args),
        DocCommand::Review(args) => review::run(ctx, args),
        DocCommand::Countersign(args) => countersign::run(ctx, args),
        DocCommand::Sign(args) => sign::run(ctx, args),
        DocCommand::Issue(args) => issue::run(ctx, args),
        DocCommand::Revoke(args) => revoke::run(ctx, args),
        DocCommand::Declassify(args) => declassify::run(ctx, args),
    }
}

/// The error for a step given a record of the wrong kind.
pub(crate) fn wrong_kind(step: &str, id: String, expected: Expected) -> Error {
    Error::WrongKind {
        flag: Flag::command(&format!("doc {step}")),
        target: id,
        expected,
    }
}

/// `update` for an incoming document: refuses any other kind of record.
pub(crate) fn update_incoming(
    ctx: &Ctx,
    id_text: &str,
    step: HistoryAction,
    change: impl FnOnce(&mut Incoming, &Actor, &Register) -> Result<Outcome>,
) -> Result<ExitCode> {
    let command = format!("doc {}", step.keyword());
    let kind = (command.as_str(), Expected::Incoming);
    update_as(
        ctx,
        id_text,
        step,
        kind,
        |r| match r {
            Record::Incoming(doc) => Some(doc),
            _ => None,
        },
        change,
    )
}
