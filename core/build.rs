//! Fingerprints the code that decides what a cache entry means — the
//! record types (`src/model`), the cache layout (`src/store/cache.rs`)
//! and the exact versions of the crates that read them (the workspace's `Cargo.lock`) —
//! so that the derived cache is shared by every build of the same
//! source (two installed copies of one release, a rebuilt binary) and
//! ignored by any build whose records could read differently.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let sources = ["src/model", "src/store/cache.rs", "../Cargo.lock"];
    let mut files = Vec::new();
    for source in sources {
        println!("cargo:rerun-if-changed={source}");
        collect(Path::new(source), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file)
            .expect("read a source file")
            .hash(&mut hasher);
    }
    println!("cargo:rustc-env=TAIZHANG_SCHEMA={:016x}", hasher.finish());
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)
            .expect("list a source folder")
            .flatten()
        {
            collect(&entry.path(), out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}
