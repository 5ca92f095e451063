//! `--help` and usage errors in the reader's language: every command and
//! flag has its Chinese help, the Chinese help and usage errors hold no
//! English beyond what must stay, and English is clap's own, unchanged.

use std::collections::BTreeSet;

use clap::CommandFactory;
use taizhang::commands::Cli;
use taizhang::i18n::{Lang, help};

use crate::env::Env;
use crate::lang::{is_id, without_code_marks};
use crate::snapshots::snap;

/// Every command of the tree built in `lang` with its path (`log in`;
/// the top level is ``), as clap derives it from the code (before it adds
/// `help`).
fn commands(lang: Lang) -> Vec<(String, clap::Command)> {
    fn walk(command: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, sub_path, out);
        }
    }
    let mut out = Vec::new();
    walk(&help::building(lang, Cli::command), String::new(), &mut out);
    out
}

/// The help texts of one command and its arguments in one language, each
/// named for the failure message.
fn texts(path: &str, command: &clap::Command) -> Vec<(String, Option<String>)> {
    let text = |s: Option<&clap::builder::StyledStr>| s.map(|s| s.to_string());
    let mut texts = vec![
        (
            format!("command `{path}`: about"),
            text(command.get_about()),
        ),
        (
            format!("command `{path}`: long about"),
            text(command.get_long_about()),
        ),
    ];
    for arg in command.get_arguments() {
        let id = arg.get_id();
        texts.push((
            format!("argument `{id}` of `{path}`: help"),
            text(arg.get_help()),
        ));
        texts.push((
            format!("argument `{id}` of `{path}`: long help"),
            text(arg.get_long_help()),
        ));
    }
    texts
}

/// A future command or flag cannot ship with English help only: each
/// gives its help as `tr("English", "中文")`, which does not compile
/// without both; this names one left to a bare doc comment (the same
/// English in both trees, no Chinese in the Chinese), to an empty text,
/// or with a long help in one language only.
#[test]
fn every_command_and_argument_has_its_chinese_help() {
    let mut missing = Vec::new();
    let han = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for ((path, en), (_, zh)) in commands(Lang::En).iter().zip(&commands(Lang::Zh)) {
        for ((what, en), (_, zh)) in texts(path, en).into_iter().zip(texts(path, zh)) {
            match (en, zh) {
                (None, None) if what.ends_with("long help") || what.ends_with("long about") => {}
                (Some(en), Some(zh)) if en.trim().is_empty() || zh.trim().is_empty() => {
                    missing.push(format!("{what} is empty"))
                }
                (Some(en), Some(zh)) if en == zh || !han(&zh) => {
                    missing.push(format!("{what} has no Chinese: {zh}"))
                }
                (Some(_), Some(_)) => {}
                (en, zh) => missing.push(format!(
                    "{what} in one language only (English {}, Chinese {})",
                    if en.is_some() { "given" } else { "none" },
                    if zh.is_some() { "given" } else { "none" },
                )),
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The command line, exit code, stdout and stderr of `taizhang ARGS`.
fn transcript(env: &Env, args: &[&str]) -> String {
    let out = env.output(args);
    format!(
        "$ taizhang {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    )
}

fn outside_any_register() -> Env {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    env
}

#[test]
fn help_in_chinese() {
    let env = outside_any_register();
    for (name, args) in [
        ("help__top@zh", &["--lang", "zh", "--help"][..]),
        ("help__log_in@zh", &["--lang", "zh", "log", "in", "--help"]),
        ("help__progress@zh", &["--lang", "zh", "progress", "-h"]),
        ("help__export@zh", &["--lang=zh", "export", "--help"]),
    ] {
        let text = transcript(&env, args);
        assert!(text.contains("exit: 0\n"), "{text}");
        snap(name, &text);
    }
}

#[test]
fn usage_errors_in_chinese() {
    let env = outside_any_register();
    for (name, args) in [
        ("usage__unknown_command@zh", &["--lang", "zh", "lis"][..]),
        ("usage__unknown_command@en", &["--lang", "en", "lis"]),
        ("usage__missing_argument@zh", &["--lang", "zh", "progress"]),
        ("usage__missing_argument@en", &["--lang", "en", "progress"]),
        (
            "usage__bad_value@zh",
            &["--lang", "zh", "list", "--format", "xml"],
        ),
        (
            "usage__bad_value@en",
            &["--lang", "en", "list", "--format", "xml"],
        ),
        (
            "usage__unknown_flag@zh",
            &["--lang", "zh", "list", "--colr"],
        ),
        ("usage__no_subcommand@zh", &["--lang", "zh", "doc"]),
        (
            "usage__not_a_number@zh",
            &[
                "--lang", "zh", "log", "in", "--title", "来文", "--from", "省厅", "--copies", "两",
            ],
        ),
    ] {
        let text = transcript(&env, args);
        assert!(text.contains("exit: 2\n"), "{text}");
        snap(name, &text);
    }
}

/// `language = "zh"` in taizhang.toml chooses Chinese help too, found
/// upward from the current folder or through -C; --lang still wins.
#[test]
fn the_registers_language_chooses_the_help_language() {
    let env = Env::new();
    let settings = env.root.join("taizhang.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("language = \"zh\"\n{text}")).unwrap();
    let inside = env.run(&["--help"]);
    assert!(inside.contains("用法：taizhang [选项] [命令]"), "{inside}");
    let elsewhere = env
        .cmd()
        .current_dir(env.tmp.path())
        .args(["-C", "reg", "log", "in", "--help"])
        .output()
        .unwrap();
    let elsewhere = String::from_utf8_lossy(&elsewhere.stdout);
    assert!(elsewhere.contains("收文登记"), "{elsewhere}");
    let by_env = env
        .cmd()
        .current_dir(env.tmp.path())
        .env("TAIZHANG_REGISTER", &env.root)
        .args(["progress"])
        .output()
        .unwrap();
    assert_eq!(by_env.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&by_env.stderr);
    assert!(stderr.contains("缺少以下必须给出的参数"), "{stderr}");
    let english = env.run(&["--lang", "en", "--help"]);
    assert!(english.contains("Usage: taizhang [OPTIONS] [COMMAND]"));
    let typo = env.output(&["lgo"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).starts_with("错误: 没有 'lgo' 这个命令"));
}

/// English help is clap's own: no Chinese beyond the Chinese terms the
/// English help explains (收文登记 …), and clap's words as ever.
#[test]
fn english_help_stays_clap_s() {
    let env = outside_any_register();
    let help = env.run(&["--help"]);
    assert!(help.contains("Usage: taizhang [OPTIONS] [COMMAND]\n\nCommands:\n"));
    assert!(help.contains("\nOptions:\n"));
    assert!(help.contains("[default: auto] [possible values: auto, always, never]"));
    assert!(!help.contains("用法") && !help.contains("选项"));
}

/// What may stay in Latin letters in Chinese help: beyond flags, command
/// names, value names, possible and default values and IDs (found from
/// the tree itself), the keywords a clerk types (stored values, date
/// words), paths and settings keys, environment variables, and the names
/// of formats and programs.
#[rustfmt::skip]
const MUST_STAY: &[&str] = &[
    // Stored keywords a clerk types, as the help lists them.
    "notice", "request", "letter", "reply", "normal", "urgent", "very-urgent", "none", "secret",
    "highly-secret", "top-secret", "paper", "electronic", "confidential-courier", "fax",
    "telegram", "action", "info", "upward", "parallel", "downward", "public", "on-request",
    "not-public", "instruction", "meeting", "superior", "document", "key-task", "proposal",
    "other", "once", "weekly", "monthly", "quarterly", "phone", "in-person", "permanent",
    "decision", "default", "off", "work", "all",
    // Kinds and logbooks.
    "in", "out", "fu", "mt", "seal", "visit", "reception", "duty", "vehicle", "items", "loan",
    // Field keys.
    "number", "shift", "legacy_id", "overdue", "days_left", "title",
    // Dates, periods and spans.
    "today", "fri", "this-week", "last-week", "this-month", "last-month", "this-quarter",
    "this-year", "30y", "10y", "6m", "3d", "1w", "2w", "1m", "5wd",
    // Formats, programs, standards, placeholders, environment variables.
    "YAML", "CSV", "JSON", "UTF-8", "ISO", "UID", "A4", "Excel", "WPS", "DA/T", "cron", "bash",
    "zsh", "fish", "powershell", "elvish", "FILE", "TEXT", "SPAN", "DIR", "FIELD", "VALUE",
    "COLUMN", "TITLE", "PRESENTER", "HH", "MM", "YYYY-MM-DD", "FONDS-WS", "LANG",
    "GIT_AUTHOR_NAME", "en", "zh", "IANA", "UTC",
    // Unit codes in examples.
    "BGS", "CWK",
];

/// The words of `text` in Latin letters that are none of what may stay.
fn latin_words(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let unmarked = without_code_marks(text);
    let keep = |c: char| c.is_ascii_alphanumeric() || "-_./#@<>[]$~:+=|".contains(c);
    unmarked
        .split(|c: char| !keep(c))
        .map(|token| token.trim_end_matches(|c| ":.=".contains(c)))
        .filter(|token| {
            token
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|run| run.len() >= 2)
        })
        .filter(|token| !token.starts_with('-'))
        .filter(|token| !token.contains('/') && !token.contains('.'))
        .filter(|token| !token.starts_with("TAIZHANG_") && !token.starts_with('$'))
        .filter(|token| !is_id(token))
        .filter(|token| {
            // FIELD=VALUE, TITLE@PRESENTER, <DIR>, [KIND]…, 2026-Q4
            !token
                .split(|c: char| "=@<>[]+|:".contains(c))
                .filter(|part| !part.is_empty())
                .all(|part| {
                    allowed.contains(part) || part.starts_with('-') || is_id(part) || is_date(part)
                })
        })
        .map(str::to_string)
        .collect()
}

/// `2026-Q4`, `2026-W47`.
fn is_date(token: &str) -> bool {
    token.starts_with("20") && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[test]
fn chinese_help_holds_no_english_words() {
    let mut allowed: BTreeSet<String> = MUST_STAY.iter().map(|s| s.to_string()).collect();
    allowed.extend(["taizhang", "git", "help"].map(String::from));
    let all = commands(Lang::En);
    for (_, command) in &all {
        allowed.insert(command.get_name().to_string());
        for arg in command.get_arguments() {
            allowed.extend(
                arg.get_value_names()
                    .into_iter()
                    .flatten()
                    .map(|v| v.to_string()),
            );
            allowed.extend(
                arg.get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_string()),
            );
            allowed.extend(
                arg.get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned()),
            );
            if let Some(id) = arg.get_value_names().is_none().then(|| arg.get_id()) {
                // A positional's value name defaults to its id, upper-cased.
                allowed.insert(id.to_string().to_uppercase());
            }
        }
    }
    let env = outside_any_register();
    let mut wrong = Vec::new();
    for (path, _) in &all {
        let words: Vec<&str> = path.split_whitespace().collect();
        for flag in ["-h", "--help"] {
            let args = [&["--lang", "zh"][..], &words, &[flag]].concat();
            let out = env.output(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            let found = latin_words(&text, &allowed);
            if !found.is_empty() {
                wrong.push(format!("taizhang {}: {found:?}", args.join(" ")));
            }
        }
    }
    for args in [
        &["lgo"][..],
        &["lis"],
        &["progress"],
        &["list", "--format", "xml"],
        &["list", "--colr"],
        &["list", "-x"],
        &["log", "in", "--title"],
        &[
            "log", "in", "--title", "标题", "--from", "省厅", "--copies", "x",
        ],
        &["-q", "-q", "list"],
        &["doc"],
        &["help", "lgo"],
    ] {
        let args = [&["--lang", "zh"][..], args].concat();
        let out = env.output(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        let typed: BTreeSet<String> = args.iter().map(|a| a.to_string()).collect();
        let allowed: BTreeSet<String> = allowed.union(&typed).cloned().collect();
        let found = latin_words(&text, &allowed);
        if !found.is_empty() {
            wrong.push(format!("taizhang {}: {found:?}\n{text}", args.join(" ")));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
