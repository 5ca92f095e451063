//! The English catalogue.

use super::{Label, Message};
use crate::error::Error;
use crate::model::transition::{Refusal, Step};

pub fn label(label: Label) -> &'static str {
    match label {
        Label::Id => "ID",
        Label::Kind => "Kind",
        Label::Title => "Title",
        Label::Status => "Status",
        Label::Unit => "Unit",
        Label::Owner => "Owner",
        Label::Party => "From/To",
        Label::Date => "Date",
        Label::Due => "Due",
        Label::DaysLeft => "Days left",
        Label::Overdue => "Overdue",
        Label::History => "History",
        Label::Severity => "Severity",
        Label::File => "File",
        Label::Problem => "Problem",
        Label::Level => "Level",
        Label::LevelOverdue => "overdue",
        Label::LevelDueToday => "due today",
        Label::LevelDueSoon => "due soon",
        Label::NoUnit => "(no unit yet)",
        Label::NoOwner => "(no owner)",
        Label::Figure => "Figure",
        Label::Value => "Value",
        Label::Period => "Period",
        Label::Documents => "Documents",
        Label::Incoming => "Incoming documents",
        Label::Outgoing => "Outgoing documents",
        Label::ByUrgency => "Incoming by urgency",
        Label::ByHandling => "Incoming by handling",
        Label::IncomingDone => "Action documents completed",
        Label::IncomingPending => "Action documents pending",
        Label::IncomingOverdue => "Action documents overdue",
        Label::Followups => "Follow-ups",
        Label::Assigned => "Assigned",
        Label::Closed => "Closed",
        Label::ClosedOnTime => "Closed on time",
        Label::OnTimeRate => "On-time rate",
        Label::DueInPeriod => "Due in period",
        Label::DueClosed => "Due and closed",
        Label::CompletionRate => "Completion rate",
        Label::Open => "Open",
        Label::DaysOverdue => "Days overdue",
        Label::ByUnit => "By lead unit",
        Label::OverdueList => "Overdue follow-ups",
        Label::LeadUnit => "Lead unit",
        Label::Meetings => "Meetings",
        Label::MeetingsHeld => "Meetings held",
        Label::Decisions => "Decisions",
        Label::Logbooks => "Logbook entries",
        Label::AwaitingHandling => "Documents awaiting handling",
        Label::NextDeadlines => "Deadlines in the next 7 days",
        Label::WeekMeetings => "Meetings in the next 7 days",
        Label::OverdueAndSoon => "Overdue and due soon",
        Label::Received => "Received",
        Label::Start => "Start",
    }
}

pub fn message(message: Message) -> &'static str {
    match message {
        Message::Error => "error",
        Message::Warning => "warning",
        Message::Hint => "hint",
        Message::Skipped => "skipped",
        Message::NothingFound => "no records match",
        Message::CheckClean => "register is valid",
        Message::CheckSummary => "problems",
        Message::Uncommitted => "not committed to git",
        Message::Yes => "yes",
        Message::No => "no",
        Message::DaysOverdue => "days overdue",
        Message::DaysLeft => "days left",
        Message::DueToday => "due today",
        Message::DeskClear => "Nothing needs you today.",
    }
}

pub fn field(key: &str) -> &str {
    match key {
        "doc_type" => "type",
        "sender_ref" => "sender's ref",
        "received_by" => "received by",
        "secrecy_term" => "secrecy term",
        "doc_number" => "document number",
        "drafting_unit" => "drafting unit",
        "print_copies" => "copies printed",
        "in_reply_to" => "in reply to",
        "source_ref" => "source ref",
        "assigned_by" => "assigned by",
        other => other,
    }
}

pub fn error(error: &Error) -> (String, Option<String>) {
    let hint = |s: &str| Some(s.to_string());
    match error {
        Error::NoRegister { .. } => (
            error.to_string(),
            hint("run `taizhang init` to create one, or name it with -C DIR or TAIZHANG_REGISTER"),
        ),
        Error::BadKeyword { flag, source } => (
            format!("{flag}: '{}' is not a valid {}", source.input, source.what),
            Some(format!("accepted: {}", source.accepted)),
        ),
        Error::BadSpan { .. } => (error.to_string(), hint("write a span like 3d, 2w or 1m")),
        Error::BadId { .. } => (
            error.to_string(),
            hint("IDs look like IN-2026-0042; the short form IN-42 means this year's"),
        ),
        Error::NotFound { .. } => (
            error.to_string(),
            hint("`taizhang list` shows what there is"),
        ),
        Error::UnknownKind { input, books } => (
            error.to_string(),
            Some(format!(
                "kinds: incoming (in), outgoing (out), document, followup (fu), meeting (mt){}{}; not '{input}'",
                if books.is_empty() { "" } else { ", logbooks: " },
                books.join(", ")
            )),
        ),
        Error::UnknownUnit { known, .. } => (
            error.to_string(),
            Some(format!(
                "units: {} (add new ones to taizhang.toml)",
                known.join(", ")
            )),
        ),
        Error::UnknownSeries { known, .. } => (
            error.to_string(),
            Some(format!("series: {}", known.join(", "))),
        ),
        Error::NoSeries => (
            error.to_string(),
            hint("add one to taizhang.toml: [[series]] name = \"发文\" issuer = \"市交发\""),
        ),
        Error::Refused { id, refusal } => refused(id, refusal),
        Error::Unreadable { .. } => (
            error.to_string(),
            hint(
                "fix the file by hand, or restore it with git; `taizhang check` lists every problem",
            ),
        ),
        Error::Locked { .. } => (
            error.to_string(),
            hint("if no other command is running, try again"),
        ),
        Error::CommitFailed { .. } => (
            error.to_string(),
            hint(
                "the record is saved; commit it with git once the problem is fixed (`taizhang check` lists uncommitted records)",
            ),
        ),
        Error::CheckFailed { errors, warnings } => (
            format!("the register has {errors} error(s) and {warnings} warning(s)"),
            None,
        ),
        other => (other.to_string(), None),
    }
}

fn refused(id: &str, refusal: &Refusal) -> (String, Option<String>) {
    let step = refusal.step.command();
    let status = refusal.status;
    let message = match refusal.reason {
        Some("info") => format!("{id} is an info item (for reading); `{step}` is for action items"),
        Some("unassigned") => format!("{id} is {status} and not yet assigned; cannot `{step}`"),
        Some("not-later") => {
            format!("the new due date of {id} must be later than the one in force")
        }
        _ => format!("{id} is {status}; cannot `{step}`"),
    };
    let hint = match (refusal.status, refusal.step) {
        (_, _) if refusal.reason == Some("unassigned") => Some(format!(
            "assign it first: taizhang doc assign {id} --lead UNIT"
        )),
        ("closed" | "cancelled", Step::Reopen) => None,
        ("closed" | "cancelled", _) => {
            Some(format!("reopen it first: taizhang reopen {id} --reason …"))
        }
        ("submitted", _) => Some(format!(
            "it awaits verification: taizhang verify {id}, or send it back: taizhang reopen {id} --reason …"
        )),
        (_, Step::Verify) => Some(format!(
            "only a submitted follow-up is verified; run `taizhang done {id}` first"
        )),
        (_, Step::Reopen) => Some("it is still open".to_string()),
        _ => None,
    };
    (message, hint)
}
