//! `taizhang.toml` edited in place: one value set or removed, one unit,
//! person or series added, as a TOML document (`toml_edit`), so that
//! every comment, blank line and the order the office gave its file are
//! kept and only the line changed differs. The settings are never
//! written out whole from the struct.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::model::config::ConfigProblem;
use crate::model::settings::Typed;
use crate::model::settings::check::Step;
use crate::store::error::{Error, Result};
use crate::store::register::SETTINGS_FILE;

/// The settings file as a document being edited.
#[derive(Debug)]
pub struct SettingsDoc {
    doc: DocumentMut,
}

/// A field of a list entry (`[[units]]`) set to text, a flag, a number or
/// a list of texts; `Absent` removes it.
pub enum Field<'a> {
    Text(&'a str),
    Flag(bool),
    Number(i64),
    Texts(&'a [String]),
    Absent,
}

impl SettingsDoc {
    /// Reads `text`; text that is not TOML is refused as the loader
    /// refuses it, with its line.
    pub fn parse(text: &str) -> Result<SettingsDoc> {
        text.parse::<DocumentMut>()
            .map(|doc| SettingsDoc { doc })
            .map_err(|e| {
                bad(ConfigProblem::Syntax {
                    line: e.span().map(|s| line_at(text, s.start)),
                    detail: e.message().trim().to_string(),
                })
            })
    }

    /// Sets the dotted `key` to `value`, making its table if the file has
    /// none. A value already there keeps its place and the comment after
    /// it.
    pub fn set(&mut self, key: &str, value: &Typed) -> Result<()> {
        let new = match value {
            Typed::Text(text) => Value::from(text.as_str()),
            Typed::Flag(flag) => Value::from(*flag),
        };
        self.put(key, new)
    }

    /// Sets the dotted `key` to a list of texts (`[secrecy] recipients`),
    /// keeping the comment after a list already there.
    pub fn set_texts(&mut self, key: &str, texts: &[String]) -> Result<()> {
        self.put(
            key,
            Value::Array(texts.iter().map(String::as_str).collect()),
        )
    }

    /// Puts `new` at the dotted `key`: in the place and with the comment
    /// of a value already there, else at the end of its table.
    fn put(&mut self, key: &str, new: Value) -> Result<()> {
        let (Some(table), leaf) = self.table_of(key, true)? else {
            return Ok(());
        };
        match table.get_mut(leaf).and_then(Item::as_value_mut) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = new;
                *old.decor_mut() = decor;
            }
            None => {
                table.insert(leaf, Item::Value(new));
            }
        }
        Ok(())
    }

    /// Removes the dotted `key`; nothing to do when it is not there.
    pub fn unset(&mut self, key: &str) -> Result<()> {
        if let (Some(table), leaf) = self.table_of(key, false)? {
            table.remove(leaf);
        }
        Ok(())
    }

    /// The table holding the last part of `key`, and that part; tables on
    /// the way are made when `make` (else `None` when one is missing).
    fn table_of<'k>(
        &mut self,
        key: &'k str,
        make: bool,
    ) -> Result<(Option<&mut dyn toml_edit::TableLike>, &'k str)> {
        let mut parts: Vec<&str> = key.split('.').collect();
        let leaf = parts.pop().unwrap_or_default();
        let mut table: &mut dyn toml_edit::TableLike = self.doc.as_table_mut();
        for part in parts {
            if table.get(part).is_none() {
                if !make {
                    return Ok((None, leaf));
                }
                table.insert(part, Item::Table(Table::new()));
            }
            table = table
                .get_mut(part)
                .and_then(Item::as_table_like_mut)
                .ok_or_else(|| shape(format!("`{part}` is not a table")))?;
        }
        Ok((Some(table), leaf))
    }

    /// Appends an entry to the list `array` (`[[units]]`), after its last
    /// entry (at the end of the file when the list is new).
    pub fn push(&mut self, array: &str, fields: &[(&str, Field)]) -> Result<()> {
        let list = self.list(array)?;
        let mut entry = Table::new();
        for (name, value) in fields {
            put(&mut entry, name, value);
        }
        list.push(entry);
        Ok(())
    }

    /// Sets fields of entry `index` of the list `array`, keeping the rest
    /// of the entry as it is written.
    pub fn edit(&mut self, array: &str, index: usize, fields: &[(&str, Field)]) -> Result<()> {
        let entry = self
            .list(array)?
            .get_mut(index)
            .ok_or_else(|| shape(format!("`{array}` has no entry {}", index + 1)))?;
        for (name, value) in fields {
            put(entry, name, value);
        }
        Ok(())
    }

    /// The list `array`, made when the file has none.
    fn list(&mut self, array: &str) -> Result<&mut ArrayOfTables> {
        let root = self.doc.as_table_mut();
        if !root.contains_key(array) {
            root.insert(array, Item::ArrayOfTables(ArrayOfTables::new()));
        }
        root.get_mut(array)
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| shape(format!("`{array}` is not a list of [[{array}]] tables")))
    }
}

/// The settings file refused for `problem`.
fn bad(problem: ConfigProblem) -> Error {
    Error::BadConfig {
        path: SETTINGS_FILE.into(),
        problem,
    }
}

/// A file whose shape is not the settings' (a table where a value
/// should be), in the loader's words.
fn shape(detail: String) -> Error {
    bad(ConfigProblem::Syntax { line: None, detail })
}

/// Sets (or with `Field::Absent` removes) one field of a list entry,
/// keeping the comment after a value already there.
fn put(entry: &mut Table, name: &str, value: &Field) {
    let new = match value {
        Field::Text(text) => Value::from(*text),
        Field::Flag(flag) => Value::from(*flag),
        Field::Number(n) => Value::from(*n),
        Field::Texts(list) => Value::Array(list.iter().map(String::as_str).collect()),
        Field::Absent => {
            entry.remove(name);
            return;
        }
    };
    match entry.get_mut(name).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        None => {
            entry.insert(name, Item::Value(new));
        }
    }
}

impl std::fmt::Display for SettingsDoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.doc)
    }
}

/// The 1-based line in the settings `text` of the value at `place` (or
/// of the nearest enclosing one the file writes); `None` when the text
/// does not read.
pub fn line_of(text: &str, place: &[Step]) -> Option<usize> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let mut item = doc.as_item();
    let mut start = None;
    for step in place {
        let next = match step {
            Step::Key(key) => {
                let table = item.as_table_like()?;
                let (k, v) = table.get_key_value(key)?;
                start = k.span().map(|s| s.start).or(start);
                v
            }
            Step::Index(i) => {
                let next = item.get(*i)?;
                start = next.span().map(|s| s.start).or(start);
                next
            }
        };
        item = next;
    }
    start.map(|at| line_at(text, at))
}

fn line_at(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAND: &str = "# 某局台账设置\nformat_version = 1\nunit = \"某局\"  # 单位名称\n\n\
        [remind]\nwithin = \"3d\"   # 提前三天\n\n[[units]]\nname = \"办公室\"\ncode = \"BGS\"\n\n\
        # 日志\n[logbooks.seal]\nprefix = \"YY\"\ntitle = \"用印登记\"\n";

    #[test]
    fn a_set_changes_one_line_and_keeps_its_comment() {
        let mut doc = SettingsDoc::parse(HAND).unwrap();
        doc.set("remind.within", &Typed::Text("5d".into())).unwrap();
        let after = doc.to_string();
        assert_eq!(after, HAND.replace("within = \"3d\"", "within = \"5d\""));
        let mut doc = SettingsDoc::parse(HAND).unwrap();
        doc.set("followups.verify", &Typed::Flag(true)).unwrap();
        doc.set("fonds", &Typed::Text("J001".into())).unwrap();
        let after = doc.to_string();
        let fonds = "unit = \"某局\"  # 单位名称\nfonds = \"J001\"\n";
        let made =
            HAND.replace("unit = \"某局\"  # 单位名称\n", fonds) + "\n[followups]\nverify = true\n";
        assert_eq!(after, made);
        doc.unset("fonds").unwrap();
        doc.unset("followups.verify").unwrap();
        doc.unset("nothing.here").unwrap();
        assert_eq!(doc.to_string(), format!("{HAND}\n[followups]\n"));
    }

    #[test]
    fn an_entry_goes_after_the_last_of_its_list() {
        let mut doc = SettingsDoc::parse(HAND).unwrap();
        doc.push(
            "units",
            &[
                ("name", Field::Text("财务科")),
                ("code", Field::Text("CWK")),
            ],
        )
        .unwrap();
        doc.push("people", &[("name", Field::Text("张三"))])
            .unwrap();
        doc.edit("units", 0, &[("code", Field::Absent)]).unwrap();
        let after = doc.to_string();
        let units = after.find("[[units]]\nname = \"办公室\"\n\n").unwrap();
        let next = after
            .find("[[units]]\nname = \"财务科\"\ncode = \"CWK\"\n")
            .unwrap();
        let seal = after.find("[logbooks.seal]").unwrap();
        assert!(units < next && next < seal, "{after}");
        assert!(after.ends_with("[[people]]\nname = \"张三\"\n"), "{after}");
    }

    #[test]
    fn a_place_is_found_on_its_line() {
        let key = |k: &str| Step::Key(k.into());
        assert_eq!(line_of(HAND, &[key("remind"), key("within")]), Some(6));
        assert_eq!(line_of(HAND, &[key("units"), Step::Index(0)]), Some(8));
        assert_eq!(line_of(HAND, &[key("unit")]), Some(3));
        assert_eq!(line_of(HAND, &[key("nothing")]), None);
    }
}
