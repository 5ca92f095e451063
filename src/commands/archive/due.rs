//! `taizhang archive due --year Y`: what the appraisal (鉴定) must look at.

use std::process::ExitCode;

use crate::commands::shared::{print, with_bom};
use crate::context::{Ctx, Format};
use crate::error::{Error, Result};
use crate::i18n::archive as words;
use crate::report::catalogue;
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
    /// Print titles of classified documents
    #[arg(long)]
    pub show_classified: bool,
    /// Start CSV output with a UTF-8 byte order mark
    #[arg(long)]
    pub bom: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let snapshot = super::readable_documents(ctx, &register);
    let all: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, args.show_classified);
    let rows = catalogue::due(&all, args.year, &secrets);
    let lang = ctx.lang();
    let table = catalogue::due_table(&rows, lang);
    let text = match ctx.format() {
        Format::Json => serde_json::to_string_pretty(&rows).map_err(Error::encode)? + "\n",
        Format::Csv => with_bom(table.to_csv().map_err(Error::encode)?, args.bom),
        Format::Markdown => table.to_markdown(),
        Format::Table if rows.is_empty() => {
            ctx.note(&words::nothing(lang));
            String::new()
        }
        Format::Table => table.to_terminal(ctx.color()),
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
