//! The kinds of record and where each lives on disk.

use crate::model::keyword::keywords;

keywords!(
    /// A kind of record. `list KIND` accepts these and their aliases.
    Kind, "record kind" {
        Incoming = "incoming" / "收文",
        Outgoing = "outgoing" / "发文",
        Followup = "followup" / "督办|督办事项",
        Meeting = "meeting" / "会议",
        Logbook = "logbook" / "登记簿",
    }
);

impl Kind {
    /// The top folder of the kind (`documents`, `followups` …).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Incoming | Kind::Outgoing => "documents",
            Kind::Followup => "followups",
            Kind::Meeting => "meetings",
            Kind::Logbook => "logbooks",
        }
    }
}

/// What `list KIND` selects: one kind, both document kinds, or one logbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindFilter {
    All,
    Kind(Kind),
    Documents,
    Book(String),
}

impl KindFilter {
    /// Reads `incoming`/`in`, `outgoing`/`out`, `document`, `followup`/`fu`,
    /// `meeting`/`mt`; anything else is taken as a logbook name and checked
    /// by the caller against the register's settings.
    pub fn parse(text: &str) -> KindFilter {
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "incoming" | "in" | "收文" => KindFilter::Kind(Kind::Incoming),
            "outgoing" | "out" | "发文" => KindFilter::Kind(Kind::Outgoing),
            "document" | "documents" | "doc" | "docs" | "公文" => KindFilter::Documents,
            "followup" | "followups" | "fu" | "督办" | "督办事项" => {
                KindFilter::Kind(Kind::Followup)
            }
            "meeting" | "meetings" | "mt" | "会议" => KindFilter::Kind(Kind::Meeting),
            _ => KindFilter::Book(text.trim().to_string()),
        }
    }

    pub fn matches(&self, kind: Kind, book: Option<&str>) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Kind(k) => *k == kind,
            KindFilter::Documents => matches!(kind, Kind::Incoming | Kind::Outgoing),
            KindFilter::Book(name) => book == Some(name.as_str()),
        }
    }
}

/// The kind of record a command or flag wanted, for "expected …" errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Incoming,
    Outgoing,
    Followup,
    Meeting,
    /// A meeting decision (`MT-2026-0003#2`).
    Decision,
    /// A follow-up's source: a document or a meeting decision.
    Source,
    /// What can be chased (催办): a follow-up or an incoming action paper.
    Chased,
}
