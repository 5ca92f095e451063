//! `Record`: any record of the register, with what every kind answers alike
//! (its ID, title, status, unit, due date, overdue).

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::model::common::{Extra, HistoryEntry};
use crate::model::config::LogbookDef;
use crate::model::date::{Moment, days_between};
use crate::model::followup::Followup;
use crate::model::id::{Id, RecordRef};
use crate::model::incoming::Incoming;
use crate::model::keyword::Secrecy;
use crate::model::kind::Kind;
use crate::model::link::Link;
use crate::model::logbook::Entry;
use crate::model::meeting::Meeting;
use crate::model::outgoing::Outgoing;
use crate::model::renumber::Swap;
use crate::model::rule::Rule;
use crate::model::transition::Status;
use crate::model::validate::KindTies;

/// Variants are boxed: kinds differ in size by hundreds of bytes, and a
/// register holds a hundred thousand records.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Incoming(Box<Incoming>),
    Outgoing(Box<Outgoing>),
    Followup(Box<Followup>),
    Meeting(Box<Meeting>),
    Rule(Box<Rule>),
    /// A logbook entry, with the book's name.
    Entry(Box<Entry>, String),
}

/// Runs the same expression on whichever kind `$record` holds: the one
/// list of the record's variants that the rest of the model goes
/// through, so that what differs per kind is asked of the kind
/// ([`KindRules`]) and not matched on in each file.
macro_rules! each {
    ($record:expr, $r:ident => $body:expr) => {
        match $record {
            Record::Incoming($r) => $body,
            Record::Outgoing($r) => $body,
            Record::Followup($r) => $body,
            Record::Meeting($r) => $body,
            Record::Rule($r) => $body,
            Record::Entry($r, _) => $body,
        }
    };
}
pub(crate) use each;

/// What each kind of record answers for itself, next to the kind: the
/// `Record` accessors of the same names ask whichever kind they hold, so a
/// new kind answers here rather than in a `match` per accessor. The
/// defaults suit a kind that is never open and has no deadline.
pub trait KindRules {
    /// The status as stored.
    fn status(&self) -> &str;

    /// Keys the tool does not know, kept on rewrite.
    fn extra(&self) -> &Extra;

    fn extra_mut(&mut self) -> &mut Extra;

    /// Gives back the spare room of the kind's lists.
    fn shrink_lists(&mut self);

    fn secrecy(&self) -> Secrecy {
        Secrecy::None
    }

    /// The record's own level, where its kind keeps one, for `doc
    /// declassify` to lower (`Record::declassify`).
    fn secrecy_mut(&mut self) -> Option<&mut Secrecy> {
        None
    }

    /// Empties every field of free text the record keeps besides its
    /// title, for a withheld record (`Record::without_matter`, which
    /// replaces the title): its notes, the free-text notes of its history
    /// (`classified::forget`), keys the tool does not know, and the
    /// kind's own text (requirements, results, minutes …).
    fn forget_matter(&mut self);

    fn unit(&self) -> Option<&str> {
        None
    }

    fn owner(&self) -> Option<&str> {
        None
    }

    fn party(&self) -> Option<String> {
        None
    }

    /// The date the record is filed under (`Record::date`).
    fn filed_on(&self) -> Date;

    fn is_open(&self) -> bool {
        false
    }

    fn pending_due(&self) -> Option<Date> {
        None
    }

    /// Whether `pending_due` is a deadline set for someone, which `check`
    /// warns of when it falls on a day off; a date to remind from (a
    /// rule's next review, counted by its cycle) is not.
    fn due_is_deadline(&self) -> bool {
        true
    }

    fn settled_on(&self) -> Option<Date> {
        Some(Date::MIN)
    }

    fn deadline(&self) -> Option<Date> {
        None
    }

    fn reference(&self) -> Option<&str> {
        None
    }

    /// Whether `hit` finds the search text in the kind's own fields
    /// (beyond the title and ID, which every kind has).
    fn mentions(&self, hit: &dyn Fn(&str) -> bool) -> bool;

    /// The status as a typed value, for refusals and the words people
    /// read; `None` for a logbook entry, whose statuses its book declares.
    fn typed_status(&self) -> Option<Status>;

    /// Every link the record holds, in the order of its fields
    /// (`model::link`).
    fn links(&self) -> Vec<Link> {
        Vec::new()
    }

    /// What the rules across records read of the record beyond its links
    /// (`validate::Ties`).
    fn ties(&self) -> KindTies {
        KindTies::Plain
    }

    /// Records on this record that follow-up `followup` was made from it
    /// (`reference` names a meeting's decision); nothing for a kind no
    /// follow-up is made from.
    fn link_followup(&mut self, _reference: &RecordRef, _followup: &Id) {}

    /// Hands `each` every unit of the office the record names, with the
    /// field that names it (`unit rename`). A logbook entry's are its
    /// book's declared unit fields, which the entry alone does not know.
    fn units_mut(&mut self, _each: &mut dyn FnMut(&str, &mut String)) {}

    /// Hands `each` every person the record names, with the field that
    /// names them: who received, signed, instructed, owns, supervises,
    /// hosts, attends or is on duty (`list --person`). A logbook entry's
    /// are its book's declared person fields, which the entry alone does
    /// not know (`Record::people`).
    fn people<'a>(&'a self, _each: &mut dyn FnMut(&'static str, &'a str)) {}

    /// Applies a renumbering to every reference the kind holds besides
    /// its own ID and history (`Record::renumber`); whether any changed.
    fn renumber_references(&mut self, _swap: &Swap) -> bool {
        false
    }
}

/// Whether a dated item is late, due today, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueState {
    pub due: Date,
    pub days_left: i64,
}

impl DueState {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

impl Record {
    /// Reads a record of `kind` from YAML text. `book` names the logbook
    /// for entries.
    pub fn from_yaml(
        text: &str,
        kind: Kind,
        book: Option<&str>,
    ) -> Result<Record, serde_yaml::Error> {
        Record::deserialize_as(serde_yaml::Deserializer::from_str(text), kind, book)
    }

    /// Reads a record of `kind` from any serde format: the YAML of its
    /// file, the JSON of the derived cache. `book` names the logbook for
    /// entries.
    pub fn deserialize_as<'de, D: serde::Deserializer<'de>>(
        de: D,
        kind: Kind,
        book: Option<&str>,
    ) -> Result<Record, D::Error> {
        use serde::Deserialize;
        Ok(match kind {
            Kind::Incoming => Record::Incoming(Deserialize::deserialize(de)?),
            Kind::Outgoing => Record::Outgoing(Deserialize::deserialize(de)?),
            Kind::Followup => Record::Followup(Deserialize::deserialize(de)?),
            Kind::Meeting => Record::Meeting(Deserialize::deserialize(de)?),
            Kind::Rule => Record::Rule(Deserialize::deserialize(de)?),
            Kind::Logbook => Record::Entry(
                Deserialize::deserialize(de)?,
                book.unwrap_or_default().to_string(),
            ),
        })
    }

    /// The record as compact JSON bytes (the derived cache's payload).
    pub fn to_json_vec(&self) -> serde_json::Result<Vec<u8>> {
        each!(self, r => serde_json::to_vec(r))
    }

    /// The record as a YAML value tree, keys in their documented order.
    pub fn to_value(&self) -> Result<serde_yaml::Value, serde_yaml::Error> {
        each!(self, r => serde_yaml::to_value(r))
    }

    /// The record as JSON, for `--format json`.
    pub fn to_json(&self) -> serde_json::Value {
        each!(self, r => to_json(r))
    }

    pub fn kind(&self) -> Kind {
        match self {
            Record::Incoming(_) => Kind::Incoming,
            Record::Outgoing(_) => Kind::Outgoing,
            Record::Followup(_) => Kind::Followup,
            Record::Meeting(_) => Kind::Meeting,
            Record::Rule(_) => Kind::Rule,
            Record::Entry(..) => Kind::Logbook,
        }
    }

    /// Tells an entry its book's declaration, found among `books`, so
    /// that it is filed under the book's date field (`Entry::know_book`).
    /// Other records, and entries of undeclared books, are left as read.
    pub fn know_books(&mut self, books: &BTreeMap<String, LogbookDef>) {
        if let Record::Entry(entry, book) = self
            && let Some(def) = books.get(book.as_str())
        {
            entry.know_book(def);
        }
    }

    /// The logbook's name, for entries.
    pub fn book(&self) -> Option<&str> {
        match self {
            Record::Entry(_, book) => Some(book),
            _ => None,
        }
    }

    pub fn id(&self) -> &Id {
        each!(self, r => &r.id)
    }

    pub fn title(&self) -> &str {
        each!(self, r => &r.title)
    }

    pub fn created(&self) -> &Moment {
        each!(self, r => &r.created)
    }

    pub fn history(&self) -> &[HistoryEntry] {
        each!(self, r => &r.history)
    }

    /// Gives back the spare room of the record's lists. A list read from
    /// JSON or YAML grows by doubling, from four: a history of one entry
    /// holds room for four, which over a whole register is a quarter of
    /// the memory its records take.
    pub fn shrink_to_fit(&mut self) {
        each!(self, r => KindRules::shrink_lists(r.as_mut()))
    }

    pub fn history_mut(&mut self) -> &mut Vec<HistoryEntry> {
        each!(self, r => &mut r.history)
    }

    pub fn push_history(&mut self, entry: HistoryEntry) {
        each!(self, r => r.history.push(entry))
    }

    /// Keys the tool does not know: kept on rewrite, warned about by `check`.
    pub fn extra(&self) -> &Extra {
        each!(self, r => KindRules::extra(r.as_ref()))
    }

    /// Keys the tool does not know, to keep one (`legacy_id`) or drop it.
    pub fn extra_mut(&mut self) -> &mut Extra {
        each!(self, r => KindRules::extra_mut(r.as_mut()))
    }

    /// The status as stored.
    pub fn status(&self) -> &str {
        each!(self, r => KindRules::status(r.as_ref()))
    }

    /// The status as a typed value; `None` for a logbook entry, whose
    /// status is whatever its book says.
    pub fn typed_status(&self) -> Option<Status> {
        each!(self, r => KindRules::typed_status(r.as_ref()))
    }

    /// Whether a status typed by the user names this record's status: the
    /// stored keyword (any case) or any of its Chinese words (已办结 and
    /// 已销号 both name `closed`).
    pub fn status_is(&self, wanted: &str) -> bool {
        let named = |chinese: &str| chinese.split('|').any(|w| w == wanted);
        self.status().eq_ignore_ascii_case(wanted)
            || match self.typed_status() {
                Some(status) => named(status.chinese()),
                None => named(self.status()),
            }
    }

    pub fn secrecy(&self) -> Secrecy {
        each!(self, r => KindRules::secrecy(r.as_ref()))
    }

    /// The unit responsible inside the office: the lead unit of a
    /// follow-up or an assigned paper, the drafting unit of an outgoing one.
    pub fn unit(&self) -> Option<&str> {
        each!(self, r => KindRules::unit(r.as_ref()))
    }

    /// Hands `each` every person the record names, with its field
    /// (`KindRules::people`); a logbook entry's are the fields its book
    /// in `books` declares of type `person`.
    pub fn people<'a>(
        &'a self,
        books: &'a BTreeMap<String, LogbookDef>,
        each: &mut dyn FnMut(&'a str, &'a str),
    ) {
        match self {
            Record::Entry(entry, book) => {
                if let Some(book) = books.get(book) {
                    entry.people(book, each);
                }
            }
            _ => {
                each!(self, r => KindRules::people(r.as_ref(), &mut |field, name| each(field, name)))
            }
        }
    }

    /// Whether the record names `person` (`people`), the name compared
    /// as written, without spaces around it.
    pub fn names_person(&self, person: &str, books: &BTreeMap<String, LogbookDef>) -> bool {
        let mut found = false;
        self.people(books, &mut |_, name| found |= name.trim() == person);
        found
    }

    /// The person responsible.
    pub fn owner(&self) -> Option<&str> {
        each!(self, r => KindRules::owner(r.as_ref()))
    }

    /// The other party: who sent a paper in, who an outgoing one goes to.
    pub fn party(&self) -> Option<String> {
        each!(self, r => KindRules::party(r.as_ref()))
    }

    /// The date a record is filed under: received, signed, assigned, held.
    pub fn date(&self) -> Date {
        each!(self, r => KindRules::filed_on(r.as_ref()))
    }

    /// Still to be done: an open follow-up, an action paper still in hand
    /// (with or without a deadline).
    pub fn is_open(&self) -> bool {
        each!(self, r => KindRules::is_open(r.as_ref()))
    }

    /// The deadline of something still to be done: an open follow-up's
    /// effective due date, a pending action paper's deadline.
    pub fn pending_due(&self) -> Option<Date> {
        each!(self, r => KindRules::pending_due(r.as_ref()))
    }

    /// Whether the pending due date is a deadline set for someone (see
    /// `KindRules::due_is_deadline`).
    pub fn due_is_deadline(&self) -> bool {
        each!(self, r => KindRules::due_is_deadline(r.as_ref()))
    }

    /// The day from which the record is settled for good: from then on it
    /// is neither an open follow-up nor a pending paper for any `asof`
    /// (`Followup::open_on`, `Incoming::pending_on`) nor has a pending
    /// due date. `None` while it may still be open — including records
    /// whose status says closed but that carry no date to tell since when.
    /// Kinds that are never open are settled from the start.
    pub fn settled_on(&self) -> Option<Date> {
        each!(self, r => KindRules::settled_on(r.as_ref()))
    }

    /// The deadline of a record that has one, whatever its status: a
    /// follow-up's effective due date, a paper's handling deadline.
    pub fn deadline(&self) -> Option<Date> {
        each!(self, r => KindRules::deadline(r.as_ref()))
    }

    /// The reference a clerk quotes: the sender's 来文字号 of an incoming
    /// paper, the 发文字号 of an outgoing one.
    pub fn reference(&self) -> Option<&str> {
        each!(self, r => KindRules::reference(r.as_ref()))
    }

    /// The one definition of overdue: still to be done, and its deadline
    /// is before today.
    pub fn due_state(&self, today: Date) -> Option<DueState> {
        self.pending_due().map(|due| DueState {
            due,
            days_left: days_between(today, due),
        })
    }

    /// Whether `needle` (lower-cased) occurs in the title, references,
    /// parties or notes. A document number matches however either was
    /// typed (`〔2026〕11号` finds `省应急发[2026]11号`, `model::docnum`).
    pub fn matches_search(&self, needle: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(needle);
        if hit(self.title()) || hit(&self.id().to_string()) {
            return true;
        }
        if let Some(reference) = self.reference() {
            let needle = crate::model::docnum::normalize(needle);
            if !needle.is_empty()
                && crate::model::docnum::normalize(&reference.to_lowercase()).contains(&needle)
            {
                return true;
            }
        }
        each!(self, r => KindRules::mentions(r.as_ref(), &hit))
    }
}

fn to_json<T: Serialize>(record: &T) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or(serde_json::Value::Null)
}
