//! The words of the kinds built in their own rooms: each room
//! (`i18n/<kind>.rs`) implements [`KindWords`], and the catalogue's
//! dispatchers (findings, steps, refusals, confirmations, labels) reach
//! it through the functions `kind_words!` writes from the one list of
//! such kinds in `i18n/mod.rs`, so that none of them names a kind.

use super::Lang;
use taizhang_core::model::kind::KindFigures;

/// Everything the catalogue says about a kind, said in the kind's room.
/// The functions take no `self`: a room's words are a table, not a value.
pub trait KindWords {
    /// The kind's findings for `check` (its room's `Note` in the core).
    type Note;
    /// The kind's steps (its room's `Step` in the core).
    type Step;
    /// What its commands did, for the line that confirms it.
    type Done;

    /// What each set of the kind's keywords is called, by
    /// `Keyword::NAME`: (name, English, Chinese).
    const KEYWORD_SETS: &'static [(&'static str, &'static str, &'static str)];

    /// The name of the kind's register, for its sheet of `export xlsx`.
    fn register_name(l: Lang) -> &'static str;

    /// A finding of `check` on a record of the kind, in words.
    fn note(l: Lang, note: &Self::Note) -> String;

    /// A step as people say it in Chinese (English uses the command).
    fn step_zh(step: Self::Step) -> &'static str;

    /// The kind asked for, in "expected …" errors.
    fn expected(l: Lang) -> String;

    /// The label of a field of the kind inside `scope`, when the kind has
    /// its own (`scope` is the kind's keyword, or a list of its fields).
    fn field(lang: Lang, scope: &str, key: &str) -> Option<&'static str>;

    /// The history line of one of the kind's own acts (stored by its
    /// keyword, `revise`), or `None` for an action that is not its own.
    fn history(l: Lang, action: &str, note: &str) -> Option<String>;

    /// A stored keyword of one of the kind's own fields (`outcome: keep`)
    /// as people say it, when `key` is such a field and `text` its keyword.
    fn value_word(l: Lang, key: &str, text: &str) -> Option<&'static str>;

    /// The columns `list` shows for the kind, by the keys of `list`'s
    /// common columns (`id`, `title`, `status`, `reference`, `party`,
    /// `lead`, `owner`, `date`, `due`, `days_left`).
    const LIST: &'static [&'static str];

    /// The columns of the kind's sheet in `export` (its paper register),
    /// each a key of its file with its width in characters; the headers
    /// are its field labels. `id`, `title`, `status` and `secrecy` are
    /// every record's; a date key's cells are dates.
    const EXPORT: &'static [(&'static str, f64)];

    /// The field whose label heads one of `list`'s common columns for the
    /// kind (`reference` → `doc_number`), when the column's own does not.
    fn list_field(key: &str) -> Option<&'static str>;

    /// What a command of the kind did, for the line that confirms it.
    fn confirm(l: Lang, done: &Self::Done) -> String;

    /// The rows of the kind's figures in `summary` and the brief: each
    /// figure's label and value (its own of `figures`).
    fn summary_rows(l: Lang, figures: &KindFigures) -> Vec<(String, usize)>;

    /// `remind`'s word for the level of a record of the kind due for
    /// review: its pending date is one to remind from, not a deadline
    /// (`KindRules::due_is_deadline`), as a rule's next review is.
    fn review_due_word(l: Lang) -> &'static str;

    /// How far such a review is: "review overdue 3 days".
    fn review_when(l: Lang, days_left: i64) -> String;

    /// `remind`'s first line, with how many of the kind are due for
    /// review.
    fn with_reviews_due(l: Lang, line: String, reviews: usize) -> String;
}

/// Writes, from the one list of kinds with words of their own
/// (`Kind => room`), what the catalogue's dispatchers call: `KindDone`
/// (what `Confirm::Kind` carries) and the module `by_kind`, which
/// matches on the core's `KindNote` and `KindStep` and asks the room.
macro_rules! kind_words {
    ($($kind:ident => $room:ident),+ $(,)?) => {
        /// What a command of a kind with its own words did.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum KindDone {
            $($kind(<$room::Words as kinds::KindWords>::Done)),+
        }

        $(
            impl From<<$room::Words as kinds::KindWords>::Done> for Confirm {
                fn from(done: <$room::Words as kinds::KindWords>::Done) -> Confirm {
                    Confirm::Kind(KindDone::$kind(done))
                }
            }
        )+

        pub use by_kind::{
            export_columns, list_columns, list_field, register_name, review_due_word, review_when,
            summary_rows, value_word, with_reviews_due,
        };

        /// The catalogue's way to each kind's words.
        mod by_kind {
            use super::kinds::KindWords;
            use super::*;
            use taizhang_core::model::keyword::Keyword;
            use taizhang_core::model::kind::{Kind, KindNote, KindStep};

            pub(super) fn note(l: Lang, note: &KindNote) -> String {
                match note {
                    $(KindNote::$kind(note) => $room::Words::note(l, note)),+
                }
            }

            pub(super) fn step_zh(step: KindStep) -> &'static str {
                match step {
                    $(KindStep::$kind(step) => $room::Words::step_zh(step)),+
                }
            }

            pub(super) fn confirm(l: Lang, done: &KindDone) -> String {
                match done {
                    $(KindDone::$kind(done) => $room::Words::confirm(l, done)),+
                }
            }

            /// The kind asked for, when it has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub(super) fn expected(l: Lang, kind: Kind) -> Option<String> {
                match kind {
                    $(Kind::$kind => Some($room::Words::expected(l)),)+
                    _ => None,
                }
            }

            pub(super) fn field(lang: Lang, scope: &str, key: &str) -> Option<&'static str> {
                None $(.or_else(|| $room::Words::field(lang, scope, key)))+
            }

            /// The history line of a kind's own act, by the first kind
            /// that knows the action.
            pub(super) fn history(l: Lang, action: &str, note: &str) -> Option<String> {
                None $(.or_else(|| $room::Words::history(l, action, note)))+
            }

            /// The kind's own columns of `list`, if it has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn list_columns(kind: Kind) -> Option<&'static [&'static str]> {
                match kind {
                    $(Kind::$kind => Some(<$room::Words as KindWords>::LIST),)+
                    _ => None,
                }
            }

            /// The kind's columns of `export`, if it has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn export_columns(kind: Kind) -> Option<&'static [(&'static str, f64)]> {
                match kind {
                    $(Kind::$kind => Some(<$room::Words as KindWords>::EXPORT),)+
                    _ => None,
                }
            }

            /// The field heading `list`'s column `key` for the kind whose
            /// keyword is `scope`.
            pub fn list_field(scope: &str, key: &str) -> Option<&'static str> {
                $(
                    if scope == Kind::$kind.keyword() {
                        return $room::Words::list_field(key);
                    }
                )+
                None
            }

            /// The name of a kind's register, if it has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn register_name(l: Lang, kind: Kind) -> Option<&'static str> {
                match kind {
                    $(Kind::$kind => Some($room::Words::register_name(l)),)+
                    _ => None,
                }
            }

            /// The rows of the kind's figures in `summary`; none for a
            /// kind without words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn summary_rows(
                l: Lang,
                kind: Kind,
                figures: &taizhang_core::model::kind::KindFigures,
            ) -> Vec<(String, usize)> {
                match kind {
                    $(Kind::$kind => $room::Words::summary_rows(l, figures),)+
                    _ => Vec::new(),
                }
            }

            /// `remind`'s level word for a record of the kind due for
            /// review, if the kind has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn review_due_word(l: Lang, kind: Kind) -> Option<&'static str> {
                match kind {
                    $(Kind::$kind => Some($room::Words::review_due_word(l)),)+
                    _ => None,
                }
            }

            /// How far a review of a record of the kind is, if the kind
            /// has words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn review_when(l: Lang, kind: Kind, days_left: i64) -> Option<String> {
                match kind {
                    $(Kind::$kind => Some($room::Words::review_when(l, days_left)),)+
                    _ => None,
                }
            }

            /// `remind`'s first line with how many of the kind are due for
            /// review; as it was for a kind without words of its own.
            #[allow(unreachable_patterns, reason = "until every kind has its room")]
            pub fn with_reviews_due(l: Lang, kind: Kind, line: String, reviews: usize) -> String {
                match kind {
                    $(Kind::$kind => $room::Words::with_reviews_due(l, line, reviews),)+
                    _ => line,
                }
            }

            /// A stored keyword of a kind's own field, as people say it.
            pub fn value_word(l: Lang, key: &str, text: &str) -> Option<&'static str> {
                None $(.or_else(|| $room::Words::value_word(l, key, text)))+
            }

            pub(super) fn keyword_sets(
            ) -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
                [$($room::Words::KEYWORD_SETS),+].into_iter().flatten()
            }
        }
    };
}
pub(super) use kind_words;
