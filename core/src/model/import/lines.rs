//! The lists of a record (progress notes, extensions, leaders'
//! instructions) and its small blocks (a reply) written into one cell,
//! one item a line, and read back: `export` writes a cell with these, and
//! `import` reads the same cell into the same items, so an export comes
//! back whole. A line a person typed in another form is no item: the
//! caller keeps it as text.
//!
//! Lines: `2026-05-29 吴静：完成修订草案起草` (a note or remark: date, who,
//! full-width colon, text), `2026-09-30→2026-11-30 2026-09-24 周敏：理由`
//! (an extension: from, to, the day approved, who approved, reason), and
//! `2026-11-23 document OUT-2026-0009` (a reply: date, how, the answering
//! document).

use jiff::civil::Date;

use crate::model::breakdown::Milestone;
use crate::model::common::Remark;
use crate::model::date::parse_iso_date;
use crate::model::followup::{Extension, Progress};
use crate::model::id::Id;
use crate::model::incoming::Reply;
use crate::model::meeting::Decision;

/// `2026-05-29 吴静：text`.
pub fn remark(on: Date, by: &str, text: &str) -> String {
    format!("{on} {by}：{text}")
}

/// A remark line read back: its date, who and text.
pub fn read_remark(line: &str) -> Option<(Date, String, String)> {
    let (date, rest) = line.trim().split_once(' ')?;
    let on = parse_iso_date(date)?;
    let (by, text) = rest.split_once('：')?;
    let by = by.trim();
    (!by.is_empty() && !by.contains(char::is_whitespace))
        .then(|| (on, by.to_string(), text.trim().to_string()))
}

/// The cell of progress notes, one a line.
pub fn progress(notes: &[Progress]) -> String {
    let lines: Vec<String> = notes.iter().map(|p| remark(p.on, &p.by, &p.note)).collect();
    lines.join("\n")
}

/// The cell of leaders' instructions (领导批示), one a line.
pub fn remarks(remarks: &[Remark]) -> String {
    let lines: Vec<String> = remarks
        .iter()
        .map(|r| remark(r.on, &r.by, &r.text))
        .collect();
    lines.join("\n")
}

/// Reads a cell of remarks: every line one, or `None` if any line is not
/// (a cell a person typed: the caller keeps its text as one note).
pub fn read_remarks(cell: &str) -> Option<Vec<Remark>> {
    lines(cell)
        .map(|line| read_remark(line).map(|(on, by, text)| Remark { by, on, text }))
        .collect()
}

/// The cell of extensions, one a line.
pub fn extensions(extensions: &[Extension]) -> String {
    let lines: Vec<String> = extensions
        .iter()
        .map(|e| match e.approved_by.as_deref() {
            Some(by) => format!("{}→{} {} {by}：{}", e.from, e.to, e.on, e.reason),
            None => format!("{}→{} {}：{}", e.from, e.to, e.on, e.reason),
        })
        .collect();
    lines.join("\n")
}

/// Reads a cell of extensions; `None` if any line is not one.
pub fn read_extensions(cell: &str) -> Option<Vec<Extension>> {
    lines(cell).map(read_extension).collect()
}

fn read_extension(line: &str) -> Option<Extension> {
    let (dates, rest) = line.split_once(' ')?;
    let (from, to) = dates.split_once('→')?;
    let (on_by, reason) = rest.trim_start().split_once('：')?;
    let (on, by) = on_by.split_once(' ').unwrap_or((on_by, ""));
    let by = by.trim();
    Some(Extension {
        from: parse_iso_date(from)?,
        to: parse_iso_date(to)?,
        reason: reason.trim().to_string(),
        approved_by: (!by.is_empty()).then(|| by.to_string()),
        on: parse_iso_date(on)?,
    })
}

/// The cell of milestones (节点), one a line: `2026-12-10：完成方案`,
/// or with the day it was done, `2026-12-10 ✓2026-12-09：完成方案`.
pub fn milestones(milestones: &[Milestone]) -> String {
    let lines: Vec<String> = (milestones.iter())
        .map(|m| match m.done {
            Some(done) => format!("{} ✓{done}：{}", m.due, m.text),
            None => format!("{}：{}", m.due, m.text),
        })
        .collect();
    lines.join("\n")
}

/// Reads a cell of milestones; `None` if any line is not one.
pub fn read_milestones(cell: &str) -> Option<Vec<Milestone>> {
    lines(cell)
        .map(|line| {
            let (dates, text) = line.split_once('：')?;
            let (due, done) = match dates.trim().split_once(" ✓") {
                Some((due, done)) => (due, Some(parse_iso_date(done.trim())?)),
                None => (dates.trim(), None),
            };
            let text = text.trim();
            (!text.is_empty()).then_some(())?;
            Some(Milestone {
                due: parse_iso_date(due)?,
                text: text.to_string(),
                done,
            })
        })
        .collect()
}

/// A reply: `2026-11-23 document OUT-2026-0009`.
pub fn reply(reply: &Reply) -> String {
    match &reply.reference {
        Some(id) => format!("{} {} {id}", reply.on, reply.via),
        None => format!("{} {}", reply.on, reply.via),
    }
}

/// Reads a reply cell back; `None` if it is not one.
pub fn read_reply(cell: &str) -> Option<Reply> {
    let mut parts = cell.split_whitespace();
    let on = parse_iso_date(parts.next()?)?;
    let via = parts.next()?.to_string();
    let reference = match parts.next() {
        Some(id) => Some(Id::parse(id)?),
        None => None,
    };
    parts
        .next()
        .is_none()
        .then_some(Reply { on, via, reference })
}

/// The cell of a meeting's decisions, one a line: `1. text`, the lead
/// unit and due date after it when it has them
/// (`1. 编制计划（综合规划科，2026-11-13）`).
pub fn decisions(decisions: &[Decision]) -> String {
    let lines: Vec<String> = decisions
        .iter()
        .map(|d| {
            let mut line = format!("{}. {}", d.n, d.text);
            match (&d.lead, d.due) {
                (Some(lead), Some(due)) => line.push_str(&format!("（{lead}，{due}）")),
                (Some(lead), None) => line.push_str(&format!("（{lead}）")),
                (None, Some(due)) => line.push_str(&format!("（{due}）")),
                (None, None) => {}
            }
            line
        })
        .collect();
    lines.join("\n")
}

/// Reads a cell of decisions; `None` if any line is not one. The lead
/// unit comes back as written (the caller checks it is a unit).
pub fn read_decisions(cell: &str) -> Option<Vec<Decision>> {
    lines(cell).map(read_decision).collect()
}

fn read_decision(line: &str) -> Option<Decision> {
    let (n, rest) = line.split_once(". ")?;
    let n: u32 = n.trim().parse().ok()?;
    let (text, lead, due) = match rest.strip_suffix('）').and_then(|r| r.rsplit_once('（')) {
        Some((text, inside)) => {
            let (lead, due) = match inside.rsplit_once('，') {
                Some((lead, due)) => (Some(lead), parse_iso_date(due)),
                None => match parse_iso_date(inside) {
                    Some(due) => (None, Some(due)),
                    None => (Some(inside), None),
                },
            };
            (text, lead.map(str::to_string), due)
        }
        None => (rest, None, None),
    };
    Some(Decision {
        n,
        text: text.trim().to_string(),
        lead,
        support: Vec::new(),
        due,
        followup: None,
    })
}

/// The lines of a cell that hold something.
fn lines(cell: &str) -> impl Iterator<Item = &str> {
    cell.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Reads a cell of progress notes; `None` if any line is not one.
pub fn read_progress(cell: &str) -> Option<Vec<Progress>> {
    read_remarks(cell).map(|remarks| {
        remarks
            .into_iter()
            .map(|r| Progress {
                on: r.on,
                by: r.by,
                note: r.text,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_back_as_written() {
        let notes = vec![
            Progress {
                on: Date::constant(2026, 5, 29),
                by: "吴静".into(),
                note: "完成修订草案起草，向社会公开征求意见30天。".into(),
            },
            Progress {
                on: Date::constant(2026, 9, 22),
                by: "吴静".into(),
                note: "已报送市司法局合法性审核。".into(),
            },
        ];
        assert_eq!(read_progress(&progress(&notes)), Some(notes));
        let ext = vec![Extension {
            from: Date::constant(2026, 9, 30),
            to: Date::constant(2026, 11, 30),
            reason: "审核周期约两个月".into(),
            approved_by: Some("周敏".into()),
            on: Date::constant(2026, 9, 24),
        }];
        let cell = extensions(&ext);
        assert_eq!(
            cell,
            "2026-09-30→2026-11-30 2026-09-24 周敏：审核周期约两个月"
        );
        assert_eq!(read_extensions(&cell), Some(ext.clone()));
        let unapproved = vec![Extension {
            approved_by: None,
            ..ext[0].clone()
        }];
        let cell = extensions(&unapproved);
        assert_eq!(cell, "2026-09-30→2026-11-30 2026-09-24：审核周期约两个月");
        assert_eq!(read_extensions(&cell), Some(unapproved));
        let answer = Reply {
            on: Date::constant(2026, 11, 23),
            via: "document".into(),
            reference: Id::parse("OUT-2026-0009"),
        };
        assert_eq!(read_reply(&reply(&answer)), Some(answer));
    }

    #[test]
    fn typed_text_is_no_list() {
        assert_eq!(read_progress("已制定方案，正在推进"), None);
        assert_eq!(read_progress("2026-05-29 吴静：好\n其后另行报告"), None);
        assert_eq!(read_reply("已电话答复"), None);
    }
}
