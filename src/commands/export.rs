//! `taizhang export`: the register for spreadsheets (CSV, xlsx), scripts
//! (JSON), calendars (ics) and print (a self-contained HTML brief).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::commands::shared::print;
use crate::context::values::{self, Given, PeriodExpr};
use crate::context::{Ctx, OutputArgs};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::tr;
use crate::i18n::{Label, Message};
use crate::report::export;
use crate::report::list::Filter;
use crate::report::output::{with_bom, write_json_array};
use crate::report::redact::{Reveal, Secrets};
use crate::report::remind::{self, Scope};
use crate::report::{ics, summary, xlsx};
use crate::web::brief as html;
use taizhang_core::model::asof::Closing;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::{Kind, KindFilter};
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Need, Register};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One table; headers in your language, values as stored
    Csv,
    /// An array of records, as `list -o json`
    Json,
    /// A workbook with one sheet per kind (needs --out)
    Xlsx,
    /// A calendar: meetings, follow-up due dates, handling deadlines
    Ics,
    /// A printable brief of a period (--period)
    Html,
}

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Export the register for Excel/WPS, scripts, calendars and print",
        "导出台账，供表格软件（Excel/WPS）、脚本、日历和打印使用",
    ),
    long_about = tr(
        "Export the register for Excel/WPS, scripts, calendars and print.\n\n\
        csv and json list records (all kinds, or KIND: in, out, document, fu, mt, or a logbook's \
        name); xlsx puts each kind on its own sheet with real dates, a frozen header and filters; \
        ics gives meetings and deadlines for a calendar, each with a stable UID (ID@unit) so that \
        importing it again updates instead of duplicating; html is one self-contained page with \
        the figures of --period, a chart per lead unit, what is overdue and the next 14 days, \
        printable on A4.\n\n\
        Titles of classified records print as \"[秘密] IN-2026-0003\" (their notes and results are \
        left out) unless --show-classified. Without --out the export goes to stdout (not xlsx).",
        "导出台账，供表格软件（Excel/WPS）、脚本、日历和打印使用。\n\n\
        csv 和 json 列出记录（全部类别，或指定类别：in、out、document、fu、mt，或登记簿名称）；\
        xlsx 每类一张工作表，日期为真正的日期单元格，冻结表头并带筛选；ics 把会议和各项期限导入日\
        历，每项有固定的 UID（编号@单位），再次导入即更新而不重复；html 是一个独立的页面，含 \
        --period 期间的统计、各牵头单位的图表、逾期事项和此后 14 天的安排，可用 A4 纸打印。\n\n\
        涉密记录的标题显示为“[秘密] IN-2026-0003”（不含其备注和办理结果），除非给了 \
        --show-classified。不给 --out 即输出到标准输出（xlsx 除外）。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "csv, json, xlsx, ics or html",
        "导出格式：csv（一张表；表头用你的语言，值照存储）、json（记录数组，同 `list -o json`）、\
        xlsx（每类一张工作表的工作簿，须给 --out）、ics（日历：会议、督办期限、办理时限）、html（\
        一段时期的可打印简报，见 --period）",
    ))]
    #[arg(value_enum, id = "export_format", value_name = "FORMAT")]
    pub format: ExportFormat,
    #[arg(help = tr("Which kind of record [default: all]", "记录类别（默认：全部）"))]
    pub kind: Option<String>,
    #[arg(help = tr(
        "Write to FILE (replaced atomically) instead of stdout",
        "写入 FILE（原子替换），而不是标准输出",
    ))]
    #[arg(long, value_name = "FILE", value_parser = values::path())]
    pub out: Option<Given<PathBuf>>,
    #[arg(help = tr(
        "Replace FILE of --out when it exists already (it keeps its permissions)",
        "--out 的 FILE 已经存在时，替换它（保留它原有的权限）",
    ))]
    #[arg(long)]
    pub force: bool,
    #[arg(help = tr("Only records of this year (by ID)", "只导出此年度的记录（按编号）"))]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i16>,
    #[arg(help = tr(
        "Only these statuses (stored keyword or Chinese), comma-separated or repeated",
        "只导出这些状态（存储的关键词或中文），用逗号分隔或重复给出",
    ))]
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    #[arg(help = tr(
        "The period of the html brief [default: this-month]",
        "html 简报的时期（默认：this-month，本月）",
    ))]
    #[arg(long, value_name = "PERIOD", value_parser = values::period())]
    pub period: Option<Given<PeriodExpr>>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[arg(help = tr(
        "Start csv without the UTF-8 byte order mark it has for Excel and WPS, for scripts",
        "csv 不加为 Excel、WPS 准备的 UTF-8 字节序标记，供脚本读取",
    ))]
    #[arg(long, overrides_with = "bom")]
    pub no_bom: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    // Refuse before reading or writing anything.
    let out = check_out(&register, &args)?;
    if let Some(period) = &args.period
        && args.format != ExportFormat::Html
    {
        return Err(Error::OnlyFor {
            flag: period.flag.clone(),
            format: "html".into(),
        });
    }
    let listing = match args.format {
        ExportFormat::Html => return html_brief(ctx, &register, &args, out),
        ExportFormat::Csv => Listing::Csv,
        ExportFormat::Json => Listing::Json,
        ExportFormat::Xlsx => Listing::Xlsx,
        ExportFormat::Ics => Listing::Ics,
    };
    let kind = args
        .kind
        .as_deref()
        .map(|k| ctx.kind_filter(&register, k))
        .transpose()?;
    let filter = Filter {
        kind,
        status: crate::context::split_list(&args.status),
        year: args.year,
        ..Filter::default()
    };
    // Every kind is read, even for one KIND: a follow-up made from a
    // classified paper or meeting inherits its secrecy (as in `remind`).
    let mut snapshot = store::report::load(&register, Need::everything(), |p| ctx.warn_skipped(p));
    let show = args.output.secrecy.show_classified;
    ctx.unseal_loaded(&register, show, &mut snapshot.records)?;
    let mut records: Vec<&Record> = snapshot
        .records
        .iter()
        .map(|l| &l.record)
        .filter(|r| filter.matches(r, ctx.today))
        .collect();
    records.sort_by(|a, b| order(a).cmp(&order(b)));
    let secrets = Secrets::from_levels(&snapshot.classified, args.output.secrecy.reveal())
        .with_books(&register.config.logbooks);
    let lang = ctx.lang();

    let bytes = match listing {
        Listing::Json => {
            let mut buffer = Vec::new();
            let items = records.iter().map(|r| export::json(r, ctx.today, &secrets));
            write_json_array(&mut buffer, items)?;
            buffer
        }
        Listing::Csv => {
            let (one, book) = single_kind(&register, filter.kind.as_ref());
            let layout = export::layout(one, book);
            let csv = export::csv(&layout, &records, &secrets, lang);
            // For a spreadsheet: with the mark unless --no-bom (`--bom`,
            // kept for the scripts written before, overrides it).
            with_bom(csv, !args.no_bom).into_bytes()
        }
        Listing::Ics => ics::calendar(
            &records,
            &register.config.unit,
            &ctx.tz,
            &secrets,
            lang,
            &register.config.logbooks,
        )
        .into_bytes(),
        Listing::Xlsx => {
            let sheets = sheets(&register, filter.kind.as_ref(), &records, ctx);
            let bar = ctx.progress(records.len() as u64, Message::Exporting);
            let mut tick = || bar.inc(1);
            let bytes =
                xlsx::workbook(&sheets, &secrets, lang, &mut tick).map_err(Error::encode)?;
            bar.finish_and_clear();
            bytes
        }
    };
    emit(out.as_deref(), &bytes, args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// The formats that list records (`html` is a brief of a period).
enum Listing {
    Csv,
    Json,
    Xlsx,
    Ics,
}

/// `--out` checked before anything is read or written: xlsx needs it, its
/// folder must exist, and it must not be one of the register's own files.
fn check_out(register: &Register, args: &Args) -> Result<Option<PathBuf>> {
    let Some(out) = &args.out else {
        if args.format == ExportFormat::Xlsx {
            return Err(Error::NeedsOut {
                format: "xlsx".into(),
            });
        }
        return Ok(None);
    };
    let (flag, out) = (&out.flag, &out.value);
    if out.is_dir() {
        return Err(Error::OutIsFolder {
            flag: flag.clone(),
            path: out.clone(),
        });
    }
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::NoSuchFolder {
            flag: flag.clone(),
            path: folder.to_path_buf(),
        });
    }
    if register_owns(register, folder, out) {
        return Err(Error::OutInRegister {
            flag: flag.clone(),
            path: out.clone(),
        });
    }
    // A file already there (a link to one included) may be another
    // export, or anything else the clerk keeps: replaced only when asked.
    // What is not a file (`/dev/stdout`, a pipe) is written into.
    if !args.force && std::fs::metadata(out).is_ok_and(|m| m.is_file()) {
        return Err(Error::OutExists {
            flag: flag.clone(),
            path: out.clone(),
            force: force_flag(),
        });
    }
    Ok(Some(out.clone()))
}

/// `--force` as clap names it, for the refusal that asks for it.
fn force_flag() -> Flag {
    let command = <Args as clap::Args>::augment_args(clap::Command::new("export"));
    Flag::of(command.get_arguments().find(|arg| arg.get_id() == "force"))
}

/// Whether `out` (in `folder`, which exists) is a file the register keeps:
/// its settings, calendar and ledger of archive numbers, or anything in
/// `.git`, `.taizhang` or a record folder. Compared after resolving links and `..`, so no spelling
/// of the path gets past it.
fn register_owns(register: &Register, folder: &Path, out: &Path) -> bool {
    let (Ok(root), Ok(folder)) = (register.root.canonicalize(), folder.canonicalize()) else {
        return false;
    };
    let Ok(inside) = folder.strip_prefix(&root) else {
        return false;
    };
    let Some(name) = out.file_name() else {
        return false;
    };
    let top = inside.components().next().map(|c| c.as_os_str());
    match top {
        None => [
            "taizhang.toml",
            "calendar.toml",
            store::numbering::ARCHIVE_LEDGER,
        ]
        .iter()
        .any(|own| name == *own),
        Some(top) => [".git", ".taizhang"]
            .into_iter()
            .chain(Kind::folders())
            .any(|own| top == own),
    }
}

/// Writes the export: to `out` atomically (with the user's umask), else
/// to stdout. CSV and HTML on stdout pass the same control-character
/// screen as every other output; a calendar needs its CRLFs kept, and its
/// writer has already dropped every other control character.
fn emit(out: Option<&Path>, bytes: &[u8], format: ExportFormat) -> Result<()> {
    if let Some(path) = out {
        return Ok(store::save::write_file(path, bytes)?);
    }
    match format {
        ExportFormat::Ics | ExportFormat::Json => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| Error::io("<stdout>", e))
        }
        _ => print(&String::from_utf8_lossy(bytes)),
    }
}

/// Records in the order of the registers: kind, then ID.
fn order(record: &Record) -> (usize, Option<&str>, &Id) {
    (record.kind().rank(), record.book(), record.id())
}

/// The kind a CSV is about, when KIND names exactly one.
fn single_kind<'r>(
    register: &'r Register,
    kind: Option<&KindFilter>,
) -> (
    Option<Kind>,
    Option<&'r taizhang_core::model::config::LogbookDef>,
) {
    match kind {
        Some(KindFilter::Kind(kind)) => (Some(*kind), None),
        Some(KindFilter::Book(name)) => (Some(Kind::Logbook), register.config.logbooks.get(name)),
        _ => (None, None),
    }
}

/// One sheet per kind, in the order of the registers: the four main
/// kinds always (unless KIND names another), each logbook that has
/// entries (or that KIND names), named by its title.
fn sheets<'a>(
    register: &Register,
    kind: Option<&KindFilter>,
    records: &[&'a Record],
    ctx: &Ctx,
) -> Vec<xlsx::Sheet<'a>> {
    let lang = ctx.lang();
    let wanted = |k: Kind, book: Option<&str>| kind.is_none_or(|f| f.matches(k, book));
    let mut sheets = Vec::new();
    for k in Kind::fixed() {
        let name = match k {
            Kind::Incoming => lang.label(Label::Incoming),
            Kind::Outgoing => lang.label(Label::Outgoing),
            Kind::Followup => lang.label(Label::SheetFollowups),
            Kind::Meeting => lang.label(Label::Meetings),
            Kind::Logbook => continue,
            own => match crate::i18n::register_name(lang, own) {
                Some(name) => name,
                None => continue,
            },
        };
        // An office that keeps none of an optional kind gets no empty
        // sheet of it.
        let kept = !k.is_optional()
            || records.iter().any(|r| r.kind() == k)
            || matches!(kind, Some(KindFilter::Kind(named)) if *named == k);
        if wanted(k, None) && kept {
            sheets.push(xlsx::Sheet {
                name: xlsx::sheet_name(name),
                layout: export::layout(Some(k), None),
                records: records.iter().copied().filter(|r| r.kind() == k).collect(),
            });
        }
    }
    for (name, book) in &register.config.logbooks {
        let entries: Vec<&Record> = records
            .iter()
            .copied()
            .filter(|r| r.book() == Some(name.as_str()))
            .collect();
        let named = matches!(kind, Some(KindFilter::Book(b)) if b == name);
        if entries.is_empty() && !named {
            continue;
        }
        sheets.push(xlsx::Sheet {
            name: xlsx::sheet_name(&book.title),
            layout: export::layout(Some(Kind::Logbook), Some(book)),
            records: entries,
        });
    }
    // Sheet names must differ: a logbook titled like a main sheet gets a
    // number.
    let mut seen = std::collections::HashSet::new();
    for sheet in &mut sheets {
        let mut name = sheet.name.clone();
        let mut n = 2;
        while !seen.insert(name.to_lowercase()) {
            name = xlsx::sheet_name(&format!("{} ({n})", sheet.name));
            n += 1;
        }
        sheet.name = name;
    }
    sheets
}

/// `export html`: the brief of a period.
fn html_brief(
    ctx: &Ctx,
    register: &Register,
    args: &Args,
    out: Option<PathBuf>,
) -> Result<ExitCode> {
    let period = match &args.period {
        Some(given) => ctx.period(given)?,
        None => Period::parse("this-month", ctx.today)
            .map_err(|_| CoreError::internal("the period this-month"))?,
    };
    let show = args.output.secrecy.show_classified;
    let text = brief(ctx, register, &period, show, false, |page| {
        html::page(page, ctx.lang())
    })?;
    emit(out.as_deref(), text.as_bytes(), ExportFormat::Html)?;
    Ok(ExitCode::SUCCESS)
}

/// The brief of `period`, computed and handed to `render`: the page of
/// `export html` and of `serve`'s summary.
pub fn brief<T>(
    ctx: &Ctx,
    register: &Register,
    period: &Period,
    show_classified: bool,
    links: bool,
    render: impl FnOnce(&html::Page) -> T,
) -> Result<T> {
    let period = *period;
    let soon_until = ctx.soon_until(register, None)?;
    let today = ctx.today;
    let relevant = |facts: &Facts| html::relevant(facts, &period, today);
    let need = Need::everything().facts(&relevant);
    let mut snapshot = store::report::load(register, need, |p| ctx.warn_skipped(p));
    ctx.unseal_loaded(register, show_classified, &mut snapshot.records)?;
    let records: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let secrets = Secrets::from_levels(&snapshot.classified, Reveal::when(show_classified))
        .with_books(&register.config.logbooks);
    let books: Vec<String> = register.config.logbooks.keys().cloned().collect();
    let closing = Closing::verifying(register.config.followups.verify);
    let figures = summary::compute(&records, &period, ctx.today, &books, closing, &secrets);
    let scope = |soon_until| Scope {
        today: ctx.today,
        soon_until,
        unit: None,
        owner: None,
    };
    // Exactly what `remind` lists for the day: entries out and owed
    // progress reports included.
    let attention = remind::gather(
        &records,
        &scope(soon_until),
        &secrets,
        &register.config.logbooks,
    );
    let horizon = ctx
        .today
        .checked_add(jiff::Span::new().days(html::DAYS_AHEAD))
        .unwrap_or(ctx.today);
    // Entries due back among them, as on the desk.
    let deadlines: Vec<_> = remind::deadlines(
        &records,
        &scope(horizon),
        &secrets,
        &register.config.logbooks,
    )
    .into_iter()
    .filter(|r| r.days_left >= 0)
    .collect();
    let meetings = html::upcoming_meetings(&records, ctx.today, &secrets);
    let book_titles = summary::book_titles(&register.config.logbooks, ctx.lang());
    let page = html::Page {
        book_titles: &book_titles,
        unit: &register.config.unit,
        summary: &figures,
        period: &period,
        today: ctx.today,
        attention: &attention,
        deadlines: &deadlines,
        meetings: &meetings,
        links,
    };
    Ok(render(&page))
}
