//! Each row below the header read into a record, or into the list of
//! what is wrong with it: every cell is checked, so one pass names every
//! problem of the file.

use jiff::civil::Date;

use super::cell::{self, Cell, DateIssue, SheetRow};
use super::lines;
use super::said::{Said, joined, said};
use super::{Field, Header, LEGACY_ID, Target};
use crate::model::common::{Actor, HistoryAction, TermProblem, check_secrecy_term};
use crate::model::config::Config;
use crate::model::date::{Moment, When};
use crate::model::docnum;
use crate::model::followup::{Followup, FuStatus, Outcome, Progress};
use crate::model::id::Id;
use crate::model::incoming::{InStatus, Incoming};
use crate::model::keyword::{
    self, Channel, Direction, Disclosure, DocType, Feedback, Handling, Keyword, Secrecy, Source,
    Urgency,
};
use crate::model::outgoing::{OutStatus, Outgoing, doc_number, parse_doc_number};
use crate::model::record::{Record, each};
use crate::model::validate::Note;

/// What every row is read with.
pub struct Setting<'a> {
    pub target: Target,
    pub config: &'a Config,
    pub actor: &'a Actor,
    pub today: Date,
    /// The year of dates written without one (`--year`, else the file's).
    pub year: Option<i16>,
    /// Where the rows come from, for the history entry (`收文登记簿.xlsx`).
    pub source: &'a str,
    /// The register's time zone: a time written after a date
    /// (`2026-11-20 10:10`, as `export csv` writes a moment) is a moment
    /// in it.
    pub tz: &'a jiff::tz::TimeZone,
}

/// A row read into a record whose ID is still to be given.
#[derive(Debug, Clone)]
pub struct Draft {
    pub row: usize,
    pub record: Record,
    /// The year the record's ID is in: the year it was received, signed
    /// or assigned.
    pub year: i16,
    /// The spreadsheet's own number (序号), kept as `legacy_id`.
    pub legacy_id: Option<String>,
    /// An outgoing document whose 发文字号 the sheet gave.
    pub numbered: bool,
    /// What the import tells about the row without refusing it.
    pub notices: Vec<Notice>,
}

/// What an import says about a row it takes as it is: each is listed
/// once, with every row it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A rule that guards new entries (an urgent paper's deadline, an
    /// upward document's signer), which a record of the past may break:
    /// kept as history, and `check` warns as it does here.
    Entry(crate::model::validate::Note),
    /// Finished, and no completion date on the row: the latest date of the
    /// row (not after today) was taken.
    CompletedFromRow,
    /// 已归档 and no 档号 on the row: imported as finished.
    ArchivedWithoutNumber,
    /// A paper's reply names an outgoing document the register does not
    /// have yet: the link is made when the 发文 sheet naming the paper in
    /// 答复来文 comes in.
    ReplyLinkedLater { id: String },
    /// The cell meant for the status held text that is no status word
    /// (`传阅`, `已转应急局办理`): kept in `kept_in`, and the status taken
    /// from the row's other cells (a completion date, 是否办结).
    StatusText { column: String, kept_in: Field },
}

/// A column of the sheet, or a field the sheet has no column for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Header(String),
    Field(Field),
    /// A record key a rule of `check` names (`status`, `reply` …).
    Key(String),
    /// The row as a whole.
    Row,
}

/// What is wrong with one cell (or one row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// A required field left empty.
    Missing,
    BadDate {
        input: String,
    },
    /// `11月1日` and no year known.
    NoYear {
        input: String,
    },
    BadKeyword {
        input: String,
        what: &'static str,
        accepted: Vec<(&'static str, &'static str)>,
    },
    BadCount {
        input: String,
    },
    UnknownUnit {
        input: String,
        known: Vec<String>,
    },
    DueBeforeAssigned {
        due: Date,
        assigned: Date,
    },
    /// A paper's 办理时限 before its 签收日期.
    DeadlineBeforeReceived {
        deadline: Date,
        received: Date,
    },
    ReceivedAfterToday {
        date: Date,
        today: Date,
    },
    BadTerm(TermProblem),
    /// The same 发文字号 on an earlier row of the sheet.
    NumberTwice {
        number: String,
        row: usize,
    },
    /// A 发文字号 an outgoing document of the register already has.
    NumberTaken {
        number: String,
        id: String,
    },
    /// A title with a line break or control character, or too long.
    BadTitle(crate::model::title::TitleProblem),
    /// A cell meant to name a record (`IN-2026-0006`) that names none.
    NotAnId {
        input: String,
    },
    /// A record the row names that the register does not have.
    MissingRecord {
        id: String,
    },
    /// A decisions cell not in the form `export` writes (`1. 编制计划`).
    BadDecisions {
        input: String,
    },
    /// A title `export` withheld (`[秘密] FU-2026-0012`): the record's
    /// matter is not in the sheet.
    WithheldTitle {
        input: String,
    },
    /// An extensions cell not in the form `export` writes
    /// (`2026-09-30→2026-11-30 2026-09-24 周敏：理由`).
    BadExtensions {
        input: String,
    },
    /// A milestones cell not in the form `export` writes
    /// (`2026-12-10：完成方案`, `2026-12-10 ✓2026-12-09：完成方案`).
    BadMilestones {
        input: String,
    },
    /// A 重复周期 cell that is not a repeat rule (`month:5`, `每月:5`,
    /// `week:周一`).
    BadEvery {
        input: String,
    },
    /// A rule of `check` the record would break (a paper marked replied
    /// with no reply recorded …): an import never writes what `check`
    /// would call an error.
    Check(crate::model::validate::Note),
}

/// One problem of one row, with the row number as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: Column,
    pub trouble: Trouble,
}

/// Reads one row. Every problem is collected into `problems`; the draft is
/// returned only when the row has none.
pub fn read(
    row: &SheetRow,
    header: &Header,
    setting: &Setting,
    problems: &mut Vec<RowProblem>,
) -> Option<Draft> {
    let before = problems.len();
    let mut r = Reader {
        row,
        header,
        setting,
        problems,
        notices: Vec::new(),
        latest: None,
    };
    let legacy_id = r.text(Field::LegacyId);
    let record = setting.target.read(&mut r);
    let notices = std::mem::take(&mut r.notices);
    if problems.len() > before {
        return None;
    }
    let (mut record, year, numbered) = record?;
    if let Some(legacy) = &legacy_id {
        (record.extra_mut()).insert(LEGACY_ID.into(), legacy.as_str().into());
    }
    if !follows_the_rules(&record, row.number, setting.config, problems) {
        return None;
    }
    Some(Draft {
        row: row.number,
        record,
        year,
        legacy_id,
        numbered,
        notices,
    })
}

/// Whether `record` passes the rules `check` applies to a record on its
/// own; each error it would report becomes a problem of the row.
/// (Warnings, such as a classified paper without a secrecy term, are left
/// for `check` to show: they do not make the register wrong.)
fn follows_the_rules(
    record: &Record,
    row: usize,
    config: &Config,
    problems: &mut Vec<RowProblem>,
) -> bool {
    let before = problems.len();
    for finding in crate::model::validate::errors(record, config) {
        problems.push(RowProblem {
            row,
            column: finding.field.map_or(Column::Row, Column::Key),
            trouble: Trouble::Check(finding.message),
        });
    }
    problems.len() == before
}

/// Gives a drafted record its ID.
pub fn set_id(record: &mut Record, id: Id) {
    // A series the row began is named by its first occurrence, the
    // record itself: renamed with it.
    if let Record::Followup(fu) = record
        && fu.series.as_ref() == Some(&fu.id)
    {
        fu.series = Some(id.clone());
    }
    each!(record, r => r.id = id)
}

/// Gives a drafted record the ID the sheet gave it (an export coming
/// back): the ID is its own, so no `legacy_id` is kept beside it.
pub fn keep_id(record: &mut Record, id: Id) {
    record.extra_mut().remove(LEGACY_ID);
    set_id(record, id);
}

/// Gives a drafted outgoing document its 发文字号.
pub fn set_number(record: &mut Record, number: String) {
    if let Record::Outgoing(r) = record {
        r.doc_number = number;
    }
}

pub(crate) struct Reader<'a, 'p> {
    row: &'a SheetRow,
    header: &'a Header,
    pub(crate) setting: &'a Setting<'a>,
    problems: &'p mut Vec<RowProblem>,
    /// What the row's record is taken with, told after.
    pub(crate) notices: Vec<Notice>,
    /// The latest date read on the row, not after today: the completion
    /// date of a matter the sheet calls finished without giving one.
    pub(crate) latest: Option<Date>,
}

/// A row read into a record, the year its ID is in, and whether the sheet
/// numbered it; `None` when the row has problems.
pub(crate) type Built = Option<(Record, i16, bool)>;

impl Reader<'_, '_> {
    pub(crate) fn cell(&self, field: Field) -> &Cell {
        match self.header.column(field) {
            Some(i) => self.row.cell(i),
            None => &Cell::Empty,
        }
    }

    pub(crate) fn column(&self, field: Field) -> Column {
        match self.header.label(field) {
            Some(label) => Column::Header(label.to_string()),
            None => Column::Field(field),
        }
    }

    /// The header of the column holding `field`, if the sheet has one.
    pub(crate) fn header_label(&self, field: Field) -> Option<String> {
        self.header.label(field).map(str::to_string)
    }

    pub(crate) fn problem(&mut self, field: Field, trouble: Trouble) {
        let column = self.column(field);
        self.problems.push(RowProblem {
            row: self.row.number,
            column,
            trouble,
        });
    }

    pub(crate) fn text(&self, field: Field) -> Option<String> {
        self.cell(field).as_text()
    }

    pub(crate) fn required_text(&mut self, field: Field) -> Option<String> {
        let text = self.text(field);
        if text.is_none() {
            self.problem(field, Trouble::Missing);
        }
        text
    }

    /// The title: required, and one line of at most 500 characters
    /// (`model::title`), as every command takes it.
    pub(crate) fn title(&mut self) -> Option<String> {
        let title = self.required_text(Field::Title)?;
        if withheld(&title) {
            self.problem(Field::Title, Trouble::WithheldTitle { input: title });
            return None;
        }
        match crate::model::title::check_title(&title) {
            Some(problem) => {
                self.problem(Field::Title, Trouble::BadTitle(problem));
                None
            }
            None => Some(title),
        }
    }

    pub(crate) fn list(&self, field: Field) -> Vec<String> {
        self.text(field)
            .map(|t| split(&t).map(str::to_string).collect())
            .unwrap_or_default()
    }

    pub(crate) fn date(&mut self, field: Field) -> Option<Date> {
        let cell = self.cell(field).clone();
        match cell::date(&cell, self.setting.year) {
            Ok(date) => {
                if let Some(day) = date.filter(|d| *d <= self.setting.today) {
                    self.latest = self.latest.max(Some(day));
                }
                date
            }
            Err(issue) => {
                let input = cell.as_text().unwrap_or_default();
                let trouble = match issue {
                    DateIssue::Unreadable => Trouble::BadDate { input },
                    DateIssue::NoYear => Trouble::NoYear { input },
                };
                self.problem(field, trouble);
                None
            }
        }
    }

    /// A date, or a moment when the cell holds a time too (a date-time
    /// cell of a workbook, `2026-11-20 10:10` as `export csv` writes it,
    /// `2026年1月6日9时30分`): received papers and meetings keep their
    /// times, from any sheet, read by the one reader of moments.
    pub(crate) fn when(&mut self, field: Field) -> Option<When> {
        let date = self.date(field)?;
        let time = cell::moment(self.cell(field), self.setting.year)
            .ok()
            .flatten()
            .and_then(|moment| moment.time);
        let Some(time) = time else {
            return Some(When::Date(date));
        };
        let moment = self
            .setting
            .tz
            .to_ambiguous_zoned(date.to_datetime(time))
            .compatible()
            .ok()
            .map(|zoned| Moment::at(zoned.timestamp(), self.setting.tz));
        Some(moment.map_or(When::Date(date), When::Moment))
    }

    /// A required date or moment (`when`).
    pub(crate) fn required_when(&mut self, field: Field) -> Option<When> {
        if self.cell(field).is_empty() {
            self.problem(field, Trouble::Missing);
            return None;
        }
        self.when(field)
    }

    pub(crate) fn required_date(&mut self, field: Field) -> Option<Date> {
        if self.cell(field).is_empty() {
            self.problem(field, Trouble::Missing);
            return None;
        }
        self.date(field)
    }

    pub(crate) fn count(&mut self, field: Field) -> Option<u32> {
        let cell = self.cell(field).clone();
        cell::count(&cell).unwrap_or_else(|_| {
            let input = cell.as_text().unwrap_or_default();
            self.problem(field, Trouble::BadCount { input });
            None
        })
    }

    /// An enumerated value: its keyword, its Chinese word, or one of the
    /// other words spreadsheets use (`more`: word → value).
    pub(crate) fn keyword<K: Keyword>(&mut self, field: Field, more: &[(&str, K)]) -> Option<K> {
        let text = self.text(field)?;
        let normal = super::normal_header(&text);
        if let Some((_, value)) = more.iter().find(|(word, _)| *word == normal) {
            return Some(*value);
        }
        match keyword::parse::<K>(&normal) {
            Ok(value) => Some(value),
            Err(bad) => {
                self.problem(
                    field,
                    Trouble::BadKeyword {
                        input: text,
                        what: bad.what,
                        accepted: bad.accepted,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn unit(&mut self, field: Field, input: &str) -> Option<String> {
        match self.setting.config.resolve_unit(input) {
            Ok(unit) => Some(unit),
            Err(known) => {
                self.problem(
                    field,
                    Trouble::UnknownUnit {
                        input: input.to_string(),
                        known,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn opt_unit(&mut self, field: Field) -> Option<String> {
        let text = self.text(field)?;
        self.unit(field, &text)
    }

    pub(crate) fn units(&mut self, field: Field) -> Vec<String> {
        self.list(field)
            .iter()
            .filter_map(|u| self.unit(field, u))
            .collect()
    }

    /// 密级, with 内部 read as restricted distribution, not a level (or
    /// said in its own column, as `export` writes it).
    pub(crate) fn secrecy(&mut self) -> (Secrecy, bool) {
        if self.text(Field::Secrecy).as_deref() == Some("内部") {
            return (Secrecy::None, true);
        }
        // The column says 是, √, true, or its own name (内部, internal).
        let internal = self.text(Field::Internal).is_some_and(|t| {
            said(&t) == Some(Said::Finished) || ["true", "内部", "internal"].contains(&t.as_str())
        });
        let more = [
            ("无", Secrecy::None),
            ("普通", Secrecy::None),
            ("-", Secrecy::None),
        ];
        (
            self.keyword(Field::Secrecy, &more).unwrap_or_default(),
            internal,
        )
    }

    pub(crate) fn term(&mut self, secrecy: Secrecy) -> Option<String> {
        let term = self.text(Field::SecrecyTerm)?;
        if let Some(problem) = check_secrecy_term(&term, secrecy.max_term_years()) {
            self.problem(Field::SecrecyTerm, Trouble::BadTerm(problem));
        }
        Some(term)
    }

    pub(crate) fn urgency(&mut self) -> Urgency {
        let more = [
            ("急", Urgency::Urgent),
            ("急件", Urgency::Urgent),
            ("平急", Urgency::Urgent),
            ("特急件", Urgency::VeryUrgent),
            ("无", Urgency::Normal),
            ("-", Urgency::Normal),
        ];
        self.keyword(Field::Urgency, &more).unwrap_or_default()
    }

    pub(crate) fn history(&self) -> Vec<crate::model::common::HistoryEntry> {
        let note = format!("{}:{}", self.setting.source, self.row.number);
        vec![self.setting.actor.entry(HistoryAction::Import, Some(note))]
    }

    pub(crate) fn placeholder(&self, year: i16) -> Id {
        let prefix = self.setting.config.prefix(self.setting.target.kind());
        Id::new(prefix, year, 0)
    }

    pub(crate) fn incoming(&mut self) -> Built {
        let title = self.title();
        let sender = self.required_text(Field::Sender);
        let received_when = self.required_when(Field::Received);
        let received = received_when.as_ref().map(When::date);
        if let Some(date) = received
            && date > self.setting.today
        {
            let today = self.setting.today;
            self.problem(Field::Received, Trouble::ReceivedAfterToday { date, today });
        }
        let urgency = self.urgency();
        let (secrecy, internal) = self.secrecy();
        let secrecy_term = self.term(secrecy);
        let handling = self
            .keyword(
                Field::Handling,
                &[("办", Handling::Action), ("阅", Handling::Info)],
            )
            .unwrap_or(Handling::Action);
        let deadline = self.date(Field::Deadline);
        if let (Some(deadline), Some(received)) = (deadline, received)
            && deadline < received
        {
            let problem = Trouble::DeadlineBeforeReceived { deadline, received };
            self.problem(Field::Deadline, problem);
        }
        if handling == Handling::Action && urgency != Urgency::Normal && deadline.is_none() {
            self.notices
                .push(Notice::Entry(Note::DeadlineNeeded { urgency }));
        }
        let doc_type = self.keyword::<DocType>(Field::DocType, &[]);
        let channel = self.keyword::<Channel>(Field::Channel, &[]);
        let copies = self.count(Field::Copies);
        let pages = self.count(Field::Pages);
        let lead = self.opt_unit(Field::Lead);
        let support = self.units(Field::Support);
        let completed = self.date(Field::Completed);
        let archive = self.archive_number();
        use InStatus as S;
        let more = [
            ("交办", S::Assigned),
            ("阅毕", S::Read),
            ("登记", S::Registered),
            ("待办", S::Registered),
            ("未办", S::Registered),
            ("答复", S::Replied),
            ("退文", S::Returned),
        ];
        // A paper to read is finished when read; one to act on when done.
        let finished = match handling {
            Handling::Action => S::Done,
            Handling::Info => S::Read,
        };
        let open = if lead.is_some() && handling == Handling::Action {
            S::InProgress
        } else {
            S::Registered
        };
        let settled = self.settle(
            &more,
            |said| match said {
                Said::Finished => finished,
                Said::Replied => S::Replied,
                Said::Open => open,
                // A paper is not cancelled: it goes back to its sender.
                Said::Cancelled => S::Returned,
                Said::Archived => S::Archived,
            },
            Field::Result,
        );
        let mut status = settled.status.unwrap_or({
            if completed.is_some() {
                finished
            } else if lead.is_some() && handling == Handling::Action {
                S::Assigned
            } else {
                S::Registered
            }
        });
        if status == S::Archived && archive.is_none() {
            self.notices.push(Notice::ArchivedWithoutNumber);
            status = finished;
        }
        let completed = match status {
            S::Done | S::Replied | S::Archived if handling == Handling::Action => {
                self.finished_on(completed)
            }
            _ => completed,
        };
        let result = (!settled.result_was_status)
            .then(|| self.text(Field::Result))
            .flatten();
        let reply = self.reply(status == S::Replied, completed.or(received));
        let proposal = self.remarks(Field::Proposal).and_then(|mut r| r.pop());
        let instructions = self.remarks(Field::Instructions).unwrap_or_default();
        let (title, sender, received, received_when) = (title?, sender?, received?, received_when?);
        let actor = self.setting.actor;
        let mut record = Incoming {
            id: self.placeholder(received.year()),
            title,
            status,
            sender,
            sender_ref: self.text(Field::SenderRef).map(|r| docnum::normalize(&r)),
            doc_type,
            received: received_when,
            received_by: self.text(Field::ReceivedBy),
            channel,
            urgency,
            secrecy,
            secrecy_term,
            internal,
            copies: copies.unwrap_or(1),
            pages,
            handling,
            proposal,
            instructions,
            lead,
            support,
            deadline,
            circulation: Vec::new(),
            result: joined(result, settled.kept),
            completed,
            reply,
            followups: Vec::new(),
            archive: None,
            attachments: Vec::new(),
            notes: self.text(Field::Notes),
            created: actor.at,
            history: self.history(),
            extra: Default::default(),
        };
        if status == S::Archived {
            record.archive = self.archive_block(archive, pages);
        }
        Some((Record::Incoming(Box::new(record)), received.year(), false))
    }

    pub(crate) fn outgoing(&mut self) -> Built {
        let title = self.title();
        let signed = self.date(Field::Signed);
        let number = self.text(Field::DocNumber).map(|n| docnum::normalize(&n));
        let signer = self.text(Field::Signer);
        let more = [
            ("上行", Direction::Upward),
            ("平行", Direction::Parallel),
            ("下行", Direction::Downward),
        ];
        let direction = self.keyword(Field::Direction, &more);
        if direction == Some(Direction::Upward) && signer.is_none() {
            self.notices.push(Notice::Entry(Note::UpwardWithoutSigner));
        }
        let urgency = self.urgency();
        let (secrecy, _) = self.secrecy();
        let secrecy_term = self.term(secrecy);
        let doc_type = self.keyword::<DocType>(Field::DocType, &[]);
        let drafting_unit = self.opt_unit(Field::DraftingUnit);
        let printed = self.date(Field::Printed);
        let print_copies = self.count(Field::PrintCopies);
        let archive = self.archive_number();
        let in_reply_to = self.record_id(Field::InReplyTo);
        use OutStatus as S;
        let more = [
            ("印发", S::Issued),
            ("已发", S::Issued),
            ("已发文", S::Issued),
            ("签发", S::Signed),
            ("草稿", S::Draft),
            ("作废", S::Revoked),
        ];
        let open = if signed.is_some() {
            S::Signed
        } else {
            S::Draft
        };
        let settled = self.settle(
            &more,
            |said| match said {
                Said::Finished | Said::Replied => S::Issued,
                Said::Open => open,
                Said::Cancelled => S::Revoked,
                Said::Archived => S::Archived,
            },
            Field::Notes,
        );
        let mut status = settled
            .status
            .unwrap_or(if printed.is_some() { S::Issued } else { open });
        if status == S::Archived && archive.is_none() {
            self.notices.push(Notice::ArchivedWithoutNumber);
            status = S::Issued;
        }
        let printed = match status {
            S::Issued | S::Archived => self.finished_on(printed),
            _ => printed,
        };
        let title = title?;
        let number_year = number
            .as_deref()
            .and_then(parse_doc_number)
            .map(|(_, year, _)| year);
        let year = signed
            .map(|d| d.year())
            .or(number_year)
            .unwrap_or(self.setting.today.year());
        let actor = self.setting.actor;
        // The series a number belongs to: the one of its issuer code; a
        // document still to be numbered takes the default series.
        let issuer = number
            .as_deref()
            .and_then(parse_doc_number)
            .map(|(i, _, _)| i);
        let series = match (&number, issuer) {
            (Some(_), Some(issuer)) => self.setting.config.series(Some(&issuer)),
            (Some(_), None) => None,
            (None, _) => self.setting.config.series(None),
        }
        .map(|s| s.name.clone());
        let mut record = Outgoing {
            id: self.placeholder(year),
            title,
            status,
            doc_number: number.clone().unwrap_or_else(|| doc_number("", year, 0)),
            series,
            doc_type,
            direction,
            to: self.list(Field::To),
            cc: self.list(Field::Cc),
            drafter: self.text(Field::Drafter),
            drafting_unit,
            review: None,
            countersign: Vec::new(),
            countersigned: Vec::new(),
            signer,
            signed,
            printed,
            print_copies,
            urgency,
            secrecy,
            secrecy_term,
            disclosure: self.keyword::<Disclosure>(Field::Disclosure, &[]),
            in_reply_to,
            followups: Vec::new(),
            archive: None,
            attachments: Vec::new(),
            notes: joined(self.text(Field::Notes), settled.kept),
            created: actor.at,
            history: self.history(),
            extra: Default::default(),
        };
        if status == S::Archived {
            record.archive = self.archive_block(archive, None);
        }
        Some((Record::Outgoing(Box::new(record)), year, number.is_some()))
    }

    pub(crate) fn followup(&mut self) -> Built {
        let title = self.title();
        let lead_text = self.required_text(Field::Lead);
        let lead = lead_text.and_then(|t| self.unit(Field::Lead, &t));
        let support = self.units(Field::Support);
        let assigned = self.required_date(Field::Assigned);
        let due = self.required_date(Field::Due);
        if let (Some(assigned), Some(due)) = (assigned, due)
            && due < assigned
        {
            self.problem(Field::Due, Trouble::DueBeforeAssigned { due, assigned });
        }
        let (secrecy, _) = self.secrecy();
        let source = self.keyword::<Source>(
            Field::Source,
            &[
                ("领导交办", Source::Instruction),
                ("批示", Source::Instruction),
                ("会议", Source::Meeting),
                ("上级", Source::Superior),
                ("文件", Source::Document),
            ],
        );
        let feedback = self.keyword::<Feedback>(Field::Feedback, &[]);
        let source_ref = self.record_ref(Field::SourceRef);
        let closed = self.date(Field::Closed);
        let submitted = self.date(Field::Submitted);
        let extensions = due.map(|due| self.extensions(due)).unwrap_or_default();
        let progress_text = self.text(Field::Progress);
        use FuStatus as S;
        let more = [
            ("推进中", S::InProgress),
            ("进行中", S::InProgress),
            ("未办", S::Open),
            ("未开始", S::Open),
            ("未启动", S::Open),
            ("报结", S::Submitted),
            ("退回", S::Returned),
        ];
        let open = if progress_text.is_some() {
            S::InProgress
        } else {
            S::Open
        };
        let settled = self.settle(
            &more,
            |said| match said {
                Said::Finished | Said::Replied | Said::Archived => S::Closed,
                Said::Open => open,
                Said::Cancelled => S::Cancelled,
            },
            Field::Notes,
        );
        let status = settled
            .status
            .unwrap_or(if closed.is_some() { S::Closed } else { open });
        let closed = match status {
            S::Closed => self.finished_on(closed),
            _ => closed,
        };
        let report = (!settled.result_was_status)
            .then(|| self.text(Field::Report))
            .flatten();
        let (title, lead, assigned, due) = (title?, lead?, assigned?, due?);
        let actor = self.setting.actor;
        let progress = match progress_text.as_deref().and_then(lines::read_progress) {
            Some(notes) => notes,
            None => progress_text
                .iter()
                .map(|note| Progress {
                    on: actor.today(),
                    by: actor.by.clone(),
                    note: note.clone(),
                })
                .collect(),
        };
        let result = match status {
            S::Closed | S::Submitted => Some(Outcome {
                report,
                submitted,
                closed: closed.filter(|_| status == S::Closed),
                closed_by: self.text(Field::ClosedBy).filter(|_| status == S::Closed),
            }),
            _ => report.map(|report| Outcome {
                report: Some(report),
                submitted: None,
                closed: None,
                closed_by: None,
            }),
        };
        // 紧急程度 only when the sheet gives one: a follow-up has none by
        // default.
        let urgency = self.text(Field::Urgency).map(|_| self.urgency());
        let milestones = self.milestones();
        let every = self.every(due);
        let id = self.placeholder(assigned.year());
        let record = Followup {
            // A rule read back begins a series of its own, named by the
            // record itself (`set_id` carries it to the new ID).
            series: every.map(|_| id.clone()),
            every,
            id,
            title,
            status,
            requirement: self.text(Field::Requirement),
            source,
            source_ref,
            assigned_by: self.text(Field::AssignedBy),
            supervisor: self.text(Field::Supervisor),
            lead,
            support,
            owner: self.text(Field::Owner),
            assigned,
            due,
            secrecy,
            feedback,
            extensions,
            progress,
            chases: Vec::new(),
            result,
            notes: joined(self.text(Field::Notes), settled.kept),
            parent: None,
            milestones,
            urgency,
            created: actor.at,
            history: self.history(),
            series_ended: None,
            extra: Default::default(),
        };
        Some((Record::Followup(Box::new(record)), assigned.year(), false))
    }
}

/// Whether `title` is one `export` withheld: `[秘密] FU-2026-0012`,
/// `[secret] IN-2026-0042` (a level, then an ID).
fn withheld(title: &str) -> bool {
    let Some((level, id)) = title.strip_prefix('[').and_then(|t| t.split_once("] ")) else {
        return false;
    };
    keyword::parse::<Secrecy>(level).is_ok_and(|s| s.is_classified()) && Id::parse(id).is_some()
}

/// Splits a list cell: `财务科、法规科`, `a,b`, `a；b`; a separator in
/// brackets belongs to its item (`各县（市、区）交通运输局`).
fn split(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    text.split(move |c: char| {
        match c {
            '(' | '（' | '[' | '［' | '【' | '〔' => depth += 1,
            ')' | '）' | ']' | '］' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && matches!(c, ',' | '，' | '、' | ';' | '；' | '\n')
    })
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// The 发文字号 of `record` if it was taken from the sheet.
pub fn sheet_number(draft: &Draft) -> Option<&str> {
    match &draft.record {
        Record::Outgoing(r) if draft.numbered => Some(&r.doc_number),
        _ => None,
    }
}

/// The issuer and year an outgoing draft without a number gets one in.
pub fn number_year(draft: &Draft, today: Date) -> i16 {
    match &draft.record {
        Record::Outgoing(r) => r.signed.map_or(today.year(), |d| d.year()),
        _ => today.year(),
    }
}
