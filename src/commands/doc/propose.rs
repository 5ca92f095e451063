//! `taizhang doc propose`: the office's proposal on how to handle a paper (拟办).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::common::Remark;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record the proposal on how to handle an incoming document (拟办意见), before it is \
        assigned",
        "记录收文的拟办意见（交办之前）",
    ),
    long_about = tr(
        "Record the proposal on how to handle an incoming document (拟办意见), before it is \
        assigned\n\n\
        A second proposal replaces the first; both stay in the history.",
        "记录收文的拟办意见（交办之前）\n\n\
        再次拟办即取代前一条；两条都留在办理经过中。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr(
        "The proposal, e.g. 请张局长阅示，建议办公室牵头办理",
        "拟办意见，如 请张局长阅示，建议办公室牵头办理",
    ))]
    #[arg(value_parser = values::text)]
    pub text: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let text = args.text;
    update_incoming(ctx, &args.id, HistoryAction::Propose, |doc, actor, _| {
        let proposal = Remark {
            by: actor.by.clone(),
            on: actor.today(),
            text: text.clone(),
        };
        doc.propose(proposal).map_err(refused(&doc.id))?;
        let said = Confirm::Proposed { id: doc.id.clone() };
        Ok(Outcome::new(Some(text), said))
    })
}
