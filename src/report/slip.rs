//! `show` for documents and meetings: the 处理单 (handling slip) of an
//! incoming or outgoing document, and the sheet of a meeting with the live
//! state of each decision's follow-up.
//!
//! Pure: the command loads the linked records (follow-ups, replies) and
//! passes them in; nothing here reads files or the clock.

use jiff::civil::Date;

use crate::i18n::{self, Lang, Message, Phrase};
use crate::report::show::{header, write_field};
use taizhang_core::model::common::{Extra, HistoryEntry};
use taizhang_core::model::date::{Moment, When};
use taizhang_core::model::followup::{Followup, FuStatus};
use taizhang_core::model::id::Id;
use taizhang_core::model::incoming::Incoming;
use taizhang_core::model::keyword::Secrecy;
use taizhang_core::model::meeting::{Implementation, Meeting};
use taizhang_core::model::outgoing::Outgoing;
use taizhang_core::model::record::Record;
use taizhang_core::model::transition::Step;

/// Records a slip mentions, loaded by the caller; a missing one is shown
/// as missing.
pub struct Linked<'a> {
    pub records: &'a [Record],
}

impl Linked<'_> {
    fn get(&self, id: &Id) -> Option<&Record> {
        self.records.iter().find(|r| r.id() == id)
    }

    fn followup(&self, id: &Id) -> Option<&Followup> {
        match self.get(id) {
            Some(Record::Followup(fu)) => Some(fu),
            _ => None,
        }
    }

    /// `OUT-2026-0001 市交发〔2026〕1号`, or `IN-… 标题`.
    fn describe(&self, id: &Id) -> String {
        match self.get(id) {
            Some(Record::Outgoing(doc)) => format!("{id} {}", doc.doc_number),
            Some(record) => format!("{id} {}", record.title()),
            None => id.to_string(),
        }
    }
}

/// The slip of an incoming document (收文处理单).
pub fn incoming(
    record: &Record,
    doc: &Incoming,
    linked: &Linked,
    today: Date,
    lang: Lang,
) -> String {
    let mut s = Slip::new(record, Phrase::IncomingSlip, today, lang);
    let colon = s.colon();
    s.field("sender", &doc.sender);
    s.opt("sender_ref", doc.sender_ref.as_deref());
    s.opt("doc_type", doc.doc_type.map(|t| lang.keyword(t)));
    s.field("received", &when(&doc.received));
    s.opt("received_by", doc.received_by.as_deref());
    s.opt("channel", doc.channel.map(|c| lang.keyword(c)));
    s.field("urgency", lang.keyword(doc.urgency));
    s.secrecy(doc.secrecy, doc.secrecy_term.as_deref());
    if doc.internal {
        s.field("internal", lang.message(Message::Yes));
    }
    s.field("copies", &doc.copies.to_string());
    s.opt("pages", doc.pages.map(|p| p.to_string()).as_deref());
    s.field("handling", lang.keyword(doc.handling));
    s.opt("deadline", doc.deadline.map(|d| d.to_string()).as_deref());
    if let Some(p) = &doc.proposal {
        s.field("proposal", &format!("{} ({} {})", p.text, p.by, p.on));
    }
    s.list(
        "instructions",
        doc.instructions
            .iter()
            .map(|i| format!("{} {}{}{}", i.by, i.on, colon, i.text)),
    );
    s.opt("lead", doc.lead.as_deref());
    s.names("support", &doc.support);
    s.list(
        "circulation",
        doc.circulation.iter().map(|c| {
            let back = match &c.back {
                Some(back) => format!("{} {}", lang.phrase(Phrase::Back), moment(back)),
                None => lang.phrase(Phrase::NotBack).to_string(),
            };
            format!(
                "{}{}{} {}{}{back}",
                c.to,
                colon,
                lang.phrase(Phrase::Out),
                moment(&c.out),
                lang.comma()
            )
        }),
    );
    s.followups(&doc.followups, linked);
    s.opt("result", doc.result.as_deref());
    s.opt("completed", doc.completed.map(|d| d.to_string()).as_deref());
    if let Some(reply) = &doc.reply {
        let mut text = format!("{} {}", reply.on, reply.via);
        if let Some(reference) = &reply.reference {
            text.push_str(&format!("{}{}", lang.comma(), linked.describe(reference)));
        }
        s.field("reply", &text);
    }
    s.list(
        "attachments",
        doc.attachments.iter().map(|a| a.name.clone()),
    );
    s.opt("notes", doc.notes.as_deref());
    s.extra(&doc.extra);
    s.timeline(&doc.history);
    let holders = doc.holders();
    let holders = if holders.is_empty() {
        lang.phrase(Phrase::Nobody).to_string()
    } else {
        holders.join(lang.list_separator())
    };
    s.closing(Phrase::HeldBy, &holders);
    s.next(&doc.next_steps());
    s.out
}

/// The slip of an outgoing document (发文处理单).
pub fn outgoing(
    record: &Record,
    doc: &Outgoing,
    linked: &Linked,
    today: Date,
    lang: Lang,
) -> String {
    let mut s = Slip::new(record, Phrase::OutgoingSlip, today, lang);
    s.field("doc_number", &doc.doc_number);
    s.opt("doc_type", doc.doc_type.map(|t| lang.keyword(t)));
    s.opt("direction", doc.direction.map(|d| lang.keyword(d)));
    s.names("to", &doc.to);
    s.names("cc", &doc.cc);
    s.opt("drafter", doc.drafter.as_deref());
    s.opt("drafting_unit", doc.drafting_unit.as_deref());
    let review = (doc.review.as_ref()).map(|r| crate::i18n::outgoing::signoff_line(lang, r));
    s.opt("review", review.as_deref());
    let countersign = crate::i18n::outgoing::countersign_lines(lang, doc);
    s.list("countersigned", countersign.into_iter());
    s.opt("signer", doc.signer.as_deref());
    s.opt("signed", doc.signed.map(|d| d.to_string()).as_deref());
    s.opt("printed", doc.printed.map(|d| d.to_string()).as_deref());
    s.opt(
        "print_copies",
        doc.print_copies.map(|n| n.to_string()).as_deref(),
    );
    s.field("urgency", lang.keyword(doc.urgency));
    s.secrecy(doc.secrecy, doc.secrecy_term.as_deref());
    s.opt("disclosure", doc.disclosure.map(|d| lang.keyword(d)));
    if let Some(target) = &doc.in_reply_to {
        s.field("in_reply_to", &linked.describe(target));
    }
    s.followups(&doc.followups, linked);
    s.list(
        "attachments",
        doc.attachments.iter().map(|a| a.name.clone()),
    );
    s.opt("notes", doc.notes.as_deref());
    s.extra(&doc.extra);
    s.timeline(&doc.history);
    s.next(&doc.next_steps());
    s.out
}

/// The sheet of a meeting: its particulars, each decision with the live
/// state of its follow-up, and the tally offices report.
pub fn meeting(record: &Record, mt: &Meeting, linked: &Linked, today: Date, lang: Lang) -> String {
    let mut s = Slip::new(record, Phrase::MeetingSheet, today, lang);
    s.opt("type", mt.meeting_type.as_deref());
    s.field("start", &when(&mt.start));
    s.opt("end", mt.end.as_ref().map(when).as_deref());
    s.opt("venue", mt.venue.as_deref());
    s.opt("host", mt.host.as_deref());
    s.opt("recorder", mt.recorder.as_deref());
    s.names("attendees", &mt.attendees);
    s.list(
        "absent",
        mt.absent.iter().map(|a| match &a.reason {
            Some(reason) => format!("{} ({reason})", a.name),
            None => a.name.clone(),
        }),
    );
    s.names("observers", &mt.observers);
    s.secrecy(mt.secrecy, None);
    let every = mt
        .every
        .map(|every| crate::i18n::repeat::in_series(lang, every, &mt.series));
    s.opt("every", every.as_deref());
    s.list(
        "agenda",
        mt.agenda
            .iter()
            .enumerate()
            .map(|(i, a)| match &a.presenter {
                Some(p) => format!("{}. {} ({p})", i + 1, a.title),
                None => format!("{}. {}", i + 1, a.title),
            }),
    );
    if let Some(minutes) = &mt.minutes {
        let shown = match Id::parse(minutes) {
            Some(id) => linked.describe(&id),
            None => minutes.clone(),
        };
        s.field("minutes", &shown);
    }
    let (mut closed, mut overdue) = (0, 0);
    let lines: Vec<String> = mt
        .decisions
        .iter()
        .map(|d| {
            let mut line = format!("#{} {}", d.n, d.text);
            if let Some(lead) = &d.lead {
                line.push_str(&format!(" | {lead}"));
            }
            if !d.support.is_empty() {
                let units = d.support.join(lang.list_separator());
                line.push_str(&format!(" ({})", i18n::meeting::support(lang, &units)));
            }
            if let Some(due) = d.due {
                line.push_str(&format!(" {due}"));
            }
            let state = match &d.followup {
                None => lang.phrase(Phrase::FuNone).to_string(),
                Some(id) => {
                    let phrase = linked
                        .followup(id)
                        .map_or(Phrase::FuMissing, |fu| followup_state(fu, today));
                    closed += usize::from(phrase == Phrase::FuClosed);
                    overdue += usize::from(phrase == Phrase::FuOverdue);
                    format!("{id} {}", lang.phrase(phrase))
                }
            };
            format!("{line} → {state}")
        })
        .collect();
    s.list("decisions", lines.into_iter());
    s.out
        .push_str(&lang.decision_tally(mt.decisions.len(), closed, overdue));
    s.out.push('\n');
    if mt.was_held() {
        let counted = implementation(mt, linked.records, today);
        let percent = crate::report::summary::percent(counted.rate());
        s.out
            .push_str(&i18n::meeting::implementation(lang, &counted, &percent));
        s.out.push('\n');
    }
    s.opt("notes", mt.notes.as_deref());
    s.extra(&mt.extra);
    s.timeline(&mt.history);
    s.next(&mt.next_steps());
    s.out
}

/// 落实率 of `mt` as of `asof`, its follow-ups found among `records`.
pub fn implementation(mt: &Meeting, records: &[Record], asof: Date) -> Implementation {
    let followup = |id: &Id| {
        records.iter().find_map(|r| match r {
            Record::Followup(fu) if &fu.id == id => Some(&**fu),
            _ => None,
        })
    };
    mt.implementation(followup, asof)
}

/// The live state of a follow-up as meetings report it: 办结, 在办, 逾期
/// (or 撤项).
pub fn followup_state(fu: &Followup, today: Date) -> Phrase {
    match fu.status {
        FuStatus::Closed => Phrase::FuClosed,
        FuStatus::Cancelled => Phrase::FuCancelled,
        _ if fu.effective_due() < today => Phrase::FuOverdue,
        _ => Phrase::FuOpen,
    }
}

/// A slip being written: labelled lines in the reader's language.
struct Slip {
    out: String,
    lang: Lang,
    today: Date,
}

impl Slip {
    fn new(record: &Record, title: Phrase, today: Date, lang: Lang) -> Slip {
        let mut out = header(record, today, lang);
        out.insert_str(0, &format!("{}\n", lang.phrase(title)));
        Slip { out, lang, today }
    }

    fn colon(&self) -> &'static str {
        self.lang.colon()
    }

    /// `label: value`; a value of several lines goes on indented, never
    /// at the margin where the next label begins.
    fn field(&mut self, key: &str, value: &str) {
        let value = super::show::continued(value, 4);
        let line = format!("{}{}{value}\n", self.lang.field(key), self.colon());
        self.out.push_str(&line);
    }

    fn opt(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }

    /// Fields the tool does not know, as the generic renderer shows them,
    /// so a hand-added key is never hidden.
    fn extra(&mut self, extra: &Extra) {
        for (key, value) in extra {
            if let Some(key) = key.as_str() {
                write_field(&mut self.out, "", key, value, self.lang, 0);
            }
        }
    }

    /// Names joined as the reader's language joins them; nothing when none.
    fn names(&mut self, key: &str, names: &[String]) {
        if !names.is_empty() {
            let joined = names.join(self.lang.list_separator());
            self.field(key, &joined);
        }
    }

    fn secrecy(&mut self, level: Secrecy, term: Option<&str>) {
        if level.is_classified() {
            let text = match term {
                Some(term) => format!("{} ({term})", self.lang.keyword(level)),
                None => self.lang.keyword(level).to_string(),
            };
            self.field("secrecy", &text);
        }
    }

    /// A heading and one indented line per item; nothing when empty.
    fn list(&mut self, key: &str, items: impl Iterator<Item = String>) {
        let mut items = items.peekable();
        if items.peek().is_none() {
            return;
        }
        let heading = format!("{}{}\n", self.lang.field(key), self.colon().trim_end());
        self.out.push_str(&heading);
        for item in items {
            self.out
                .push_str(&format!("  {}\n", super::show::continued(&item, 4)));
        }
    }

    fn followups(&mut self, ids: &[Id], linked: &Linked) {
        let (lang, today) = (self.lang, self.today);
        let lines: Vec<String> = ids
            .iter()
            .map(|id| match linked.followup(id) {
                Some(fu) => format!(
                    "{id} {} | {} {} → {}",
                    fu.title,
                    fu.lead,
                    fu.effective_due(),
                    lang.phrase(followup_state(fu, today))
                ),
                None => format!("{id} → {}", lang.phrase(Phrase::FuMissing)),
            })
            .collect();
        self.list("followups", lines.into_iter());
    }

    /// Every step with its moment, who recorded it, and what it was.
    fn timeline(&mut self, history: &[HistoryEntry]) {
        let heading = format!(
            "{}{}\n",
            self.lang.phrase(Phrase::Timeline),
            self.colon().trim_end()
        );
        self.out.push_str(&heading);
        for entry in history {
            let action = self.lang.action(&entry.action, entry.note.as_deref());
            let line = super::show::history_line(&moment(&entry.at), &entry.by, &action);
            self.out.push_str(&line);
        }
    }

    fn closing(&mut self, phrase: Phrase, value: &str) {
        let line = format!("{}{}{value}\n", self.lang.phrase(phrase), self.colon());
        self.out.push_str(&line);
    }

    /// What may be done next, as commands (English) or 步骤 (Chinese).
    fn next(&mut self, steps: &[Step]) {
        let lang = self.lang;
        let text = if steps.is_empty() {
            lang.phrase(Phrase::NothingNext).to_string()
        } else {
            let names: Vec<&str> = steps.iter().map(|s| lang.step(*s)).collect();
            names.join(lang.list_separator())
        };
        self.closing(Phrase::Next, &text);
    }
}

/// A moment for people: `2026-11-23 09:30`.
fn moment(m: &Moment) -> String {
    m.datetime.strftime("%Y-%m-%d %H:%M").to_string()
}

fn when(w: &When) -> String {
    match w {
        When::Date(d) => d.to_string(),
        When::Moment(m) => moment(m),
    }
}
