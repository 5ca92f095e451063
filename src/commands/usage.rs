//! The command line in the reader's language. The language is settled
//! before clap parses (`--lang`, `TAIZHANG_LANG`, the register's
//! `language`, the locale); in English clap parses and reports as it
//! always did, in Chinese the command tree is built with the Chinese of
//! each command's `tr` texts (`i18n::help`), clap's own words are put in
//! Chinese, and usage errors are worded from clap's error context.

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches, Parser};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Cli;
use crate::i18n::help::{self, ClapWord, UsageProblem, UsageTip};
use crate::i18n::{Lang, Message};

/// Parses `argv` (with the program's name first), or prints the help, the
/// version or the usage error in the reader's language and gives the exit
/// code: 0 after help and version, 2 after a usage error.
pub fn parse(argv: Vec<OsString>) -> Result<Cli, ExitCode> {
    // A command line that parses needs no help, so its language is not
    // settled here: `Ctx::new` settles it, in one read of the settings.
    let mut cli = Cli::command();
    let parsed = cli.try_get_matches_from_mut(&argv).map(|mut matches| {
        let text = crate::context::values::refuse_broken_text(&cli, &matches);
        Cli::from_arg_matches_mut(&mut matches).map(|parsed| text.map(|()| parsed))
    });
    let first = match parsed.and_then(|parsed| parsed) {
        Ok(Ok(cli)) => return Ok(cli),
        Ok(Err(refused)) => {
            let lang = crate::context::usage_lang(&argv);
            return Err(crate::exit::report(&refused, lang));
        }
        Err(first) => first,
    };
    if let Some(error) = bad_value(&first) {
        let lang = crate::context::usage_lang(&argv);
        return Err(crate::exit::report(&error, lang));
    }
    match crate::context::usage_lang(&argv) {
        // clap's own report, as it always gave it (the same argv stops it
        // the same way).
        Lang::En => Ok(Cli::parse_from(argv)),
        Lang::Zh => {
            let mut command = command(Lang::Zh);
            let again = command
                .try_get_matches_from_mut(&argv)
                .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
            Err(report(&again.err().unwrap_or(first), &mut command, &argv))
        }
    }
}

/// A value clap's parser could not read (`context::values`: a date, a
/// span, a keyword) is the clerk's input, not a usage error: it is
/// reported as every refusal is, naming the flag as clap names it, in the
/// settled language, exit 1.
fn bad_value(error: &clap::Error) -> Option<crate::error::Error> {
    let bad = std::error::Error::source(error)?.downcast_ref::<crate::error::BadValue>()?;
    Some(bad.clone().at(crate::error::Flag::named_by(error)?))
}

/// The whole command line with its help in `lang`; in Chinese, built.
pub fn command(lang: Lang) -> Command {
    let mut command = help::building(lang, Cli::command);
    if lang == Lang::Zh {
        // clap breaks lines only at spaces, which Chinese seldom has: it
        // lays the help out unwrapped and `wrap` breaks it.
        command = command.term_width(0);
        command.build();
        clap_words_in_chinese(&mut command);
    }
    command
}

/// Gives the built `command` and everything under it clap's own words in
/// Chinese: the about of its `help` commands (no command of ours is
/// called help), `-h` and `-V`, and the defaults and possible values
/// after each flag's help.
fn clap_words_in_chinese(command: &mut Command) {
    let mut localized = std::mem::take(command);
    if localized.get_name() == "help" {
        localized = localized.about(ClapWord::HelpCommand.word(Lang::Zh));
    }
    *command = localized.mut_args(localize_arg);
    for sub in command.get_subcommands_mut() {
        clap_words_in_chinese(sub);
    }
}

/// An argument with clap's help flags, `[default: …]` and `[possible
/// values: …]` in Chinese.
fn localize_arg(arg: Arg) -> Arg {
    let zh = Lang::Zh;
    match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
            return if arg.get_long_help().is_some() {
                arg.help(ClapWord::HelpSummary.word(zh))
                    .long_help(ClapWord::HelpMore.word(zh))
            } else {
                arg.help(ClapWord::Help.word(zh))
            };
        }
        ArgAction::Version => return arg.help(ClapWord::Version.word(zh)),
        _ => {}
    }
    let Some(help) = arg.get_help() else {
        return arg;
    };
    let mut text = help.to_string();
    let mut arg = arg;
    let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
    if takes_values && !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
        let values = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ");
        text.push_str(&help::default_value(zh, &values));
        arg = arg.hide_default_value(true);
    }
    if !arg.is_hide_possible_values_set() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            text.push_str(&help::possible_values(zh, &values));
            arg = arg.hide_possible_values(true);
        }
    }
    if arg.get_long_help().is_some() {
        arg = arg.long_help(text.clone());
    }
    arg.help(text)
}

/// Prints what clap stopped for, in Chinese; the exit code clap gives it.
fn report(error: &clap::Error, command: &mut Command, argv: &[OsString]) -> ExitCode {
    let code = ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    let printed = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = help::clap_words(Lang::Zh, &error.render().to_string());
            let text = wrap(&text, crate::context::help_width());
            std::io::stdout().write_all(text.as_bytes())
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = help::clap_words(Lang::Zh, &error.render().to_string());
            let text = wrap(&text, crate::context::help_width());
            std::io::stderr().write_all(text.as_bytes())
        }
        _ => {
            let text = usage_error(error, command, argv);
            std::io::stderr().write_all(text.as_bytes())
        }
    };
    // A closed pipe (`taizhang --help | head`) is not a failure.
    drop(printed);
    code
}

/// The Chinese of a usage error, laid out as clap lays out its own: the
/// problem, any tip, the usage line, where to read more.
fn usage_error(error: &clap::Error, command: &mut Command, argv: &[OsString]) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let texts = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
    let listed = match error.kind() {
        ErrorKind::MissingRequiredArgument => texts(ContextKind::InvalidArg),
        ErrorKind::MissingSubcommand => texts(ContextKind::ValidSubcommand),
        ErrorKind::InvalidValue => texts(ContextKind::ValidValue),
        ErrorKind::ArgumentConflict => texts(ContextKind::PriorArg),
        _ => Vec::new(),
    };
    let problem = match error.kind() {
        ErrorKind::InvalidSubcommand => UsageProblem::UnknownCommand { word: &sub },
        ErrorKind::UnknownArgument => UsageProblem::UnknownArgument { arg: &arg },
        ErrorKind::MissingRequiredArgument => UsageProblem::MissingArguments { args: &listed },
        ErrorKind::MissingSubcommand => UsageProblem::MissingCommand {
            command: &sub,
            commands: &listed,
        },
        ErrorKind::InvalidValue if value.is_empty() => UsageProblem::NoValue { arg: &arg },
        ErrorKind::InvalidValue => UsageProblem::BadValue {
            arg: &arg,
            value: &value,
            possible: &listed,
        },
        ErrorKind::ValueValidation => UsageProblem::UnreadableValue {
            arg: &arg,
            value: &value,
            whole_number: std::error::Error::source(error)
                .is_some_and(|source| source.is::<std::num::ParseIntError>()),
        },
        ErrorKind::TooManyValues => UsageProblem::ExtraValue {
            arg: &arg,
            value: &value,
        },
        ErrorKind::TooFewValues => UsageProblem::TooFewValues {
            arg: &arg,
            wanted: number(ContextKind::MinValues),
            given: number(ContextKind::ActualNumValues),
        },
        ErrorKind::WrongNumberOfValues => UsageProblem::WrongNumberOfValues {
            arg: &arg,
            wanted: number(ContextKind::ExpectedNumValues),
            given: number(ContextKind::ActualNumValues),
        },
        ErrorKind::ArgumentConflict if listed.first() == Some(&arg) => {
            UsageProblem::Repeated { arg: &arg }
        }
        ErrorKind::ArgumentConflict => UsageProblem::Conflict {
            arg: if arg.is_empty() { &sub } else { &arg },
            with: &listed,
        },
        ErrorKind::NoEquals => UsageProblem::NoEquals { arg: &arg },
        ErrorKind::InvalidUtf8 => UsageProblem::NotUtf8,
        _ => UsageProblem::Other,
    };
    let mut out = format!(
        "{}: {}\n",
        Lang::Zh.message(Message::Error),
        help::usage_problem(&problem)
    );

    let mut tips = Vec::new();
    let similar = texts(ContextKind::SuggestedSubcommand);
    tips.extend(similar.iter().map(|s| UsageTip::SimilarCommand(s)));
    let similar_arg = texts(ContextKind::SuggestedArg);
    tips.extend(similar_arg.iter().map(|s| UsageTip::SimilarArgument(s)));
    let similar_value = texts(ContextKind::SuggestedValue);
    tips.extend(similar_value.iter().map(|s| UsageTip::SimilarValue(s)));
    // clap words its other tips as sentences; the one Chinese can say is
    // how to pass a word starting with `-` as a value.
    let suggested: Vec<Vec<String>> = match error.get(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(|s| s.to_string().split('\'').map(str::to_owned).collect())
            .collect(),
        _ => Vec::new(),
    };
    for parts in &suggested {
        if parts.len() >= 4 && parts[0] == "to pass " {
            tips.push(UsageTip::PassAsValue {
                word: &parts[1],
                with: &parts[3],
            });
        }
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in &tips {
            out.push_str(&help::usage_tip(tip));
            out.push('\n');
        }
    }

    let names = command_path(command, argv);
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage.to_string(),
        _ => usage_of(command, &names),
    };
    out.push('\n');
    out.push_str(&help::clap_words(Lang::Zh, usage.trim_end()));
    out.push_str("\n\n");
    let mut path = vec![command.get_name().to_owned()];
    path.extend(names);
    out.push_str(&help::more_help(&path.join(" ")));
    out.push('\n');
    out
}

/// The usage line of the command `names` leads to under `command`.
fn usage_of(command: &mut Command, names: &[String]) -> String {
    match names.split_first() {
        Some((name, rest)) => match command.find_subcommand_mut(name) {
            Some(sub) => usage_of(sub, rest),
            None => command.render_usage().to_string(),
        },
        None => command.render_usage().to_string(),
    }
}

/// The names of the commands `argv` goes down into (`["log", "in"]`),
/// skipping options and their values.
fn command_path(command: &Command, argv: &[OsString]) -> Vec<String> {
    let takes_value = |command: &Command, matches: &dyn Fn(&Arg) -> bool| {
        command
            .get_arguments()
            .find(|a| matches(a))
            .is_some_and(|a| a.get_num_args().is_some_and(|n| n.takes_values()))
    };
    let mut names = Vec::new();
    let mut current = command;
    let mut words = argv.iter().skip(1).map(|w| w.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            if !long.contains('=') && takes_value(current, &|a| a.get_long() == Some(long)) {
                words.next();
            }
        } else if let Some(shorts) = word.strip_prefix('-').filter(|s| !s.is_empty()) {
            let mut chars = shorts.chars();
            if let (Some(short), None) = (chars.next(), chars.next())
                && takes_value(current, &|a| a.get_short() == Some(short))
            {
                words.next();
            }
        } else if let Some(sub) = current.find_subcommand(word.as_ref()) {
            names.push(sub.get_name().to_owned());
            current = sub;
        }
    }
    names
}

/// `text` (a help clap laid out without wrapping) with every line wider
/// than `width` broken, Chinese-style: between any two Chinese characters
/// or at a space, never inside a Latin word, never before a closing mark
/// (，。）…) nor after an opening one. A broken line goes on at the column
/// its help text started at (after the flag, or its own indent).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (line, newline) = match line.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (line, ""),
        };
        if line.width() <= width {
            out.push_str(line);
            out.push_str(newline);
            continue;
        }
        let start = help_column(line);
        let (head, body) = line.split_at(start);
        let indent = " ".repeat(head.width());
        let room = width.saturating_sub(indent.len()).max(20);
        for (i, piece) in break_text(body, room).iter().enumerate() {
            if i == 0 {
                out.push_str(head);
            } else {
                out.push('\n');
                out.push_str(&indent);
            }
            out.push_str(piece);
        }
        out.push_str(newline);
    }
    out
}

/// The byte offset at which the help text of a help line starts: after
/// the first gap of two spaces following the indent and the flag or
/// command name (`  -q, --quiet   只打印…`), else after the indent.
fn help_column(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    match rest.find("  ") {
        Some(gap) => {
            let after = &rest[gap..];
            indent + gap + (after.len() - after.trim_start_matches(' ').len())
        }
        None => indent,
    }
}

/// `text` cut into lines no wider than `room` where it can be.
fn break_text(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for unit in units(text) {
        let unit_width = unit.width();
        if line_width + unit_width > room && !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
            line.clear();
            line_width = 0;
        }
        if line.is_empty() && unit == " " {
            continue;
        }
        line.push_str(&unit);
        line_width += unit_width;
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The pieces a line may break between: a Latin word with what clings to
/// it, a space, or one wide character with the marks that may not be
/// parted from it.
fn units(text: &str) -> Vec<String> {
    const NO_START: &str = "，。、；：？！）」』”’》〕】…,.;:?!)]";
    const NO_END: &str = "（「『“‘《〔【([";
    let mut units: Vec<String> = Vec::new();
    let mut glue = false;
    for c in text.chars() {
        let joins = match units.last() {
            None => false,
            Some(_) if glue => true,
            Some(_) if NO_START.contains(c) => true,
            Some(_) if c == ' ' => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                prev != ' ' && !wide(prev) && !wide(c)
            }
        };
        match units.last_mut() {
            Some(last) if joins => last.push(c),
            _ => units.push(c.to_string()),
        }
        glue = NO_END.contains(c);
    }
    units
}

/// Whether `c` takes two columns on a terminal (a Chinese character, a
/// full-width mark): a line may break on either side of it.
fn wide(c: char) -> bool {
    c.width() == Some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_chooses_the_language_before_clap_parses() {
        let lang = crate::context::usage_lang;
        assert_eq!(lang(&argv(&["taizhang", "--lang", "zh", "lgo"])), Lang::Zh);
        assert_eq!(lang(&argv(&["taizhang", "lgo", "--lang=zh"])), Lang::Zh);
        assert_eq!(lang(&argv(&["taizhang", "--lang", "en", "-h"])), Lang::En);
        assert_eq!(lang(&argv(&["taizhang", "-C", "x", "--lang=en"])), Lang::En);
    }

    #[test]
    fn chinese_lines_break_between_characters_and_go_on_at_the_help_column() {
        let line = format!("  -q, --quiet   {}", "只打印所要的内容，".repeat(8));
        let wrapped = wrap(&format!("{line}\n"), 60);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        for line in &lines {
            assert!(line.width() <= 60, "{line}");
        }
        for line in &lines[1..] {
            assert!(line.starts_with(&" ".repeat(16)), "{line:?}");
            assert!(!line.trim_start().starts_with('，'), "{line:?}");
        }
        assert!(wrapped.ends_with('\n'));
    }

    #[test]
    fn latin_words_are_never_cut() {
        let text = format!("{} taizhang.toml 中的 remind.within", "提醒".repeat(20));
        for line in break_text(&text, 44) {
            assert!(
                !line.ends_with("taizhang") && !line.starts_with(".toml"),
                "{line}"
            );
        }
        assert_eq!(break_text("short", 44), vec!["short"]);
    }

    #[test]
    fn the_path_of_the_command_skips_options_and_their_values() {
        let command = Cli::command();
        let path = command_path(
            &command,
            &argv(&["taizhang", "-C", "log", "log", "in", "-x"]),
        );
        assert_eq!(path, ["log", "in"]);
        let path = command_path(
            &command,
            &argv(&["taizhang", "--lang=zh", "doc", "--", "out"]),
        );
        assert_eq!(path, ["doc"]);
    }
}
