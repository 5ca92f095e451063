//! `taizhang book list`: the entries of one logbook, as `taizhang list
//! NAME` lists them (the dispatcher runs `list` with these filters).

use crate::context::values::{self, DateExpr, Given};
use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "List the entries of a logbook: columns are its declared fields, headed by their labels in \
        the reader's language (the same as `list NAME`)",
        "列出登记簿的登记：各列为其声明的字段，表头按读者的语言显示字段名称（与 `list 登记簿名称` \
        相同）",
    ),
)]
pub struct Args {
    #[arg(help = tr("The logbook (seal, visit …)", "登记簿（seal、visit …）"))]
    pub name: String,
    #[arg(help = tr(
        "Filed on or after this date (the entry's date)",
        "登记日期不早于此日（登记的日期）",
    ))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub since: Option<Given<DateExpr>>,
    #[arg(help = tr("Filed on or before this date", "登记日期不晚于此日"))]
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub until: Option<Given<DateExpr>>,
    #[arg(help = tr(
        "Only entries that are out: taken out and not yet back (a book with an open loop, such as \
        seal or vehicle)",
        "只列借出未还的登记（有借还规定的登记簿，如 seal 或 vehicle）",
    ))]
    #[arg(long)]
    pub open: bool,
    #[arg(help = tr("Only entries with a field containing TEXT", "只列有字段含有 TEXT 的登记"))]
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: crate::context::OutputArgs,
}
