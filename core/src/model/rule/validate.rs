//! The rules `check` holds a rule (制度) to, on its own and about the
//! rules it names. The same checks guard every writer: the store refuses
//! a change that would bring in one of these errors.

use jiff::civil::Date;

use super::{Rule, RuleStatus};
use crate::model::kind::Kind;
use crate::model::link::Role;
use crate::model::validate::{ById, Findings, KindChecks, Note, Ties};

/// What is wrong with a rule, with the values needed to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleNote {
    /// It took effect before it was issued.
    EffectiveBeforeIssued { effective: Date, issued: Date },
    /// Revised, but no rule is named as replacing it.
    RevisedWithoutSuccessor,
    /// Revised or repealed, with no date it stopped being in force.
    EndedWithoutDate { status: RuleStatus },
    /// A review date earlier than the day it took effect.
    ReviewBeforeInForce { due: Date, from: Date },
    /// A cycle but no next review date: it will never be reminded.
    CycleWithoutReviewDue,
    /// `replaces`/`replaced_by` names a record that does not exist.
    LinkMissing { target: String },
    /// `replaces`/`replaced_by` names a record that is not a rule.
    LinkNotRule { target: String },
    /// The rule named does not name this one back.
    NotLinkedBack { target: String },
    /// A review cycle that cannot be read (an imported sheet's cell).
    BadCycle { input: String },
}

/// Checks one rule on its own.
impl KindChecks for Rule {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(ties: &Ties, by_id: &ById, f: &mut Findings) {
        links(ties, by_id, f)
    }
}

fn check(r: &Rule, f: &mut Findings) {
    if let Some(effective) = r.effective
        && effective < r.issued
    {
        f.error(
            "effective",
            Note::from(RuleNote::EffectiveBeforeIssued {
                effective,
                issued: r.issued,
            }),
        );
    }
    // A warning: an old register often says a rule was revised without
    // naming its successor, and the rule is no less revised for it.
    if r.status == RuleStatus::Revised && r.replaced_by.is_none() {
        f.warning("replaced_by", Note::from(RuleNote::RevisedWithoutSuccessor));
    }
    if r.status != RuleStatus::Current && r.ended.is_none() {
        f.warning(
            "ended",
            Note::from(RuleNote::EndedWithoutDate { status: r.status }),
        );
    }
    if let Some(due) = r.review_due
        && due < r.in_force_from()
    {
        f.error(
            "review_due",
            Note::from(RuleNote::ReviewBeforeInForce {
                due,
                from: r.in_force_from(),
            }),
        );
    }
    if r.status == RuleStatus::Current && r.review_every.is_some() && r.review_due.is_none() {
        f.warning("review_due", Note::from(RuleNote::CycleWithoutReviewDue));
    }
}

/// Checks that the rules a rule names exist, are rules, and name it back.
fn links(r: &Ties, by_id: &ById, f: &mut Findings) {
    for (field, role, back) in [
        ("replaces", Role::Replaces, Role::ReplacedBy),
        ("replaced_by", Role::ReplacedBy, Role::Replaces),
    ] {
        let Some(target) = r.target(role) else {
            continue;
        };
        let note = match by_id.get(target) {
            None => RuleNote::LinkMissing {
                target: target.to_string(),
            },
            Some(other) if other.kind == Kind::Rule && other.target(back) == Some(&r.id) => {
                continue;
            }
            Some(other) if other.kind == Kind::Rule => RuleNote::NotLinkedBack {
                target: target.to_string(),
            },
            Some(_) => RuleNote::LinkNotRule {
                target: target.to_string(),
            },
        };
        f.error(field, Note::from(note));
    }
}
