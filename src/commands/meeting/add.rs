//! `taizhang meeting add`: register a meeting (会议).

use std::process::ExitCode;

use crate::commands::shared::{commit_message, finish_new, optional_text};
use crate::context::values::{self, Given, WhenExpr, keyword};
use crate::context::{Ctx, split_list};
use crate::error::{Error, Result};
use crate::i18n::{self, tr};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::date::When;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Secrecy;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::meeting::{AgendaItem, Meeting, MtStatus, ends_before_start};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Register a planned meeting; prints the new ID alone",
        "登记计划召开的会议；只打印新编号",
    ),
    long_about = tr(
        "Register a planned meeting; prints the new ID alone.\n\n\
        Agenda items are given one per --agenda; `TITLE@PRESENTER` names who presents it (议题@汇\
        报人). An end before the start is refused. When another meeting, not cancelled, takes the \
        same venue at an overlapping time, a warning names it; the meeting is registered all the \
        same.",
        "登记计划召开的会议；只打印新编号。\n\n\
        每个 --agenda 给一个议题；`议题@汇报人`（TITLE@PRESENTER）写明由谁汇报。结束时间早于开始\
        时间的不予登记。同一地点在重叠时段已安排其他未取消的会议时给出提示，会议仍照常登记。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Title (会议名称), e.g. 第八次局长办公会议",
        "会议名称，如 第八次局长办公会议",
    ))]
    #[arg(long, value_parser = values::title)]
    pub title: String,
    #[arg(help = tr(
        "When it starts: a date, or YYYY-MM-DD HH:MM",
        "开始时间：日期，或 YYYY-MM-DD HH:MM",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::when(), allow_hyphen_values = true)]
    pub start: Given<WhenExpr>,
    #[arg(help = tr("When it ends", "结束时间"))]
    #[arg(long, value_name = "DATE", value_parser = values::when(), allow_hyphen_values = true)]
    pub end: Option<Given<WhenExpr>>,
    #[arg(help = tr("Where (地点)", "地点"))]
    #[arg(long)]
    pub venue: Option<String>,
    #[arg(help = tr("Who chairs it (主持人)", "主持人"))]
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
    #[arg(help = tr("Who takes the minutes (记录人)", "记录人"))]
    #[arg(long, value_name = "NAME")]
    pub recorder: Option<String>,
    #[arg(help = tr(
        "Who attends (出席), comma-separated or repeated",
        "出席人员，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "NAME")]
    pub attendees: Vec<String>,
    #[arg(help = tr(
        "Who sits in (列席), comma-separated or repeated",
        "列席人员，用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "NAME")]
    pub observers: Vec<String>,
    #[arg(help = tr(
        "An agenda item (议题), repeated; TITLE@PRESENTER names the presenter",
        "议题，可重复给出；写成 议题@汇报人（TITLE@PRESENTER）即写明汇报人",
    ))]
    #[arg(long, value_name = "TITLE")]
    pub agenda: Vec<String>,
    #[arg(help = tr(
        "The kind of meeting (党组会, 办公会, 常务会, 专题会 …)",
        "会议类型（党组会、办公会、常务会、专题会 …）",
    ))]
    #[arg(long = "type", value_name = "TYPE")]
    pub meeting_type: Option<String>,
    #[arg(help = tr(
        "none, secret (秘密), highly-secret (机密), top-secret (绝密)",
        "none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ))]
    #[arg(long, value_parser = keyword::<Secrecy>)]
    pub secrecy: Option<Secrecy>,
    #[arg(help = tr("Notes (备注)", "备注"))]
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(help = tr(
        "A standing meeting (例会): week[:WEEKDAY], month[:DAY], quarter[:M-D] or year[:MM-DD]; \
        the next is planned when one is held or cancelled (see `recur`)",
        "例会：`week[:星期]`、`month[:日]`、`quarter[:M-D]` 或 `year[:MM-DD]`；一次召开或取消后即安排下一\
        次（另见 `recur`）",
    ))]
    #[arg(long, value_name = "RULE", value_parser = values::every)]
    pub every: Option<taizhang_core::model::repeat::Given>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = args.title;
    let start = ctx.when(&args.start)?;
    let end = args.end.as_ref().map(|e| ctx.when(e)).transpose()?;
    if let (Some(end), Some(given)) = (&end, &args.end)
        && ends_before_start(&start, end)
    {
        return Err(Error::EndBeforeStart {
            flag: given.flag.clone(),
            end: end.to_string(),
            start: start.to_string(),
        });
    }
    let secrecy: Secrecy = args.secrecy.unwrap_or_default();
    let agenda = args
        .agenda
        .iter()
        .map(|item| agenda_item(item))
        .filter(|item| !item.title.is_empty())
        .collect();

    let mut tx = ctx.begin(&register)?;
    let id = tx.allocate(register.config.prefix(Kind::Meeting), ctx.today.year())?;
    let meeting = Meeting {
        id: id.clone(),
        title,
        status: MtStatus::Planned,
        meeting_type: optional_text(args.meeting_type),
        start,
        end,
        venue: optional_text(args.venue),
        host: optional_text(args.host),
        recorder: optional_text(args.recorder),
        attendees: split_list(&args.attendees),
        absent: Vec::new(),
        observers: split_list(&args.observers),
        agenda,
        decisions: Vec::new(),
        minutes: None,
        secrecy,
        notes: optional_text(args.notes),
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Log, None)],
        every: args.every.map(|every| every.anchored(start.date())),
        series: args.every.map(|_| id.clone()),
        series_ended: None,
        extra: Default::default(),
    };
    let taken = rooms_taken(&register, &meeting);
    let record = Record::Meeting(Box::new(meeting));
    tx.save(&record)?;
    let id = record.id().to_string();
    let code = finish_new(tx, &commit_message(&register, "log", &record), &id)?;
    for (venue, other, when) in taken {
        ctx.warn(&i18n::meeting::room_taken(
            ctx.lang(),
            &venue,
            &other,
            &when,
        ));
    }
    Ok(code)
}

/// The other meetings that take `meeting`'s room at an overlapping time,
/// as (room, ID, when) for the warning `meeting add` gives: a clash is
/// told, not refused — two meetings may share a large hall, or one of
/// them is about to move.
fn rooms_taken(register: &Register, meeting: &Meeting) -> Vec<(String, String, String)> {
    let meetings = |_: &Id, kind: Kind, _: Option<&str>| kind == Kind::Meeting;
    let loaded = store::load_where(register, Need::everything().files(&meetings));
    let mut taken: Vec<&Meeting> = (loaded.records.iter())
        .filter_map(|l| match &l.record {
            Record::Meeting(other) if meeting.clashes_with(other) => Some(&**other),
            _ => None,
        })
        .collect();
    taken.sort_by(|a, b| a.id.cmp(&b.id));
    let venue = meeting.venue.clone().unwrap_or_default();
    (taken.into_iter())
        .map(|other| (venue.clone(), other.id.to_string(), span(other)))
        .collect()
}

/// A meeting's time as the warning names it: `2026-11-26 14:30–17:00`.
fn span(m: &Meeting) -> String {
    let at = |w: &When, format: &str| match w {
        When::Date(d) => d.to_string(),
        When::Moment(m) => m.datetime.strftime(format).to_string(),
    };
    let start = at(&m.start, "%Y-%m-%d %H:%M");
    match &m.end {
        Some(end) if end.date() == m.start.date() => format!("{start}–{}", at(end, "%H:%M")),
        Some(end) => format!("{start} – {}", at(end, "%Y-%m-%d %H:%M")),
        None => start,
    }
}

/// `议题@汇报人` → an agenda item with its presenter.
fn agenda_item(text: &str) -> AgendaItem {
    match text.rsplit_once('@') {
        Some((title, presenter)) if !presenter.trim().is_empty() => AgendaItem {
            title: title.trim().to_string(),
            presenter: Some(presenter.trim().to_string()),
        },
        _ => AgendaItem {
            title: text.trim().to_string(),
            presenter: None,
        },
    }
}
