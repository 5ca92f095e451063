//! Words of the web view (`serve`) and the printed forms (`show ID
//! --format html`), both languages side by side.

use super::{Lang, say, words};

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
        Seal => "(seal)" / "（盖章）",
        Print => "Print" / "打印",
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
