//! `taizhang doc declassify`: lower or remove a record's level (解密,
//! 降密) as an act on record: who approved it and why go into its
//! history, which `edit` cannot do and so refuses to lower a level.

use std::process::ExitCode;

use crate::commands::shared::{Outcome, update};
use crate::context::Ctx;
use crate::context::values;
use crate::error::{Error, Result};
use crate::i18n::{Confirm, tr};
use taizhang_core::model::classified::NotDeclassified;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Secrecy;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Declassify a record (解密), or lower its level (降密)",
        "解密（或降密）一条记录",
    ),
    long_about = tr(
        "Declassify a record (解密), or lower its level (降密).\n\n\
        Takes a document, follow-up, meeting or rule whose own level is classified. The approver \
        and the reason are recorded in its history; `edit` never lowers a level. Without --to the \
        level is removed (and with it the 保密期限).",
        "解密（或降密）一条记录。\n\n\
        适用于本身定有密级的公文、督办事项、会议或制度。审批人和理由记入其历史；`edit` 不能降低密级。\
        不给 --to 即解除密级（保密期限一并去掉）。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The record (IN-…, OUT-…, FU-…, MT-…, ZD-…)",
        "记录（IN-…、OUT-…、FU-…、MT-…、ZD-…）",
    ))]
    pub id: String,
    #[arg(help = tr(
        "Why it may be declassified (解密理由): the term ended, the matter was made public …",
        "解密理由：保密期限届满、事项已公开 …",
    ))]
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    #[arg(help = tr(
        "Who approved it (审批人), as the approval names them",
        "审批人，按审批文件所写",
    ))]
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub approved_by: String,
    #[arg(help = tr(
        "The new level, lower than the present one (default: none)",
        "新的密级，须低于现有密级（默认：不涉密）",
    ))]
    #[arg(long, value_name = "LEVEL", value_parser = values::keyword::<Secrecy>)]
    pub to: Option<Secrecy>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let to = args.to.unwrap_or(Secrecy::None);
    let Args {
        reason,
        approved_by,
        ..
    } = args;
    update(ctx, &args.id, HistoryAction::Declassify, |record, _, _| {
        let id = record.id().to_string();
        let lowered = record.declassify(to).map_err(|refused| match refused {
            NotDeclassified::Unclassified => Error::NotClassified { id: id.clone() },
            NotDeclassified::NotLower { from } => Error::NotLower {
                id: id.clone(),
                from,
                to,
            },
        })?;
        let said = Confirm::Declassified {
            id: record.id().clone(),
            from: lowered.from,
            to,
        };
        Ok(Outcome::new(
            Some(lowered.note(&approved_by, &reason)),
            said,
        ))
    })
}
