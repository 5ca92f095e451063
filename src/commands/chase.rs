//! `taizhang chase`: record a chase (催办) of a follow-up or of an
//! incoming action paper.

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused, update};
use crate::context::Ctx;
use crate::error::{Error, Flag, Result};
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::followup::Chase;
use taizhang_core::model::keyword::{ChaseVia, Keyword};
use taizhang_core::model::kind::Expected;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record that a follow-up or an incoming action document was chased (催办). The level \
        follows the 三色督办 practice: blue before the deadline, yellow on the day or when behind \
        schedule (a milestone missed), red when overdue",
        "记录对督办事项或收文办件的催办。按三色督办：期限前为蓝色，当天或序时进度滞后（节点逾期未完\
        成）为黄色，逾期为红色",
    ),
    long_about = tr(
        "Record that a follow-up or an incoming action document was chased (催办). The level \
        follows the 三色督办 practice: blue before the deadline, yellow on the day or when behind \
        schedule (a milestone missed), red when overdue.\n\n\
        A follow-up keeps the chase in its chases list; a paper, still in hand, in its history.",
        "记录对督办事项或收文办件的催办。按三色督办：期限前为蓝色，当天或序时进度滞后（节点逾期未完\
        成）为黄色，逾期为红色。\n\n\
        督办事项的催办记入其催办记录；尚在手中的收文记入其办理经过。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The follow-up (FU-…) or incoming action document (IN-…)",
        "督办事项（FU-…）或收文办件（IN-…）",
    ))]
    pub id: String,
    #[arg(help = tr(
        "How: notice (催办单), phone (电话), meeting (会议), in-person (当面), or any other way, \
        kept as typed",
        "催办方式：notice（催办单）、phone（电话）、meeting（会议）、in-person（当面），或其他任何\
        方式，照写保存",
    ))]
    #[arg(long, default_value = "notice")]
    pub via: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    // A known way (电话, 催办单 …) is stored as its keyword, so it reads in
    // either language; any other way is kept as typed.
    let via = args.via.trim();
    let via = taizhang_core::model::keyword::parse::<ChaseVia>(via)
        .map_or_else(|_| via.to_string(), |v| v.keyword().to_string());
    update(ctx, &args.id, HistoryAction::Chase, |record, actor, _| {
        let today = actor.today();
        let level = match record {
            Record::Followup(fu) => {
                let level = fu.chase_level(today);
                let chase = Chase {
                    on: today,
                    by: actor.by.clone(),
                    via: via.clone(),
                    level,
                };
                fu.chase(chase).map_err(refused(&fu.id))?;
                level
            }
            Record::Incoming(doc) => doc.chase(today).map_err(refused(&doc.id))?,
            other => {
                return Err(Error::WrongKind {
                    flag: Flag::command("chase"),
                    target: other.id().to_string(),
                    expected: Expected::Chased,
                });
            }
        };
        let said = Confirm::Chased {
            id: record.id().clone(),
            level,
        };
        Ok(Outcome::new(
            Some(format!("{via} ({})", level.keyword())),
            said,
        ))
    })
}
