//! The one line a step prints on stderr when it succeeded, so the clerk
//! sees it took (`IN-2026-0001 已传阅至 张局长`). Stdout stays as it was
//! for scripts; `-q` silences it. Each line is worded once here, from
//! typed values the command hands over.

use jiff::civil::Date;

use super::{Lang, say};
use taizhang_core::model::followup::FuStatus;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{ChaseLevel, Secrecy};

/// What a step did, with the values its confirming line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// `doc propose`.
    Proposed { id: Id },
    /// `doc instruct`.
    Instructed { id: Id, leader: String },
    /// `doc route`.
    Routed { id: Id, to: String },
    /// `doc back`.
    Back { id: Id, from: String },
    /// `doc assign`, with the deadline now in force.
    Assigned {
        id: Id,
        lead: String,
        deadline: Option<Date>,
    },
    /// `doc done`.
    DocDone { id: Id },
    /// `doc reply`.
    Replied { id: Id, via: String },
    /// `doc return`.
    Returned { id: Id },
    /// `doc issue`, with the document number.
    Issued { id: Id, number: String },
    /// `doc revoke`, with the number that stays used.
    Revoked { id: Id, number: String },
    /// `doc declassify`: the level it had and has now.
    Declassified { id: Id, from: Secrecy, to: Secrecy },
    /// `progress`, with the status it is now in.
    Progress { id: Id, status: FuStatus },
    /// `done`: closed at once, or submitted for verification.
    FollowupDone { id: Id, status: FuStatus },
    /// `verify`.
    Verified { id: Id },
    /// `chase` of a follow-up or a paper, with its colour.
    Chased { id: Id, level: ChaseLevel },
    /// `extend`.
    Extended { id: Id, to: Date },
    /// `cancel`.
    Cancelled { id: Id },
    /// `reopen`: sent back for more work, or a cancelled one restored.
    Reopened { id: Id, status: FuStatus },
    /// `meeting held`.
    Held { id: Id },
    /// `meeting cancel`.
    MeetingCancelled { id: Id },
    /// `meeting minutes`.
    Minuted { id: Id },
    /// A step of a kind with words of its own, worded in its room.
    Kind(super::KindDone),
    /// A step of an outgoing draft, or of the reply it carries.
    Outgoing(super::outgoing::Done),
    /// A standing duty's next occurrence, or its series ended.
    Repeat(super::repeat::Done),
    /// A step on a follow-up's parts or milestones.
    Breakdown(super::followup::Done),
}

impl Lang {
    /// The line confirming a step.
    pub fn confirm(self, what: &Confirm) -> String {
        confirm(self, what)
    }
}

fn confirm(l: Lang, what: &Confirm) -> String {
    use Confirm as C;
    match what {
        C::Proposed { id } => say!(l, "{id}: proposal recorded", "{id} 已登记拟办意见"),
        C::Instructed { id, leader } => say!(
            l,
            "{id}: instruction by {leader} recorded",
            "{id} 已登记 {leader} 的批示"
        ),
        C::Routed { id, to } => say!(l, "{id} routed to {to}", "{id} 已传阅至 {to}"),
        C::Back { id, from } => say!(l, "{id} back from {from}", "{id} 已从 {from} 处收回"),
        C::Assigned {
            id,
            lead,
            deadline: Some(deadline),
        } => say!(
            l,
            "{id} assigned to {lead}, deadline {deadline}",
            "{id} 已交 {lead} 承办，办理时限 {deadline}"
        ),
        C::Assigned {
            id,
            lead,
            deadline: None,
        } => say!(l, "{id} assigned to {lead}", "{id} 已交 {lead} 承办"),
        C::DocDone { id } => say!(l, "{id} done", "{id} 已办结"),
        C::Replied { id, via } => say!(l, "{id} replied ({via})", "{id} 已答复（{via}）"),
        C::Returned { id } => say!(l, "{id} returned to its sender", "{id} 已退文"),
        C::Issued { id, number } => say!(l, "{id} issued as {number}", "{id} 已印发：{number}"),
        C::Revoked { id, number } => say!(
            l,
            "{id} revoked; {number} stays used and is never given again",
            "{id} 已撤销；{number} 保留在案，不再使用"
        ),
        C::Declassified {
            id,
            from,
            to: Secrecy::None,
        } => {
            let from = l.keyword(*from);
            say!(
                l,
                "{id} declassified (was {from})",
                "{id} 已解密（原密级：{from}）"
            )
        }
        C::Declassified { id, from, to } => {
            let (from, to) = (l.keyword(*from), l.keyword(*to));
            say!(
                l,
                "{id} lowered from {from} to {to}",
                "{id} 已降密：{from} → {to}"
            )
        }
        C::Progress { id, status } => {
            let status = l.keyword(*status);
            say!(
                l,
                "{id}: progress recorded ({status})",
                "{id} 已登记进展（{status}）"
            )
        }
        C::FollowupDone {
            id,
            status: FuStatus::Submitted,
        } => say!(
            l,
            "{id} submitted; `taizhang verify {id}` closes it",
            "{id} 已报结，待审核销号（taizhang verify {id}）"
        ),
        C::FollowupDone { id, .. } => say!(l, "{id} closed", "{id} 已办结销号"),
        C::Verified { id } => say!(l, "{id} verified and closed", "{id} 已审核销号"),
        C::Chased { id, level } => {
            let level = l.keyword(*level);
            say!(l, "{id} chased ({level})", "{id} 已催办（{level}）")
        }
        C::Extended { id, to } => say!(l, "{id} extended to {to}", "{id} 已延期至 {to}"),
        C::Cancelled { id } => say!(l, "{id} cancelled", "{id} 已撤项"),
        C::Reopened {
            id,
            status: FuStatus::Open,
        } => say!(l, "{id} restored (open)", "{id} 已恢复立项（待办）"),
        C::Reopened { id, .. } => say!(l, "{id} sent back for more work", "{id} 已退回重办"),
        C::Held { id } => say!(l, "{id} held", "{id} 已登记召开"),
        C::MeetingCancelled { id } => say!(l, "{id} cancelled", "{id} 已取消"),
        C::Minuted { id } => say!(l, "{id}: minutes recorded", "{id} 已登记纪要"),
        C::Kind(done) => super::by_kind::confirm(l, done),
        C::Outgoing(done) => super::outgoing::confirm(l, done),
        C::Repeat(done) => super::repeat::confirm(l, done),
        C::Breakdown(done) => super::followup::confirm(l, done),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_reads_as_the_clerk_says_it() {
        let id = Id::parse("IN-2026-0001").unwrap();
        let said = Confirm::Routed {
            id,
            to: "张局长".into(),
        };
        assert_eq!(Lang::Zh.confirm(&said), "IN-2026-0001 已传阅至 张局长");
        assert_eq!(Lang::En.confirm(&said), "IN-2026-0001 routed to 张局长");
    }
}
