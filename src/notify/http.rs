//! Posting a message to a robot or webhook: a timeout on every try,
//! tries again after a network error or a 5xx (waiting longer each time),
//! never after a 4xx, and the platform's own error code read from a
//! 200's body.

use std::time::Duration;

use serde_json::Value;

use super::retry::{Try, with_retries};
use super::{Answer, Post, channel};
use crate::i18n::notify::Trouble;

/// An HTTP client that waits at most `timeout` for each try.
pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("taizhang/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// Sends `post`, trying up to `retries` more times on a network error or
/// a 5xx.
pub fn send(agent: &ureq::Agent, post: &Post, retries: u32) -> Result<(), Trouble> {
    let body = post.body.to_string();
    with_retries(retries, || try_once(agent, post, &body))
}

fn try_once(agent: &ureq::Agent, post: &Post, body: &str) -> Result<(), Try> {
    let reply = agent
        .post(&post.url)
        .header("Content-Type", "application/json; charset=utf-8")
        .send(body);
    let mut reply = match reply {
        Ok(reply) => reply,
        Err(e) => {
            // Never show the address's key in a message.
            let detail = e.to_string().replace(&post.url, &channel::shown(&post.url));
            return Err(Try::Again(Trouble::Network { detail, tries: 1 }));
        }
    };
    let status = reply.status().as_u16();
    let text = reply.body_mut().read_to_string().unwrap_or_default();
    let failed = || Trouble::Status {
        status,
        body: brief(&text),
    };
    match status {
        200..=299 => check(post.answer, status, &text).map_err(Try::Final),
        500..=599 => Err(Try::Again(failed())),
        _ => Err(Try::Final(failed())),
    }
}

/// The platform's verdict in a successful reply's body.
fn check(answer: Answer, status: u16, text: &str) -> Result<(), Trouble> {
    let fields = match answer {
        Answer::Status => return Ok(()),
        Answer::Errcode => [("errcode", "errmsg"), ("errcode", "errmsg")],
        Answer::Code => [("code", "msg"), ("StatusCode", "StatusMessage")],
    };
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Err(Trouble::Status {
            status,
            body: brief(text),
        });
    };
    for (code, message) in fields {
        if let Some(code) = value.get(code).and_then(Value::as_i64)
            && code != 0
        {
            let message = value.get(message).and_then(Value::as_str).unwrap_or("");
            return Err(Trouble::Platform {
                code,
                message: message.to_string(),
            });
        }
    }
    Ok(())
}

/// The start of a reply's body, enough to say what went wrong.
fn brief(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platforms_own_codes_decide() {
        assert!(check(Answer::Errcode, 200, r#"{"errcode":0,"errmsg":"ok"}"#).is_ok());
        assert_eq!(
            check(
                Answer::Errcode,
                200,
                r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#
            ),
            Err(Trouble::Platform {
                code: 93000,
                message: "invalid webhook url".into()
            })
        );
        assert!(check(Answer::Code, 200, r#"{"code":0,"msg":"success"}"#).is_ok());
        assert!(
            check(
                Answer::Code,
                200,
                r#"{"code":19021,"msg":"sign match fail"}"#
            )
            .is_err()
        );
        assert!(check(Answer::Code, 200, r#"{"StatusCode":1,"StatusMessage":"x"}"#).is_err());
        assert!(check(Answer::Errcode, 200, "<html>").is_err());
        assert!(check(Answer::Status, 200, "").is_ok());
    }
}
