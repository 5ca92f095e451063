//! The words `list --status` accepts for a status: the stored keyword,
//! the Chinese word shown for it (已办结), the same without its leading
//! 已 (办结), and the words offices use for it (在办 for 办理中). Every word
//! names one status of a kind and no other, so a word is never guessed
//! at; the same word may name a status of several kinds where they mean
//! the same (办结 is a paper done and a follow-up closed).

use crate::model::keyword::Keyword;
use crate::model::kind::Kind;

/// One kind's statuses: what the set is called, and per status its
/// keyword, the Chinese word shown, and every word accepted for it.
pub struct StatusSet {
    pub name: &'static str,
    pub statuses: Vec<StatusWords>,
}

pub struct StatusWords {
    pub keyword: &'static str,
    pub chinese: &'static str,
    accepted: Vec<&'static str>,
}

impl StatusWords {
    fn names(&self, input: &str) -> bool {
        self.keyword.eq_ignore_ascii_case(input) || self.accepted.contains(&input)
    }
}

/// A kind's statuses, with `more` words offices use besides the ones the
/// catalogue shows (在办 for 办理中): what each kind's `KindSpec` gives.
pub fn set<K: Keyword + PartialEq>(more: &[(K, &'static str)]) -> StatusSet {
    let statuses = K::ALL
        .iter()
        .map(|status| {
            let mut accepted = Vec::new();
            for word in status.chinese().split('|') {
                accepted.push(word);
                if let Some(bare) = word.strip_prefix('已').filter(|w| !w.is_empty()) {
                    accepted.push(bare);
                }
            }
            accepted.extend(more.iter().filter(|(s, _)| s == status).map(|(_, w)| *w));
            StatusWords {
                keyword: status.keyword(),
                chinese: status.chinese().split('|').next().unwrap_or_default(),
                accepted,
            }
        })
        .collect();
    StatusSet {
        name: K::NAME,
        statuses,
    }
}

/// The statuses of a kind with typed statuses; `None` for logbook
/// entries, whose statuses their book declares.
pub fn statuses(kind: Kind) -> Option<StatusSet> {
    kind.spec().statuses.map(|set| set())
}

/// The stored keywords `input` names among the statuses of `kinds`, or
/// `None` when it names none of them.
pub fn resolve(input: &str, kinds: &[Kind]) -> Option<Vec<&'static str>> {
    let input = input.trim();
    let mut found: Vec<&'static str> = Vec::new();
    let named = kinds
        .iter()
        .filter_map(|kind| statuses(*kind))
        .flat_map(|set| set.statuses)
        .filter(|status| status.names(input));
    for status in named {
        if !found.contains(&status.keyword) {
            found.push(status.keyword);
        }
    }
    (!found.is_empty()).then_some(found)
}

/// Every status of `kinds`, set by set, as keyword and Chinese word: what
/// an error lists as accepted.
pub fn accepted(kinds: &[Kind]) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    kinds
        .iter()
        .filter_map(|kind| statuses(*kind))
        .map(|set| {
            let values = set
                .statuses
                .iter()
                .map(|s| (s.keyword, s.chinese))
                .collect();
            (set.name, values)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPED: [Kind; 4] = [
        Kind::Incoming,
        Kind::Outgoing,
        Kind::Followup,
        Kind::Meeting,
    ];

    #[test]
    fn every_word_names_one_status_of_a_kind() {
        for kind in TYPED {
            let set = statuses(kind).unwrap();
            for status in &set.statuses {
                for word in status.accepted.iter().chain([&status.keyword]) {
                    let named: Vec<&str> = set
                        .statuses
                        .iter()
                        .filter(|s| s.names(word))
                        .map(|s| s.keyword)
                        .collect();
                    assert_eq!(named, [status.keyword], "{kind:?}: {word}");
                }
            }
        }
    }

    #[test]
    fn clerks_words_name_statuses() {
        assert_eq!(resolve("办结", &TYPED).unwrap(), ["done", "closed"]);
        assert_eq!(resolve("已销号", &TYPED).unwrap(), ["closed"]);
        assert_eq!(resolve("在办", &[Kind::Followup]).unwrap(), ["in-progress"]);
        assert_eq!(resolve("在办", &TYPED).unwrap(), ["in-progress"]);
        assert_eq!(resolve("CLOSED", &[Kind::Followup]).unwrap(), ["closed"]);
        assert_eq!(resolve("签发", &[Kind::Outgoing]).unwrap(), ["signed"]);
        assert!(resolve("办结", &[Kind::Meeting]).is_none());
        assert!(resolve("办完", &TYPED).is_none());
        assert!(resolve("", &TYPED).is_none());
    }
}
