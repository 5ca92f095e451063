//! `taizhang init`: create a register.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::calendar::preset;
use crate::model::config::{Config, Series};
use crate::model::kind::Kind;
use crate::store::calendar::CALENDAR_FILE;
use crate::store::register::{SETTINGS_FILE, render_config};
use crate::store::{git, save};

/// Create a register: settings with the logbook presets, folders, a
/// .gitignore for local state, and (unless --no-git) a git repository with
/// a first commit. An existing register is never overwritten.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create it [default: the current folder]
    pub dir: Option<PathBuf>,

    /// The unit's name (单位名称), e.g. 某市交通运输局
    #[arg(long)]
    pub unit: Option<String>,

    /// The issuer code of outgoing document numbers (发文机关代字), e.g. 市交发
    #[arg(long, default_value = "办发")]
    pub issuer: String,

    /// Do not create a git repository
    #[arg(long)]
    pub no_git: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let root = ctx.cwd.join(args.dir.unwrap_or_default());
    if root.join(SETTINGS_FILE).exists() {
        return Err(Error::RegisterExists { path: root });
    }
    std::fs::create_dir_all(&root).map_err(|e| Error::io(&root, e))?;

    let mut config = Config::new(args.unit.as_deref().unwrap_or_default().trim());
    if let Some(lang) = ctx.args.lang.as_deref() {
        config.language = Some(lang.to_string());
    }
    config.series.push(Series {
        name: "发文".into(),
        issuer: args.issuer.trim().to_string(),
    });
    let settings = PathBuf::from(SETTINGS_FILE);
    let ignore = PathBuf::from(".gitignore");
    save::write_atomic(&root, &settings, render_config(&config).as_bytes())?;
    if !root.join(&ignore).exists() {
        save::write_atomic(
            &root,
            &ignore,
            b"# taizhang's local state: lock, cache\n.taizhang/\n",
        )?;
    }
    // The working-day calendar for this year and next (+5wd, check).
    let calendar = PathBuf::from(CALENDAR_FILE);
    let year = ctx.today.year();
    if !root.join(&calendar).exists() {
        save::write_atomic(&root, &calendar, preset(&[year, year + 1]).as_bytes())?;
    }
    for kind in [Kind::Incoming, Kind::Followup, Kind::Meeting, Kind::Logbook] {
        let dir = root.join(kind.folder());
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    save::ensure_state_dir(&root)?;

    if !args.no_git {
        // Inside a repository already (the office keeps one for all its
        // files), the register joins it, as `cargo new` does: a nested
        // repository would show as one opaque entry in the outer one.
        if !git::is_work_tree(&root) {
            git::init(&root)?;
        }
        if config.git.autocommit && !ctx.args.no_commit {
            git::commit(
                &root,
                &[settings, ignore, calendar],
                "taizhang: init register",
            )
            .map_err(|message| Error::CommitFailed {
                what: SETTINGS_FILE.to_string(),
                message,
            })?;
        }
    }
    ctx.note(&ctx.lang().created_register(&root));
    Ok(ExitCode::SUCCESS)
}
