//! `taizhang remind`: what is overdue, due today and due soon
//! (docs/reminders.md), made for cron: with nothing to say it prints
//! nothing at all.

use std::process::ExitCode;

use crate::context::values::{self, Given};
use crate::context::{Ctx, OutputArgs};
use crate::error::Result;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use crate::report::remind::{self, Reminder, Scope};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::date::Span;
use taizhang_core::model::followup::Chase;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need};

/// Remind of open follow-ups and incoming action documents that are
/// overdue, due today, or due within --within (default: remind.within in
/// taizhang.toml, 3d); of logbook entries out on their book's loop (a
/// seal taken out and not returned) by their due date; and of follow-ups
/// whose progress report is owed by their feedback cadence (weekly,
/// monthly, quarterly), after the rest.
///
/// With nothing due it prints nothing and exits 0 (JSON: []), so a cron
/// job mails only when something is due. Titles of classified records
/// print as "[秘密] FU-2026-0003" unless --show-classified.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How far ahead counts as "soon": 3d, 1w, 5wd [default: remind.within]
    #[arg(long, value_name = "SPAN", value_parser = values::span())]
    pub within: Option<Given<Span>>,
    /// Only this lead unit
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    /// Only this person responsible
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Record a chase (催办, via: reminder) on every follow-up and incoming
    /// action paper reminded about, coloured blue/yellow/red by level (a
    /// paper by its deadline, as `chase` does); one commit for all.
    /// Logbook entries out are not chased: they are not follow-ups
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
    let soon_until = ctx.soon_until(&register, args.within.as_ref())?;
    let scope = Scope {
        today: ctx.today,
        soon_until,
        unit: args
            .unit
            .as_deref()
            .map(|u| ctx.any_unit(&register, u))
            .transpose()?,
        owner: args.owner.clone(),
    };
    // Every kind is listed, so that a follow-up made from a classified
    // paper or meeting inherits its secrecy; only open records are decoded.
    let need = Need::everything().facts(&remind::relevant);
    let snapshot = store::report::load(&register, need, |p| ctx.warn_skipped(p));
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, args.output.secrecy.show_classified);
    Ok(remind::gather(
        &records,
        &scope,
        &secrets,
        &register.config.logbooks,
    ))
}

/// Appends a chase to every reminded follow-up that can still be chased
/// (a submitted one awaits verification, not the unit), in one commit.
fn record_chases(ctx: &Ctx, register: &store::Register, items: &[Reminder]) -> Result<()> {
    let actor = ctx.actor(register);
    let mut tx = ctx.begin(register)?;
    let mut chased = Vec::new();
    for item in items {
        // Entries out are not follow-ups: nothing to chase.
        if item.book.is_some() {
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
