//! Enumerated values: stored as an English keyword, accepted on the command
//! line in English or Chinese (so the Chinese words of input live here);
//! `i18n` shows them in the reader's language.
//!
//! Every enumerated field (urgency, secrecy, document type, status …) is
//! declared here once with the `keywords!` macro, so parsing, storing and
//! labelling can never disagree.

use std::fmt;

/// A closed set of values stored as English keywords.
pub trait Keyword: Sized + Copy + 'static {
    /// What the set is called in messages ("urgency").
    const NAME: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The stored English keyword.
    fn keyword(self) -> &'static str;
    /// The Chinese word(s) accepted on input, `|`-separated; the first is
    /// the one `i18n` shows in Chinese output.
    fn chinese(self) -> &'static str;

    /// Reads a keyword, case-insensitively, or its Chinese word.
    fn parse_keyword(input: &str) -> Option<Self> {
        let trimmed = input.trim();
        Self::ALL.iter().copied().find(|v| {
            v.keyword().eq_ignore_ascii_case(trimmed)
                || v.chinese().split('|').any(|c| c == trimmed)
        })
    }

    /// The accepted values, for error messages: each keyword with the
    /// Chinese word shown for it.
    fn accepted() -> Vec<(&'static str, &'static str)> {
        Self::ALL
            .iter()
            .map(|v| {
                let chinese = v.chinese().split('|').next().unwrap_or_default();
                (v.keyword(), chinese)
            })
            .collect()
    }
}

/// An input that is not one of a keyword set's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKeyword {
    pub what: &'static str,
    pub input: String,
    /// Every keyword with its Chinese word.
    pub accepted: Vec<(&'static str, &'static str)>,
}

impl fmt::Display for BadKeyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keywords: Vec<&str> = self.accepted.iter().map(|(k, _)| *k).collect();
        write!(
            f,
            "'{}' is not a valid {}; accepted: {}",
            self.input,
            self.what,
            keywords.join(", ")
        )
    }
}

impl std::error::Error for BadKeyword {}

/// Parses a keyword or returns an error naming the accepted values.
pub fn parse<K: Keyword>(input: &str) -> Result<K, BadKeyword> {
    K::parse_keyword(input).ok_or_else(|| BadKeyword {
        what: K::NAME,
        input: input.to_string(),
        accepted: K::accepted(),
    })
}

/// Declares a keyword enum with its stored keyword and Chinese word(s).
/// Several Chinese words may be given separated by `|`; the first is shown.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $kw:literal / $zh:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $crate::model::keyword::Keyword for $name {
            const NAME: &'static str = $what;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn keyword(self) -> &'static str {
                match self { $(Self::$variant => $kw),+ }
            }
            fn chinese(self) -> &'static str {
                match self { $(Self::$variant => $zh),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                use $crate::model::keyword::Keyword;
                f.write_str(self.keyword())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::keyword::BadKeyword;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::model::keyword::parse(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use $crate::model::keyword::Keyword;
                s.serialize_str(self.keyword())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use $crate::model::keyword::Keyword;
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.keyword() == text)
                    .ok_or_else(|| serde::de::Error::custom(format!(
                        "unknown {} `{}`, expected one of: {}",
                        $what,
                        text,
                        Self::ALL.iter().map(|v| v.keyword()).collect::<Vec<_>>().join(", ")
                    )))
            }
        }
    };
}
pub(crate) use keywords;

keywords!(
    /// 紧急程度.
    #[derive(Default)]
    Urgency, "urgency" {
        #[default]
        Normal = "normal" / "一般|平件|普通",
        Urgent = "urgent" / "加急",
        VeryUrgent = "very-urgent" / "特急",
    }
);

keywords!(
    /// 密级. `internal` (内部) is a separate flag, not a level.
    #[derive(Default)]
    Secrecy, "secrecy level" {
        #[default]
        None = "none" / "非密|无|公开",
        Secret = "secret" / "秘密",
        HighlySecret = "highly-secret" / "机密",
        TopSecret = "top-secret" / "绝密",
    }
);

impl Secrecy {
    /// The longest 保密期限 the law allows for this level, in years.
    pub fn max_term_years(self) -> Option<u32> {
        match self {
            Secrecy::None => None,
            Secrecy::Secret => Some(10),
            Secrecy::HighlySecret => Some(20),
            Secrecy::TopSecret => Some(30),
        }
    }

    pub fn is_classified(self) -> bool {
        self != Secrecy::None
    }
}

keywords!(
    /// 文种: the 15 statutory types of the 2012 regulation, or other.
    DocType, "document type" {
        Resolution = "resolution" / "决议",
        Decision = "decision" / "决定",
        Order = "order" / "命令|令",
        Communique = "communique" / "公报",
        Announcement = "announcement" / "公告",
        PublicNotice = "public-notice" / "通告",
        Opinion = "opinion" / "意见",
        Notice = "notice" / "通知",
        Circular = "circular" / "通报",
        Report = "report" / "报告",
        Request = "request" / "请示",
        Reply = "reply" / "批复",
        Motion = "motion" / "议案",
        Letter = "letter" / "函",
        Minutes = "minutes" / "纪要",
        Other = "other" / "其他",
    }
);

keywords!(
    /// 保管期限.
    Retention, "retention period" {
        Permanent = "permanent" / "永久",
        Years30 = "30y" / "30年|定期30年",
        Years10 = "10y" / "10年|定期10年",
    }
);

keywords!(
    /// How a paper arrived.
    Channel, "channel" {
        Paper = "paper" / "纸质",
        Electronic = "electronic" / "电子",
        ConfidentialCourier = "confidential-courier" / "机要",
        Fax = "fax" / "传真",
        Telegram = "telegram" / "电报",
    }
);

keywords!(
    /// 办件 (needs doing) or 阅件 (for reading).
    Handling, "handling" {
        Action = "action" / "办件",
        Info = "info" / "阅件",
    }
);

keywords!(
    /// 行文方向.
    Direction, "direction" {
        Upward = "upward" / "上行|上行文",
        Parallel = "parallel" / "平行|平行文",
        Downward = "downward" / "下行|下行文",
    }
);

keywords!(
    /// 公开属性.
    Disclosure, "disclosure" {
        Public = "public" / "主动公开",
        OnRequest = "on-request" / "依申请公开",
        NotPublic = "not-public" / "不予公开",
    }
);

keywords!(
    /// Where a follow-up comes from.
    Source, "source" {
        Instruction = "instruction" / "领导批示",
        Meeting = "meeting" / "会议议定",
        Superior = "superior" / "上级交办",
        Document = "document" / "文件落实",
        KeyTask = "key-task" / "重点工作",
        Proposal = "proposal" / "建议提案",
        Public = "public" / "群众反映",
        Other = "other" / "其他",
    }
);

keywords!(
    /// How often progress is owed on a follow-up.
    Feedback, "feedback interval" {
        Once = "once" / "一次性",
        Weekly = "weekly" / "每周",
        Monthly = "monthly" / "每月",
        Quarterly = "quarterly" / "每季度",
    }
);

keywords!(
    /// 三色督办: the colour of a chase, by how late the matter is.
    ChaseLevel, "chase level" {
        Blue = "blue" / "蓝色",
        Yellow = "yellow" / "黄色",
        Red = "red" / "红色",
    }
);

keywords!(
    /// 催办方式: how a matter was chased. Other ways a clerk types are kept
    /// as typed.
    ChaseVia, "chase means" {
        Notice = "notice" / "催办单",
        Phone = "phone" / "电话",
        Meeting = "meeting" / "会议",
        InPerson = "in-person" / "当面",
        Reminder = "reminder" / "提醒",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_are_accepted() {
        assert_eq!("特急".parse::<Urgency>().unwrap(), Urgency::VeryUrgent);
        assert_eq!("机密".parse::<Secrecy>().unwrap(), Secrecy::HighlySecret);
        assert_eq!("令".parse::<DocType>().unwrap(), DocType::Order);
        assert_eq!(
            "Very-Urgent".parse::<Urgency>().unwrap(),
            Urgency::VeryUrgent
        );
    }

    #[test]
    fn bad_keyword_names_accepted_values() {
        let err = "hot".parse::<Urgency>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("'hot'"), "{text}");
        assert!(text.contains("very-urgent"), "{text}");
        assert!(err.accepted.contains(&("very-urgent", "特急")), "{text}");
    }

    #[test]
    fn stored_form_is_the_keyword() {
        let yaml = serde_yaml::to_string(&Urgency::VeryUrgent).unwrap();
        assert_eq!(yaml.trim(), "very-urgent");
        let back: Urgency = serde_yaml::from_str("urgent").unwrap();
        assert_eq!(back, Urgency::Urgent);
        assert!(serde_yaml::from_str::<Urgency>("特急").is_err());
    }
}
