//! `taizhang person add NAME [--unit U] [--email E] [--mobile M] [--leader]`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::commands::shared::optional_text;
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use taizhang_core::model::settings::SettingsError;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::store::settings::Field;

/// Add a person, in one commit. Once a register lists people, a logbook's
/// person fields take only their names.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Their name, e.g. 张三
    #[arg(value_parser = values::text)]
    pub name: String,
    /// Their unit (name or code)
    #[arg(long)]
    pub unit: Option<String>,
    /// Their e-mail address, where `notify` sends their reminders
    #[arg(long, value_parser = values::email)]
    pub email: Option<String>,
    /// Their mobile number, by which `notify` @mentions them in WeCom
    /// and DingTalk groups
    #[arg(long, value_parser = values::mobile)]
    pub mobile: Option<String>,
    /// A leader (领导): who instructs papers and assigns follow-ups
    #[arg(long)]
    pub leader: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let name = args.name.clone();
    if register.config.people.iter().any(|p| p.name == name) {
        return Err(SettingsError::Exists {
            what: Roster::Person,
            name,
        }
        .into());
    }
    let unit = (args.unit.as_deref())
        .map(|u| ctx.unit(&register, u))
        .transpose()?;
    let email = optional_text(args.email);
    let mobile = optional_text(args.mobile);
    let mut fields = vec![("name", Field::Text(&name))];
    fields.extend(unit.as_deref().map(|u| ("unit", Field::Text(u))));
    fields.extend(email.as_deref().map(|e| ("email", Field::Text(e))));
    fields.extend(mobile.as_deref().map(|m| ("mobile", Field::Text(m))));
    if args.leader {
        fields.push(("leader", Field::Flag(true)));
    }
    let message = format!("taizhang: person add {name}");
    change_settings(ctx, &register, &message, |doc, _| {
        Ok(doc.push("people", &fields)?)
    })?;
    ctx.note(&ctx.lang().roster_added(Roster::Person, &name));
    Ok(ExitCode::SUCCESS)
}
