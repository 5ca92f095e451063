//! `taizhang init`: create a register.

use std::path::PathBuf;
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::context::values::{self, Given};
use crate::context::{Ctx, split_list};
use crate::error::{CoreError, Error, Flag, Result};
use crate::i18n::tr;
use crate::i18n::{Lang, ZoneFrom};
use taizhang_core::model::calendar::preset;
use taizhang_core::model::config::{Config, Person, Series, TitlePolicy, UnitDef};
use taizhang_core::store::init::{self, Git};

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Create a register: settings with the logbook presets, folders, a .gitignore for local \
        state, and (unless --no-git) a git repository with a first commit. An existing register is \
        never overwritten",
        "新建台账：写入含预置登记簿的设置、各文件夹、忽略本地状态的 .gitignore，并（除非 --no-git）\
        建立 git 仓库、做首次提交。已有的台账决不覆盖",
    ),
    long_about = tr(
        "Create a register: settings with the logbook presets, folders, a .gitignore for local \
        state, and (unless --no-git) a git repository with a first commit. An existing register is \
        never overwritten.\n\n\
        The office's language (--lang, else the locale) and time zone (--timezone, else the \
        machine's, else Asia/Shanghai) are written into the settings, so that reminders from cron, \
        where the locale is often C and the zone UTC, still speak the office's language and date \
        its day. With --units, unit names given to --lead and --unit are checked against them from \
        the start.",
        "新建台账：写入含预置登记簿的设置、各文件夹、忽略本地状态的 .gitignore，并（除非 --no-git）\
        建立 git 仓库、做首次提交。已有的台账决不覆盖。\n\n\
        机关使用的语言（--lang，否则取系统区域设置）和时区（--timezone，否则取本机时区，本机为 UTC \
        或无名称时取 Asia/Shanghai）写入设置，这样即使定时任务（cron）的区域设置是 C、时区是 UTC，\
        提醒仍用这种语言、按机关所在地的日期计日。给了 --units，从一开始就按它核对 --lead 和 \
        --unit 所填的单位名称。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "Where to create it [default: the current folder]",
        "在哪里新建（默认：当前文件夹）",
    ))]
    pub dir: Option<PathBuf>,

    #[arg(help = tr(
        "The unit's name (单位名称), e.g. 某市交通运输局",
        "单位名称，如 某市交通运输局",
    ))]
    #[arg(long)]
    pub unit: Option<String>,

    #[arg(help = tr(
        "The issuer code of outgoing document numbers (发文机关代字), e.g. 市交发",
        "发文机关代字，如 市交发",
    ))]
    #[arg(long, default_value = "办发")]
    pub issuer: String,

    #[arg(help = tr(
        "The fonds code (全宗号) the archives gave the office, for archive numbers, e.g. J012",
        "全宗号，档案馆给定，用于档号",
    ))]
    #[arg(long, value_name = "CODE")]
    pub fonds: Option<String>,

    #[arg(help = tr(
        "The office's units (科室), comma-separated or repeated, each NAME or NAME:CODE, e.g. 办公\
        室:BGS,财务科:CWK",
        "机关的科室，用逗号分隔或重复给出，每个写成 名称 或 名称:代码，如 办公室:BGS,财务科:CWK",
    ))]
    #[arg(long, value_name = "UNIT", value_parser = values::given())]
    pub units: Vec<Given<String>>,

    #[arg(help = tr(
        "The people of the office, comma-separated or repeated, each NAME or NAME:UNIT, e.g. 张三:\
        办公室",
        "机关的人员，用逗号分隔或重复给出，每个写成 姓名 或 姓名:科室，如 张三:办公室",
    ))]
    #[arg(long, value_name = "NAME", value_parser = values::given())]
    pub people: Vec<Given<String>>,

    #[arg(help = tr(
        "The office's time zone, for \"today\" and every time written: an IANA name (Asia/Shanghai) \
        or a fixed offset (+08:00) [default: the machine's zone, unless it is UTC or unnamed, then \
        Asia/Shanghai]",
        "机关所在的时区，用于“今天”和写入的每个时间：IANA 名称（Asia/Shanghai）或固定时差（+08:00）\
        （默认：本机时区，本机为 UTC 或无名称时取 Asia/Shanghai）",
    ))]
    #[arg(long, value_name = "ZONE", value_parser = values::zone)]
    pub timezone: Option<String>,

    #[arg(help = tr("Do not create a git repository", "不建立 git 仓库"))]
    #[arg(long)]
    pub no_git: bool,
}

/// The zone a new register gets when neither `--timezone` nor the machine
/// names one: the product's offices are in China.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// The zone to write: `--timezone` (read, and spelt as written, by
/// `values::zone`), else the machine's when it has an IANA name that is
/// not UTC, else [`DEFAULT_ZONE`].
fn choose_zone(given: Option<&str>, machine: &TimeZone) -> Result<(String, ZoneFrom)> {
    if let Some(name) = given {
        return Ok((name.to_string(), ZoneFrom::Given));
    }
    match machine.iana_name() {
        Some(name) if !is_utc(name) && !machine.is_unknown() => {
            Ok((name.to_string(), ZoneFrom::Machine))
        }
        _ => Ok((DEFAULT_ZONE.to_string(), ZoneFrom::Default)),
    }
}

/// UTC under its many names (`UTC`, `Etc/UTC`, `Etc/Universal`, `GMT`,
/// `Zulu` …): a server's zone, no office's.
fn is_utc(name: &str) -> bool {
    let name = name.strip_prefix("Etc/").unwrap_or(name);
    [
        "UTC",
        "UCT",
        "Universal",
        "Zulu",
        "GMT",
        "GMT0",
        "GMT+0",
        "GMT-0",
        "Greenwich",
    ]
    .iter()
    .any(|utc| utc.eq_ignore_ascii_case(name))
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let root = ctx.cwd.join(args.dir.unwrap_or_default());
    let mut config = Config::new(args.unit.as_deref().unwrap_or_default().trim());
    // The office's language, which init speaks too.
    let lang = office_language(ctx, &config.unit);
    config.language = Some(lang.code().to_string());
    let (zone, from) = choose_zone(args.timezone.as_deref(), &ctx.machine_zone())?;
    config.timezone = Some(zone);
    // A new register never keeps a classified title on disk
    // (docs/secrecy.md); an office that needs them sets `encrypted`.
    config.secrecy.titles = Some(TitlePolicy::Withheld);
    config.fonds = args.fonds.as_deref().unwrap_or_default().trim().to_string();
    config.units = units(&args.units)?;
    config.people = people(&config, &args.people)?;
    config.series.push(Series {
        name: "发文".into(),
        issuer: args.issuer.trim().to_string(),
        start: None,
        start_year: None,
    });
    // The working-day calendar for this year and next (+5wd, check).
    let year = ctx.today.year();
    let git = match (args.no_git, ctx.args.no_commit) {
        (true, _) => Git::None,
        (false, true) => Git::Repository,
        (false, false) => Git::Commit,
    };
    init::create(&root, &config, &preset(&[year, year + 1]), git)?;
    ctx.note(&lang.created_register(&root));
    if let Some(zone) = &config.timezone {
        ctx.note(&lang.zone_set(zone, from));
    }
    if config.units.is_empty() {
        // In the office's language, as the lines around it.
        let warning = lang.message(crate::i18n::Message::Warning);
        eprintln!("{warning}: {}", lang.units_unchecked());
    }
    ctx.note(&lang.next_steps(&next_steps(&config)));
    Ok(ExitCode::SUCCESS)
}

/// The language a new register is written with, always, so that reminders
/// from cron (where the locale is often C) speak the office's: `--lang`
/// or the locale when they name one, else Chinese for a unit with a
/// Chinese name, else English.
fn office_language(ctx: &Ctx, unit: &str) -> Lang {
    ctx.office_language().unwrap_or_else(|| {
        let chinese = unit.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if chinese { Lang::Zh } else { Lang::En }
    })
}

/// What a clerk types next, as commands: what the new register still
/// lacks first (units, people, the 全宗号), then the first records. A
/// person goes to the first unit the register has.
fn next_steps(config: &Config) -> Vec<String> {
    let unit = config.units.first().map_or("办公室", |u| u.name.as_str());
    let lacking = [
        (
            config.units.is_empty(),
            "taizhang unit add 办公室 --code BGS".to_string(),
        ),
        (
            config.people.is_empty(),
            format!("taizhang person add 张三 --unit {unit}"),
        ),
        (
            config.fonds.is_empty(),
            "taizhang config set fonds J012".to_string(),
        ),
        (true, "taizhang series add 县政办函".to_string()),
        (
            true,
            "taizhang log in --title 关于做好年终工作的通知 --from 市政府办公室".to_string(),
        ),
    ];
    lacking
        .into_iter()
        .filter(|(lacks, _)| *lacks)
        .map(|(_, command)| command)
        .take(3)
        .collect()
}

/// The items of a list flag given once or more (`A,B` and repeated),
/// each with the flag it came in.
fn items(inputs: &[Given<String>]) -> impl Iterator<Item = (&Flag, String)> {
    inputs.iter().flat_map(|given| {
        split_list(std::slice::from_ref(&given.value))
            .into_iter()
            .map(move |item| (&given.flag, item))
    })
}

/// `NAME` or `NAME:CODE` (also with a full-width colon); no name or code
/// twice, since either names the unit on the command line.
fn units(inputs: &[Given<String>]) -> Result<Vec<UnitDef>> {
    let mut units: Vec<UnitDef> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (flag, item) in items(inputs) {
        let (name, code) = name_and(&item);
        let name = values::text(name).map_err(|bad| bad.at(flag.clone()))?;
        let code = code.map(str::trim).filter(|c| !c.is_empty());
        for given in std::iter::once(name.as_str()).chain(code) {
            if names.iter().any(|n| n.eq_ignore_ascii_case(given)) {
                return Err(Error::DeclaredTwice {
                    flag: flag.clone(),
                    name: given.to_string(),
                });
            }
            names.push(given.to_string());
        }
        units.push(UnitDef {
            name,
            code: code.map(str::to_string),
            ..UnitDef::default()
        });
    }
    Ok(units)
}

/// `NAME` or `NAME:UNIT`; the unit must be one of `--units` when any are
/// declared.
fn people(config: &Config, inputs: &[Given<String>]) -> Result<Vec<Person>> {
    let mut people: Vec<Person> = Vec::new();
    for (flag, item) in items(inputs) {
        let (name, unit) = name_and(&item);
        let name = values::text(name).map_err(|bad| bad.at(flag.clone()))?;
        if people.iter().any(|p| p.name == name) {
            return Err(Error::DeclaredTwice {
                flag: flag.clone(),
                name,
            });
        }
        let unit = match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some(unit) => {
                Some(
                    config
                        .resolve_unit(unit)
                        .map_err(|known| CoreError::UnknownUnit {
                            input: unit.to_string(),
                            known,
                        })?,
                )
            }
            None => None,
        };
        people.push(Person {
            name,
            unit,
            ..Person::default()
        });
    }
    Ok(people)
}

/// Splits `A:B` (or `A：B`) at the first colon.
fn name_and(item: &str) -> (&str, Option<&str>) {
    match item.split_once([':', '：']) {
        Some((name, rest)) => (name, Some(rest)),
        None => (item, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_takes_the_flag_else_the_machine_zone_else_shanghai() {
        let utc = TimeZone::get("Etc/UTC").unwrap();
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        let given = |text| choose_zone(values::zone(text).ok().as_deref(), &utc).unwrap();
        assert_eq!(
            given("asia/tokyo"),
            ("Asia/Tokyo".to_string(), ZoneFrom::Given)
        );
        assert_eq!(given("+0530"), ("+05:30".to_string(), ZoneFrom::Given));
        assert_eq!(given("+8"), ("+08:00".to_string(), ZoneFrom::Given));
        assert!(values::zone("Mars/Olympus").is_err());
        let machine = choose_zone(None, &berlin).unwrap();
        assert_eq!(machine, ("Europe/Berlin".to_string(), ZoneFrom::Machine));
        for server in [utc, TimeZone::UTC, TimeZone::fixed(jiff::tz::offset(8))] {
            let default = choose_zone(None, &server).unwrap();
            assert_eq!(default, (DEFAULT_ZONE.to_string(), ZoneFrom::Default));
        }
        assert!(is_utc("Etc/Universal") && is_utc("GMT") && !is_utc("Europe/London"));
    }
}
