//! Generates a realistic, deterministic register for benchmarks
//! (docs/exit-codes-and-performance.md).
//!
//! `cargo run --release --example gen_register -- --records N [--seed S] [--no-git] DIR`
//!
//! Ten years of records (2017–2026): about 28% incoming documents, 11%
//! outgoing, 24% follow-ups and 7% meetings, with Chinese titles and units,
//! statuses, progress notes, extensions and chases in office-like
//! proportions, and some matters overdue relative to 2026-11-23; the other
//! 30% are logbook entries (the `visit`, `seal` and `duty` books): 15%
//! visitors, 12% seal uses (a few seals taken out, some of the recent ones
//! still out, a few of those overdue) and 3% duty days (one a day, the
//! last days of each year, this year's running a week past 2026-11-23).
//! Every file is built from the library's own types and written with the
//! library's own emitter, so it is byte for byte what `taizhang` would
//! write.
//!
//! Same seed, same files: the generator never reads the clock; randomness
//! comes from a small seeded SplitMix64 below, not from a dependency.
//! It must never touch an existing register: it refuses a folder that
//! already holds `taizhang.toml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::{Date, date};
use jiff::tz::Offset;

use taizhang_core::model::common::{Extra, HistoryEntry};
use taizhang_core::model::config::{Config, LogbookDef, Series, UnitDef};
use taizhang_core::model::date::{Moment, When};
use taizhang_core::model::followup::{Chase, Extension, Followup, FuStatus, Outcome, Progress};
use taizhang_core::model::id::{Id, RecordRef};
use taizhang_core::model::incoming::{InStatus, Incoming, Reply};
use taizhang_core::model::keyword::{
    Channel, ChaseLevel, Direction, Disclosure, DocType, Feedback, Handling, Secrecy, Source,
    Urgency,
};
use taizhang_core::model::logbook::{self, Entry, FiledBy};
use taizhang_core::model::meeting::{AgendaItem, Decision, Meeting, MtStatus};
use taizhang_core::model::outgoing::{OutStatus, Outgoing, doc_number};
use taizhang_core::model::record::Record;
use taizhang_core::store::Register;
use taizhang_core::store::register::{SETTINGS_FILE, render_config};

/// The date the generated register takes as today: some matters are
/// overdue relative to it.
const TODAY: Date = date(2026, 11, 23);
const FIRST_YEAR: i16 = 2017;
const LAST_YEAR: i16 = 2026;

const UNITS: &[(&str, &str)] = &[
    ("办公室", "BGS"),
    ("政策法规科", "ZCFGK"),
    ("财务审计科", "CWSJK"),
    ("人事教育科", "RSJYK"),
    ("综合规划科", "ZHGHK"),
    ("建设管理科", "JSGLK"),
    ("运输管理科", "YSGLK"),
    ("安全监督科", "AQJDK"),
    ("科技信息科", "KJXXK"),
    ("行政审批科", "XZSPK"),
    ("执法支队", "ZFZD"),
    ("公路事业发展中心", "GLZX"),
];

const SENDERS: &[&str] = &[
    "省交通运输厅",
    "市人民政府办公室",
    "市委办公室",
    "市发展和改革委员会",
    "市财政局",
    "市应急管理局",
    "市生态环境局",
    "市住房和城乡建设局",
    "市公安局交通警察支队",
    "市自然资源和规划局",
    "省公路事业发展中心",
    "市人力资源和社会保障局",
    "市审计局",
    "市市场监督管理局",
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞",
    "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "丽娟",
];
const LEADERS: &[&str] = &["张局长", "李副局长", "王副局长", "陈书记", "刘主任"];
const SEALS: &[&str] = &[
    "局公章",
    "局党组印章",
    "合同专用章",
    "财务专用章",
    "局长名章",
];
const VISITOR_ORGS: &[&str] = &[
    "某某建设集团有限公司",
    "市公交集团",
    "某某物流有限公司",
    "市出租汽车协会",
    "某某路桥工程有限公司",
    "某某街道办事处",
    "市人大代表联络站",
    "某某律师事务所",
];
const VISIT_PURPOSES: &[&str] = &[
    "咨询道路运输许可办理",
    "反映农村公路养护问题",
    "洽谈项目建设事宜",
    "递交申请材料",
    "信访事项",
    "工作对接",
    "了解招标有关事项",
];
const SHIFTS: &[&str] = &["全天"];

const TOPICS: &[&str] = &[
    "冬季安全生产",
    "道路运输安全",
    "农村公路建设",
    "城市公交优先发展",
    "营商环境优化",
    "安全生产大检查",
    "防汛防台",
    "交通运输执法规范化",
    "国省干线公路养护",
    "出租汽车行业管理",
    "危险货物道路运输",
    "节假日旅客运输保障",
    "网络预约出租汽车监管",
    "重点项目建设进度",
    "财政预算执行",
    "政务公开",
    "信访维稳",
    "党风廉政建设",
    "干部教育培训",
    "数字交通建设",
    "桥梁隧道安全隐患排查",
    "超限超载治理",
    "绿色低碳交通",
    "应急物资储备",
];
const DOC_PATTERNS: &[&str] = &[
    "关于做好{}工作的通知",
    "关于开展{}专项行动的通知",
    "关于{}情况的报告",
    "关于印发{}实施方案的通知",
    "关于加强{}工作的意见",
    "关于{}有关事项的函",
    "关于报送{}工作总结的通知",
    "关于{}工作的情况通报",
    "关于申请{}专项资金的请示",
];
const FU_PATTERNS: &[&str] = &[
    "落实{}工作部署",
    "牵头制定{}工作方案",
    "开展{}督导检查",
    "报送{}进展情况",
    "完成{}问题整改",
    "研究提出{}意见建议",
];
const MT_PATTERNS: &[&str] = &[
    "局长办公会议",
    "局党组会议",
    "{}专题会议",
    "{}工作推进会",
    "{}调度会",
];
const PROGRESS_NOTES: &[&str] = &[
    "已召开专题会议研究部署，明确责任分工。",
    "已完成现场调研，正在起草工作方案。",
    "方案已报分管领导审核，待定稿后印发。",
    "已组织各相关单位开展自查，汇总问题清单。",
    "整改工作按计划推进，已完成约六成。",
    "已形成书面材料，待主要领导审定。",
];

/// SplitMix64: tiny, fast and good enough for picking test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn span(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

struct Options {
    records: u64,
    seed: u64,
    git: bool,
    dir: PathBuf,
}

fn parse_args() -> Result<Options, String> {
    let mut records = None;
    let mut seed = 1;
    let mut git = true;
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--records" => records = args.next().and_then(|n| n.parse().ok()),
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--seed needs a number")?
            }
            "--no-git" => git = false,
            other if !other.starts_with('-') && dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    Ok(Options {
        records: records.ok_or("--records N is required")?,
        seed,
        git,
        dir: dir.ok_or("the register folder is required")?,
    })
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|options| generate(&options));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_register: {message}");
            eprintln!(
                "usage: gen_register --records N [--seed S] [--no-git] DIR (DIR must not hold a register)"
            );
            ExitCode::FAILURE
        }
    }
}

/// The logbooks the generated register keeps, as their presets declare
/// them.
const BOOKS: &[&str] = &["visit", "seal", "duty"];

fn book(name: &str) -> LogbookDef {
    logbook::preset(name).unwrap_or_else(|| panic!("the {name} preset exists"))
}

fn settings() -> Config {
    let mut config = Config::new("某市交通运输局");
    for name in BOOKS {
        config.logbooks.insert((*name).to_string(), book(name));
    }
    config.fonds = "Z109".into();
    // Titles in clear, as an office that kept its 台账 before the
    // `[secrecy]` policy: the generated titles are made up, and the
    // timings measure reading them.
    config.secrecy.titles = Some(taizhang_core::model::secret::TitlePolicy::Plain);
    config.units = UNITS
        .iter()
        .map(|(name, code)| UnitDef {
            name: (*name).into(),
            code: Some((*code).into()),
            ..UnitDef::default()
        })
        .collect();
    config.series.push(Series {
        name: "发文".into(),
        issuer: "市交发".into(),
        start: None,
        start_year: None,
    });
    config.series.push(Series {
        name: "办文".into(),
        issuer: "市交办".into(),
        start: None,
        start_year: None,
    });
    config
}

fn generate(options: &Options) -> Result<(), String> {
    let root = &options.dir;
    if root.join(SETTINGS_FILE).exists() {
        return Err(format!("{} already holds a register", root.display()));
    }
    let config = settings();
    write(root, Path::new(SETTINGS_FILE), &render_config(&config))?;
    write(
        root,
        Path::new(".gitignore"),
        "# taizhang's local state: lock, cache\n.taizhang/\n",
    )?;
    let register = Register {
        root: root.clone(),
        config,
        runtime: Default::default(),
        writer: None,
        reading: None,
        sealed: None,
    };
    let mut rng = Rng(options.seed);
    let years = (LAST_YEAR - FIRST_YEAR + 1) as u64;
    let mut written = 0;
    for (i, year) in (FIRST_YEAR..=LAST_YEAR).enumerate() {
        // Spread the remainder over the first years so the total is exact.
        let count = options.records / years + u64::from((i as u64) < options.records % years);
        for record in year_records(&mut rng, year, count) {
            let relative = register
                .relative_path(record.id())
                .ok_or("a generated ID has no folder")?;
            let value = record.to_value().map_err(|e| e.to_string())?;
            write(
                root,
                &relative,
                &taizhang_core::store::yaml::to_string(&value),
            )?;
            written += 1;
        }
    }
    if options.git {
        commit_all(root)?;
    }
    eprintln!(
        "gen_register: wrote {written} records to {}",
        root.display()
    );
    Ok(())
}

fn write(root: &Path, relative: &Path, text: &str) -> Result<(), String> {
    let path = root.join(relative);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn commit_all(root: &Path) -> Result<(), String> {
    let git = |args: &[&str]| -> Result<(), String> {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_AUTHOR_DATE", "2026-11-23T08:00:00+08:00")
            .env("GIT_COMMITTER_DATE", "2026-11-23T08:00:00+08:00")
            .status()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("git {args:?} failed"))
        }
    };
    git(&["init", "-q"])?;
    git(&["add", "-A"])?;
    git(&[
        "-c",
        "user.name=gen_register",
        "-c",
        "user.email=gen@example.invalid",
        "commit",
        "-q",
        "-m",
        "taizhang: generated register",
    ])
}

/// The kinds of one year's records, in the office's proportions, each with
/// a day of the year; sorted by day so sequence numbers follow dates.
fn year_records(rng: &mut Rng, year: i16, count: u64) -> Vec<Record> {
    let first = date(year, 1, 1);
    let last = if year == LAST_YEAR {
        TODAY
    } else {
        date(year, 12, 31)
    };
    let days = days_between(first, last);
    // Duty days are one a day, the last ones of the year (this year's
    // roster runs a week ahead); beyond a day each, the rest are visits.
    let duty_end = if year == LAST_YEAR {
        add_days(TODAY, 6)
    } else {
        last
    };
    let duty_room = days_between(first, duty_end) + 1;
    let mut duties = 0;
    let mut plan: Vec<(i64, u64)> = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let roll = rng.below(100);
        let day = rng.span(0, days);
        let kind = match roll {
            0..28 => IN,
            28..39 => OUT,
            39..63 => FU,
            63..70 => MT,
            70..85 => VISIT,
            85..97 => SEAL,
            _ if duties < duty_room => {
                duties += 1;
                continue;
            }
            _ => VISIT,
        };
        plan.push((day, kind));
    }
    let duty_last = days_between(first, duty_end);
    plan.extend((0..duties).map(|k| (duty_last - k, DUTY)));
    plan.sort();
    let mut seqs = [0u32; 7];
    let mut records = Vec::with_capacity(plan.len());
    for (day, kind) in plan {
        let on = add_days(first, day);
        seqs[kind as usize] += 1;
        let seq = seqs[kind as usize];
        let record = match kind {
            IN => Record::Incoming(Box::new(incoming(rng, year, seq, on))),
            OUT => Record::Outgoing(Box::new(outgoing(rng, year, seq, on))),
            FU => Record::Followup(Box::new(followup(rng, year, seq, on, seqs[0]))),
            MT => Record::Meeting(Box::new(meeting(rng, year, seq, on))),
            VISIT => book_entry("visit", visit(rng, on), year, seq, on, rng),
            SEAL => book_entry("seal", seal(rng, on), year, seq, on, rng),
            _ => book_entry("duty", duty(rng, on), year, seq, on, rng),
        };
        records.push(record);
    }
    link_back(&mut records);
    records
}

/// Lists each follow-up on the paper it names as its source, as `assign
/// --from` does: `check` holds both ends of the link to agree.
fn link_back(records: &mut [Record]) {
    let mut spawned: HashMap<Id, Vec<Id>> = HashMap::new();
    for record in records.iter() {
        if let Record::Followup(fu) = record
            && let Some(source) = &fu.source_ref
        {
            spawned
                .entry(source.id.clone())
                .or_default()
                .push(fu.id.clone());
        }
    }
    for record in records.iter_mut() {
        if let Record::Incoming(doc) = record
            && let Some(followups) = spawned.remove(&doc.id)
        {
            doc.followups.extend(followups);
        }
    }
}

const IN: u64 = 0;
const OUT: u64 = 1;
const FU: u64 = 2;
const MT: u64 = 3;
const VISIT: u64 = 4;
const SEAL: u64 = 5;
const DUTY: u64 = 6;

fn days_between(a: Date, b: Date) -> i64 {
    taizhang_core::model::date::days_between(a, b)
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

/// A fixed moment on `on`, in Beijing time, at an office hour.
/// Deadlines fall on working days (`check` warns about the others); the
/// generated register has no calendar, so weekends are the days off.
fn working_day(d: Date) -> Date {
    match d.weekday() {
        jiff::civil::Weekday::Saturday => add_days(d, 2),
        jiff::civil::Weekday::Sunday => add_days(d, 1),
        _ => d,
    }
}

fn moment(rng: &mut Rng, on: Date) -> Moment {
    let hour = rng.span(8, 17) as i8;
    let minute = rng.span(0, 59) as i8;
    Moment {
        datetime: on.at(hour, minute, 0, 0),
        offset: Offset::constant(8),
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
}

fn unit(rng: &mut Rng) -> String {
    rng.pick(UNITS).0.to_string()
}

fn title(rng: &mut Rng, patterns: &[&str]) -> String {
    let pattern = *rng.pick(patterns);
    let topic = *rng.pick(TOPICS);
    pattern.replace("{}", topic)
}

fn entry(at: Moment, by: &str, action: &str) -> HistoryEntry {
    HistoryEntry {
        at,
        by: by.to_string(),
        action: action.to_string(),
        note: None,
    }
}

/// How far along a matter started `days_ago` days before today is likely
/// to be: old matters are almost all finished, recent ones much less so.
fn finished(rng: &mut Rng, days_ago: i64) -> bool {
    let percent = match days_ago {
        d if d > 365 => 99,
        d if d > 90 => 93,
        d if d > 30 => 75,
        _ => 35,
    };
    rng.chance(percent)
}

fn secrecy(rng: &mut Rng) -> (Secrecy, Option<String>) {
    match rng.below(100) {
        0..2 => (Secrecy::Secret, Some("10y".into())),
        2..3 => (Secrecy::HighlySecret, Some("20y".into())),
        _ => (Secrecy::None, None),
    }
}

fn incoming(rng: &mut Rng, year: i16, seq: u32, on: Date) -> Incoming {
    let id = Id::new("IN", year, seq);
    let at = moment(rng, on);
    let clerk = person(rng);
    let handling = if rng.chance(70) {
        Handling::Action
    } else {
        Handling::Info
    };
    let urgency = match rng.below(100) {
        0..80 => Urgency::Normal,
        80..95 => Urgency::Urgent,
        _ => Urgency::VeryUrgent,
    };
    let needs_deadline = handling == Handling::Action && urgency != Urgency::Normal;
    let deadline = (needs_deadline || (handling == Handling::Action && rng.chance(50)))
        .then(|| working_day(add_days(on, rng.span(3, 30))));
    let (secrecy, secrecy_term) = secrecy(rng);
    let days_ago = days_between(on, TODAY);
    let done = finished(rng, days_ago);
    let lead = (handling == Handling::Action).then(|| unit(rng));
    let mut history = vec![entry(at, &clerk, "log")];
    let mut reply = None;
    let (status, completed) = match (handling, done) {
        (Handling::Info, true) => (InStatus::Read, None),
        (Handling::Info, false) => (InStatus::Circulating, None),
        (Handling::Action, true) => {
            let completed = add_days(on, rng.span(1, 25).min(days_ago.max(0)));
            history.push(entry(moment(rng, completed), &clerk, "done"));
            if rng.chance(30) {
                history.push(entry(moment(rng, completed), &clerk, "reply"));
                reply = Some(Reply {
                    on: completed,
                    via: rng.pick(&["letter", "phone", "document"]).to_string(),
                    reference: None,
                });
                (InStatus::Replied, Some(completed))
            } else {
                (InStatus::Done, Some(completed))
            }
        }
        (Handling::Action, false) => (*rng.pick(&[InStatus::Assigned, InStatus::InProgress]), None),
    };
    Incoming {
        id,
        title: title(rng, DOC_PATTERNS),
        status,
        sender: rng.pick(SENDERS).to_string(),
        sender_ref: Some(format!(
            "{}〔{year}〕{}号",
            rng.pick(&["交发", "政办", "应急", "财建"]),
            rng.span(1, 300)
        )),
        doc_type: Some(*rng.pick(&[
            DocType::Notice,
            DocType::Opinion,
            DocType::Letter,
            DocType::Report,
        ])),
        received: When::Moment(at),
        received_by: Some(clerk),
        channel: Some(*rng.pick(&[Channel::Electronic, Channel::Electronic, Channel::Paper])),
        urgency,
        secrecy,
        secrecy_term,
        internal: false,
        copies: 1,
        pages: Some(rng.span(1, 24) as u32),
        handling,
        proposal: None,
        instructions: Vec::new(),
        lead,
        support: Vec::new(),
        deadline,
        circulation: Vec::new(),
        result: completed.map(|_| "已按要求办理完毕。".to_string()),
        completed,
        reply,
        followups: Vec::new(),
        archive: None,
        attachments: Vec::new(),
        notes: None,
        created: at,
        history,
        extra: Default::default(),
    }
}

fn outgoing(rng: &mut Rng, year: i16, seq: u32, on: Date) -> Outgoing {
    let at = moment(rng, on);
    let drafter = person(rng);
    let direction = *rng.pick(&[
        Direction::Downward,
        Direction::Downward,
        Direction::Parallel,
        Direction::Upward,
    ]);
    let signer = rng.pick(LEADERS).to_string();
    let issued = finished(rng, days_between(on, TODAY));
    Outgoing {
        id: Id::new("OUT", year, seq),
        title: title(rng, DOC_PATTERNS),
        status: if issued {
            OutStatus::Issued
        } else {
            OutStatus::Draft
        },
        // One series, numbered like the IDs, so numbers never repeat.
        doc_number: doc_number("市交发", year, seq),
        series: Some("发文".into()),
        doc_type: Some(*rng.pick(&[
            DocType::Notice,
            DocType::Report,
            DocType::Letter,
            DocType::Request,
        ])),
        direction: Some(direction),
        to: vec![rng.pick(SENDERS).to_string()],
        cc: Vec::new(),
        drafter: Some(drafter.clone()),
        drafting_unit: Some(unit(rng)),
        review: None,
        countersign: Vec::new(),
        countersigned: Vec::new(),
        signer: (issued || direction == Direction::Upward).then_some(signer),
        signed: issued.then_some(on),
        printed: issued.then_some(on),
        print_copies: issued.then(|| rng.span(5, 60) as u32),
        urgency: Urgency::Normal,
        secrecy: Secrecy::None,
        secrecy_term: None,
        disclosure: Some(*rng.pick(&[Disclosure::Public, Disclosure::NotPublic])),
        in_reply_to: None,
        followups: Vec::new(),
        archive: None,
        attachments: Vec::new(),
        notes: None,
        created: at,
        history: vec![entry(at, &drafter, "log")],
        extra: Default::default(),
    }
}

fn followup(rng: &mut Rng, year: i16, seq: u32, on: Date, incoming_so_far: u32) -> Followup {
    let at = moment(rng, on);
    let clerk = person(rng);
    let due = working_day(add_days(on, rng.span(7, 90)));
    let days_ago = days_between(on, TODAY);
    let mut fu = Followup {
        id: Id::new("FU", year, seq),
        title: title(rng, FU_PATTERNS),
        status: FuStatus::Open,
        requirement: rng
            .chance(60)
            .then(|| "按时报送办理结果，确保取得实效。".to_string()),
        source: Some(*rng.pick(&[
            Source::Instruction,
            Source::Meeting,
            Source::Document,
            Source::KeyTask,
            Source::Superior,
        ])),
        source_ref: None,
        assigned_by: Some(rng.pick(LEADERS).to_string()),
        supervisor: None,
        lead: unit(rng),
        support: if rng.chance(30) {
            vec![unit(rng)]
        } else {
            Vec::new()
        },
        owner: Some(person(rng)),
        assigned: on,
        due,
        secrecy: Secrecy::None,
        feedback: rng
            .chance(40)
            .then(|| *rng.pick(&[Feedback::Weekly, Feedback::Monthly, Feedback::Once])),
        extensions: Vec::new(),
        progress: Vec::new(),
        chases: Vec::new(),
        result: None,
        notes: None,
        parent: None,
        milestones: Vec::new(),
        urgency: None,
        created: at,
        history: vec![entry(at, &clerk, "assign")],
        every: None,
        series: None,
        series_ended: None,
        extra: Default::default(),
    };
    if fu.source == Some(Source::Document) && incoming_so_far > 0 {
        fu.source_ref = Some(RecordRef {
            id: Id::new("IN", year, rng.span(1, incoming_so_far.into()) as u32),
            item: None,
        });
    }
    live(rng, &mut fu, days_ago, &clerk);
    fu
}

/// Progress, extensions, chases and closure, as far as the matter got.
fn live(rng: &mut Rng, fu: &mut Followup, days_ago: i64, clerk: &str) {
    let horizon = days_between(fu.assigned, TODAY).max(0);
    for _ in 0..rng.below(4) {
        let on = add_days(fu.assigned, rng.span(0, horizon.min(60)));
        fu.progress.push(Progress {
            on,
            by: fu.owner.clone().unwrap_or_default(),
            note: rng.pick(PROGRESS_NOTES).to_string(),
        });
        fu.status = FuStatus::InProgress;
    }
    fu.progress.sort_by_key(|p| p.on);
    if rng.chance(10) {
        let to = working_day(add_days(fu.due, rng.span(7, 45)));
        fu.extensions.push(Extension {
            from: fu.due,
            to,
            reason: "涉及多个部门协调，需延长办理时限。".into(),
            approved_by: Some(rng.pick(LEADERS).to_string()),
            on: add_days(fu.due, -2),
        });
    }
    if rng.chance(15) {
        fu.chases.push(Chase {
            on: fu.effective_due(),
            by: clerk.to_string(),
            via: "phone".into(),
            level: ChaseLevel::Yellow,
        });
    }
    if rng.chance(2) && days_ago > 0 {
        fu.status = FuStatus::Cancelled;
    } else if finished(rng, days_ago) {
        let closed = add_days(
            fu.assigned,
            rng.span(1, days_between(fu.assigned, fu.effective_due()) + 10)
                .min(horizon),
        );
        fu.status = FuStatus::Closed;
        fu.result = Some(Outcome {
            report: Some("已按要求完成，相关材料已归档。".into()),
            submitted: None,
            closed: Some(closed),
            closed_by: Some(clerk.to_string()),
        });
        fu.history.push(entry(moment(rng, closed), clerk, "done"));
    }
}

fn meeting(rng: &mut Rng, year: i16, seq: u32, on: Date) -> Meeting {
    let at = moment(rng, on);
    let recorder = person(rng);
    let held = on < TODAY;
    let decisions = if held {
        (1..=rng.below(4) as u32)
            .map(|n| Decision {
                n,
                text: format!("由{}牵头做好{}相关工作", unit(rng), rng.pick(TOPICS)),
                lead: None,
                support: Vec::new(),
                due: None,
                followup: None,
            })
            .collect()
    } else {
        Vec::new()
    };
    Meeting {
        id: Id::new("MT", year, seq),
        title: title(rng, MT_PATTERNS),
        status: if held {
            MtStatus::Held
        } else {
            MtStatus::Planned
        },
        meeting_type: Some("办公会".into()),
        start: When::Moment(at),
        end: None,
        venue: Some(format!("{}楼会议室", rng.span(2, 9))),
        host: Some(rng.pick(LEADERS).to_string()),
        recorder: Some(recorder.clone()),
        attendees: (0..rng.span(3, 6)).map(|_| person(rng)).collect(),
        absent: Vec::new(),
        observers: Vec::new(),
        agenda: vec![AgendaItem {
            title: format!("研究{}有关事项", rng.pick(TOPICS)),
            presenter: Some(unit(rng)),
        }],
        decisions,
        minutes: None,
        secrecy: Secrecy::None,
        notes: None,
        created: at,
        history: vec![entry(at, &recorder, "meeting")],
        every: None,
        series: None,
        series_ended: None,
        extra: Default::default(),
    }
}

/// An entry of book `name` holding `fields`, recorded on `on` (or today,
/// for a duty day planned ahead), titled as `book add` titles it.
fn book_entry(
    name: &str,
    fields: Vec<(&'static str, serde_yaml::Value)>,
    year: i16,
    seq: u32,
    on: Date,
    rng: &mut Rng,
) -> Record {
    let def = book(name);
    let at = moment(rng, on.min(TODAY));
    let clerk = person(rng);
    let mut made = Entry {
        id: Id::new(&def.prefix, year, seq),
        title: String::new(),
        status: "recorded".into(),
        created: at,
        history: vec![entry(at, &clerk, "add")],
        fields: fields
            .into_iter()
            .map(|(key, value)| (key.into(), value))
            .collect::<Extra>(),
        filed_by: FiledBy::Unknown,
        out: false,
    };
    made.title = logbook::value::summary_title(&made, &def);
    Record::Entry(Box::new(made), name.to_string())
}

fn text(value: impl Into<String>) -> serde_yaml::Value {
    serde_yaml::Value::String(value.into())
}

fn number(n: i64) -> serde_yaml::Value {
    serde_yaml::Value::Number(n.into())
}

/// A moment at `hour:minute` on `on`, in Beijing time.
fn at(on: Date, hour: i64, minute: i64) -> Moment {
    Moment {
        datetime: on.at(hour as i8, minute as i8, 0, 0),
        offset: Offset::constant(8),
    }
}

fn visit(rng: &mut Rng, on: Date) -> Vec<(&'static str, serde_yaml::Value)> {
    let hour = rng.span(8, 16);
    let arrived = at(on, hour, rng.span(0, 59));
    let left = at(on, hour + 1, rng.span(0, 59));
    vec![
        ("arrived", text(arrived.to_string())),
        ("left", text(left.to_string())),
        ("visitor", text(person(rng))),
        ("organisation", text(*rng.pick(VISITOR_ORGS))),
        ("id_checked", serde_yaml::Value::Bool(true)),
        ("headcount", number(rng.span(1, 4))),
        ("purpose", text(*rng.pick(VISIT_PURPOSES))),
        ("host", text(person(rng))),
        ("received_by", text(person(rng))),
    ]
}

/// A seal use; a few seals are taken out of the office, most of the
/// recent ones of those still out, some of them past their due day.
fn seal(rng: &mut Rng, on: Date) -> Vec<(&'static str, serde_yaml::Value)> {
    let mut fields = vec![
        ("date", text(on.to_string())),
        ("seal", text(*rng.pick(SEALS))),
        ("unit", text(unit(rng))),
        ("handler", text(person(rng))),
        ("purpose", text(title(rng, DOC_PATTERNS))),
        ("copies", number(rng.span(1, 5))),
        ("approver", text(*rng.pick(LEADERS))),
    ];
    let days_ago = days_between(on, TODAY);
    let taken = if (0..=20).contains(&days_ago) {
        rng.chance(40)
    } else {
        rng.chance(3)
    };
    if taken {
        let due_day = working_day(add_days(on, rng.span(0, 3)));
        fields.push((
            "taken_out",
            text(at(on, rng.span(8, 11), rng.span(0, 59)).to_string()),
        ));
        fields.push(("return_due", text(at(due_day, 17, 0).to_string())));
        if days_ago > 20 || rng.chance(50) {
            let back = add_days(on, rng.span(0, days_between(on, due_day))).min(TODAY);
            fields.push((
                "returned",
                text(at(back, rng.span(12, 17), rng.span(0, 59)).to_string()),
            ));
        }
    }
    fields
}

fn duty(rng: &mut Rng, on: Date) -> Vec<(&'static str, serde_yaml::Value)> {
    vec![
        ("date", text(on.to_string())),
        ("shift", text(*rng.pick(SHIFTS))),
        ("leader", text(*rng.pick(LEADERS))),
        (
            "officers",
            text(format!("{}、{}", person(rng), person(rng))),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the generator writes is a valid register: `check` finds
    /// nothing (deadlines on working days, replies recorded, links whole).
    #[test]
    fn a_generated_register_checks_clean() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("register");
        let options = Options {
            records: 3000,
            seed: 7,
            git: false,
            dir: dir.clone(),
        };
        generate(&options).unwrap();
        let register = taizhang_core::store::Register::open(&dir).unwrap();
        let findings = taizhang::commands::check::findings(&register, 2026);
        assert!(findings.is_empty(), "{}", findings.join("\n"));
        let loaded = taizhang_core::store::load_all(&register);
        assert_eq!(loaded.records.len(), 3000);
        // Each book has entries; the last days of this year have their duty.
        let records: Vec<&Record> = loaded.records.iter().map(|l| &l.record).collect();
        let of = |book: &str| records.iter().filter(|r| r.book() == Some(book)).count();
        assert!(of("visit") > 300 && of("seal") > 250 && of("duty") > 60);
        let duty_on = |day: Date| {
            records
                .iter()
                .any(|r| r.book() == Some("duty") && r.date() == day)
        };
        assert!(duty_on(TODAY) && duty_on(add_days(TODAY, 1)));
        // Seals taken out: almost all returned, some recent ones not.
        let taken = records
            .iter()
            .filter(|r| matches!(r, Record::Entry(e, _) if e.fields.contains_key("taken_out")))
            .count();
        let out = records
            .iter()
            .filter(|r| r.book() == Some("seal") && r.is_open())
            .count();
        assert!(taken > 10 && out < taken / 2, "{taken} taken, {out} out");
    }

    /// At benchmark size a few seals are out, some of them overdue.
    #[test]
    fn some_seals_are_out_and_some_overdue() {
        let mut rng = Rng(1);
        let recent: Vec<Vec<(&str, serde_yaml::Value)>> = (0..200)
            .map(|n| seal(&mut rng, add_days(TODAY, -(n % 21))))
            .collect();
        let out: Vec<_> = recent
            .iter()
            .filter(|f| f.iter().any(|(k, _)| *k == "taken_out"))
            .filter(|f| f.iter().all(|(k, _)| *k != "returned"))
            .collect();
        assert!(out.len() > 5, "{}", out.len());
        let overdue = out.iter().filter(|f| {
            f.iter()
                .any(|(k, v)| *k == "return_due" && v.as_str().is_some_and(|d| d < "2026-11-23"))
        });
        assert!(overdue.count() > 0);
    }
}
