//! Reading for reports (`list`, `remind`, `summary`, the desk): what a
//! read command needs, never failing on one bad file.

use crate::store::load::{Need, Problem, Snapshot, load_where};
use crate::store::register::Register;

/// Reads what `need` asks for, and no more. A file that cannot be read is
/// handed to `skipped` (the caller warns, naming it) and left out, never
/// fatal: a bad hand edit must not silence `remind`.
pub fn load(register: &Register, need: Need, mut skipped: impl FnMut(&Problem)) -> Snapshot {
    let snapshot = load_where(register, need);
    for problem in &snapshot.problems {
        skipped(problem);
    }
    snapshot
}
