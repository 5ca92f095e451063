//! A row of an office's 制度清单 (its list of rules in force, kept in a
//! spreadsheet) read into a rule: the headers such sheets give each
//! field (and the headers `export` writes, so an export comes back in),
//! and the words they write for a rule's status.

use super::validate::RuleNote;
use super::{Cycle, Rule, RuleStatus};
use crate::model::import::rows::{Built, Reader, Trouble};
use crate::model::import::{Field, ImportSpec};
use crate::model::record::Record;
use crate::model::validate::Note;

/// The fields a column of a rules sheet may fill, with the headers such
/// sheets give them.
/// The columns of a 制度清单 and their reader (`KindSpec::import`).
pub(crate) const IMPORT: ImportSpec = ImportSpec {
    fields: FIELDS,
    read: |row| row.rule(),
};

#[rustfmt::skip]
const FIELDS: &[(Field, &[&str])] = {
    use Field as F;
    &[
        (F::LegacyId, &["序号", "编号", "原编号", "no", "no.", "id"]),
        (F::Title, &["制度名称", "名称", "标题", "文件名称"]),
        (F::DocNumber, &["文号", "发文字号", "印发文号", "document number"]),
        (F::Issuer, &["发布单位", "制定单位", "发文单位", "发布机关", "issued by"]),
        (F::Issued, &["发布日期", "印发日期", "制定日期", "日期", "date"]),
        (F::Effective, &["施行日期", "实施日期", "生效日期", "in force from"]),
        (F::Unit, &["归口科室", "归口部门", "责任科室", "牵头科室", "归口单位", "responsible unit"]),
        (F::ReviewEvery, &["评估周期", "清理周期", "review every"]),
        (F::ReviewDue, &["下次评估", "下次评估日期", "评估日期", "next review"]),
        (F::Ended, &["失效日期", "废止日期", "ended"]),
        (F::Status, &["状态", "制度状态", "效力状态", "是否有效"]),
        (F::Secrecy, &["密级"]),
        (F::Notes, &["备注"]),
    ]
};

/// Words sheets write for a rule's status besides the ones shown.
const STATUS_WORDS: &[(&str, RuleStatus)] = &[
    ("有效", RuleStatus::Current),
    ("是", RuleStatus::Current),
    ("施行", RuleStatus::Current),
    ("修订", RuleStatus::Revised),
    ("已修改", RuleStatus::Revised),
    ("失效", RuleStatus::Repealed),
    ("已失效", RuleStatus::Repealed),
    ("否", RuleStatus::Repealed),
];

impl Reader<'_, '_> {
    /// A row of a rules sheet. A rule in force with a cycle and no next
    /// review date is due one cycle after it took effect.
    pub(crate) fn rule(&mut self) -> Built {
        let title = self.title();
        let issued = self.required_date(Field::Issued);
        let effective = self.date(Field::Effective);
        let unit = self.opt_unit(Field::Unit);
        let review_every = self.text(Field::ReviewEvery).and_then(|text| {
            let cycle = Cycle::parse(&text);
            if cycle.is_none() {
                let note = Note::from(RuleNote::BadCycle { input: text });
                self.problem(Field::ReviewEvery, Trouble::Check(note));
            }
            cycle
        });
        let review_due = self.date(Field::ReviewDue);
        let ended = self.date(Field::Ended);
        let status = self
            .keyword(Field::Status, STATUS_WORDS)
            .unwrap_or(RuleStatus::Current);
        let (secrecy, _) = self.secrecy();
        let (title, issued) = (title?, issued?);
        let actor = self.setting.actor;
        let mut rule = Rule {
            id: self.placeholder(issued.year()),
            title,
            status,
            doc_number: self.text(Field::DocNumber),
            issuer: self.text(Field::Issuer),
            issued,
            effective,
            unit,
            review_every,
            review_due,
            reviews: Vec::new(),
            replaces: None,
            replaced_by: None,
            ended,
            secrecy,
            notes: self.text(Field::Notes),
            created: actor.at,
            history: self.history(),
            extra: Default::default(),
        };
        if rule.status == RuleStatus::Current && rule.review_due.is_none() {
            rule.review_due = rule.next_review();
        }
        Some((Record::Rule(Box::new(rule)), issued.year(), false))
    }
}
