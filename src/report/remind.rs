//! What `remind` says (DESIGN §3): the follow-ups and action papers that
//! are overdue, due today or due soon, and how that reads as text,
//! Markdown and JSON.
//!
//! Pure: "today" and the look-ahead are passed in. Overdue is never
//! decided here: `Record::due_state` is the one definition.

use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::{self, Label, Lang};
use crate::model::facts::Facts;
use crate::model::id::Id;
use crate::model::keyword::ChaseLevel;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::report::redact::{Secrets, Title};
use crate::report::render::{Table, Tone};

/// How pressing a reminder is. The order is the order of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Overdue,
    DueToday,
    DueSoon,
}

impl Level {
    /// The stored, script-facing word.
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Overdue => "overdue",
            Level::DueToday => "due-today",
            Level::DueSoon => "due-soon",
        }
    }

    /// The 三色督办 colour of a chase made for this level.
    pub fn chase_level(self) -> ChaseLevel {
        match self {
            Level::Overdue => ChaseLevel::Red,
            Level::DueToday => ChaseLevel::Yellow,
            Level::DueSoon => ChaseLevel::Blue,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.label(match self {
            Level::Overdue => Label::LevelOverdue,
            Level::DueToday => Label::LevelDueToday,
            Level::DueSoon => Label::LevelDueSoon,
        })
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.keyword())
    }
}

/// One thing to remind about; the JSON shape of DESIGN §3, key for key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    pub id: Id,
    pub kind: Kind,
    /// Withheld when the record is classified.
    pub title: Title,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub due: Date,
    pub days_left: i64,
    pub level: Level,
}

/// What to look at.
#[derive(Debug, Clone)]
pub struct Scope {
    pub today: Date,
    /// The last day that counts as "soon" (today + `--within`).
    pub soon_until: Date,
    pub unit: Option<String>,
    pub owner: Option<String>,
}

/// The reminders, sorted by level, then due date, then ID.
/// Whether a record with these facts can be reminded about: only what is
/// still open has a pending due date. Records failing this are not decoded.
pub fn relevant(facts: &Facts) -> bool {
    facts.open
}

pub fn select(records: &[&Record], scope: &Scope, secrets: &Secrets) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = records
        .iter()
        .filter(|r| matches!(r.kind(), Kind::Followup | Kind::Incoming))
        .filter(|r| scope.unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .filter(|r| scope.owner.as_deref().is_none_or(|o| owner(r) == Some(o)))
        .filter_map(|r| {
            let state = r.due_state(scope.today)?;
            let level = if state.overdue() {
                Level::Overdue
            } else if state.days_left == 0 {
                Level::DueToday
            } else if state.due <= scope.soon_until {
                Level::DueSoon
            } else {
                return None;
            };
            Some(Reminder {
                id: r.id().clone(),
                kind: r.kind(),
                title: secrets.title(r),
                unit: r.unit().map(str::to_string),
                owner: owner(r).map(str::to_string),
                due: state.due,
                days_left: state.days_left,
                level,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.level, a.due, &a.id).cmp(&(b.level, b.due, &b.id)));
    out
}

/// The person a reminder is for: a follow-up's owner. An incoming paper
/// has none — its lead unit answers for it (`received_by` is only the clerk
/// who signed for it).
fn owner(record: &Record) -> Option<&str> {
    match record {
        Record::Followup(fu) => fu.owner.as_deref(),
        _ => None,
    }
}

/// The reminders as JSON: a flat array in the order of `select`.
pub fn json(items: &[Reminder]) -> String {
    let mut text = serde_json::to_string_pretty(items).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// One owner's reminders (`None`: no owner).
pub type OwnerGroup<'a> = (Option<&'a str>, Vec<&'a Reminder>);
/// One unit's reminders by owner (`None`: no unit yet).
pub type UnitGroup<'a> = (Option<&'a str>, Vec<OwnerGroup<'a>>);

/// Reminders grouped by unit, then owner; each group in `select`'s order
/// (overdue first). Units and owners sort by name, the missing ones last.
pub fn groups(items: &[Reminder]) -> Vec<UnitGroup<'_>> {
    let key = |s: Option<&str>| (s.is_none(), s.map(str::to_string));
    let mut units: Vec<Option<&str>> = items.iter().map(|r| r.unit.as_deref()).collect();
    units.sort_by_key(|u| key(*u));
    units.dedup();
    units
        .into_iter()
        .map(|unit| {
            let in_unit: Vec<&Reminder> =
                items.iter().filter(|r| r.unit.as_deref() == unit).collect();
            let mut owners: Vec<Option<&str>> =
                in_unit.iter().map(|r| r.owner.as_deref()).collect();
            owners.sort_by_key(|o| key(*o));
            owners.dedup();
            let by_owner = owners
                .into_iter()
                .map(|owner| {
                    let list = in_unit
                        .iter()
                        .copied()
                        .filter(|r| r.owner.as_deref() == owner)
                        .collect();
                    (owner, list)
                })
                .collect();
            (unit, by_owner)
        })
        .collect()
}

/// "overdue 3 days", "due today", "due in 2 days" for one reminder.
fn when(item: &Reminder, lang: Lang) -> String {
    lang.days_left(item.days_left)
}

/// The first line: how many of each level, as of today.
pub fn headline(items: &[Reminder], today: Date, lang: Lang) -> String {
    let count = |level| items.iter().filter(|r| r.level == level).count();
    let (o, t, s) = (
        count(Level::Overdue),
        count(Level::DueToday),
        count(Level::DueSoon),
    );
    i18n::remind_headline(lang, today, o, t, s)
}

fn unit_name(unit: Option<&str>, lang: Lang) -> &str {
    unit.unwrap_or(lang.label(Label::NoUnit))
}

fn owner_name(owner: Option<&str>, lang: Lang) -> &str {
    owner.unwrap_or(lang.label(Label::NoOwner))
}

/// Plain text for a terminal or a mail body.
pub fn text(items: &[Reminder], today: Date, lang: Lang) -> String {
    let mut out = headline(items, today, lang);
    out.push('\n');
    for (unit, owners) in groups(items) {
        out.push('\n');
        out.push_str(unit_name(unit, lang));
        out.push('\n');
        for (owner, list) in owners {
            out.push_str(&format!("  {}\n", owner_name(owner, lang)));
            for item in list {
                let due = i18n::remind_due(lang, item.due);
                // A withheld title is already "[秘密] ID": no ID twice.
                let what = if item.title.is_withheld() {
                    lang.title(&item.title)
                } else {
                    format!("{}  {}", item.id, lang.title(&item.title))
                };
                out.push_str(&format!("    {}  {what}  {due}\n", when(item, lang)));
            }
        }
    }
    out
}

/// One row per reminder, in `select`'s order, for a spreadsheet.
pub fn table(items: &[Reminder], lang: Lang) -> Table {
    let mut table = Table::new(
        [
            Label::Id,
            Label::Kind,
            Label::Title,
            Label::Unit,
            Label::Owner,
            Label::Due,
            Label::DaysLeft,
            Label::Level,
        ]
        .iter()
        .map(|l| lang.label(*l).to_string())
        .collect(),
    );
    for item in items {
        table.push(vec![
            (item.id.to_string(), Tone::Plain),
            (lang.keyword(item.kind).to_string(), Tone::Plain),
            (lang.title(&item.title), Tone::Plain),
            (item.unit.clone().unwrap_or_default(), Tone::Plain),
            (item.owner.clone().unwrap_or_default(), Tone::Plain),
            (item.due.to_string(), Tone::Plain),
            (item.days_left.to_string(), Tone::Plain),
            (item.level.label(lang).to_string(), Tone::Plain),
        ]);
    }
    table
}

/// Markdown for a mail or a chat message: a heading per unit, a table
/// per owner.
pub fn markdown(items: &[Reminder], today: Date, lang: Lang) -> String {
    let mut out = format!("**{}**\n", headline(items, today, lang));
    for (unit, owners) in groups(items) {
        out.push_str(&format!("\n### {}\n", unit_name(unit, lang)));
        for (owner, list) in owners {
            out.push_str(&format!("\n**{}**\n\n", owner_name(owner, lang)));
            let mut table = Table::new(
                [
                    Label::Level,
                    Label::Id,
                    Label::Title,
                    Label::Due,
                    Label::DaysLeft,
                ]
                .iter()
                .map(|l| lang.label(*l).to_string())
                .collect(),
            );
            for item in list {
                table.push(vec![
                    (when(item, lang), Tone::Plain),
                    (item.id.to_string(), Tone::Plain),
                    (lang.title(&item.title), Tone::Plain),
                    (item.due.to_string(), Tone::Plain),
                    (item.days_left.to_string(), Tone::Plain),
                ]);
            }
            out.push_str(&table.to_markdown());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `relevant` never passes over a record `select` would remind of.
    #[test]
    fn records_passed_over_are_never_due() {
        let mut reminded = 0;
        for record in crate::testing::example_records() {
            let facts = Facts::of(&record);
            let one = [&record];
            let secrets = Secrets::new(&one, false);
            for today in ["2026-10-01", "2026-11-23", "2027-06-01"] {
                let scope = Scope {
                    today: today.parse().unwrap(),
                    soon_until: "2027-12-31".parse().unwrap(),
                    unit: None,
                    owner: None,
                };
                if !select(&one, &scope, &secrets).is_empty() {
                    reminded += 1;
                    assert!(relevant(&facts), "{}", record.id());
                }
            }
        }
        assert!(reminded > 10, "{reminded}");
    }
    use crate::model::kind::Kind;

    fn fu(id: &str, lead: &str, owner: Option<&str>, due: &str, status: &str) -> Record {
        let owner = owner.map(|o| format!("owner: {o}\n")).unwrap_or_default();
        Record::from_yaml(
            &format!(
                "id: {id}\ntitle: 事项{id}\nstatus: {status}\nlead: {lead}\n{owner}\
                 assigned: 2026-11-01\ndue: {due}\ncreated: 2026-11-01T09:00:00+08:00\n"
            ),
            Kind::Followup,
            None,
        )
        .unwrap()
    }

    fn scope() -> Scope {
        Scope {
            today: Date::constant(2026, 11, 23),
            soon_until: Date::constant(2026, 11, 26),
            unit: None,
            owner: None,
        }
    }

    #[test]
    fn levels_order_and_window() {
        let records = [
            fu("FU-2026-0001", "办公室", Some("李明"), "2026-11-26", "open"),
            fu(
                "FU-2026-0002",
                "办公室",
                Some("李明"),
                "2026-11-20",
                "in-progress",
            ),
            fu("FU-2026-0003", "财务科", None, "2026-11-23", "open"),
            fu("FU-2026-0004", "财务科", None, "2026-11-27", "open"), // beyond the window
            fu("FU-2026-0005", "财务科", None, "2026-11-01", "closed"), // done
            fu("FU-2026-0006", "财务科", None, "2026-11-02", "cancelled"),
            fu("FU-2026-0007", "办公室", None, "2026-11-20", "submitted"), // still open
        ];
        let refs: Vec<&Record> = records.iter().collect();
        let secrets = Secrets::new(&refs, false);
        let items = select(&refs, &scope(), &secrets);
        let got: Vec<(String, Level, i64)> = items
            .iter()
            .map(|r| (r.id.to_string(), r.level, r.days_left))
            .collect();
        assert_eq!(
            got,
            vec![
                ("FU-2026-0002".into(), Level::Overdue, -3),
                ("FU-2026-0007".into(), Level::Overdue, -3),
                ("FU-2026-0003".into(), Level::DueToday, 0),
                ("FU-2026-0001".into(), Level::DueSoon, 3),
            ]
        );
        // Grouped: 办公室 (李明 then no owner), then 财务科.
        let g = groups(&items);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].0, Some("办公室"));
        assert_eq!(g[0].1[0].0, Some("李明"));
        assert_eq!(g[0].1[0].1[0].level, Level::Overdue);
        assert_eq!(g[0].1[1].0, None);
        let text = text(&items, scope().today, Lang::Zh);
        assert!(
            text.starts_with("督办提醒（2026-11-23）：逾期2项，今日到期1项，即将到期1项\n"),
            "{text}"
        );
        assert!(
            text.contains("    逾期3天  FU-2026-0002  事项FU-2026-0002  （期限 2026-11-20）"),
            "{text}"
        );
    }

    #[test]
    fn unit_and_owner_filters() {
        let records = [
            fu("FU-2026-0001", "办公室", Some("李明"), "2026-11-20", "open"),
            fu("FU-2026-0002", "财务科", Some("李明"), "2026-11-20", "open"),
            fu("FU-2026-0003", "财务科", Some("张强"), "2026-11-20", "open"),
        ];
        let refs: Vec<&Record> = records.iter().collect();
        let secrets = Secrets::new(&refs, false);
        let mut s = scope();
        s.unit = Some("财务科".into());
        s.owner = Some("李明".into());
        let items = select(&refs, &s, &secrets);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id.to_string(), "FU-2026-0002");
    }
}
