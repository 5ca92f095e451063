//! Any HTTP endpoint: one POST per letter with `remind --format json`'s
//! reminders, the letter as plain text, and whom it is for. Any 2xx is
//! delivered.

use serde_json::json;

use super::letters::Letter;
use super::{Answer, Compose, Post, chat};

pub fn posts(compose: &Compose, letter: &Letter) -> Vec<Post> {
    vec![Post {
        url: compose.route.address.clone(),
        body: json!({
            "channel": compose.route.name,
            "recipient": letter.recipient.key(),
            "text": chat::plain(letter, compose.today, compose.lang),
            "reminders": letter.items,
        }),
        answer: Answer::Status,
    }]
}
