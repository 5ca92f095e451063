//! What `git status` last said of the register's committed folders, kept
//! with what it was said of, so that `check` asks git again only about
//! what changed since (docs/exit-codes-and-performance.md).
//!
//! Why: at 100,000 files, `git status` stats every file of the register
//! once more right after `check` has listed and stat-ed them all itself,
//! and the two passes share the machine's cores. What git says of a file
//! follows from its content, the commit HEAD names, the index and the
//! settings git reads the work tree by; while none of these changed, git
//! would say the same again.
//!
//! How: beside the cache (`.taizhang/git-status.json`), the answer is kept
//! with the HEAD commit and index it was given for, a digest of git's
//! settings (its configuration, ignore and attribute files, `GIT_*`
//! variables) and, for each folder `check` listed, a digest of its files'
//! names and fingerprints. The next `check` asks git only about: every
//! folder whose digest differs (a file added, removed or changed), the
//! paths git named last time, the paths a commit or the index changed
//! since (`git diff-tree`, `git diff-index`, both cheap), and whatever the
//! listing did not cover (attachments, folders below the records' level).
//! Every other path is known committed. Settings changed, a HEAD that
//! cannot be compared, too many paths to name, or no kept answer: git is
//! asked about the whole register, as without this.
//!
//! What it must never do: call a file committed that is not. A folder's
//! digest is kept only when none of its files changed within the cache's
//! racy window (`Fingerprint::is_racy`): an edit within the same tick of a
//! coarse clock could otherwise leave a fingerprint unchanged. The
//! standing is read before git is asked, so a commit made meanwhile shows
//! as a change next time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{git, run, status};
use crate::store::cache::{Fingerprint, checksum};
use crate::store::load::Walked;
use crate::store::register::{Register, STATE_DIR};
#[cfg(test)]
use crate::store::walk::FileInfo;

/// The kept answer, in the register's state folder (ignored by git).
const ANSWER_FILE: &str = "git-status.json";
/// Bump when what the kept answer holds, or means, changes.
const LAYOUT: u32 = 1;
/// Beyond this many paths to ask about, git is asked about the whole
/// register: one `git status` of everything costs less than a command
/// line that long.
const MOST_ASKED: usize = 2000;

/// The repository as `check` began: the commit HEAD names, the index file
/// and what decides how git reads the work tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    head: String,
    /// A digest of the index file's fingerprint.
    index: u64,
    /// A digest of git's settings: configuration, ignore and attribute
    /// files, `GIT_*` variables.
    setup: u64,
}

/// The standing of the repository the register is in; `None` when it
/// cannot be told (no commit yet, git failing), and then git is asked
/// about everything.
fn standing(register: &Register) -> Option<Standing> {
    let root = &register.root;
    let mut cmd = git(root);
    cmd.args([
        "rev-parse",
        "--git-path",
        "index",
        "--git-path",
        "info/exclude",
        "--git-path",
        "info/attributes",
        "--verify",
        "HEAD",
    ]);
    let output = run(cmd).ok().filter(|o| o.status.success())?;
    let text = String::from_utf8(output.stdout).ok()?;
    let [index, exclude, attributes, head] =
        <[&str; 4]>::try_from(text.lines().collect::<Vec<_>>()).ok()?;
    let mut cmd = git(root);
    cmd.args(["config", "--list", "-z", "--show-origin"]);
    let config = run(cmd).ok()?.stdout;
    let mut setup = config.clone();
    let mut each = |path: &Path| {
        setup.extend_from_slice(path.as_os_str().as_encoded_bytes());
        setup.extend_from_slice(&print_of(path).to_le_bytes());
    };
    for file in [exclude, attributes] {
        each(&root.join(file));
    }
    for file in settings_files(root, &config) {
        each(&file);
    }
    for dir in rule_folders(register) {
        each(&dir.join(".gitignore"));
        each(&dir.join(".gitattributes"));
    }
    // Who commits and what git traces do not change what it says of
    // the work tree.
    let harmless = |name: &str| {
        ["GIT_TRACE", "GIT_AUTHOR_", "GIT_COMMITTER_"]
            .iter()
            .any(|p| name.starts_with(p))
    };
    let mut variables: Vec<(String, String)> = (std::env::vars())
        .filter(|(name, _)| name.starts_with("GIT_") && !harmless(name))
        .collect();
    variables.sort();
    for (name, value) in variables {
        setup.extend_from_slice(format!("{name}={value}\0").as_bytes());
    }
    Some(Standing {
        head: head.to_string(),
        index: print_of(&root.join(index)),
        setup: checksum(&setup),
    })
}

/// A digest of a file's fingerprint; one of its own for a file missing.
fn print_of(path: &Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(meta) => {
            let print = Fingerprint::of(&meta);
            let mut bytes = Vec::with_capacity(48);
            print.write(&mut bytes);
            checksum(&bytes)
        }
        Err(_) => 0,
    }
}

/// The ignore and attribute files git's configuration names (a relative
/// path is git's, run in `root`), or the ones it reads when it names
/// none.
fn settings_files(root: &Path, config: &[u8]) -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let xdg = (std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from))
        .or_else(|| home.as_ref().map(|home| home.join(".config")));
    // `--list -z --show-origin` gives each setting as its origin, then
    // its name and value on two lines, each item ended by a NUL.
    let named = |key: &str| -> Option<PathBuf> {
        let text = (config.split(|b| *b == 0))
            .filter_map(|entry| std::str::from_utf8(entry).ok())
            .filter_map(|entry| entry.split_once('\n'))
            .filter(|(name, _)| name.eq_ignore_ascii_case(key))
            .map(|(_, value)| value)
            .next_back()?;
        Some(match (text.strip_prefix("~/"), &home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => root.join(text),
        })
    };
    let default = |name: &str| xdg.as_ref().map(|xdg| xdg.join("git").join(name));
    [
        named("core.excludesfile").or_else(|| default("ignore")),
        named("core.attributesfile").or_else(|| default("attributes")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The folders whose ignore and attribute files may apply to the record
/// folders without lying in them: each one's ancestors (those above the
/// work tree's top only cost a `stat` that finds nothing).
fn rule_folders(register: &Register) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for root in register.record_roots() {
        for dir in root.ancestors().skip(1) {
            if !folders.iter().any(|f| f == dir) {
                folders.push(dir.to_path_buf());
            }
        }
    }
    folders
}

/// What is kept between two `check`s.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Answer {
    layout: u32,
    standing: Standing,
    /// Each folder listed, by its path relative to the register's root,
    /// with the digest of its files; only folders settled long enough to
    /// trust (`Digest::settled`).
    folders: BTreeMap<String, u64>,
    /// What git named: the files not committed.
    found: Vec<String>,
}

/// What `check` learns of git while it lists the register: the
/// repository's standing, the answer kept from the last time, and the
/// paths a commit or the index changed since.
#[derive(Debug, Default)]
pub struct Since {
    /// `None` when the standing cannot be told: git is then asked about
    /// everything, and no answer is kept.
    standing: Option<Standing>,
    /// The answer kept, if it can be built on: same layout, same settings.
    kept: Option<Answer>,
    /// The paths changed in git since `kept` (HEAD moved, index written);
    /// `None` when they cannot be told.
    changed: Option<Vec<String>>,
}

/// Reads what `check` learns of git before its listing ends (`Since`):
/// a few quick git commands, to run while the register is listed.
pub fn since(register: &Register) -> Since {
    let root = &register.root;
    let standing = standing(register);
    let kept = (read(root))
        .filter(|kept| kept.layout == LAYOUT)
        .filter(|kept| {
            standing
                .as_ref()
                .is_some_and(|s| s.setup == kept.standing.setup)
        });
    let changed = (standing.as_ref().zip(kept.as_ref()))
        .and_then(|(standing, kept)| changed_since(root, &kept.standing, standing));
    Since {
        standing,
        kept,
        changed,
    }
}

/// The paths whose commit or index entry may differ from when `old` was
/// read: those a commit changed between the two HEADs, and those the
/// index holds otherwise than HEAD (`git diff-tree`, `git diff-index`,
/// both without a look at the work tree).
fn changed_since(root: &Path, old: &Standing, new: &Standing) -> Option<Vec<String>> {
    let mut paths = Vec::new();
    if old.head != new.head {
        paths.extend(changed(
            root,
            &["diff-tree", "-r"],
            &[&old.head, &new.head],
        )?);
    }
    if old.index != new.index || old.head != new.head {
        paths.extend(changed(root, &["diff-index", "--cached"], &[&new.head])?);
    }
    Some(paths)
}

/// What `check` listed, as the kept answer is compared with it: the
/// digest of each folder listed, and the paths the listing did not cover
/// (`unwalked`; `None` when they cannot be told).
pub struct Listed {
    /// `None` when a folder cannot be named (`digests`).
    digests: Option<BTreeMap<String, Digest>>,
    unwalked: Option<Vec<String>>,
}

impl Listed {
    /// Nothing known of the listing: git is asked about everything.
    pub fn unknown() -> Listed {
        Listed {
            digests: None,
            unwalked: None,
        }
    }
}

/// What `check` listed under `folders` (relative to the register's
/// root), taken as soon as the listing is done: its folders' digests.
pub fn listed(register: &Register, walked: Walked, folders: &[&str]) -> Listed {
    Listed {
        digests: digests(walked, register.runtime.now),
        unwalked: unwalked(register, walked, folders),
    }
}

/// The files under `folders` (relative to the register's root) that are
/// not committed, as `git status` names them: asking git only about what
/// changed since the answer kept from the last time (`since`, read while
/// the register was listed) in what `check` listed (`listed`), and keeping
/// this one.
pub fn uncommitted_since(
    register: &Register,
    since: Since,
    listed: Listed,
    folders: &[&str],
) -> Vec<PathBuf> {
    let root = &register.root;
    let Listed { digests, unwalked } = listed;
    let digests = digests.zip(unwalked).map(|(mut digests, unwalked)| {
        for path in unwalked {
            let digest = digest_of(&root.join(&path), register.runtime.now);
            digests.insert(path, digest);
        }
        digests
    });
    let asked = match (&since.kept, since.changed, &digests) {
        (Some(kept), Some(changed), Some(digests)) => Some(to_ask(kept, digests, changed)),
        _ => None,
    };
    let mut found = match asked {
        Some(paths) if paths.is_empty() => Vec::new(),
        Some(paths) if paths.len() <= MOST_ASKED => {
            let literal: Vec<String> = paths.iter().map(|p| format!(":(literal){p}")).collect();
            status(
                root,
                &literal.iter().map(String::as_str).collect::<Vec<_>>(),
            )
        }
        _ => super::uncommitted_in(root, folders),
    };
    found.retain(|path| within(path, folders));
    found.sort();
    found.dedup();
    if let Some(standing) = since.standing {
        let answer = Answer {
            layout: LAYOUT,
            standing,
            folders: (digests.into_iter().flatten())
                .filter(|(_, digest)| digest.settled)
                .map(|(folder, digest)| (folder, digest.sum))
                .collect(),
            found: (found.iter())
                .filter_map(|path| path.to_str().map(str::to_string))
                .collect(),
        };
        if since.kept.as_ref() != Some(&answer) && answer.found.len() == found.len() {
            keep(root, &answer);
        }
    }
    found
}

/// Whether `path` lies in one of `folders`.
fn within(path: &Path, folders: &[&str]) -> bool {
    folders.iter().any(|folder| path.starts_with(folder))
}

/// What to ask git about since `kept`: the paths whose digest changed,
/// those git named last time, and those `changed` in git since.
fn to_ask(kept: &Answer, digests: &BTreeMap<String, Digest>, changed: Vec<String>) -> Vec<String> {
    let mut asked: Vec<String> = changed;
    for (folder, digest) in digests {
        if kept.folders.get(folder) != Some(&digest.sum) {
            asked.push(folder.clone());
        }
    }
    let gone = (kept.folders.keys()).filter(|folder| !digests.contains_key(*folder));
    asked.extend(gone.cloned());
    asked.extend(kept.found.iter().cloned());
    asked.sort();
    asked.dedup();
    asked
}

/// The paths a `git diff-*` command names between `commits`, relative to
/// the register's root; `None` when it fails (a commit no longer there).
fn changed(root: &Path, command: &[&str], commits: &[&str]) -> Option<Vec<String>> {
    let mut cmd = git(root);
    cmd.args(command)
        .args(["--name-only", "-z", "--no-renames", "--relative"])
        .args(commits)
        .arg("--");
    let output = run(cmd).ok().filter(|o| o.status.success())?;
    (output.stdout.split(|b| *b == 0))
        .filter(|path| !path.is_empty())
        .map(|path| std::str::from_utf8(path).ok().map(str::to_string))
        .collect()
}

/// What the listing of the record folders did not cover, among
/// `folders`: what it saw without listing (`Walked::unlisted`), a
/// committed folder that holds no record folder (the attachments) as a
/// whole, and in one that holds some (`logbooks`), whatever is not one
/// of them. `None` when a folder cannot be read or a path is not UTF-8.
fn unwalked(register: &Register, walked: Walked, folders: &[&str]) -> Option<Vec<String>> {
    let roots: Vec<PathBuf> = (register.record_roots().into_iter())
        .filter_map(|root| Some(root.strip_prefix(&register.root).ok()?.to_path_buf()))
        .collect();
    let mut out: Vec<String> = (walked.unlisted.iter())
        .map(|path| path.to_str().map(str::to_string))
        .collect::<Option<_>>()?;
    let mut pending: Vec<PathBuf> = folders.iter().map(PathBuf::from).collect();
    while let Some(folder) = pending.pop() {
        if roots.contains(&folder) {
            continue;
        }
        if !roots.iter().any(|root| root.starts_with(&folder)) {
            out.push(folder.to_str()?.to_string());
            continue;
        }
        let entries = match std::fs::read_dir(register.root.join(&folder)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(folder.to_str()?.to_string());
                continue;
            }
            Err(_) => return None,
        };
        for entry in entries {
            pending.push(folder.join(entry.ok()?.file_name()));
        }
    }
    Some(out)
}

/// A folder's files, as one number.
struct Digest {
    sum: u64,
    /// None of its files changed within the racy window: the digest can
    /// be trusted next time.
    settled: bool,
}

/// The digest of what lies at `path`, a file or a folder, found by
/// walking it (links are not followed); one of its own when nothing does.
fn digest_of(path: &Path, now: i64) -> Digest {
    let mut digest = Digest {
        sum: 0x5EED,
        settled: true,
    };
    let mut pending = vec![path.to_path_buf()];
    let mut bytes = Vec::with_capacity(128);
    while let Some(next) = pending.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&next) else {
            continue;
        };
        bytes.clear();
        bytes.extend_from_slice(next.as_os_str().as_encoded_bytes());
        if meta.is_dir() {
            let Ok(entries) = std::fs::read_dir(&next) else {
                digest.settled = false;
                continue;
            };
            let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            names.sort();
            pending.extend(names.into_iter().rev());
        } else {
            let print = Fingerprint::of(&meta);
            print.write(&mut bytes);
            digest.settled &= !print.is_racy(now);
        }
        digest.add(&bytes);
    }
    digest
}

impl Digest {
    fn new() -> Digest {
        Digest {
            sum: 0,
            settled: true,
        }
    }

    /// Folds one entry into the digest, in order.
    fn add(&mut self, entry: &[u8]) {
        self.sum = (self.sum.rotate_left(17) ^ checksum(entry)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The digest of each folder `walked` lists files in, by its path
/// relative to the register's root; `None` if a folder's path is not
/// UTF-8 (the kept answer could not name it).
fn digests(walked: Walked, now: i64) -> Option<BTreeMap<String, Digest>> {
    let mut out: BTreeMap<String, Digest> = BTreeMap::new();
    let mut bytes = Vec::with_capacity(128);
    // Files come sorted by path, so a folder's files mostly come
    // together: it is looked up once per run of them.
    let mut run: Option<(&Path, Digest)> = None;
    for (path, print) in walked.files() {
        let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
            continue;
        };
        if run.as_ref().is_none_or(|(current, _)| *current != folder) {
            if let Some((done, digest)) = run.take() {
                merge(&mut out, done, digest)?;
            }
            run = Some((folder, Digest::new()));
        }
        let Some((_, digest)) = run.as_mut() else {
            continue;
        };
        bytes.clear();
        bytes.extend_from_slice(name.as_encoded_bytes());
        print.write(&mut bytes);
        digest.add(&bytes);
        digest.settled &= !print.is_racy(now) && name.to_str().is_some();
    }
    if let Some((done, digest)) = run {
        merge(&mut out, done, digest)?;
    }
    Some(out)
}

/// Adds one run of a folder's files to its digest.
fn merge(out: &mut BTreeMap<String, Digest>, folder: &Path, run: Digest) -> Option<()> {
    let entry = out
        .entry(folder.to_str()?.to_string())
        .or_insert(Digest::new());
    entry.add(&run.sum.to_le_bytes());
    entry.settled &= run.settled;
    Some(())
}

fn path(root: &Path) -> PathBuf {
    root.join(STATE_DIR).join(ANSWER_FILE)
}

fn read(root: &Path) -> Option<Answer> {
    serde_json::from_slice(&std::fs::read(path(root)).ok()?).ok()
}

/// Keeps `answer` for the next `check`. A failure only costs the next
/// `check` a whole `git status`.
fn keep(root: &Path, answer: &Answer) {
    if let Ok(bytes) = serde_json::to_vec(answer) {
        crate::store::save::keep_state(root, ANSWER_FILE, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(mtime: i64, size: u64) -> Fingerprint {
        Fingerprint {
            size,
            mtime,
            mtime_ns: 0,
            ctime: mtime,
            ctime_ns: 0,
            ino: 7,
        }
    }

    fn listing(files: &[(&str, Fingerprint)]) -> Vec<FileInfo> {
        (files.iter())
            .map(|(path, print)| FileInfo {
                relative: PathBuf::from(path),
                id: None,
                is_link: false,
                fingerprint: *print,
            })
            .collect()
    }

    fn walked(files: &[FileInfo]) -> Walked<'_> {
        Walked {
            files,
            unlisted: &[],
        }
    }

    /// A folder with a file changed within the racy window of now is not
    /// trusted next time (a second edit in the same tick of a coarse
    /// clock could leave the fingerprint as it is); one older is.
    #[test]
    fn a_folder_changed_just_now_is_not_kept() {
        let files = listing(&[
            ("documents/2026/IN-2026-0001.yaml", print(1_000, 10)),
            ("documents/2026/IN-2026-0002.yaml", print(1_000, 10)),
            ("followups/2026/FU-2026-0001.yaml", print(500, 10)),
        ]);
        let now = digests(walked(&files), 1_001).unwrap();
        assert!(!now["documents/2026"].settled);
        assert!(now["followups/2026"].settled);
        assert!(digests(walked(&files), 2_000).unwrap()["documents/2026"].settled);
    }

    /// The ignore file git's configuration names is the one watched; the
    /// last setting of it counts, as in git.
    #[test]
    fn the_ignore_file_is_the_one_configured() {
        let config = b"file:/etc/gitconfig\0core.excludesfile\n/srv/old-ignore\0\
            file:.git/config\0core.excludesFile\n/srv/ignore\0file:.git/config\0index.version\n4\0";
        let files = settings_files(Path::new("/reg"), config);
        assert_eq!(files[0], Path::new("/srv/ignore"));
        let files = settings_files(Path::new("/reg"), b"file:x\0core.excludesfile\nmine\0");
        assert_eq!(files[0], Path::new("/reg/mine"));
    }

    /// Any file's name or fingerprint changes its folder's digest, and
    /// no other folder's, the folder's files coming together or not (a
    /// sub-folder's sort between them).
    #[test]
    fn a_folder_digest_follows_each_file() {
        let base = [
            ("documents/2026/IN-2026-0001.yaml", print(1_000, 10)),
            ("documents/2026/J/x.yaml", print(1_000, 10)),
            ("documents/2026/K.yaml", print(1_000, 10)),
            ("followups/2026/FU-2026-0001.yaml", print(500, 10)),
        ];
        let sums = |files: &[(&str, Fingerprint)]| -> Vec<u64> {
            (digests(walked(&listing(files)), 9_999)
                .unwrap()
                .into_values())
            .map(|d| d.sum)
            .collect()
        };
        let before = sums(&base);
        assert_eq!(before.len(), 3, "documents/2026, its J, followups/2026");
        for change in 0..4 {
            let mut files = base;
            match change {
                0 => files[0].1 = print(1_000, 11),
                1 => files[0].1.ctime_ns = 1,
                2 => files[0].0 = "documents/2026/IN-2026-0003.yaml",
                _ => files[2].1 = print(1_000, 12),
            }
            let after = sums(&files);
            assert_ne!(after[0], before[0], "change {change}");
            assert_eq!(after[1..], before[1..], "change {change}");
        }
    }
}
