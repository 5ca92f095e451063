//! Test helpers over the bundled example register, shared by the unit
//! tests of this crate and (through the `testing` feature) of the
//! command line's reports.

use crate::model::record::Record;

/// The records of the bundled example register, parsed from their files
/// (not through the cache, which would be written into the source tree).
pub fn example_records() -> Vec<Record> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/office");
    let register = crate::store::Register::open(&root).unwrap();
    let mut records = Vec::new();
    for folder in register.record_roots() {
        for file in walk(&folder) {
            let relative = file.strip_prefix(&root).unwrap();
            let name = file.file_stem().unwrap().to_str().unwrap();
            let id = crate::model::id::Id::parse(name).unwrap();
            records.push(
                crate::store::load::load_one(&register, &id)
                    .unwrap_or_else(|e| panic!("{}: {e}", relative.display())),
            );
        }
    }
    assert!(records.len() > 40, "the example register has records");
    records
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    files
}

/// A scratch copy of the bundled example register, without its cache,
/// for unit tests that write or build a cache.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/office");
    copy_dir(&example, dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join(".taizhang"));
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
