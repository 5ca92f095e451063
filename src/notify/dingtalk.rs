//! 钉钉 group robots: `markdown` messages whose text names each mobile to
//! @mention (`@138…`) as well as listing it in `at.atMobiles` (DingTalk
//! shows a mention only when both are there), and, with a signing secret,
//! the URL signed (`&timestamp=…&sign=…`). `errcode` other than 0 fails.

use serde_json::json;

use super::letters::Letter;
use super::{Answer, Compose, Post, chat, sign};

/// The size a message's text is kept within, in bytes (DingTalk refuses
/// a request of more than 20,000).
pub const LIMIT: usize = 18_000;

pub fn posts(compose: &Compose, letter: &Letter) -> Vec<Post> {
    let url = signed_url(compose);
    let parts = chat::parts(letter, compose.today, compose.lang, LIMIT);
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let mut text = part.markdown();
            // The mentions go with the last part, once.
            let mentions: &[String] = if i == last { &letter.mentions } else { &[] };
            if !mentions.is_empty() {
                let ats: Vec<String> = mentions.iter().map(|m| format!("@{m}")).collect();
                text.push_str(&format!("\n{}\n", ats.join(" ")));
            }
            Post {
                url: url.clone(),
                body: json!({
                    "msgtype": "markdown",
                    "markdown": {"title": part.title, "text": text},
                    "at": {"atMobiles": mentions, "isAtAll": false},
                }),
                answer: Answer::Errcode,
            }
        })
        .collect()
}

/// The robot's address, signed when the channel has a secret.
fn signed_url(compose: &Compose) -> String {
    let address = &compose.route.address;
    match compose.route.secret.as_deref() {
        None => address.clone(),
        Some(secret) => {
            let timestamp = compose.now.as_millisecond();
            let sign = sign::dingtalk(secret, timestamp);
            let glue = if address.contains('?') { '&' } else { '?' };
            format!("{address}{glue}timestamp={timestamp}&sign={sign}")
        }
    }
}
