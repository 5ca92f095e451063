//! `Facts`: what can be known about a record without decoding it again.
//!
//! The derived cache keeps a record's facts beside the record, so a command
//! can pass over records that cannot change its answer without decoding
//! them (docs/exit-codes-and-performance.md). Every fact here is a property
//! of the record (and, for a logbook entry's `open`, of its book's
//! declaration in the settings, which the cache's key holds) — never of
//! today or of a period — so it stays true for as long as the file and the
//! settings are unchanged. Commands turn their question into a test on
//! facts (`report::summary::relevant`, `Filter::may_match`); such a test
//! must keep every record that could count, and may keep more.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::model::date::parse_iso_date;
use crate::model::keyword::Secrecy;
use crate::model::link::Role;
use crate::model::record::{KindRules, Record, each};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// Still to be done (`Record::is_open`); everything with a pending
    /// due date is. A logbook entry is while out on its book's loop.
    pub open: bool,
    /// Its own secrecy level, which follow-ups made from it inherit.
    pub secrecy: Secrecy,
    /// It is a part of another record (a follow-up broken out of its
    /// matter): what the matter's page looks for among the follow-ups.
    pub part: bool,
    /// It may take on the level of records it names (`Record::
    /// secrecy_sources`: a follow-up's source, the file an entry names),
    /// so whether it is withheld is not known from its own level alone.
    pub inherits: bool,
    /// `Record::settled_on`.
    pub settled: Option<Date>,
    /// The day the record is filed under (`Record::date`): a meeting's
    /// start, a logbook entry's date field. Unlike `first..last`, it does
    /// not move with the day the record was written or imported.
    pub filed: Date,
    /// The earliest and latest dates written anywhere in the record, one
    /// day wider each way (a moment's date depends on its offset).
    pub first: Date,
    pub last: Date,
}

impl Facts {
    pub fn of(record: &Record) -> Facts {
        Facts::of_json(record, &record.to_json_vec().unwrap_or_default())
    }

    /// The facts of `record`, whose JSON (`Record::to_json_vec`) is at
    /// hand: its dates are read from that, not from a tree of values
    /// built anew. JSON that does not read gives a span of everything.
    pub fn of_json(record: &Record, json: &[u8]) -> Facts {
        let (first, last) = date_span(json);
        Facts {
            open: record.is_open(),
            secrecy: record.secrecy(),
            part: (record.links().iter()).any(|link| link.role == Role::Parent),
            inherits: !record.secrecy_sources().is_empty(),
            settled: record.settled_on(),
            filed: record.date(),
            first,
            last,
        }
    }

    /// Whether the record may be withheld from a reader who may not see
    /// classified text: its own level is classified, or it may take on
    /// another's.
    pub fn may_be_withheld(&self) -> bool {
        self.secrecy.is_classified() || self.inherits
    }

    /// Whether some date in the record may fall within `from..=to`.
    pub fn touches(&self, from: Date, to: Date) -> bool {
        self.first <= to && self.last >= from
    }
}

/// Between the texts of [`search_text`]: no text a clerk types holds it,
/// so a search cannot match across two fields.
const FIELD_END: char = '\u{1f}';
/// Before the 文号 part of [`search_text`], which is matched as a 文号.
const REFERENCE: char = '\u{1e}';

/// Everything `Record::matches_search` looks at, lower-cased, in one
/// string the cache keeps beside the facts: a search tests it without
/// decoding the record (`Needle::may_match`). The texts (title, ID, the
/// kind's own fields) each end with `FIELD_END`; the 文号, normalized as
/// `model::docnum` compares it, comes last after `REFERENCE`.
pub fn search_text(record: &Record) -> String {
    let texts = std::cell::RefCell::new(String::new());
    let push = |text: &str| {
        let mut texts = texts.borrow_mut();
        texts.push_str(&text.to_lowercase());
        texts.push(FIELD_END);
        // Never a hit: every field the kind searches is visited.
        false
    };
    push(record.title());
    push(&record.id().to_string());
    each!(record, r => KindRules::mentions(r.as_ref(), &push));
    let mut texts = texts.into_inner();
    texts.push(REFERENCE);
    if let Some(reference) = record.reference() {
        texts.push_str(&crate::model::docnum::normalize(&reference.to_lowercase()));
    }
    texts
}

/// A lower-cased search, made ready once for the many `search_text`s it
/// is tested against.
pub struct Needle<'n> {
    text: &'n str,
    finder: memchr::memmem::Finder<'n>,
    /// The needle as a 文号 is compared (`model::docnum`).
    reference: memchr::memmem::Finder<'static>,
}

impl<'n> Needle<'n> {
    pub fn new(text: &'n str) -> Needle<'n> {
        let reference = crate::model::docnum::normalize(text);
        Needle {
            text,
            finder: memchr::memmem::Finder::new(text),
            reference: memchr::memmem::Finder::new(reference.as_bytes()).into_owned(),
        }
    }

    /// Whether `may_match` answers exactly (the needle holds neither
    /// separator of the texts): then it decides a match alone.
    pub fn is_exact(&self) -> bool {
        !self.text.contains([FIELD_END, REFERENCE])
    }

    /// Whether a record whose `search_text` is `text` may match: exactly
    /// when `Record::matches_search` would, for a needle without the
    /// separators (with one, always). The text is taken as the bytes the
    /// cache keeps: a UTF-8 needle is found in UTF-8 text exactly where
    /// it is found as a string, so 100,000 texts need no check of their
    /// UTF-8 first.
    pub fn may_match(&self, text: &[u8]) -> bool {
        if !self.is_exact() {
            return true;
        }
        let (texts, reference) = match memchr::memchr(REFERENCE as u8, text) {
            Some(at) => (&text[..at], &text[at + 1..]),
            None => (text, &[][..]),
        };
        self.finder.find(texts).is_some()
            || (!self.reference.needle().is_empty() && self.reference.find(reference).is_some())
    }
}

/// The earliest and latest date of a record, found by looking at every
/// string of its JSON form `json` (dates and moments serialize as ISO
/// text), so no date field can be forgotten, hand-added ones included. A
/// record without any date spans everything.
fn date_span(json: &[u8]) -> (Date, Date) {
    let mut span: Option<(Date, Date)> = None;
    let mut visit = |text: &str| {
        // A whole string (`2026-1-5` in a logbook field counts as a date,
        // see `Record::date`) or the start of a longer one (a moment).
        let date = parse_iso_date(text).or_else(|| text.get(..10).and_then(parse_iso_date));
        let Some(date) = date else {
            return;
        };
        span = Some(span.map_or((date, date), |(a, b)| (a.min(date), b.max(date))));
    };
    let mut de = serde_json::Deserializer::from_slice(json);
    let read = Strings(&mut visit).deserialize(&mut de).is_ok();
    match span.filter(|_| read) {
        Some((first, last)) => (
            first.checked_sub(1.day()).unwrap_or(Date::MIN),
            last.checked_add(1.day()).unwrap_or(Date::MAX),
        ),
        None => (Date::MIN, Date::MAX),
    }
}

/// Hands every string value of a JSON document (not the keys) to its
/// function, without building the document's tree.
struct Strings<'f, F>(&'f mut F);

impl<'de, F: FnMut(&str)> DeserializeSeed<'de> for Strings<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, F: FnMut(&str)> Visitor<'de> for Strings<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, text: &str) -> Result<(), E> {
        (self.0)(text);
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Strings(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Strings(&mut *self.0))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    fn fu(extra: &str) -> Record {
        let yaml = format!(
            "id: FU-2026-0001\ntitle: 落实\nstatus: open\nlead: 办公室\n\
             assigned: 2026-03-01\ndue: 2026-04-20\ncreated: 2026-03-01T09:00:00+08:00\n{extra}"
        );
        Record::from_yaml(&yaml, Kind::Followup, None).unwrap()
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn the_span_covers_every_date_with_a_day_to_spare() {
        let facts = Facts::of(&fu(
            "extensions:\n- {from: 2026-04-20, to: 2026-06-30, reason: 等待, on: 2026-04-18}\n",
        ));
        assert_eq!(
            (facts.first, facts.last),
            (day("2026-02-28"), day("2026-07-01"))
        );
        assert!(facts.open);
        assert_eq!(facts.settled, None);
    }

    #[test]
    fn hand_added_dates_count_too() {
        let facts = Facts::of(&fu("inspected: 2029-01-05\n"));
        assert_eq!(facts.last, day("2029-01-06"));
    }

    #[test]
    fn a_closed_follow_up_is_settled_on_its_closing_day() {
        let record = fu("result: {closed: 2026-05-02}\n");
        let Record::Followup(mut closed) = record else {
            unreachable!()
        };
        closed.status = crate::model::followup::FuStatus::Closed;
        let facts = Facts::of(&Record::Followup(closed));
        assert!(!facts.open);
        assert_eq!(facts.settled, Some(day("2026-05-02")));
    }

    #[test]
    fn closed_without_a_date_is_never_settled() {
        let Record::Followup(mut closed) = fu("") else {
            unreachable!()
        };
        closed.status = crate::model::followup::FuStatus::Closed;
        assert_eq!(Facts::of(&Record::Followup(closed)).settled, None);
    }

    /// A follow-up broken out of a matter says so in its facts, which is
    /// how the matter's page finds its parts without decoding the rest.
    #[test]
    fn a_part_says_so_and_a_matter_does_not() {
        assert!(Facts::of(&fu("parent: FU-2026-0001\n")).part);
        assert!(!Facts::of(&fu("")).part);
    }

    /// A follow-up made from a paper may take on its level; one made
    /// from nothing is withheld only by its own.
    #[test]
    fn a_follow_up_from_a_paper_may_be_withheld() {
        let from_paper = Facts::of(&fu("source: document\nsource_ref: IN-2026-0001\n"));
        assert!(from_paper.inherits && from_paper.may_be_withheld());
        assert!(!Facts::of(&fu("")).may_be_withheld());
    }

    /// The cached text finds what the record's own search finds, and
    /// nothing it does not.
    #[test]
    fn the_search_text_matches_as_the_record_does() {
        for record in crate::testing::example_records() {
            let text = search_text(&record);
            let title = record.title().to_lowercase();
            let mut needles: Vec<String> = vec![
                "公路".into(),
                "通知".into(),
                "〔2026〕".into(),
                "[2026]1".into(),
                "fu-2026".into(),
                "办公室".into(),
                "zzz-nothing".into(),
            ];
            needles.extend(title.chars().take(3).map(String::from));
            needles.push(
                title
                    .chars()
                    .rev()
                    .take(2)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect(),
            );
            if let Some(reference) = record.reference() {
                needles.push(reference.to_lowercase());
                needles.push(
                    reference
                        .chars()
                        .skip(2)
                        .take(4)
                        .collect::<String>()
                        .to_lowercase(),
                );
            }
            for needle in needles.iter().filter(|n| !n.is_empty()) {
                assert_eq!(
                    Needle::new(needle).may_match(text.as_bytes()),
                    record.matches_search(needle),
                    "{} {needle:?}",
                    record.id()
                );
            }
        }
    }
}
