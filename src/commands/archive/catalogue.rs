//! `taizhang archive catalogue --year Y`: the archive catalogue (归档文件目录).

use std::process::ExitCode;

use crate::context::values::keyword;
use crate::context::{Ctx, OutputArgs};
use crate::error::{CoreError, Result};
use crate::i18n::archive as words;
use crate::i18n::tr;
use crate::report::catalogue;
use crate::report::output::Output;
use crate::report::redact::Secrets;
use taizhang_core::model::archive;
use taizhang_core::model::keyword::Retention;
use taizhang_core::model::record::Record;

#[derive(Debug, clap::Args)]
#[command(
    about = tr("Print the archive catalogue (归档文件目录) of a year", "打印某年的归档文件目录"),
    long_about = tr(
        "Print the archive catalogue (归档文件目录) of a year\n\n\
        序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注, sorted by archive number. Titles \
        of classified documents are withheld unless --show-classified.",
        "打印某年的归档文件目录\n\n\
        序号、档号、文号、责任者、题名、日期、密级、页数、备注，按档号排序。涉密公文的标题不显示，\
        除非给了 --show-classified。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The year of the archive numbers", "档号的年度"))]
    #[arg(long, value_name = "YEAR")]
    pub year: i16,
    #[arg(help = tr(
        "Only this retention: permanent, 30y or 10y (永久, 30年, 10年)",
        "只列此保管期限：permanent、30y 或 10y（永久、30年、10年）",
    ))]
    #[arg(long, value_name = "RETENTION", value_parser = keyword::<Retention>)]
    pub retention: Option<Retention>,
    #[arg(help = tr(
        "Only this organisation's code (a unit's code such as BGS)",
        "只列此机构代码（单位的代码，如 BGS）",
    ))]
    #[arg(long, value_name = "CODE")]
    pub org: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let retention = args.retention;
    let org = args
        .org
        .as_deref()
        .map(|code| archive::resolve_org(&register.config, code))
        .transpose()
        .map_err(CoreError::Archive)?;
    let snapshot = super::readable_documents(ctx, &register);
    let all: Vec<&Record> = snapshot.records.iter().map(|l| &l.record).collect();
    let selected: Vec<&Record> = all
        .iter()
        .copied()
        .filter(|r| {
            archive::block(r).and_then(|b| b.parsed()).is_some_and(|n| {
                n.year == args.year
                    && retention.is_none_or(|want| n.retention == want)
                    && org.as_ref().is_none_or(|want| n.org.as_ref() == Some(want))
            })
        })
        .collect();
    let secrets = Secrets::from_levels(&snapshot.classified, args.output.secrecy.reveal());
    let rows = catalogue::rows(&selected, &register.config, &secrets);
    let lang = ctx.lang();
    let table = catalogue::table(&rows, lang);
    let title = words::catalogue_title(lang, &register.config.unit, args.year);
    let nothing = rows.is_empty().then(|| words::nothing(lang));
    ctx.emit(
        Output::new()
            .terminal(|screen| format!("{title}\n\n{}", table.to_terminal(screen)))
            .empty(nothing)
            .markdown(|| format!("## {title}\n\n{}", table.to_markdown()))
            .csv(args.output.csv.bom, || &table)
            .json(&rows),
    )
}
