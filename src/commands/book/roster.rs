//! `taizhang book roster`: a duty roster (值班表) written as entries of a
//! logbook, in one commit.

use std::collections::HashMap;
use std::process::ExitCode;

use jiff::civil::Date;
use serde::Serialize;
use serde_yaml::Value;

use crate::context::values::{self, DateExpr, Given};
use crate::context::{CsvArgs, Ctx, split_list};
use crate::error::{CoreError, Error, Result};
use crate::i18n::Lang;
use crate::i18n::loops::{self as words, LoopWord};
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::render::{Table, Tone};
use taizhang_core::model::calendar::Calendar;
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::date::{PlainWeek, WorkingDays};
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::logbook::roster::{self, Days, RosterProblem, Slot};
use taizhang_core::model::logbook::{Entry, FiledBy};
use taizhang_core::model::record::{KindRules, Record};
use taizhang_core::store::{self, Need, Register};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Make a duty roster (值班表): one entry per day from --from to --to — one per shift when \
        the book declares `shift` as an enum with values — with officers from --people in rotation \
        (--per-day at a time) and the leader on duty (带班领导) from --leaders, day by day",
        "排值班表：从 --from 到 --to 每天一条登记（登记簿把 `shift` 声明为带取值的枚举时，每个班次\
        一条），值班人员从 --people 中轮流（每次 --per-day 人），带班领导从 --leaders 中逐日轮流",
    ),
    long_about = tr(
        "Make a duty roster (值班表): one entry per day from --from to --to — one per shift when \
        the book declares `shift` as an enum with values — with officers from --people in rotation \
        (--per-day at a time) and the leader on duty (带班领导) from --leaders, day by day.\n\n\
        --days off takes weekends and public holidays from calendar.toml (节假日 值班; weekend \
        days worked in exchange, 调休, are working days), --days work the working days. A \
        free-text shift is written as --shift, by default 全天 (all day in an English register). \
        All entries are written in one commit and printed as a table.\n\n\
        Days that already have entries are refused (listed) unless --replace, which rewrites their \
        shift, leader and officers, noting old → new in their history.",
        "排值班表：从 --from 到 --to 每天一条登记（登记簿把 `shift` 声明为带取值的枚举时，每个班次\
        一条），值班人员从 --people 中轮流（每次 --per-day 人），带班领导从 --leaders 中逐日轮流。\n\n\
        --days off 按 calendar.toml 取周末和法定节假日（节假日值班；调休上班的周末算工作日），\
        --days work 取工作日。自由填写的班次写为 --shift，默认为“全天”。全部登记在一次提交中写入，\
        并以表格打印。\n\n\
        已有登记的日子拒绝排班（逐一列出），除非给了 --replace：它改写这些日子的班次、带班领导和值\
        班人员，并在办理经过中记下“旧 → 新”。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The duty logbook (duty)", "值班登记簿（duty）"))]
    #[arg(value_name = "NAME")]
    pub book: String,
    #[arg(help = tr("The first day of the roster", "值班表的第一天"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub from: Given<DateExpr>,
    #[arg(help = tr("The last day of the roster", "值班表的最后一天"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub to: Given<DateExpr>,
    #[arg(help = tr(
        "Officers on duty, in rotation (comma-separated or repeated)",
        "值班人员，轮流值班（用逗号分隔或重复给出）",
    ))]
    #[arg(long, value_name = "A,B,C", required = true, value_parser = values::names)]
    pub people: Vec<String>,
    #[arg(help = tr(
        "Leaders on duty (带班领导), one a day in rotation",
        "带班领导，每天一位，轮流带班",
    ))]
    #[arg(long, value_name = "X,Y")]
    pub leaders: Vec<String>,
    #[arg(help = tr(
        "Which days: all, off (weekends and holidays) or work",
        "哪些日子：all（每天）、off（周末和节假日）或 work（工作日）",
    ))]
    #[arg(long, value_enum, default_value = "all")]
    pub days: DaysArg,
    #[arg(help = tr("Officers on each turn of duty", "每班值班人数"))]
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub per_day: usize,
    #[arg(help = tr(
        "The shift to write (a free-text shift), or the shifts to roster (an enum shift; default: \
        all its values)",
        "要写入的班次（自由填写的班次），或要排的班次（枚举班次；默认：其全部取值）",
    ))]
    #[arg(long, value_name = "SHIFT")]
    pub shift: Vec<String>,
    #[arg(help = tr(
        "Rewrite the turns of duty already entered on those days",
        "改写这些日子已登记的值班",
    ))]
    #[arg(long)]
    pub replace: bool,
    #[command(flatten)]
    pub csv: CsvArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DaysArg {
    All,
    Off,
    Work,
}

impl From<DaysArg> for Days {
    fn from(days: DaysArg) -> Days {
        match days {
            DaysArg::All => Days::All,
            DaysArg::Off => Days::Off,
            DaysArg::Work => Days::Work,
        }
    }
}

/// The fields a roster writes.
const DATE: &str = "date";
const SHIFT: &str = "shift";
const LEADER: &str = "leader";
const OFFICERS: &str = "officers";

/// One turn of duty as written, for the table and JSON.
#[derive(Debug, Serialize)]
struct Row {
    id: Id,
    date: Date,
    weekday: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    shift: Option<String>,
    leader: Option<String>,
    officers: String,
    replaced: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let lang = ctx.lang();
    let name = args.book.trim().to_string();
    let Some(book) = register.config.logbooks.get(&name) else {
        return Err(Error::UnknownKind {
            input: args.book.clone(),
            books: register.config.logbooks.keys().cloned().collect(),
        });
    };
    let declared = |field: &str| book.fields.iter().find(|f| f.name == field);
    for field in [DATE, OFFICERS] {
        if declared(field).is_none() {
            return Err(roster_error(RosterProblem::NoField {
                book: name.clone(),
                field,
            }));
        }
    }
    // Required, and each `--people` names someone (`values::names`).
    let people = split_list(&args.people);
    let leaders = split_list(&args.leaders);
    if !leaders.is_empty() && declared(LEADER).is_none() {
        return Err(roster_error(RosterProblem::NoField {
            book: name.clone(),
            field: LEADER,
        }));
    }
    let shifts = shifts(book, &split_list(&args.shift), &register)?;
    let enum_shift = declared(SHIFT).is_some_and(|f| f.kind == "enum" && !f.values.is_empty());
    let missing: Vec<(String, Option<&'static str>)> = book
        .fields
        .iter()
        .filter(|f| f.required)
        .filter_map(|f| match f.name.as_str() {
            DATE | OFFICERS => None,
            SHIFT if shifts.iter().any(|s| !s.is_empty()) => None,
            LEADER if !leaders.is_empty() => None,
            LEADER => Some((f.name.clone(), Some("--leaders"))),
            SHIFT => Some((f.name.clone(), Some("--shift"))),
            other => Some((other.to_string(), None)),
        })
        .collect();
    if !missing.is_empty() {
        return Err(roster_error(RosterProblem::Missing {
            book: name,
            fields: missing,
        }));
    }
    roster::check_per_day(args.per_day, people.len()).map_err(roster_error)?;

    let from = ctx.date(&args.from)?;
    let to = ctx.date(&args.to)?;
    let which = Days::from(args.days);
    let calendar = store::calendar::load(&register)?;
    let days = {
        let week: &dyn WorkingDays = match &calendar {
            Some(calendar) => calendar,
            None => &PlainWeek,
        };
        roster::days(from, to, which, week).map_err(roster_error)?
    };
    if which != Days::All {
        warn_uncovered_years(ctx, calendar.as_ref(), from, to);
    }
    let slots = roster::rotate(&days, &shifts, &people, &leaders, args.per_day);

    // From here the book is read to compare: hold the lock so that what
    // is compared is what is written.
    let mut tx = ctx.begin(&register)?;
    let existing = existing(&register, &name)?;
    let key = |date: Date, shift: &str| {
        (
            date,
            if enum_shift {
                shift.to_string()
            } else {
                String::new()
            },
        )
    };
    let mut taken: HashMap<(Date, String), &Entry> = HashMap::new();
    for entry in &existing {
        let date = KindRules::filed_on(entry);
        let shift = entry
            .fields
            .get(SHIFT)
            .and_then(Value::as_str)
            .unwrap_or("");
        taken.entry(key(date, shift)).or_insert(entry);
    }
    let clashes: Vec<(Date, Option<String>, String)> = slots
        .iter()
        .filter_map(|slot| {
            let entry = taken.get(&key(slot.date, &slot.shift))?;
            let shift = enum_shift.then(|| slot.shift.clone());
            Some((slot.date, shift, entry.id.to_string()))
        })
        .collect();
    if !clashes.is_empty() && !args.replace {
        return Err(roster_error(RosterProblem::Taken {
            book: name,
            slots: clashes,
        }));
    }

    let actor = ctx.actor(&register);
    let mut next: HashMap<i16, u32> = HashMap::new();
    let mut new = Vec::new();
    let mut rows = Vec::new();
    let mut replaced = 0;
    for slot in &slots {
        let (id, is_replaced) = match taken.get(&key(slot.date, &slot.shift)) {
            Some(old) => {
                let mut entry = (*old).clone();
                if let Some(note) = fill(&mut entry, slot) {
                    entry
                        .history
                        .push(actor.entry(HistoryAction::Roster, Some(note)));
                    tx.save(&Record::Entry(Box::new(entry.clone()), name.clone()))?;
                }
                replaced += 1;
                (entry.id, true)
            }
            None => {
                let year = slot.date.year();
                let seq = match next.get(&year) {
                    Some(seq) => *seq,
                    None => tx.allocate(&book.prefix, year)?.seq(),
                };
                next.insert(year, seq + 1);
                let id = Id::new(&book.prefix, year, seq);
                new.push(new_entry(id.clone(), slot, &actor, &name));
                (id, false)
            }
        };
        rows.push(Row {
            id,
            date: slot.date,
            weekday: roster::weekday_keyword(slot.date),
            shift: (!slot.shift.is_empty()).then(|| slot.shift.clone()),
            leader: slot.leader.clone(),
            officers: slot.officers.join("、"),
            replaced: is_replaced,
        });
    }
    tx.save_new(&new, &|| {})?;
    let message = format!(
        "taizhang: roster {name} {from}..{to} ({} turn(s) of duty)",
        slots.len()
    );
    let committed = tx.finish(&message);
    // The rows themselves as JSON, so the keys keep the table's order.
    let output = Output::new()
        .table(args.csv.bom, table(&rows, book, lang))
        .json_array(&rows);
    ctx.emit(output)?;
    committed?;
    ctx.note(&words::rostered(
        lang,
        book_title(book, lang),
        slots.len(),
        replaced,
    ));
    Ok(ExitCode::SUCCESS)
}

fn roster_error(problem: RosterProblem) -> Error {
    CoreError::Roster(problem).into()
}

/// The shifts each day is rostered in: an `enum` shift's values (or those
/// of them `--shift` names); a free-text shift's one `--shift` (default
/// 全天, or "all day" in a register whose language is English); none when
/// the book declares no shift.
fn shifts(book: &LogbookDef, asked: &[String], register: &Register) -> Result<Vec<String>> {
    let Some(field) = book.fields.iter().find(|f| f.name == SHIFT) else {
        return Ok(vec![String::new()]);
    };
    if field.kind == "enum" && !field.values.is_empty() {
        if asked.is_empty() {
            return Ok(field.values.clone());
        }
        for shift in asked {
            if !field.values.contains(shift) {
                return Err(roster_error(RosterProblem::BadShift {
                    shift: shift.clone(),
                    values: field.values.clone(),
                }));
            }
        }
        return Ok(asked.to_vec());
    }
    let office = register
        .config
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(Lang::Zh);
    Ok(vec![asked.first().cloned().unwrap_or_else(|| {
        LoopWord::AllDay.word(office).to_string()
    })])
}

/// Warns when the calendar does not cover a year of the roster: its days
/// off are then the weekends alone.
fn warn_uncovered_years(ctx: &Ctx, calendar: Option<&Calendar>, from: Date, to: Date) {
    let known = calendar.map(Calendar::years).unwrap_or_default();
    for year in from.year()..=to.year() {
        if !known.contains(&year) {
            ctx.warn(&words::no_holidays(ctx.lang(), year));
        }
    }
}

/// The entries of `book` already in the register. A file that cannot be
/// read could hide a turn of duty: refused, as every writer does.
fn existing(register: &Register, book: &str) -> Result<Vec<Entry>> {
    let want =
        move |_: &Id, kind: Kind, name: Option<&str>| kind == Kind::Logbook && name == Some(book);
    let snapshot = store::load_where(register, Need::everything().files(&want));
    if let Some(problem) = snapshot.problems.into_iter().next() {
        return Err(problem.into_error(&register.root).into());
    }
    Ok(snapshot
        .records
        .into_iter()
        .filter_map(|l| match l.record {
            Record::Entry(entry, _) => Some(*entry),
            _ => None,
        })
        .collect())
}

/// A slot's fields in the roster's order.
fn values(slot: &Slot) -> Vec<(&'static str, Option<String>)> {
    vec![
        (DATE, Some(slot.date.to_string())),
        (SHIFT, (!slot.shift.is_empty()).then(|| slot.shift.clone())),
        (LEADER, slot.leader.clone()),
        (OFFICERS, Some(slot.officers.join("、"))),
    ]
}

fn new_entry(id: Id, slot: &Slot, actor: &Actor, book: &str) -> Record {
    let mut fields = serde_yaml::Mapping::new();
    for (key, value) in values(slot) {
        if let Some(value) = value {
            fields.insert(Value::String(key.into()), Value::String(value));
        }
    }
    let entry = Entry {
        id,
        title: String::new(),
        status: "recorded".into(),
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Roster, None)],
        fields,
        // The roster writes the duty book's `date`.
        filed_by: FiledBy::Unknown,
        out: false,
    };
    Record::Entry(Box::new(entry), book.to_string())
}

/// Writes the slot's shift, leader and officers into an existing entry;
/// returns the history note (`leader: 陈局长 → 王局长; officers: …`), or
/// `None` when nothing changed. Other fields (calls, handover) are kept.
fn fill(entry: &mut Entry, slot: &Slot) -> Option<String> {
    let mut changes = Vec::new();
    for (key, value) in values(slot) {
        let Some(value) = value else { continue };
        let old = entry.fields.get(key).and_then(Value::as_str).unwrap_or("");
        if old == value {
            continue;
        }
        changes.push(format!("{key}: {old} → {value}"));
        entry
            .fields
            .insert(Value::String(key.into()), Value::String(value));
    }
    (!changes.is_empty()).then(|| changes.join("; "))
}

fn book_title(book: &LogbookDef, lang: Lang) -> &str {
    match lang {
        Lang::En => book.title_en.as_deref().unwrap_or(&book.title),
        Lang::Zh => &book.title,
    }
}

/// A field's label for the reader: the declared label in Chinese, the
/// English label (else the key) in English.
fn label<'a>(book: &'a LogbookDef, key: &'a str, lang: Lang) -> &'a str {
    let field = book.fields.iter().find(|f| f.name == key);
    match lang {
        Lang::Zh => field.and_then(|f| f.label.as_deref()).unwrap_or(key),
        Lang::En => field.and_then(|f| f.label_en.as_deref()).unwrap_or(key),
    }
}

fn table(rows: &[Row], book: &LogbookDef, lang: Lang) -> Table {
    let with_shift = rows.iter().any(|r| r.shift.is_some());
    let mut headers = vec![
        lang.label(crate::i18n::Label::Id).to_string(),
        label(book, DATE, lang).to_string(),
        LoopWord::Weekday.word(lang).to_string(),
    ];
    if with_shift {
        headers.push(label(book, SHIFT, lang).to_string());
    }
    headers.push(label(book, LEADER, lang).to_string());
    headers.push(label(book, OFFICERS, lang).to_string());
    let mut table = Table::new(headers);
    for row in rows {
        let mut cells = vec![
            (row.id.to_string(), Tone::Plain),
            (row.date.to_string(), Tone::Plain),
            (words::weekday(lang, row.date).to_string(), Tone::Plain),
        ];
        if with_shift {
            cells.push((row.shift.clone().unwrap_or_default(), Tone::Plain));
        }
        cells.push((row.leader.clone().unwrap_or_default(), Tone::Plain));
        cells.push((row.officers.clone(), Tone::Plain));
        table.push(cells);
    }
    table
}
