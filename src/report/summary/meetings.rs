//! The meetings held in a period, each with its attendance and its 落实率
//! (decisions closed on time of those due, `model::meeting::Implementation`)
//! as of the period's end, or today while it runs.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::compute::Summary;
use crate::i18n::meeting::{self as words, Held};
use crate::i18n::{Label, Lang};
use crate::report::redact::{Secrets, Title};
use crate::report::render::{Table, Tone};
use taizhang_core::model::followup::Followup;
use taizhang_core::model::id::Id;
use taizhang_core::model::meeting::Implementation;
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;

/// One meeting held in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldMeeting {
    pub id: Id,
    /// Withheld when the meeting is classified.
    pub title: Title,
    pub date: Date,
    pub decisions: usize,
    pub present: usize,
    pub absent: usize,
    pub implementation: Implementation,
}

/// The meetings of `records` held in `period`, by day, each counted as of
/// `asof` against the follow-ups among `records`.
pub fn held(
    records: &[&Record],
    period: &Period,
    asof: Date,
    secrets: &Secrets,
) -> Vec<HeldMeeting> {
    let followups: HashMap<&Id, &Followup> = (records.iter())
        .filter_map(|r| match r {
            Record::Followup(fu) => Some((&fu.id, &**fu)),
            _ => None,
        })
        .collect();
    let mut held: Vec<HeldMeeting> = (records.iter())
        .filter_map(|record| match record {
            Record::Meeting(mt) if mt.was_held() && period.contains(mt.start.date()) => {
                Some(HeldMeeting {
                    id: mt.id.clone(),
                    title: secrets.title(record),
                    date: mt.start.date(),
                    decisions: mt.decisions.len(),
                    present: mt.attendees.len(),
                    absent: mt.absent.len(),
                    implementation: mt.implementation(|id| followups.get(id).copied(), asof),
                })
            }
            _ => None,
        })
        .collect();
    held.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    held
}

/// The table of the meetings held, for the terminal, Markdown and the
/// brief.
pub fn table(s: &Summary, lang: Lang) -> Table {
    let mut table = Table::new(vec![
        lang.label(Label::Id).to_string(),
        lang.label(Label::Title).to_string(),
        Held::Date.word(lang).to_string(),
        Held::Decisions.word(lang).to_string(),
        Held::Attendance.word(lang).to_string(),
        Held::Implementation.word(lang).to_string(),
    ]);
    for m in &s.meetings.items {
        let counted = &m.implementation;
        let percent = super::percent(counted.rate());
        let late = counted.on_time < counted.due;
        table.push(vec![
            (m.id.to_string(), Tone::Plain),
            (m.title.words(lang), Tone::Plain),
            (m.date.to_string(), Tone::Plain),
            (m.decisions.to_string(), Tone::Plain),
            (words::attendance(lang, m.present, m.absent), Tone::Plain),
            (
                words::implementation_cell(lang, counted, &percent),
                if late { Tone::Danger } else { Tone::Plain },
            ),
        ]);
    }
    table
}

/// The table's heading.
pub fn heading(lang: Lang) -> &'static str {
    Held::Heading.word(lang)
}
