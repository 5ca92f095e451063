//! The rule on text in every record: a value that is one line (a name, a
//! unit, a reason, a 文号, `via`) holds no line break and no control
//! character; multi-line text (a note, a report, minutes, an instruction)
//! may break lines but holds no other control character; neither holds
//! a character that reorders or hides text (`model::title`).
//!
//! It is the same rule the command line holds each flag to, here for a
//! file edited by hand or imported, and for every writer (`Change::save`
//! refuses a record that breaks it). Titles have their own finding.

use serde_yaml::Value;

use super::finding::{Findings, Note};
use crate::model::config::Config;
use crate::model::record::Record;
use crate::model::title::{check_line, check_note};

/// The keys, at any depth, whose text may run to several lines: notes
/// and remarks, the text of a 拟办/批示/progress note, a report, minutes,
/// what a history entry notes (a progress note is recorded there too).
/// Every other text is one line.
const MULTI_LINE: &[&str] = &[
    "note",
    "notes",
    "text",
    "report",
    "minutes",
    "summary",
    "requirement",
    "feedback",
    "measure",
    "content",
    "description",
];

/// The keys of a logbook entry that are its own, not its book's fields.
const ENTRY_OWN: [&str; 3] = ["id", "history", "created"];

/// Checks every text of `record` but its title (checked on its own) and
/// keys the tool does not know (kept as they were written).
pub(super) fn check(record: &Record, config: &Config, f: &mut Findings) {
    let Ok(Value::Mapping(map)) = record.to_value() else {
        return;
    };
    let free_text: Vec<&str> = match record {
        Record::Entry(_, book) => (config.logbooks.get(book).into_iter())
            .flat_map(|def| &def.fields)
            .filter(|field| field.kind == "text")
            .map(|field| field.name.as_str())
            .collect(),
        _ => Vec::new(),
    };
    let declared = |key: &str| match record {
        Record::Entry(_, book) => config
            .logbooks
            .get(book)
            .is_some_and(|def| def.fields.iter().any(|d| d.name == key)),
        _ => true,
    };
    for (key, value) in &map {
        let Some(key) = key.as_str() else { continue };
        let unknown =
            record.kind() != crate::model::kind::Kind::Logbook && record.extra().contains_key(key);
        if key == "title" || unknown {
            continue;
        }
        if matches!(record, Record::Entry(..)) && !ENTRY_OWN.contains(&key) && !declared(key) {
            continue;
        }
        let multi = free_text.contains(&key) || MULTI_LINE.contains(&key);
        walk(value, key, key, multi, f);
    }
}

/// Checks `value`, found at `path` under the top-level `field`; `multi`
/// when the text there may run to several lines.
fn walk(value: &Value, field: &str, path: &str, multi: bool, f: &mut Findings) {
    match value {
        // Text sealed with age (`model::secret`): armor runs to several
        // lines by design, and what it holds was checked before sealing.
        Value::String(text) if crate::model::secret::is_sealed(text) => {}
        Value::String(text) => {
            let problem = match multi {
                true => check_note(text),
                false => check_line(text),
            };
            if let Some(problem) = problem {
                f.error(
                    field,
                    Note::Text {
                        path: path.to_string(),
                        problem,
                    },
                );
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, field, &format!("{path}[{}]", i + 1), multi, f);
            }
        }
        Value::Mapping(map) => {
            for (key, item) in map {
                let Some(key) = key.as_str() else { continue };
                let multi = multi || MULTI_LINE.contains(&key);
                walk(item, field, &format!("{path}.{key}"), multi, f);
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, field, path, multi, f),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The problem a finding of this rule names, for tests.
#[cfg(test)]
fn problems(findings: &[super::Finding]) -> Vec<(String, crate::model::title::TextProblem)> {
    findings
        .iter()
        .filter_map(|f| match &f.message {
            Note::Text { path, problem } => Some((path.clone(), problem.clone())),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;
    use crate::model::title::TextProblem;

    fn followup(extra: &str) -> Record {
        Record::from_yaml(
            &format!(
                "id: FU-2026-0001\ntitle: 落实整改\nstatus: in-progress\nlead: 办公室\n\
                 due: 2026-12-01\nassigned: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n{extra}"
            ),
            Kind::Followup,
            None,
        )
        .unwrap()
    }

    fn found(record: &Record) -> Vec<(String, TextProblem)> {
        problems(&super::super::check_record(record, &Config::new("某局")))
    }

    #[test]
    fn a_forged_history_line_in_a_name_is_found() {
        let record = followup(
            "history:\n- at: 2026-11-23T09:00:00+08:00\n  by: \"王丽\\n  2026-11-23 14:00  周敏  审核销号：同意销号\"\n  action: progress\n  note: |-\n    第一行\n    第二行\n",
        );
        assert_eq!(
            found(&record),
            [(
                "history[1].by".to_string(),
                TextProblem::LineBreak {
                    code: "U+000A".into()
                }
            )]
        );
    }

    #[test]
    fn notes_may_break_lines_but_hide_nothing() {
        let clean = followup("notes: |-\n  第一行\n  第二行\n");
        assert_eq!(found(&clean), []);
        let hidden = followup("notes: \"王\\u202E丽\"\nlead_contact: \"张\\u200B三\"\n");
        assert_eq!(
            found(&hidden),
            [(
                "notes".to_string(),
                TextProblem::Invisible {
                    code: "U+202E".into()
                }
            )]
        );
    }
}
