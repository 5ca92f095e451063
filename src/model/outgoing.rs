//! Outgoing documents (发文, `OUT`) and their numbers (发文字号).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::Moment;
use crate::model::id::Id;
use crate::model::incoming::Attachment;
use crate::model::keyword::{Direction, Disclosure, DocType, Secrecy, Urgency, keywords};

keywords!(
    /// Where an outgoing document stands.
    OutStatus, "outgoing status" {
        Draft = "draft" / "拟稿",
        Signed = "signed" / "已签发",
        Issued = "issued" / "已印发",
        Archived = "archived" / "已归档",
        Revoked = "revoked" / "已撤销",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outgoing {
    pub id: Id,
    pub title: String,
    pub status: OutStatus,
    pub doc_number: String,
    /// The series the number was drawn from (its name in the settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafting_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print_copies: Option<u32>,
    #[serde(default)]
    pub urgency: Urgency,
    #[serde(default)]
    pub secrecy: Secrecy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy_term: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<Id>,
    /// Follow-ups assigned to carry this document out (文件落实).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<serde_yaml::Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub created: Moment,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Renders a 发文字号: `市交发〔2026〕12号` (full year, 六角括号, no leading
/// zeros, GB/T 9704-2012 §7.2.4).
pub fn doc_number(issuer: &str, year: i16, seq: u32) -> String {
    format!("{issuer}〔{year}〕{seq}号")
}

/// Reads a 发文字号 back into its parts; `None` if it is not one.
pub fn parse_doc_number(text: &str) -> Option<(&str, i16, u32)> {
    let (issuer, rest) = text.split_once('〔')?;
    let (year, rest) = rest.split_once('〕')?;
    let seq = rest.strip_suffix('号')?;
    Some((issuer, year.parse().ok()?, seq.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_and_parse() {
        let n = doc_number("市交发", 2026, 12);
        assert_eq!(n, "市交发〔2026〕12号");
        assert_eq!(parse_doc_number(&n), Some(("市交发", 2026, 12)));
        assert_eq!(parse_doc_number("市交发[2026]12号"), None);
    }
}
