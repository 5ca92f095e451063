//! Error sentences and their hints, both languages side by side. The
//! hint for a refused step is chosen once, from the typed refusal.

use super::{Lang, say};
use crate::error::Error;
use crate::model::followup::FuStatus;
use crate::model::kind::Expected;
use crate::model::transition::{Refusal, RefusalReason, Status, Step};

/// The sentence for `error` and an optional hint on what to do.
pub(super) fn error(lang: Lang, error: &Error) -> (String, Option<String>) {
    use Error as E;
    let l = lang;
    match error {
        E::NoRegister { start } => {
            let start = start.display();
            (
                say!(
                    l,
                    "not inside a register: no taizhang.toml in {start} or any folder above it",
                    "不在台账目录中：{start} 及其上级目录都没有 taizhang.toml"
                ),
                Some(say!(
                    l,
                    "run `taizhang init` to create one, or name it with -C DIR or TAIZHANG_REGISTER",
                    "用 `taizhang init` 新建台账，或用 -C 目录 / `TAIZHANG_REGISTER` 指定台账"
                )),
            )
        }
        E::RegisterExists { path } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path} already holds a register",
                    "{path} 已经是一个台账，不会覆盖"
                ),
                None,
            )
        }
        E::BadConfig { path, problem } => {
            let path = path.display();
            let problem = super::notes::config_problem(l, problem);
            (
                say!(l, "{path}: {problem}", "{path}：设置有误：{problem}"),
                None,
            )
        }
        E::Io { path, source } => {
            let path = path.display();
            let why = io_problem(l, source);
            (say!(l, "{path}: {why}", "{path}：{why}"), None)
        }
        E::BadDate { flag, source } => {
            let input = &source.input;
            match &source.reason {
                Some(reason) => {
                    let reason = super::notes::date_trouble(l, *reason);
                    (
                        say!(
                            l,
                            "{flag}: cannot use the date '{input}': {reason}",
                            "{flag}：无法使用日期“{input}”：{reason}"
                        ),
                        None,
                    )
                }
                None => (
                    say!(
                        l,
                        "{flag}: cannot read the date '{input}'",
                        "{flag}：无法识别日期“{input}”"
                    ),
                    Some(say!(
                        l,
                        "accepted: YYYY-MM-DD, today, tomorrow, yesterday, +3d, -2d, +2w, +1m, +5wd, a weekday name (fri = the next Friday), or YYYY-MM-DD HH:MM where a time is wanted",
                        "可用格式：`YYYY-MM-DD`、今天（`today`）、明天（`tomorrow`）、昨天（`yesterday`）、+3d、-2d、+2w、+1m、`+5wd`（工作日）、星期名（周五或 `fri` 为下一个周五），需要时刻时用 `YYYY-MM-DD HH:MM`"
                    )),
                ),
            }
        }
        E::BadKeyword { flag, source } => {
            let input = &source.input;
            let what = l.keyword_set(source.what);
            let accepted: Vec<String> = source
                .accepted
                .iter()
                .map(|(keyword, chinese)| say!(l, "{keyword}", "{chinese}（`{keyword}`）"))
                .collect();
            let accepted = accepted.join(l.list_separator());
            (
                say!(
                    l,
                    "{flag}: '{input}' is not a valid {what}",
                    "{flag}：“{input}”不是有效的{what}"
                ),
                Some(say!(l, "accepted: {accepted}", "可用值：{accepted}")),
            )
        }
        E::BadSpan { flag, input } => (
            say!(
                l,
                "{flag}: cannot read the span '{input}'",
                "{flag}：无法识别时长“{input}”"
            ),
            Some(say!(
                l,
                "write a span like 3d, 2w or 1m",
                "时长写作 3d、2w 或 1m"
            )),
        ),
        E::BadNumber { flag, input } => (
            say!(
                l,
                "{flag}: '{input}' is not a number",
                "{flag}：“{input}”不是数字"
            ),
            None,
        ),
        E::BadId { input } => (
            say!(
                l,
                "'{input}' is not a record ID like IN-2026-0042",
                "“{input}”不是有效的编号"
            ),
            Some(say!(
                l,
                "IDs look like IN-2026-0042; the short form IN-42 means this year's",
                "编号形如 IN-2026-0042；简写 IN-42 指本年度的"
            )),
        ),
        E::NotFound { id } => (
            say!(l, "no record {id} in this register", "台账中没有 {id}"),
            Some(say!(
                l,
                "`taizhang list` shows what there is",
                "用 `taizhang list` 查看现有记录"
            )),
        ),
        E::UnknownKind { input, books } => {
            let books = match (books.is_empty(), l) {
                (true, _) => String::new(),
                (false, Lang::En) => format!(", logbooks: {}", books.join(", ")),
                (false, Lang::Zh) => {
                    let books: Vec<String> = books.iter().map(|b| format!("`{b}`")).collect();
                    format!("，登记簿：{}", books.join("、"))
                }
            };
            (
                say!(
                    l,
                    "'{input}' is not a kind of record",
                    "“{input}”不是记录类别"
                ),
                Some(say!(
                    l,
                    "kinds: incoming (in), outgoing (out), document, followup (fu), meeting (mt){books}; not '{input}'",
                    "类别：收文（`incoming`/`in`）、发文（`outgoing`/`out`）、公文（`document`）、督办（`followup`/`fu`）、会议（`meeting`/`mt`）{books}"
                )),
            )
        }
        E::UnknownUnit { input, known } => {
            let known = known.join(l.list_separator());
            (
                say!(
                    l,
                    "'{input}' is not a unit of this register",
                    "“{input}”不是本台账登记的单位"
                ),
                Some(say!(
                    l,
                    "units: {known} (add new ones to taizhang.toml)",
                    "现有单位：{known}（新单位请加到 taizhang.toml）"
                )),
            )
        }
        E::UnknownSeries { input, known } => {
            let known = known.join(l.list_separator());
            (
                say!(
                    l,
                    "'{input}' is not an outgoing document series",
                    "“{input}”不是发文系列"
                ),
                Some(say!(l, "series: {known}", "现有系列：{known}")),
            )
        }
        E::NoSeries => (
            say!(
                l,
                "the register declares no outgoing document series",
                "台账没有设置发文字号系列"
            ),
            Some(say!(
                l,
                "add a [[series]] table with a name and an issuer code to taizhang.toml",
                "在 taizhang.toml 中添加：`[[series]] name = \"发文\" issuer = \"市交发\"`"
            )),
        ),
        E::Empty { flag } => (say!(l, "{flag} must not be empty", "{flag} 不能为空"), None),
        E::DeadlineRequired => (
            say!(
                l,
                "an urgent action item needs --deadline",
                "加急、特急的办件必须给出办理时限（--deadline）"
            ),
            None,
        ),
        E::SignerRequired => (
            say!(
                l,
                "an upward document needs --signer",
                "上行文必须写明签发人（--signer）"
            ),
            None,
        ),
        E::BadSecrecyTerm(problem) => {
            let problem = super::notes::term_problem(l, problem);
            (
                say!(
                    l,
                    "--secrecy-term: {problem}",
                    "--secrecy-term：保密期限有误：{problem}"
                ),
                None,
            )
        }
        E::AttachmentRefused { level } => {
            let level = l.keyword(*level);
            (
                say!(
                    l,
                    "attachments are not allowed at secrecy level {level}",
                    "{level}级文件不得添加电子附件"
                ),
                None,
            )
        }
        E::AttachmentTooLarge {
            path,
            bytes,
            limit_mib,
        } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path}: {bytes} bytes is larger than the {limit_mib} MiB allowed for an attachment",
                    "{path}：文件有 {bytes} 字节，附件最大 {limit_mib} 兆字节"
                ),
                None,
            )
        }
        E::AttachmentTwice { path } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path}: two attachments have the same name",
                    "{path}：两个附件同名"
                ),
                None,
            )
        }
        E::ReceivedInFuture { flag, date, today } => (
            say!(
                l,
                "{flag} {date} is after today ({today}): a paper cannot be received in the future",
                "{flag} {date} 晚于今天（{today}）：签收时间不能在将来"
            ),
            Some(say!(
                l,
                "check the year; --today sets another day as today",
                "请核对年份；--today 可指定另一天为今天"
            )),
        ),
        E::DueBeforeAssigned { due, assigned } => (
            say!(
                l,
                "the due date {due} is before the assignment date {assigned}",
                "办结时限 {due} 早于交办日期 {assigned}"
            ),
            None,
        ),
        E::Refused { id, refusal } => refused(l, id, refusal),
        E::Dangling { flag, target } => (
            say!(
                l,
                "{flag} {target}: no such record",
                "{flag} {target}：没有这条记录"
            ),
            None,
        ),
        E::WrongKind {
            flag,
            target,
            expected,
        } => {
            let expected = self::expected(l, *expected);
            (
                say!(
                    l,
                    "{flag} {target}: expected {expected}",
                    "{flag} {target}：应为{expected}"
                ),
                None,
            )
        }
        E::NoDecision { target, n } => (
            say!(
                l,
                "{target}: meeting has no decision #{n}",
                "{target}：会议没有第 {n} 项议定事项"
            ),
            None,
        ),
        E::AlreadyLinked { target, existing } => (
            say!(
                l,
                "{target} already has follow-up {existing}",
                "{target} 已有督办事项 {existing}"
            ),
            None,
        ),
        E::AlreadyAnswers { out, existing } => (
            say!(
                l,
                "{out} already answers {existing}",
                "{out} 已是对 {existing} 的答复"
            ),
            None,
        ),
        E::Unreadable {
            path,
            line,
            column,
            problem,
        } => {
            let path = path.display();
            let problem = l.problem(problem);
            (
                say!(
                    l,
                    "{path}:{line}:{column}: {problem}",
                    "{path}:{line}:{column}：无法读取：{problem}"
                ),
                Some(say!(
                    l,
                    "fix the file by hand, or restore it with git; `taizhang check` lists every problem",
                    "请手工修正该文件或用 git 恢复；`taizhang check` 会列出全部问题"
                )),
            )
        }
        E::UnknownPrefix { prefix } => (
            say!(
                l,
                "no record kind has the prefix {prefix}",
                "没有哪类记录使用前缀 {prefix}"
            ),
            None,
        ),
        E::OutsideRegister { path } => {
            let path = path.display();
            (
                say!(l, "{path} escapes the register", "{path} 超出了台账目录"),
                None,
            )
        }
        E::Locked { seconds } => (
            say!(
                l,
                "another taizhang command is writing to this register; gave up after {seconds} s",
                "另一个 taizhang 命令正在写入台账，已等待 {seconds} 秒"
            ),
            Some(say!(
                l,
                "if no other command is running, try again",
                "如果没有其他命令在运行，请重试"
            )),
        ),
        E::CommitFailed { what, message } => (
            say!(
                l,
                "{what} was written, but the git commit failed: {message}",
                "{what} 已写入，但 git 提交失败：{message}"
            ),
            Some(say!(
                l,
                "the record is saved; commit it with git once the problem is fixed (`taizhang check` lists uncommitted records)",
                "记录已保存；问题解决后请用 git 提交（`taizhang check` 会列出未提交的记录）"
            )),
        ),
        E::Git { message } => (
            say!(l, "git failed: {message}", "git 出错：{message}"),
            None,
        ),
        E::CheckFailed { errors, warnings } => (
            say!(
                l,
                "the register has {errors} error(s) and {warnings} warning(s)",
                "台账有 {errors} 个错误、{warnings} 个警告"
            ),
            None,
        ),
        E::BadPeriod { flag, source } => {
            let input = &source.input;
            let forms = crate::model::period::PERIOD_FORMS;
            (
                say!(
                    l,
                    "{flag}: cannot read the period '{input}'",
                    "{flag}：无法识别统计期间“{input}”"
                ),
                Some(say!(
                    l,
                    "accepted: {forms}",
                    "可用格式：2026（年）、2026-Q4（季度）、2026-11（月）、2026-W47（周）、2026-11-01..2026-11-30（起止日期）、本周、上周、本月、上月、本季度、本年"
                )),
            )
        }
        E::BadLang { input } => (
            say!(
                l,
                "--lang: '{input}' is not a language",
                "--lang：“{input}”不是可用的语言"
            ),
            Some(say!(l, "use en or zh", "可用 `en` 或 `zh`")),
        ),
        E::Sheet { path, message } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path}: cannot read the spreadsheet: {message}",
                    "{path}：无法读取表格：{message}"
                ),
                None,
            )
        }
        E::SheetTooLarge { path, limit_mib } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path}: not a spreadsheet file of at most {limit_mib} MiB",
                    "{path}：不是不超过 {limit_mib} 兆字节的表格文件"
                ),
                None,
            )
        }
        E::NoSuchSheet { path, name, known } => {
            let path = path.display();
            let known = known.join(l.list_separator());
            (
                if name.is_empty() {
                    say!(
                        l,
                        "{path}: the workbook has no sheet",
                        "{path}：工作簿中没有工作表"
                    )
                } else {
                    say!(
                        l,
                        "{path}: no sheet named '{name}'",
                        "{path}：没有名为“{name}”的工作表"
                    )
                },
                Some(say!(l, "sheets: {known}", "现有工作表：{known}")),
            )
        }
        E::NoHeader { path, kind } => {
            let path = path.display();
            let kind = l.keyword(*kind);
            let title = l.field("title");
            (
                say!(
                    l,
                    "{path}: no header row found for {kind}: none of the top 20 rows names a title column and another known column",
                    "{path}：找不到{kind}的表头行：前20行中没有一行同时含有标题列和其他可识别的列"
                ),
                Some(say!(
                    l,
                    "name the columns with --map, e.g. --map 'COLUMN={title}'",
                    "用 --map 指明各列，如 --map '列名={title}'"
                )),
            )
        }
        E::BadMap { input, kind } => {
            let kind = l.keyword(*kind);
            (
                say!(
                    l,
                    "--map '{input}': write COLUMN=FIELD with a field of {kind} (its key or its usual header), or COLUMN=- to leave the column out",
                    "--map “{input}”：应写作 列名=字段，字段为{kind}的字段名或常用表头，或写 列名=- 表示不导入该列"
                ),
                None,
            )
        }
        E::ImportKind { input } => (
            say!(
                l,
                "cannot import '{input}': import makes in (incoming), out (outgoing) or fu (follow-ups)",
                "无法导入“{input}”：可导入 in（收文）、out（发文）或 fu（督办事项）"
            ),
            None,
        ),
        E::ImportRefused {
            path,
            kind,
            problems,
        } => {
            let path = path.display();
            let rows = {
                let mut rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
                rows.dedup();
                rows.len()
            };
            let mut text = say!(
                l,
                "{path}: {rows} rows cannot be imported; nothing was written",
                "{path}：有 {rows} 行无法导入，未写入任何记录"
            );
            for problem in problems {
                text.push('\n');
                text.push_str("  ");
                text.push_str(&super::import::row_problem(l, *kind, problem));
            }
            (
                text,
                Some(say!(
                    l,
                    "correct the rows (or --map the columns) and import again; --dry-run checks without writing",
                    "改正这些行（或用 --map 指明列）后重新导入；--dry-run 只检查不写入"
                )),
            )
        }
        E::ImportDuplicates { rows } => {
            let count = rows.len();
            let mut text = say!(
                l,
                "{count} rows are already in the register (same title and date); nothing was written",
                "有 {count} 行已在台账中（标题和日期相同），未写入任何记录"
            );
            for (row, id) in rows {
                text.push('\n');
                text.push_str("  ");
                text.push_str(&say!(l, "row {row}: already {id}", "第{row}行：已有 {id}"));
            }
            (
                text,
                Some(say!(
                    l,
                    "--skip-existing imports only the new rows; --allow-duplicates imports them all",
                    "--skip-existing 只导入新的行；--allow-duplicates 全部导入"
                )),
            )
        }
        E::Encode { message } => (
            say!(
                l,
                "cannot write the output: {message}",
                "无法生成输出：{message}"
            ),
            None,
        ),
    }
}

/// What an I/O error means, in words; the system's own text only for
/// the rare kinds worded nowhere else.
pub(super) fn io_problem(l: Lang, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match source.kind() {
        K::NotFound => say!(l, "no such file or folder", "没有这个文件或文件夹"),
        K::PermissionDenied => say!(l, "permission denied", "没有权限"),
        K::AlreadyExists => say!(l, "already exists", "已经存在"),
        K::InvalidInput => say!(l, "not a file", "不是文件"),
        K::IsADirectory => say!(l, "is a folder, not a file", "是文件夹，不是文件"),
        K::StorageFull => say!(l, "the disk is full", "磁盘已满"),
        K::ReadOnlyFilesystem => say!(l, "the file system is read-only", "文件系统只读"),
        K::InvalidData => say!(l, "not UTF-8 text", "不是 UTF-8 文本"),
        _ => say!(l, "{source}", "读写失败（{source}）"),
    }
}

/// The kind of record that was wanted.
fn expected(l: Lang, expected: Expected) -> String {
    match expected {
        Expected::Incoming => say!(l, "an incoming document (IN)", "收文（IN-…）"),
        Expected::Outgoing => say!(l, "an outgoing document (OUT)", "发文（OUT-…）"),
        Expected::Followup => say!(l, "a follow-up (FU)", "督办事项（FU-…）"),
        Expected::Meeting => say!(l, "a meeting (MT)", "会议（MT-…）"),
        Expected::Decision => say!(
            l,
            "a meeting decision such as MT-2026-0003#2",
            "会议议定事项，如 MT-2026-0003#2"
        ),
        Expected::Source => say!(
            l,
            "a document (IN-…, OUT-…) or a meeting decision (MT-…#n)",
            "公文（IN-…、OUT-…）或会议议定事项（MT-…#n）"
        ),
    }
}

/// A refused step: what was asked and why not, and the way out.
fn refused(l: Lang, id: &str, refusal: &Refusal) -> (String, Option<String>) {
    let step = l.step(refusal.step);
    let status = status_word(l, refusal.status);
    use RefusalReason as R;
    let message = match &refusal.reason {
        Some(R::Info) => say!(
            l,
            "{id} is an info item (for reading); `{step}` is for action items",
            "{id} 是阅件，不能{step}（{step}只用于办件）"
        ),
        Some(R::Unassigned) => say!(
            l,
            "{id} is {status} and not yet assigned; cannot `{step}`",
            "{id} {status}，尚未交办，不能{step}"
        ),
        Some(R::NotLater) => say!(
            l,
            "the new due date of {id} must be later than the one in force",
            "{id} 的新期限必须晚于现行期限"
        ),
        Some(R::Holding(who)) => say!(
            l,
            "{id} is already with {who}; cannot `{step}` to them again",
            "{id} 已在 {who} 处传阅，未收回前不能再次送其{step}"
        ),
        Some(R::NotHolding(who)) => say!(
            l,
            "{id} is not with {who}; nothing to bring back",
            "{id} 不在 {who} 处，无需收回"
        ),
        Some(R::Unsigned) => say!(
            l,
            "{id} is a draft, not yet signed; cannot `{step}`",
            "{id} 是未签发的文稿，不能{step}"
        ),
        None => say!(
            l,
            "{id} is {status}; cannot `{step}`",
            "{id} {status}，不能{step}"
        ),
    };
    (message, refusal_hint(l, id, refusal))
}

/// The way out of a refusal, chosen once for both languages.
fn refusal_hint(l: Lang, id: &str, refusal: &Refusal) -> Option<String> {
    use RefusalReason as R;
    let on_followup = refusal.step.is_followup();
    match (&refusal.reason, refusal.status, refusal.step) {
        (Some(R::Unassigned), _, _) => Some(say!(
            l,
            "assign it first: taizhang doc assign {id} --lead UNIT",
            "请先交办：taizhang doc assign {id} --lead 单位"
        )),
        (Some(R::Holding(who)), _, _) if !on_followup => Some(say!(
            l,
            "bring it back first: taizhang doc back {id} --from {who}",
            "请先收回：taizhang doc back {id} --from {who}"
        )),
        (Some(R::Unsigned), _, _) if !on_followup => Some(say!(
            l,
            "give its signing date: taizhang doc issue {id} --signed DATE",
            "请给出成文日期：taizhang doc issue {id} --signed 日期"
        )),
        _ if !on_followup => allowed(l, &refusal.allowed),
        (_, Status::Followup(FuStatus::Closed | FuStatus::Cancelled), Step::Reopen) => None,
        (_, Status::Followup(FuStatus::Closed | FuStatus::Cancelled), _) => Some(say!(
            l,
            "reopen it first: taizhang reopen {id} --reason …",
            "请先重新打开：taizhang reopen {id} --reason …"
        )),
        (_, Status::Followup(FuStatus::Submitted), _) => Some(say!(
            l,
            "it awaits verification: taizhang verify {id}, or send it back: taizhang reopen {id} --reason …",
            "已报结待审核：taizhang verify {id}，或退回：taizhang reopen {id} --reason …"
        )),
        (_, _, Step::Verify) => Some(say!(
            l,
            "only a submitted follow-up is verified; run `taizhang done {id}` first",
            "只有已报结的事项才能审核；请先运行 `taizhang done {id}`"
        )),
        (_, _, Step::Reopen) => Some(say!(l, "it is still open", "该事项仍在办理中")),
        _ => None,
    }
}

/// The hint naming what the status allows instead.
fn allowed(l: Lang, steps: &[Step]) -> Option<String> {
    if steps.is_empty() {
        return Some(say!(
            l,
            "no further step is allowed",
            "当前状态下不能再做任何处理"
        ));
    }
    let names: Vec<String> = steps
        .iter()
        .map(|s| {
            let (word, command) = (l.step(*s), s.command());
            say!(l, "`taizhang {command}`", "{word}（taizhang {command}）")
        })
        .collect();
    let names = names.join(l.list_separator());
    Some(say!(l, "allowed now: {names}", "当前可以：{names}"))
}

/// A status as people say it.
pub(super) fn status_word(l: Lang, status: Status) -> &'static str {
    match status {
        Status::Incoming(s) => l.keyword(s),
        Status::Outgoing(s) => l.keyword(s),
        Status::Followup(s) => l.keyword(s),
        Status::Meeting(s) => l.keyword(s),
    }
}
