//! The English catalogue.

use super::{Label, Message, Phrase};
use crate::error::Error;
use crate::i18n::SyncNote;
use crate::model::transition::{Refusal, Step};
use crate::model::validate::Note;

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
        Message::Yes => "yes",
        Message::No => "no",
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
        "lead" => "lead unit",
        "approved_by" => "approved by",
        "closed_by" => "closed by",
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
        Error::ReceivedInFuture { .. } => (
            error.to_string(),
            hint("check the year; --today sets another day as today"),
        ),
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
        Error::IdMismatch { .. } => (
            error.to_string(),
            hint(
                "a record is the file it is in: correct the `id:` line, or restore the file with git; nothing was written",
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
        Error::GitMissing => (
            format!("{error}; nothing was written"),
            hint(
                "install git or put it on PATH; or write without committing with --no-commit (or git.autocommit = false in taizhang.toml)",
            ),
        ),
        Error::GitInProgress { operation } => {
            let command = operation.command();
            (
                format!("{error}; nothing was written, so that this record is not mixed into it"),
                Some(format!(
                    "finish it (resolve, then `git {command} --continue`, or `git commit` for a merge) or abort it (`git {command} --abort`), then run the command again; --no-commit writes without committing"
                )),
            )
        }
        Error::DetachedHead => (
            format!("{error}; nothing was written"),
            hint(
                "switch to the register's branch (`git switch main`), or write without committing with --no-commit",
            ),
        ),
        Error::GitLockStale { path, .. } => (
            format!("{error}; nothing was written"),
            Some(format!(
                "another git process seems to be running in this repository, e.g. an editor opened by 'git commit'; make sure all git processes have ended, then remove the file to continue: rm '{}'",
                path.display()
            )),
        ),
        Error::GitLockHeld { .. } => (
            format!("{error}; nothing was written"),
            hint(
                "try again when the other git command has finished; if none is running, the lock is a leftover: remove it",
            ),
        ),
        Error::TooLarge { .. } => (
            format!("{error}; nothing was written"),
            hint("a record this large would no longer be read; move long text into an attachment"),
        ),
        Error::CheckFailed { errors, warnings } => (
            format!("the register has {errors} error(s) and {warnings} warning(s)"),
            None,
        ),
        Error::SyncNoUpstream { branch, remotes } => (
            error.to_string(),
            Some(match remotes.first() {
                None => "add the shared repository first: git remote add origin URL, then git push -u origin HEAD".to_string(),
                Some(remote) => format!("set it once: git push -u {remote} {}", if branch.is_empty() { "HEAD" } else { branch }),
            }),
        ),
        Error::SyncOffline { .. } => (
            error.to_string(),
            hint("nothing was changed; run `taizhang sync` again when the remote can be reached"),
        ),
        Error::SyncUncommitted { .. } => (
            error.to_string(),
            hint("commit them (git commit) or put them aside (git stash), then run `taizhang sync` again"),
        ),
        Error::SyncIssuedNumber { local, remote, .. } => (
            error.to_string(),
            Some(format!(
                "an issued number is never changed: revoke one of them (taizhang doc revoke {local} --reason …, or taizhang doc revoke {remote} --reason … in the clone that has it), then sync again"
            )),
        ),
        Error::SyncUnmergeable { path, .. } => (
            error.to_string(),
            Some(format!(
                "settle {} by hand (git pull --rebase, fix, git rebase --continue), then run `taizhang check`",
                path.display()
            )),
        ),
        Error::SyncPushLost { .. } => (
            error.to_string(),
            hint("your changes are kept here; run `taizhang sync` again"),
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
        Some("holding") => format!(
            "{id} is already with {}; cannot `{step}` to them again",
            refusal.detail.as_deref().unwrap_or_default()
        ),
        Some("not-holding") => format!(
            "{id} is not with {}; nothing to bring back",
            refusal.detail.as_deref().unwrap_or_default()
        ),
        Some("unsigned") => format!("{id} is a draft, not yet signed; cannot `{step}`"),
        _ => format!("{id} is {status}; cannot `{step}`"),
    };
    let hint = match (refusal.status, refusal.step) {
        (_, _) if refusal.reason == Some("unassigned") => Some(format!(
            "assign it first: taizhang doc assign {id} --lead UNIT"
        )),
        (_, step) if !step.is_followup() && refusal.reason == Some("holding") => Some(format!(
            "bring it back first: taizhang doc back {id} --from {}",
            refusal.detail.as_deref().unwrap_or("…")
        )),
        (_, step) if !step.is_followup() && refusal.reason == Some("unsigned") => Some(format!(
            "give its signing date: taizhang doc issue {id} --signed DATE"
        )),
        (_, step) if !step.is_followup() => allowed(&refusal.allowed),
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

/// The hint naming what the status allows instead.
fn allowed(steps: &[Step]) -> Option<String> {
    if steps.is_empty() {
        return Some("no further step is allowed".to_string());
    }
    let names: Vec<String> = steps
        .iter()
        .map(|s| format!("`taizhang {}`", s.command()))
        .collect();
    Some(format!("allowed now: {}", names.join(", ")))
}

pub fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::IncomingSlip => "Incoming document handling slip",
        Phrase::OutgoingSlip => "Outgoing document slip",
        Phrase::MeetingSheet => "Meeting",
        Phrase::Timeline => "Timeline",
        Phrase::HeldBy => "Now with",
        Phrase::Nobody => "nobody",
        Phrase::Next => "Next",
        Phrase::NothingNext => "nothing more to do",
        Phrase::FuClosed => "closed",
        Phrase::FuOpen => "in progress",
        Phrase::FuOverdue => "overdue",
        Phrase::FuCancelled => "cancelled",
        Phrase::FuNone => "no follow-up",
        Phrase::FuMissing => "follow-up missing",
        Phrase::Out => "out",
        Phrase::Back => "back",
        Phrase::NotBack => "not back yet",
    }
}

pub fn action(action: &str, note: Option<&str>) -> String {
    let note = note.unwrap_or_default();
    let with_note = |words: &str| {
        if note.is_empty() {
            words.to_string()
        } else {
            format!("{words}: {note}")
        }
    };
    match action {
        "log" => "registered".to_string(),
        "propose" => with_note("proposal"),
        "instruct" => format!("instruction by {note}"),
        "route" => format!("routed to {note}"),
        "back" => format!("back from {note}"),
        "assign" => format!("assigned to {note}"),
        "followup" => format!("follow-up {note} created"),
        "done" => with_note("done"),
        "reply" => with_note("replied"),
        "return" => with_note("returned to sender"),
        "issue" => with_note("issued"),
        "revoke" => with_note("revoked"),
        "held" => "held".to_string(),
        "cancel" => with_note("cancelled"),
        "minutes" => with_note("minutes"),
        "decide" => with_note("decision"),
        other => with_note(other),
    }
}

pub fn decision_tally(total: usize, closed: usize, overdue: usize) -> String {
    let mut text = format!("{total} decision(s), {closed} closed");
    if overdue > 0 {
        text.push_str(&format!(", {overdue} overdue"));
    }
    text
}

pub fn days_left(days_left: i64) -> String {
    let n = days_left.abs();
    let s = if n == 1 { "" } else { "s" };
    match days_left {
        0 => "due today".to_string(),
        d if d < 0 => format!("overdue {n} day{s}"),
        _ => format!("due in {n} day{s}"),
    }
}

pub fn field_in(scope: &str, key: &str) -> Option<&'static str> {
    Some(match (scope, key) {
        ("extensions", "from") => "was due",
        ("extensions", "to") => "extended to",
        ("circulation", "to") => "routed to",
        ("result", "closed") => "closed on",
        ("result", "submitted") => "submitted on",
        _ => return None,
    })
}

pub fn followup_action(action: &str, note: Option<&str>) -> String {
    let words = match action {
        "assign" => "assigned",
        "progress" => "progress",
        "done" => "done",
        "verify" => "verified and closed",
        "extend" => "extended",
        "chase" => "chased",
        "cancel" => "cancelled",
        "reopen" => "reopened",
        other => other,
    };
    match note.filter(|n| !n.is_empty()) {
        Some(note) => format!("{words}: {note}"),
        None => words.to_string(),
    }
}

pub fn closed_against_due(closed: jiff::civil::Date, days_late: i64) -> String {
    match days_late {
        d if d <= 0 => format!("closed {closed}, on time"),
        1 => format!("closed {closed}, 1 day late"),
        d => format!("closed {closed}, {d} days late"),
    }
}

pub fn note(note: &Note) -> String {
    match note {
        Note::EmptyTitle => "the title is empty".into(),
        Note::EmptySender => "the sender (来文机关) is empty".into(),
        Note::DeadlineNeeded { urgency } => format!("an {urgency} action item needs a deadline"),
        Note::CompletedBeforeReceived { done, received } => {
            format!("completed {done} before it was received {received}")
        }
        Note::RoutingBackBeforeOut { n, to, back, out } => {
            format!("routing #{n} to {to}: back {back} before out {out}")
        }
        Note::RoutingSecondCopy { n, to, first } => {
            format!("routing #{n} sends {to} a second copy while routing #{first} is not back")
        }
        Note::RoutingOutBeforeBack { n, to } => {
            format!("routing #{n} to {to} goes out before the previous copy came back")
        }
        Note::RepliedWithoutReply => "replied, but no reply (答复) is recorded".into(),
        Note::DoneWithoutDate => "done, but no completion date (办结日期)".into(),
        Note::UpwardWithoutSigner => "an upward document (上行文) needs a signer".into(),
        Note::NoAddressee => "no addressee (主送)".into(),
        Note::IssuedWithoutPrintDate => "issued, but no print date (印发日期)".into(),
        Note::EmptyLead => "the lead unit is empty".into(),
        Note::DueBeforeAssigned { due, assigned } => {
            format!("due {due} before it was assigned {assigned}")
        }
        Note::ClosedBeforeAssigned { closed, assigned } => {
            format!("closed {closed} before it was assigned {assigned}")
        }
        Note::ClosedWithoutDate => "closed, but result.closed gives no date".into(),
        Note::ExtensionNotLater { to, previous } => {
            format!("extension to {to} is not later than {previous}")
        }
        Note::DecisionTwice { n } => format!("decision #{n} appears twice"),
        Note::MinutedWithoutMinutes => "minuted, but no minutes are recorded".into(),
        Note::UnknownBookField { key, book } => {
            format!("unknown field `{key}` (not declared for logbook {book})")
        }
        Note::UndeclaredBook { book } => format!("logbook {book} is not declared in taizhang.toml"),
        Note::UnknownField { name } => {
            format!("unknown field `{name}` (a typo? it is kept as it is)")
        }
        Note::ClassifiedWithoutTerm { level } => {
            format!("classified ({level}) without a secrecy term (保密期限)")
        }
        Note::DuplicateId { id } => format!("{id} is used by more than one file"),
        Note::MissingRecord { id } => format!("{id} does not exist"),
        Note::MissingFollowup { id } => format!("follow-up {id} does not exist"),
        Note::MissingReplyDocument { id } => format!("reply document {id} does not exist"),
        Note::ReplyNotLinkedBack { reference, id } => {
            format!("{reference} does not name {id} as in_reply_to")
        }
        Note::NotOutgoing { id } => format!("{id} is not an outgoing document"),
        Note::NotIncoming { id } => format!("{id} is not an incoming document"),
        Note::DuplicateNumber { number, first } => {
            format!("{number} is also the number of {first}")
        }
        Note::NoDecision { id, n } => format!("{id} has no decision #{n}"),
        Note::DecisionFollowupMissing { n, followup } => {
            format!("decision #{n}: follow-up {followup} does not exist")
        }
        Note::DecisionNotLinkedBack {
            n,
            followup,
            meeting,
        } => {
            format!("decision #{n}: follow-up {followup} does not name {meeting}#{n} as its source")
        }
        Note::DecisionNotFollowup { n, followup } => {
            format!("decision #{n}: {followup} is not a follow-up")
        }
        Note::MinutesMissing { id } => format!("minutes document {id} does not exist"),
        Note::ChangeFinished { files } => format!(
            "a command killed while writing left its change half done; it is now finished ({files}); commit these files"
        ),
        Note::ChangePending { files } => format!(
            "a change is half done ({files}); another command is writing, or the last one could not finish it: run any taizhang command that writes (or check again) to finish it"
        ),
        Note::Stray => "not a record file (records are named like IN-2026-0042.yaml)".into(),
        Note::Uncommitted => "not committed to git (commit it, or restore it with git)".into(),
        Note::GitMissing => "the register is a git repository that commits every change, but git cannot be run; changing commands refuse until git is on PATH".into(),
        Note::StaleGitLock { minutes } => format!(
            "git's lock file is {minutes} minutes old and blocks every commit; if no git process is running, remove it"
        ),
        Note::Comments => {
            "holds # comments, which are lost when taizhang rewrites the record; keep remarks in notes instead".into()
        }
        Note::NoHolidays { year } => {
            format!("no holidays for {year}; add them from the State Council's notice")
        }
        Note::DayOff { due } => format!(
            "the deadline {due} ({}) is not a working day",
            due.strftime("%a")
        ),
        Note::Text(text) => text.clone(),
    }
}

pub fn created_register(path: &std::path::Path) -> String {
    format!("Created a register in {}", path.display())
}

pub fn check_clean(records: usize) -> String {
    format!("register is valid: {records} records, no problems")
}

/// A line of what `sync` did.
pub fn sync_note(note: &SyncNote) -> String {
    match note {
        SyncNote::Renumbered { old, new } => {
            format!("renumbered {old} → {new} (the remote already had {old})")
        }
        SyncNote::Number { id, old, new } => {
            format!("{id}: document number {old} → {new} (the remote already had {old})")
        }
        SyncNote::Contested { path, key } => {
            format!("{path}: `{key}` was changed on both sides; kept the later change")
        }
        SyncNote::Pulled(n) => format!("took {n} commit(s) from the remote"),
        SyncNote::Pushed(n) => format!("sent {n} commit(s) to the remote"),
        SyncNote::Nothing => "already in sync with the remote; nothing to do".to_string(),
        SyncNote::DryRun => "dry run: nothing was changed".to_string(),
        SyncNote::NotShared(why) => format!(
            "the change is saved here but not shared yet ({why}); run `taizhang sync` later"
        ),
    }
}
