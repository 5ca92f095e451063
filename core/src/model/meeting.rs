//! Meetings (会议, `MT`) and their decisions (议定事项).

use jiff::civil::{Date, DateTime, Time};
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry};
use crate::model::date::{Moment, When};
use crate::model::edit::{TEXT, Type, req_kw};
use crate::model::followup::{Followup, FuStatus};
use crate::model::id::Id;
use crate::model::id::RecordRef;
use crate::model::keyword::{Keyword, Secrecy, keywords};
use crate::model::kind::KindSpec;
use crate::model::link::{Link, Role, link};
use crate::model::record::KindRules;
use crate::model::renumber::Swap;
use crate::model::repeat::Occurrence;
use crate::model::status_words;
use crate::model::transition::{IsStatus, Status};
use crate::model::transition::{Refusal, Step};
use crate::model::validate::{KindChecks, KindTies};

keywords!(
    /// Where a meeting stands.
    MtStatus, "meeting status" {
        Planned = "planned" / "已安排",
        Held = "held" / "已召开",
        /// Minutes written down as text (会议记录, a draft of the 纪要).
        Minuted = "minuted" / "已形成纪要",
        /// The formal minutes issued: an outgoing document of the
        /// register is linked as the minutes.
        Issued = "issued" / "已印发纪要",
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
    /// Units that help the lead unit (协办单位); the follow-up made from
    /// the decision carries them as its support units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup: Option<Id>,
}

/// What a decision asks, as `meeting decide` gives it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewDecision {
    pub text: String,
    pub lead: Option<String>,
    pub support: Vec<String>,
    pub due: Option<Date>,
}

impl Absence {
    /// `张三:出差` (or with the full-width colon, `张三：出差`): who was
    /// absent and why. Both halves must say something; the reason may
    /// itself hold a colon.
    pub fn parse(text: &str) -> Result<Absence, MeetingError> {
        let bad = || MeetingError::BadAbsence {
            value: text.to_string(),
        };
        let (name, reason) = text.split_once([':', '：']).ok_or_else(bad)?;
        let (name, reason) = (name.trim(), reason.trim());
        if name.is_empty() || reason.is_empty() {
            return Err(bad());
        }
        Ok(Absence {
            name: name.to_string(),
            reason: Some(reason.to_string()),
        })
    }
}

/// Who was at a meeting and who was not, as `meeting held` records it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attendance {
    /// Who was there; empty keeps the planned attendees.
    pub attended: Vec<String>,
    /// Who was not, and why; empty keeps any absence already recorded.
    pub absent: Vec<Absence>,
}

impl Attendance {
    /// Refuses a name given both as there and as absent, and a name
    /// given twice as absent: one person cannot be both, nor absent for
    /// two reasons.
    pub fn new(attended: Vec<String>, absent: Vec<Absence>) -> Result<Attendance, MeetingError> {
        for (i, a) in absent.iter().enumerate() {
            if attended.contains(&a.name) {
                return Err(MeetingError::AbsentAndAttended {
                    name: a.name.clone(),
                });
            }
            if absent[..i].iter().any(|b| b.name == a.name) {
                return Err(MeetingError::AbsentTwice {
                    name: a.name.clone(),
                });
            }
        }
        Ok(Attendance { attended, absent })
    }
}

/// Why a meeting step cannot be done as asked, besides the status
/// refusing it (`Refused`). Worded by the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingError {
    /// The step the status does not allow.
    Refused(Refusal),
    /// `meeting held` before the day the meeting starts.
    HeldBeforeStart { start: Date, today: Date },
    /// `--absent` not written `NAME:REASON`.
    BadAbsence { value: String },
    /// One person both absent and there.
    AbsentAndAttended { name: String },
    /// One person absent twice.
    AbsentTwice { name: String },
}

impl From<Refusal> for MeetingError {
    fn from(refusal: Refusal) -> MeetingError {
        MeetingError::Refused(refusal)
    }
}

/// 落实率 of a meeting: of its decisions due (each with its follow-up),
/// how many were closed on time. A decision is *due* as of a day when its
/// follow-up's deadline in force (the last approved extension, else the
/// first deadline: the one the office agreed to) is on or before that
/// day, or it was closed by then; it is *on time* when it was closed by
/// then, on or before that deadline. A decision without a follow-up, or
/// whose follow-up was withdrawn (撤项), has nothing to be late for and
/// is not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Implementation {
    pub due: usize,
    pub on_time: usize,
}

impl Implementation {
    /// What one follow-up adds, as of `asof`.
    pub fn of(fu: &Followup, asof: Date) -> Implementation {
        let withdrawn =
            fu.status == FuStatus::Cancelled && fu.cancelled_on().is_some_and(|c| c <= asof);
        if withdrawn {
            return Implementation::default();
        }
        let deadline = fu.effective_due();
        let closed = fu.closed_on().filter(|c| *c <= asof);
        Implementation {
            due: usize::from(closed.is_some() || deadline <= asof),
            on_time: usize::from(closed.is_some_and(|c| c <= deadline)),
        }
    }

    /// The share closed on time, `None` when nothing is due yet.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| self.on_time as f64 / self.due as f64)
    }
}

/// `{"due": 4, "on_time": 3, "rate": 0.75}`: with its rate, `null`
/// while nothing is due, as every report gives it.
impl Serialize for Implementation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Implementation", 3)?;
        s.serialize_field("due", &self.due)?;
        s.serialize_field("on_time", &self.on_time)?;
        s.serialize_field("rate", &self.rate())?;
        s.end()
    }
}

impl std::ops::Add for Implementation {
    type Output = Implementation;

    fn add(self, other: Implementation) -> Implementation {
        Implementation {
            due: self.due + other.due,
            on_time: self.on_time + other.on_time,
        }
    }
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

impl Meeting {
    pub fn decision(&self, n: u32) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.n == n)
    }

    pub fn decision_mut(&mut self, n: u32) -> Option<&mut Decision> {
        self.decisions.iter_mut().find(|d| d.n == n)
    }

    /// The steps the current status allows. Minutes may be given again
    /// once there are some (the issued 纪要 replacing the text).
    fn allowed(&self) -> Vec<Step> {
        match self.status {
            MtStatus::Planned => vec![Step::MeetingHeld, Step::MeetingCancel],
            MtStatus::Held | MtStatus::Minuted | MtStatus::Issued => {
                vec![Step::MeetingDecide, Step::MeetingMinutes]
            }
            MtStatus::Cancelled => Vec::new(),
        }
    }

    /// The steps worth doing next, as `show` suggests them: once minutes
    /// are written down, not to write them again, but to issue them (the
    /// outgoing 纪要); once issued, nothing of the minutes.
    pub fn next_steps(&self) -> Vec<Step> {
        match self.status {
            MtStatus::Minuted => vec![Step::MeetingDecide, Step::MeetingIssueMinutes],
            MtStatus::Issued => vec![Step::MeetingDecide],
            _ => self.allowed(),
        }
    }

    fn require(&self, step: Step) -> Result<(), Refusal> {
        if self.allowed().contains(&step) {
            Ok(())
        } else {
            Err(Refusal::new(self.status, step).allowing(self.allowed()))
        }
    }

    /// `meeting held`: the planned meeting took place, and who was there
    /// and who was not. Not before the day it starts (`today`): a meeting
    /// to come has not been held. Names given as absent leave the
    /// attendees.
    pub fn hold(&mut self, today: Date, attendance: Attendance) -> Result<(), MeetingError> {
        self.require(Step::MeetingHeld)?;
        let start = self.start.date();
        if today < start {
            return Err(MeetingError::HeldBeforeStart { start, today });
        }
        let Attendance { attended, absent } = attendance;
        if !attended.is_empty() {
            self.attendees = attended;
        }
        if !absent.is_empty() {
            self.absent = absent;
        }
        let away = &self.absent;
        self.attendees
            .retain(|name| !away.iter().any(|a| &a.name == name));
        self.status = MtStatus::Held;
        Ok(())
    }

    /// The day a follow-up of one of its decisions is assigned when the
    /// decision is recorded on `today`: never before the meeting that
    /// decided it.
    pub fn assigns_on(&self, today: Date) -> Date {
        today.max(self.start.date())
    }

    /// 落实率 as of `asof`, the follow-ups found by `followup` (one not
    /// found counts as none).
    pub fn implementation<'a>(
        &self,
        followup: impl Fn(&Id) -> Option<&'a Followup>,
        asof: Date,
    ) -> Implementation {
        (self.decisions.iter())
            .filter_map(|d| followup(d.followup.as_ref()?))
            .map(|fu| Implementation::of(fu, asof))
            .fold(Implementation::default(), |sum, one| sum + one)
    }

    /// Whether it took place: held, with or without minutes.
    pub fn was_held(&self) -> bool {
        matches!(
            self.status,
            MtStatus::Held | MtStatus::Minuted | MtStatus::Issued
        )
    }

    /// `meeting cancel`: a planned meeting will not take place.
    pub fn cancel(&mut self) -> Result<(), Refusal> {
        self.require(Step::MeetingCancel)?;
        self.status = MtStatus::Cancelled;
        Ok(())
    }

    /// `meeting minutes` (会议纪要): the text, or the ID of the outgoing
    /// 纪要; given again, it replaces the earlier one. Text is minutes
    /// written down (已形成纪要); a document's ID is the minutes issued
    /// (已印发纪要), as `links` takes it.
    pub fn record_minutes(&mut self, minutes: String) -> Result<(), Refusal> {
        self.require(Step::MeetingMinutes)?;
        self.status = match Id::parse(&minutes) {
            Some(_) => MtStatus::Issued,
            None => MtStatus::Minuted,
        };
        self.minutes = Some(minutes);
        Ok(())
    }

    /// `meeting decide` (议定事项): records a decision of a meeting that
    /// was held, numbered one past the highest so far. Returns its number.
    pub fn decide(&mut self, new: NewDecision) -> Result<u32, Refusal> {
        self.require(Step::MeetingDecide)?;
        let n = self.decisions.iter().map(|d| d.n).max().unwrap_or(0) + 1;
        self.decisions.push(Decision {
            n,
            text: new.text,
            lead: new.lead,
            support: new.support,
            due: new.due,
            followup: None,
        });
        Ok(n)
    }
}

impl KindRules for Meeting {
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        Some(&mut self.secrecy)
    }

    fn forget_matter(&mut self) {
        use crate::model::classified::forget;
        self.agenda.clear();
        self.decisions.iter_mut().for_each(|d| d.text.clear());
        self.absent.iter_mut().for_each(|a| a.reason = None);
        // Formal minutes are a link to an outgoing document; minutes
        // written out are matter.
        self.minutes = self.minutes.take().filter(|m| Id::parse(m).is_some());
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

    fn ties(&self) -> KindTies {
        let decisions = (self.decisions.iter()).map(|d| (d.n, d.followup.clone()));
        KindTies::Meeting {
            decisions: decisions.collect(),
            repeat: Occurrence::of(self),
        }
    }

    fn link_followup(&mut self, reference: &RecordRef, followup: &Id) {
        if let Some(decision) = reference.item.and_then(|n| self.decision_mut(n)) {
            decision.followup = Some(followup.clone());
        }
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let mut changed = swap.opt(&mut self.series);
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
        for d in &mut self.decisions {
            d.lead.iter_mut().for_each(|u| each("decisions.lead", u));
            d.support
                .iter_mut()
                .for_each(|u| each("decisions.support", u));
        }
    }
}

impl IsStatus for MtStatus {}

/// A follow-up of decision `n` is listed under it; one of the whole
/// meeting has no decision to be listed under.
fn owes_back(role: Role) -> Option<Role> {
    match role {
        Role::Source { item: Some(n) } => Some(Role::Decision { n }),
        _ => None,
    }
}

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
    structured: &[
        "absent",
        "agenda",
        "decisions",
        "every",
        "series",
        "series_ended",
    ],
    numbered: &[],
    date_keys: &["start", "end", "series_ended"],
    prefix: "MT",
    sealed: &[
        "title",
        "notes",
        "history[].note",
        "minutes",
        "agenda[].title",
        "decisions[].text",
        "absent[].reason",
    ],
    import: Some(&crate::model::import::meeting::IMPORT),
    owes_back,
    check_links: <Meeting as KindChecks>::check_links,
};
/// The wall-clock span a meeting holds its room: from its start to its
/// end. A day alone starts at midnight and ends at the next; a meeting
/// without an end is taken to hold the room to the end of its day (its
/// length unknown, the day is what is certainly booked).
fn span(start: &When, end: Option<&When>) -> (DateTime, DateTime) {
    let midnight_after = |d: Date| d.tomorrow().unwrap_or(d).to_datetime(Time::midnight());
    let from = match start {
        When::Date(d) => d.to_datetime(Time::midnight()),
        When::Moment(m) => m.datetime,
    };
    let to = match end {
        Some(When::Moment(m)) => m.datetime,
        Some(When::Date(d)) => midnight_after(*d),
        None => midnight_after(start.date()),
    };
    (from, to)
}

impl Meeting {
    /// Whether `other` takes the same room (its venue, as written) at a
    /// time overlapping this meeting's, and still will (not cancelled).
    /// A meeting without a venue takes no room.
    pub fn clashes_with(&self, other: &Meeting) -> bool {
        fn room(m: &Meeting) -> Option<&str> {
            m.venue.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        if other.id == self.id || other.status == MtStatus::Cancelled {
            return false;
        }
        let (Some(mine), Some(theirs)) = (room(self), room(other)) else {
            return false;
        };
        let (a, b) = (
            span(&self.start, self.end.as_ref()),
            span(&other.start, other.end.as_ref()),
        );
        mine == theirs && a.0 < b.1 && b.0 < a.1
    }
}

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
             start: 2026-11-23T09:00:00+08:00\ncreated: 2026-11-20T09:00:00+08:00\n\
             attendees: [张局长, 李副局长, 王科长]\n",
        )
        .unwrap()
    }

    fn day(d: i8) -> Date {
        Date::constant(2026, 11, d)
    }

    fn decision(text: &str) -> NewDecision {
        NewDecision {
            text: text.into(),
            ..NewDecision::default()
        }
    }

    #[test]
    fn held_decided_minuted_issued() {
        let mut mt = meeting();
        let err = mt.decide(decision("x")).unwrap_err();
        assert_eq!(
            (err.status.keyword(), err.step),
            ("planned", Step::MeetingDecide)
        );
        assert_eq!(&*err.allowed, [Step::MeetingHeld, Step::MeetingCancel]);
        assert!(mt.record_minutes("x".into()).is_err());
        mt.hold(day(23), Attendance::default()).unwrap();
        assert_eq!(mt.decide(decision("修订值班制度")), Ok(1));
        let due = Date::constant(2026, 12, 31);
        let n = mt.decide(NewDecision {
            text: "整治占道".into(),
            lead: Some("执法支队".into()),
            support: vec!["交警大队".into()],
            due: Some(due),
        });
        assert_eq!(n, Ok(2));
        assert_eq!(mt.decision(2).unwrap().due, Some(due));
        assert_eq!(mt.decision(2).unwrap().support, ["交警大队"]);
        assert_eq!(mt.next_steps(), [Step::MeetingDecide, Step::MeetingMinutes]);
        mt.record_minutes("会议研究了两项工作。".into()).unwrap();
        assert_eq!(mt.status, MtStatus::Minuted);
        // Written down: the hint is to issue them, not to write them again.
        assert_eq!(
            mt.next_steps(),
            [Step::MeetingDecide, Step::MeetingIssueMinutes]
        );
        mt.record_minutes("OUT-2026-0003".into()).unwrap();
        assert_eq!(mt.status, MtStatus::Issued);
        assert_eq!(mt.next_steps(), [Step::MeetingDecide]);
        // Decisions may still be recorded from the minutes.
        assert_eq!(mt.decide(decision("补充")), Ok(3));
        assert!(mt.hold(day(23), Attendance::default()).is_err());
        assert!(mt.cancel().is_err());
    }

    #[test]
    fn held_not_before_its_day_with_who_was_there() {
        let mut mt = meeting();
        assert_eq!(
            mt.hold(day(22), Attendance::default()),
            Err(MeetingError::HeldBeforeStart {
                start: day(23),
                today: day(22)
            })
        );
        assert_eq!(mt.status, MtStatus::Planned);
        let absent = vec![Absence::parse("王科长：出差").unwrap()];
        mt.hold(day(24), Attendance::new(Vec::new(), absent).unwrap())
            .unwrap();
        assert_eq!(mt.attendees, ["张局长", "李副局长"]);
        assert_eq!(mt.absent[0].reason.as_deref(), Some("出差"));
        assert_eq!(mt.assigns_on(day(22)), day(23));
        assert_eq!(mt.assigns_on(day(25)), day(25));
    }

    #[test]
    fn attendance_refuses_what_cannot_be() {
        for bad in ["张三", "张三:", ":出差", " : "] {
            assert_eq!(
                Absence::parse(bad),
                Err(MeetingError::BadAbsence { value: bad.into() })
            );
        }
        let a = Absence::parse("张三:出差:北京").unwrap();
        assert_eq!(
            (a.name.as_str(), a.reason.as_deref()),
            ("张三", Some("出差:北京"))
        );
        let both = Attendance::new(vec!["张三".into()], vec![a.clone()]);
        assert_eq!(
            both,
            Err(MeetingError::AbsentAndAttended {
                name: "张三".into()
            })
        );
        let twice = Attendance::new(Vec::new(), vec![a.clone(), a]);
        assert_eq!(
            twice,
            Err(MeetingError::AbsentTwice {
                name: "张三".into()
            })
        );
    }

    /// A follow-up due 11-10, closed on `closed`, its deadline extended
    /// to `extended`.
    fn followup(closed: Option<i8>, extended: Option<i8>) -> Followup {
        let mut fu: Followup = serde_yaml::from_str(
            "id: FU-2026-0001\ntitle: x\nstatus: open\nlead: 办公室\n\
             assigned: 2026-11-01\ndue: 2026-11-10\ncreated: 2026-11-01T09:00:00+08:00\n",
        )
        .unwrap();
        if let Some(to) = extended {
            let yaml = format!("{{from: 2026-11-10, to: 2026-11-{to}, reason: r, on: 2026-11-09}}");
            fu.extensions.push(serde_yaml::from_str(&yaml).unwrap());
        }
        if let Some(on) = closed {
            fu.status = FuStatus::Closed;
            fu.result = Some(serde_yaml::from_str(&format!("closed: 2026-11-{on}")).unwrap());
        }
        fu
    }

    #[test]
    fn implementation_counts_due_and_on_time() {
        let asof = day(20);
        let count = |closed, extended| Implementation::of(&followup(closed, extended), asof);
        let none = Implementation::default();
        let late = Implementation { due: 1, on_time: 0 };
        let on_time = Implementation { due: 1, on_time: 1 };
        // Open past its deadline: due, not on time.
        assert_eq!(count(None, None), late);
        // Open with its deadline extended past the day: not yet due.
        assert_eq!(count(None, Some(30)), none);
        // Closed by the extended deadline, after the first: on time.
        assert_eq!(count(Some(14), Some(15)), on_time);
        // Closed late.
        assert_eq!(count(Some(12), None), late);
        // Closed before a deadline still to come: due, and on time.
        assert_eq!(count(Some(12), Some(30)), on_time);
        // Closed after the day counted: as it stood then.
        assert_eq!(count(Some(25), None), late);
        assert_eq!(count(Some(25), Some(30)), none);
        // Withdrawn: not counted.
        let mut withdrawn = followup(None, None);
        withdrawn.status = FuStatus::Cancelled;
        assert_eq!(Implementation::of(&withdrawn, asof), none);
        assert_eq!((late + on_time).rate(), Some(0.5));
        assert_eq!(none.rate(), None);
    }

    #[test]
    fn a_room_clashes_only_when_taken_at_an_overlapping_time() {
        let at = |id: &str, start: &str, end: Option<&str>, venue: &str| {
            let mut m = meeting();
            m.id = Id::parse(id).unwrap();
            m.start = serde_yaml::from_str(start).unwrap();
            m.end = end.map(|e| serde_yaml::from_str(e).unwrap());
            m.venue = Some(venue.into());
            m
        };
        let morning = at(
            "MT-2026-0001",
            "2026-11-23T09:00:00+08:00",
            Some("2026-11-23T11:00:00+08:00"),
            "三楼会议室",
        );
        let overlapping = at(
            "MT-2026-0002",
            "2026-11-23T10:30:00+08:00",
            Some("2026-11-23T12:00:00+08:00"),
            " 三楼会议室 ",
        );
        let after = at(
            "MT-2026-0003",
            "2026-11-23T11:00:00+08:00",
            Some("2026-11-23T12:00:00+08:00"),
            "三楼会议室",
        );
        let elsewhere = at(
            "MT-2026-0004",
            "2026-11-23T09:00:00+08:00",
            None,
            "四楼会议室",
        );
        let all_day = at("MT-2026-0005", "2026-11-23", None, "三楼会议室");
        let open_ended = at(
            "MT-2026-0006",
            "2026-11-23T15:00:00+08:00",
            None,
            "三楼会议室",
        );
        let next_day = at("MT-2026-0007", "2026-11-24", None, "三楼会议室");
        assert!(morning.clashes_with(&overlapping) && overlapping.clashes_with(&morning));
        assert!(!morning.clashes_with(&after), "ends as the other begins");
        assert!(!morning.clashes_with(&elsewhere));
        assert!(morning.clashes_with(&all_day) && after.clashes_with(&all_day));
        assert!(open_ended.clashes_with(&all_day) && !open_ended.clashes_with(&morning));
        assert!(!all_day.clashes_with(&next_day));
        assert!(!morning.clashes_with(&morning), "not with itself");
        let mut cancelled = overlapping.clone();
        cancelled.status = MtStatus::Cancelled;
        assert!(!morning.clashes_with(&cancelled));
    }

    #[test]
    fn cancelled_meetings_take_nothing() {
        let mut mt = meeting();
        mt.cancel().unwrap();
        assert_eq!(mt.status, MtStatus::Cancelled);
        for err in [
            match mt.hold(day(23), Attendance::default()) {
                Err(MeetingError::Refused(refusal)) => refusal,
                other => panic!("{other:?}"),
            },
            mt.cancel().unwrap_err(),
            mt.record_minutes("x".into()).unwrap_err(),
            mt.decide(decision("x")).unwrap_err(),
        ] {
            assert_eq!(err.status.keyword(), "cancelled");
            assert!(err.allowed.is_empty());
        }
    }
}
