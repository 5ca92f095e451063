//! What every command needs besides its own flags: the register, the
//! language, the time zone, "today", who acts, and how to read the common kinds of input.
//!
//! This is the only place that reads the clock, the environment and the
//! current folder; everything below gets them as values.

mod secrets;
pub mod values;

use std::cell::OnceCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, ValueEnum};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::tr;
use crate::i18n::{Lang, Message};
pub use crate::report::output::Format;
use crate::report::output::Output;
use crate::report::redact::Reveal;
use crate::report::render::{Screen, printable};
use taizhang_core::model::common::Actor;
use taizhang_core::model::date::{self, Moment, PlainWeek, Span, When, WorkingDays};
use taizhang_core::model::id::Id;
use taizhang_core::model::kind::KindFilter;
use taizhang_core::model::period::Period;
use taizhang_core::store::register::{DEFAULT_LOCK_WAIT, EarlySettings};
use taizhang_core::store::{Change, Problem, Register, Runtime};
use values::{DateExpr, Given, PeriodExpr, WhenExpr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    #[arg(help = tr(
        "The register folder [default: TAIZHANG_REGISTER, else the nearest folder upward holding \
        taizhang.toml]",
        "台账文件夹（默认：TAIZHANG_REGISTER，否则从当前文件夹向上找到的第一个含 taizhang.toml 的\
        文件夹）",
    ))]
    // The three options that have an environment variable read it in
    // `Ctx::new`, not through clap's `env`: clap counts an option set from
    // the environment as given and lists it in the usage line of every
    // usage error (`Usage: taizhang progress --today <DATE> <ID> <NOTE>`),
    // as though it were required.
    #[arg(short = 'C', long = "register", value_name = "DIR", global = true)]
    pub register: Option<PathBuf>,

    #[arg(help = tr("Output format", "输出格式"))]
    #[arg(short = 'o', long, value_enum, global = true)]
    pub format: Option<Format>,

    #[arg(help = tr(
        "Language of labels and messages: en or zh [default: TAIZHANG_LANG, the register's setting, \
        then LANG]",
        "标签和消息的语言：en（英文）或 zh（中文）（默认依次取 TAIZHANG_LANG、台账设置中的 \
        `language`、系统区域设置 LANG）",
    ))]
    #[arg(long, value_name = "en|zh", global = true)]
    pub lang: Option<String>,

    #[arg(help = tr(
        "The date taken as today (tests, back-filling, a missed cron job) [default: TAIZHANG_TODAY, \
        else the clock's]",
        "作为“今天”的日期（测试、补录、漏跑的定时任务）（默认：TAIZHANG_TODAY，否则取系统时钟）",
    ))]
    #[arg(long, value_name = "DATE", global = true, value_parser = values::date(), allow_hyphen_values = true)]
    pub today: Option<Given<DateExpr>>,

    #[arg(help = tr(
        "Who acts, for history entries [default: TAIZHANG_USER, GIT_AUTHOR_NAME, git's user.name, \
        then the login name]",
        "办理人，记入办理经过（默认依次取 TAIZHANG_USER、GIT_AUTHOR_NAME、git 的 user.name、登录名\
        ）",
    ))]
    #[arg(long, value_name = "NAME", global = true)]
    pub by: Option<String>,

    #[arg(help = tr("Write the change but do not commit it", "写入修改，但不提交"))]
    #[arg(long, global = true)]
    pub no_commit: bool,

    #[arg(help = tr("When to use colour", "何时使用颜色"))]
    #[arg(long, value_enum, default_value = "auto", global = true)]
    pub color: ColorChoice,

    #[arg(help = tr(
        "Print only what was asked for (no notes on stderr)",
        "只打印所要的内容（标准错误上不出提示）",
    ))]
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[arg(help = tr(
        "The age identity that opens encrypted classified text (with --show-classified and `secrecy rekey`) [default: TAIZHANG_IDENTITY, else ~/.config/taizhang/identity.txt]; never a file inside the register",
        "解密加密保存的涉密内容所用的 `age` 身份文件（用于 --show-classified 和 `secrecy rekey`）（默认：TAIZHANG_IDENTITY，否则 ~/.config/taizhang/identity.txt）；决不能是台账文件夹内的文件",
    ))]
    #[arg(long, value_name = "FILE", global = true)]
    pub identity: Option<PathBuf>,
}

/// `--bom`, which every command that prints CSV takes: the emitter
/// (`Output::csv`) will not take a CSV without it.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct CsvArgs {
    #[arg(help = tr(
        "Start CSV output with a UTF-8 byte order mark, so Excel and WPS read Chinese correctly",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ))]
    #[arg(long)]
    pub bom: bool,
}

/// `--show-classified`, which every command that reads records out takes:
/// without it a classified record's title and text are withheld
/// (`report::redact`).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct SecrecyArgs {
    #[arg(help = tr(
        "Print the titles and text of classified records",
        "打印涉密记录的标题和内容",
    ))]
    #[arg(long)]
    pub show_classified: bool,
}

impl SecrecyArgs {
    /// What this run may show: the one decision every renderer follows.
    pub fn reveal(&self) -> Reveal {
        Reveal::when(self.show_classified)
    }
}

/// The output flags of a command that withholds classified titles and
/// prints CSV (`remind`, `summary`, `export`, `archive`'s listings). One
/// that only prints CSV (`list`, `check`) takes [`CsvArgs`], one that only
/// withholds titles (`desk`, which prints no CSV) [`SecrecyArgs`]: no
/// command has a flag that means nothing for it.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct OutputArgs {
    #[command(flatten)]
    pub secrecy: SecrecyArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
}

pub struct Ctx {
    pub args: GlobalArgs,
    lang: Lang,
    pub today: Date,
    pub now: Timestamp,
    /// The register's zone (`timezone`), else the machine's.
    pub tz: TimeZone,
    pub cwd: PathBuf,
    /// What the store needs from the clock and environment.
    runtime: Runtime,
    /// The screen's width as `COLUMNS` gives it (tests pin it).
    columns: Option<u16>,
    /// The register, opened once on first use; shared, not re-read, by
    /// every later call.
    register: OnceCell<Arc<Register>>,
    /// The working-day calendar, read once on first use.
    calendar: OnceCell<Box<dyn WorkingDays>>,
}

/// Why the command could not start, in the language settled so far.
pub struct StartupError {
    pub error: Error,
    pub lang: Lang,
}

impl Ctx {
    /// Settles the language first (flag, `TAIZHANG_LANG`, the register's
    /// `language`, the locale), so that whatever fails after it, even a
    /// bad `--today`, is told in that language; then the time zone (the
    /// register's `timezone`, else the machine's), in which "today" and
    /// "now" are read. Both settings come from one read of taizhang.toml.
    pub fn new(mut args: GlobalArgs) -> std::result::Result<Ctx, StartupError> {
        args.register = args
            .register
            .or_else(|| env_text("TAIZHANG_REGISTER").map(PathBuf::from));
        args.today = args.today.or_else(|| {
            env_text("TAIZHANG_TODAY").map(|text| Given {
                flag: Flag::source("TAIZHANG_TODAY"),
                value: DateExpr(text),
            })
        });
        args.by = args.by.or_else(|| env_text("TAIZHANG_USER"));
        let cwd = std::env::current_dir().map_err(|e| StartupError {
            error: Error::io(".", e),
            lang: locale_lang(),
        })?;
        let early = taizhang_core::store::register::early_settings(args.register.as_deref(), &cwd)
            .unwrap_or_default();
        let lang = settle_lang(&args, early.language.as_deref()).map_err(|error| StartupError {
            error,
            lang: locale_lang(),
        })?;
        let tz = settle_zone(&early).map_err(|error| StartupError { error, lang })?;
        let now = clock().map_err(|error| StartupError { error, lang })?;
        let real_today = now.to_zoned(tz.clone()).date();
        let today = match &args.today {
            Some(given) => date::parse_date(&given.value.0, real_today, Some(&PlainWeek)).map_err(
                |source| StartupError {
                    error: Error::BadDate {
                        flag: given.flag.clone(),
                        source,
                    },
                    lang,
                },
            )?,
            None => real_today,
        };
        // An absurd today (`--today 9999-12-31`) is refused here, naming
        // its flag, rather than failing later in whatever adds a span to
        // it (`remind` blamed `remind.within`).
        if let Some(given) = &args.today {
            in_range(given, today).map_err(|error| StartupError { error, lang })?;
        }
        let runtime = Runtime {
            now: now.as_second(),
            lock_wait: std::env::var("TAIZHANG_LOCK_TIMEOUT")
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .map_or(DEFAULT_LOCK_WAIT, Duration::from_secs),
        };
        Ok(Ctx {
            args,
            lang,
            today,
            now,
            tz,
            cwd,
            runtime,
            columns: std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()),
            register: OnceCell::new(),
            calendar: OnceCell::new(),
        })
    }

    /// The language of labels and messages, settled once at start.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language a new register records as the office's (`language`
    /// in taizhang.toml), so that cron under `LANG=C` speaks it: the one
    /// chosen by `--lang` or `TAIZHANG_LANG`, else the locale's when it
    /// names a language (`zh_CN.UTF-8`, `en_US.UTF-8`); none under `C`,
    /// `POSIX` or no locale, which name no language.
    pub fn office_language(&self) -> Option<Lang> {
        let chosen =
            self.args.lang.is_some() || std::env::var("TAIZHANG_LANG").is_ok_and(|s| !s.is_empty());
        if chosen {
            return Some(self.lang);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
    }

    /// The machine's time zone (`TZ`, else the system's), whatever the
    /// register says: what `init` offers a new register.
    pub fn machine_zone(&self) -> TimeZone {
        TimeZone::system()
    }

    /// The register, found and read on first use, then shared.
    pub fn register(&self) -> Result<Arc<Register>> {
        if let Some(register) = self.register.get() {
            return Ok(Arc::clone(register));
        }
        let mut register = Register::discover(self.args.register.as_deref(), &self.cwd)?;
        register.runtime = self.runtime;
        register.reading = Some(self.reading());
        if register.config.git.sync_on_write {
            let lang = self.lang();
            let quiet = self.args.quiet;
            let tell = move |note: &taizhang_core::store::sync::SyncNote| {
                let worded = lang.sync_note(note);
                let text = printable(&worded);
                if let taizhang_core::store::sync::SyncNote::NotShared(_) = note {
                    let warning = lang.message(crate::i18n::Message::Warning);
                    eprintln!("{warning}: {text}");
                } else if !quiet {
                    eprintln!("{text}");
                }
            };
            register.writer = Some(taizhang_core::store::register::Writer {
                actor: self.actor(&register),
                tell: Arc::new(tell),
            });
        }
        register.sealed = Some(self.seal_told());
        Ok(Arc::clone(self.register.get_or_init(|| Arc::new(register))))
    }

    /// Opens a change of the register (its write lock, git's pre-checks,
    /// a leftover of a killed writer finished or dropped) that ends in one
    /// commit, unless `--no-commit`. Every writing command begins here, so
    /// that `--no-commit` means the same in each.
    pub fn begin<'r>(&self, register: &'r Register) -> Result<Change<'r>> {
        Ok(Change::begin(register, !self.args.no_commit)?)
    }

    /// `begin` for a command that may only look (`import --dry-run`): the
    /// lock is still taken, so what it compares is what a real run would
    /// allocate against, but nothing is committed, and git is not checked.
    pub fn begin_unless<'r>(&self, register: &'r Register, dry_run: bool) -> Result<Change<'r>> {
        Ok(Change::begin(register, !self.args.no_commit && !dry_run)?)
    }

    /// Prints `output` in the format `-o` asks for (a terminal table if
    /// none), for this screen; a format the command lacks is refused as a
    /// usage error naming those it has. Notes standing for output
    /// ("nothing found") go to stderr unless `--quiet`.
    pub fn emit(&self, output: Output) -> Result<ExitCode> {
        let format = self.args.format.unwrap_or(Format::Table);
        let stdout = std::io::stdout().lock();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
        output.write(format, self.screen(), &mut out, &mut |note| self.note(note))?;
        Ok(ExitCode::SUCCESS)
    }

    /// The terminal tables are drawn for: colour as `--color` and
    /// `NO_COLOR` say, the width `COLUMNS` gives (else the terminal's).
    fn screen(&self) -> Screen {
        Screen {
            color: self.color(),
            width: self.columns,
        }
    }

    fn color(&self) -> bool {
        match self.args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }

    /// Who acts and when, for history entries: `--by` (or
    /// `TAIZHANG_USER`), else `GIT_AUTHOR_NAME` (whom the commit will name),
    /// else git's `user.name`, else the login name.
    pub fn actor(&self, register: &Register) -> Actor {
        let by = self
            .args
            .by
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| env_text("GIT_AUTHOR_NAME"))
            .or_else(|| taizhang_core::store::git::user_name(&register.root))
            .or_else(|| env_text("USER"))
            .or_else(|| env_text("LOGNAME"))
            .unwrap_or_else(|| "unknown".to_string());
        Actor {
            by,
            at: self.moment(),
        }
    }

    /// The working-day calendar for `+Nwd`: the register's
    /// `calendar.toml` when it has one, else weekends off. A calendar that
    /// cannot be read is warned about (`check` reports it in full) and
    /// weekends alone are used. Read once, on first use.
    pub fn calendar(&self) -> &dyn WorkingDays {
        self.calendar
            .get_or_init(|| {
                let Ok(register) = self.register() else {
                    return Box::new(PlainWeek);
                };
                match taizhang_core::store::calendar::load(&register) {
                    Ok(Some(calendar)) => Box::new(calendar),
                    Ok(None) => Box::new(PlainWeek),
                    Err(e) => {
                        self.warn(&self.lang().core_error(&e).0);
                        Box::new(PlainWeek)
                    }
                }
            })
            .as_ref()
    }

    /// This moment as the register records it: now in the context's zone,
    /// or — when today is pinned to another date — that date at the
    /// current time of day (`Moment::now_on`).
    pub fn moment(&self) -> Moment {
        Moment::now_on(self.today, self.now, &self.tz)
    }

    /// Settles a date expression against today and the calendar; a
    /// date outside what the register takes (`model::date::EARLIEST` to
    /// `LATEST`) is refused, naming the flag.
    pub fn date(&self, given: &Given<DateExpr>) -> Result<Date> {
        let date = date::parse_date(&given.value.0, self.today, Some(self.calendar())).map_err(
            |source| Error::BadDate {
                flag: given.flag.clone(),
                source,
            },
        )?;
        in_range(given, date)?;
        Ok(date)
    }

    /// Settles a date or a moment (`YYYY-MM-DD HH:MM`, `now`), within
    /// the dates the register takes.
    pub fn when(&self, given: &Given<WhenExpr>) -> Result<When> {
        let text = &given.value.0;
        let when = When::parse_at(text, self.moment(), &self.tz, Some(self.calendar())).map_err(
            |source| Error::BadDate {
                flag: given.flag.clone(),
                source,
            },
        )?;
        in_range(given, when.date())?;
        Ok(when)
    }

    /// Reads `KIND`: a kind word or a declared logbook.
    pub fn kind_filter(&self, register: &Register, text: &str) -> Result<KindFilter> {
        let filter = KindFilter::parse(text);
        match &filter {
            KindFilter::Book(name) if !register.config.logbooks.contains_key(name) => {
                Err(Error::UnknownKind {
                    input: text.to_string(),
                    books: register.config.logbooks.keys().cloned().collect(),
                })
            }
            _ => Ok(filter),
        }
    }

    /// The last day that counts as "soon" for reminders: today +
    /// `--within`, else + the register's `remind.within`, in the
    /// register's calendar (for `wd`).
    pub fn soon_until(&self, register: &Register, within: Option<&Given<Span>>) -> Result<Date> {
        let given = match within {
            Some(given) => given.clone(),
            None => {
                let flag = Flag::source("remind.within");
                let text = &register.config.remind.within;
                let value = values::read_span(text).map_err(|bad| bad.at(flag.clone()))?;
                Given { flag, value }
            }
        };
        self.end_of(&given)
    }

    /// The last day of a span from today, in the register's calendar.
    pub fn end_of(&self, span: &Given<Span>) -> Result<Date> {
        span.value
            .end(self.today, Some(self.calendar()))
            .map_err(|_| Error::BadSpan {
                flag: span.flag.clone(),
                input: span.value.to_string(),
            })
    }

    /// Settles a period expression against today.
    pub fn period(&self, given: &Given<PeriodExpr>) -> Result<Period> {
        Period::parse(&given.value.0, self.today).map_err(|source| Error::BadPeriod {
            flag: given.flag.clone(),
            source,
        })
    }

    /// Settles an optional date expression.
    pub fn opt_date(&self, given: Option<&Given<DateExpr>>) -> Result<Option<Date>> {
        given.map(|g| self.date(g)).transpose()
    }

    /// Reads a record ID, accepting the short form `IN-42`.
    pub fn id(&self, input: &str) -> Result<Id> {
        Id::parse_with_year(input, self.today.year()).ok_or_else(|| {
            CoreError::BadId {
                input: input.to_string(),
            }
            .into()
        })
    }

    /// Resolves a unit new work is given to: one of the register's, not
    /// retired (a blank one is refused as clap parses, by `values::text`).
    pub fn unit(&self, register: &Register, input: &str) -> Result<String> {
        let name = self.any_unit(register, input)?;
        let retired = (register.config.units.iter()).any(|u| u.name == name && u.retired);
        match retired {
            true => Err(CoreError::RetiredUnit { name }.into()),
            false => Ok(name),
        }
    }

    /// Resolves any unit the register has had, retired ones too: what
    /// searches and figures of earlier years name.
    pub fn any_unit(&self, register: &Register, input: &str) -> Result<String> {
        register.config.resolve_unit(input).map_err(|known| {
            CoreError::UnknownUnit {
                input: input.to_string(),
                known,
            }
            .into()
        })
    }

    /// Resolves several units (comma-separated or repeated).
    pub fn units(&self, register: &Register, inputs: &[String]) -> Result<Vec<String>> {
        split_list(inputs)
            .iter()
            .map(|u| self.unit(register, u))
            .collect()
    }

    /// Writes a note to stderr unless `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.args.quiet {
            eprintln!("{}", printable(text));
        }
    }

    /// Warns that a record file was skipped, naming it and why.
    pub fn warn_skipped(&self, problem: &Problem) {
        let lang = self.lang();
        self.warn(&format!(
            "{} {}:{}:{}: {}",
            lang.message(crate::i18n::Message::Skipped),
            problem.path.display(),
            problem.line,
            problem.column,
            lang.problem(&problem.problem)
        ));
    }

    /// A progress bar on stderr for `len` steps of `what`: drawn only on a
    /// terminal, never in a pipe or with -q, and only when there is enough
    /// to wait for; otherwise a hidden bar that draws nothing.
    pub fn progress(&self, len: u64, what: Message) -> indicatif::ProgressBar {
        progress_bar(self.args.quiet, len, what.word(self.lang))
    }

    /// Where the store tells how a long read goes: a bar while it parses
    /// files (the first read of a big register, or after an upgrade
    /// changed the cache), drawn as [`Ctx::progress`] draws.
    fn reading(&self) -> taizhang_core::store::Reading {
        use taizhang_core::store::ReadStep;
        let quiet = self.args.quiet;
        let what = Message::Reading.word(self.lang);
        let bar = std::sync::Mutex::new(None::<indicatif::ProgressBar>);
        taizhang_core::store::Reading(Arc::new(move |step| {
            let Ok(mut bar) = bar.lock() else { return };
            match step {
                ReadStep::Parsing(files) => *bar = Some(progress_bar(quiet, files as u64, what)),
                ReadStep::Parsed(files) => bar.iter().for_each(|b| b.inc(files as u64)),
                ReadStep::Done => bar.take().iter().for_each(|b| b.finish_and_clear()),
            }
        }))
    }

    /// The clerk's editor: `VISUAL`, else `EDITOR`.
    pub fn editor(&self) -> Option<String> {
        env_text("VISUAL").or_else(|| env_text("EDITOR"))
    }

    /// Whether a person is at the keyboard to be asked (stdin and stderr
    /// are a terminal), not a script or cron.
    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// An environment variable's text, if set and not blank: for settings
    /// that name one (`env:TAIZHANG_WECOM_URL`).
    pub fn env_var(&self, name: &str) -> Option<String> {
        env_text(name)
    }

    /// Warns on stderr (always: warnings are never silenced by --quiet).
    pub fn warn(&self, text: &str) {
        let word = self.lang().message(crate::i18n::Message::Warning);
        eprintln!("{word}: {}", printable(text));
    }
}

/// A bar for `len` steps labelled `what`, or a hidden one: with -q, off a
/// terminal, or for work too short to wait for.
fn progress_bar(quiet: bool, len: u64, what: &'static str) -> indicatif::ProgressBar {
    const WORTH_A_BAR: u64 = 1_000;
    if quiet || len < WORTH_A_BAR || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style = indicatif::ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    indicatif::ProgressBar::new(len)
        .with_style(style)
        .with_message(what)
}

/// Splits `A,B` and `A，B` (full-width comma) and repeated flags into items.
pub fn split_list(inputs: &[String]) -> Vec<String> {
    inputs
        .iter()
        .flat_map(|s| taizhang_core::model::edit::split_list(s))
        .collect()
}

/// The language: `--lang`, else `TAIZHANG_LANG`, else the register's
/// `language` setting, else the locale.
fn settle_lang(args: &GlobalArgs, setting: Option<&str>) -> Result<Lang> {
    settle_lang_of(args.lang.clone(), setting)
}

/// [`settle_lang`] from `--lang` and the register's `language` setting.
fn settle_lang_of(lang: Option<String>, setting: Option<&str>) -> Result<Lang> {
    let explicit = lang.or_else(|| {
        std::env::var("TAIZHANG_LANG")
            .ok()
            .filter(|s| !s.is_empty())
    });
    if let Some(text) = explicit {
        return Lang::parse(&text).ok_or(Error::BadLang { input: text });
    }
    Ok(setting.and_then(Lang::parse).unwrap_or_else(locale_lang))
}

/// The zone "today" and "now" are read in: the register's `timezone`
/// setting, so that a register run on a server kept in UTC still dates
/// the office's day; without one (registers made before the setting), the
/// machine's zone (`TZ`, else the system's).
fn settle_zone(early: &EarlySettings) -> Result<TimeZone> {
    match &early.timezone {
        None => Ok(TimeZone::system()),
        Some(text) => taizhang_core::store::register::time_zone(text).ok_or_else(|| {
            CoreError::BadConfig {
                path: early.path.clone(),
                problem: taizhang_core::model::config::ConfigProblem::BadTimezone {
                    value: text.clone(),
                },
            }
            .into()
        }),
    }
}

/// The language of `--help` and of usage errors, settled before clap
/// parses the command line, the same way [`Ctx::new`] settles it:
/// `--lang X`/`--lang=X` and `-C DIR`/`--register DIR` are picked out of
/// `argv` by hand (up to a `--`), then `TAIZHANG_LANG`, the register's
/// `language`, the locale. A `--lang` it cannot read leaves the locale's
/// (the command then reports the bad flag in it, as it always did).
pub fn usage_lang(argv: &[std::ffi::OsString]) -> Lang {
    let mut lang = None;
    let mut register = None;
    let mut words = argv.iter().skip(1).map(|w| w.to_string_lossy());
    while let Some(word) = words.next() {
        let word = word.as_ref();
        if word == "--" {
            break;
        }
        if word == "--lang" {
            lang = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            lang = Some(value.to_owned());
        } else if word == "-C" || word == "--register" {
            register = words.next().map(|w| PathBuf::from(w.as_ref()));
        } else if let Some(value) = word.strip_prefix("--register=") {
            register = Some(PathBuf::from(value));
        } else if let Some(value) = word.strip_prefix("-C").filter(|v| !v.is_empty()) {
            register = Some(PathBuf::from(value.strip_prefix('=').unwrap_or(value)));
        }
    }
    let register = register.or_else(|| env_text("TAIZHANG_REGISTER").map(PathBuf::from));
    let Ok(cwd) = std::env::current_dir() else {
        return locale_lang();
    };
    let early = taizhang_core::store::register::early_settings(register.as_deref(), &cwd);
    let setting = early.and_then(|e| e.language);
    settle_lang_of(lang, setting.as_deref()).unwrap_or_else(|_| locale_lang())
}

/// How wide `--help` may be, as clap reckons it: the terminal's width,
/// else `COLUMNS`, else 100; at most 100.
pub fn help_width() -> usize {
    let terminal = comfy_table::Table::new().width().map(usize::from);
    terminal
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(100)
        .min(100)
}

/// Now: the system clock, or `TAIZHANG_NOW` (RFC 3339, for tests: a
/// moment far enough after a file was written lets the cache trust it
/// without waiting, and pins the times written into history entries).
fn clock() -> Result<Timestamp> {
    match std::env::var("TAIZHANG_NOW").ok().filter(|s| !s.is_empty()) {
        None => Ok(Timestamp::now()),
        Some(text) => text.parse().map_err(|_| Error::BadDate {
            flag: Flag::source("TAIZHANG_NOW"),
            source: date::BadDate {
                input: text,
                reason: None,
            },
        }),
    }
}

/// An environment variable's text, if set and not blank.
fn env_text(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.trim().is_empty())
}

fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| v.to_ascii_lowercase().starts_with("zh").then_some(Lang::Zh))
        .unwrap_or(Lang::En)
}

/// Refuses a date before `model::date::EARLIEST` or after `LATEST`,
/// naming the flag it was given to.
fn in_range<T>(given: &Given<T>, date: Date) -> Result<()> {
    match date::in_range(date) {
        true => Ok(()),
        false => Err(Error::DateOutOfRange {
            flag: given.flag.clone(),
            date: date.to_string(),
        }),
    }
}
