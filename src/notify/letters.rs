//! Who gets what: a channel's reminders cut into letters by its audience
//! (`to = all | units | owners`), each with the people to @mention, and
//! the fingerprint the send log keeps of it.

use sha2::{Digest, Sha256};
use taizhang_core::model::config::Person;
use taizhang_core::model::settings::notify::Audience;

use crate::i18n::{self, Lang};
use crate::report::remind::{self, Level, Reminder};

/// Who a letter is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// The whole office's group.
    Everyone,
    /// A lead unit (`None`: reminders with no unit).
    Unit(Option<String>),
    /// A person responsible.
    Owner(String),
    /// An owners channel's reminders that name no owner, by unit: they go
    /// to the office itself.
    Unowned(Option<String>),
}

impl Recipient {
    /// The key of the send log: stable whatever the language.
    pub fn key(&self) -> String {
        match self {
            Recipient::Everyone => "all".into(),
            Recipient::Unit(unit) => format!("unit:{}", unit.as_deref().unwrap_or("")),
            Recipient::Owner(name) => format!("owner:{name}"),
            Recipient::Unowned(unit) => format!("unowned:{}", unit.as_deref().unwrap_or("")),
        }
    }

    /// As the reader names it.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Recipient::Everyone => i18n::notify::everyone(lang),
            Recipient::Unit(unit) => remind::unit_name(unit.as_deref(), lang).to_string(),
            Recipient::Owner(name) => name.clone(),
            Recipient::Unowned(unit) => format!(
                "{} · {}",
                remind::unit_name(unit.as_deref(), lang),
                remind::owner_name(None, lang)
            ),
        }
    }
}

/// One message's worth: its reminders, in `remind`'s order.
#[derive(Debug, Clone)]
pub struct Letter {
    pub recipient: Recipient,
    pub items: Vec<Reminder>,
    /// Mobile numbers to @mention: the owners of its reminders.
    pub mentions: Vec<String>,
}

impl Letter {
    fn new(recipient: Recipient, items: Vec<Reminder>, people: &[Person]) -> Letter {
        let mut mentions: Vec<String> = Vec::new();
        for owner in items.iter().filter_map(|r| r.owner.as_deref()) {
            if let Some(mobile) = person(people, owner).and_then(|p| p.mobile.clone())
                && !mentions.contains(&mobile)
            {
                mentions.push(mobile);
            }
        }
        Letter {
            recipient,
            items,
            mentions,
        }
    }

    /// The supervisors (分管领导) of its red, overdue reminders: copied
    /// on an owner's e-mail.
    pub fn supervisors(&self) -> Vec<&str> {
        let mut found: Vec<&str> = Vec::new();
        for item in self.items.iter().filter(|r| r.level == Level::Overdue) {
            if let Some(s) = item.supervisor.as_deref()
                && !found.contains(&s)
                && item.owner.as_deref() != Some(s)
            {
                found.push(s);
            }
        }
        found
    }

    /// What the letter says, as a digest: a letter sent today is sent
    /// again only when this changes (a reminder added, gone, or of
    /// another level or date).
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for item in &self.items {
            let line = format!("{}|{}|{}\n", item.id, item.level.keyword(), item.due);
            hash.update(line.as_bytes());
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The person called `name` who has not left.
pub fn person<'p>(people: &'p [Person], name: &str) -> Option<&'p Person> {
    people.iter().find(|p| p.name == name && !p.left)
}

/// The letters of a channel whose audience is `to`.
pub fn letters(items: &[Reminder], to: Audience, people: &[Person]) -> Vec<Letter> {
    match to {
        Audience::All => vec![Letter::new(Recipient::Everyone, items.to_vec(), people)],
        Audience::Units => by(items, |r| Recipient::Unit(r.unit.clone()), people),
        Audience::Owners => by(
            items,
            |r| match &r.owner {
                Some(owner) => Recipient::Owner(owner.clone()),
                None => Recipient::Unowned(r.unit.clone()),
            },
            people,
        ),
    }
}

/// One letter per recipient `of` gives, in the order they first appear.
fn by(items: &[Reminder], of: impl Fn(&Reminder) -> Recipient, people: &[Person]) -> Vec<Letter> {
    let mut groups: Vec<(Recipient, Vec<Reminder>)> = Vec::new();
    for item in items {
        let recipient = of(item);
        match groups.iter_mut().find(|(r, _)| *r == recipient) {
            Some((_, list)) => list.push(item.clone()),
            None => groups.push((recipient, vec![item.clone()])),
        }
    }
    groups
        .into_iter()
        .map(|(recipient, list)| Letter::new(recipient, list, people))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::redact::Title;
    use jiff::civil::Date;
    use taizhang_core::model::kind::Kind;

    fn item(
        id: &str,
        unit: &str,
        owner: Option<&str>,
        supervisor: Option<&str>,
        level: Level,
    ) -> Reminder {
        Reminder {
            id: taizhang_core::model::id::Id::parse(id).unwrap(),
            kind: Kind::Followup,
            book: None,
            title: Title::Shown(format!("事项{id}")),
            unit: Some(unit.into()),
            owner: owner.map(str::to_string),
            supervisor: supervisor.map(str::to_string),
            due: Date::constant(2026, 11, 20),
            days_left: -3,
            level,
        }
    }

    fn person(name: &str, mobile: Option<&str>, left: bool) -> Person {
        Person {
            name: name.into(),
            mobile: mobile.map(str::to_string),
            left,
            ..Person::default()
        }
    }

    #[test]
    fn letters_follow_the_audience_and_mention_owners_once() {
        let items = [
            item(
                "FU-2026-0001",
                "办公室",
                Some("李明"),
                Some("陈局长"),
                Level::Overdue,
            ),
            item(
                "FU-2026-0002",
                "财务科",
                None,
                Some("陈局长"),
                Level::Overdue,
            ),
            item(
                "FU-2026-0003",
                "办公室",
                Some("李明"),
                Some("李明"),
                Level::Overdue,
            ),
            item(
                "FU-2026-0004",
                "办公室",
                Some("王芳"),
                Some("张局长"),
                Level::DueSoon,
            ),
        ];
        let people = [
            person("李明", Some("13800000001"), false),
            person("王芳", Some("13800000002"), true),
        ];
        let all = letters(&items, Audience::All, &people);
        assert_eq!(all.len(), 1);
        // 王芳 left: no mention; 李明 once.
        assert_eq!(all[0].mentions, ["13800000001"]);
        let units: Vec<String> = letters(&items, Audience::Units, &people)
            .iter()
            .map(|l| l.recipient.key())
            .collect();
        assert_eq!(units, ["unit:办公室", "unit:财务科"]);
        let owners = letters(&items, Audience::Owners, &people);
        let keys: Vec<String> = owners.iter().map(|l| l.recipient.key()).collect();
        assert_eq!(keys, ["owner:李明", "unowned:财务科", "owner:王芳"]);
        // Red items' supervisors, not the owner themself; a soon item's not.
        assert_eq!(owners[0].supervisors(), ["陈局长"]);
        assert!(owners[2].supervisors().is_empty());
        assert_ne!(owners[0].fingerprint(), owners[2].fingerprint());
    }
}
