//! `taizhang archive due --year Y`: what the appraisal (鉴定) must look at.

use std::process::ExitCode;

use crate::context::{Ctx, OutputArgs};
use crate::error::Result;
use crate::i18n::archive as words;
use crate::i18n::tr;
use crate::report::catalogue;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List what is due for appraisal (鉴定) by the end of a year",
        "列出到某年年底到期、待鉴定的档案",
    ),
    long_about = tr(
        "List what is due for appraisal (鉴定) by the end of a year\n\n\
        Archived documents whose retention ends by the end of the year: 10 or 30 years from the \
        year of their archive number; permanent ones never.",
        "列出到某年年底到期、待鉴定的档案\n\n\
        保管期限在该年年底前届满的已归档公文：自档号年度起 10 年或 30 年；永久保管的永不到期。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The year by whose end the retention ends", "到其年底保管期限届满的年份"))]
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
