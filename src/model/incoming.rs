//! Incoming documents (收文, `IN`).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry, Remark, is_false};
use crate::model::date::{Moment, When};
use crate::model::id::Id;
use crate::model::keyword::{Channel, DocType, Handling, Secrecy, Urgency, keywords};
use crate::model::transition::{Refusal, Step};

keywords!(
    /// Where an incoming paper stands.
    InStatus, "incoming status" {
        Registered = "registered" / "已登记",
        Returned = "returned" / "已退文",
        Circulating = "circulating" / "传阅中",
        Read = "read" / "已阅",
        Assigned = "assigned" / "已交办",
        InProgress = "in-progress" / "办理中",
        Done = "done" / "已办结",
        Replied = "replied" / "已答复",
        Archived = "archived" / "已归档",
    }
);

/// One routing of the paper (传阅): who has it, since when, back when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Circulation {
    pub to: String,
    pub out: Moment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<Moment>,
}

/// How the sender was answered (答复).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub on: Date,
    pub via: String,
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub path: String,
    pub sha256: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incoming {
    pub id: Id,
    pub title: String,
    pub status: InStatus,
    pub sender: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
    pub received: When,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub urgency: Urgency,
    #[serde(default)]
    pub secrecy: Secrecy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy_term: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal: bool,
    #[serde(default = "one")]
    pub copies: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    #[serde(default = "action")]
    pub handling: Handling,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Remark>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<Remark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub circulation: Vec<Circulation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<Reply>,
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

fn one() -> u32 {
    1
}

fn action() -> Handling {
    Handling::Action
}

impl Incoming {
    /// Whether the paper still needs doing (an action item not yet done).
    pub fn is_pending(&self) -> bool {
        self.handling == Handling::Action
            && matches!(
                self.status,
                InStatus::Registered
                    | InStatus::Circulating
                    | InStatus::Assigned
                    | InStatus::InProgress
            )
    }

    /// `doc done`: an action item assigned to a unit is finished (办结).
    pub fn finish(&mut self, on: Date, result: Option<String>) -> Result<(), Refusal> {
        if self.handling == Handling::Info {
            return Err(Refusal::new(self.status, Step::DocDone).because("info"));
        }
        match self.status {
            InStatus::Assigned | InStatus::InProgress => {
                self.status = InStatus::Done;
                self.completed = Some(on);
                if result.is_some() {
                    self.result = result;
                }
                Ok(())
            }
            InStatus::Registered | InStatus::Circulating => {
                Err(Refusal::new(self.status, Step::DocDone).because("unassigned"))
            }
            _ => Err(Refusal::new(self.status, Step::DocDone)),
        }
    }
}
