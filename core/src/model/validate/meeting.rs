//! The rules of decisions and minutes of meetings.

use std::collections::HashSet;

use super::KindChecks;
use super::finding::{Findings, Note};
use super::links::ById;
use super::ties::Ties;
use crate::model::kind::Kind;
use crate::model::link::Role;
use crate::model::meeting::{Meeting, MtStatus};

/// Checks one meeting on its own.
impl KindChecks for Meeting {
    fn check(&self, f: &mut Findings) {
        check(self, f)
    }

    fn check_links(ties: &Ties, by_id: &ById, f: &mut Findings) {
        links(ties, by_id, f)
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

/// Checks what one meeting says about other records.
fn links(r: &Ties, by_id: &ById, f: &mut Findings) {
    super::series::link(r, by_id, f);
    for link in &r.links {
        let Role::Decision { n } = link.role else {
            continue;
        };
        let fu = &link.target;
        match by_id.get(fu) {
            None => f.error(
                "decisions",
                Note::DecisionFollowupMissing {
                    n,
                    followup: fu.to_string(),
                },
            ),
            Some(linked) if linked.kind == Kind::Followup => {
                let back = linked.links.iter().find_map(|l| match l.role {
                    Role::Source { item } => Some((&l.target, item)),
                    _ => None,
                });
                if back.is_none_or(|(id, item)| *id != r.id || item != Some(n)) {
                    f.error(
                        "decisions",
                        Note::DecisionNotLinkedBack {
                            n,
                            followup: fu.to_string(),
                            meeting: r.id.to_string(),
                        },
                    );
                }
            }
            Some(_) => f.error(
                "decisions",
                Note::DecisionNotFollowup {
                    n,
                    followup: fu.to_string(),
                },
            ),
        }
    }
    if let Some(minutes) = r.target(Role::Minutes)
        && by_id.get(minutes).is_none()
    {
        f.error(
            "minutes",
            Note::MinutesMissing {
                id: minutes.to_string(),
            },
        );
    }
}
