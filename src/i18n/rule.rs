//! The words of rules and regulations (制度), both languages side by side:
//! what `check` finds on a rule, its steps and history, and what its
//! commands confirm. Everything the catalogue says about the kind is here.

use super::{Lang, say};
use jiff::civil::Date;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::KindFigures;
use taizhang_core::model::rule::validate::RuleNote;
use taizhang_core::model::rule::{Figures, Step, Verdict};

/// The kind's words, as the catalogue asks them of every kind.
pub struct Words;

impl super::kinds::KindWords for Words {
    type Note = RuleNote;
    type Step = Step;
    type Done = Done;

    const KEYWORD_SETS: &'static [(&'static str, &'static str, &'static str)] = KEYWORD_SETS;

    fn register_name(l: Lang) -> &'static str {
        l.label(super::Label::Rules)
    }

    fn note(l: Lang, note: &RuleNote) -> String {
        note_words(l, note)
    }

    fn step_zh(step: Step) -> &'static str {
        step_zh(step)
    }

    fn expected(l: Lang) -> String {
        say!(l, "a rule (ZD)", "制度（ZD-…）")
    }

    fn field(lang: Lang, scope: &str, key: &str) -> Option<&'static str> {
        field(lang, scope, key)
    }

    fn history(l: Lang, action: &str, note: &str) -> Option<String> {
        history(l, action, note)
    }

    fn value_word(l: Lang, key: &str, text: &str) -> Option<&'static str> {
        match key {
            "outcome" => Verdict::ALL
                .iter()
                .find(|v| v.keyword() == text)
                .map(|v| l.keyword(*v)),
            _ => None,
        }
    }

    const LIST: &'static [&'static str] = &[
        "id",
        "title",
        "status",
        "reference",
        "party",
        "lead",
        "date",
        "due",
    ];

    const EXPORT: &'static [(&'static str, f64)] = &[
        ("id", 14.0),
        ("title", 40.0),
        ("doc_number", 20.0),
        ("issuer", 16.0),
        ("issued", 12.0),
        ("effective", 12.0),
        ("unit", 14.0),
        ("status", 10.0),
        ("review_every", 8.0),
        ("review_due", 12.0),
        ("replaces", 14.0),
        ("replaced_by", 14.0),
        ("ended", 12.0),
        ("secrecy", 8.0),
        ("notes", 20.0),
    ];

    fn list_field(key: &str) -> Option<&'static str> {
        Some(match key {
            "reference" => "doc_number",
            "party" => "issuer",
            "lead" => "unit",
            "date" => "issued",
            "due" => "review_due",
            _ => return None,
        })
    }

    fn confirm(l: Lang, done: &Done) -> String {
        confirm(l, done)
    }

    fn summary_rows(l: Lang, figures: &KindFigures) -> Vec<(String, usize)> {
        summary_rows(l, &figures.rule)
    }

    fn review_due_word(l: Lang) -> &'static str {
        super::labels::pick(l, "review due", "清理评估到期")
    }

    fn review_when(l: Lang, days_left: i64) -> String {
        let days = l.days_left(days_left);
        say!(l, "review {days}", "清理评估{days}")
    }

    fn with_reviews_due(l: Lang, line: String, reviews: usize) -> String {
        say!(
            l,
            "{line}, {reviews} rule(s) due for review",
            "{line}，制度待清理评估{reviews}项"
        )
    }
}

/// A finding of `check` on a rule, in words.
fn note_words(l: Lang, note: &RuleNote) -> String {
    use RuleNote as N;
    match note {
        N::EffectiveBeforeIssued { effective, issued } => say!(
            l,
            "takes effect ({effective}) before it was issued ({issued})",
            "施行日期（{effective}）早于发布日期（{issued}）"
        ),
        N::RevisedWithoutSuccessor => say!(
            l,
            "revised, but no rule is named as replacing it (replaced_by)",
            "已修订，但没有写明由哪项制度替代（replaced_by）"
        ),
        N::EndedWithoutDate { status } => {
            let status = l.keyword(*status);
            say!(
                l,
                "{status}, with no date it stopped being in force (ended)",
                "{status}，但没有写明失效日期（ended）"
            )
        }
        N::ReviewBeforeInForce { due, from } => say!(
            l,
            "the next review ({due}) is before the rule took effect ({from})",
            "下次评估日期（{due}）早于施行日期（{from}）"
        ),
        N::CycleWithoutReviewDue => say!(
            l,
            "has a review cycle but no next review date (review_due), so it is never reminded",
            "设有评估周期但没有下次评估日期（review_due），不会被提醒"
        ),
        N::LinkMissing { target } => say!(
            l,
            "names {target}, which does not exist",
            "所指的 {target} 不存在"
        ),
        N::LinkNotRule { target } => say!(
            l,
            "names {target}, which is not a rule",
            "所指的 {target} 不是制度"
        ),
        N::BadCycle { input } => say!(
            l,
            "cannot read the review cycle '{input}' (write 2y, 18m, 半年 or 每2年)",
            "无法识别评估周期“{input}”（写作 2y、18m、半年 或 每2年）"
        ),
        N::NotLinkedBack { target } => say!(
            l,
            "names {target}, which does not name this rule back",
            "所指的 {target} 没有反向指明本制度"
        ),
    }
}

/// A rule's step as people say it, in Chinese (English uses the command).
fn step_zh(step: Step) -> &'static str {
    match step {
        Step::Review => "清理评估",
        Step::Revise => "修订",
        Step::Repeal => "废止",
    }
}

/// The history line of a rule's own acts, or `None` for another action.
fn history(l: Lang, action: &str, note: &str) -> Option<String> {
    Some(match action {
        "revise" => say!(l, "revised: {note}", "修订：{note}"),
        "repeal" if note.is_empty() => say!(l, "repealed", "废止"),
        "repeal" => say!(l, "repealed: {note}", "废止：{note}"),
        "review" => {
            // Stored as `OUTCOME remark`: the outcome is a keyword.
            let (outcome, remark) = note.split_once(' ').unwrap_or((note, ""));
            let outcome = taizhang_core::model::keyword::parse::<Verdict>(outcome)
                .map_or(outcome, |v| l.keyword(v));
            let note = [outcome, remark.trim()].join(" ").trim().to_string();
            say!(l, "reviewed: {note}", "清理评估：{note}")
        }
        _ => return None,
    })
}

/// A rule's fields, by stored key: (key, English, Chinese). `reviews.*`
/// are the fields of one review.
const FIELDS: &[(&str, &str, &str)] = &[
    ("doc_number", "document number", "文号"),
    ("issuer", "issued by", "发布单位"),
    ("issued", "issued", "发布日期"),
    ("effective", "in force from", "施行日期"),
    ("unit", "responsible unit", "归口科室"),
    ("review_every", "review every", "评估周期"),
    ("review_due", "next review", "下次评估"),
    ("reviews", "reviews", "清理评估"),
    ("replaces", "replaces", "修订前制度"),
    ("replaced_by", "replaced by", "修订后制度"),
    ("ended", "ended", "失效日期"),
    ("status", "status", "制度状态"),
    ("reviews.date", "date", "评估日期"),
    ("reviews.by", "by", "评估人"),
    ("reviews.outcome", "outcome", "评估结论"),
    ("reviews.note", "note", "说明"),
];

/// The label of a rule's field (`scope` is `rule`, or `reviews` for the
/// fields of one review), when the kind has its own.
fn field(lang: Lang, scope: &str, key: &str) -> Option<&'static str> {
    let wanted = match scope {
        "rule" => key.to_string(),
        "reviews" => format!("reviews.{key}"),
        _ => return None,
    };
    FIELDS
        .iter()
        .find(|(k, _, _)| *k == wanted)
        .map(|(_, en, zh)| super::labels::pick(lang, en, zh))
}

/// The rows of a period's rule figures in `summary` and the brief.
fn summary_rows(l: Lang, rules: &Figures) -> Vec<(String, usize)> {
    vec![
        (say!(l, "In force", "现行有效"), rules.in_force),
        (say!(l, "Issued", "新发布"), rules.issued),
        (say!(l, "Revised or repealed", "修订或废止"), rules.ended),
        (say!(l, "Reviews done", "完成清理评估"), rules.reviewed),
        (
            say!(l, "Overdue for review", "逾期未评估"),
            rules.review_overdue,
        ),
    ]
}

/// What a rule's step did, for the line that confirms it on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// `rule review`, with the next review date (none without a cycle).
    Reviewed { id: Id, next: Option<Date> },
    /// `rule revise`: `old` is replaced by `new`.
    Revised { old: Id, new: Id },
    /// `rule repeal`.
    Repealed { id: Id },
}

fn confirm(l: Lang, done: &Done) -> String {
    match done {
        Done::Reviewed {
            id,
            next: Some(next),
        } => say!(
            l,
            "{id} reviewed; next review due {next}",
            "{id} 已登记清理评估，下次评估日期 {next}"
        ),
        Done::Reviewed { id, next: None } => {
            say!(l, "{id} reviewed", "{id} 已登记清理评估")
        }
        Done::Revised { old, new } => say!(
            l,
            "{old} revised: {new} replaces it",
            "{old} 已修订，由 {new} 替代"
        ),
        Done::Repealed { id } => say!(l, "{id} repealed", "{id} 已废止"),
    }
}

/// What a rule's sets of keywords are called, by `Keyword::NAME`.
const KEYWORD_SETS: &[(&str, &str, &str)] = &[
    ("rule status", "rule status", "制度状态"),
    ("review outcome", "review outcome", "评估结论"),
];
