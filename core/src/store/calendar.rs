//! Reading the register's `calendar.toml` (holidays and 调休 working days).
//! The rules live in `model::calendar`; this only finds and reads the file.

use std::path::PathBuf;

use crate::model::calendar::Calendar;
use crate::store::error::{Error, Result};
use crate::store::register::Register;

/// The calendar's file name, at the register's root.
pub const CALENDAR_FILE: &str = "calendar.toml";

/// The register's calendar, or `None` when it has no `calendar.toml`.
pub fn load(register: &Register) -> Result<Option<Calendar>> {
    let path = register.root.join(CALENDAR_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    Calendar::parse(&text)
        .map(Some)
        .map_err(|problem| Error::BadConfig {
            path: PathBuf::from(CALENDAR_FILE),
            problem,
        })
}
