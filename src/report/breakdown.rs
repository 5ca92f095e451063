//! A follow-up broken down, for people: its milestones (节点) with how
//! each stands, and a matter's parts (分解子项) with their roll-up, as
//! `show` prints them. Pure: the parts are read by the caller, already
//! as the reader may see them (classified titles withheld).

use jiff::civil::Date;

use crate::i18n::{Lang, followup as words};
use taizhang_core::model::breakdown::RollUp;
use taizhang_core::model::date::days_between;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::id::Id;
use taizhang_core::model::record::Record;

/// The milestones, numbered from 1 as `milestone done` takes them:
/// `  2. 2026-12-10  上报  ✓ 2026-12-09 完成`, a missed one marked
/// overdue.
pub fn milestones(fu: &Followup, today: Date, lang: Lang) -> String {
    if fu.milestones.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", words::milestones_heading(lang));
    for (i, m) in fu.milestones.iter().enumerate() {
        let late = if fu.is_open() {
            days_between(m.due, today)
        } else {
            0
        };
        let state = words::milestone_state(lang, m.done, late);
        let line = format!("  {}. {}  {}  {state}", i + 1, m.due, m.text);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A matter's parts under their roll-up (`分解子项（1/2 已办结）：`), one
/// line each: ID, title, status, lead unit, due date in force.
pub fn parts(parts: &[&Followup], lang: Lang) -> String {
    if parts.is_empty() {
        return String::new();
    }
    let roll = RollUp::of(parts.iter().copied());
    let mut out = format!("{}\n", words::parts_heading(lang, roll));
    for p in parts {
        out.push_str(&format!(
            "  {}  {}  {}  {}  {}\n",
            p.id,
            p.title,
            lang.keyword(p.status),
            p.lead,
            p.effective_due()
        ));
    }
    out
}

/// `list --tree`: each matter followed by those of its parts that are
/// listed, with whether the record goes indented under its matter. A
/// part whose matter is not listed keeps its place, unindented.
pub fn tree<'a>(records: &[&'a Record]) -> Vec<(&'a Record, bool)> {
    let listed = |id: &Id| records.iter().any(|r| r.id() == id);
    let parent = |r: &Record| match r {
        Record::Followup(fu) => fu.parent.clone().filter(|p| listed(p)),
        _ => None,
    };
    let mut out = Vec::with_capacity(records.len());
    for record in records.iter().filter(|r| parent(r).is_none()) {
        out.push((*record, false));
        let parts = (records.iter()).filter(|r| parent(r).as_ref() == Some(record.id()));
        out.extend(parts.map(|part| (*part, true)));
    }
    out
}

/// The title of a part as `list --tree` shows it, indented under its
/// matter.
pub fn nested_title(title: &str) -> String {
    format!("└ {title}")
}
