//! `taizhang doc route`: send the paper to someone to read (传阅).

use std::process::ExitCode;

use super::update_incoming;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Route an incoming document to someone (传阅), usually a leader for reading or instructions",
        "将收文送某人传阅，通常是送领导阅示",
    ),
    long_about = tr(
        "Route an incoming document to someone (传阅), usually a leader for reading or instructions\n\n\
        Allowed at any step before it is done; refused while that person still holds a copy.",
        "将收文送某人传阅，通常是送领导阅示\n\n\
        办结前任何环节均可传阅；此人手中尚有一份时不能再送。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("Who receives the paper", "接收文件的人"))]
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub to: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let to = args.to;
    update_incoming(ctx, &args.id, HistoryAction::Route, |doc, actor, _| {
        doc.route(&to, actor.at).map_err(refused(&doc.id))?;
        let said = Confirm::Routed {
            id: doc.id.clone(),
            to: to.clone(),
        };
        Ok(Outcome::new(Some(to), said))
    })
}
