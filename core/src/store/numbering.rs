//! 发文字号 numbering: the next number of a series, shared by `log out`
//! (which draws it) and `sync` (which settles a number another clerk drew
//! first). Reads only the `doc_number` of outgoing documents.

use serde::Deserialize;

use crate::model::archive::Given;
use crate::model::config::ConfigProblem;
use crate::model::id::Id;
use crate::model::kind::Kind;
use crate::model::outgoing::parse_doc_number;
use crate::store::error::{Error, Result};
use crate::store::register::Register;
use crate::store::{parse, yaml};

/// Only the number (and status) of an outgoing document, for numbering
/// without reading whole records.
#[derive(Debug, Deserialize)]
pub struct NumberOnly {
    #[serde(default)]
    pub doc_number: String,
    #[serde(default)]
    pub status: String,
}

/// Reads the number of an outgoing document from its text; `path` names
/// it in the error.
pub fn read_number(text: &str, path: &std::path::Path) -> Result<NumberOnly> {
    if let Some((line, column)) = yaml::too_deep(text) {
        return Err(Error::Unreadable {
            path: path.to_path_buf(),
            line,
            column,
            problem: Box::new(parse::too_deep()),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column, problem) = parse::describe_yaml_error(&e, text);
        Error::Unreadable {
            path: path.to_path_buf(),
            line,
            column,
            problem: Box::new(problem),
        }
    })
}

/// The highest number of `issuer` in `year` used by any outgoing document
/// on disk, revoked ones included, so no number is ever reused; 0 when
/// none. Documents numbered in `year` are filed under that year or the
/// next, so only those two folders are read.
pub fn highest_number(register: &Register, issuer: &str, year: i16) -> Result<u32> {
    let prefix = register.config.prefix(Kind::Outgoing);
    let mut highest = 0;
    for folder_year in [year, year + 1] {
        let probe = Id::new(prefix, folder_year, 1);
        let Some(dir) = register.relative_dir(&probe) else {
            continue;
        };
        let dir = register.root.join(dir);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let is_outgoing = name
                .to_str()
                .and_then(|n| n.strip_suffix(".yaml"))
                .and_then(Id::parse)
                .is_some_and(|id| id.prefix() == probe.prefix());
            if !is_outgoing {
                continue;
            }
            let path = entry.path();
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let parsed = read_number(&text, &path)?;
            if let Some((i, y, n)) = parse_doc_number(&parsed.doc_number)
                && i == issuer
                && y == year
            {
                highest = highest.max(n);
            }
        }
    }
    Ok(highest)
}

/// The next number of `issuer` in `year`: one past the highest used, and
/// not below where the series was told to start that year.
pub fn next_number(register: &Register, issuer: &str, year: i16) -> Result<u32> {
    let first = (register.config.series.iter())
        .find(|s| s.issuer == issuer)
        .map_or(1, |s| s.first_number(year));
    Ok((highest_number(register, issuer, year)? + 1).max(first))
}

/// The ledger of archive numbers given out (档号), in the register's root
/// and committed with every filing: the numbers of a record deleted by
/// hand are still known (`model::archive::Given`).
pub const ARCHIVE_LEDGER: &str = "archive-numbers.toml";

/// What the ledger file says on top, for a clerk who opens it.
const LEDGER_HEAD: &str = "# Archive numbers given out (已分配档号): the highest item (件号) of each\n\
# group, kept by `taizhang archive` so that no number is ever given twice,\n\
# even after its record is deleted. `taizhang check` reports a number below\n\
# these that no record accounts for. Do not lower them.\n";

/// Reads the ledger; a register without one (made before it, or never
/// archived) has an empty one.
pub fn read_ledger(register: &Register) -> Result<Given> {
    let path = register.root.join(ARCHIVE_LEDGER);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Given::default()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let bad = |problem| Error::BadConfig {
        path: path.clone(),
        problem,
    };
    let entries = toml::from_str(&text).map_err(|e| bad(ConfigProblem::syntax(&e, &text)))?;
    Given::read(entries).map_err(|e| bad(ConfigProblem::ArchiveGroup { key: e.key }))
}

/// Reads a ledger's text, as `read_ledger` reads its file; `None` when it
/// cannot be read.
pub fn ledger_of(text: &str) -> Option<Given> {
    Given::read(toml::from_str(text).ok()?).ok()
}

/// The ledger as its file holds it.
pub fn ledger_text(given: &Given) -> String {
    let mut text = LEDGER_HEAD.to_string();
    for (group, item) in given.entries() {
        // A group is ASCII but for its middle dot, and a TOML basic
        // string takes it as it is.
        text.push_str(&format!("\"{group}\" = {item}\n"));
    }
    text
}
