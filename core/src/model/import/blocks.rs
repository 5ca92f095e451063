//! The parts of a record a row gives besides plain cells: its archive
//! number (档号), a reply, the records it names, leaders' remarks and a
//! follow-up's extensions, each read from its cell (`lines` gives the
//! cell forms `export` writes).

use jiff::civil::Date;

use super::Field;
use super::lines;
use super::rows::{Reader, Trouble};
use crate::model::archive::{ArchiveBlock, ArchiveNumber, Mismatch};
use crate::model::breakdown::Milestone;
use crate::model::common::Remark;
use crate::model::followup::Extension;
use crate::model::id::{Id, RecordRef};
use crate::model::incoming::Reply;
use crate::model::record::Record;
use crate::model::repeat::Every;
use crate::model::validate::{ArchiveNote, Note};

impl Reader<'_, '_> {
    /// The 档号 the row gives, if any.
    pub(crate) fn archive_number(&self) -> Option<String> {
        self.text(Field::Archive)
    }

    /// The archive block of a document the row calls archived: read from
    /// its 档号 (retention, organisation and item are parts of it); a
    /// number that cannot be read is a problem of the row. The day it was
    /// filed is the 归档日期 column's, if the sheet has one.
    pub(crate) fn archive_block(
        &mut self,
        number: Option<String>,
        pages: Option<u32>,
    ) -> Option<ArchiveBlock> {
        let number = number?;
        match ArchiveNumber::parse(&number) {
            Some(parsed) => {
                let mut block = ArchiveBlock::new(&parsed, pages, None, self.setting.today);
                block.archived = self.date(Field::Archived);
                Some(block)
            }
            None => {
                let note = Note::Archive(ArchiveNote::Mismatch {
                    number,
                    mismatch: Mismatch::Unreadable,
                });
                self.problem(Field::Archive, Trouble::Check(note));
                None
            }
        }
    }

    /// The reply of a paper: the reply cell as `export` writes it
    /// (`2026-11-23 document OUT-2026-0009`); a paper the sheet calls
    /// replied without one was answered on `on` by a way not recorded.
    pub(crate) fn reply(&mut self, replied: bool, on: Option<Date>) -> Option<Reply> {
        if !replied {
            return None;
        }
        let cell = self.text(Field::Reply);
        if let Some(reply) = cell.as_deref().and_then(lines::read_reply) {
            return Some(reply);
        }
        Some(Reply {
            on: on?,
            via: cell.unwrap_or_else(|| "other".to_string()),
            reference: None,
        })
    }

    /// The ID a cell names (`IN-2026-0006`); text that is none is a
    /// problem of the row.
    pub(crate) fn record_id(&mut self, field: Field) -> Option<Id> {
        self.record_ref(field).map(|r| r.id)
    }

    /// A record (or a meeting's decision, `MT-2026-0003#2`) a cell names.
    pub(crate) fn record_ref(&mut self, field: Field) -> Option<RecordRef> {
        let text = self.text(field)?;
        let found = RecordRef::parse(&text, self.setting.today.year());
        if found.is_none() {
            self.problem(field, Trouble::NotAnId { input: text });
        }
        found
    }

    /// Leaders' remarks as `export` writes them, one a line; text typed
    /// otherwise is one remark by nobody named, dated today.
    pub(crate) fn remarks(&mut self, field: Field) -> Option<Vec<Remark>> {
        let text = self.text(field)?;
        Some(lines::read_remarks(&text).unwrap_or_else(|| {
            vec![Remark {
                by: String::new(),
                on: self.setting.today,
                text,
            }]
        }))
    }

    /// A follow-up's milestones: the cell as `export` writes it.
    pub(crate) fn milestones(&mut self) -> Vec<Milestone> {
        let Some(text) = self.text(Field::Milestones) else {
            return Vec::new();
        };
        lines::read_milestones(&text).unwrap_or_else(|| {
            self.problem(Field::Milestones, Trouble::BadMilestones { input: text });
            Vec::new()
        })
    }

    /// A follow-up's repeat rule (重复周期): as `export` writes it
    /// (`month:5`) or as `--every` takes it, its day given by `due` when
    /// the cell has none.
    pub(crate) fn every(&mut self, due: Date) -> Option<Every> {
        let text = self.text(Field::Every)?;
        match crate::model::repeat::Given::parse(&text) {
            Ok(given) => Some(given.anchored(due)),
            Err(_) => {
                self.problem(Field::Every, Trouble::BadEvery { input: text });
                None
            }
        }
    }

    /// A follow-up's extensions: the extensions cell as `export` writes
    /// it, else one extension to the 延期后时限 when that is after `due`.
    pub(crate) fn extensions(&mut self, due: Date) -> Vec<Extension> {
        if let Some(text) = self.text(Field::Extensions) {
            match lines::read_extensions(&text) {
                Some(list) => return list,
                None => self.problem(Field::Extensions, Trouble::BadExtensions { input: text }),
            }
        }
        match self.date(Field::EffectiveDue) {
            // The sheet says neither why nor when it was granted: no
            // reason, and granted by the old due date at the latest.
            Some(to) if to > due => vec![Extension {
                from: due,
                to,
                reason: String::new(),
                approved_by: None,
                on: self.setting.today.min(due),
            }],
            _ => Vec::new(),
        }
    }
}

/// The records a drafted record names (the paper an outgoing document
/// answers, a follow-up's source), with the field that names each: the
/// import refuses a row naming one the register lacks. (A paper's reply
/// may name a document still to come: `unlink_reply`.)
pub fn named(record: &Record) -> Vec<(Field, Id)> {
    match record {
        Record::Outgoing(r) => r
            .in_reply_to
            .iter()
            .map(|id| (Field::InReplyTo, id.clone()))
            .collect(),
        Record::Followup(r) => r
            .source_ref
            .iter()
            .map(|s| (Field::SourceRef, s.id.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Takes from a drafted paper the ID of its reply's document, when
/// `exists` says the register does not have it: papers come in before
/// the documents answering them, and the 发文 sheet's 答复来文 links the
/// two (`link_back`). Returns the ID taken.
pub fn unlink_reply(record: &mut Record, exists: &mut dyn FnMut(&Id) -> bool) -> Option<Id> {
    let Record::Incoming(paper) = record else {
        return None;
    };
    let reply = paper.reply.as_mut()?;
    let id = reply.reference.clone()?;
    if exists(&id) {
        return None;
    }
    reply.reference = None;
    Some(id)
}

/// The link back a new record makes on `target`, the record it names:
/// an outgoing document answering a paper becomes the paper's reply
/// document (if its reply names none), a follow-up one of its source
/// paper's follow-ups or its meeting decision's. `true` if `target`
/// changed.
pub fn link_back(new: &Record, target: &mut Record) -> bool {
    match (new, target) {
        (Record::Outgoing(doc), Record::Incoming(paper))
            if doc.in_reply_to.as_ref() == Some(&paper.id) =>
        {
            match paper.reply.as_mut() {
                Some(reply) if reply.reference.is_none() => {
                    reply.reference = Some(doc.id.clone());
                    true
                }
                _ => false,
            }
        }
        (Record::Followup(fu), Record::Incoming(paper)) => {
            let named = fu.source_ref.as_ref().is_some_and(|s| s.id == paper.id);
            if named && !paper.followups.contains(&fu.id) {
                paper.followups.push(fu.id.clone());
                true
            } else {
                false
            }
        }
        (Record::Followup(fu), Record::Meeting(meeting)) => {
            let Some(source) = fu.source_ref.as_ref().filter(|s| s.id == meeting.id) else {
                return false;
            };
            match source.item.and_then(|n| meeting.decision_mut(n)) {
                Some(decision) if decision.followup.is_none() => {
                    decision.followup = Some(fu.id.clone());
                    true
                }
                _ => false,
            }
        }
        _ => false,
    }
}
