//! Merging one record edited by two clerks since they last shared
//! (`sync`): nothing either side added is lost.
//!
//! Works on the YAML value tree, so keys the tool does not know merge too.
//! Pure: the caller reads the three versions and writes the result.

use jiff::Timestamp;
use serde_yaml::{Mapping, Value};

use crate::model::date::Moment;

/// The merged record and the keys both sides changed differently, where
/// the side with the later history won (`result.closed`, `status`).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub value: Value,
    pub contested: Vec<String>,
}

/// Merges `ours` (the shared side) and `theirs` (this clone's side), both
/// changed from `base`:
/// - `history` is the union of both sides' entries, ordered by `at`;
/// - a list both sides only appended to (progress notes, chases,
///   follow-ups) keeps both sides' new items;
/// - any other key takes the side that changed it, and when both did, the
///   side whose latest history entry is later (reported in `contested`).
///
/// `None` when a version is not a mapping: not a record to merge.
pub fn merge_record(base: &Value, ours: &Value, theirs: &Value) -> Option<Merged> {
    let empty = Mapping::new();
    let base = match base {
        Value::Mapping(m) => m,
        Value::Null => &empty,
        _ => return None,
    };
    let (Value::Mapping(o), Value::Mapping(t)) = (ours, theirs) else {
        return None;
    };
    let theirs_later = latest(t) > latest(o);
    let mut contested = Vec::new();
    let value = merge_map(base, o, t, theirs_later, "", &mut contested);
    Some(Merged {
        value: Value::Mapping(value),
        contested,
    })
}

/// The moment of the latest history entry of a record.
fn latest(record: &Mapping) -> Option<Timestamp> {
    history_entries(record.get("history"))
        .iter()
        .filter_map(at)
        .max()
}

fn history_entries(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Sequence(items)) => items,
        _ => &[],
    }
}

fn at(entry: &Value) -> Option<Timestamp> {
    entry
        .get("at")
        .and_then(Value::as_str)
        .and_then(Moment::parse_rfc3339)
        .and_then(|m| m.timestamp())
}

fn merge_map(
    base: &Mapping,
    ours: &Mapping,
    theirs: &Mapping,
    theirs_later: bool,
    path: &str,
    contested: &mut Vec<String>,
) -> Mapping {
    let mut out = Mapping::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let name = match key.as_str() {
            Some(k) if path.is_empty() => k.to_string(),
            Some(k) => format!("{path}.{k}"),
            None => path.to_string(),
        };
        let merged = if o == t || t == b {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else if path.is_empty() && key.as_str() == Some("history") {
            Some(union_history(b, o, t))
        } else {
            match (b, o, t) {
                (b, Some(Value::Sequence(os)), Some(Value::Sequence(ts))) => {
                    let bs = history_entries(b);
                    match appended(bs, os, ts) {
                        Some(items) => Some(Value::Sequence(items)),
                        None => later(o, t, theirs_later, name, contested),
                    }
                }
                (b, Some(Value::Mapping(om)), Some(Value::Mapping(tm))) => {
                    let empty = Mapping::new();
                    let bm = match b {
                        Some(Value::Mapping(bm)) => bm,
                        _ => &empty,
                    };
                    Some(Value::Mapping(merge_map(
                        bm,
                        om,
                        tm,
                        theirs_later,
                        &name,
                        contested,
                    )))
                }
                _ => later(o, t, theirs_later, name, contested),
            }
        };
        if let Some(value) = merged {
            out.insert(key.clone(), value);
        }
    }
    out
}

fn later(
    ours: Option<&Value>,
    theirs: Option<&Value>,
    theirs_later: bool,
    name: String,
    contested: &mut Vec<String>,
) -> Option<Value> {
    contested.push(name);
    if theirs_later {
        theirs.cloned()
    } else {
        ours.cloned()
    }
}

/// Both sides only appended to `base`: base, then our new items, then
/// theirs not already there.
fn appended(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    if !ours.starts_with(base) || !theirs.starts_with(base) {
        return None;
    }
    let mut items = ours.to_vec();
    for item in &theirs[base.len()..] {
        if !items.contains(item) {
            items.push(item.clone());
        }
    }
    Some(items)
}

/// Every entry either side has, once, ordered by `at` (entries without a
/// readable moment keep their place relative to their neighbours).
fn union_history(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Value {
    let mut items: Vec<Value> = Vec::new();
    for item in history_entries(base)
        .iter()
        .chain(history_entries(ours))
        .chain(history_entries(theirs))
    {
        if !items.contains(item) {
            items.push(item.clone());
        }
    }
    items.sort_by_key(at);
    Value::Sequence(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    const BASE: &str = "id: FU-2026-0001\nstatus: open\nowner: 李明\nprogress: []\nhistory:\n\
        - {at: '2026-11-20T09:00:00+08:00', by: 王芳, action: assign}\n";

    #[test]
    fn both_sides_history_and_appended_items_are_kept() {
        let ours = yaml(
            "id: FU-2026-0001\nstatus: in-progress\nowner: 李明\n\
             progress: [{on: 2026-11-21, by: 甲, note: 一}]\nhistory:\n\
             - {at: '2026-11-20T09:00:00+08:00', by: 王芳, action: assign}\n\
             - {at: '2026-11-21T10:00:00+08:00', by: 甲, action: progress}\n",
        );
        let theirs = yaml(
            "id: FU-2026-0001\nstatus: in-progress\nowner: 张三\n\
             progress: [{on: 2026-11-21, by: 乙, note: 二}]\nhistory:\n\
             - {at: '2026-11-20T09:00:00+08:00', by: 王芳, action: assign}\n\
             - {at: '2026-11-21T09:30:00+08:00', by: 乙, action: progress}\n",
        );
        let merged = merge_record(&yaml(BASE), &ours, &theirs).unwrap();
        assert!(merged.contested.is_empty(), "{:?}", merged.contested);
        let v = &merged.value;
        assert_eq!(v["owner"], yaml("张三"));
        assert_eq!(v["progress"].as_sequence().unwrap().len(), 2);
        let history = v["history"].as_sequence().unwrap();
        let by: Vec<_> = history.iter().map(|e| e["by"].as_str().unwrap()).collect();
        assert_eq!(by, ["王芳", "乙", "甲"]);
    }

    #[test]
    fn when_both_change_a_key_the_later_side_wins_and_is_reported() {
        let ours = yaml(
            "id: FU-2026-0001\nstatus: open\nowner: 甲\nhistory:\n\
             - {at: '2026-11-22T09:00:00+08:00', by: x, action: edit}\n",
        );
        let theirs = yaml(
            "id: FU-2026-0001\nstatus: open\nowner: 乙\nhistory:\n\
             - {at: '2026-11-21T09:00:00+08:00', by: y, action: edit}\n",
        );
        let merged = merge_record(&yaml(BASE), &ours, &theirs).unwrap();
        assert_eq!(merged.value["owner"], yaml("甲"));
        assert_eq!(merged.contested, ["owner"]);
        assert!(merge_record(&yaml(BASE), &yaml("[1]"), &theirs).is_none());
    }
}
