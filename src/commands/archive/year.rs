//! `taizhang archive year Y [--dry-run]`: the year-end batch.

use std::process::ExitCode;

use serde::Serialize;

use crate::commands::shared::{print, with_bom};
use crate::context::{Ctx, Format};
use crate::error::{Error, Result};
use crate::i18n::archive::{self as words, Column};
use crate::model::archive::{self, ArchiveBlock, ArchiveNumber, Group, Numbering, Skip};
use crate::model::common::HistoryAction;
use crate::model::keyword::{Keyword, Retention};
use crate::model::record::Record;
use crate::report::redact::{Secrets, Title};
use crate::report::render::{Table, Tone};
use crate::store::Change;

/// File every settled document of a year not yet archived, in one commit.
///
/// The retention comes from the `[archive.retention]` rules of
/// taizhang.toml, by document type (`decision = "permanent"`, `notice =
/// "10y"` …, and `default`); the organisation from the document's unit
/// code. Items are numbered in date order within each group. Documents
/// that cannot be filed are listed with the reason; the rest are filed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year (of receipt for incoming, of signing for outgoing)
    pub year: i16,
    /// Show what would be filed, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print titles of classified documents
    #[arg(long)]
    pub show_classified: bool,
    /// Start CSV output with a UTF-8 byte order mark
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Serialize)]
struct Filed {
    id: String,
    number: String,
    #[serde(serialize_with = "retention")]
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

fn retention<S: serde::Serializer>(
    value: &Retention,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(value.keyword())
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let fonds = super::fonds(&register)?;
    let rules = register.config.archive.rules().map_err(Error::Archive)?;
    let actor = ctx.actor(&register);
    let mut tx = match args.dry_run {
        true => None,
        false => Some(Change::begin(&register, !ctx.args.no_commit)?),
    };
    let documents = super::all_documents(&register)?;
    let mut numbering = Numbering::new(documents.iter());
    let mut candidates: Vec<&Record> = documents
        .iter()
        .filter(|r| archive::document_year(r) == args.year)
        .filter(|r| archive::block(r).is_none() && r.status() != "archived")
        .collect();
    candidates.sort_by(|a, b| (a.date(), a.id()).cmp(&(b.date(), b.id())));
    let all: Vec<&Record> = documents.iter().collect();
    let secrets = Secrets::new(&all, args.show_classified);
    let mut filed = Vec::new();
    let mut passed = Vec::new();
    let mut changed = Vec::new();
    for record in candidates {
        let doc_type = match record {
            Record::Incoming(r) => r.doc_type,
            Record::Outgoing(r) => r.doc_type,
            _ => None,
        };
        let skip = match archive::settled(record) {
            Err(archive::ArchiveError::NotSettled { status, .. }) => Some(Skip::NotSettled(status)),
            Err(_) => continue,
            Ok(()) => None,
        };
        let rule = doc_type
            .and_then(|t| rules.by_type.get(&t).copied())
            .or(rules.default);
        let (retention, skip) = match (skip, rule) {
            (Some(skip), _) => (None, Some(skip)),
            (None, None) => (None, Some(Skip::NoRule(doc_type))),
            (None, Some(retention)) => (Some(retention), None),
        };
        let (Some(retention), None) = (retention, &skip) else {
            passed.push((record, skip.unwrap_or(Skip::NoRule(doc_type))));
            continue;
        };
        let number = numbering.take(&Group {
            fonds: fonds.clone(),
            year: args.year,
            retention,
            org: archive::default_org(record, &register.config),
        });
        let mut copy = record.clone();
        let pages = match record {
            Record::Incoming(r) => r.pages,
            _ => None,
        };
        archive::file(
            &mut copy,
            ArchiveBlock::new(&number, pages, None, actor.today()),
        )
        .map_err(Error::Archive)?;
        copy.push_history(actor.entry(HistoryAction::Archive, Some(number.to_string())));
        filed.push(Filed {
            id: record.id().to_string(),
            number: number.to_string(),
            retention,
            title: secrets.title(record),
        });
        changed.push(copy);
    }
    if let Some(tx) = tx.as_mut() {
        for record in &changed {
            tx.save(record)?;
        }
    }
    if let Some(tx) = tx {
        let count = changed.len();
        tx.finish(&format!("taizhang: archive year {} ({count})", args.year))?;
    }
    // Listed as the catalogue will list them: by number.
    filed.sort_by(|a, b| {
        match (
            ArchiveNumber::parse(&a.number),
            ArchiveNumber::parse(&b.number),
        ) {
            (Some(x), Some(y)) => archive::by_number(&x, &y),
            _ => a.number.cmp(&b.number),
        }
    });
    let passed: Vec<Passed> = passed
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
            lang.title(&f.title),
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
            lang.title(&p.title),
            words::skip_reason(lang, &p.skip),
        ]));
    }
    let text = match ctx.format() {
        Format::Json => {
            let value = serde_json::json!({
                "year": args.year,
                "dry_run": args.dry_run,
                "archived": filed,
                "not_archived": passed,
            });
            serde_json::to_string_pretty(&value).map_err(Error::encode)? + "\n"
        }
        Format::Csv => with_bom(done.to_csv().map_err(Error::encode)?, args.bom),
        Format::Markdown => {
            let mut out = done.to_markdown();
            if !passed.is_empty() {
                out.push_str(&format!(
                    "\n{}\n\n{}",
                    words::not_archived(lang),
                    skipped.to_markdown()
                ));
            }
            out
        }
        Format::Table => {
            let mut out = String::new();
            if !filed.is_empty() {
                out.push_str(&done.to_terminal(ctx.color()));
            }
            if !passed.is_empty() {
                out.push_str(&format!(
                    "{}\n{}",
                    words::not_archived(lang),
                    skipped.to_terminal(ctx.color())
                ));
            }
            out
        }
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn cells<const N: usize>(texts: [String; N]) -> Vec<(String, Tone)> {
    texts.into_iter().map(|t| (t, Tone::Plain)).collect()
}
