//! A row of a 会议登记簿 (the meetings an office held, kept in a
//! spreadsheet, or `export`'s 会议 sheet) read into a meeting.

use super::lines;
use super::rows::{Built, Reader, Trouble};
use super::said::{Said, joined};
use super::{Field, ImportSpec};
use crate::model::date::When;
use crate::model::meeting::{Meeting, MtStatus};
use crate::model::record::Record;

/// The fields a column of a meetings sheet may fill, with the headers
/// such sheets give them.
/// The columns of a 会议登记簿 and their reader (`KindSpec::import`).
pub(crate) const IMPORT: ImportSpec = ImportSpec {
    fields: FIELDS,
    read: |row| row.meeting(),
};

#[rustfmt::skip]
const FIELDS: &[(Field, &[&str])] = {
    use Field as F;
    &[
        (F::LegacyId, &["序号", "编号", "原编号", "no", "no.", "id"]),
        (F::Title, &["会议名称", "会议", "名称", "标题"]),
        (F::MeetingType, &["会议类型", "类型", "type"]),
        (F::Start, &["开始时间", "会议时间", "会议日期", "时间", "日期", "date"]),
        (F::End, &["结束时间"]),
        (F::Venue, &["地点", "会议地点", "会场"]),
        (F::Host, &["主持人", "主持"]),
        (F::Recorder, &["记录人", "记录"]),
        (F::Attendees, &["出席", "参会人员", "出席人员", "参加人员"]),
        (F::Decisions, &["议定事项", "会议议定事项", "决定事项"]),
        (F::Minutes, &["会议纪要", "纪要"]),
        (F::Secrecy, &["密级"]),
        (F::Status, &["会议状态", "状态"]),
        (F::Notes, &["备注"]),
    ]
};

impl Reader<'_, '_> {
    /// A row of a meetings sheet: a meeting held on its date (or planned,
    /// if the date is still to come), its decisions as `export` writes
    /// them (`1. 编制计划（综合规划科，2026-11-13）`, one a line).
    pub(crate) fn meeting(&mut self) -> Built {
        let title = self.title();
        let start_when = self.required_when(Field::Start);
        let start = start_when.as_ref().map(When::date);
        let end = self.when(Field::End);
        let (secrecy, _) = self.secrecy();
        let mut decisions = self.text(Field::Decisions).and_then(|text| {
            let list = lines::read_decisions(&text);
            if list.is_none() {
                self.problem(Field::Decisions, Trouble::BadDecisions { input: text });
            }
            list
        });
        for decision in decisions.iter_mut().flatten() {
            if let Some(lead) = decision.lead.take() {
                decision.lead = self.unit(Field::Decisions, &lead);
            }
        }
        let held = start.is_some_and(|d| d <= self.setting.today);
        let more = [
            ("已开", MtStatus::Held),
            ("召开", MtStatus::Held),
            ("计划", MtStatus::Planned),
            ("拟召开", MtStatus::Planned),
        ];
        let settled = self.settle(
            &more,
            |said| match said {
                Said::Finished | Said::Replied | Said::Archived => MtStatus::Held,
                Said::Open => MtStatus::Planned,
                Said::Cancelled => MtStatus::Cancelled,
            },
            Field::Notes,
        );
        let status = settled.status.unwrap_or(if held {
            MtStatus::Held
        } else {
            MtStatus::Planned
        });
        let (title, start, start_when) = (title?, start?, start_when?);
        let actor = self.setting.actor;
        let record = Meeting {
            id: self.placeholder(start.year()),
            title,
            status,
            meeting_type: self.text(Field::MeetingType),
            start: start_when,
            end,
            venue: self.text(Field::Venue),
            host: self.text(Field::Host),
            recorder: self.text(Field::Recorder),
            attendees: self.list(Field::Attendees),
            absent: Vec::new(),
            observers: Vec::new(),
            agenda: Vec::new(),
            decisions: decisions.unwrap_or_default(),
            minutes: self.text(Field::Minutes),
            secrecy,
            notes: joined(self.text(Field::Notes), settled.kept),
            created: actor.at,
            history: self.history(),
            every: None,
            series: None,
            series_ended: None,
            extra: Default::default(),
        };
        Some((Record::Meeting(Box::new(record)), start.year(), false))
    }
}
