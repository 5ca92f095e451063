//! `taizhang doc declassify`: lower or remove a record's level (解密,
//! 降密) as an act on record: who approved it and why go into its
//! history, which `edit` cannot do and so refuses to lower a level.

use std::process::ExitCode;

use crate::commands::shared::{Outcome, update};
use crate::context::Ctx;
use crate::context::values;
use crate::error::{Error, Result};
use crate::i18n::Confirm;
use taizhang_core::model::classified::NotDeclassified;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Secrecy;

/// Declassify a record (解密), or lower its level (降密)
///
/// Takes a document, follow-up, meeting or rule whose own level is
/// classified. The approver and the reason are recorded in its history;
/// `edit` never lowers a level. Without --to the level is removed (and
/// with it the 保密期限).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record (IN-…, OUT-…, FU-…, MT-…, RULE-…)
    pub id: String,
    /// Why it may be declassified (解密理由): the term ended, the matter
    /// was made public …
    #[arg(long, value_parser = values::text)]
    pub reason: String,
    /// Who approved it (审批人), as the approval names them
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub approved_by: String,
    /// The new level, lower than the present one (default: none)
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
