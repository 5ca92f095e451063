//! The README's samples are what taizhang prints: its "Try it" command is
//! run as written and its output must be the Markdown block the README
//! shows; every line of its desk and remind excerpts must be in the real
//! output. A change of wording then fails here until the README follows.

use std::path::Path;

use crate::env::Env;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The fenced blocks of `text`, each as (info string, body).
fn blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        match open.take() {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    open = Some((info.trim().to_string(), String::new()));
                }
            }
            Some((info, body)) if line == "```" => out.push((info, body)),
            Some((info, mut body)) => {
                body.push_str(line);
                body.push('\n');
                open = Some((info, body));
            }
        }
    }
    out
}

/// A copy of the example register at `examples/office` under a temporary
/// folder, so that the README's `-C examples/office` finds it there.
fn example() -> Env {
    let env = Env::bare();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/office");
    crate::snapshots::copy_dir(&example, &env.tmp.path().join("examples/office"));
    env
}

/// Runs the words after `cargo run --release --` in the folder holding
/// the copy; returns stdout with trailing blanks of each line dropped.
fn run(env: &Env, args: &[&str]) -> String {
    let output = env
        .cmd()
        .current_dir(env.tmp.path())
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "taizhang {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    text.lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

#[test]
fn the_try_it_command_prints_the_brief_the_readme_shows() {
    let text = readme();
    let blocks = blocks(&text);
    let command = blocks
        .iter()
        .flat_map(|(_, body)| body.lines())
        .find_map(|line| line.strip_prefix("cargo run --release -- "))
        .expect("README's Try it has a `cargo run --release -- …` line");
    let args: Vec<&str> = command.split_whitespace().collect();
    let shown = &blocks
        .iter()
        .find(|(info, _)| info == "markdown")
        .expect("README shows the brief in a ```markdown block")
        .1;
    let env = example();
    assert_eq!(
        &run(&env, &args),
        shown,
        "README's Try it: taizhang {command}"
    );
}

/// The desk and remind excerpts: each line but `…` is a line of the real
/// output (blanks at the ends of table lines aside).
#[test]
fn the_desk_and_remind_excerpts_are_real_lines() {
    let text = readme();
    let blocks = blocks(&text);
    let env = example();
    let base = ["-C", "examples/office", "--today", "2026-11-23"];
    let cases: [(&str, Vec<&str>); 2] = [
        ("值班：", [&base[..], &["--lang", "zh"]].concat()),
        ("督办提醒", [&base[..], &["remind"]].concat()),
    ];
    for (start, args) in cases {
        let excerpt = &blocks
            .iter()
            .find(|(info, body)| info.is_empty() && body.starts_with(start))
            .unwrap_or_else(|| panic!("README has an excerpt starting {start}"))
            .1;
        let real = run(&env, &args);
        let real: Vec<&str> = real.lines().collect();
        for line in excerpt.lines().filter(|l| *l != "…") {
            assert!(
                real.contains(&line.trim_end()),
                "README's excerpt line is not in `taizhang {}`:\n{line}",
                args.join(" ")
            );
        }
    }
}

/// The commands of the README's tour: the first `sh` block under "A short
/// tour", with continued lines joined and comments dropped.
fn tour_commands() -> Vec<String> {
    let text = readme();
    let start = text
        .find("## A short tour")
        .expect("README has a short tour");
    let (_, body) = blocks(&text[start..])
        .into_iter()
        .find(|(info, _)| info == "sh")
        .expect("the tour has a ```sh block");
    let mut commands = Vec::new();
    let mut line = String::new();
    for part in body.lines() {
        let part = without_comment(part);
        match part.trim_end().strip_suffix('\\') {
            Some(head) => line.push_str(head),
            None => {
                line.push_str(&part);
                if !line.trim().is_empty() {
                    commands.push(line.trim().to_string());
                }
                line.clear();
            }
        }
    }
    commands
}

/// `line` without a `#` comment (one outside double quotes, after a blank).
fn without_comment(line: &str) -> String {
    let mut quoted = false;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted && previous.is_whitespace() => return line[..i].to_string(),
            _ => {}
        }
        previous = c;
    }
    line.to_string()
}

/// A command line split as the shell would: at blanks, double quotes
/// keeping a word whole.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// The tour runs top to bottom in a fresh folder, every command exiting 0,
/// whatever the day: relative dates only, nothing assumed about today.
#[test]
fn the_tour_runs_top_to_bottom_on_any_day() {
    let commands = tour_commands();
    assert!(commands.len() > 10, "{commands:?}");
    for today in ["2026-11-23", "2026-12-31", "2027-02-06", "2028-02-29"] {
        let env = Env::bare();
        let mut dir = env.tmp.path().to_path_buf();
        for command in &commands {
            let words = words(command);
            if words[0] == "cd" {
                dir = dir.join(&words[1]);
                continue;
            }
            assert_eq!(
                words[0], "taizhang",
                "the tour runs taizhang only: {command}"
            );
            let output = env
                .cmd()
                .current_dir(&dir)
                .env("TAIZHANG_TODAY", today)
                .args(&words[1..])
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "on {today}: {command}\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let settings = std::fs::read_to_string(dir.join("taizhang.toml")).unwrap();
        assert!(settings.contains("verify = true"), "{settings}");
    }
}
