//! One voice in two languages: every error and refusal path the suite
//! knows, run in Chinese and in English.
//!
//! The rule, with no list of exceptions beyond it: Chinese output holds no
//! English word except IDs, file paths, what is in code marks (field keys,
//! stored keywords), command names and flags, and the user's own data (the
//! arguments given, the register's units and titles). English output holds
//! no Chinese except the user's own data.

use std::collections::BTreeSet;

use crate::env::{Env, text};

/// A register holding a record in each state the refusals need.
///
/// IN-1 registered action paper, not assigned; IN-2 info paper; IN-3
/// assigned paper now with 张局长; OUT-1 draft; OUT-2 issued; FU-1 open;
/// FU-2 closed; FU-3 cancelled; MT-1 planned meeting.
fn office() -> Env {
    let env = Env::new();
    for args in [
        &["log", "in", "--title", "待交办来文", "--from", "省厅"][..],
        &[
            "log",
            "in",
            "--title",
            "阅件",
            "--from",
            "省厅",
            "--handling",
            "info",
        ],
        &[
            "log",
            "in",
            "--title",
            "已交办来文",
            "--from",
            "省厅",
            "--lead",
            "BGS",
        ],
        &["doc", "route", "IN-3", "--to", "张局长"],
        &["log", "out", "--title", "草稿", "--to", "省厅"],
        &[
            "log",
            "out",
            "--title",
            "已签发",
            "--to",
            "省厅",
            "--signed",
            "2026-11-20",
        ],
        &["doc", "issue", "OUT-2"],
        &["assign", "在办事项", "--lead", "BGS", "--due", "2026-11-30"],
        &[
            "assign",
            "已办结事项",
            "--lead",
            "CWK",
            "--due",
            "2026-11-30",
        ],
        &["done", "FU-2"],
        &[
            "assign",
            "已撤项事项",
            "--lead",
            "CWK",
            "--due",
            "2026-11-30",
        ],
        &["cancel", "FU-3", "--reason", "重复立项"],
        &[
            "book",
            "add",
            "seal",
            "-s",
            "日期=today",
            "-s",
            "印章名称=局公章",
            "-s",
            "用印单位=BGS",
            "-s",
            "经办人=王芳",
            "-s",
            "用印事由=报送",
            "-s",
            "批准人=张局长",
        ],
        &[
            "meeting",
            "add",
            "--title",
            "办公会",
            "--start",
            "2026-11-25",
        ],
    ] {
        env.run(args);
    }
    // A logbook sheet with a bad row, for `import csv letter`.
    env.write(
        "bad-letters.csv",
        &format!("{BAD_LETTERS_HEADER}\n,下月,省厅,,汇报,王芳,张局长\n"),
    );
    env
}

/// The header row of `bad-letters.csv`: the sheet's words, not ours.
const BAD_LETTERS_HEADER: &str = "存根号,开具日期,前往单位,持信人,事由,开具人,批准人";

/// What the register itself holds that may appear in messages: units,
/// titles, people, the issuer code.
const REGISTER_DATA: &[&str] = &[
    "某市交通运输局",
    "办公室",
    "财务科",
    "法规科",
    "执法支队",
    "BGS",
    "CWK",
    "FGK",
    "ZFZD",
    "市交发",
    "待交办来文",
    "阅件",
    "已交办来文",
    "张局长",
    "草稿",
    "已签发",
    "在办事项",
    "已办结事项",
    "已撤项事项",
    "重复立项",
    "办公会",
    "省厅",
    "王芳",
    "发文",
    "局公章",
    "报送",
    "下月",
    // A header label of bad-letters.csv: the error that no header was
    // found names the labels the sheet's rows hold, as the sheet writes them.
    "批准人",
];

/// Every failing command line the suite knows, run in `office()`.
const CASES: &[&[&str]] = &[
    // Dates and spans.
    &["assign", "事项", "--lead", "BGS", "--due", "someday"],
    &["--today", "2026-13-01", "list"],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--received",
        "2026-13-45",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--received",
        "2027-01-05",
    ],
    &["assign", "事项", "--lead", "BGS", "--due", "2026-11-01"],
    &["meeting", "add", "--title", "会", "--start", "someday"],
    &["remind", "--within", "soon"],
    &["list", "--due-within", "later"],
    &["summary", "--period", "2026-13"],
    // Enumerated values and required fields.
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--urgency",
        "hot",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--urgency",
        "urgent",
    ],
    &[
        "log",
        "out",
        "--title",
        "x",
        "--to",
        "y",
        "--direction",
        "upward",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--secrecy",
        "secret",
        "--secrecy-term",
        "99y",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--secrecy",
        "secret",
        "--secrecy-term",
        "forever",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--secrecy",
        "机密",
        "--attach",
        "taizhang.toml",
    ],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--attach",
        "nothing.pdf",
    ],
    &["log", "in", "--title", " ", "--from", "y"],
    &["progress", "FU-1", " "],
    // IDs, kinds, units, series.
    &["show", "not-an-id"],
    &["show", "FU-2026-0099"],
    &["progress", "FU-9", "进展"],
    &["list", "things"],
    &["assign", "事项", "--lead", "宣传科", "--due", "2026-11-30"],
    &["log", "in", "--title", "x", "--from", "y", "--lead", "XCK"],
    &[
        "log", "out", "--title", "x", "--to", "y", "--series", "nope",
    ],
    // Wrong kinds and dangling references.
    &["progress", "IN-1", "x"],
    &["doc", "propose", "FU-1", "请阅"],
    &["doc", "issue", "IN-1"],
    &["meeting", "held", "IN-1"],
    &["meeting", "minutes", "MT-1", "--doc", "IN-1"],
    &[
        "log",
        "out",
        "--title",
        "x",
        "--to",
        "y",
        "--reply-to",
        "FU-1",
    ],
    &["doc", "reply", "IN-3", "--via", "发文", "--ref", "OUT-9"],
    &[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "2026-11-30",
        "--from",
        "IN-9",
    ],
    &[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "2026-11-30",
        "--from",
        "FU-1",
    ],
    &[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "2026-11-30",
        "--from",
        "MT-1",
    ],
    &[
        "assign",
        "事项",
        "--lead",
        "BGS",
        "--due",
        "2026-11-30",
        "--from",
        "MT-1#5",
    ],
    // Refused transitions.
    &["done", "FU-2"],
    &["progress", "FU-3", "x"],
    &["verify", "FU-1"],
    &["reopen", "FU-1", "--reason", "r"],
    &["extend", "FU-1", "--to", "2026-11-24", "--reason", "再等等"],
    &["doc", "done", "IN-1"],
    &["doc", "assign", "IN-2", "--lead", "BGS"],
    &["doc", "route", "IN-3", "--to", "张局长"],
    &["doc", "back", "IN-3", "--from", "李副局长"],
    &["doc", "issue", "OUT-1"],
    &["doc", "issue", "OUT-2"],
    &["doc", "reply", "IN-1", "--via", "电话"],
    &["meeting", "decide", "MT-1", "修订值班制度"],
    // Exports that cannot be written.
    &["export", "xlsx"],
    &["export", "xlsx", "--out", "/no/such/folder/a.xlsx"],
    &["export", "ics", "--out", "documents"],
    &["export", "csv", "--period", "2026-11"],
    // Duty rosters.
    &[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-02",
        "--to",
        "2026-10-01",
        "--people",
        "张三",
    ],
    &[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-03",
        "--people",
        "张三",
    ],
    &[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-08",
        "--to",
        "2026-10-09",
        "--people",
        "张三",
        "--leaders",
        "张局长",
        "--days",
        "off",
    ],
    &[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-02",
        "--people",
        "张三",
        "--leaders",
        "张局长",
        "--per-day",
        "2",
    ],
    &[
        "book",
        "roster",
        "duty",
        "--from",
        "2026-01-01",
        "--to",
        "2027-06-30",
        "--people",
        "张三",
        "--leaders",
        "张局长",
    ],
    // Rough edges: status words, deadlines before receipt, chasing, init.
    &["list", "--status", "办完"],
    &["list", "fu", "--status", "finished"],
    &[
        "log",
        "in",
        "--title",
        "x",
        "--from",
        "y",
        "--received",
        "2026-11-20",
        "--deadline",
        "2026-11-19",
    ],
    &[
        "doc",
        "assign",
        "IN-1",
        "--lead",
        "BGS",
        "--deadline",
        "2026-11-01",
    ],
    &["chase", "OUT-1"],
    &["chase", "IN-2"],
    &["chase", "FU-2"],
    &["init", "new", "--units", "办公室:BGS,财务科:BGS"],
    &["init", "new", "--timezone", "Mars/Olympus"],
    // Logbooks: fields, values, declarations.
    &["book", "add", "seal", "-s", "印章名称=局公章"],
    &["book", "add", "seal", "-s", "印章=局公章"],
    &["book", "add", "seal", "-s", "印章名称"],
    &["book", "add", "seal", "-s", "日期=下月"],
    &["book", "add", "seal", "-s", "份数=三份"],
    &["book", "add", "seal", "-s", "用印单位=后勤科"],
    &["book", "add", "visit", "-s", "核验证件=也许"],
    &[
        "book",
        "add",
        "seal",
        "-s",
        "seal=局公章",
        "-s",
        "印章名称=局公章",
    ],
    &[
        "book",
        "add",
        "loan",
        "-s",
        "借阅人=王芳",
        "-s",
        "档案=IN-2026-0099",
        "-s",
        "借阅目的=查阅",
        "-s",
        "借出时间=today",
    ],
    &[
        "book",
        "add",
        "letter",
        "-s",
        "存根号=x",
        "-s",
        "前往单位=市财政局",
    ],
    &["book", "set", "SEAL-1", "-s", "印章名称="],
    &["book", "set", "SEAL-1", "-s", "档号=1"],
    &["book", "set", "FU-1", "-s", "a=b"],
    &["book", "add", "canteen", "-s", "a=b"],
    &["book", "declare", "seal"],
    &["book", "declare", "canteen"],
    &["import", "csv", "letter", "bad-letters.csv"],
    &["import", "csv", "seal", "bad-letters.csv"],
    &[
        "import",
        "csv",
        "letter",
        "bad-letters.csv",
        "--map",
        "存根号=档号",
    ],
    // The register itself, and sharing it.
    &["init", "."],
    &["sync"],
    // Archiving (this register has no fonds).
    &["archive", "IN-1", "--retention", "10y"],
    &["archive", "OUT-2", "--retention", "10y"],
    &["archive", "OUT-2", "--retention", "forever"],
    &["archive", "FU-1", "--retention", "永久"],
    &["archive", "undo", "OUT-2", "--reason", "错"],
    &["archive", "year", "2026", "--dry-run"],
    &["archive", "catalogue", "--year", "2026", "--org", "XCK"],
    // Correcting a record (edit) and titles.
    &["edit", "FU-1", "--set", "colour=red"],
    &["edit", "FU-1", "--set", "status=closed"],
    &["edit", "FU-1", "--set", "id=FU-2026-0009"],
    &["edit", "FU-1", "--set", "progress=x"],
    &["edit", "FU-1", "--set", "history=x"],
    &["edit", "FU-1", "--set", "overdue=true"],
    &["edit", "OUT-1", "--set", "doc_number=x"],
    &["edit", "FU-1", "--set", "due=someday"],
    &["edit", "FU-1", "--set", "due=2026-11-01"],
    &["edit", "FU-1", "--set", "lead=宣传科"],
    &["edit", "FU-1", "--set", "lead="],
    &["edit", "FU-1", "--set", "feedback=hourly"],
    &["edit", "FU-1", "--set", "due"],
    &["edit", "FU-1", "--set", "due=+3w", "--set", "due=+4w"],
    &["edit", "IN-1", "--set", "copies=many"],
    &["edit", "IN-1", "--set", "internal=maybe"],
    &["edit", "IN-1", "--set", "secrecy_term=forever"],
    &["edit", "OUT-1", "--set", "in_reply_to=IN-1"],
    &["edit", "IN-1", "--set", "urgency=urgent"],
    &["edit", "FU-1"],
    &["log", "in", "--title", "两\n行", "--from", "y"],
    &[
        "assign",
        "控制\u{7}字符",
        "--lead",
        "BGS",
        "--due",
        "2026-11-30",
    ],
    &["edit", "FU-1", "--set", "title=两\n行"],
];

#[test]
fn every_error_speaks_one_language() {
    let env = office();
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    for args in CASES {
        for lang in ["zh", "en"] {
            let argv: Vec<&str> = [&["--lang", lang][..], args].concat();
            let stderr = env.fail(&argv);
            // `--set FIELD=VALUE`: the field and the value are the user's.
            // A sheet's own header cells are quoted when no header is found.
            let data: Vec<&str> = (argv.iter().copied())
                .chain(argv.iter().flat_map(|a| a.split('=')))
                .chain(BAD_LETTERS_HEADER.split(','))
                .collect();
            judge(lang, &data, &stderr, &commands, &mut wrong);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn special_failures_speak_one_language() {
    let env = office();
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    for lang in ["zh", "en"] {
        // Not inside a register.
        let outside = env
            .cmd()
            .current_dir(env.tmp.path())
            .args(["--lang", lang, "list"])
            .output()
            .unwrap();
        assert_eq!(outside.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&outside.stderr);
        judge(lang, &["list"], &stderr, &commands, &mut wrong);

        // A bad language: told in the locale's language.
        let locale = if lang == "zh" { "zh_CN.UTF-8" } else { "C" };
        let bad = env
            .cmd()
            .env("LANG", locale)
            .env("TAIZHANG_LANG", "klingon")
            .args(["list"])
            .output()
            .unwrap();
        assert_eq!(bad.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&bad.stderr);
        judge(lang, &["klingon"], &stderr, &commands, &mut wrong);

        // Another writer holds the lock.
        let holder = std::fs::OpenOptions::new()
            .write(true)
            .open(env.root.join(".taizhang/lock"))
            .unwrap();
        holder.lock().unwrap();
        let locked = env
            .cmd()
            .env("TAIZHANG_LOCK_TIMEOUT", "1")
            .args(["--lang", lang, "progress", "FU-1", "进展"])
            .output()
            .unwrap();
        drop(holder);
        assert_eq!(locked.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&locked.stderr);
        judge(lang, &["进展"], &stderr, &commands, &mut wrong);
    }
    // Git in the middle of something: writes are refused before writing.
    let head = env.git(&["rev-parse", "HEAD"]);
    std::fs::write(env.root.join(".git/MERGE_HEAD"), &head).unwrap();
    for lang in ["zh", "en"] {
        let stderr = env.fail(&["--lang", lang, "progress", "FU-1", "进展"]);
        judge(lang, &["进展"], &stderr, &commands, &mut wrong);
    }
    std::fs::remove_file(env.root.join(".git/MERGE_HEAD")).unwrap();
    env.git(&["checkout", "-q", "--detach"]);
    for lang in ["zh", "en"] {
        let stderr = env.fail(&["--lang", lang, "progress", "FU-1", "进展"]);
        judge(lang, &["进展"], &stderr, &commands, &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Broken files, a broken calendar and hand-edited mistakes: `check`
/// reports each (stdout) and exits 1; reading a broken record fails.
#[test]
fn every_finding_of_check_speaks_one_language() {
    let env = office();
    let broken: &[(&str, &str)] = &[
        ("followups/2026/FU-2026-0011.yaml", "id: [unclosed\n"),
        (
            "followups/2026/FU-2026-0012.yaml",
            "id: FU-2026-0012\ntitle: 坏期限\nstatus: open\nlead: 办公室\nassigned: 2026-11-20\n\
             due: 2026-11-30\ncreated: 昨天\n",
        ),
        (
            "documents/2026/IN-2026-0011.yaml",
            "id: IN-2026-0011\ntitle: 坏紧急程度\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-20\nurgency: hot\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        (
            "documents/2026/IN-2026-0012.yaml",
            "id: IN-2026-0012\ntitle: 缺来文机关\nstatus: registered\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        (
            "documents/2026/IN-2026-0013.yaml",
            "id: IN-2026-0013\ntitle: 秘密来文\nstatus: replied\nsender: 省厅\n\
             received: 2026-11-20\nsecrecy: secret\nurgency: urgent\n\
             created: 2026-11-20T09:00:00+08:00\nmy_field: x\n",
        ),
        (
            "documents/2026/IN-2026-0014.yaml",
            "id: IN-2026-0014\ntitle: 冲突\n<<<<<<< HEAD\nstatus: registered\n",
        ),
        (
            "documents/2025/IN-2026-0015.yaml",
            "id: IN-2026-0015\ntitle: 放错年份\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        (
            "followups/2026/FU-2026-0013.yaml",
            "id: FU-2026-0013\ntitle: 过期销号\nstatus: closed\nlead: 办公室\n\
             assigned: 2026-11-20\ndue: 2026-11-10\nsource_ref: IN-2026-0099\n\
             created: 2026-11-20T09:00:00+08:00\n",
        ),
        ("documents/2026/notes.txt", "随手记\n"),
        (
            "documents/2026/IN-2026-0016.yaml",
            "id: IN-2026-0017\ntitle: 编号不符\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        (
            "documents/2026/IN-2026-0018.yaml",
            "id: IN-2026-0018\ntitle: !important 标签\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        (
            "documents/2026/IN-2026-0019.yaml",
            "# 手写的注释\nid: IN-2026-0019\ntitle: 有注释\nstatus: registered\nsender: 省厅\n\
             received: 2026-11-20\ncreated: 2026-11-20T09:00:00+08:00\n",
        ),
        ("calendar.toml", "[2026]\nholidays = [\"2027-01-01\"]\n"),
    ];
    for (path, text) in broken {
        env.write(path, text);
    }
    let commands = command_words(&env);
    let mut data: Vec<&str> = broken.iter().map(|(path, _)| *path).collect();
    data.extend([
        "坏期限",
        "坏紧急程度",
        "缺来文机关",
        "秘密来文",
        "冲突",
        "放错年份",
        "过期销号",
        "昨天",
        "hot",
        "my_field",
        "随手记",
        "编号不符",
        "!important",
        "标签",
        "手写的注释",
        "有注释",
    ]);
    let mut wrong = Vec::new();
    for lang in ["zh", "en"] {
        let out = env.output(&["--lang", lang, "check"]);
        assert_eq!(out.status.code(), Some(1));
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        judge(lang, &data, &text, &commands, &mut wrong);
        for id in [
            "FU-2026-0011",
            "FU-2026-0012",
            "IN-2026-0011",
            "IN-2026-0014",
        ] {
            let stderr = env.fail(&["--lang", lang, "show", id]);
            judge(lang, &data, &stderr, &commands, &mut wrong);
        }
        // Read commands skip a broken file with a warning.
        let out = env.output(&["--lang", lang, "list"]);
        judge(
            lang,
            &data,
            &String::from_utf8_lossy(&out.stderr),
            &commands,
            &mut wrong,
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// `undo`'s refusals, and the editor's copy that fails its checks.
#[test]
fn undo_and_editor_refusals_speak_one_language() {
    let env = office();
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    let mut judged = |env: &Env, data: &[&str], extra: &[(&str, &str)]| {
        for lang in ["zh", "en"] {
            let mut cmd = env.cmd();
            for (k, v) in extra {
                cmd.env(k, v);
            }
            let before = env.state();
            let out = cmd
                .args(["--lang", lang])
                .args(data.iter().take_while(|a| !a.is_empty()))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{data:?}");
            assert_eq!(before, env.state(), "{data:?} changed the register");
            let stderr = String::from_utf8_lossy(&out.stderr);
            judge(lang, data, &stderr, &commands, &mut wrong);
        }
    };
    // The clerk's own commit.
    env.write("notes.txt", "随手记\n");
    env.git(&["add", "notes.txt"]);
    env.git(&["commit", "-qm", "随手记"]);
    judged(&env, &["undo", "", "随手记"], &[]);
    // Files of the last command changed since.
    env.run(&["progress", "FU-1", "进展"]);
    let path = "followups/2026/FU-2026-0001.yaml";
    let text = env.read(path);
    env.write(path, &text.replace("进展", "改过"));
    judged(&env, &["undo"], &[]);
    env.git(&["checkout", "--", path]);
    // Already shared.
    let remote = env.tmp.path().join("remote.git");
    env.git(&["clone", "-q", "--bare", ".", remote.to_str().unwrap()]);
    env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    env.git(&["push", "-q", "-u", "origin", "main"]);
    judged(&env, &["undo", "", "origin/main", "进展"], &[]);
    // The editor's copy: another ID, a broken line, another status.
    for (name, expr) in [
        ("id", "s/^id: .*/id: FU-2026-0009/"),
        ("yaml", "s/^lead: .*/lead: [办公室/"),
        ("status", "s/^status: .*/status: closed/"),
        ("history", "s/^  action: assign/  action: log/"),
        ("invalid", "s/^due: .*/due: 2020-01-01/"),
    ] {
        let script = crate::edit::editor(&env, &format!("{name}.sh"), expr);
        let script = script.to_str().unwrap().to_string();
        judged(&env, &["edit", "FU-1"], &[("EDITOR", &script)]);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn a_bad_settings_file_speaks_one_language() {
    let env = office();
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    for (from, to) in [
        ("format_version = 1", "format_version = 99"),
        ("format_version = 99", "format_version = [1"),
    ] {
        env.configure(from, to);
        for lang in ["zh", "en"] {
            let stderr = env.fail(&["--lang", lang, "list"]);
            judge(lang, &[], &stderr, &commands, &mut wrong);
        }
    }
    // A time zone that is none, read before anything else: told in the
    // register's language or the one asked for, naming file and key.
    env.configure("format_version = [1", "format_version = 1");
    for bad in ["Mars/Olympus", "+25:00"] {
        let settings = env.read("taizhang.toml");
        let zone = settings
            .lines()
            .find(|line| line.starts_with("timezone = "))
            .unwrap()
            .to_string();
        env.configure(&zone, &format!("timezone = \"{bad}\""));
        for lang in ["zh", "en"] {
            let stderr = env.fail(&["--lang", lang, "list"]);
            assert!(stderr.contains("taizhang.toml") && stderr.contains("timezone"));
            judge(lang, &[bad], &stderr, &commands, &mut wrong);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// `import`'s refusals: a kind it cannot make, a bad --map, a file that
/// is no spreadsheet, a missing sheet, no header row, bad rows (with the
/// notes about skipped rows and unused columns before them), 发文字号
/// taken or repeated, rows already in the register.
#[test]
fn import_errors_speak_one_language() {
    let env = office();
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    let file = |name: &str, text: &str| {
        let path = env.tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let workbook = env.tmp.path().join("book.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("2026").unwrap();
    book.save(&workbook).unwrap();
    let workbook = workbook.to_str().unwrap();
    let no_header = file("no-header.csv", "a,b,c\n1,2,3\n");
    // The sheet's own words, which messages quote.
    let sheet_words = [
        "序号",
        "督办事项",
        "牵头单位",
        "交办日期",
        "办结时限",
        "办理状态",
        "密级",
        "备忘",
        "财务处",
        "下月",
        "搁置",
        "绝对保密",
        "落实部署",
        "编制预算",
        "整改问题",
        "清理欠款",
        "合计",
        "发文字号",
        "成文日期",
        "标题",
        "另一份通知",
        "第三份",
        "第四份",
        "市交发〔2026〕9号",
    ];
    let bad_rows = file(
        "bad.csv",
        "序号,督办事项,牵头单位,交办日期,办结时限,办理状态,密级,备忘\n\
         1,落实部署,办公室,2026-11-01,2026-11-30,在办,,x\n\
         2,,财务科,2026-11-01,2026-11-30,,,\n\
         ,,,,,,,\n\
         3,编制预算,财务处,2026-11-01,下月,,,\n\
         4,整改问题,法规科,2026-11-10,2026-11-01,搁置,绝对保密,\n\
         5,清理欠款,办公室,,2026-12-01,,,\n\
         合计,5项,,,,,,\n",
    );
    let taken = text(&env.yaml("documents/2026/OUT-2026-0002.yaml"), "doc_number");
    let numbers = file(
        "numbers.csv",
        &format!(
            "发文字号,成文日期,标题\n{taken},2026-11-05,另一份通知\n\
             市交发〔2026〕9号,2026-11-05,第三份\n市交发〔2026〕9号,2026-11-06,第四份\n"
        ),
    );
    let dir = env.tmp.path().to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["import", "csv", "gw", &no_header],
        &["import", "csv", "fu", &no_header, "--map", "备注"],
        &["import", "csv", "fu", &no_header],
        &["import", "xlsx", "fu", &no_header],
        &["import", "xlsx", "fu", workbook, "--sheet", "2025"],
        &["import", "csv", "fu", dir],
        &["import", "csv", "fu", &bad_rows],
        &["import", "csv", "out", &numbers],
    ];
    let judged = |args: &[&str], wrong: &mut Vec<String>| {
        for lang in ["zh", "en"] {
            let argv: Vec<&str> = [&["--lang", lang][..], args].concat();
            let stderr = env.fail(&argv);
            let data: Vec<&str> = argv
                .iter()
                .copied()
                .chain([taken.as_str()])
                .chain(sheet_words)
                .collect();
            judge(lang, &data, &stderr, &commands, wrong);
        }
    };
    for args in cases {
        judged(args, &mut wrong);
    }
    let again = file(
        "again.csv",
        "督办事项,牵头单位,交办日期,办结时限\n落实部署,办公室,2026-11-01,2026-11-30\n",
    );
    env.run(&["import", "csv", "fu", &again]);
    judged(&["import", "csv", "fu", &again], &mut wrong);
    let en = env.fail(&["--lang", "en", "import", "csv", "out", &numbers]);
    assert!(
        en.contains("is already the number of OUT-2026-0002"),
        "{en}"
    );
    assert!(en.contains("is already the number of row 3"), "{en}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Archiving's refusals that need a fonds: a record already archived, a
/// frozen record, an unknown organisation, a retention rule that cannot
/// be read, and what `check` finds about archive numbers and loans.
#[test]
fn archive_errors_speak_one_language() {
    let env = office();
    env.configure(
        "format_version = 1\n",
        "format_version = 1\nfonds = \"Z109\"\n",
    );
    env.run(&["archive", "OUT-2", "--retention", "10y"]);
    let commands = command_words(&env);
    let mut wrong = Vec::new();
    let number = "Z109-WS·2026-D10-0001";
    let cases: &[&[&str]] = &[
        &["archive", "OUT-2", "--retention", "10y"],
        &["archive", "OUT-2", "--retention", "10y", "--org", "XCK"],
        &["doc", "revoke", "OUT-2", "--reason", "作废"],
        &["archive", "undo", "OUT-2", "--reason", " "],
    ];
    for args in cases {
        for lang in ["zh", "en"] {
            let argv: Vec<&str> = [&["--lang", lang][..], args, &[number]].concat();
            let stderr = env.fail(&argv[..argv.len() - 1]);
            judge(lang, &argv, &stderr, &commands, &mut wrong);
        }
    }
    let settings = env.read("taizhang.toml");
    env.write(
        "taizhang.toml",
        &format!("{settings}\n[archive.retention]\nnotice = \"forever\"\n"),
    );
    env.git(&["commit", "-qam", "rules"]);
    for lang in ["zh", "en"] {
        let stderr = env.fail(&["--lang", lang, "archive", "year", "2026"]);
        judge(lang, &["notice", "forever"], &stderr, &commands, &mut wrong);
    }
    env.write("taizhang.toml", &settings);
    // Hand edits `check` reports: a change after filing, a number that
    // does not match, a loan of a paper that is not archived.
    let path = "documents/2026/OUT-2026-0002.yaml";
    let filed = env.read(path).replace(number, "Z109-WS·2025-D10-0001");
    env.write(
        path,
        &format!("{filed}- at: 2026-11-24T09:00:00+08:00\n  by: 王芳\n  action: revoke\n"),
    );
    env.write(
        "logbooks/loan/2026/LOAN-2026-0001.yaml",
        "id: LOAN-2026-0001\ncreated: 2026-11-23T09:00:00+08:00\nborrower: 李明\n\
         archive_ref: IN-2026-0001\npurpose: 查阅\nlent: 2026-11-23T09:00:00+08:00\n",
    );
    for lang in ["zh", "en"] {
        let out = env.output(&["--lang", lang, "check"]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("OUT-2026-0002"), "{text}");
        let data = [number, "Z109-WS·2025-D10-0001", "李明", "查阅"];
        judge(lang, &data, &text, &commands, &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Adds to `wrong` what in `text` breaks the rule for `lang`.
fn judge(
    lang: &str,
    argv: &[&str],
    text: &str,
    commands: &BTreeSet<String>,
    wrong: &mut Vec<String>,
) {
    assert!(!text.trim().is_empty(), "{argv:?}: nothing said");
    // What the user typed, but not the flags and the language chosen; a
    // single letter is no word and would only cut words apart.
    // `-s FIELD=VALUE` gives two things typed: the field and the value.
    let typed = argv
        .iter()
        .flat_map(|a| std::iter::once(*a).chain(a.split('=')));
    let mut data: Vec<&str> = typed.chain(REGISTER_DATA.iter().copied()).collect();
    data.retain(|d| d.trim().chars().count() > 1 && !d.starts_with('-'));
    data.retain(|d| !["zh", "en"].contains(d));
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let mut rest = text.to_string();
    for d in data {
        rest = rest.replace(d, " ");
    }
    let found: Vec<String> = match lang {
        "zh" => english_words(&rest, commands),
        _ => rest
            .chars()
            .filter(|c| is_cjk(*c))
            .map(String::from)
            .collect(),
    };
    if !found.is_empty() {
        wrong.push(format!("--lang {lang} {argv:?}: {found:?} in\n{text}"));
    }
}

/// The English words left once code marks, paths, IDs, flags and command
/// names are set aside.
fn english_words(text: &str, commands: &BTreeSet<String>) -> Vec<String> {
    let unmarked = without_code_marks(text);
    let keep = |c: char| c.is_ascii_alphanumeric() || "._/#+-<>".contains(c);
    unmarked
        .split(|c: char| !keep(c))
        .filter(|token| !token.is_empty())
        // Flags, and arguments as the usage names them (`<NOTE>`).
        .filter(|token| !token.starts_with('-') && !token.starts_with('<'))
        .filter(|token| !token.contains('/') && !token.contains('.'))
        .filter(|token| !is_id(token))
        .filter(|token| !commands.contains(*token))
        .filter(|token| {
            token
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|run| run.len() >= 2)
        })
        .map(str::to_string)
        .collect()
}

/// `text` with what is in code marks (`…`: field keys, stored keywords)
/// left out.
pub fn without_code_marks(text: &str) -> String {
    let mut unmarked = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            unmarked.push_str(part);
        }
        unmarked.push(' ');
    }
    unmarked
}

/// `IN-2026-0042`, `IN-42`, `MT-2026-0003#2`, and the stem `IN-…`.
pub fn is_id(token: &str) -> bool {
    let (token, _) = token.split_once('#').unwrap_or((token, ""));
    if let Some(prefix) = token.strip_suffix('-') {
        return !prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_uppercase());
    }
    let mut parts = token.split('-');
    let prefix = parts.next().unwrap_or_default();
    let numbers: Vec<&str> = parts.collect();
    !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && (1..=2).contains(&numbers.len())
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x9fff | 0xff00..=0xffef)
}

/// The program names and every command and sub-command, from `--help`.
fn command_words(env: &Env) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = ["taizhang", "git"].map(String::from).into();
    for group in [&[][..], &["doc"], &["meeting"], &["log"], &["archive"]] {
        let help = env.run(&[group, &["--help"][..]].concat());
        let commands = help.split("Commands:").nth(1).unwrap_or_default();
        for line in commands.lines().skip(1) {
            if !line.starts_with("  ") {
                break;
            }
            if let Some(word) = line.split_whitespace().next() {
                words.insert(word.to_string());
            }
        }
    }
    words
}
