//! Words about classified records: the history line of a
//! declassification, the heading of `remind`'s declassification review.

use super::{Lang, say};
use taizhang_core::model::keyword::{self, Secrecy};

/// The history line of `doc declassify`, from its note `old → new,
/// APPROVER: REASON` (the levels stored as keywords, worded here); a note
/// in another shape (written by hand) is shown as it is.
pub fn declassified(lang: Lang, note: &str) -> String {
    let read = || {
        let (from, rest) = note.split_once(" → ")?;
        let (to, rest) = rest.split_once(", ")?;
        let (approver, reason) = rest.split_once(": ")?;
        let from = keyword::parse::<Secrecy>(from).ok()?;
        let to = keyword::parse::<Secrecy>(to).ok()?;
        Some((lang.keyword(from), lang.keyword(to), approver, reason))
    };
    match read() {
        Some((from, to, approver, reason)) => say!(
            lang,
            "declassified {from} → {to}, approved by {approver}: {reason}",
            "解密 {from} → {to}，{approver} 批准：{reason}"
        ),
        None => say!(lang, "declassified: {note}", "解密：{note}"),
    }
}

/// The level word of a declassification review, in `remind`'s tables.
pub fn review_word(l: Lang) -> &'static str {
    super::labels::pick(l, "declassification review", "解密审查")
}

/// The heading `remind` puts the declassification reviews under.
pub fn review_heading(l: Lang) -> &'static str {
    super::labels::pick(
        l,
        "Declassification review (secrecy term ends)",
        "解密审查（保密期限届满）",
    )
}

/// When a paper's term ends: "term ends in 5 days", "term ended 3 days
/// ago".
pub fn review_when(l: Lang, days_left: i64) -> String {
    let n = days_left.unsigned_abs();
    let s = if n == 1 { "" } else { "s" };
    match days_left {
        0 => say!(l, "term ends today", "保密期限今日届满"),
        d if d < 0 => say!(l, "term ended {n} day{s} ago", "保密期限已届满{n}天"),
        _ => say!(l, "term ends in {n} day{s}", "保密期限{n}天后届满"),
    }
}

/// `remind`'s first line, with how many papers are due for review.
pub fn with_reviews(l: Lang, line: String, reviews: usize) -> String {
    say!(
        l,
        "{line}, {reviews} classified paper(s) due for declassification review",
        "{line}，涉密文件待解密审查{reviews}件"
    )
}
