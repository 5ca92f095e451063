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

/// Fields the tool does not know, kept as they were (DESIGN §6.3).
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

    pub fn entry(&self, action: &str, note: Option<String>) -> HistoryEntry {
        HistoryEntry {
            at: self.at,
            by: self.by.clone(),
            action: action.to_string(),
            note,
        }
    }
}

/// `serde(skip_serializing_if)` helper for `bool` fields that default to false.
pub fn is_false(b: &bool) -> bool {
    !*b
}

/// Checks a 保密期限 such as `10y` or `6m` against the level's maximum.
/// Returns a description of the problem, if any.
pub fn check_secrecy_term(term: &str, max_years: Option<u32>) -> Option<String> {
    let term = term.trim();
    let (digits, unit) = term.split_at(term.len().saturating_sub(1));
    let n: u32 = match digits.parse() {
        Ok(n) if n > 0 => n,
        _ => return Some(format!("'{term}' is not a term like 10y or 6m")),
    };
    let months = match unit {
        "y" | "Y" | "年" => n * 12,
        "m" | "M" | "月" => n,
        _ => return Some(format!("'{term}' is not a term like 10y or 6m")),
    };
    match max_years {
        Some(max) if months > max * 12 => Some(format!(
            "'{term}' is longer than the {max} years allowed for this level"
        )),
        _ => None,
    }
}
