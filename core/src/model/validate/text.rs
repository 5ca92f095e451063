//! The rule on text in every record: a value that is one line (a name, a
//! unit, a reason, a 文号, `via`) holds no line break and no control
//! character; multi-line text (a note, a report, minutes, an instruction)
//! may break lines but holds no other control character; neither holds
//! a character that reorders or hides text (`model::title`).
//!
//! It is the same rule the command line holds each flag to, here for a
//! file edited by hand or imported, and for every writer (`Change::save`
//! refuses a record that breaks it). Titles have their own finding.

use super::finding::{Findings, Note};
use super::strings::{Step, each_string, path};
use crate::model::config::Config;
use crate::model::kind::Kind;
use crate::model::record::{Record, each};
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
    let book = match record {
        Record::Entry(_, book) => config.logbooks.get(book),
        _ => None,
    };
    let free_text: Vec<&str> = (book.into_iter())
        .flat_map(|def| &def.fields)
        .filter(|field| field.kind == "text")
        .map(|field| field.name.as_str())
        .collect();
    let is_entry = matches!(record, Record::Entry(..));
    let declared = |key: &str| book.is_some_and(|def| def.fields.iter().any(|d| d.name == key));
    let passed_over = |key: &str| {
        let unknown = record.kind() != Kind::Logbook && record.extra().contains_key(key);
        key == "title" || unknown || (is_entry && !ENTRY_OWN.contains(&key) && !declared(key))
    };
    let mut visit = |steps: &[Step], text: &str| {
        let Some(field) = steps.first().and_then(Step::key) else {
            return;
        };
        // Text sealed with age (`model::secret`): armor runs to several
        // lines by design, and what it holds was checked before sealing.
        if passed_over(field) || crate::model::secret::is_sealed(text) {
            return;
        }
        let multi = free_text.contains(&field)
            || (steps.iter().filter_map(Step::key)).any(|key| MULTI_LINE.contains(&key));
        let problem = match multi {
            true => check_note(text),
            false => check_line(text),
        };
        if let Some(problem) = problem {
            let path = path(steps);
            f.error(field, Note::Text { path, problem });
        }
    };
    each!(record, r => each_string(r, &mut visit));
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
