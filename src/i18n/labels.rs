//! Fixed words: labels, short messages, phrases of the slips, field
//! labels, the names of keyword sets and of steps, each with both
//! languages side by side.

use super::{Lang, words};
use taizhang_core::model::transition::Step;

words! {
    /// Labels of table columns and headings.
    Label {
        Id => "ID" / "编号",
        Kind => "Kind" / "类别",
        Title => "Title" / "标题",
        Status => "Status" / "状态",
        Unit => "Unit" / "单位",
        Owner => "Owner" / "责任人",
        Party => "From/To" / "来文/主送",
        Date => "Date" / "日期",
        Due => "Due" / "期限",
        DaysLeft => "Days left" / "剩余天数",
        Overdue => "Overdue" / "逾期",
        History => "History" / "处理记录",
        Severity => "Severity" / "级别",
        File => "File" / "文件",
        Problem => "Problem" / "问题",
        Level => "Level" / "状态",
        LevelOverdue => "overdue" / "逾期",
        LevelDueToday => "due today" / "今日到期",
        LevelDueSoon => "due soon" / "即将到期",
        NoUnit => "(no unit yet)" / "（未交办）",
        NoOwner => "(no owner)" / "（未指定责任人）",
        Figure => "Figure" / "项目",
        Section => "Section" / "部分",
        Value => "Value" / "数值",
        Period => "Period" / "统计期间",
        Documents => "Documents" / "公文办理",
        Incoming => "Incoming documents" / "收文",
        Outgoing => "Outgoing documents" / "发文",
        IncomingDone => "Action documents completed" / "办件办结",
        IncomingPending => "Action documents pending" / "办件在办",
        IncomingOverdue => "Action documents overdue" / "办件逾期",
        Followups => "Follow-ups" / "督办事项",
        Assigned => "Assigned" / "交办",
        Closed => "Closed" / "办结",
        ClosedOnTime => "Closed on time" / "按期办结",
        OnTimeRate => "On-time rate" / "按期办结率",
        DueInPeriod => "Due in period" / "到期",
        DueClosed => "Due and closed" / "到期已办结",
        CompletionRate => "Completion rate" / "完成率",
        Open => "Open" / "在办",
        DaysOverdue => "Days overdue" / "逾期天数",
        ByUnit => "By lead unit" / "分单位情况",
        OverdueList => "Overdue follow-ups" / "逾期事项",
        LeadUnit => "Lead unit" / "牵头单位",
        Meetings => "Meetings" / "会议",
        MeetingsHeld => "Meetings held" / "召开会议",
        Decisions => "Decisions" / "议定事项",
        Logbooks => "Logbook entries" / "登记簿",
        AwaitingHandling => "Documents awaiting handling" / "待办文件",
        NextDeadlines => "Deadlines in the next 7 days" / "未来7天到期",
        WeekMeetings => "Meetings in the next 7 days" / "未来7天会议",
        OverdueAndSoon => "Overdue and due soon" / "逾期及即将到期",
        Received => "Received" / "签收",
        Start => "Start" / "时间",
        SheetFollowups => "Follow-ups" / "督办",
        Rules => "Rules and regulations" / "制度",
    }
}

words! {
    /// Fixed words and short phrases.
    Message {
        Error => "error" / "错误",
        Warning => "warning" / "警告",
        Hint => "hint" / "提示",
        Skipped => "skipped" / "已跳过",
        NothingFound => "no records match" / "没有符合条件的记录",
        Yes => "yes" / "是",
        No => "no" / "否",
        DeskClear => "Nothing needs you today." / "今日没有待办事项。",
        Reading => "Reading the register" / "正在读取台账",
        Exporting => "Exporting" / "正在导出",
        Importing => "Importing" / "正在导入",
    }
}

words! {
    /// Words of the handling slip (处理单) and the meeting sheet.
    Phrase {
        IncomingSlip => "Incoming document handling slip" / "收文处理单",
        OutgoingSlip => "Outgoing document slip" / "发文处理单",
        MeetingSheet => "Meeting" / "会议",
        Timeline => "Timeline" / "办理经过",
        HeldBy => "Now with" / "当前在",
        Nobody => "nobody" / "无",
        Next => "Next" / "下一步",
        NothingNext => "nothing more to do" / "无需再处理",
        FuClosed => "closed" / "办结",
        FuOpen => "in progress" / "在办",
        FuOverdue => "overdue" / "逾期",
        FuCancelled => "cancelled" / "撤项",
        FuNone => "no follow-up" / "未立项",
        FuMissing => "follow-up missing" / "督办事项缺失",
        Out => "out" / "送出",
        Back => "back" / "收回",
        NotBack => "not back yet" / "尚未收回",
    }
}

/// Record fields by stored key: (key, English, Chinese).
const FIELDS: &[(&str, &str, &str)] = &[
    ("id", "id", "编号"),
    ("title", "title", "标题"),
    ("legacy_id", "former number", "原编号"),
    ("status", "status", "状态"),
    ("sender", "sender", "来文机关"),
    ("sender_ref", "sender's ref", "来文字号"),
    ("doc_type", "type", "文种"),
    ("received", "received", "签收时间"),
    ("received_by", "received by", "签收人"),
    ("channel", "channel", "来文方式"),
    ("urgency", "urgency", "紧急程度"),
    ("secrecy", "secrecy", "密级"),
    ("secrecy_term", "secrecy term", "保密期限"),
    ("internal", "internal", "内部"),
    ("copies", "copies", "份数"),
    ("pages", "pages", "页数"),
    ("handling", "handling", "办件类型"),
    ("proposal", "proposal", "拟办意见"),
    ("instructions", "instructions", "领导批示"),
    ("lead", "lead unit", "主办单位"),
    ("support", "support", "协办单位"),
    ("deadline", "deadline", "办理时限"),
    ("circulation", "circulation", "传阅"),
    ("result", "result", "办理结果"),
    ("completed", "completed", "办结日期"),
    ("reply", "reply", "答复"),
    ("followups", "followups", "督办事项"),
    ("archive", "archive", "归档"),
    ("attachments", "attachments", "附件"),
    ("notes", "notes", "备注"),
    ("created", "created", "登记时间"),
    ("history", "history", "处理记录"),
    ("doc_number", "document number", "发文字号"),
    ("series", "series", "发文系列"),
    ("direction", "direction", "行文方向"),
    ("to", "to", "主送"),
    ("cc", "cc", "抄送"),
    ("drafter", "drafter", "拟稿人"),
    ("drafting_unit", "drafting unit", "拟稿单位"),
    ("signer", "signer", "签发人"),
    ("signed", "signed", "成文日期"),
    ("printed", "printed", "印发日期"),
    ("print_copies", "copies printed", "印数"),
    ("disclosure", "disclosure", "公开属性"),
    ("in_reply_to", "in reply to", "答复来文"),
    ("requirement", "requirement", "办理要求"),
    ("source", "source", "来源"),
    ("source_ref", "source ref", "来源编号"),
    ("assigned_by", "assigned by", "交办领导"),
    ("approved_by", "approved by", "批准人"),
    ("closed_by", "closed by", "销号人"),
    ("supervisor", "supervisor", "分管领导"),
    ("owner", "owner", "责任人"),
    ("assigned", "assigned", "交办日期"),
    ("due", "due", "办结时限"),
    ("feedback", "feedback", "反馈频次"),
    ("extensions", "extensions", "延期"),
    ("progress", "progress", "进展"),
    ("chases", "chases", "催办"),
    ("type", "type", "会议类型"),
    ("start", "start", "开始时间"),
    ("end", "end", "结束时间"),
    ("venue", "venue", "地点"),
    ("host", "host", "主持人"),
    ("recorder", "recorder", "记录人"),
    ("attendees", "attendees", "出席"),
    ("absent", "absent", "缺席"),
    ("observers", "observers", "列席"),
    ("agenda", "agenda", "议程"),
    ("decisions", "decisions", "议定事项"),
    ("minutes", "minutes", "会议纪要"),
    ("kind", "kind", "类别"),
    ("latest_progress", "latest progress", "最新进展"),
    ("finished", "finished", "是否办结"),
    ("completion", "completion", "完成情况"),
    ("every", "repeats", "重复周期"),
    ("series_ended", "series ended", "系列结束日期"),
];

/// Fields whose label depends on where they appear:
/// (scope, key, English, Chinese).
const FIELDS_IN: &[(&str, &str, &str, &str)] = &[
    ("followup", "lead", "lead unit", "牵头单位"),
    ("followup", "series", "series", "重复系列"),
    ("meeting", "series", "series", "例会系列"),
    ("followup", "result", "result", "办理结果"),
    ("followup", "notes", "notes", "备注"),
    ("followup", "effective_due", "due (extended)", "延期后时限"),
    ("followup", "closed", "closed on", "办结日期"),
    ("followup", "report", "report", "办理情况"),
    ("incoming", "archive", "archive number", "档号"),
    ("incoming", "archived", "archived on", "归档日期"),
    ("outgoing", "archived", "archived on", "归档日期"),
    ("followup", "submitted", "submitted on", "报结日期"),
    ("followup", "parent", "part of", "所属事项"),
    ("followup", "milestones", "milestones", "节点"),
    ("milestones", "due", "due", "节点时限"),
    ("milestones", "text", "step", "节点内容"),
    ("milestones", "done", "done on", "完成日期"),
    ("outgoing", "archive", "archive number", "档号"),
    ("meeting", "decisions", "decisions", "议定事项数"),
    ("meeting", "status", "status", "会议状态"),
    ("extensions", "from", "was due", "原期限"),
    ("extensions", "to", "extended to", "延期至"),
    ("extensions", "reason", "reason", "延期理由"),
    ("extensions", "on", "on", "批准日期"),
    ("circulation", "to", "routed to", "传阅人"),
    ("circulation", "out", "out", "送出"),
    ("circulation", "back", "back", "收回"),
    ("chases", "via", "via", "催办方式"),
    ("chases", "level", "level", "级别"),
    ("chases", "on", "on", "催办日期"),
    ("chases", "by", "by", "催办人"),
    ("progress", "note", "note", "进展情况"),
    ("progress", "on", "on", "日期"),
    ("progress", "by", "by", "填报人"),
    ("result", "report", "report", "办理情况"),
    ("result", "submitted", "submitted on", "报结日期"),
    ("result", "closed", "closed on", "销号日期"),
    ("result", "closed_by", "closed by", "销号人"),
    ("decisions", "n", "n", "序号"),
    ("decisions", "text", "text", "议定内容"),
    ("decisions", "lead", "lead unit", "牵头单位"),
    ("decisions", "due", "due", "期限"),
    ("decisions", "followup", "followup", "督办事项"),
    ("agenda", "title", "title", "议题"),
    ("agenda", "presenter", "presenter", "汇报人"),
    ("absent", "name", "name", "姓名"),
    ("absent", "reason", "reason", "缺席原因"),
    ("instructions", "by", "by", "签批人"),
    ("proposal", "by", "by", "签批人"),
    ("instructions", "text", "text", "意见"),
    ("proposal", "text", "text", "意见"),
    ("instructions", "on", "on", "日期"),
    ("proposal", "on", "on", "日期"),
    ("reply", "on", "on", "答复日期"),
    ("reply", "via", "via", "答复方式"),
    ("reply", "ref", "ref", "复文"),
    ("attachments", "name", "name", "文件名"),
    ("attachments", "path", "path", "位置"),
];

pub(super) fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The label of a field by its key; an unknown key is shown as it is.
pub(super) fn field(lang: Lang, key: &str) -> &str {
    FIELDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, zh)| pick(lang, en, zh))
        .or_else(|| super::outgoing::plain_field(lang, key))
        .unwrap_or(key)
}

/// The label of `key` inside `scope`, when it differs from the plain one.
pub(super) fn field_in(lang: Lang, scope: &str, key: &str) -> Option<&'static str> {
    FIELDS_IN
        .iter()
        .find(|(s, k, _, _)| *s == scope && *k == key)
        .map(|(_, _, en, zh)| pick(lang, en, zh))
        .or_else(|| super::by_kind::field(lang, scope, key))
        .or_else(|| super::outgoing::field(lang, scope, key))
}

/// What each set of keywords is called, by its `Keyword::NAME`:
/// (name, English, Chinese).
const KEYWORD_SETS: &[(&str, &str, &str)] = &[
    ("urgency", "urgency", "紧急程度"),
    ("secrecy level", "secrecy level", "密级"),
    ("document type", "document type", "文种"),
    ("retention period", "retention period", "保管期限"),
    ("channel", "channel", "来文方式"),
    ("handling", "handling", "办件类型"),
    ("direction", "direction", "行文方向"),
    ("disclosure", "disclosure", "公开属性"),
    ("source", "source", "督办来源"),
    ("feedback interval", "feedback interval", "反馈频次"),
    ("chase level", "chase level", "催办级别"),
    ("record kind", "record kind", "记录类别"),
    ("follow-up status", "follow-up status", "督办状态"),
    ("incoming status", "incoming status", "收文状态"),
    ("outgoing status", "outgoing status", "发文状态"),
    ("meeting status", "meeting status", "会议状态"),
];

pub(super) fn keyword_set(lang: Lang, name: &str) -> &str {
    KEYWORD_SETS
        .iter()
        .chain(super::by_kind::keyword_sets())
        .find(|(n, _, _)| *n == name)
        .map_or(name, |(_, en, zh)| pick(lang, en, zh))
}

/// A step as people say it: the command in English, the act in Chinese.
pub(super) fn step(lang: Lang, step: Step) -> &'static str {
    let zh = match step {
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
        Step::Kind(step) => super::by_kind::step_zh(step),
        Step::DocReview | Step::DocCountersign | Step::DocSign => {
            super::outgoing::step_zh(step).unwrap_or_default()
        }
        Step::MeetingIssueMinutes => super::meeting::step_zh(step).unwrap_or_default(),
    };
    pick(lang, step.command(), zh)
}
