//! `taizhang person list`: the people, their units and how to reach them.

use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::settings::{Heading, State};
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::render::plain;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List the people: name, unit, email, mobile, leader, and those who left",
        "列出人员及其单位、联系方式",
    ),
)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let people = &register.config.people;
    let lang = ctx.lang();
    let headings = [
        Heading::Person,
        Heading::Unit,
        Heading::Email,
        Heading::Mobile,
        Heading::Leader,
        Heading::State,
    ];
    let mut table = crate::commands::unit::table(lang, &headings);
    for p in people {
        let state = if p.left { State::Left } else { State::Active };
        let leader = if p.leader { lang.state(State::Yes) } else { "" };
        table.push(plain([
            p.name.clone(),
            p.unit.clone().unwrap_or_default(),
            p.email.clone().unwrap_or_default(),
            p.mobile.clone().unwrap_or_default(),
            leader.to_string(),
            lang.state(state).to_string(),
        ]));
    }
    ctx.emit(Output::new().table(false, table).json(people))
}
