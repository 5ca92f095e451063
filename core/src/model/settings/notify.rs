//! `[notify.NAME]`: the channels `notify` pushes reminders through (a
//! WeCom, DingTalk or Feishu group robot, a webhook, e-mail), as the
//! settings hold them, and how a held value is to be read.
//!
//! Pure: a value `env:NAME` is only recognised here; the command line
//! reads the environment and the local secrets file.

use serde::{Deserialize, Serialize};

/// The platform a channel speaks to; each has its own message format,
/// signature and limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    /// 企业微信 group robot.
    Wecom,
    /// 钉钉 group robot.
    Dingtalk,
    /// 飞书 group bot.
    Feishu,
    /// Any HTTP endpoint taking `remind`'s JSON.
    Webhook,
    /// E-mail over SMTP.
    Email,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 5] = [
        ChannelKind::Wecom,
        ChannelKind::Dingtalk,
        ChannelKind::Feishu,
        ChannelKind::Webhook,
        ChannelKind::Email,
    ];

    /// The word in the settings: `wecom`.
    pub fn keyword(self) -> &'static str {
        match self {
            ChannelKind::Wecom => "wecom",
            ChannelKind::Dingtalk => "dingtalk",
            ChannelKind::Feishu => "feishu",
            ChannelKind::Webhook => "webhook",
            ChannelKind::Email => "email",
        }
    }

    /// How many messages a minute the platform takes from one robot
    /// before it refuses (WeCom and DingTalk: 20; Feishu: 100); what a
    /// channel keeps to unless its `per_minute` says less.
    pub fn default_per_minute(self) -> u32 {
        match self {
            ChannelKind::Wecom | ChannelKind::Dingtalk => 20,
            ChannelKind::Feishu => 100,
            ChannelKind::Webhook | ChannelKind::Email => 60,
        }
    }

    /// The key holding where messages go: `smtp` for e-mail, else `url`.
    pub fn address_key(self) -> &'static str {
        match self {
            ChannelKind::Email => "smtp",
            _ => "url",
        }
    }
}

/// Who a channel's messages are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// One message with everything (a group of the whole office).
    #[default]
    All,
    /// One message per lead unit.
    Units,
    /// One message per person responsible; red (overdue) items are
    /// copied to the follow-up's supervisor (分管领导).
    Owners,
}

/// One `[notify.NAME]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub kind: ChannelKind,
    /// The robot's or webhook's address (`env:NAME` reads it from the
    /// environment); may instead be in `.taizhang/secrets.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// E-mail: `smtp://user:pass@host:port` or `smtps://…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<String>,
    /// DingTalk's and Feishu's signing secret (加签).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// E-mail: the sender, `办公室 <office@example.org>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Audience,
    /// At most this many messages a minute (default: the platform's limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_minute: Option<u32>,
    /// Seconds to wait for an answer before giving a try up (default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u32>,
    /// Tries after the first on a network error or a 5xx (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
}

/// What a channel's value says to do: use it as written, or read an
/// environment variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held<'a> {
    Literal(&'a str),
    Env(&'a str),
}

/// `env:NAME` names a variable; anything else is the value itself.
pub fn held(value: &str) -> Held<'_> {
    match value.trim().strip_prefix("env:") {
        Some(name) => Held::Env(name.trim()),
        None => Held::Literal(value),
    }
}

impl Channel {
    /// The value of `key` as written in the settings.
    pub fn value(&self, key: &str) -> Option<&str> {
        match key {
            "url" => self.url.as_deref(),
            "smtp" => self.smtp.as_deref(),
            "secret" => self.secret.as_deref(),
            "from" => self.from.as_deref(),
            _ => None,
        }
    }

    /// The keys of this channel whose value is a secret when written out:
    /// the signing secret, and the address when it holds a robot key, an
    /// access token or a password.
    pub fn literal_secrets(&self) -> Vec<&'static str> {
        let mut found = Vec::new();
        if let Some(url) = self.url.as_deref().filter(|u| is_literal(u))
            && url_holds_key(self.kind, url)
        {
            found.push("url");
        }
        if let Some(smtp) = self.smtp.as_deref().filter(|u| is_literal(u))
            && smtp_holds_password(smtp)
        {
            found.push("smtp");
        }
        if self.secret.as_deref().is_some_and(is_literal) {
            found.push("secret");
        }
        found
    }
}

fn is_literal(value: &str) -> bool {
    matches!(held(value), Held::Literal(v) if !v.trim().is_empty())
}

/// A robot's address carries its key: WeCom `?key=`, DingTalk
/// `?access_token=`, Feishu `/hook/<token>`; a webhook's any query.
fn url_holds_key(kind: ChannelKind, url: &str) -> bool {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let param = |name: &str| {
        query.split('&').any(|p| {
            p.split_once('=')
                .is_some_and(|(k, v)| k == name && !v.is_empty())
        })
    };
    match kind {
        ChannelKind::Wecom => param("key"),
        ChannelKind::Dingtalk => param("access_token"),
        ChannelKind::Feishu => url
            .split_once("/hook/")
            .is_some_and(|(_, token)| !token.is_empty()),
        ChannelKind::Webhook => !query.is_empty() || userinfo(url).is_some(),
        ChannelKind::Email => false,
    }
}

/// `smtp://user:pass@host`: a password is written out.
fn smtp_holds_password(url: &str) -> bool {
    userinfo(url).is_some_and(|user| user.contains(':'))
}

/// The `user:pass` of `scheme://user:pass@host/…`.
fn userinfo(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    authority.rsplit_once('@').map(|(user, _)| user)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(text: &str) -> Channel {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn literal_keys_and_passwords_are_found_and_env_values_are_not() {
        let wecom = channel(
            "kind = \"wecom\"\nurl = \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc\"",
        );
        assert_eq!(wecom.literal_secrets(), ["url"]);
        let env = channel("kind = \"wecom\"\nurl = \"env:TAIZHANG_WECOM_URL\"");
        assert!(env.literal_secrets().is_empty());
        let ding = channel(
            "kind = \"dingtalk\"\nurl = \"https://oapi.dingtalk.com/robot/send?access_token=x\"\nsecret = \"SECabc\"",
        );
        assert_eq!(ding.literal_secrets(), ["url", "secret"]);
        let feishu =
            channel("kind = \"feishu\"\nurl = \"https://open.feishu.cn/open-apis/bot/v2/hook/t\"");
        assert_eq!(feishu.literal_secrets(), ["url"]);
        let mail = channel("kind = \"email\"\nsmtp = \"smtps://office:pw@mail.example.org\"");
        assert_eq!(mail.literal_secrets(), ["smtp"]);
        let no_password = channel("kind = \"email\"\nsmtp = \"smtp://127.0.0.1:2525\"");
        assert!(no_password.literal_secrets().is_empty());
        assert_eq!(wecom.to, Audience::All);
    }

    #[test]
    fn unknown_keys_and_kinds_are_refused() {
        assert!(toml::from_str::<Channel>("kind = \"wecom\"\nulr = \"x\"").is_err());
        assert!(toml::from_str::<Channel>("kind = \"qq\"").is_err());
        assert_eq!(held(" env:X "), Held::Env("X"));
    }
}
