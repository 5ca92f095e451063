//! `taizhang archive ID --retention R`: file one document.

use std::process::ExitCode;

use crate::commands::shared::{commit_message, optional_text, print};
use crate::context::Ctx;
use crate::context::values::keyword;
use crate::error::{CoreError, Result};
use crate::i18n::archive as words;
use crate::i18n::tr;
use taizhang_core::model::archive::{self, ArchiveBlock, ArchiveError, Group};
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::keyword::Retention;
use taizhang_core::store::{self};

/// File one settled document: give it its archive number (档号
/// FONDS-WS·YEAR-RET-ORG-ITEM) and freeze it. Prints the number.
#[derive(Debug, clap::Args)]
pub struct FileArgs {
    #[arg(help = tr("The document (IN-… or OUT-…)", "公文（IN-… 或 OUT-…）"))]
    #[arg(required = true)]
    pub id: Option<String>,
    #[arg(help = tr(
        "How long it is kept: permanent, 30y or 10y (永久, 30年, 10年)",
        "保管期限：permanent、30y 或 10y（永久、30年、10年）",
    ))]
    #[arg(long, value_name = "RETENTION", required = true, value_parser = keyword::<Retention>)]
    pub retention: Option<Retention>,
    #[arg(help = tr(
        "The organisation's code in the number (机构, a unit's code such as BGS)",
        "档号中的机构代码（单位的代码，如 BGS）",
    ))]
    #[arg(long, value_name = "CODE")]
    pub org: Option<String>,
    #[arg(help = tr(
        "Number of pages (页数) [default: the paper's pages]",
        "页数（默认：文件的页数）",
    ))]
    #[arg(long, value_name = "N")]
    pub pages: Option<u32>,
    #[arg(help = tr("A remark for the catalogue (备注)", "目录中的备注"))]
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: FileArgs) -> Result<ExitCode> {
    let register = ctx.register()?;
    let id = ctx.id(args.id.as_deref().unwrap_or_default())?;
    // Optional only so that `archive year …` needs none: clap requires
    // it of `archive ID`.
    let retention = args
        .retention
        .ok_or_else(|| CoreError::internal("archive ID without --retention"))?;
    let note = optional_text(args.note);
    let actor = ctx.actor(&register);
    let mut tx = ctx.begin(&register)?;
    let mut record = store::load_one(&register, &id)?;
    if let Some(block) = archive::block(&record) {
        return Err(CoreError::Archive(ArchiveError::AlreadyArchived {
            id: id.to_string(),
            number: block.number.clone(),
        })
        .into());
    }
    archive::settled(&record).map_err(CoreError::Archive)?;
    let fonds = super::fonds(&register)?;
    let org = args
        .org
        .as_deref()
        .map(|code| archive::resolve_org(&register.config, code))
        .transpose()
        .map_err(CoreError::Archive)?;
    let documents = super::all_documents(&register)?;
    let mut numbering = super::numbering(&register, &documents)?;
    let number = numbering.take(&Group {
        fonds,
        year: archive::document_year(&record),
        retention,
        org,
    });
    let pages = args.pages.or(archive::own_pages(&record));
    let block = ArchiveBlock::new(&number, pages, note, actor.today());
    archive::file(&mut record, block).map_err(CoreError::Archive)?;
    record.push_history(actor.entry(HistoryAction::Archive, Some(number.to_string())));
    tx.save(&record)?;
    tx.save_ledger(&numbering.given())?;
    tx.finish(&commit_message(&register, "archive", &record))?;
    ctx.note(&words::filed(
        ctx.lang(),
        &id.to_string(),
        &number.to_string(),
    ));
    print(&format!("{number}\n"))?;
    Ok(ExitCode::SUCCESS)
}
