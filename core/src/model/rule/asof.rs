//! A rule as it stood at the end of a past day (`summary` of a past
//! period counts what was owed then, not what is owed now).

use jiff::civil::Date;

use super::{Rule, RuleStatus};

impl Rule {
    /// The review (清理评估) a rule in force owed at the end of `day`. A
    /// review or an end (revised, repealed) after the day has moved or
    /// cleared the present `review_due`, so the one owed then is a cycle
    /// after the last review on or before the day (else after the rule
    /// took effect).
    pub fn review_due_on(&self, day: Date) -> Option<Date> {
        let reviewed_later = self.reviews.iter().any(|r| r.date > day);
        let ended_later = self.ended.is_some_and(|ended| ended > day);
        if !reviewed_later && !ended_later {
            return self.review_pending();
        }
        if !ended_later && self.status != RuleStatus::Current {
            return None;
        }
        let from = (self.reviews.iter())
            .map(|r| r.date)
            .filter(|d| *d <= day)
            .max()
            .unwrap_or_else(|| self.in_force_from());
        self.review_every.and_then(|cycle| cycle.after(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUNDAY: &str = "2026-11-22";

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn rule(extra: &str) -> Rule {
        let yaml = format!(
            "id: ZD-2026-0001\ntitle: 公文处理实施细则\nissued: 2024-03-01\neffective: 2024-04-01\n\
             review_every: 2y\ncreated: 2024-03-01T09:00:00+08:00\n{extra}"
        );
        serde_yaml::from_str(&yaml).unwrap()
    }

    #[test]
    fn a_review_after_the_day_does_not_clear_the_one_owed_then() {
        let reviewed = rule(
            "status: current\nreview_due: 2028-11-25\nreviews:\n  - {date: 2026-11-25, by: 王丽, outcome: keep}\n",
        );
        assert_eq!(reviewed.review_due_on(day(SUNDAY)), Some(day("2026-04-01")));
        assert_eq!(
            reviewed.review_due_on(day("2026-11-25")),
            Some(day("2028-11-25"))
        );
        let repealed = rule("status: repealed\nended: 2026-11-25\n");
        assert_eq!(repealed.review_due_on(day(SUNDAY)), Some(day("2026-04-01")));
        assert_eq!(repealed.review_due_on(day("2026-11-25")), None);
    }

    /// Seen on a day after every step it took, the review owed is the
    /// present one: the rule changes only the past.
    #[test]
    fn on_a_day_after_every_step_the_review_owed_is_the_present_one() {
        let later = day("2030-01-01");
        let rules = [
            rule("status: current\nreview_due: 2026-04-01\n"),
            rule(
                "status: current\nreview_due: 2028-11-25\nreviews:\n  - {date: 2026-11-25, by: 王丽, outcome: keep}\n",
            ),
            rule("status: repealed\nended: 2026-11-25\n"),
        ];
        for rule in rules {
            assert_eq!(
                rule.review_due_on(later),
                rule.review_pending(),
                "{:?}",
                rule.status
            );
        }
    }
}
