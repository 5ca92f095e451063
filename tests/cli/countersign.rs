//! 会签 (`doc countersign`): the units a document names must each sign
//! once before it is signed; the refusal names the units still missing.

use crate::env::{Env, text};
use crate::snapshots::{NOW, whole};

const OUT1: &str = "documents/2026/OUT-2026-0001.yaml";

/// A fresh register with OUT-1, a draft that 财务科 and 法规科 countersign.
fn draft() -> Env {
    let env = Env::new();
    env.pin_clock(NOW);
    env.run(&[
        "log",
        "out",
        "--title",
        "关于联合开展执法检查的通知",
        "--to",
        "各县区交通运输局",
        "--countersign",
        "CWK,法规科",
    ]);
    env
}

#[test]
fn each_named_unit_countersigns_once_before_signature() {
    let env = draft();
    let doc = env.yaml(OUT1);
    let named: Vec<&str> = (doc["countersign"].as_sequence().unwrap().iter())
        .map(|u| u.as_str().unwrap())
        .collect();
    assert_eq!(named, ["财务科", "法规科"], "by name, codes read");
    whole(
        &env,
        "countersign_missing@en",
        &["--lang", "en", "doc", "sign", "OUT-1"],
    );
    whole(
        &env,
        "countersign_missing@zh",
        &["--lang", "zh", "doc", "sign", "OUT-1"],
    );
    whole(
        &env,
        "countersign@en",
        &[
            "--lang",
            "en",
            "--by",
            "王科长",
            "doc",
            "countersign",
            "OUT-1",
            "--unit",
            "财务科",
        ],
    );
    whole(
        &env,
        "countersign_twice@en",
        &[
            "--lang",
            "en",
            "--by",
            "赵",
            "doc",
            "countersign",
            "OUT-1",
            "--unit",
            "CWK",
        ],
    );
    whole(
        &env,
        "countersign_twice@zh",
        &[
            "--lang",
            "zh",
            "--by",
            "赵",
            "doc",
            "countersign",
            "OUT-1",
            "--unit",
            "财务科",
        ],
    );
    let err = env.fail(&["--lang", "en", "doc", "sign", "OUT-1"]);
    assert!(
        err.contains("still awaits the countersignature (会签) of 法规科;"),
        "{err}"
    );
    whole(
        &env,
        "countersign@zh",
        &[
            "--lang",
            "zh",
            "--by",
            "钱",
            "doc",
            "countersign",
            "OUT-1",
            "--unit",
            "法规科",
            "--note",
            "同意",
        ],
    );
    whole(
        &env,
        "countersign_then_sign@zh",
        &["--lang", "zh", "doc", "sign", "OUT-1", "--signer", "张局长"],
    );
    let doc = env.yaml(OUT1);
    assert_eq!(text(&doc, "status"), "signed");
    let signed = doc["countersigned"].as_sequence().unwrap();
    assert_eq!(text(&signed[1], "unit"), "法规科");
    assert_eq!(text(&signed[1], "by"), "钱");
    assert_eq!(text(&signed[1], "note"), "同意");
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["show", "OUT-1", "--format", "json"])).unwrap();
    assert_eq!(json["countersigned"][0]["unit"], "财务科", "{json}");
    whole(
        &env,
        "countersign_show@en",
        &["--lang", "en", "show", "OUT-1"],
    );
    whole(
        &env,
        "countersign_show@zh",
        &["--lang", "zh", "show", "OUT-1"],
    );
    let err = env.fail(&[
        "--lang",
        "en",
        "doc",
        "countersign",
        "OUT-1",
        "--unit",
        "执法支队",
    ]);
    assert!(
        err.contains("OUT-2026-0001 is signed; cannot `doc countersign`"),
        "{err}"
    );
    env.run(&["check"]);
}

#[test]
fn a_document_naming_units_is_not_signed_at_registration() {
    let env = Env::new();
    let args = [
        "log",
        "out",
        "--title",
        "会签件",
        "--to",
        "省厅",
        "--countersign",
        "财务科",
        "--signed",
        "today",
    ];
    whole(
        &env,
        "countersign_log_signed@en",
        &[&["--lang", "en"][..], &args].concat(),
    );
    whole(
        &env,
        "countersign_log_signed@zh",
        &[&["--lang", "zh"][..], &args].concat(),
    );
    let err = env.fail(&[
        "log",
        "out",
        "--title",
        "会签件",
        "--to",
        "省厅",
        "--countersign",
        "档案科",
    ]);
    assert!(err.contains("档案科"), "{err}");
}

#[test]
fn the_units_to_countersign_are_corrected_with_edit_before_signature() {
    let env = Env::new();
    env.run(&["log", "out", "--title", "文稿", "--to", "省厅"]);
    env.run(&["edit", "OUT-1", "--set", "countersign=BGS,执法支队"]);
    let err = env.fail(&["--lang", "zh", "doc", "issue", "OUT-1", "--signed", "today"]);
    assert!(
        err.contains("OUT-2026-0001 尚待 办公室、执法支队 会签，不能印发"),
        "{err}"
    );
    env.run(&["doc", "countersign", "OUT-1", "--unit", "办公室"]);
    env.run(&["doc", "countersign", "OUT-1", "--unit", "执法支队"]);
    env.run(&["doc", "issue", "OUT-1", "--signed", "today"]);
    assert_eq!(text(&env.yaml(OUT1), "status"), "issued");
}

#[test]
fn the_draft_sheet_fills_the_countersign_box() {
    let env = draft();
    env.run(&[
        "--by",
        "王科长",
        "doc",
        "countersign",
        "OUT-1",
        "--unit",
        "财务科",
    ]);
    let html = env.run(&["--lang", "zh", "show", "OUT-1", "--format", "html"]);
    assert!(html.contains("财务科 王科长 2026-11-23"), "{html}");
    assert!(html.contains("法规科（待会签）"), "{html}");
    let en = env.run(&["--lang", "en", "show", "OUT-1", "--format", "html"]);
    assert!(en.contains("Countersigned by"), "{en}");
    assert!(en.contains("法规科 (awaited)"), "{en}");
}
