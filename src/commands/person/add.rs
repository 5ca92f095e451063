//! `taizhang person add NAME [--unit U] [--email E] [--mobile M] [--leader]`.

use std::process::ExitCode;

use crate::commands::config::change_settings;
use crate::commands::shared::optional_text;
use crate::context::Ctx;
use crate::context::values;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::settings::SettingsError;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::store::settings::Field;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Add a person, in one commit. Once a register lists people, a logbook's person fields take \
        only their names",
        "添加人员",
    ),
)]
pub struct Args {
    #[arg(help = tr("Their name, e.g. 张三", "姓名"))]
    #[arg(value_parser = values::text)]
    pub name: String,
    #[arg(help = tr("Their unit (name or code)", "所在单位"))]
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(help = tr(
        "Their e-mail address, where `notify` sends their reminders",
        "电子邮箱，`notify` 把本人的提醒发到这里",
    ))]
    #[arg(long, value_parser = values::email)]
    pub email: Option<String>,
    #[arg(help = tr(
        "Their mobile number, by which `notify` @mentions them in WeCom and DingTalk groups",
        "手机号码，`notify` 在企业微信、钉钉群中据此 @ 本人",
    ))]
    #[arg(long, value_parser = values::mobile)]
    pub mobile: Option<String>,
    #[arg(help = tr(
        "A leader (领导): who instructs papers and assigns follow-ups",
        "是领导（批示、交办）",
    ))]
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
