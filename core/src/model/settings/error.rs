//! Why a change to the settings made from the command line (`config`,
//! `unit`, `person`, `series`) was refused: typed values, worded by the
//! command line.

use super::Shape;
use super::check::SettingNote;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// No such setting; `known` lists every key.
    UnknownKey { key: String, known: Vec<String> },
    /// A value that is not of the key's shape (`maybe` for a flag).
    BadValue {
        key: String,
        input: String,
        shape: Shape,
    },
    /// `config get` of a setting without a value.
    NotSet { key: String },
    /// The change would leave the settings wrong as `check` sees them.
    WouldBreak(SettingNote),
    /// A unit, person or series of that name (or code) is there already.
    Exists { what: Roster, name: String },
    /// No unit, person or series of that name; `known` lists them.
    Unknown {
        what: Roster,
        input: String,
        known: Vec<String>,
    },
    /// A retired unit, or a person who has left, named for new work.
    Gone { what: Roster, name: String },
    /// The unit still leads open items, or the person still holds some:
    /// `items` names them (IDs).
    StillHolds {
        what: Roster,
        name: String,
        items: Vec<String>,
    },
    /// A handover to the person leaving.
    HandoverToSelf { name: String },
    /// An ID prefix changed while records carry it: they would no longer
    /// be found. `count` records have it.
    PrefixInUse {
        key: String,
        prefix: String,
        count: usize,
    },
    /// `series add --start` below 1.
    BadStart { input: i64 },
}

/// What a roster change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roster {
    Unit,
    Person,
    Series,
}
