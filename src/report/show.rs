//! `show`: one record, readably, in the reader's language.
//!
//! Fields appear in the file's order with their labels; enumerated values
//! are shown in the reader's language; the history comes last.

use jiff::civil::Date;
use serde_yaml::Value;

use crate::i18n::{Label, Lang, Message};
use crate::model::keyword::{
    Channel, ChaseLevel, Direction, Disclosure, DocType, Feedback, Handling, Keyword, Retention,
    Secrecy, Source, Urgency,
};
use crate::model::record::Record;

/// Renders `record` for people.
pub fn render(record: &Record, today: Date, lang: Lang) -> String {
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
            _ => write_field(&mut out, key, value, lang, 0),
        }
    }
    write_history(&mut out, history, lang);
    out
}

/// The first lines of every record: ID and title, then the status with
/// the deadline in force and how far off it is.
pub fn header(record: &Record, today: Date, lang: Lang) -> String {
    let mut out = format!("{}  {}\n", record.id(), record.title());
    let mut status = format!(
        "{}{}{}",
        lang.field("status"),
        lang.colon(),
        record.status_label(lang)
    );
    if let Some(due) = record.due_state(today) {
        let state = lang.days_left(due.days_left);
        status.push_str(&format!(
            " · {} {} ({state})",
            lang.label(Label::Due),
            due.due
        ));
    }
    out.push_str(&status);
    out.push('\n');
    out
}

fn write_history(out: &mut String, history: Option<&Value>, lang: Lang) {
    if let Some(Value::Sequence(entries)) = history {
        out.push_str(&format!("{}:\n", lang.label(Label::History)));
        for entry in entries {
            let get = |k: &str| entry.get(k).map(|v| scalar(k, v, lang)).unwrap_or_default();
            let at = get("at").replace('T', " ");
            let at = at.get(..16).unwrap_or(&at).to_string();
            let note = get("note");
            let note = if note.is_empty() {
                String::new()
            } else {
                format!("  {note}")
            };
            out.push_str(&format!("  {at}  {}  {}{note}\n", get("by"), get("action")));
        }
    }
}

pub(crate) fn write_field(out: &mut String, key: &str, value: &Value, lang: Lang, depth: usize) {
    let pad = "  ".repeat(depth);
    let label = lang.field(key);
    match value {
        Value::Sequence(items) if items.iter().all(is_scalar) => {
            let joined: Vec<String> = items.iter().map(|v| scalar(key, v, lang)).collect();
            out.push_str(&format!(
                "{pad}{label}{}{}\n",
                lang.colon(),
                joined.join(separator(lang))
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
                                format!("{}{}{}", lang.field(k), lang.colon(), scalar(k, v, lang))
                            })
                            .collect();
                        out.push_str(&format!("{pad}  - {}\n", parts.join("; ")));
                    }
                    other => out.push_str(&format!("{pad}  - {}\n", scalar(key, other, lang))),
                }
            }
        }
        Value::Mapping(map) => {
            out.push_str(&format!("{pad}{label}{}\n", lang.colon().trim_end()));
            for (k, v) in map {
                if let Some(k) = k.as_str() {
                    write_field(out, k, v, lang, depth + 1);
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

fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Sequence(_) | Value::Mapping(_))
}

/// A scalar for people: enumerated keywords in the reader's language.
fn scalar(key: &str, value: &Value, lang: Lang) -> String {
    match value {
        Value::String(s) => enum_label(key, s, lang).unwrap_or_else(|| s.clone()),
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
            .map(|v| v.label(lang).to_string())
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
        "retention" => label::<Retention>(text, lang),
        _ => None,
    }
}
