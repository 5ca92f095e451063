//! Words of the logbook commands (`book add`, `set`, `list`, `show`,
//! `declare`): their refusals, notes, and how a declared field or book is
//! named for the reader — the declaration's Chinese label for Chinese
//! readers, its English label (else the field's name) for English ones.

use super::{Lang, say};
use crate::error::Error;
use taizhang_core::model::archive::LOAN_FIELD;
use taizhang_core::model::config::{FieldDef, LogbookDef};
use taizhang_core::model::logbook::value::BookError;

impl Lang {
    /// A declared field as the reader calls it: 印章名称 / Seal (its key
    /// when the declaration has no label in that language).
    pub fn field_label(self, field: &FieldDef) -> &str {
        let label = match self {
            Lang::Zh => field.label.as_deref(),
            Lang::En => field.label_en.as_deref(),
        };
        label
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(&field.name)
    }

    /// A declared book as the reader calls it: 用印登记 / Seal use (the
    /// name when the declaration has no title in that language).
    pub fn book_title<'a>(self, name: &'a str, book: &'a LogbookDef) -> &'a str {
        let title = match self {
            Lang::Zh => Some(book.title.as_str()),
            Lang::En => book.title_en.as_deref(),
        };
        title.filter(|t| !t.trim().is_empty()).unwrap_or(name)
    }

    /// `book set` changed nothing: every value was already there.
    pub fn book_unchanged(self, id: &str) -> String {
        say!(
            self,
            "nothing changed: {id} already holds these values",
            "{id} 已是这些内容，未作修改"
        )
    }

    /// What `book declare` did.
    pub fn book_declared(self, name: &str, book: &LogbookDef) -> String {
        let title = self.book_title(name, book);
        say!(
            self,
            "declared the logbook {title} ({name}) in taizhang.toml",
            "已在 taizhang.toml 中加入登记簿“{title}”（`{name}`）"
        )
    }
}

/// A logbook entry's status: `recorded` (the only one the tool writes)
/// in the reader's words; another, written by hand, as it is.
pub(super) fn entry_status(l: Lang, status: &str) -> &str {
    match status {
        "recorded" => match l {
            Lang::En => "recorded",
            Lang::Zh => "已登记",
        },
        other => other,
    }
}

/// A field for an error message: its label in the reader's language.
fn named(l: Lang, field: &FieldDef) -> String {
    l.field_label(field).to_string()
}

/// Every declared field, as a clerk may type it: `日期（date）`.
fn field_list(l: Lang, fields: &[FieldDef]) -> String {
    let each: Vec<String> = fields
        .iter()
        .map(|f| {
            let label = l.field_label(f);
            let name = &f.name;
            if label == name {
                say!(l, "{name}", "`{name}`")
            } else {
                say!(l, "{label} ({name})", "{label}（`{name}`）")
            }
        })
        .collect();
    each.join(l.list_separator())
}

fn labels(l: Lang, fields: &[FieldDef]) -> String {
    let each: Vec<String> = fields.iter().map(|f| named(l, f)).collect();
    each.join(l.list_separator())
}

fn presets(l: Lang) -> String {
    let each: Vec<String> = taizhang_core::model::logbook::PRESET_NAMES
        .iter()
        .map(|n| say!(l, "{n}", "`{n}`"))
        .collect();
    each.join(l.list_separator())
}

/// The sentence and hint for a refused logbook command.
pub(super) fn book_error(l: Lang, error: &BookError) -> (String, Option<String>) {
    use BookError as B;
    match error {
        B::NotAssignment { input } => (
            say!(
                l,
                "-s/--set: '{input}' is not FIELD=VALUE",
                "-s/--set：“{input}”不是“字段=值”的形式"
            ),
            Some(say!(
                l,
                "name the field by its key or its label, e.g. -s purpose=… or -s Purpose=…",
                "字段可写名称或标签，例如 -s 印章名称=局公章 或 `-s seal=局公章`"
            )),
        ),
        B::UnknownField { book, input, known } => {
            let known = field_list(l, known);
            (
                say!(
                    l,
                    "the logbook {book} has no field '{input}'",
                    "登记簿 `{book}` 没有“{input}”这一项"
                ),
                Some(say!(l, "its fields: {known}", "可填写的项目：{known}")),
            )
        }
        B::Twice { field } => {
            let field = named(l, field);
            (say!(l, "{field} is given twice", "{field}填写了两次"), None)
        }
        B::BadDate { field, source } => super::errors::error(
            l,
            &Error::BadDate {
                flag: crate::error::Flag::field(named(l, field)),
                source: source.clone(),
            },
        ),
        B::NotANumber { field, input } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: '{input}' is not a number",
                    "{field}：“{input}”不是数字"
                ),
                None,
            )
        }
        B::Negative { field, input } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: '{input}' is below zero; a count cannot be",
                    "{field}：“{input}”为负数，数量不能为负"
                ),
                None,
            )
        }
        B::NotABool { field, input } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: '{input}' is neither yes nor no",
                    "{field}：“{input}”应填“是”或“否”"
                ),
                None,
            )
        }
        B::NotOneOf {
            field,
            input,
            values,
        } => {
            let field = named(l, field);
            let values = values.join(l.list_separator());
            (
                say!(
                    l,
                    "{field}: '{input}' is not one of the declared values ({values})",
                    "{field}：“{input}”不是可选的值（可选：{values}）"
                ),
                None,
            )
        }
        B::UnknownUnit {
            field,
            input,
            known,
        } => {
            let field = named(l, field);
            let known = known.join(l.list_separator());
            (
                say!(
                    l,
                    "{field}: '{input}' is not a unit of this register (units: {known})",
                    "{field}：“{input}”不是本台账登记的单位（现有单位：{known}）"
                ),
                None,
            )
        }
        B::UnknownPerson {
            field,
            input,
            known,
        } => {
            let field = named(l, field);
            let known = known.join(l.list_separator());
            (
                say!(
                    l,
                    "{field}: '{input}' is not a person of this register (people: {known})",
                    "{field}：“{input}”不是本台账登记的人员（现有人员：{known}）"
                ),
                Some(say!(
                    l,
                    "add a new colleague with: taizhang person add NAME",
                    "新同事请先登记：`taizhang person add 姓名`"
                )),
            )
        }
        B::NotAnId { field, input } if field.name == LOAN_FIELD => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: '{input}' is neither a record ID (such as IN-2026-0042) nor an archive number (such as Z109-WS·2015-Y-0001)",
                    "{field}：“{input}”既不是记录编号（如 IN-2026-0042），也不是档号（如 Z109-WS·2015-Y-0001）"
                ),
                None,
            )
        }
        B::NotAnId { field, input } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: '{input}' is not a record ID (such as IN-2026-0042)",
                    "{field}：“{input}”不是记录编号（如 IN-2026-0042）"
                ),
                None,
            )
        }
        B::NotArchived { field, id } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: {id} has no archive number (档号); only an archived record is lent",
                    "{field}：{id} 尚未归档，没有档号；只能借阅已归档的档案"
                ),
                Some(say!(
                    l,
                    "archive it first (taizhang archive {id} --retention …), or give the archive number of a file archived before the register",
                    "请先归档（taizhang archive {id} --retention …），或写明登记前已归档案卷的档号"
                )),
            )
        }
        B::NoSuchRecord { field, id } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field}: the register holds no record {id}",
                    "{field}：台账中没有 {id}"
                ),
                None,
            )
        }
        B::Required { field } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field} is required and cannot be cleared",
                    "{field}为必填项，不能清空"
                ),
                None,
            )
        }
        B::Missing { book, fields } => {
            let fields = labels(l, fields);
            (
                say!(
                    l,
                    "required fields of the logbook {book} are missing: {fields}; nothing was written",
                    "登记簿 `{book}` 缺少必填项：{fields}；未写入任何记录"
                ),
                Some(say!(
                    l,
                    "give each with -s FIELD=VALUE (the field's key or label)",
                    "用 -s 字段=值 逐项填写（字段可写名称或标签）"
                )),
            )
        }
        B::EndBeforeStart {
            end,
            end_value,
            start,
            start_value,
        } => {
            let (end, start) = (named(l, end), named(l, start));
            (
                say!(
                    l,
                    "{end} ({end_value}) is before {start} ({start_value})",
                    "{end}（{end_value}）早于{start}（{start_value}）"
                ),
                None,
            )
        }
        B::NumberTaken { field, number, by } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field} {number} is already used by {by}",
                    "{field} {number} 已由 {by} 使用"
                ),
                Some(say!(
                    l,
                    "leave it out to get the next free number",
                    "不填此项则自动取下一个编号"
                )),
            )
        }
        B::NumberTwice { field, number, row } => {
            let field = named(l, field);
            (
                say!(
                    l,
                    "{field} {number} is also on row {row}",
                    "{field} {number} 与第{row}行重复"
                ),
                None,
            )
        }
        B::NotDeclared {
            name,
            preset,
            declared,
        } => {
            let declared: Vec<String> = declared.iter().map(|n| say!(l, "{n}", "`{n}`")).collect();
            let declared = declared.join(l.list_separator());
            let sentence = say!(
                l,
                "this register keeps no logbook '{name}' (it keeps: {declared})",
                "本台账没有登记簿“{name}”（现有：{declared}）"
            );
            let hint = if *preset {
                say!(
                    l,
                    "add the preset to taizhang.toml with `taizhang book declare {name}`",
                    "用 `taizhang book declare {name}` 把预设的登记簿加入 taizhang.toml"
                )
            } else {
                let presets = presets(l);
                say!(
                    l,
                    "declare it under [logbooks.{name}] in taizhang.toml, or use a preset: {presets}",
                    "在 taizhang.toml 的 `[logbooks.{name}]` 中设立，或使用预设的登记簿：{presets}"
                )
            };
            (sentence, Some(hint))
        }
        B::AlreadyDeclared { name } => (
            say!(
                l,
                "taizhang.toml already declares the logbook {name}",
                "taizhang.toml 中已有登记簿 `{name}`"
            ),
            None,
        ),
        B::NotAPreset { name } => {
            let presets = presets(l);
            (
                say!(
                    l,
                    "'{name}' is not a preset logbook (presets: {presets})",
                    "“{name}”不是预设的登记簿（预设：{presets}）"
                ),
                None,
            )
        }
        B::PrefixTaken { name, prefix } => (
            say!(
                l,
                "cannot declare {name}: its ID prefix {prefix} is already used in taizhang.toml",
                "无法加入 `{name}`：编号前缀 {prefix} 在 taizhang.toml 中已被占用"
            ),
            None,
        ),
        B::NoHeader {
            path,
            book,
            examined,
            recognised,
        } => {
            let path = path.display();
            let seen = super::sheet::examined(l, *examined, recognised);
            (
                say!(
                    l,
                    "{path}: no header row found for the logbook {book}: no row names two of its fields; {seen}",
                    "{path}：找不到登记簿 `{book}` 的表头行：没有一行含有两个可识别的项目；{seen}"
                ),
                Some(say!(
                    l,
                    "name the columns with --map COLUMN=FIELD (the field's key or label)",
                    "用 --map 列名=字段 指明各列（字段可写名称或标签）"
                )),
            )
        }
        B::Rows { path, problems } => {
            let path = path.display();
            let mut rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
            rows.dedup();
            let n = rows.len();
            let mut text = say!(
                l,
                "{path}: {n} rows cannot be imported; nothing was written",
                "{path}：有 {n} 行无法导入，未写入任何记录"
            );
            for trouble in problems {
                let row = trouble.row;
                let what = match &trouble.problem {
                    Some(problem) => book_error(l, problem).0,
                    None => {
                        let field = named(l, &trouble.field);
                        say!(l, "{field} must not be empty", "{field}不能为空")
                    }
                };
                text.push('\n');
                text.push_str(&say!(l, "  row {row}: {what}", "  第{row}行 {what}"));
            }
            (text, None)
        }
        B::NotAnEntry { id } => (
            say!(
                l,
                "{id} is not a logbook entry; book set changes logbook entries only",
                "{id} 不是登记簿记录；`book set` 只修改登记簿记录"
            ),
            None,
        ),
    }
}
