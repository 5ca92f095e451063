//! A list both sides only added to, merged: every item either side added
//! is kept, once, after renumbering made the two sides' IDs distinct.
//!
//! Sync replays this clone's commits one by one on top of the shared
//! ones, so the base of a later commit is this clone's own earlier
//! version, whose items the shared side may hold in another place (the
//! shared side's new items placed before them). An item is therefore
//! matched by value, not by position: a side "only added" when every item
//! of the base is still in it, however many times it occurs.

use jiff::Timestamp;
use serde_yaml::Value;

use crate::model::date::Moment;

/// `base` with what `ours` and `theirs` each added, when neither removed
/// or changed an item of `base`: `ours` as it is, with each of `theirs`'
/// new items placed after the item before it in `theirs` and before the
/// first of ours' new items that is later (by `at`, or by `on` for dated
/// items): each side's items keep their order, a list kept by time stays
/// so, and at equal times ours come first. An item both
/// sides added alike (same person, day and words) is kept once: nothing
/// tells two such items apart, and the history keeps each event.
///
/// `None` when a side removed or changed an item of `base`.
pub(super) fn union(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    let ours_new = added(base, ours)?;
    let theirs_new = added(base, theirs)?;
    let mut out: Vec<Value> = ours.to_vec();
    // Which items of `out` are ours' additions: only those are moved past.
    let mut mine: Vec<bool> = vec![false; out.len()];
    for &i in &ours_new {
        mine[i] = true;
    }
    let mut alike: Vec<&Value> = ours_new.iter().map(|&i| &ours[i]).collect();
    let mut theirs_new = theirs_new.into_iter().peekable();
    // Each of theirs' items goes after the one before it in `theirs`.
    let mut floor = 0;
    for (j, item) in theirs.iter().enumerate() {
        if theirs_new.next_if_eq(&j).is_none() {
            let found = out.iter().position(|o| o == item);
            floor = floor.max(found.map_or(0, |i| i + 1));
            continue;
        }
        if let Some(k) = alike.iter().position(|a| *a == item) {
            alike.swap_remove(k);
            let found = out.iter().position(|o| o == item);
            floor = floor.max(found.map_or(0, |i| i + 1));
            continue;
        }
        let at = when(item);
        let place = (floor..out.len())
            .find(|&i| mine[i] && at.is_some() && when(&out[i]) > at)
            .unwrap_or(out.len());
        out.insert(place, item.clone());
        mine.insert(place, false);
        floor = place + 1;
    }
    Some(out)
}

/// The places in `side` of the items it added to `base`, or `None` when
/// an item of `base` is no longer there (as many times as `base` has it).
fn added(base: &[Value], side: &[Value]) -> Option<Vec<usize>> {
    let mut left: Vec<&Value> = base.iter().collect();
    let mut new = Vec::new();
    for (i, item) in side.iter().enumerate() {
        match left.iter().position(|b| *b == item) {
            Some(k) => {
                left.remove(k);
            }
            None => new.push(i),
        }
    }
    left.is_empty().then_some(new)
}

/// When an item happened, if it says: a history entry's `at`, or the day
/// (`on`) of a progress note, chase or extension. Days compare as their
/// text (`2026-11-23`), which orders them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum When {
    Day(String),
    At(Timestamp),
}

fn when(item: &Value) -> Option<When> {
    if let Some(at) = (item.get("at").and_then(Value::as_str))
        .and_then(Moment::parse_rfc3339)
        .and_then(|m| m.timestamp())
    {
        return Some(When::At(at));
    }
    match item.get("on")? {
        Value::String(day) => Some(When::Day(day.clone())),
        _ => None,
    }
}
