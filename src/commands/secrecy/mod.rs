//! `taizhang secrecy …`: classified text at rest (docs/secrecy.md). The
//! `[secrecy] titles` policy itself is a setting (`config set
//! secrecy.titles …`); these commands make and list the keys it needs and
//! rewrite the register's classified records under it, one commit each.

mod keygen;
mod recipients;
mod rekey;
mod scrub;

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::tr;
use taizhang_core::model::secret::TitlePolicy;
use taizhang_core::store::seal::{self, Identity};
use taizhang_core::store::{Change, Register, load_all};

#[derive(Debug, Subcommand)]
#[command(
    about = tr(
        "Classified text at rest: keys, recipients, rewriting under the policy",
        "涉密内容的保存：密钥、接收人，按保存方式重写",
    ),
)]
pub enum SecrecyCommand {
    Keygen(keygen::Args),
    #[command(subcommand)]
    Recipients(recipients::RecipientsCommand),
    Rekey(rekey::Args),
    Scrub(scrub::Args),
}

pub fn run(ctx: &Ctx, command: SecrecyCommand) -> Result<ExitCode> {
    match command {
        SecrecyCommand::Keygen(args) => keygen::run(ctx, args),
        SecrecyCommand::Recipients(cmd) => recipients::run(ctx, cmd),
        SecrecyCommand::Rekey(args) => rekey::run(ctx, args),
        SecrecyCommand::Scrub(args) => scrub::run(ctx, args),
    }
}

/// What rewriting the classified records did: records and fields.
struct Rewritten {
    records: usize,
    fields: usize,
}

/// Saves again, in `tx`, every record that is classified or refers to a
/// classified record or holds sealed text, so that the store writes each
/// under the policy `tx` was given (`Change::reseal`). Archived records
/// are rewritten too: the policy protects them as much as the rest.
fn rewrite_classified(register: &Register, tx: &mut Change) -> Result<Rewritten> {
    let snapshot = load_all(register);
    let classified: Vec<_> = snapshot.classified.iter().map(|(id, _)| id).collect();
    let touches = |record: &taizhang_core::model::record::Record| {
        record.secrecy().is_classified()
            || record.linked_ids().any(|id| classified.contains(&&id))
            || seal::has_sealed(record, &register.config)
    };
    for loaded in snapshot.records.iter().filter(|l| touches(&l.record)) {
        tx.thaw(loaded.record.id());
        tx.save_if_changed(&loaded.record)?;
    }
    let notes = tx.seal_notes();
    Ok(Rewritten {
        records: notes.len(),
        fields: notes
            .iter()
            .map(|n| n.applied.sealed + n.applied.withheld)
            .sum(),
    })
}

/// The identity, where sealed text must be opened to be written again:
/// required when any record holds sealed text (an error names where it
/// was looked for), else whatever is found.
fn identity_for_sealed(ctx: &Ctx, register: &Register) -> Result<Option<Identity>> {
    let any_sealed =
        (load_all(register).records.iter()).any(|l| seal::has_sealed(&l.record, &register.config));
    if any_sealed {
        return ctx.identity(register).map(Some);
    }
    Ok(ctx.identity(register).ok())
}

/// Whether the register seals classified text.
fn encrypted(register: &Register) -> bool {
    register.config.secrecy.policy() == TitlePolicy::Encrypted
}
