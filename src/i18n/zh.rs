//! 中文词表。

use super::{Label, Message, Phrase};
use crate::error::Error;
use crate::model::transition::{Refusal, Step};
use crate::model::validate::Note;

pub fn label(label: Label) -> &'static str {
    match label {
        Label::Id => "编号",
        Label::Kind => "类别",
        Label::Title => "标题",
        Label::Status => "状态",
        Label::Unit => "单位",
        Label::Owner => "责任人",
        Label::Party => "来文/主送",
        Label::Date => "日期",
        Label::Due => "期限",
        Label::DaysLeft => "剩余天数",
        Label::Overdue => "逾期",
        Label::History => "处理记录",
        Label::Severity => "级别",
        Label::File => "文件",
        Label::Problem => "问题",
        Label::Level => "状态",
        Label::LevelOverdue => "逾期",
        Label::LevelDueToday => "今日到期",
        Label::LevelDueSoon => "即将到期",
        Label::NoUnit => "（未交办）",
        Label::NoOwner => "（未指定责任人）",
        Label::Figure => "项目",
        Label::Value => "数值",
        Label::Period => "统计期间",
        Label::Documents => "公文办理",
        Label::Incoming => "收文",
        Label::Outgoing => "发文",
        Label::IncomingDone => "办件办结",
        Label::IncomingPending => "办件在办",
        Label::IncomingOverdue => "办件逾期",
        Label::Followups => "督办事项",
        Label::Assigned => "交办",
        Label::Closed => "办结",
        Label::ClosedOnTime => "按期办结",
        Label::OnTimeRate => "按期办结率",
        Label::DueInPeriod => "到期",
        Label::DueClosed => "到期已办结",
        Label::CompletionRate => "完成率",
        Label::Open => "在办",
        Label::DaysOverdue => "逾期天数",
        Label::ByUnit => "分单位情况",
        Label::OverdueList => "逾期事项",
        Label::LeadUnit => "牵头单位",
        Label::Meetings => "会议",
        Label::MeetingsHeld => "召开会议",
        Label::Decisions => "议定事项",
        Label::Logbooks => "登记簿",
        Label::AwaitingHandling => "待办文件",
        Label::NextDeadlines => "未来7天到期",
        Label::WeekMeetings => "未来7天会议",
        Label::OverdueAndSoon => "逾期及即将到期",
        Label::Received => "签收",
        Label::Start => "时间",
    }
}

pub fn message(message: Message) -> &'static str {
    match message {
        Message::Error => "错误",
        Message::Warning => "警告",
        Message::Hint => "提示",
        Message::Skipped => "已跳过",
        Message::NothingFound => "没有符合条件的记录",
        Message::Yes => "是",
        Message::No => "否",
        Message::DeskClear => "今日没有待办事项。",
    }
}

pub fn field(key: &str) -> &str {
    match key {
        "id" => "编号",
        "title" => "标题",
        "status" => "状态",
        "sender" => "来文机关",
        "sender_ref" => "来文字号",
        "doc_type" => "文种",
        "received" => "签收时间",
        "received_by" => "签收人",
        "channel" => "来文方式",
        "urgency" => "紧急程度",
        "secrecy" => "密级",
        "secrecy_term" => "保密期限",
        "internal" => "内部",
        "copies" => "份数",
        "pages" => "页数",
        "handling" => "办件类型",
        "proposal" => "拟办意见",
        "instructions" => "领导批示",
        "lead" => "主办单位",
        "support" => "协办单位",
        "deadline" => "办理时限",
        "circulation" => "传阅",
        "result" => "办理结果",
        "completed" => "办结日期",
        "reply" => "答复",
        "followups" => "督办事项",
        "archive" => "归档",
        "attachments" => "附件",
        "notes" => "备注",
        "created" => "登记时间",
        "history" => "处理记录",
        "doc_number" => "发文字号",
        "series" => "发文系列",
        "direction" => "行文方向",
        "to" => "主送",
        "cc" => "抄送",
        "drafter" => "拟稿人",
        "drafting_unit" => "拟稿单位",
        "signer" => "签发人",
        "signed" => "成文日期",
        "printed" => "印发日期",
        "print_copies" => "印数",
        "disclosure" => "公开属性",
        "in_reply_to" => "答复来文",
        "requirement" => "办理要求",
        "source" => "来源",
        "source_ref" => "来源编号",
        "assigned_by" => "交办领导",
        "approved_by" => "批准人",
        "closed_by" => "销号人",
        "supervisor" => "分管领导",
        "owner" => "责任人",
        "assigned" => "交办日期",
        "due" => "办结时限",
        "feedback" => "反馈频次",
        "extensions" => "延期",
        "progress" => "进展",
        "chases" => "催办",
        "type" => "会议类型",
        "start" => "开始时间",
        "end" => "结束时间",
        "venue" => "地点",
        "host" => "主持人",
        "recorder" => "记录人",
        "attendees" => "出席",
        "absent" => "缺席",
        "observers" => "列席",
        "agenda" => "议程",
        "decisions" => "议定事项",
        "minutes" => "会议纪要",
        other => other,
    }
}

pub fn error(error: &Error) -> (String, Option<String>) {
    let hint = |s: &str| Some(s.to_string());
    match error {
        Error::NoRegister { start } => (
            format!(
                "不在台账目录中：{} 及其上级目录都没有 taizhang.toml",
                start.display()
            ),
            hint("用 `taizhang init` 新建台账，或用 -C 目录 / TAIZHANG_REGISTER 指定台账"),
        ),
        Error::RegisterExists { path } => {
            (format!("{} 已经是一个台账，不会覆盖", path.display()), None)
        }
        Error::BadConfig { path, message } => {
            (format!("{}：设置有误：{message}", path.display()), None)
        }
        Error::Io { path, source } => (format!("{}：{source}", path.display()), None),
        Error::BadDate { flag, source } => match &source.reason {
            Some(reason) => (
                format!("{flag}：无法使用日期“{}”：{reason}", source.input),
                None,
            ),
            None => (
                format!("{flag}：无法识别日期“{}”", source.input),
                hint(
                    "可用格式：YYYY-MM-DD、today/今天、tomorrow/明天、yesterday/昨天、+3d、-2d、+2w、+1m、+5wd、星期名（fri/周五 为下一个周五），需要时刻时用 YYYY-MM-DD HH:MM",
                ),
            ),
        },
        Error::BadKeyword { flag, source } => (
            format!(
                "{flag}：“{}”不是有效的{}",
                source.input,
                keyword_name(source.what)
            ),
            Some(format!("可用值：{}", source.accepted)),
        ),
        Error::BadSpan { flag, input } => (
            format!("{flag}：无法识别时长“{input}”"),
            hint("时长写作 3d、2w 或 1m"),
        ),
        Error::BadNumber { flag, input } => (format!("{flag}：“{input}”不是数字"), None),
        Error::BadId { input } => (
            format!("“{input}”不是有效的编号"),
            hint("编号形如 IN-2026-0042；简写 IN-42 指本年度的"),
        ),
        Error::NotFound { id } => (
            format!("台账中没有 {id}"),
            hint("用 `taizhang list` 查看现有记录"),
        ),
        Error::UnknownKind { input, books } => (
            format!("“{input}”不是记录类别"),
            Some(format!(
                "类别：incoming/in 收文、outgoing/out 发文、document 公文、followup/fu 督办、meeting/mt 会议{}{}",
                if books.is_empty() {
                    ""
                } else {
                    "，登记簿："
                },
                books.join("、")
            )),
        ),
        Error::UnknownUnit { input, known } => (
            format!("“{input}”不是本台账登记的单位"),
            Some(format!(
                "现有单位：{}（新单位请加到 taizhang.toml）",
                known.join("、")
            )),
        ),
        Error::UnknownSeries { input, known } => (
            format!("“{input}”不是发文系列"),
            Some(format!("现有系列：{}", known.join("、"))),
        ),
        Error::NoSeries => (
            "台账没有设置发文字号系列".to_string(),
            hint("在 taizhang.toml 中添加：[[series]] name = \"发文\" issuer = \"市交发\""),
        ),
        Error::Empty { flag } => (format!("{flag} 不能为空"), None),
        Error::DeadlineRequired => (
            "加急、特急的办件必须给出办理时限（--deadline）".to_string(),
            None,
        ),
        Error::SignerRequired => ("上行文必须写明签发人（--signer）".to_string(), None),
        Error::BadSecrecyTerm(message) => {
            (format!("--secrecy-term：保密期限有误：{message}"), None)
        }
        Error::AttachmentRefused { level } => (format!("{level}级文件不得添加电子附件"), None),
        Error::DueBeforeAssigned { due, assigned } => {
            (format!("办结时限 {due} 早于交办日期 {assigned}"), None)
        }
        Error::ReceivedInFuture { flag, date, today } => (
            format!("{flag} {date} 晚于今天（{today}）：签收时间不能在将来"),
            hint("请核对年份；--today 可指定另一天为今天"),
        ),
        Error::Refused { id, refusal } => refused(id, refusal),
        Error::Dangling { flag, target } => (format!("{flag} {target}：没有这条记录"), None),
        Error::WrongKind {
            flag,
            target,
            expected,
        } => (format!("{flag} {target}：应为{expected}"), None),
        Error::NoDecision { target, n } => (format!("{target}：会议没有第 {n} 项议定事项"), None),
        Error::AlreadyLinked { target, existing } => {
            (format!("{target} 已有督办事项 {existing}"), None)
        }
        Error::Unreadable {
            path,
            line,
            column,
            message,
        } => (
            format!(
                "{}:{line}:{column}：无法读取：{}",
                path.display(),
                super::zh_reader::translate(message)
            ),
            hint("请手工修正该文件或用 git 恢复；`taizhang check` 会列出全部问题"),
        ),
        Error::OutsideRegister { path } => (format!("{} 超出了台账目录", path.display()), None),
        Error::Locked { seconds } => (
            format!("另一个 taizhang 命令正在写入台账，已等待 {seconds} 秒"),
            hint("如果没有其他命令在运行，请重试"),
        ),
        Error::CommitFailed { what, message } => (
            format!("{what} 已写入，但 git 提交失败：{message}"),
            hint("记录已保存；问题解决后请用 git 提交（`taizhang check` 会列出未提交的记录）"),
        ),
        Error::Git { message } => (format!("git 出错：{message}"), None),
        Error::CheckFailed { errors, warnings } => {
            (format!("台账有 {errors} 个错误、{warnings} 个警告"), None)
        }
        Error::Other(message) => (message.clone(), None),
        Error::BadLang { input } => (
            format!("--lang：“{input}”不是可用的语言"),
            hint("可用 en 或 zh"),
        ),
        Error::BadPeriod { flag, source } => (
            format!("{flag}：无法识别统计期间“{}”", source.input),
            Some(format!(
                "可用格式：{}（本周、上周、本月、上月、本季度、本年亦可）",
                crate::model::period::PERIOD_FORMS
            )),
        ),
        Error::AlreadyAnswers { out, existing } => {
            (format!("{out} 已是对 {existing} 的答复"), None)
        }
    }
}

pub(super) fn keyword_name(what: &str) -> &str {
    match what {
        "urgency" => "紧急程度",
        "secrecy level" => "密级",
        "document type" => "文种",
        "retention period" => "保管期限",
        "channel" => "来文方式",
        "handling" => "办件类型",
        "direction" => "行文方向",
        "disclosure" => "公开属性",
        "source" => "督办来源",
        "feedback interval" => "反馈频次",
        "chase level" => "催办级别",
        "record kind" => "记录类别",
        "follow-up status" => "督办状态",
        "incoming status" => "收文状态",
        "outgoing status" => "发文状态",
        "meeting status" => "会议状态",
        other => other,
    }
}

pub fn step_name(step: Step) -> &'static str {
    match step {
        Step::Progress => "登记进展",
        Step::Done => "办结",
        Step::Verify => "审核销号",
        Step::Extend => "延期",
        Step::Chase => "催办",
        Step::Cancel => "撤项",
        Step::Reopen => "重新打开",
        Step::DocDone => "办结",
        Step::DocPropose => "拟办",
        Step::DocInstruct => "批示",
        Step::DocRoute => "传阅",
        Step::DocBack => "收回",
        Step::DocAssign => "交办",
        Step::DocReply => "答复",
        Step::DocReturn => "退文",
        Step::DocIssue => "印发",
        Step::DocRevoke => "撤销",
        Step::MeetingHeld => "登记召开",
        Step::MeetingCancel => "取消会议",
        Step::MeetingMinutes => "登记纪要",
        Step::MeetingDecide => "登记议定事项",
    }
}

fn refused(id: &str, refusal: &Refusal) -> (String, Option<String>) {
    let step = step_name(refusal.step);
    let status = refusal.status_zh;
    let message = match refusal.reason {
        Some("info") => format!("{id} 是阅件，不能{step}（{step}只用于办件）"),
        Some("holding") => format!(
            "{id} 已在 {} 处传阅，未收回前不能再次送其{step}",
            refusal.detail.as_deref().unwrap_or_default()
        ),
        Some("not-holding") => format!(
            "{id} 不在 {} 处，无需收回",
            refusal.detail.as_deref().unwrap_or_default()
        ),
        Some("unsigned") => format!("{id} 是未签发的文稿，不能{step}"),
        Some("unassigned") => format!("{id} {status}，尚未交办，不能{step}"),
        Some("not-later") => format!("{id} 的新期限必须晚于现行期限"),
        _ => format!("{id} {status}，不能{step}"),
    };
    let hint = match (refusal.status, refusal.step) {
        (_, _) if refusal.reason == Some("unassigned") => {
            Some(format!("请先交办：taizhang doc assign {id} --lead 单位"))
        }
        (_, step) if !step.is_followup() && refusal.reason == Some("holding") => Some(format!(
            "请先收回：taizhang doc back {id} --from {}",
            refusal.detail.as_deref().unwrap_or("…")
        )),
        (_, step) if !step.is_followup() && refusal.reason == Some("unsigned") => Some(format!(
            "请给出成文日期：taizhang doc issue {id} --signed 日期"
        )),
        (_, step) if !step.is_followup() => allowed(&refusal.allowed),
        ("closed" | "cancelled", Step::Reopen) => None,
        ("closed" | "cancelled", _) => {
            Some(format!("请先重新打开：taizhang reopen {id} --reason …"))
        }
        ("submitted", _) => Some(format!(
            "已报结待审核：taizhang verify {id}，或退回：taizhang reopen {id} --reason …"
        )),
        (_, Step::Verify) => Some(format!(
            "只有已报结的事项才能审核；请先运行 `taizhang done {id}`"
        )),
        (_, Step::Reopen) => Some("该事项仍在办理中".to_string()),
        _ => None,
    };
    (message, hint)
}

/// 提示当前状态下可以做的步骤。
fn allowed(steps: &[Step]) -> Option<String> {
    if steps.is_empty() {
        return Some("当前状态下不能再做任何处理".to_string());
    }
    let names: Vec<String> = steps
        .iter()
        .map(|s| format!("{}（taizhang {}）", step_name(*s), s.command()))
        .collect();
    Some(format!("当前可以：{}", names.join("、")))
}

pub fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::IncomingSlip => "收文处理单",
        Phrase::OutgoingSlip => "发文处理单",
        Phrase::MeetingSheet => "会议",
        Phrase::Timeline => "办理经过",
        Phrase::HeldBy => "当前在",
        Phrase::Nobody => "无",
        Phrase::Next => "下一步",
        Phrase::NothingNext => "无需再处理",
        Phrase::FuClosed => "办结",
        Phrase::FuOpen => "在办",
        Phrase::FuOverdue => "逾期",
        Phrase::FuCancelled => "撤项",
        Phrase::FuNone => "未立项",
        Phrase::FuMissing => "督办事项缺失",
        Phrase::Out => "送出",
        Phrase::Back => "收回",
        Phrase::NotBack => "尚未收回",
    }
}

pub fn action(action: &str, note: Option<&str>) -> String {
    let note = note.unwrap_or_default();
    let with_note = |words: &str| {
        if note.is_empty() {
            words.to_string()
        } else {
            format!("{words}：{note}")
        }
    };
    match action {
        "log" => "登记".to_string(),
        "propose" => with_note("拟办"),
        "instruct" => format!("领导批示（{note}）"),
        "route" => format!("送{note}传阅"),
        "back" => format!("{note}阅毕收回"),
        "assign" => format!("交{note}承办"),
        "followup" => format!("立督办事项 {note}"),
        "done" => with_note("办结"),
        "reply" => with_note("答复"),
        "return" => with_note("退文"),
        "issue" => with_note("印发"),
        "revoke" => with_note("撤销"),
        "held" => "会议召开".to_string(),
        "cancel" => with_note("取消"),
        "minutes" => with_note("纪要"),
        "decide" => with_note("议定事项"),
        other => with_note(other),
    }
}

pub fn decision_tally(total: usize, closed: usize, overdue: usize) -> String {
    let mut text = format!("议定事项{total}件，已办结{closed}件");
    if overdue > 0 {
        text.push_str(&format!("，逾期{overdue}件"));
    }
    text
}

pub fn days_left(days_left: i64) -> String {
    match days_left {
        0 => "今日到期".to_string(),
        d if d < 0 => format!("逾期{}天", -d),
        d => format!("还有{d}天到期"),
    }
}

pub fn field_in(scope: &str, key: &str) -> Option<&'static str> {
    Some(match (scope, key) {
        ("followup", "lead") => "牵头单位",
        ("followup", "result") => "办理结果",
        ("followup", "notes") => "备注",
        ("meeting", "status") => "会议状态",
        ("extensions", "from") => "原期限",
        ("extensions", "to") => "延期至",
        ("extensions", "reason") => "延期理由",
        ("extensions", "on") => "批准日期",
        ("circulation", "to") => "传阅人",
        ("circulation", "out") => "送出",
        ("circulation", "back") => "收回",
        ("chases", "via") => "催办方式",
        ("chases", "level") => "级别",
        ("chases", "on") => "催办日期",
        ("chases", "by") => "催办人",
        ("progress", "note") => "进展情况",
        ("progress", "on") => "日期",
        ("progress", "by") => "填报人",
        ("result", "report") => "办理情况",
        ("result", "submitted") => "报结日期",
        ("result", "closed") => "销号日期",
        ("result", "closed_by") => "销号人",
        ("decisions", "n") => "序号",
        ("decisions", "text") => "议定内容",
        ("decisions", "lead") => "牵头单位",
        ("decisions", "due") => "期限",
        ("decisions", "followup") => "督办事项",
        ("agenda", "title") => "议题",
        ("agenda", "presenter") => "汇报人",
        ("absent", "name") => "姓名",
        ("absent", "reason") => "缺席原因",
        ("instructions", "by") | ("proposal", "by") => "签批人",
        ("instructions", "text") | ("proposal", "text") => "意见",
        ("instructions", "on") | ("proposal", "on") => "日期",
        ("reply", "on") => "答复日期",
        ("reply", "via") => "答复方式",
        ("reply", "ref") => "复文",
        ("attachments", "name") => "文件名",
        ("attachments", "path") => "位置",
        _ => return None,
    })
}

pub fn followup_action(action: &str, note: Option<&str>) -> String {
    let words = match action {
        "assign" => "交办",
        "progress" => "进展",
        "done" => "办结",
        "verify" => "审核销号",
        "extend" => "延期",
        "chase" => "催办",
        "cancel" => "撤项",
        "reopen" => "退回重办",
        other => other,
    };
    match note.filter(|n| !n.is_empty()) {
        Some(note) => format!("{words}：{note}"),
        None => words.to_string(),
    }
}

pub fn closed_against_due(closed: jiff::civil::Date, days_late: i64) -> String {
    if days_late <= 0 {
        format!("{closed}按期办结")
    } else {
        format!("{closed}办结，超期{days_late}天")
    }
}

pub fn note(note: &Note) -> String {
    match note {
        Note::EmptyTitle => "标题为空".into(),
        Note::EmptySender => "来文机关为空".into(),
        Note::DeadlineNeeded { urgency } => {
            let word = match *urgency {
                "very-urgent" => "特急",
                _ => "加急",
            };
            format!("{word}办件必须有办理时限")
        }
        Note::CompletedBeforeReceived { done, received } => {
            format!("办结日期 {done} 早于签收日期 {received}")
        }
        Note::RoutingBackBeforeOut { n, to, back, out } => {
            format!("第{n}次传阅（{to}）：收回 {back} 早于送出 {out}")
        }
        Note::RoutingSecondCopy { n, to, first } => {
            format!("第{n}次传阅又送{to}，而第{first}次送出的尚未收回")
        }
        Note::RoutingOutBeforeBack { n, to } => format!("第{n}次传阅送{to}时，上一份尚未收回"),
        Note::RepliedWithoutReply => "状态为已答复，但没有答复记录".into(),
        Note::DoneWithoutDate => "状态为已办结，但没有办结日期".into(),
        Note::UpwardWithoutSigner => "上行文必须有签发人".into(),
        Note::NoAddressee => "没有主送机关".into(),
        Note::IssuedWithoutPrintDate => "状态为已印发，但没有印发日期".into(),
        Note::EmptyLead => "牵头单位为空".into(),
        Note::DueBeforeAssigned { due, assigned } => {
            format!("办结时限 {due} 早于交办日期 {assigned}")
        }
        Note::ClosedBeforeAssigned { closed, assigned } => {
            format!("销号日期 {closed} 早于交办日期 {assigned}")
        }
        Note::ClosedWithoutDate => "状态为已办结，但 result.closed 没有日期".into(),
        Note::ExtensionNotLater { to, previous } => {
            format!("延期至 {to} 并不晚于原期限 {previous}")
        }
        Note::DecisionTwice { n } => format!("第{n}项议定事项出现两次"),
        Note::MinutedWithoutMinutes => "状态为已印发纪要，但没有会议纪要".into(),
        Note::UnknownBookField { key, book } => format!("未知字段 `{key}`（登记簿 {book} 未声明）"),
        Note::UndeclaredBook { book } => format!("登记簿 {book} 未在 taizhang.toml 中声明"),
        Note::UnknownField { name } => format!("未知字段 `{name}`（是否写错？已原样保留）"),
        Note::ClassifiedWithoutTerm { level } => {
            let word = match *level {
                "top-secret" => "绝密",
                "highly-secret" => "机密",
                _ => "秘密",
            };
            format!("{word}文件未标注保密期限")
        }
        Note::DuplicateId { id } => format!("编号 {id} 被多个文件使用"),
        Note::MissingRecord { id } => format!("{id} 不存在"),
        Note::MissingFollowup { id } => format!("督办事项 {id} 不存在"),
        Note::MissingReplyDocument { id } => format!("复文 {id} 不存在"),
        Note::ReplyNotLinkedBack { reference, id } => {
            format!("{reference} 的 in_reply_to 没有指向 {id}")
        }
        Note::NotOutgoing { id } => format!("{id} 不是发文"),
        Note::NotIncoming { id } => format!("{id} 不是收文"),
        Note::DuplicateNumber { number, first } => format!("发文字号 {number} 与 {first} 重复"),
        Note::NoDecision { id, n } => format!("{id} 没有第{n}项议定事项"),
        Note::DecisionFollowupMissing { n, followup } => {
            format!("第{n}项议定事项：督办事项 {followup} 不存在")
        }
        Note::DecisionNotLinkedBack {
            n,
            followup,
            meeting,
        } => {
            format!("第{n}项议定事项：督办事项 {followup} 的来源不是 {meeting}#{n}")
        }
        Note::DecisionNotFollowup { n, followup } => {
            format!("第{n}项议定事项：{followup} 不是督办事项")
        }
        Note::MinutesMissing { id } => format!("会议纪要 {id} 不存在"),
        Note::IdMismatch { id, stem } => format!("编号 {id} 与文件名 {stem} 不一致"),
        Note::Stray => "不是记录文件（记录文件名形如 IN-2026-0042.yaml）".into(),
        Note::Uncommitted => "尚未提交到 git（请提交，或用 git 恢复）".into(),
        Note::NoHolidays { year } => {
            format!("工作日历没有 {year} 年的节假日；请按国务院办公厅通知补充")
        }
        Note::DayOff { due } => {
            const DAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            let day = DAYS[usize::from(due.weekday().to_monday_zero_offset().unsigned_abs())];
            format!("期限 {due}（{day}）不是工作日")
        }
        Note::Text(text) => super::zh_reader::translate(text),
    }
}

pub fn created_register(path: &std::path::Path) -> String {
    format!("已在 {} 新建台账", path.display())
}

pub fn check_clean(records: usize) -> String {
    format!("台账检查通过：共 {records} 条记录，未发现问题")
}
