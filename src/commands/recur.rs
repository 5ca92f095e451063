//! `taizhang recur`: create the occurrences of standing duties whose
//! period has begun, for cron.

use std::process::ExitCode;

use jiff::civil::Date;

use crate::commands::repeat;
use crate::commands::shared::{confirm, print};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::Confirm;
use crate::i18n::repeat::Done;
use crate::i18n::tr;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::model::repeat::Every;
use taizhang_core::store::load::Snapshot;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Create the occurrences of repeating follow-ups and meetings whose period has begun; \
        prints each new ID, or nothing",
        "生成已进入周期、尚未生成的重复督办事项和会议；逐行打印新编号，没有则不打印",
    ),
    long_about = tr(
        "Create the occurrences of repeating follow-ups and meetings whose period has begun; \
        prints each new ID, or nothing.\n\n\
        For cron: each series (assign --every, meeting add --every) gets one occurrence for every \
        week, month, quarter or year that has begun by today after its latest one, all in one \
        commit. Run again, it creates nothing. A series ended with cancel --series gets no more.",
        "生成已进入周期、尚未生成的重复督办事项和会议；逐行打印新编号，没有则不打印。\n\n\
        供 cron 定时运行：每个系列（assign --every、meeting add --every）在其最近一期之后、到今天\
        为止已开始的每一周、月、季度或年各生成一期，全部在一次提交中完成。再次运行不会重复生成。\
        用 cancel --series 结束的系列不再生成。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Show what would be created, create nothing",
        "只显示将生成什么，不实际生成",
    ))]
    #[arg(long)]
    pub dry_run: bool,
}

/// An occurrence to create: the series' latest record as its template,
/// its rule, and the first day of its period.
struct Due<'s> {
    template: &'s Record,
    every: Every,
    start: Date,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    // Read under the lock, so that two runs cannot both create a period.
    let mut tx = ctx.begin_unless(&register, args.dry_run)?;
    let snapshot = repeat::load(&register, &[Kind::Followup, Kind::Meeting], |p| {
        ctx.warn_skipped(p)
    });
    let due = lacking(&snapshot, ctx.today);
    if args.dry_run {
        for due in &due {
            let line = ctx.lang().confirm(&would(ctx, due));
            print(&format!("{line}\n"))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if due.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut made = Vec::with_capacity(due.len());
    for due in &due {
        let template = (due.template, due.every);
        made.push(repeat::create(
            &mut tx,
            &register,
            template,
            due.start,
            &actor,
            ctx.calendar(),
        )?);
    }
    let ids: Vec<&str> = made.iter().map(|m| m.id.as_str()).collect();
    // IDs alone: a classified series' title must not travel in history.
    tx.finish(&format!("taizhang: recur {}", ids.join(" ")))?;
    for made in &made {
        confirm(ctx, &made.said);
        print(&format!("{}\n", made.id))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Every occurrence the series of `snapshot` lack by `today`, series by
/// series, oldest period first.
fn lacking(snapshot: &Snapshot, today: Date) -> Vec<Due<'_>> {
    let mut due = Vec::new();
    for series in repeat::series_of(snapshot, None) {
        if series.ended {
            continue;
        }
        let Some(template) = snapshot.find(&series.latest_id) else {
            continue;
        };
        for start in series.every.begun_after(series.latest, today) {
            due.push(Due {
                template,
                every: series.every,
                start,
            });
        }
    }
    due
}

/// The line `--dry-run` prints for an occurrence it would create.
fn would(ctx: &Ctx, due: &Due) -> Confirm {
    let on = due.every.date_in(due.start, ctx.calendar());
    let series = repeat::repeating(due.template)
        .and_then(|r| r.series().cloned())
        .unwrap_or_else(|| due.template.id().clone());
    Confirm::Repeat(match due.template.kind() {
        Kind::Meeting => Done::WouldMeeting { series, on },
        _ => Done::WouldFollowup { series, on },
    })
}
