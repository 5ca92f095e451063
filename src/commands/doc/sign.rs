//! `taizhang doc sign`: an outgoing draft is signed (签发).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::{Error, Result};
use crate::i18n::outgoing::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Sign an outgoing draft (签发)", "签发发文文稿"),
    long_about = tr(
        "Sign an outgoing draft (签发)\n\n\
        The signing date (成文日期) is today, or --on. Refused while a unit named to countersign \
        (会签) has not, naming the units; and, where the register requires it \
        (outgoing.require_review), before the draft is reviewed (核稿). A paper the draft answers \
        (log out --reply-to) is replied now, unless the register records issuing \
        (outgoing.track_issuing): then when the document is issued.",
        "签发发文文稿\n\n\
        成文日期为今天，或 --on。列明须会签的单位尚未全部会签的，不能签发，并指明尚缺的单位；台账\
        要求核稿的（outgoing.require_review），未经核稿不能签发。文稿答复的收文（log out \
        --reply-to）随即为已答复；台账登记印发的（outgoing.track_issuing），待印发时才为已答复。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The outgoing draft (OUT-…)", "发文文稿（OUT-…）"))]
    pub id: String,
    #[arg(help = tr("Date signed (成文日期) [default: today]", "成文日期（默认：今天）"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Who signed it off (签发人) [default: the one recorded]",
        "签发人（默认：已登记的）",
    ))]
    #[arg(long, value_name = "NAME")]
    pub signer: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let on = ctx.opt_date(args.on.as_ref())?.unwrap_or(ctx.today);
    if let Some(given) = &args.on
        && on > ctx.today
    {
        return Err(Error::SignedInFuture {
            flag: given.flag.clone(),
            date: on.to_string(),
            today: ctx.today.to_string(),
        });
    }
    let signer = optional_text(args.signer);
    super::answer::step(
        ctx,
        &args.id,
        HistoryAction::Sign,
        "sign",
        |doc, _, register| {
            let rules = register.config.outgoing.sign_rules();
            doc.sign(on, signer, rules).map_err(refused(&doc.id))?;
            let said = Confirm::Outgoing(Done::Signed {
                id: doc.id.clone(),
                number: doc.doc_number.clone(),
            });
            Ok(Outcome::new(doc.signer.clone(), said))
        },
    )
}
