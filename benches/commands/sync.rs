//! The `sync` bench: each round, the remote (a bare repository on this
//! machine) gets a commit of another clerk that took the same ID as this
//! clone's newest paper, so that the timed `sync` fetches it, renumbers the
//! paper, replays this clone's commit on top and pushes.

use std::path::{Path, PathBuf};

use super::{git, git_ok};

/// The remote's name in the register while the bench runs.
const REMOTE: &str = "bench";

/// A bare clone of the register, set as its branch's upstream.
pub struct Remote {
    bare: PathBuf,
    branch: String,
}

impl Remote {
    /// Clones `root` bare into `dir` (objects hard-linked: seconds, not
    /// minutes) and makes it the upstream of the register's branch.
    pub fn set_up(root: &Path, dir: &Path) -> Remote {
        let bare = dir.join(format!(
            "{}-remote.git",
            root.file_name().and_then(|n| n.to_str()).unwrap_or("r")
        ));
        let _ = std::fs::remove_dir_all(&bare);
        let branch = git(root, &["symbolic-ref", "--short", "HEAD"]);
        git_ok(dir, &["clone", "-q", "--bare", path(root), path(&bare)]);
        let _ = git(root, &["remote", "remove", REMOTE]);
        git_ok(root, &["remote", "add", REMOTE, path(&bare)]);
        git_ok(root, &["fetch", "-q", REMOTE]);
        git_ok(
            root,
            &[
                "branch",
                "-q",
                &format!("--set-upstream-to={REMOTE}/{branch}"),
            ],
        );
        Remote { bare, branch }
    }

    /// Before a timed `sync`: this clone's last commit (a paper just
    /// logged) made again on the remote as another clerk's, with the same
    /// file, hence the same ID: the sync must renumber this clone's.
    pub fn race_last_commit(&self, root: &Path) {
        let tree = git(root, &["rev-parse", "HEAD^{tree}"]);
        let parent = git(root, &["rev-parse", "HEAD^"]);
        let theirs = git(
            root,
            &[
                "commit-tree",
                &tree,
                "-p",
                &parent,
                "-m",
                "taizhang: log (another clerk)",
            ],
        );
        let refspec = format!("{theirs}:refs/heads/{}", self.branch);
        git_ok(root, &["push", "-q", REMOTE, &refspec]);
    }

    /// `git fetch` and `git push` with nothing to carry: what the git
    /// transport costs a sync before it does anything of its own.
    pub fn transport(&self) -> [Vec<&'static str>; 2] {
        [
            vec!["fetch", "-q", REMOTE],
            vec!["push", "-q", REMOTE, "HEAD"],
        ]
    }

    /// Removes the remote from the register and the bare repository.
    pub fn tear_down(self, root: &Path) {
        let _ = git(root, &["remote", "remove", REMOTE]);
        let _ = std::fs::remove_dir_all(&self.bare);
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 bench path")
}
