//! `taizhang list`: records as a table, JSON, CSV or Markdown.

use std::process::ExitCode;

use crate::context::values::{self, DateExpr, Given};
use crate::context::{Ctx, OutputArgs, split_list};
use crate::error::{Error, Result};
use crate::i18n::Message;
use crate::i18n::tr;
use crate::report::breakdown;
use crate::report::list::{self as rows, Filter};
use crate::report::output::Output;
use crate::report::redact::{Secrets, Words};
use std::borrow::Cow;
use taizhang_core::model::date::Span;
use taizhang_core::model::facts::{self, Facts};
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{Keyword, Secrecy};
use taizhang_core::model::kind::{Kind, KindFilter};
use taizhang_core::model::record::Record;
use taizhang_core::model::status_words;
use taizhang_core::store::{self, Loaded, Need, Register};

#[derive(Debug, Default, clap::Args)]
#[command(
    about = tr(
        "List records. Without a kind, all of them; filters combine",
        "列出记录。不给类别即列出全部；各筛选条件可叠加",
    ),
    long_about = tr(
        "List records. Without a kind, all of them; filters combine.\n\n\
        Kinds: incoming (in), outgoing (out), document (both), followup (fu), meeting (mt), or a \
        logbook's name (seal, visit …).",
        "列出记录。不给类别即列出全部；各筛选条件可叠加。\n\n\
        类别：收文（in）、发文（out）、公文（document，收发文都含）、督办事项（fu）、会议（mt），\
        或登记簿名称（seal、visit …）。",
    ),
)]
pub struct Args {
    #[arg(help = tr("Which kind of record", "记录类别"))]
    pub kind: Option<String>,
    #[arg(help = tr(
        "Only these statuses (stored keyword or Chinese), comma-separated or repeated",
        "只列这些状态（存储的关键词或中文），用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    #[arg(help = tr(
        "Only this unit (lead unit; drafting unit for outgoing documents)",
        "只列此单位（牵头或主办单位；发文为拟稿单位）",
    ))]
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    #[arg(help = tr("Only this person responsible", "只列此责任人"))]
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[arg(help = tr(
        "Filed on or after this date (received, signed, assigned, held)",
        "登记日期不早于此日（收文、签发、交办、召开日期）",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub since: Option<Given<DateExpr>>,
    #[arg(help = tr("Filed on or before this date", "登记日期不晚于此日"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub until: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Only what is overdue (still to be done, deadline before today)",
        "只列已逾期的（尚待办理，期限早于今天）",
    ))]
    #[arg(long)]
    pub overdue: bool,
    #[arg(help = tr(
        "Only what is still to be done; for a logbook with an open loop, only entries that are out \
        (a seal taken out and not returned)",
        "只列尚待办理的；有借还规定的登记簿，只列借出未还的登记（如借出未还的印章）",
    ))]
    #[arg(long)]
    pub open: bool,
    #[arg(help = tr(
        "Only what is still to be done and due within SPAN (3d, 2w, 1m)",
        "只列尚待办理且在 SPAN 之内到期的（3d、2w、1m）",
    ))]
    #[arg(long, value_name = "SPAN", value_parser = values::span())]
    pub due_within: Option<Given<Span>>,
    #[arg(help = tr(
        "Only records whose title, parties, references or notes contain TEXT",
        "只列标题、单位、文号或备注中含有 TEXT 的记录",
    ))]
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[arg(help = tr("Only records of this year (by ID)", "只列此年度的记录（按编号）"))]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i16>,
    #[arg(help = tr(
        "Only papers this person (or lead unit) has now: \"what papers does 张局长 have?\"",
        "只列此人（或主办单位）现在手中的文件：“张局长手上有哪些文件？”",
    ))]
    #[arg(long, value_name = "NAME")]
    pub holder: Option<String>,
    #[arg(help = tr(
        "Only records naming this person in any role: owner, supervisor, who assigned or signed, \
        instructed or received, a meeting's host, attendee or absentee, a logbook's handler, \
        approver or officer on duty: a leader's own schedule and load",
        "只列以任何身份提到此人的记录：责任人、督办人、交办人、签发人、批示人、签收人，会议的主持人、\
        出席或请假人员，登记簿的经办人、批准人、值班人员：一位领导自己的日程和工作量",
    ))]
    #[arg(long, value_name = "NAME", value_parser = values::text)]
    pub person: Option<String>,
    #[arg(help = tr(
        "Follow-ups as a tree: each matter's parts (分解子项) indented under it",
        "按层级列出督办事项：分解子项缩进列在所属事项之下",
    ))]
    #[arg(long)]
    pub tree: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let found = select(ctx, &register, &args)?;
    let secrets = Secrets::from_levels(&found.levels, args.output.secrecy.reveal())
        .with_books(&register.config.logbooks);
    let selected: Vec<&Record> = found.records.iter().collect();
    let (selected, nested) = match args.tree {
        true => breakdown::tree(&selected).into_iter().unzip(),
        false => (selected, Vec::new()),
    };
    let filter = &found.filter;
    let kind = match &filter.kind {
        Some(KindFilter::Kind(kind)) => Some(*kind),
        _ => None,
    };
    let book = match &filter.kind {
        Some(KindFilter::Book(name)) => register.config.logbooks.get(name),
        _ => None,
    };
    let lang = ctx.lang();
    // A logbook's own columns: every declared field in CSV and Markdown,
    // those a terminal has room for in a table.
    let table = |all: bool| {
        let shown: Vec<_> = (selected.iter())
            .map(|r| secrets.shown(r, Words::People(lang)))
            .zip(nested.iter().copied().chain(std::iter::repeat(false)))
            .map(|(shown, nested)| match (shown, nested) {
                (shown, false) => shown,
                (shown, true) => Cow::Owned(nest(shown.into_owned())),
            })
            .collect();
        let shown: Vec<&Record> = shown.iter().map(AsRef::as_ref).collect();
        match book {
            Some(book) => rows::book_table(&shown, book, lang, all),
            None => rows::table(&shown, kind, ctx.today, lang),
        }
    };
    let nothing = selected
        .is_empty()
        .then(|| lang.message(Message::NothingFound));
    ctx.emit(
        Output::new()
            .terminal(|screen| table(false).to_terminal(screen))
            .empty(nothing.map(str::to_string))
            .markdown(|| table(true).to_markdown())
            .csv(args.output.csv.bom, || table(true))
            .json_array(
                (selected.iter())
                    .map(|r| rows::json(&secrets.shown(r, Words::Keywords), ctx.today)),
            ),
    )
}

/// A part as `--tree` lists it: its title indented under its matter's.
fn nest(mut record: Record) -> Record {
    if let Record::Followup(fu) = &mut record {
        fu.title = breakdown::nested_title(&fu.title);
    }
    record
}

/// The records `args` select, in list's order, with what they were
/// selected by and the levels of classified records they may take on:
/// `list`'s and `serve`'s search.
pub struct Found {
    pub records: Vec<Record>,
    pub filter: Filter,
    pub levels: Vec<(Id, Secrecy)>,
}

/// The records `args` select. Matched as shown: `--search` finds nothing
/// in a withheld record's text, which would tell what the text says.
pub fn select(ctx: &Ctx, register: &Register, args: &Args) -> Result<Found> {
    let filter = build_filter(ctx, register, args)?;
    let files = |id: &Id, kind: Kind, book: Option<&str>| filter.may_hold(id, kind, book);
    let facts = |facts: &Facts| filter.may_match(facts);
    let needle = filter.search.as_deref().map(facts::Needle::new);
    let search = |text: &[u8]| needle.as_ref().is_none_or(|needle| needle.may_match(text));
    let mut need = Need::everything().facts(&facts);
    if filter.by_file_name() {
        need = need.files(&files);
    }
    if (filter.search.as_deref()).is_some_and(|needle| !may_hit_withheld_title(needle)) {
        need = need.search(&search);
    }
    let snapshot = store::report::load(register, need, |p| ctx.warn_skipped(p));
    let (mut records, levels) = matches_as_shown(ctx, register, args, &filter, snapshot)?;
    if args.overdue || args.open || args.due_within.is_some() {
        records.sort_by_key(|r| (r.pending_due(), r.id().clone()));
    }
    Ok(Found {
        records,
        filter,
        levels,
    })
}

/// One page of what `args` select: which page it is (asked for, kept
/// within the pages there are), how many pages, how many records in all.
pub struct Page {
    pub number: usize,
    pub pages: usize,
    pub total: usize,
    pub records: Vec<Record>,
    pub filter: Filter,
    pub levels: Vec<(Id, Secrecy)>,
}

/// Page `number` (from 1) of `per_page` of what `args` select, in list's
/// order: `serve`'s search. When `args` ask for a search and nothing else
/// (no other filter, titles withheld), a record that cannot be withheld
/// (`Facts::may_be_withheld`) is matched by its cached search text alone
/// — as stored, which is as shown — and counted without being decoded;
/// only those that may be withheld (matched as shown, as `select` does)
/// and the page's own records are decoded. Otherwise the page is a slice
/// of `select`.
pub fn select_page(
    ctx: &Ctx,
    register: &Register,
    args: &Args,
    number: usize,
    per_page: usize,
) -> Result<Page> {
    let filter = build_filter(ctx, register, args)?;
    let Some(needle) = (filter.search.as_deref())
        .filter(|n| only_searches(&filter, args) && !may_hit_withheld_title(n))
        .map(facts::Needle::new)
        .filter(facts::Needle::is_exact)
    else {
        let found = select(ctx, register, args)?;
        let ids = (found.records.into_iter()).map(|r| (r.id().clone(), Some(r)));
        return page_of(
            ctx,
            register,
            ids.collect(),
            number,
            per_page,
            found.filter,
            found.levels,
        );
    };
    let search = |text: &[u8]| needle.may_match(text);
    let withheld = |facts: &Facts| facts.may_be_withheld();
    let shown = |facts: &Facts| !facts.may_be_withheld();
    let need = Need::everything().facts(&withheld).listed(&search, &shown);
    let mut snapshot = store::report::load(register, need, |p| ctx.warn_skipped(p));
    let listed = std::mem::take(&mut snapshot.listed);
    let (records, levels) = matches_as_shown(ctx, register, args, &filter, snapshot)?;
    let mut found: Vec<(Id, Option<Record>)> = (records.into_iter())
        .map(|r| (r.id().clone(), Some(r)))
        .collect();
    found.extend(listed.into_iter().map(|id| (id, None)));
    found.sort_by(|a, b| a.0.cmp(&b.0));
    page_of(ctx, register, found, number, per_page, filter, levels)
}

/// The levels of classified records that shown records may take on.
type Levels = Vec<(Id, Secrecy)>;

/// The records read that `filter` matches as shown (a withheld record by
/// its withheld form), their sealed text veiled or opened as `args` ask,
/// and the levels of classified records they may take on.
fn matches_as_shown(
    ctx: &Ctx,
    register: &Register,
    args: &Args,
    filter: &Filter,
    mut snapshot: store::Snapshot,
) -> Result<(Vec<Record>, Levels)> {
    let show = args.output.secrecy.show_classified;
    ctx.unseal_loaded(register, show, &mut snapshot.records)?;
    let mut levels = snapshot.classified;
    if filter.by_file_name() {
        levels.extend(levels_outside(register, filter, &snapshot.records));
    }
    let secrets = Secrets::from_levels(&levels, args.output.secrecy.reveal())
        .with_books(&register.config.logbooks);
    let records = (snapshot.records.into_iter())
        .map(|l| l.record)
        .filter(|r| filter.matches(&secrets.shown(r, Words::Keywords), ctx.today))
        .collect();
    Ok((records, levels))
}

/// Whether `filter` asks for a search and nothing else, with titles
/// withheld: then the cached texts decide a match.
fn only_searches(filter: &Filter, args: &Args) -> bool {
    let Filter {
        kind,
        status,
        unit,
        unit_former: _,
        owner,
        since,
        until,
        overdue,
        due_by,
        search,
        open,
        year,
        holder,
        person,
    } = filter;
    search.is_some()
        && !args.output.secrecy.show_classified
        && (kind.is_none() && status.is_empty() && unit.is_none() && owner.is_none())
        && (since.is_none() && until.is_none() && due_by.is_none() && year.is_none())
        && !(*overdue || *open)
        && (holder.is_none() && person.is_none())
}

/// The page `number` of `found` (in list's order; a record not yet
/// decoded is read from its file, veiled as the others).
fn page_of(
    ctx: &Ctx,
    register: &Register,
    found: Vec<(Id, Option<Record>)>,
    number: usize,
    per_page: usize,
    filter: Filter,
    levels: Vec<(Id, Secrecy)>,
) -> Result<Page> {
    let total = found.len();
    let pages = total.div_ceil(per_page).max(1);
    let number = number.clamp(1, pages);
    let mut records = Vec::with_capacity(per_page);
    for (id, record) in found
        .into_iter()
        .skip((number - 1) * per_page)
        .take(per_page)
    {
        let record = match record {
            Some(record) => record,
            None => match store::load_one(register, &id) {
                Ok(mut record) => {
                    ctx.unseal(register, false, [&mut record])?;
                    record
                }
                Err(e) => {
                    ctx.warn(&ctx.lang().core_error(&e).0);
                    continue;
                }
            },
        };
        records.push(record);
    }
    Ok(Page {
        number,
        pages,
        total,
        records,
        filter,
        levels,
    })
}

/// Whether a search for `needle` may find a withheld record by the words
/// that stand in for its title, `[level] ID`, beyond its ID: then every
/// record is decoded and matched as shown. Any other needle finds a
/// withheld record only in text it holds (`facts::search_text`), so the
/// records whose cached text lacks it are passed over undecoded.
fn may_hit_withheld_title(needle: &str) -> bool {
    needle.contains(['[', ']', ' '])
        || (Secrecy::ALL.iter()).any(|level| level.keyword().contains(needle))
}

/// The levels of the records a listing passed over by file name whose
/// secrecy the records it read may take on (a follow-up's source, the
/// file an entry names): each read by its own file, none decoded when
/// the cache knows it. A file that cannot be read is warned about by the
/// command that lists it.
fn levels_outside(register: &Register, filter: &Filter, read: &[Loaded]) -> Vec<(Id, Secrecy)> {
    let mut named: Vec<Id> = (read.iter())
        .flat_map(|l| l.record.secrecy_sources())
        .filter(|id| {
            register
                .kind_of(id)
                .is_some_and(|(kind, book)| !filter.may_hold(id, kind, book))
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    store::levels_of(register, &named)
}

fn build_filter(ctx: &Ctx, register: &Register, args: &Args) -> Result<Filter> {
    let kind = args
        .kind
        .as_deref()
        .map(|k| ctx.kind_filter(register, k))
        .transpose()?;
    let due_by = args
        .due_within
        .as_ref()
        .map(|span| ctx.end_of(span))
        .transpose()?;
    let status = statuses(kind.as_ref(), &args.status)?;
    let unit = (args.unit.as_deref())
        .map(|u| ctx.any_unit(register, u))
        .transpose()?;
    Ok(Filter {
        kind,
        status,
        unit_former: unit
            .as_deref()
            .map_or_else(Vec::new, |u| register.config.former_names(u)),
        unit,
        owner: args.owner.clone(),
        since: ctx.opt_date(args.since.as_ref())?,
        until: ctx.opt_date(args.until.as_ref())?,
        open: args.open,
        overdue: args.overdue,
        due_by,
        search: args.search.as_ref().map(|s| s.to_lowercase()),
        year: args.year,
        holder: args.holder.as_deref().map(|h| h.trim().to_string()),
        person: (args.person.clone()).map(|name| rows::Person {
            name,
            books: register.config.logbooks.clone(),
        }),
    })
}

/// The stored keywords the `--status` words name among the statuses of
/// the kinds listed (办结 names a paper done and a follow-up closed); a
/// word naming none is refused with the accepted ones. A logbook's
/// statuses are its own, taken as typed.
fn statuses(kind: Option<&KindFilter>, inputs: &[String]) -> Result<Vec<String>> {
    let kinds: Vec<Kind> = match kind {
        Some(KindFilter::Book(_)) => return Ok(split_list(inputs)),
        Some(filter) => filter.kinds(),
        None => KindFilter::All.kinds(),
    };
    let kinds: Vec<Kind> = kinds.into_iter().filter(|k| k.is_fixed()).collect();
    let kinds = kinds.as_slice();
    let mut keywords = Vec::new();
    for input in split_list(inputs) {
        let named = status_words::resolve(&input, kinds).ok_or_else(|| Error::UnknownStatus {
            input: input.clone(),
            accepted: status_words::accepted(kinds),
        })?;
        keywords.extend(named.into_iter().map(str::to_string));
    }
    Ok(keywords)
}
