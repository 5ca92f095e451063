//! `show`: one record, readably, in the reader's language.
//!
//! Fields appear in the file's order with their labels; enumerated values
//! are shown in the reader's language; the history comes last.

use jiff::civil::Date;
use serde_yaml::Value;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Label, Lang, Message};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::date::Moment;
use taizhang_core::model::keyword::{
    Channel, ChaseLevel, ChaseVia, Direction, Disclosure, DocType, Feedback, Handling, Keyword,
    Retention, Secrecy, Source, Urgency,
};
use taizhang_core::model::logbook::Entry;
use taizhang_core::model::record::Record;

/// Renders `record` for people.
pub fn render(record: &Record, today: Date, lang: Lang) -> String {
    render_with(record, today, lang, "")
}

/// `render`, with `more` (lines about records it does not hold, such as
/// a matter's parts) between its fields and its history.
pub fn render_with(record: &Record, today: Date, lang: Lang, more: &str) -> String {
    let mut out = header(record, today, lang);
    let Ok(Value::Mapping(map)) = record.to_value() else {
        return out;
    };
    let mut history = None;
    for (key, value) in &map {
        let Some(key) = key.as_str() else { continue };
        match key {
            "id" | "title" | "status" => {}
            "history" => history = Some(value),
            "milestones" if let Record::Followup(fu) = record => {
                out.push_str(&super::breakdown::milestones(fu, today, lang));
            }
            _ => write_field(&mut out, record.kind().keyword(), key, value, lang, 0),
        }
    }
    out.push_str(more);
    write_history(&mut out, record, history, lang);
    out
}

/// Renders a logbook entry for people: every field `book` declares, in
/// declared order, labelled in the reader's language (an empty one as
/// `—`); then keys the declaration does not name; then the history.
pub fn entry(record: &Record, entry: &Entry, book: &LogbookDef, today: Date, lang: Lang) -> String {
    let mut out = header(record, today, lang);
    let created = Value::String(entry.created.to_string());
    write_field(&mut out, "logbook", "created", &created, lang, 0);
    for field in &book.fields {
        let text = entry
            .fields
            .get(field.name.as_str())
            .map(|v| entry_cell(v, lang))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "—".to_string());
        let label = lang.field_label(field);
        if text.contains('\n') {
            out.push_str(&format!("{label}{}\n", lang.colon().trim_end()));
            for line in text.lines() {
                out.push_str(&format!("  {line}\n"));
            }
        } else {
            out.push_str(&format!("{label}{}{text}\n", lang.colon()));
        }
    }
    for (key, value) in &entry.fields {
        let Some(key) = key.as_str() else { continue };
        if !book.fields.iter().any(|f| f.name == key) {
            write_field(&mut out, "logbook", key, value, lang, 0);
        }
    }
    let mut history = entry.history.clone();
    for line in &mut history {
        if line.action == "set"
            && let Some(note) = &line.note
        {
            line.note = Some(labelled_changes(note, book, lang));
        }
    }
    let history = serde_yaml::to_value(&history).ok();
    write_history(&mut out, record, history.as_ref(), lang);
    out
}

/// The note of a `book set` (`returned: — → 2026-11-23T17:00:00+08:00;
/// …`) with each declared field's key replaced by its label.
fn labelled_changes(note: &str, book: &LogbookDef, lang: Lang) -> String {
    let parts: Vec<String> = note
        .split("; ")
        .map(|part| match part.split_once(": ") {
            Some((key, change)) => match book.fields.iter().find(|f| f.name == key) {
                Some(field) => {
                    let sides: Vec<String> = (change.split(" → "))
                        .map(|side| match Moment::parse_rfc3339(side) {
                            Some(m) => m.datetime.strftime("%Y-%m-%d %H:%M").to_string(),
                            None => side.to_string(),
                        })
                        .collect();
                    let change = sides.join(" → ");
                    format!("{}{}{change}", lang.field_label(field), lang.colon())
                }
                None => part.to_string(),
            },
            None => part.to_string(),
        })
        .collect();
    parts.join(lang.semicolon())
}

/// A logbook field's value for people (a table cell, a line of `show`):
/// moments as `YYYY-MM-DD HH:MM`, 是/否 for yes and no, lists joined.
/// Stored text is never read as a keyword of another kind of record.
pub fn entry_cell(value: &Value, lang: Lang) -> String {
    match value {
        Value::Sequence(items) => {
            let each: Vec<String> = items.iter().map(|v| scalar("", v, lang)).collect();
            each.join(lang.list_separator())
        }
        other => scalar("", other, lang),
    }
}

/// The first lines of every record: ID and title, then the status with
/// the deadline in force and how far off it is.
pub fn header(record: &Record, today: Date, lang: Lang) -> String {
    let mut out = format!("{}  {}\n", record.id(), record.title());
    let mut status = format!(
        "{}{}{}",
        lang.field("status"),
        lang.colon(),
        lang.status(record)
    );
    if let Some(due) = record.due_state(today) {
        let state = lang.days_left(due.days_left);
        status.push_str(&format!(
            " · {} {} ({state})",
            lang.label(Label::Due),
            due.due
        ));
    }
    if let Record::Followup(fu) = record
        && let Some(closed) = fu.closed_on()
    {
        let days_late = taizhang_core::model::date::days_between(fu.effective_due(), closed);
        status.push_str(&format!(
            " · {} {} · {}",
            lang.label(Label::Due),
            fu.effective_due(),
            lang.closed_against_due(closed, days_late)
        ));
    }
    out.push_str(&status);
    out.push('\n');
    out
}

fn write_history(out: &mut String, record: &Record, history: Option<&Value>, lang: Lang) {
    if let Some(Value::Sequence(entries)) = history {
        out.push_str(&format!(
            "{}{}\n",
            lang.label(Label::History),
            lang.colon().trim_end()
        ));
        for entry in entries {
            let get = |k: &str| entry.get(k).map(|v| scalar(k, v, lang)).unwrap_or_default();
            let at = get("at").replace('T', " ");
            let at = at.get(..16).unwrap_or(&at).to_string();
            let note = get("note");
            let note = Some(note.as_str()).filter(|n| !n.is_empty());
            let action = match record {
                Record::Followup(_) => lang.followup_action(&get("action"), note),
                _ => lang.action(&get("action"), note),
            };
            out.push_str(&history_line(&at, &get("by"), &action));
        }
    }
}

/// One line of history, `  2026-11-23 09:30  王丽  进展：…`: a note of
/// several lines goes on under the note, every line after the first
/// indented past the moment and the name, so that no line of a note can
/// pose as a line of history (which begins two columns in).
pub(crate) fn history_line(at: &str, by: &str, action: &str) -> String {
    let head = format!("  {at}  {by}  ");
    format!("{head}{}\n", continued(action, head.width()))
}

/// `text` with every line after the first indented by `columns`: a value
/// of several lines in a line of `show` stays inside its own line's
/// space, never at the margin where fields and history lines begin.
pub(crate) fn continued(text: &str, columns: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(columns)))
}

/// Writes one field; `scope` is the record kind or the enclosing field,
/// which decides the label (see `Lang::field_in`).
pub(crate) fn write_field(
    out: &mut String,
    scope: &str,
    key: &str,
    value: &Value,
    lang: Lang,
    depth: usize,
) {
    if is_blank(value) {
        // A heading over nothing (办理结果 of a reopened follow-up, whose
        // closing was undone) says nothing.
        return;
    }
    let pad = "  ".repeat(depth);
    let label = lang.field_in(scope, key);
    match value {
        Value::Sequence(items) if items.iter().all(is_scalar) => {
            let joined: Vec<String> = items.iter().map(|v| scalar(key, v, lang)).collect();
            out.push_str(&format!(
                "{pad}{label}{}{}\n",
                lang.colon(),
                joined.join(lang.list_separator())
            ));
        }
        Value::Sequence(items) => {
            out.push_str(&format!("{pad}{label}{}\n", lang.colon().trim_end()));
            for item in items {
                match item {
                    Value::Mapping(map) => {
                        let parts: Vec<String> = map
                            .iter()
                            .filter_map(|(k, v)| Some((k.as_str()?, v)))
                            .map(|(k, v)| {
                                let label = lang.field_in(key, k);
                                format!("{label}{}{}", lang.colon(), scalar(k, v, lang))
                            })
                            .collect();
                        let item = continued(&parts.join(lang.semicolon()), pad.len() + 4);
                        out.push_str(&format!("{pad}  - {item}\n"));
                    }
                    other => {
                        let item = continued(&scalar(key, other, lang), pad.len() + 4);
                        out.push_str(&format!("{pad}  - {item}\n"));
                    }
                }
            }
        }
        Value::Mapping(map) => {
            out.push_str(&format!("{pad}{label}{}\n", lang.colon().trim_end()));
            for (k, v) in map {
                if let Some(k) = k.as_str() {
                    write_field(out, key, k, v, lang, depth + 1);
                }
            }
        }
        other => {
            let text = scalar(key, other, lang);
            if text.contains('\n') {
                out.push_str(&format!("{pad}{label}{}\n", lang.colon().trim_end()));
                for line in text.lines() {
                    out.push_str(&format!("{pad}  {line}\n"));
                }
            } else {
                out.push_str(&format!("{pad}{label}{}{text}\n", lang.colon()));
            }
        }
    }
}

/// Nothing to show: null, or a list or mapping holding nothing but that.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Sequence(items) => items.iter().all(is_blank),
        Value::Mapping(map) => map.values().all(is_blank),
        _ => false,
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Sequence(_) | Value::Mapping(_))
}

/// A scalar for people: enumerated keywords in the reader's language.
fn scalar(key: &str, value: &Value, lang: Lang) -> String {
    match value {
        Value::String(s) => enum_label(key, s, lang)
            .or_else(|| {
                Moment::parse_rfc3339(s).map(|m| m.datetime.strftime("%Y-%m-%d %H:%M").to_string())
            })
            .unwrap_or_else(|| s.clone()),
        Value::Bool(b) => lang
            .message(if *b { Message::Yes } else { Message::No })
            .to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

fn enum_label(key: &str, text: &str, lang: Lang) -> Option<String> {
    fn label<K: Keyword>(text: &str, lang: Lang) -> Option<String> {
        K::ALL
            .iter()
            .find(|v| v.keyword() == text)
            .map(|v| lang.keyword(*v).to_string())
    }
    match key {
        "urgency" => label::<Urgency>(text, lang),
        "secrecy" => label::<Secrecy>(text, lang),
        "doc_type" => label::<DocType>(text, lang),
        "channel" => label::<Channel>(text, lang),
        "handling" => label::<Handling>(text, lang),
        "direction" => label::<Direction>(text, lang),
        "disclosure" => label::<Disclosure>(text, lang),
        "source" => label::<Source>(text, lang),
        "feedback" => label::<Feedback>(text, lang),
        "level" => label::<ChaseLevel>(text, lang),
        "via" => label::<ChaseVia>(text, lang),
        "retention" => label::<Retention>(text, lang),
        "every" => (text.parse().ok()).map(|every| crate::i18n::repeat::every(lang, every)),
        _ => crate::i18n::value_word(lang, key, text).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use taizhang_core::model::kind::Kind;

    fn late_followup() -> Record {
        let yaml = "id: FU-2026-0003\ntitle: 问题整改\nstatus: closed\nlead: 安全监督科\n\
            assigned: 2026-05-22\ndue: 2026-08-31\nextensions:\n- from: 2026-08-31\n  to: 2026-10-31\n  \
            reason: 停业整顿\n  approved_by: 刘志刚\n  on: 2026-08-28\nresult:\n  closed: 2026-11-12\n\
            created: 2026-05-22T10:00:00+08:00\nhistory:\n- at: 2026-05-22T10:00:00+08:00\n  by: 王丽\n  action: assign\n";
        Record::from_yaml(yaml, Kind::Followup, None).unwrap()
    }

    #[test]
    fn follow_up_labels_are_its_own_in_chinese() {
        let text = render(&late_followup(), Date::constant(2026, 11, 23), Lang::Zh);
        assert!(text.contains("\n牵头单位：安全监督科\n"), "{text}");
        assert!(
            text.contains("原期限：2026-08-31；延期至：2026-10-31"),
            "{text}"
        );
        assert!(text.contains("批准人：刘志刚"), "{text}");
        assert!(text.contains("2026-11-12办结，超期12天"), "{text}");
        assert!(text.contains("登记时间：2026-05-22 10:00\n"), "{text}");
        assert!(text.contains("王丽  交办\n"), "{text}");
    }

    #[test]
    fn a_reopened_follow_up_shows_no_empty_result() {
        let yaml = "id: FU-2026-0004\ntitle: 整改\nstatus: returned\nlead: 办公室\n\
            assigned: 2026-11-01\ndue: 2026-11-30\nresult: {}\n\
            created: 2026-11-01T10:00:00+08:00\n";
        let record = Record::from_yaml(yaml, Kind::Followup, None).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let text = render(&record, Date::constant(2026, 11, 23), lang);
            assert!(
                !text.contains("办理结果") && !text.contains("result"),
                "{text}"
            );
        }
    }

    #[test]
    fn follow_up_in_english() {
        let text = render(&late_followup(), Date::constant(2026, 11, 23), Lang::En);
        assert!(text.contains("closed 2026-11-12, 12 days late"), "{text}");
        assert!(
            text.contains("was due: 2026-08-31; extended to: 2026-10-31"),
            "{text}"
        );
        assert!(text.contains("王丽  assigned\n"), "{text}");
    }
}
