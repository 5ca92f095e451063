//! A record kind lives in its rooms (docs/architecture.md, "Where a record
//! kind lives"): the rest of the code reaches it through `Kind::ALL`, its
//! spec, its rules and its words, not by naming it. This test counts the
//! files outside the rules register's (制度) rooms that still name the
//! kind, and fails when a change makes the count grow again.

use crate::layers::{read, rust_files, shown, workspace};
use std::path::Path;

/// The rule kind's rooms: its model, its commands, its words.
const ROOMS: &[&str] = &[
    "core/src/model/rule/",
    "src/commands/rule/",
    "src/i18n/rule.rs",
];

/// How many files outside the rooms may name the kind: the lists of
/// kinds themselves, each naming it once for all the rest. The module
/// line (`model/mod.rs`); `Kind` with its folder, aliases, `Kind::spec`
/// and its line in `kind_parts!` (its `Note`, `Step` and `Figures`:
/// `kind.rs`); the `Record` variant and `each!` (`record.rs`); the
/// `Command` variant (`commands/mod.rs`); its module and line in the
/// catalogue's `kind_words!` (`i18n/mod.rs`); and the end-to-end tests'
/// module (`tests/cli/main.rs`). Everything else (its ID prefix, sealed
/// fields, import table, withheld matter, export columns, reviews due,
/// summary figures) is asked of the kind: its `SPEC`, `KindRules`,
/// `Figures` or `KindWords`.
const MOST: usize = 6;

/// Whether a line of code (comments cut off) names the rule kind: the
/// identifier `Rule`, one starting with `Rule` and a capital
/// (`RuleStatus`, `RuleNote` …), the module `rule` (`rule::`, `mod
/// rule`), or its keyword, folder or ID prefix as a string (`"rule"`,
/// `"rules"`, `"ZD"`).
fn names_the_kind(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    let literal = ["\"rule\"", "\"rules\"", "\"ZD\"", "\"zd\""];
    if literal.iter().any(|word| code.contains(word)) {
        return true;
    }
    let mut rest = code;
    let mut previous = "";
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        let word_end = rest[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(rest.len(), |end| start + end);
        let word = &rest[start..word_end];
        let after = &rest[word_end..];
        let named = match word {
            "Rule" => true,
            "rule" => after.starts_with("::") || previous == "mod",
            _ => word
                .strip_prefix("Rule")
                .is_some_and(|tail| tail.starts_with(|c: char| c.is_ascii_uppercase())),
        };
        if named {
            return true;
        }
        previous = word;
        rest = after;
    }
    false
}

/// The source files outside the rooms that name the kind: the core, the
/// command line, and the end-to-end tests' module list. (The tests
/// themselves use the kind as a clerk would, and prose that lists every
/// kind, such as a `--help` naming `ZD-…`, is words, not code.)
fn naming_files() -> Vec<String> {
    let root = workspace();
    let mut files = rust_files(&root.join("core/src"));
    files.extend(rust_files(&root.join("src")));
    files.push(root.join("tests/cli/main.rs"));
    files
        .iter()
        .filter(|path| !in_rooms(root, path))
        .filter(|path| read(path).lines().any(names_the_kind))
        .map(|path| shown(path))
        .collect()
}

fn in_rooms(root: &Path, path: &Path) -> bool {
    let relative = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    ROOMS.iter().any(|room| relative.starts_with(room))
}

#[test]
fn the_rule_kind_is_named_in_few_files_outside_its_rooms() {
    let files = naming_files();
    assert!(
        files.len() <= MOST,
        "{} files outside the rule kind's rooms name it (at most {MOST}); reach it through \
         its spec, its rules or its words instead:\n{}",
        files.len(),
        files.join("\n")
    );
    eprintln!(
        "note: {} files outside the rule kind's rooms name it:\n{}",
        files.len(),
        files.join("\n")
    );
}

#[test]
fn what_names_the_kind() {
    for line in [
        "Kind::Rule => x,",
        "use taizhang_core::model::rule::RuleFigures;",
        "pub mod rule;",
        "Step::RuleReview",
        "rule: \"ZD\".into(),",
        "(\"rule\", \"reference\")",
    ] {
        assert!(names_the_kind(line), "{line}");
    }
    for line in [
        "SecrecyRule::new()",
        "// the Rule kind",
        "let rules = [1];",
        "Skip::NoRule(x)",
        "rules: &Rules,",
        "fn rule(&self)",
        "rule.secrecy",
    ] {
        assert!(!names_the_kind(line), "{line}");
    }
}
