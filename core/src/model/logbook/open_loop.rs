//! Open loops (docs/desk.md): a seal taken out and not yet
//! returned, a car out and not back, an archive file lent. A book declares
//! which of its fields start and end the loop (`[logbooks.seal.loop]`);
//! an entry whose `start` is set and whose `end` is empty is *out*, due
//! back by its `due` field, held by the person its `owner` field names.
//!
//! Pure: the entry and its book's declaration in, answers out. Today is
//! the caller's; this module never decides what is overdue
//! (`report::remind` does, from the due date given here).

use jiff::civil::Date;
use serde_yaml::Value;

use crate::model::config::{LogbookDef, LoopDef};
use crate::model::date::{Moment, When, parse_iso_date};
use crate::model::logbook::Entry;

/// An entry that is out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Out<'a> {
    /// When it went out, if the `start` field reads as a date or moment.
    pub start: Option<When>,
    /// The day it is due back: the date of the `due` field (a date or a
    /// moment). `None` when the book declares no due field or the entry
    /// leaves it empty: such an entry is out, but never late.
    pub due: Option<Date>,
    /// Who has it: the value of the `owner` field.
    pub owner: Option<&'a str>,
}

/// Whether a field holds something: present, not null, not blank text.
pub fn is_set(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(_) => true,
    }
}

/// A field's value as a date or a moment (`2026-11-20`,
/// `2026-11-20T09:30:00+08:00`).
pub fn when_of(value: Option<&Value>) -> Option<When> {
    let text = value?.as_str()?.trim();
    if let Some(date) = parse_iso_date(text) {
        return Some(When::Date(date));
    }
    Moment::parse_rfc3339(text).map(When::Moment)
}

/// The entry as its book's loop sees it: `Some` when it is out.
pub fn out<'a>(entry: &'a Entry, open_loop: &LoopDef) -> Option<Out<'a>> {
    let field = |name: &str| entry.fields.get(name);
    let ended = std::iter::once(&open_loop.end)
        .chain(&open_loop.also_ends)
        .any(|end| is_set(field(end)));
    if !is_set(field(&open_loop.start)) || ended {
        return None;
    }
    Some(Out {
        start: when_of(field(&open_loop.start)),
        due: (open_loop.due.as_deref())
            .and_then(|due| when_of(field(due)))
            .map(|when| when.date()),
        owner: (open_loop.owner.as_deref())
            .and_then(field)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|owner| !owner.is_empty()),
    })
}

/// Whether the entry is out on its book's loop (false when the book
/// declares none).
pub fn is_out(entry: &Entry, book: &LogbookDef) -> bool {
    book.open_loop
        .as_ref()
        .is_some_and(|open_loop| out(entry, open_loop).is_some())
}

/// The `end` and `start` of an entry that came back before it went out
/// (`returned` before `taken_out`): two moments are compared as instants,
/// anything else by date.
pub fn end_before_start(entry: &Entry, open_loop: &LoopDef) -> Option<(When, When)> {
    let start = when_of(entry.fields.get(&open_loop.start))?;
    let end = when_of(entry.fields.get(&open_loop.end))?;
    let before = match (start, end) {
        (When::Moment(s), When::Moment(e)) => match (s.timestamp(), e.timestamp()) {
            (Some(s), Some(e)) => e < s,
            _ => end.date() < start.date(),
        },
        _ => end.date() < start.date(),
    };
    before.then_some((end, start))
}

/// The part a loop's field plays, for the settings check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Start,
    Due,
    End,
    AlsoEnds,
    Owner,
}

impl Role {
    /// The key under `[logbooks.NAME.loop]`.
    pub fn key(self) -> &'static str {
        match self {
            Role::Start => "start",
            Role::Due => "due",
            Role::End => "end",
            Role::AlsoEnds => "also_ends",
            Role::Owner => "owner",
        }
    }
}

/// The loop's fields that the book does not declare, with their roles: a
/// typo there would leave every entry in or out for good.
pub fn undeclared_fields(book: &LogbookDef) -> Vec<(Role, String)> {
    let Some(open_loop) = &book.open_loop else {
        return Vec::new();
    };
    let declared = |name: &str| book.fields.iter().any(|f| f.name == name);
    [
        (Role::Start, Some(&open_loop.start)),
        (Role::Due, open_loop.due.as_ref()),
        (Role::End, Some(&open_loop.end)),
        (Role::Owner, open_loop.owner.as_ref()),
    ]
    .into_iter()
    .chain(
        open_loop
            .also_ends
            .iter()
            .map(|end| (Role::AlsoEnds, Some(end))),
    )
    .filter_map(|(role, name)| Some((role, name?)))
    .filter(|(_, name)| !declared(name))
    .map(|(role, name)| (role, name.clone()))
    .collect()
}

/// What an entry is about, for a reminder's title: its own `title` when
/// it has one, else the values of its first two declared text fields
/// (`局公章 · 签订合同`), else its ID.
pub fn headline(entry: &Entry, book: &LogbookDef) -> String {
    if !entry.title.trim().is_empty() {
        return entry.title.clone();
    }
    let parts: Vec<&str> = book
        .fields
        .iter()
        .filter(|f| f.kind == "text")
        .filter_map(|f| entry.fields.get(f.name.as_str())?.as_str())
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .take(2)
        .collect();
    if parts.is_empty() {
        entry.id.to_string()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;
    use crate::model::record::Record;

    fn seal() -> LogbookDef {
        crate::model::logbook::preset("seal").unwrap()
    }

    fn entry(fields: &str) -> Entry {
        let yaml = format!(
            "id: SEAL-2026-0001\ncreated: 2026-11-20T09:00:00+08:00\n\
             date: 2026-11-20\nseal: 局公章\nunit: 办公室\nhandler: 李明\n\
             purpose: 签订合同\napprover: 张局长\n{fields}"
        );
        match Record::from_yaml(&yaml, Kind::Logbook, Some("seal")).unwrap() {
            Record::Entry(entry, _) => *entry,
            _ => unreachable!(),
        }
    }

    #[test]
    fn out_until_the_end_is_filled() {
        let book = seal();
        let l = book.open_loop.as_ref().unwrap();
        let taken =
            entry("taken_out: 2026-11-20T09:30:00+08:00\nreturn_due: 2026-11-21T17:00:00+08:00\n");
        let out = out(&taken, l).unwrap();
        assert_eq!(out.due, Some(Date::constant(2026, 11, 21)));
        assert_eq!(out.owner, Some("李明"));
        assert!(is_out(&taken, &book));

        let back =
            entry("taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T16:00:00+08:00\n");
        assert!(!is_out(&back, &book));
        // Never taken out, or the start left blank: not out.
        assert!(!is_out(&entry(""), &book));
        assert!(!is_out(&entry("taken_out: ''\n"), &book));
        // Out without a due date: out, never late.
        let no_due = entry("taken_out: 2026-11-20\nreturned: ~\n");
        assert_eq!(super::out(&no_due, l).unwrap().due, None);
        // A book without a loop has nothing out.
        let duty = crate::model::logbook::preset("duty").unwrap();
        assert!(!is_out(&taken, &duty));
    }

    #[test]
    fn end_before_start_compares_instants_then_dates() {
        let l = seal().open_loop.unwrap();
        let early =
            entry("taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T09:00:00+08:00\n");
        assert!(end_before_start(&early, &l).is_some());
        // The same instant in another offset is not earlier.
        let same =
            entry("taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20T01:30:00+00:00\n");
        assert!(end_before_start(&same, &l).is_none());
        let by_date = entry("taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-19\n");
        assert!(end_before_start(&by_date, &l).is_some());
        let same_day = entry("taken_out: 2026-11-20T09:30:00+08:00\nreturned: 2026-11-20\n");
        assert!(end_before_start(&same_day, &l).is_none());
    }

    #[test]
    fn undeclared_loop_fields_are_named_with_their_role() {
        let mut book = seal();
        assert!(undeclared_fields(&book).is_empty());
        if let Some(l) = book.open_loop.as_mut() {
            l.end = "retuned".into();
            l.owner = Some("holder".into());
        }
        assert_eq!(
            undeclared_fields(&book),
            vec![
                (Role::End, "retuned".to_string()),
                (Role::Owner, "holder".to_string())
            ]
        );
    }

    #[test]
    fn headline_from_title_or_text_fields() {
        let book = seal();
        assert_eq!(headline(&entry(""), &book), "局公章 · 签订合同");
        let mut titled = entry("");
        titled.title = "合同用印".into();
        assert_eq!(headline(&titled, &book), "合同用印");
    }
}
