//! The rows of `list`: which records, in which order, with which columns.

use jiff::civil::Date;

use crate::i18n::{Label, Lang};
use crate::model::kind::KindFilter;
use crate::model::record::Record;
use crate::report::render::{Table, Tone};

/// What `list` selects. Dates and spans are already resolved.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<KindFilter>,
    pub status: Vec<String>,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub overdue: bool,
    /// Due on or before this date (and still to be done).
    pub due_by: Option<Date>,
    /// Lower-cased search text.
    pub search: Option<String>,
    pub year: Option<i16>,
    /// Only incoming papers this person or unit has now (see
    /// `Incoming::holders`).
    pub holder: Option<String>,
}

impl Filter {
    pub fn matches(&self, record: &Record, today: Date) -> bool {
        if let Some(kind) = &self.kind
            && !kind.matches(record.kind(), record.book())
        {
            return false;
        }
        if !self.status.is_empty() && !self.status.iter().any(|s| status_matches(record, s)) {
            return false;
        }
        if let Some(unit) = &self.unit
            && record.unit() != Some(unit.as_str())
        {
            return false;
        }
        if let Some(owner) = &self.owner
            && record.owner() != Some(owner.as_str())
        {
            return false;
        }
        let date = record.date();
        if self.since.is_some_and(|s| date < s) || self.until.is_some_and(|u| date > u) {
            return false;
        }
        if self.year.is_some_and(|y| record.id().year() != y) {
            return false;
        }
        let due = record.due_state(today);
        if self.overdue && !due.is_some_and(|d| d.overdue()) {
            return false;
        }
        if let Some(by) = self.due_by
            && due.is_none_or(|d| d.due > by)
        {
            return false;
        }
        if let Some(needle) = &self.search
            && !record.matches_search(needle)
        {
            return false;
        }
        if let Some(holder) = &self.holder
            && !matches!(record, Record::Incoming(doc) if doc.is_held_by(holder))
        {
            return false;
        }
        true
    }
}

/// A status typed by the user matches the stored keyword or its label.
fn status_matches(record: &Record, wanted: &str) -> bool {
    record.status().eq_ignore_ascii_case(wanted) || record.status_label(Lang::Zh) == wanted
}

/// The table of `list`.
pub fn table(records: &[&Record], today: Date, lang: Lang) -> Table {
    let headers = [
        Label::Id,
        Label::Title,
        Label::Status,
        Label::Unit,
        Label::Party,
        Label::Date,
        Label::Due,
        Label::DaysLeft,
    ];
    let mut table = Table::new(headers.iter().map(|l| lang.label(*l).to_string()).collect());
    for record in records {
        let due = record.due_state(today);
        let tone = match due {
            Some(d) if d.overdue() => Tone::Danger,
            Some(d) if d.days_left == 0 => Tone::Warn,
            _ => Tone::Plain,
        };
        let plain = |s: String| (s, Tone::Plain);
        table.push(vec![
            plain(record.id().to_string()),
            plain(record.title().to_string()),
            (
                record.status_label(lang).to_string(),
                if tone == Tone::Danger {
                    Tone::Danger
                } else {
                    Tone::Plain
                },
            ),
            plain(record.unit().unwrap_or_default().to_string()),
            plain(record.party().unwrap_or_default()),
            plain(record.date().to_string()),
            plain(due.map(|d| d.due.to_string()).unwrap_or_default()),
            (
                due.map(|d| d.days_left.to_string()).unwrap_or_default(),
                tone,
            ),
        ]);
    }
    table
}

/// A record as JSON for scripts: its keys plus computed `overdue` and
/// `days_left` where a due date applies.
pub fn json(record: &Record, today: Date) -> serde_json::Value {
    let mut value = record.to_json();
    if let (Some(map), Some(due)) = (value.as_object_mut(), record.due_state(today)) {
        map.insert("overdue".into(), due.overdue().into());
        map.insert("days_left".into(), due.days_left.into());
    } else if let Some(map) = value.as_object_mut() {
        map.insert("overdue".into(), false.into());
    }
    value
}
