//! `taizhang` with no command: today's desk — what needs the clerk today.

use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::{Ctx, Format};
use crate::error::{Error, Result};
use crate::model::facts::Facts;
use crate::model::record::Record;
use crate::report::desk;
use crate::store::{self, Need};

pub fn run(ctx: &Ctx) -> Result<ExitCode> {
    let register = ctx.register()?;
    let soon_until = ctx.soon_until(&register, None)?;
    let today = ctx.today;
    let relevant = move |facts: &Facts| desk::relevant(facts, today);
    let snapshot = store::report::load(&register, Need::everything().facts(&relevant), |p| {
        ctx.warn_skipped(p)
    });
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let lang = ctx.lang();
    let view = desk::compute(&records, ctx.today, soon_until);
    let text = match ctx.format() {
        Format::Json => serde_json::to_string_pretty(&view).map_err(Error::encode)? + "\n",
        Format::Markdown | Format::Csv => desk::markdown(&view, lang),
        Format::Table => desk::terminal(&view, ctx.today, lang, ctx.color()),
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
