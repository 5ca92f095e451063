//! The words of outgoing documents (发文) between draft and signature —
//! 核稿, 会签, 签发 — and of the reply a document carries to the paper it
//! answers, both languages side by side: refusals, history lines, the
//! confirming lines, labels and what `check` finds.

use super::{Lang, say};
use taizhang_core::model::id::Id;
use taizhang_core::model::transition::{RefusalReason, Step};

/// A draft's step as people say it, in Chinese (English uses the command).
pub(super) fn step_zh(step: Step) -> Option<&'static str> {
    Some(match step {
        Step::DocReview => "核稿",
        Step::DocCountersign => "会签",
        Step::DocSign => "签发",
        _ => return None,
    })
}

/// A refusal of a draft's signature (or of a second 会签), with the way
/// out; `None` for a reason that is not the draft's.
pub(super) fn refused(
    l: Lang,
    id: &str,
    step: &str,
    reason: &RefusalReason,
) -> Option<(String, String)> {
    use RefusalReason as R;
    Some(match reason {
        R::Unreviewed => (
            say!(
                l,
                "{id} has not been reviewed (核稿); this register signs no draft before it is (outgoing.require_review); cannot `{step}`",
                "{id} 尚未核稿；本台账规定文稿须经核稿方可签发（outgoing.require_review），不能{step}"
            ),
            say!(
                l,
                "review it first: taizhang doc review {id} --by NAME",
                "请先核稿：taizhang doc review {id} --by 核稿人"
            ),
        ),
        R::AwaitingCountersign(units) => {
            let units = units.join(l.list_separator());
            (
                say!(
                    l,
                    "{id} still awaits the countersignature (会签) of {units}; cannot `{step}`",
                    "{id} 尚待 {units} 会签，不能{step}"
                ),
                say!(
                    l,
                    "record each: taizhang doc countersign {id} --unit UNIT --by NAME",
                    "请逐一登记会签：taizhang doc countersign {id} --unit 单位 --by 会签人"
                ),
            )
        }
        R::Countersigned(unit) => (
            say!(
                l,
                "{unit} has countersigned {id} already; a unit countersigns once",
                "{unit} 已会签 {id}，每个单位只会签一次"
            ),
            say!(
                l,
                "`taizhang show {id}` shows who signed and when",
                "`taizhang show {id}` 可查看会签人和日期"
            ),
        ),
        _ => return None,
    })
}

/// `log out --signed` in a register that wants a 核稿 or a 会签 first: a
/// document only now registered has neither.
pub(super) fn signed_too_soon(
    l: Lang,
    flag: &str,
    unreviewed: bool,
    units: &[String],
) -> (String, String) {
    let message = if unreviewed {
        say!(
            l,
            "{flag}: this register signs no draft before it is reviewed (核稿) (outgoing.require_review)",
            "{flag}：本台账规定文稿须经核稿方可签发（outgoing.require_review）"
        )
    } else {
        let units = units.join(l.list_separator());
        say!(
            l,
            "{flag}: {units} must countersign (会签) before the document is signed",
            "{flag}：须经 {units} 会签后方可签发"
        )
    };
    let hint = if unreviewed {
        say!(
            l,
            "register it as a draft (without {flag}), record its review (`taizhang doc review`), then sign it (`taizhang doc sign`)",
            "请先登记为文稿（不带 {flag}），登记核稿（taizhang doc review）后，再签发（taizhang doc sign）"
        )
    } else {
        say!(
            l,
            "register it as a draft (without {flag}), record each unit's countersignature (`taizhang doc countersign`), then sign it (`taizhang doc sign`)",
            "请先登记为文稿（不带 {flag}），逐一登记会签（taizhang doc countersign）后，再签发（taizhang doc sign）"
        )
    };
    (message, hint)
}

/// The history line of a draft's own acts and of a revoked reply, or
/// `None` for another action.
pub(super) fn history(l: Lang, action: &str, note: &str) -> Option<String> {
    Some(match action {
        "draft-review" if note.is_empty() => say!(l, "reviewed (核稿)", "核稿"),
        "draft-review" => say!(l, "reviewed (核稿): {note}", "核稿：{note}"),
        "countersign" => say!(l, "countersigned (会签): {note}", "会签：{note}"),
        "sign" if note.is_empty() => say!(l, "signed", "签发"),
        "sign" => say!(l, "signed by {note}", "{note} 签发"),
        "reply-revoked" => say!(
            l,
            "reply {note} revoked; no longer replied",
            "复文 {note} 已撤销，答复随之撤回"
        ),
        _ => return None,
    })
}

/// What a step about a draft or a reply did, for the line that confirms
/// it on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// `doc review`.
    Reviewed { id: Id, by: String },
    /// `doc countersign`, with the units still to sign.
    Countersigned {
        id: Id,
        unit: String,
        awaiting: Vec<String>,
    },
    /// `doc sign`.
    Signed { id: Id, number: String },
    /// The paper `paper` is now replied by `out`.
    Replied { paper: Id, out: Id },
    /// `out` is recorded as the reply to `paper`, which becomes replied
    /// when `out` is issued (`issued`) or signed.
    ReplyPending { paper: Id, out: Id, issued: bool },
    /// `doc reply` of a paper already answered by that document: nothing
    /// was recorded.
    AlreadyAnswered { paper: Id, out: Id },
    /// The reply `out` was revoked: `paper` is no longer replied.
    ReplyRevoked { paper: Id, out: Id },
}

pub(super) fn confirm(l: Lang, done: &Done) -> String {
    match done {
        Done::Reviewed { id, by } => say!(l, "{id} reviewed (核稿) by {by}", "{id} 已由 {by} 核稿"),
        Done::Countersigned { id, unit, awaiting } if awaiting.is_empty() => say!(
            l,
            "{id} countersigned by {unit}; every named unit has signed",
            "{id} 已由 {unit} 会签，会签已齐"
        ),
        Done::Countersigned { id, unit, awaiting } => {
            let awaiting = awaiting.join(l.list_separator());
            say!(
                l,
                "{id} countersigned by {unit}; still to sign: {awaiting}",
                "{id} 已由 {unit} 会签，尚待会签：{awaiting}"
            )
        }
        Done::Signed { id, number } => say!(l, "{id} signed ({number})", "{id} 已签发（{number}）"),
        Done::Replied { paper, out } => {
            say!(l, "{paper} replied by {out}", "{paper} 已由 {out} 答复")
        }
        Done::ReplyPending { paper, out, issued } => {
            let when = match (issued, l) {
                (true, Lang::En) => "issued",
                (false, Lang::En) => "signed",
                (true, Lang::Zh) => "印发",
                (false, Lang::Zh) => "签发",
            };
            say!(
                l,
                "{out} is the reply to {paper}, which is replied once {out} is {when}",
                "{out} 已登记为 {paper} 的复文，{out} {when}后 {paper} 即为已答复"
            )
        }
        Done::AlreadyAnswered { paper, out } => say!(
            l,
            "{paper} is already replied by {out}; nothing recorded",
            "{paper} 已由 {out} 答复，无需再登记"
        ),
        Done::ReplyRevoked { paper, out } => say!(
            l,
            "{paper} is no longer replied: its reply {out} is revoked",
            "{out} 已撤销，{paper} 的答复随之撤回"
        ),
    }
}

/// What `check` says of a replied paper whose reply was revoked.
pub(super) fn reply_revoked_note(l: Lang, reference: &str) -> String {
    say!(
        l,
        "is replied by {reference}, which is revoked: record the reply again (doc reply) or correct it",
        "已答复，但其复文 {reference} 已撤销：请重新登记答复（doc reply）或予以更正"
    )
}

/// The fields of a draft's review and countersignature, by stored key:
/// (scope, key, English, Chinese).
const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("outgoing", "review", "review (核稿)", "核稿"),
    ("outgoing", "countersign", "to countersign", "会签单位"),
    ("outgoing", "countersigned", "countersigned (会签)", "会签"),
    ("review", "by", "by", "核稿人"),
    ("review", "on", "on", "核稿日期"),
    ("review", "note", "note", "核稿意见"),
    ("countersigned", "unit", "unit", "会签单位"),
    ("countersigned", "by", "by", "会签人"),
    ("countersigned", "on", "on", "会签日期"),
    ("countersigned", "note", "note", "会签意见"),
];

/// The label of a draft's field inside `scope`, when it has its own.
pub(super) fn field(lang: Lang, scope: &str, key: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(s, k, _, _)| *s == scope && *k == key)
        .map(|(_, _, en, zh)| super::labels::pick(lang, en, zh))
}

/// The label of a draft's field wherever it appears (the slip, `edit`).
pub(super) fn plain_field(lang: Lang, key: &str) -> Option<&'static str> {
    field(lang, "outgoing", key)
}

/// Each unit named to countersign, with its 会签 or that it is awaited:
/// the lines of the slip and of the printed form.
pub fn countersign_lines(l: Lang, doc: &taizhang_core::model::outgoing::Outgoing) -> Vec<String> {
    let signed = |unit: &String| (doc.countersigned.iter()).find(|c| c.unit.as_ref() == Some(unit));
    (doc.countersign.iter())
        .map(|unit| match signed(unit) {
            Some(signoff) => signoff_line(l, signoff),
            None => say!(l, "{unit} (awaited)", "{unit}（待会签）"),
        })
        .collect()
}

/// A 核稿 or a 会签 for the slip and the printed form: `李科长 2026-11-21`,
/// the unit first and the remark after when there are.
pub fn signoff_line(l: Lang, s: &taizhang_core::model::outgoing::Signoff) -> String {
    let mut text = String::new();
    if let Some(unit) = &s.unit {
        text.push_str(unit);
        text.push(' ');
    }
    text.push_str(&format!("{} {}", s.by, s.on));
    if let Some(note) = &s.note {
        text.push_str(l.colon());
        text.push_str(note);
    }
    text
}
