//! `taizhang summary`: the figures of a period, as docs/summaries.md
//! defines them.

use std::process::ExitCode;

use crate::context::values::{self, Given, PeriodExpr};
use crate::context::{Ctx, OutputArgs};
use crate::error::Result;
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use crate::report::summary::{self, Part, View};
use taizhang_core::model::asof::Closing;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Figures for a period: documents received, sent and handled; follow-ups assigned, closed \
        (on time), due, open and overdue, per lead unit; the overdue list; meetings held and \
        decisions; logbook entries",
        "一段时期的统计：收文、发文和办理件数；督办事项的交办、办结（按期）、到期、待办和逾期件数，\
        按牵头单位分列；逾期清单；会议召开及议定事项；登记簿登记",
    ),
    long_about = tr(
        "Figures for a period: documents received, sent and handled; follow-ups assigned, closed \
        (on time), due, open and overdue, per lead unit; the overdue list; meetings held and \
        decisions; logbook entries.\n\n\
        Periods: 2026, 2026-Q4, 2026-11, 2026-W47 (ISO week), 2026-11-01..2026-11-30, this-week, \
        last-week, this-month, last-month, this-quarter, this-year. Figures are counted as of the \
        end of the period, or today if it is not over. --format markdown prints a brief for a 工作\
        简报; csv every part in one table, a section column naming the part (--part units: the \
        by-unit table alone); json every figure. Logbook entries stand under their own heading.",
        "一段时期的统计：收文、发文和办理件数；督办事项的交办、办结（按期）、到期、待办和逾期件数，\
        按牵头单位分列；逾期清单；会议召开及议定事项；登记簿登记。\n\n\
        时期写法：2026、2026-Q4、2026-11、2026-W47（ISO 周）、2026-11-01..2026-11-30、this-week（\
        本周）、last-week（上周）、this-month（本月）、last-month（上月）、this-quarter（本季度）\
        、this-year（本年）。统计截至时期末；时期未完则截至今天。--format markdown 打印一份工作简\
        报；csv 把各部分合为一张表，首列注明所属部分（--part units 只给分单位表）；json 给出全部数字。\
        登记簿登记单列一节。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The period [default: this-month]", "时期（默认：this-month，本月）"))]
    #[arg(long, value_name = "PERIOD", default_value = "this-month", value_parser = values::period())]
    pub period: Given<PeriodExpr>,
    #[arg(help = tr(
        "Only this unit (lead unit; drafting unit for outgoing documents)",
        "只统计此单位（牵头或主办单位；发文为拟稿单位）",
    ))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    #[arg(help = tr(
        "Only this part: documents, followups, units (by lead unit), overdue (the overdue list), \
        meetings, logbooks, rules (or the part's Chinese heading: 登记簿 …). In CSV, the part's own \
        table",
        "只给出这一部分：documents（公文办理）、followups（督办事项）、units（分单位情况）、overdue（逾\
        期事项）、meetings（会议）、logbooks（登记簿）、rules（制度），也可写括号中的中文。CSV 即该部分自\
        己的表",
    ))]
    #[arg(long, value_name = "PART")]
    pub part: Option<Part>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let (figures, period) = figures(ctx, &args)?;
    let register = ctx.register()?;
    let lang = ctx.lang();
    let titles = summary::book_titles(&register.config.logbooks, lang);
    let view = View {
        summary: &figures,
        lang,
        titles: &titles,
        only: args.part,
    };
    ctx.emit(
        Output::new()
            .terminal(|screen| summary::terminal(&view, &period, ctx.today, screen))
            .markdown(|| summary::markdown(&view, &period))
            .csv(args.output.csv.bom, || summary::csv(&view))
            .json_text(|| Ok(summary::json(&figures, args.part))),
    )
}

/// The figures `args` ask for, and their period; the JSON of `serve`'s
/// summary too.
pub fn figures(ctx: &Ctx, args: &Args) -> Result<(summary::Summary, Period)> {
    // The register first: its `language` setting applies to the error.
    let register = ctx.register()?;
    let period = ctx.period(&args.period)?;
    let unit = args
        .unit
        .as_deref()
        .map(|u| ctx.any_unit(&register, u))
        .transpose()?;
    let today = ctx.today;
    let relevant = |facts: &Facts| summary::relevant(facts, &period, today);
    let mut snapshot = store::report::load(&register, Need::everything().facts(&relevant), |p| {
        ctx.warn_skipped(p)
    });
    ctx.unseal_loaded(
        &register,
        args.output.secrecy.show_classified,
        &mut snapshot.records,
    )?;
    let all: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, args.output.secrecy.reveal());
    let selected: Vec<&Record> = all
        .iter()
        .copied()
        .filter(|r| unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .collect();
    let books: Vec<String> = register.config.logbooks.keys().cloned().collect();
    let closing = Closing::verifying(register.config.followups.verify);
    let figures = summary::compute(&selected, &period, ctx.today, &books, closing, &secrets);
    Ok((figures, period))
}
