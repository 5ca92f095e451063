//! A channel made ready to send: its `[notify.NAME]` table with each
//! value read (the environment for `env:NAME`, the secrets file for what
//! the settings leave out), checked before anything is sent.

use std::time::Duration;

use lettre::message::Mailbox;
use taizhang_core::model::settings::notify::{Audience, Channel, ChannelKind, Held, held};

use super::secrets::SecretsFile;
use crate::error::NotifyProblem;

/// A channel with everything it needs to send.
#[derive(Debug, Clone)]
pub struct Route {
    pub name: String,
    pub kind: ChannelKind,
    pub to: Audience,
    /// The robot's, webhook's or SMTP server's address, keys included.
    pub address: String,
    pub secret: Option<String>,
    /// E-mail's sender.
    pub from: Option<Mailbox>,
    /// The least time between two messages, to stay under the platform's
    /// rate limit.
    pub gap: Duration,
    pub timeout: Duration,
    pub retries: u32,
}

/// The default wait for an answer.
const TIMEOUT_SECS: u32 = 10;
/// The default tries after the first.
const RETRIES: u32 = 2;

/// Reads `def`, the channel `name`, taking `env:NAME` values from `env`
/// and what the settings lack from `secrets`.
pub fn resolve(
    name: &str,
    def: &Channel,
    secrets: &SecretsFile,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Route, NotifyProblem> {
    let value = |key: &'static str| -> Result<Option<String>, NotifyProblem> {
        let Some(written) = def.value(key).or_else(|| secrets.value(name, key)) else {
            return Ok(None);
        };
        match held(written) {
            Held::Literal(text) => Ok(Some(text.trim().to_string())),
            Held::Env(var) => env(var).map(Some).ok_or_else(|| NotifyProblem::NoEnv {
                channel: name.to_string(),
                key,
                var: var.to_string(),
            }),
        }
    };
    let key = def.kind.address_key();
    let address = value(key)?
        .filter(|a| !a.is_empty())
        .ok_or_else(|| NotifyProblem::Missing {
            channel: name.to_string(),
            key,
        })?;
    let schemes = schemes(def.kind);
    if !schemes.iter().any(|s| address.starts_with(s)) {
        return Err(NotifyProblem::NotUrl {
            channel: name.to_string(),
            key,
            schemes,
        });
    }
    let from = match def.kind {
        ChannelKind::Email => Some(sender(name, value("from")?)?),
        _ => None,
    };
    let per_minute = def
        .per_minute
        .unwrap_or(def.kind.default_per_minute())
        .max(1);
    Ok(Route {
        name: name.to_string(),
        kind: def.kind,
        to: def.to,
        address,
        secret: value("secret")?.filter(|s| !s.is_empty()),
        from,
        gap: Duration::from_secs(60) / per_minute,
        timeout: Duration::from_secs(def.timeout.unwrap_or(TIMEOUT_SECS).max(1).into()),
        retries: def.retries.unwrap_or(RETRIES),
    })
}

/// The schemes a channel's address may have.
fn schemes(kind: ChannelKind) -> &'static [&'static str] {
    match kind {
        ChannelKind::Email => &["smtps://", "smtp://"],
        _ => &["https://", "http://"],
    }
}

fn sender(channel: &str, from: Option<String>) -> Result<Mailbox, NotifyProblem> {
    let from = from.ok_or_else(|| NotifyProblem::Missing {
        channel: channel.to_string(),
        key: "from",
    })?;
    from.parse().map_err(|_| NotifyProblem::NotMailbox {
        channel: channel.to_string(),
        key: "from",
        value: from,
    })
}

/// The address as it may be shown: every key, token, signature and
/// password replaced by `***` (`--dry-run`, failures).
pub fn shown(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let mut out = hide_userinfo(base);
    if let Some(at) = out.find("/hook/") {
        out.truncate(at + "/hook/".len());
        out.push_str("***");
    }
    if let Some(query) = query {
        let hidden: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) => format!("{k}=***"),
                None => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&hidden.join("&"));
    }
    out
}

/// `scheme://user:pass@host` → `scheme://***@host`.
fn hide_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find('/').unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(text: &str) -> Channel {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn env_values_and_the_secrets_file_fill_a_channel() {
        let def = channel("kind = \"dingtalk\"\nurl = \"env:DING\"\nper_minute = 600");
        let env = |name: &str| {
            (name == "DING")
                .then(|| "https://oapi.dingtalk.com/robot/send?access_token=t".to_string())
        };
        let route = resolve("office", &def, &SecretsFile::default(), &env).unwrap();
        assert!(route.address.ends_with("access_token=t"));
        assert_eq!(route.gap, Duration::from_millis(100));
        assert_eq!(route.retries, 2);
        let none = |_: &str| None;
        assert_eq!(
            resolve("office", &def, &SecretsFile::default(), &none).unwrap_err(),
            NotifyProblem::NoEnv {
                channel: "office".into(),
                key: "url",
                var: "DING".into()
            }
        );
        let mail = channel("kind = \"email\"\nsmtp = \"smtp://127.0.0.1:25\"");
        assert!(matches!(
            resolve("mail", &mail, &SecretsFile::default(), &none),
            Err(NotifyProblem::Missing { key: "from", .. })
        ));
        let ftp = channel("kind = \"webhook\"\nurl = \"ftp://x\"");
        assert!(matches!(
            resolve("hook", &ftp, &SecretsFile::default(), &none),
            Err(NotifyProblem::NotUrl { .. })
        ));
    }

    #[test]
    fn shown_addresses_hold_no_key() {
        assert_eq!(
            shown("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"),
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"
        );
        assert_eq!(
            shown("https://open.feishu.cn/open-apis/bot/v2/hook/tok"),
            "https://open.feishu.cn/open-apis/bot/v2/hook/***"
        );
        assert_eq!(shown("smtps://u:p@mail.x:465"), "smtps://***@mail.x:465");
    }
}
