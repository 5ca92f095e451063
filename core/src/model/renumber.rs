//! Renumbering: a record takes a new ID, and every reference to the old
//! one follows (`sync` settling an ID another clerk took first).
//!
//! Pure: the caller decides the new numbers and writes the files.

use std::collections::HashMap;

use crate::model::id::{Id, RecordRef};
use crate::model::record::{KindRules, Record, each};

/// Old ID → new ID, applied all at once (never one after the other, so
/// a chain such as 14 → 15, 15 → 16 cannot fold two records into one).
pub type Renumbering = HashMap<Id, Id>;

/// A renumbering as each kind applies it to the references it holds
/// (`KindRules::renumber_references`): every method says whether it
/// changed anything.
pub struct Swap<'a>(&'a Renumbering);

impl Swap<'_> {
    pub fn id(&self, id: &mut Id) -> bool {
        match self.0.get(id) {
            Some(new) => {
                *id = new.clone();
                true
            }
            None => false,
        }
    }

    pub fn all(&self, ids: &mut [Id]) -> bool {
        ids.iter_mut()
            .fold(false, |changed, id| self.id(id) | changed)
    }

    pub fn reference(&self, reference: &mut Option<RecordRef>) -> bool {
        reference.as_mut().is_some_and(|r| self.id(&mut r.id))
    }

    pub fn opt(&self, id: &mut Option<Id>) -> bool {
        id.as_mut().is_some_and(|id| self.id(id))
    }

    /// A text that is exactly an ID (a history note, a logbook `ref`
    /// field, meeting minutes naming their 纪要).
    pub fn text(&self, text: &mut String) -> bool {
        match Id::parse(text)
            .filter(|id| id.is_written_as(text))
            .and_then(|id| self.0.get(&id))
        {
            Some(new) => {
                *text = new.to_string();
                true
            }
            None => false,
        }
    }

    /// An attachment path `attachments/<ID>/name`.
    pub fn path(&self, path: &mut String) -> bool {
        let Some((id, rest)) = path
            .strip_prefix("attachments/")
            .and_then(|p| p.split_once('/'))
        else {
            return false;
        };
        let mut id_text = id.to_string();
        if !self.text(&mut id_text) {
            return false;
        }
        *path = format!("attachments/{id_text}/{rest}");
        true
    }
}

impl Record {
    /// Applies `map` to the record's own ID and every reference it holds:
    /// `source_ref` (also `MT-…#n`), `followups`, `reply.ref`,
    /// `in_reply_to`, decisions' follow-ups, minutes naming an OUT, a
    /// logbook field holding an ID, attachment paths (each kind's own,
    /// `KindRules::renumber_references`), and history notes that are
    /// exactly an ID. Returns whether anything changed.
    pub fn renumber(&mut self, map: &Renumbering) -> bool {
        if map.is_empty() {
            return false;
        }
        let swap = Swap(map);
        let mut changed = each!(self, r => swap.id(&mut r.id) | r.renumber_references(&swap));
        for entry in self.history_mut() {
            if let Some(note) = entry.note.as_mut() {
                changed |= swap.text(note);
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    fn map(pairs: &[(&str, &str)]) -> Renumbering {
        pairs
            .iter()
            .map(|(a, b)| (Id::parse(a).unwrap(), Id::parse(b).unwrap()))
            .collect()
    }

    #[test]
    fn every_reference_follows_the_new_number() {
        let text = "id: FU-2026-0003\ntitle: 落实\nstatus: open\nsource_ref: MT-2026-0001#2\n\
                    lead: 办公室\nassigned: 2026-11-20\ndue: 2026-11-30\n\
                    created: 2026-11-20T09:00:00+08:00\nhistory:\n\
                    - {at: 2026-11-20T09:00:00+08:00, by: 王芳, action: assign, note: MT-2026-0001}\n\
                    - {at: 2026-11-20T09:00:00+08:00, by: 王芳, action: note, note: 见MT-2026-0001}\n";
        let mut record = Record::from_yaml(text, Kind::Followup, None).unwrap();
        let changed = record.renumber(&map(&[
            ("MT-2026-0001", "MT-2026-0007"),
            ("FU-2026-0003", "FU-2026-0004"),
        ]));
        assert!(changed);
        let Record::Followup(fu) = &record else {
            panic!()
        };
        assert_eq!(fu.id.to_string(), "FU-2026-0004");
        assert_eq!(
            fu.source_ref.as_ref().unwrap().to_string(),
            "MT-2026-0007#2"
        );
        assert_eq!(fu.history[0].note.as_deref(), Some("MT-2026-0007"));
        // Only notes that are exactly an ID: prose is the clerk's.
        assert_eq!(fu.history[1].note.as_deref(), Some("见MT-2026-0001"));
    }

    #[test]
    fn papers_attachments_and_replies_follow() {
        let text = "id: IN-2026-0014\ntitle: 通知\nstatus: replied\nsender: 省厅\n\
                    received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n\
                    followups: [FU-2026-0001, FU-2026-0002]\n\
                    reply: {on: 2026-11-21, via: document, ref: OUT-2026-0005}\n\
                    attachments: [{path: attachments/IN-2026-0014/a.pdf, sha256: x, name: a.pdf}]\n";
        let mut record = Record::from_yaml(text, Kind::Incoming, None).unwrap();
        assert!(!record.renumber(&map(&[("IN-2026-0001", "IN-2026-0002")])));
        assert!(record.renumber(&map(&[
            ("IN-2026-0014", "IN-2026-0015"),
            ("FU-2026-0002", "FU-2026-0003"),
            ("OUT-2026-0005", "OUT-2026-0006"),
        ])));
        let Record::Incoming(r) = &record else {
            panic!()
        };
        assert_eq!(r.id.to_string(), "IN-2026-0015");
        assert_eq!(r.followups[1].to_string(), "FU-2026-0003");
        let reply = r.reply.as_ref().unwrap().reference.as_ref().unwrap();
        assert_eq!(reply.to_string(), "OUT-2026-0006");
        assert_eq!(r.attachments[0].path, "attachments/IN-2026-0015/a.pdf");
    }

    #[test]
    fn a_chain_of_numbers_is_applied_at_once() {
        let text = "id: IN-2026-0014\ntitle: 通知\nstatus: registered\nsender: 省厅\n\
                    received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n";
        let mut record = Record::from_yaml(text, Kind::Incoming, None).unwrap();
        record.renumber(&map(&[
            ("IN-2026-0014", "IN-2026-0015"),
            ("IN-2026-0015", "IN-2026-0016"),
        ]));
        assert_eq!(record.id().to_string(), "IN-2026-0015");
    }
}
