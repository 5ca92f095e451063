//! The rules of decisions and minutes of meetings.

use std::collections::HashSet;

use super::KindChecks;
use super::finding::{Finding, Findings, Note};
use super::links::ById;
use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::meeting::{Meeting, MtStatus};
use crate::model::record::Record;

/// Checks one meeting on its own.
impl KindChecks for Meeting {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(&self, by_id: &ById, f: &mut Findings) {
        links(self, by_id, f)
    }
}

fn check(r: &Meeting, f: &mut Findings) {
    let mut seen = HashSet::new();
    for d in &r.decisions {
        if !seen.insert(d.n) {
            f.error("decisions", Note::DecisionTwice { n: d.n });
        }
    }
    if let Some(end) = &r.end
        && crate::model::meeting::ends_before_start(&r.start, end)
    {
        f.error(
            "end",
            Note::MeetingEndsBeforeStart {
                end: end.to_string(),
                start: r.start.to_string(),
            },
        );
    }
    if matches!(r.status, MtStatus::Minuted | MtStatus::Issued) && r.minutes.is_none() {
        f.warning("minutes", Note::MinutedWithoutMinutes);
    }
    super::series::alone(r, f);
}

/// Occurrences of one series of meetings in the same period.
pub(super) fn series_periods(by_id: &ById) -> Vec<Finding> {
    super::series::periods(by_id, |r| match r {
        Record::Meeting(m) => Some(m.as_ref()),
        _ => None,
    })
}

/// Checks what one meeting says about other records.
fn links(r: &Meeting, by_id: &ById, f: &mut Findings) {
    super::series::link(r, Kind::Meeting, by_id, f);
    let exists = |id: &Id| by_id.get(id).is_some();
    for d in &r.decisions {
        let Some(fu) = &d.followup else { continue };
        match by_id.get(fu) {
            None => f.error(
                "decisions",
                Note::DecisionFollowupMissing {
                    n: d.n,
                    followup: fu.to_string(),
                },
            ),
            Some(Record::Followup(linked)) => {
                let back = linked.source_ref.as_ref();
                if back.is_none_or(|s| s.id != r.id || s.item != Some(d.n)) {
                    f.error(
                        "decisions",
                        Note::DecisionNotLinkedBack {
                            n: d.n,
                            followup: fu.to_string(),
                            meeting: r.id.to_string(),
                        },
                    );
                }
            }
            Some(_) => f.error(
                "decisions",
                Note::DecisionNotFollowup {
                    n: d.n,
                    followup: fu.to_string(),
                },
            ),
        }
    }
    if let Some(minutes) = r.minutes.as_deref().and_then(Id::parse)
        && !exists(&minutes)
    {
        f.error(
            "minutes",
            Note::MinutesMissing {
                id: minutes.to_string(),
            },
        );
    }
}
