//! `taizhang doc issue`: an outgoing document is printed and sent (核发/印发).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given};
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Issue a signed outgoing document (核发/印发)", "核发已签发的发文（核发/印发）"),
    long_about = tr(
        "Issue a signed outgoing document (核发/印发)\n\n\
        It is printed (印发日期 today, or --on) and sent. A draft needs its signing date \
        (--signed), and is refused as `doc sign` refuses it (核稿, 会签). Where the register \
        records issuing (outgoing.track_issuing), the paper it answers is replied now.",
        "核发已签发的发文（核发/印发）\n\n\
        即印制（印发日期为今天，或 --on）并分送。草稿须给成文日期（--signed），并与 `doc sign` \
        一样须先核稿、会签。台账登记印发的（outgoing.track_issuing），所答复的收文随即为已答复。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The outgoing document (OUT-…)", "发文（OUT-…）"))]
    pub id: String,
    #[arg(help = tr("Date printed (印发日期) [default: today]", "印发日期（默认：今天）"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub on: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Date signed (成文日期), for a document registered as a draft",
        "成文日期，用于登记为草稿的发文",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub signed: Option<Given<DateExpr>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let on = ctx.opt_date(args.on.as_ref())?.unwrap_or(ctx.today);
    let signed = ctx.opt_date(args.signed.as_ref())?;
    super::answer::step(
        ctx,
        &args.id,
        HistoryAction::Issue,
        "issue",
        |doc, _, register| {
            let rules = register.config.outgoing.sign_rules();
            doc.issue(on, signed, rules).map_err(refused(&doc.id))?;
            let said = Confirm::Issued {
                id: doc.id.clone(),
                number: doc.doc_number.clone(),
            };
            Ok(Outcome::new(None, said))
        },
    )
}
