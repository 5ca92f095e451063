//! The words of the kinds built in their own rooms: each room
//! (`i18n/<kind>.rs`) implements [`KindWords`], and the catalogue's
//! dispatchers (findings, steps, refusals, confirmations, labels) reach
//! it through the functions `kind_words!` writes from the one list of
//! such kinds in `i18n/mod.rs`, so that none of them names a kind.

use super::Lang;

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

    /// The field whose label heads one of `list`'s common columns for the
    /// kind (`reference` → `doc_number`), when the column's own does not.
    fn list_field(key: &str) -> Option<&'static str>;

    /// What a command of the kind did, for the line that confirms it.
    fn confirm(l: Lang, done: &Self::Done) -> String;
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

        pub use by_kind::{list_columns, list_field, register_name, value_word};

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
