//! What a sheet's own words say about where a matter stands, before the
//! kind of record is known: registers write 已办结, 是, √, 已复函, 在办,
//! 否, 撤项, 已归档 in a 办理状态 column, in 是否办结, 完成情况, or in the
//! 办理情况 column meant for the result. Each kind maps these to its own
//! statuses (`rows`).

/// Where a row's words put its matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// 已办结, 办结, 已完成, 完成, 是, √.
    Finished,
    /// 已答复, 已复函.
    Replied,
    /// 在办, 办理中, 否, 未完成.
    Open,
    /// 已撤销, 撤项, 取消.
    Cancelled,
    /// 已归档: archived, with a 档号 if the row gives one.
    Archived,
}

use super::Field;
use super::rows::{Notice, Reader};
use crate::model::keyword::{self, Keyword};

/// The status a row's words give, and the text of its status columns
/// that was no status, to be kept.
pub(crate) struct Settled<S> {
    /// `None`: no column says; the kind decides from the row's dates.
    pub status: Option<S>,
    /// What the words said, when they decided.
    pub said: Option<Said>,
    /// Free text of the status (or 是否办结, 完成情况) column, kept by the
    /// kind in its result or notes.
    pub kept: Option<String>,
    /// The result column (办理情况) held a status word, not a result.
    pub result_was_status: bool,
}

impl Reader<'_, '_> {
    /// Settles a row's status from its words: the status column (a word
    /// of `said`, the kind's keyword or Chinese, or one of `more`), else
    /// the result column when it holds a status word (办理情况 = 已办结),
    /// else the finished columns (是否办结 = 是, 完成情况 = 已完成). Text
    /// that is no status is never refused: it is kept (`kept_in` says
    /// where) and told about.
    pub(crate) fn settle<S: Keyword>(
        &mut self,
        more: &[(&str, S)],
        map: impl Fn(Said) -> S,
        kept_in: Field,
    ) -> Settled<S> {
        let mut out = Settled {
            status: None,
            said: None,
            kept: None,
            result_was_status: false,
        };
        if let Some(text) = self.text(Field::Status) {
            let normal = super::normal_header(&text);
            let exact = more
                .iter()
                .find(|(word, _)| *word == normal)
                .map(|(_, value)| *value)
                .or_else(|| keyword::parse::<S>(&normal).ok());
            // The kind's own word is taken as it stands (在办 is a
            // follow-up in progress), but for a finished one, which the
            // kind settles (a paper to read is read, not done).
            match (said(&text), exact) {
                (Some(word), None) | (Some(word @ Said::Finished), Some(_)) => {
                    out.said = Some(word);
                    out.status = Some(map(word));
                }
                (_, Some(value)) => out.status = Some(value),
                (None, None) => self.keep(Field::Status, text, kept_in, &mut out),
            }
        }
        let result = self
            .text(Field::Result)
            .or_else(|| self.text(Field::Report));
        if out.status.is_none()
            && let Some(word) = result.as_deref().and_then(said)
        {
            out.said = Some(word);
            out.status = Some(map(word));
            out.result_was_status = true;
        }
        for field in [Field::Finished, Field::Completion] {
            let Some(text) = self.text(field) else {
                continue;
            };
            match said(&text) {
                Some(word) if out.status.is_none() => {
                    out.said = Some(word);
                    out.status = Some(map(word));
                }
                Some(_) => {}
                None => self.keep(field, text, kept_in, &mut out),
            }
        }
        out
    }

    fn keep<S>(&mut self, from: Field, text: String, kept_in: Field, out: &mut Settled<S>) {
        let column = self
            .header_label(from)
            .unwrap_or_else(|| from.key().to_string());
        self.notices.push(Notice::StatusText { column, kept_in });
        out.kept = Some(match out.kept.take() {
            Some(before) => format!("{before}；{text}"),
            None => text,
        });
    }

    /// The completion date of a row its words call finished: the one it
    /// gives, else the latest date on the row (told about).
    pub(crate) fn finished_on(
        &mut self,
        given: Option<jiff::civil::Date>,
    ) -> Option<jiff::civil::Date> {
        if given.is_some() {
            return given;
        }
        let latest = self.latest;
        if latest.is_some() {
            self.notices.push(Notice::CompletedFromRow);
        }
        latest
    }
}

/// Free text joined to what a record already holds in the same field.
pub(crate) fn joined(first: Option<String>, kept: Option<String>) -> Option<String> {
    match (first, kept) {
        (Some(a), Some(b)) => Some(format!("{a}；{b}")),
        (a, b) => a.or(b),
    }
}

/// The words, compared without spaces.
const WORDS: &[(&str, Said)] = &[
    ("已办结", Said::Finished),
    ("办结", Said::Finished),
    ("已办", Said::Finished),
    ("已办完", Said::Finished),
    ("已完成", Said::Finished),
    ("完成", Said::Finished),
    ("已落实", Said::Finished),
    ("已销号", Said::Finished),
    ("销号", Said::Finished),
    ("是", Said::Finished),
    ("√", Said::Finished),
    ("✓", Said::Finished),
    ("✔", Said::Finished),
    ("已答复", Said::Replied),
    ("已复函", Said::Replied),
    ("已回复", Said::Replied),
    ("在办", Said::Open),
    ("办理中", Said::Open),
    ("正在办理", Said::Open),
    ("未完成", Said::Open),
    ("未办结", Said::Open),
    ("否", Said::Open),
    ("×", Said::Open),
    ("✗", Said::Open),
    ("已撤销", Said::Cancelled),
    ("撤销", Said::Cancelled),
    ("撤项", Said::Cancelled),
    ("已撤项", Said::Cancelled),
    ("取消", Said::Cancelled),
    ("已取消", Said::Cancelled),
    ("已归档", Said::Archived),
    ("归档", Said::Archived),
];

/// What `text` says, if it is one of the words (`是`, ` 已办结 `); free
/// text such as `已转应急局办理` says nothing.
pub fn said(text: &str) -> Option<Said> {
    let normal = super::normal_header(text);
    WORDS
        .iter()
        .find(|(word, _)| *word == normal)
        .map(|(_, said)| *said)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_free_text() {
        assert_eq!(said("已办结"), Some(Said::Finished));
        assert_eq!(said(" 是 "), Some(Said::Finished));
        assert_eq!(said("√"), Some(Said::Finished));
        assert_eq!(said("已复函"), Some(Said::Replied));
        assert_eq!(said("否"), Some(Said::Open));
        assert_eq!(said("撤项"), Some(Said::Cancelled));
        assert_eq!(said("已归档"), Some(Said::Archived));
        assert_eq!(said("已转应急局办理"), None);
        assert_eq!(said("传阅"), None);
    }
}
