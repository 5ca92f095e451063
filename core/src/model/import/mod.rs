//! Importing an existing spreadsheet register (收文登记簿, 发文登记簿,
//! 督办台账): which column holds which field, where the header row is,
//! and each row read into a record or a list of what is wrong with it.
//!
//! Pure: the cells come in as values (`store::sheet` reads the file), the
//! records go out with placeholder IDs (the command allocates them).

pub mod blocks;
pub mod cell;
pub mod formula;
pub mod header;
pub mod lines;
pub mod meeting;
pub mod rows;
pub mod said;

use crate::model::kind::Kind;
pub use cell::{Cell, SheetRow};
pub use header::{Label, Skip, skip};

/// The key under which a record keeps the number it had in the
/// spreadsheet it came from (序号, 编号). `check` knows it.
pub const LEGACY_ID: &str = "legacy_id";

/// Columns saying whether a matter is finished: 是否办结 (是/否), and
/// 完成情况 (已完成/未完成) beside it, which sheets often keep both.
const FINISHED: &[&str] = &["是否办结", "是否完成", "办结情况"];
const COMPLETION: &[&str] = &["完成情况"];

/// The column of a document's archive number, and of the day it was filed.
const ARCHIVE: &[&str] = &["档号", "归档号"];
const ARCHIVED: &[&str] = &["归档日期"];

/// What `import` needs of a kind it can make: the fields a column may
/// fill, with the headers the usual paper registers give them (compared
/// without spaces; English ones also without case, `_` or `-`; the
/// field's own key always matches), and the reader of a row. Each kind
/// declares its own in its `SPEC` (`KindSpec::import`).
pub struct ImportSpec {
    pub(crate) fields: &'static [(Field, &'static [&'static str])],
    pub(crate) read: for<'a, 'p> fn(&mut rows::Reader<'a, 'p>) -> rows::Built,
}

/// The columns of a 收文登记簿 and their reader.
#[rustfmt::skip]
pub(crate) const INCOMING: ImportSpec = ImportSpec {
    fields: {
        use Field as F;
        &[
        (F::LegacyId, &["序号", "编号", "收文编号", "收文号", "原编号", "no", "no.", "id"]),
        (F::Received, &["收文日期", "收文时间", "签收日期", "签收时间", "来文日期", "日期", "date"]),
        (F::Sender, &["来文单位", "来文机关", "来文机关单位", "来文部门", "发文单位", "from", "from/to"]),
        (F::SenderRef, &["来文字号", "文号", "来文文号", "来文编号", "ref", "sender's ref"]),
        (F::Title, &["标题", "文件标题", "文件名称", "文件名", "事由"]),
        (F::DocType, &["文种", "type"]),
        (F::Secrecy, &["密级"]),
        (F::SecrecyTerm, &["保密期限"]),
        (F::Urgency, &["紧急程度", "缓急", "缓急程度"]),
        (F::Copies, &["份数"]),
        (F::Pages, &["页数"]),
        (F::Deadline, &["办理期限", "办理时限", "办结时限", "完成时限"]),
        (F::Lead, &["承办单位", "主办单位", "承办科室", "承办部门", "lead unit", "unit"]),
        (F::Support, &["协办单位", "协办科室"]),
        (F::ReceivedBy, &["签收人"]),
        (F::Channel, &["来文方式"]),
        (F::Handling, &["办件类型", "办阅类型"]),
        (F::Result, &["办理结果", "办理情况"]),
        (F::Completed, &["办结日期", "完成日期"]),
        (F::Status, &["办理状态", "状态"]),
        (F::Finished, FINISHED),
        (F::Completion, COMPLETION),
        (F::Proposal, &["拟办意见"]),
        (F::Instructions, &["领导批示", "批示意见", "领导批示意见"]),
        (F::Reply, &["答复", "答复情况"]),
        (F::Archive, ARCHIVE),
        (F::Archived, ARCHIVED),
        (F::Internal, &["内部", "内部文件"]),
        (F::Notes, &["备注"]),
]
    },
    read: |row| row.incoming(),
};

/// The columns of a 发文登记簿 and their reader.
#[rustfmt::skip]
pub(crate) const OUTGOING: ImportSpec = ImportSpec {
    fields: {
        use Field as F;
        &[
        (F::LegacyId, &["序号", "编号", "原编号", "no", "no.", "id"]),
        (F::DocNumber, &["发文字号", "文号", "发文文号", "发文号", "number", "doc number"]),
        (F::Signed, &["成文日期", "发文日期", "签发日期", "日期", "date"]),
        (F::Title, &["标题", "文件标题", "文件名称", "文件名", "事由"]),
        (F::To, &["主送", "主送单位", "主送机关", "from/to"]),
        (F::Cc, &["抄送", "抄送单位", "抄送机关"]),
        (F::Signer, &["签发人", "签发领导"]),
        (F::Drafter, &["拟稿人"]),
        (F::DraftingUnit, &["拟稿单位", "拟稿部门", "拟稿科室"]),
        (F::DocType, &["文种", "type"]),
        (F::Direction, &["行文方向"]),
        (F::Secrecy, &["密级"]),
        (F::SecrecyTerm, &["保密期限"]),
        (F::Urgency, &["紧急程度", "缓急", "缓急程度"]),
        (F::Printed, &["印发日期"]),
        (F::PrintCopies, &["印数", "份数"]),
        (F::Status, &["办理状态", "状态"]),
        (F::Finished, FINISHED),
        (F::Completion, COMPLETION),
        (F::InReplyTo, &["答复来文"]),
        (F::Disclosure, &["公开属性", "公开方式"]),
        (F::Archive, ARCHIVE),
        (F::Archived, ARCHIVED),
        (F::Notes, &["备注"]),
]
    },
    read: |row| row.outgoing(),
};

/// The columns of a 督办台账 and their reader.
#[rustfmt::skip]
pub(crate) const FOLLOWUP: ImportSpec = ImportSpec {
    fields: {
        use Field as F;
        &[
        (F::LegacyId, &["序号", "编号", "督办编号", "原编号", "no", "no.", "id"]),
        (F::Title, &["督办事项", "事项名称", "督办内容", "事项", "标题"]),
        (F::Requirement, &["办理要求", "工作要求", "督办要求"]),
        (F::Source, &["来源", "督办来源", "事项来源"]),
        (F::AssignedBy, &["交办领导", "批示领导"]),
        (F::Supervisor, &["分管领导"]),
        (F::Lead, &["牵头单位", "责任单位", "承办单位", "主办单位", "lead unit", "unit"]),
        (F::Support, &["协办单位", "配合单位"]),
        (F::Owner, &["责任人", "联系人"]),
        (F::Assigned, &["交办日期", "交办时间", "立项日期"]),
        (F::Due, &["完成时限", "办结时限", "完成期限", "办理时限", "办理期限"]),
        (F::Progress, &["进展情况", "办理进展", "进展", "最新进展"]),
        (F::Closed, &["办结日期", "完成日期", "销号日期"]),
        (F::Secrecy, &["密级"]),
        (F::Status, &["办理状态", "状态"]),
        (F::Finished, FINISHED),
        (F::Completion, COMPLETION),
        (F::SourceRef, &["来源编号", "来文编号"]),
        (F::Report, &["办理情况", "办理结果", "报结情况"]),
        (F::Submitted, &["报结日期"]),
        (F::ClosedBy, &["销号人"]),
        (F::Urgency, &["紧急程度", "缓急", "缓急程度"]),
        (F::Milestones, &["节点", "时间节点", "节点安排"]),
        (F::Every, &["重复周期", "重复", "repeats"]),
        (F::EffectiveDue, &["延期后时限", "延期至", "调整后时限"]),
        (F::Extensions, &["延期情况", "延期记录", "延期"]),
        (F::Feedback, &["反馈周期", "反馈频次"]),
        (F::Notes, &["备注"]),
]
    },
    read: |row| row.followup(),
};

/// What an import makes: a kind of record a paper register holds, one
/// whose spec says how to read it (`KindSpec::import`).
#[derive(Clone, Copy)]
pub struct Target {
    kind: Kind,
    spec: &'static ImportSpec,
}

impl PartialEq for Target {
    fn eq(&self, other: &Target) -> bool {
        self.kind == other.kind
    }
}

impl Eq for Target {}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Target").field(&self.kind).finish()
    }
}

impl Target {
    /// The import of `kind`, if its records can be imported.
    pub fn of(kind: Kind) -> Option<Target> {
        let spec = kind.spec().import?;
        Some(Target { kind, spec })
    }

    pub fn kind(self) -> Kind {
        self.kind
    }

    /// The fields a column may fill, with their usual headers.
    pub fn fields(self) -> &'static [(Field, &'static [&'static str])] {
        self.spec.fields
    }

    /// Reads a row into a record of the kind (`rows::read`).
    pub(crate) fn read(self, reader: &mut rows::Reader<'_, '_>) -> rows::Built {
        (self.spec.read)(reader)
    }

    /// The kind of record `text` names (`in`, `收文`, `ZD` …), if an
    /// import can make it.
    pub fn named(text: &str) -> Option<Target> {
        match crate::model::kind::KindFilter::parse(text) {
            crate::model::kind::KindFilter::Kind(kind) => Target::of(kind),
            _ => None,
        }
    }

    /// The field `name` names for this kind: its key (`sender`), one of
    /// its headers (`来文单位`), or `-` to leave a column out.
    pub fn field_named(self, name: &str) -> Option<Mapping> {
        let name = normal_header(name);
        if name == "-" {
            return Some(Mapping::Ignore);
        }
        // English headers match whatever their case, spaces, `_` or `-`:
        // `Lead unit`, `lead_unit`, `DOC-NUMBER`.
        let loose = |text: &str| -> String {
            text.chars()
                .filter(|c| !matches!(c, '_' | '-' | ' '))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let name = loose(&name);
        self.fields()
            .iter()
            .find(|(field, headers)| {
                loose(field.key()) == name || headers.iter().any(|h| loose(h) == name)
            })
            .map(|(field, _)| Mapping::Field(*field))
    }
}

/// What a column is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    Field(Field),
    /// Left out on purpose (`--map 备注=-`).
    Ignore,
}

macro_rules! fields {
    ($($variant:ident = $key:literal),+ $(,)?) => {
        /// A record field a column may fill.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field { $($variant),+ }

        impl Field {
            /// The record's key for the field, as its file writes it.
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key),+ }
            }
        }
    };
}

fields!(
    LegacyId = "legacy_id",
    Title = "title",
    Sender = "sender",
    SenderRef = "sender_ref",
    Received = "received",
    ReceivedBy = "received_by",
    DocType = "doc_type",
    Channel = "channel",
    Urgency = "urgency",
    Secrecy = "secrecy",
    SecrecyTerm = "secrecy_term",
    Copies = "copies",
    Pages = "pages",
    Handling = "handling",
    Deadline = "deadline",
    Lead = "lead",
    Support = "support",
    Result = "result",
    Completed = "completed",
    Notes = "notes",
    Status = "status",
    DocNumber = "doc_number",
    Signed = "signed",
    To = "to",
    Cc = "cc",
    Signer = "signer",
    Drafter = "drafter",
    DraftingUnit = "drafting_unit",
    Direction = "direction",
    Printed = "printed",
    PrintCopies = "print_copies",
    Requirement = "requirement",
    Source = "source",
    AssignedBy = "assigned_by",
    Supervisor = "supervisor",
    Owner = "owner",
    Assigned = "assigned",
    Due = "due",
    Progress = "progress",
    Closed = "closed",
    Issuer = "issuer",
    Issued = "issued",
    Effective = "effective",
    Unit = "unit",
    ReviewEvery = "review_every",
    ReviewDue = "review_due",
    Ended = "ended",
    Finished = "finished",
    Completion = "completion",
    Proposal = "proposal",
    Instructions = "instructions",
    SourceRef = "source_ref",
    Report = "report",
    EffectiveDue = "effective_due",
    Extensions = "extensions",
    Archive = "archive",
    Reply = "reply",
    InReplyTo = "in_reply_to",
    Feedback = "feedback",
    MeetingType = "type",
    Start = "start",
    End = "end",
    Venue = "venue",
    Host = "host",
    Recorder = "recorder",
    Attendees = "attendees",
    Decisions = "decisions",
    Minutes = "minutes",
    Internal = "internal",
    Disclosure = "disclosure",
    Submitted = "submitted",
    Archived = "archived",
    ClosedBy = "closed_by",
    Milestones = "milestones",
    Every = "every",
);

/// A header as compared: spaces (also full-width), line breaks and the
/// `*` of required columns taken out.
pub fn normal_header(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .collect()
}

/// The header found and what each of its columns holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Index of the header's first row among the rows read.
    pub top: usize,
    /// Index of its last row: the data is below it.
    pub index: usize,
    /// For each column: its label (`办理情况·办理结果` under a parent) and
    /// the field it fills.
    pub columns: Vec<(String, Option<Field>)>,
    /// Labels no field was found for, and not left out on purpose.
    pub unmapped: Vec<String>,
}

impl Header {
    /// The column holding `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(_, f)| *f == Some(field))
    }

    /// The header text of the column holding `field`.
    pub fn label(&self, field: Field) -> Option<&str> {
        self.column(field).map(|i| self.columns[i].0.as_str())
    }
}

/// Finds the header: the first block of one to three rows near the top
/// in which a column names the title field and at least one other column
/// names a field ([`header::find_block`]). `overrides` (from `--map`) come
/// first, by label.
pub fn find_header(
    rows: &[SheetRow],
    target: Target,
    overrides: &[(String, Mapping)],
) -> Option<Header> {
    header::find_block(rows, |top, bottom, labels| {
        let header = read_header(top, bottom, labels, target, overrides);
        let mapped = header.columns.iter().filter(|(_, f)| f.is_some()).count();
        header::Reading {
            enough: header.column(Field::Title).is_some() && mapped >= 2,
            mapped,
            header,
        }
    })
}

/// What a column's label names: an override (`--map`) for any of its
/// names, else a field for the first of its names that has one.
fn mapping_of(label: &Label, target: Target, overrides: &[(String, Mapping)]) -> Option<Mapping> {
    label.resolve(overrides, |name| target.field_named(name))
}

/// The labels of the top rows that name one of `target`'s fields, for
/// the error that no header was found: how many rows were examined, and
/// each row that named any with what it named.
pub fn recognised_labels(rows: &[SheetRow], target: Target) -> (usize, Vec<(usize, Vec<String>)>) {
    header::recognised(rows, |label| {
        matches!(mapping_of(label, target, &[]), Some(Mapping::Field(_)))
    })
}

fn read_header(
    top: usize,
    index: usize,
    labels: &[Label],
    target: Target,
    overrides: &[(String, Mapping)],
) -> Header {
    let mut columns: Vec<(String, Option<Field>)> = Vec::new();
    let mut unmapped = Vec::new();
    for label in labels {
        let text = label.text();
        let mapping = if label.parts.is_empty() {
            None
        } else {
            mapping_of(label, target, overrides)
        };
        let field = match mapping {
            Some(Mapping::Field(field)) if !columns.iter().any(|(_, f)| *f == Some(field)) => {
                Some(field)
            }
            Some(Mapping::Ignore) => None,
            _ => {
                if !text.is_empty() {
                    unmapped.push(text.clone());
                }
                None
            }
        };
        columns.push((text, field));
    }
    Header {
        top,
        index,
        columns,
        unmapped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::import::cell::texts as row;
    use crate::model::keyword::Keyword;

    /// Every kind whose fields are the tool's own can be imported, named
    /// as `list` names it; a logbook's entries cannot.
    #[test]
    fn the_targets_are_the_kinds_whose_spec_has_an_import() {
        for kind in Kind::fixed() {
            let target = Target::of(kind).unwrap();
            assert_eq!(target.kind(), kind);
            assert_eq!(Target::named(kind.keyword()), Some(target));
            assert!(
                target.fields().iter().any(|(f, _)| *f == Field::Title),
                "{kind:?}: no title column"
            );
        }
        assert_eq!(Target::of(Kind::Logbook), None);
        assert_eq!(Target::named("logbook"), None);
        assert_eq!(Target::named("document"), None);
    }

    #[test]
    fn header_found_below_a_title_row() {
        let rows = vec![
            row(1, &["2025年收文登记簿", "", ""]),
            row(
                2,
                &["序号", "收文 日期", "来文单位", "文件标题", "批办意见"],
            ),
        ];
        let header = find_header(&rows, Target::of(Kind::Incoming).unwrap(), &[]).unwrap();
        assert_eq!(header.index, 1);
        assert_eq!(header.column(Field::Title), Some(3));
        assert_eq!(header.column(Field::Received), Some(1));
        assert_eq!(header.unmapped, vec!["批办意见".to_string()]);
    }

    #[test]
    fn map_overrides_and_adds() {
        let rows = vec![row(1, &["事由", "收到", "批办意见"])];
        let overrides = vec![
            ("收到".to_string(), Mapping::Field(Field::Received)),
            ("批办意见".to_string(), Mapping::Ignore),
        ];
        let header = find_header(&rows, Target::of(Kind::Incoming).unwrap(), &overrides).unwrap();
        assert_eq!(header.column(Field::Received), Some(1));
        assert!(header.unmapped.is_empty());
        assert_eq!(
            Target::of(Kind::Followup).unwrap().field_named("due"),
            Some(Mapping::Field(Field::Due))
        );
        assert_eq!(
            Target::of(Kind::Followup).unwrap().field_named("办结时限"),
            Some(Mapping::Field(Field::Due))
        );
        assert_eq!(
            Target::of(Kind::Followup).unwrap().field_named("sender"),
            None
        );
    }
}
