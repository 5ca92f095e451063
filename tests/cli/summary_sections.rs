//! `summary`'s parts (docs/summaries.md): logbook entries under their own
//! heading in every format, the CSV of every part with its `section`
//! column (read back with the `csv` crate), and `--part`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::env::Env;
use crate::snapshots::whole;

const NOVEMBER: [&str; 2] = ["--period", "2026-11"];

fn run(env: &Env, lang: &str, args: &[&str]) -> String {
    let mut full = vec!["--lang", lang, "summary"];
    full.extend_from_slice(&NOVEMBER);
    full.extend_from_slice(args);
    env.run(&full)
}

/// The CSV as (section, label) → (column → cell), its headers first.
type Cells = BTreeMap<(String, String), BTreeMap<String, String>>;

fn read_csv(text: &str) -> (Vec<String>, Cells) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut cells = Cells::new();
    for row in reader.records() {
        let row = row.unwrap();
        assert_eq!(row.len(), headers.len(), "a rectangular table: {row:?}");
        let named: BTreeMap<String, String> = (headers.iter().cloned())
            .zip(row.iter().map(String::from))
            .filter(|(_, cell)| !cell.is_empty())
            .collect();
        cells.insert((row[0].to_string(), row[1].to_string()), named);
    }
    (headers, cells)
}

#[test]
fn the_csv_holds_every_part_with_its_section() {
    let env = Env::example();
    let json: Value = serde_json::from_str(&run(&env, "en", &["-o", "json"])).unwrap();
    let (headers, cells) = read_csv(&run(&env, "zh", &["-o", "csv"]));
    assert_eq!(headers[..3], ["部分", "项目", "数值"]);
    let sections: Vec<&str> = cells.keys().map(|(s, _)| s.as_str()).collect();
    for part in [
        "documents",
        "followups",
        "units",
        "overdue",
        "meetings",
        "logbooks",
    ] {
        assert!(sections.contains(&part), "{part}");
    }
    assert!(!sections.contains(&"rules"), "the example keeps no rules");
    let cell = |section: &str, label: &str, column: &str| {
        cells[&(section.to_string(), label.to_string())][column].clone()
    };
    // The headline figures, as the JSON has them.
    assert_eq!(
        cell("documents", "收文", "数值"),
        json["documents"]["incoming"].to_string()
    );
    assert_eq!(
        cell("followups", "逾期", "数值"),
        json["followups"]["overdue"].to_string()
    );
    assert_eq!(cell("followups", "按期办结率", "数值"), "66.7%");
    assert_eq!(
        cell("meetings", "召开会议", "数值"),
        json["meetings"]["held"].to_string()
    );
    // Each unit's figures under the by-unit columns, nothing else filled.
    for row in json["by_unit"].as_array().unwrap() {
        let unit = row["unit"].as_str().unwrap();
        let got = &cells[&("units".to_string(), unit.to_string())];
        assert_eq!(got["交办"], row["assigned"].to_string());
        assert_eq!(got["逾期"], row["overdue"].to_string());
        assert!(!got.contains_key("数值"), "{got:?}");
    }
    // The overdue list by ID, with its own columns.
    let first = &json["overdue"][0];
    let got = &cells[&(
        "overdue".to_string(),
        first["id"].as_str().unwrap().to_string(),
    )];
    assert_eq!(got["期限"], first["due"].as_str().unwrap());
    assert_eq!(got["责任人"], first["owner"].as_str().unwrap());
    // The logbooks by title, in their own section, never among meetings.
    assert_eq!(
        cell("logbooks", "用印登记", "数值"),
        json["logbooks"]["seal"].to_string()
    );
    let meetings: Vec<&String> = (cells.keys())
        .filter(|(s, _)| s == "meetings")
        .map(|(_, label)| label)
        .collect();
    assert_eq!(meetings, ["召开会议", "议定事项"]);
}

#[test]
fn the_csv_in_english_and_with_a_bom() {
    let env = Env::example();
    let text = run(&env, "en", &["-o", "csv"]);
    let (headers, cells) = read_csv(&text);
    assert_eq!(headers[..3], ["Section", "Figure", "Value"]);
    assert!(cells.contains_key(&("logbooks".to_string(), "Seal use".to_string())));
    assert_eq!(
        run(&env, "en", &["-o", "csv", "--bom"]),
        format!("\u{feff}{text}")
    );
}

#[test]
fn one_part_alone_in_every_format() {
    let env = Env::example();
    let json: Value = serde_json::from_str(&run(&env, "en", &["-o", "json"])).unwrap();
    let units: Value =
        serde_json::from_str(&run(&env, "en", &["-o", "json", "--part", "units"])).unwrap();
    assert_eq!(units, json["by_unit"]);
    let books: Value =
        serde_json::from_str(&run(&env, "en", &["-o", "json", "--part", "logbooks"])).unwrap();
    assert_eq!(books, json["logbooks"]);
    // Asked for by name, a part the register has nothing of shows empty.
    let rules: Value =
        serde_json::from_str(&run(&env, "en", &["-o", "json", "--part", "rules"])).unwrap();
    assert_eq!(rules["in_force"], 0);
    // --part units in CSV is the by-unit table alone, as before.
    let csv = run(&env, "zh", &["-o", "csv", "--part", "units"]);
    assert!(
        csv.starts_with("牵头单位,交办,办结,按期办结,在办,逾期\n"),
        "{csv}"
    );
    assert_eq!(
        csv.lines().count(),
        1 + json["by_unit"].as_array().unwrap().len()
    );
    for lang in ["en", "zh"] {
        for format in ["table", "markdown", "csv"] {
            let mut args = vec!["--lang", lang, "summary"];
            args.extend(NOVEMBER);
            args.extend(["--part", "logbooks", "-o", format]);
            whole(
                &env,
                &format!("summary_sections__logbooks_{format}_{lang}"),
                &args,
            );
        }
    }
}

/// In the terminal and the Markdown brief, the logbook entries follow
/// their own heading, after the meetings' figures.
#[test]
fn logbooks_stand_under_their_own_heading() {
    let env = Env::example();
    for (lang, format, meetings, books, seal) in [
        ("zh", "table", "\n会议\n", "\n登记簿\n", "用印登记"),
        (
            "en",
            "table",
            "\nMeetings\n",
            "\nLogbook entries\n",
            "Seal use",
        ),
        ("zh", "markdown", "### 会议", "### 登记簿", "用印登记"),
        (
            "en",
            "markdown",
            "### Meetings",
            "### Logbook entries",
            "Seal use",
        ),
    ] {
        let text = run(&env, lang, &["-o", format]);
        let (m, b, s) = (
            text.find(meetings).unwrap(),
            text.find(books).unwrap(),
            text.find(seal).unwrap(),
        );
        assert!(m < b && b < s, "{lang} {format}:\n{text}");
    }
    // The printed brief: under its own heading among the figures.
    let html = env.run(&["--lang", "zh", "export", "html", "--period", "2026-11"]);
    let (m, b, s) = (
        html.find("<h3>会议</h3>").unwrap(),
        html.find("<h3>登记簿</h3>").unwrap(),
        html.find("用印登记").unwrap(),
    );
    assert!(m < b && b < s, "{html}");
}

#[test]
fn an_unknown_part_is_refused_naming_the_parts() {
    let env = Env::example();
    whole(
        &env,
        "summary_sections__bad_part_en",
        &["--lang", "en", "summary", "--part", "books"],
    );
    whole(
        &env,
        "summary_sections__bad_part_zh",
        &["--lang", "zh", "summary", "--part", "台账"],
    );
    // A part's Chinese heading names it as well as its keyword.
    let books = ["summary", "--part", "logbooks", "-o", "json"];
    let chinese = ["summary", "--part", "登记簿", "-o", "json"];
    assert_eq!(env.run(&books), env.run(&chinese));
}
