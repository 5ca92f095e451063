//! `taizhang doc instruct`: a leader's instruction on a paper (批示).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::common::Remark;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record a leader's instruction on an incoming document (领导批示)",
        "记录领导对收文的批示",
    ),
    long_about = tr(
        "Record a leader's instruction on an incoming document (领导批示)\n\n\
        Several leaders may instruct; each is kept, in order. Allowed until it is done.",
        "记录领导对收文的批示\n\n\
        可有多位领导批示，逐条按先后保留。办结前均可批示。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("The instruction, as the leader wrote it", "批示，照领导原话"))]
    #[arg(value_parser = values::text)]
    pub text: String,
    #[arg(help = tr("The leader who gave it (批示领导)", "批示领导"))]
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub leader: String,
    #[arg(help = tr("The date it was given [default: today]", "批示日期（默认：今天）"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Option<Given<DateExpr>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let text = args.text;
    let leader = args.leader;
    let on = ctx.opt_date(args.on.as_ref())?.unwrap_or(ctx.today);
    update_incoming(ctx, &args.id, HistoryAction::Instruct, |doc, _, _| {
        let note = format!("{leader}: {text}");
        let said = Confirm::Instructed {
            id: doc.id.clone(),
            leader: leader.clone(),
        };
        let instruction = Remark {
            by: leader,
            on,
            text,
        };
        doc.instruct(instruction).map_err(refused(&doc.id))?;
        Ok(Outcome::new(Some(note), said))
    })
}
