//! The rules of outgoing documents: signers, addressees, print dates,
//! the paper they answer and their numbers.

use std::collections::HashMap;

use super::KindChecks;
use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::{KindTies, Ties};
use crate::model::common::imported;
use crate::model::docnum;
use crate::model::id::Id;
use crate::model::keyword::Direction;
use crate::model::kind::Kind;
use crate::model::link::Role;
use crate::model::outgoing::{OutStatus, Outgoing};

/// Checks one outgoing document on its own.
/// Its links are checked with every outgoing document's number at hand
/// (`check_links`).
impl KindChecks for Outgoing {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }
}

fn check(r: &Outgoing, f: &mut Findings) {
    if r.direction == Some(Direction::Upward) && r.signer.is_none() {
        f.entry_rule(imported(&r.history), "signer", Note::UpwardWithoutSigner);
    }
    if r.to.is_empty() {
        f.warning("to", Note::NoAddressee);
    }
    if r.status == OutStatus::Issued && r.printed.is_none() {
        f.warning("printed", Note::IssuedWithoutPrintDate);
    }
}

/// Checks what one outgoing document says about other records.
pub(super) fn links<'a>(
    r: &'a Ties,
    by_id: &ById,
    f: &mut Findings,
    numbers: &mut HashMap<String, &'a Id>,
) {
    if let Some(target) = r.target(Role::InReplyTo) {
        match by_id.get(target) {
            None => f.error(
                "in_reply_to",
                Note::MissingRecord {
                    id: target.to_string(),
                },
            ),
            Some(t) if t.kind != Kind::Incoming => f.error(
                "in_reply_to",
                Note::NotIncoming {
                    id: target.to_string(),
                },
            ),
            _ => {}
        }
    }
    let KindTies::Outgoing { status, number } = &r.own else {
        return;
    };
    // A revoked document keeps its void number on record: the way to
    // settle a number issued twice (`sync`) is to revoke one. Numbers are
    // compared as `docnum` writes them: `[2026]1号` is `〔2026〕01号`.
    if *status != OutStatus::Revoked
        && let Some(first) = numbers.insert(docnum::normalize(number), &r.id)
    {
        f.error(
            "doc_number",
            Note::DuplicateNumber {
                number: number.clone(),
                first: first.to_string(),
            },
        );
    }
}
