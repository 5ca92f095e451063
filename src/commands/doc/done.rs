//! `taizhang doc done`: an incoming action item is finished (办结).

use std::process::ExitCode;

use crate::commands::shared::{optional_text, refused, update};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::record::Record;

/// Mark an incoming action item done (办结).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The incoming document (IN-…)
    pub id: String,
    /// What was done (办理结果)
    #[arg(long, value_name = "TEXT")]
    pub result: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let result = optional_text(args.result);
    update(ctx, &args.id, "done", |record, actor, _| {
        let id = record.id().to_string();
        let Record::Incoming(doc) = record else {
            return Err(Error::WrongKind {
                flag: "doc done".into(),
                target: id,
                expected: "an incoming document (IN)".into(),
            });
        };
        doc.finish(actor.today(), result.clone())
            .map_err(refused(&id))?;
        Ok(result)
    })
}
