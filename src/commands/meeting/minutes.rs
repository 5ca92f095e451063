//! `taizhang meeting minutes`: record the minutes of a meeting held.

use std::process::ExitCode;

use super::update_meeting;
use crate::commands::shared::{Outcome, refused};
use crate::context::Ctx;
use crate::context::values::{self, Given};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::Confirm;
use crate::i18n::tr;
use taizhang_core::model::common::HistoryAction;
use taizhang_core::model::record::Record;
use taizhang_core::store;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Record the minutes of a meeting that was held (会议记录/纪要)",
        "登记已召开会议的会议记录或纪要",
    ),
    long_about = tr(
        "Record the minutes of a meeting that was held (会议记录/纪要)\n\n\
        As text, from a text file, or as the outgoing document that is the formal 纪要. Text \
        makes the meeting minuted (已形成纪要: written down, not yet issued); the outgoing \
        document makes it issued (已印发纪要). Given again, the new minutes replace the old: \
        text written down first is replaced by the document once it is issued.",
        "登记已召开会议的会议记录或纪要\n\n\
        可以是文字、文本文件，或作为正式纪要的那份发文。登记文字后会议为“已形成纪要”（已成文，尚\
        未印发）；关联发文后为“已印发纪要”。再次登记即以新记录取代旧记录：先登记的文字在纪要印发\
        后由那份发文取代。",
    ),
)]
#[command(group(clap::ArgGroup::new("minutes").required(true).args(["text", "file", "doc"])))]
pub struct Args {
    #[arg(help = tr("The meeting (MT-…)", "会议（MT-…）"))]
    pub id: String,
    #[arg(help = tr("The minutes as text", "会议记录的文字"))]
    #[arg(long, value_parser = values::text)]
    pub text: Option<String>,
    #[arg(help = tr("A UTF-8 text file holding the minutes", "存有会议记录的 UTF-8 文本文件"))]
    #[arg(long, value_name = "FILE", value_parser = values::path())]
    pub file: Option<Given<std::path::PathBuf>>,
    #[arg(help = tr(
        "The outgoing document of the formal minutes (纪要), OUT-…",
        "正式纪要的那份发文，OUT-…",
    ))]
    #[arg(long, value_name = "OUT-ID", value_parser = values::given())]
    pub doc: Option<Given<String>>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let (minutes, note) = if let Some(text) = &args.text {
        (text.clone(), None)
    } else if let Some(file) = &args.file {
        let text = read_minutes(ctx, file)?;
        (
            values::text(&text).map_err(|bad| bad.at(file.flag.clone()))?,
            Some(file.value.display().to_string()),
        )
    } else {
        let id = ctx.id(args.doc.as_ref().map_or("", |given| given.value.as_str()))?;
        (id.to_string(), Some(id.to_string()))
    };
    let doc = (args.doc.as_ref()).map(|given| (minutes.clone(), given.flag.clone()));
    update_meeting(
        ctx,
        &args.id,
        HistoryAction::Minutes,
        |meeting, _, register| {
            if let Some((doc, flag)) = &doc {
                check_minutes_doc(register, doc, flag)?;
            }
            meeting
                .record_minutes(minutes)
                .map_err(refused(&meeting.id))?;
            let said = Confirm::Minuted {
                id: meeting.id.clone(),
            };
            Ok(Outcome::new(note, said))
        },
    )
}

/// The most a minutes file may hold: the minutes of the longest meeting
/// run to some tens of kilobytes; a file past this is not minutes (a
/// scan, a device such as /dev/zero that never ends) and would otherwise
/// be read until the memory runs out.
const MAX_MINUTES_BYTES: u64 = 1024 * 1024;

/// Reads the minutes file given to `--file`: at most `MAX_MINUTES_BYTES`
/// (one byte more is read, to know), as UTF-8, with Windows line ends
/// made plain, as a note holds them.
fn read_minutes(ctx: &Ctx, file: &Given<std::path::PathBuf>) -> Result<String> {
    use std::io::Read;
    let path = ctx.cwd.join(&file.value);
    let opened = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
    let mut bytes = Vec::new();
    (opened.take(MAX_MINUTES_BYTES + 1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&path, e))?;
    if bytes.len() as u64 > MAX_MINUTES_BYTES {
        return Err(Error::FileTooLarge {
            flag: file.flag.clone(),
            limit: MAX_MINUTES_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let invalid = std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        Error::io(&path, invalid)
    })?;
    Ok(text.replace("\r\n", "\n"))
}

/// The formal minutes must be an outgoing document of this register.
fn check_minutes_doc(register: &store::Register, text: &str, flag: &Flag) -> Result<()> {
    let dangling = || Error::Dangling {
        flag: flag.clone(),
        target: text.to_string(),
    };
    let id = taizhang_core::model::id::Id::parse(text).ok_or_else(dangling)?;
    match store::load_one(register, &id) {
        Ok(Record::Outgoing(_)) => Ok(()),
        Ok(_) => Err(Error::WrongKind {
            flag: flag.clone(),
            target: text.to_string(),
            expected: taizhang_core::model::kind::Expected::Outgoing,
        }),
        Err(CoreError::NotFound { .. }) => Err(dangling()),
        Err(other) => Err(other.into()),
    }
}
