//! How often a rule is reviewed: `2y`, `18m`, or as offices write it
//! (每2年, 两年, 半年, 每年). Stored as `Ny` or `Nm`.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A review cycle, in whole months (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    months: u16,
}

/// Chinese numerals a cycle may be written with, up to ten.
const NUMERALS: [(&str, u16); 11] = [
    ("一", 1),
    ("两", 2),
    ("二", 2),
    ("三", 3),
    ("四", 4),
    ("五", 5),
    ("六", 6),
    ("七", 7),
    ("八", 8),
    ("九", 9),
    ("十", 10),
];

impl Cycle {
    pub fn months(self) -> u16 {
        self.months
    }

    /// Reads `2y`, `18m`, `2 years`, `每2年`, `两年`, `半年`, `每年`,
    /// `6个月`; full-width digits too. `None` for anything else, or for
    /// a cycle of no months or more than 50 years.
    pub fn parse(input: &str) -> Option<Cycle> {
        let text: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                other => other.to_ascii_lowercase(),
            })
            .collect();
        let text = text.strip_prefix('每').unwrap_or(&text);
        if text == "半年" {
            return Cycle::of(6);
        }
        let units: [(&str, u16); 8] = [
            ("years", 12),
            ("year", 12),
            ("y", 12),
            ("年", 12),
            ("months", 1),
            ("month", 1),
            ("个月", 1),
            ("m", 1),
        ];
        let (number, per) = units
            .iter()
            .find_map(|(unit, per)| text.strip_suffix(unit).map(|n| (n, *per)))?;
        let count = if number.is_empty() {
            1
        } else {
            number.parse::<u16>().ok().or_else(|| {
                NUMERALS
                    .iter()
                    .find(|(word, _)| *word == number)
                    .map(|(_, n)| *n)
            })?
        };
        Cycle::of(count.checked_mul(per)?)
    }

    fn of(months: u16) -> Option<Cycle> {
        (1..=600).contains(&months).then_some(Cycle { months })
    }

    /// The day one cycle after `from`; `None` past the calendar's end.
    pub fn after(self, from: Date) -> Option<Date> {
        from.checked_add(i64::from(self.months).months()).ok()
    }
}

impl fmt::Display for Cycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.months.is_multiple_of(12) {
            write!(f, "{}y", self.months / 12)
        } else {
            write!(f, "{}m", self.months)
        }
    }
}

impl Serialize for Cycle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Cycle {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cycle, D::Error> {
        let text = String::deserialize(deserializer)?;
        Cycle::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a review cycle (write 2y, 18m or 每2年)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_read_as_offices_write_them() {
        for (text, months) in [
            ("2y", 24),
            ("18m", 18),
            ("2 years", 24),
            ("1 year", 12),
            ("每2年", 24),
            ("两年", 24),
            ("三年", 36),
            ("每年", 12),
            ("半年", 6),
            ("6个月", 6),
            ("２年", 24),
        ] {
            assert_eq!(
                Cycle::parse(text).map(Cycle::months),
                Some(months),
                "{text}"
            );
        }
        for bad in ["", "0y", "y2", "-1y", "2w", "100y", "永久"] {
            assert_eq!(Cycle::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_cycle_is_written_in_years_when_it_is_whole_years() {
        assert_eq!(Cycle::parse("24m").unwrap().to_string(), "2y");
        assert_eq!(Cycle::parse("半年").unwrap().to_string(), "6m");
        let day = Date::constant(2024, 2, 29);
        assert_eq!(
            Cycle::parse("1y").unwrap().after(day),
            Some(Date::constant(2025, 2, 28))
        );
    }
}
