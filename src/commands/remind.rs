//! `taizhang remind`: what is overdue, due today and due soon
//! (docs/reminders.md), made for cron: with nothing to say it prints
//! nothing at all.

use std::process::ExitCode;

use crate::context::values::{self, Given};
use crate::context::{Ctx, OutputArgs};
use crate::error::Result;
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::redact::{Reveal, Secrets};
use crate::report::remind::{self, Level, Reminder, Scope};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::date::Span;
use taizhang_core::model::followup::Chase;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Remind of open follow-ups and incoming action documents that are overdue, due today, or \
        due within --within (default: remind.within in taizhang.toml, 3d); of logbook entries out \
        on their book's loop (a seal taken out and not returned) by their due date; and of \
        follow-ups whose progress report is owed by their feedback cadence (weekly, monthly, \
        quarterly), after the rest",
        "提醒：已逾期、今日到期或 --within 之内到期的待办督办事项和收文办件（默认取 taizhang.toml \
        中的 remind.within，即 3d）；按登记簿借还规定到期未还的登记（如借出未还的印章）；最后是按\
        反馈周期（每周、每月、每季）应报进展的督办事项",
    ),
    long_about = tr(
        "Remind of open follow-ups and incoming action documents that are overdue, due today, or \
        due within --within (default: remind.within in taizhang.toml, 3d); of logbook entries out \
        on their book's loop (a seal taken out and not returned) by their due date; and of \
        follow-ups whose progress report is owed by their feedback cadence (weekly, monthly, \
        quarterly), after the rest.\n\n\
        With nothing due it prints nothing and exits 0 (JSON: []), so a cron job mails only when \
        something is due. Titles of classified records print as \"[秘密] FU-2026-0003\" unless \
        --show-classified.",
        "提醒：已逾期、今日到期或 --within 之内到期的待办督办事项和收文办件（默认取 taizhang.toml \
        中的 remind.within，即 3d）；按登记簿借还规定到期未还的登记（如借出未还的印章）；最后是按\
        反馈周期（每周、每月、每季）应报进展的督办事项。\n\n\
        没有到期事项时不打印任何内容、以 0 退出（JSON 为 []），定时任务只在有事时才发邮件。涉密记\
        录的标题显示为“[秘密] FU-2026-0003”，除非给了 --show-classified。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "How far ahead counts as \"soon\": 3d, 1w, 5wd [default: remind.within]",
        "多远之内算“即将到期”：3d、1w、5wd（默认：remind.within）",
    ))]
    #[arg(long, value_name = "SPAN", value_parser = values::span())]
    pub within: Option<Given<Span>>,
    #[arg(help = tr("Only this lead unit", "只提醒此牵头单位的"))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    #[arg(help = tr("Only this person responsible", "只提醒此责任人的"))]
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[arg(help = tr(
        "Record a chase (催办, via: reminder) on every follow-up and incoming action paper reminded \
        about, coloured blue/yellow/red by level (a paper by its deadline, as `chase` does); one \
        commit for all. Logbook entries out are not chased: they are not follow-ups",
        "对每件被提醒的督办事项和收文办件记一次催办（方式：提醒），按级别分蓝、黄、红色（收文按其办\
        理时限，与 `chase` 相同）；全部一次提交。借出未还的登记不催办：它们不是督办事项",
    ))]
    #[arg(long)]
    pub record: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let items = items(ctx, &args)?;

    if args.record && !items.is_empty() {
        record_chases(ctx, &register, &items)?;
    }
    let (today, lang) = (ctx.today, ctx.lang());
    // With nothing due, nothing at all (JSON: `[]`), so cron mails nothing.
    ctx.emit(
        Output::new()
            .terminal(|_| remind::text(&items, today, lang))
            .markdown(|| remind::markdown(&items, today, lang))
            .csv(args.output.csv.bom, || remind::table(&items, lang))
            .json_text(|| Ok(remind::json(&items)))
            .silent(items.is_empty()),
    )
}

/// What `args` reminds of today, in remind's order; the board of `serve`
/// too.
pub fn items(ctx: &Ctx, args: &Args) -> Result<Vec<Reminder>> {
    let register = ctx.register()?;
    let unit = (args.unit.as_deref())
        .map(|u| ctx.any_unit(&register, u))
        .transpose()?;
    let filter = Filter {
        unit,
        owner: args.owner.clone(),
        show_classified: args.output.secrecy.show_classified,
    };
    gather(ctx, &register, args.within.as_ref(), &filter)
}

/// Which reminders to gather, and whether classified titles show.
#[derive(Debug, Default)]
pub struct Filter {
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub show_classified: bool,
}

/// Everything due within `within` (default: `remind.within`) that
/// `filter` lets through, as `remind` prints it and `notify` sends it.
pub fn gather(
    ctx: &Ctx,
    register: &store::Register,
    within: Option<&Given<Span>>,
    filter: &Filter,
) -> Result<Vec<Reminder>> {
    let soon_until = ctx.soon_until(register, within)?;
    let scope = Scope {
        today: ctx.today,
        soon_until,
        unit: filter.unit.clone(),
        owner: filter.owner.clone(),
    };
    // Every kind is listed, so that a follow-up made from a classified
    // paper or meeting inherits its secrecy; only open records are decoded.
    let need = Need::everything().facts(&remind::relevant);
    let mut snapshot = store::report::load(register, need, |p| ctx.warn_skipped(p));
    ctx.unseal_loaded(register, filter.show_classified, &mut snapshot.records)?;
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, Reveal::when(filter.show_classified));
    Ok(remind::gather(
        &records,
        &scope,
        &secrets,
        &register.config.logbooks,
    ))
}

/// Appends a chase to every reminded follow-up that can still be chased
/// (a submitted one awaits verification, not the unit), in one commit.
pub fn record_chases(ctx: &Ctx, register: &store::Register, items: &[Reminder]) -> Result<()> {
    let actor = ctx.actor(register);
    let mut tx = ctx.begin(register)?;
    let mut chased = Vec::new();
    for item in items {
        // Entries out are not follow-ups, and a paper due for
        // declassification review is not late: nothing to chase.
        if item.book.is_some() || item.level == Level::DeclassifyReview {
            continue;
        }
        // Re-read under the lock: the snapshot may be stale.
        let mut fu = match store::load_one(register, &item.id)? {
            Record::Followup(fu) => fu,
            Record::Incoming(mut doc) => {
                // The paper's own chase: its colour by its deadline.
                let Ok(level) = doc.chase(actor.today()) else {
                    continue;
                };
                doc.history.push(actor.entry(
                    HistoryAction::Chase,
                    Some(format!("reminder ({})", level.keyword())),
                ));
                tx.save(&Record::Incoming(doc))?;
                chased.push(item.id.to_string());
                continue;
            }
            _ => continue,
        };
        let level = item.level.chase_level();
        let chase = Chase {
            on: actor.today(),
            by: actor.by.clone(),
            via: "reminder".to_string(),
            level,
        };
        if fu.chase(chase).is_err() {
            continue;
        }
        fu.history
            .push(actor.entry(HistoryAction::Remind, Some(level.keyword().to_string())));
        tx.save(&Record::Followup(fu))?;
        chased.push(item.id.to_string());
    }
    if chased.is_empty() {
        return Ok(());
    }
    // Name the follow-ups, but keep the subject line readable.
    const NAMED: usize = 10;
    let more = if chased.len() > NAMED { " …" } else { "" };
    let message = format!(
        "taizhang: remind, chase {} follow-up(s) and paper(s): {}{more}",
        chased.len(),
        chased[..chased.len().min(NAMED)].join(" ")
    );
    Ok(tx.finish(&message)?)
}
