//! `taizhang config`: the settings one at a time, like `git config`. A
//! change is one commit that changes one line of taizhang.toml, keeping
//! the office's comments; a value the register would not read, or one
//! that breaks a later command, is refused before anything is written.

use crate::env::Env;

const FU1: &str = "followups/2026/FU-2026-0001.yaml";

/// A settings file as a clerk keeps it: comments, blank lines, an order
/// of their own.
const HAND_WRITTEN: &str = "# 某局台账设置（办公室 王芳 维护）\n\
format_version = 1\n\
unit = \"某市交通运输局\"   # 全称，勿改\n\
\n\
# 时区：机关所在地\n\
timezone = \"Asia/Shanghai\"\n\
\n\
[remind]\n\
# 提前几天提醒\n\
within = \"3d\"  # 节前改为 5d\n\
\n\
[[series]]\n\
name = \"发文\"\n\
issuer = \"市交发\"\n\
\n\
[followups]\n\
verify = false # 要审核销号时改为 true\n";

#[test]
fn config_set_changes_only_its_line_of_a_hand_commented_file() {
    let env = Env::new();
    env.write("taizhang.toml", HAND_WRITTEN);
    env.git(&["commit", "-qam", "hand-written settings"]);
    let commits = env.commits();
    env.run(&["config", "set", "remind.within", "5d"]);
    env.run(&["config", "set", "followups.verify", "true"]);
    let expected = HAND_WRITTEN
        .replace("within = \"3d\"  #", "within = \"5d\"  #")
        .replace("verify = false #", "verify = true #");
    assert_eq!(env.read("taizhang.toml"), expected);
    assert_eq!(env.commits(), commits + 2, "one commit per change");
    let log = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(log.trim(), "taizhang: config set followups.verify true");
    // A key the file does not have goes in, and out again, alone.
    env.run(&["config", "set", "fonds", "J012"]);
    assert_eq!(env.run(&["config", "get", "fonds"]), "J012\n");
    env.run(&["config", "unset", "fonds"]);
    assert_eq!(env.read("taizhang.toml"), expected);
}

#[test]
fn config_list_and_get_show_defaults_too() {
    let env = Env::new();
    let list = env.run(&["config", "list"]);
    for line in [
        "unit = 某市交通运输局\n",
        "remind.within = 3d\n",
        "followups.verify = false\n",
        "git.autocommit = true\n",
        "archive.by_org = true\n",
        "prefixes.incoming = IN\n",
    ] {
        assert!(list.contains(line), "{line} in {list}");
    }
    assert!(!list.contains("fonds"), "{list}");
    assert_eq!(env.run(&["config", "get", "REMIND.WITHIN"]), "3d\n");
    for (lang, says) in [("en", "fonds is not set"), ("zh", "`fonds` 尚未设置")] {
        let err = env.fail(&["--lang", lang, "config", "get", "fonds"]);
        assert!(err.contains(says), "{err}");
    }
}

#[test]
fn a_set_verification_step_then_applies() {
    let env = Env::new();
    env.run(&["config", "set", "followups.verify", "是"]);
    env.assign("整改问题清单");
    env.run(&["done", "FU-1", "--report", "已整改"]);
    assert!(env.read(FU1).contains("status: submitted"));
    env.run(&["verify", "FU-1"]);
    assert!(env.read(FU1).contains("status: closed"));
}

#[test]
fn bad_values_and_unknown_keys_are_refused_in_both_languages() {
    let env = Env::new();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["config", "set", "remind.whithin", "3d"],
            "there is no setting 'remind.whithin'",
            "没有“remind.whithin”这项设置",
        ),
        (
            &["config", "set", "remind.within", "-3d"],
            "'-3d' is not a span",
            "“-3d”不是时间跨度",
        ),
        (
            &["config", "set", "timezone", "Mars/Olympus"],
            "'Mars/Olympus' is not a time zone",
            "Mars/Olympus",
        ),
        (
            &["config", "set", "git.autocommit", "maybe"],
            "'maybe' is not true or false",
            "“maybe”不是 true（是）或 false（否）",
        ),
        (
            &["config", "set", "language", "fr"],
            "'fr' is not a language taizhang speaks",
            "不支持“fr”",
        ),
        (&["config", "set", "prefixes.incoming", "FU"], "FU", "FU"),
        (
            &["config", "unset", "nothing"],
            "there is no setting 'nothing'",
            "没有“nothing”这项设置",
        ),
    ];
    for (args, en, zh) in cases {
        for (lang, says) in [("en", en), ("zh", zh)] {
            let mut argv = vec!["--lang", lang];
            argv.extend_from_slice(args);
            let err = env.fail(&argv);
            assert!(err.contains(says), "{argv:?}: {err}");
        }
    }
    env.assign("整改问题清单");
    for (lang, says) in [
        ("en", "prefixes.followup: 1 records carry the prefix FU"),
        ("zh", "`prefixes.followup`：已有 1 条记录使用编号前缀 FU"),
    ] {
        let err = env.fail(&["--lang", lang, "config", "set", "prefixes.followup", "DB"]);
        assert!(err.contains(says), "{err}");
    }
    env.run(&["config", "set", "prefixes.meeting", "HY"]);
    let err = env.fail(&["config", "set", "nope", "1"]);
    assert!(
        err.contains("remind.within") && err.contains("fonds"),
        "lists the keys: {err}"
    );
}

#[test]
fn init_writes_the_language_and_the_fonds_and_says_what_to_type_next() {
    for (unit, lang, next) in [
        (
            "某县政府办公室",
            "zh",
            "接下来：\n  taizhang unit add 办公室 --code BGS\n",
        ),
        (
            "County Office",
            "en",
            "Next:\n  taizhang unit add 办公室 --code BGS\n",
        ),
    ] {
        let env = Env::bare();
        let out = env
            .cmd()
            .current_dir(env.tmp.path())
            .args(["init", "reg", "--unit", unit, "--fonds", "J012"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(next), "{stderr}");
        assert!(
            stderr.contains(
                "taizhang person add 张三 --unit 办公室\n  taizhang series add 县政办函\n"
            ),
            "the fonds is given, so the third is a series: {stderr}"
        );
        let settings = env.read("taizhang.toml");
        assert!(
            settings.contains(&format!("language = \"{lang}\"")),
            "{settings}"
        );
        assert_eq!(env.run(&["config", "get", "fonds"]), "J012\n");
    }
}

/// Settings the loader reads but a command would trip on: each reported
/// by `check` on its line of taizhang.toml, with its key and the fix.
#[test]
fn check_reports_bad_settings_with_their_line_key_and_fix() {
    let env = Env::new();
    let text = env
        .read("taizhang.toml")
        .replace("within = \"3d\"", "within = \"-3d\"")
        + "\n[[units]]\nname = \"督查室\"\ncode = \"bgs\"\n\n[[people]]\nname = \"张三\"\n\n\
           [[people]]\nname = \"张三\"\n\n[[series]]\nname = \"函\"\nissuer = \"\"\n\n\
           [logbooks.visit.loop]\nstart = \"arrived\"\nend = \"gone\"\n";
    let text = text.replacen("type = \"text\"", "type = \"txt\"", 1);
    env.write("taizhang.toml", &text);
    env.git(&["commit", "-qam", "bad settings"]);
    let line = |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    let cases = [
        (
            "remind.within",
            line("within = \"-3d\""),
            "`taizhang config set remind.within 3d`",
        ),
        ("units[5]", line("name = \"督查室\"") - 1, "names two units"),
        (
            "people[2]",
            text.rfind("[[people]]")
                .map(|i| text[..i].matches('\n').count() + 1)
                .unwrap(),
            "listed twice",
        ),
        ("series[2].issuer", line("issuer = \"\""), "no issuer code"),
        ("type", line("type = \"txt\""), "use one of text, date"),
    ];
    let out = env.output(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let en = String::from_utf8_lossy(&out.stdout);
    for (key, line, fix) in cases {
        let said = en
            .lines()
            .find(|l| l.starts_with(&format!("error: taizhang.toml:{line}: ")))
            .unwrap_or_else(|| panic!("{key} on line {line}: {en}"));
        assert!(said.contains(key) && said.contains(fix), "{said}");
    }
    assert!(en.contains("loop") && en.contains("gone"), "{en}");
    let zh = String::from_utf8_lossy(&env.output(&["--lang", "zh", "check"]).stdout).into_owned();
    for said in [
        "不是时间跨度",
        "同时指两个单位",
        "重复登记",
        "没有机关代字",
        "无法识别",
    ] {
        assert!(zh.contains(said), "{said}: {zh}");
    }
    // A bad time zone stops every command, check included, naming the key.
    env.write(
        "taizhang.toml",
        &text.replace("Asia/Shanghai", "Mars/Olympus"),
    );
    let out = env.output(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("taizhang.toml") && err.contains("timezone") && err.contains("Asia/Shanghai"),
        "{err}"
    );
}
