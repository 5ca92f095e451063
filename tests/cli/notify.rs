//! `notify` (docs/notify.md) against stand-in platforms on 127.0.0.1:
//! each platform's format, mentions and signature (recomputed here),
//! failures named while the rest still go, retries, timeouts, splitting,
//! pacing, e-mail per person with the supervisor's copy, the send log,
//! the dry run, the secrets file, and classified titles never sent.

mod fake;

use std::process::Output;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::env::Env;
use crate::snapshots::snap;
use fake::{Reply, Robot, SmtpSink};

const OK: &str = r#"{"errcode":0,"errmsg":"ok"}"#;

/// `remind`'s office (today 2026-11-23: FU-2026-0001 李明 overdue,
/// FU-2026-0002 财务科 due today, FU-2026-0003 李明 soon, IN-2026-0001
/// 财务科 soon), with people who have mobiles and addresses, and a
/// classified follow-up of 财务科 overdue, supervised by 陈局长.
fn office(channels: &str) -> Env {
    let env = crate::remind::office();
    env.run(&[
        "person",
        "add",
        "李明",
        "--unit",
        "BGS",
        "--mobile",
        "13800000001",
        "--email",
        "liming@example.org",
    ]);
    env.run(&[
        "person",
        "add",
        "张强",
        "--unit",
        "CWK",
        "--mobile",
        "13800000002",
        "--email",
        "zhangqiang@example.org",
    ]);
    env.run(&[
        "person",
        "add",
        "陈局长",
        "--leader",
        "--email",
        "chen@example.org",
    ]);
    env.run(&[
        "assign",
        "绝密专项核查",
        "--lead",
        "CWK",
        "--owner",
        "张强",
        "--supervisor",
        "陈局长",
        "--due",
        "2026-11-21",
        "--assigned",
        "2026-11-02",
        "--secrecy",
        "secret",
    ]);
    let settings = env.read("taizhang.toml");
    env.write("taizhang.toml", &format!("{settings}\n{channels}"));
    env.git(&["commit", "-qam", "channels"]);
    env
}

/// `taizhang --lang LANG notify ARGS` with `vars` in the environment.
fn notify(env: &Env, lang: &str, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = env.cmd();
    cmd.args(["--lang", lang, "notify"]).args(args);
    for (name, value) in vars {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn hmac(key: &[u8], message: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(message);
    STANDARD.encode(mac.finalize().into_bytes())
}

fn channel(name: &str, kind: &str, to: &str, extra: &str) -> String {
    format!(
        "[notify.{name}]\nkind = \"{kind}\"\nurl = \"env:URL_{name}\"\nto = \"{to}\"\n{extra}\n"
    )
}

#[test]
fn wecom_sends_markdown_then_the_mentions_in_both_languages() {
    for (lang, headline) in [
        (
            "zh",
            "督办提醒（2026-11-23）：逾期2项，今日到期1项，即将到期2项",
        ),
        (
            "en",
            "Reminders for 2026-11-23: 2 overdue, 1 due today, 2 due soon",
        ),
    ] {
        let env = office(&channel("office", "wecom", "all", ""));
        let robot = Robot::start(vec![Reply::Ok(OK)]);
        let url = format!("{}/cgi-bin/webhook/send?key=k1", robot.url);
        let out = notify(&env, lang, &[("URL_office", &url)], &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        let requests = robot.requests();
        assert_eq!(requests.len(), 2, "{requests:?}");
        assert_eq!(requests[0].query("key").as_deref(), Some("k1"));
        let markdown = requests[0].json();
        assert_eq!(markdown["msgtype"], "markdown");
        let content = markdown["markdown"]["content"].as_str().unwrap();
        assert!(content.starts_with(&format!("**{headline}**")), "{content}");
        assert!(content.contains("FU-2026-0001  修订值班制度"), "{content}");
        let mention = requests[1].json();
        assert_eq!(mention["msgtype"], "text");
        assert_eq!(
            mention["text"]["mentioned_mobile_list"],
            serde_json::json!(["13800000001", "13800000002"])
        );
        let said = text(&out.stderr);
        assert!(said.contains("notify.office"), "{said}");
    }
}

#[test]
fn dingtalk_signs_the_url_and_mentions_in_text_and_at() {
    let env = office(&channel(
        "ding",
        "dingtalk",
        "units",
        "secret = \"env:DING_SECRET\"",
    ));
    let robot = Robot::start(vec![Reply::Ok(OK)]);
    let url = format!("{}/robot/send?access_token=t", robot.url);
    let out = notify(
        &env,
        "zh",
        &[
            ("URL_ding", &url),
            ("DING_SECRET", "SECabc"),
            ("TAIZHANG_NOW", "2026-11-23T01:00:00Z"),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let requests = robot.requests();
    // One message per unit: 办公室, 财务科.
    assert_eq!(requests.len(), 2, "{requests:?}");
    for request in &requests {
        let timestamp = request.query("timestamp").unwrap();
        assert_eq!(timestamp, "1795395600000");
        let sign = hmac(b"SECabc", format!("{timestamp}\nSECabc").as_bytes());
        let encoded = sign
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D");
        assert_eq!(request.query("sign").unwrap(), encoded);
        assert_eq!(request.query("access_token").as_deref(), Some("t"));
    }
    let office = requests[0].json();
    assert_eq!(office["msgtype"], "markdown");
    assert_eq!(
        office["at"]["atMobiles"],
        serde_json::json!(["13800000001"])
    );
    let body = office["markdown"]["text"].as_str().unwrap();
    assert!(
        body.contains("### 办公室") && body.ends_with("@13800000001\n"),
        "{body}"
    );
    assert!(!body.contains("财务科"), "{body}");
}

#[test]
fn feishu_signs_the_body_and_its_code_is_a_failure_named() {
    let env = office(&channel(
        "fs",
        "feishu",
        "all",
        "secret = \"env:FS_SECRET\"",
    ));
    let robot = Robot::start(vec![Reply::Ok(
        r#"{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"#,
    )]);
    let url = format!("{}/open-apis/bot/v2/hook/tok", robot.url);
    let vars = [
        ("URL_fs", url.as_str()),
        ("FS_SECRET", "s3"),
        ("TAIZHANG_NOW", "2026-11-23T01:00:00Z"),
    ];
    let out = notify(&env, "zh", &vars, &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("notify.fs：发给全体的消息未送达：平台返回错误 19021：sign match fail"),
        "{said}"
    );
    let body = robot.requests()[0].json();
    assert_eq!(body["msg_type"], "post");
    assert_eq!(body["timestamp"], "1795395600");
    assert_eq!(body["sign"], hmac(b"1795395600\ns3", b""));
    let post = &body["content"]["post"]["zh_cn"];
    assert!(post["title"].as_str().unwrap().starts_with("督办提醒"));
    assert_eq!(post["content"][0][0]["tag"], "text");
    // Nothing was delivered, so nothing is logged: the next run tries again.
    let again = notify(&env, "zh", &vars, &[]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(robot.requests().len(), 2);
}

#[test]
fn an_errcode_fails_one_channel_and_the_others_still_send() {
    let channels = channel("bad", "wecom", "all", "") + &channel("good", "webhook", "owners", "");
    let env = office(&channels);
    let bad = Robot::start(vec![Reply::Ok(
        r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#,
    )]);
    let good = Robot::start(vec![Reply::Ok("")]);
    let out = notify(
        &env,
        "en",
        &[("URL_bad", &bad.url), ("URL_good", &good.url)],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("notify.bad: the message to everyone was not delivered: the platform answered 93000: invalid webhook url"),
        "{said}"
    );
    // A 4xx-free refusal is not tried again.
    assert_eq!(bad.requests().len(), 1);
    // The webhook: one letter per owner, and one per unit for what has none.
    let letters: Vec<serde_json::Value> = good.requests().iter().map(|r| r.json()).collect();
    let recipients: Vec<&str> = letters
        .iter()
        .map(|l| l["recipient"].as_str().unwrap())
        .collect();
    assert_eq!(recipients, ["owner:李明", "owner:张强", "unowned:财务科"]);
    assert_eq!(letters[0]["reminders"][0]["id"], "FU-2026-0001");
    assert_eq!(letters[0]["reminders"][0]["level"], "overdue");
    assert!(
        letters[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Reminders for 2026-11-23: 1 overdue")
    );
}

#[test]
fn a_5xx_is_tried_again_and_a_4xx_is_not() {
    let env = office(&channel("office", "wecom", "all", "retries = 2"));
    let robot = Robot::start(vec![Reply::Status(500), Reply::Status(502), Reply::Ok(OK)]);
    let out = notify(&env, "en", &[("URL_office", &robot.url)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Markdown after two 5xx, then the mentions.
    assert_eq!(robot.requests().len(), 4);

    let env = office(&channel("office", "wecom", "all", "retries = 2"));
    let robot = Robot::start(vec![Reply::Status(404)]);
    let out = notify(&env, "en", &[("URL_office", &robot.url)], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(robot.requests().len(), 1);
    assert!(text(&out.stderr).contains("HTTP 404"));
}

#[test]
fn a_reply_past_the_timeout_fails_after_the_tries() {
    let env = office(&channel(
        "office",
        "wecom",
        "all",
        "timeout = 1\nretries = 1",
    ));
    let robot = Robot::start(vec![Reply::Slow(Duration::from_secs(3))]);
    let url = format!("{}/send?key=hidden", robot.url);
    let out = notify(&env, "zh", &[("URL_office", &url)], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains("尝试 2 次均未获应答"), "{said}");
    assert!(!said.contains("hidden"), "{said}");
}

#[test]
fn a_long_list_is_split_into_numbered_parts_within_wecom_limit() {
    let env = office(&channel("office", "wecom", "all", "per_minute = 6000"));
    let title = "关于进一步加强和改进全市交通运输系统安全生产工作的若干措施落实情况专项督查";
    for n in 0..60 {
        env.run(&[
            "assign",
            &format!("{title}{n}"),
            "--lead",
            "FGK",
            "--due",
            "2026-11-22",
            "--assigned",
            "2026-11-02",
        ]);
    }
    let robot = Robot::start(vec![Reply::Ok(OK)]);
    let out = notify(&env, "zh", &[("URL_office", &robot.url)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let parts: Vec<String> = robot
        .requests()
        .iter()
        .map(|r| r.json())
        .filter(|b| b["msgtype"] == "markdown")
        .map(|b| b["markdown"]["content"].as_str().unwrap().to_string())
        .collect();
    assert!(parts.len() >= 3, "{}", parts.len());
    let of = parts.len();
    for (i, part) in parts.iter().enumerate() {
        assert!(part.len() <= 4096, "part {} is {} bytes", i + 1, part.len());
        assert!(part.contains(&format!("（{}/{of}）", i + 1)), "{part}");
    }
    let all = parts.concat();
    for n in 0..60 {
        assert!(all.contains(&format!("{title}{n}  ")), "{n} missing");
    }
}

#[test]
fn sends_are_paced_to_the_channel_rate() {
    // 300 a minute: 200 ms apart.
    let env = office(&channel("office", "webhook", "owners", "per_minute = 300"));
    let robot = Robot::start(vec![Reply::Ok("")]);
    let out = notify(&env, "en", &[("URL_office", &robot.url)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let requests = robot.requests();
    assert_eq!(requests.len(), 3);
    for pair in requests.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(gap >= Duration::from_millis(190), "{gap:?}");
    }
}

#[test]
fn email_one_message_per_person_with_the_supervisor_copied() {
    let mail = "[notify.mail]\nkind = \"email\"\nsmtp = \"env:SMTP\"\nfrom = \"办公室 <office@example.org>\"\nto = \"owners\"\n";
    let env = office(mail);
    let sink = SmtpSink::start();
    let out = notify(&env, "zh", &[("SMTP", &sink.url)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mails = sink.mails();
    let rcpts: Vec<Vec<String>> = mails.iter().map(|m| m.rcpt.clone()).collect();
    assert_eq!(
        rcpts,
        [
            vec!["<liming@example.org>".to_string()],
            vec![
                "<zhangqiang@example.org>".to_string(),
                "<chen@example.org>".to_string()
            ],
            vec!["<office@example.org>".to_string()],
        ]
    );
    let zhang = &mails[1];
    assert_eq!(zhang.from, "<office@example.org>");
    let subject = zhang.header("Subject").unwrap();
    assert!(subject.starts_with("=?utf-8?b?"), "{subject}");
    let decoded: String = subject
        .split(' ')
        .map(|word| {
            let inner = word.trim_start_matches("=?utf-8?b?").trim_end_matches("?=");
            String::from_utf8(STANDARD.decode(inner).unwrap()).unwrap()
        })
        .collect();
    assert_eq!(
        decoded,
        "督办提醒（2026-11-23）：逾期1项，今日到期0项，即将到期0项"
    );
    assert!(zhang.header("Cc").unwrap().contains("<chen@example.org>"));
    assert!(
        zhang
            .header("Content-Type")
            .unwrap()
            .starts_with("text/plain; charset=utf-8")
    );
    let body: String = zhang
        .data
        .split("\r\n\r\n")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    let body = String::from_utf8(STANDARD.decode(body).unwrap()).unwrap();
    assert!(body.contains("[秘密] FU-2026-0006"), "{body}");
    // 李明's letter: his two, no copy (nothing of his supervised is red).
    assert!(mails[0].header("Cc").is_none());
}

#[test]
fn classified_titles_are_in_no_message() {
    let channels = channel("office", "wecom", "all", "")
        + &channel("hook", "webhook", "all", "")
        + "[notify.mail]\nkind = \"email\"\nsmtp = \"env:SMTP\"\nfrom = \"office@example.org\"\nto = \"all\"\n";
    let env = office(&channels);
    let (wecom, hook, sink) = (
        Robot::start(vec![Reply::Ok(OK)]),
        Robot::start(vec![Reply::Ok("")]),
        SmtpSink::start(),
    );
    let vars = [
        ("URL_office", wecom.url.as_str()),
        ("URL_hook", hook.url.as_str()),
        ("SMTP", sink.url.as_str()),
    ];
    let out = notify(&env, "zh", &vars, &["--again"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut bodies: Vec<String> = wecom
        .requests()
        .iter()
        .chain(&hook.requests())
        .map(|r| r.body.clone())
        .collect();
    bodies.extend(sink.mails().iter().map(|m| {
        let body: String = m
            .data
            .split("\r\n\r\n")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .collect();
        String::from_utf8(STANDARD.decode(body).unwrap()).unwrap()
    }));
    assert_eq!(bodies.len(), 4);
    for body in &bodies {
        assert!(!body.contains("绝密专项核查"), "{body}");
    }
    // WeCom's markdown (not its mentions), the webhook's and the mail's.
    let withheld = bodies.iter().filter(|b| b.contains("[秘密] FU-2026-0006"));
    assert_eq!(withheld.count(), 3, "{bodies:?}");
    let dry = notify(&env, "zh", &vars, &["--dry-run"]);
    assert!(!text(&dry.stdout).contains("绝密专项核查"));
}

#[test]
fn a_second_run_the_same_day_sends_only_what_changed_and_again_resends() {
    let env = office(&channel("office", "webhook", "owners", ""));
    let robot = Robot::start(vec![Reply::Ok("")]);
    let vars = [("URL_office", robot.url.as_str())];
    assert_eq!(notify(&env, "en", &vars, &[]).status.code(), Some(0));
    assert_eq!(robot.requests().len(), 3);
    let second = notify(&env, "en", &vars, &[]);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(robot.requests().len(), 3);
    let said = text(&second.stderr);
    assert!(
        said.contains("0 message(s) sent, 3 already sent today"),
        "{said}"
    );
    // 李明 gets one more item: only his letter goes again.
    env.run(&[
        "assign",
        "新增事项",
        "--lead",
        "BGS",
        "--owner",
        "李明",
        "--due",
        "2026-11-24",
        "--assigned",
        "2026-11-02",
    ]);
    notify(&env, "en", &vars, &[]);
    let requests = robot.requests();
    assert_eq!(requests.len(), 4);
    assert_eq!(requests[3].json()["recipient"], "owner:李明");
    notify(&env, "en", &vars, &["--again"]);
    assert_eq!(robot.requests().len(), 7);
    // The log is local: git sees nothing of it.
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn record_chases_only_what_was_delivered() {
    let channels = channel("bad", "webhook", "owners", "");
    let env = office(&channels);
    // 李明's letter goes, 张强's and 财务科's are refused.
    let robot = Robot::start(vec![Reply::Ok(""), Reply::Status(400)]);
    let commits = env.commits();
    let out = notify(&env, "en", &[("URL_bad", &robot.url)], &["--record"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.commits(), commits + 1);
    let fu1 = env.run(&["show", "FU-2026-0001", "-o", "json"]);
    assert!(fu1.contains("\"via\": \"reminder\""), "{fu1}");
    let fu6 = env.run(&["show", "FU-2026-0006", "-o", "json"]);
    assert!(!fu6.contains("\"via\": \"reminder\""), "{fu6}");
}

#[test]
fn quiet_when_nothing_is_due() {
    let env = office(&channel("office", "wecom", "all", ""));
    let robot = Robot::start(vec![Reply::Ok(OK)]);
    for lang in ["en", "zh"] {
        let mut cmd = env.cmd();
        cmd.env("URL_office", &robot.url)
            .env("TAIZHANG_TODAY", "2026-10-01");
        let out = cmd.args(["--lang", lang, "notify"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            out.stdout.is_empty() && out.stderr.is_empty(),
            "{}",
            text(&out.stderr)
        );
    }
    assert!(robot.requests().is_empty());
}

#[test]
fn dry_run_prints_each_message_without_its_key_and_sends_nothing() {
    let channels = channel("office", "wecom", "units", "")
        + "[notify.mail]\nkind = \"email\"\nsmtp = \"env:SMTP\"\nfrom = \"办公室 <office@example.org>\"\nto = \"owners\"\n";
    let env = office(&channels);
    let robot = Robot::start(vec![Reply::Ok(OK)]);
    let url = format!("{}/cgi-bin/webhook/send?key=SECRETKEY", robot.url);
    for lang in ["en", "zh"] {
        let vars = [
            ("URL_office", url.as_str()),
            ("SMTP", "smtps://office:pw@mail.example.org:465"),
            ("TAIZHANG_NOW", "2026-11-23T01:00:00Z"),
        ];
        let out = notify(&env, lang, &vars, &["--dry-run"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let shown = text(&out.stdout).replace(&robot.url, "http://[ROBOT]");
        assert!(
            !shown.contains("SECRETKEY") && !shown.contains("pw@"),
            "{shown}"
        );
        snap(&format!("notify_dry_run@{lang}"), &shown);
    }
    assert!(robot.requests().is_empty());
}

#[test]
fn secrets_file_fills_in_and_must_be_private() {
    let env = office("[notify.office]\nkind = \"wecom\"\n");
    let robot = Robot::start(vec![Reply::Ok(OK)]);
    let path = env.root.join(".taizhang/secrets.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        format!("[notify.office]\nurl = \"{}/send?key=k\"\n", robot.url),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = notify(&env, "zh", &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("secrets.toml 可被他人读取（权限 644）") && said.contains("chmod 600"),
        "{said}"
    );
    assert!(robot.requests().is_empty());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = notify(&env, "zh", &[], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(robot.requests()[0].query("key").as_deref(), Some("k"));
    // init's .gitignore keeps it out of git.
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn settings_problems_are_named_before_anything_is_sent() {
    let env = office(&channel("office", "wecom", "all", ""));
    let out = notify(&env, "en", &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("notify.office.url: the environment variable URL_office is not set")
    );
    let out = notify(
        &env,
        "zh",
        &[("URL_office", "http://127.0.0.1:9")],
        &["--channel", "mail"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--channel：没有名为“mail”的渠道；现有：office"),
        "{}",
        text(&out.stderr)
    );
    let bare = crate::remind::office();
    let out = notify(&bare, "en", &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no [notify.NAME] channel"));
}

#[test]
fn check_warns_of_a_robot_key_written_in_the_settings() {
    let env = office(
        "[notify.office]\nkind = \"wecom\"\nurl = \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc\"\n",
    );
    let out = env.output(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(
        said.contains("warning")
            && said.contains("notify.office.url: a robot key or password is written out here"),
        "{said}"
    );
}

#[test]
fn person_add_takes_a_mobile_and_address_notify_can_use() {
    let env = Env::new();
    let commits = env.commits();
    for (lang, args, said) in [
        (
            "en",
            ["--mobile", "138x0000"],
            "--mobile: '138x0000' is not a mobile number",
        ),
        (
            "zh",
            ["--mobile", "138x0000"],
            "--mobile：“138x0000”不是手机号码",
        ),
        (
            "en",
            ["--email", "liming"],
            "--email: 'liming' is not an e-mail address",
        ),
        (
            "zh",
            ["--email", "li ming@x"],
            "--email：“li ming@x”不是电子邮件地址",
        ),
    ] {
        let out = env.output(&[&["--lang", lang, "person", "add", "李明"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(1), "{lang} {args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
    assert_eq!(env.commits(), commits);
    env.run(&[
        "person",
        "add",
        "李明",
        "--mobile",
        "138-0000-0001",
        "--email",
        "li@example.org",
    ]);
    let settings = env.read("taizhang.toml");
    assert!(settings.contains("mobile = \"13800000001\""), "{settings}");
    assert!(
        settings.contains("email = \"li@example.org\""),
        "{settings}"
    );
}

/// The README's dry-run excerpt is what `notify --dry-run` prints on the
/// example register with the README's channel.
#[test]
fn the_readme_dry_run_sample_is_real() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme
        .find("# notify.office → 运输管理科")
        .expect("the sample");
    let sample = &readme[start..readme[start..].find("\n…\n").unwrap() + start];
    let env = Env::example();
    let settings = env.read("taizhang.toml");
    let table =
        "[notify.office]\nkind = \"wecom\"\nurl = \"env:TAIZHANG_WECOM_URL\"\nto = \"units\"\n";
    assert!(
        readme.contains(
            &table
                .replace(
                    "kind = \"wecom\"\n",
                    "kind = \"wecom\"              # wecom | dingtalk | feishu | webhook | email\n"
                )
                .replace(
                    "to = \"units\"\n",
                    "to = \"units\"                # all | units | owners\n"
                )
        )
    );
    env.write("taizhang.toml", &format!("{settings}\n{table}"));
    let url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6";
    let mut cmd = env.cmd();
    cmd.env("TAIZHANG_WECOM_URL", url)
        .env("TAIZHANG_TODAY", "2026-11-23");
    let out = cmd
        .args(["--lang", "zh", "notify", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(
        printed.contains(sample),
        "README:\n{sample}\nprinted:\n{printed}"
    );
}

#[test]
fn an_address_of_the_wrong_kind_is_refused_without_showing_it() {
    let env = office(&channel("office", "wecom", "all", ""));
    let out = notify(
        &env,
        "en",
        &[("URL_office", "ftp://host/send?key=SECRET")],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("notify.office.url: not an address starting with one of https://, http://"),
        "{said}"
    );
    assert!(!said.contains("SECRET"), "{said}");
}
