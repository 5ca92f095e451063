//! `taizhang doc back`: a routed copy comes back (传阅收回).

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
    about = tr("Record that a routed copy came back from someone (传阅收回)", "记录传阅件从某人处收回"),
    long_about = tr(
        "Record that a routed copy came back from someone (传阅收回)\n\n\
        When every copy of a circulating info item is back, it is read (已阅); an action item then \
        waits to be assigned.",
        "记录传阅件从某人处收回\n\n\
        传阅中的阅件全部收回即为已阅；办件则等待交办。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The incoming document (IN-…)", "收文（IN-…）"))]
    pub id: String,
    #[arg(help = tr("Who returns the paper", "交回文件的人"))]
    #[arg(long = "from", value_name = "NAME", value_parser = values::text)]
    pub from: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let from = args.from;
    update_incoming(ctx, &args.id, HistoryAction::Back, |doc, actor, _| {
        doc.bring_back(&from, actor.at).map_err(refused(&doc.id))?;
        let said = Confirm::Back {
            id: doc.id.clone(),
            from: from.clone(),
        };
        Ok(Outcome::new(Some(from), said))
    })
}
