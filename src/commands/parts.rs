//! A follow-up's parts (分解子项) and milestones (节点) as the commands
//! take them: `assign`'s flags for them, reading a matter's parts, and
//! closing them with their matter (`done --with-parts`). Not a command.
//!
//! The rules (what a part inherits, one level deep, a milestone before
//! the due date, behind schedule) are the model's
//! (`taizhang_core::model::breakdown`); this reads flags and records.

use crate::context::Ctx;
use crate::context::values::{self, DateExpr, Given, keyword};
use crate::error::{CoreError, Error, Result};
use crate::i18n::tr;
use taizhang_core::model::breakdown::{self, BreakdownError, Milestone};
use taizhang_core::model::common::{Actor, HistoryAction};
use taizhang_core::model::facts::Facts;
use taizhang_core::model::followup::Followup;
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Urgency;
use taizhang_core::model::kind::{Expected, Kind};
use taizhang_core::model::record::Record;
use taizhang_core::store::{self, Change, Need, Register};

/// `assign`'s flags for breaking a matter down, and its urgency.
#[derive(Debug, clap::Args)]
pub struct BreakdownArgs {
    #[arg(help = tr(
        "The matter this is a part of (所属事项, FU-…): the part takes its source, leader in \
        charge and secrecy unless given. Parts go one level deep",
        "所属事项（FU-…），新事项为其分解子项：未另行给出时沿用其来源、分管领导和密级。子项不再分解",
    ))]
    #[arg(long, value_name = "FU-ID", value_parser = values::given())]
    pub parent: Option<Given<String>>,
    #[arg(help = tr(
        "A milestone (节点) as DATE:TEXT, e.g. 2026-12-10:完成方案 or +1w:上报; repeat for more. \
        One missed puts the follow-up behind schedule",
        "节点，写作“日期:内容”，如 2026-12-10:完成方案 或 +1w:上报；可重复给出。节点逾期未完成即\
        为序时进度滞后",
    ))]
    #[arg(long, value_name = "DATE:TEXT", value_parser = values::given(), allow_hyphen_values = true)]
    pub milestone: Vec<Given<String>>,
    #[arg(help = tr(
        "Urgency (紧急程度): normal, urgent, very-urgent (or 一般, 加急, 特急)",
        "紧急程度：normal（一般）、urgent（加急）、very-urgent（特急）",
    ))]
    #[arg(long, value_parser = keyword::<Urgency>)]
    pub urgency: Option<Urgency>,
}

/// What `BreakdownArgs` said, read and settled before anything is
/// written.
pub struct Breakdown {
    parent: Option<Given<Id>>,
    /// Each milestone with the text it was given as, to name it.
    milestones: Vec<(Milestone, String)>,
    urgency: Option<Urgency>,
}

impl BreakdownArgs {
    /// Reads the flags: the matter's ID and each milestone's date and
    /// text, naming the flag of a value that does not read.
    pub fn read(self, ctx: &Ctx) -> Result<Breakdown> {
        let parent = (self.parent)
            .map(|given| {
                let value = ctx.id(&given.value)?;
                Ok::<_, Error>(Given {
                    flag: given.flag,
                    value,
                })
            })
            .transpose()?;
        let milestones = (self.milestone.iter())
            .map(|given| Ok((milestone(ctx, given)?, given.value.clone())))
            .collect::<Result<_>>()?;
        Ok(Breakdown {
            parent,
            milestones,
            urgency: self.urgency,
        })
    }
}

/// One `--milestone DATE:TEXT` (a full-width `：` too, as typed in
/// Chinese), its date settled as every date flag's is.
fn milestone(ctx: &Ctx, given: &Given<String>) -> Result<Milestone> {
    let malformed = || BreakdownError::MilestoneMalformed {
        input: given.value.clone(),
    };
    let (date, text) = (given.value)
        .split_once([':', '：'])
        .map(|(d, t)| (d.trim(), t.trim()))
        .filter(|(d, t)| !d.is_empty() && !t.is_empty())
        .ok_or_else(|| CoreError::from(malformed()))?;
    let date = Given {
        flag: given.flag.clone(),
        value: DateExpr(date.to_string()),
    };
    Ok(Milestone {
        due: ctx.date(&date)?,
        text: text.to_string(),
        done: None,
    })
}

impl Breakdown {
    /// The matter `--parent` names, read under the lock: it must be an
    /// open follow-up that is not a part itself.
    pub fn parent(&self, register: &Register) -> Result<Option<Followup>> {
        let Some(given) = &self.parent else {
            return Ok(None);
        };
        let (flag, target) = (&given.flag, given.value.to_string());
        let record = store::load_one(register, &given.value).map_err(|e| match e {
            CoreError::NotFound { .. } => Error::Dangling {
                flag: flag.clone(),
                target: target.clone(),
            },
            other => other.into(),
        })?;
        let Record::Followup(matter) = record else {
            return Err(Error::WrongKind {
                flag: flag.clone(),
                target,
                expected: Expected::Followup,
            });
        };
        breakdown::may_take_part(&matter).map_err(CoreError::from)?;
        Ok(Some(*matter))
    }

    /// Gives a new follow-up its matter, milestones and urgency; refuses
    /// a milestone after its due date.
    pub fn apply(self, fu: &mut Followup, parent: Option<&Followup>) -> Result<()> {
        if let Some(matter) = parent {
            breakdown::inherit(fu, matter);
        }
        fu.urgency = self.urgency;
        for (milestone, input) in self.milestones {
            fu.add_milestone(milestone, &input)
                .map_err(CoreError::from)?;
        }
        Ok(())
    }
}

/// Every follow-up of the register whose matter is `id`, by ID. Parts
/// are found by reading — the matter does not list them — but only the
/// follow-ups whose facts say they are parts are decoded.
pub fn parts_of(register: &Register, id: &Id) -> Vec<Followup> {
    let parts = |facts: &Facts| facts.part;
    let need = Need::everything().kinds(&[Kind::Followup]).facts(&parts);
    let snapshot = store::load_where(register, need);
    let all = (snapshot.records.into_iter()).filter_map(|loaded| match loaded.record {
        Record::Followup(fu) if fu.parent.as_ref() == Some(id) => Some(*fu),
        _ => None,
    });
    let mut parts: Vec<Followup> = all.collect();
    parts.sort_by(|a, b| a.id.cmp(&b.id));
    parts
}

/// Before `matter` is done: its parts still being worked on (a submitted
/// one awaits verification, its work done) refuse it, unless
/// `with_parts`, when each is finished too (closed, or submitted where
/// the register verifies) with a history line naming the matter, and
/// saved in `tx`. Returns how many were finished.
pub fn finish_parts(
    tx: &mut Change,
    register: &Register,
    actor: &Actor,
    matter: &Followup,
    with_parts: bool,
) -> Result<usize> {
    let parts = parts_of(register, &matter.id);
    let open = breakdown::open_parts(&parts.iter().collect::<Vec<_>>());
    if open.is_empty() {
        return Ok(0);
    }
    if !with_parts {
        let parts = open;
        let id = matter.id.clone();
        return Err(CoreError::from(BreakdownError::OpenParts { id, parts }).into());
    }
    let verify = register.config.followups.verify;
    for id in &open {
        // Read again under the lock: the snapshot may be stale.
        let Record::Followup(mut part) = tx.load(id)? else {
            continue;
        };
        if !part.is_being_worked() {
            continue;
        }
        (part.finish(actor.today(), &actor.by, None, verify))
            .map_err(crate::commands::shared::refused(&part.id))?;
        let note = Some(matter.id.to_string());
        part.history
            .push(actor.entry(HistoryAction::DoneWithMatter, note));
        tx.save(&Record::Followup(part))?;
    }
    Ok(open.len())
}

/// Before `matter` is verified (审核销号): its parts not yet closed refuse
/// it, named, so that a matter is never closed ahead of its parts.
pub fn refuse_unclosed_parts(register: &Register, matter: &Followup) -> Result<()> {
    let parts = parts_of(register, &matter.id);
    let parts = breakdown::unclosed_parts(&parts.iter().collect::<Vec<_>>());
    if parts.is_empty() {
        return Ok(());
    }
    let id = matter.id.clone();
    Err(CoreError::from(BreakdownError::UnclosedParts { id, parts }).into())
}
