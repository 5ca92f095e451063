//! `taizhang doc review`: a draft was checked before signature (核稿).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::outgoing::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::outgoing::Signoff;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record that an outgoing draft was reviewed (核稿) before signature",
        "登记发文文稿已核稿（签发前）",
    ),
    long_about = tr(
        "Record that an outgoing draft was reviewed (核稿) before signature\n\n\
        The reviewer is who acts: --by NAME (else TAIZHANG_USER, then git's user.name). A draft \
        reviewed again after a change keeps the latest review; the history keeps every one. Once \
        the document is signed it is not reviewed any more. With `outgoing.require_review` set \
        (taizhang config set outgoing.require_review true) no draft is signed before its review.",
        "登记发文文稿已核稿（签发前）\n\n\
        核稿人即办理人：--by 姓名（默认依次取 TAIZHANG_USER、git 的 user.name）。文稿修改后再次核\
        稿的，以最近一次为准，办理经过保留每一次。签发后不再核稿。台账设置 \
        outgoing.require_review 后（`taizhang config set outgoing.require_review true`），文稿未经\
        核稿不能签发。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The outgoing draft (OUT-…)", "发文文稿（OUT-…）"))]
    pub id: String,
    #[arg(help = tr("What the reviewer said (核稿意见)", "核稿意见"))]
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let note = optional_text(args.note);
    super::answer::step(
        ctx,
        &args.id,
        HistoryAction::DraftReview,
        "review",
        |doc, actor, _| {
            let review = Signoff {
                by: actor.by.clone(),
                on: actor.today(),
                unit: None,
                note: note.clone(),
            };
            doc.review(review).map_err(refused(&doc.id))?;
            let said = Confirm::Outgoing(Done::Reviewed {
                id: doc.id.clone(),
                by: actor.by.clone(),
            });
            // Who reviewed is the entry's own `by`; the note is what they said.
            Ok(Outcome::new(note.clone(), said))
        },
    )
}
