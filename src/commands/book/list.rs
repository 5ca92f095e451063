//! `taizhang book list`: the entries of one logbook, as `taizhang list
//! NAME` lists them (the dispatcher runs `list` with these filters).

use crate::context::values::{self, DateExpr, Given};

/// List the entries of a logbook: columns are its declared fields, headed
/// by their labels in the reader's language (the same as `list NAME`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The logbook (seal, visit …)
    pub name: String,
    /// Filed on or after this date (the entry's date)
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub since: Option<Given<DateExpr>>,
    /// Filed on or before this date
    #[arg(long, value_name = "DATE", value_parser = values::date(), allow_hyphen_values = true)]
    pub until: Option<Given<DateExpr>>,
    /// Only entries that are out: taken out and not yet back (a book with
    /// an open loop, such as seal or vehicle)
    #[arg(long)]
    pub open: bool,
    /// Only entries with a field containing TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: crate::context::OutputArgs,
}
