//! `taizhang notify`: `remind`'s reminders pushed to the people who must
//! act, through the channels of `[notify.NAME]` (docs/notify.md). Made
//! for cron: with nothing due it sends nothing and prints nothing.

use std::process::ExitCode;

use crate::commands::remind::{Filter, gather, record_chases};
use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{Error, NotifyProblem, Result};
use crate::i18n::notify as words;
use crate::i18n::tr;
use crate::notify::channel::{self, Route};
use crate::notify::letters;
use crate::notify::log::SendLog;
use crate::notify::{self, Compose, secrets};
use crate::report::remind::Reminder;
use taizhang_core::model::date::Span;
use taizhang_core::store::Register;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Send what `remind` reminds of (overdue, due today, due within --within, progress reports \
        owed, logbook entries out) to each channel of [notify.NAME] in taizhang.toml: WeCom, \
        DingTalk and Feishu group robots, webhooks, e-mail",
        "把 `remind` 提醒的事项（已逾期、今日到期、--within 之内到期、应报进展、借出未还的登记）推送\
        到 taizhang.toml 中 [notify.名称] 的各渠道：企业微信、钉钉、飞书群机器人，自定义回调地址，电子\
        邮件",
    ),
    long_about = tr(
        "Send what `remind` reminds of (overdue, due today, due within --within, progress reports owed, logbook entries out) to each channel of [notify.NAME] in taizhang.toml: WeCom, DingTalk and Feishu group robots, webhooks, e-mail. Each channel gets its letters by its `to`: one for all, one per unit, or one per owner (@mentioned by mobile; e-mail copies overdue items to the supervisor).\n\nMade for cron: with nothing due it sends and prints nothing and exits 0. A letter already sent today is not sent again unless it changed (or --again). Classified titles are always withheld (\"[秘密] ID\"). Exits 1 when any message failed, naming the channel, the recipient and the platform's answer; the others are still sent.",
        "把 `remind` 提醒的事项（已逾期、今日到期、--within 之内到期、应报进展、借出未还的登记）推送到 taizhang.toml 中 [notify.名称] 的各渠道：企业微信、钉钉、飞书群机器人，自定义回调地址，电子邮件。各渠道按其 `to` 发送：全体一条、每个单位一条或每个责任人一条（按手机号 @ 提醒；电子邮件把逾期事项抄送分管领导）。\n\n供定时任务使用：没有到期事项时不发送、不打印，以 0 退出。今天已发过且没有变化的消息不再重发（除非给了 --again）。涉密标题一律隐去（显示为“[秘密] 编号”）。有任何消息发送失败即以 1 退出，并写明渠道、收件人和平台的答复；其余消息照常发送。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "How far ahead counts as \"soon\": 3d, 1w, 5wd [default: remind.within]",
        "多远之内算“即将到期”：3d、1w、5wd（默认：remind.within）",
    ))]
    #[arg(long, value_name = "SPAN", value_parser = values::span())]
    pub within: Option<Given<Span>>,
    #[arg(help = tr(
        "Only this channel (a [notify.NAME] table)",
        "只用此渠道（一个 [notify.名称] 表）",
    ))]
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub channel: Option<String>,
    #[arg(help = tr(
        "Print every message exactly as it would be sent (the address without its key, the headers, the body); send nothing",
        "逐条打印将要发送的消息，与实际发送的完全一致（地址隐去密钥、请求头、正文）；不发送",
    ))]
    #[arg(long)]
    pub dry_run: bool,
    #[arg(help = tr(
        "Record a chase (催办, via: reminder) on each follow-up and action paper whose message was delivered, as `remind --record` does",
        "对消息已送达的每件督办事项和收文办件记一次催办（方式：提醒），与 `remind --record` 相同",
    ))]
    #[arg(long, conflicts_with = "dry_run")]
    pub record: bool,
    #[arg(help = tr(
        "Send again what was already sent today",
        "今天已发送过的也再发一次",
    ))]
    #[arg(long)]
    pub again: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let chosen = channels(&register, args.channel.as_deref())?;
    // Always withheld: a message leaves the register for other servers.
    let items = gather(ctx, &register, args.within.as_ref(), &Filter::default())?;
    if items.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let state = register.state_dir();
    let secrets = secrets::read(&state).map_err(Error::Notify)?;
    let env = |name: &str| ctx.env_var(name);
    let routes = chosen
        .iter()
        .map(|name| channel::resolve(name, &register.config.notify[name], &secrets, &env))
        .collect::<std::result::Result<Vec<Route>, NotifyProblem>>()
        .map_err(Error::Notify)?;

    let lang = ctx.lang();
    let people = &register.config.people;
    let mut log = SendLog::load(&state, ctx.today);
    let mut failed = false;
    let mut delivered: Vec<Reminder> = Vec::new();
    for route in &routes {
        let compose = Compose {
            route,
            today: ctx.today,
            now: ctx.now,
            lang,
        };
        let letters = letters::letters(&items, route.to, people);
        let messages = notify::compose(&compose, letters, people);
        if args.dry_run {
            // A letter that cannot be made (an owner without an address)
            // would fail: the dry run says so, and so does its exit code.
            failed |= messages.iter().any(|m| m.sends.is_err());
            print!("{}", notify::dry_run(route, &messages, lang));
            continue;
        }
        let outcome = notify::deliver(route, messages, &mut log, args.again, lang);
        for (recipient, trouble) in &outcome.failed {
            let why = words::trouble(lang, trouble);
            ctx.warn(&words::failed(lang, &route.name, recipient, &why));
        }
        failed |= !outcome.failed.is_empty();
        ctx.note(&words::sent(
            lang,
            &route.name,
            outcome.sent,
            outcome.already,
            outcome.failed.len(),
        ));
        delivered.extend(outcome.delivered);
    }
    if args.record && !delivered.is_empty() {
        delivered.sort_by(|a, b| a.id.cmp(&b.id));
        delivered.dedup_by(|a, b| a.id == b.id);
        record_chases(ctx, &register, &delivered)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The channels to send through: `--channel`'s, else every one.
fn channels(register: &Register, only: Option<&str>) -> Result<Vec<String>> {
    let known: Vec<String> = register.config.notify.keys().cloned().collect();
    if known.is_empty() {
        return Err(Error::Notify(NotifyProblem::NoChannels));
    }
    match only {
        None => Ok(known),
        Some(name) if known.iter().any(|k| k == name) => Ok(vec![name.to_string()]),
        Some(name) => Err(Error::Notify(NotifyProblem::UnknownChannel {
            name: name.to_string(),
            known,
        })),
    }
}
