//! `export` (docs/export.md): CSV and ICS whole (snapshots), xlsx read back
//! with calamine, the calendar parsed, the HTML brief against `summary -o
//! json`, redaction in every format, `--bom` on every CSV, refusals.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::env::Env;

/// A small office: a secret paper and the follow-up made from it, a
/// follow-up closed late, one with an extension, a paper with a deadline,
/// a meeting with a comma and a semicolon in its venue, and an outgoing
/// document.
fn office() -> Env {
    let env = Env::new();
    // As `Env::secret_paper_and_follow_up`, but received on a date, not
    // at the moment the test runs, so that the snapshots hold.
    env.run(&[
        "log",
        "in",
        "--title",
        "关于专项行动的秘密通知",
        "--from",
        "省厅",
        "--received",
        "2026-11-23",
        "--secrecy",
        "秘密",
        "--secrecy-term",
        "10y",
        "--deadline",
        "2026-11-24",
        "--lead",
        "BGS",
    ]);
    env.run(&[
        "assign",
        "落实专项行动部署",
        "--lead",
        "BGS",
        "--due",
        "2026-11-23",
        "--from",
        "IN-1",
    ]);
    env.run(&[
        "assign",
        "修订值班制度",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--assigned",
        "2026-11-02",
        "--due",
        "2026-11-20",
    ]);
    env.run(&[
        "--today",
        "2026-11-21",
        "done",
        "FU-2",
        "--report",
        "已印发",
    ]);
    env.run(&[
        "assign",
        "规范性文件清理",
        "--lead",
        "FGK",
        "--assigned",
        "2026-11-06",
        "--due",
        "2026-12-15",
    ]);
    env.run(&[
        "extend",
        "FU-3",
        "--to",
        "2026-12-30",
        "--reason",
        "等待省厅部署",
    ]);
    env.run(&[
        "log",
        "in",
        "--title",
        "关于报送年度总结的通知",
        "--from",
        "市政府办公室",
        "--ref",
        "市政办〔2026〕9号",
        "--received",
        "2026-11-20",
        "--urgency",
        "加急",
        "--deadline",
        "2026-11-30",
        "--lead",
        "CWK",
    ]);
    env.run(&[
        "meeting",
        "add",
        "--title",
        "第八次局长办公会议",
        "--start",
        "2026-11-25 09:00",
        "--end",
        "2026-11-25 11:30",
        "--venue",
        "三楼会议室, 东侧; 靠窗",
        "--host",
        "张局长",
    ]);
    env.run(&[
        "log",
        "out",
        "--title",
        "关于报送安全检查情况的报告",
        "--to",
        "省交通运输厅",
        "--signed",
        "2026-11-20",
    ]);
    env
}

/// `office` with a seal logbook entry, written by hand.
fn office_with_seal() -> Env {
    let env = office();
    env.write(
        "logbooks/seal/2026/SEAL-2026-0001.yaml",
        "id: SEAL-2026-0001\ntitle: 报送材料\nstatus: recorded\ndate: 2026-11-20\n\
         seal: 公章\nunit: 办公室\nhandler: 王芳\npurpose: 报送材料\napprover: 张局长\n\
         taken_out: 2026-11-20T09:30:00+08:00\ncreated: 2026-11-20T09:00:00+08:00\n",
    );
    env
}

/// The calendar with each DTSTAMP (the moment of the record's last
/// change, which carries the real time of day) replaced.
fn stable(ics: &str) -> String {
    ics.split("\r\n")
        .map(|line| {
            if line.starts_with("DTSTAMP:") {
                "DTSTAMP:[last change]"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Content lines of a calendar, unfolded (RFC 5545 §3.1).
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in ics.split("\r\n") {
        if let Some(rest) = line.strip_prefix(' ') {
            lines
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(rest);
        } else if !line.is_empty() {
            lines.push(line.to_string());
        }
    }
    lines
}

/// The events of a calendar as property maps, checking the structure.
fn parse_events(ics: &str) -> Vec<BTreeMap<String, String>> {
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF in {ics}");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let lines = unfold(ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "VERSION:2.0"));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let mut out = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => out.push(current.take().expect("END:VEVENT after BEGIN")),
            _ => {
                if let Some(event) = current.as_mut() {
                    let (name, value) = line.split_once(':').expect("NAME:VALUE");
                    event.insert(name.to_string(), value.to_string());
                }
            }
        }
    }
    for event in &out {
        for key in ["UID", "DTSTAMP", "SUMMARY"] {
            assert!(event.contains_key(key), "{key} missing in {event:?}");
        }
        assert!(
            event.keys().any(|k| k.starts_with("DTSTART")),
            "no DTSTART in {event:?}"
        );
    }
    out
}

/// The CSV itself, without the byte order mark (`--no-bom`) that would
/// be an invisible first character of each snapshot.
#[test]
fn csv_exports_print_as_the_snapshots() {
    let env = office();
    let csv = |args: &[&str]| env.run(&[args, &["--no-bom"]].concat());
    insta::assert_snapshot!(
        "export_csv_followups_zh",
        csv(&["--lang", "zh", "export", "csv", "fu"])
    );
    insta::assert_snapshot!("export_csv_incoming_en", csv(&["export", "csv", "in"]));
    insta::assert_snapshot!("export_csv_all_en", csv(&["export", "csv"]));
}

#[test]
fn ics_prints_as_the_snapshot_with_one_event_per_meeting_and_deadline() {
    let env = office();
    let first = env.run(&["--lang", "zh", "export", "ics"]);
    insta::assert_snapshot!("export_ics_zh", stable(&first));
    let events = parse_events(&first);
    // MT-1; FU-1, FU-2, FU-3; IN-1 and IN-2 have deadlines.
    let uids: Vec<&str> = events.iter().map(|e| e["UID"].as_str()).collect();
    assert_eq!(
        uids,
        [
            "IN-2026-0001@某市交通运输局",
            "IN-2026-0002@某市交通运输局",
            "FU-2026-0001@某市交通运输局",
            "FU-2026-0002@某市交通运输局",
            "FU-2026-0003@某市交通运输局",
            "MT-2026-0001@某市交通运输局",
        ]
    );
    let meeting = &events[5];
    assert_eq!(meeting["DTSTART;TZID=Asia/Shanghai"], "20261125T090000");
    assert_eq!(meeting["DTEND;TZID=Asia/Shanghai"], "20261125T113000");
    assert_eq!(meeting["LOCATION"], "三楼会议室\\, 东侧\\; 靠窗");
    // The effective due date (after the extension), all day.
    assert_eq!(events[4]["DTSTART;VALUE=DATE"], "20261230");
    assert_eq!(events[4]["DTEND;VALUE=DATE"], "20261231");

    // Exported again, the same UIDs and the same file: a calendar that
    // imports it twice updates instead of duplicating.
    let second = env.run(&["--lang", "zh", "export", "ics"]);
    assert_eq!(first, second);
    // A change to one record changes only its event, with a higher
    // SEQUENCE.
    env.run(&["progress", "FU-3", "已起草清理目录"]);
    let third = parse_events(&env.run(&["--lang", "zh", "export", "ics"]));
    let uids_after: Vec<&str> = third.iter().map(|e| e["UID"].as_str()).collect();
    assert_eq!(uids, uids_after);
    let seq = |e: &BTreeMap<String, String>| e["SEQUENCE"].parse::<u32>().unwrap();
    assert_eq!(seq(&third[4]), seq(&events[4]) + 1);
    assert_eq!(third[3], events[3]);
}

fn excel_serial(date: &str) -> f64 {
    let day: jiff::civil::Date = date.parse().unwrap();
    let epoch = jiff::civil::date(1899, 12, 30);
    (day - epoch).get_days() as f64
}

#[test]
fn xlsx_reads_back_with_real_dates_and_headers_in_the_readers_language() {
    let env = office_with_seal();
    let out = env.tmp.path().join("台账.xlsx");
    let out_text = out.to_str().unwrap();
    let output = env.output(&["--lang", "zh", "export", "xlsx", "--out", out_text]);
    assert!(output.status.success());
    // Nothing on stdout; no progress bar when stderr is not a terminal.
    assert!(
        output.stdout.is_empty() && output.stderr.is_empty(),
        "{output:?}"
    );
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["收文", "发文", "督办", "会议", "用印登记"]
    );
    let sheet = book.worksheet_range("督办").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..3], ["编号", "标题", "来源"]);
    assert!(header.contains(&"办结时限".to_string()), "{header:?}");
    assert!(header.contains(&"延期后时限".to_string()), "{header:?}");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(rows.len(), 3);
    // FU-2026-0003: assigned 11-06, due 12-15, extended to 12-30.
    let fu3 = rows[2];
    assert_eq!(fu3[0].to_string(), "FU-2026-0003");
    for (name, date) in [
        ("交办日期", "2026-11-06"),
        ("办结时限", "2026-12-15"),
        ("延期后时限", "2026-12-30"),
    ] {
        let cell = &fu3[column(name)];
        assert!(cell.is_datetime(), "{name} is not a date cell: {cell:?}");
        let serial = cell.get_datetime().map(|d| d.as_f64());
        assert_eq!(serial, Some(excel_serial(date)), "{name}");
    }
    assert_eq!(fu3[column("状态")].to_string(), "待办");
    // The secret follow-up is withheld, in Chinese words.
    assert_eq!(rows[0][1].to_string(), "[秘密] FU-2026-0001");

    // The meeting's start is a date-time cell.
    let meetings = book.worksheet_range("会议").unwrap();
    let start = &meetings.rows().nth(1).unwrap()[3];
    assert!(start.is_datetime(), "{start:?}");
    let expected = excel_serial("2026-11-25") + 9.0 / 24.0;
    let serial = start.get_datetime().map(|d| d.as_f64()).unwrap();
    assert!((serial - expected).abs() < 1e-6, "{start:?}");

    // The logbook sheet uses the labels the book declares.
    let seal = book.worksheet_range("用印登记").unwrap();
    let header: Vec<String> = seal
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..2], ["编号", "状态"]);
    assert!(seal.rows().nth(1).unwrap().iter().any(|c| c.is_datetime()));

    // In English, English headers and sheet names.
    let en = env.tmp.path().join("register.xlsx");
    env.run(&[
        "--lang",
        "en",
        "export",
        "xlsx",
        "fu",
        "--out",
        en.to_str().unwrap(),
    ]);
    let mut book: Xlsx<_> = open_workbook(&en).unwrap();
    assert_eq!(book.sheet_names(), ["Follow-ups"]);
    let sheet = book.worksheet_range("Follow-ups").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..3], ["ID", "Title", "Source"]);
}

#[test]
fn xlsx_is_refused_on_stdout_and_into_a_missing_folder() {
    let env = office();
    let err = env.fail(&["export", "xlsx"]);
    assert!(err.contains("--out"), "{err}");
    let err = env.fail(&["--lang", "zh", "export", "xlsx"]);
    assert!(err.contains("--out 文件名"), "{err}");
    let missing = env.tmp.path().join("no-such-folder").join("a.xlsx");
    let err = env.fail(&["export", "xlsx", "--out", missing.to_str().unwrap()]);
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(!missing.parent().unwrap().exists());
    let err = env.fail(&["export", "csv", "--period", "2026-11"]);
    assert!(err.contains("--period"), "{err}");
}

#[test]
fn an_export_file_is_written_with_the_users_umask() {
    let env = office();
    let out = env.tmp.path().join("out.csv");
    let mut cmd = std::process::Command::new("sh");
    cmd.args([
        "-c",
        r#"umask 027 && exec "$0" export csv --out "$1""#,
        env!("CARGO_BIN_EXE_taizhang"),
        out.to_str().unwrap(),
    ]);
    let template = env.std_cmd();
    for (key, value) in template.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.current_dir(&env.root);
    assert!(cmd.status().unwrap().success());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(env.status(), "", "an export leaves the register clean");
}

/// `--out` naming a pipe or a device (`/dev/stdout`) writes through it,
/// and naming a symbolic link replaces the file it names: renaming a
/// temporary file over them would replace the device or the link itself.
#[test]
fn out_writes_through_a_pipe_or_a_symlink_instead_of_replacing_it() {
    let env = office();
    let through = env.run(&["export", "csv", "fu", "--no-bom", "--out", "/dev/stdout"]);
    assert!(through.starts_with("ID,Title"), "{through}");
    let dir = env.tmp.path();
    std::fs::write(dir.join("real.csv"), "old").unwrap();
    std::os::unix::fs::symlink("real.csv", dir.join("link.csv")).unwrap();
    let link = dir.join("link.csv");
    env.run(&[
        "export",
        "csv",
        "fu",
        "--no-bom",
        "--force",
        "--out",
        link.to_str().unwrap(),
    ]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let real = std::fs::read_to_string(dir.join("real.csv")).unwrap();
    assert!(real.starts_with("ID,Title"), "{real}");
}

fn collect_numbers(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect_numbers(v, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_numbers(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Number(_) | Value::String(_) => out.push((path.to_string(), value.clone())),
        _ => {}
    }
}

#[test]
fn html_brief_holds_every_figure_of_summary_and_fetches_nothing() {
    let env = office();
    // Something overdue, for the red row.
    env.run(&[
        "assign",
        "年终总结材料",
        "--lead",
        "CWK",
        "--assigned",
        "2026-11-03",
        "--due",
        "2026-11-16",
    ]);
    for lang in ["en", "zh"] {
        let html = env.run(&["--lang", lang, "export", "html", "--period", "2026-11"]);
        let summary: Value = serde_json::from_str(&env.run(&[
            "--lang", lang, "summary", "--period", "2026-11", "-o", "json",
        ]))
        .unwrap();
        assert!(!html.to_lowercase().contains("http"), "{html}");
        assert!(!html.contains("<script"), "no scripts");
        assert!(
            !html.contains("@import") && !html.contains("url("),
            "nothing fetched"
        );
        assert!(html.contains("<svg"), "the chart is inline SVG");
        assert!(html.contains("@media print") && html.contains("size: A4"));
        assert!(html.contains("display: table-header-group"));
        assert!(html.contains("某市交通运输局") && html.contains("2026-11-23"));
        let mut figures = Vec::new();
        collect_numbers(&summary, "", &mut figures);
        assert!(figures.len() > 30, "{figures:?}");
        for (path, value) in figures {
            let text = match &value {
                Value::Number(n) if path.ends_with("_rate") => {
                    format!("{:.1}%", n.as_f64().unwrap() * 100.0)
                }
                Value::Number(n) => format!(">{n}<"),
                Value::String(s) if s.starts_with('[') => continue,
                Value::String(s) => s.clone(),
                _ => continue,
            };
            assert!(
                html.contains(&text),
                "{lang}: {path} = {text} not in the page"
            );
        }
        // Three colours: overdue, due today, due soon.
        assert!(html.contains("class=\"overdue\""));
        assert!(html.contains("class=\"due-today\""));
        assert!(html.contains("class=\"due-soon\""));
    }
}

#[test]
fn classified_titles_are_withheld_in_every_export_format() {
    let env = office();
    let secret = "秘密通知";
    let matter = "落实专项行动部署";
    let dir = env.tmp.path();
    for format in ["csv", "json", "ics", "html"] {
        let text = env.run(&["export", format]);
        assert!(
            !text.contains(secret) && !text.contains(matter),
            "{format}: {text}"
        );
        assert!(text.contains("FU-2026-0001"), "{format}");
        let shown = env.run(&["export", format, "--show-classified"]);
        assert!(shown.contains(matter), "{format} --show-classified");
    }
    let json: Value = serde_json::from_str(&env.run(&["export", "json", "in"])).unwrap();
    assert_eq!(json[0]["title"], "[secret] IN-2026-0001");
    let history = json[0]["history"].as_array().unwrap();
    assert!(
        !history.is_empty()
            && (history.iter()).all(|h| h.get("note").is_none() || h["action"] == "followup"),
        "the steps of a secret record, with no note but particulars: {history:?}"
    );
    let csv = env.run(&["--lang", "zh", "export", "csv", "fu"]);
    assert!(
        csv.contains("[secret] FU-2026-0001"),
        "CSV holds keywords: {csv}"
    );
    let xlsx = dir.join("a.xlsx");
    env.run(&["export", "xlsx", "--out", xlsx.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.cells() {
            let text = cell.2.to_string();
            assert!(
                !text.contains(secret) && !text.contains(matter),
                "{name}: {text}"
            );
        }
    }
}

/// Regression: exporting one kind must still read the source papers, or
/// a follow-up written by hand without `secrecy` would leak the matter of
/// the secret paper it comes from.
#[test]
fn a_follow_up_of_a_secret_paper_is_withheld_when_only_follow_ups_are_exported() {
    let env = office();
    env.write(
        "followups/2026/FU-2026-0009.yaml",
        "id: FU-2026-0009\ntitle: 手写的秘密事项\nstatus: open\nlead: 办公室\n\
         source_ref: IN-2026-0001\nassigned: 2026-11-20\ndue: 2026-11-30\n\
         created: 2026-11-20T09:00:00+08:00\n",
    );
    for format in ["csv", "json", "ics"] {
        let text = env.run(&["export", format, "fu"]);
        assert!(text.contains("FU-2026-0009"), "{format}");
        assert!(!text.contains("手写的秘密事项"), "{format}: {text}");
    }
}

fn starts_with_bom(env: &Env, args: &[&str]) {
    let out = env.output(args);
    assert!(out.status.success(), "{args:?}");
    assert!(out.stdout.starts_with(&[0xEF, 0xBB, 0xBF]), "{args:?}");
    let mut without = args.to_vec();
    without.retain(|a| *a != "--bom");
    let plain = env.output(&without);
    assert!(
        !plain.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "{without:?}"
    );
    assert_eq!(&out.stdout[3..], &plain.stdout[..], "{args:?}");
}

/// `-o csv` is for scripts: a byte order mark only with `--bom`.
/// `export csv`'s own (on by default) is tested in `export_safety`.
#[test]
fn bom_starts_every_csv_output() {
    let env = office();
    starts_with_bom(&env, &["list", "-o", "csv", "--bom"]);
    starts_with_bom(&env, &["remind", "-o", "csv", "--bom"]);
    starts_with_bom(&env, &["summary", "-o", "csv", "--bom"]);
}

#[test]
fn export_json_is_list_json_with_titles_withheld() {
    let env = office();
    for shown in [&[][..], &["--show-classified"][..]] {
        let listed: Value =
            serde_json::from_str(&env.run(&[&["list", "fu", "-o", "json"][..], shown].concat()))
                .unwrap();
        let exported: Value =
            serde_json::from_str(&env.run(&[&["export", "json", "fu"][..], shown].concat()))
                .unwrap();
        assert_eq!(listed, exported, "{shown:?}");
    }
    let year: Value =
        serde_json::from_str(&env.run(&["export", "json", "--year", "2025"])).unwrap();
    assert_eq!(year, Value::Array(vec![]));
    let closed: Value =
        serde_json::from_str(&env.run(&["export", "json", "fu", "--status", "已办结"])).unwrap();
    assert_eq!(closed.as_array().unwrap().len(), 1);
    assert!(!Path::new(&env.root).join(".taizhang/tmp").exists() || env.status().is_empty());
}

/// `--out` naming one of the register's own files (its settings, its
/// ledger of archive numbers, a record, git's HEAD), however spelled, is refused before anything is
/// written, in both languages; a file beside them is written.
#[test]
fn an_export_never_overwrites_the_registers_own_files() {
    let env = office();
    let record = "documents/2026/IN-2026-0001.yaml";
    let root_name = env.root.file_name().unwrap().to_str().unwrap().to_string();
    let spelled = format!("../{root_name}/taizhang.toml");
    env.write("archive-numbers.toml", "# 档号\n");
    for out in [
        "taizhang.toml",
        "archive-numbers.toml",
        ".git/HEAD",
        record,
        spelled.as_str(),
    ] {
        let own = out.replace(&format!("../{root_name}/"), "");
        let before = env.read(&own);
        let en = env.fail(&["--lang", "en", "export", "csv", "--out", out]);
        assert!(en.contains("is the register's own file"), "{out}: {en}");
        let zh = env.fail(&["--lang", "zh", "export", "json", "--out", out]);
        assert!(zh.contains("是台账自身的文件"), "{out}: {zh}");
        assert_eq!(env.read(&own), before, "{out} was changed");
    }
    env.run(&["export", "csv", "--out", "收文.csv"]);
    assert!(env.read("收文.csv").contains("IN-2026-0001"));
}
