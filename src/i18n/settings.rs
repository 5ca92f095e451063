//! The words of the settings as the command line changes them (`config`,
//! `unit`, `person`, `series`) and as `check` finds them, both languages
//! side by side: refusals, findings with their fix, confirmations and the
//! headings of the lists.

use super::{Lang, say, words};
use taizhang_core::model::settings::check::SettingNote;
use taizhang_core::model::settings::error::Roster;
use taizhang_core::model::settings::{SettingsError, Shape};

words! {
    /// Column headings of `unit list`, `person list`, `series list`.
    Heading {
        Name => "Name" / "名称",
        Code => "Code" / "代码",
        Open => "Open items" / "在办事项",
        State => "State" / "状态",
        Former => "Former names" / "曾用名",
        Person => "Name" / "姓名",
        Unit => "Unit" / "单位",
        Email => "Email" / "电子邮箱",
        Mobile => "Mobile" / "手机",
        Leader => "Leader" / "领导",
        Series => "Series" / "系列",
        Issuer => "Issuer code" / "机关代字",
        Last => "Last number this year" / "今年已用至",
        Next => "Next" / "下一个",
    }
}

words! {
    /// The state of a unit or person in the lists.
    State {
        Active => "active" / "在用",
        Retired => "retired" / "已撤销",
        Left => "left" / "已调离",
        Yes => "yes" / "是",
    }
}

/// What a roster is about, in words.
fn what(l: Lang, roster: Roster) -> &'static str {
    match (roster, l) {
        (Roster::Unit, Lang::En) => "unit",
        (Roster::Unit, Lang::Zh) => "单位",
        (Roster::Person, Lang::En) => "person",
        (Roster::Person, Lang::Zh) => "人员",
        (Roster::Series, Lang::En) => "series",
        (Roster::Series, Lang::Zh) => "发文字号系列",
    }
}

/// The command that adds one of `roster`.
fn add_command(roster: Roster) -> &'static str {
    match roster {
        Roster::Unit => "taizhang unit add",
        Roster::Person => "taizhang person add",
        Roster::Series => "taizhang series add",
    }
}

/// The sentence and hint for a refused change to the settings.
pub(super) fn error(l: Lang, error: &SettingsError) -> (String, Option<String>) {
    use SettingsError as S;
    let sep = l.list_separator();
    match error {
        S::UnknownKey { key, known } => {
            let known = known.join(sep);
            (
                say!(l, "there is no setting '{key}'", "没有“{key}”这项设置"),
                Some(say!(l, "settings: {known}", "可用的设置：`{known}`")),
            )
        }
        S::BadValue { key, input, shape } => {
            let want = match shape {
                Shape::Flag => say!(l, "true or false", "true（是）或 false（否）"),
                Shape::Text => say!(l, "text", "文字"),
                Shape::Choice(words) => {
                    let words = words.join(", ");
                    say!(l, "one of {words}", "以下之一：{words}")
                }
            };
            (
                say!(
                    l,
                    "{key}: '{input}' is not {want}",
                    "`{key}`：“{input}”不是 {want}"
                ),
                None,
            )
        }
        S::NotSet { key } => (
            say!(l, "{key} is not set", "`{key}` 尚未设置"),
            Some(say!(
                l,
                "set it with `taizhang config set {key} VALUE`",
                "用 `taizhang config set {key} 值` 设置"
            )),
        ),
        S::WouldBreak(problem) => {
            let problem = note(l, problem);
            (
                say!(
                    l,
                    "taizhang.toml was left as it was: {problem}",
                    "taizhang.toml 未作改动：{problem}"
                ),
                None,
            )
        }
        S::Exists { what: roster, name } => {
            let what = what(l, *roster);
            (
                say!(
                    l,
                    "there is already a {what} called '{name}'",
                    "已有名为“{name}”的{what}"
                ),
                None,
            )
        }
        S::Unknown {
            what: roster,
            input,
            known,
        } => {
            let kind = what(l, *roster);
            let add = add_command(*roster);
            let hint = match known.is_empty() {
                true => say!(l, "add one with `{add}`", "请先用 `{add}` 添加"),
                false => {
                    let known = known.join(sep);
                    say!(
                        l,
                        "known: {known} (add a new one with `{add}`)",
                        "现有：{known}（新的请用 `{add}` 添加）"
                    )
                }
            };
            (
                say!(
                    l,
                    "'{input}' is not a {kind} of this register",
                    "“{input}”不是本台账登记的{kind}"
                ),
                Some(hint),
            )
        }
        S::Gone { what: roster, name } => (
            match roster {
                Roster::Person => say!(l, "{name} has left the office", "{name} 已调离"),
                _ => say!(l, "{name} is retired", "“{name}”已撤销"),
            },
            None,
        ),
        S::StillHolds {
            what: Roster::Unit,
            name,
            items,
        } => {
            let n = items.len();
            let items = items.join(sep);
            (
                say!(
                    l,
                    "{name} still leads {n} open items: {items}",
                    "“{name}”还牵头 {n} 项在办事项：{items}"
                ),
                Some(say!(
                    l,
                    "close them or give them to another unit first (`taizhang edit ID --set lead=…`)",
                    "请先办结，或改由其他单位牵头（`taizhang edit 编号 --set lead=…`）"
                )),
            )
        }
        S::StillHolds { name, items, .. } => {
            let n = items.len();
            let items = items.join(sep);
            (
                say!(
                    l,
                    "{name} still holds {n} items: {items}",
                    "{name} 手上还有 {n} 项：{items}"
                ),
                Some(say!(
                    l,
                    "name who takes them over: `taizhang person leave {name} --handover OTHER`",
                    "请指定接手人：`taizhang person leave {name} --handover 接手人`"
                )),
            )
        }
        S::HandoverToSelf { name } => (
            say!(
                l,
                "--handover: {name} cannot hand over to themselves",
                "--handover：{name} 不能交接给自己"
            ),
            None,
        ),
        S::PrefixInUse { key, prefix, count } => (
            say!(
                l,
                "{key}: {count} records carry the prefix {prefix}, and would no longer be found under another",
                "`{key}`：已有 {count} 条记录使用编号前缀 {prefix}，改用其他前缀后将无法找到"
            ),
            Some(say!(
                l,
                "an ID prefix is chosen before the first record",
                "编号前缀须在登记第一条记录之前确定"
            )),
        ),
        S::BadStart { input } => (
            say!(
                l,
                "--start: {input} is not a document number (1 or more)",
                "--start：{input} 不是有效的文号序号（应为 1 或更大）"
            ),
            None,
        ),
    }
}

/// A finding of `check` on the settings, with its fix.
pub(super) fn note(l: Lang, note: &SettingNote) -> String {
    use SettingNote as N;
    let key = note.key();
    match note {
        N::EmptyIssuer { series, .. } => say!(
            l,
            "{key}: the series {series} has no issuer code, so its documents would be numbered 〔2026〕1号; write one, e.g. issuer = \"市交发\"",
            "`{key}`：系列“{series}”没有机关代字，发文将编为“〔2026〕1号”；请填写，例如 `issuer = \"市交发\"`"
        ),
        N::BadSpan { value, .. } => say!(
            l,
            "{key}: '{value}' is not a span, so every `remind` would fail; fix it with `taizhang config set {key} 3d` (3d, 1w, 5wd)",
            "`{key}`：“{value}”不是时间跨度，每次 `remind` 都会失败；请用 `taizhang config set {key} 3d` 改正（3d、1w、5wd）"
        ),
        N::BadLanguage { value } => say!(
            l,
            "{key}: '{value}' is not a language taizhang speaks; fix it with `taizhang config set {key} zh` (or en)",
            "`{key}`：不支持“{value}”；请用 `taizhang config set {key} zh`（或 `en`）改正"
        ),
        N::UnitTwice { name, .. } => say!(
            l,
            "{key}: '{name}' names two units (or one twice); rename or remove one of them",
            "`{key}`：“{name}”同时指两个单位（或重复登记）；请改名或删去其一"
        ),
        N::PersonTwice { name, .. } => say!(
            l,
            "{key}: {name} is listed twice; remove one of them",
            "`{key}`：{name} 重复登记；请删去其一"
        ),
        N::FieldType {
            book, field, kind, ..
        } => {
            let known = taizhang_core::model::logbook::FIELD_TYPES.join(", ");
            say!(
                l,
                "{key}: the field {field} of the logbook {book} has the type '{kind}', which taizhang does not know; use one of {known}",
                "`{key}`：登记簿 `{book}` 的字段 `{field}` 类型为“{kind}”，无法识别；请改为其中之一：`{known}`"
            )
        }
        N::LiteralSecret { channel, .. } => say!(
            l,
            "{key}: a robot key or password is written out here, and git shares it with everyone who has the register; write `env:NAME` and set NAME in the environment, or move it to .taizhang/secrets.toml under [notify.{channel}]",
            "`{key}`：此处明文写有机器人密钥或密码，git 会把它分发给每个拥有台账的人；请改写为 `env:变量名` 并在环境变量中设置，或移到 .taizhang/secrets.toml 的 [notify.{channel}] 下"
        ),
    }
}

impl Lang {
    /// What `config set` did.
    pub fn setting_set(self, key: &str, value: &str) -> String {
        say!(self, "set {key} = {value}", "已设置 `{key}` = {value}")
    }

    /// What `config unset` did.
    pub fn setting_unset(self, key: &str) -> String {
        say!(
            self,
            "removed {key} (its default applies)",
            "已删除 `{key}`（恢复默认值）"
        )
    }

    /// What `unit add`, `person add` and `series add` did.
    pub fn roster_added(self, roster: Roster, name: &str) -> String {
        let what = what(self, roster);
        say!(self, "added the {what} {name}", "已添加{what}“{name}”")
    }

    /// What `unit rename` did.
    pub fn unit_renamed(self, old: &str, new: &str, records: usize) -> String {
        say!(
            self,
            "renamed the unit {old} to {new}; {records} records updated ({old} is still accepted for searches)",
            "已将“{old}”更名为“{new}”，更新记录 {records} 条（查询时仍可用“{old}”）"
        )
    }

    /// What `unit retire` did.
    pub fn unit_retired(self, name: &str) -> String {
        say!(
            self,
            "retired the unit {name}; its records stay in reports",
            "已撤销单位“{name}”，其记录仍计入统计"
        )
    }

    /// What `person move` did.
    pub fn person_moved(self, name: &str, unit: &str) -> String {
        say!(self, "{name} moved to {unit}", "{name} 已调至“{unit}”")
    }

    /// What `person leave` did.
    pub fn person_left(self, name: &str, to: Option<&str>, items: usize) -> String {
        match to {
            Some(to) => say!(
                self,
                "{name} has left; {items} items handed over to {to}",
                "{name} 已调离，{items} 项交由 {to} 接手"
            ),
            None => say!(self, "{name} has left", "{name} 已调离"),
        }
    }

    /// A heading of the roster lists.
    pub fn heading(self, heading: Heading) -> &'static str {
        heading.word(self)
    }

    /// A state in the roster lists.
    pub fn state(self, state: State) -> &'static str {
        state.word(self)
    }
}
