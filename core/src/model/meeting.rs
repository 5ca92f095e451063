//! Meetings (会议, `MT`) and their decisions (议定事项).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::{Moment, When};
use crate::model::edit::{TEXT, Type, req_kw};
use crate::model::id::Id;
use crate::model::id::RecordRef;
use crate::model::keyword::{Keyword, Secrecy, keywords};
use crate::model::kind::KindSpec;
use crate::model::link::{Link, Role, link};
use crate::model::record::KindRules;
use crate::model::renumber::Swap;
use crate::model::status_words;
use crate::model::transition::{IsStatus, Status};
use crate::model::transition::{Refusal, Step};

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

    /// The steps the current status allows.
    pub fn next_steps(&self) -> Vec<Step> {
        match self.status {
            MtStatus::Planned => vec![Step::MeetingHeld, Step::MeetingCancel],
            MtStatus::Held | MtStatus::Minuted => {
                vec![Step::MeetingDecide, Step::MeetingMinutes]
            }
            MtStatus::Cancelled => Vec::new(),
        }
    }

    fn require(&self, step: Step) -> Result<(), Refusal> {
        if self.next_steps().contains(&step) {
            Ok(())
        } else {
            Err(Refusal::new(self.status, step).allowing(self.next_steps()))
        }
    }

    /// `meeting held`: the planned meeting took place.
    pub fn hold(&mut self) -> Result<(), Refusal> {
        self.require(Step::MeetingHeld)?;
        self.status = MtStatus::Held;
        Ok(())
    }

    /// `meeting cancel`: a planned meeting will not take place.
    pub fn cancel(&mut self) -> Result<(), Refusal> {
        self.require(Step::MeetingCancel)?;
        self.status = MtStatus::Cancelled;
        Ok(())
    }

    /// `meeting minutes` (会议纪要): the text, or the ID of the outgoing
    /// 纪要; given again, it replaces the earlier one.
    pub fn record_minutes(&mut self, minutes: String) -> Result<(), Refusal> {
        self.require(Step::MeetingMinutes)?;
        self.minutes = Some(minutes);
        self.status = MtStatus::Minuted;
        Ok(())
    }

    /// `meeting decide` (议定事项): records a decision of a meeting that
    /// was held, numbered one past the highest so far. Returns its number.
    pub fn decide(
        &mut self,
        text: String,
        lead: Option<String>,
        due: Option<Date>,
    ) -> Result<u32, Refusal> {
        self.require(Step::MeetingDecide)?;
        let n = self.decisions.iter().map(|d| d.n).max().unwrap_or(0) + 1;
        self.decisions.push(Decision {
            n,
            text,
            lead,
            due,
            followup: None,
        });
        Ok(n)
    }
}

impl KindRules for Meeting {
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
        self.attendees.shrink_to_fit();
        self.absent.shrink_to_fit();
        self.observers.shrink_to_fit();
        self.agenda.shrink_to_fit();
        self.decisions.shrink_to_fit();
    }

    fn secrecy(&self) -> Secrecy {
        self.secrecy
    }

    fn owner(&self) -> Option<&str> {
        self.recorder.as_deref()
    }

    fn party(&self) -> Option<String> {
        self.venue.clone()
    }

    fn filed_on(&self) -> Date {
        self.start.date()
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        self.decisions.iter().any(|d| hit(&d.text))
    }

    fn typed_status(&self) -> Option<Status> {
        Some(self.status.into())
    }

    /// Minutes given as text rather than an ID are not a link.
    fn links(&self) -> Vec<Link> {
        (self.decisions.iter())
            .filter_map(|d| Some(link(Role::Decision { n: d.n }, d.followup.as_ref()?)))
            .chain(
                (self.minutes.as_deref())
                    .and_then(Id::parse)
                    .map(|id| link(Role::Minutes, &id)),
            )
            .collect()
    }

    /// A follow-up of decision `n` is listed under it; one of the whole
    /// meeting has no decision to be listed under.
    fn owes_back(&self, role: Role) -> Option<Role> {
        match role {
            Role::Source { item: Some(n) } => Some(Role::Decision { n }),
            _ => None,
        }
    }

    fn link_followup(&mut self, reference: &RecordRef, followup: &Id) {
        if let Some(decision) = reference.item.and_then(|n| self.decision_mut(n)) {
            decision.followup = Some(followup.clone());
        }
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let mut changed = false;
        for d in &mut self.decisions {
            changed |= swap.opt(&mut d.followup);
        }
        if let Some(minutes) = self.minutes.as_mut() {
            changed |= swap.text(minutes);
        }
        changed
    }

    /// Who hosts and records it, attends, is absent (请假), observes
    /// (列席) and presents an item of its agenda: a leader's meetings,
    /// those missed included.
    fn people<'a>(&'a self, each: &mut dyn FnMut(&'static str, &'a str)) {
        self.host.iter().for_each(|p| each("host", p));
        self.recorder.iter().for_each(|p| each("recorder", p));
        self.attendees.iter().for_each(|p| each("attendees", p));
        self.absent.iter().for_each(|a| each("absent", &a.name));
        self.observers.iter().for_each(|p| each("observers", p));
        (self.agenda.iter())
            .flat_map(|a| a.presenter.iter())
            .for_each(|p| each("agenda.presenter", p));
    }

    fn units_mut(&mut self, each: &mut dyn FnMut(&str, &mut String)) {
        (self.decisions.iter_mut())
            .flat_map(|d| d.lead.iter_mut())
            .for_each(|u| each("decisions.lead", u));
    }
}

impl IsStatus for MtStatus {}

/// What the register knows of meetings (`Kind::spec`).
pub const SPEC: KindSpec = KindSpec {
    statuses: Some(|| status_words::set::<MtStatus>(&[])),
    settable: &[
        ("title", Type::Title),
        ("type", TEXT),
        ("start", Type::When { required: true }),
        ("end", Type::When { required: false }),
        ("venue", TEXT),
        ("host", TEXT),
        ("recorder", TEXT),
        ("attendees", Type::Names),
        ("observers", Type::Names),
        ("minutes", TEXT),
        ("secrecy", req_kw::<Secrecy>()),
        ("notes", TEXT),
    ],
    structured: &["absent", "agenda", "decisions"],
    numbered: &[],
    date_keys: &["start", "end"],
};
/// Whether a meeting given `start` and `end` would end before it
/// starts: two moments are compared as instants (their offsets may
/// differ); a day alone on either side compares by the day, so a meeting
/// that starts at 09:00 and ends "that day" is whole.
pub fn ends_before_start(start: &When, end: &When) -> bool {
    match (start, end) {
        (When::Moment(start), When::Moment(end)) => {
            let instant = |m: &Moment| m.offset.to_timestamp(m.datetime).ok();
            match (instant(start), instant(end)) {
                (Some(start), Some(end)) => end < start,
                _ => end.datetime < start.datetime,
            }
        }
        _ => end.date() < start.date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_ends_before_it_starts_only_when_it_truly_does() {
        let when = |text: &str| -> When { serde_yaml::from_str(text).unwrap() };
        let start = when("2026-11-24T15:00:00+08:00");
        assert!(ends_before_start(
            &start,
            &when("2026-11-24T09:00:00+08:00")
        ));
        assert!(!ends_before_start(
            &start,
            &when("2026-11-24T16:00:00+08:00")
        ));
        // The same instant seen from another offset is not earlier.
        assert!(!ends_before_start(
            &start,
            &when("2026-11-24T07:00:00+00:00")
        ));
        // A day alone compares by the day.
        assert!(!ends_before_start(&start, &when("2026-11-24")));
        assert!(ends_before_start(&start, &when("2026-11-23")));
    }

    fn meeting() -> Meeting {
        serde_yaml::from_str(
            "id: MT-2026-0001\ntitle: 第八次局长办公会议\nstatus: planned\n\
             start: 2026-11-23T09:00:00+08:00\ncreated: 2026-11-20T09:00:00+08:00\n",
        )
        .unwrap()
    }

    #[test]
    fn held_decided_minuted() {
        let mut mt = meeting();
        let err = mt.decide("x".into(), None, None).unwrap_err();
        assert_eq!(
            (err.status.keyword(), err.step),
            ("planned", Step::MeetingDecide)
        );
        assert_eq!(&*err.allowed, [Step::MeetingHeld, Step::MeetingCancel]);
        assert!(mt.record_minutes("x".into()).is_err());
        mt.hold().unwrap();
        assert_eq!(mt.decide("修订值班制度".into(), None, None), Ok(1));
        let due = Date::constant(2026, 12, 31);
        assert_eq!(
            mt.decide("整治占道".into(), Some("执法支队".into()), Some(due)),
            Ok(2)
        );
        assert_eq!(mt.decision(2).unwrap().due, Some(due));
        mt.record_minutes("OUT-2026-0003".into()).unwrap();
        assert_eq!(mt.status, MtStatus::Minuted);
        // Decisions may still be recorded from the minutes.
        assert_eq!(mt.decide("补充".into(), None, None), Ok(3));
        assert!(mt.hold().is_err());
        assert!(mt.cancel().is_err());
    }

    #[test]
    fn cancelled_meetings_take_nothing() {
        let mut mt = meeting();
        mt.cancel().unwrap();
        assert_eq!(mt.status, MtStatus::Cancelled);
        for err in [
            mt.hold().unwrap_err(),
            mt.cancel().unwrap_err(),
            mt.record_minutes("x".into()).unwrap_err(),
            mt.decide("x".into(), None, None).unwrap_err(),
        ] {
            assert_eq!(err.status.keyword(), "cancelled");
            assert!(err.allowed.is_empty());
        }
    }
}
