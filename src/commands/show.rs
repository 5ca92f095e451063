//! `taizhang show`: one record.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::{Ctx, Format};
use crate::error::{Error, Result};
use crate::report::{list, show};
use crate::store;

/// Show one record readably; --format json gives the record itself (with
/// computed overdue and days_left).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record (IN-2026-0042, or IN-42 for this year's)
    pub id: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(&args.id)?;
    let record = store::load_one(&register, &id)?;
    let text = match ctx.format() {
        Format::Json => {
            let value = list::json(&record, ctx.today);
            serde_json::to_string_pretty(&value).map_err(|e| Error::Other(e.to_string()))? + "\n"
        }
        Format::Table | Format::Markdown | Format::Csv => {
            show::render(&record, ctx.today, ctx.lang())
        }
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
