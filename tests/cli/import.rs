//! `import`: spreadsheets in the style offices keep them (a title row above
//! the header, blank rows, a 合计 row), every date form, bad rows listed
//! in both languages with nothing written, duplicates, one commit, the dry
//! run, and a round trip through `list -o csv`.

use std::path::PathBuf;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::env::{Env, text};

/// A cell of a sample workbook.
enum C<'a> {
    S(&'a str),
    N(f64),
    /// A real date cell.
    D(u16, u8, u8),
    /// A formatted empty cell, as spreadsheets leave below their rows.
    Blank,
}

/// Writes a workbook: `title` merged across the top row, then `rows`.
fn xlsx(env: &Env, name: &str, title: &str, rows: &[Vec<C>]) -> PathBuf {
    let path = env.tmp.path().join(name);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("收文").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy年m月d日");
    let plain = Format::new();
    let width = rows.iter().map(Vec::len).max().unwrap_or(1) as u16;
    sheet.merge_range(0, 0, 0, width - 1, title, &bold).unwrap();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                C::S(s) => sheet.write_string(r, c, *s).map(|_| ()),
                C::N(n) => sheet.write_number(r, c, *n).map(|_| ()),
                C::D(y, m, d) => {
                    let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    sheet
                        .write_datetime_with_format(r, c, &when, &date)
                        .map(|_| ())
                }
                C::Blank => sheet.write_blank(r, c, &plain).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(&path).unwrap();
    path
}

fn csv(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.tmp.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The sample 收文登记簿 of 2025: three papers (a date cell, a text date
/// across the new year, a date without its year), a blank row, a 合计 row
/// and formatted blank rows below.
fn incoming_book(env: &Env) -> PathBuf {
    use C::*;
    let header = [
        "序号",
        "收文日期",
        "来文单位",
        "来文字号",
        "文件标题",
        "密级",
        "紧急程度",
        "份数",
        "办理期限",
        "承办单位",
        "备注",
    ];
    xlsx(
        env,
        "收文登记簿.xlsx",
        "某市交通运输局2025年收文登记簿",
        &[
            header.iter().map(|h| S(h)).collect(),
            vec![
                N(1.0),
                D(2025, 12, 30),
                S("省交通运输厅"),
                S("省交发〔2025〕88号"),
                S("关于做好冬季安全生产工作的通知"),
                S(""),
                S("特急"),
                N(3.0),
                D(2026, 1, 10),
                S("办公室"),
                S("请速办"),
            ],
            vec![
                N(2.0),
                S("12月31日"),
                S("市政府办公室"),
                S(""),
                S("关于报送年度总结的函"),
                S("非密"),
                S("一般"),
                S("2份"),
                S(""),
                S("财务科"),
                S(""),
            ],
            vec![
                N(3.0),
                S("2026/1/5"),
                S("省厅"),
                S(""),
                S("关于专项检查的通知"),
                S("秘密"),
                S(""),
                S(""),
                S(""),
                S(""),
                S(""),
            ],
            vec![Blank, Blank, Blank],
            vec![S("合计"), S(""), S(""), S(""), S("3件")],
            vec![Blank, Blank, Blank],
            vec![Blank, Blank, Blank],
        ],
    )
}

/// The sample 督办台账 as an office saves it from Excel: a BOM, a title
/// row, a blank row, a 合计 row and empty rows below.
const FOLLOWUPS: &str = "\u{feff}2026年重点工作督办台账,,,,,,,,\n\
序号,督办事项,交办领导,牵头单位,责任人,交办日期,办结时限,进展情况,办理状态\n\
DB-01,落实冬季安全生产部署,张局长,办公室,李明,2026/11/1,11月30日,已召开专题会,在办\n\
DB-02,编制明年预算,张局长,财务科,王强,2026年10月8日,2026.11.20,,已办结\n\
,,,,,,,,\n\
DB-03,整改审计问题,李局长,法规科,,2026-11-02,2026-12-31,,\n\
合计,3项,,,,,,,\n\
,,,,,,,,\n\
,,,,,,,,\n";

#[test]
fn xlsx_incoming_register_below_a_title_row_imports() {
    let env = Env::new();
    let book = incoming_book(&env);
    let before = env.commits();
    let output = env.output(&["import", "xlsx", "in", book.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "IN-2025-0001\nIN-2025-0002\nIN-2026-0001\n",
        "IDs in each paper's own year, in the file's order"
    );
    assert!(
        stderr.contains("skipped 1 blank rows (6), 1 total rows (7)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\r'),
        "no progress bar in a pipe: {stderr}"
    );
    assert_eq!(env.commits(), before + 1, "one commit");

    let first = env.yaml("documents/2025/IN-2025-0001.yaml");
    assert_eq!(text(&first, "title"), "关于做好冬季安全生产工作的通知");
    assert_eq!(text(&first, "received"), "2025-12-30");
    assert_eq!(text(&first, "sender"), "省交通运输厅");
    assert_eq!(text(&first, "sender_ref"), "省交发〔2025〕88号");
    assert_eq!(text(&first, "urgency"), "very-urgent");
    assert_eq!(text(&first, "deadline"), "2026-01-10");
    assert_eq!(text(&first, "lead"), "办公室");
    assert_eq!(text(&first, "status"), "assigned");
    assert_eq!(text(&first, "notes"), "请速办");
    assert_eq!(text(&first, "legacy_id"), "1");
    assert_eq!(first["copies"].as_u64(), Some(3));
    let second = env.yaml("documents/2025/IN-2025-0002.yaml");
    assert_eq!(
        text(&second, "received"),
        "2025-12-31",
        "the year from the title row"
    );
    assert_eq!(second["copies"].as_u64(), Some(2));
    let third = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&third, "secrecy"), "secret");
    assert_eq!(text(&third, "received"), "2026-01-05");

    let log = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(
        log.trim(),
        "taizhang: import 3 incoming from 收文登记簿.xlsx"
    );
    assert!(!log.contains("专项检查"), "no title in the commit message");
    assert!(env.git(&["status", "--porcelain"]).is_empty());
    // What was imported checks clean: legacy_id is a known key.
    let check = env.output(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(!String::from_utf8_lossy(&check.stderr).contains("legacy_id"));
}

#[test]
fn csv_followup_register_imports_with_chinese_statuses() {
    let env = Env::new();
    let file = csv(&env, "督办台账.csv", FOLLOWUPS);
    let output = env.output(&[
        "--lang",
        "zh",
        "import",
        "csv",
        "fu",
        file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "FU-2026-0001\nFU-2026-0002\nFU-2026-0003\n"
    );
    assert!(
        stderr.contains("已跳过空行 1 行（第5行），合计行 1 行（第7行）"),
        "{stderr}"
    );
    assert!(
        stderr.contains("已从 督办台账.csv 导入 3 条记录"),
        "{stderr}"
    );
    let first = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(text(&first, "status"), "in-progress");
    assert_eq!(text(&first, "assigned"), "2026-11-01");
    assert_eq!(
        text(&first, "due"),
        "2026-11-30",
        "11月30日 in the title row's year"
    );
    assert_eq!(text(&first, "assigned_by"), "张局长");
    assert_eq!(text(&first, "owner"), "李明");
    assert_eq!(text(&first["progress"][0], "note"), "已召开专题会");
    assert_eq!(text(&first, "legacy_id"), "DB-01");
    assert_eq!(text(&first["history"][0], "action"), "import");
    assert_eq!(text(&first["history"][0], "note"), "督办台账.csv:3");
    let second = env.yaml("followups/2026/FU-2026-0002.yaml");
    assert_eq!(text(&second, "status"), "closed", "已办结");
    assert_eq!(text(&second, "due"), "2026-11-20");
    let third = env.yaml("followups/2026/FU-2026-0003.yaml");
    assert_eq!(text(&third, "status"), "open");
    assert_eq!(text(&third, "lead"), "法规科");
}

#[test]
fn every_date_form_is_read() {
    let env = Env::new();
    let forms = [
        "2026-11-01",
        "2026/11/2",
        "2026.11.3",
        "2026年11月4日",
        "11月5日",
        "46332",
        "20261107",
        "2026-11-08 09:30",
    ];
    let mut text_file = String::from("标题,来文单位,收文日期\n");
    for (i, form) in forms.iter().enumerate() {
        text_file.push_str(&format!("文件{i},省厅,{form}\n"));
    }
    let file = csv(&env, "dates.csv", &text_file);
    env.run(&[
        "import",
        "csv",
        "in",
        file.to_str().unwrap(),
        "--year",
        "2026",
    ]);
    for (i, form) in forms.iter().enumerate() {
        let doc = env.yaml(&format!("documents/2026/IN-2026-{:04}.yaml", i + 1));
        // A time after the date makes the receipt a moment, as `export
        // csv` writes one.
        let time = if form.contains(':') {
            "T09:30:00+08:00"
        } else {
            ""
        };
        assert_eq!(
            text(&doc, "received"),
            format!("2026-11-{:02}{time}", i + 1),
            "{form}"
        );
    }
}

/// A date without its year and no year in the title or the file name is
/// read in the import's year, and the import says so, naming the rows.
#[test]
fn a_date_without_its_year_is_read_in_this_year_and_said() {
    let env = Env::new();
    let file = csv(
        &env,
        "dates.csv",
        "标题,来文单位,收文日期\n文件,省厅,11月5日\n",
    );
    let output = env.output(&["import", "csv", "in", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "dates without a year on rows 2 were read in 2026 (this year); give another with --year"
        ),
        "{stderr}"
    );
    let doc = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&doc, "received"), "2026-11-05");
}

/// A 督办台账 with every kind of mistake a clerk makes.
const BAD_FOLLOWUPS: &str = "序号,督办事项,牵头单位,交办日期,办结时限,办理状态,密级\n\
1,落实冬季安全生产部署,办公室,2026-11-01,2026-11-30,在办,\n\
2,,财务科,2026-11-01,2026-11-30,,\n\
3,编制明年预算,财务处,2026-11-01,下月,,\n\
4,整改审计问题,法规科,2026-11-10,2026-11-01,搁置,绝对保密\n\
5,清理欠款,办公室,,2026-12-01,,\n";

#[test]
fn bad_rows_are_all_listed_in_both_languages_and_nothing_is_written() {
    let env = Env::new();
    let file = csv(&env, "督办台账.csv", BAD_FOLLOWUPS);
    let file = file.file_name().unwrap().to_str().unwrap().to_string();
    let run_in = |lang: &str| {
        env.cmd()
            .current_dir(env.tmp.path())
            .args(["-C", env.root.to_str().unwrap(), "--lang", lang])
            .args(["import", "csv", "fu", &file])
            .output()
            .unwrap()
    };
    let before = env.state();
    let en = run_in("en");
    assert_eq!(en.status.code(), Some(1));
    let zh = run_in("zh");
    assert_eq!(zh.status.code(), Some(1));
    assert_eq!(before, env.state(), "nothing written");
    insta::assert_snapshot!("bad_rows_en", String::from_utf8_lossy(&en.stderr));
    insta::assert_snapshot!("bad_rows_zh", String::from_utf8_lossy(&zh.stderr));
    assert!(String::from_utf8_lossy(&zh.stderr).contains("第4行 办结时限：无法识别的日期“下月”"));
}

#[test]
fn duplicates_are_refused_skipped_or_allowed() {
    let env = Env::new();
    let first = csv(
        &env,
        "first.csv",
        "序号,督办事项,牵头单位,交办日期,办结时限\n1,落实冬季安全生产部署,办公室,2026-11-01,2026-11-30\n",
    );
    env.run(&["import", "csv", "fu", first.to_str().unwrap()]);
    let both = csv(
        &env,
        "both.csv",
        "序号,督办事项,牵头单位,交办日期,办结时限\n\
         1,落实冬季安全生产部署,办公室,2026-11-01,2026-11-30\n\
         2,编制明年预算,财务科,2026-11-01,2026-11-30\n\
         9,落实冬季安全生产部署,办公室,2026-11-01,2026-11-30\n",
    );
    let both = both.to_str().unwrap();
    let stderr = env.fail(&["import", "csv", "fu", both]);
    assert!(
        stderr.contains("1 rows are already in the register"),
        "{stderr}"
    );
    assert!(stderr.contains("row 2: already FU-2026-0001"), "{stderr}");
    assert!(
        !stderr.contains("row 4"),
        "another legacy_id is another matter: {stderr}"
    );
    assert!(stderr.contains("--skip-existing"), "{stderr}");

    let output = env.output(&["import", "csv", "fu", both, "--skip-existing"]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "FU-2026-0002\nFU-2026-0003\n"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("row 2 (FU-2026-0001)"));

    let again = env.run(&[
        "import",
        "csv",
        "fu",
        first.to_str().unwrap(),
        "--allow-duplicates",
    ]);
    assert_eq!(again, "FU-2026-0004\n");
}

#[test]
fn dry_run_prints_what_would_be_made_and_writes_nothing() {
    let env = Env::new();
    let book = incoming_book(&env);
    let before = env.state();
    let en = env.run(&["import", "xlsx", "in", book.to_str().unwrap(), "--dry-run"]);
    let zh = env.run(&[
        "--lang",
        "zh",
        "import",
        "xlsx",
        "in",
        book.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(before, env.state(), "nothing written");
    assert!(
        !en.contains("专项检查"),
        "a classified title is withheld: {en}"
    );
    insta::assert_snapshot!("dry_run_en", en);
    insta::assert_snapshot!("dry_run_zh", zh);
}

#[test]
fn outgoing_numbers_are_kept_or_given_and_never_repeated() {
    let env = Env::new();
    env.run(&[
        "log",
        "out",
        "--title",
        "已有的发文",
        "--to",
        "各科室",
        "--signed",
        "2026-11-02",
    ]);
    let file = csv(
        &env,
        "发文登记簿.csv",
        "序号,发文字号,成文日期,标题,主送,抄送,签发人,拟稿单位\n\
         1,市交发[2026]7号,2026-11-03,关于冬季安全生产的通知,各科室,,张局长,办公室\n\
         2,,2026-11-04,关于年度总结的通知,各科室、执法支队,财务科,张局长,\n",
    );
    let out = env.run(&["import", "csv", "out", file.to_str().unwrap()]);
    assert_eq!(out, "OUT-2026-0002\nOUT-2026-0003\n");
    let kept = env.yaml("documents/2026/OUT-2026-0002.yaml");
    assert_eq!(text(&kept, "doc_number"), "市交发〔2026〕7号");
    assert_eq!(text(&kept, "status"), "signed");
    let given = env.yaml("documents/2026/OUT-2026-0003.yaml");
    assert_eq!(
        text(&given, "doc_number"),
        "市交发〔2026〕8号",
        "after the highest used"
    );
    assert_eq!(given["to"][1].as_str(), Some("执法支队"));

    let taken = csv(
        &env,
        "again.csv",
        "发文字号,成文日期,标题\n市交发〔2026〕1号,2026-11-05,另一份通知\n市交发〔2026〕9号,2026-11-05,第三份\n市交发〔2026〕9号,2026-11-06,第四份\n",
    );
    let stderr = env.fail(&["import", "csv", "out", taken.to_str().unwrap()]);
    assert!(
        stderr
            .contains("row 2, 发文字号: 市交发〔2026〕1号 is already the number of OUT-2026-0001"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 4, 发文字号: 市交发〔2026〕9号 is already the number of row 3"),
        "{stderr}"
    );
}

#[test]
fn map_names_columns_the_usual_names_miss() {
    let env = Env::new();
    let file = csv(
        &env,
        "x.csv",
        "事由,收到,发件人,批办意见\n关于开会的通知,2026-11-20,省厅,请阅\n",
    );
    let stderr = env.fail(&["import", "csv", "in", file.to_str().unwrap()]);
    assert!(stderr.contains("no header row found"), "{stderr}");
    let output = env.output(&[
        "import",
        "csv",
        "in",
        file.to_str().unwrap(),
        "--map",
        "收到=received",
        "--map",
        "发件人=来文单位",
    ]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("columns not imported: 批办意见"));
    let doc = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&doc, "sender"), "省厅");
    let bad = env.fail(&[
        "import",
        "csv",
        "in",
        file.to_str().unwrap(),
        "--map",
        "收到=due",
    ]);
    assert!(bad.contains("--map '收到=due'"), "{bad}");
}

#[test]
fn no_header_row_is_refused_with_a_hint() {
    let env = Env::new();
    let file = csv(&env, "x.csv", "a,b,c\n1,2,3\n");
    let stderr = env.fail(&["import", "csv", "fu", file.to_str().unwrap()]);
    assert!(stderr.contains("no header row found"), "{stderr}");
    assert!(stderr.contains("--map"), "{stderr}");
    let stderr = env.fail(&["import", "xlsx", "fu", file.to_str().unwrap()]);
    assert!(stderr.contains("cannot read the spreadsheet"), "{stderr}");
}

#[test]
fn list_csv_of_imported_records_imports_to_the_same_values() {
    for lang in ["en", "zh"] {
        let env = Env::new();
        let file = csv(&env, "督办台账.csv", FOLLOWUPS);
        env.run(&["import", "csv", "fu", file.to_str().unwrap()]);
        let listed = env.run(&["--lang", lang, "list", "fu", "-o", "csv"]);
        let again = csv(&env, "listed.csv", &listed);
        let ids = env.run(&[
            "import",
            "csv",
            "fu",
            again.to_str().unwrap(),
            "--allow-duplicates",
        ]);
        assert_eq!(ids, "FU-2026-0004\nFU-2026-0005\nFU-2026-0006\n", "{lang}");
        for n in 1..=3 {
            let original = env.yaml(&format!("followups/2026/FU-2026-{n:04}.yaml"));
            let copy = env.yaml(&format!("followups/2026/FU-2026-{:04}.yaml", n + 3));
            for key in ["title", "status", "lead", "owner", "assigned", "due"] {
                assert_eq!(original[key], copy[key], "{lang} row {n} {key}");
            }
            assert_eq!(text(&copy, "legacy_id"), format!("FU-2026-{n:04}"));
        }
    }
}

#[test]
fn a_large_import_commits_only_its_files_and_leaves_the_users_staged_ones() {
    let env = Env::new();
    env.write("notes.txt", "mine\n");
    env.git(&["add", "notes.txt"]);
    let mut rows = String::from("督办事项,牵头单位,交办日期,办结时限\n");
    for i in 1..=100 {
        rows.push_str(&format!("事项{i},办公室,2026-11-01,2026-11-30\n"));
    }
    let file = csv(&env, "many.csv", &rows);
    let ids = env.run(&["import", "csv", "fu", file.to_str().unwrap()]);
    assert_eq!(ids.lines().count(), 100);
    let committed = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(committed.lines().count(), 100, "{committed}");
    assert!(!committed.contains("notes.txt"));
    assert_eq!(env.git(&["status", "--porcelain"]), "A  notes.txt\n");
}

/// An import is one change like any other: killed while putting its
/// records in place (strace's fault injection, as in `journal`), it is
/// carried FORWARD by the next writer under the journal — every record
/// of the sheet present, none torn, the next ID after them — and `check`
/// then lists the records as not committed, for the clerk to commit.
#[test]
fn an_import_killed_while_placing_its_records_is_finished_by_the_next_writer() {
    if !crate::journal::can_kill() {
        return;
    }
    let mut rows = String::from("督办事项,牵头单位,交办日期,办结时限\n");
    for i in 1..=20 {
        rows.push_str(&format!("事项{i},办公室,2026-11-01,2026-11-30\n"));
    }
    // The first rename puts the journal in place; then one per record.
    for n in [2, 11, 21] {
        let env = Env::new();
        let file = csv(&env, "many.csv", &rows);
        let killed =
            crate::journal::killed_at(&env, n, &["import", "csv", "fu", file.to_str().unwrap()]);
        assert!(
            !killed.status.success() && killed.status.code() != Some(1),
            "killed at rename {n}: {killed:?}"
        );
        assert!(
            env.root.join(".taizhang/journal").is_file(),
            "killed at rename {n}"
        );
        let id = env.run(&["assign", "新的事项", "--lead", "BGS", "--due", "2026-12-01"]);
        assert_eq!(
            id, "FU-2026-0021\n",
            "killed at rename {n}: the import is finished first"
        );
        assert!(!env.root.join(".taizhang/journal").exists());
        for i in 1..=20 {
            let record = env.yaml(&format!("followups/2026/FU-2026-{i:04}.yaml"));
            assert_eq!(
                text(&record, "title"),
                format!("事项{i}"),
                "killed at rename {n}"
            );
        }
        assert_eq!(
            std::fs::read_dir(env.root.join(".taizhang/tmp"))
                .unwrap()
                .count(),
            0,
            "killed at rename {n}: a staged file left behind"
        );
        let check = env.output(&["check"]);
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success(), "killed at rename {n}: {report}");
        assert!(
            report.contains("followups/2026/FU-2026-0020.yaml")
                && report.contains("not committed to git"),
            "killed at rename {n}: {report}"
        );
    }
}

/// An import never writes what `check` would call an error: a paper the
/// sheet says was finished before it was received is refused by row, in
/// both languages, and a register imported from a clean sheet checks
/// clean.
#[test]
fn rows_that_check_would_call_wrong_are_refused() {
    let env = Env::new();
    let sheet = "收文日期,来文单位,文件标题,办理状态,办结日期\n\
                 2026-11-02,省厅,关于报送年度总结的通知,已办结,2026-11-05\n\
                 2026-11-03,市政府办,关于征求意见的函,已办结,2026-10-30\n";
    let file = csv(&env, "收文.csv", sheet);
    let file = file.to_str().unwrap();
    let before = env.state();
    for (lang, said) in [("zh", "第3行 办结日期："), ("en", "row 3")] {
        let out = env
            .cmd()
            .args(["--lang", lang, "import", "csv", "in", file])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
        assert!(
            !stderr.contains("第2行") && !stderr.contains("row 2"),
            "{stderr}"
        );
    }
    assert_eq!(before, env.state(), "nothing written");

    let clean = csv(
        &env,
        "收文2.csv",
        &sheet.replace("2026-10-30", "2026-11-04"),
    );
    env.run(&["import", "csv", "in", clean.to_str().unwrap()]);
    let checked = env.cmd().args(["check"]).output().unwrap();
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
}
