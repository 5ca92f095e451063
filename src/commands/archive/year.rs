//! `taizhang archive year Y [--dry-run]`: the year-end batch.

use std::process::ExitCode;

use serde::Serialize;

use crate::context::{Ctx, OutputArgs};
use crate::error::{CoreError, Result};
use crate::i18n::archive::{self as words, Column};
use crate::i18n::tr;
use crate::report::output::Output;
use crate::report::redact::{Secrets, Title};
use crate::report::render::{Table, Tone};
use taizhang_core::model::archive::{self, ArchiveBlock, Skip};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Retention;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "File every settled document of a year not yet archived, in one commit",
        "将某年所有已办毕、尚未归档的公文归档，一次提交",
    ),
    long_about = tr(
        "File every settled document of a year not yet archived, in one commit\n\n\
        The retention comes from the `[archive.retention]` rules of taizhang.toml, by document \
        type (`decision = \"permanent\"`, `notice = \"10y\"` …, and `default`); the organisation \
        from the document's unit code. Items are numbered in date order within each group. \
        Documents that cannot be filed are listed with the reason; the rest are filed.",
        "将某年所有已办毕、尚未归档的公文归档，一次提交\n\n\
        保管期限按 taizhang.toml 中 `[archive.retention]` 的规则，依文种确定（`decision = \
        \"permanent\"`、`notice = \"10y\"` …，以及 `default`）；机构取公文所属单位的代码。每组内按\
        日期先后编件号。无法归档的公文列出原因；其余照常归档。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The year (of receipt for incoming, of signing for outgoing)",
        "年度（收文按收文年份，发文按成文年份）",
    ))]
    pub year: i16,
    #[arg(help = tr(
        "Show what would be filed, and write nothing",
        "显示将归档哪些公文，什么也不写",
    ))]
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Serialize)]
struct Filed {
    id: String,
    number: String,
    retention: Retention,
    title: Title,
}

#[derive(Debug, Serialize)]
struct Passed {
    id: String,
    title: Title,
    /// The reason, in English (stable for scripts).
    reason: String,
    #[serde(skip)]
    skip: Skip,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let fonds = super::fonds(&register)?;
    let rules = register
        .config
        .archive
        .rules()
        .map_err(CoreError::Archive)?;
    let actor = ctx.actor(&register);
    let tx = match args.dry_run {
        true => None,
        false => Some(ctx.begin(&register)?),
    };
    let documents = super::all_documents(&register)?;
    let mut numbering = super::numbering(&register, &documents)?;
    let mut plan = archive::plan_year(
        &documents,
        args.year,
        &fonds,
        &rules,
        &register.config,
        &mut numbering,
    );
    // Listed as the catalogue will list them: by number.
    plan.filed
        .sort_by(|(_, a), (_, b)| archive::by_number(a, b));
    let all: Vec<&Record> = documents.iter().collect();
    let secrets = Secrets::new(&all, args.output.secrecy.reveal());
    let mut filed = Vec::new();
    let mut changed = Vec::new();
    for (record, number) in &plan.filed {
        let mut copy = (*record).clone();
        let block = ArchiveBlock::new(number, archive::own_pages(record), None, actor.today());
        archive::file(&mut copy, block).map_err(CoreError::Archive)?;
        copy.push_history(actor.entry(HistoryAction::Archive, Some(number.to_string())));
        filed.push(Filed {
            id: record.id().to_string(),
            number: number.to_string(),
            retention: number.retention,
            title: secrets.title(record),
        });
        changed.push(copy);
    }
    if let Some(mut tx) = tx {
        for record in &changed {
            tx.save(record)?;
        }
        if !changed.is_empty() {
            tx.save_ledger(&numbering.given())?;
        }
        let count = changed.len();
        tx.finish(&format!("taizhang: archive year {} ({count})", args.year))?;
    }
    let passed: Vec<Passed> = plan
        .passed
        .into_iter()
        .map(|(record, skip)| Passed {
            id: record.id().to_string(),
            title: secrets.title(record),
            reason: words::skip_reason(crate::i18n::Lang::En, &skip),
            skip,
        })
        .collect();
    let lang = ctx.lang();
    ctx.note(&words::year_summary(
        lang,
        args.year,
        filed.len(),
        passed.len(),
        args.dry_run,
    ));
    let mut done = Table::new(
        [Column::Number, Column::Id, Column::Title, Column::Retention]
            .iter()
            .map(|c| c.word(lang).to_string())
            .collect(),
    );
    for f in &filed {
        done.push(cells([
            f.number.clone(),
            f.id.clone(),
            f.title.words(lang),
            lang.keyword(f.retention).to_string(),
        ]));
    }
    let mut skipped = Table::new(
        [Column::Id, Column::Title, Column::Reason]
            .iter()
            .map(|c| c.word(lang).to_string())
            .collect(),
    );
    for p in &passed {
        skipped.push(cells([
            p.id.clone(),
            p.title.words(lang),
            words::skip_reason(lang, &p.skip),
        ]));
    }
    let terminal = |screen| {
        let mut out = String::new();
        if !filed.is_empty() {
            out.push_str(&done.to_terminal(screen));
        }
        if !passed.is_empty() {
            out.push_str(&format!(
                "{}\n{}",
                words::not_archived(lang),
                skipped.to_terminal(screen)
            ));
        }
        out
    };
    let markdown = || {
        let mut out = done.to_markdown();
        if !passed.is_empty() {
            out.push_str(&format!(
                "\n{}\n\n{}",
                words::not_archived(lang),
                skipped.to_markdown()
            ));
        }
        out
    };
    let json = serde_json::json!({
        "year": args.year,
        "dry_run": args.dry_run,
        "archived": filed,
        "not_archived": passed,
    });
    // CSV is the one table of what was filed, for a spreadsheet.
    ctx.emit(
        Output::new()
            .terminal(terminal)
            .markdown(markdown)
            .csv(args.output.csv.bom, || &done)
            .json(json),
    )
}

fn cells<const N: usize>(texts: [String; N]) -> Vec<(String, Tone)> {
    texts.into_iter().map(|t| (t, Tone::Plain)).collect()
}
