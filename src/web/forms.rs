//! The printed office forms (`show ID --format html`): a paper's 收文处理单
//! or 发文稿纸, a follow-up's 督办通知单, a letter of introduction (介绍信)
//! with its numbered stub. Each is laid out to print on exactly one A4
//! page: fixed boxes for what is written by hand (instructions, checks,
//! signatures), already filled with what the register knows.
//!
//! Any other record prints as its page of `show`, in the same frame.

use maud::{Markup, html};

use super::layout::{clean, document};
use crate::i18n::Lang;
use crate::i18n::followup as followup_words;
use crate::i18n::web::{self as words, Form};
use crate::report::redact::Title;
use crate::report::show::entry_cell;
use taizhang_core::model::breakdown::{Milestone, RollUp};
use taizhang_core::model::common::Remark;
use taizhang_core::model::config::LogbookDef;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::incoming::Incoming;
use taizhang_core::model::logbook::Entry;
use taizhang_core::model::outgoing::Outgoing;
use taizhang_core::model::record::Record;

/// The forms' page: A4 with margins a binder's holes miss, boxes of fixed
/// height in millimetres so that the page is the same however little the
/// register knows. The boxes add up to less than the 257 mm an A4 page
/// holds inside its margins, so a form stays on one page.
const CSS: &str = r#"
@page { size: A4; margin: 20mm 18mm 20mm 22mm; }
body.form { max-width: 180mm; }
.form h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin: 0 0 4mm; }
.form .no { text-align: right; margin: 0 0 2mm; }
.form table { table-layout: fixed; margin: 0; }
.form th { width: 26mm; background: none; white-space: normal; }
.form td, .form th { padding: 2mm 3mm; border: 1px solid #333; }
.form td.box { vertical-align: top; }
.form .b25 { height: 25mm; } .form .b30 { height: 30mm; } .form .b35 { height: 35mm; } .form .b45 { height: 45mm; } .form .b60 { height: 60mm; }
.form p.remark { margin: 0 0 1mm; }
.form table.parts { font-size: 9.5pt; width: 100%; }
.form table.parts td, .form table.parts th { padding: 0.8mm 1.5mm; border: 1px solid #777; width: auto; }
.form table.parts th { font-weight: normal; }
.form table.parts tr > :first-child { width: 48%; }
.form p.by { text-align: right; color: #444; margin: 0; }
.form .cut { border-top: 1px dashed #555; margin: 10mm 0; text-align: center; font-size: 9pt; color: #555; }
.form .letter { min-height: 90mm; font-size: 13pt; line-height: 2; }
.form .letter p.from { text-align: right; margin-top: 12mm; }
.form .stub p { margin: 1mm 0; }
.form .print { margin: 6mm 0; }
@media print { body.form { max-width: none; font-size: 11pt; } .form .print { display: none; } }
"#;

/// What a form prints besides its record: an entry's logbook, a
/// matter's parts (as the reader may see them, classified titles
/// withheld).
#[derive(Default)]
pub struct Beside<'a> {
    pub book: Option<&'a LogbookDef>,
    pub parts: Vec<&'a Followup>,
}

/// The form of `record` as a whole document. `title` is the record's
/// title as the reader may see it (withheld when classified).
pub fn page(record: &Record, title: &Title, beside: &Beside, lang: Lang, text: &str) -> String {
    let (heading, body) = form(record, title, beside, lang, text);
    let doc_title = format!("{heading} {}", record.id());
    let body = html! {
        div.form {
            // A letter carries its heading twice, on the stub and on the letter.
            @if !matches!(record, Record::Entry(..)) || heading != Form::Letter.word(lang) {
                h1 { (heading) }
            }
            (body)
        }
    };
    document(lang, &doc_title, CSS, Some("form"), body).into_string()
}

/// The form's heading and its body.
fn form(
    record: &Record,
    title: &Title,
    beside: &Beside,
    lang: Lang,
    text: &str,
) -> (String, Markup) {
    let subject = title.words(lang);
    let withheld = title.is_withheld();
    match record {
        Record::Incoming(doc) => {
            let doc = if withheld { &untold_incoming(doc) } else { doc };
            let heading = Form::IncomingSlip.word(lang).into();
            (heading, incoming(doc, &subject, lang))
        }
        Record::Outgoing(doc) => (
            Form::OutgoingSlip.word(lang).into(),
            outgoing(doc, &subject, lang),
        ),
        Record::Followup(fu) => {
            let fu = if withheld { &untold_followup(fu) } else { fu };
            let heading = Form::FollowupNotice.word(lang).into();
            (heading, followup(fu, &subject, &beside.parts, lang))
        }
        // Any other classified record: nothing but its level and ID.
        _ if withheld => {
            let heading = lang.keyword(record.kind()).to_string();
            (heading, html! { p { (subject) } })
        }
        Record::Entry(entry, name)
            if let Some(book) = beside.book.filter(|b| is_letter(name, b)) =>
        {
            (Form::Letter.word(lang).into(), letter(entry, book, lang))
        }
        _ => {
            let heading = lang.keyword(record.kind()).to_string();
            (heading, html! { pre { (clean_lines(text)) } })
        }
    }
}

/// A classified paper without the text that could tell its matter
/// (拟办意见, 批示, 办理结果), as every export withholds them: the boxes
/// stay, empty, for the hand.
fn untold_incoming(doc: &Incoming) -> Incoming {
    let mut doc = doc.clone();
    doc.proposal = None;
    doc.instructions.clear();
    doc.result = None;
    doc
}

/// A classified follow-up without its requirement.
fn untold_followup(fu: &Followup) -> Followup {
    let mut fu = fu.clone();
    fu.requirement = None;
    fu
}

/// Whether an entry's book is the letters of introduction: the preset
/// `letter`, or a book that has its fields (to whom, who bears it).
fn is_letter(name: &str, book: &LogbookDef) -> bool {
    let has = |key: &str| book.fields.iter().any(|f| f.name == key);
    name == "letter" || (has("to_org") && has("bearer"))
}

/// Lines kept as lines, each cleaned of control characters.
fn clean_lines(text: &str) -> String {
    text.lines().map(clean).collect::<Vec<_>>().join("\n")
}

/// A row of the form: its label and what the register knows.
fn row(label: Form, lang: Lang, value: &str) -> Markup {
    html! { tr { th { (label.word(lang)) } td colspan="3" { (clean(value)) } } }
}

/// Two label/value pairs side by side.
fn pair(a: (Form, &str), b: (Form, &str), lang: Lang) -> Markup {
    html! {
        tr {
            th { (a.0.word(lang)) } td { (clean(a.1)) }
            th { (b.0.word(lang)) } td { (clean(b.1)) }
        }
    }
}

/// A box to write in, `height` one of the form's box classes, holding
/// what is already written.
fn boxed(label: Form, lang: Lang, height: &str, content: Markup) -> Markup {
    html! { tr { th { (label.word(lang)) } td.box.(height) colspan="3" { (content) } } }
}

/// Lines written one under another (the units of a 会签).
fn lines(items: &[String]) -> Markup {
    html! { @for item in items { p.remark { (clean(item)) } } }
}

/// Remarks (拟办意见, 批示): each text, its writer and day under it.
fn remarks<'a>(items: impl IntoIterator<Item = &'a Remark>) -> Markup {
    html! {
        @for r in items {
            p.remark { (clean(&r.text)) }
            p.by { (clean(&r.by)) " " (r.on) }
        }
    }
}

fn incoming(doc: &Incoming, subject: &str, lang: Lang) -> Markup {
    let received = doc.received.date().to_string();
    let handlers = [doc.lead.clone().unwrap_or_default()]
        .into_iter()
        .chain(doc.support.iter().cloned())
        .filter(|u| !u.is_empty())
        .collect::<Vec<_>>()
        .join(lang.list_separator());
    let result = match (&doc.result, doc.completed) {
        (Some(r), Some(on)) => format!("{r}（{on}）"),
        (Some(r), None) => r.clone(),
        (None, _) => String::new(),
    };
    html! {
        table {
            (pair((Form::ReceivedNo, &doc.id.to_string()), (Form::Received, &received), lang))
            (pair((Form::Sender, &doc.sender), (Form::DocNumber, doc.sender_ref.as_deref().unwrap_or_default()), lang))
            (pair((Form::Secrecy, lang.keyword(doc.secrecy)), (Form::Urgency, lang.keyword(doc.urgency)), lang))
            (pair((Form::Subject, subject), (Form::Copies, &doc.copies.to_string()), lang))
            (boxed(Form::Proposal, lang, "b35", remarks(doc.proposal.iter())))
            (boxed(Form::Instructions, lang, "b60", remarks(doc.instructions.iter())))
            (boxed(Form::Handler, lang, "b25", html! { (clean(&handlers)) }))
            (boxed(Form::Result, lang, "b35", html! { (clean(&result)) }))
        }
    }
}

fn outgoing(doc: &Outgoing, subject: &str, lang: Lang) -> Markup {
    let drafter = [doc.drafting_unit.as_deref(), doc.drafter.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let signer = match (&doc.signer, doc.signed) {
        (Some(s), Some(on)) => format!("{s} {on}"),
        (Some(s), None) => s.clone(),
        (None, _) => String::new(),
    };
    let printed = [
        doc.printed.map(|d| d.to_string()),
        doc.print_copies.map(|n| n.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let review = (doc.review.as_ref())
        .map(|r| crate::i18n::outgoing::signoff_line(lang, r))
        .unwrap_or_default();
    let countersign = crate::i18n::outgoing::countersign_lines(lang, doc);
    let sep = lang.list_separator();
    html! {
        table {
            (pair((Form::DocNumber, &doc.doc_number), (Form::Urgency, lang.keyword(doc.urgency)), lang))
            (pair((Form::Secrecy, lang.keyword(doc.secrecy)), (Form::Printed, &printed), lang))
            (row(Form::Subject, lang, subject))
            (boxed(Form::Signer, lang, "b45", html! { (clean(&signer)) }))
            (boxed(Form::Checker, lang, "b25", html! { (clean(&review)) }))
            (boxed(Form::Countersign, lang, "b25", lines(&countersign)))
            (boxed(Form::Drafter, lang, "b25", html! { (clean(&drafter)) }))
            (boxed(Form::MainTo, lang, "b25", html! { (clean(&doc.to.join(sep))) }))
            (boxed(Form::Cc, lang, "b25", html! { (clean(&doc.cc.join(sep))) }))
        }
    }
}

/// The 督办通知单: the matter, its requirement, units and deadline (in
/// force, after extensions), its milestones and a matter's parts, and
/// boxes for the outcome and the signature. A follow-up broken down gets
/// smaller boxes to write in, so that its milestones and parts still fit
/// the one page.
fn followup(fu: &Followup, subject: &str, parts: &[&Followup], lang: Lang) -> Markup {
    let feedback = fu.feedback.map(|f| lang.keyword(f)).unwrap_or_default();
    let sep = lang.list_separator();
    let broken_down = !fu.milestones.is_empty() || !parts.is_empty();
    let (requirement, result) = if broken_down {
        ("b30", "b30")
    } else {
        ("b60", "b60")
    };
    html! {
        p.no { (fu.id) }
        table {
            (row(Form::Matter, lang, subject))
            (boxed(Form::Requirement, lang, requirement, html! { (clean(fu.requirement.as_deref().unwrap_or_default())) }))
            (pair((Form::Lead, &fu.lead), (Form::Support, &fu.support.join(sep)), lang))
            (pair((Form::Deadline, &fu.effective_due().to_string()), (Form::Feedback, feedback), lang))
            (milestones(fu, lang))
            (parts_row(parts, lang))
            (boxed(Form::Result, lang, result, html! {}))
            (boxed(Form::Signature, lang, "b25", html! {}))
        }
    }
}

/// The milestones (节点), numbered as `milestone done` takes them, each
/// with its date and, once done, its mark and day; none, no row.
fn milestones(fu: &Followup, lang: Lang) -> Markup {
    if fu.milestones.is_empty() {
        return html! {};
    }
    let line = |n: usize, m: &Milestone| {
        let done = followup_words::milestone_state(lang, m.done, 0);
        format!("{n}. {}  {}  {done}", m.due, m.text)
    };
    let items: Vec<String> = (fu.milestones.iter().enumerate())
        .map(|(i, m)| line(i + 1, m).trim_end().to_string())
        .collect();
    html! { tr { th { (Form::Milestones.word(lang)) } td colspan="3" { (lines(&items)) } } }
}

/// A matter's parts (分解子项) with their roll-up: each one's matter, lead
/// unit, due date in force and state; none, no row.
fn parts_row(parts: &[&Followup], lang: Lang) -> Markup {
    if parts.is_empty() {
        return html! {};
    }
    let roll = followup_words::roll_up(lang, RollUp::of(parts.iter().copied()));
    html! {
        tr {
            th { (Form::Parts.word(lang)) br; (roll) }
            td colspan="3" {
                table.parts {
                    tr {
                        th { (Form::Matter.word(lang)) } th { (Form::Lead.word(lang)) }
                        th { (Form::Deadline.word(lang)) } th { (Form::State.word(lang)) }
                    }
                    @for p in parts {
                        tr {
                            td { (p.id) " " (clean(&p.title)) } td { (clean(&p.lead)) }
                            td { (p.effective_due()) } td { (lang.keyword(p.status)) }
                        }
                    }
                }
            }
        }
    }
}

/// The letter and its stub, cut apart along the dashed line: the stub
/// stays in the book, the letter goes with the bearer. Both carry the
/// same number. The stub lists every field of the book under its label.
fn letter(entry: &Entry, book: &LogbookDef, lang: Lang) -> Markup {
    let field = |key: &str| {
        (entry.fields.get(key))
            .map(|v| entry_cell(v, lang))
            .unwrap_or_default()
    };
    let number = field("number");
    let headcount = Some(field("headcount"))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "1".into());
    let text = words::letter_text(
        lang,
        &field("to_org"),
        &field("bearer"),
        &headcount,
        &field("purpose"),
    );
    let until = field("valid_until");
    html! {
        section.stub {
            h1 { (Form::Letter.word(lang)) (Form::Stub.word(lang)) }
            p.no { (number) }
            @for f in book.fields.iter().filter(|f| f.name != "number") {
                p { (lang.field_label(f)) (lang.colon()) (clean(&field(&f.name))) }
            }
        }
        div.cut { (number) }
        section.letter {
            h1 { (Form::Letter.word(lang)) }
            p.no { (number) }
            p { (clean(&text)) }
            @if !until.is_empty() { p { (words::letter_valid(lang, &until)) } }
            p.from { (Form::Seal.word(lang)) br; (field("date")) }
        }
    }
}
