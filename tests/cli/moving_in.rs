//! Moving in (docs/import.md): what a row of an office's old register
//! becomes. Finished matters come in finished (and stay off the desk,
//! `remind` and the open counts), history comes in as history (the rules
//! that guard new entries warn, in the import and in `check`), every field
//! of a record can be mapped, and one 文号 however it was typed.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::env::Env;

fn csv(env: &Env, name: &str, text: &str) -> String {
    let path = env.tmp.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// `show ID -o json` of a record.
/// The record as stored: a classified one is shown too, as its import is
/// what is checked.
fn show(env: &Env, id: &str) -> Value {
    serde_json::from_str(&env.run(&["show", id, "-o", "json", "--show-classified"])).unwrap()
}

/// `import` in `lang`, expecting success; returns what it told the
/// clerk: stderr, after stdout for a dry run, whose preview lists the
/// warnings.
fn import(env: &Env, lang: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .args(["--lang", lang, "import"])
        .args(args)
        .output()
        .unwrap();
    let mut told = String::from_utf8_lossy(&out.stderr).into_owned();
    if args.contains(&"--dry-run") {
        told.insert_str(0, &String::from_utf8_lossy(&out.stdout));
    }
    assert!(out.status.success(), "{args:?}: {told}");
    told
}

/// A 督办台账 that says whether each matter is finished in 是否办结 and in
/// 完成情况, as many offices keep both, and once in free text.
const DUCHA: &str = "序号,督办事项,牵头单位,交办日期,完成时限,是否办结,完成情况,办结日期\n\
1,落实冬季安全生产部署,办公室,2026-01-05,2026-03-30,是,,2026-03-28\n\
2,编制明年预算,财务科,2026-02-01,2026-04-30,否,未完成,\n\
3,整改审计问题,法规科,2026-03-10,2026-06-01,,已完成,\n\
4,清理欠款,办公室,2026-03-10,2026-06-01,√,按期推进,\n\
5,修订值班制度,办公室,2026-04-01,2026-05-01,,撤项,\n";

#[test]
fn a_ducha_sheet_says_what_is_finished_and_finished_matters_are_never_overdue() {
    let env = Env::new();
    let file = csv(&env, "督办台账.csv", DUCHA);
    let zh = import(&env, "zh", &["csv", "fu", &file, "--dry-run"]);
    let en = import(&env, "en", &["csv", "fu", &file]);
    assert!(
        zh.contains("第4、5行：已办结（或已答复）但没有办结日期：取该行最晚的日期"),
        "{zh}"
    );
    assert!(
        zh.contains(
            "第5行：“完成情况”栏的文字不是办理状态：原文记入“备注”，状态按该行其他栏定为“已办结”"
        ),
        "{zh}"
    );
    assert!(
        en.contains("rows 4, 5: finished (or replied), with no completion date"),
        "{en}"
    );
    let status = |id: &str| show(&env, id)["status"].as_str().unwrap().to_string();
    assert_eq!(status("FU-2026-0001"), "closed");
    assert_eq!(show(&env, "FU-2026-0001")["result"]["closed"], "2026-03-28");
    assert_eq!(status("FU-2026-0002"), "open");
    assert_eq!(status("FU-2026-0003"), "closed");
    // The latest date of the row, the due date, when it gives no other.
    assert_eq!(show(&env, "FU-2026-0003")["result"]["closed"], "2026-06-01");
    let fourth = show(&env, "FU-2026-0004");
    assert_eq!(fourth["status"], "closed", "√");
    assert_eq!(fourth["notes"], "按期推进", "free text kept");
    assert_eq!(status("FU-2026-0005"), "cancelled");

    // Only the one matter left open is overdue, reminded, counted open.
    let remind = env.run(&["--lang", "en", "remind", "-o", "json"]);
    assert!(remind.contains("FU-2026-0002"), "{remind}");
    for finished in [
        "FU-2026-0001",
        "FU-2026-0003",
        "FU-2026-0004",
        "FU-2026-0005",
    ] {
        assert!(!remind.contains(finished), "{finished} reminded: {remind}");
    }
    let summary: Value =
        serde_json::from_str(&env.run(&["summary", "--period", "2026", "-o", "json"])).unwrap();
    let text = summary.to_string();
    assert!(text.contains("\"overdue\":1"), "{text}");
    let desk = env.run(&["--lang", "en", "desk"]);
    assert!(desk.contains("FU-2026-0002"), "{desk}");
    assert!(!desk.contains("FU-2026-0001"), "{desk}");
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

/// A 收文登记簿 whose status is in 办理结果 or is free text mapped onto
/// the status column, one paper replied and one archived without its 档号.
#[test]
fn status_words_in_other_columns_drive_the_status_and_free_text_is_kept() {
    let env = Env::new();
    let file = csv(
        &env,
        "收文.csv",
        "收文日期,来文单位,文件标题,办理情况,承办单位,办件类型,档号\n\
         2026-01-05,省厅,关于开展安全检查的通知,已办结,办公室,办件,\n\
         2026-01-06,省厅,关于传阅的通知,传阅,,阅件,\n\
         2026-01-07,省厅,关于转办的通知,已转应急局办理,办公室,办件,\n\
         2026-01-08,省厅,关于复函的通知,已复函,办公室,办件,\n\
         2026-01-09,省厅,关于归档的通知,已归档,办公室,办件,\n",
    );
    let zh = import(&env, "zh", &["csv", "in", &file, "--map", "办理情况=状态"]);
    assert!(
        zh.contains("第6行：已归档，但表中没有档号：按已办结导入"),
        "{zh}"
    );
    assert!(
        zh.contains("第3行：“办理情况”栏的文字不是办理状态：原文记入“办理结果”，状态按该行其他栏定为“已登记”"),
        "{zh}"
    );
    assert!(
        zh.contains("第4行：“办理情况”栏的文字不是办理状态：原文记入“办理结果”，状态按该行其他栏定为“已交办”"),
        "{zh}"
    );
    let first = show(&env, "IN-2026-0001");
    assert_eq!(first["status"], "done");
    assert_eq!(first["completed"], "2026-01-05");
    let second = show(&env, "IN-2026-0002");
    assert_eq!(second["status"], "registered");
    assert_eq!(second["result"], "传阅");
    let third = show(&env, "IN-2026-0003");
    assert_eq!(third["status"], "assigned");
    assert_eq!(third["result"], "已转应急局办理");
    let fourth = show(&env, "IN-2026-0004");
    assert_eq!(fourth["status"], "replied");
    assert_eq!(fourth["reply"]["on"], "2026-01-08");
    assert_eq!(show(&env, "IN-2026-0005")["status"], "done");
    let check = env.output(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

/// A notice about thousands of rows stays one readable line: runs of
/// rows, the first few of them, and the count.
#[test]
fn a_notice_about_many_rows_stays_short() {
    let env = Env::new();
    let mut sheet = String::from("督办事项,牵头单位,交办日期,完成时限,是否办结\n");
    for i in 1..=300 {
        let finished = if i % 20 == 0 { "否" } else { "是" };
        sheet.push_str(&format!(
            "事项{i},办公室,2026-01-05,2026-03-30,{finished}\n"
        ));
    }
    let file = csv(&env, "督办.csv", &sheet);
    let zh = import(&env, "zh", &["csv", "fu", &file, "--dry-run"]);
    assert!(
        zh.contains("第2—20、22—40、42—60、62—80、82—100、102—120、122—140、142—160、162—180、182—200…行（共285行）：已办结"),
        "{zh}"
    );
    let en = import(&env, "en", &["csv", "fu", &file, "--dry-run"]);
    assert!(en.contains("rows 2–20, 22–40, "), "{en}");
    assert!(en.contains("… (285 rows in all): finished"), "{en}");
}

/// `--map 是否办结=办理状态` reads 是 and 否.
#[test]
fn yes_and_no_mapped_onto_the_status() {
    let env = Env::new();
    let file = csv(
        &env,
        "督办.csv",
        "督办事项,牵头单位,交办日期,完成时限,是否办结\n\
         落实部署,办公室,2026-01-05,2026-03-30,是\n\
         编制预算,财务科,2026-02-01,2026-04-30,否\n",
    );
    import(
        &env,
        "en",
        &["csv", "fu", &file, "--map", "是否办结=办理状态"],
    );
    assert_eq!(show(&env, "FU-2026-0001")["status"], "closed");
    assert_eq!(show(&env, "FU-2026-0002")["status"], "open");
}

/// An urgent paper without its deadline and an upward document without
/// its signer come in as history: one warning each with its rows, and
/// `check` warns the same and passes.
#[test]
fn rules_for_new_entries_warn_on_history() {
    let env = Env::new();
    let papers = csv(
        &env,
        "收文.csv",
        "收文日期,来文单位,文件标题,紧急程度,承办单位\n\
         2025-03-05,省厅,关于防汛的紧急通知,特急,办公室\n\
         2025-03-06,省厅,关于加急报送的通知,加急,办公室\n\
         2025-03-07,省厅,关于加急报送的通知（二）,加急,办公室\n",
    );
    let zh = import(&env, "zh", &["csv", "in", &papers]);
    assert!(
        zh.contains("第3、4行：加急办件必须有办理时限；作为历史记录导入，check 将提示此项"),
        "{zh}"
    );
    assert!(zh.contains("第2行：特急办件必须有办理时限"), "{zh}");
    let docs = csv(
        &env,
        "发文.csv",
        "发文字号,成文日期,文件标题,行文方向,主送\n\
         市交发〔2025〕3号,2025-04-01,关于安全生产的报告,上行文,省交通运输厅\n",
    );
    let en = import(&env, "en", &["csv", "out", &docs]);
    assert!(
        en.contains("row 2: an upward document needs a signer; imported as history"),
        "{en}"
    );
    let check = env.output(&["--lang", "en", "check"]);
    let report = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{report}");
    assert!(
        report.contains("an upward document needs a signer"),
        "{report}"
    );
    // A new entry is still held to the rule.
    let refused = env.fail(&[
        "--lang",
        "en",
        "log",
        "in",
        "--title",
        "急件",
        "--from",
        "省厅",
        "--urgency",
        "加急",
        "--lead",
        "办公室",
    ]);
    assert!(refused.contains("deadline"), "{refused}");
}

/// What would make the register wrong still refuses the whole import.
#[test]
fn corruption_still_refuses_every_row() {
    let env = Env::new();
    let file = csv(
        &env,
        "督办.csv",
        "督办事项,牵头单位,交办日期,完成时限,来源编号\n\
         落实部署,办公室,2026-01-05,2026-03-30,IN-2026-0042\n\
         编制预算,财务处,2026-02-01,2026-04-30,\n",
    );
    for (lang, said) in [
        ("zh", "第2行 来源编号：台账中没有 IN-2026-0042，请先导入它"),
        (
            "en",
            "row 2, 来源编号: IN-2026-0042 is not in the register; import it first",
        ),
    ] {
        let stderr = env.fail(&["--lang", lang, "import", "csv", "fu", &file]);
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains("财务处"), "{stderr}");
    }
}

/// Every field a record holds can be named by --map; a field it does not
/// hold is refused with the list.
#[test]
fn map_accepts_every_field_and_lists_them() {
    let env = Env::new();
    let file = csv(
        &env,
        "收文.csv",
        "日期,单位,事由,拟办,批示,结果,密\n\
         2026-01-05,省厅,关于开展安全检查的通知,2026-01-05 赵磊：拟请办公室办理,2026-01-06 陈局长：同意,已检查完毕,秘密\n",
    );
    import(
        &env,
        "en",
        &[
            "csv",
            "in",
            &file,
            "--map",
            "单位=sender",
            "--map",
            "拟办=proposal",
            "--map",
            "批示=instructions",
            "--map",
            "结果=result",
            "--map",
            "密=secrecy",
        ],
    );
    let paper = show(&env, "IN-2026-0001");
    assert_eq!(paper["proposal"]["by"], "赵磊");
    assert_eq!(paper["proposal"]["text"], "拟请办公室办理");
    assert_eq!(paper["instructions"][0]["by"], "陈局长");
    assert_eq!(paper["instructions"][0]["on"], "2026-01-06");
    assert_eq!(paper["result"], "已检查完毕");
    assert_eq!(paper["secrecy"], "secret");

    let fu = csv(
        &env,
        "督办.csv",
        "事项,单位,交办,时限,延期至,来源,进展\n\
         落实部署,办公室,2026-01-05,2026-03-30,2026-12-30,IN-2026-0001,已部署\n",
    );
    import(
        &env,
        "en",
        &[
            "csv",
            "fu",
            &fu,
            "--map",
            "事项=title",
            "--map",
            "单位=lead",
            "--map",
            "交办=assigned",
            "--map",
            "时限=due",
            "--map",
            "延期至=effective_due",
            "--map",
            "来源=source_ref",
            "--map",
            "进展=progress",
        ],
    );
    let followup = show(&env, "FU-2026-0001");
    assert_eq!(followup["source_ref"], "IN-2026-0001");
    assert_eq!(followup["extensions"][0]["from"], "2026-03-30");
    assert_eq!(followup["extensions"][0]["to"], "2026-12-30");
    assert_eq!(followup["progress"][0]["note"], "已部署");
    assert_eq!(followup["overdue"], false, "due 2026-12-30 after extension");

    for (lang, said) in [
        ("en", "fields of followup: "),
        ("zh", "的字段：原编号、标题、办理要求"),
    ] {
        let stderr = env.fail(&[
            "--lang",
            lang,
            "import",
            "csv",
            "fu",
            &fu,
            "--map",
            "事项=colour",
        ]);
        assert!(stderr.contains(said), "{stderr}");
        let (due, source) = match lang {
            "en" => ("effective_due", "source_ref"),
            _ => ("延期后时限", "来源编号"),
        };
        assert!(stderr.contains(due) && stderr.contains(source), "{stderr}");
    }
}

/// One 文号: the same number typed three ways is one number, refused on
/// its second and third rows; numbers typed every way are stored as the
/// register writes them, and a row without one is numbered after them.
#[test]
fn document_numbers_are_one_number_however_typed() {
    let env = Env::new();
    let same = csv(
        &env,
        "发文.csv",
        "发文字号,成文日期,文件标题\n\
         市交发[2026]1号,2026-01-05,关于甲的通知\n\
         市交发（2026）01号,2026-01-06,关于乙的通知\n\
         市交发〔２０２６〕1号,2026-01-07,关于丙的通知\n\
         ,2026-01-08,关于丁的通知\n",
    );
    let stderr = env.fail(&["--lang", "zh", "import", "csv", "out", &same]);
    assert!(
        stderr.contains("第3行 发文字号：市交发〔2026〕1号 与第2行的发文字号重复"),
        "{stderr}"
    );
    assert!(
        stderr.contains("第4行 发文字号：市交发〔2026〕1号 与第2行的发文字号重复"),
        "{stderr}"
    );
    let stderr = env.fail(&["--lang", "en", "import", "csv", "out", &same]);
    assert!(
        stderr.contains("row 3, 发文字号: 市交发〔2026〕1号 is already the number of row 2"),
        "{stderr}"
    );

    let distinct = csv(
        &env,
        "发文2.csv",
        "发文字号,成文日期,文件标题\n\
         市交发[2026]1号,2026-01-05,关于甲的通知\n\
         市交发（2026）02号,2026-01-06,关于乙的通知\n\
         市交发〔２０２６〕 3 号,2026-01-07,关于丙的通知\n\
         ,2026-01-08,关于丁的通知\n",
    );
    import(&env, "zh", &["csv", "out", &distinct]);
    let number = |id: &str| show(&env, id)["doc_number"].as_str().unwrap().to_string();
    assert_eq!(number("OUT-2026-0001"), "市交发〔2026〕1号");
    assert_eq!(number("OUT-2026-0002"), "市交发〔2026〕2号");
    assert_eq!(number("OUT-2026-0003"), "市交发〔2026〕3号");
    assert_eq!(number("OUT-2026-0004"), "市交发〔2026〕4号");

    // A later import of a number the register has, typed another way.
    let again = csv(
        &env,
        "发文3.csv",
        "发文字号,成文日期,文件标题\n市交发【2026】002号,2026-02-05,关于戊的通知\n",
    );
    let stderr = env.fail(&["--lang", "en", "import", "csv", "out", &again]);
    assert!(
        stderr.contains("市交发〔2026〕2号 is already the number of OUT-2026-0002"),
        "{stderr}"
    );
    // `log out` goes on after the highest number, whatever its brackets.
    let next = env.run(&["log", "out", "--title", "关于己的通知", "--to", "省厅"]);
    assert_eq!(number(next.trim()), "市交发〔2026〕5号");
}

/// Two documents holding one number typed two ways are a `check` error.
#[test]
fn check_finds_one_number_typed_two_ways() {
    let env = Env::new();
    let doc = |id: &str, number: &str| {
        format!(
            "id: {id}\ntitle: 关于{id}的通知\nstatus: issued\ndoc_number: {number}\n\
             to: [省厅]\nsigned: 2026-01-05\nprinted: 2026-01-05\n\
             created: 2026-01-05T09:00:00+08:00\n"
        )
    };
    env.write(
        "documents/2026/OUT-2026-0001.yaml",
        &doc("OUT-2026-0001", "市交发〔2026〕7号"),
    );
    env.write(
        "documents/2026/OUT-2026-0002.yaml",
        &doc("OUT-2026-0002", "市交发[2026]07号"),
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "by hand"]);
    let out = env.output(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("OUT-2026-0002"), "{report}");
    assert!(report.contains("OUT-2026-0001"), "{report}");
}

/// A search for a number finds it however the sender's number was typed.
#[test]
fn a_number_is_found_however_typed() {
    let env = Env::new();
    let file = csv(
        &env,
        "收文.csv",
        "收文日期,来文单位,来文字号,文件标题\n\
         2026-01-05,省应急厅,省应急发[2026]11号,关于开展安全检查的通知\n\
         2026-01-06,省应急厅,省应急发[2026]12号,关于另一件事的通知\n",
    );
    import(&env, "en", &["csv", "in", &file]);
    assert_eq!(
        show(&env, "IN-2026-0001")["sender_ref"],
        "省应急发〔2026〕11号"
    );
    for needle in ["〔2026〕11号", "[2026]11号", "省应急发（2026）011号"] {
        let found = env.run(&["list", "--search", needle, "-o", "csv"]);
        assert!(found.contains("IN-2026-0001"), "{needle}: {found}");
        assert!(!found.contains("IN-2026-0002"), "{needle}: {found}");
    }
    // A number typed at `log in` is stored as the register writes it.
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "函",
        "--from",
        "省厅",
        "--ref",
        "省交函（2026）03号",
    ]);
    assert_eq!(show(&env, id.trim())["sender_ref"], "省交函〔2026〕3号");
}

/// The example register, committed to a fresh repository.
fn example() -> Env {
    Env::example()
}

/// An empty register with the example's settings (units, people,
/// series, logbooks).
fn empty_like_example() -> Env {
    let env = Env::bare();
    let office = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/office");
    std::fs::create_dir_all(&env.root).unwrap();
    for file in ["taizhang.toml", "calendar.toml"] {
        std::fs::copy(office.join(file), env.root.join(file)).unwrap();
    }
    env.git(&["init", "-q"]);
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "设置"]);
    env
}

/// Every kind in the order links need them: papers before the documents
/// answering them, meetings and papers before the follow-ups they gave.
const KINDS: &[(&str, &str)] = &[
    ("in", "收文"),
    ("out", "发文"),
    ("meeting", "会议"),
    ("fu", "督办"),
    ("duty", "值班登记"),
    ("items", "物品领用"),
    ("letter", "介绍信"),
    ("reception", "公务接待登记"),
    ("seal", "用印登记"),
    ("vehicle", "用车登记"),
    ("visit", "来访登记"),
];

/// Every record file of a register, by path, as YAML values.
fn records(env: &Env) -> BTreeMap<String, serde_yaml::Value> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, serde_yaml::Value>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let relative = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(relative, serde_yaml::from_str(&text).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&env.root, &env.root, &mut out);
    out
}

/// Asserts that `copy` holds every record of `original` with the same
/// fields, but those `lost` names (by record file and key) and the ones
/// an import makes anew (its history, when it was created).
fn same_records(
    original: &Env,
    copy: &Env,
    lost: &dyn Fn(&str, &str) -> bool,
    value: &dyn Fn(&serde_yaml::Value) -> serde_yaml::Value,
) {
    let (before, after) = (records(original), records(copy));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same record files"
    );
    for (path, record) in &before {
        let (record, came_back) = (
            record.as_mapping().unwrap(),
            after[path].as_mapping().unwrap(),
        );
        let keys: std::collections::BTreeSet<String> = record
            .keys()
            .chain(came_back.keys())
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        for key in keys {
            if matches!(key.as_str(), "history" | "created") || lost(path, &key) {
                continue;
            }
            let (was, is) = (record.get(key.as_str()), came_back.get(key.as_str()));
            assert_eq!(was.map(value), is.map(value), "{path} {key}");
        }
    }
}

/// What a round trip does not carry: the routing slip (传阅), chases,
/// a meeting's agenda and who was absent or observed, the filing of an
/// archived paper's follow-ups (an archived paper is frozen), and
/// nothing else.
fn not_exported(path: &str, key: &str) -> bool {
    matches!(
        key,
        "circulation" | "chases" | "agenda" | "absent" | "observers"
    ) || (path.ends_with("IN-2025-0001.yaml") && key == "followups")
}

/// `export csv` of each kind of the example register imports into an
/// empty register as the same records, IDs, links and times included,
/// `check` passes, and its export is the first one cell for cell.
#[test]
fn every_kind_comes_back_from_csv_cell_for_cell() {
    let (original, copy) = (example(), empty_like_example());
    let file = |kind: &str, n: u8| {
        let path = original.tmp.path().join(format!("{kind}.{n}.csv"));
        path.to_str().unwrap().to_string()
    };
    for (kind, _) in KINDS {
        original.run(&[
            "export",
            "csv",
            kind,
            "--show-classified",
            "--out",
            &file(kind, 1),
        ]);
        copy.run(&["import", "csv", kind, &file(kind, 1)]);
    }
    for (kind, _) in KINDS {
        copy.run(&[
            "export",
            "csv",
            kind,
            "--show-classified",
            "--out",
            &file(kind, 2),
        ]);
        assert_eq!(
            std::fs::read_to_string(file(kind, 1)).unwrap(),
            std::fs::read_to_string(file(kind, 2)).unwrap(),
            "{kind}"
        );
    }
    let check = copy.output(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    same_records(&original, &copy, &not_exported, &|v| v.clone());
    let paper = show(&copy, "IN-2026-0004");
    assert_eq!(
        paper["reply"]["ref"], "OUT-2026-0003",
        "linked back by 发文"
    );
    let decision = &show(&copy, "MT-2026-0001")["decisions"][0];
    assert_eq!(decision["followup"], "FU-2026-0007", "linked back by 督办");
    let fu = show(&copy, "FU-2026-0011");
    assert_eq!(fu["extensions"][0]["to"], "2026-11-30");
    assert_eq!(fu["overdue"], false);
    assert_eq!(fu["progress"].as_array().unwrap().len(), 3);
    assert_eq!(show(&copy, "FU-2026-0012")["secrecy"], "secret");
}

/// `export xlsx --show-classified` of the example register, each sheet
/// imported into an empty register: the same records, moments to the
/// minute from the workbook's date-time cells.
#[test]
fn every_kind_comes_back_from_one_workbook() {
    let (original, copy) = (example(), empty_like_example());
    let book = original.tmp.path().join("台账.xlsx");
    let book = book.to_str().unwrap();
    original.run(&["export", "xlsx", "--show-classified", "--out", book]);
    for (kind, sheet) in KINDS {
        copy.run(&["import", "xlsx", kind, book, "--sheet", sheet]);
    }
    let check = copy.output(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    same_records(&original, &copy, &not_exported, &|v| v.clone());
}

/// A redacted export does not hold the classified records: their rows are
/// refused, naming the title and what to do, in both languages.
#[test]
fn a_withheld_title_is_refused_not_imported() {
    let (original, copy) = (example(), empty_like_example());
    let book = original.tmp.path().join("台账.xlsx");
    let book = book.to_str().unwrap();
    original.run(&["export", "xlsx", "--out", book]);
    let csv = original.tmp.path().join("fu.csv");
    let csv = csv.to_str().unwrap();
    original.run(&["export", "csv", "fu", "--out", csv]);
    let zh = copy.fail(&["import", "xlsx", "fu", book, "--sheet", "督办"]);
    assert!(
        zh.contains(
            "第13行 标题：“[秘密] FU-2026-0012”是导出时隐去的标题，表中没有这条记录的内容；请用 --show-classified 重新导出后再导入"
        ),
        "{zh}"
    );
    let en = copy.fail(&["--lang", "en", "import", "csv", "fu", csv]);
    assert!(
        en.contains("'[secret] FU-2026-0012' is a title export withheld"),
        "{en}"
    );
}
