//! 企业微信 group robots: `markdown` messages of at most 4,096 bytes, and,
//! since WeCom markdown cannot @mention, a following `text` message with
//! `mentioned_mobile_list`. A reply `errcode` other than 0 is a failure.

use serde_json::json;

use super::letters::Letter;
use super::{Answer, Compose, Post, chat};
use crate::i18n;

/// WeCom's limit on a markdown message's content, in bytes.
pub const LIMIT: usize = 4096;

pub fn posts(compose: &Compose, letter: &Letter) -> Vec<Post> {
    let mut posts: Vec<Post> = chat::parts(letter, compose.today, compose.lang, LIMIT)
        .iter()
        .map(|part| Post {
            url: compose.route.address.clone(),
            body: json!({"msgtype": "markdown", "markdown": {"content": part.markdown()}}),
            answer: Answer::Errcode,
        })
        .collect();
    if !letter.mentions.is_empty() {
        posts.push(Post {
            url: compose.route.address.clone(),
            body: json!({
                "msgtype": "text",
                "text": {
                    "content": i18n::notify::see_above(compose.lang),
                    "mentioned_mobile_list": letter.mentions,
                }
            }),
            answer: Answer::Errcode,
        });
    }
    posts
}
