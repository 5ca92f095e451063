//! 飞书 group bots: `post` (rich text) messages, a paragraph per line,
//! with the signature in the body when the channel has a secret. The
//! reply's `code` other than 0 is a failure. Feishu bots @mention by
//! user ID, not by mobile, so the owners are named in the text only.

use serde_json::{Value, json};

use super::letters::Letter;
use super::{Answer, Compose, Post, chat, sign};
use crate::i18n::Lang;

/// The size a message's text is kept within, in bytes (Feishu refuses a
/// request body of more than 20 KB).
pub const LIMIT: usize = 18_000;

pub fn posts(compose: &Compose, letter: &Letter) -> Vec<Post> {
    let locale = match compose.lang {
        Lang::En => "en_us",
        Lang::Zh => "zh_cn",
    };
    chat::parts(letter, compose.today, compose.lang, LIMIT)
        .iter()
        .map(|part| {
            let content: Vec<Value> = part
                .lines
                .iter()
                .map(|line| json!([{"tag": "text", "text": line.plain()}]))
                .collect();
            let mut body = json!({
                "msg_type": "post",
                "content": {"post": {locale: {"title": part.title, "content": content}}},
            });
            if let Some(secret) = compose.route.secret.as_deref() {
                let timestamp = compose.now.as_second();
                body["timestamp"] = json!(timestamp.to_string());
                body["sign"] = json!(sign::feishu(secret, timestamp));
            }
            Post {
                url: compose.route.address.clone(),
                body,
                answer: Answer::Code,
            }
        })
        .collect()
}
