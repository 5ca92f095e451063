//! `taizhang series list`: the series and how far each has come this year.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::settings::Heading;
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::render::plain;
use taizhang_core::model::outgoing::doc_number;
use taizhang_core::store::numbering;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List the series of outgoing document numbers: name, issuer code, the last number used this \
        year (revoked documents included: a number is never used twice) and the next one `log out` \
        takes",
        "列出各发文字号系列及今年已用到的序号",
    ),
)]
pub struct Args {}

#[derive(serde::Serialize)]
struct Row {
    name: String,
    issuer: String,
    last: u32,
    next: u32,
}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let year = ctx.today.year();
    let mut rows = Vec::new();
    for series in &register.config.series {
        rows.push(Row {
            name: series.name.clone(),
            issuer: series.issuer.clone(),
            last: numbering::highest_number(&register, &series.issuer, year)?,
            next: numbering::next_number(&register, &series.issuer, year)?,
        });
    }
    let lang = ctx.lang();
    let headings = [
        Heading::Series,
        Heading::Issuer,
        Heading::Last,
        Heading::Next,
    ];
    let mut table = crate::commands::unit::table(lang, &headings);
    for row in &rows {
        let last = if row.last == 0 {
            String::new()
        } else {
            doc_number(&row.issuer, year, row.last)
        };
        table.push(plain([
            row.name.clone(),
            row.issuer.clone(),
            last,
            doc_number(&row.issuer, year, row.next),
        ]));
    }
    ctx.emit(Output::new().table(false, table).json(rows))
}
