//! The words of `notify`, both languages side by side: why it cannot
//! begin, what a platform answered when a message failed, the parts of a
//! long message, and the closing counts.

use super::{Lang, say};
use crate::error::NotifyProblem;

/// The sentence and hint for a problem found before sending.
pub(super) fn problem(l: Lang, problem: &NotifyProblem) -> (String, Option<String>) {
    use NotifyProblem as P;
    match problem {
        P::NoChannels => (
            say!(
                l,
                "taizhang.toml has no [notify.NAME] channel to send through",
                "taizhang.toml 中没有可用于发送的 [notify.名称] 渠道"
            ),
            Some(say!(
                l,
                "add one, e.g. [notify.office] with kind = \"wecom\" and url = \"env:TAIZHANG_WECOM_URL\" (docs/notify.md)",
                "请添加，例如 [notify.office]，其中 kind = \"wecom\"、url = \"env:TAIZHANG_WECOM_URL\"（见 docs/notify.md）"
            )),
        ),
        P::UnknownChannel { name, known } => {
            let known = known.join(l.list_separator());
            (
                say!(
                    l,
                    "--channel: there is no channel '{name}'; there are: {known}",
                    "--channel：没有名为“{name}”的渠道；现有：{known}"
                ),
                None,
            )
        }
        P::Missing { channel, key } => (
            say!(
                l,
                "notify.{channel}.{key}: not set, in taizhang.toml or .taizhang/secrets.toml",
                "`notify.{channel}.{key}`：未设置（taizhang.toml 与 .taizhang/secrets.toml 中均无）"
            ),
            None,
        ),
        P::NoEnv { channel, key, var } => (
            say!(
                l,
                "notify.{channel}.{key}: the environment variable {var} is not set",
                "`notify.{channel}.{key}`：环境变量 {var} 未设置"
            ),
            Some(say!(
                l,
                "set {var} where notify runs (the crontab line, or the service's environment)",
                "请在运行 notify 的环境中设置 {var}（crontab 行或服务的环境变量）"
            )),
        ),
        P::NotUrl {
            channel,
            key,
            schemes,
        } => {
            let schemes = schemes.join(l.list_separator());
            (
                say!(
                    l,
                    "notify.{channel}.{key}: not an address starting with one of {schemes}",
                    "`notify.{channel}.{key}`：不是以下列之一开头的地址：{schemes}"
                ),
                None,
            )
        }
        P::NotMailbox {
            channel,
            key,
            value,
        } => (
            say!(
                l,
                "notify.{channel}.{key}: '{value}' is not an e-mail address such as 办公室 <office@example.org>",
                "`notify.{channel}.{key}`：“{value}”不是电子邮件地址，应如 办公室 <office@example.org>"
            ),
            None,
        ),
        P::SecretsOpen { path, mode } => {
            let path = path.display();
            (
                say!(
                    l,
                    "{path} may be read by others (mode {mode:o}); it holds robot keys and passwords",
                    "{path} 可被他人读取（权限 {mode:o}），而其中存有机器人密钥和密码"
                ),
                Some(say!(
                    l,
                    "make it yours alone: chmod 600 {path}",
                    "请设为仅本人可读写：chmod 600 {path}"
                )),
            )
        }
        P::SecretsUnreadable { path, problem } => {
            let path = path.display();
            (say!(l, "{path}: {problem}", "{path}：{problem}"), None)
        }
    }
}

/// Who a message is for, in the lines about it.
pub fn everyone(l: Lang) -> String {
    say!(l, "everyone", "全体")
}

/// The mark of one part of a message split to fit the platform.
pub fn part(l: Lang, n: usize, of: usize) -> String {
    say!(l, "(part {n}/{of})", "（{n}/{of}）")
}

/// The text message after WeCom markdown that carries the @mentions
/// (WeCom markdown cannot mention).
pub fn see_above(l: Lang) -> String {
    say!(
        l,
        "Please see the reminder above and act on your items.",
        "请查看以上督办提醒，及时办理。"
    )
}

/// Why one message failed, after the platform's answer.
pub fn failed(l: Lang, channel: &str, recipient: &str, why: &str) -> String {
    say!(
        l,
        "notify.{channel}: the message to {recipient} was not delivered: {why}",
        "notify.{channel}：发给{recipient}的消息未送达：{why}"
    )
}

/// What went wrong on the way, as said to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The platform answered with its own error code and message.
    Platform { code: i64, message: String },
    /// An HTTP status other than success.
    Status { status: u16, body: String },
    /// No answer: a refused connection, a timeout.
    Network { detail: String, tries: u32 },
    /// The mail server refused, or could not be reached.
    Mail { detail: String },
    /// E-mail for someone without an address in `[[people]]`.
    NoEmail { name: String },
}

pub fn trouble(l: Lang, trouble: &Trouble) -> String {
    match trouble {
        Trouble::Platform { code, message } => {
            say!(
                l,
                "the platform answered {code}: {message}",
                "平台返回错误 {code}：{message}"
            )
        }
        Trouble::Status { status, body } => {
            say!(l, "HTTP {status}: {body}", "HTTP {status}：{body}")
        }
        Trouble::Network { detail, tries } => say!(
            l,
            "no answer after {tries} tries: {detail}",
            "尝试 {tries} 次均未获应答：{detail}"
        ),
        Trouble::Mail { detail } => {
            say!(
                l,
                "the mail server refused: {detail}",
                "邮件服务器拒绝：{detail}"
            )
        }
        Trouble::NoEmail { name } => say!(
            l,
            "{name} has no e-mail address; set `email` for {name} under [[people]] in taizhang.toml",
            "{name} 没有电子邮箱；请在 taizhang.toml 的 [[people]] 中为 {name} 填写 `email`"
        ),
    }
}

/// The closing line of a channel: how many messages went, how many were
/// already sent today, how many failed.
pub fn sent(l: Lang, channel: &str, sent: usize, already: usize, failed: usize) -> String {
    let mut line = say!(
        l,
        "notify.{channel}: {sent} message(s) sent",
        "notify.{channel}：已发送 {sent} 条"
    );
    if already > 0 {
        line.push_str(&say!(
            l,
            ", {already} already sent today (--again sends them again)",
            "，今日已发送过 {already} 条（加 --again 可重发）"
        ));
    }
    if failed > 0 {
        line.push_str(&say!(l, ", {failed} failed", "，失败 {failed} 条"));
    }
    line
}

/// The heading of a message in `--dry-run`.
pub fn dry_heading(l: Lang, channel: &str, recipient: &str) -> String {
    say!(
        l,
        "# notify.{channel} → {recipient} (dry run: not sent)",
        "# notify.{channel} → {recipient}（试运行：未发送）"
    )
}

/// In `--dry-run`, before an e-mail's body, which lettre sends in
/// `encoding` (base64, quoted-printable).
pub fn body_encoded(l: Lang, encoding: &str) -> String {
    say!(
        l,
        "(the body as the reader sees it; it is sent {encoding}-encoded)",
        "（以下为收件人看到的正文；发送时以 {encoding} 编码）"
    )
}
