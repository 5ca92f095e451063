//! Finding the record files: the kinds' folders, read level by level in
//! parallel, each file stat-ed once for the cache's fingerprint.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::id::Id;
use crate::store::cache;
use crate::store::load::{Need, Problem};
use crate::store::parse::ReadProblem;
use crate::store::register::Register;

/// A file found under the record folders, with its fingerprint.
pub(super) struct FileInfo {
    pub(super) relative: PathBuf,
    /// The record ID its name gives, read once here.
    pub(super) id: Option<Id>,
    pub(super) is_link: bool,
    pub(super) fingerprint: cache::Fingerprint,
}

/// Every file under the record folders, sorted by path (the cache's
/// order), stat-ed in parallel. Folders are read level by level, each
/// once: a kind's root, its year folders, and one level more (to report
/// strays there).
/// Paths under the record folders the listing saw but did not take in
/// as files (folders below the last level, links to folders, entries
/// that could not be stat-ed) go to `unlisted`, relative to the root.
pub(super) fn list_files(
    register: &Register,
    need: &Need,
    problems: &mut Vec<Problem>,
    unlisted: &mut Vec<PathBuf>,
) -> Vec<FileInfo> {
    let mut level = Vec::new();
    let listed = |root: &PathBuf| need.lists(root.strip_prefix(&register.root).unwrap_or(root));
    for root in register.record_roots().into_iter().filter(listed) {
        // A record folder that is itself a link (documents -> /elsewhere)
        // is not followed: records are read only inside the register.
        match std::fs::symlink_metadata(&root) {
            Ok(meta) if meta.file_type().is_symlink() => {
                problems.push(link_problem(relative_to(register, &root)));
            }
            Ok(_) => level.push(root),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(Problem::whole_file(
                relative_to(register, &root),
                (&e).into(),
            )),
        }
    }
    let mut files = Vec::new();
    for depth in 0..=MAX_DEPTH {
        let listed: Vec<Listing> = level
            .par_iter()
            .map(|dir| list_folder(register, dir, depth < MAX_DEPTH, need))
            .collect();
        level = Vec::new();
        files.reserve_exact(listed.iter().map(|l| l.files.len()).sum());
        for listing in listed {
            files.extend(listing.files);
            level.extend(listing.folders);
            problems.extend(listing.problems);
            unlisted.extend(listing.unlisted);
        }
    }
    // Each folder's files and sub-folders come sorted, folders in order:
    // the whole is then sorted but for odd names (`2026-x` sorts before
    // `2026/` by bytes), which a full sort puts right.
    if !files.is_sorted_by(|a, b| path_order(a, b).is_le()) {
        files.sort_by(path_order);
    }
    files
}

/// The cache's order: paths compared byte by byte.
fn path_order(a: &FileInfo, b: &FileInfo) -> std::cmp::Ordering {
    a.relative
        .as_os_str()
        .as_encoded_bytes()
        .cmp(b.relative.as_os_str().as_encoded_bytes())
}

/// Records live two folders below a kind's root (`followups/2026/`);
/// files one level deeper are read only to be reported.
const MAX_DEPTH: usize = 2;

pub(super) fn link_problem(relative: PathBuf) -> Problem {
    Problem::whole_file(relative, ReadProblem::Symlink)
}

fn relative_to(register: &Register, path: &Path) -> PathBuf {
    path.strip_prefix(&register.root)
        .unwrap_or(path)
        .to_path_buf()
}

/// What one folder holds: files with their fingerprints, and sub-folders.
#[derive(Default)]
struct Listing {
    files: Vec<FileInfo>,
    folders: Vec<PathBuf>,
    problems: Vec<Problem>,
    /// What it holds that is neither a file listed nor a folder to go
    /// into (`list_files`).
    unlisted: Vec<PathBuf>,
}

/// Lists one folder. Only files are stat-ed; folders are told apart by
/// the entry's type, which the folder listing already gives.
fn list_folder(register: &Register, dir: &Path, descend: bool, need: &Need) -> Listing {
    let mut listing = Listing::default();
    let trouble = |e: std::io::Error| Problem::whole_file(relative_to(register, dir), (&e).into());
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            listing.problems.push(trouble(e));
            return listing;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                listing.problems.push(trouble(e));
                continue;
            }
        };
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            match descend {
                true => listing.folders.push(entry.path()),
                false => listing.unlisted.push(relative_to(register, &entry.path())),
            }
            continue;
        }
        if file_type.is_symlink() && entry.path().is_dir() {
            let relative = relative_to(register, &entry.path());
            listing.problems.push(link_problem(relative.clone()));
            listing.unlisted.push(relative);
            continue;
        }
        let id = id_of(&entry.file_name());
        if !wanted(register, id.as_ref(), need) {
            continue;
        }
        let relative = relative_to(register, &entry.path());
        // DirEntry::metadata does not follow links: a link is seen as one.
        match entry.metadata() {
            Ok(meta) => listing.files.push(FileInfo {
                relative,
                id,
                is_link: meta.file_type().is_symlink(),
                fingerprint: cache::Fingerprint::of(&meta),
            }),
            Err(e) => {
                listing.unlisted.push(relative.clone());
                listing
                    .problems
                    .push(Problem::whole_file(relative, (&e).into()));
            }
        }
    }
    listing.files.sort_by(path_order);
    listing.folders.sort();
    listing
}

/// The record ID a file name gives (`IN-2026-0001.yaml`), if any.
pub(super) fn id_of(name: &std::ffi::OsStr) -> Option<Id> {
    name.to_str()
        .and_then(|n| n.strip_suffix(".yaml"))
        .and_then(Id::parse)
}

/// Whether the file of `id` is wanted; files whose names are not record
/// IDs are kept, to be reported.
pub(super) fn wanted(register: &Register, id: Option<&Id>, need: &Need) -> bool {
    let kind = id.and_then(|id| {
        register
            .kind_of(id)
            .map(|(kind, book)| need.wants_file(id, kind, book))
    });
    kind.unwrap_or(true)
}
