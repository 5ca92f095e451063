//! `taizhang unit list`: the units, with what each leads that is open.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::settings::{Heading, State};
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::render::plain;
use taizhang_core::store::load_all;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List the units: name, code, state, former names, and how many open items (follow-ups, \
        papers in hand, meetings' decisions, rules) each leads",
        "列出各单位、代码、状态及其牵头的在办事项数",
    ),
)]
pub struct Args {}

#[derive(serde::Serialize)]
struct Row {
    name: String,
    code: Option<String>,
    retired: bool,
    former: Vec<String>,
    open: usize,
}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let snapshot = load_all(&register);
    let rows: Vec<Row> = (register.config.units.iter())
        .map(|u| Row {
            name: u.name.clone(),
            code: u.code.clone(),
            retired: u.retired,
            former: u.former.clone(),
            open: (snapshot.records.iter())
                .filter(|l| l.record.is_open() && l.record.unit() == Some(u.name.as_str()))
                .count(),
        })
        .collect();
    let lang = ctx.lang();
    let headings = [
        Heading::Name,
        Heading::Code,
        Heading::Open,
        Heading::State,
        Heading::Former,
    ];
    let mut table = crate::commands::unit::table(lang, &headings);
    for row in &rows {
        let state = if row.retired {
            State::Retired
        } else {
            State::Active
        };
        table.push(plain([
            row.name.clone(),
            row.code.clone().unwrap_or_default(),
            row.open.to_string(),
            lang.state(state).to_string(),
            row.former.join(lang.list_separator()),
        ]));
    }
    ctx.emit(Output::new().table(false, table).json(rows))
}
