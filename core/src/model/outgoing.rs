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
use crate::model::validate::{KindChecks, KindTies};

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
    /// 核稿: who checked the draft before it went to be signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Signoff>,
    /// 会签: the units that must sign the draft too before it is signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countersign: Vec<String>,
    /// The 会签 given so far, one per unit, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countersigned: Vec<Signoff>,
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

/// One sign-off of a draft before its signature: the 核稿 (`unit` empty)
/// or one unit's 会签.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signoff {
    pub by: String,
    pub on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the register asks of a draft before it may be signed
/// (`[outgoing]` in the settings).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SignRules {
    /// `require_review`: no signature without a 核稿.
    pub require_review: bool,
}

impl Outgoing {
    /// The steps the current status allows.
    pub fn next_steps(&self) -> Vec<Step> {
        match self.status {
            OutStatus::Draft => vec![
                Step::DocReview,
                Step::DocCountersign,
                Step::DocSign,
                Step::DocIssue,
                Step::DocRevoke,
            ],
            OutStatus::Signed => vec![Step::DocIssue, Step::DocRevoke],
            OutStatus::Issued => vec![Step::DocRevoke],
            OutStatus::Archived | OutStatus::Revoked => Vec::new(),
        }
    }

    fn refuse(&self, step: Step) -> Refusal {
        Refusal::new(self.status, step).allowing(self.next_steps())
    }

    /// Refuses `step` unless the document is still a draft: review and
    /// countersignature come before the signature.
    fn require_draft(&self, step: Step) -> Result<(), Refusal> {
        match self.status {
            OutStatus::Draft => Ok(()),
            _ => Err(self.refuse(step)),
        }
    }

    /// `doc review` (核稿): the draft was checked. A draft reviewed again
    /// (after it was changed) keeps the latest review; history keeps all.
    pub fn review(&mut self, review: Signoff) -> Result<(), Refusal> {
        self.require_draft(Step::DocReview)?;
        self.review = Some(review);
        Ok(())
    }

    /// `doc countersign` (会签): one unit signs the draft. A unit signs
    /// once; a unit the document did not name is added to those named.
    pub fn countersign(&mut self, signoff: Signoff) -> Result<(), Refusal> {
        self.require_draft(Step::DocCountersign)?;
        let unit = signoff.unit.clone().unwrap_or_default();
        if self
            .countersigned
            .iter()
            .any(|c| c.unit.as_deref() == Some(&unit))
        {
            return Err(self
                .refuse(Step::DocCountersign)
                .because(RefusalReason::Countersigned(unit.into())));
        }
        if !self.countersign.contains(&unit) {
            self.countersign.push(unit);
        }
        self.countersigned.push(signoff);
        Ok(())
    }

    /// The units named to countersign that have not yet, in named order.
    pub fn awaiting_countersign(&self) -> Vec<String> {
        let signed = |u: &String| {
            self.countersigned
                .iter()
                .any(|c| c.unit.as_ref() == Some(u))
        };
        self.countersign
            .iter()
            .filter(|u| !signed(u))
            .cloned()
            .collect()
    }

    /// Whether the draft may be signed now: reviewed when the register
    /// requires it, and countersigned by every unit it names. `step` is
    /// the step that signs (`doc sign`, or `doc issue --signed`).
    pub fn may_sign(&self, rules: SignRules, step: Step) -> Result<(), Refusal> {
        if rules.require_review && self.review.is_none() {
            return Err(self.refuse(step).because(RefusalReason::Unreviewed));
        }
        let missing = self.awaiting_countersign();
        if !missing.is_empty() {
            return Err(self
                .refuse(step)
                .because(RefusalReason::AwaitingCountersign(missing.into())));
        }
        Ok(())
    }

    /// `doc sign` (签发): the draft is signed on `on`, by `signer` when
    /// given (else the signer already recorded).
    pub fn sign(
        &mut self,
        on: Date,
        signer: Option<String>,
        rules: SignRules,
    ) -> Result<(), Refusal> {
        self.require_draft(Step::DocSign)?;
        self.may_sign(rules, Step::DocSign)?;
        self.signed = Some(on);
        if signer.is_some() {
            self.signer = signer;
        }
        self.status = OutStatus::Signed;
        Ok(())
    }

    /// Whether the document has gone out, as far as a paper it answers is
    /// concerned: issued, or (in a register that does not record 印发,
    /// `track_issuing` false) signed.
    pub fn is_sent(&self, track_issuing: bool) -> bool {
        match self.status {
            OutStatus::Issued | OutStatus::Archived => true,
            OutStatus::Signed => !track_issuing,
            OutStatus::Draft | OutStatus::Revoked => false,
        }
    }

    /// `doc issue` (核发/印发): a signed document is printed and sent out on
    /// `on`. A draft needs its signing date (`signed`) given at the same
    /// time, and must be ready to sign (`may_sign`).
    pub fn issue(
        &mut self,
        on: Date,
        signed: Option<Date>,
        rules: SignRules,
    ) -> Result<(), Refusal> {
        match self.status {
            OutStatus::Draft if signed.is_none() => {
                Err(self.refuse(Step::DocIssue).because(RefusalReason::Unsigned))
            }
            OutStatus::Draft | OutStatus::Signed => {
                if self.status == OutStatus::Draft {
                    self.may_sign(rules, Step::DocIssue)?;
                }
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
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        Some(&mut self.secrecy)
    }

    fn forget_matter(&mut self) {
        use crate::model::classified::forget;
        self.attachments.clear();
        if let Some(archive) = &mut self.archive {
            archive.note = None;
        }
        forget(&mut self.notes, &mut self.history, &mut self.extra);
    }

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

    fn ties(&self) -> KindTies {
        KindTies::Outgoing {
            status: self.status,
            number: self.doc_number.clone(),
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
        (self.countersign.iter_mut()).for_each(|u| each("countersign", u));
        (self.countersigned.iter_mut())
            .filter_map(|c| c.unit.as_mut())
            .for_each(|u| each("countersigned", u));
    }
}

impl IsStatus for OutStatus {}

/// A follow-up made from the document names it; the paper it
/// answers names it as its reply.
fn owes_back(role: Role) -> Option<Role> {
    match role {
        Role::Source { item: None } => Some(Role::Followup),
        Role::Reply => Some(Role::InReplyTo),
        _ => None,
    }
}

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
        ("countersign", Type::Units),
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
    structured: &[
        "in_reply_to",
        "followups",
        "archive",
        "attachments",
        "review",
        "countersigned",
    ],
    numbered: &["doc_number", "series"],
    date_keys: &["signed", "printed", "archived"],
    prefix: "OUT",
    sealed: &["title", "notes", "history[].note"],
    import: Some(&crate::model::import::OUTGOING),
    owes_back,
    check_links: <Outgoing as KindChecks>::check_links,
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
        doc.issue(day, None, SignRules::default()).unwrap();
        assert_eq!((doc.status, doc.printed), (OutStatus::Issued, Some(day)));
        let err = doc.issue(day, None, SignRules::default()).unwrap_err();
        assert_eq!(
            (err.status.keyword(), &*err.allowed),
            ("issued", &[Step::DocRevoke][..])
        );
        doc.revoke().unwrap();
        assert_eq!(doc.status, OutStatus::Revoked);
        assert_eq!(doc.doc_number, "市交发〔2026〕1号");
        assert!(doc.revoke().is_err());
        assert!(doc.issue(day, None, SignRules::default()).is_err());
    }

    #[test]
    fn a_draft_is_issued_only_with_its_signing_date() {
        let day = Date::constant(2026, 11, 23);
        let mut doc = document("draft");
        assert_eq!(
            doc.issue(day, None, SignRules::default())
                .unwrap_err()
                .reason,
            Some(RefusalReason::Unsigned)
        );
        assert_eq!(doc.status, OutStatus::Draft);
        doc.issue(
            day,
            Some(Date::constant(2026, 11, 22)),
            SignRules::default(),
        )
        .unwrap();
        assert_eq!(doc.signed, Some(Date::constant(2026, 11, 22)));
        let mut draft = document("draft");
        draft.revoke().unwrap();
        assert_eq!(draft.status, OutStatus::Revoked);
    }

    fn signoff(by: &str, unit: Option<&str>) -> Signoff {
        Signoff {
            by: by.into(),
            on: Date::constant(2026, 11, 21),
            unit: unit.map(Into::into),
            note: None,
        }
    }

    #[test]
    fn a_draft_is_signed_only_once_reviewed_and_countersigned() {
        let day = Date::constant(2026, 11, 22);
        let strict = SignRules {
            require_review: true,
        };
        let mut doc = document("draft");
        doc.countersign = vec!["财务科".into(), "法规科".into()];
        let err = doc.sign(day, None, strict).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::Unreviewed));
        doc.review(signoff("李科长", None)).unwrap();
        let err = doc.sign(day, None, strict).unwrap_err();
        let missing: Box<[String]> = vec!["财务科".to_string(), "法规科".to_string()].into();
        assert_eq!(
            err.reason,
            Some(RefusalReason::AwaitingCountersign(missing))
        );
        let err = doc.issue(day, Some(day), strict).unwrap_err();
        assert_eq!(err.step, Step::DocIssue);
        doc.countersign(signoff("王科长", Some("财务科"))).unwrap();
        let again = doc
            .countersign(signoff("赵科长", Some("财务科")))
            .unwrap_err();
        assert_eq!(
            again.reason,
            Some(RefusalReason::Countersigned("财务科".into()))
        );
        doc.countersign(signoff("钱科长", Some("法规科"))).unwrap();
        // A unit not named beforehand may sign too, and is then named.
        doc.countersign(signoff("孙科长", Some("办公室"))).unwrap();
        assert_eq!(doc.countersign, ["财务科", "法规科", "办公室"]);
        doc.sign(day, Some("张局长".into()), strict).unwrap();
        assert_eq!((doc.status, doc.signed), (OutStatus::Signed, Some(day)));
        assert!(doc.review(signoff("李科长", None)).is_err());
        assert!(doc.countersign(signoff("周科长", Some("人事科"))).is_err());
    }

    #[test]
    fn a_document_is_sent_when_issued_or_signed_as_the_register_counts() {
        let signed = document("signed");
        assert!(signed.is_sent(false) && !signed.is_sent(true));
        assert!(document("issued").is_sent(true));
        assert!(!document("draft").is_sent(false));
        assert!(!document("revoked").is_sent(false));
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
