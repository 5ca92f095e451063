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
