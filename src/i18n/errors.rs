//! Error sentences and their hints, both languages side by side. The
//! hint for a refused step is chosen once, from the typed refusal.

use super::{Lang, say};
use crate::error::{CoreError, Error};
use taizhang_core::model::keyword::Keyword;
use taizhang_core::store::error::SheetLimit;

/// An error's English sentence, for logs and `{error}` in tests: people
/// are shown it through `Lang::error`, in their language.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&error(Lang::En, self).0)
    }
}

/// The sentence for `error` and an optional hint on what to do.
pub(super) fn error(lang: Lang, error: &Error) -> (String, Option<String>) {
    use Error as E;
    let l = lang;
    match error {
        E::Core(core) => core_error(l, core),
        E::Notify(problem) => super::notify::problem(l, problem),
        E::Repeat(refusal) => super::repeat::refusal(l, refusal),
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
                        "accepted: YYYY-MM-DD, today, tomorrow, yesterday, +3d, -2d, +2w, +1m, +5wd, a weekday name (fri = the next Friday), or YYYY-MM-DD HH:MM (now for this moment) where a time is wanted; also a date written the Chinese way (year, month and day), this or next week's weekday and the end of the month in Chinese, and full-width digits",
                        "可用格式：`YYYY-MM-DD`、12月10日、2026年12月10日、今天（`today`）、明天（`tomorrow`）、昨天（`yesterday`）、+3d、-2d、+2w、+1m、`+5wd`（工作日）、星期名（周五或 `fri` 为下一个周五）、本周五、下周五、月底（本月最后一天），需要时刻时用 `YYYY-MM-DD HH:MM` 或 现在（`now`）；全角数字亦可"
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
        E::Empty { flag } => (say!(l, "{flag} must not be empty", "{flag} 不能为空"), None),
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
        E::SignedInFuture { flag, date, today } => (
            say!(
                l,
                "{flag} {date} is after today ({today}): a document cannot be signed in the future",
                "{flag} {date} 晚于今天（{today}）：成文日期不能在将来"
            ),
            Some(say!(
                l,
                "check the year; --today sets another day as today",
                "请核对年份；--today 可指定另一天为今天"
            )),
        ),
        E::SignedTooSoon {
            flag,
            unreviewed,
            units,
        } => {
            let (message, hint) =
                super::outgoing::signed_too_soon(l, &flag.to_string(), *unreviewed, units);
            (message, Some(hint))
        }
        E::DateOutOfRange { flag, date } => {
            let (earliest, latest) = (
                taizhang_core::model::date::EARLIEST,
                taizhang_core::model::date::LATEST,
            );
            (
                say!(
                    l,
                    "{flag} {date} is not a date the register takes: dates run from {earliest} to {latest}",
                    "{flag} {date} 超出台账可用的日期范围：应在 {earliest} 至 {latest} 之间"
                ),
                Some(say!(l, "check the year", "请核对年份")),
            )
        }
        E::EndBeforeStart { flag, end, start } => (
            say!(
                l,
                "{flag} {end} is before the start ({start}): a meeting cannot end before it starts",
                "{flag} {end} 早于开始时间（{start}）：会议不能在开始前结束"
            ),
            None,
        ),
        E::FileTooLarge { flag, limit } => {
            let mib = limit / (1024 * 1024);
            (
                say!(
                    l,
                    "{flag}: the file is larger than {mib} MiB; minutes longer than that belong in an attached document",
                    "{flag}：文件超过 {mib} MiB；更长的纪要请作为附件或发文登记"
                ),
                None,
            )
        }
        E::DeadlineBeforeReceived {
            flag,
            deadline,
            received,
        } => super::edges::deadline_before_received(l, &flag.to_string(), *deadline, *received),
        E::DeclaredTwice { flag, name } => super::edges::declared_twice(l, &flag.to_string(), name),
        E::UnknownStatus { input, accepted } => super::edges::unknown_status(l, input, accepted),
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
            let expected = super::refusals::expected(l, *expected);
            (
                say!(
                    l,
                    "{flag} {target}: expected {expected}",
                    "{flag} {target}：应为{expected}"
                ),
                None,
            )
        }
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
            let forms = taizhang_core::model::period::PERIOD_FORMS;
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
        E::BadEmail { flag, input } => (
            say!(
                l,
                "{flag}: '{input}' is not an e-mail address",
                "{flag}：“{input}”不是电子邮件地址"
            ),
            Some(say!(
                l,
                "write it as li@example.org",
                "应写作 li@example.org 的形式"
            )),
        ),
        E::BadMobile { flag, input } => (
            say!(
                l,
                "{flag}: '{input}' is not a mobile number",
                "{flag}：“{input}”不是手机号码"
            ),
            Some(say!(
                l,
                "write its digits, e.g. 13800000001 (a leading + for another country)",
                "请填写数字，如 13800000001（外国号码前加 +）"
            )),
        ),
        E::BadTimezone { flag, input } => (
            say!(
                l,
                "{flag}: '{input}' is not a time zone",
                "{flag}：“{input}”不是有效的时区"
            ),
            Some(say!(
                l,
                "write an IANA name such as Asia/Shanghai or a fixed offset such as +08:00",
                "请填写时区名称（如 Asia/Shanghai）或固定时差（如 +08:00）"
            )),
        ),
        E::NeedsOut { format } => (
            say!(
                l,
                "export {format} writes a binary file: name it with --out FILE",
                "export {format} 生成的是二进制文件，不能输出到终端：请用 --out 文件名 指定"
            ),
            Some(say!(
                l,
                "taizhang export {format} --out register.{format}",
                "taizhang export {format} --out 台账.{format}"
            )),
        ),
        E::NoSuchFolder { flag, path } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{flag}: there is no folder {path} to write into",
                    "{flag}：目录 {path} 不存在，无法写入"
                ),
                None,
            )
        }
        E::OutInRegister { flag, path } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{flag}: {path} is the register's own file; an export there would destroy it",
                    "{flag}：{path} 是台账自身的文件，导出到这里会把它毁掉"
                ),
                Some(say!(
                    l,
                    "write the export outside the register's settings, record folders, .git and .taizhang",
                    "请导出到台账的设置文件、记录目录、.git 和 .taizhang 以外的地方"
                )),
            )
        }
        E::OutExists { flag, path, force } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{flag}: {path} exists already; the export would replace it",
                    "{flag}：文件 {path} 已经存在，导出会把它替换掉"
                ),
                Some(say!(
                    l,
                    "add {force} to replace it, or name another file",
                    "确要替换，请加 {force}；或者另起一个文件名"
                )),
            )
        }
        E::OutIsFolder { flag, path } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{flag}: {path} is a folder; name the file to write",
                    "{flag}：{path} 是一个目录，请指定要写入的文件名"
                ),
                None,
            )
        }
        E::NoSuchFormat { format, formats } => {
            let formats = formats.join(l.list_separator());
            (
                say!(
                    l,
                    "--format {format}: this command does not print {format}; it prints {formats}",
                    "--format {format}：此命令不输出 {format} 格式，可用的格式：{formats}"
                ),
                None,
            )
        }
        E::OnlyFor { flag, format } => (
            say!(
                l,
                "{flag} applies to `taizhang export {format}` only",
                "{flag} 只用于 `taizhang export {format}`"
            ),
            None,
        ),
        E::NoHeader {
            path,
            kind,
            examined,
            recognised,
        } => {
            let path = path.display();
            let kind = l.keyword(*kind);
            let title = l.field("title");
            let seen = super::sheet::examined(l, *examined, recognised);
            (
                say!(
                    l,
                    "{path}: no header row found for {kind}: no row names a title column and another known column; {seen}",
                    "{path}：找不到{kind}的表头行：没有一行同时含有标题列和其他可识别的列；{seen}"
                ),
                Some(say!(
                    l,
                    "name the columns with --map, e.g. --map 'COLUMN={title}'",
                    "用 --map 指明各列，如 --map '列名={title}'"
                )),
            )
        }
        E::BadMap {
            input,
            kind,
            accepted,
        } => {
            let scope = taizhang_core::model::keyword::Keyword::keyword(*kind);
            let fields = accepted
                .iter()
                .map(|key| {
                    let label = l.field_in(scope, key);
                    // Chinese names the fields by their labels alone (a
                    // key is accepted too, but is English).
                    say!(l, "{key} ({label})", "{label}")
                })
                .collect::<Vec<_>>()
                .join(l.list_separator());
            let kind = l.keyword(*kind);
            (
                say!(
                    l,
                    "--map '{input}': write COLUMN=FIELD with a field of {kind} (its key or its usual header), or COLUMN=- to leave the column out",
                    "--map “{input}”：应写作 列名=字段，字段为{kind}的字段名或常用表头，或写 列名=- 表示不导入该列"
                ),
                Some(say!(
                    l,
                    "fields of {kind}: {fields}",
                    "{kind}的字段：{fields}"
                )),
            )
        }
        E::ImportKind { input } => (
            say!(
                l,
                "cannot import '{input}': import makes in (incoming), out (outgoing), fu (follow-ups), rule (rules) or a logbook's entries",
                "无法导入“{input}”：可导入 `in`（收文）、`out`（发文）、`fu`（督办事项）、`rule`（制度）或登记簿的登记"
            ),
            None,
        ),
        E::Serve(refusal) => (super::web::serve_refusal(l, refusal), None),
        E::BadQuery { message } => (message.clone(), None),
        E::BadTitle { flag, problem } => super::edit::bad_title(l, &flag.to_string(), problem),
        E::BadText { flag, problem } => super::edit::bad_text(l, &flag.to_string(), problem),
        E::EditedUnreadable {
            line,
            column,
            problem,
        } => super::edit::edited_unreadable(l, *line, *column, problem),
        E::NotClassified { id } => (
            say!(
                l,
                "{id} has no secrecy level of its own to lower",
                "{id} 本身未定密级，无可解密"
            ),
            Some(say!(
                l,
                "a follow-up or entry that is classified through its source is declassified with its source: taizhang doc declassify SOURCE-ID …",
                "因来源涉密而涉密的督办事项或登记，随来源一并解密：taizhang doc declassify 来源编号 …"
            )),
        ),
        E::NotLower { id, from, to } => {
            let (from, to) = (l.keyword(*from), l.keyword(*to));
            (
                say!(
                    l,
                    "--to: {to} is not below the level of {id} ({from})",
                    "--to：{to}不低于 {id} 现有密级（{from}）"
                ),
                Some(say!(
                    l,
                    "to raise a level, correct it: taizhang edit {id} --set secrecy=…",
                    "如需提高密级，请更正：taizhang edit {id} --set secrecy=…"
                )),
            )
        }
        E::LowersSecrecy { id, from, to } => {
            let (from_word, to_word) = (l.keyword(*from), l.keyword(*to));
            let to_flag = match to.is_classified() {
                true => format!(" --to {}", to.keyword()),
                false => String::new(),
            };
            (
                say!(
                    l,
                    "edit does not lower a level ({id}: {from_word} → {to_word}); declassification needs an approver and a reason on record",
                    "更正不能降低密级（{id}：{from_word} → {to_word}）；解密须记录审批人和理由"
                ),
                Some(say!(
                    l,
                    "taizhang doc declassify {id}{to_flag} --reason … --approved-by …",
                    "taizhang doc declassify {id}{to_flag} --reason 理由 --approved-by 审批人"
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

/// The sentence for an error of the register or its rules, and an
/// optional hint.
pub(super) fn core_error(l: Lang, error: &CoreError) -> (String, Option<String>) {
    use CoreError as E;
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
        E::RetiredUnit { name } => (
            say!(
                l,
                "the unit '{name}' is retired: no new work goes to it",
                "单位“{name}”已撤销，不能再交办新的事项"
            ),
            Some(say!(
                l,
                "give it to the unit that took over its work (taizhang unit list)",
                "请交给接手其工作的单位（`taizhang unit list` 列出现有单位）"
            )),
        ),
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
                    "units: {known} (add a new one with: taizhang unit add NAME)",
                    "现有单位：{known}（新单位请用 `taizhang unit add 名称` 添加）"
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
                Some(say!(
                    l,
                    "series: {known} (add one with: taizhang series add {input})",
                    "现有系列：{known}（新系列请用 `taizhang series add {input}` 添加）"
                )),
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
                "add one with its issuer code: taizhang series add 市交发",
                "请添加发文字号系列（机关代字）：`taizhang series add 市交发`"
            )),
        ),
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
        E::DueBeforeAssigned { due, assigned } => (
            say!(
                l,
                "the due date {due} is before the assignment date {assigned}",
                "办结时限 {due} 早于交办日期 {assigned}"
            ),
            None,
        ),
        E::Refused { id, refusal } => super::refusals::refused(l, id, refusal),
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
        E::Roster(problem) => super::loops::roster_problem(l, problem),
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
        E::BreaksCheck { id, findings } => (breaks_check(l, id, findings), None),
        E::IdMismatch { path, name, says } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path} says id {says} but its name makes it {name}",
                    "{path} 中写的编号是 {says}，但按文件名应为 {name}"
                ),
                Some(say!(
                    l,
                    "a record is the file it is in: correct the `id:` line, or restore the file with git; nothing was written",
                    "记录以所在文件为准：请改正 `id:` 一行，或用 git 恢复该文件；未写入任何内容"
                )),
            )
        }
        E::GitMissing => (
            say!(
                l,
                "this register is a git repository that commits every change, but git cannot be run; nothing was written",
                "这个台账是每次修改都提交的 git 仓库，但无法运行 git；未写入任何内容"
            ),
            Some(say!(
                l,
                "install git or put it on PATH; or write without committing with --no-commit (or git.autocommit = false in taizhang.toml)",
                "请安装 git 或把它加入 `PATH`；也可以用 --no-commit 只写入不提交（或在 taizhang.toml 中设 `git.autocommit = false`）"
            )),
        ),
        E::GitUnreadable { message } => (
            say!(
                l,
                "git cannot read the repository this register is in, so the change could not be committed; nothing was written. git says: {message}",
                "git 无法读取台账所在的仓库，修改无法提交；未写入任何内容。git 的提示：{message}"
            ),
            Some(say!(
                l,
                "repair the repository (`git status` shows the same problem): a broken .git/config or .git/HEAD, or for \"dubious ownership\" a repository of another account, which `git config --global --add safe.directory <folder>` accepts; or write without committing with --no-commit",
                "请先修复仓库（`git status` 会显示同样的问题）：.git/config 或 .git/HEAD 损坏；若提示 “dubious ownership”，说明仓库属于另一个账户，可用 `git config --global --add safe.directory <文件夹>` 信任它；也可以用 --no-commit 只写入不提交"
            )),
        ),
        E::GitInProgress { operation } => {
            let command = operation.command();
            let what = git_operation(l, *operation);
            (
                say!(
                    l,
                    "a git {what} is in progress; nothing was written, so that this record is not mixed into it",
                    "git {what}尚未完成；为免把本条记录混入其中，未写入任何内容"
                ),
                Some(say!(
                    l,
                    "finish it (resolve, then `git {command} --continue`, or `git commit` for a merge) or abort it (`git {command} --abort`), then run the command again; --no-commit writes without committing",
                    "请先完成（解决冲突后 `git {command} --continue`，合并则用 `git commit`）或放弃（`git {command} --abort`），再运行本命令；--no-commit 可只写入不提交"
                )),
            )
        }
        E::DetachedHead => (
            say!(
                l,
                "HEAD is detached: a commit made now would belong to no branch; nothing was written",
                "`HEAD` 处于分离状态：此时提交不属于任何分支；未写入任何内容"
            ),
            Some(say!(
                l,
                "switch to the register's branch (`git switch main`), or write without committing with --no-commit",
                "请切换到台账的分支（`git switch main`），或用 --no-commit 只写入不提交"
            )),
        ),
        E::GitLockStale { path, minutes } => {
            let path = path.display();
            (
                say!(
                    l,
                    "git's lock file {path} is {minutes} minutes old: a git process was probably killed while holding it; nothing was written",
                    "git 的锁文件 {path} 已存在 {minutes} 分钟，可能是某个 git 进程被中断后遗留的；未写入任何内容"
                ),
                Some(say!(
                    l,
                    "another git process seems to be running in this repository, e.g. an editor opened by 'git commit'; make sure all git processes have ended, then remove the file to continue: rm '{path}'",
                    "可能另有 git 进程在运行（例如 `git commit` 打开的编辑器）；确认所有 git 进程都已结束后，删除该文件即可继续：`rm '{path}'`"
                )),
            )
        }
        E::GitLockHeld { path, seconds } => {
            let path = path.display();
            (
                say!(
                    l,
                    "another git process holds {path}; gave up after {seconds} s; nothing was written",
                    "另一个 git 进程占用着 {path}，已等待 {seconds} 秒；未写入任何内容"
                ),
                Some(say!(
                    l,
                    "try again when the other git command has finished; if none is running, the lock is a leftover: remove it",
                    "请等那个 git 命令结束后重试；如果没有 git 命令在运行，这是遗留的锁文件，删除即可"
                )),
            )
        }
        E::TooLarge { what, size, limit } => (
            say!(
                l,
                "{what} would be {size} bytes; records are limited to {limit}; nothing was written",
                "{what} 将有 {size} 字节，记录最多 {limit} 字节；未写入任何内容"
            ),
            Some(say!(
                l,
                "a record this large would no longer be read; move long text into an attachment",
                "这么大的记录将无法读取；请把长文本放进附件"
            )),
        ),
        E::SyncNotRepository => (
            say!(
                l,
                "this register is not in a git repository: there is nothing to sync",
                "这个台账不在 git 仓库中，无可同步"
            ),
            Some(say!(
                l,
                "to share it: git init, git remote add origin URL, then git push -u origin main (docs/git-and-sharing.md)",
                "如需共享：`git init`，`git remote add origin 地址`，再执行 `git push -u origin main`（见 docs/git-and-sharing.md）"
            )),
        ),
        E::SyncCannot { cause } => sync_cannot(l, cause),
        E::SyncNoUpstream { branch, remotes } => {
            let branch_or_head = if branch.is_empty() { "HEAD" } else { branch };
            (
                say!(
                    l,
                    "this branch ({branch}) has no upstream to sync with",
                    "当前分支（`{branch}`）没有可同步的上游仓库"
                ),
                Some(match remotes.first() {
                    None => say!(
                        l,
                        "add the shared repository first: git remote add origin URL, then git push -u origin HEAD",
                        "请先添加共享仓库：`git remote add origin 地址`，再执行 `git push -u origin HEAD`"
                    ),
                    Some(remote) => say!(
                        l,
                        "set it once: git push -u {remote} {branch_or_head}",
                        "设置一次即可：`git push -u {remote} {branch_or_head}`"
                    ),
                }),
            )
        }
        E::SyncOffline { remote, message } => (
            say!(
                l,
                "cannot reach the remote {remote}: {message}",
                "无法连接远程仓库 {remote}：{message}"
            ),
            Some(say!(
                l,
                "nothing was changed; run `taizhang sync` again when the remote can be reached",
                "未做任何改动；能连上远程仓库后请再次运行 `taizhang sync`"
            )),
        ),
        E::SyncUncommitted { paths } => {
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            let paths = paths.join(l.list_separator());
            (
                say!(
                    l,
                    "record files have uncommitted changes: {paths}",
                    "以下记录文件有未提交的修改：{paths}"
                ),
                Some(say!(
                    l,
                    "commit them (git commit) or put them aside (git stash), then run `taizhang sync` again",
                    "请先提交（`git commit`）或暂存（`git stash`），再运行 `taizhang sync`"
                )),
            )
        }
        E::SyncIssuedNumber {
            number,
            local,
            remote,
        } => (
            say!(
                l,
                "{local} here and {remote} on the remote were both issued as {number}; sync stopped before pushing",
                "本地的 {local} 与远程的 {remote} 都以 {number} 印发；同步已在推送前停止"
            ),
            Some(say!(
                l,
                "an issued number is never changed: revoke one of them (taizhang doc revoke {local} --reason …, or taizhang doc revoke {remote} --reason … in the clone that has it), then sync again",
                "已印发的文号不能更改：请撤销其中一份（taizhang doc revoke {local} --reason …，或在持有 {remote} 的副本中运行 taizhang doc revoke {remote} --reason …），然后再同步"
            )),
        ),
        E::SyncUnmergeable { path, reason } => {
            let path = path.display();
            let why = match reason {
                Some((line, column, problem)) => {
                    let problem = l.problem(problem);
                    say!(
                        l,
                        " ({line}:{column}: {problem})",
                        "（{line}:{column}：{problem}）"
                    )
                }
                None => String::new(),
            };
            (
                say!(
                    l,
                    "{path} was changed here and on the remote and cannot be merged{why}; sync stopped and changed nothing",
                    "{path} 在本地和远程都有修改，无法合并{why}；同步已停止，未做任何改动"
                ),
                Some(say!(
                    l,
                    "settle {path} by hand (git pull --rebase, fix, git rebase --continue), then run `taizhang check`",
                    "请手工处理 {path}（`git pull --rebase`，修改后 `git rebase --continue`），再运行 `taizhang check`"
                )),
            )
        }
        E::Book(problem) => super::book::book_error(l, problem.as_ref()),
        E::Settings(problem) => super::settings::error(l, problem.as_ref()),
        E::SyncPushLost { tries } => (
            say!(
                l,
                "the remote kept moving: the push lost to other clerks' {tries} times",
                "远程仓库一直在变化：推送 {tries} 次均被其他人抢先"
            ),
            Some(say!(
                l,
                "your changes are kept here; run `taizhang sync` again",
                "修改已保存在本地；请再次运行 `taizhang sync`"
            )),
        ),
        E::Sheet { path, message } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path}: cannot read the spreadsheet: {message}",
                    "{path}：无法读取表格：不是有效的表格文件，或文件已损坏（`{message}`）"
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
        E::SheetLimit { path, limit } => {
            let path = path.display();
            let past = match limit {
                SheetLimit::Unpacked(bytes) => {
                    let mib = bytes >> 20;
                    say!(
                        l,
                        "its parts unpack to more than {mib} MiB",
                        "解压后超过 {mib} 兆字节"
                    )
                }
                SheetLimit::Rows(rows) => say!(l, "it has more than {rows} rows", "超过 {rows} 行"),
                SheetLimit::Cells(cells) => {
                    say!(l, "it has more than {cells} cells", "超过 {cells} 个单元格")
                }
            };
            (
                say!(
                    l,
                    "{path}: not read: {past}, the most import reads",
                    "{path}：未读取：{past}，超出导入的上限"
                ),
                Some(say!(
                    l,
                    "split the register into several files (a year each) and import them one by one",
                    "请把台账拆成几个文件（如每年一个）逐个导入"
                )),
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
        E::Archive(error) => super::archive::error(l, error),
        E::Breakdown(error) => super::followup::error(l, error),
        E::Seal(error) => super::secrecy::error(l, error),
        E::Edit(problem) => super::edit::edit_error(l, problem),
        E::Meeting { id, error } => super::meeting::error(l, id, error),
        E::Undo(refusal) => super::edit::undo_refused(l, refusal),
        E::Internal { message } => (
            say!(
                l,
                "internal error (a bug in taizhang): {message}",
                "内部错误（taizhang 的缺陷）：{message}"
            ),
            Some(say!(
                l,
                "nothing was changed by this step; please report it with the command you ran",
                "这一步没有改动台账；请把所执行的命令一并报告给维护者"
            )),
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

/// A git operation in progress, as users of git call it.
/// Why `sync` could not begin, worded for a sync: nothing was changed,
/// and --no-commit (a write's way out) does not apply.
fn sync_cannot(l: Lang, cause: &CoreError) -> (String, Option<String>) {
    use CoreError as E;
    match cause {
        E::GitMissing => (
            say!(
                l,
                "git cannot be run, so the register cannot be synced; nothing was changed",
                "无法运行 git，台账无法同步；未做任何改动"
            ),
            Some(say!(
                l,
                "install git or put it on PATH, then sync again",
                "请安装 git 或把它加入 `PATH`，再同步"
            )),
        ),
        E::GitUnreadable { message } => (
            say!(
                l,
                "git cannot read the repository this register is in, so it cannot be synced; nothing was changed. git says: {message}",
                "git 无法读取台账所在的仓库，无法同步；未做任何改动。git 的提示：{message}"
            ),
            Some(say!(
                l,
                "repair the repository (`git status` shows the same problem), then sync again",
                "请先修复仓库（`git status` 会显示同样的问题），再同步"
            )),
        ),
        E::DetachedHead => (
            say!(
                l,
                "HEAD is detached: sync shares a branch, and HEAD is on none; nothing was changed",
                "`HEAD` 处于分离状态：同步的是分支，而当前不在任何分支上；未做任何改动"
            ),
            Some(say!(
                l,
                "switch to the register's branch (`git switch main`), then sync again",
                "请切换到台账的分支（`git switch main`），再同步"
            )),
        ),
        E::GitInProgress { operation } => {
            let command = operation.command();
            let what = git_operation(l, *operation);
            (
                say!(
                    l,
                    "a git {what} is in progress; a sync now would be mixed into it; nothing was changed",
                    "git {what}尚未完成，此时同步会混入其中；未做任何改动"
                ),
                Some(say!(
                    l,
                    "finish it (resolve, then `git {command} --continue`, or `git commit` for a merge) or abort it (`git {command} --abort`), then sync again",
                    "请先完成（解决冲突后 `git {command} --continue`，合并则用 `git commit`）或放弃（`git {command} --abort`），再同步"
                )),
            )
        }
        other => core_error(l, other),
    }
}

fn git_operation(l: Lang, operation: taizhang_core::store::git::Operation) -> String {
    use taizhang_core::store::git::Operation as O;
    let command = operation.command();
    match operation {
        O::Merge => say!(l, "{command}", "合并（`{command}`）"),
        O::Rebase => say!(l, "{command}", "变基（`{command}`）"),
        O::CherryPick => say!(l, "{command}", "拣选（`{command}`）"),
        O::Revert => say!(l, "{command}", "还原（`{command}`）"),
    }
}

/// A change refused because `check` would report what it brings in, with
/// each of those errors on its own line.
fn breaks_check(l: Lang, id: &str, findings: &[taizhang_core::model::validate::Finding]) -> String {
    let mut text = say!(
        l,
        "{id} as changed would not pass `taizhang check`; nothing was written",
        "{id} 改后无法通过 `taizhang check`；未写入任何内容"
    );
    for finding in findings {
        text.push_str("\n  ");
        text.push_str(&l.note(&finding.message));
    }
    text
}
