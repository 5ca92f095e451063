//! One test per figure docs/summaries.md defines, on one hand-built
//! register.
//!
//! Period 2026-11 (Nov 1–30), today 2026-11-23, so asof = 2026-11-23.
//!
//! Follow-ups (lead, assigned, due → effective due, outcome):
//!   F1 办公室  10-20  due 11-10          closed 11-08 (on time)
//!   F2 办公室  11-02  due 11-15          closed 11-18 (late)
//!   F3 财务科  11-05  due 11-20          in-progress, owner 张强 → overdue 3 days
//!   F4 财务科  11-10  due 11-20 → 12-05  open (extended: not overdue, not due in Nov)
//!   F5 法规科  11-12  due 11-25          cancelled on 11-13
//!   F6 法规科  09-01  due 10-15          open → overdue 39 days (Oct 15 → Nov 23)
//!   F7 办公室  11-20  due 11-30          closed 11-22 (early, on time)
//!   F8 办公室  11-24  due 12-10          open, but assigned after asof
//!   F9 办公室  10-01  due 10-20          closed 10-18 (outside the period entirely)
//!
//! Incoming (received, urgency, handling, deadline, state):
//!   I1 11-03 urgent      action  11-10  done, completed 11-09
//!   I2 11-05 normal      info    —      read
//!   I3 11-20 very-urgent action  11-21  assigned → pending, overdue
//!   I4 10-28 normal      action  —      in-progress → pending, no deadline
//!   I5 11-25 normal      action  11-30  registered, received after asof
//!   I6 10-01 normal      action  10-10  replied, completed 10-20
//!   I7 11-06 normal      action  11-08  returned (退文), no completion date
//!
//! Outgoing: O1 signed 11-10; O2 unsigned, created 11-15; O3 signed 10-30.
//! Meetings: M1 held 11-05 (2 decisions); M2 minuted 11-12 (1 decision);
//!   M3 planned 11-28 (1 decision); M4 held 10-30 (1 decision).
//! Logbooks: seal entries dated 11-03, 11-30 and 10-31; visit: none.

use super::*;
use crate::i18n::Lang;
use crate::report::redact::{Reveal, Secrets};
use jiff::civil::Date;
use taizhang_core::model::asof::Closing;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::period::Period;
use taizhang_core::model::record::Record;

fn fu(n: u32, lead: &str, assigned: &str, due: &str, extra: &str) -> Record {
    Record::from_yaml(
        &format!(
            "id: FU-2026-{n:04}\ntitle: 事项{n}\nlead: {lead}\nassigned: 2026-{assigned}\n\
             due: 2026-{due}\ncreated: 2026-{assigned}T09:00:00+08:00\n{extra}"
        ),
        Kind::Followup,
        None,
    )
    .unwrap()
}

fn closed(on: &str) -> String {
    format!("status: closed\nresult:\n  closed: 2026-{on}\n")
}

fn doc(n: u32, received: &str, urgency: &str, handling: &str, extra: &str) -> Record {
    Record::from_yaml(
        &format!(
            "id: IN-2026-{n:04}\ntitle: 来文{n}\nsender: 省厅\nreceived: 2026-{received}\n\
             urgency: {urgency}\nhandling: {handling}\ncreated: 2026-{received}T09:00:00+08:00\n{extra}"
        ),
        Kind::Incoming,
        None,
    )
    .unwrap()
}

fn out(n: u32, created: &str, signed: Option<&str>) -> Record {
    let signed = signed
        .map(|s| format!("signed: 2026-{s}\n"))
        .unwrap_or_default();
    Record::from_yaml(
        &format!(
            "id: OUT-2026-{n:04}\ntitle: 发文{n}\nstatus: draft\ndoc_number: 市交发〔2026〕{n}号\n\
             to: [各科室]\ncreated: 2026-{created}T09:00:00+08:00\n{signed}"
        ),
        Kind::Outgoing,
        None,
    )
    .unwrap()
}

fn meeting(n: u32, start: &str, status: &str, decisions: u32) -> Record {
    let list: String = (1..=decisions)
        .map(|d| format!("  - n: {d}\n    text: 议定{d}\n"))
        .collect();
    let decisions = if decisions > 0 {
        format!("decisions:\n{list}")
    } else {
        String::new()
    };
    Record::from_yaml(
        &format!(
            "id: MT-2026-{n:04}\ntitle: 会议{n}\nstatus: {status}\nstart: 2026-{start}\n\
             created: 2026-{start}T08:00:00+08:00\n{decisions}"
        ),
        Kind::Meeting,
        None,
    )
    .unwrap()
}

fn seal(n: u32, date: &str) -> Record {
    Record::from_yaml(
        &format!("id: SEAL-2026-{n:04}\ncreated: 2026-{date}T08:00:00+08:00\ndate: 2026-{date}\n"),
        Kind::Logbook,
        Some("seal"),
    )
    .unwrap()
}

fn register() -> Vec<Record> {
    vec![
        fu(1, "办公室", "10-20", "11-10", &closed("11-08")),
        fu(2, "办公室", "11-02", "11-15", &closed("11-18")),
        fu(
            3,
            "财务科",
            "11-05",
            "11-20",
            "status: in-progress\nowner: 张强\n",
        ),
        fu(
            4,
            "财务科",
            "11-10",
            "11-20",
            "status: open\nextensions:\n  - {from: 2026-11-20, to: 2026-12-05, reason: 等待批复, on: 2026-11-18}\n",
        ),
        fu(
            5,
            "法规科",
            "11-12",
            "11-25",
            "status: cancelled\nhistory:\n  - {at: '2026-11-13T10:00:00+08:00', by: 王芳, action: cancel}\n",
        ),
        fu(6, "法规科", "09-01", "10-15", "status: open\n"),
        fu(7, "办公室", "11-20", "11-30", &closed("11-22")),
        fu(8, "办公室", "11-24", "12-10", "status: open\n"),
        fu(9, "办公室", "10-01", "10-20", &closed("10-18")),
        doc(
            1,
            "11-03",
            "urgent",
            "action",
            "status: done\ndeadline: 2026-11-10\ncompleted: 2026-11-09\n",
        ),
        doc(2, "11-05", "normal", "info", "status: read\n"),
        doc(
            3,
            "11-20",
            "very-urgent",
            "action",
            "status: assigned\nlead: 财务科\ndeadline: 2026-11-21\n",
        ),
        doc(4, "10-28", "normal", "action", "status: in-progress\n"),
        doc(
            5,
            "11-25",
            "normal",
            "action",
            "status: registered\ndeadline: 2026-11-30\n",
        ),
        doc(
            6,
            "10-01",
            "normal",
            "action",
            "status: replied\ndeadline: 2026-10-10\ncompleted: 2026-10-20\n",
        ),
        doc(
            7,
            "11-06",
            "normal",
            "action",
            "status: returned\ndeadline: 2026-11-08\n",
        ),
        out(1, "11-08", Some("11-10")),
        out(2, "11-15", None),
        out(3, "10-28", Some("10-30")),
        meeting(1, "11-05", "held", 2),
        meeting(2, "11-12", "minuted", 1),
        meeting(3, "11-28", "planned", 1),
        meeting(4, "10-30", "held", 1),
        seal(1, "11-03"),
        seal(2, "11-30"),
        seal(3, "10-31"),
    ]
}

fn today() -> Date {
    Date::constant(2026, 11, 23)
}

fn summary_of(records: &[Record], period: &str) -> Summary {
    let refs: Vec<&Record> = records.iter().collect();
    let period = Period::parse(period, today()).unwrap();
    let secrets = Secrets::new(&refs, Reveal::Withhold);
    compute(
        &refs,
        &period,
        today(),
        &["seal".to_string(), "visit".to_string()],
        Closing::OnDone,
        &secrets,
    )
}

fn november() -> Summary {
    summary_of(&register(), "2026-11")
}

#[test]
fn period_is_from_to() {
    let s = november();
    assert_eq!(s.period.from, Date::constant(2026, 11, 1));
    assert_eq!(s.period.to, Date::constant(2026, 11, 30));
}

#[test]
fn documents_incoming_and_breakdowns() {
    // Received in November: I1, I2, I3, I5, I7 = 5 (I4, I6 in October).
    // Urgency: normal I2, I5, I7 = 3; urgent I1 = 1; very-urgent I3 = 1.
    // Handling: action I1, I3, I5, I7 = 4; info I2 = 1.
    let d = november().documents;
    assert_eq!(d.incoming, 5);
    assert_eq!(
        d.incoming_by_urgency,
        ByUrgency {
            normal: 3,
            urgent: 1,
            very_urgent: 1
        }
    );
    assert_eq!(d.incoming_by_handling, ByHandling { action: 4, info: 1 });
}

#[test]
fn documents_outgoing_by_signed_else_created() {
    // O1 signed 11-10 ✓; O2 unsigned, created 11-15 ✓; O3 signed 10-30 ✗.
    assert_eq!(november().documents.outgoing, 2);
}

#[test]
fn documents_incoming_done() {
    // Completed in November: I1 (11-09). I6 completed in October.
    assert_eq!(november().documents.incoming_done, 1);
}

#[test]
fn documents_incoming_pending_and_overdue() {
    // Action papers received by 11-23 and not completed by 11-23:
    // I3 (assigned), I4 (in progress) = 2. Not I1 (done 11-09), I5
    // (received 11-25, after asof), I6 (done), I7 (returned 退文).
    // Of those, deadline before 11-23: I3 (11-21) = 1; I4 has none.
    let d = november().documents;
    assert_eq!(d.incoming_pending, 2);
    assert_eq!(d.incoming_overdue, 1);
}

#[test]
fn followups_assigned() {
    // Assigned in November: F2, F3, F4, F5, F7, F8 = 6 (cancelled F5 counts:
    // it was assigned; F1, F6, F9 were assigned before).
    assert_eq!(november().followups.assigned, 6);
}

#[test]
fn followups_closed_on_time_and_rate() {
    // Closed in November: F1 (11-08), F2 (11-18), F7 (11-22) = 3.
    // On time (closed <= effective due): F1 (11-08 <= 11-10), F7 (11-22 <=
    // 11-30) = 2; F2 closed 11-18 after 11-15. Rate 2/3.
    let f = november().followups;
    assert_eq!((f.closed, f.closed_on_time), (3, 2));
    assert_eq!(f.on_time_rate, Some(2.0 / 3.0));
    assert_eq!(percent(f.on_time_rate), "66.7%");
}

#[test]
fn followups_due_and_completion_rate() {
    // Effective due in November, not cancelled: F1 (11-10), F2 (11-15),
    // F3 (11-20), F7 (11-30) = 4. Not F4 (extended to 12-05), F5
    // (cancelled), F6 (October), F8 (December).
    // Closed by 11-23: F1, F2, F7 = 3. Rate 3/4.
    let f = november().followups;
    assert_eq!((f.due, f.due_closed), (4, 3));
    assert_eq!(f.completion_rate, Some(0.75));
}

#[test]
fn followups_open_and_overdue() {
    // Assigned by 11-23, neither closed nor cancelled by 11-23: F3, F4, F6
    // = 3 (F8 is assigned 11-24, after asof; F5 cancelled 11-13).
    // Effective due before 11-23: F3 (11-20), F6 (10-15) = 2; F4 runs to 12-05.
    let f = november().followups;
    assert_eq!((f.open, f.overdue), (3, 2));
}

#[test]
fn by_unit_sorted_by_unit() {
    // 办公室: assigned F2, F7, F8 = 3; closed F1, F2, F7 = 3; on time F1, F7 = 2;
    //         open 0; overdue 0. (F9 touches nothing in November.)
    // 法规科: assigned F5 = 1; closed 0; open F6 = 1; overdue F6 = 1.
    // 财务科: assigned F3, F4 = 2; closed 0; open F3, F4 = 2; overdue F3 = 1.
    // Sorted by unit name: 办 (U+529E) < 法 (U+6CD5) < 财 (U+8D22).
    let rows = november().by_unit;
    let row = |unit: &str, a, c, t, o, d| UnitRow {
        unit: unit.into(),
        assigned: a,
        closed: c,
        closed_on_time: t,
        open: o,
        overdue: d,
    };
    assert_eq!(
        rows,
        vec![
            row("办公室", 3, 3, 2, 0, 0),
            row("法规科", 1, 0, 0, 1, 1),
            row("财务科", 2, 0, 0, 2, 1),
        ]
    );
}

#[test]
fn overdue_list_with_days_overdue() {
    // F6 due 10-15: 39 days before 11-23 (16 left in October + 23).
    // F3 due 11-20: 3 days. Sorted by due date.
    let rows = november().overdue;
    let got: Vec<(String, i64, Option<String>)> = rows
        .iter()
        .map(|r| (r.id.to_string(), r.days_overdue, r.owner.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("FU-2026-0006".into(), 39, None),
            ("FU-2026-0003".into(), 3, Some("张强".into())),
        ]
    );
}

#[test]
fn meetings_held_and_decisions() {
    // Held or minuted with start in November: M1 (2 decisions), M2 (1) →
    // held 2, decisions 3. M3 is only planned; M4 was in October.
    let meetings = november().meetings;
    assert_eq!((meetings.held, meetings.decisions), (2, 3));
    // Each listed, by day; their decisions have no follow-ups, so none
    // is due.
    let listed: Vec<(String, usize, usize)> = (meetings.items.iter())
        .map(|m| (m.id.to_string(), m.decisions, m.implementation.due))
        .collect();
    assert_eq!(
        listed,
        [("MT-2026-0001".into(), 2, 0), ("MT-2026-0002".into(), 1, 0)]
    );
}

#[test]
fn logbook_counts_every_declared_book() {
    // seal: 11-03 and 11-30 = 2 (10-31 is October); visit: none, shown as 0.
    let books = november().logbooks;
    assert_eq!(books.get("seal"), Some(&2));
    assert_eq!(books.get("visit"), Some(&0));
}

#[test]
fn a_past_period_counts_as_of_its_end() {
    // October: asof = 10-31. Open on 10-31: F1 (assigned 10-20, closed 11-08),
    // F6 (assigned 09-01) = 2; F9 closed 10-18. Overdue on 10-31: F6 (due
    // 10-15) = 1 (F1 due 11-10). F6 is 16 days overdue on 10-31.
    let s = summary_of(&register(), "2026-10");
    assert_eq!((s.followups.open, s.followups.overdue), (2, 1));
    assert_eq!(s.overdue[0].days_overdue, 16);
    // Closed in October: F9 (10-18, due 10-20: on time).
    assert_eq!((s.followups.closed, s.followups.closed_on_time), (1, 1));
    // Pending on 10-31: I4 (received 10-28); I6 was completed 10-20.
    assert_eq!(s.documents.incoming_pending, 1);
}

#[test]
fn rates_are_null_without_a_denominator() {
    let s = summary_of(&register(), "2025");
    assert_eq!(s.followups.on_time_rate, None);
    assert_eq!(s.followups.completion_rate, None);
    let json: serde_json::Value = serde_json::from_str(&json(&s, None)).unwrap();
    assert!(json["followups"]["on_time_rate"].is_null());
}

#[test]
fn headline_reads_like_a_brief() {
    let records = register();
    let s = november();
    let period = Period::parse("this-month", today()).unwrap();
    assert_eq!(
        headline(&s, &period, Lang::Zh),
        "本月收文5件、发文2件；督办事项6项，办结3项，按期办结率66.7%；逾期督办事项2项、逾期文件1件。"
    );
    assert_eq!(
        headline(&s, &period, Lang::En),
        "This month: 5 incoming and 2 outgoing documents; 6 follow-ups assigned, 3 closed (66.7% on time); overdue: 2 follow-ups and 1 document."
    );
    let _ = records;
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let value: serde_json::Value = serde_json::from_str(&json(&november(), None)).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&value),
        [
            "by_unit",
            "documents",
            "followups",
            "logbooks",
            "meetings",
            "overdue",
            "period"
        ]
    );
    assert_eq!(keys(&value["period"]), ["from", "to"]);
    assert_eq!(
        keys(&value["documents"]),
        [
            "incoming",
            "incoming_by_handling",
            "incoming_by_urgency",
            "incoming_done",
            "incoming_overdue",
            "incoming_pending",
            "outgoing"
        ]
    );
    assert_eq!(
        keys(&value["documents"]["incoming_by_urgency"]),
        ["normal", "urgent", "very-urgent"]
    );
    assert_eq!(
        keys(&value["followups"]),
        [
            "assigned",
            "closed",
            "closed_on_time",
            "completion_rate",
            "due",
            "due_closed",
            "on_time_rate",
            "open",
            "overdue",
            "parts"
        ]
    );
    assert_eq!(
        keys(&value["by_unit"][0]),
        [
            "assigned",
            "closed",
            "closed_on_time",
            "open",
            "overdue",
            "unit"
        ]
    );
    assert_eq!(
        keys(&value["overdue"][0]),
        ["days_overdue", "due", "id", "owner", "title", "unit"]
    );
    assert_eq!(keys(&value["meetings"]), ["decisions", "held", "items"]);
    assert_eq!(
        keys(&value["meetings"]["items"][0]),
        [
            "absent",
            "date",
            "decisions",
            "id",
            "implementation",
            "present",
            "title"
        ]
    );
    assert_eq!(
        keys(&value["meetings"]["items"][0]["implementation"]),
        ["due", "on_time", "rate"]
    );
}

/// Records changed in December after November was over: F10 extended on
/// 12-02, F11 closed on 12-03, F12 closed on 11-10 and reopened on 12-02,
/// I8 completed on 12-02.
fn changed_in_december() -> Vec<Record> {
    let step = |on: &str, action: &str| {
        format!("  - {{at: '2026-{on}T10:00:00+08:00', by: 王芳, action: {action}}}\n")
    };
    vec![
        fu(
            10,
            "办公室",
            "11-02",
            "11-20",
            "status: open\nextensions:\n  - {from: 2026-11-20, to: 2026-12-20, reason: 等待, on: 2026-12-02}\n",
        ),
        fu(11, "财务科", "11-02", "11-25", &closed("12-03")),
        fu(
            12,
            "法规科",
            "11-02",
            "11-25",
            &format!(
                "status: returned\nhistory:\n{}{}",
                step("11-10", "done"),
                step("12-02", "reopen")
            ),
        ),
        doc(
            8,
            "11-03",
            "normal",
            "action",
            "status: done\ndeadline: 2026-11-15\ncompleted: 2026-12-02\n",
        ),
    ]
}

/// November seen in December: each record as it stood on 11-30.
#[test]
fn a_past_month_keeps_its_figures_after_later_steps() {
    let records = changed_in_december();
    let refs: Vec<&Record> = records.iter().collect();
    let today = Date::constant(2026, 12, 7);
    let period = Period::parse("2026-11", today).unwrap();
    let secrets = Secrets::new(&refs, Reveal::Withhold);
    let s = compute(&refs, &period, today, &[], Closing::OnDone, &secrets);
    let overdue: Vec<String> = s.overdue.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(overdue, ["FU-2026-0010", "FU-2026-0011"]);
    assert_eq!(s.overdue[0].due, Date::constant(2026, 11, 20));
    assert_eq!(s.overdue[0].days_overdue, 10);
    let f = &s.followups;
    assert_eq!((f.open, f.overdue), (2, 2));
    assert_eq!((f.closed, f.closed_on_time), (1, 1), "F12, on 11-10");
    assert_eq!((f.due, f.due_closed), (3, 1));
    let d = &s.documents;
    assert_eq!((d.incoming_pending, d.incoming_overdue), (1, 1));
    // Where done only submits, F12 was never closed: submitted, then
    // sent back; open on 11-30, and overdue then.
    let verifying = compute(&refs, &period, today, &[], Closing::OnVerify, &secrets);
    assert_eq!(
        (verifying.followups.closed, verifying.followups.overdue),
        (0, 3)
    );
}

/// The records `relevant` passes over never change a figure: each record
/// that alters the summary on its own, for any period and any today, is
/// one `relevant` keeps.
#[test]
fn only_relevant_records_count() {
    let mut records = register();
    records.extend(changed_in_december());
    records.extend(taizhang_core::testing::example_records());
    let periods = [
        "2025",
        "2026",
        "2027",
        "2026-Q3",
        "2026-Q4",
        "2026-10",
        "2026-11",
        "2026-12",
        "2026-W47",
        "2026-11-10..2026-11-20",
        "this-week",
        "last-month",
    ];
    let todays = [
        "2026-10-15",
        "2026-11-23",
        "2026-12-07",
        "2026-12-31",
        "2027-03-01",
    ];
    let books = ["seal".to_string(), "visit".to_string()];
    let mut counted = 0;
    for today in todays {
        let today: Date = today.parse().unwrap();
        for period in periods {
            let period = Period::parse(period, today).unwrap();
            let none = Secrets::new(&[], Reveal::Withhold);
            let empty = compute(&[], &period, today, &books, Closing::OnDone, &none);
            for record in &records {
                let one = [record];
                let secrets = Secrets::new(&one, Reveal::Withhold);
                if compute(&one, &period, today, &books, Closing::OnDone, &secrets) != empty {
                    counted += 1;
                    let facts = taizhang_core::model::facts::Facts::of(record);
                    assert!(
                        relevant(&facts, &period, today),
                        "{} counts in {period:?} on {today} but is passed over ({facts:?})",
                        record.id()
                    );
                }
            }
        }
    }
    assert!(
        counted > 500,
        "too few records counted to prove anything: {counted}"
    );
}
