//! Pieces every record kind shares: history entries, dated notes, the
//! `{by, on, text}` shape of proposals and instructions.

use serde::{Deserialize, Serialize};

use crate::model::date::Moment;
use jiff::civil::Date;

/// One line of a record's `history`: appended by every change, never rewritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Moment,
    pub by: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `{by, on, text}`: a proposal (拟办), an instruction (批示), a progress note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remark {
    pub by: String,
    pub on: Date,
    pub text: String,
}

/// Fields the tool does not know, kept as they were: a clerk's hand-added
/// keys survive a rewrite (docs/register-format.md).
pub type Extra = serde_yaml::Mapping;

/// Who acts and when: passed to every change so history is complete.
#[derive(Debug, Clone)]
pub struct Actor {
    pub by: String,
    pub at: Moment,
}

impl Actor {
    pub fn today(&self) -> Date {
        self.at.date()
    }

    pub fn entry(&self, action: HistoryAction, note: Option<String>) -> HistoryEntry {
        HistoryEntry {
            at: self.at,
            by: self.by.clone(),
            action: action.keyword().to_string(),
            note,
        }
    }
}

/// Whether a record came in by `import`: its first history entry says
/// so. Such a record is history, written before this register kept it:
/// the rules that guard a new entry (an urgent paper's deadline, an
/// upward document's signer) are warnings on it, not errors.
pub fn imported(history: &[HistoryEntry]) -> bool {
    history
        .first()
        .is_some_and(|h| h.action == HistoryAction::Import.keyword())
}

/// What a history entry records, stored as its keyword. The entry keeps
/// the text it was read with (a hand edit or a newer version may write an
/// action this one does not know); `parse` tells the known ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryAction {
    Log,
    Propose,
    Instruct,
    Route,
    Back,
    Assign,
    Followup,
    Done,
    Reply,
    /// On an outgoing document: it answers the incoming one in the note.
    ReplyTo,
    Return,
    Issue,
    Revoke,
    Held,
    Cancel,
    Minutes,
    Decide,
    Progress,
    Verify,
    Extend,
    Chase,
    /// A chase made by `remind --record`; the note is the chase level.
    Remind,
    Reopen,
    /// Brought in from a spreadsheet; the note is `FILE:ROW`.
    Import,
    /// `sync` gave the record (or its 发文字号) a new number; the note is
    /// `old → new`.
    Renumber,
    /// Made by `book roster`; with a note (`leader: A → B`), rewritten by
    /// `book roster --replace`.
    Roster,
    /// A logbook entry written (`book add`).
    Add,
    /// Fields of a logbook entry changed (`book set`); the note is
    /// `field: old → new; …`.
    Set,
    /// Filed (`archive`); the note is the archive number.
    Archive,
    /// Taken out of the archive (`archive undo`); the note is the number
    /// and the reason.
    ArchiveUndo,
    /// `edit` corrected fields; the note is `field: old → new; …`.
    Edit,
    /// A rule revised: on the old one, the note is the new rule's ID; on
    /// the new one, the old rule's.
    Revise,
    /// A rule repealed (废止); the note is the reason.
    Repeal,
    /// A rule reviewed (清理评估); the note is the outcome and any remark.
    Review,
    /// The unit it names was renamed (`unit rename`); the note is
    /// `field: old → new; …`, as `edit` writes it.
    UnitRename,
    /// What a person held passed to another when they left (`person
    /// leave`); the note is `field: old → new`, as `edit` writes it.
    Handover,
    /// A level lowered or removed (`doc declassify`, 解密/降密); the note
    /// is `old → new, APPROVER: REASON`, the levels as stored keywords.
    Declassify,
    /// A draft reviewed (核稿, `doc review`); the note is the remark.
    DraftReview,
    /// A unit countersigned a draft (会签); the note is `UNIT` or
    /// `UNIT: remark`.
    Countersign,
    /// A draft signed (签发, `doc sign`); the note is the signer.
    Sign,
    /// On a paper: its reply document was revoked and the reply undone;
    /// the note is the document's ID.
    ReplyRevoked,
    /// A milestone (节点) added to a follow-up; the note is `DATE TEXT`.
    MilestoneAdd,
    /// A milestone done; the note is `N: TEXT`.
    MilestoneDone,
    /// A part closed with its matter (`done --with-parts`); the note is
    /// the matter's ID.
    DoneWithMatter,
}

impl HistoryAction {
    const ALL: [HistoryAction; 44] = [
        HistoryAction::Log,
        HistoryAction::Propose,
        HistoryAction::Instruct,
        HistoryAction::Route,
        HistoryAction::Back,
        HistoryAction::Assign,
        HistoryAction::Followup,
        HistoryAction::Done,
        HistoryAction::Reply,
        HistoryAction::ReplyTo,
        HistoryAction::Return,
        HistoryAction::Issue,
        HistoryAction::Revoke,
        HistoryAction::Held,
        HistoryAction::Cancel,
        HistoryAction::Minutes,
        HistoryAction::Decide,
        HistoryAction::Progress,
        HistoryAction::Verify,
        HistoryAction::Extend,
        HistoryAction::Chase,
        HistoryAction::Remind,
        HistoryAction::Reopen,
        HistoryAction::Import,
        HistoryAction::Renumber,
        HistoryAction::Roster,
        HistoryAction::Add,
        HistoryAction::Set,
        HistoryAction::Archive,
        HistoryAction::ArchiveUndo,
        HistoryAction::Edit,
        HistoryAction::Revise,
        HistoryAction::Repeal,
        HistoryAction::Review,
        HistoryAction::UnitRename,
        HistoryAction::Handover,
        HistoryAction::Declassify,
        HistoryAction::DraftReview,
        HistoryAction::Countersign,
        HistoryAction::Sign,
        HistoryAction::ReplyRevoked,
        HistoryAction::MilestoneAdd,
        HistoryAction::MilestoneDone,
        HistoryAction::DoneWithMatter,
    ];

    /// The stored keyword (also the word of the commit message).
    pub fn keyword(self) -> &'static str {
        match self {
            HistoryAction::Log => "log",
            HistoryAction::Propose => "propose",
            HistoryAction::Instruct => "instruct",
            HistoryAction::Route => "route",
            HistoryAction::Back => "back",
            HistoryAction::Assign => "assign",
            HistoryAction::Followup => "followup",
            HistoryAction::Done => "done",
            HistoryAction::Reply => "reply",
            HistoryAction::ReplyTo => "reply-to",
            HistoryAction::Return => "return",
            HistoryAction::Issue => "issue",
            HistoryAction::Revoke => "revoke",
            HistoryAction::Held => "held",
            HistoryAction::Cancel => "cancel",
            HistoryAction::Minutes => "minutes",
            HistoryAction::Decide => "decide",
            HistoryAction::Progress => "progress",
            HistoryAction::Verify => "verify",
            HistoryAction::Extend => "extend",
            HistoryAction::Chase => "chase",
            HistoryAction::Remind => "remind",
            HistoryAction::Reopen => "reopen",
            HistoryAction::Import => "import",
            HistoryAction::Renumber => "renumber",
            HistoryAction::Roster => "roster",
            HistoryAction::Add => "add",
            HistoryAction::Set => "set",
            HistoryAction::Archive => "archive",
            HistoryAction::ArchiveUndo => "archive-undo",
            HistoryAction::Edit => "edit",
            HistoryAction::Revise => "revise",
            HistoryAction::Repeal => "repeal",
            HistoryAction::Review => "review",
            HistoryAction::UnitRename => "unit-rename",
            HistoryAction::Handover => "handover",
            HistoryAction::Declassify => "declassify",
            HistoryAction::DraftReview => "draft-review",
            HistoryAction::Countersign => "countersign",
            HistoryAction::Sign => "sign",
            HistoryAction::ReplyRevoked => "reply-revoked",
            HistoryAction::MilestoneAdd => "milestone-add",
            HistoryAction::MilestoneDone => "milestone-done",
            HistoryAction::DoneWithMatter => "done-with-matter",
        }
    }

    /// The action stored as `text`, if this version knows it.
    pub fn parse(text: &str) -> Option<HistoryAction> {
        HistoryAction::ALL.into_iter().find(|a| a.keyword() == text)
    }
}

/// `serde(skip_serializing_if)` helper for `bool` fields that default to false.
pub fn is_false(b: &bool) -> bool {
    !*b
}

/// What is wrong with a 保密期限.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermProblem {
    /// Not a term like `10y` or `6m`.
    Malformed { term: String },
    /// Longer than the level allows.
    TooLong { term: String, max_years: u32 },
}

/// A 保密期限 as written: a span from the paper's date (`10y`, `6m`,
/// `10年`), or the day it ends (`2036-11-30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecrecyTerm {
    Months(u32),
    Until(Date),
}

impl SecrecyTerm {
    /// Reads a term; `None` when it is neither a span nor a date.
    pub fn parse(term: &str) -> Option<SecrecyTerm> {
        let term = term.trim();
        if let Some(day) = crate::model::date::parse_iso_date(term) {
            return Some(SecrecyTerm::Until(day));
        }
        // The unit is the last character, which may be 年 or 月 (several bytes).
        let split = term.char_indices().last().map_or(0, |(i, _)| i);
        let (digits, unit) = term.split_at(split);
        let n: u32 = digits.parse().ok().filter(|n| *n > 0)?;
        match unit {
            "y" | "Y" | "年" => n.checked_mul(12).map(SecrecyTerm::Months),
            "m" | "M" | "月" => Some(SecrecyTerm::Months(n)),
            _ => None,
        }
    }

    /// The day the term ends, for a paper dated `from`.
    pub fn end(self, from: Date) -> Option<Date> {
        match self {
            SecrecyTerm::Until(day) => Some(day),
            SecrecyTerm::Months(n) => {
                let span = jiff::Span::new().try_months(i64::from(n)).ok()?;
                from.checked_add(span).ok()
            }
        }
    }
}

/// Checks a 保密期限 such as `10y` or `6m` against the level's maximum;
/// an end date (`2036-11-30`) is taken as written.
pub fn check_secrecy_term(term: &str, max_years: Option<u32>) -> Option<TermProblem> {
    let term = term.trim();
    let malformed = || TermProblem::Malformed {
        term: term.to_string(),
    };
    let months = match SecrecyTerm::parse(term) {
        Some(SecrecyTerm::Months(months)) => months,
        Some(SecrecyTerm::Until(_)) => return None,
        None => return Some(malformed()),
    };
    match max_years {
        Some(max) if months > max * 12 => Some(TermProblem::TooLong {
            term: term.to_string(),
            max_years: max,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secrecy_term_in_chinese_units_does_not_panic() {
        assert_eq!(check_secrecy_term("10年", Some(10)), None);
        assert_eq!(check_secrecy_term("6月", Some(10)), None);
        assert!(matches!(
            check_secrecy_term("20年", Some(10)),
            Some(TermProblem::TooLong { max_years: 10, .. })
        ));
        assert!(matches!(
            check_secrecy_term("年", Some(10)),
            Some(TermProblem::Malformed { .. })
        ));
    }
}
