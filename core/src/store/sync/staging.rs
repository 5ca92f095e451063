//! The trees a sync replays into, built without an index.
//!
//! Every git command on an index reads all of it, and one that changes it
//! writes all of it: 100,000 entries for a register of that size, several
//! times per replayed commit. A commit of the replay changes a few files,
//! so its tree is the last one with those files replaced: only the
//! folders on their way are listed (`ls-tree`) and written anew
//! (`mktree`); every other folder's tree is taken as it is.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::store::error::{Error, Result};
use crate::store::git::Git;

/// A blob staged at a path with its mode, or the path taken out.
type Entry = Option<(String, String)>;

pub(super) struct Staging<'g> {
    git: &'g Git,
    /// The tree the staged files go on: the remote's, then each tree made.
    base: RefCell<String>,
    /// What each path asked about or staged holds (its blob, `None` when
    /// absent), by path from the top of the repository.
    known: RefCell<HashMap<String, Option<String>>>,
    /// What is staged and not yet in a tree.
    pending: RefCell<BTreeMap<String, Entry>>,
}

impl<'g> Staging<'g> {
    /// Files staged on the tree of commit `base`.
    pub(super) fn on(git: &'g Git, base: &str) -> Result<Staging<'g>> {
        let tree = git.rev(&format!("{base}^{{tree}}"))?;
        Ok(Staging {
            git,
            base: RefCell::new(tree),
            known: RefCell::new(HashMap::new()),
            pending: RefCell::new(BTreeMap::new()),
        })
    }

    /// Learns, in one `ls-tree`, what the base holds at each of `paths`
    /// not known yet, so that `staged` asks git nothing for them.
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
        let base = self.base.borrow().clone();
        let listed = self.list(&base, &unknown)?;
        let mut known = self.known.borrow_mut();
        for path in unknown {
            let path = path.to_string_lossy().into_owned();
            let blob = (listed.iter())
                .find(|(name, kind, _, _)| *name == path && kind == "blob")
                .map(|(_, _, blob, _)| blob.clone());
            known.insert(path, blob);
        }
        Ok(())
    }

    /// The entries of `tree` at `paths` (or, for a folder ending in `/`,
    /// in it): name, type, object, mode.
    fn list(&self, tree: &str, paths: &[PathBuf]) -> Result<Vec<(String, String, String, String)>> {
        let mut cmd = self
            .git
            .command(&["--literal-pathspecs", "ls-tree", "--full-tree", "-z"]);
        cmd.arg(tree).arg("--").args(paths);
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
                let (mode, kind, object) = (meta.next()?, meta.next()?, meta.next()?);
                Some((
                    path.to_string(),
                    kind.to_string(),
                    object.to_string(),
                    mode.to_string(),
                ))
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

    /// The base tree with everything staged put in, which becomes the base.
    pub(super) fn tree(&self) -> Result<String> {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        let base = self.base.borrow().clone();
        let tree = self.rebuild(&base, "", &pending)?.unwrap_or(base);
        // An empty tree stays empty: `rebuild` says so with `None` only
        // for folders, and the register's root always holds its settings.
        *self.base.borrow_mut() = tree.clone();
        Ok(tree)
    }

    /// The tree of folder `dir` (`""` or ending in `/`) of `base` with the
    /// changes under it; `None` when it is left empty.
    fn rebuild(
        &self,
        base: &str,
        dir: &str,
        changes: &BTreeMap<String, Entry>,
    ) -> Result<Option<String>> {
        let listing = if dir.is_empty() {
            self.list(base, &[])?
        } else {
            self.list(base, &[PathBuf::from(dir)])?
        };
        // Name within this folder → (mode, type, object).
        let mut entries: BTreeMap<String, (String, String, String)> = (listing.into_iter())
            .filter_map(|(path, kind, object, mode)| {
                let name = path.strip_prefix(dir)?.to_string();
                Some((name, (mode, kind, object)))
            })
            .collect();
        let mut folders: BTreeMap<String, BTreeMap<String, Entry>> = BTreeMap::new();
        for (path, entry) in changes.range(dir.to_string()..) {
            let Some(rest) = path.strip_prefix(dir) else {
                break;
            };
            match rest.split_once('/') {
                Some((folder, _)) => {
                    (folders.entry(folder.to_string()).or_default())
                        .insert(path.clone(), entry.clone());
                }
                None => match entry {
                    Some((mode, blob)) => {
                        entries.insert(
                            rest.to_string(),
                            (mode.clone(), "blob".into(), blob.clone()),
                        );
                    }
                    None => {
                        entries.remove(rest);
                    }
                },
            }
        }
        for (folder, below) in folders {
            match self.rebuild(base, &format!("{dir}{folder}/"), &below)? {
                Some(tree) => {
                    entries.insert(folder, ("040000".into(), "tree".into(), tree));
                }
                None => {
                    entries.remove(&folder);
                }
            }
        }
        if entries.is_empty() && !dir.is_empty() {
            return Ok(None);
        }
        let mut input = Vec::new();
        for (name, (mode, kind, object)) in &entries {
            input.extend_from_slice(format!("{mode} {kind} {object}\t{name}").as_bytes());
            input.push(0);
        }
        let cmd = self.git.command(&["mktree", "-z"]);
        let output = self.git.output(cmd, Some(&input))?;
        if !output.status.success() {
            return Err(Error::Git {
                message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(Some(
            String::from_utf8_lossy(&output.stdout).trim().to_string(),
        ))
    }
}
