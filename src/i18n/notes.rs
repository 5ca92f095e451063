//! What `check` finds and why a file or a setting could not be read,
//! both languages side by side.

use super::{Lang, say};
use taizhang_core::model::common::TermProblem;
use taizhang_core::model::config::ConfigProblem;
use taizhang_core::model::date::DateTrouble;
use taizhang_core::model::keyword::{Secrecy, Urgency};
use taizhang_core::model::logbook::EntryProblem;
use taizhang_core::model::validate::Note;
use taizhang_core::store::parse::{IoTrouble, ReadProblem};

/// A finding of `check`, in words.
pub(super) fn note(l: Lang, note: &Note) -> String {
    use Note as N;
    match note {
        N::Kind(note) => super::by_kind::note(l, note),
        N::Breakdown(note) => super::followup::note(l, note),
        N::Repeat(note) => super::repeat::note(l, note),
        N::EmptyTitle => say!(l, "the title is empty", "标题为空"),
        N::EmptySender => say!(l, "the sender is empty", "来文机关为空"),
        N::DeadlineNeeded { urgency } => match urgency {
            Urgency::VeryUrgent => say!(
                l,
                "a very-urgent action item needs a deadline",
                "特急办件必须有办理时限"
            ),
            _ => say!(
                l,
                "an urgent action item needs a deadline",
                "加急办件必须有办理时限"
            ),
        },
        N::CompletedBeforeReceived { done, received } => say!(
            l,
            "completed {done} before it was received {received}",
            "办结日期 {done} 早于签收日期 {received}"
        ),
        N::DeadlineBeforeReceived { deadline, received } => {
            super::edges::deadline_before_received_note(l, *deadline, *received)
        }
        N::RoutingBackBeforeOut { n, to, back, out } => say!(
            l,
            "routing #{n} to {to}: back {back} before out {out}",
            "第{n}次传阅（{to}）：收回 {back} 早于送出 {out}"
        ),
        N::RoutingSecondCopy { n, to, first } => say!(
            l,
            "routing #{n} sends {to} a second copy while routing #{first} is not back",
            "第{n}次传阅又送{to}，而第{first}次送出的尚未收回"
        ),
        N::RoutingOutBeforeBack { n, to } => say!(
            l,
            "routing #{n} to {to} goes out before the previous copy came back",
            "第{n}次传阅送{to}时，上一份尚未收回"
        ),
        N::RepliedWithoutReply => say!(
            l,
            "replied, but no reply is recorded",
            "状态为已答复，但没有答复记录"
        ),
        N::DoneWithoutDate => say!(
            l,
            "done, but no completion date",
            "状态为已办结，但没有办结日期"
        ),
        N::UpwardWithoutSigner => {
            say!(l, "an upward document needs a signer", "上行文必须有签发人")
        }
        N::NoAddressee => say!(l, "no addressee", "没有主送机关"),
        N::IssuedWithoutPrintDate => say!(
            l,
            "issued, but no print date",
            "状态为已印发，但没有印发日期"
        ),
        N::EmptyLead => say!(l, "the lead unit is empty", "牵头单位为空"),
        N::DueBeforeAssigned { due, assigned } => say!(
            l,
            "due {due} before it was assigned {assigned}",
            "办结时限 {due} 早于交办日期 {assigned}"
        ),
        N::ClosedBeforeAssigned { closed, assigned } => say!(
            l,
            "closed {closed} before it was assigned {assigned}",
            "销号日期 {closed} 早于交办日期 {assigned}"
        ),
        N::SubmittedBeforeAssigned {
            submitted,
            assigned,
        } => say!(
            l,
            "reported done {submitted} before it was assigned {assigned}",
            "报结日期 {submitted} 早于交办日期 {assigned}"
        ),
        N::ClosedWithoutDate => say!(
            l,
            "closed, but result.closed gives no date",
            "状态为已办结，但 `result.closed` 没有日期"
        ),
        N::ExtensionNotLater { to, previous } => say!(
            l,
            "extension to {to} is not later than {previous}",
            "延期至 {to} 并不晚于原期限 {previous}"
        ),
        N::DecisionTwice { n } => say!(l, "decision #{n} appears twice", "第{n}项议定事项出现两次"),
        N::MinutedWithoutMinutes => say!(
            l,
            "minuted, but no minutes are recorded",
            "状态为已印发纪要，但没有会议纪要"
        ),
        N::UnknownBookField { key, book } => say!(
            l,
            "unknown field `{key}` (not declared for logbook {book})",
            "未知字段 `{key}`（登记簿 `{book}` 未声明）"
        ),
        N::LoopEndBeforeStart {
            end_key,
            end,
            start_key,
            start,
        } => super::loops::end_before_start(l, end_key, end, start_key, start),
        N::Setting(problem) => super::settings::note(l, problem),
        N::LoopFieldUndeclared { book, role, field } => {
            super::loops::loop_field_undeclared(l, book, role, field)
        }
        N::UndeclaredBook { book } => say!(
            l,
            "logbook {book} is not declared in taizhang.toml",
            "登记簿 `{book}` 未在 taizhang.toml 中声明"
        ),
        N::UnknownField { name } => say!(
            l,
            "unknown field `{name}` (a typo? it is kept as it is)",
            "未知字段 `{name}`（是否写错？已原样保留）"
        ),
        N::ClassifiedWithoutTerm { level } => {
            let word = l.keyword(*level);
            match level {
                Secrecy::None => String::new(),
                _ => say!(
                    l,
                    "classified ({word}) without a secrecy term",
                    "{word}文件未标注保密期限"
                ),
            }
        }
        N::DuplicateId { id } => say!(
            l,
            "{id} is used by more than one file",
            "编号 {id} 被多个文件使用"
        ),
        N::MissingRecord { id } => say!(l, "{id} does not exist", "{id} 不存在"),
        N::MissingFollowup { id } => {
            say!(l, "follow-up {id} does not exist", "督办事项 {id} 不存在")
        }
        N::ReplyRevoked { reference } => super::outgoing::reply_revoked_note(l, reference),
        N::MissingReplyDocument { id } => {
            say!(l, "reply document {id} does not exist", "复文 {id} 不存在")
        }
        N::ReplyNotLinkedBack { reference, id } => say!(
            l,
            "{reference} does not name {id} as in_reply_to",
            "{reference} 的 `in_reply_to` 没有指向 {id}"
        ),
        N::NotOutgoing { id } => say!(l, "{id} is not an outgoing document", "{id} 不是发文"),
        N::NotIncoming { id } => say!(l, "{id} is not an incoming document", "{id} 不是收文"),
        N::DuplicateNumber { number, first } => say!(
            l,
            "{number} is also the number of {first}",
            "发文字号 {number} 与 {first} 重复"
        ),
        N::NoDecision { id, n } => say!(l, "{id} has no decision #{n}", "{id} 没有第{n}项议定事项"),
        N::DecisionFollowupMissing { n, followup } => say!(
            l,
            "decision #{n}: follow-up {followup} does not exist",
            "第{n}项议定事项：督办事项 {followup} 不存在"
        ),
        N::DecisionNotLinkedBack {
            n,
            followup,
            meeting,
        } => say!(
            l,
            "decision #{n}: follow-up {followup} does not name {meeting}#{n} as its source",
            "第{n}项议定事项：督办事项 {followup} 的来源不是 {meeting}#{n}"
        ),
        N::DecisionNotFollowup { n, followup } => say!(
            l,
            "decision #{n}: {followup} is not a follow-up",
            "第{n}项议定事项：{followup} 不是督办事项"
        ),
        N::MinutesMissing { id } => say!(
            l,
            "minutes document {id} does not exist",
            "会议纪要 {id} 不存在"
        ),
        N::FollowupNamesOtherSource { followup, source } => say!(
            l,
            "follow-up {followup} does not name {source} as its source",
            "督办事项 {followup} 的来源不是 {source}"
        ),
        N::SourceDoesNotList { source, followup } => say!(
            l,
            "{source} does not list {followup} among its follow-ups",
            "{source} 的督办事项（`followups`）中没有 {followup}"
        ),
        N::DecisionNamesOtherFollowup {
            meeting,
            n,
            other: Some(other),
            followup,
        } => say!(
            l,
            "decision #{n} of {meeting} names follow-up {other}, not {followup}",
            "{meeting} 第{n}项议定事项关联的督办事项是 {other}，不是 {followup}"
        ),
        N::DecisionNamesOtherFollowup {
            meeting,
            n,
            other: None,
            followup,
        } => say!(
            l,
            "decision #{n} of {meeting} does not name follow-up {followup}",
            "{meeting} 第{n}项议定事项没有关联督办事项 {followup}"
        ),
        N::Stray => say!(
            l,
            "not a record file (records are named like IN-2026-0042.yaml)",
            "不是记录文件（记录文件名形如 IN-2026-0042.yaml）"
        ),
        N::ChangeFinished { files } => say!(
            l,
            "a command killed while writing left its change half done; it is now finished ({files}); commit these files",
            "有命令在写入时被终止，其修改只完成了一半，现已补完（{files}）；请提交这些文件"
        ),
        N::ChangePending { files } => say!(
            l,
            "a change is half done ({files}); another command is writing, or the last one could not finish it: run any taizhang command that writes (or check again) to finish it",
            "有一项修改只完成了一半（{files}）；另一命令正在写入，或上次未能补完：运行任一写入命令（或再次 `check`）即可补完"
        ),
        N::GitMissing => say!(
            l,
            "the register is a git repository that commits every change, but git cannot be run; changing commands refuse until git is on PATH",
            "台账是每次修改都提交的 git 仓库，但无法运行 git；在 git 加入 `PATH` 之前，修改类命令都会拒绝执行"
        ),
        N::GitUnreadable { message } => say!(
            l,
            "the register is in a git repository that commits every change, but git cannot read it ({message}); changing commands refuse until it is repaired",
            "台账所在的 git 仓库每次修改都要提交，但 git 无法读取它（{message}）；修复之前，修改类命令都会拒绝执行"
        ),
        N::SyncLeftover {
            path,
            removed: true,
        } => say!(
            l,
            "a sync killed while running left {path}, which stopped every later sync; it is removed now",
            "一次被中断的同步留下了 {path}，此后的同步都会失败；现已删除"
        ),
        N::SyncLeftover {
            path,
            removed: false,
        } => say!(
            l,
            "a sync killed while running left {path}, which stops every later sync, and it cannot be removed; remove it by hand",
            "一次被中断的同步留下了 {path}，此后的同步都会失败，且无法删除；请手动删除"
        ),
        N::StaleGitLock { minutes } => say!(
            l,
            "git's lock file is {minutes} minutes old and blocks every commit; if no git process is running, remove it",
            "git 的锁文件已存在 {minutes} 分钟，所有提交都会失败；如果没有 git 进程在运行，请删除它"
        ),
        N::Comments => say!(
            l,
            "holds # comments, which are lost when taizhang rewrites the record; keep remarks in notes instead",
            "含有 # 注释，taizhang 改写该记录时注释会丢失；备注请写在 `notes` 中"
        ),
        N::Uncommitted => say!(
            l,
            "not committed to git (commit it, or restore it with git)",
            "尚未提交到 git（请提交，或用 git 恢复）"
        ),
        N::NoHolidays { year } => say!(
            l,
            "no holidays for {year}; add them from the State Council's notice",
            "工作日历没有 {year} 年的节假日；请按国务院办公厅通知补充"
        ),
        N::DayOff { due } => {
            let day = weekday(l, due.weekday());
            say!(
                l,
                "the deadline {due} ({day}) is not a working day",
                "期限 {due}（{day}）不是工作日"
            )
        }
        N::Entry(problem) => entry_problem(l, problem),
        N::Term(problem) => term_problem(l, problem),
        N::Config(problem) => config_problem(l, problem),
        N::Archive(note) => super::archive::note(l, note),
        N::Title(problem) => super::edit::title_problem(l, problem),
        N::MeetingEndsBeforeStart { end, start } => say!(
            l,
            "the meeting ends ({end}) before it starts ({start})",
            "会议结束时间（{end}）早于开始时间（{start}）"
        ),
        N::DateOutOfRange { date } => {
            let (earliest, latest) = (
                taizhang_core::model::date::EARLIEST,
                taizhang_core::model::date::LATEST,
            );
            say!(
                l,
                "the date {date} is outside the dates the register takes ({earliest} to {latest})",
                "日期 {date} 超出台账可用的日期范围（{earliest} 至 {latest}）"
            )
        }
        N::Text { path, problem } => {
            let problem = super::edit::text_problem(l, problem);
            say!(l, "{path}: {problem}", "`{path}`：{problem}")
        }
    }
}

/// The day of the week, short: `Mon` / `周一`.
pub(super) fn weekday(l: Lang, day: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday as W;
    let (en, zh) = match day {
        W::Monday => ("Mon", "周一"),
        W::Tuesday => ("Tue", "周二"),
        W::Wednesday => ("Wed", "周三"),
        W::Thursday => ("Thu", "周四"),
        W::Friday => ("Fri", "周五"),
        W::Saturday => ("Sat", "周六"),
        W::Sunday => ("Sun", "周日"),
    };
    match l {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A logbook entry's field against its declaration.
fn entry_problem(l: Lang, problem: &EntryProblem) -> String {
    match problem {
        EntryProblem::Missing { field } => say!(
            l,
            "missing required field `{field}`",
            "缺少必填字段 `{field}`"
        ),
        EntryProblem::NotA { field, kind } => {
            let kind = field_type(l, kind);
            say!(
                l,
                "field `{field}`: expected a {kind}",
                "字段 `{field}`：应为{kind}"
            )
        }
        EntryProblem::Negative { field } => say!(
            l,
            "field `{field}`: a count cannot be below zero",
            "字段 `{field}`：数量不能为负数"
        ),
        EntryProblem::NotOneOf { field, values } => {
            let values: Vec<String> = values.iter().map(|v| say!(l, "{v}", "`{v}`")).collect();
            let values = values.join(l.list_separator());
            say!(
                l,
                "field `{field}`: expected one of: {values}",
                "字段 `{field}`：应为以下之一：{values}"
            )
        }
        EntryProblem::Needs { field, needs } => say!(
            l,
            "field `{field}` is filled, so `{needs}` must be too",
            "已填写字段 `{field}`，字段 `{needs}` 也须填写"
        ),
        EntryProblem::SamePerson { field, other, name } => say!(
            l,
            "fields `{other}` and `{field}` both name {name}: they must be different people",
            "字段 `{other}` 和 `{field}` 都是 {name}：须为不同的人"
        ),
    }
}

/// A logbook field type for people.
fn field_type(l: Lang, kind: &str) -> String {
    match kind {
        "date" => say!(l, "date", "日期"),
        "datetime" => say!(l, "datetime", "时间"),
        "number" => say!(l, "number", "数字"),
        "money" => say!(l, "money", "金额"),
        "bool" => say!(l, "bool", "是/否"),
        "ref" => say!(l, "ref", "记录编号"),
        "person" => say!(l, "person", "人名"),
        "unit" => say!(l, "unit", "单位"),
        _ => say!(l, "{kind}", "文本"),
    }
}

/// A 保密期限 that cannot be used.
pub(super) fn term_problem(l: Lang, problem: &TermProblem) -> String {
    match problem {
        TermProblem::Malformed { term } => say!(
            l,
            "'{term}' is not a term like 10y or 6m",
            "“{term}”不是保密期限（应形如 10y 或 6m）"
        ),
        TermProblem::TooLong { term, max_years } => say!(
            l,
            "'{term}' is longer than the {max_years} years allowed for this level",
            "“{term}”超过该密级最长 {max_years} 年的保密期限"
        ),
    }
}

/// Why a readable date expression cannot be used.
pub(super) fn date_trouble(l: Lang, trouble: DateTrouble) -> String {
    match trouble {
        DateTrouble::OutOfRange => say!(l, "the result is out of range", "结果超出日期范围"),
        DateTrouble::NoCalendar => say!(
            l,
            "working days (wd) need the register's calendar, which is not available here",
            "工作日（wd）需要台账的工作日历，这里无法使用"
        ),
        DateTrouble::NoSuchTime => say!(
            l,
            "that time does not exist in this time zone",
            "该时刻在本时区不存在"
        ),
    }
}

/// What is wrong with `taizhang.toml` or `calendar.toml`.
pub(super) fn config_problem(l: Lang, problem: &ConfigProblem) -> String {
    use ConfigProblem as C;
    match problem {
        C::Syntax {
            line: Some(line),
            detail,
        } => say!(l, "line {line}: {detail}", "第 {line} 行格式有误"),
        C::Syntax { line: None, detail } => say!(l, "{detail}", "格式有误"),
        C::Newer { found, supported } => say!(
            l,
            "format_version {found} is newer than this taizhang understands ({supported}); upgrade taizhang",
            "`format_version` {found} 比本版 taizhang 支持的（{supported}）新；请升级 taizhang"
        ),
        C::BadPrefix { prefix } => say!(
            l,
            "prefix '{prefix}' must be ASCII letters only",
            "前缀“{prefix}”只能由英文字母组成"
        ),
        C::PrefixTwice { prefix } => say!(
            l,
            "prefix '{prefix}' is used twice",
            "前缀“{prefix}”被使用了两次"
        ),
        C::BadBookName { name } => say!(
            l,
            "logbook name '{name}' must be ASCII letters, digits, '-' or '_'",
            "登记簿名称“{name}”只能由英文字母、数字、- 或 _ 组成"
        ),
        C::BadTimezone { value } => say!(
            l,
            "timezone: '{value}' is not a time zone; write an IANA name such as \"Asia/Shanghai\" or a fixed offset such as \"+08:00\"",
            "`timezone`：“{value}”不是有效的时区；请填写时区名称（如 \"Asia/Shanghai\"）或固定时差（如 \"+08:00\"）"
        ),
        C::ArchiveGroup { key } => say!(
            l,
            "'{key}' is not the group of an archive number (such as Z109-WS·2026-D10-BGS)",
            "“{key}”不是档号的分组（如 Z109-WS·2026-D10-BGS）"
        ),
        C::CalendarYear { year } => say!(
            l,
            "[{year}]: tables are named by year, like [2026]",
            "[{year}]：表名应为年份，如 [2026]"
        ),
        C::CalendarEntry {
            year,
            list,
            entry,
            max_days,
        } => say!(
            l,
            "[{year}] {list}: '{entry}' is not a date (2026-10-01) or a range (2026-10-01..2026-10-07) of at most {max_days} days",
            "[{year}] `{list}`：“{entry}”不是日期（2026-10-01）或不超过 {max_days} 天的日期范围（2026-10-01..2026-10-07）"
        ),
        C::CalendarWrongYear { year, list, date } => say!(
            l,
            "[{year}] {list}: {date} is not in {year}",
            "[{year}] `{list}`：{date} 不在 {year} 年"
        ),
        C::CalendarBoth { date } => say!(
            l,
            "{date} is listed both as a holiday and as a working day",
            "{date} 既列为节假日又列为工作日"
        ),
    }
}

/// Why a record file could not be read.
pub(super) fn read_problem(l: Lang, problem: &ReadProblem) -> String {
    use ReadProblem as P;
    // The field concerned, when the problem is inside the record.
    let at = |at: &str, text: String| match (at.is_empty(), l) {
        (true, _) => text,
        (false, Lang::En) => format!("{at}: {text}"),
        (false, Lang::Zh) => format!("`{at}`：{text}"),
    };
    match problem {
        P::Io(IoTrouble::NotFound) => say!(l, "no such file", "文件不存在"),
        P::Io(IoTrouble::PermissionDenied) => say!(l, "permission denied", "没有权限读取"),
        P::Io(IoTrouble::Other(detail)) => say!(l, "{detail}", "读取失败（{detail}）"),
        P::TooLarge { bytes, limit } => say!(
            l,
            "file is {bytes} bytes; records are limited to {limit}",
            "文件有 {bytes} 字节，记录最多 {limit} 字节"
        ),
        P::NotUtf8 { offset } => say!(
            l,
            "not UTF-8 text (bad byte at offset {offset})",
            "不是 `UTF-8` 文本（第 {offset} 字节有误）"
        ),
        P::UnknownPrefix { prefix } => say!(
            l,
            "no record kind has the prefix {prefix}",
            "没有哪类记录使用前缀 {prefix}"
        ),
        P::ConflictMarker => say!(
            l,
            "git conflict marker: resolve the merge conflict first",
            "有 git 冲突标记：请先解决合并冲突"
        ),
        P::TooDeep { limit } => say!(
            l,
            "nested more than {limit} levels deep; no record is, so the file is not read",
            "嵌套超过 {limit} 层，不是记录，未读取"
        ),
        P::Symlink => say!(
            l,
            "a symbolic link; records must be plain files inside the register",
            "是符号链接；记录必须是台账内的普通文件"
        ),
        P::WrongFolder { id, expected } => match expected {
            Some(expected) => say!(
                l,
                "{id} does not belong in this folder (expected {expected})",
                "{id} 不应放在这个文件夹（应为 {expected}）"
            ),
            None => say!(
                l,
                "{id} does not belong in this folder (expected a known prefix)",
                "{id} 不应放在这个文件夹（前缀未知）"
            ),
        },
        P::IdMismatch { says, name } => say!(
            l,
            "the file says id {says}, but its name makes it {name}; it is not used as either until they agree",
            "文件中写的编号是 {says}，但按文件名应为 {name}；两者一致之前不作为任何一条记录使用"
        ),
        P::UnknownTag { tag } => say!(
            l,
            "unknown tag {tag}: taizhang reads plain values only; remove the tag",
            "未知的标签 {tag}：taizhang 只读取普通的值，请删除该标签"
        ),
        P::Syntax { detail } => say!(l, "{detail}", "`YAML` 语法错误"),
        P::MissingField { at: path, field } => at(
            path,
            say!(l, "missing field `{field}`", "缺少字段 `{field}`"),
        ),
        P::DuplicateField { at: path, field } => at(
            path,
            say!(l, "duplicate field `{field}`", "字段 `{field}` 重复"),
        ),
        P::UnknownValue {
            at: path,
            what,
            value,
            accepted,
        } => {
            let set = l.keyword_set(what);
            let accepted = match l {
                Lang::En => accepted.clone(),
                Lang::Zh => accepted
                    .split(", ")
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join("、"),
            };
            at(
                path,
                say!(
                    l,
                    "unknown {set} `{value}`, expected one of: {accepted}",
                    "{set}“{value}”无法识别，可用值：{accepted}"
                ),
            )
        }
        P::InvalidType { at: path, detail } => {
            at(path, say!(l, "invalid type: {detail}", "值的类型不对"))
        }
        P::InvalidValue { at: path, detail } => {
            at(path, say!(l, "invalid value: {detail}", "值不对"))
        }
        P::BadId { at: path, value } => at(
            path,
            say!(
                l,
                "'{value}' is not an ID like IN-2026-0042",
                "“{value}”不是编号（应形如 IN-2026-0042）"
            ),
        ),
        P::BadReference { at: path, value } => at(
            path,
            say!(
                l,
                "'{value}' is not a reference like IN-2026-0042 or MT-2026-0003#2",
                "“{value}”不是引用（应形如 IN-2026-0042 或 MT-2026-0003#2）"
            ),
        ),
        P::BadMoment { at: path, value } => at(
            path,
            say!(
                l,
                "'{value}' is not a moment; write it as 2026-11-20T09:30:00+08:00",
                "“{value}”不是时刻，应写作 2026-11-20T09:30:00+08:00"
            ),
        ),
        P::BadDateOrMoment { at: path, value } => at(
            path,
            say!(
                l,
                "'{value}' is neither a date (2026-11-20) nor a moment (2026-11-20T09:30:00+08:00)",
                "“{value}”既不是日期（2026-11-20）也不是时刻（2026-11-20T09:30:00+08:00）"
            ),
        ),
        P::Other { detail } => say!(l, "{detail}", "无法读取（{detail}）"),
    }
}
