//! The as-of rule on hand-built records: the last day of a past week, and
//! the steps taken after it.

use super::*;
use crate::model::kind::Kind;
use crate::model::record::Record;

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

/// A follow-up assigned on 11-02, due 11-20 (a Friday); `extra` adds its
/// state and history.
fn fu(extra: &str) -> Followup {
    let yaml = format!(
        "id: FU-2026-0001\ntitle: 落实\nlead: 办公室\nassigned: 2026-11-02\ndue: 2026-11-20\n\
         created: 2026-11-02T09:00:00+08:00\n{extra}"
    );
    match Record::from_yaml(&yaml, Kind::Followup, None).unwrap() {
        Record::Followup(fu) => *fu,
        _ => unreachable!(),
    }
}

fn step(on: &str, action: &str) -> String {
    format!("  - {{at: '2026-{on}T10:00:00+08:00', by: 王芳, action: {action}}}\n")
}

fn history(steps: &[(&str, &str)]) -> String {
    let mut text = String::from("history:\n");
    text.extend(steps.iter().map(|(on, action)| step(on, action)));
    text
}

/// The last day of the week 11-16..11-22.
const SUNDAY: &str = "2026-11-22";

#[test]
fn an_extension_approved_later_leaves_the_day_overdue() {
    let fu = fu(
        "status: open\nextensions:\n  - {from: 2026-11-20, to: 2026-12-10, reason: 等待批复, on: 2026-11-25}\n",
    );
    let then = followup(&fu, day(SUNDAY), Closing::OnDone);
    assert_eq!(then.due, day("2026-11-20"));
    assert!(then.overdue(day(SUNDAY)));
    // Seen on the day it was approved, the new date is in force.
    let now = followup(&fu, day("2026-11-25"), Closing::OnDone);
    assert_eq!(now.due, day("2026-12-10"));
    assert!(!now.overdue(day("2026-11-25")));
}

#[test]
fn of_several_extensions_the_last_approved_by_the_day_counts() {
    let fu = fu("status: open\nextensions:\n\
         - {from: 2026-11-20, to: 2026-11-27, reason: 一, on: 2026-11-18}\n\
         - {from: 2026-11-27, to: 2026-12-15, reason: 二, on: 2026-11-26}\n");
    assert_eq!(due_on(&fu, day("2026-11-17")), day("2026-11-20"));
    assert_eq!(due_on(&fu, day("2026-11-18")), day("2026-11-27"));
    assert_eq!(due_on(&fu, day(SUNDAY)), day("2026-11-27"));
    assert_eq!(due_on(&fu, day("2026-11-30")), day("2026-12-15"));
}

#[test]
fn a_closing_after_the_day_leaves_it_open_then() {
    let fu = fu(&format!(
        "status: closed\nresult: {{closed: 2026-11-24}}\n{}",
        history(&[("11-02", "assign"), ("11-24", "done")])
    ));
    let then = followup(&fu, day(SUNDAY), Closing::OnDone);
    assert_eq!(then.standing, Standing::Open);
    assert!(then.overdue(day(SUNDAY)));
    let after = followup(&fu, day("2026-11-30"), Closing::OnDone);
    assert_eq!(after.closed(), Some(day("2026-11-24")));
    assert!(!after.closed_on_time, "closed after its due date");
}

#[test]
fn a_closing_undone_later_still_counts_on_the_day() {
    // Closed on 11-19 (on time), reopened on 11-25, open now.
    let fu = fu(&format!(
        "status: returned\n{}",
        history(&[("11-02", "assign"), ("11-19", "done"), ("11-25", "reopen")])
    ));
    let then = followup(&fu, day(SUNDAY), Closing::OnDone);
    assert_eq!(then.closed(), Some(day("2026-11-19")));
    assert!(then.closed_on_time);
    assert!(!then.open());
    assert!(followup(&fu, day("2026-11-25"), Closing::OnDone).open());
    // Where `done` only submits, the same history was never closed: it
    // was submitted, then sent back.
    let verifying = followup(&fu, day(SUNDAY), Closing::OnVerify);
    assert_eq!(verifying.standing, Standing::Open);
    assert!(verifying.overdue(day(SUNDAY)));
}

#[test]
fn a_verification_closes_where_done_only_submits() {
    let fu = fu(&format!(
        "status: returned\n{}",
        history(&[
            ("11-02", "assign"),
            ("11-17", "done"),
            ("11-18", "verify"),
            ("11-26", "reopen"),
        ])
    ));
    let then = followup(&fu, day(SUNDAY), Closing::OnVerify);
    assert_eq!(then.closed(), Some(day("2026-11-18")));
    assert_eq!(
        followup(&fu, day("2026-11-17"), Closing::OnVerify).standing,
        Standing::Open
    );
}

#[test]
fn a_cancelling_counts_from_its_day_and_a_restoring_after_the_day_does_not_undo_it() {
    let later = fu(&format!(
        "status: cancelled\n{}",
        history(&[("11-02", "assign"), ("11-24", "cancel")])
    ));
    assert!(followup(&later, day(SUNDAY), Closing::OnDone).open());
    assert!(followup(&later, day("2026-11-24"), Closing::OnDone).cancelled());
    let restored = fu(&format!(
        "status: open\n{}",
        history(&[
            ("11-02", "assign"),
            ("11-10", "cancel"),
            ("11-24", "reopen")
        ])
    ));
    assert!(followup(&restored, day(SUNDAY), Closing::OnDone).cancelled());
    assert!(followup(&restored, day("2026-11-24"), Closing::OnDone).open());
}

#[test]
fn not_yet_assigned_is_not_open() {
    let fu = fu("status: open\n");
    let before = followup(&fu, day("2026-11-01"), Closing::OnDone);
    assert!(!before.assigned);
    assert!(!before.open());
}

fn doc(extra: &str) -> Incoming {
    let yaml = format!(
        "id: IN-2026-0001\ntitle: 来文\nsender: 省厅\nreceived: 2026-11-03\nurgency: normal\n\
         handling: action\ncreated: 2026-11-03T09:00:00+08:00\n{extra}"
    );
    match Record::from_yaml(&yaml, Kind::Incoming, None).unwrap() {
        Record::Incoming(doc) => *doc,
        _ => unreachable!(),
    }
}

#[test]
fn a_paper_completed_later_was_pending_and_overdue_then() {
    let doc = doc("status: done\ndeadline: 2026-11-20\ncompleted: 2026-11-24\n");
    let then = incoming(&doc, day(SUNDAY));
    assert!(then.pending && then.overdue(day(SUNDAY)));
    assert!(!incoming(&doc, day("2026-11-24")).pending);
    assert!(
        !incoming(&doc, day("2026-11-02")).pending,
        "not yet received"
    );
}

#[test]
fn a_paper_sent_back_later_was_pending_then() {
    let doc = doc(&format!(
        "status: returned\n{}",
        history(&[("11-03", "log"), ("11-24", "return")])
    ));
    assert!(incoming(&doc, day(SUNDAY)).pending);
    assert!(!incoming(&doc, day("2026-11-24")).pending);
    // Sent back without a trace of when: never in hand, as before.
    assert!(!incoming(&self::doc("status: returned\n"), day(SUNDAY)).pending);
}

#[test]
fn a_deadline_moved_later_is_the_old_one_then() {
    let doc = doc(
        "status: assigned\nlead: 办公室\ndeadline: 2026-12-05\nhistory:\n\
         - {at: '2026-11-04T10:00:00+08:00', by: 王芳, action: assign, note: '办公室; deadline 2026-11-20'}\n\
         - {at: '2026-11-24T10:00:00+08:00', by: 王芳, action: assign, note: '办公室; deadline 2026-11-20 → 2026-12-05'}\n",
    );
    assert_eq!(deadline_on(&doc, day(SUNDAY)), Some(day("2026-11-20")));
    assert!(incoming(&doc, day(SUNDAY)).overdue(day(SUNDAY)));
    assert_eq!(deadline_on(&doc, day("2026-11-03")), None, "set on 11-04");
    assert_eq!(
        deadline_on(&doc, day("2026-11-24")),
        Some(day("2026-12-05"))
    );
}

/// Seen on a day after everything the example register holds, every
/// answer is the present one: the rule changes only the past.
#[test]
fn on_a_day_after_everything_the_answers_are_the_present_ones() {
    let later = day("2030-01-01");
    let mut seen = 0;
    for record in crate::testing::example_records() {
        match &record {
            Record::Followup(fu) => {
                let then = followup(fu, later, Closing::OnDone);
                assert_eq!(then.due, fu.effective_due(), "{}", fu.id);
                assert_eq!(then.open(), fu.open_on(later), "{}", fu.id);
                assert_eq!(then.closed(), fu.closed_on(), "{}", fu.id);
                seen += 1;
            }
            Record::Incoming(doc) => {
                let then = incoming(doc, later);
                assert_eq!(then.pending, doc.pending_on(later), "{}", doc.id);
                assert_eq!(then.deadline, doc.deadline, "{}", doc.id);
                seen += 1;
            }
            _ => {}
        }
    }
    assert!(seen > 20, "{seen}");
}
