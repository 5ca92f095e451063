//! `taizhang import`: bring an existing spreadsheet register (收文登记簿,
//! 发文登记簿, 督办台账) in: every row checked first, then all rows or
//! none, in one commit.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::commands::shared::print;
use crate::context::Ctx;
use crate::error::{CoreError, Error, Result};
use crate::i18n::import as words;
use crate::i18n::tr;
use crate::i18n::{Lang, Message};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::docnum;
use taizhang_core::model::id::Id;
use taizhang_core::model::import::rows::{self, Draft, RowProblem, Setting, Trouble};
use taizhang_core::model::import::{self, Field, LEGACY_ID, Mapping, Target, blocks};
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::logbook::sheet;
use taizhang_core::model::logbook::value::{self, BookError, Given};
use taizhang_core::model::outgoing::{doc_number, parse_doc_number};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Change, Need, Register, numbering};

mod preview;
mod read;

pub use read::SheetFormat;
use read::YearFrom;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Import an existing spreadsheet register (收文登记簿, 发文登记簿, 督办台账, or a logbook \
        such as 用印登记簿); prints the new IDs, one a line",
        "导入现有的表格台账（收文登记簿、发文登记簿、督办台账，或用印登记簿等登记簿）；逐行打印新编\
        号",
    ),
    long_about = tr(
        "Import an existing spreadsheet register (收文登记簿, 发文登记簿, 督办台账, or a logbook \
        such as 用印登记簿); prints the new IDs, one a line.\n\n\
        The file may be xlsx, xls, ods, or CSV/TSV in UTF-8, UTF-16 or GBK. The header (one to \
        three rows, 来文 over 来文单位) is found below any title rows and its columns are \
        recognised by their usual names (收文日期, 来文单位, 文件标题, 发文字号, 督办事项, 牵头单\
        位, 完成时限 …); --map names the others. Blank, 小计/合计, footnote (注：) and signature (\
        制表：) rows are passed over. --dry-run previews the columns and the first records. The \
        status is the sheet's own words (已办结, 是, √, 已复函, 在办, 否, 撤项, 已归档 …, also in \
        是否办结, 完成情况 and 办理情况); rules that guard new entries only warn on history (an \
        urgent paper without a deadline). Every row is checked first: if any is wrong, nothing is \
        written and every problem is listed with its row number. All records are made in one \
        commit, each with an ID of its own year; the sheet's own number (序号) is kept as the ID \
        when it is a free ID of the kind, else as legacy_id. Rows already in the register (same \
        title and date) are refused unless --skip-existing or --allow-duplicates.",
        "导入现有的表格台账（收文登记簿、发文登记簿、督办台账，或用印登记簿等登记簿）；逐行打印新编\
        号。\n\n\
        文件可以是 xlsx、xls、ods，或 UTF-8、UTF-16 或国标编码的 CSV/TSV。表头（一至三行，如“来文”\
        下分“来文单位”）在标题行之下自动找到，各列按常用名称识别（收文日期、来文单位、文件标题、发\
        文字号、督办事项、牵头单位、完成时限 …）；其余的列用 --map 指明。空行、小计/合计行、注释行\
        （注：）和签名行（制表：）跳过。--dry-run 预览各列和前几条记录。办理状态按表中的用语确定（\
        已办结、是、√、已复函、在办、否、撤项、已归档 …，也看是否办结、完成情况、办理情况各列）；\
        历史记录不受新登记的规则约束（特急件无办理时限等只作警告）。先逐行检查：只要有一行有错，就\
        什么也不写，列出每个问题及其行号。全部记录在一次提交中建立，各按自己的年份编号；表中原有的\
        编号若是本类记录尚未使用的编号则沿用，否则保留为 legacy_id。台账中已有的行（标题和日期相同\
        ）拒绝导入，除非给了 --skip-existing 或 --allow-duplicates。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The file's format: csv, tsv, xlsx, xls, ods, or auto (the file's own bytes decide how it \
        is read; a workbook format refuses a file that is no workbook)",
        "文件格式：csv、tsv、xlsx、xls、ods 或 auto（按文件内容读取；工作簿格式不接受非工作簿文件）",
    ))]
    // Not `format`: that is the global --format's name.
    #[arg(value_enum, id = "sheet_format", value_name = "FORMAT")]
    pub sheet_format: SheetFormat,
    #[arg(help = tr(
        "What the rows are: in (收文), out (发文), fu (督办事项), meeting (会议), rule (制度), or a \
        logbook's name (seal, visit …), its columns named by the fields' keys or labels",
        "各行是什么：in（收文）、out（发文）、fu（督办事项）、meeting（会议）、rule（制度），或登记\
        簿名称（seal、visit …），其各列以字段的键名或名称为表头",
    ))]
    pub kind: String,
    #[arg(help = tr("The spreadsheet file", "表格文件"))]
    pub file: PathBuf,
    #[arg(help = tr(
        "The sheet of a workbook [default: the first that has a header]",
        "工作簿中的工作表（默认：第一张有表头的）",
    ))]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[arg(help = tr(
        "A column and the field it fills (its key or usual header), or COLUMN=- to leave it out; \
        repeated",
        "一列及其填入的字段（键名或常用表头），或 列名=- 表示不导入此列；可重复给出",
    ))]
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    #[arg(help = tr(
        "The year of dates written without one (11月1日) [default: a year in the sheet's title rows \
        or the file name, else this year]",
        "未写年份的日期（11月1日）所属的年份（默认：表格标题行或文件名中的年份，否则为今年）",
    ))]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i16>,
    #[arg(help = tr(
        "Check every row and preview the import: which column fills which field, the rows passed \
        over, the first records as they would be stored, the warnings; write nothing (exit 1 if it \
        would fail)",
        "检查每一行并预览导入：各列填入哪个字段、跳过的行、前几条记录存成什么样、提示；什么也不写（\
        导入会失败时退出码为 1）",
    ))]
    #[arg(long)]
    pub dry_run: bool,
    #[arg(help = tr(
        "Import only the rows not already in the register",
        "只导入台账中还没有的行",
    ))]
    #[arg(long, conflicts_with = "allow_duplicates")]
    pub skip_existing: bool,
    #[arg(help = tr(
        "Import rows even when the register already has them",
        "台账中已有的行也照样导入",
    ))]
    #[arg(long)]
    pub allow_duplicates: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let target = match Target::named(&args.kind) {
        Some(target) => target,
        None if register.config.logbooks.contains_key(args.kind.trim()) => {
            return import_book(ctx, &register, &args);
        }
        None => {
            return Err(Error::ImportKind {
                input: args.kind.clone(),
            });
        }
    };
    let kind = target.kind();
    let overrides = overrides(target, &args.map)?;
    let opened = read::read_sheet(ctx, &args, |rows| {
        import::find_header(rows, target, &overrides).is_some()
    })?;
    let sheet = &opened.rows;
    let header = import::find_header(sheet, target, &overrides).ok_or_else(|| {
        let (examined, recognised) = import::recognised_labels(sheet, target);
        Error::NoHeader {
            path: args.file.clone(),
            kind,
            examined,
            recognised,
        }
    })?;
    let lang = ctx.lang();
    let file_name = file_name(&args);
    let mut warnings = Vec::new();
    // The preview's list of columns says which are not imported.
    if !header.unmapped.is_empty() && !args.dry_run {
        warnings.push(words::unused_columns(lang, &header.unmapped));
    }
    let (data, passed) = read::data_rows(sheet, header.index);
    let year = sheet_year(ctx, &args, &sheet[..header.top], &data, &mut warnings);
    let shown = preview::Shown {
        file: &file_name,
        sheet: opened.sheet.as_deref(),
        header_rows: (sheet[header.top].number, sheet[header.index].number),
        columns: preview::columns(&header.columns, &header.unmapped, |field| {
            Some((
                preview::l_field(lang, kind, field.key()),
                field.key().to_string(),
            ))
        }),
        passed: &passed,
        label: &|key| preview::l_field(lang, kind, key),
    };
    shown.note(ctx, &args, &warnings);

    let actor = ctx.actor(&register);
    let setting = Setting {
        target,
        config: &register.config,
        actor: &actor,
        today: ctx.today,
        year: Some(year),
        source: &file_name,
        tz: &ctx.tz,
    };
    let mut problems = Vec::new();
    let mut drafts = Vec::new();
    for row in data {
        drafts.extend(rows::read(row, &header, &setting, &mut problems));
    }

    // From here the register is read to compare: hold the lock so that
    // what is compared is what the IDs are allocated against. A dry run
    // commits nothing, so it neither checks git nor pulls.
    let mut tx = ctx.begin_unless(&register, args.dry_run)?;
    let existing = existing(&register, kind)?;
    if target.kind() == Kind::Outgoing {
        check_numbers(&drafts, &existing, &header, &mut problems);
    }
    let prefix = register.config.prefix(kind);
    unlink_replies(&register, &mut drafts);
    check_named(&register, &drafts, &header, &mut problems);
    problems.sort_by_key(|p| p.row);
    // Rows that are wrong refuse the import before rows already present.
    let refused = match problems.is_empty() {
        false => Some(
            CoreError::ImportRefused {
                path: args.file.clone(),
                kind,
                problems,
            }
            .into(),
        ),
        true => drop_repeated(ctx, &args, &shown, &existing, &mut drafts, &mut warnings),
    };
    if let Some(refused) = refused {
        return shown.refuse(
            ctx,
            &args,
            &mut tx,
            (prefix, &existing),
            drafts,
            &warnings,
            refused,
        );
    }
    // Warnings about how rows were read: the preview lists them.
    for line in words::notices(lang, kind, &notices(lang, &drafts)) {
        match args.dry_run {
            true => warnings.push(line),
            false => ctx.warn(&line),
        }
    }

    give_ids(&mut tx, prefix, &existing, &mut drafts)?;
    if target.kind() == Kind::Outgoing {
        give_numbers(&register, ctx.today, &mut drafts)?;
    }
    if args.dry_run {
        return shown
            .print(ctx, &drafts, &warnings)
            .map(|()| ExitCode::SUCCESS);
    }
    for linked in linked_back(&mut tx, &drafts)? {
        tx.save(&linked)?;
    }
    write_drafts(ctx, tx, &args, drafts, kind.keyword())
}

/// The tail of every import: a dry run's list, or the records written in
/// one commit and their IDs printed.
fn write_drafts(
    ctx: &Ctx,
    mut tx: Change,
    args: &Args,
    drafts: Vec<Draft>,
    what: &str,
) -> Result<ExitCode> {
    let lang = ctx.lang();
    let file_name = file_name(args);
    if drafts.is_empty() {
        ctx.note(&words::imported(lang, 0, &file_name));
        return Ok(ExitCode::SUCCESS);
    }

    let bar = ctx.progress(drafts.len() as u64, Message::Importing);
    let records: Vec<Record> = drafts.iter().map(|d| d.record.clone()).collect();
    tx.save_new(&records, &|| bar.inc(1))?;
    bar.finish_and_clear();
    let message = format!("taizhang: import {} {what} from {file_name}", drafts.len());
    let committed = tx.finish(&message);
    let mut out = String::with_capacity(drafts.len() * 14);
    for draft in &drafts {
        out.push_str(&draft.record.id().to_string());
        out.push('\n');
    }
    // The IDs are printed even when the commit fails: the records are
    // saved, and the script that asked must learn which they are.
    print(&out)?;
    committed?;
    ctx.note(&words::imported(lang, drafts.len(), &file_name));
    Ok(ExitCode::SUCCESS)
}

/// The records of `kind` already in the register. A file that cannot be
/// read could hide a duplicate ID or number: refused, as every writer does.
fn existing(register: &Register, kind: Kind) -> Result<Vec<Record>> {
    let want = move |_: &Id, k: Kind, _: Option<&str>| k == kind;
    let snapshot = store::load_where(register, Need::everything().files(&want));
    if let Some(problem) = snapshot.problems.into_iter().next() {
        return Err(problem.into_error(&register.root).into());
    }
    Ok(snapshot.records.into_iter().map(|l| l.record).collect())
}

/// 发文字号 taken from the sheet must be new: not on another row, not on
/// a document of the register.
fn check_numbers(
    drafts: &[Draft],
    existing: &[Record],
    header: &import::Header,
    problems: &mut Vec<RowProblem>,
) {
    // Numbers compared as the register writes them: a document of the
    // register numbered `市交发[2026]1号` holds `市交发〔2026〕01号` too.
    let taken: HashMap<String, &Id> = existing
        .iter()
        .filter_map(|r| match r {
            Record::Outgoing(o) => Some((docnum::normalize(&o.doc_number), &o.id)),
            _ => None,
        })
        .collect();
    let column = match header.label(Field::DocNumber) {
        Some(label) => rows::Column::Header(label.to_string()),
        None => rows::Column::Field(Field::DocNumber),
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for draft in drafts {
        let Some(number) = rows::sheet_number(draft) else {
            continue;
        };
        let trouble = match taken.get(number) {
            Some(id) => Some(Trouble::NumberTaken {
                number: number.to_string(),
                id: id.to_string(),
            }),
            None => seen.get(number).map(|row| Trouble::NumberTwice {
                number: number.to_string(),
                row: *row,
            }),
        };
        seen.entry(number).or_insert(draft.row);
        if let Some(trouble) = trouble {
            problems.push(RowProblem {
                row: draft.row,
                column: column.clone(),
                trouble,
            });
        }
    }
}

/// Rows the register already has: the same title and date (received,
/// signed, assigned), and the same legacy_id when both have one.
fn repeated(drafts: &[Draft], existing: &[Record]) -> Vec<(usize, String)> {
    let mut by_key: HashMap<(&str, jiff::civil::Date), Vec<&Record>> = HashMap::new();
    for record in existing {
        by_key
            .entry((record.title(), record.date()))
            .or_default()
            .push(record);
    }
    drafts
        .iter()
        .filter_map(|draft| {
            let key = (draft.record.title(), draft.record.date());
            let found = by_key.get(&key)?.iter().find(|record| {
                let theirs = record.extra().get(LEGACY_ID).and_then(legacy_text);
                match (&draft.legacy_id, theirs) {
                    (Some(ours), Some(theirs)) => *ours == theirs,
                    _ => true,
                }
            })?;
            Some((draft.row, found.id().to_string()))
        })
        .collect()
}

/// A legacy_id as text, whether the YAML holds it as a string or a number.
fn legacy_text(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Rows the register already has (same title and date): the refusal to
/// give, unless `--skip-existing` passes them over (said) or
/// `--allow-duplicates` keeps them.
fn drop_repeated(
    ctx: &Ctx,
    args: &Args,
    shown: &preview::Shown,
    existing: &[Record],
    drafts: &mut Vec<Draft>,
    warnings: &mut Vec<String>,
) -> Option<Error> {
    let repeated = repeated(drafts, existing);
    if repeated.is_empty() || args.allow_duplicates {
        return None;
    }
    if !args.skip_existing {
        return Some(CoreError::ImportDuplicates { rows: repeated }.into());
    }
    let said = words::skipped_existing(ctx.lang(), &repeated);
    shown.warn(ctx, args, warnings, said);
    drafts.retain(|d| !repeated.iter().any(|(row, _)| *row == d.row));
    None
}

/// Gives each draft its ID. A row whose own number (序号, 编号) is an ID
/// of this kind that the register does not have keeps it, so that an
/// export comes back under the IDs its links name; every other row gets
/// the next ID of its own year, in the file's order (the folder read once
/// per year, then numbers count up past the kept ones), and keeps its own
/// number as `legacy_id`.
fn give_ids(
    tx: &mut Change,
    prefix: &str,
    existing: &[Record],
    drafts: &mut [Draft],
) -> Result<()> {
    let mut taken: HashSet<Id> = existing.iter().map(|r| r.id().clone()).collect();
    let mut kept = vec![false; drafts.len()];
    for (draft, kept) in drafts.iter_mut().zip(kept.iter_mut()) {
        let own = draft.legacy_id.as_deref().and_then(Id::parse);
        if let Some(id) = own.filter(|id| id.prefix() == prefix && !taken.contains(id)) {
            taken.insert(id.clone());
            draft.year = id.year();
            rows::keep_id(&mut draft.record, id);
            *kept = true;
        }
    }
    let mut next: HashMap<i16, u32> = HashMap::new();
    for (draft, _) in drafts.iter_mut().zip(kept).filter(|(_, kept)| !kept) {
        let mut seq = match next.get(&draft.year) {
            Some(seq) => *seq,
            None => tx.allocate(prefix, draft.year)?.seq(),
        };
        while taken.contains(&Id::new(prefix, draft.year, seq)) {
            seq += 1;
        }
        next.insert(draft.year, seq + 1);
        rows::set_id(&mut draft.record, Id::new(prefix, draft.year, seq));
    }
    Ok(())
}

/// The file's name, for notes, history and the commit message.
fn file_name(args: &Args) -> String {
    args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The year of dates written without one (`--year`, the title's, the
/// file name's, today's), and a warning naming the rows that have such
/// dates when the year was not given.
fn sheet_year(
    ctx: &Ctx,
    args: &Args,
    above: &[taizhang_core::model::import::SheetRow],
    data: &[&taizhang_core::model::import::SheetRow],
    warnings: &mut Vec<String>,
) -> i16 {
    use crate::i18n::sheet::{YearSource, year_note};
    let file = file_name(args);
    let (year, from) = read::sheet_year(ctx, args, above, &file);
    let rows = read::rows_lacking_year(data, &from);
    let source = match &from {
        YearFrom::Flag => return year,
        YearFrom::Title(title) => YearSource::Title(title),
        YearFrom::FileName => YearSource::FileName(&file),
        YearFrom::Today => YearSource::Today,
    };
    if !rows.is_empty() {
        warnings.push(year_note(ctx.lang(), year, source, &rows));
    }
    year
}

/// `import csv|xlsx NAME FILE` for a logbook: columns matched to the
/// declared fields by key or label (Chinese or English), values read with
/// the fields' types, every row checked first, all rows or none.
fn import_book(ctx: &Ctx, register: &Register, args: &Args) -> Result<ExitCode> {
    let Some((name, book)) = register.config.logbooks.get_key_value(args.kind.trim()) else {
        return Err(Error::ImportKind {
            input: args.kind.clone(),
        });
    };
    let overrides = args
        .map
        .iter()
        .map(|text| {
            let (column, field) = value::split_assignment(text)?;
            let used = sheet::column_use(book, field).ok_or_else(|| BookError::UnknownField {
                book: name.clone(),
                input: field.to_string(),
                known: book.fields.clone(),
            })?;
            Ok((column.to_string(), used))
        })
        .collect::<std::result::Result<Vec<_>, BookError>>()?;
    let opened = read::read_sheet(ctx, args, |rows| {
        sheet::find_header(rows, book, &overrides).is_some()
    })?;
    let rows_read = &opened.rows;
    let header = sheet::find_header(rows_read, book, &overrides).ok_or_else(|| {
        let (examined, recognised) = sheet::recognised_labels(rows_read, book);
        BookError::NoHeader {
            path: args.file.clone(),
            book: name.clone(),
            examined,
            recognised,
        }
    })?;
    let lang = ctx.lang();
    let file_name = file_name(args);
    let mut warnings = Vec::new();
    // The preview's list of columns says which are not imported.
    if !header.unmapped.is_empty() && !args.dry_run {
        warnings.push(words::unused_columns(lang, &header.unmapped));
    }
    let (data, passed) = read::data_rows(rows_read, header.index);
    let year = sheet_year(ctx, args, &rows_read[..header.top], &data, &mut warnings);
    let field_label = |key: &str| {
        book.fields
            .iter()
            .find(|f| f.name == key)
            .map(|f| preview::book_label(lang, f))
            .unwrap_or_else(|| lang.field(key).to_string())
    };
    let shown = preview::Shown {
        file: &file_name,
        sheet: opened.sheet.as_deref(),
        header_rows: (rows_read[header.top].number, rows_read[header.index].number),
        columns: preview::columns(&header.columns, &header.unmapped, |used| match used {
            sheet::ColumnUse::Field(i) => {
                let field = book.fields.get(*i)?;
                Some((preview::book_label(lang, field), field.name.clone()))
            }
            sheet::ColumnUse::LegacyId => {
                Some((lang.field(LEGACY_ID).to_string(), LEGACY_ID.into()))
            }
            sheet::ColumnUse::Ignore => None,
        }),
        passed: &passed,
        label: &field_label,
    };
    shown.note(ctx, args, &warnings);
    let actor = ctx.actor(register);
    let setting = sheet::RowSetting {
        book: (name, book),
        given: Given {
            today: ctx.today,
            now: ctx.moment(),
            tz: &ctx.tz,
            calendar: Some(ctx.calendar()),
            config: &register.config,
        },
        year: Some(year),
        actor: &actor,
        source: &file_name,
    };
    let mut troubles = Vec::new();
    let mut read = Vec::new();
    for row in data {
        read.extend(sheet::read_row(row, &header, &setting, &mut troubles));
    }
    for draft in &read {
        for (key, value) in &draft.entry.fields {
            let field = (key.as_str()).and_then(|k| book.fields.iter().find(|f| f.name == k));
            let Some(field) = field.filter(|f| f.kind == "ref") else {
                continue;
            };
            let Some(id) = value.as_str().and_then(Id::parse) else {
                continue;
            };
            if matches!(
                store::load_one(register, &id),
                Err(CoreError::NotFound { .. })
            ) {
                troubles.push(sheet::RowTrouble {
                    row: draft.row,
                    field: field.clone().into(),
                    problem: Some(BookError::NoSuchRecord {
                        field: field.clone().into(),
                        id: id.to_string(),
                    }),
                });
            }
        }
    }

    let mut tx = ctx.begin_unless(register, args.dry_run)?;
    let want = |_: &Id, kind: Kind, b: Option<&str>| kind == Kind::Logbook && b == Some(name);
    let snapshot = store::load_where(register, Need::everything().files(&want));
    if let Some(problem) = snapshot.problems.into_iter().next() {
        return Err(problem.into_error(&register.root).into());
    }
    let existing: Vec<Record> = snapshot.records.into_iter().map(|l| l.record).collect();
    number_entries(&existing, book, ctx.today, &mut read, &mut troubles);
    let mut drafts: Vec<Draft> = read
        .into_iter()
        .map(|d| Draft {
            row: d.row,
            record: Record::Entry(Box::new(d.entry), name.clone()),
            year: d.year,
            legacy_id: d.legacy_id,
            numbered: false,
            notices: Vec::new(),
        })
        .collect();
    let prefix = book.prefix.as_str();
    // Wrong rows first; only rows that read right can repeat others.
    let refused = if troubles.is_empty() {
        drop_repeated(ctx, args, &shown, &existing, &mut drafts, &mut warnings)
    } else {
        troubles.sort_by_key(|t| t.row);
        let rows = BookError::Rows {
            path: args.file.clone(),
            problems: troubles,
        };
        Some(rows.into())
    };
    if let Some(refused) = refused {
        return shown.refuse(
            ctx,
            args,
            &mut tx,
            (prefix, &existing),
            drafts,
            &warnings,
            refused,
        );
    }
    give_ids(&mut tx, prefix, &existing, &mut drafts)?;
    if args.dry_run {
        return shown
            .print(ctx, &drafts, &warnings)
            .map(|()| ExitCode::SUCCESS);
    }
    write_drafts(ctx, tx, args, drafts, name)
}

/// A book that numbers its entries (介绍信): a number the sheet gives must
/// be new (not another entry's, not an earlier row's); rows without one
/// get the next of their year, in the file's order.
fn number_entries(
    existing: &[Record],
    book: &LogbookDef,
    today: jiff::civil::Date,
    drafts: &mut [sheet::BookDraft],
    troubles: &mut Vec<sheet::RowTrouble>,
) {
    let Some(field) = value::serial_field(book) else {
        return;
    };
    let key = field.name.as_str();
    // Each number and who has it: an entry of the register, or a row.
    let mut taken: HashMap<String, Result<String, usize>> = existing
        .iter()
        .filter_map(|r| match r {
            Record::Entry(e, _) => Some((
                e.fields.get(key)?.as_str()?.trim().to_string(),
                Ok(e.id.to_string()),
            )),
            _ => None,
        })
        .collect();
    for draft in drafts.iter() {
        let Some(number) = draft.entry.fields.get(key).and_then(|v| v.as_str()) else {
            continue;
        };
        let number = number.trim().to_string();
        let row = draft.row;
        let problem = match taken.get(&number) {
            Some(Ok(by)) => BookError::NumberTaken {
                field: field.clone().into(),
                number,
                by: by.clone(),
            },
            Some(Err(earlier)) => BookError::NumberTwice {
                field: field.clone().into(),
                number,
                row: *earlier,
            },
            None => {
                taken.insert(number, Err(row));
                continue;
            }
        };
        troubles.push(sheet::RowTrouble {
            row,
            field: field.clone().into(),
            problem: Some(problem),
        });
    }
    for draft in drafts.iter_mut() {
        if draft.entry.fields.contains_key(key) {
            continue;
        }
        let year = value::serial_year(&draft.entry, book, today);
        let next = value::next_serial(year, taken.keys().map(String::as_str));
        taken.insert(next.clone(), Err(draft.row));
        draft.entry.fields.insert(key.into(), next.into());
    }
}

/// Numbers the outgoing documents the sheet gave no 发文字号, in the
/// default series, after the highest number of their year the register
/// has used (`store::numbering`, as `log out` counts) or the sheet uses.
fn give_numbers(register: &Register, today: jiff::civil::Date, drafts: &mut [Draft]) -> Result<()> {
    if drafts.iter().all(|d| d.numbered) {
        return Ok(());
    }
    let series = register.config.series(None).ok_or(CoreError::NoSeries)?;
    let issuer = series.issuer.as_str();
    let mut highest: HashMap<i16, u32> = HashMap::new();
    for draft in drafts.iter().filter(|d| !d.numbered) {
        let year = rows::number_year(draft, today);
        if let std::collections::hash_map::Entry::Vacant(slot) = highest.entry(year) {
            slot.insert(numbering::highest_number(register, issuer, year)?);
        }
    }
    for number in drafts.iter().filter_map(rows::sheet_number) {
        if let Some((i, year, n)) = parse_doc_number(number)
            && i == issuer
            && let Some(top) = highest.get_mut(&year)
        {
            *top = (*top).max(n);
        }
    }
    for draft in drafts.iter_mut().filter(|d| !d.numbered) {
        let year = rows::number_year(draft, today);
        let top = highest.entry(year).or_default();
        *top += 1;
        rows::set_number(&mut draft.record, doc_number(issuer, year, *top));
    }
    Ok(())
}

/// `--map COLUMN=FIELD` read for `target`; a field it does not have is
/// refused with the fields it has.
fn overrides(target: Target, map: &[String]) -> Result<Vec<(String, Mapping)>> {
    let kind = target.kind();
    let mut out = map
        .iter()
        .map(|text| {
            let bad = || Error::BadMap {
                input: text.clone(),
                kind,
                accepted: target.fields().iter().map(|(f, _)| f.key()).collect(),
            };
            let (column, field) = text.split_once('=').ok_or_else(bad)?;
            let mapping = target.field_named(field).ok_or_else(bad)?;
            Ok((column.trim().to_string(), mapping))
        })
        .collect::<Result<Vec<(String, Mapping)>>>()?;
    out.extend(export_headers(target));
    Ok(out)
}

/// The headers `export` gives the fields of `target`, in both languages:
/// an export comes back in whatever language it was written.
fn export_headers(target: Target) -> Vec<(String, Mapping)> {
    let scope = target.kind().keyword();
    [Lang::En, Lang::Zh]
        .into_iter()
        .flat_map(|lang| {
            target.fields().iter().map(move |(field, _)| {
                let header = crate::report::list::header(scope, field.key(), lang);
                (header, Mapping::Field(*field))
            })
        })
        .collect()
}

/// Each notice of the drafts once, with the rows it concerns, in the
/// order first met; a status settled from other cells than the status
/// column's is told with the status it gave (in `lang`), once per status.
fn notices(lang: Lang, drafts: &[Draft]) -> Vec<words::Told> {
    let mut out: Vec<words::Told> = Vec::new();
    for draft in drafts {
        for notice in &draft.notices {
            let status = matches!(notice, rows::Notice::StatusText { .. })
                .then(|| lang.status(&draft.record).to_string());
            match out
                .iter_mut()
                .find(|told| told.notice == *notice && told.status == status)
            {
                Some(told) if told.rows.last() != Some(&draft.row) => told.rows.push(draft.row),
                Some(_) => {}
                None => out.push(words::Told {
                    notice: notice.clone(),
                    status,
                    rows: vec![draft.row],
                }),
            }
        }
    }
    out
}

/// A row naming a record the register does not have (a reply's document,
/// the paper answered, a follow-up's source) would leave a link to
/// nothing: a problem of the row.
fn check_named(
    register: &Register,
    drafts: &[Draft],
    header: &import::Header,
    problems: &mut Vec<RowProblem>,
) {
    let mut known: HashMap<Id, bool> = HashMap::new();
    for draft in drafts {
        for (field, id) in blocks::named(&draft.record) {
            let column = match header.label(field) {
                Some(label) => rows::Column::Header(label.to_string()),
                None => rows::Column::Field(field),
            };
            let found = *known.entry(id.clone()).or_insert_with(|| {
                !matches!(
                    store::load_one(register, &id),
                    Err(CoreError::NotFound { .. })
                )
            });
            if !found {
                problems.push(RowProblem {
                    row: draft.row,
                    column,
                    trouble: Trouble::MissingRecord { id: id.to_string() },
                });
            }
        }
    }
}

/// A paper's reply naming a document the register does not have yet
/// loses that link, told about: the 发文 sheet makes it (`linked_back`).
fn unlink_replies(register: &Register, drafts: &mut [Draft]) {
    let mut exists = |id: &Id| {
        !matches!(
            store::load_one(register, id),
            Err(CoreError::NotFound { .. })
        )
    };
    for draft in drafts {
        if let Some(id) = blocks::unlink_reply(&mut draft.record, &mut exists) {
            let id = id.to_string();
            draft.notices.push(rows::Notice::ReplyLinkedLater { id });
        }
    }
}

/// The records the new ones name, with the links back to them made (a
/// paper's reply document, its follow-ups, a decision's follow-up), so
/// that records brought in kind by kind link both ways as they did.
/// An archived paper is frozen, but the list of its follow-ups is a link,
/// not the archived content: it is thawed for that link alone, or `check`
/// would find the follow-up's source not listing it.
fn linked_back(tx: &mut Change, drafts: &[Draft]) -> Result<Vec<Record>> {
    let mut loaded: Vec<(Record, bool)> = Vec::new();
    for draft in drafts {
        for (_, id) in blocks::named(&draft.record) {
            let at = match loaded.iter().position(|(r, _)| *r.id() == id) {
                Some(at) => at,
                None => match tx.load(&id) {
                    Ok(record) => {
                        loaded.push((record, false));
                        loaded.len() - 1
                    }
                    Err(CoreError::Archive(_)) => {
                        tx.thaw(&id);
                        loaded.push((tx.load(&id)?, false));
                        loaded.len() - 1
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            let (target, changed) = &mut loaded[at];
            *changed |= blocks::link_back(&draft.record, target);
        }
    }
    Ok(loaded
        .into_iter()
        .filter_map(|(record, changed)| changed.then_some(record))
        .collect())
}
