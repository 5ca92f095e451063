//! `taizhang doc countersign`: a unit signs an outgoing draft too (会签).

use std::process::ExitCode;

use crate::commands::shared::{Outcome, optional_text, refused};
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::outgoing::Done;
use crate::i18n::{Confirm, tr};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::outgoing::Signoff;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record one unit's countersignature (会签) of an outgoing draft",
        "登记一个单位对发文文稿的会签",
    ),
    long_about = tr(
        "Record one unit's countersignature (会签) of an outgoing draft\n\n\
        Who signed for the unit is who acts: --by NAME. Each unit countersigns once; a second one \
        for the same unit is refused, naming it. The units named with `log out --countersign` \
        (or `edit --set countersign=…`) must all have signed before the draft is signed; a unit \
        not named may countersign too, and is then named.",
        "登记一个单位对发文文稿的会签\n\n\
        代表该单位会签的人即办理人：--by 姓名。每个单位只会签一次，同一单位再次会签的予以拒绝并指\
        明该单位。`log out --countersign`（或 `edit --set countersign=…`）列出的单位须全部会签后\
        文稿方可签发；未列出的单位也可会签，随即列入。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The outgoing draft (OUT-…)", "发文文稿（OUT-…）"))]
    pub id: String,
    #[arg(help = tr("The unit that countersigns (会签单位)", "会签单位"))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: String,
    #[arg(help = tr("What the unit said (会签意见)", "会签意见"))]
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let unit = ctx.unit(&register, &args.unit)?;
    let note = optional_text(args.note);
    let action = HistoryAction::Countersign;
    super::answer::step(ctx, &args.id, action, "countersign", |doc, actor, _| {
        let signoff = Signoff {
            by: actor.by.clone(),
            on: actor.today(),
            unit: Some(unit.clone()),
            note: note.clone(),
        };
        doc.countersign(signoff).map_err(refused(&doc.id))?;
        let said = Confirm::Outgoing(Done::Countersigned {
            id: doc.id.clone(),
            unit: unit.clone(),
            awaiting: doc.awaiting_countersign(),
        });
        // Who signed is the entry's own `by`; the note names the unit.
        let entry = match &note {
            Some(note) => format!("{unit}: {note}"),
            None => unit.clone(),
        };
        Ok(Outcome::new(Some(entry), said))
    })
}
