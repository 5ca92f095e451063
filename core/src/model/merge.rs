//! Merging one record edited by two clerks since they last shared
//! (`sync`): nothing either side added is lost.
//!
//! Works on the YAML value tree, so keys the tool does not know merge too.
//! Pure: the caller reads the three versions and writes the result.

use jiff::Timestamp;
use serde_yaml::{Mapping, Value};

use crate::model::date::Moment;

mod list;
#[cfg(test)]
mod prop;

/// The merged record and the keys both sides changed differently, where
/// the side with the later history won (`result.closed`, `status`).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub value: Value,
    pub contested: Vec<String>,
}

/// Merges `ours` (the shared side) and `theirs` (this clone's side), both
/// changed from `base`:
/// - a list both sides only added to (history, progress notes, chases,
///   extensions, `followups` links, any list a clerk added a key for)
///   keeps every item of both sides, each once, ours first and theirs'
///   new items placed by their moment (`list`);
/// - a list whose items both sides changed in place, at the same length
///   (a meeting's decisions each given its follow-up), merges item by item;
/// - `history` otherwise is the union of both sides' entries, by `at`;
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
    let mut merge = Merge {
        theirs_later: latest(t) > latest(o),
        contested: Vec::new(),
    };
    let value = merge.map(base, o, t, "");
    Some(Merged {
        value: Value::Mapping(value),
        contested: merge.contested,
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

/// One merge under way: which side wins a contested key, and the keys
/// contested so far.
struct Merge {
    theirs_later: bool,
    contested: Vec<String>,
}

impl Merge {
    fn map(&mut self, base: &Mapping, ours: &Mapping, theirs: &Mapping, path: &str) -> Mapping {
        let mut out = Mapping::new();
        let keys = ours
            .keys()
            .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        for key in keys {
            let name = match key.as_str() {
                Some(k) if path.is_empty() => k.to_string(),
                Some(k) => format!("{path}.{k}"),
                None => path.to_string(),
            };
            let history = path.is_empty() && key.as_str() == Some("history");
            let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
            if let Some(value) = self.value(b, o, t, &name, history) {
                out.insert(key.clone(), value);
            }
        }
        out
    }

    /// One value changed from `b` to `o` on our side and to `t` on theirs
    /// (`None`: absent); `None` back when the merged value is absent.
    fn value(
        &mut self,
        b: Option<&Value>,
        o: Option<&Value>,
        t: Option<&Value>,
        name: &str,
        history: bool,
    ) -> Option<Value> {
        if o == t || t == b {
            return o.cloned();
        }
        if o == b {
            return t.cloned();
        }
        match (b, o, t) {
            (b, Some(Value::Sequence(os)), Some(Value::Sequence(ts))) => {
                let bs = history_entries(b);
                if let Some(items) = list::union(bs, os, ts) {
                    Some(Value::Sequence(items))
                } else if history {
                    Some(union_history(b, o, t))
                } else if bs.len() == os.len() && bs.len() == ts.len() {
                    Some(Value::Sequence(self.item_by_item(bs, os, ts, name)))
                } else {
                    self.later(o, t, name)
                }
            }
            (b, Some(Value::Mapping(om)), Some(Value::Mapping(tm))) => {
                let empty = Mapping::new();
                let bm = match b {
                    Some(Value::Mapping(bm)) => bm,
                    _ => &empty,
                };
                Some(Value::Mapping(self.map(bm, om, tm, name)))
            }
            _ => self.later(o, t, name),
        }
    }

    /// Lists of one length whose items changed in place: each item merged
    /// with its counterpart (`decisions[2].followup` on one side,
    /// `decisions[3].followup` on the other keeps both).
    fn item_by_item(&mut self, b: &[Value], o: &[Value], t: &[Value], name: &str) -> Vec<Value> {
        (b.iter().zip(o).zip(t).enumerate())
            .map(|(i, ((b, o), t))| {
                let name = format!("{name}[{}]", i + 1);
                self.value(Some(b), Some(o), Some(t), &name, false)
                    .unwrap_or(Value::Null)
            })
            .collect()
    }

    fn later(&mut self, ours: Option<&Value>, theirs: Option<&Value>, name: &str) -> Option<Value> {
        self.contested.push(name.to_string());
        if self.theirs_later {
            theirs.cloned()
        } else {
            ours.cloned()
        }
    }
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

    #[test]
    fn a_later_commit_of_this_clone_keeps_the_shared_items_placed_before_its_own() {
        // Sync replays this clone's second note on top of the first merge:
        // its base is its own first version, which the shared side holds
        // after the other clerk's note.
        let note = |n: &str| format!("{{on: 2026-11-23, by: 王芳, note: {n}}}");
        let list = |items: &[&str]| {
            let items: Vec<String> = items.iter().map(|n| note(n)).collect();
            yaml(&format!(
                "id: FU-2026-0001\nprogress: [{}]\n",
                items.join(", ")
            ))
        };
        let merged =
            merge_record(&list(&["A1"]), &list(&["B", "A1"]), &list(&["A1", "A2"])).unwrap();
        assert!(merged.contested.is_empty(), "{:?}", merged.contested);
        assert_eq!(merged.value, list(&["B", "A1", "A2"]));
    }

    #[test]
    fn decisions_linked_on_each_side_keep_both_links() {
        let meeting = |two: &str, three: &str| {
            yaml(&format!(
                "id: MT-2026-0001\ndecisions:\n- {{n: 1, text: 甲}}\n\
                 - {{n: 2, text: 乙{two}}}\n- {{n: 3, text: 丙{three}}}\n"
            ))
        };
        let link = |id: &str| format!(", followup: {id}");
        let merged = merge_record(
            &meeting("", ""),
            &meeting(&link("FU-2026-0017"), ""),
            &meeting("", &link("FU-2026-0018")),
        )
        .unwrap();
        assert!(merged.contested.is_empty(), "{:?}", merged.contested);
        assert_eq!(
            merged.value,
            meeting(&link("FU-2026-0017"), &link("FU-2026-0018"))
        );
    }
}
