//! `taizhang assign`: create a follow-up (督办事项).

use std::process::ExitCode;

use jiff::civil::Date;

use crate::commands::shared::{commit_message, finish_new, non_empty, optional_text};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::common::Actor;
use crate::model::common::HistoryAction;
use crate::model::followup::{Followup, FuStatus};
use crate::model::id::{Id, RecordRef};
use crate::model::keyword::{Feedback, Secrecy, Source};
use crate::model::kind::Expected;
use crate::model::kind::Kind;
use crate::model::record::Record;
use crate::store::{self, Change, Register};

/// Create a follow-up (督办事项) with a lead unit and a deadline; prints the
/// new ID alone.
///
/// With --from, the follow-up carries out a document (IN-…/OUT-…) or a
/// meeting decision (MT-2026-0003#2); both records are linked, and the
/// follow-up inherits the source's secrecy level.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The matter to be done (督办事项)
    pub title: String,
    /// Lead unit (牵头单位)
    #[arg(long, value_name = "UNIT")]
    pub lead: String,
    /// Deadline (办结时限): a date, +2w, fri …
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// The person responsible (责任人)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Supporting units (协办单位), comma-separated or repeated
    #[arg(long, value_name = "UNIT")]
    pub support: Vec<String>,
    /// Where it comes from: instruction, meeting, superior, document,
    /// key-task, proposal, public, other (or 领导批示, 会议议定 …)
    #[arg(long)]
    pub source: Option<String>,
    /// The document or meeting decision it carries out (IN-…, MT-…#n)
    #[arg(long = "from", value_name = "ID")]
    pub from: Option<String>,
    /// The leader who assigned it (交办领导)
    #[arg(long = "by-leader", value_name = "NAME")]
    pub by_leader: Option<String>,
    /// The leader in charge (分管领导)
    #[arg(long, value_name = "NAME")]
    pub supervisor: Option<String>,
    /// What is required (办理要求)
    #[arg(long, value_name = "TEXT")]
    pub requirement: Option<String>,
    /// How often progress is owed: once, weekly, monthly, quarterly
    #[arg(long)]
    pub feedback: Option<String>,
    /// Date assigned (交办日期) [default: today]
    #[arg(long, value_name = "DATE")]
    pub assigned: Option<String>,
    /// Secrecy level, if higher than the source's
    #[arg(long)]
    pub secrecy: Option<String>,
    /// Notes (备注)
    #[arg(long)]
    pub notes: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let actor = ctx.actor(&register);
    let title = non_empty("<TITLE>", &args.title)?;
    let lead = ctx.unit(&register, "--lead", &args.lead)?;
    let support = ctx.units(&register, "--support", &args.support)?;
    let assigned = ctx
        .opt_date("--assigned", args.assigned.as_deref())?
        .unwrap_or(ctx.today);
    let due = ctx.date("--due", &args.due)?;
    if due < assigned {
        return Err(Error::DueBeforeAssigned {
            due: due.to_string(),
            assigned: assigned.to_string(),
        });
    }
    let explicit_source = ctx.opt_keyword::<Source>("--source", args.source.as_deref())?;
    let feedback = ctx.opt_keyword::<Feedback>("--feedback", args.feedback.as_deref())?;
    let explicit_secrecy = ctx.opt_keyword::<Secrecy>("--secrecy", args.secrecy.as_deref())?;
    let source_ref = args
        .from
        .as_deref()
        .map(|text| {
            RecordRef::parse(text, ctx.today.year()).ok_or_else(|| Error::BadId {
                input: text.to_string(),
            })
        })
        .transpose()?;

    let mut tx = Change::begin(&register, !ctx.args.no_commit)?;
    let mut source_record = match &source_ref {
        Some(reference) => Some(load_source(&register, reference)?),
        None => None,
    };
    let spec = NewFollowup {
        title,
        lead,
        support,
        owner: optional_text(args.owner),
        assigned,
        due,
        source: explicit_source,
        requirement: optional_text(args.requirement),
        assigned_by: optional_text(args.by_leader),
        supervisor: optional_text(args.supervisor),
        feedback,
        secrecy: explicit_secrecy,
        notes: optional_text(args.notes),
    };
    let source = source_record.as_mut().zip(source_ref.as_ref());
    let record = create(&mut tx, &register, &actor, spec, source)?;
    finish_new(
        tx,
        &commit_message(&register, "assign", &record),
        &record.id().to_string(),
    )
}

/// What a new follow-up says: the flags of `assign`, also given by
/// `meeting decide`.
pub struct NewFollowup {
    pub title: String,
    pub lead: String,
    pub support: Vec<String>,
    pub owner: Option<String>,
    pub assigned: Date,
    pub due: Date,
    /// The source kind; without it, taken from the source record.
    pub source: Option<Source>,
    pub requirement: Option<String>,
    pub assigned_by: Option<String>,
    pub supervisor: Option<String>,
    pub feedback: Option<Feedback>,
    /// A secrecy level higher than the source's, if any.
    pub secrecy: Option<Secrecy>,
    pub notes: Option<String>,
}

/// Creates a follow-up within `tx`. With a source (a document or a meeting
/// decision, already checked by `load_source` or just recorded), the two
/// are linked both ways and the source is saved too, so one commit holds
/// both. Returns the new follow-up.
pub fn create(
    tx: &mut Change,
    register: &Register,
    actor: &Actor,
    spec: NewFollowup,
    source: Option<(&mut Record, &RecordRef)>,
) -> Result<Record> {
    let inherited = source
        .as_ref()
        .map_or(Secrecy::None, |(record, _)| record.secrecy());
    let kind = spec.source.or_else(|| {
        source.as_ref().map(|(record, _)| match record.kind() {
            Kind::Meeting => Source::Meeting,
            _ => Source::Document,
        })
    });
    // The source's links, dangling or not, are never handed out again.
    if let Some((record, _)) = &source {
        tx.refers(record);
    }
    let id = tx.allocate(register.config.prefix(Kind::Followup), actor.today().year())?;
    let followup = Followup {
        id: id.clone(),
        title: spec.title,
        status: FuStatus::Open,
        requirement: spec.requirement,
        source: kind,
        source_ref: source.as_ref().map(|(_, reference)| (*reference).clone()),
        assigned_by: spec.assigned_by,
        supervisor: spec.supervisor,
        lead: spec.lead,
        support: spec.support,
        owner: spec.owner,
        assigned: spec.assigned,
        due: spec.due,
        secrecy: spec.secrecy.map_or(inherited, |s| s.max(inherited)),
        feedback: spec.feedback,
        extensions: Vec::new(),
        progress: Vec::new(),
        chases: Vec::new(),
        result: None,
        notes: spec.notes,
        created: actor.at,
        history: vec![actor.entry(HistoryAction::Assign, None)],
        extra: Default::default(),
    };
    if let Some((source, reference)) = source {
        link_back(source, reference, &id);
        source.push_history(actor.entry(HistoryAction::Followup, Some(id.to_string())));
        tx.save(source)?;
    }
    let record = Record::Followup(Box::new(followup));
    tx.save(&record)?;
    Ok(record)
}

/// Loads what `--from` names; it must exist and be a document or meeting.
fn load_source(register: &Register, reference: &RecordRef) -> Result<Record> {
    let dangling = || Error::Dangling {
        flag: "--from".into(),
        target: reference.to_string(),
    };
    let record = store::load_one(register, &reference.id).map_err(|e| match e {
        Error::NotFound { .. } => dangling(),
        other => other,
    })?;
    let wrong = |expected: Expected| Error::WrongKind {
        flag: "--from".into(),
        target: reference.to_string(),
        expected,
    };
    match (&record, reference.item) {
        (Record::Incoming(_) | Record::Outgoing(_), None) => Ok(record),
        (Record::Meeting(meeting), Some(n)) => match meeting.decision(n) {
            None => Err(Error::NoDecision {
                target: reference.id.to_string(),
                n,
            }),
            Some(decision) => match &decision.followup {
                Some(existing) => Err(Error::AlreadyLinked {
                    target: reference.to_string(),
                    existing: existing.to_string(),
                }),
                None => Ok(record),
            },
        },
        (Record::Meeting(_), None) => Err(wrong(Expected::Decision)),
        _ => Err(wrong(Expected::Source)),
    }
}

/// Records the new follow-up on its source.
fn link_back(source: &mut Record, reference: &RecordRef, id: &Id) {
    match source {
        Record::Incoming(r) => r.spawned(id.clone()),
        Record::Outgoing(r) => r.followups.push(id.clone()),
        Record::Meeting(m) => {
            if let Some(decision) = reference.item.and_then(|n| m.decision_mut(n)) {
                decision.followup = Some(id.clone());
            }
        }
        _ => {}
    }
}
