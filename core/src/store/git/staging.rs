//! Trees built without an index: a write's commit, and each commit a sync
//! replays.
//!
//! Every git command on an index reads all of it, and one that changes it
//! writes all of it: 100,000 entries for a register of that size. A commit
//! changes a few files, so its tree is its parent's with those files
//! replaced: only the folders on their way are read (one `cat-file
//! --batch`) and written anew (one `mktree --batch`); every other folder's
//! tree is taken as it is.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

use crate::store::error::{Error, Result};
use crate::store::git::Git;

/// A blob staged at a path with its mode, or the path taken out.
type Entry = Option<(String, String)>;

pub(crate) struct Staging<'g> {
    git: &'g Git,
    /// The tree the staged files go on: the remote's, then each tree made.
    base: RefCell<String>,
    /// What each path asked about or staged holds (its blob, `None` when
    /// absent), by path from the top of the repository.
    known: RefCell<HashMap<String, Option<String>>>,
    /// What is staged and not yet in a tree.
    pending: RefCell<BTreeMap<String, Entry>>,
    /// Folders of `base` already read (`read_ahead`), by path.
    read: RefCell<BTreeMap<String, Folder>>,
}

impl<'g> Staging<'g> {
    /// Files staged on the tree of commit `base`.
    pub(crate) fn on(git: &'g Git, base: &str) -> Result<Staging<'g>> {
        let tree = git.rev(&format!("{base}^{{tree}}"))?;
        Ok(Staging::on_tree(git, tree))
    }

    /// Files staged on `tree`.
    pub(crate) fn on_tree(git: &'g Git, tree: String) -> Staging<'g> {
        Staging {
            git,
            base: RefCell::new(tree),
            known: RefCell::new(HashMap::new()),
            pending: RefCell::new(BTreeMap::new()),
            read: RefCell::new(BTreeMap::new()),
        }
    }

    /// Reads now the folders of the base on the way of `paths`, which
    /// `tree` would read: while something else runs, such as hashing the
    /// files to be staged there.
    pub(crate) fn read_ahead<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Result<()> {
        let base = self.base.borrow();
        read_folders(self.git, &base, paths, &mut self.read.borrow_mut())
    }

    /// Learns, in one `ls-tree`, what the base holds at each of `paths`
    /// not known yet, so that `staged` asks git nothing for them.
    pub(crate) fn prefetch<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Result<()> {
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
    pub(crate) fn staged(&self, path: &str) -> Result<Option<String>> {
        self.prefetch([path])?;
        Ok(self.known.borrow().get(path).cloned().flatten())
    }

    pub(crate) fn stage(&self, path: &str, mode: &str, blob: &str) -> Result<()> {
        self.set(path, Some((mode.to_string(), blob.to_string())));
        Ok(())
    }

    pub(crate) fn unstage(&self, path: &str) -> Result<()> {
        self.set(path, None);
        Ok(())
    }

    fn set(&self, path: &str, entry: Entry) {
        let blob = entry.as_ref().map(|(_, blob)| blob.clone());
        self.known.borrow_mut().insert(path.to_string(), blob);
        self.pending.borrow_mut().insert(path.to_string(), entry);
    }

    /// The base tree with everything staged put in, which becomes the base.
    pub(crate) fn tree(&self) -> Result<String> {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        let folders = std::mem::take(&mut *self.read.borrow_mut());
        let base = self.base.borrow().clone();
        let tree = if pending.is_empty() {
            base
        } else {
            build(self.git, &base, folders, &pending)?
        };
        *self.base.borrow_mut() = tree.clone();
        Ok(tree)
    }
}

/// A folder's entries: name → (mode, object), as git holds them.
type Folder = BTreeMap<Vec<u8>, (String, String)>;

/// The tree `base` with `changes` put in. The folders on the way of the
/// changed paths are read top down (those not in `folders` already) and
/// written bottom up; a folder left empty leaves its parent, as git holds
/// no empty folder.
fn build(
    git: &Git,
    base: &str,
    mut folders: BTreeMap<String, Folder>,
    changes: &BTreeMap<String, Entry>,
) -> Result<String> {
    // Started first, so that its start costs nothing while the folders
    // are read.
    let mut writer = Batch::start(git, &["mktree", "-z", "--batch"])?;
    read_folders(git, base, changes.keys().map(String::as_str), &mut folders)?;
    for (path, entry) in changes {
        let (dir, name) = split(path);
        let folder = folders.entry(dir.to_string()).or_default();
        match entry {
            Some((mode, blob)) => {
                folder.insert(name.as_bytes().to_vec(), (mode.clone(), blob.clone()));
            }
            None => {
                folder.remove(name.as_bytes());
            }
        }
    }
    // Deepest first, so that each folder is written after those in it.
    let mut order: Vec<String> = folders.keys().cloned().collect();
    order.sort_by_key(|dir| std::cmp::Reverse(dir.matches('/').count()));
    let mut root = None;
    for dir in order {
        let entries = folders.remove(&dir).unwrap_or_default();
        if dir.is_empty() {
            root = Some(writer.write_tree(&entries)?);
            continue;
        }
        let (parent, name) = split(dir.trim_end_matches('/'));
        let written = if entries.is_empty() {
            None
        } else {
            Some(writer.write_tree(&entries)?)
        };
        let parent = folders.entry(parent.to_string()).or_default();
        match written {
            Some(tree) => parent.insert(name.as_bytes().to_vec(), (TREE_MODE.into(), tree)),
            None => parent.remove(name.as_bytes()),
        };
    }
    writer.finish()?;
    root.ok_or_else(|| Error::Git {
        message: "mktree wrote no tree".into(),
    })
}

/// The folder (`""` or ending in `/`) and the name of `path`.
fn split(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(at) => (&path[..=at], &path[at + 1..]),
        None => ("", path),
    }
}

/// How git's raw trees write a folder's mode.
const TREE_MODE: &str = "40000";

/// Adds to `folders` those of `base` on the way of `paths` (`""` and
/// every folder that holds one of them, its parents included) not there
/// yet, read in one `cat-file --batch`, asked folder by folder as each
/// parent names its child's tree. A folder `base` lacks, or holds as a
/// file, reads empty.
fn read_folders<'p>(
    git: &Git,
    base: &str,
    paths: impl IntoIterator<Item = &'p str>,
    folders: &mut BTreeMap<String, Folder>,
) -> Result<()> {
    let mut wanted: Vec<String> = vec![String::new()];
    for path in paths {
        let mut at = 0;
        while let Some(slash) = path[at..].find('/') {
            at += slash + 1;
            wanted.push(path[..at].to_string());
        }
    }
    // Parents before children: sorted by depth, each read once.
    wanted.sort_by_key(|dir| (dir.matches('/').count(), dir.clone()));
    wanted.dedup();
    wanted.retain(|dir| !folders.contains_key(dir));
    if wanted.is_empty() {
        return Ok(());
    }
    let hash_len = base.len() / 2;
    let mut reader = Batch::start(git, &["cat-file", "--batch"])?;
    for dir in wanted {
        let object = if dir.is_empty() {
            Some(base.to_string())
        } else {
            let (parent, name) = split(dir.trim_end_matches('/'));
            (folders.get(parent))
                .and_then(|parent| parent.get(name.as_bytes()))
                .filter(|(mode, _)| is_tree(mode))
                .map(|(_, object)| object.clone())
        };
        let folder = match object {
            Some(object) => parse_tree(&reader.read_object(&object)?, hash_len)?,
            None => Folder::new(),
        };
        folders.insert(dir, folder);
    }
    reader.finish()
}

fn is_tree(mode: &str) -> bool {
    mode.trim_start_matches('0') == TREE_MODE
}

/// The kind of object a tree entry of `mode` names, as `mktree` asks it.
fn kind_of(mode: &str) -> &'static str {
    match mode.trim_start_matches('0') {
        TREE_MODE => "tree",
        "160000" => "commit",
        _ => "blob",
    }
}

/// A raw tree's entries: `MODE NAME\0` and the object's `hash_len` bytes,
/// over and over.
fn parse_tree(bytes: &[u8], hash_len: usize) -> Result<Folder> {
    let broken = || Error::Git {
        message: "cat-file gave a tree that does not read as one".into(),
    };
    let mut folder = Folder::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let space = rest.iter().position(|b| *b == b' ').ok_or_else(broken)?;
        let nul = rest.iter().position(|b| *b == 0).ok_or_else(broken)?;
        let end = nul + 1 + hash_len;
        if space > nul || end > rest.len() {
            return Err(broken());
        }
        let mode = std::str::from_utf8(&rest[..space]).map_err(|_| broken())?;
        let object = hex(&rest[nul + 1..end]);
        folder.insert(rest[space + 1..nul].to_vec(), (mode.to_string(), object));
        rest = &rest[end..];
    }
    Ok(folder)
}

/// `bytes` in lowercase hexadecimal, as git names objects: a folder of
/// thousands of entries is read on every write, so no formatting machinery
/// per byte.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// A git command that answers request by request on its pipes
/// (`cat-file --batch`, `mktree --batch`): one process for many objects.
struct Batch {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    what: &'static str,
}

impl Batch {
    fn start(git: &Git, args: &[&'static str]) -> Result<Batch> {
        let mut cmd = git.command(args);
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(cannot_run)?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(cannot_run(std::io::ErrorKind::BrokenPipe.into()));
        };
        Ok(Batch {
            child,
            input,
            output: BufReader::new(output),
            what: args[0],
        })
    }

    /// The content of `object`, through `cat-file --batch`.
    fn read_object(&mut self, object: &str) -> Result<Vec<u8>> {
        writeln!(self.input, "{object}").map_err(|e| self.broke(e))?;
        self.input.flush().map_err(|e| self.broke(e))?;
        let header = self.line()?;
        let size = (header.rsplit(' ').next())
            .and_then(|size| size.parse::<usize>().ok())
            .filter(|_| header.split(' ').count() == 3)
            .ok_or_else(|| self.failed(&header))?;
        let mut content = vec![0; size + 1];
        self.output
            .read_exact(&mut content)
            .map_err(|e| self.broke(e))?;
        content.pop();
        Ok(content)
    }

    /// Writes a tree of `entries` through `mktree -z --batch`; its name.
    fn write_tree(&mut self, entries: &Folder) -> Result<String> {
        let mut input = Vec::new();
        for (name, (mode, object)) in entries {
            write!(input, "{mode} {} {object}\t", kind_of(mode)).map_err(|e| self.broke(e))?;
            input.extend_from_slice(name);
            input.push(0);
        }
        // An empty line ends the tree.
        input.push(0);
        self.input.write_all(&input).map_err(|e| self.broke(e))?;
        self.input.flush().map_err(|e| self.broke(e))?;
        let line = self.line()?;
        if line.is_empty() {
            return Err(self.failed(""));
        }
        Ok(line)
    }

    fn line(&mut self) -> Result<String> {
        let mut line = String::new();
        self.output
            .read_line(&mut line)
            .map_err(|e| self.broke(e))?;
        Ok(line.trim_end().to_string())
    }

    /// Ends the command, which must have succeeded.
    fn finish(self) -> Result<()> {
        let Batch {
            child, input, what, ..
        } = self;
        drop(input);
        let output = child.wait_with_output().map_err(cannot_run)?;
        if output.status.success() {
            return Ok(());
        }
        Err(Error::Git {
            message: format!(
                "git {what} failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        })
    }

    /// The command said something other than an answer (`OBJECT missing`),
    /// or stopped: its words, with what it printed on its error output.
    fn failed(&mut self, said: &str) -> Error {
        let _ = self.child.kill();
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            let _ = err.read_to_string(&mut stderr);
        }
        let _ = self.child.wait();
        let said = [said.trim(), stderr.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(": ");
        Error::Git {
            message: format!("git {} failed: {said}", self.what),
        }
    }

    fn broke(&mut self, error: std::io::Error) -> Error {
        self.failed(&error.to_string())
    }
}

fn cannot_run(error: std::io::Error) -> Error {
    Error::Git {
        message: format!("cannot run git: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn git(root: &Path, args: &[&str], input: Option<&str>) -> String {
        let git = Git::new(root);
        let mut cmd = git.command(args);
        cmd.env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com");
        let output = git.output(cmd, input.map(str::as_bytes)).unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    }

    fn blob(root: &Path, text: &str) -> String {
        git(root, &["hash-object", "-w", "--stdin"], Some(text))
    }

    /// The same changes made through an index of every entry, as
    /// `git write-tree` would commit them: the oracle.
    fn through_an_index(root: &Path, base: &str, changes: &[(&str, Option<&str>)]) -> String {
        let index = root.join(".git/oracle-index");
        let oracle = Git::new(root).with_index(index);
        let run = |args: &[&str], input: Option<&str>| {
            let output = oracle
                .output(oracle.command(args), input.map(str::as_bytes))
                .unwrap();
            assert!(output.status.success(), "{output:?}");
            String::from_utf8(output.stdout).unwrap().trim().to_string()
        };
        run(&["read-tree", base], None);
        let mut info = String::new();
        for (path, blob) in changes {
            match blob {
                Some(blob) => info.push_str(&format!("100644 {blob}\t{path}\n")),
                None => info.push_str(&format!("0 {}\t{path}\n", "0".repeat(40))),
            }
        }
        // A file where a folder is to be: `--replace` takes the folder's
        // entries out, as the staged tree does.
        run(&["update-index", "--replace", "--index-info"], Some(&info));
        run(&["write-tree"], None)
    }

    #[test]
    fn a_tree_built_from_its_folders_is_the_one_an_index_would_write() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"], None);
        for (path, text) in [
            ("taizhang.toml", "x"),
            ("documents/2026/IN-2026-0001.yaml", "a"),
            ("documents/2026/IN-2026-0002.yaml", "b"),
            ("documents/2026.notes", "c"),
            ("meetings/2026/MT-2026-0001.yaml", "d"),
            ("logbooks/访客 登记/2026-12.yaml", "e"),
            ("attachments/report", "f"),
        ] {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        git(root, &["add", "."], None);
        let base = git(root, &["write-tree"], None);
        let (new, changed) = (blob(root, "new"), blob(root, "changed"));
        let changes: Vec<(&str, Option<&str>)> = vec![
            ("documents/2026/IN-2026-0002.yaml", Some(&changed)),
            ("documents/2026/IN-2026-0003.yaml", Some(&new)),
            ("documents/2027/IN-2027-0001.yaml", Some(&new)),
            ("meetings/2026/MT-2026-0001.yaml", None),
            ("logbooks/访客 登记/2026-12.yaml", Some(&changed)),
            ("attachments/report/1.pdf", Some(&new)),
            ("followups/2026/parts/FU-2026-0001.yaml", Some(&new)),
        ];
        let git_of = Git::new(root);
        let staging = Staging::on_tree(&git_of, base.clone());
        // Some folders read ahead, the others when the tree is built.
        staging
            .read_ahead(["documents/2026/IN-2026-0002.yaml", "logbooks/访客 登记/x"])
            .unwrap();
        for (path, blob) in &changes {
            match blob {
                Some(blob) => staging.stage(path, "100644", blob).unwrap(),
                None => staging.unstage(path).unwrap(),
            }
        }
        let built = staging.tree().unwrap();
        assert_eq!(built, through_an_index(root, &base, &changes));
        // The folder left empty is gone, the rest is as it was.
        let listed = git(root, &["ls-tree", "--name-only", &built], None);
        assert!(!listed.contains("meetings"), "{listed}");
        // Built again from the result, with nothing staged: the same tree.
        assert_eq!(staging.tree().unwrap(), built);
    }
}
