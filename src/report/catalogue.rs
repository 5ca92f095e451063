//! The archive catalogue (归档文件目录, DA/T 22-2015) and the lists of the
//! archive commands: computed once from the records, then rendered as a
//! terminal table, Markdown, CSV or JSON. Pure: no file system, no clock.

use serde::Serialize;

use crate::i18n::Lang;
use crate::i18n::archive::Column;
use crate::report::redact::{Secrets, Title, Words};
use crate::report::render::{Table, Tone};
use taizhang_core::model::archive::{self, ArchiveNumber};
use taizhang_core::model::config::Config;
use taizhang_core::model::keyword::{Retention, Secrecy};
use taizhang_core::model::record::Record;

/// One line of the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// 序号: the line's place in the catalogue, from 1.
    pub seq: usize,
    /// 档号.
    pub number: String,
    pub id: String,
    /// 文号: the sender's reference of an incoming paper, the 发文字号 of
    /// an outgoing one.
    pub doc_number: String,
    /// 责任者: the sender of an incoming paper, the register's unit for
    /// an outgoing one.
    pub author: String,
    /// 题名, withheld when classified.
    pub title: Title,
    /// 日期, `YYYYMMDD`.
    pub date: String,
    pub secrecy: Secrecy,
    pub pages: Option<u32>,
    /// 备注.
    pub note: String,
}

/// Archived records with their numbers, sorted by number.
pub fn numbered<'a>(records: &[&'a Record]) -> Vec<(ArchiveNumber, &'a Record)> {
    let mut out: Vec<(ArchiveNumber, &Record)> = records
        .iter()
        .filter_map(|r| Some((archive::block(r)?.parsed()?, *r)))
        .collect();
    out.sort_by(|(a, ra), (b, rb)| archive::by_number(a, b).then_with(|| ra.id().cmp(rb.id())));
    out
}

/// The catalogue of `records` (archived ones, any order).
pub fn rows(records: &[&Record], config: &Config, secrets: &Secrets) -> Vec<Row> {
    numbered(records)
        .into_iter()
        .enumerate()
        .map(|(i, (number, record))| {
            // A withheld record's 备注 is its free text too.
            let shown = secrets.shown(record, Words::Keywords);
            let block = archive::block(&shown);
            let author = match record {
                Record::Incoming(r) => r.sender.clone(),
                _ => config.unit.clone(),
            };
            let date = record.date();
            Row {
                seq: i + 1,
                number: number.to_string(),
                id: record.id().to_string(),
                doc_number: record.reference().unwrap_or_default().to_string(),
                author,
                title: secrets.title(record),
                date: format!("{:04}{:02}{:02}", date.year(), date.month(), date.day()),
                secrecy: record.secrecy(),
                pages: block.and_then(|b| b.pages).or(archive::own_pages(record)),
                note: block.and_then(|b| b.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The catalogue as a table for people: 序号, 档号, 文号, 责任者, 题名,
/// 日期, 密级, 页数, 备注. A level of `none` is left blank, as on paper.
pub fn table(rows: &[Row], lang: Lang) -> Table {
    use Column as C;
    let headers = [
        C::Seq,
        C::Number,
        C::Reference,
        C::Author,
        C::Title,
        C::Date,
        C::Secrecy,
        C::Pages,
        C::Note,
    ];
    let mut table = Table::new(headers.iter().map(|c| c.word(lang).to_string()).collect());
    for row in rows {
        let secrecy = if row.secrecy.is_classified() {
            lang.keyword(row.secrecy).to_string()
        } else {
            String::new()
        };
        table.push(
            [
                row.seq.to_string(),
                row.number.clone(),
                row.doc_number.clone(),
                row.author.clone(),
                row.title.words(lang),
                row.date.clone(),
                secrecy,
                row.pages.map(|p| p.to_string()).unwrap_or_default(),
                row.note.clone(),
            ]
            .into_iter()
            .map(|cell| (cell, Tone::Plain))
            .collect(),
        );
    }
    table
}

/// One archived record whose retention ends by a year (鉴定).
#[derive(Debug, Clone, Serialize)]
pub struct Due {
    pub number: String,
    pub id: String,
    pub title: Title,
    pub retention: Retention,
    /// The last year it is kept.
    pub kept_until: i16,
}

/// Archived records whose retention ends by the end of `year`: 10 and 30
/// years from the year of their number; permanent ones never.
pub fn due(records: &[&Record], year: i16, secrets: &Secrets) -> Vec<Due> {
    numbered(records)
        .into_iter()
        .filter_map(|(number, record)| {
            let until = archive::kept_until(&number).filter(|until| *until <= year)?;
            Some(Due {
                number: number.to_string(),
                id: record.id().to_string(),
                title: secrets.title(record),
                retention: number.retention,
                kept_until: until,
            })
        })
        .collect()
}

/// The 鉴定 list as a table for people.
pub fn due_table(rows: &[Due], lang: Lang) -> Table {
    use Column as C;
    let headers = [C::Number, C::Id, C::Title, C::Retention, C::KeptUntil];
    let mut table = Table::new(headers.iter().map(|c| c.word(lang).to_string()).collect());
    for row in rows {
        table.push(
            [
                row.number.clone(),
                row.id.clone(),
                row.title.words(lang),
                lang.keyword(row.retention).to_string(),
                row.kept_until.to_string(),
            ]
            .into_iter()
            .map(|cell| (cell, Tone::Plain))
            .collect(),
        );
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::redact::Reveal;
    use taizhang_core::model::keyword::Keyword;
    use taizhang_core::model::kind::Kind;

    fn filed(id: &str, number: &str, extra: &str) -> Record {
        let n = ArchiveNumber::parse(number).unwrap();
        let org = n.org.map(|o| format!("org: {o}, ")).unwrap_or_default();
        Record::from_yaml(
            &format!(
                "id: {id}\ntitle: 题名{id}\nstatus: archived\nsender: 省厅\nsender_ref: 省发〔2025〕1号\n\
                 received: 2025-03-01\npages: 4\ncreated: 2025-03-01T09:00:00+08:00\n{extra}\
                 archive: {{number: {number}, retention: {}, {org}item: {}, archived: 2026-01-10}}\n",
                n.retention.keyword(),
                n.item
            ),
            Kind::Incoming,
            None,
        )
        .unwrap()
    }

    #[test]
    fn the_catalogue_is_sorted_by_number_and_withholds_secrets() {
        let a = filed("IN-2025-0001", "Z109-WS·2025-Y-BGS-0002", "");
        let b = filed(
            "IN-2025-0002",
            "Z109-WS·2025-Y-BGS-0001",
            "secrecy: secret\n",
        );
        let c = filed("IN-2025-0003", "Z109-WS·2025-D10-BGS-0001", "");
        let records = [&a, &b, &c];
        let secrets = Secrets::new(&records, Reveal::Withhold);
        let rows = rows(&records, &Config::new("某局"), &secrets);
        let order: Vec<(usize, &str)> = rows.iter().map(|r| (r.seq, r.id.as_str())).collect();
        assert_eq!(
            order,
            [
                (1, "IN-2025-0002"),
                (2, "IN-2025-0001"),
                (3, "IN-2025-0003")
            ],
            "Y before D10, then by item"
        );
        assert!(rows[0].title.is_withheld());
        assert_eq!(rows[2].date, "20250301");
        assert_eq!(rows[2].pages, Some(4));
        let due = due(&records, 2035, &secrets);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].kept_until, 2035);
        assert!(super::due(&records, 2034, &secrets).is_empty());
    }
}
