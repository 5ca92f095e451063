//! Words of the web view (`serve`) and the printed forms (`show ID
//! --format html`), both languages side by side.

use super::{Lang, say, words};
use crate::error::ServeRefusal;

words! {
    /// The printed office forms: their titles and the boxes on them.
    Form {
        IncomingSlip => "Incoming document handling form" / "收文处理单",
        OutgoingSlip => "Outgoing document draft sheet" / "发文稿纸",
        FollowupNotice => "Follow-up notice" / "督办通知单",
        Letter => "Letter of introduction" / "介绍信",
        Stub => "Stub" / "存根",
        ReceivedNo => "Receipt No." / "收文号",
        Received => "Received" / "收文日期",
        Secrecy => "Classification" / "密级",
        Urgency => "Urgency" / "紧急程度",
        Subject => "Subject" / "标题",
        Copies => "Copies" / "份数",
        Proposal => "Proposed handling" / "拟办意见",
        Instructions => "Leader's instructions" / "领导批示",
        Handler => "Handled by" / "承办",
        Result => "Outcome" / "办理结果",
        Drafter => "Drafted by" / "拟稿",
        Checker => "Checked by" / "核稿",
        Countersign => "Countersigned by" / "会签",
        Signer => "Signed off by" / "签发",
        MainTo => "To" / "主送",
        Cc => "Cc" / "抄送",
        Printed => "Printed, copies" / "印发 份数",
        DocNumber => "Document No." / "文号",
        Matter => "Matter" / "事项",
        Requirement => "Requirement" / "要求",
        Lead => "Lead unit" / "牵头单位",
        Support => "Supporting units" / "配合单位",
        Deadline => "Deadline" / "时限",
        Feedback => "Reporting" / "反馈方式",
        Signature => "Signature and date" / "签名及日期",
        Milestones => "Milestones" / "节点",
        Parts => "Parts" / "分解子项",
        State => "State" / "办理状态",
        Seal => "(seal)" / "（盖章）",
        Sender => "From" / "来文机关",
    }
}

/// The body of a letter of introduction: who goes where, how many, why.
pub fn letter_text(lang: Lang, to: &str, bearer: &str, headcount: &str, purpose: &str) -> String {
    say!(
        lang,
        "To {to}: this introduces {bearer} and party ({headcount} in all), coming to you on: {purpose}. Please receive them.",
        "{to}：兹介绍{bearer}等{headcount}名同志前往贵处联系{purpose}事宜，请接洽。"
    )
}

/// How long a letter is good for.
pub fn letter_valid(lang: Lang, until: &str) -> String {
    say!(lang, "Valid until {until}", "有效期至{until}")
}

words! {
    /// The pages of `serve`: navigation, filters, refusals.
    Web {
        Desk => "Desk" / "今日工作台",
        Board => "Follow-up board" / "督办看板",
        List => "Search" / "查询",
        Summary => "Brief" / "工作简报",
        Language => "中文" / "English",
        Unit => "Lead unit" / "牵头单位",
        Owner => "Owner" / "责任人",
        Person => "Person (any role)" / "人员（任何身份）",
        Source => "Source" / "来源",
        Leader => "Assigned by" / "交办领导",
        Kind => "Kind" / "类别",
        Status => "Status" / "状态",
        Text => "Text" / "关键词",
        Since => "From" / "起始日期",
        Until => "To" / "截止日期",
        Period => "Period" / "期间",
        Go => "Show" / "查看",
        Previous => "Previous" / "上一页",
        Next => "Next" / "下一页",
        Print => "Print the form" / "打印表单",
        NoneOpen => "No open follow-up is due." / "没有到期的在办督办事项。",
        NotFound => "Not found" / "未找到",
        Unauthorized => "This page needs the access code given when the server started (open the link it printed)." / "需要启动时给出的访问码（请打开启动时打印的链接）。",
        MethodNotAllowed => "This view is read-only." / "本页面只读。",
        BadRequest => "Bad request" / "请求有误",
        Failed => "The register could not be read" / "无法读取台账",
        Withheld => "Classified: withheld in the web view." / "涉密内容：网页中不显示。",
        ReadOnly => "Read-only view of the register" / "台账只读视图",
    }
}

/// "Page 2 of 7 (640 records)".
pub fn page_of(lang: Lang, page: usize, pages: usize, total: usize) -> String {
    say!(
        lang,
        "Page {page} of {pages} ({total} records)",
        "第 {page} / {pages} 页（共 {total} 条）"
    )
}

/// The 404 of a record's page.
pub fn no_record(lang: Lang, id: &str) -> String {
    say!(
        lang,
        "No record {id} in this register.",
        "台账中没有 {id}。"
    )
}

/// Why `serve` would not start.
pub fn serve_refusal(lang: Lang, refusal: &ServeRefusal) -> String {
    match refusal {
        ServeRefusal::ClassifiedOffLoopback { bind } => say!(
            lang,
            "--show-classified: not with --bind {bind}, which other machines can reach; classified titles are shown only on this machine (127.0.0.1)",
            "--show-classified：不能与 --bind {bind} 同用，其他机器可以访问该地址；涉密标题只在本机（127.0.0.1）显示"
        ),
        ServeRefusal::NoToken { name } => say!(
            lang,
            "--token-env {name}: the environment variable {name} is not set or empty",
            "--token-env {name}：环境变量 {name} 未设置或为空"
        ),
        ServeRefusal::Bind { bind, source } => say!(
            lang,
            "--bind {bind}: cannot listen there: {source}",
            "--bind {bind}：无法在此地址监听：{source}"
        ),
    }
}

/// What `serve` says when it starts: where to open it.
pub fn serving(lang: Lang, url: &str) -> String {
    say!(
        lang,
        "Serving the register read-only at {url} (Ctrl-C stops it)",
        "台账只读网页已启动：{url}（按 Ctrl-C 停止）"
    )
}
