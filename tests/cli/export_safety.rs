//! Files that leave the register, safe to open (docs/export.md): no CSV
//! cell a spreadsheet would evaluate, in any command's CSV; an export
//! imports back exactly; `export csv` with the byte order mark Excel and
//! WPS need; an export that keeps the mode of the file it replaces and
//! replaces one only with `--force`; xlsx cells that are text and sheets
//! that print on a few A4 pages.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::env::Env;

/// What an attacker types as a title, a sender, a unit or a name: each
/// makes a spreadsheet run something when a CSV cell begins with it.
const FORMULAS: [&str; 5] = [
    "=1+1",
    "=HYPERLINK(\"http://evil.example/x\",\"点我\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every YAML file under `dir`, in order.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// `text` as a single-quoted YAML scalar.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The example register where every paper, document, follow-up and
/// meeting has one of the [`FORMULAS`] as its title (in turn), a paper's
/// sender, a visitor, a unit, a person and a series are formulas too, and
/// a follow-up is led by the formula unit (for `summary`'s by-unit table).
fn hostile() -> Env {
    let env = Env::example();
    let mut n = 0;
    for folder in ["documents", "followups", "meetings"] {
        for path in yaml_files(&env.root.join(folder)) {
            let text = std::fs::read_to_string(&path).unwrap();
            let title = format!("title: {}", quoted(FORMULAS[n % FORMULAS.len()]));
            let text: Vec<String> = text
                .lines()
                .map(|line| match line.starts_with("title: ") {
                    true => title.clone(),
                    false => line.to_string(),
                })
                .collect();
            std::fs::write(&path, text.join("\n") + "\n").unwrap();
            n += 1;
        }
    }
    let replace = |file: &str, from: &str, to: &str| {
        let text = env.read(file);
        assert!(text.contains(from), "{file} has no {from:?}");
        env.write(file, &text.replacen(from, to, 1));
    };
    replace(
        "documents/2026/IN-2026-0001.yaml",
        "sender: 市人民政府办公室",
        "sender: '@SUM(1+1)'",
    );
    replace(
        "logbooks/visit/2026/VISIT-2026-0001.yaml",
        "visitor: 马先生",
        "visitor: '=1+1'",
    );
    replace(
        "followups/2026/FU-2026-0014.yaml",
        "lead: 办公室",
        "lead: '@SUM(1+1)'",
    );
    let settings = env.read("taizhang.toml")
        + "\n[[units]]\nname = \"@SUM(1+1)\"\ncode = \"EVIL\"\n\
           \n[[people]]\nname = \"=1+1\"\nunit = \"@SUM(1+1)\"\n\
           \n[[series]]\nname = \"-2+3\"\nissuer = \"市交急\"\n";
    env.write("taizhang.toml", &settings);
    env.git(&["commit", "-qam", "公式"]);
    env
}

/// Whether a spreadsheet would evaluate `cell`: it begins with one of the
/// characters OWASP lists, and is not a plain negative number (`-23`
/// days left), which a spreadsheet reads as the number it is.
fn evaluated(cell: &str) -> bool {
    let number = cell
        .strip_prefix('-')
        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || c == '.'));
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

/// The cells of a CSV (after its byte order mark, if any).
fn cells(csv: &[u8]) -> Vec<String> {
    let csv = csv.strip_prefix(BOM).unwrap_or(csv);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv);
    reader
        .records()
        .flat_map(|r| {
            r.unwrap()
                .iter()
                .map(str::to_string)
                .collect::<Vec<String>>()
        })
        .collect()
}

/// Every command that prints CSV, run on `hostile()`: none prints a cell
/// a spreadsheet would evaluate, and each that shows a formula someone
/// typed shows it marked with an apostrophe. `check`'s cells are its own
/// words and file paths, never a value at their start: it is held to
/// the first rule only.
#[test]
fn no_csv_of_any_command_holds_a_cell_a_spreadsheet_would_evaluate() {
    let env = hostile();
    let writing: &[(&[&str], bool)] = &[
        (
            &[
                "book",
                "roster",
                "duty",
                "--from",
                "2026-12-01",
                "--to",
                "2026-12-02",
                "--people==1+1,@A",
                "--leaders=-1+1",
            ],
            true,
        ),
        (&["archive", "year", "2026"], true),
    ];
    let mut reading: Vec<(Vec<&str>, bool)> = vec![
        (vec!["list"], true),
        (vec!["list", "fu"], true),
        (vec!["list", "visit"], true),
        (vec!["export", "csv"], true),
        (vec!["summary", "--period", "2026"], true),
        (vec!["remind", "--within", "60d"], true),
        (vec!["check"], false),
        (vec!["archive", "catalogue", "--year", "2025"], true),
        (vec!["archive", "due", "--year", "2100"], true),
        (vec!["unit", "list"], true),
        (vec!["person", "list"], true),
        (vec!["series", "list"], true),
    ];
    for kind in [
        "in",
        "out",
        "fu",
        "mt",
        "rule",
        "duty",
        "items",
        "letter",
        "reception",
        "seal",
        "vehicle",
        "visit",
    ] {
        // The kinds with titles show the formulas; of the logbooks only
        // the visits (their visitor), and rules there are none.
        let shown = ["in", "out", "fu", "mt", "visit"].contains(&kind);
        reading.push((vec!["export", "csv", kind, "--show-classified"], shown));
    }
    let runs = reading
        .iter()
        .map(|(args, shown)| (args.as_slice(), *shown, false))
        .chain(writing.iter().map(|(args, shown)| (*args, *shown, true)));
    for (args, shown, writes) in runs {
        for lang in ["en", "zh"] {
            let mut full = vec!["--lang", lang];
            full.extend_from_slice(args);
            if args[0] != "export" {
                full.extend_from_slice(&["-o", "csv"]);
            }
            if writes {
                full.push("--no-commit");
            }
            let output = env.output(&full);
            assert!(
                output.status.code().is_some_and(|c| c <= 1),
                "{full:?}: {output:?}"
            );
            let cells = cells(&output.stdout);
            assert!(cells.len() > 1, "{full:?} printed no CSV: {output:?}");
            let bad: Vec<&String> = cells.iter().filter(|c| evaluated(c)).collect();
            assert!(bad.is_empty(), "{full:?} printed formulas: {bad:?}");
            let marked = cells
                .iter()
                .any(|c| c.strip_prefix('\'').is_some_and(evaluated));
            assert_eq!(marked, shown, "{full:?}: {cells:?}");
            if writes {
                env.git(&["reset", "-q", "--hard"]);
                env.git(&["clean", "-qfd"]);
            }
        }
    }
}

/// The marks are exactly `'` before the formula, and a CSV holds each
/// attack as the spreadsheet must see it.
#[test]
fn export_csv_marks_each_formula_with_one_apostrophe() {
    let env = hostile();
    let out = env.output(&["export", "csv", "--show-classified"]).stdout;
    let cells = cells(&out);
    for formula in FORMULAS {
        let marked = format!("'{formula}");
        assert!(cells.contains(&marked), "{marked} not in {cells:?}");
        assert!(!cells.iter().any(|c| c == formula), "{formula} unmarked");
    }
    // A spreadsheet splitting on semicolons or tabs cannot cut a cell
    // into a formula: such cells are quoted.
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"点我\"\")\""));
}

/// An empty register with the settings of the register at `like`, to
/// import into.
fn empty_like(like: &Path) -> Env {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    for file in ["taizhang.toml", "calendar.toml"] {
        std::fs::copy(like.join(file), env.root.join(file)).unwrap();
    }
    env.git(&["init", "-q"]);
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "设置"]);
    env
}

/// `export csv` of each kind, formulas and all, imports into an empty
/// register as records whose titles are the formulas themselves (the
/// marks taken off), and their export is the first one byte for byte.
#[test]
fn an_export_with_formulas_imports_back_exactly() {
    let original = hostile();
    let copy = empty_like(&original.root);
    let file = |kind: &str, n: u8| {
        let path = original.tmp.path().join(format!("{kind}.{n}.csv"));
        path.to_str().unwrap().to_string()
    };
    let kinds = ["in", "out", "meeting", "fu", "visit"];
    for kind in kinds {
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
    for kind in kinds {
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
    let listed: serde_json::Value =
        serde_json::from_str(&copy.run(&["list", "in", "-o", "json"])).unwrap();
    let titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    for formula in FORMULAS {
        assert!(titles.contains(&formula), "{formula} not in {titles:?}");
    }
    let visit = copy.yaml("logbooks/visit/2026/VISIT-2026-0001.yaml");
    assert_eq!(crate::env::text(&visit, "visitor"), "=1+1");
}

/// A CSV a clerk typed with an apostrophe of their own keeps it.
#[test]
fn an_apostrophe_the_sheet_itself_has_is_kept() {
    let env = empty_like(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/office"));
    let sheet = env.tmp.path().join("督办.csv");
    std::fs::write(
        &sheet,
        "督办事项,牵头单位,交办日期,完成时限\n'90后'座谈会,办公室,2026-11-02,2026-11-30\n\
         '=1+1,办公室,2026-11-02,2026-11-30\n",
    )
    .unwrap();
    env.run(&["import", "csv", "fu", sheet.to_str().unwrap()]);
    let listed: serde_json::Value =
        serde_json::from_str(&env.run(&["list", "fu", "-o", "json"])).unwrap();
    let titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["'90后'座谈会", "=1+1"]);
}

/// `export csv` is for spreadsheets: a byte order mark, so that Excel
/// and WPS read Chinese, unless `--no-bom` (for scripts; `--bom` after
/// it wins). `-o csv` of the other commands is for scripts: none unless
/// `--bom`.
#[test]
fn export_csv_has_a_bom_unless_no_bom_and_other_csv_only_with_bom() {
    let env = hostile();
    let spreadsheet = env.output(&["export", "csv", "fu"]).stdout;
    assert!(spreadsheet.starts_with(BOM));
    let script = env.output(&["export", "csv", "fu", "--no-bom"]).stdout;
    assert_eq!(&spreadsheet[3..], &script[..]);
    let both = env
        .output(&["export", "csv", "fu", "--no-bom", "--bom"])
        .stdout;
    assert_eq!(both, spreadsheet);
    let out = env.tmp.path().join("督办.csv");
    env.run(&["export", "csv", "fu", "--out", out.to_str().unwrap()]);
    assert!(std::fs::read(&out).unwrap().starts_with(BOM));
    for args in [
        &["list", "-o", "csv"][..],
        &["summary", "-o", "csv"],
        &["remind", "-o", "csv"],
    ] {
        let plain = env.output(args).stdout;
        assert!(!plain.starts_with(BOM), "{args:?}");
        let with = env.output(&[args, &["--bom"][..]].concat()).stdout;
        assert!(with.starts_with(BOM), "{args:?}");
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The umask of this process, which the commands it runs inherit.
fn umask() -> u32 {
    let out = std::process::Command::new("sh")
        .args(["-c", "umask"])
        .output()
        .unwrap();
    u32::from_str_radix(String::from_utf8(out.stdout).unwrap().trim(), 8).unwrap()
}

/// A file made private (`chmod 600`) stays private when an export of the
/// secret papers replaces it, in every format that writes a file; a new
/// file gets the umask.
#[test]
fn an_export_keeps_the_mode_of_the_file_it_replaces() {
    let env = hostile();
    for (format, name) in [
        ("csv", "secret.csv"),
        ("xlsx", "secret.xlsx"),
        ("html", "brief.html"),
    ] {
        let path = env.tmp.path().join(name);
        let path_text = path.to_str().unwrap();
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        env.run(&[
            "export",
            format,
            "--show-classified",
            "--force",
            "--out",
            path_text,
        ]);
        assert_ne!(std::fs::read(&path).unwrap(), b"old", "{format}");
        assert_eq!(mode(&path), 0o600, "{format}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        env.run(&["export", format, "--force", "--out", path_text]);
        assert_eq!(mode(&path), 0o640, "{format}");
        let new = env.tmp.path().join(format!("new-{name}"));
        env.run(&["export", format, "--out", new.to_str().unwrap()]);
        assert_eq!(mode(&new), 0o666 & !umask(), "{format}");
    }
    assert_eq!(env.status(), "", "an export leaves the register clean");
}

/// A file already there is replaced only with `--force`: without it the
/// export is refused before anything is written, naming the file and the
/// flag, in both languages.
#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = hostile();
    let path = env.tmp.path().join("台账.csv");
    let path_text = path.to_str().unwrap();
    std::fs::write(&path, "手工整理的表格").unwrap();
    let en = env.fail(&["--lang", "en", "export", "csv", "--out", path_text]);
    assert!(
        en.contains(&format!("--out: {path_text} exists already"))
            && en.contains("add --force to replace it"),
        "{en}"
    );
    let zh = env.fail(&["--lang", "zh", "export", "xlsx", "--out", path_text]);
    assert!(
        zh.contains(&format!("--out：文件 {path_text} 已经存在"))
            && zh.contains("确要替换，请加 --force"),
        "{zh}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "手工整理的表格");
    // A link to a file is refused the same; with --force the file it
    // names is replaced and the link stays.
    let link = env.tmp.path().join("link.csv");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    env.fail(&["export", "csv", "--out", link.to_str().unwrap()]);
    env.run(&["export", "csv", "--force", "--out", link.to_str().unwrap()]);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(std::fs::read(&path).unwrap().starts_with(BOM));
    // The register's own files are refused even with --force.
    let settings = env.root.join("taizhang.toml");
    let settings = settings.to_str().unwrap();
    let err = env.fail(&[
        "--lang", "en", "export", "csv", "--force", "--out", settings,
    ]);
    assert!(err.contains("register's own file"), "{err}");
}

/// xlsx holds every value as a text cell, never a formula: a spreadsheet
/// shows `=1+1` as typed.
#[test]
fn xlsx_holds_formulas_as_text() {
    let env = hostile();
    let out = env.tmp.path().join("台账.xlsx");
    env.run(&[
        "export",
        "xlsx",
        "--show-classified",
        "--out",
        out.to_str().unwrap(),
    ]);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("收文").unwrap();
    let titles: Vec<&Data> = sheet.rows().skip(1).map(|row| &row[4]).collect();
    for formula in FORMULAS {
        let cell = titles.iter().find(|c| c.to_string() == formula);
        assert!(
            matches!(cell, Some(Data::String(_))),
            "{formula}: {cell:?} in {titles:?}"
        );
    }
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} holds formulas"
        );
    }
}

/// The pages of a PDF: its `/Type /Page` objects (not `/Pages`), as
/// LibreOffice writes them uncompressed.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf).replace("/Type /", "/Type/");
    text.matches("/Type/Page").count() - text.matches("/Type/Pages").count()
}

/// Printed by LibreOffice (headless, to PDF), the 收文 sheet of the
/// example register (18 papers, 27 columns) is one or two A4 landscape
/// pages, not 36 Letter pages with every row cut over four; and every
/// moment shows as a moment, not as `###` in a column too narrow.
#[test]
fn xlsx_prints_on_a_few_a4_pages_with_every_moment_shown() {
    let Some(soffice) = crate::outside::program("soffice", "the xlsx print check") else {
        return;
    };
    let env = Env::example();
    let dir = env.tmp.path();
    let book = dir.join("收文.xlsx");
    env.run(&[
        "export",
        "xlsx",
        "in",
        "--show-classified",
        "--out",
        book.to_str().unwrap(),
    ]);
    let output = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("libreoffice").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .args([dir, &book])
        .env("HOME", dir)
        .output()
        .unwrap();
    let pdf =
        std::fs::read(dir.join("收文.pdf")).unwrap_or_else(|e| panic!("no PDF ({e}): {output:?}"));
    let pages = pdf_pages(&pdf);
    assert!((1..=2).contains(&pages), "{pages} pages");
    let text = String::from_utf8_lossy(&pdf);
    // A4 landscape: 297 × 210 mm is 841.9 × 595.3 points.
    assert!(text.contains("/MediaBox[0 0 841.88"), "not A4 landscape");
    let Some(pdftotext) = crate::outside::program("pdftotext", "the xlsx print check's text")
    else {
        return;
    };
    let printed = std::process::Command::new(pdftotext)
        .args([&dir.join("收文.pdf"), Path::new("-")])
        .output()
        .unwrap();
    let printed = String::from_utf8(printed.stdout).unwrap();
    assert!(!printed.contains("###"), "{printed}");
    for seen in [
        "2026-11-23 08:40",
        "IN-2026-0013",
        "市交通运输综合行政执法支队",
    ] {
        assert!(printed.contains(seen), "{seen} not printed: {printed}");
    }
}
