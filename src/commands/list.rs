//! `taizhang list`: records as a table, JSON, CSV or Markdown.

use std::process::ExitCode;

use crate::context::values::{self, DateExpr, Given};
use crate::context::{CsvArgs, Ctx, split_list};
use crate::error::{Error, Result};
use crate::i18n::Message;
use crate::report::list::{self as rows, Filter};
use crate::report::output::Output;
use taizhang_core::model::date::Span;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::{Kind, KindFilter};
use taizhang_core::model::record::Record;
use taizhang_core::model::status_words;
use taizhang_core::store::{self, Need, Register};

/// List records. Without a kind, all of them; filters combine.
///
/// Kinds: incoming (in), outgoing (out), document (both), followup (fu),
/// meeting (mt), or a logbook's name (seal, visit …).
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Which kind of record
    pub kind: Option<String>,
    /// Only these statuses (stored keyword or Chinese), comma-separated or repeated
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only this unit (lead unit; drafting unit for outgoing documents)
    #[arg(long, value_name = "UNIT", value_parser = values::text)]
    pub unit: Option<String>,
    /// Only this person responsible
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Filed on or after this date (received, signed, assigned, held)
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub since: Option<Given<DateExpr>>,
    /// Filed on or before this date
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub until: Option<Given<DateExpr>>,
    /// Only what is overdue (still to be done, deadline before today)
    #[arg(long)]
    pub overdue: bool,
    /// Only what is still to be done; for a logbook with an open loop,
    /// only entries that are out (a seal taken out and not returned)
    #[arg(long)]
    pub open: bool,
    /// Only what is still to be done and due within SPAN (3d, 2w, 1m)
    #[arg(long, value_name = "SPAN", value_parser = values::span())]
    pub due_within: Option<Given<Span>>,
    /// Only records whose title, parties, references or notes contain TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only records of this year (by ID)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i16>,
    /// Only papers this person (or lead unit) has now: "what papers does
    /// 张局长 have?"
    #[arg(long, value_name = "NAME")]
    pub holder: Option<String>,
    #[command(flatten)]
    pub csv: CsvArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let found = select(ctx, &register, &args)?;
    let selected: Vec<&Record> = found.records.iter().collect();
    let filter = found.filter;
    let kind = match &filter.kind {
        Some(KindFilter::Kind(kind)) => Some(*kind),
        _ => None,
    };
    let book = match &filter.kind {
        Some(KindFilter::Book(name)) => register.config.logbooks.get(name),
        _ => None,
    };
    // A logbook's own columns: every declared field in CSV and Markdown,
    // those a terminal has room for in a table.
    let table = |all: bool| match book {
        Some(book) => rows::book_table(&selected, book, ctx.lang(), all),
        None => rows::table(&selected, kind, ctx.today, ctx.lang()),
    };
    let nothing = selected
        .is_empty()
        .then(|| ctx.lang().message(Message::NothingFound));
    ctx.emit(
        Output::new()
            .terminal(|screen| table(false).to_terminal(screen))
            .empty(nothing.map(str::to_string))
            .markdown(|| table(true).to_markdown())
            .csv(args.csv.bom, || table(true))
            .json_array(selected.iter().map(|r| rows::json(r, ctx.today))),
    )
}

/// The records `args` select, in list's order, with what they were
/// selected by and the register's classified records (for those who
/// withhold titles: `serve`).
pub struct Found {
    pub records: Vec<Record>,
    pub filter: Filter,
    pub classified: Vec<(Id, taizhang_core::model::keyword::Secrecy)>,
}

/// The records `args` select; `list`'s and `serve`'s search.
pub fn select(ctx: &Ctx, register: &Register, args: &Args) -> Result<Found> {
    let filter = build_filter(ctx, register, args)?;
    let files = |id: &Id, kind: Kind, book: Option<&str>| filter.may_hold(id, kind, book);
    let facts = |facts: &Facts| filter.may_match(facts);
    let mut need = Need::everything().facts(&facts);
    if filter.kind.is_some() || filter.year.is_some() || filter.holder.is_some() {
        need = need.files(&files);
    }
    let snapshot = store::report::load(register, need, |p| ctx.warn_skipped(p));
    let mut records: Vec<Record> = (snapshot.records.into_iter())
        .map(|l| l.record)
        .filter(|r| filter.matches(r, ctx.today))
        .collect();
    if args.overdue || args.open || args.due_within.is_some() {
        records.sort_by_key(|r| (r.pending_due(), r.id().clone()));
    }
    Ok(Found {
        records,
        filter,
        classified: snapshot.classified,
    })
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
