//! `taizhang init`: create a register.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::context::Ctx;
use crate::error::Result;
use crate::model::calendar::preset;
use crate::model::config::{Config, Series};
use crate::store::init::{self, Git};

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
    let mut config = Config::new(args.unit.as_deref().unwrap_or_default().trim());
    if let Some(lang) = ctx.args.lang.as_deref() {
        config.language = Some(lang.to_string());
    }
    config.series.push(Series {
        name: "发文".into(),
        issuer: args.issuer.trim().to_string(),
    });
    // The working-day calendar for this year and next (+5wd, check).
    let year = ctx.today.year();
    let git = match (args.no_git, ctx.args.no_commit) {
        (true, _) => Git::None,
        (false, true) => Git::Repository,
        (false, false) => Git::Commit,
    };
    init::create(&root, &config, &preset(&[year, year + 1]), git)?;
    ctx.note(&ctx.lang().created_register(&root));
    Ok(ExitCode::SUCCESS)
}
