//! The rules of a repeating record's series (`model::repeat`), alike for
//! follow-ups and meetings; each kind's room calls them for its records.

use super::finding::{Finding, Findings, Note};
use super::links::ById;
use super::ties::Ties;
use crate::model::keyword::Keyword;
use crate::model::kind::Kind;
use crate::model::repeat::{self, RepeatNote, Repeating};

/// On the record alone: `every` and `series` come together (a record
/// with one and not the other cannot be found in, or continue, a series).
pub(super) fn alone(r: &dyn Repeating, f: &mut Findings) {
    match (r.every(), r.series()) {
        (Some(_), None) => f.error("every", Note::Repeat(RepeatNote::EveryWithoutSeries)),
        (None, Some(series)) => {
            let series = series.clone();
            f.error(
                "series",
                Note::Repeat(RepeatNote::SeriesWithoutEvery { series }),
            );
        }
        _ => {}
    }
}

/// About the record `series` names: it exists and is of the record's own
/// kind (a series of follow-ups is named by a follow-up).
pub(super) fn link(r: &Ties, by_id: &ById, f: &mut Findings) {
    let Some(series) = r.own.repeat().and_then(|repeat| repeat.series.as_ref()) else {
        return;
    };
    let note = match by_id.get(series) {
        None => RepeatNote::SeriesMissing {
            series: series.clone(),
        },
        Some(named) if named.kind != r.kind => RepeatNote::SeriesOtherKind {
            series: series.clone(),
        },
        Some(_) => return,
    };
    f.error("series", Note::Repeat(note));
}

/// Across the register: two occurrences of one series in one period,
/// among the records of each kind.
pub(super) fn periods(by_id: &ById) -> Vec<Finding> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let records = (by_id.sorted.iter())
            .filter(|r| r.kind == *kind)
            .filter_map(|r| Some((&r.id, r.own.repeat()?)));
        for (id, note) in repeat::same_period(records) {
            let mut f = Findings::new(&id);
            f.error("series", Note::Repeat(note));
            out.extend(f.out);
        }
    }
    out
}
