//! Meetings (会议, `MT`) and their decisions (议定事项).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::{Moment, When};
use crate::model::id::Id;
use crate::model::keyword::{Secrecy, keywords};

keywords!(
    /// Where a meeting stands.
    MtStatus, "meeting status" {
        Planned = "planned" / "已安排",
        Held = "held" / "已召开",
        Minuted = "minuted" / "已印发纪要",
        Cancelled = "cancelled" / "已取消",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Absence {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
}

/// A decision (议定事项), numbered from 1 within the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub n: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    pub status: MtStatus,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub meeting_type: Option<String>,
    pub start: When,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorder: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Absence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<String>,
    #[serde(default)]
    pub secrecy: Secrecy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub created: Moment,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Meeting {
    pub fn decision(&self, n: u32) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.n == n)
    }

    pub fn decision_mut(&mut self, n: u32) -> Option<&mut Decision> {
        self.decisions.iter_mut().find(|d| d.n == n)
    }
}
