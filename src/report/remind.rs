//! What `remind` says (docs/reminders.md): the follow-ups and action papers
//! that are overdue, due today or due soon, logbook entries out past, on or
//! near their due date (open loops), follow-ups whose progress report is
//! owed, rules due for review, classified papers whose 保密期限 ends
//! within the window (解密审查, under a heading of their own), and how
//! that reads as text, Markdown and JSON.
//!
//! Pure: "today" and the look-ahead are passed in. Overdue is never
//! decided here: `Record::due_state` is the one definition for records,
//! `open_loop::out` gives an entry's due date, `Followup::feedback_owed`
//! says when a report is owed.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::{self, Label, Lang};
use crate::report::redact::{Secrets, Title};
use crate::report::render::{Table, Tone};
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::date::days_between;
use taizhang_core::model::facts::Facts;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::{ChaseLevel, Keyword};
use taizhang_core::model::kind::Kind;
use taizhang_core::model::logbook::open_loop;
use taizhang_core::model::record::Record;

/// How pressing a reminder is. The order is the order of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Overdue,
    DueToday,
    /// A follow-up with a milestone (节点) past its date and not done:
    /// behind schedule (序时进度滞后), the 三色督办 yellow before its last
    /// day. Being overdue or due today wins over it. Its `due` is the
    /// missed milestone's date.
    Behind,
    DueSoon,
    /// A follow-up's periodic progress report is owed (its `feedback`
    /// cadence); its `due` is the day the report was owed by.
    FeedbackDue,
    /// A record of a kind whose pending date is one to remind from, not
    /// a deadline (`Record::due_is_deadline`), is due or overdue for
    /// review: a rule in force (清理评估). Its `due` is the review date.
    ReviewDue(Kind),
    /// A classified paper's 保密期限 ends, or has ended, within the
    /// window: whether to declassify it is to be decided (解密审查); its
    /// `due` is the day the term ends.
    DeclassifyReview,
}

impl Level {
    /// The stored, script-facing word.
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Overdue => "overdue",
            Level::DueToday => "due-today",
            Level::Behind => "behind",
            Level::DueSoon => "due-soon",
            Level::FeedbackDue => "feedback-due",
            Level::ReviewDue(_) => "review-due",
            Level::DeclassifyReview => "declassify-review",
        }
    }

    /// The 三色督办 colour of a chase made for this level.
    pub fn chase_level(self) -> ChaseLevel {
        match self {
            Level::Overdue => ChaseLevel::Red,
            Level::DueToday | Level::Behind => ChaseLevel::Yellow,
            Level::DueSoon | Level::FeedbackDue | Level::ReviewDue(_) | Level::DeclassifyReview => {
                ChaseLevel::Blue
            }
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Overdue => lang.label(Label::LevelOverdue),
            Level::DueToday => lang.label(Label::LevelDueToday),
            Level::Behind => i18n::followup::behind_word(lang),
            Level::DueSoon => lang.label(Label::LevelDueSoon),
            Level::FeedbackDue => i18n::loops::LoopWord::FeedbackDue.word(lang),
            Level::ReviewDue(kind) => {
                i18n::review_due_word(lang, kind).unwrap_or(lang.label(Label::LevelDueSoon))
            }
            Level::DeclassifyReview => i18n::classified::review_word(lang),
        }
    }

    /// The level of something due on `due`: overdue, due today, due by
    /// `soon_until`, else none.
    fn of(due: Date, today: Date, soon_until: Date) -> Option<Level> {
        if due < today {
            Some(Level::Overdue)
        } else if due == today {
            Some(Level::DueToday)
        } else if due <= soon_until {
            Some(Level::DueSoon)
        } else {
            None
        }
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.keyword())
    }
}

/// One thing to remind about; the JSON shape docs/reminders.md shows, key
/// for key (`kind` is the logbook's name for an entry: `seal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub id: Id,
    pub kind: Kind,
    /// The logbook of an entry out on its open loop.
    pub book: Option<Book>,
    /// Withheld when the record is classified.
    pub title: Title,
    pub unit: Option<String>,
    pub owner: Option<String>,
    /// The follow-up's 分管领导, whom `notify` copies on what is overdue.
    pub supervisor: Option<String>,
    pub due: Date,
    pub days_left: i64,
    pub level: Level,
}

/// A logbook as a reminder names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    pub name: String,
    pub title: String,
    pub title_en: Option<String>,
}

impl Reminder {
    /// What the reminder is about, for scripts: the kind's keyword, or
    /// the logbook's name.
    pub fn kind_keyword(&self) -> &str {
        match &self.book {
            Some(book) => &book.name,
            None => taizhang_core::model::keyword::Keyword::keyword(self.kind),
        }
    }

    /// What the reminder is about, for people: 督办事项, 用印登记.
    pub fn kind_word(&self, lang: Lang) -> &str {
        match (&self.book, lang) {
            (Some(book), Lang::En) => book.title_en.as_deref().unwrap_or(&book.title),
            (Some(book), Lang::Zh) => &book.title,
            (None, _) => lang.keyword(self.kind),
        }
    }
}

impl Serialize for Reminder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            id: &'a Id,
            kind: &'a str,
            title: &'a Title,
            unit: &'a Option<String>,
            owner: &'a Option<String>,
            due: Date,
            days_left: i64,
            level: Level,
        }
        Shape {
            id: &self.id,
            kind: self.kind_keyword(),
            title: &self.title,
            unit: &self.unit,
            owner: &self.owner,
            due: self.due,
            days_left: self.days_left,
            level: self.level,
        }
        .serialize(s)
    }
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

/// Whether a record with these facts can be reminded about: only what is
/// still open has a pending due date, and a logbook entry is open only
/// while out on its book's loop; a classified paper, open or not, may
/// be due for declassification review. Records failing this are not
/// decoded.
pub fn relevant(facts: &Facts) -> bool {
    facts.open || facts.secrecy.is_classified()
}

/// The reminders, sorted by level, then due date, then ID.
pub fn select(records: &[&Record], scope: &Scope, secrets: &Secrets) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = records
        .iter()
        .filter(|r| matches!(r.kind(), Kind::Followup | Kind::Incoming))
        .filter(|r| scope.unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .filter(|r| scope.owner.as_deref().is_none_or(|o| owner(r) == Some(o)))
        .filter_map(|r| {
            let state = r.due_state(scope.today)?;
            let level = Level::of(state.due, scope.today, scope.soon_until)?;
            Some(Reminder {
                id: r.id().clone(),
                kind: r.kind(),
                book: None,
                title: secrets.title(r),
                unit: r.unit().map(str::to_string),
                owner: owner(r).map(str::to_string),
                supervisor: supervisor(r).map(str::to_string),
                due: state.due,
                days_left: state.days_left,
                level,
            })
        })
        .collect();
    sort(&mut out);
    out
}

/// Sorted by level, then due date, then ID.
fn sort(items: &mut [Reminder]) {
    items.sort_by(|a, b| (a.level, a.due, &a.id).cmp(&(b.level, b.due, &b.id)));
}

/// Everything `remind` reminds of: what `select` finds, logbook entries
/// out on their book's open loop (`books`) past, on or near their due
/// date, and follow-ups not already listed whose progress report is owed.
pub fn gather(
    records: &[&Record],
    scope: &Scope,
    secrets: &Secrets,
    books: &BTreeMap<String, LogbookDef>,
) -> Vec<Reminder> {
    let mut out = behind_schedule(
        deadlines(records, scope, secrets, books),
        records,
        scope,
        secrets,
    );
    let listed: std::collections::HashSet<Id> = out.iter().map(|r| r.id.clone()).collect();
    out.extend(
        feedback_owed(records, scope, secrets)
            .into_iter()
            .filter(|r| !listed.contains(&r.id)),
    );
    out.extend(reviews_due(records, scope, secrets));
    out.extend(declassify_reviews(records, scope, secrets));
    sort(&mut out);
    out
}

/// Classified papers whose 保密期限 (`Record::secrecy_term_end`) ends
/// before the window closes, ended or not: someone must decide whether
/// each is to be declassified (`doc declassify`), and until then it is
/// reminded every day. The owner filter passes them over, as papers have
/// no owner.
fn declassify_reviews(records: &[&Record], scope: &Scope, secrets: &Secrets) -> Vec<Reminder> {
    records
        .iter()
        .filter(|r| scope.unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .filter(|_| scope.owner.is_none())
        .filter_map(|r| {
            let due = r
                .secrecy_term_end()
                .filter(|end| *end <= scope.soon_until)?;
            Some(Reminder {
                id: r.id().clone(),
                kind: r.kind(),
                book: None,
                title: secrets.title(r),
                unit: r.unit().map(str::to_string),
                owner: None,
                due,
                days_left: days_between(scope.today, due),
                level: Level::DeclassifyReview,
                supervisor: None,
            })
        })
        .collect()
}

/// Records whose pending date is a review, not a deadline (rules in
/// force, 清理评估), past, today, or within the window: someone must
/// decide whether each still stands.
fn reviews_due(records: &[&Record], scope: &Scope, secrets: &Secrets) -> Vec<Reminder> {
    records
        .iter()
        .filter(|r| !r.due_is_deadline())
        .filter(|r| scope.unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .filter(|_| scope.owner.is_none())
        .filter_map(|r| {
            let state = r.due_state(scope.today)?;
            Level::of(state.due, scope.today, scope.soon_until)?;
            Some(Reminder {
                id: r.id().clone(),
                kind: r.kind(),
                book: None,
                title: secrets.title(r),
                unit: r.unit().map(str::to_string),
                owner: None,
                supervisor: None,
                due: state.due,
                days_left: state.days_left,
                level: Level::ReviewDue(r.kind()),
            })
        })
        .collect()
}

/// What falls due: what `select` finds, and logbook entries out on their
/// book's open loop (`books`) due back past, on or near the window —
/// `gather` without owed progress reports.
pub fn deadlines(
    records: &[&Record],
    scope: &Scope,
    secrets: &Secrets,
    books: &BTreeMap<String, LogbookDef>,
) -> Vec<Reminder> {
    let mut out = select(records, scope, secrets);
    out.extend(out_entries(records, scope, secrets, books));
    sort(&mut out);
    out
}

/// Logbook entries out on their book's loop with a due date past, today
/// or within the window. Unit and owner filters apply: the owner is the
/// person the loop names (`owner = "handler"`).
fn out_entries(
    records: &[&Record],
    scope: &Scope,
    secrets: &Secrets,
    books: &BTreeMap<String, LogbookDef>,
) -> Vec<Reminder> {
    records
        .iter()
        .filter_map(|record| {
            let Record::Entry(entry, name) = record else {
                return None;
            };
            let book = books.get(name)?;
            let out = open_loop::out(entry, book.open_loop.as_ref()?)?;
            let due = out.due?;
            let level = Level::of(due, scope.today, scope.soon_until)?;
            let unit = record.unit();
            if scope.unit.as_deref().is_some_and(|u| unit != Some(u))
                || scope.owner.as_deref().is_some_and(|o| out.owner != Some(o))
            {
                return None;
            }
            let title = if secrets.hides(record) {
                secrets.title(record)
            } else {
                Title::Shown(open_loop::headline(entry, book))
            };
            Some(Reminder {
                id: entry.id.clone(),
                kind: Kind::Logbook,
                book: Some(Book {
                    name: name.clone(),
                    title: book.title.clone(),
                    title_en: book.title_en.clone(),
                }),
                title,
                unit: unit.map(str::to_string),
                owner: out.owner.map(str::to_string),
                supervisor: None,
                due,
                days_left: days_between(scope.today, due),
                level,
            })
        })
        .collect()
}

/// Follow-ups whose periodic progress report is owed today
/// (`Followup::feedback_owed`), due on the day it was owed by.
fn feedback_owed(records: &[&Record], scope: &Scope, secrets: &Secrets) -> Vec<Reminder> {
    records
        .iter()
        .filter_map(|record| {
            let Record::Followup(fu) = record else {
                return None;
            };
            let owed = fu.feedback_owed(scope.today)?;
            if scope.unit.as_deref().is_some_and(|u| fu.lead != u)
                || scope
                    .owner
                    .as_deref()
                    .is_some_and(|o| owner(record) != Some(o))
            {
                return None;
            }
            Some(Reminder {
                id: fu.id.clone(),
                kind: Kind::Followup,
                book: None,
                title: secrets.title(record),
                unit: Some(fu.lead.clone()),
                owner: fu.owner.clone(),
                supervisor: fu.supervisor.clone(),
                due: owed,
                days_left: days_between(scope.today, owed),
                level: Level::FeedbackDue,
            })
        })
        .collect()
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

/// `due` (what falls due) with the follow-ups behind schedule
/// (`Followup::behind`: a milestone missed) put in: at the level
/// `Behind`, dated by the first missed milestone, in place of a
/// due-soon reminder of the same follow-up; one overdue or due today
/// stays as it is, the more pressing. The filters apply as to `select`.
fn behind_schedule(
    mut due: Vec<Reminder>,
    records: &[&Record],
    scope: &Scope,
    secrets: &Secrets,
) -> Vec<Reminder> {
    let pressing = |id: &Id, due: &[Reminder]| {
        (due.iter()).any(|r| r.id == *id && matches!(r.level, Level::Overdue | Level::DueToday))
    };
    let behind: Vec<Reminder> = (records.iter())
        .filter(|r| scope.unit.as_deref().is_none_or(|u| r.unit() == Some(u)))
        .filter(|r| scope.owner.as_deref().is_none_or(|o| owner(r) == Some(o)))
        .filter_map(|record| {
            let Record::Followup(fu) = record else {
                return None;
            };
            let (_, missed) = fu.behind(scope.today)?;
            (!pressing(&fu.id, &due)).then(|| Reminder {
                id: fu.id.clone(),
                kind: Kind::Followup,
                book: None,
                title: secrets.title(record),
                unit: Some(fu.lead.clone()),
                owner: fu.owner.clone(),
                supervisor: fu.supervisor.clone(),
                due: missed.due,
                days_left: days_between(scope.today, missed.due),
                level: Level::Behind,
            })
        })
        .collect();
    due.retain(|r| !behind.iter().any(|b| b.id == r.id));
    due.extend(behind);
    due
}

fn supervisor(record: &Record) -> Option<&str> {
    match record {
        Record::Followup(fu) => fu.supervisor.as_deref(),
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

/// "overdue 3 days", "due today", "due in 2 days", "report owed" for
/// one reminder.
fn when(item: &Reminder, lang: Lang) -> String {
    match item.level {
        Level::FeedbackDue => i18n::loops::LoopWord::ReportOwed.word(lang).to_string(),
        Level::Behind => i18n::followup::behind_word(lang).to_string(),
        Level::ReviewDue(kind) => i18n::review_when(lang, kind, item.days_left)
            .unwrap_or_else(|| lang.days_left(item.days_left)),
        Level::DeclassifyReview => i18n::classified::review_when(lang, item.days_left),
        _ => lang.days_left(item.days_left),
    }
}

/// The due part of a line: "(due 2026-11-20)", or for an owed report
/// "(report owed since 2026-11-16)".
fn due_text(item: &Reminder, lang: Lang) -> String {
    match item.level {
        Level::FeedbackDue => i18n::loops::report_owed_since(lang, item.due),
        Level::Behind => i18n::followup::behind_due(lang, item.due),
        _ => i18n::remind_due(lang, item.due),
    }
}

/// The first line: how many of each level, as of today.
pub fn headline(items: &[Reminder], today: Date, lang: Lang) -> String {
    let count = |level| items.iter().filter(|r| r.level == level).count();
    let (o, t, s) = (
        count(Level::Overdue),
        count(Level::DueToday),
        count(Level::DueSoon),
    );
    let line = i18n::remind_headline(lang, today, o, t, s);
    let line = match count(Level::Behind) {
        0 => line,
        behind => i18n::followup::with_behind(lang, line, behind),
    };
    let line = match count(Level::FeedbackDue) {
        0 => line,
        owed => i18n::loops::with_reports_owed(lang, line, owed),
    };
    let line = Kind::ALL
        .iter()
        .fold(line, |line, kind| match count(Level::ReviewDue(*kind)) {
            0 => line,
            reviews => i18n::with_reviews_due(lang, *kind, line, reviews),
        });
    match count(Level::DeclassifyReview) {
        0 => line,
        reviews => i18n::classified::with_reviews(lang, line, reviews),
    }
}

/// The reminders that go under the units' headings, and the
/// declassification reviews, which go under one of their own: they are
/// the secrecy officer's, not a unit's.
fn split(items: &[Reminder]) -> (Vec<Reminder>, Vec<&Reminder>) {
    let (reviews, rest): (Vec<&Reminder>, Vec<&Reminder>) =
        (items.iter()).partition(|r| r.level == Level::DeclassifyReview);
    (rest.into_iter().cloned().collect(), reviews)
}

/// One reminder as a line of text: "overdue 3 days  FU-2026-0002  title
/// (due 2026-11-20)"; a withheld title is already "[秘密] ID", so the ID
/// is not written twice.
pub fn line(item: &Reminder, lang: Lang) -> String {
    let due = due_text(item, lang);
    let what = if item.title.is_withheld() {
        item.title.words(lang)
    } else {
        format!("{}  {}", item.id, item.title.words(lang))
    };
    format!("{}  {what}  {due}", when(item, lang))
}

/// The name of a group's unit, or the word for none.
pub fn unit_name(unit: Option<&str>, lang: Lang) -> &str {
    unit.unwrap_or(lang.label(Label::NoUnit))
}

/// The name of a group's owner, or the word for none.
pub fn owner_name(owner: Option<&str>, lang: Lang) -> &str {
    owner.unwrap_or(lang.label(Label::NoOwner))
}

/// Plain text for a terminal or a mail body.
pub fn text(items: &[Reminder], today: Date, lang: Lang) -> String {
    let mut out = headline(items, today, lang);
    out.push('\n');
    let (items, reviews) = split(items);
    for (unit, owners) in groups(&items) {
        out.push('\n');
        out.push_str(unit_name(unit, lang));
        out.push('\n');
        for (owner, list) in owners {
            out.push_str(&format!("  {}\n", owner_name(owner, lang)));
            for item in list {
                out.push_str(&format!("    {}\n", line(item, lang)));
            }
        }
    }
    if !reviews.is_empty() {
        out.push_str(&format!("\n{}\n", i18n::classified::review_heading(lang)));
        for item in reviews {
            out.push_str(&format!("  {}\n", line(item, lang)));
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
            (item.kind_word(lang).to_string(), Tone::Plain),
            (item.title.words(lang), Tone::Plain),
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
    let (items, reviews) = split(items);
    for (unit, owners) in groups(&items) {
        out.push_str(&format!("\n### {}\n", unit_name(unit, lang)));
        for (owner, list) in owners {
            out.push_str(&format!("\n**{}**\n\n", owner_name(owner, lang)));
            out.push_str(&markdown_table(&list, lang));
        }
    }
    if !reviews.is_empty() {
        let heading = i18n::classified::review_heading(lang);
        out.push_str(&format!("\n### {heading}\n\n"));
        out.push_str(&markdown_table(&reviews, lang));
    }
    out
}

/// A Markdown table of reminders: when, ID, title, due, days left.
fn markdown_table(list: &[&Reminder], lang: Lang) -> String {
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
            (item.title.words(lang), Tone::Plain),
            (item.due.to_string(), Tone::Plain),
            (item.days_left.to_string(), Tone::Plain),
        ]);
    }
    table.to_markdown()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::redact::Reveal;

    /// `relevant` never passes over a record `select` would remind of.
    #[test]
    fn records_passed_over_are_never_due() {
        let mut reminded = 0;
        for record in taizhang_core::testing::example_records() {
            let facts = Facts::of(&record);
            let one = [&record];
            let secrets = Secrets::new(&one, Reveal::Withhold);
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
    use taizhang_core::model::kind::Kind;

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
        let secrets = Secrets::new(&refs, Reveal::Withhold);
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

    /// An entry out on its book's loop is read (its facts say open) and
    /// reminded with the book's name; one returned is not; a follow-up
    /// owing a report comes last, once.
    #[test]
    fn entries_out_and_owed_reports_are_gathered() {
        let entry = |id: &str, extra: &str| {
            Record::from_yaml(
                &format!(
                    "id: {id}\ncreated: 2026-11-20T09:00:00+08:00\ndate: 2026-11-20\n\
                     seal: 局公章\nunit: 办公室\nhandler: 李明\npurpose: 签合同\n\
                     approver: 张局长\ntaken_out: 2026-11-20\nreturn_due: 2026-11-22\n{extra}"
                ),
                Kind::Logbook,
                Some("seal"),
            )
            .unwrap()
        };
        let books = taizhang_core::model::logbook::presets();
        let mut out = entry("SEAL-2026-0001", "");
        let mut back = entry("SEAL-2026-0002", "returned: 2026-11-21\n");
        // As the store reads them: each learns its book.
        out.know_books(&books);
        back.know_books(&books);
        assert!(relevant(&Facts::of(&out)));
        assert!(!relevant(&Facts::of(&back)));
        let mut owing = fu("FU-2026-0001", "办公室", Some("李明"), "2026-12-31", "open");
        if let Record::Followup(f) = &mut owing {
            f.feedback = Some(taizhang_core::model::keyword::Feedback::Weekly);
        }
        let records = [&out, &back, &owing];
        let secrets = Secrets::new(&records, Reveal::Withhold);
        let items = gather(&records, &scope(), &secrets, &books);
        let got: Vec<(String, &str, Level)> = items
            .iter()
            .map(|r| (r.id.to_string(), r.kind_keyword(), r.level))
            .collect();
        assert_eq!(
            got,
            vec![
                ("SEAL-2026-0001".into(), "seal", Level::Overdue),
                ("FU-2026-0001".into(), "followup", Level::FeedbackDue),
            ]
        );
        assert_eq!(items[0].owner.as_deref(), Some("李明"));
        assert_eq!(items[0].kind_word(Lang::Zh), "用印登记");
        assert_eq!(items[1].due, Date::constant(2026, 11, 8));
        let json = json(&items);
        assert!(json.contains("\"kind\": \"seal\""), "{json}");
        assert!(json.contains("\"level\": \"feedback-due\""), "{json}");
    }

    #[test]
    fn unit_and_owner_filters() {
        let records = [
            fu("FU-2026-0001", "办公室", Some("李明"), "2026-11-20", "open"),
            fu("FU-2026-0002", "财务科", Some("李明"), "2026-11-20", "open"),
            fu("FU-2026-0003", "财务科", Some("张强"), "2026-11-20", "open"),
        ];
        let refs: Vec<&Record> = records.iter().collect();
        let secrets = Secrets::new(&refs, Reveal::Withhold);
        let mut s = scope();
        s.unit = Some("财务科".into());
        s.owner = Some("李明".into());
        let items = select(&refs, &s, &secrets);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id.to_string(), "FU-2026-0002");
    }
}
