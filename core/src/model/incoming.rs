//! Incoming documents (收文, `IN`).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::common::{Extra, HistoryEntry, Remark, is_false};
use crate::model::date::{Moment, When};
use crate::model::edit::{DATE, TEXT, Type, opt_kw, req_kw};
use crate::model::id::Id;
use crate::model::id::RecordRef;
use crate::model::keyword::{
    Channel, ChaseLevel, DocType, Handling, Keyword, Secrecy, Urgency, keywords,
};
use crate::model::kind::KindSpec;
use crate::model::link::{Link, Role, link};
use crate::model::record::KindRules;
use crate::model::renumber::Swap;
use crate::model::status_words;
use crate::model::transition::{IsStatus, Status};
use crate::model::transition::{Refusal, RefusalReason, Step};
use crate::model::validate::{KindChecks, KindTies};

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

    /// Whether an action paper was still in hand on `asof` (as `summary`
    /// counts): received by then, not completed by then, and not sent
    /// back (退文). One marked done without a completion date is taken
    /// as done.
    pub fn pending_on(&self, asof: Date) -> bool {
        self.received.date() <= asof && self.settled_on().is_none_or(|settled| settled > asof)
    }

    /// The day from which the paper is in hand on no `asof` (see
    /// `pending_on`): its completion; the beginning of time for a paper
    /// for information, or one settled without a date. `None` while it
    /// may still be in hand.
    pub fn settled_on(&self) -> Option<Date> {
        if self.handling != Handling::Action {
            return Some(Date::MIN);
        }
        match (self.completed, self.status) {
            (Some(completed), _) => Some(completed),
            (
                None,
                InStatus::Returned | InStatus::Done | InStatus::Replied | InStatus::Archived,
            ) => Some(Date::MIN),
            (None, _) => None,
        }
    }

    /// Who has a routed copy now (传阅 out, not yet back), in routing order.
    pub fn routed_holders(&self) -> Vec<&str> {
        self.circulation
            .iter()
            .filter(|c| c.back.is_none())
            .map(|c| c.to.as_str())
            .collect()
    }

    /// Who has the paper now: whoever holds a routed copy; else the lead
    /// unit while it is being handled; else whoever signed for it while it
    /// waits in the office. Nobody once it is answered, returned or filed.
    pub fn holders(&self) -> Vec<&str> {
        let routed = self.routed_holders();
        if !routed.is_empty() {
            return routed;
        }
        fn one(s: Option<&String>) -> Vec<&str> {
            s.map(|s| vec![s.as_str()]).unwrap_or_default()
        }
        match self.status {
            InStatus::Assigned | InStatus::InProgress | InStatus::Done => one(self.lead.as_ref()),
            InStatus::Registered | InStatus::Circulating | InStatus::Read => {
                one(self.received_by.as_ref())
            }
            InStatus::Replied | InStatus::Returned | InStatus::Archived => Vec::new(),
        }
    }

    /// Whether `person` has the paper now (see [`Incoming::holders`]).
    pub fn is_held_by(&self, person: &str) -> bool {
        self.holders().contains(&person)
    }

    /// The steps the current status allows, in the order a clerk takes them.
    pub fn next_steps(&self) -> Vec<Step> {
        let action = self.handling == Handling::Action;
        let out = !self.routed_holders().is_empty();
        let mut steps = Vec::new();
        let mut add = |when: bool, step: Step| {
            if when {
                steps.push(step);
            }
        };
        match self.status {
            InStatus::Registered | InStatus::Circulating => {
                add(true, Step::DocPropose);
                add(true, Step::DocInstruct);
                add(true, Step::DocRoute);
                add(out, Step::DocBack);
                add(action, Step::DocAssign);
                add(self.status == InStatus::Registered, Step::DocReturn);
            }
            InStatus::Read => {
                add(true, Step::DocRoute);
                add(out, Step::DocBack);
            }
            InStatus::Assigned | InStatus::InProgress => {
                add(true, Step::DocInstruct);
                add(true, Step::DocRoute);
                add(out, Step::DocBack);
                add(self.status == InStatus::Assigned, Step::DocAssign);
                add(true, Step::DocDone);
            }
            InStatus::Done => {
                add(out, Step::DocBack);
                add(true, Step::DocReply);
            }
            InStatus::Replied | InStatus::Returned | InStatus::Archived => {
                add(out, Step::DocBack);
            }
        }
        steps
    }

    /// The refusal of `step` from the current status.
    fn refuse(&self, step: Step) -> Refusal {
        Refusal::new(self.status, step).allowing(self.next_steps())
    }

    /// Refuses `step` unless the current status allows it.
    fn require(&self, step: Step) -> Result<(), Refusal> {
        if self.next_steps().contains(&step) {
            Ok(())
        } else if self.handling == Handling::Info
            && matches!(step, Step::DocAssign | Step::DocDone | Step::DocReply)
        {
            Err(self.refuse(step).because(RefusalReason::Info))
        } else {
            Err(self.refuse(step))
        }
    }

    /// `doc propose` (拟办): the office's proposal on how to handle the
    /// paper, before it is assigned. A second proposal replaces the first.
    pub fn propose(&mut self, proposal: Remark) -> Result<(), Refusal> {
        self.require(Step::DocPropose)?;
        self.proposal = Some(proposal);
        Ok(())
    }

    /// `doc instruct` (批示): a leader's instruction; several are kept in order.
    pub fn instruct(&mut self, instruction: Remark) -> Result<(), Refusal> {
        self.require(Step::DocInstruct)?;
        self.instructions.push(instruction);
        Ok(())
    }

    /// `doc route` (传阅): the paper goes to `to`. A registered or read
    /// paper starts circulating; one being handled keeps its status.
    pub fn route(&mut self, to: &str, out: Moment) -> Result<(), Refusal> {
        self.require(Step::DocRoute)?;
        if self.routed_holders().contains(&to) {
            return Err(self
                .refuse(Step::DocRoute)
                .because(RefusalReason::Holding(to.into())));
        }
        self.circulation.push(Circulation {
            to: to.to_string(),
            out,
            back: None,
        });
        if matches!(self.status, InStatus::Registered | InStatus::Read) {
            self.status = InStatus::Circulating;
        }
        Ok(())
    }

    /// `doc back` (传阅收回): `from` returns the copy. When the last copy of a
    /// circulating paper is back, an info item is read (已阅) and an action
    /// item waits in the office again for assignment.
    pub fn bring_back(&mut self, from: &str, back: Moment) -> Result<(), Refusal> {
        let Some(entry) = self
            .circulation
            .iter_mut()
            .find(|c| c.to == from && c.back.is_none())
        else {
            return Err(self
                .refuse(Step::DocBack)
                .because(RefusalReason::NotHolding(from.into())));
        };
        entry.back = Some(back);
        if self.status == InStatus::Circulating && self.routed_holders().is_empty() {
            self.status = match self.handling {
                Handling::Info => InStatus::Read,
                Handling::Action => InStatus::Registered,
            };
        }
        Ok(())
    }

    /// `doc assign` (承办): an action item goes to a lead unit, with
    /// supporting units and a deadline. Reassigning replaces them.
    pub fn assign(
        &mut self,
        lead: String,
        support: Vec<String>,
        deadline: Option<Date>,
    ) -> Result<(), Refusal> {
        self.require(Step::DocAssign)?;
        self.lead = Some(lead);
        self.support = support;
        if deadline.is_some() {
            self.deadline = deadline;
        }
        self.status = InStatus::Assigned;
        Ok(())
    }

    /// Whether `deadline` is before the day the paper was received: a
    /// deadline that cannot be met, almost always a typo.
    pub fn deadline_before_received(&self, deadline: Date) -> bool {
        deadline < self.received.date()
    }

    /// `chase` (催办) of an action paper still in hand; its colour by the
    /// deadline, as for a follow-up (blue before the day, yellow on it,
    /// red after; blue without a deadline).
    pub fn chase(&mut self, today: Date) -> Result<ChaseLevel, Refusal> {
        if self.handling == Handling::Info {
            return Err(self.refuse(Step::Chase).because(RefusalReason::Info));
        }
        if !self.is_pending() {
            return Err(self.refuse(Step::Chase));
        }
        Ok(match self.deadline {
            Some(deadline) if deadline < today => ChaseLevel::Red,
            Some(deadline) if deadline == today => ChaseLevel::Yellow,
            _ => ChaseLevel::Blue,
        })
    }

    /// A follow-up was created to carry the paper out: it is linked, and an
    /// assigned paper is now in progress (办理中).
    pub fn spawned(&mut self, followup: Id) {
        if !self.followups.contains(&followup) {
            self.followups.push(followup);
        }
        if self.status == InStatus::Assigned {
            self.status = InStatus::InProgress;
        }
    }

    /// `doc done`: an action item assigned to a unit is finished (办结).
    pub fn finish(&mut self, on: Date, result: Option<String>) -> Result<(), Refusal> {
        if self.handling == Handling::Info {
            return Err(self.refuse(Step::DocDone).because(RefusalReason::Info));
        }
        match self.status {
            InStatus::Assigned | InStatus::InProgress => {
                // Its reply went out while it was being handled.
                self.status = match self.reply {
                    Some(_) => InStatus::Replied,
                    None => InStatus::Done,
                };
                self.completed = Some(on);
                if result.is_some() {
                    self.result = result;
                }
                Ok(())
            }
            InStatus::Registered | InStatus::Circulating => Err(self
                .refuse(Step::DocDone)
                .because(RefusalReason::Unassigned)),
            _ => Err(self.refuse(Step::DocDone)),
        }
    }

    /// `doc reply` (答复): a finished action item is answered.
    pub fn answer(&mut self, reply: Reply) -> Result<(), Refusal> {
        self.require(Step::DocReply)?;
        self.reply = Some(reply);
        self.status = InStatus::Replied;
        Ok(())
    }

    /// Refuses `doc reply` unless the paper may be answered now (done).
    pub fn may_reply(&self) -> Result<(), Refusal> {
        self.require(Step::DocReply)
    }

    /// The document `reply` names went out (issued, or signed where the
    /// register does not record issuing): the paper's one reply. A done
    /// paper is replied; one still being handled keeps its status until
    /// it is done (`finish`). Nothing changes, and `false` is returned,
    /// when the paper has a reply already (this one, or an earlier one).
    pub fn reply_sent(&mut self, reply: Reply) -> bool {
        if self.reply.is_some() || matches!(self.status, InStatus::Returned | InStatus::Archived) {
            return false;
        }
        self.reply = Some(reply);
        if self.status == InStatus::Done {
            self.status = InStatus::Replied;
        }
        true
    }

    /// The document `out` that replied was revoked: the paper is as it
    /// was before the reply (a replied paper is done again). `false` when
    /// `out` was not its reply.
    pub fn reply_revoked(&mut self, out: &Id) -> bool {
        let answered = self.reply.as_ref().and_then(|r| r.reference.as_ref());
        if answered != Some(out) || self.status == InStatus::Archived {
            return false;
        }
        self.reply = None;
        if self.status == InStatus::Replied {
            self.status = InStatus::Done;
        }
        true
    }

    /// Whether `out` is the document the paper was answered by.
    pub fn answered_by(&self, out: &Id) -> bool {
        self.reply.as_ref().and_then(|r| r.reference.as_ref()) == Some(out)
    }

    /// `doc return` (退文): a registered paper goes back to its sender
    /// after the first review (初审).
    pub fn send_back(&mut self) -> Result<(), Refusal> {
        self.require(Step::DocReturn)?;
        self.status = InStatus::Returned;
        Ok(())
    }
}

/// The history note of `doc assign`: the lead unit, then the deadline
/// when the step set or moved it (`办公室; deadline 2026-11-30 →
/// 2026-12-05`), so a moved deadline leaves a trace.
pub fn assign_note(lead: &str, old: Option<Date>, new: Option<Date>) -> String {
    match (old, new) {
        (Some(old), Some(new)) if old != new => format!("{lead}{DEADLINE_NOTE}{old} → {new}"),
        (None, Some(new)) => format!("{lead}{DEADLINE_NOTE}{new}"),
        _ => lead.to_string(),
    }
}

/// Reads an `assign_note`: the lead unit, and the deadline change (the old
/// one, if there was one, and the new one).
pub fn read_assign_note(note: &str) -> (&str, Option<(Option<&str>, &str)>) {
    match note.rsplit_once(DEADLINE_NOTE) {
        Some((lead, change)) => match change.split_once(" → ") {
            Some((old, new)) => (lead, Some((Some(old), new))),
            None => (lead, Some((None, change))),
        },
        None => (note, None),
    }
}

const DEADLINE_NOTE: &str = "; deadline ";

impl KindRules for Incoming {
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        Some(&mut self.secrecy)
    }

    fn forget_matter(&mut self) {
        use crate::model::classified::forget;
        self.proposal = None;
        self.instructions.clear();
        self.result = None;
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
        self.instructions.shrink_to_fit();
        self.support.shrink_to_fit();
        self.circulation.shrink_to_fit();
        self.followups.shrink_to_fit();
        self.attachments.shrink_to_fit();
    }

    fn secrecy(&self) -> Secrecy {
        self.secrecy
    }

    fn unit(&self) -> Option<&str> {
        self.lead.as_deref()
    }

    fn owner(&self) -> Option<&str> {
        self.received_by.as_deref()
    }

    fn party(&self) -> Option<String> {
        Some(self.sender.clone())
    }

    fn filed_on(&self) -> Date {
        self.received.date()
    }

    fn is_open(&self) -> bool {
        self.is_pending()
    }

    fn pending_due(&self) -> Option<Date> {
        self.deadline.filter(|_| self.is_pending())
    }

    fn settled_on(&self) -> Option<Date> {
        if self.is_pending() {
            None
        } else {
            Incoming::settled_on(self)
        }
    }

    fn deadline(&self) -> Option<Date> {
        self.deadline
    }

    fn reference(&self) -> Option<&str> {
        self.sender_ref.as_deref()
    }

    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool {
        hit(&self.sender)
            || self.sender_ref.as_deref().is_some_and(hit)
            || self.notes.as_deref().is_some_and(hit)
    }

    fn typed_status(&self) -> Option<Status> {
        Some(self.status.into())
    }

    fn links(&self) -> Vec<Link> {
        (self.followups.iter())
            .map(|id| link(Role::Followup, id))
            .chain(
                (self.reply.as_ref())
                    .and_then(|reply| reply.reference.as_ref())
                    .map(|id| link(Role::Reply, id)),
            )
            .collect()
    }

    fn ties(&self) -> KindTies {
        KindTies::Incoming {
            status: self.status,
        }
    }

    fn link_followup(&mut self, _reference: &RecordRef, followup: &Id) {
        self.spawned(followup.clone());
    }

    fn renumber_references(&mut self, swap: &Swap) -> bool {
        let mut changed = swap.all(&mut self.followups);
        if let Some(reply) = self.reply.as_mut() {
            changed |= swap.opt(&mut reply.reference);
        }
        for a in &mut self.attachments {
            changed |= swap.path(&mut a.path);
        }
        changed
    }

    /// Who signed for it, proposed (拟办) and instructed (批示) on it, and
    /// whom it was routed to (传阅, a person or a unit).
    fn people<'a>(&'a self, each: &mut dyn FnMut(&'static str, &'a str)) {
        self.received_by.iter().for_each(|p| each("received_by", p));
        self.proposal.iter().for_each(|r| each("proposal", &r.by));
        self.instructions
            .iter()
            .for_each(|r| each("instructions", &r.by));
        self.circulation
            .iter()
            .for_each(|c| each("circulation", &c.to));
    }

    fn units_mut(&mut self, each: &mut dyn FnMut(&str, &mut String)) {
        self.lead.iter_mut().for_each(|u| each("lead", u));
        self.support.iter_mut().for_each(|u| each("support", u));
    }
}

impl IsStatus for InStatus {}

/// Words offices use for a paper's status besides the ones the catalogue
/// shows.
const MORE_STATUS_WORDS: &[(InStatus, &str)] = &[
    (InStatus::InProgress, "在办"),
    (InStatus::InProgress, "正在办理"),
    (InStatus::Circulating, "传阅"),
];

/// A follow-up made from the paper names it; many documents may
/// answer one paper, so a reply owes nothing back.
fn owes_back(role: Role) -> Option<Role> {
    (role == Role::Source { item: None }).then_some(Role::Followup)
}

/// What the register knows of incoming papers (`Kind::spec`).
pub const SPEC: KindSpec = KindSpec {
    statuses: Some(|| status_words::set::<InStatus>(MORE_STATUS_WORDS)),
    settable: &[
        ("title", Type::Title),
        ("sender", Type::Text),
        ("sender_ref", TEXT),
        ("doc_type", opt_kw::<DocType>()),
        ("received", Type::When { required: true }),
        ("received_by", TEXT),
        ("channel", opt_kw::<Channel>()),
        ("urgency", req_kw::<Urgency>()),
        ("secrecy", req_kw::<Secrecy>()),
        ("secrecy_term", Type::Term),
        ("internal", Type::Bool),
        ("copies", Type::Count { required: true }),
        ("pages", Type::Count { required: false }),
        ("handling", req_kw::<Handling>()),
        ("lead", Type::Unit { required: false }),
        ("support", Type::Units),
        ("deadline", DATE),
        ("result", TEXT),
        ("completed", DATE),
        ("notes", TEXT),
    ],
    structured: &[
        "proposal",
        "instructions",
        "circulation",
        "reply",
        "followups",
        "archive",
        "attachments",
    ],
    numbered: &[],
    date_keys: &[
        "received",
        "deadline",
        "completed",
        "assigned",
        "out",
        "back",
        "archived",
    ],
    prefix: "IN",
    sealed: &[
        "title",
        "notes",
        "history[].note",
        "proposal.text",
        "instructions[].text",
        "result",
    ],
    import: Some(&crate::model::import::INCOMING),
    owes_back,
    check_links: <Incoming as KindChecks>::check_links,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(handling: &str) -> Incoming {
        serde_yaml::from_str(&format!(
            "id: IN-2026-0001\ntitle: 关于冬季安全生产的通知\nstatus: registered\n\
             sender: 省交通运输厅\nreceived: 2026-11-20\nreceived_by: 王芳\n\
             handling: {handling}\ncreated: 2026-11-20T09:00:00+08:00\n"
        ))
        .unwrap()
    }

    fn at(hour: i8) -> Moment {
        Moment::parse_rfc3339(&format!("2026-11-20T{hour:02}:00:00+08:00")).unwrap()
    }

    fn remark(by: &str, text: &str) -> Remark {
        Remark {
            by: by.into(),
            on: Date::constant(2026, 11, 20),
            text: text.into(),
        }
    }

    #[test]
    fn a_moved_deadline_reads_back_from_the_assign_note() {
        let (a, b) = (Date::constant(2026, 11, 30), Date::constant(2026, 12, 5));
        let moved = assign_note("办公室", Some(a), Some(b));
        assert_eq!(moved, "办公室; deadline 2026-11-30 → 2026-12-05");
        assert_eq!(
            read_assign_note(&moved),
            ("办公室", Some((Some("2026-11-30"), "2026-12-05")))
        );
        let set = assign_note("办公室", None, Some(b));
        assert_eq!(
            read_assign_note(&set),
            ("办公室", Some((None, "2026-12-05")))
        );
        assert_eq!(assign_note("办公室", Some(a), Some(a)), "办公室");
        assert_eq!(read_assign_note("办公室"), ("办公室", None));
    }

    #[test]
    fn a_paper_is_chased_by_its_deadline_while_in_hand() {
        let mut doc = paper("action");
        let today = Date::constant(2026, 11, 23);
        assert_eq!(doc.chase(today), Ok(ChaseLevel::Blue));
        doc.deadline = Some(today);
        assert_eq!(doc.chase(today), Ok(ChaseLevel::Yellow));
        doc.deadline = Some(Date::constant(2026, 11, 22));
        assert_eq!(doc.chase(today), Ok(ChaseLevel::Red));
        doc.status = InStatus::Done;
        assert!(doc.chase(today).is_err());
        assert!(paper("info").chase(today).is_err());
    }

    fn reply() -> Reply {
        Reply {
            on: Date::constant(2026, 11, 25),
            via: "document".into(),
            reference: Id::parse("OUT-2026-0001"),
        }
    }

    #[test]
    fn action_item_full_life() {
        let mut doc = paper("action");
        doc.propose(remark("王芳", "请张局长阅示")).unwrap();
        doc.instruct(remark("张局长", "请办公室牵头落实")).unwrap();
        doc.route("张局长", at(10)).unwrap();
        assert_eq!(doc.status, InStatus::Circulating);
        doc.route("李副局长", at(11)).unwrap();
        assert_eq!(doc.holders(), ["张局长", "李副局长"]);
        doc.bring_back("张局长", at(12)).unwrap();
        assert_eq!(doc.status, InStatus::Circulating);
        doc.bring_back("李副局长", at(13)).unwrap();
        // Every copy back: the action item waits in the office again.
        assert_eq!(doc.status, InStatus::Registered);
        assert_eq!(doc.holders(), ["王芳"]);
        doc.assign("办公室".into(), vec!["法规科".into()], None)
            .unwrap();
        assert_eq!(doc.status, InStatus::Assigned);
        assert!(doc.is_held_by("办公室"));
        doc.spawned(Id::parse("FU-2026-0001").unwrap());
        assert_eq!(doc.status, InStatus::InProgress);
        // Leaders may still see it while it is being handled.
        doc.route("张局长", at(14)).unwrap();
        assert_eq!(doc.status, InStatus::InProgress);
        doc.bring_back("张局长", at(15)).unwrap();
        doc.finish(Date::constant(2026, 11, 24), Some("已落实".into()))
            .unwrap();
        assert_eq!(doc.status, InStatus::Done);
        assert_eq!(doc.next_steps(), [Step::DocReply]);
        doc.answer(reply()).unwrap();
        assert_eq!(doc.status, InStatus::Replied);
        assert!(doc.holders().is_empty());
        assert!(doc.next_steps().is_empty());
    }

    #[test]
    fn info_item_is_read_when_every_copy_is_back() {
        let mut doc = paper("info");
        doc.route("张局长", at(10)).unwrap();
        doc.route("李副局长", at(10)).unwrap();
        doc.bring_back("李副局长", at(11)).unwrap();
        assert_eq!(doc.status, InStatus::Circulating);
        doc.bring_back("张局长", at(12)).unwrap();
        assert_eq!(doc.status, InStatus::Read);
        // Another leader may still read it.
        doc.route("赵书记", at(13)).unwrap();
        assert_eq!(doc.status, InStatus::Circulating);
    }

    #[test]
    fn info_items_are_not_assigned_done_or_answered() {
        let mut doc = paper("info");
        let err = doc.assign("办公室".into(), vec![], None).unwrap_err();
        assert_eq!(
            (err.step, err.reason),
            (Step::DocAssign, Some(RefusalReason::Info))
        );
        let err = doc.finish(Date::constant(2026, 11, 24), None).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::Info));
        let err = doc.answer(reply()).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::Info));
        assert_eq!(doc.status, InStatus::Registered);
    }

    #[test]
    fn routing_to_a_holder_or_back_from_a_non_holder_is_refused() {
        let mut doc = paper("action");
        doc.route("张局长", at(10)).unwrap();
        let err = doc.route("张局长", at(11)).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::Holding("张局长".into())));
        assert_eq!(doc.circulation.len(), 1);
        let err = doc.bring_back("李副局长", at(11)).unwrap_err();
        assert_eq!(
            err.reason,
            Some(RefusalReason::NotHolding("李副局长".into()))
        );
        doc.bring_back("张局长", at(11)).unwrap();
        let err = doc.bring_back("张局长", at(12)).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::NotHolding("张局长".into())));
    }

    #[test]
    fn done_needs_assignment_and_reply_needs_done() {
        let mut doc = paper("action");
        let err = doc.finish(Date::constant(2026, 11, 24), None).unwrap_err();
        assert_eq!(err.reason, Some(RefusalReason::Unassigned));
        let err = doc.answer(reply()).unwrap_err();
        assert_eq!(
            (err.status.keyword(), err.step),
            ("registered", Step::DocReply)
        );
        assert!(err.allowed.contains(&Step::DocAssign));
        doc.assign("办公室".into(), vec![], None).unwrap();
        let err = doc.answer(reply()).unwrap_err();
        assert_eq!(err.status.keyword(), "assigned");
        assert!(err.allowed.contains(&Step::DocDone));
    }

    #[test]
    fn return_only_from_registered() {
        let mut doc = paper("action");
        doc.send_back().unwrap();
        assert_eq!(doc.status, InStatus::Returned);
        let err = doc.route("张局长", at(10)).unwrap_err();
        assert_eq!(err.status.keyword(), "returned");
        assert!(err.allowed.is_empty());
        assert!(doc.propose(remark("王芳", "x")).is_err());
        assert!(doc.instruct(remark("张局长", "x")).is_err());
        assert!(doc.send_back().is_err());

        let mut doc = paper("action");
        doc.assign("办公室".into(), vec![], None).unwrap();
        assert_eq!(doc.send_back().unwrap_err().status.keyword(), "assigned");
        // 拟办 comes before 承办.
        assert!(doc.propose(remark("王芳", "x")).is_err());
    }

    #[test]
    fn nothing_is_routed_after_done() {
        let mut doc = paper("action");
        doc.assign("办公室".into(), vec![], Some(Date::constant(2026, 11, 30)))
            .unwrap();
        assert_eq!(doc.deadline, Some(Date::constant(2026, 11, 30)));
        doc.finish(Date::constant(2026, 11, 24), None).unwrap();
        let err = doc.route("张局长", at(10)).unwrap_err();
        assert_eq!(
            (err.status.keyword(), &*err.allowed),
            ("done", &[Step::DocReply][..])
        );
        assert!(doc.instruct(remark("张局长", "x")).is_err());
        assert!(doc.assign("财务科".into(), vec![], None).is_err());
    }

    #[test]
    fn a_reply_document_is_recorded_once_and_undone_by_its_revocation() {
        let out = Id::parse("OUT-2026-0001").unwrap();
        let mut doc = paper("action");
        doc.assign("财务科".into(), vec![], None).unwrap();
        doc.finish(Date::constant(2026, 11, 24), None).unwrap();
        assert!(doc.reply_sent(reply()));
        assert_eq!(doc.status, InStatus::Replied);
        assert!(doc.answered_by(&out));
        assert!(!doc.reply_sent(reply()), "a second time changes nothing");
        assert!(!doc.reply_revoked(&Id::parse("OUT-2026-0002").unwrap()));
        assert!(doc.reply_revoked(&out));
        assert_eq!((doc.status, doc.reply.is_none()), (InStatus::Done, true));
        assert!(!doc.reply_revoked(&out));
    }

    #[test]
    fn a_paper_answered_while_in_hand_is_replied_when_done() {
        let mut doc = paper("action");
        doc.assign("财务科".into(), vec![], None).unwrap();
        assert!(doc.reply_sent(reply()));
        assert_eq!(doc.status, InStatus::Assigned);
        doc.finish(Date::constant(2026, 11, 26), None).unwrap();
        assert_eq!(doc.status, InStatus::Replied);
    }
}
