//! Follow-ups (督办事项, `FU`) and their life: progress, extension, chase,
//! submission, closure, cancellation.
//!
//! This is the one place that knows a follow-up's effective due date and
//! which moves its status allows.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::breakdown::Milestone;
use crate::model::common::{Actor, Extra, HistoryAction, HistoryEntry};
use crate::model::date::Moment;
use crate::model::edit::{TEXT, Type, opt_kw, req_kw};
use crate::model::id::{Id, RecordRef};
use crate::model::keyword::{ChaseLevel, Feedback, Keyword, Secrecy, Source, Urgency, keywords};
use crate::model::kind::Kind;
use crate::model::kind::KindSpec;
use crate::model::link::{Link, Role, link};
use crate::model::record::{KindRules, Record};
use crate::model::renumber::Swap;
use crate::model::repeat::Occurrence;
use crate::model::status_words;
use crate::model::transition::{IsStatus, Status};
use crate::model::transition::{Refusal, RefusalReason, Step};
use crate::model::validate::{KindChecks, KindTies};

keywords!(
    /// Where a follow-up stands.
    FuStatus, "follow-up status" {
        Open = "open" / "待办",
        InProgress = "in-progress" / "在办",
        Submitted = "submitted" / "已报结",
        Returned = "returned" / "已退回",
        Closed = "closed" / "已办结|已销号",
        Cancelled = "cancelled" / "已撤项",
    }
);

/// A deadline moved (延期).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extension {
    pub from: Date,
    pub to: Date,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    pub on: Date,
}

/// A progress note (进展).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub on: Date,
    pub by: String,
    pub note: String,
}

/// A chase (催办).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chase {
    pub on: Date,
    pub by: String,
    pub via: String,
    pub level: ChaseLevel,
}

/// The outcome (办理结果).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followup {
    pub id: Id,
    pub title: String,
    pub status: FuStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<RecordRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<String>,
    pub lead: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub assigned: Date,
    pub due: Date,
    #[serde(default)]
    pub secrecy: Secrecy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Progress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chases: Vec<Chase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The matter this is a part of (分解子项), `model::breakdown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Dated steps (节点), in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// 紧急程度, when it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    pub created: Moment,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The repeat rule of a standing duty (`model::repeat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<crate::model::repeat::Every>,
    /// The first occurrence of its series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Id>,
    /// The day its series was ended with it (`cancel --series`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_ended: Option<Date>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a new follow-up says: the flags of `assign`, also given by
/// `meeting decide`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFollowup {
    pub title: String,
    pub lead: String,
    pub support: Vec<String>,
    pub owner: Option<String>,
    pub assigned: Date,
    pub due: Date,
    /// The source kind; without it, taken from the source record.
    pub source: Option<Source>,
    pub requirement: Option<String>,
    pub assigned_by: Option<String>,
    pub supervisor: Option<String>,
    pub feedback: Option<Feedback>,
    /// A secrecy level higher than the source's, if any.
    pub secrecy: Option<Secrecy>,
    pub notes: Option<String>,
}

impl Followup {
    /// A new open follow-up `id` as `actor` assigns it. Made from a
    /// source record (a document, or the meeting whose decision
    /// `reference` names), it is at least as secret as the source and
    /// takes its source kind from it unless one is given.
    pub fn new(
        id: Id,
        spec: NewFollowup,
        source: Option<(&Record, &RecordRef)>,
        actor: &Actor,
    ) -> Followup {
        let inherited = source.map_or(Secrecy::None, |(record, _)| record.secrecy());
        let kind = spec.source.or_else(|| {
            source.map(|(record, _)| match record.kind() {
                Kind::Meeting => Source::Meeting,
                _ => Source::Document,
            })
        });
        Followup {
            id,
            title: spec.title,
            status: FuStatus::Open,
            requirement: spec.requirement,
            source: kind,
            source_ref: source.map(|(_, reference)| reference.clone()),
            assigned_by: spec.assigned_by,
            supervisor: spec.supervisor,
            lead: spec.lead,
            support: spec.support,
            owner: spec.owner,
            assigned: spec.assigned,
            due: spec.due,
            secrecy: spec.secrecy.map_or(inherited, |s| s.max(inherited)),
            feedback: spec.feedback,
            extensions: Vec::new(),
            progress: Vec::new(),
            chases: Vec::new(),
            result: None,
            notes: spec.notes,
            parent: None,
            milestones: Vec::new(),
            urgency: None,
            created: actor.at,
            history: vec![actor.entry(HistoryAction::Assign, None)],
            every: None,
            series: None,
            series_ended: None,
            extra: Default::default(),
        }
    }

    /// The due date in force: the last extension's `to`, else `due`.
    pub fn effective_due(&self) -> Date {
        self.extensions.last().map_or(self.due, |e| e.to)
    }

    /// Still to be done: neither closed nor cancelled.
    pub fn is_open(&self) -> bool {
        !matches!(self.status, FuStatus::Closed | FuStatus::Cancelled)
    }

    /// The date it was closed (销号), if it is closed.
    pub fn closed_on(&self) -> Option<Date> {
        match self.status {
            FuStatus::Closed => self.result.as_ref().and_then(|r| r.closed),
            _ => None,
        }
    }

    /// The date it was cancelled (撤项): the last `cancel` in its history.
    /// A cancelled one without that entry (hand-written) is taken as
    /// cancelled on the day it was assigned, i.e. never counted open.
    pub fn cancelled_on(&self) -> Option<Date> {
        if self.status != FuStatus::Cancelled {
            return None;
        }
        Some(
            self.history
                .iter()
                .rev()
                .find(|h| h.action == crate::model::common::HistoryAction::Cancel.keyword())
                .map_or(self.assigned, |h| h.at.date()),
        )
    }

    /// Whether it was open on `asof` (as `summary` counts): assigned by
    /// then, and neither closed nor cancelled by then.
    pub fn open_on(&self, asof: Date) -> bool {
        self.assigned <= asof
            && self.closed_on().is_none_or(|c| c > asof)
            && self.cancelled_on().is_none_or(|c| c > asof)
    }

    /// The day a progress report (反馈) was owed by, when one is owed on
    /// `today`: the follow-up is being worked on (open, in progress or
    /// returned — a submitted one awaits verification, not a report),
    /// its `feedback` cadence is periodic, and no progress was recorded
    /// within one period of the last report (or of the assignment, when
    /// there is none). `once` (一次性反馈) owes one report, at the end,
    /// which the deadline itself reminds of: never owed in between.
    pub fn feedback_owed(&self, today: Date) -> Option<Date> {
        use jiff::ToSpan;
        if !matches!(
            self.status,
            FuStatus::Open | FuStatus::InProgress | FuStatus::Returned
        ) {
            return None;
        }
        let period = match self.feedback? {
            Feedback::Once => return None,
            Feedback::Weekly => 7.days(),
            Feedback::Monthly => 1.month(),
            Feedback::Quarterly => 3.months(),
        };
        let last = self
            .progress
            .iter()
            .map(|p| p.on)
            .max()
            .map_or(self.assigned, |on| on.max(self.assigned));
        let owed = last.checked_add(period).ok()?;
        (owed <= today).then_some(owed)
    }

    /// The 三色督办 colour for a chase made `today`: red when overdue,
    /// yellow on the last day or when behind schedule (a milestone
    /// missed, `behind`), else blue.
    pub fn chase_level(&self, today: Date) -> ChaseLevel {
        let due = self.effective_due();
        if due < today {
            ChaseLevel::Red
        } else if due == today || self.behind(today).is_some() {
            ChaseLevel::Yellow
        } else {
            ChaseLevel::Blue
        }
    }

    fn require_active(&self, step: Step) -> Result<(), Refusal> {
        match self.status {
            FuStatus::Open | FuStatus::InProgress | FuStatus::Returned => Ok(()),
            _ => Err(Refusal::new(self.status, step)),
        }
    }

    /// Records progress; the first moves `open` to `in-progress`.
    pub fn record_progress(&mut self, entry: Progress) -> Result<(), Refusal> {
        self.require_active(Step::Progress)?;
        self.progress.push(entry);
        self.status = FuStatus::InProgress;
        Ok(())
    }

    /// `done`: closes directly, or submits (报结) when the register verifies.
    pub fn finish(
        &mut self,
        on: Date,
        by: &str,
        report: Option<String>,
        verify: bool,
    ) -> Result<(), Refusal> {
        self.require_active(Step::Done)?;
        let mut outcome = self.result.take().unwrap_or(Outcome {
            report: None,
            submitted: None,
            closed: None,
            closed_by: None,
        });
        if report.is_some() {
            outcome.report = report;
        }
        if verify {
            outcome.submitted = Some(on);
            self.status = FuStatus::Submitted;
        } else {
            outcome.closed = Some(on);
            outcome.closed_by = Some(by.to_string());
            self.status = FuStatus::Closed;
        }
        self.result = Some(outcome);
        Ok(())
    }

    /// `verify`: a submitted follow-up is checked and closed (销号).
    pub fn verify(&mut self, on: Date, by: &str) -> Result<(), Refusal> {
        if self.status != FuStatus::Submitted {
            return Err(Refusal::new(self.status, Step::Verify));
        }
        let outcome = self.result.get_or_insert(Outcome {
            report: None,
            submitted: Some(on),
            closed: None,
            closed_by: None,
        });
        outcome.closed = Some(on);
        outcome.closed_by = Some(by.to_string());
        self.status = FuStatus::Closed;
        Ok(())
    }

    /// `reopen`: a submitted or closed follow-up goes back (退回) for more
    /// work; a cancelled one is restored to `open`.
    pub fn reopen(&mut self) -> Result<(), Refusal> {
        match self.status {
            FuStatus::Submitted | FuStatus::Closed => {
                if let Some(outcome) = &mut self.result {
                    outcome.closed = None;
                    outcome.closed_by = None;
                    outcome.submitted = None;
                }
                self.status = FuStatus::Returned;
                Ok(())
            }
            FuStatus::Cancelled => {
                self.status = FuStatus::Open;
                Ok(())
            }
            _ => Err(Refusal::new(self.status, Step::Reopen)),
        }
    }

    /// `cancel` (撤项): only a matter not yet submitted or closed.
    pub fn cancel(&mut self) -> Result<(), Refusal> {
        self.require_active(Step::Cancel)?;
        self.status = FuStatus::Cancelled;
        Ok(())
    }

    /// `extend` (延期): the new date must be later than the one in force.
    pub fn extend(&mut self, extension: Extension) -> Result<(), Refusal> {
        self.require_active(Step::Extend)?;
        if extension.to <= self.effective_due() {
            return Err(Refusal::new(self.status, Step::Extend).because(RefusalReason::NotLater));
        }
        self.extensions.push(extension);
        Ok(())
    }

    /// `chase` (催办).
    pub fn chase(&mut self, chase: Chase) -> Result<(), Refusal> {
        self.require_active(Step::Chase)?;
        self.chases.push(chase);
        Ok(())
    }
}

impl KindRules for Followup {
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        Some(&mut self.secrecy)
    }

    fn forget_matter(&mut self) {
        use crate::model::classified::forget;
        self.requirement = None;
        self.progress.iter_mut().for_each(|p| p.note.clear());
        self.extensions.iter_mut().for_each(|e| e.reason.clear());
        self.milestones.iter_mut().for_each(|m| m.text.clear());
        if let Some(result) = &mut self.result {
            result.report = None;
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
        self.support.shrink_to_fit();
        self.extensions.shrink_to_fit();
        self.progress.shrink_to_fit();
        self.chases.shrink_to_fit();
        self.milestones.shrink_to_fit();
    }

    fn secrecy(&self) -> Secrecy {
        self.secrecy
    }

    fn unit(&self) -> Option<&str> {
        Some(&self.lead)
    }

    fn owner(&self) -> Option<&str> {
        self.owner.as_deref()
    }

    fn filed_on(&self) -> Date {
        self.assigned
    }

    fn is_open(&self) -> bool {
        Followup::is_open(self)
    }

    fn pending_due(&self) -> Option<Date> {
        Followup::is_open(self).then(|| self.effective_due())
    }

    fn settled_on(&self) -> Option<Date> {
        if Followup::is_open(self) {
            None
        } else {
            self.closed_on().or_else(|| self.cancelled_on())
        }
    }

    fn deadline(&self) -> Option<Date> {
        Some(self.effective_due())
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.requirement.as_deref().is_some_and(hit)
            || self.owner.as_deref().is_some_and(hit)
            || self.notes.as_deref().is_some_and(hit)
    }

    fn typed_status(&self) -> Option<Status> {
        Some(self.status.into())
    }

    fn links(&self) -> Vec<Link> {
        (self.source_ref.iter())
            .map(|source| link(Role::Source { item: source.item }, &source.id))
            .chain(self.parent.iter().map(|parent| link(Role::Parent, parent)))
            .collect()
    }

    fn ties(&self) -> KindTies {
        KindTies::Followup {
            status: self.status,
            due: self.effective_due(),
            repeat: Occurrence::of(self),
        }
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let source = swap.reference(&mut self.source_ref);
        swap.opt(&mut self.parent) | swap.opt(&mut self.series) | source
    }

    /// Who assigned it (the leader), supervises it and owns it.
    fn people<'a>(&'a self, each: &mut dyn FnMut(&'static str, &'a str)) {
        self.assigned_by.iter().for_each(|p| each("assigned_by", p));
        self.supervisor.iter().for_each(|p| each("supervisor", p));
        self.owner.iter().for_each(|p| each("owner", p));
    }

    fn units_mut(&mut self, each: &mut dyn FnMut(&str, &mut String)) {
        each("lead", &mut self.lead);
        self.support.iter_mut().for_each(|u| each("support", u));
    }
}

impl IsStatus for FuStatus {}

/// Words offices use for a follow-up's status besides the ones the
/// catalogue shows.
const MORE_STATUS_WORDS: &[(FuStatus, &str)] = &[
    (FuStatus::InProgress, "办理中"),
    (FuStatus::InProgress, "正在办理"),
    (FuStatus::Open, "未办"),
];

/// A document listing the follow-up is its source; a meeting
/// decision naming it, the decision it carries out.
fn owes_back(role: Role) -> Option<Role> {
    match role {
        Role::Followup => Some(Role::Source { item: None }),
        Role::Decision { n } => Some(Role::Source { item: Some(n) }),
        _ => None,
    }
}

/// What the register knows of follow-ups (`Kind::spec`).
pub const SPEC: KindSpec = KindSpec {
    statuses: Some(|| status_words::set::<FuStatus>(MORE_STATUS_WORDS)),
    settable: &[
        ("title", Type::Title),
        ("requirement", TEXT),
        ("source", opt_kw::<Source>()),
        ("assigned_by", TEXT),
        ("supervisor", TEXT),
        ("lead", Type::Unit { required: true }),
        ("support", Type::Units),
        ("owner", TEXT),
        ("assigned", Type::Date { required: true }),
        ("due", Type::Date { required: true }),
        ("secrecy", req_kw::<Secrecy>()),
        ("feedback", opt_kw::<Feedback>()),
        ("notes", TEXT),
        ("urgency", opt_kw::<Urgency>()),
    ],
    structured: &[
        "source_ref",
        "extensions",
        "progress",
        "chases",
        "result",
        "parent",
        "milestones",
        "every",
        "series",
        "series_ended",
    ],
    numbered: &[],
    date_keys: &[
        "assigned",
        "due",
        "from",
        "to",
        "submitted",
        "closed",
        "series_ended",
        "done",
    ],
    prefix: "FU",
    sealed: &[
        "title",
        "notes",
        "history[].note",
        "requirement",
        "progress[].note",
        "result.report",
        "extensions[].reason",
        "milestones[].text",
    ],
    import: Some(&crate::model::import::FOLLOWUP),
    owes_back,
    check_links: <Followup as KindChecks>::check_links,
};

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Followup {
        serde_yaml::from_str(
            "id: FU-2026-0001\ntitle: 修订值班制度\nstatus: open\nlead: 办公室\n\
             assigned: 2026-11-01\ndue: 2026-11-20\ncreated: 2026-11-01T09:00:00+08:00\n",
        )
        .unwrap()
    }

    fn day(d: i8) -> Date {
        Date::constant(2026, 11, d)
    }

    #[test]
    fn effective_due_follows_last_extension() {
        let mut fu = sample();
        assert_eq!(fu.effective_due(), day(20));
        let ext = |to| Extension {
            from: day(20),
            to,
            reason: "等待批复".into(),
            approved_by: None,
            on: day(18),
        };
        fu.extend(ext(day(25))).unwrap();
        assert_eq!(fu.effective_due(), day(25));
        // Not later than the date in force: refused.
        let err = fu.extend(ext(day(24))).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::NotLater));
        assert_eq!(fu.effective_due(), day(25));
    }

    #[test]
    fn life_without_verification() {
        let mut fu = sample();
        fu.record_progress(Progress {
            on: day(5),
            by: "李明".into(),
            note: "已起草".into(),
        })
        .unwrap();
        assert_eq!(fu.status, FuStatus::InProgress);
        fu.finish(day(10), "李明", Some("已印发".into()), false)
            .unwrap();
        assert_eq!(fu.status, FuStatus::Closed);
        assert_eq!(fu.closed_on(), Some(day(10)));
        // Closed: further steps are refused, naming the status.
        let err = fu.record_progress(Progress {
            on: day(11),
            by: "x".into(),
            note: "x".into(),
        });
        assert_eq!(err.unwrap_err().status.keyword(), "closed");
        assert!(fu.cancel().is_err());
        fu.reopen().unwrap();
        assert_eq!(fu.status, FuStatus::Returned);
        assert_eq!(fu.closed_on(), None);
    }

    #[test]
    fn life_with_verification() {
        let mut fu = sample();
        fu.finish(day(10), "李明", None, true).unwrap();
        assert_eq!(fu.status, FuStatus::Submitted);
        assert!(fu.is_open());
        fu.verify(day(11), "王主任").unwrap();
        assert_eq!(fu.status, FuStatus::Closed);
        assert_eq!(fu.closed_on(), Some(day(11)));
        assert!(fu.verify(day(12), "x").is_err());
    }

    #[test]
    fn cancelled_cannot_be_done() {
        let mut fu = sample();
        fu.cancel().unwrap();
        let err = fu.finish(day(10), "x", None, false).unwrap_err();
        assert_eq!(err.status.keyword(), "cancelled");
        assert_eq!(err.step, Step::Done);
    }

    #[test]
    fn chase_colours() {
        let fu = sample();
        assert_eq!(fu.chase_level(day(19)), ChaseLevel::Blue);
        assert_eq!(fu.chase_level(day(20)), ChaseLevel::Yellow);
        assert_eq!(fu.chase_level(day(21)), ChaseLevel::Red);
        // Behind schedule: yellow before the last day, red still after it.
        let mut fu = fu;
        fu.milestones.push(Milestone {
            due: day(10),
            text: "完成方案".into(),
            done: None,
        });
        assert_eq!(fu.chase_level(day(10)), ChaseLevel::Blue);
        assert_eq!(fu.chase_level(day(11)), ChaseLevel::Yellow);
        assert_eq!(fu.chase_level(day(21)), ChaseLevel::Red);
    }

    #[test]
    fn feedback_is_owed_one_period_after_the_last_report() {
        let mut fu = sample(); // assigned 11-01
        assert_eq!(fu.feedback_owed(day(30)), None, "no cadence");
        fu.feedback = Some(Feedback::Weekly);
        assert_eq!(fu.feedback_owed(day(7)), None);
        assert_eq!(fu.feedback_owed(day(8)), Some(day(8)));
        fu.record_progress(Progress {
            on: day(6),
            by: "李明".into(),
            note: "已起草".into(),
        })
        .unwrap();
        assert_eq!(fu.feedback_owed(day(12)), None);
        assert_eq!(fu.feedback_owed(day(13)), Some(day(13)));
        fu.feedback = Some(Feedback::Monthly);
        assert_eq!(fu.feedback_owed(day(30)), None);
        assert_eq!(
            fu.feedback_owed(Date::constant(2026, 12, 6)),
            Some(Date::constant(2026, 12, 6))
        );
        fu.feedback = Some(Feedback::Quarterly);
        assert_eq!(fu.feedback_owed(Date::constant(2027, 2, 5)), None);
        assert!(fu.feedback_owed(Date::constant(2027, 2, 6)).is_some());
        // Once: the one report is the result, reminded of by the deadline.
        fu.feedback = Some(Feedback::Once);
        assert_eq!(fu.feedback_owed(Date::constant(2027, 6, 1)), None);
        // Submitted: awaiting verification, no report owed.
        fu.feedback = Some(Feedback::Weekly);
        fu.finish(day(20), "李明", None, true).unwrap();
        assert_eq!(fu.feedback_owed(day(30)), None);
    }
}
