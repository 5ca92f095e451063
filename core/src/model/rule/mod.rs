//! Rules and regulations (制度, `ZD`): the office's register of the rules
//! it keeps (制度建设), each with its 文号, who issued it, when it took
//! effect, whether it is still in force, and when it is next due for
//! review (清理评估).
//!
//! A rule is in force (现行) until it is revised (已修订: a newer rule
//! replaces it, and both name each other) or repealed (已废止). A rule
//! with a review cycle is due for review that long after its last review,
//! else after it took effect; `rule review` records a review and sets the
//! next date. Everything a rule is and may do is in this folder: its
//! record, its steps, its cycle (`cycle`), and its rules for `check`
//! (`validate`).

mod asof;
mod cycle;
pub mod import;
pub mod validate;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use cycle::Cycle;
pub use validate::RuleNote as Note;

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::Moment;
use crate::model::edit::{TEXT, Type, req_kw};
use crate::model::id::Id;
use crate::model::keyword::{Keyword, Secrecy, keywords};
use crate::model::kind::{self, KindSpec};
use crate::model::link::{Link, Role, link};
use crate::model::period::Period;
use crate::model::record::{KindRules, Record};
use crate::model::renumber::Swap;
use crate::model::status_words;
use crate::model::transition::{self, Refusal};
use crate::model::transition::{IsStatus, Status};
use crate::model::validate::KindChecks;

keywords!(
    /// Whether a rule is in force.
    RuleStatus, "rule status" {
        Current = "current" / "现行|有效",
        Revised = "revised" / "已修订",
        Repealed = "repealed" / "已废止|废止",
    }
);

keywords!(
    /// What a review (清理评估) concluded.
    Verdict, "review outcome" {
        Keep = "keep" / "继续有效|保留",
        Revise = "revise" / "需修订|修订",
        Repeal = "repeal" / "拟废止",
    }
);

/// A step a rule's commands ask of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Review,
    Revise,
    Repeal,
}

impl Step {
    /// The command that performs the step, as typed.
    pub fn command(self) -> &'static str {
        match self {
            Step::Review => "rule review",
            Step::Revise => "rule revise",
            Step::Repeal => "rule repeal",
        }
    }
}

/// One review (清理评估) of a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub date: Date,
    pub by: String,
    pub outcome: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: Id,
    pub title: String,
    pub status: RuleStatus,
    /// 文号 of the document that issued it, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// Who issued it (发布单位): the office's body, or a unit inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    pub issued: Date,
    /// When it took effect (施行日期), if not the day it was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The unit responsible for it (归口科室), which reviews it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_every: Option<Cycle>,
    /// The next review, kept in the file so that a reader (or `grep`)
    /// sees it; set from the cycle by `rule add` and `rule review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_due: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// The rule this one revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Id>,
    /// The rule that revised this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<Id>,
    /// The day it stopped being in force (revised or repealed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
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

/// Why a review date cannot be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeforeIssued {
    pub issued: Date,
}

impl Rule {
    /// The day the rule took effect: its effective date, else the day it
    /// was issued.
    pub fn in_force_from(&self) -> Date {
        self.effective.unwrap_or(self.issued)
    }

    /// The review due after the last one (else after it took effect), by
    /// the cycle; `None` without a cycle.
    pub fn next_review(&self) -> Option<Date> {
        let from = self
            .reviews
            .iter()
            .map(|r| r.date)
            .max()
            .unwrap_or_else(|| self.in_force_from());
        self.review_every.and_then(|cycle| cycle.after(from))
    }

    /// The review date of a rule in force; a revised or repealed rule is
    /// reviewed no more.
    pub fn review_pending(&self) -> Option<Date> {
        (self.status == RuleStatus::Current)
            .then_some(self.review_due)
            .flatten()
    }

    /// The steps the current status allows.
    pub fn next_steps(&self) -> Vec<transition::Step> {
        match self.status {
            RuleStatus::Current => [Step::Review, Step::Revise, Step::Repeal]
                .into_iter()
                .map(Into::into)
                .collect(),
            RuleStatus::Revised | RuleStatus::Repealed => Vec::new(),
        }
    }

    fn require(&self, step: Step) -> Result<(), Refusal> {
        let step = step.into();
        if self.next_steps().contains(&step) {
            Ok(())
        } else {
            Err(Refusal::new(self.status, step).allowing(self.next_steps()))
        }
    }

    /// `rule review`: a review (清理评估) on `on`; the next one is due a
    /// cycle later.
    pub fn review(&mut self, review: Review) -> Result<(), Refusal> {
        self.require(Step::Review)?;
        self.reviews.push(review);
        self.review_due = self.next_review();
        Ok(())
    }

    /// `rule revise`: `by` replaces this rule from `on`.
    pub fn revised_by(&mut self, by: Id, on: Date) -> Result<(), Refusal> {
        self.require(Step::Revise)?;
        self.status = RuleStatus::Revised;
        self.replaced_by = Some(by);
        self.ended = Some(on);
        self.review_due = None;
        Ok(())
    }

    /// `rule repeal`: no longer in force from `on`.
    pub fn repeal(&mut self, on: Date) -> Result<(), Refusal> {
        self.require(Step::Repeal)?;
        self.status = RuleStatus::Repealed;
        self.ended = Some(on);
        self.review_due = None;
        Ok(())
    }
}

impl KindRules for Rule {
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        Some(&mut self.secrecy)
    }

    fn forget_matter(&mut self) {
        use crate::model::classified::forget;
        self.reviews.iter_mut().for_each(|r| r.note = None);
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
        self.reviews.shrink_to_fit();
    }

    fn secrecy(&self) -> Secrecy {
        self.secrecy
    }

    fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    fn party(&self) -> Option<String> {
        self.issuer.clone()
    }

    fn filed_on(&self) -> Date {
        self.issued
    }

    /// A rule in force with a review date is still to be done: its next
    /// review (清理评估) is its pending due date, so `list --overdue` and
    /// `remind` find a review that is late like any other deadline.
    fn is_open(&self) -> bool {
        self.review_pending().is_some()
    }

    fn pending_due(&self) -> Option<Date> {
        self.review_pending()
    }

    /// The next review is a date to remind from, counted by the cycle,
    /// not a deadline set for someone: a weekend is no fault.
    fn due_is_deadline(&self) -> bool {
        false
    }

    /// Settled once it is no longer in force; a rule in force may fall
    /// due for review whenever its date is set.
    fn settled_on(&self) -> Option<Date> {
        match self.status {
            RuleStatus::Current => None,
            RuleStatus::Revised | RuleStatus::Repealed => Some(self.ended.unwrap_or(self.issued)),
        }
    }

    fn deadline(&self) -> Option<Date> {
        self.review_pending()
    }

    fn reference(&self) -> Option<&str> {
        self.doc_number.as_deref()
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.doc_number.as_deref().is_some_and(hit)
            || self.notes.as_deref().is_some_and(hit)
            || self
                .reviews
                .iter()
                .any(|r| r.note.as_deref().is_some_and(hit))
    }

    fn typed_status(&self) -> Option<Status> {
        Some(self.status.into())
    }

    fn links(&self) -> Vec<Link> {
        (self.replaces.iter())
            .map(|id| link(Role::Replaces, id))
            .chain(self.replaced_by.iter().map(|id| link(Role::ReplacedBy, id)))
            .collect()
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        swap.opt(&mut self.replaces) | swap.opt(&mut self.replaced_by)
    }

    fn units_mut(&mut self, each: &mut dyn FnMut(&str, &mut String)) {
        self.unit.iter_mut().for_each(|u| each("unit", u));
    }
}

impl IsStatus for RuleStatus {}

/// A rule and its revision name each other.
fn owes_back(role: Role) -> Option<Role> {
    match role {
        Role::Replaces => Some(Role::ReplacedBy),
        Role::ReplacedBy => Some(Role::Replaces),
        _ => None,
    }
}

/// What the register knows of rules (`Kind::spec`).
pub const SPEC: KindSpec = KindSpec {
    statuses: Some(|| status_words::set::<RuleStatus>(&[])),
    settable: &[
        ("title", Type::Title),
        ("doc_number", TEXT),
        ("issuer", TEXT),
        ("issued", Type::Date { required: true }),
        ("effective", Type::Date { required: false }),
        ("unit", Type::Unit { required: false }),
        ("review_due", Type::Date { required: false }),
        ("ended", Type::Date { required: false }),
        ("secrecy", req_kw::<Secrecy>()),
        ("notes", TEXT),
    ],
    structured: &["review_every", "reviews", "replaces", "replaced_by"],
    numbered: &[],
    date_keys: &["issued", "effective", "review_due", "ended"],
    prefix: "ZD",
    sealed: &["title", "notes", "history[].note", "reviews[].note"],
    import: Some(&import::IMPORT),
    owes_back,
    check_links: <Rule as KindChecks>::check_links,
};

/// A period's figures of rules and regulations (制度) in `summary`: in
/// force as of the period's end, issued, ended (revised or repealed) and
/// reviewed in the period, and overdue for review as of its end. Under
/// `rules` in the summary's JSON, and `--part rules`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Figures {
    pub in_force: usize,
    pub issued: usize,
    pub ended: usize,
    pub reviewed: usize,
    pub review_overdue: usize,
}

impl kind::Figures for Figures {
    const KEY: &'static str = "rules";

    fn count(&mut self, record: &Record, period: &Period, asof: Date) {
        if let Record::Rule(rule) = record {
            self.add(rule, period, asof);
        }
    }
}

impl Figures {
    fn add(&mut self, rule: &Rule, period: &Period, asof: Date) {
        let ended_by = |day: Date| rule.ended.is_some_and(|ended| ended <= day);
        let in_force = rule.in_force_from() <= asof && !ended_by(asof);
        self.in_force += usize::from(in_force);
        self.issued += usize::from(period.contains(rule.issued));
        self.ended += usize::from(rule.ended.is_some_and(|d| period.contains(d)));
        self.reviewed += rule
            .reviews
            .iter()
            .filter(|r| period.contains(r.date))
            .count();
        // The review owed then, not the one a later review set.
        let overdue = rule.review_due_on(asof).is_some_and(|due| due < asof);
        self.review_overdue += usize::from(in_force && overdue);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Rule {
        serde_yaml::from_str(
            "id: ZD-2026-0001\ntitle: 公文处理实施细则\nstatus: current\n\
             issued: 2024-03-01\neffective: 2024-04-01\nreview_every: 2y\n\
             review_due: 2026-04-01\ncreated: 2024-03-01T09:00:00+08:00\n",
        )
        .unwrap()
    }

    fn review(date: Date) -> Review {
        Review {
            date,
            by: "王丽".into(),
            outcome: Verdict::Keep,
            note: None,
        }
    }

    #[test]
    fn a_review_sets_the_next_a_cycle_later() {
        let mut rule = rule();
        assert_eq!(rule.next_review(), Some(Date::constant(2026, 4, 1)));
        rule.review(review(Date::constant(2026, 5, 10))).unwrap();
        assert_eq!(rule.review_due, Some(Date::constant(2028, 5, 10)));
        assert_eq!(rule.review_pending(), rule.review_due);
    }

    #[test]
    fn a_revised_or_repealed_rule_is_reviewed_no_more() {
        let mut rule = rule();
        let by = Id::parse("ZD-2026-0002").unwrap();
        rule.revised_by(by.clone(), Date::constant(2026, 6, 1))
            .unwrap();
        assert_eq!(rule.status, RuleStatus::Revised);
        assert_eq!(rule.replaced_by, Some(by));
        assert_eq!(rule.review_pending(), None);
        let refused = rule.review(review(Date::constant(2026, 7, 1))).unwrap_err();
        assert_eq!(refused.step, Step::Review.into());
        assert!(refused.allowed.is_empty());
        assert!(rule.repeal(Date::constant(2026, 7, 1)).is_err());
    }

    #[test]
    fn a_rule_reads_back_as_written() {
        let rule = rule();
        let text = serde_yaml::to_string(&rule).unwrap();
        let back: Rule = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, rule);
        assert!(text.contains("review_every: 2y"), "{text}");
    }
}
