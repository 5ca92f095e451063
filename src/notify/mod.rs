//! Pushing reminders to the people who must act (docs/notify.md): each
//! `[notify.NAME]` channel gets `remind`'s reminders cut into letters for
//! its audience, in its platform's own format (a WeCom, DingTalk or
//! Feishu robot, a webhook, e-mail), sent at the platform's pace, each
//! failure named, and a local log so a letter goes once a day.
//!
//! A layer between the commands and the reports: it takes the reminders
//! `report::remind` computed and never recomputes them; the only titles
//! it ever sees are those the report already withheld.

pub mod channel;
mod chat;
mod dingtalk;
mod email;
mod feishu;
mod http;
pub mod letters;
pub mod log;
mod retry;
pub mod secrets;
mod sign;
mod webhook;
mod wecom;

use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::civil::Date;
use taizhang_core::model::config::Person;
use taizhang_core::model::settings::notify::ChannelKind;

use crate::i18n::Lang;
use crate::i18n::notify::{self as words, Trouble};
use crate::report::remind::Reminder;
use channel::Route;
use letters::Letter;
use log::SendLog;

/// What every platform's message is made from.
pub struct Compose<'a> {
    pub route: &'a Route,
    pub today: Date,
    /// For signatures and the e-mail's date.
    pub now: Timestamp,
    pub lang: Lang,
}

/// One HTTP request to a robot or webhook.
#[derive(Debug, Clone)]
pub struct Post {
    pub url: String,
    pub body: serde_json::Value,
    pub answer: Answer,
}

/// How a platform says a message was refused in a 200's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// WeCom, DingTalk: `errcode` other than 0.
    Errcode,
    /// Feishu: `code` (or the older `StatusCode`) other than 0.
    Code,
    /// A webhook: the HTTP status alone.
    Status,
}

/// What one letter is sent as.
#[derive(Debug)]
pub enum Sends {
    Posts(Vec<Post>),
    Mail(Box<email::Mail>),
}

/// A letter of a channel and what it is sent as, or why it cannot be.
#[derive(Debug)]
pub struct Message {
    pub letter: Letter,
    pub sends: Result<Sends, Trouble>,
}

/// The messages of one channel, for its letters.
pub fn compose(compose: &Compose, letters: Vec<Letter>, people: &[Person]) -> Vec<Message> {
    letters
        .into_iter()
        .map(|letter| {
            let sends = match compose.route.kind {
                ChannelKind::Wecom => Ok(Sends::Posts(wecom::posts(compose, &letter))),
                ChannelKind::Dingtalk => Ok(Sends::Posts(dingtalk::posts(compose, &letter))),
                ChannelKind::Feishu => Ok(Sends::Posts(feishu::posts(compose, &letter))),
                ChannelKind::Webhook => Ok(Sends::Posts(webhook::posts(compose, &letter))),
                ChannelKind::Email => {
                    email::mail(compose, &letter, people).map(|m| Sends::Mail(Box::new(m)))
                }
            };
            Message { letter, sends }
        })
        .collect()
}

/// Every message of a channel exactly as it would be sent: the address
/// without its key, the headers, the body.
pub fn dry_run(route: &Route, messages: &[Message], lang: Lang) -> String {
    let mut out = String::new();
    for message in messages {
        let recipient = message.letter.recipient.words(lang);
        out.push_str(&words::dry_heading(lang, &route.name, &recipient));
        out.push('\n');
        match &message.sends {
            Err(trouble) => {
                out.push_str(&words::trouble(lang, trouble));
                out.push_str("\n\n");
            }
            Ok(Sends::Posts(posts)) => {
                for post in posts {
                    let body = serde_json::to_string_pretty(&post.body).unwrap_or_default();
                    out.push_str(&format!(
                        "POST {}\nContent-Type: application/json; charset=utf-8\n\n{body}\n\n",
                        channel::shown(&post.url)
                    ));
                }
            }
            Ok(Sends::Mail(mail)) => {
                let headers = email::headers(mail);
                let encoding = headers
                    .lines()
                    .find_map(|l| l.strip_prefix("Content-Transfer-Encoding: "))
                    .unwrap_or("8bit");
                out.push_str(&format!(
                    "SMTP {}\n{headers}\n\n{}\n{}\n",
                    channel::shown(&route.address),
                    words::body_encoded(lang, encoding),
                    mail.body
                ));
            }
        }
    }
    out
}

/// How a channel's run went.
#[derive(Debug, Default)]
pub struct Outcome {
    pub sent: usize,
    /// Letters already sent today, unchanged, so not sent again.
    pub already: usize,
    /// Each failed letter: whom it was for, and why.
    pub failed: Vec<(String, Trouble)>,
    /// The reminders of the letters delivered.
    pub delivered: Vec<Reminder>,
}

/// Sends a channel's messages at its pace, each letter not already sent
/// today (unless `again`), logging each one delivered.
pub fn deliver(
    route: &Route,
    messages: Vec<Message>,
    log: &mut SendLog,
    again: bool,
    lang: Lang,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut pace = Pace::new(route.gap);
    let agent = http::agent(route.timeout);
    for message in messages {
        let recipient = message.letter.recipient.key();
        let fingerprint = message.letter.fingerprint();
        if !again && log.already(&route.name, &recipient, &fingerprint) {
            outcome.already += 1;
            continue;
        }
        let result = message.sends.and_then(|sends| match sends {
            Sends::Posts(posts) => posts.iter().try_for_each(|post| {
                pace.wait();
                http::send(&agent, post, route.retries)
            }),
            Sends::Mail(mail) => {
                pace.wait();
                let transport = email::transport(&route.address, route.timeout)?;
                email::send(&transport, &mail, route.retries)
            }
        });
        match result {
            Ok(()) => {
                outcome.sent += 1;
                // A log that cannot be written costs a second send at worst.
                let _ = log.delivered(&route.name, &recipient, &fingerprint);
                outcome.delivered.extend(message.letter.items);
            }
            Err(trouble) => outcome
                .failed
                .push((message.letter.recipient.words(lang), trouble)),
        }
    }
    outcome
}

/// Keeps sends at least `gap` apart, to stay under a platform's limit of
/// messages a minute.
struct Pace {
    gap: Duration,
    last: Option<Instant>,
}

impl Pace {
    fn new(gap: Duration) -> Pace {
        Pace { gap, last: None }
    }

    fn wait(&mut self) {
        if let Some(last) = self.last {
            let next = last + self.gap;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        self.last = Some(Instant::now());
    }
}
