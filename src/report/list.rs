//! The rows of `list`: which records, in which order, with which columns.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::i18n::{Label, Lang};
use crate::report::render::{Table, Tone};
use crate::report::show::entry_cell;
use taizhang_core::model::config::{FieldDef, LogbookDef};
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::kind::{Kind, KindFilter};
use taizhang_core::model::record::Record;

/// What `list` selects. Dates and spans are already resolved.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<KindFilter>,
    pub status: Vec<String>,
    pub unit: Option<String>,
    /// The names `unit` had before (`unit rename`): records frozen under
    /// one of them (archived) still belong to it.
    pub unit_former: Vec<String>,
    pub owner: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub overdue: bool,
    /// Due on or before this date (and still to be done).
    pub due_by: Option<Date>,
    /// Lower-cased search text.
    pub search: Option<String>,
    /// Only what is still to be done (`Record::is_open`).
    pub open: bool,
    pub year: Option<i16>,
    /// Only incoming papers this person or unit has now (see
    /// `Incoming::holders`).
    pub holder: Option<String>,
    /// Only records naming this person in any role (`--person`).
    pub person: Option<Person>,
}

/// `--person`: a name, and the logbooks' declarations, which say which
/// fields of an entry name people (`Record::people`).
#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: String,
    pub books: BTreeMap<String, LogbookDef>,
}

impl Filter {
    pub fn matches(&self, record: &Record, today: Date) -> bool {
        if let Some(kind) = &self.kind
            && !kind.matches(record.kind(), record.book())
        {
            return false;
        }
        if !self.status.is_empty() && !self.status.iter().any(|s| record.status_is(s)) {
            return false;
        }
        if let Some(unit) = &self.unit
            && !record
                .unit()
                .is_some_and(|u| u == unit || self.unit_former.iter().any(|f| f == u))
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
        if self.open && !record.is_open() {
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
        if let Some(person) = &self.person
            && !record.names_person(&person.name, &person.books)
        {
            return false;
        }
        true
    }
}

impl Filter {
    /// Whether some files are passed over by their names (`may_hold`).
    pub fn by_file_name(&self) -> bool {
        self.kind.is_some() || self.year.is_some() || self.holder.is_some()
    }

    /// Whether the file of record `id` (of `kind`, in logbook `book`) can
    /// hold a match: the kind and the year are in its name, and only
    /// incoming papers have holders. Other files are not even read.
    pub fn may_hold(&self, id: &Id, kind: Kind, book: Option<&str>) -> bool {
        self.kind.as_ref().is_none_or(|k| k.matches(kind, book))
            && self.year.is_none_or(|year| id.year() == year)
            && (self.holder.is_none() || kind == Kind::Incoming)
    }

    /// Whether a record with these facts can match: what is not open has
    /// no due date to be overdue or due soon, and a record's date is one
    /// of the dates it spans. Records failing this are not decoded.
    pub fn may_match(&self, facts: &Facts) -> bool {
        let wants_open = self.open || self.overdue || self.due_by.is_some();
        if wants_open && !facts.open {
            return false;
        }
        if self.since.is_some() || self.until.is_some() {
            return facts.touches(
                self.since.unwrap_or(Date::MIN),
                self.until.unwrap_or(Date::MAX),
            );
        }
        true
    }
}

/// One column of `list`: the field key that names it, and its cell.
#[derive(Clone, Copy)]
struct Column {
    key: &'static str,
    cell: fn(&Record, Date, Lang) -> (String, Tone),
}

fn plain(text: impl Into<String>) -> (String, Tone) {
    (text.into(), Tone::Plain)
}

fn tone(record: &Record, today: Date) -> Tone {
    match record.due_state(today) {
        Some(d) if d.overdue() => Tone::Danger,
        Some(d) if d.days_left == 0 => Tone::Warn,
        _ => Tone::Plain,
    }
}

const ID: Column = Column {
    key: "id",
    cell: |r, _, _| plain(r.id().to_string()),
};
const TITLE: Column = Column {
    key: "title",
    cell: |r, _, _| plain(r.title()),
};
const STATUS: Column = Column {
    key: "status",
    cell: |r, today, lang| {
        let tone = match tone(r, today) {
            Tone::Danger => Tone::Danger,
            _ => Tone::Plain,
        };
        (lang.status(r).to_string(), tone)
    },
};
const UNIT: Column = Column {
    key: "lead",
    cell: |r, _, _| plain(r.unit().unwrap_or_default()),
};
/// A follow-up's 紧急程度, when given (`assign --urgency`).
const URGENCY: Column = Column {
    key: "urgency",
    cell: |r, _, lang| match r {
        Record::Followup(f) => plain(f.urgency.map(|u| lang.keyword(u)).unwrap_or_default()),
        _ => plain(""),
    },
};
const HOST: Column = Column {
    key: "host",
    cell: |r, _, _| match r {
        Record::Meeting(m) => plain(m.host.clone().unwrap_or_default()),
        _ => plain(""),
    },
};
const OWNER: Column = Column {
    key: "owner",
    cell: |r, _, _| plain(r.owner().unwrap_or_default()),
};
const PARTY: Column = Column {
    key: "party",
    cell: |r, _, _| plain(r.party().unwrap_or_default()),
};
const REFERENCE: Column = Column {
    key: "reference",
    cell: |r, _, _| plain(r.reference().unwrap_or_default()),
};
const DATE: Column = Column {
    key: "date",
    cell: |r, _, _| plain(r.date().to_string()),
};
/// The deadline in force, also for what is finished (a closed follow-up's
/// effective due date), so a table shows whether it was met.
const DUE: Column = Column {
    key: "due",
    cell: |r, _, _| plain(r.deadline().map(|d| d.to_string()).unwrap_or_default()),
};
const DAYS_LEFT: Column = Column {
    key: "days_left",
    cell: |r, today, _| {
        let days = r.due_state(today).map(|d| d.days_left.to_string());
        (days.unwrap_or_default(), tone(r, today))
    },
};

/// The columns for a kind of record: each kind shows what a clerk looks
/// for in its paper register (来文机关 and 来文字号 for incoming papers,
/// 发文字号 and 主送 for outgoing ones, 牵头单位 and 责任人 for follow-ups).
fn columns(kind: Option<Kind>) -> (&'static str, Vec<Column>) {
    if let Some(kind) = kind
        && let Some(keys) = crate::i18n::list_columns(kind)
    {
        let common = [
            ID, TITLE, STATUS, UNIT, HOST, OWNER, PARTY, REFERENCE, DATE, DUE, DAYS_LEFT,
        ];
        let own = keys
            .iter()
            .filter_map(|key| common.iter().find(|c| c.key == *key));
        return (Keyword::keyword(kind), own.copied().collect());
    }
    match kind {
        Some(Kind::Followup) => (
            "followup",
            vec![ID, TITLE, STATUS, UNIT, OWNER, DATE, DUE, DAYS_LEFT],
        ),
        Some(Kind::Incoming) => (
            "incoming",
            vec![
                ID, TITLE, STATUS, PARTY, REFERENCE, UNIT, DATE, DUE, DAYS_LEFT,
            ],
        ),
        Some(Kind::Outgoing) => (
            "outgoing",
            vec![ID, TITLE, STATUS, REFERENCE, PARTY, UNIT, DATE],
        ),
        Some(Kind::Meeting) => ("meeting", vec![ID, TITLE, STATUS, DATE, PARTY, HOST]),
        _ => (
            "",
            vec![ID, TITLE, STATUS, UNIT, PARTY, DATE, DUE, DAYS_LEFT],
        ),
    }
}

/// The header of a column, in the words of the kind it lists.
pub fn header(scope: &str, key: &str, lang: Lang) -> String {
    let text = header_words(scope, key, lang);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn header_words(scope: &str, key: &str, lang: Lang) -> String {
    if let Some(field) = crate::i18n::list_field(scope, key) {
        return lang.field_in(scope, field).to_string();
    }
    let label = |l| lang.label(l).to_string();
    match (scope, key) {
        (_, "id") => label(Label::Id),
        (_, "title") => label(Label::Title),
        (_, "status") => label(Label::Status),
        (_, "days_left") => label(Label::DaysLeft),
        ("", "lead") => label(Label::Unit),
        ("", "party") => label(Label::Party),
        ("", "date") => label(Label::Date),
        ("", "due") => label(Label::Due),
        ("followup", "date") => lang.field_in(scope, "assigned").to_string(),
        ("incoming", "party") => lang.field("sender").to_string(),
        ("incoming", "reference") => lang.field("sender_ref").to_string(),
        ("incoming", "date") => lang.field("received").to_string(),
        ("incoming", "due") => lang.field("deadline").to_string(),
        ("outgoing", "reference") => lang.field("doc_number").to_string(),
        ("outgoing", "party") => lang.field("to").to_string(),
        ("outgoing", "lead") => lang.field("drafting_unit").to_string(),
        ("outgoing", "date") => lang.field("signed").to_string(),
        ("meeting", "date") => lang.field("start").to_string(),
        ("meeting", "party") => lang.field("venue").to_string(),
        _ => lang.field_in(scope, key).to_string(),
    }
}

/// The table of `list`. With one kind of record, its own columns.
pub fn table(records: &[&Record], kind: Option<Kind>, today: Date, lang: Lang) -> Table {
    let (scope, mut columns) = columns(kind);
    // Follow-ups' urgency, only where one of them has one: most have none.
    let urgent = |r: &&Record| matches!(r, Record::Followup(f) if f.urgency.is_some());
    if scope == "followup" && records.iter().any(urgent) {
        columns.insert(3, URGENCY);
    }
    let mut table = Table::new(columns.iter().map(|c| header(scope, c.key, lang)).collect());
    // A title may run to 500 characters (`model::title`): wrapped, not
    // one row as wide as a page of text.
    const TITLE_WIDTH: u16 = 60;
    if let Some(title) = columns.iter().position(|c| c.key == "title") {
        table.wrap.push((title, TITLE_WIDTH));
    }
    for record in records {
        table.push(
            columns
                .iter()
                .map(|c| (c.cell)(record, today, lang))
                .collect(),
        );
    }
    table
}

/// How many columns of a logbook a terminal table shows at most, beyond
/// its required fields and its open loop's (which it always shows).
const BOOK_COLUMNS: usize = 8;

/// The table of `list NAME` for a logbook: the ID, then the declared
/// fields in declared order, headed by their labels in the reader's
/// language. With `all` (CSV, Markdown) every declared field; else those
/// a terminal has room for: the required ones and the open loop's, and
/// others in declared order up to eight.
pub fn book_table(records: &[&Record], book: &LogbookDef, lang: Lang, all: bool) -> Table {
    let in_loop = |name: &str| {
        book.open_loop
            .as_ref()
            .is_some_and(|l| l.start == name || l.end == name || l.due.as_deref() == Some(name))
    };
    let must: Vec<bool> = (book.fields.iter())
        .map(|f| all || f.required || in_loop(&f.name))
        .collect();
    let mut room = BOOK_COLUMNS.saturating_sub(must.iter().filter(|m| **m).count());
    let shown: Vec<&FieldDef> = (book.fields.iter().zip(must))
        .filter(|(_, must)| {
            *must || {
                let fits = room > 0;
                room = room.saturating_sub(1);
                fits
            }
        })
        .map(|(f, _)| f)
        .collect();
    let mut headers = vec![header("", "id", lang)];
    headers.extend(shown.iter().map(|f| lang.field_label(f).to_string()));
    let mut table = Table::new(headers);
    for record in records {
        let fields = match record {
            Record::Entry(entry, _) => Some(&entry.fields),
            _ => None,
        };
        let mut row = vec![plain(record.id().to_string())];
        row.extend(shown.iter().map(|f| {
            let value = fields.and_then(|m| m.get(f.name.as_str()));
            plain(value.map(|v| entry_cell(v, lang)).unwrap_or_default())
        }));
        table.push(row);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind that names its own columns of `list` names only columns
    /// `list` has, each headed in both languages: a key it lacks would
    /// silently drop the column.
    #[test]
    fn every_kind_with_its_own_columns_gets_each_of_them() {
        for kind in Kind::ALL.iter().copied() {
            let Some(keys) = crate::i18n::list_columns(kind) else {
                continue;
            };
            let (scope, columns) = columns(Some(kind));
            let shown: Vec<&str> = columns.iter().map(|c| c.key).collect();
            assert_eq!(shown, keys, "{kind:?}: a column list does not have");
            for key in keys {
                for lang in [Lang::En, Lang::Zh] {
                    let head = header(scope, key, lang);
                    assert!(!head.is_empty() && head != *key, "{kind:?}: {key} unworded");
                }
            }
        }
    }

    /// `may_hold` and `may_match` never pass over a record `matches`
    /// would list.
    #[test]
    fn records_passed_over_never_match() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        let filters = [
            Filter::default(),
            Filter {
                open: true,
                ..Filter::default()
            },
            Filter {
                overdue: true,
                ..Filter::default()
            },
            Filter {
                due_by: Some(day("2026-11-30")),
                ..Filter::default()
            },
            Filter {
                since: Some(day("2026-11-01")),
                ..Filter::default()
            },
            Filter {
                until: Some(day("2026-10-31")),
                ..Filter::default()
            },
            Filter {
                year: Some(2026),
                ..Filter::default()
            },
            Filter {
                holder: Some("王丽".into()),
                ..Filter::default()
            },
            Filter {
                kind: Some(KindFilter::Kind(Kind::Followup)),
                year: Some(2025),
                ..Filter::default()
            },
            Filter {
                since: Some(day("2026-11-10")),
                until: Some(day("2026-11-20")),
                open: true,
                ..Filter::default()
            },
        ];
        let mut listed = 0;
        for record in taizhang_core::testing::example_records() {
            let facts = Facts::of(&record);
            for today in ["2026-11-01", "2026-11-23", "2027-02-01"] {
                for filter in &filters {
                    if filter.matches(&record, day(today)) {
                        listed += 1;
                        assert!(filter.may_match(&facts), "{} {filter:?}", record.id());
                        let (id, kind, book) = (record.id(), record.kind(), record.book());
                        assert!(filter.may_hold(id, kind, book), "{id} {filter:?}");
                    }
                }
            }
        }
        assert!(listed > 100, "{listed}");
    }
}
