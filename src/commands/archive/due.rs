//! `taizhang archive due --year Y`: what the appraisal (鉴定) must look at.

use std::process::ExitCode;

use crate::context::{Ctx, OutputArgs};
use crate::error::Result;
use crate::i18n::archive as words;
use crate::report::catalogue;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use taizhang_core::model::record::Record;

/// List what is due for appraisal (鉴定) by the end of a year
///
/// Archived documents whose retention ends by the end of the year: 10 or
/// 30 years from the year of their archive number; permanent ones never.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year by whose end the retention ends
    #[arg(long, value_name = "YEAR")]
    pub year: i16,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let snapshot = super::readable_documents(ctx, &register);
    let all: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, args.output.secrecy.reveal());
    let rows = catalogue::due(&all, args.year, &secrets);
    let lang = ctx.lang();
    let table = catalogue::due_table(&rows, lang);
    let nothing = rows.is_empty().then(|| words::nothing(lang));
    ctx.emit(
        Output::new()
            .table(args.output.csv.bom, table)
            .empty(nothing)
            .json(&rows),
    )
}
