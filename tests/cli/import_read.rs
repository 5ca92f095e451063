//! `import` reading sheets as offices really keep them: a title, a
//! subtitle and a two-row merged header above the data; 小计, 合计,
//! footnote and signature rows among and below it; dates and numbers as
//! clerks type them; a hidden column and a second sheet; logbooks from
//! GB18030 CSV and UTF-16 TSV; xls and ods; hostile files refused by
//! their limits; and the dry run's preview.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::env::{Env, text};
use crate::snapshots::whole;

fn at(env: &Env, name: &str) -> PathBuf {
    env.tmp.path().join(name)
}

/// The 收文登记簿 of an office: title and subtitle, a header of two rows
/// (序号, 收文日期 and 文件标题 merged down; 来文 over 来文单位 and 来文字号;
/// 办理情况 over 承办科室, 办理结果 and 归档情况), a hidden column, dates in
/// every form, a 小计 and a 合计 row, a footnote and a signature row, and
/// a second sheet of figures.
fn office_book(env: &Env) -> PathBuf {
    let path = at(env, "收文登记簿.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("收文").unwrap();
    let plain = Format::new();
    let date = Format::new().set_num_format("m月d日");
    sheet
        .merge_range(0, 0, 0, 9, "某市交通运输局收文登记簿", &plain)
        .unwrap();
    sheet
        .merge_range(
            1,
            0,
            1,
            9,
            "填表单位：办公室    填表时间：2026年11月",
            &plain,
        )
        .unwrap();
    for (column, label) in [(0, "序号"), (1, "收文日期"), (4, "文件标题"), (9, "备注")]
    {
        sheet
            .merge_range(2, column, 3, column, label, &plain)
            .unwrap();
    }
    sheet.merge_range(2, 2, 2, 3, "来文", &plain).unwrap();
    sheet.merge_range(2, 5, 2, 7, "办理情况", &plain).unwrap();
    sheet.write_string(2, 8, "内部流水号").unwrap();
    for (column, label) in [
        (2, "来文单位"),
        (3, "来文字号"),
        (5, "承办科室"),
        (6, "办理结果"),
        (7, "归档情况"),
    ] {
        sheet.write_string(3, column, label).unwrap();
    }
    sheet.set_column_hidden(8).unwrap();
    let rows: [[&str; 10]; 4] = [
        [
            "1",
            "",
            "省交通运输厅",
            "省交发〔2026〕5号",
            "关于春运安全的通知",
            "办公室",
            "转财务科",
            "",
            "A-1",
            "",
        ],
        [
            "2",
            "２０２６年５月８日",
            "市政府办公室",
            "",
            "关于报送材料的函",
            "财务科",
            "",
            "",
            "A-2",
            "１",
        ],
        [
            "3",
            "3月12日",
            "省厅",
            "",
            "关于专项检查的通知",
            "",
            "",
            "",
            "A-3",
            "",
        ],
        [
            "4",
            "2026.2.3",
            "市应急局",
            "市应急〔2026〕9号",
            "关于防汛演练的通知",
            "法规科",
            "",
            "",
            "A-4",
            "",
        ],
    ];
    let mut r = 4;
    for (i, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r, c as u16, *value).unwrap();
            }
        }
        if i == 0 {
            let day = ExcelDateTime::from_ymd(2026, 1, 6).unwrap();
            sheet.write_datetime_with_format(r, 1, &day, &date).unwrap();
        }
        r += 1;
        if i == 1 {
            sheet.write_string(r, 0, "三月小计").unwrap();
            sheet.write_string(r, 4, "2件").unwrap();
            r += 1;
        }
    }
    sheet.write_number(r - 1, 1, 46056.0).unwrap(); // 2026-02-03 as a serial
    sheet.write_string(r, 0, "合计").unwrap();
    sheet.write_string(r, 4, "4件").unwrap();
    sheet
        .merge_range(r + 1, 0, r + 1, 9, "注：密件不在本表登记。", &plain)
        .unwrap();
    sheet.write_string(r + 2, 0, "制表：王丽").unwrap();
    sheet.write_string(r + 2, 4, "审核：周敏").unwrap();
    let figures = book.add_worksheet();
    figures.set_name("统计").unwrap();
    figures.write_string(0, 0, "月份").unwrap();
    figures.write_number(0, 1, 12.0).unwrap();
    book.save(&path).unwrap();
    path
}

#[test]
fn an_office_register_with_a_two_row_header_imports_field_by_field() {
    let env = Env::new();
    let book = office_book(&env);
    let output = env.output(&["import", "xlsx", "in", book.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "IN-2026-0001\nIN-2026-0002\nIN-2026-0003\nIN-2026-0004\n"
    );
    assert!(
        stderr
            .contains("skipped 2 total rows (7, 10), 1 footnote rows (11), 1 signature rows (12)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("columns not imported: 办理情况·归档情况, 内部流水号"),
        "{stderr}"
    );
    assert!(
        stderr.contains("dates without a year on rows 8 were read in 2026 (from the title '填表单位：办公室    填表时间：2026年11月')"),
        "{stderr}"
    );
    let first = env.yaml("documents/2026/IN-2026-0001.yaml");
    assert_eq!(text(&first, "received"), "2026-01-06", "a real date cell");
    assert_eq!(text(&first, "sender"), "省交通运输厅", "来文·来文单位");
    assert_eq!(text(&first, "sender_ref"), "省交发〔2026〕5号");
    assert_eq!(text(&first, "title"), "关于春运安全的通知");
    assert_eq!(text(&first, "lead"), "办公室", "办理情况·承办科室");
    assert_eq!(text(&first, "result"), "转财务科", "办理情况·办理结果");
    assert_eq!(text(&first, "legacy_id"), "1");
    let second = env.yaml("documents/2026/IN-2026-0002.yaml");
    assert_eq!(text(&second, "received"), "2026-05-08", "full-width digits");
    assert_eq!(text(&second, "notes"), "１", "a note keeps what was typed");
    let third = env.yaml("documents/2026/IN-2026-0003.yaml");
    assert_eq!(
        text(&third, "received"),
        "2026-03-12",
        "the subtitle's year"
    );
    let fourth = env.yaml("documents/2026/IN-2026-0004.yaml");
    assert_eq!(text(&fourth, "received"), "2026-02-03");
    assert_eq!(text(&fourth, "lead"), "法规科");
}

#[test]
fn the_preview_shows_columns_passed_rows_first_records_and_warnings() {
    let env = Env::new();
    let book = office_book(&env);
    let file = book.to_str().unwrap();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("import_preview_{lang}"),
            &["--lang", lang, "import", "xlsx", "in", file, "--dry-run"],
        );
    }
    // A row that cannot be imported: the preview still shows what was
    // read, then the refusal, exit 1, nothing written.
    let bad = at(&env, "bad.csv");
    std::fs::write(
        &bad,
        "收文登记簿,,\n来文,,文件标题\n来文单位,收文日期,\n省厅,2026-11-02,关于开会的通知\n省厅,下月,关于检查的通知\n合计,,2件\n",
    )
    .unwrap();
    for lang in ["en", "zh"] {
        whole(
            &env,
            &format!("import_preview_refused_{lang}"),
            &[
                "--lang",
                lang,
                "import",
                "auto",
                "in",
                bad.to_str().unwrap(),
                "--dry-run",
            ],
        );
    }
}

#[test]
fn a_seal_book_takes_numbers_with_units_and_moments_as_typed() {
    let env = Env::new();
    let path = at(&env, "用印登记簿.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "序号",
        "日期",
        "印章名称",
        "用印单位",
        "经办人",
        "用印事由",
        "份数",
        "批准人",
        "外借时间",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        [
            "1",
            "2026/2/28",
            "局公章",
            "办公室",
            "王丽",
            "报送材料",
            "1份",
            "周敏",
            "2026年1月6日9时30分",
        ],
        [
            "2",
            "2026-2-3",
            "局公章",
            "财务科",
            "李明",
            "合同",
            "３页",
            "周敏",
            "2026/1/6 9:30",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *value).unwrap();
        }
    }
    book.save(&path).unwrap();
    let ids = env.run(&["import", "xlsx", "seal", path.to_str().unwrap()]);
    assert_eq!(ids, "SEAL-2026-0001\nSEAL-2026-0002\n");
    let first = env.yaml("logbooks/seal/2026/SEAL-2026-0001.yaml");
    assert_eq!(first["copies"].as_u64(), Some(1), "{first:?}");
    assert_eq!(text(&first, "date"), "2026-02-28");
    assert_eq!(text(&first, "taken_out"), "2026-01-06T09:30:00+08:00");
    let second = env.yaml("logbooks/seal/2026/SEAL-2026-0002.yaml");
    assert_eq!(second["copies"].as_u64(), Some(3));
    assert_eq!(text(&second, "date"), "2026-02-03");
    assert_eq!(text(&second, "taken_out"), "2026-01-06T09:30:00+08:00");
}

#[test]
fn a_visitor_book_in_gb18030_csv_imports() {
    let env = Env::new();
    let sheet = "2026年来访登记表\r\n来访时间,来访人,单位,人数,事由\r\n2026-01-06 09:30,张三,市应急局,2人,检查工作\r\n１月７日 １４：００,李四,,１,送文件\r\n登记人：王丽,,,,\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(sheet);
    let path = at(&env, "来访.csv");
    std::fs::write(&path, &bytes).unwrap();
    let output = env.output(&[
        "--lang",
        "zh",
        "import",
        "csv",
        "visit",
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("已跳过签名行 1 行（第5行）"), "{stderr}");
    let first = env.yaml("logbooks/visit/2026/VISIT-2026-0001.yaml");
    assert_eq!(text(&first, "visitor"), "张三");
    assert_eq!(text(&first, "organisation"), "市应急局");
    assert_eq!(text(&first, "arrived"), "2026-01-06T09:30:00+08:00");
    assert_eq!(first["headcount"].as_u64(), Some(2));
    let second = env.yaml("logbooks/visit/2026/VISIT-2026-0002.yaml");
    assert_eq!(text(&second, "arrived"), "2026-01-07T14:00:00+08:00");
    assert_eq!(second["headcount"].as_u64(), Some(1));
}

/// Text as Excel's "Unicode text" saves it: UTF-16LE with its mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

#[test]
fn a_duty_roster_as_utf16_tsv_imports() {
    let env = Env::new();
    let sheet = "日期\t班次\t带班领导\t值班人员\t来电记录\r\n2026-12-01\t白班\t张局长\t王丽、李明\t无\r\n２０２６－１２－０２\t夜班\t李局长\t周敏\t\r\n";
    let path = at(&env, "值班表.txt");
    std::fs::write(&path, utf16le(sheet)).unwrap();
    let ids = env.run(&["import", "tsv", "duty", path.to_str().unwrap()]);
    assert_eq!(ids, "DUTY-2026-0001\nDUTY-2026-0002\n");
    let first = env.yaml("logbooks/duty/2026/DUTY-2026-0001.yaml");
    assert_eq!(text(&first, "shift"), "白班");
    assert_eq!(text(&first, "officers"), "王丽、李明");
    let second = env.yaml("logbooks/duty/2026/DUTY-2026-0002.yaml");
    assert_eq!(text(&second, "date"), "2026-12-02");
    assert_eq!(text(&second, "leader"), "李局长");
}

/// xls and ods made by LibreOffice from the same small sheet (a title row
/// above the header), read whatever FORMAT names them, and `auto`.
#[test]
fn xls_and_ods_workbooks_import() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (format, file) in [
        ("xls", "收文.xls"),
        ("ods", "收文.ods"),
        ("xlsx", "收文.xls"),
        ("auto", "收文.ods"),
    ] {
        let env = Env::new();
        let path = fixtures.join(file);
        let ids = env.run(&["import", format, "in", path.to_str().unwrap()]);
        assert_eq!(ids, "IN-2026-0001\nIN-2026-0002\n", "{format} {file}");
        let doc = env.yaml("documents/2026/IN-2026-0002.yaml");
        assert_eq!(text(&doc, "sender"), "市政府办公室", "{file}");
        assert_eq!(text(&doc, "received"), "2026-03-06", "{file}");
    }
}

#[test]
fn no_header_says_which_rows_were_examined_and_what_they_named() {
    let env = Env::new();
    let path = at(&env, "x.csv");
    std::fs::write(&path, "某局台账,,\n序号,来文单位,说明\n1,省厅,无\n").unwrap();
    let file = path.to_str().unwrap();
    let en = env.fail(&["import", "csv", "in", file]);
    assert!(
        en.contains("the top 3 rows were examined; recognised row 2: 序号, 来文单位"),
        "{en}"
    );
    let zh = env.fail(&["--lang", "zh", "import", "csv", "in", file]);
    assert!(
        zh.contains("已查看前3行，识别出 第2行：序号、来文单位"),
        "{zh}"
    );
}

/// A stored (uncompressed) zip part and a deflated one.
enum Part<'a> {
    Stored(&'a str, Vec<u8>),
    /// A name, its raw deflate stream and the size it unpacks to.
    Deflated(&'a str, Vec<u8>, u64),
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive written byte by byte (zip64 not needed: sizes below
/// 4 GiB), so a test can say what a part unpacks to.
fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for part in parts {
        let (name, method, data, size, crc) = match part {
            Part::Stored(name, data) => (*name, 0u16, data, data.len() as u64, crc32(data)),
            Part::Deflated(name, data, size) => (*name, 8u16, data, *size, 0),
        };
        let offset = out.len() as u32;
        let fields = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend(0u32.to_le_bytes());
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((size as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(fields(0x0403_4b50, false));
        out.extend(data);
        directory.extend(fields(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Bits of a deflate stream, least significant first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u8,
}

impl Bits {
    fn bit(&mut self, bit: u32) {
        if self.used == 0 {
            self.bytes.push(0);
        }
        *self.bytes.last_mut().unwrap() |= (bit as u8 & 1) << self.used;
        self.used = (self.used + 1) % 8;
    }

    /// A Huffman code, its most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.bit(code >> i);
        }
    }

    fn literal(&mut self, byte: u8) {
        self.code(0x30 + u32::from(byte), 8);
    }
}

/// `prefix`, `n` times `a`, `suffix`, deflated in one fixed-Huffman block:
/// runs of 258 copies of the byte before take 13 bits each, so 2 GiB take
/// a few MiB.
fn deflated(prefix: &str, n: u64, suffix: &str) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.bit(1); // the last block
    bits.bit(1); // fixed Huffman codes (01, low bit first)
    bits.bit(0);
    prefix.bytes().for_each(|b| bits.literal(b));
    bits.literal(b'a');
    let mut left = n - 1;
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(b'a'));
    suffix.bytes().for_each(|b| bits.literal(b));
    bits.code(0, 7); // end of block
    bits.bytes
}

/// Runs taizhang under a bound on its address space, as a shell would:
/// an import that tried to hold the file's contents would fail to
/// allocate and abort instead of exiting 1.
fn bounded(env: &Env, args: &[&str]) -> std::process::Output {
    let binary = env!("CARGO_BIN_EXE_taizhang");
    let mut command = env.std_cmd_of(Path::new("/bin/sh"));
    command
        .arg("-c")
        .arg("ulimit -v 1500000 && exec \"$0\" \"$@\"")
        .arg(binary)
        .args(["-C", env.root.to_str().unwrap()])
        .args(args);
    command.output().unwrap()
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_by_its_limit() {
    let env = Env::new();
    let size: u64 = 2 << 30;
    let prefix = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>";
    let suffix = "</t></si></sst>";
    let strings = deflated(prefix, size, suffix);
    let whole_size = size + (prefix.len() + suffix.len()) as u64;
    let workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
    let sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
    let root = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    let bytes = zip(&[
        Part::Stored("[Content_Types].xml", types.into()),
        Part::Stored("_rels/.rels", root.into()),
        Part::Stored("xl/workbook.xml", workbook.into()),
        Part::Stored("xl/_rels/workbook.xml.rels", rels.into()),
        Part::Stored("xl/worksheets/sheet1.xml", sheet.into()),
        Part::Deflated("xl/sharedStrings.xml", strings, whole_size),
    ]);
    assert!(bytes.len() < 16 << 20, "{}", bytes.len());
    let path = at(&env, "bomb.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let before = env.state();
    for (lang, said) in [
        (
            "en",
            "its parts unpack to more than 200 MiB, the most import reads",
        ),
        ("zh", "解压后超过 200 兆字节，超出导入的上限"),
    ] {
        let out = bounded(
            &env,
            &[
                "--lang",
                lang,
                "import",
                "xlsx",
                "in",
                path.to_str().unwrap(),
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
    }
    assert_eq!(before, env.state(), "nothing written");
}

#[test]
fn a_sheet_past_a_million_rows_is_refused_while_it_is_read() {
    let env = Env::new();
    let path = at(&env, "long.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "标题").unwrap();
    sheet.write_string(0, 1, "来文单位").unwrap();
    sheet.write_string(1_048_000, 0, "最后一行").unwrap();
    book.save(&path).unwrap();
    let out = bounded(
        &env,
        &[
            "--lang",
            "zh",
            "import",
            "auto",
            "in",
            path.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("超过 1000000 行"), "{stderr}");
}

/// A workbook that opens on a sheet of instructions: the register is
/// read from the first sheet that has a header, and the import says so.
#[test]
fn a_cover_sheet_is_passed_for_the_sheet_with_the_header() {
    let env = Env::new();
    let path = at(&env, "督办.xlsx");
    let mut book = Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("填表说明").unwrap();
    cover.write_string(0, 0, "说明：每月5日前报送").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    for (c, h) in ["督办事项", "牵头单位", "交办日期", "完成时限"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["整改审计问题", "法规科", "2026-11-02", "2026-12-31"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    book.save(&path).unwrap();
    let output = env.output(&[
        "--lang",
        "zh",
        "import",
        "xlsx",
        "fu",
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("读取工作表“台账”：第一个工作表“填表说明”中没有表头行"),
        "{stderr}"
    );
    let record = env.yaml("followups/2026/FU-2026-0001.yaml");
    assert_eq!(text(&record, "title"), "整改审计问题");
    assert_eq!(text(&record, "due"), "2026-12-31");
}
