//! `taizhang person leave NAME --handover OTHER`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::SettingsError;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::model::settings::roster;
use taizhang_core::store::load_all;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "A person leaves the office. Everything of theirs still open — the follow-ups they are \
        responsible for, papers routed to them and not back, logbook loops they have out (a seal, \
        a car) — passes to --handover in the same commit, each with a history note. Without \
        --handover, refused while they hold anything, which is named. They stay listed, marked as \
        left: records name them",
        "人员调离：其在办督办事项、手中文件和借出未还的登记在同一次提交中交给 --handover 所指的人，\
        各记一条处理记录；手上还有事项而未给 --handover 时拒绝执行并列出这些事项",
    ),
)]
pub struct Args {
    #[arg(help = tr("Who leaves", "调离的人"))]
    pub name: String,
    #[arg(help = tr("Who takes over what they hold", "接手其在办事项、手中文件和借出物品的人"))]
    #[arg(long, value_name = "OTHER")]
    pub handover: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let config = &register.config;
    let index = roster::find_person(config, &args.name)?;
    let name = config.people[index].name.clone();
    if config.people[index].left {
        return Err(SettingsError::Gone {
            what: Roster::Person,
            name,
        }
        .into());
    }
    let to = match args.handover.as_deref() {
        Some(other) => Some(successor(config, other, &name)?),
        None => None,
    };
    let mut held = load_all(&register).records;
    held.retain(|l| roster::holds(&l.record, &name, config));
    let message = match (&to, held.is_empty()) {
        (Some(to), _) => format!("taizhang: person leave {name} → {to}"),
        (None, true) => format!("taizhang: person leave {name}"),
        (None, false) => {
            let items = held.iter().map(|l| l.record.id().to_string()).collect();
            let what = Roster::Person;
            return Err(SettingsError::StillHolds { what, name, items }.into());
        }
    };
    let actor = ctx.actor(&register);
    for loaded in &mut held {
        if let Some(to) = &to {
            roster::hand_over(&mut loaded.record, &name, to, config, &actor);
        }
    }
    change_settings(ctx, &register, &message, |doc, tx| {
        doc.edit("people", index, &[("left", Field::Flag(true))])?;
        for loaded in &held {
            tx.save(&loaded.record)?;
        }
        Ok(())
    })?;
    ctx.note(&ctx.lang().person_left(&name, to.as_deref(), held.len()));
    Ok(ExitCode::SUCCESS)
}

/// The person who takes over: listed, still here, not the one leaving.
fn successor(
    config: &taizhang_core::model::config::Config,
    other: &str,
    leaving: &str,
) -> Result<String> {
    let person = &config.people[roster::find_person(config, other)?];
    if person.name == leaving {
        return Err(SettingsError::HandoverToSelf {
            name: person.name.clone(),
        }
        .into());
    }
    if person.left {
        return Err(SettingsError::Gone {
            what: Roster::Person,
            name: person.name.clone(),
        }
        .into());
    }
    Ok(person.name.clone())
}
