//! The layers of docs/architecture.md hold: the core (`core/src`) names
//! nothing of the command line above it, neither in its source nor among
//! its dependencies, and within each crate the top-level modules use each
//! other in one direction only. Cargo forbids a circle between crates but
//! not between the modules of one crate, so this test does.

use crate::outside::STRICT;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What belongs to the command line: its crate, the crates only it uses
/// (argument parsing, terminal tables, progress bars, spreadsheets) and
/// its catalogue of words. The core hands over typed values and must not
/// name any of these, or words and flags creep into the register's rules.
const COMMAND_LINE_NAMES: &[&str] = &[
    "taizhang::",
    "clap",
    "clap_complete",
    "clap_mangen",
    "comfy_table",
    "indicatif",
    "rust_xlsxwriter",
    "crate::i18n",
    "Lang",
    "say!",
];

/// The same crates as `cargo tree` spells them (`taizhang-core` itself is
/// allowed; `taizhang` is the command line).
const COMMAND_LINE_CRATES: &[&str] = &[
    "taizhang",
    "clap",
    "clap_complete",
    "clap_mangen",
    "comfy-table",
    "indicatif",
    "rust_xlsxwriter",
];

pub(crate) fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, in a stable order.
pub(crate) fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

pub(crate) fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `path` relative to the workspace, for messages.
pub(crate) fn shown(path: &Path) -> String {
    path.strip_prefix(workspace())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte offsets at which `name` occurs in `text` as a whole name: not
/// inside a longer identifier on either side (`Lang` is not found in
/// `Language`, nor `taizhang::` in `taizhang_core::`).
fn occurrences(text: &str, name: &str) -> Vec<usize> {
    let ends_in_ident = name.chars().last().is_some_and(is_ident);
    text.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            let glued_after = ends_in_ident && after.is_some_and(is_ident);
            !before.is_some_and(is_ident) && !glued_after
        })
        .collect()
}

/// 1-based line of the byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Each line of `text` that names one of `names`: (line, name). Comments
/// count too: a core whose prose talks of its callers' flags is already
/// leaning on them.
fn named(text: &str, names: &[&str]) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = names
        .iter()
        .flat_map(|name| {
            occurrences(text, name)
                .into_iter()
                .map(|at| (line_of(text, at), (*name).to_string()))
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn the_core_source_names_nothing_of_the_command_line() {
    let core = workspace().join("core/src");
    let files = rust_files(&core);
    assert!(!files.is_empty(), "no .rs files under {}", core.display());
    let mut offences = Vec::new();
    for file in &files {
        let text = read(file);
        for (line, name) in named(&text, COMMAND_LINE_NAMES) {
            let source = text.lines().nth(line - 1).unwrap_or("").trim();
            offences.push(format!("{}:{line}: `{name}`: {source}", shown(file)));
        }
    }
    assert!(
        offences.is_empty(),
        "the core names the command line (it must hand over typed values and \
         leave words, flags and output to the `taizhang` crate):\n{}",
        offences.join("\n")
    );
}

/// The crate names of `cargo tree --prefix none` output that belong to
/// the command line.
fn command_line_crates_in(tree: &str) -> BTreeSet<String> {
    tree.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let version = words.next()?;
            (version.starts_with('v') && COMMAND_LINE_CRATES.contains(&name))
                .then(|| format!("{name} {version}"))
        })
        .collect()
}

/// The core's normal dependencies, as `cargo tree` lists them, or why
/// they could not be listed.
fn core_dependency_tree() -> Result<String, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["tree", "-p", "taizhang-core", "-e", "normal"])
        .args(["--prefix", "none", "--offline"])
        .current_dir(workspace())
        .output()
        .map_err(|e| format!("{} could not be run: {e}", cargo.to_string_lossy()))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo tree` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_core_depends_on_no_crate_of_the_command_line() {
    let tree = match core_dependency_tree() {
        Ok(tree) => tree,
        Err(why) if std::env::var_os(STRICT).is_some() => {
            panic!("{why}\n({STRICT} is set: this check may not be skipped)")
        }
        Err(why) => {
            // A fresh machine without the crates downloaded still runs the
            // rest of the suite; CI sets TAIZHANG_CI_STRICT. Written past
            // the test harness's capture, so a passing run still shows it.
            let note = format!("note: skipped the check of the core's dependencies: {why}\n");
            let _ = std::io::stderr().write_all(note.as_bytes());
            return;
        }
    };
    assert!(
        tree.lines().any(|line| line.starts_with("taizhang-core v")),
        "`cargo tree` did not list taizhang-core:\n{tree}"
    );
    let found = command_line_crates_in(&tree);
    assert!(
        found.is_empty(),
        "taizhang-core depends on the command line's crates: {found:?}\n\
         (`cargo tree -p taizhang-core -e normal -i NAME` shows the way)"
    );
}

/// One crate's top-level modules and who uses whom: `uses[a][b]` is the
/// first place (file:line) where a file of module `a` names module `b`.
#[derive(Debug, Default)]
struct Graph {
    uses: BTreeMap<String, BTreeMap<String, String>>,
}

/// The crate's top-level modules: each `name.rs` or `name/` in `src`,
/// save `exempt` (the roots and test helpers, which may use every layer).
fn modules(src: &Path, exempt: &[&str]) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in rust_files(src) {
        let relative = file.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap();
        let name = Path::new(first.as_os_str())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if !exempt.contains(&name.as_str()) {
            modules.entry(name).or_default().push(file);
        }
    }
    modules
}

/// How deep in the crate the file's own module is: `report/mod.rs` and
/// `context.rs` are 1, `report/remind.rs` is 2.
fn depth(src: &Path, file: &Path) -> usize {
    let relative = file.strip_prefix(src).unwrap();
    let parts = relative.components().count();
    if relative.file_name().is_some_and(|f| f == "mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The top-level modules `text` names, each with the byte offset where:
/// `crate::name` (also `$crate::` in macros and each item of
/// `crate::{a::x, b}`), and `super::` chains that climb to the crate's
/// root from a file `depth` deep. A chain longer than the file's depth
/// (from an inline `mod tests`) is taken to reach the root too: it may
/// find a use that is not there, never miss one.
fn top_names(text: &str, depth: usize) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    for at in occurrences(text, "crate::") {
        let rest = &text[at + "crate::".len()..];
        let start = at + "crate::".len();
        if let Some(group) = rest.strip_prefix('{') {
            let mut level = 1;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => level += 1,
                    '}' if level == 1 => break,
                    '}' => level -= 1,
                    ',' if level == 1 => item_start = true,
                    c if item_start && level == 1 && is_ident(c) => {
                        let name: String =
                            group[i..].chars().take_while(|&c| is_ident(c)).collect();
                        names.push((start + 1 + i, name));
                        item_start = false;
                    }
                    c if c.is_whitespace() => {}
                    _ => item_start = false,
                }
            }
        } else {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            names.push((at, name));
        }
    }
    for at in occurrences(text, "super::") {
        // Only the start of a chain: `super::super::x` is one chain.
        if text[..at].ends_with("super::") {
            continue;
        }
        let mut rest = &text[at..];
        let mut climbs = 0;
        while let Some(next) = rest.strip_prefix("super::") {
            climbs += 1;
            rest = next;
        }
        if climbs >= depth {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            names.push((at, name));
        }
    }
    names
}

/// Items the crate's root re-exports from a module (`pub use
/// store::error::{Error, Result};` makes `crate::Error` a use of
/// `store`), so that a path through the root is still seen.
fn reexports(root: &str, modules: &BTreeMap<String, Vec<PathBuf>>) -> BTreeMap<String, String> {
    let mut items = BTreeMap::new();
    for line in root.lines() {
        let Some(path) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let path = path.trim_end_matches(';');
        let module = path.split("::").next().unwrap_or("");
        if !modules.contains_key(module) {
            continue;
        }
        let last = path.rsplit("::").next().unwrap_or("");
        for item in last.trim_matches(['{', '}']).split(',') {
            let name = item.rsplit(" as ").next().unwrap_or("").trim();
            if !name.is_empty() && name != "*" {
                items.insert(name.to_string(), module.to_string());
            }
        }
    }
    items
}

/// The graph of `src`, whose root is `root` (`lib.rs`).
fn graph(src: &Path, exempt: &[&str]) -> Graph {
    let modules = modules(src, exempt);
    let aliases = reexports(&read(&src.join("lib.rs")), &modules);
    let mut graph = Graph::default();
    for (module, files) in &modules {
        let uses = graph.uses.entry(module.clone()).or_default();
        for file in files {
            let text = read(file);
            for (at, name) in top_names(&text, depth(src, file)) {
                let used = if modules.contains_key(&name) {
                    name
                } else if let Some(module) = aliases.get(&name) {
                    module.clone()
                } else {
                    continue;
                };
                if &used != module {
                    uses.entry(used)
                        .or_insert_with(|| format!("{}:{}", shown(file), line_of(&text, at)));
                }
            }
        }
    }
    graph
}

/// A circle of modules in `graph`, as `a → b → … → a`, if there is one.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        module: &str,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(module) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = path.iter().position(|m| m == module).unwrap_or(0);
                let mut circle = path[from..].to_vec();
                circle.push(module.to_string());
                return Some(circle);
            }
            None => {}
        }
        marks.insert(module.to_string(), Mark::Open);
        path.push(module.to_string());
        for used in graph.uses.get(module).into_iter().flat_map(|u| u.keys()) {
            if let Some(circle) = visit(graph, used, marks, path) {
                return Some(circle);
            }
        }
        path.pop();
        marks.insert(module.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .uses
        .keys()
        .find_map(|module| visit(graph, module, &mut marks, &mut Vec::new()))
}

/// Fails with the circle, and where each of its steps is taken.
fn assert_no_circle(name: &str, graph: &Graph) {
    if let Some(circle) = circle(graph) {
        let steps: Vec<String> = circle
            .windows(2)
            .map(|pair| {
                let place = &graph.uses[&pair[0]][&pair[1]];
                format!("  {} uses {} ({place})", pair[0], pair[1])
            })
            .collect();
        panic!(
            "{name}: the top-level modules go round in a circle, {}:\n{}\n\
             (each layer may use only those below it; see docs/architecture.md)",
            circle.join(" → "),
            steps.join("\n")
        );
    }
}

#[test]
fn the_command_line_modules_use_each_other_one_way() {
    let graph = graph(&workspace().join("src"), &["lib", "main"]);
    for module in ["commands", "context", "error", "i18n", "report"] {
        assert!(
            graph.uses.contains_key(module),
            "no module {module}: {graph:?}"
        );
    }
    assert_no_circle("taizhang", &graph);
}

#[test]
fn the_core_modules_use_each_other_one_way() {
    // `testing` is compiled for tests only: helpers over the example
    // register that the tests of every layer use.
    let graph = graph(&workspace().join("core/src"), &["lib", "testing"]);
    for module in ["model", "store"] {
        assert!(
            graph.uses.contains_key(module),
            "no module {module}: {graph:?}"
        );
    }
    assert_no_circle("taizhang-core", &graph);
}

/// The checks above pass on this tree; these show each would fail.
mod the_checks_can_fail {
    use super::*;

    #[test]
    fn a_command_line_name_is_found_as_a_whole_name_only() {
        let text = "use taizhang_core::Error;\n/// Language and clapping.\nuse clap::Parser;\nfn f(l: Lang) { say!(l, \"a\", \"b\") }\nuse crate::i18n;\n";
        assert_eq!(
            named(text, COMMAND_LINE_NAMES),
            [
                (3, "clap".to_string()),
                (4, "Lang".to_string()),
                (4, "say!".to_string()),
                (5, "crate::i18n".to_string())
            ]
        );
        assert_eq!(named("x::taizhang::main()", COMMAND_LINE_NAMES).len(), 1);
    }

    #[test]
    fn command_line_crates_are_found_in_the_tree() {
        let tree = "taizhang-core v0.1.0 (/w/core)\nserde v1.0.229\nclap v4.6.9\ncomfy-table v8.0.1 (*)\ntaizhang v0.1.0 (/w)\n";
        assert_eq!(
            command_line_crates_in(tree),
            BTreeSet::from([
                "clap v4.6.9".to_string(),
                "comfy-table v8.0.1".to_string(),
                "taizhang v0.1.0".to_string()
            ])
        );
    }

    #[test]
    fn paths_to_other_modules_are_seen_in_every_form() {
        let text = "use crate::report::x;\nuse crate::{\n    i18n::Lang,\n    context::{Ctx, Other},\n};\n$crate::error::E\nuse super::super::commands::run;\nuse super::sibling;\n";
        let names: Vec<String> = top_names(text, 2).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["report", "i18n", "context", "error", "commands"]);
        assert!(top_names("use super::super::x;", 3).is_empty());
    }

    #[test]
    fn a_circle_is_found_and_a_line_is_not() {
        let mut graph = Graph::default();
        let mut add = |a: &str, b: &str| {
            graph
                .uses
                .entry(a.to_string())
                .or_default()
                .insert(b.to_string(), format!("{a}.rs:1"));
            graph.uses.entry(b.to_string()).or_default();
        };
        add("commands", "context");
        add("context", "report");
        add("report", "i18n");
        add("commands", "i18n");
        assert_eq!(circle(&graph), None);
        graph
            .uses
            .get_mut("i18n")
            .unwrap()
            .insert("context".to_string(), "i18n.rs:1".to_string());
        assert_eq!(
            circle(&graph).unwrap(),
            ["context", "report", "i18n", "context"]
        );
    }
}
