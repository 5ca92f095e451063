//! Standing duties' next occurrences, as `done`, `cancel`, `meeting
//! held`, `meeting cancel` and `recur` make them: not a command, so that
//! none of them imports another. The rules (periods, dates, what an
//! occurrence copies) are the model's (`model::repeat`); this finds a
//! series' occurrences on disk, allocates and saves.

use jiff::civil::Date;

use crate::commands::shared::Made;
use crate::error::{Error, Flag, RepeatRefusal, Result};
use crate::i18n::Confirm;
use crate::i18n::repeat::Done;
use taizhang_core::model::common::Actor;
use taizhang_core::model::date::WorkingDays;
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::Kind;
use taizhang_core::model::record::Record;
use taizhang_core::model::repeat::{Every, Repeating, Series};
use taizhang_core::store::load::{Need, Snapshot};
use taizhang_core::store::{self, Change, Register};

/// The record as a repeating kind: a follow-up or a meeting.
pub fn repeating(record: &Record) -> Option<&dyn Repeating> {
    match record {
        Record::Followup(fu) => Some(&**fu),
        Record::Meeting(meeting) => Some(&**meeting),
        _ => None,
    }
}

/// The follow-ups and meetings of the register (`recur`), or those of
/// one kind; files that cannot be read are handed to `skipped`.
pub fn load(register: &Register, kinds: &[Kind], skipped: impl FnMut(&store::Problem)) -> Snapshot {
    let files = |_: &Id, kind: Kind, _: Option<&str>| kinds.contains(&kind);
    store::report::load(register, Need::everything().files(&files), skipped)
}

/// The series the repeating records of `snapshot` form, `changed` (the
/// record a step just saved) standing for its file.
pub fn series_of(snapshot: &Snapshot, changed: Option<&Record>) -> Vec<Series> {
    let on_disk = (snapshot.records.iter())
        .map(|loaded| &loaded.record)
        .filter(|record| changed.is_none_or(|c| c.id() != record.id()));
    let records = on_disk.chain(changed);
    Series::gather(records.filter_map(|r| Some((r.id(), repeating(r)?))))
}

/// A step's sequel (`shared::Then`): once `record` is done, cancelled
/// or held, and it repeats and its series goes on, creates the occurrence
/// of the period after its own, unless the series has one there or later
/// (`recur` or an earlier step made it).
pub fn next(
    tx: &mut Change,
    register: &Register,
    record: &Record,
    actor: &Actor,
    calendar: &dyn WorkingDays,
) -> Result<Option<Made>> {
    let Some(this) = repeating(record) else {
        return Ok(None);
    };
    let (Some(every), Some(series_id)) = (this.every(), this.series()) else {
        return Ok(None);
    };
    if !this.settled() {
        return Ok(None);
    }
    let snapshot = load(register, &[record.kind()], |_| {});
    let series = series_of(&snapshot, Some(record));
    let Some(series) = series.iter().find(|s| &s.id == series_id) else {
        return Ok(None);
    };
    let Some(start) = every.next_start(every.period_start(this.occurs_on())) else {
        return Ok(None);
    };
    if series.ended || every.period_start(series.latest) >= start {
        return Ok(None);
    }
    create(tx, register, (record, every), start, actor, calendar).map(Some)
}

/// Creates the occurrence of `template`'s series for the period
/// beginning on `start`, on the rule's day moved off days off.
pub fn create(
    tx: &mut Change,
    register: &Register,
    (template, every): (&Record, Every),
    start: Date,
    actor: &Actor,
    calendar: &dyn WorkingDays,
) -> Result<Made> {
    let on = every.date_in(start, calendar);
    let kind = template.kind();
    let id = tx.allocate(register.config.prefix(kind), actor.today().year())?;
    let (record, done) = match template {
        Record::Followup(fu) => {
            let next = fu.next_occurrence(id.clone(), start, on, actor);
            let series = next.series.clone().unwrap_or_else(|| fu.id.clone());
            (
                Record::Followup(Box::new(next)),
                Done::NextFollowup {
                    id: id.clone(),
                    series,
                    on,
                },
            )
        }
        Record::Meeting(meeting) => {
            let next = meeting.next_occurrence(id.clone(), on, actor);
            let series = next.series.clone().unwrap_or_else(|| meeting.id.clone());
            (
                Record::Meeting(Box::new(next)),
                Done::NextMeeting {
                    id: id.clone(),
                    series,
                    on,
                },
            )
        }
        other => {
            return Err(taizhang_core::Error::internal(format_args!(
                "{}: not a repeating kind",
                other.id()
            ))
            .into());
        }
    };
    tx.save(&record)?;
    Ok(Made {
        id: id.to_string(),
        said: Confirm::Repeat(done),
    })
}

/// `--series` on a cancel: ends the series with this occurrence (on
/// `today`), refused on a record that does not repeat. Returns the line
/// that tells it.
pub fn end_series(record: &mut dyn Repeating, id: &Id, today: Date, flag: Flag) -> Result<Confirm> {
    let series = record.end_series(today).ok_or_else(|| {
        Error::Repeat(RepeatRefusal::NotRepeating {
            flag,
            id: id.to_string(),
        })
    })?;
    Ok(Confirm::Repeat(Done::Ended {
        id: id.clone(),
        series,
    }))
}

/// `--series` as clap names it in the command whose flags are `A`, for
/// the refusal of a record that does not repeat.
pub fn series_flag<A: clap::Args>() -> Flag {
    let command = A::augment_args(clap::Command::new("cancel"));
    Flag::of(command.get_arguments().find(|arg| arg.get_id() == "series"))
}
