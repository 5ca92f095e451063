//! Logbooks kept from the shell: `book add`, `set`, `list`, `show` and
//! `declare`, fields named by key or label, in both languages.

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

/// A seal taken out by 王芳 for 办公室, given by labels.
const SEAL: &[&str] = &[
    "book",
    "add",
    "seal",
    "-s",
    "日期=2026-11-20",
    "-s",
    "印章名称=局公章",
    "-s",
    "用印单位=BGS",
    "-s",
    "经办人=王芳",
    "-s",
    "用印事由=报送年度预算",
    "-s",
    "份数=3",
    "-s",
    "批准人=张局长",
    "-s",
    "外借时间=2026-11-20 14:30",
    "-s",
    "应还时间=2026-11-21 17:00",
];

fn with_seal() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    assert_eq!(env.run(SEAL), "SEAL-2026-0001\n");
    env
}

#[test]
fn add_prints_the_id_and_writes_typed_fields_in_declared_order() {
    let env = Env::new();
    env.pin_clock(NOW);
    let commits = env.commits();
    assert_eq!(env.run(SEAL), "SEAL-2026-0001\n");
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(
        env.last_commit_files(),
        ["logbooks/seal/2026/SEAL-2026-0001.yaml"]
    );
    let yaml = env.read("logbooks/seal/2026/SEAL-2026-0001.yaml");
    insta::assert_snapshot!("book__seal_file", yaml);
    let value = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(
        text(&value, "unit"),
        "办公室",
        "a unit code is stored as its name"
    );
    assert_eq!(value.get("copies"), Some(&serde_yaml::Value::from(3)));
    assert_eq!(text(&value, "title"), "局公章 · 报送年度预算");
    // The same fields by key, English label, any case.
    let by_key = env.run(&[
        "book",
        "add",
        "seal",
        "-s",
        "date=today",
        "-s",
        "SEAL=党委印章",
        "-s",
        "Unit=财务科",
        "-s",
        "handler=王芳",
        "-s",
        "purpose=报送",
        "-s",
        "approved by=张局长",
    ]);
    assert_eq!(by_key, "SEAL-2026-0002\n");
    let value = env.yaml("logbooks/seal/2026/SEAL-2026-0002.yaml");
    assert_eq!(text(&value, "date"), "2026-11-23");
    assert_eq!(text(&value, "approver"), "张局长");
    assert!(env.run(&["check"]).contains("no problems"));
}

#[test]
fn show_and_list_speak_the_declared_labels() {
    let env = with_seal();
    for lang in ["zh", "en"] {
        whole(
            &env,
            &format!("book__show@{lang}"),
            &["--lang", lang, "show", "SEAL-1"],
        );
        let via_book = env.run(&["--lang", lang, "book", "show", "SEAL-1"]);
        assert_eq!(via_book, env.run(&["--lang", lang, "show", "SEAL-1"]));
        // An entry's page has no CSV: refused as a usage error, in the
        // reader's language, rather than given the page.
        let refused = env.output(&["--lang", lang, "book", "show", "SEAL-1", "-o", "csv"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(refused.stdout.is_empty());
        let said = String::from_utf8_lossy(&refused.stderr);
        let expected = match lang {
            "zh" => "可用的格式：table、json",
            _ => "it prints table, json",
        };
        assert!(said.contains(expected), "{said}");
        whole(
            &env,
            &format!("book__list@{lang}"),
            &["--lang", lang, "book", "list", "seal"],
        );
        whole(
            &env,
            &format!("book__list_csv@{lang}"),
            &["--lang", lang, "book", "list", "seal", "-o", "csv"],
        );
        let list = env.run(&["--lang", lang, "list", "seal", "-o", "markdown"]);
        assert_eq!(
            list,
            env.run(&["--lang", lang, "book", "list", "seal", "-o", "markdown"])
        );
        let header = list.lines().next().unwrap_or_default();
        let expected = match lang {
            "zh" => {
                "| 编号 | 日期 | 印章名称 | 用印单位 | 经办人 | 用印事由 | 文件名称 | 份数 | 批准人 | 监印人 | 外借时间 | 应还时间 | 归还时间 |"
            }
            _ => {
                "| ID | Date | Seal | Unit | Handler | Purpose | Document | Copies | Approved by | Witness | Taken out | Due back | Returned |"
            }
        };
        assert_eq!(header, expected);
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["--lang", "zh", "book", "list", "seal", "-o", "json"]))
            .unwrap();
    assert_eq!(json[0]["seal"], "局公章");
    assert_eq!(json[0]["copies"], 3);
    assert_eq!(json[0]["taken_out"], "2026-11-20T14:30:00+08:00");
    let none = env.run(&["book", "list", "seal", "--since", "2026-11-21"]);
    assert_eq!(none, "");
    let found = env.run(&["book", "list", "seal", "--search", "年度预算"]);
    assert!(found.contains("SEAL-2026-0001"), "{found}");
}

#[test]
fn set_notes_each_change_old_to_new() {
    let env = with_seal();
    let commits = env.commits();
    env.run(&[
        "book",
        "set",
        "SEAL-1",
        "-s",
        "归还时间=2026-11-21 16:40",
        "-s",
        "份数=2",
        "-s",
        "应还时间=",
    ]);
    assert_eq!(env.commits(), commits + 1);
    let value = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(text(&value, "returned"), "2026-11-21T16:40:00+08:00");
    assert!(value.get("return_due").is_none());
    let history = value["history"].as_sequence().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(text(&history[1], "action"), "set");
    assert_eq!(
        text(&history[1], "note"),
        "returned: — → 2026-11-21T16:40:00+08:00; copies: 3 → 2; return_due: 2026-11-21T17:00:00+08:00 → —"
    );
    for lang in ["zh", "en"] {
        whole(
            &env,
            &format!("book__show_after_set@{lang}"),
            &["--lang", lang, "book", "show", "SEAL-1"],
        );
    }
    // The same values again: nothing written, a note saying so.
    let before = env.state();
    let out = env.output(&["book", "set", "SEAL-1", "-s", "份数=2"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing changed"));
    assert_eq!(before, env.state());
    // A changed purpose renames the entry; a hand-written title stays.
    env.run(&["book", "set", "SEAL-1", "-s", "用印事由=报送决算"]);
    let value = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(text(&value, "title"), "局公章 · 报送决算");
}

#[test]
fn refusals_name_what_was_wrong_and_write_nothing() {
    let env = with_seal();
    let cases: &[(&str, &[&str])] = &[
        ("missing", &["book", "add", "seal", "-s", "印章名称=局公章"]),
        (
            "unknown_field",
            &["book", "add", "seal", "-s", "印章=局公章"],
        ),
        ("not_assignment", &["book", "add", "seal", "-s", "印章名称"]),
        ("bad_date", &["book", "add", "seal", "-s", "日期=下月"]),
        ("bad_number", &["book", "add", "seal", "-s", "份数=三份"]),
        (
            "bad_unit",
            &["book", "add", "seal", "-s", "用印单位=后勤科"],
        ),
        ("bad_bool", &["book", "add", "visit", "-s", "核验证件=也许"]),
        (
            "twice",
            &[
                "book",
                "add",
                "seal",
                "-s",
                "seal=局公章",
                "-s",
                "印章名称=局公章",
            ],
        ),
        (
            "no_such_record",
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
        ),
        (
            "clear_required",
            &["book", "set", "SEAL-1", "-s", "印章名称="],
        ),
        ("not_declared", &["book", "add", "canteen", "-s", "a=b"]),
        ("declared_twice", &["book", "declare", "seal"]),
        ("not_a_preset", &["book", "declare", "canteen"]),
    ];
    for (name, args) in cases {
        for lang in ["zh", "en"] {
            let argv: Vec<&str> = [&["--lang", lang][..], args].concat();
            whole(&env, &format!("book__refused_{name}@{lang}"), &argv);
        }
    }
    let fu = env.assign("事项");
    let stderr = env.fail(&["book", "set", &fu, "-s", "a=b"]);
    assert!(stderr.contains("not a logbook entry"), "{stderr}");
}

#[test]
fn people_are_checked_once_the_register_declares_them() {
    let env = Env::new();
    let settings = env.read("taizhang.toml");
    env.write(
        "taizhang.toml",
        &format!("{settings}\n[[people]]\nname = \"王芳\"\n"),
    );
    env.git(&["commit", "-qam", "people"]);
    let stderr = env.fail(&[
        "book",
        "add",
        "items",
        "-s",
        "日期=today",
        "-s",
        "物品名称=A4纸",
        "-s",
        "数量=5",
        "-s",
        "领用人=王方",
    ]);
    assert!(
        stderr.contains("王方") && stderr.contains("王芳"),
        "{stderr}"
    );
    env.run(&[
        "book",
        "add",
        "items",
        "-s",
        "日期=today",
        "-s",
        "物品名称=A4纸",
        "-s",
        "数量=5",
        "-s",
        "领用人=王芳",
    ]);
}

#[test]
fn letters_are_numbered_per_year_and_never_twice() {
    let env = Env::new();
    let letter = |extra: &[&str]| {
        let dated = extra.iter().any(|e| e.starts_with("开具日期="));
        let (date, extra) = if dated {
            (extra[1], &extra[2..])
        } else {
            ("开具日期=today", extra)
        };
        let mut args = vec![
            "book",
            "add",
            "letter",
            "-s",
            date,
            "-s",
            "前往单位=市财政局",
            "-s",
            "持信人=王芳",
            "-s",
            "事由=联系审计事宜",
            "-s",
            "开具人=王芳",
            "-s",
            "批准人=张局长",
        ];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let args = letter(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.run(&args).trim().to_string()
    };
    assert_eq!(run(&[]), "LTR-2026-0001");
    assert_eq!(run(&["-s", "存根号=2026-005"]), "LTR-2026-0002");
    assert_eq!(run(&[]), "LTR-2026-0003");
    let number = |id: &str| {
        text(
            &env.yaml(&format!("logbooks/letter/2026/{id}.yaml")),
            "number",
        )
    };
    assert_eq!(number("LTR-2026-0001"), "2026-001");
    assert_eq!(number("LTR-2026-0003"), "2026-006");
    let args = letter(&["-s", "存根号=2026-001"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stderr = env.fail(&args);
    assert!(
        stderr.contains("2026-001") && stderr.contains("LTR-2026-0001"),
        "{stderr}"
    );
    let stderr = env.fail(&["book", "set", "LTR-3", "-s", "number=2026-005"]);
    assert!(stderr.contains("LTR-2026-0002"), "{stderr}");
    // Last year's letter, dated last year, belongs to last year's book:
    // its ID and its number are last year's.
    assert_eq!(run(&["-s", "开具日期=2025-12-30"]), "LTR-2025-0001");
    let last_year = env.yaml("logbooks/letter/2025/LTR-2025-0001.yaml");
    assert_eq!(text(&last_year, "number"), "2025-001");
}

#[test]
fn declare_appends_the_preset_and_keeps_every_byte() {
    let env = Env::new();
    // A register made before the vehicle book existed, with a comment.
    let settings = env.read("taizhang.toml");
    let start = settings.find("[logbooks.vehicle]").unwrap();
    let end = settings.find("[logbooks.visit]").unwrap();
    let old = format!(
        "{}# 本局自定义的说明\n{}",
        &settings[..start],
        &settings[end..]
    );
    env.write("taizhang.toml", &old);
    env.git(&["commit", "-qam", "an older register"]);
    for lang in ["zh", "en"] {
        whole(
            &env,
            &format!("book__undeclared_preset@{lang}"),
            &[
                "--lang",
                lang,
                "book",
                "add",
                "vehicle",
                "-s",
                "车辆=皖A12345",
            ],
        );
    }
    let commits = env.commits();
    let out = env.output(&["--lang", "zh", "book", "declare", "vehicle"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "已在 taizhang.toml 中加入登记簿“用车登记”（`vehicle`）\n"
    );
    assert_eq!(env.commits(), commits + 1);
    assert_eq!(env.last_commit_files(), ["taizhang.toml"]);
    let new = env.read("taizhang.toml");
    assert!(new.starts_with(&old), "the old text is kept byte for byte");
    insta::assert_snapshot!("book__declared_vehicle", &new[old.len()..]);
    let id = env.run(&[
        "book",
        "add",
        "vehicle",
        "-s",
        "日期=today",
        "-s",
        "车辆=皖A12345",
        "-s",
        "驾驶员=王芳",
        "-s",
        "用车人=张局长",
        "-s",
        "目的地=省厅",
        "-s",
        "事由=汇报",
    ]);
    assert_eq!(id, "CAR-2026-0001\n");
    assert!(env.run(&["check"]).contains("no problems"));
}

#[test]
fn summary_names_logbooks_by_their_title_in_the_readers_language() {
    let env = with_seal();
    let zh = env.run(&["--lang", "zh", "summary", "--period", "2026-11"]);
    assert!(zh.contains("用印登记"), "{zh}");
    let en = env.run(&["--lang", "en", "summary", "--period", "2026-11"]);
    assert!(en.contains("Seal use"), "{en}");
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["summary", "--period", "2026-11", "-o", "json"])).unwrap();
    assert_eq!(json["logbooks"]["seal"], 1);
}

/// A 来访登记表 as an office keeps it in a spreadsheet: a title row, the
/// header in English and Chinese labels, a blank row and a 合计 row.
const VISITS: &str = "2026年11月来访登记表,,,,,\n\
序号,来访时间,Visitor,单位,人数,事由,接待人,核验证件\n\
1,11月2日 09:30,马先生,某运输公司,2,咨询线路许可,王芳,是\n\
2,2026/11/3 14:00,刘女士,,1,反映公交站点问题,王芳,否\n\
,,,,,\n\
合计,,,,3,\n";

#[test]
fn import_reads_a_logbook_sheet_by_labels_all_rows_or_none() {
    let env = Env::new();
    env.pin_clock(NOW);
    let path = env.tmp.path().join("来访.csv");
    std::fs::write(&path, VISITS).unwrap();
    let path = path.to_str().unwrap();
    let before = env.state();
    let dry = env.run(&["import", "csv", "visit", path, "--dry-run"]);
    assert_eq!(before, env.state(), "a dry run writes nothing");
    assert!(dry.contains("VISIT-2026-0002"), "{dry}");
    let commits = env.commits();
    let ids = env.run(&["import", "csv", "visit", path]);
    assert_eq!(ids, "VISIT-2026-0001\nVISIT-2026-0002\n");
    assert_eq!(env.commits(), commits + 1);
    let first = env.yaml("logbooks/visit/2026/VISIT-2026-0001.yaml");
    assert_eq!(text(&first, "arrived"), "2026-11-02T09:30:00+08:00");
    assert_eq!(text(&first, "visitor"), "马先生");
    assert_eq!(first["id_checked"], serde_yaml::Value::Bool(true));
    assert_eq!(first["headcount"], serde_yaml::Value::from(2));
    assert_eq!(
        text(&first, "legacy_id"),
        "1",
        "the sheet's own number is kept"
    );
    let shown = env.run(&["--lang", "zh", "book", "show", "VISIT-2026-0001"]);
    assert!(shown.contains("原编号：1\n"), "{shown}");
    let second = env.yaml("logbooks/visit/2026/VISIT-2026-0002.yaml");
    assert_eq!(text(&second, "arrived"), "2026-11-03T14:00:00+08:00");
    assert!(env.run(&["check"]).contains("no problems"));
    // The same sheet again: refused whole, or only the new rows.
    let stderr = env.fail(&["import", "csv", "visit", path]);
    assert!(stderr.contains("VISIT-2026-0001"), "{stderr}");
    env.run(&["import", "csv", "visit", path, "--skip-existing"]);
    assert_eq!(env.commits(), commits + 1, "nothing new, nothing committed");
    // The same visit under another sheet's number is another row.
    let renumbered = env.tmp.path().join("来访2.csv");
    std::fs::write(&renumbered, VISITS.replace("\n1,11月2日", "\n11,11月2日")).unwrap();
    let renumbered = renumbered.to_str().unwrap();
    let added = env.run(&["import", "csv", "visit", renumbered, "--skip-existing"]);
    assert_eq!(added, "VISIT-2026-0003\n");
}

#[test]
fn import_of_a_logbook_lists_every_bad_row_in_both_languages() {
    let env = Env::new();
    env.pin_clock(NOW);
    let path = env.tmp.path().join("letters.csv");
    std::fs::write(
        &path,
        "存根号,开具日期,前往单位,持信人,事由,开具人,批准人,人数\n\
         2026-003,2026-11-02,市财政局,王芳,联系审计事宜,王芳,张局长,1\n\
         ,下月,省厅,,汇报,王芳,张局长,两人\n\
         2026-003,2026-11-04,省厅,王芳,汇报,王芳,张局长,1\n",
    )
    .unwrap();
    let path = path.to_str().unwrap().to_string();
    for lang in ["zh", "en"] {
        whole(
            &env,
            &format!("book__import_refused@{lang}"),
            &["--lang", lang, "import", "csv", "letter", &path],
        );
    }
    // Fixed, the letters are numbered after the sheet's own numbers.
    std::fs::write(
        &path,
        "存根号,开具日期,前往单位,持信人,事由,开具人,批准人\n\
         2026-003,2026-11-02,市财政局,王芳,联系审计事宜,王芳,张局长\n\
         ,2026-11-03,省厅,王芳,汇报,王芳,张局长\n",
    )
    .unwrap();
    assert_eq!(
        env.run(&["import", "csv", "letter", &path]),
        "LTR-2026-0001\nLTR-2026-0002\n"
    );
    let number = |id: &str| {
        text(
            &env.yaml(&format!("logbooks/letter/2026/{id}.yaml")),
            "number",
        )
    };
    assert_eq!(number("LTR-2026-0001"), "2026-003");
    assert_eq!(number("LTR-2026-0002"), "2026-004");
}

/// `edit` reads an entry's field per its declared type, as `book set`
/// does: a number stays a number, a moment is read by the date grammar,
/// and a value of the wrong type is refused with nothing written.
#[test]
fn edit_types_entry_fields_as_book_set_does() {
    let env = with_seal();
    let file = "logbooks/seal/2026/SEAL-2026-0001.yaml";
    env.run(&[
        "edit",
        "SEAL-1",
        "--set",
        "份数=5",
        "--set",
        "returned=2026-11-21 16:40",
    ]);
    let value = env.yaml(file);
    assert_eq!(value["copies"], serde_yaml::Value::from(5));
    assert!(
        text(&value, "returned").starts_with("2026-11-21T16:40"),
        "{value:?}"
    );
    let before = env.state();
    for lang in ["en", "zh"] {
        let err = env.fail(&["--lang", lang, "edit", "SEAL-1", "--set", "copies=three"]);
        assert!(err.contains("three"), "{err}");
        let err = env.fail(&["--lang", lang, "edit", "SEAL-1", "--set", "date=someday"]);
        assert!(err.contains("someday"), "{err}");
    }
    assert_eq!(env.state(), before);
}
