//! Refused steps and wrong kinds of record: the sentence, and the way
//! out chosen once for both languages from the typed refusal.

use super::{Lang, say};
use taizhang_core::model::followup::FuStatus;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::Expected;
use taizhang_core::model::transition::{Refusal, RefusalReason, Status, Step};

/// The kind of record that was wanted.
pub(super) fn expected(l: Lang, expected: Expected) -> String {
    match expected {
        Expected::Incoming => say!(l, "an incoming document (IN)", "收文（IN-…）"),
        Expected::Outgoing => say!(l, "an outgoing document (OUT)", "发文（OUT-…）"),
        Expected::Followup => say!(l, "a follow-up (FU)", "督办事项（FU-…）"),
        Expected::Meeting => say!(l, "a meeting (MT)", "会议（MT-…）"),
        Expected::Kind(kind) => super::by_kind::expected(l, kind).unwrap_or_else(|| {
            let (en, zh) = (
                kind.keyword(),
                kind.chinese().split('|').next().unwrap_or_default(),
            );
            say!(l, "a record of kind {en}", "{zh}")
        }),
        Expected::Decision => say!(
            l,
            "a meeting decision such as MT-2026-0003#2",
            "会议议定事项，如 MT-2026-0003#2"
        ),
        Expected::Source => say!(
            l,
            "a document (IN-…, OUT-…) or a meeting decision (MT-…#n)",
            "公文（IN-…、OUT-…）或会议议定事项（MT-…#n）"
        ),
        Expected::Chased => say!(
            l,
            "a follow-up (FU) or an incoming action document (IN)",
            "督办事项（FU-…）或收文办件（IN-…）"
        ),
    }
}

/// A refused step: what was asked and why not, and the way out.
pub(super) fn refused(l: Lang, id: &str, refusal: &Refusal) -> (String, Option<String>) {
    let step = l.step(refusal.step);
    let status = status_word(l, refusal.status);
    use RefusalReason as R;
    if let Some((message, hint)) =
        (refusal.reason.as_ref()).and_then(|reason| super::outgoing::refused(l, id, step, reason))
    {
        return (message, Some(hint));
    }
    let message = match &refusal.reason {
        Some(R::Info) => say!(
            l,
            "{id} is an info item (for reading); `{step}` is for action items",
            "{id} 是阅件，不能{step}（{step}只用于办件）"
        ),
        Some(R::Unassigned) => say!(
            l,
            "{id} is {status} and not yet assigned; cannot `{step}`",
            "{id} {status}，尚未交办，不能{step}"
        ),
        Some(R::NotLater) => say!(
            l,
            "the new due date of {id} must be later than the one in force",
            "{id} 的新期限必须晚于现行期限"
        ),
        Some(R::Holding(who)) => say!(
            l,
            "{id} is already with {who}; cannot `{step}` to them again",
            "{id} 已在 {who} 处传阅，未收回前不能再次送其{step}"
        ),
        Some(R::NotHolding(who)) => say!(
            l,
            "{id} is not with {who}; nothing to bring back",
            "{id} 不在 {who} 处，无需收回"
        ),
        Some(R::Unsigned) => say!(
            l,
            "{id} is a draft, not yet signed; cannot `{step}`",
            "{id} 是未签发的文稿，不能{step}"
        ),
        None | Some(R::Unreviewed | R::AwaitingCountersign(_) | R::Countersigned(_)) => say!(
            l,
            "{id} is {status}; cannot `{step}`",
            "{id} {status}，不能{step}"
        ),
    };
    (message, refusal_hint(l, id, refusal))
}

/// The way out of a refusal, chosen once for both languages.
fn refusal_hint(l: Lang, id: &str, refusal: &Refusal) -> Option<String> {
    use RefusalReason as R;
    let on_followup = refusal.step.is_followup();
    let is = |status: FuStatus| refusal.status == status.into();
    let settled = is(FuStatus::Closed) || is(FuStatus::Cancelled);
    match (&refusal.reason, refusal.step) {
        (Some(R::Unassigned), _) => Some(say!(
            l,
            "assign it first: taizhang doc assign {id} --lead UNIT",
            "请先交办：taizhang doc assign {id} --lead 单位"
        )),
        (Some(R::Holding(who)), _) if !on_followup => Some(say!(
            l,
            "bring it back first: taizhang doc back {id} --from {who}",
            "请先收回：taizhang doc back {id} --from {who}"
        )),
        (Some(R::Unsigned), _) if !on_followup => Some(say!(
            l,
            "give its signing date: taizhang doc issue {id} --signed DATE",
            "请给出成文日期：taizhang doc issue {id} --signed 日期"
        )),
        _ if !on_followup => allowed(l, &refusal.allowed),
        (_, Step::Reopen) if settled => None,
        (_, Step::Verify) if is(FuStatus::Closed) => Some(say!(
            l,
            "it is closed already; for `done` to only submit and `verify` to close from now on: taizhang config set followups.verify true",
            "该事项已销号；如需今后“办结”只报结、由“审核”销号：taizhang config set followups.verify true"
        )),
        _ if settled => Some(say!(
            l,
            "reopen it first: taizhang reopen {id} --reason …",
            "请先重新打开：taizhang reopen {id} --reason …"
        )),
        _ if is(FuStatus::Submitted) => Some(say!(
            l,
            "it awaits verification: taizhang verify {id}, or send it back: taizhang reopen {id} --reason …",
            "已报结待审核：taizhang verify {id}，或退回：taizhang reopen {id} --reason …"
        )),
        (_, Step::Verify) => Some(say!(
            l,
            "only a submitted follow-up is verified; run `taizhang done {id}` first",
            "只有已报结的事项才能审核；请先运行 `taizhang done {id}`"
        )),
        (_, Step::Reopen) => Some(say!(l, "it is still open", "该事项仍在办理中")),
        _ => None,
    }
}

/// The hint naming what the status allows instead.
fn allowed(l: Lang, steps: &[Step]) -> Option<String> {
    if steps.is_empty() {
        return Some(say!(
            l,
            "no further step is allowed",
            "当前状态下不能再做任何处理"
        ));
    }
    let names: Vec<String> = steps
        .iter()
        .map(|s| {
            let (word, command) = (l.step(*s), s.command());
            say!(l, "`taizhang {command}`", "{word}（taizhang {command}）")
        })
        .collect();
    let names = names.join(l.list_separator());
    Some(say!(l, "allowed now: {names}", "当前可以：{names}"))
}

/// A status as people say it.
pub(super) fn status_word(l: Lang, status: Status) -> &'static str {
    match l {
        Lang::En => status.keyword(),
        Lang::Zh => status.chinese().split('|').next().unwrap_or_default(),
    }
}
