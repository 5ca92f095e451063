//! `taizhang book show`: one logbook entry, as `taizhang show ID` shows
//! it (the dispatcher runs `show`).

use crate::i18n::tr;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Show one logbook entry: every declared field with its label, then any other keys, then the \
        history",
        "显示一条登记：先是各声明字段及其名称，再是其他键，最后是办理经过",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The entry (SEAL-2026-0001, or SEAL-1 for this year's)",
        "登记（SEAL-2026-0001，本年的可写 SEAL-1）",
    ))]
    pub id: String,
    #[command(flatten)]
    pub secrecy: crate::context::SecrecyArgs,
}
