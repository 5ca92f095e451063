//! The private index a sync replays into, written to only once per tree.
//!
//! Every git command on an index reads all of it, and a command that
//! changes it writes all of it: 100,000 entries for a register of that
//! size. Asking the index what a path holds, then staging each file of a
//! commit one `update-index` at a time, cost two such passes per file.
//! Here what a path holds is asked of the commit the index was read from
//! (a tree: no index read) and remembered, the files staged are gathered,
//! and one `update-index --index-info` puts them all in before the tree
//! is written.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::store::error::{Error, Result};
use crate::store::git::Git;

/// A blob staged at a path with its mode, or the path taken out.
type Entry = Option<(String, String)>;

pub(super) struct Staging<'g> {
    /// git on the private index.
    git: &'g Git,
    /// The commit the index was read from.
    base: String,
    /// What each path asked about or staged holds (its blob, `None` when
    /// absent), by path from the top of the repository.
    known: RefCell<HashMap<String, Option<String>>>,
    /// What is staged and not yet in the index file.
    pending: RefCell<BTreeMap<String, Entry>>,
}

impl<'g> Staging<'g> {
    /// The private index of `git`, read from the tree of `base`.
    pub(super) fn read(git: &'g Git, base: &str) -> Result<Staging<'g>> {
        git.checked(&["read-tree", base])?;
        Ok(Staging {
            git,
            base: base.to_string(),
            known: RefCell::new(HashMap::new()),
            pending: RefCell::new(BTreeMap::new()),
        })
    }

    /// Learns, in one `ls-tree`, what `base` holds at each of `paths` not
    /// known yet, so that `staged` asks git nothing for them.
    pub(super) fn prefetch<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Result<()> {
        let unknown: Vec<PathBuf> = {
            let known = self.known.borrow();
            (paths.into_iter())
                .filter(|path| !known.contains_key(*path))
                .map(PathBuf::from)
                .collect()
        };
        if unknown.is_empty() {
            return Ok(());
        }
        let listed = self.list(&unknown)?;
        let mut known = self.known.borrow_mut();
        for path in unknown {
            let path = path.to_string_lossy().into_owned();
            let blob = listed.get(&path).cloned();
            known.insert(path, blob);
        }
        Ok(())
    }

    /// The blobs `base` holds at `paths` (files only).
    fn list(&self, paths: &[PathBuf]) -> Result<HashMap<String, String>> {
        let mut cmd = self
            .git
            .command(&["--literal-pathspecs", "ls-tree", "--full-tree", "-z"]);
        cmd.arg(&self.base).arg("--").args(paths);
        let output = self.git.output(cmd, None)?;
        if !output.status.success() {
            return Err(Error::Git {
                message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        let text = String::from_utf8_lossy(&output.stdout);
        Ok(text
            .split('\0')
            .filter_map(|line| {
                let (meta, path) = line.split_once('\t')?;
                let mut meta = meta.split(' ');
                let (_mode, kind, blob) = (meta.next()?, meta.next()?, meta.next()?);
                (kind == "blob").then(|| (path.to_string(), blob.to_string()))
            })
            .collect())
    }

    /// The blob staged at `path`, if any.
    pub(super) fn staged(&self, path: &str) -> Result<Option<String>> {
        self.prefetch([path])?;
        Ok(self.known.borrow().get(path).cloned().flatten())
    }

    pub(super) fn stage(&self, path: &str, mode: &str, blob: &str) -> Result<()> {
        self.set(path, Some((mode.to_string(), blob.to_string())));
        Ok(())
    }

    pub(super) fn unstage(&self, path: &str) -> Result<()> {
        self.set(path, None);
        Ok(())
    }

    fn set(&self, path: &str, entry: Entry) {
        let blob = entry.as_ref().map(|(_, blob)| blob.clone());
        self.known.borrow_mut().insert(path.to_string(), blob);
        self.pending.borrow_mut().insert(path.to_string(), entry);
    }

    /// The tree of the index with everything staged: one `update-index`
    /// for all of it, then `write-tree`.
    pub(super) fn tree(&self) -> Result<String> {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if !pending.is_empty() {
            let zero = "0".repeat(self.base.len());
            let mut input = Vec::new();
            for (path, entry) in &pending {
                let line = match entry {
                    Some((mode, blob)) => format!("{mode} {blob}\t{path}"),
                    None => format!("0 {zero}\t{path}"),
                };
                input.extend_from_slice(line.as_bytes());
                input.push(0);
            }
            let cmd = self.git.command(&["update-index", "-z", "--index-info"]);
            let output = self.git.output(cmd, Some(&input))?;
            if !output.status.success() {
                return Err(Error::Git {
                    message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
                });
            }
        }
        self.git.tree()
    }
}
