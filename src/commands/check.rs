//! `taizhang check`: validate the whole register, reporting every problem
//! rather than stopping at the first; exit 1 on any error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::context::{CsvArgs, Ctx};
use crate::error::{CoreError, Error, Result};
use crate::i18n::tr;
use crate::i18n::{Label, Lang, Message};
use crate::report::output::Output;
use crate::report::render::{Table, Tone};
use std::sync::Arc;

use taizhang_core::model::archive::ArchiveNumber;
use taizhang_core::model::validate::{self, ArchiveNote, Note, Severity};
use taizhang_core::store::parse::ReadProblem;
use taizhang_core::store::parse::key_line_in;
use taizhang_core::store::{self, Register, Snapshot, git};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Check the whole register: unreadable YAML (file:line:col), missing or bad fields, unknown \
        fields (as warnings), duplicate IDs, IDs that do not match their file, dangling links, \
        conflict markers, impossible dates, records not committed to git. Exits 1 when there is \
        any error",
        "检查整个台账：无法读取的 YAML（文件:行:列）、缺失或错误的字段、未知字段（作为警告）、重复\
        编号、与文件名不符的编号、断开的关联、冲突标记、不可能的日期、未提交到 git 的记录。有任何\
        错误即以 1 退出",
    ),
)]
pub struct Args {
    #[command(flatten)]
    pub csv: CsvArgs,
}

/// One problem, located.
#[derive(Debug, Clone, Serialize)]
struct Issue {
    severity: &'static str,
    file: String,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// Worded in the reader's language on a terminal; JSON keeps English
    /// so that scripts see stable text.
    #[serde(serialize_with = "in_english")]
    message: Said,
}

/// What an issue says: a finding of the rules, a file the reader could
/// not read, or a setting that failed to load.
#[derive(Debug, Clone)]
enum Said {
    Note(Note),
    Unreadable(ReadProblem),
    Failed(std::sync::Arc<Error>),
    /// Classified records kept in clear, the register having no
    /// `[secrecy] titles` policy: how many.
    ClearTitles(usize),
}

impl Said {
    fn words(&self, lang: Lang) -> String {
        match self {
            Said::Note(note) => lang.note(note),
            Said::Unreadable(problem) => lang.problem(problem),
            Said::Failed(error) => lang.error(error).0,
            Said::ClearTitles(count) => crate::i18n::secrecy::plain_warning(lang, *count),
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    // A change a killed writer left half done is finished first, so that
    // the links below are read whole.
    let mut pending: Vec<Issue> = pending_change(&register).into_iter().collect();
    pending.extend(killed_sync(&register));
    let (snapshot, git_issues) = read_beside_git(&register);
    let (snapshot, own) = snapshot;
    store::note_dangling(&register, &dangling(&snapshot));
    let mut issues = record_issues(&register, &snapshot, own, ctx.today.year());
    issues.extend(git_issues);
    issues.extend(pending);
    issues.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
    let errors = issues.iter().filter(|i| i.severity == "error").count();
    let warnings = issues.len() - errors;
    ctx.emit(output(ctx, &issues, snapshot.tied.len(), args.csv))?;
    // The process ends here: freeing a hundred thousand records one by
    // one would only delay the exit the system reclaims them at anyway.
    std::mem::forget(snapshot);
    if errors > 0 {
        return Err(Error::CheckFailed { errors, warnings });
    }
    Ok(ExitCode::SUCCESS)
}

/// The register read for `check`, and what stops its commits or is not
/// committed. git is asked beside the reading: what it must be asked is
/// known once the register is listed (`git::listed`), long before its
/// records are read.
fn read_beside_git(register: &Register) -> ((Snapshot, Own), Vec<Issue>) {
    let folders = &Register::committed_folders();
    let (tell, told) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let issues = scope.spawn(|| git_issues(register));
        let asking = scope.spawn(move || {
            let since = since(register);
            // Not shown the listing: git is asked about everything.
            let listed = told.recv().unwrap_or_else(|_| git::Listed::unknown());
            uncommitted(register, since, listed, folders)
        });
        let snapshot = load(register, &mut |walked| {
            let _ = tell.send(git::listed(register, walked, folders));
        });
        drop(tell);
        let mut issues = issues.join().unwrap_or_default();
        issues.extend(asking.join().unwrap_or_default());
        (snapshot, issues)
    })
}

/// Every finding `check` reports for the records (not git state), one
/// line each in English, `file:line: severity: message`: for tools and
/// tests built on the library, such as the register generator's.
pub fn findings(register: &Register, year: i16) -> Vec<String> {
    let (snapshot, own) = load(register, &mut |_| {});
    record_issues(register, &snapshot, own, year)
        .iter()
        .map(|i| {
            let message = i.message.words(Lang::En);
            format!("{}:{}: {}: {message}", i.file, i.line, i.severity)
        })
        .collect()
}

/// What the rules of each record alone find, and the archive numbers
/// the records account for (held or named in their history), which the
/// ledger is held to once their history is dropped.
#[derive(Default)]
struct Own {
    issues: Vec<Issue>,
    archive_numbers: Vec<ArchiveNumber>,
}

/// Every record's ties, and what the rules of each record alone find in
/// it. The store runs the rules on each record as it is read, or takes
/// from its cache that an unchanged record was found clean, and keeps
/// only what the rules across records read (`store::load_checked`): the
/// whole register is never held whole.
fn load(register: &Register, listed: &mut dyn FnMut(store::Walked)) -> (Snapshot, Own) {
    let (snapshot, checks) = store::load_checked(register, listed);
    let issues = (checks.findings.into_iter())
        .map(|(path, finding)| located(register, &path, finding))
        .collect();
    let own = Own {
        issues,
        archive_numbers: checks.archive_numbers,
    };
    (snapshot, own)
}

/// What the records themselves, and the calendar for `year`, give to
/// report; `own` is what the rules of each record alone found (`load`).
fn record_issues(register: &Register, snapshot: &Snapshot, own: Own, year: i16) -> Vec<Issue> {
    let mut issues = ledger_issues(register, &own.archive_numbers);
    issues.extend(collect(register, snapshot, own.issues));
    issues.extend(calendar_issues(register, snapshot, year));
    issues
}

/// Archive numbers the ledger says were given out that no record
/// accounts for (a record deleted by hand), each run on the line of its
/// group; or the ledger itself, when it cannot be read.
fn ledger_issues(register: &Register, used: &[ArchiveNumber]) -> Vec<Issue> {
    let file = store::numbering::ARCHIVE_LEDGER;
    let issue = |line, message| Issue {
        severity: "error",
        file: file.to_string(),
        line,
        column: 0,
        field: None,
        message,
    };
    let given = match store::numbering::read_ledger(register) {
        Ok(given) => given,
        Err(error) => return vec![issue(0, Said::Failed(Arc::new(error.into())))],
    };
    let text = std::fs::read_to_string(register.root.join(file)).unwrap_or_default();
    (given.gaps(used).into_iter())
        .map(|gap| {
            let group = format!("\"{}\"", gap.first.group());
            let line = (text.lines().position(|l| l.starts_with(&group))).map_or(0, |i| i + 1);
            issue(line, Said::Note(Note::Archive(ArchiveNote::Gap(gap))))
        })
        .collect()
}

fn collect(register: &Register, snapshot: &Snapshot, own: Vec<Issue>) -> Vec<Issue> {
    let mut issues = Vec::new();
    let issue = |severity, path: &Path, line, field: Option<String>, message: Note| Issue {
        severity,
        file: path.display().to_string(),
        line,
        column: 0,
        field,
        message: Said::Note(message),
    };
    for problem in &snapshot.problems {
        issues.push(Issue {
            severity: "error",
            file: problem.path.display().to_string(),
            line: problem.line,
            column: problem.column,
            field: None,
            message: Said::Unreadable((*problem.problem).clone()),
        });
    }
    for stray in &snapshot.strays {
        issues.push(issue("warning", stray, 0, None, Note::Stray));
    }
    for commented in &snapshot.commented {
        issues.push(issue("warning", commented, 0, None, Note::Comments));
    }
    // Records come sorted by ID, so a finding's file is a binary search
    // away, not a scan of the whole register.
    let path_of = |id: &taizhang_core::model::id::Id| -> PathBuf {
        snapshot
            .tied
            .binary_search_by(|t| t.ties.id.cmp(id))
            .map(|i| snapshot.tied[i].path.clone())
            .unwrap_or_default()
    };
    issues.extend(own);
    issues.extend(settings_issues(register));
    issues.extend(clear_titles(register, snapshot));
    let ties: Vec<_> = snapshot.tied.iter().map(|t| &t.ties).collect();
    for finding in validate::check_links(&ties) {
        let path = path_of(&finding.id);
        issues.push(located(register, &path, finding));
    }
    issues
}

/// What is wrong in the settings themselves, each on its line with its
/// key: a value the loader reads but a command would trip on, a list
/// naming one thing twice, a logbook declaration that does not hold.
fn settings_issues(register: &Register) -> Vec<Issue> {
    let settings = store::register::SETTINGS_FILE;
    let text = std::fs::read_to_string(register.root.join(settings)).unwrap_or_default();
    validate::check_settings(&register.config)
        .into_iter()
        .map(|note| {
            let (line, field) = match &note {
                Note::Setting(problem) => (
                    store::settings::line_of(&text, &problem.place()).unwrap_or(0),
                    Some(problem.key()),
                ),
                _ => (0, None),
            };
            let warning = matches!(&note, Note::Setting(problem) if problem.is_warning());
            Issue {
                severity: if warning { "warning" } else { "error" },
                file: settings.to_string(),
                line,
                column: 0,
                field,
                message: Said::Note(note),
            }
        })
        .collect()
}

/// One warning, on the settings, when a register without a `[secrecy]
/// titles` policy holds classified records: their titles sit in clear in
/// every file, clone and remote (docs/secrecy.md).
fn clear_titles(register: &Register, snapshot: &Snapshot) -> Option<Issue> {
    let count = snapshot.classified.len();
    if register.config.secrecy.titles.is_some() || count == 0 {
        return None;
    }
    Some(Issue {
        severity: "warning",
        file: store::register::SETTINGS_FILE.to_string(),
        line: 0,
        column: 0,
        field: Some("secrecy.titles".to_string()),
        message: Said::ClearTitles(count),
    })
}

/// What stops the register's commits, where commits are expected: git
/// missing from PATH, a stale lock file of git's (docs/git-and-sharing.md).
fn git_issues(register: &Register) -> Vec<Issue> {
    if !register.config.git.autocommit {
        return Vec::new();
    }
    let error = |file: String, message| Issue {
        severity: "error",
        file,
        line: 0,
        column: 0,
        field: None,
        message: Said::Note(message),
    };
    match git::locate(&register.root) {
        git::Place::Outside => Vec::new(),
        git::Place::NoGit => vec![error(".git".into(), Note::GitMissing)],
        git::Place::Unreadable { message } => {
            vec![error(".git".into(), Note::GitUnreadable { message })]
        }
        git::Place::Repo {
            git_dir,
            common_dir,
        } => git::locks(&git_dir, &common_dir, register.runtime.now)
            .into_iter()
            .filter(|(_, age)| *age >= git::STALE_AFTER)
            .map(|(path, age)| {
                let shown = path.strip_prefix(&register.root).unwrap_or(&path);
                error(
                    shown.display().to_string(),
                    Note::StaleGitLock {
                        minutes: age.as_secs() / 60,
                    },
                )
            })
            .collect(),
    }
}

/// The IDs records link to that no record has: `allocate` skips them, so
/// a dangling link never comes to name an unrelated new record.
fn dangling(snapshot: &Snapshot) -> Vec<taizhang_core::model::id::Id> {
    let exists = |id: &taizhang_core::model::id::Id| {
        (snapshot.tied)
            .binary_search_by(|t| t.ties.id.cmp(id))
            .is_ok()
    };
    let mut ids: Vec<_> = (snapshot.tied.iter())
        .flat_map(|t| t.ties.links.iter().map(|link| &link.target))
        .filter(|id| !exists(id))
        .cloned()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A change a killed writer left half in place: finished now if no other
/// command holds the write lock (a warning: its files are to be
/// committed); else reported, as a warning while another command holds
/// the lock (it finishes the change first), as an error when it could not
/// be finished.
fn pending_change(register: &Register) -> Option<Issue> {
    let (severity, message) = match store::finish_pending(register) {
        store::Pending::None => return None,
        store::Pending::Finished(files) => (
            "warning",
            Note::ChangeFinished {
                files: joined(&files),
            },
        ),
        store::Pending::Busy(files) => (
            "warning",
            Note::ChangePending {
                files: joined(&files),
            },
        ),
        store::Pending::Left(files) => (
            "error",
            Note::ChangePending {
                files: joined(&files),
            },
        ),
    };
    Some(Issue {
        severity,
        file: format!("{}/{}", store::register::STATE_DIR, store::save::JOURNAL),
        line: 0,
        column: 0,
        field: None,
        message: Said::Note(message),
    })
}

/// The lock file a killed sync left on its private index: removed now,
/// when no command holds the write lock (a warning), or an error when it
/// could not be.
fn killed_sync(register: &Register) -> Option<Issue> {
    let (severity, path, removed) = match store::sync::clear_killed_sync(register)? {
        Ok(path) => ("warning", path, true),
        Err(path) => ("error", path, false),
    };
    let path = path.display().to_string();
    Some(Issue {
        severity,
        file: path.clone(),
        line: 0,
        column: 0,
        field: None,
        message: Said::Note(Note::SyncLeftover { path, removed }),
    })
}

fn joined(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `check` looks for files not committed (where commits are
/// expected) and, if so, what it learns of git while the register is
/// listed (`git::since`).
fn since(register: &Register) -> Option<git::Since> {
    if !register.config.git.autocommit || !git::is_work_tree(&register.root) {
        return None;
    }
    Some(git::since(register))
}

/// Record files changed but not committed, where commits are expected:
/// git is asked only about what changed since the last `check` in what
/// this one `listed` (`git::uncommitted_since`).
fn uncommitted(
    register: &Register,
    since: Option<git::Since>,
    listed: git::Listed,
    folders: &[&str],
) -> Vec<Issue> {
    let Some(since) = since else {
        return Vec::new();
    };
    git::uncommitted_since(register, since, listed, folders)
        .into_iter()
        .map(|path| Issue {
            severity: "warning",
            file: path.display().to_string(),
            line: 0,
            column: 0,
            field: None,
            message: Said::Note(Note::Uncommitted),
        })
        .collect()
}

fn located(register: &Register, path: &Path, finding: validate::Finding) -> Issue {
    let line = finding
        .field
        .as_deref()
        .map_or(0, |field| key_line_in(register, path, field));
    Issue {
        severity: match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        file: path.display().to_string(),
        line,
        column: 0,
        field: finding.field,
        message: Said::Note(finding.message),
    }
}

/// The issues as lines for a terminal (and the all-clear), a table of
/// them for Markdown and CSV, or JSON.
fn output<'a>(ctx: &'a Ctx, issues: &'a [Issue], records: usize, csv: CsvArgs) -> Output<'a> {
    let lang = ctx.lang();
    let word = move |severity: &str| {
        lang.message(if severity == "error" {
            Message::Error
        } else {
            Message::Warning
        })
    };
    let location = |i: &Issue| match (i.line, i.column) {
        (0, _) => i.file.clone(),
        (line, 0) => format!("{}:{line}", i.file),
        (line, column) => format!("{}:{line}:{column}", i.file),
    };
    let table = move || {
        let mut table = Table::new(
            [Label::Severity, Label::File, Label::Problem]
                .iter()
                .map(|l| lang.label(*l).to_string())
                .collect(),
        );
        for i in issues {
            table.push(vec![
                (word(i.severity).to_string(), Tone::Plain),
                (location(i), Tone::Plain),
                (i.message.words(lang), Tone::Plain),
            ]);
        }
        table
    };
    let lines = move |_| {
        let mut out = String::new();
        for i in issues {
            out.push_str(&format!(
                "{}: {}{}{}\n",
                word(i.severity),
                location(i),
                lang.colon(),
                i.message.words(lang)
            ));
        }
        let errors = issues.iter().any(|i| i.severity == "error");
        if issues.is_empty() {
            out.push_str(&lang.check_clean(records));
            out.push('\n');
        } else if !errors {
            out.push_str(&lang.check_warned(records, issues.len()));
            out.push('\n');
        }
        out
    };
    Output::new()
        .terminal(lines)
        .markdown(move || table().to_markdown())
        .csv(csv.bom, table)
        .json(issues)
}

/// The calendar's own problems, and deadlines still to be met (a
/// follow-up's effective due date, an action paper's deadline) that fall
/// on a day off — weekends, and the holidays of `calendar.toml`.
fn calendar_issues(register: &Register, snapshot: &Snapshot, year: i16) -> Vec<Issue> {
    use taizhang_core::model::date::{PlainWeek, WorkingDays};
    let mut issues = Vec::new();
    let calendar: Box<dyn WorkingDays> = match store::calendar::load(register) {
        Ok(Some(calendar)) => {
            // Holidays are announced a year at a time: say when this
            // year's are missing rather than count weekends alone.
            if !calendar.years().contains(&year) {
                issues.push(Issue {
                    severity: "warning",
                    file: store::calendar::CALENDAR_FILE.to_string(),
                    line: 0,
                    column: 0,
                    field: None,
                    message: Said::Note(Note::NoHolidays { year }),
                });
            }
            Box::new(calendar)
        }
        Ok(None) => Box::new(PlainWeek),
        Err(e) => {
            let message = match e {
                CoreError::BadConfig { problem, .. } => Said::Note(Note::Config(problem)),
                other => Said::Failed(std::sync::Arc::new(other.into())),
            };
            return vec![Issue {
                severity: "error",
                file: store::calendar::CALENDAR_FILE.to_string(),
                line: 0,
                column: 0,
                field: None,
                message,
            }];
        }
    };
    for tied in &snapshot.tied {
        let Some(due) = tied.ties.deadline else {
            continue;
        };
        if calendar.is_working_day(due) {
            continue;
        }
        let field = match tied.ties.kind {
            taizhang_core::model::kind::Kind::Incoming => "deadline",
            _ => "due",
        };
        issues.push(Issue {
            severity: "warning",
            file: tied.path.display().to_string(),
            line: key_line_in(register, &tied.path, field),
            column: 0,
            field: Some(field.to_string()),
            message: Said::Note(Note::DayOff { due }),
        });
    }
    issues
}

fn in_english<S: serde::Serializer>(said: &Said, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&said.words(Lang::En))
}
