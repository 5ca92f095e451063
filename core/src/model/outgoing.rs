//! Outgoing documents (发文, `OUT`) and their numbers (发文字号).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::Moment;
use crate::model::edit::{DATE, TEXT, Type, opt_kw, req_kw};
use crate::model::id::Id;
use crate::model::id::RecordRef;
use crate::model::incoming::Attachment;
use crate::model::keyword::{Direction, Disclosure, DocType, Keyword, Secrecy, Urgency, keywords};
use crate::model::kind::KindSpec;
use crate::model::link::{Link, Role, link};
use crate::model::record::KindRules;
use crate::model::renumber::Swap;
use crate::model::status_words;
use crate::model::transition::{IsStatus, Status};
use crate::model::transition::{Refusal, RefusalReason, Step};

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
    pub archive: Option<crate::model::archive::ArchiveBlock>,
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

impl Outgoing {
    /// The steps the current status allows.
    pub fn next_steps(&self) -> Vec<Step> {
        match self.status {
            OutStatus::Draft | OutStatus::Signed => vec![Step::DocIssue, Step::DocRevoke],
            OutStatus::Issued => vec![Step::DocRevoke],
            OutStatus::Archived | OutStatus::Revoked => Vec::new(),
        }
    }

    fn refuse(&self, step: Step) -> Refusal {
        Refusal::new(self.status, step).allowing(self.next_steps())
    }

    /// `doc issue` (核发/印发): a signed document is printed and sent out on
    /// `on`. A draft needs its signing date (`signed`) given at the same time.
    pub fn issue(&mut self, on: Date, signed: Option<Date>) -> Result<(), Refusal> {
        match self.status {
            OutStatus::Draft if signed.is_none() => {
                Err(self.refuse(Step::DocIssue).because(RefusalReason::Unsigned))
            }
            OutStatus::Draft | OutStatus::Signed => {
                if signed.is_some() {
                    self.signed = signed;
                }
                self.printed = Some(on);
                self.status = OutStatus::Issued;
                Ok(())
            }
            _ => Err(self.refuse(Step::DocIssue)),
        }
    }

    /// `doc revoke` (撤销): the document is void. Its number stays taken.
    pub fn revoke(&mut self) -> Result<(), Refusal> {
        if !self.next_steps().contains(&Step::DocRevoke) {
            return Err(self.refuse(Step::DocRevoke));
        }
        self.status = OutStatus::Revoked;
        Ok(())
    }
}

/// Renders a 发文字号: `市交发〔2026〕12号` (full year, 六角括号, no leading
/// zeros, GB/T 9704-2012 §7.2.4).
pub fn doc_number(issuer: &str, year: i16, seq: u32) -> String {
    format!("{issuer}〔{year}〕{seq}号")
}

/// Reads a 发文字号 back into its parts, however it was typed
/// (`model::docnum`); `None` if it is not one.
pub fn parse_doc_number(text: &str) -> Option<(String, i16, u32)> {
    crate::model::docnum::parse(text)
}

impl KindRules for Outgoing {
    fn status(&self) -> &str {
        Keyword::keyword(self.status)
    }

    fn extra(&self) -> &Extra {
        &self.extra
    }

    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }

    fn shrink_lists(&mut self) {
        self.history.shrink_to_fit();
        self.to.shrink_to_fit();
        self.cc.shrink_to_fit();
        self.followups.shrink_to_fit();
        self.attachments.shrink_to_fit();
    }

    fn secrecy(&self) -> Secrecy {
        self.secrecy
    }

    fn unit(&self) -> Option<&str> {
        self.drafting_unit.as_deref()
    }

    fn owner(&self) -> Option<&str> {
        self.drafter.as_deref()
    }

    fn party(&self) -> Option<String> {
        Some(self.to.join("、"))
    }

    fn filed_on(&self) -> Date {
        self.signed.unwrap_or_else(|| self.created.date())
    }

    fn reference(&self) -> Option<&str> {
        Some(&self.doc_number)
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        hit(&self.doc_number)
            || self.to.iter().any(|t| hit(t))
            || self.notes.as_deref().is_some_and(hit)
    }

    fn typed_status(&self) -> Option<Status> {
        Some(self.status.into())
    }

    fn links(&self) -> Vec<Link> {
        (self.followups.iter())
            .map(|id| link(Role::Followup, id))
            .chain(self.in_reply_to.iter().map(|id| link(Role::InReplyTo, id)))
            .collect()
    }

    /// A follow-up made from the document names it; the paper it
    /// answers names it as its reply.
    fn owes_back(&self, role: Role) -> Option<Role> {
        match role {
            Role::Source { item: None } => Some(Role::Followup),
            Role::Reply => Some(Role::InReplyTo),
            _ => None,
        }
    }

    fn link_followup(&mut self, _reference: &RecordRef, followup: &Id) {
        self.followups.push(followup.clone());
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let mut changed = swap.all(&mut self.followups);
        changed |= swap.opt(&mut self.in_reply_to);
        for a in &mut self.attachments {
            changed |= swap.path(&mut a.path);
        }
        changed
    }

    /// Who drafted and who signed (签发) it.
    fn people<'a>(&'a self, each: &mut dyn FnMut(&'static str, &'a str)) {
        self.drafter.iter().for_each(|p| each("drafter", p));
        self.signer.iter().for_each(|p| each("signer", p));
    }

    fn units_mut(&mut self, each: &mut dyn FnMut(&str, &mut String)) {
        (self.drafting_unit.iter_mut()).for_each(|u| each("drafting_unit", u));
    }
}

impl IsStatus for OutStatus {}

/// What the register knows of outgoing documents (`Kind::spec`).
pub const SPEC: KindSpec = KindSpec {
    statuses: Some(|| status_words::set::<OutStatus>(&[])),
    settable: &[
        ("title", Type::Title),
        ("doc_type", opt_kw::<DocType>()),
        ("direction", opt_kw::<Direction>()),
        ("to", Type::Names),
        ("cc", Type::Names),
        ("drafter", TEXT),
        ("drafting_unit", Type::Unit { required: false }),
        ("signer", TEXT),
        ("signed", DATE),
        ("printed", DATE),
        ("print_copies", Type::Count { required: false }),
        ("urgency", req_kw::<Urgency>()),
        ("secrecy", req_kw::<Secrecy>()),
        ("secrecy_term", Type::Term),
        ("disclosure", opt_kw::<Disclosure>()),
        ("notes", TEXT),
    ],
    structured: &["in_reply_to", "followups", "archive", "attachments"],
    numbered: &["doc_number", "series"],
    date_keys: &["signed", "printed", "archived"],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn document(status: &str) -> Outgoing {
        serde_yaml::from_str(&format!(
            "id: OUT-2026-0001\ntitle: 关于冬季安全生产检查情况的报告\nstatus: {status}\n\
             doc_number: 市交发〔2026〕1号\nto: [省交通运输厅]\n\
             created: 2026-11-20T09:00:00+08:00\n"
        ))
        .unwrap()
    }

    #[test]
    fn signed_documents_are_issued_then_revoked() {
        let day = Date::constant(2026, 11, 23);
        let mut doc = document("signed");
        doc.issue(day, None).unwrap();
        assert_eq!((doc.status, doc.printed), (OutStatus::Issued, Some(day)));
        let err = doc.issue(day, None).unwrap_err();
        assert_eq!(
            (err.status.keyword(), &*err.allowed),
            ("issued", &[Step::DocRevoke][..])
        );
        doc.revoke().unwrap();
        assert_eq!(doc.status, OutStatus::Revoked);
        assert_eq!(doc.doc_number, "市交发〔2026〕1号");
        assert!(doc.revoke().is_err());
        assert!(doc.issue(day, None).is_err());
    }

    #[test]
    fn a_draft_is_issued_only_with_its_signing_date() {
        let day = Date::constant(2026, 11, 23);
        let mut doc = document("draft");
        assert_eq!(
            doc.issue(day, None).unwrap_err().reason,
            Some(RefusalReason::Unsigned)
        );
        assert_eq!(doc.status, OutStatus::Draft);
        doc.issue(day, Some(Date::constant(2026, 11, 22))).unwrap();
        assert_eq!(doc.signed, Some(Date::constant(2026, 11, 22)));
        let mut draft = document("draft");
        draft.revoke().unwrap();
        assert_eq!(draft.status, OutStatus::Revoked);
    }

    #[test]
    fn numbers_render_and_parse() {
        let n = doc_number("市交发", 2026, 12);
        assert_eq!(n, "市交发〔2026〕12号");
        assert_eq!(parse_doc_number(&n), Some(("市交发".into(), 2026, 12)));
        assert_eq!(
            parse_doc_number("市交发[2026]12号"),
            Some(("市交发".into(), 2026, 12))
        );
    }
}
