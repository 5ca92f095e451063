//! Words of archiving (归档), both languages side by side: refusals,
//! what `check` finds about archive numbers, the 归档文件目录's columns
//! and what `archive year` says.

use super::{Lang, say, words};
use taizhang_core::model::archive::{ArchiveError, Mismatch, Skip};
use taizhang_core::model::validate::ArchiveNote;

words! {
    /// Columns of the archive catalogue and of the archive commands.
    Column {
        Seq => "No." / "序号",
        Number => "Archive No." / "档号",
        Reference => "Doc No." / "文号",
        Author => "Author" / "责任者",
        Title => "Title" / "题名",
        Date => "Date" / "日期",
        Secrecy => "Secrecy" / "密级",
        Pages => "Pages" / "页数",
        Note => "Remarks" / "备注",
        Id => "ID" / "编号",
        Retention => "Retention" / "保管期限",
        Reason => "Reason" / "原因",
        KeptUntil => "Kept until" / "保管至",
    }
}

/// The sentence for an archiving refusal, and a hint.
pub(super) fn error(l: Lang, error: &ArchiveError) -> (String, Option<String>) {
    use ArchiveError as E;
    match error {
        E::Frozen { id, number } => (
            if number.is_empty() {
                say!(
                    l,
                    "{id} is archived and cannot be changed",
                    "{id} 已归档，不能再修改"
                )
            } else {
                say!(
                    l,
                    "{id} is archived as `{number}` and cannot be changed",
                    "{id} 已归档（档号 `{number}`），不能再修改"
                )
            },
            Some(say!(
                l,
                "take it out of the archive first: taizhang archive undo {id} --reason …",
                "如确需修改，请先撤销归档：taizhang archive undo {id} --reason …"
            )),
        ),
        E::AlreadyArchived { id, number } => (
            if number.is_empty() {
                say!(l, "{id} is already archived", "{id} 已经归档")
            } else {
                say!(
                    l,
                    "{id} is already archived as `{number}`",
                    "{id} 已经归档，档号 `{number}`"
                )
            },
            None,
        ),
        E::NotArchived { id } => (say!(l, "{id} is not archived", "{id} 尚未归档"), None),
        E::NotSettled { id, status } => {
            let status = super::refusals::status_word(l, *status);
            (
                say!(
                    l,
                    "{id} is {status}: only a settled document (done, replied or read; issued) is archived",
                    "{id} 当前为“{status}”：只有办理完毕的文件（已办结、已答复、已阅；已印发）才能归档"
                ),
                None,
            )
        }
        E::NotDocument { id } => (
            say!(
                l,
                "{id} is not a document: only incoming and outgoing documents are archived",
                "{id} 不是公文：只有收文和发文才能归档"
            ),
            None,
        ),
        E::NoFonds => (
            say!(
                l,
                "the register has no fonds code for archive numbers",
                "台账没有设置全宗号，无法编档号"
            ),
            Some(say!(
                l,
                "set the code the archives assigned: taizhang config set fonds Z109",
                "请设置档案馆给定的全宗号：`taizhang config set fonds Z109`"
            )),
        ),
        E::UnknownOrg { input, known } => {
            let known = if known.is_empty() {
                say!(l, "none", "无")
            } else {
                known.join(l.list_separator())
            };
            (
                say!(
                    l,
                    "--org: '{input}' is not the code of a unit of this register",
                    "--org：“{input}”不是本台账单位的代码"
                ),
                Some(say!(
                    l,
                    "unit codes: {known} (a unit with a code: taizhang unit add NAME --code CODE; to leave the code out of archive numbers: taizhang config set archive.by_org false)",
                    "现有单位代码：{known}（添加带代码的单位：`taizhang unit add 名称 --code 代码`；档号中不用机构代码：`taizhang config set archive.by_org false`）"
                )),
            )
        }
        E::BadRule { key, value } => (
            say!(
                l,
                "taizhang.toml: [archive.retention] {key} = \"{value}\" is not a rule: the key is a document type or default, the value permanent, 30y or 10y",
                "taizhang.toml：`[archive.retention]` 中的 `{key} = \"{value}\"` 无法识别：键应为文种或 `default`，值应为永久、30年或10年"
            ),
            None,
        ),
    }
}

/// Why `archive year` passed over a document.
pub fn skip_reason(l: Lang, skip: &Skip) -> String {
    match skip {
        Skip::NotSettled(status) => {
            let status = super::refusals::status_word(l, *status);
            say!(l, "not settled ({status})", "尚未办理完毕（{status}）")
        }
        Skip::NoRule(Some(doc_type)) => {
            let doc_type = l.keyword(*doc_type);
            say!(
                l,
                "no retention rule for {doc_type} and no default in [archive.retention]",
                "`[archive.retention]` 中没有{doc_type}的保管期限，也没有默认值"
            )
        }
        Skip::NoRule(None) => say!(
            l,
            "no document type, and no default in [archive.retention]",
            "未标注文种，`[archive.retention]` 中也没有默认保管期限"
        ),
    }
}

/// What `archive year` did, or would do.
pub fn year_summary(l: Lang, year: i16, filed: usize, skipped: usize, dry_run: bool) -> String {
    match dry_run {
        true => say!(
            l,
            "{year}: {filed} document(s) would be archived, {skipped} not (dry run: nothing was written)",
            "{year}年度：将归档 {filed} 件，不能归档 {skipped} 件（试运行，未写入任何内容）"
        ),
        false => say!(
            l,
            "{year}: {filed} document(s) archived, {skipped} not",
            "{year}年度：已归档 {filed} 件，未归档 {skipped} 件"
        ),
    }
}

/// The heading over what `archive year` passed over.
pub fn not_archived(l: Lang) -> String {
    say!(l, "Not archived:", "未归档：")
}

/// The catalogue's heading: 归档文件目录 of a year.
pub fn catalogue_title(l: Lang, unit: &str, year: i16) -> String {
    say!(
        l,
        "Archive catalogue of {unit}, {year}",
        "{unit} {year}年度归档文件目录"
    )
}

/// What `archive ID` says on stderr once done.
pub fn filed(l: Lang, id: &str, number: &str) -> String {
    say!(l, "{id} archived as {number}", "{id} 已归档，档号 {number}")
}

/// What `archive undo` says on stderr once done.
pub fn unfiled(l: Lang, id: &str, number: &str) -> String {
    say!(
        l,
        "{id} taken out of the archive; its number {number} is not used again",
        "{id} 已撤销归档；原档号 {number} 不再使用"
    )
}

/// Nothing archived matches.
pub fn nothing(l: Lang) -> String {
    say!(l, "nothing archived matches", "没有符合条件的归档文件")
}

/// A finding of `check` about archiving.
pub(super) fn note(l: Lang, note: &ArchiveNote) -> String {
    use ArchiveNote as N;
    match note {
        N::WithoutNumber => say!(
            l,
            "archived, but no archive number is recorded",
            "状态为已归档，但没有档号"
        ),
        N::NotArchived { number } => say!(
            l,
            "has the archive number {number} but its status is not archived",
            "有档号 `{number}`，但状态不是已归档"
        ),
        N::Mismatch { number, mismatch } => match mismatch {
            Mismatch::Unreadable => say!(
                l,
                "the archive number {number} is not one (FONDS-WS·YEAR-RET-ORG-ITEM)",
                "档号 `{number}` 格式有误（应为 `全宗号-WS·年度-保管期限-机构-件号`）"
            ),
            Mismatch::Part { part, says, should } => {
                let part = part_word(l, part);
                say!(
                    l,
                    "the archive number {number} does not match its record: {part} {says}, should be {should}",
                    "档号 `{number}` 与记录不符：{part}为 `{says}`，应为 `{should}`"
                )
            }
        },
        N::ChangedAfter { action, at } => say!(
            l,
            "changed after it was archived ({action} at {at})",
            "归档后又被修改（`{action}`，{at}）"
        ),
        N::Duplicate { number, first } => say!(
            l,
            "the archive number {number} is also that of {first}",
            "档号 `{number}` 与 {first} 重复"
        ),
        N::LoanOfUnarchived { target } => say!(
            l,
            "archive_ref {target} names a record without an archive number",
            "`archive_ref` 所指的 {target} 没有档号（尚未归档）"
        ),
        N::Gap(gap) => {
            let numbers = match gap.first == gap.last {
                true => gap.first.to_string(),
                false => format!("{} … {}", gap.first, gap.last),
            };
            say!(
                l,
                "the archive number {numbers} was given out, but no record holds it and no record's history names it (a record deleted?); see git log",
                "档号 `{numbers}` 已分配，但没有记录持有，也没有记录的办理经过提及（记录被删除？）；请查看 git log"
            )
        }
        N::Altered { number } => say!(
            l,
            "changed by hand since it was archived as {number}: its content no longer matches the digest taken then; see git log -p",
            "归档（档号 `{number}`）后被手工修改：内容与归档时的摘要值不符；请查看 git log -p"
        ),
    }
}

/// A part of an archive number, for people.
fn part_word(l: Lang, part: &str) -> String {
    match part {
        "fonds" => say!(l, "the fonds", "全宗号"),
        "year" => say!(l, "the year", "年度"),
        "retention" => say!(l, "the retention", "保管期限"),
        "org" => say!(l, "the organisation", "机构代码"),
        _ => say!(l, "the item", "件号"),
    }
}
