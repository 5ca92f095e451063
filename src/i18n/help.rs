//! The language of `--help`, and the words clap itself writes in it.
//!
//! Each command's help, in English and Chinese side by side, is in its
//! own file (`src/commands/`): `#[command(about = tr("…", "…"))]` and
//! `#[arg(help = tr("…", "…"))]`. clap evaluates those when the command
//! tree is built, so [`building`] sets the language first and [`tr`]
//! gives the text in it; a command or flag without both languages does
//! not compile. Here also are clap's own words in Chinese: `Usage:`, the
//! headings, `-h`/`-V`, the `help` command, defaults and possible values,
//! and every kind of usage error.

use std::cell::Cell;

use crate::i18n::{Lang, say, words};

thread_local! {
    /// The language the command tree is being built in; English unless
    /// [`building`] says otherwise, as clap's completions and man pages
    /// want it.
    static BUILDING: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The help text of a command or flag in the language the command tree is
/// being built in: `#[arg(help = tr("What was done", "做了什么"))]`.
pub fn tr(en: &'static str, zh: &'static str) -> &'static str {
    match BUILDING.get() {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// What `build` returns, with every [`tr`] it calls answering in `lang`.
pub fn building<T>(lang: Lang, build: impl FnOnce() -> T) -> T {
    let before = BUILDING.replace(lang);
    let built = build();
    BUILDING.set(before);
    built
}

words!(
    /// clap's own words in its help: what it writes, and what the Chinese
    /// help says instead.
    ClapWord {
        Usage => "Usage: " / "用法：",
        Commands => "\nCommands:\n" / "\n命令：\n",
        Arguments => "\nArguments:\n" / "\n参数：\n",
        Options => "\nOptions:\n" / "\n选项：\n",
        OptionsInUsage => "[OPTIONS]" / "[选项]",
        CommandInUsage => "[COMMAND]" / "[命令]",
        CommandRequired => "<COMMAND>" / "<命令>",
        Help => "Print help" / "打印帮助",
        HelpSummary => "Print help (see more with '--help')" / "打印帮助（用 '--help' 看详细说明）",
        HelpMore => "Print help (see a summary with '-h')" / "打印帮助（用 '-h' 看摘要）",
        Version => "Print version" / "打印版本",
        HelpCommand => "Print this message or the help of the given subcommand(s)"
            / "打印本帮助，或所给子命令的帮助",
        Tip => "tip" / "提示",
    }
);

/// The words clap writes into a help text or a usage line itself.
const IN_HELP: [ClapWord; 6] = [
    ClapWord::Usage,
    ClapWord::Commands,
    ClapWord::Arguments,
    ClapWord::Options,
    ClapWord::OptionsInUsage,
    ClapWord::CommandInUsage,
];

/// `text` (a help or a usage line clap rendered) with clap's own words in
/// `lang`. The headings are whole lines: nothing of ours is changed.
pub fn clap_words(lang: Lang, text: &str) -> String {
    let mut text = format!("\n{text}");
    for word in IN_HELP.iter().chain([&ClapWord::CommandRequired]) {
        text = text.replace(word.word(Lang::En), word.word(lang));
    }
    text.split_off(1)
}

/// What clap shows after an argument's help as `[default: auto]`.
pub fn default_value(lang: Lang, value: &str) -> String {
    say!(lang, " [default: {value}]", "（默认：{value}）")
}

/// What clap shows after an argument's help as `[possible values: a, b]`.
pub fn possible_values(lang: Lang, values: &[String]) -> String {
    let values = values.join(lang.list_separator());
    say!(lang, " [possible values: {values}]", "（可选值：{values}）")
}

/// A usage error: what was wrong with the command line, as clap found it.
/// The English is clap's own; this is the Chinese.
#[derive(Debug)]
pub enum UsageProblem<'a> {
    UnknownCommand {
        word: &'a str,
    },
    UnknownArgument {
        arg: &'a str,
    },
    MissingArguments {
        args: &'a [String],
    },
    MissingCommand {
        command: &'a str,
        commands: &'a [String],
    },
    NoValue {
        arg: &'a str,
    },
    BadValue {
        arg: &'a str,
        value: &'a str,
        possible: &'a [String],
    },
    /// A value its parser refused; `whole_number` when it wanted one.
    UnreadableValue {
        arg: &'a str,
        value: &'a str,
        whole_number: bool,
    },
    ExtraValue {
        arg: &'a str,
        value: &'a str,
    },
    TooFewValues {
        arg: &'a str,
        wanted: isize,
        given: isize,
    },
    WrongNumberOfValues {
        arg: &'a str,
        wanted: isize,
        given: isize,
    },
    Repeated {
        arg: &'a str,
    },
    Conflict {
        arg: &'a str,
        with: &'a [String],
    },
    NoEquals {
        arg: &'a str,
    },
    NotUtf8,
    Other,
}

/// The Chinese sentence for a usage error.
pub fn usage_problem(problem: &UsageProblem) -> String {
    use UsageProblem::*;
    match problem {
        UnknownCommand { word } => format!("没有 '{word}' 这个命令"),
        UnknownArgument { arg } => format!("不认识的选项或参数 '{arg}'"),
        MissingArguments { args } => {
            let list = args.iter().map(|a| format!("\n  {a}")).collect::<String>();
            format!("缺少以下必须给出的参数：{list}")
        }
        MissingCommand { command, commands } => {
            let list = commands.join("、");
            format!("'{command}' 后面须给一个子命令\n  （可选命令：{list}）")
        }
        NoValue { arg } => format!("'{arg}' 须给一个值，但没有给出"),
        BadValue {
            arg,
            value,
            possible,
        } => {
            let mut text = format!("'{value}' 不是 '{arg}' 可用的值");
            if !possible.is_empty() {
                let list = possible.join("、");
                text.push_str(&format!("\n  （可选值：{list}）"));
            }
            text
        }
        UnreadableValue {
            arg,
            value,
            whole_number: false,
        } => format!("'{value}' 不是 '{arg}' 可用的值"),
        UnreadableValue {
            arg,
            value,
            whole_number: true,
        } => format!("'{value}' 不是 '{arg}' 可用的值：应为整数"),
        ExtraValue { arg, value } => format!("'{arg}' 多出了一个值 '{value}'，不需要更多的值"),
        TooFewValues { arg, wanted, given } => {
            format!("'{arg}' 需要 {wanted} 个值，只给了 {given} 个")
        }
        WrongNumberOfValues { arg, wanted, given } => {
            format!("'{arg}' 需要 {wanted} 个值，却给了 {given} 个")
        }
        Repeated { arg } => format!("'{arg}' 不能重复给出"),
        Conflict { arg, with: [] } => {
            format!("'{arg}' 不能与已给出的其他选项同时使用")
        }
        Conflict { arg, with } => {
            let list = with.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>();
            format!("'{arg}' 不能与 {} 同时使用", list.join("、"))
        }
        NoEquals { arg } => format!("给 '{arg}' 赋值须用等号（{arg}=值）"),
        NotUtf8 => "命令行中有不是 UTF-8 的文字".to_owned(),
        Other => "命令行有误".to_owned(),
    }
}

/// A tip clap adds to a usage error.
#[derive(Debug)]
pub enum UsageTip<'a> {
    SimilarCommand(&'a str),
    SimilarArgument(&'a str),
    SimilarValue(&'a str),
    /// A word starting with `-` meant as a value: `-- -x`.
    PassAsValue {
        word: &'a str,
        with: &'a str,
    },
}

/// The Chinese of a tip.
pub fn usage_tip(tip: &UsageTip) -> String {
    let tip_word = ClapWord::Tip.word(Lang::Zh);
    let text = match tip {
        UsageTip::SimilarCommand(name) => format!("有个相近的命令 '{name}'"),
        UsageTip::SimilarArgument(name) => format!("有个相近的选项 '{name}'"),
        UsageTip::SimilarValue(name) => format!("有个相近的值 '{name}'"),
        UsageTip::PassAsValue { word, with } => {
            format!("如要把 '{word}' 作为值传入，请写 '{with}'")
        }
    };
    format!("  {tip_word}：{text}")
}

/// The last line of a Chinese usage error.
pub fn more_help(command: &str) -> String {
    format!("更多信息请运行 '{command} --help'。")
}
