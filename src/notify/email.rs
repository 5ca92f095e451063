//! E-mail: one text/plain UTF-8 message per letter, its subject the
//! headline (lettre writes it in RFC 2047 for the Chinese), sent over
//! SMTP. An owner's letter goes to them, its overdue (red) reminders
//! copied to their supervisors (分管领导); a unit's to the unit's people;
//! what names no one, to the office's own address (`from`).

use std::time::{Duration, SystemTime};

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{Message, SmtpTransport, Transport};
use sha2::{Digest, Sha256};
use taizhang_core::model::config::Person;

use super::Compose;
use super::letters::{self, Letter, Recipient};
use super::retry::{Try, with_retries};
use super::{channel, chat};
use crate::i18n::notify::Trouble;

/// A message ready for the SMTP server, and its body as the reader sees
/// it (for `--dry-run`).
#[derive(Debug)]
pub struct Mail {
    pub message: Message,
    pub body: String,
}

/// The letter as an e-mail, or why it cannot be one (an owner without an
/// address).
pub fn mail(compose: &Compose, letter: &Letter, people: &[Person]) -> Result<Mail, Trouble> {
    let from = compose.route.from.clone().ok_or_else(|| Trouble::Mail {
        detail: "no sender".into(),
    })?;
    let (to, cc) = addressees(letter, people, &from)?;
    let body = chat::plain(letter, compose.today, compose.lang);
    let mut builder = Message::builder()
        .from(from)
        .subject(chat::headline(letter, compose.today, compose.lang))
        .date(SystemTime::from(compose.now))
        .message_id(Some(message_id(compose, letter)));
    for mailbox in to {
        builder = builder.to(mailbox);
    }
    for mailbox in cc {
        builder = builder.cc(mailbox);
    }
    let message = builder
        .header(ContentType::TEXT_PLAIN)
        .body(body.clone())
        .map_err(|e| Trouble::Mail {
            detail: e.to_string(),
        })?;
    Ok(Mail { message, body })
}

/// The same letter on the same day has the same ID, so a mail client
/// shows a message sent again with `--again` as one.
fn message_id(compose: &Compose, letter: &Letter) -> String {
    let mut hash = Sha256::new();
    hash.update(compose.route.name.as_bytes());
    hash.update(letter.recipient.key().as_bytes());
    hash.update(letter.fingerprint().as_bytes());
    let digest: String = hash.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("<{}.{digest}@taizhang>", compose.today)
}

/// Whom the letter goes to, and whom it is copied to.
fn addressees(
    letter: &Letter,
    people: &[Person],
    office: &Mailbox,
) -> Result<(Vec<Mailbox>, Vec<Mailbox>), Trouble> {
    let or_office = |list: Vec<Mailbox>| match list.is_empty() {
        true => vec![office.clone()],
        false => list,
    };
    let active = || people.iter().filter(|p| !p.left);
    match &letter.recipient {
        Recipient::Owner(name) => {
            let owner = letters::person(people, name)
                .and_then(mailbox)
                .ok_or_else(|| Trouble::NoEmail { name: name.clone() })?;
            let cc = letter
                .supervisors()
                .into_iter()
                .filter_map(|s| letters::person(people, s).and_then(mailbox))
                .collect();
            Ok((vec![owner], cc))
        }
        Recipient::Unowned(_) => Ok((vec![office.clone()], Vec::new())),
        Recipient::Everyone => Ok((
            or_office(active().filter_map(mailbox).collect()),
            Vec::new(),
        )),
        Recipient::Unit(unit) => {
            let members = active()
                .filter(|p| p.unit.is_some() && p.unit == *unit)
                .filter_map(mailbox)
                .collect();
            Ok((or_office(members), Vec::new()))
        }
    }
}

/// A person's address with their name, if they have a readable one.
fn mailbox(person: &Person) -> Option<Mailbox> {
    let address = person.email.as_deref()?.trim().parse().ok()?;
    Some(Mailbox::new(Some(person.name.clone()), address))
}

/// A connection to the channel's SMTP server (`smtp://` plain, `smtps://`
/// TLS, `?tls=required` STARTTLS), waiting at most `timeout`.
pub fn transport(address: &str, timeout: Duration) -> Result<SmtpTransport, Trouble> {
    SmtpTransport::from_url(address)
        .map(|b| b.timeout(Some(timeout)).build())
        .map_err(|e| Trouble::Mail {
            detail: e.to_string().replace(address, &channel::shown(address)),
        })
}

/// Sends `mail`, trying again on anything but a permanent refusal (an
/// SMTP 5xx).
pub fn send(transport: &SmtpTransport, mail: &Mail, retries: u32) -> Result<(), Trouble> {
    with_retries(retries, || match transport.send(&mail.message) {
        Ok(_) => Ok(()),
        Err(e) => {
            let trouble = Trouble::Mail {
                detail: e.to_string(),
            };
            Err(match e.is_permanent() {
                true => Try::Final(trouble),
                false => Try::Again(trouble),
            })
        }
    })
}

/// The message as `--dry-run` shows it: its headers exactly as sent.
pub fn headers(mail: &Mail) -> String {
    let formatted = String::from_utf8_lossy(&mail.message.formatted()).replace("\r\n", "\n");
    match formatted.split_once("\n\n") {
        Some((head, _)) => head.to_string(),
        None => formatted,
    }
}
