//! `taizhang book declare`: add a preset logbook to a register made before
//! it existed, appending its declaration to `taizhang.toml` and keeping
//! every byte already there (comments, order, layout).

use std::collections::BTreeMap;
use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::i18n::tr;
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::logbook::preset;
use taizhang_core::model::logbook::value::BookError;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Declare a preset logbook in taizhang.toml (seal 用印登记, letter 介绍信, visit 来访登记, \
        reception 公务接待登记, duty 值班登记, vehicle 用车登记, items 物品领用, loan 档案借阅)",
        "在 taizhang.toml 中声明一个预置登记簿（seal 用印登记、letter 介绍信、visit 来访登记、\
        reception 公务接待登记、duty 值班登记、vehicle 用车登记、items 物品领用、loan 档案借阅）",
    ),
    long_about = tr(
        "Declare a preset logbook in taizhang.toml (seal 用印登记, letter 介绍信, visit 来访登记, \
        reception 公务接待登记, duty 值班登记, vehicle 用车登记, items 物品领用, loan 档案借阅).\n\n\
        The declaration is appended at the end of the file; what is already there is kept as it \
        is. Edit the appended fields by hand afterwards if the office keeps its book differently.",
        "在 taizhang.toml 中声明一个预置登记簿（seal 用印登记、letter 介绍信、visit 来访登记、\
        reception 公务接待登记、duty 值班登记、vehicle 用车登记、items 物品领用、loan 档案借阅）。\n\n\
        声明追加在文件末尾；文件中原有的内容保持不变。机关的登记簿若有不同，事后手工修改追加的字段\
        即可。",
    ),
)]
pub struct Args {
    #[arg(help = tr("The preset's name", "预置登记簿的名称"))]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let name = args.name.trim();
    let refuse = |e: BookError| Err(Error::from(e));
    let Some(book) = preset(name) else {
        return refuse(BookError::NotAPreset {
            name: name.to_string(),
        });
    };
    if register.config.logbooks.contains_key(name) {
        return refuse(BookError::AlreadyDeclared {
            name: name.to_string(),
        });
    }
    let taken = register.config.all_prefixes();
    if taken.iter().any(|p| p.eq_ignore_ascii_case(&book.prefix)) {
        return refuse(BookError::PrefixTaken {
            name: name.to_string(),
            prefix: book.prefix.clone(),
        });
    }
    let mut tx = ctx.begin(&register)?;
    let mut text = tx.settings_text()?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&declaration(name, &book)?);
    tx.save_settings(&text)?;
    tx.finish(&format!("taizhang: declare logbook {name} {}", book.title))?;
    ctx.note(&ctx.lang().book_declared(name, &book));
    Ok(ExitCode::SUCCESS)
}

/// `[logbooks.NAME]` and its fields as TOML, after a blank line and a
/// comment naming the book.
fn declaration(name: &str, book: &LogbookDef) -> Result<String> {
    #[derive(serde::Serialize)]
    struct Settings<'a> {
        logbooks: BTreeMap<&'a str, &'a LogbookDef>,
    }
    let settings = Settings {
        logbooks: BTreeMap::from([(name, book)]),
    };
    let body = toml::to_string_pretty(&settings).map_err(Error::encode)?;
    let title_en = book.title_en.as_deref().unwrap_or(name);
    Ok(format!(
        "\n# {} ({title_en}), declared by `taizhang book declare {name}`.\n{body}",
        book.title
    ))
}
