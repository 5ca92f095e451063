//! `sync` and `git.sync_on_write`: several clones of one bare remote,
//! real git (DESIGN §7).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::env::Env;

/// One office: a bare remote in the temporary folder and clones of it.
/// The first clone is the test register `env.root` itself.
struct Office {
    env: Env,
    clones: Vec<PathBuf>,
}

impl Office {
    fn new(clones: usize) -> Office {
        let env = Env::new();
        let remote = env.tmp.path().join("remote.git");
        env.git(&["clone", "-q", "--bare", ".", remote.to_str().unwrap()]);
        env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
        env.git(&["fetch", "-q", "origin"]);
        env.git(&["branch", "-q", "-u", "origin/main"]);
        let mut paths = vec![env.root.clone()];
        for n in 1..clones {
            let path = env.tmp.path().join(format!("clone{n}"));
            env.git(&["clone", "-q", remote.to_str().unwrap(), path.to_str().unwrap()]);
            paths.push(path);
        }
        Office { env, clones: paths }
    }

    fn output(&self, clone: usize, args: &[&str]) -> Output {
        self.env
            .cmd()
            .current_dir(&self.clones[clone])
            .args(args)
            .output()
            .unwrap()
    }

    fn run(&self, clone: usize, args: &[&str]) -> String {
        let output = self.output(clone, args);
        assert!(
            output.status.success(),
            "clone {clone}: taizhang {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn git(&self, clone: usize, args: &[&str]) -> String {
        git_in(&self.env, &self.clones[clone], args)
    }

    /// Sets `git.sync_on_write` in every clone (committed and shared).
    fn sync_on_write(&self) {
        let settings = self.clones[0].join("taizhang.toml");
        let text = std::fs::read_to_string(&settings).unwrap();
        let text = if text.contains("sync_on_write = false") {
            text.replace("sync_on_write = false", "sync_on_write = true")
        } else if text.contains("[git]") {
            text.replace("[git]", "[git]\nsync_on_write = true")
        } else {
            format!("{text}\n[git]\nsync_on_write = true\n")
        };
        std::fs::write(&settings, text).unwrap();
        self.git(0, &["commit", "-qam", "share on every write"]);
        self.git(0, &["push", "-q"]);
        for n in 1..self.clones.len() {
            self.git(n, &["pull", "-q"]);
        }
    }
}

fn git_in(env: &Env, dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", env.tmp.path().join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every record of a clone: ID → its YAML.
fn records(root: &Path) -> BTreeMap<String, serde_yaml::Value> {
    let mut out = BTreeMap::new();
    for top in ["documents", "followups", "meetings"] {
        let Ok(years) = std::fs::read_dir(root.join(top)) else {
            continue;
        };
        for year in years.flatten() {
            for file in std::fs::read_dir(year.path()).unwrap().flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                let Some(id) = name.strip_suffix(".yaml") else {
                    continue;
                };
                let text = std::fs::read_to_string(file.path()).unwrap();
                let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
                assert_eq!(value["id"].as_str(), Some(id), "{name}: id and file disagree");
                out.insert(id.to_string(), value);
            }
        }
    }
    out
}

fn text(value: &serde_yaml::Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_string()
}

/// Checks one clone: titles unique (each made once), IDs and 文号 unique,
/// and every reference points to the record the title says.
///
/// Titles are `IN:<tag>`, `FU:<tag>:<source title>`, `OUT:<tag>:<answered title>`.
fn check_clone(records: &BTreeMap<String, serde_yaml::Value>) -> HashMap<String, String> {
    let mut by_title: HashMap<String, String> = HashMap::new();
    let mut numbers: HashMap<String, String> = HashMap::new();
    for (id, record) in records {
        let title = text(record, "title");
        if let Some(other) = by_title.insert(title.clone(), id.clone()) {
            panic!("{title} is both {other} and {id}");
        }
        let number = text(record, "doc_number");
        if !number.is_empty()
            && let Some(other) = numbers.insert(number.clone(), id.clone())
        {
            panic!("{number} is both {other} and {id}");
        }
    }
    let title_of = |id: &str| {
        let id = id.split('#').next().unwrap();
        records
            .get(id)
            .map(|r| text(r, "title"))
            .unwrap_or_else(|| panic!("reference to missing {id}"))
    };
    for (id, record) in records {
        let title = text(record, "title");
        let parts: Vec<&str> = title.splitn(3, ':').collect();
        match parts[0] {
            "FU" if parts.len() == 3 && !parts[2].is_empty() => {
                let source = text(record, "source_ref");
                assert_eq!(title_of(&source), parts[2], "{id} source_ref {source}");
                let paper = &records[source.as_str()];
                let back: Vec<&str> = paper["followups"]
                    .as_sequence()
                    .map(|s| s.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                assert!(back.contains(&id.as_str()), "{source} does not list {id}");
            }
            "OUT" if parts.len() == 3 && !parts[2].is_empty() => {
                let answered = text(record, "in_reply_to");
                assert_eq!(title_of(&answered), parts[2], "{id} in_reply_to {answered}");
                let reply = text(&records[answered.as_str()]["reply"], "ref");
                assert_eq!(&reply, id, "{answered} reply.ref");
            }
            _ => {}
        }
    }
    by_title
}

#[test]
fn two_clones_logging_the_same_day_get_distinct_ids_and_numbers_after_sync() {
    let office = Office::new(2);
    for clone in 0..2 {
        let tag = format!("c{clone}");
        let title = format!("IN:{tag}");
        office.run(clone, &["log", "in", "--title", &title, "--from", "省交通运输厅"]);
        office.run(
            clone,
            &[
                "assign",
                &format!("FU:{tag}:{title}"),
                "--lead",
                "BGS",
                "--due",
                "+2w",
                "--from",
                "IN-1",
            ],
        );
        let out = office.run(
            clone,
            &[
                "log",
                "out",
                "--title",
                &format!("OUT:{tag}:{title}"),
                "--to",
                "省厅",
                "--signed",
                "today",
                "--reply-to",
                "IN-1",
            ],
        );
        assert_eq!(out, "OUT-2026-0001\n");
    }
    office.run(0, &["sync"]);
    let said = office.run(1, &["sync"]);
    assert!(said.contains("IN-2026-0001 → IN-2026-0002"), "{said}");
    assert!(said.contains("市交发〔2026〕1号 → 市交发〔2026〕2号"), "{said}");
    office.run(0, &["sync"]);
    let a = records(&office.clones[0]);
    let b = records(&office.clones[1]);
    assert_eq!(a, b);
    let titles = check_clone(&a);
    assert_eq!(titles.len(), 6);
    assert_eq!(titles["IN:c1"], "IN-2026-0002");
    let history = a["IN-2026-0002"]["history"].as_sequence().unwrap();
    assert!(
        history
            .iter()
            .any(|e| e["action"].as_str() == Some("renumber")),
        "{history:?}"
    );
    for clone in 0..2 {
        office.run(clone, &["check"]);
    }
    assert_eq!(
        office.git(0, &["rev-parse", "HEAD^{tree}"]),
        office.git(1, &["rev-parse", "HEAD^{tree}"])
    );
}
