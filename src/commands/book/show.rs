//! `taizhang book show`: one logbook entry, as `taizhang show ID` shows
//! it (the dispatcher runs `show`).

/// Show one logbook entry: every declared field with its label, then any
/// other keys, then the history.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entry (SEAL-2026-0001, or SEAL-1 for this year's)
    pub id: String,
    #[command(flatten)]
    pub secrecy: crate::context::SecrecyArgs,
}
