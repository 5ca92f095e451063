//! The handling of documents (`doc …`): every step, every refused step,
//! and the whole story of an urgent notice from registration to reply.

use crate::env::Env;
use crate::snapshots::{NOW, whole};

/// Replaces every `HH:MM` with `hh:mm`: moments vary with the time of day.
pub fn normalise(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let window = chars.get(i..i + 5);
        let is_time = window.is_some_and(|w| {
            w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2] == ':'
                && w[3].is_ascii_digit()
                && w[4].is_ascii_digit()
        });
        if is_time {
            out.push_str("hh:mm");
            i += 5;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Runs a changing command and checks it made exactly one commit.
fn step(env: &Env, args: &[&str]) -> String {
    let before = env.commits();
    let out = env.run(args);
    assert_eq!(env.commits(), before + 1, "{args:?} should make one commit");
    assert!(env.git(&["status", "--porcelain"]).is_empty());
    out
}

/// An urgent action item, registered: IN-2026-0001.
fn urgent_notice(env: &Env) {
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "关于做好寒潮天气道路运输安全工作的紧急通知",
        "--from",
        "省交通运输厅",
        "--ref",
        "省交运〔2026〕31号",
        "--type",
        "通知",
        "--urgency",
        "加急",
        "--deadline",
        "2026-11-30",
        "--received",
        "2026-11-23 08:40",
    ]);
    assert_eq!(id, "IN-2026-0001\n");
}

fn info_paper(env: &Env) -> String {
    env.run(&[
        "log",
        "in",
        "--title",
        "2026年第三季度交通运输经济运行情况通报",
        "--from",
        "市统计局",
        "--handling",
        "info",
    ])
    .trim()
    .to_string()
}

#[test]
fn story_urgent_notice_from_log_to_reply() {
    let env = Env::new();
    urgent_notice(&env);
    step(
        &env,
        &[
            "doc",
            "propose",
            "IN-1",
            "请张局长阅示，建议办公室牵头、执法支队配合落实",
        ],
    );
    step(
        &env,
        &[
            "doc",
            "instruct",
            "IN-1",
            "请办公室牵头，执法支队配合，11月底前报结果",
            "--leader",
            "张局长",
        ],
    );
    step(&env, &["doc", "route", "IN-1", "--to", "张局长"]);
    step(&env, &["doc", "route", "IN-1", "--to", "李副局长"]);
    let held = env.run(&["list", "in", "--holder", "李副局长", "-o", "json"]);
    assert!(held.contains("IN-2026-0001"), "{held}");
    step(&env, &["doc", "back", "IN-1", "--from", "张局长"]);
    step(&env, &["doc", "back", "IN-1", "--from", "李副局长"]);
    assert!(env.run(&["list", "in", "--holder", "李副局长", "-o", "json"]) == "[]\n");
    step(
        &env,
        &[
            "doc",
            "assign",
            "IN-1",
            "--lead",
            "BGS",
            "--support",
            "ZFZD",
        ],
    );
    let fu1 = step(
        &env,
        &[
            "assign",
            "开展道路运输企业寒潮安全检查",
            "--lead",
            "ZFZD",
            "--due",
            "2026-11-28",
            "--owner",
            "赵队长",
            "--from",
            "IN-1",
        ],
    );
    assert_eq!(fu1, "FU-2026-0001\n");
    let fu2 = step(
        &env,
        &[
            "assign",
            "发布寒潮出行提示",
            "--lead",
            "BGS",
            "--due",
            "2026-11-25",
            "--from",
            "IN-1",
        ],
    );
    assert_eq!(fu2, "FU-2026-0002\n");
    let out = step(
        &env,
        &[
            "log",
            "out",
            "--title",
            "关于寒潮天气道路运输安全工作落实情况的报告",
            "--to",
            "省交通运输厅",
            "--type",
            "报告",
            "--direction",
            "upward",
            "--signer",
            "张局长",
            "--signed",
            "2026-11-23",
        ],
    );
    assert_eq!(out, "OUT-2026-0001\n");
    step(
        &env,
        &["doc", "done", "IN-1", "--result", "已完成检查并发布提示"],
    );
    step(
        &env,
        &[
            "doc",
            "reply",
            "IN-1",
            "--via",
            "正式发文",
            "--ref",
            "OUT-1",
        ],
    );

    let yaml = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(yaml.contains("status: replied"), "{yaml}");
    assert!(yaml.contains("ref: OUT-2026-0001"), "{yaml}");
    let reply = env.read("documents/2026/OUT-2026-0001.yaml");
    assert!(reply.contains("in_reply_to: IN-2026-0001"), "{reply}");

    let en = normalise(&env.run(&["show", "IN-1"]));
    let expected_en = "\
Incoming document handling slip
IN-2026-0001  关于做好寒潮天气道路运输安全工作的紧急通知
status: replied
sender: 省交通运输厅
sender's ref: 省交运〔2026〕31号
type: notice
received: 2026-11-23 hh:mm
received by: 王芳
urgency: urgent
copies: 1
handling: action
deadline: 2026-11-30
proposal: 请张局长阅示，建议办公室牵头、执法支队配合落实 (王芳 2026-11-23)
instructions:
  张局长 2026-11-23: 请办公室牵头，执法支队配合，11月底前报结果
lead unit: 办公室
support: 执法支队
circulation:
  张局长: out 2026-11-23 hh:mm, back 2026-11-23 hh:mm
  李副局长: out 2026-11-23 hh:mm, back 2026-11-23 hh:mm
followups:
  FU-2026-0001 开展道路运输企业寒潮安全检查 | 执法支队 2026-11-28 → in progress
  FU-2026-0002 发布寒潮出行提示 | 办公室 2026-11-25 → in progress
result: 已完成检查并发布提示
completed: 2026-11-23
reply: 2026-11-23 正式发文, OUT-2026-0001 市交发〔2026〕1号
Timeline:
  2026-11-23 hh:mm  王芳  registered
  2026-11-23 hh:mm  王芳  proposal: 请张局长阅示，建议办公室牵头、执法支队配合落实
  2026-11-23 hh:mm  王芳  instruction by 张局长: 请办公室牵头，执法支队配合，11月底前报结果
  2026-11-23 hh:mm  王芳  routed to 张局长
  2026-11-23 hh:mm  王芳  routed to 李副局长
  2026-11-23 hh:mm  王芳  back from 张局长
  2026-11-23 hh:mm  王芳  back from 李副局长
  2026-11-23 hh:mm  王芳  assigned to 办公室
  2026-11-23 hh:mm  王芳  follow-up FU-2026-0001 created
  2026-11-23 hh:mm  王芳  follow-up FU-2026-0002 created
  2026-11-23 hh:mm  王芳  done: 已完成检查并发布提示
  2026-11-23 hh:mm  王芳  replied: 正式发文, OUT-2026-0001
Now with: nobody
Next: nothing more to do
";
    assert_eq!(en, expected_en);

    let zh = normalise(&env.run(&["--lang", "zh", "show", "IN-1"]));
    let expected_zh = "\
收文处理单
IN-2026-0001  关于做好寒潮天气道路运输安全工作的紧急通知
状态：已答复
来文机关：省交通运输厅
来文字号：省交运〔2026〕31号
文种：通知
签收时间：2026-11-23 hh:mm
签收人：王芳
紧急程度：加急
份数：1
办件类型：办件
办理时限：2026-11-30
拟办意见：请张局长阅示，建议办公室牵头、执法支队配合落实 (王芳 2026-11-23)
领导批示：
  张局长 2026-11-23：请办公室牵头，执法支队配合，11月底前报结果
主办单位：办公室
协办单位：执法支队
传阅：
  张局长：送出 2026-11-23 hh:mm，收回 2026-11-23 hh:mm
  李副局长：送出 2026-11-23 hh:mm，收回 2026-11-23 hh:mm
督办事项：
  FU-2026-0001 开展道路运输企业寒潮安全检查 | 执法支队 2026-11-28 → 在办
  FU-2026-0002 发布寒潮出行提示 | 办公室 2026-11-25 → 在办
办理结果：已完成检查并发布提示
办结日期：2026-11-23
答复：2026-11-23 正式发文，OUT-2026-0001 市交发〔2026〕1号
办理经过：
  2026-11-23 hh:mm  王芳  登记
  2026-11-23 hh:mm  王芳  拟办：请张局长阅示，建议办公室牵头、执法支队配合落实
  2026-11-23 hh:mm  王芳  领导批示（张局长: 请办公室牵头，执法支队配合，11月底前报结果）
  2026-11-23 hh:mm  王芳  送张局长传阅
  2026-11-23 hh:mm  王芳  送李副局长传阅
  2026-11-23 hh:mm  王芳  张局长阅毕收回
  2026-11-23 hh:mm  王芳  李副局长阅毕收回
  2026-11-23 hh:mm  王芳  交办公室承办
  2026-11-23 hh:mm  王芳  立督办事项 FU-2026-0001
  2026-11-23 hh:mm  王芳  立督办事项 FU-2026-0002
  2026-11-23 hh:mm  王芳  办结：已完成检查并发布提示
  2026-11-23 hh:mm  王芳  答复：正式发文, OUT-2026-0001
当前在：无
下一步：无需再处理
";
    assert_eq!(zh, expected_zh);
    env.run(&["check"]);
}

#[test]
fn slip_names_the_holder_and_the_next_steps() {
    let env = Env::new();
    env.pin_clock(NOW);
    urgent_notice(&env);
    env.run(&["doc", "route", "IN-1", "--to", "张局长"]);
    whole(&env, "doc__slip_circulating_en", &["show", "IN-1"]);
    whole(
        &env,
        "doc__slip_circulating_zh",
        &["--lang", "zh", "show", "IN-1"],
    );
    env.run(&["doc", "back", "IN-1", "--from", "张局长"]);
    env.run(&["doc", "assign", "IN-1", "--lead", "法规科"]);
    whole(&env, "doc__slip_assigned_en", &["show", "IN-1"]);
    whole(
        &env,
        "doc__held_by_unit",
        &["list", "in", "--holder", "法规科"],
    );
}

#[test]
fn info_item_is_read_when_every_copy_is_back() {
    let env = Env::new();
    let id = info_paper(&env);
    step(&env, &["doc", "route", &id, "--to", "张局长"]);
    step(&env, &["doc", "route", &id, "--to", "李副局长"]);
    let circulating = env.run(&["list", "in", "--status", "circulating", "-o", "json"]);
    assert!(circulating.contains(&id), "{circulating}");
    step(&env, &["doc", "back", &id, "--from", "张局长"]);
    assert!(
        env.read("documents/2026/IN-2026-0001.yaml")
            .contains("status: circulating")
    );
    step(&env, &["doc", "back", &id, "--from", "李副局长"]);
    let yaml = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(yaml.contains("status: read"), "{yaml}");
    // An info item is not assigned, done or answered.
    whole(
        &env,
        "doc__info_item_not_assigned",
        &["doc", "assign", &id, "--lead", "BGS"],
    );
    whole(&env, "doc__info_item_not_done", &["doc", "done", &id]);
    whole(
        &env,
        "doc__info_item_not_answered_zh",
        &["--lang", "zh", "doc", "reply", &id, "--via", "电话"],
    );
}

#[test]
fn routing_to_a_holder_or_back_from_a_non_holder_is_refused() {
    let env = Env::new();
    urgent_notice(&env);
    env.run(&["doc", "route", "IN-1", "--to", "张局长"]);
    whole(
        &env,
        "doc__route_refused_holder",
        &["doc", "route", "IN-1", "--to", "张局长"],
    );
    whole(
        &env,
        "doc__route_refused_holder_zh",
        &["--lang", "zh", "doc", "route", "IN-1", "--to", "张局长"],
    );
    whole(
        &env,
        "doc__back_refused_not_holder",
        &["doc", "back", "IN-1", "--from", "李副局长"],
    );
    whole(
        &env,
        "doc__back_refused_not_holder_zh",
        &["--lang", "zh", "doc", "back", "IN-1", "--from", "李副局长"],
    );
    env.run(&["doc", "back", "IN-1", "--from", "张局长"]);
    env.fail(&["doc", "back", "IN-1", "--from", "张局长"]);
}

#[test]
fn illegal_steps_name_the_status_and_the_allowed_ones() {
    let env = Env::new();
    urgent_notice(&env);
    // Done before assignment.
    whole(
        &env,
        "doc__done_refused_registered",
        &["doc", "done", "IN-1"],
    );
    // Reply before done.
    whole(
        &env,
        "doc__reply_refused_registered",
        &["doc", "reply", "IN-1", "--via", "电话"],
    );
    whole(
        &env,
        "doc__reply_refused_registered_zh",
        &["--lang", "zh", "doc", "reply", "IN-1", "--via", "电话"],
    );
    env.run(&["doc", "assign", "IN-1", "--lead", "BGS"]);
    // 拟办 and 退文 come before 承办.
    whole(
        &env,
        "doc__propose_refused_assigned",
        &["doc", "propose", "IN-1", "请阅"],
    );
    whole(
        &env,
        "doc__return_refused_assigned",
        &["doc", "return", "IN-1", "--reason", "非本单位职责"],
    );
    env.run(&["doc", "done", "IN-1"]);
    // Nothing is routed, instructed or reassigned once done.
    for (name, args) in [
        (
            "doc__route_refused_done",
            &["doc", "route", "IN-1", "--to", "张局长"][..],
        ),
        (
            "doc__instruct_refused_done",
            &["doc", "instruct", "IN-1", "阅", "--leader", "张局长"],
        ),
        (
            "doc__assign_refused_done",
            &["doc", "assign", "IN-1", "--lead", "FGK"],
        ),
        ("doc__done_refused_done", &["doc", "done", "IN-1"]),
    ] {
        whole(&env, name, args);
    }
    env.run(&["doc", "reply", "IN-1", "--via", "电话"]);
    whole(
        &env,
        "doc__reply_refused_replied",
        &["doc", "reply", "IN-1", "--via", "电话"],
    );
    // Steps of incoming papers refuse other kinds of record.
    env.run(&["assign", "事项", "--lead", "BGS", "--due", "+1w"]);
    whole(
        &env,
        "doc__propose_refused_wrong_kind",
        &["doc", "propose", "FU-1", "请阅"],
    );
    env.fail(&["doc", "propose", "IN-9", "请阅"]);
    env.fail(&["doc", "propose", "IN-1", "  "]);
}

#[test]
fn each_incoming_step_is_recorded() {
    let env = Env::new();
    urgent_notice(&env);
    step(&env, &["doc", "propose", "IN-1", "请张局长阅示"]);
    step(&env, &["doc", "propose", "IN-1", "请李副局长阅示"]);
    step(
        &env,
        &["doc", "instruct", "IN-1", "同意", "--leader", "张局长"],
    );
    step(
        &env,
        &[
            "doc",
            "instruct",
            "IN-1",
            "请法规科把关",
            "--leader",
            "李副局长",
            "--on",
            "2026-11-22",
        ],
    );
    step(
        &env,
        &[
            "doc",
            "assign",
            "IN-1",
            "--lead",
            "办公室",
            "--support",
            "FGK,ZFZD",
            "--deadline",
            "2026-11-29",
        ],
    );
    let yaml = env.read("documents/2026/IN-2026-0001.yaml");
    for expected in [
        "proposal:\n  by: 王芳\n  'on': 2026-11-23\n  text: 请李副局长阅示\n",
        "instructions:\n- by: 张局长\n  'on': 2026-11-23\n  text: 同意\n- by: 李副局长\n  'on': 2026-11-22\n",
        "lead: 办公室\nsupport:\n- 法规科\n- 执法支队\ndeadline: 2026-11-29\n",
        "status: assigned",
        "action: propose\n  note: 请张局长阅示",
        // The deadline given at registration was moved: both are kept.
        "action: assign\n  note: 办公室; deadline 2026-11-30 → 2026-11-29\n",
    ] {
        assert!(yaml.contains(expected), "{expected}\n---\n{yaml}");
    }
    env.fail(&["doc", "assign", "IN-1", "--lead", "不存在的科"]);
    env.fail(&[
        "doc",
        "assign",
        "IN-1",
        "--lead",
        "BGS",
        "--deadline",
        "someday",
    ]);
    // A follow-up puts the assigned paper in progress.
    step(
        &env,
        &[
            "assign", "落实", "--lead", "BGS", "--due", "+1w", "--from", "IN-1",
        ],
    );
    assert!(
        env.read("documents/2026/IN-2026-0001.yaml")
            .contains("status: in-progress")
    );
    step(&env, &["doc", "done", "IN-1"]);
    step(&env, &["doc", "reply", "IN-1", "--via", "电话"]);
    let yaml = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(
        yaml.contains("reply:\n  'on': 2026-11-23\n  via: 电话\n"),
        "{yaml}"
    );
    assert!(yaml.contains("status: replied"), "{yaml}");
}

#[test]
fn a_registered_paper_is_returned_to_its_sender() {
    let env = Env::new();
    urgent_notice(&env);
    step(
        &env,
        &["doc", "return", "IN-1", "--reason", "非本单位职责范围"],
    );
    let yaml = env.read("documents/2026/IN-2026-0001.yaml");
    assert!(yaml.contains("status: returned"), "{yaml}");
    assert!(yaml.contains("note: 非本单位职责范围"), "{yaml}");
    let err = env.fail(&["doc", "route", "IN-1", "--to", "张局长"]);
    assert!(err.contains("IN-2026-0001 is returned"), "{err}");
    env.fail(&["doc", "return", "IN-1", "--reason", "再退"]);
    env.fail(&["doc", "return", "IN-1", "--reason", " "]);
    let list = env.run(&["list", "in", "--status", "已退文", "-o", "json"]);
    assert!(list.contains("IN-2026-0001"), "{list}");
}

#[test]
fn reply_links_the_outgoing_document_both_ways() {
    let env = Env::new();
    urgent_notice(&env);
    let other = info_paper(&env);
    env.run(&["doc", "assign", "IN-1", "--lead", "BGS"]);
    env.run(&["doc", "done", "IN-1"]);
    env.run(&[
        "log",
        "out",
        "--title",
        "复函",
        "--to",
        "省交通运输厅",
        "--signed",
        "today",
    ]);
    env.run(&[
        "log",
        "out",
        "--title",
        "另一复函",
        "--to",
        "市统计局",
        "--reply-to",
        &other,
    ]);
    // The reference must be an outgoing document of this register, not
    // one that answers another paper.
    let err = env.fail(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-9"]);
    assert!(err.contains("--ref OUT-2026-0009: no such record"), "{err}");
    let err = env.fail(&["doc", "reply", "IN-1", "--via", "发文", "--ref", &other]);
    assert!(err.contains("expected an outgoing document"), "{err}");
    let err = env.fail(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-2"]);
    assert!(
        err.contains("OUT-2026-0002 already answers IN-2026-0002"),
        "{err}"
    );
    let commits = env.commits();
    env.run(&["doc", "reply", "IN-1", "--via", "发文", "--ref", "OUT-1"]);
    assert_eq!(env.commits(), commits + 1);
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        files,
        "documents/2026/IN-2026-0001.yaml\ndocuments/2026/OUT-2026-0001.yaml\n"
    );
    assert!(
        env.read("documents/2026/OUT-2026-0001.yaml")
            .contains("in_reply_to: IN-2026-0001")
    );
    let slip = env.run(&["show", "OUT-1"]);
    assert!(
        slip.starts_with("Outgoing document slip\nOUT-2026-0001  复函\n"),
        "{slip}"
    );
    assert!(
        slip.contains("\nin reply to: IN-2026-0001 关于做好寒潮天气道路运输安全工作的紧急通知\n"),
        "{slip}"
    );
    env.run(&["check"]);
}

#[test]
fn outgoing_is_issued_and_revoked_and_its_number_never_reused() {
    let env = Env::new();
    env.run(&[
        "log",
        "out",
        "--title",
        "关于召开安全生产会议的通知",
        "--to",
        "各科室",
        "--signed",
        "2026-11-20",
    ]);
    env.run(&["log", "out", "--title", "草稿", "--to", "各科室"]);
    step(&env, &["doc", "issue", "OUT-1"]);
    let yaml = env.read("documents/2026/OUT-2026-0001.yaml");
    assert!(
        yaml.contains("status: issued") && yaml.contains("printed: 2026-11-23"),
        "{yaml}"
    );
    let err = env.fail(&["doc", "issue", "OUT-1"]);
    assert!(
        err.contains("OUT-2026-0001 is issued; cannot `doc issue`"),
        "{err}"
    );
    assert!(err.contains("allowed now: `taizhang doc revoke`"), "{err}");
    // A draft is issued only with its signing date.
    let err = env.fail(&["doc", "issue", "OUT-2"]);
    assert!(err.contains("not yet signed"), "{err}");
    assert!(err.contains("--signed DATE"), "{err}");
    let err = env.fail(&["--lang", "zh", "doc", "issue", "OUT-2"]);
    assert!(err.contains("未签发"), "{err}");
    step(&env, &["doc", "revoke", "OUT-1", "--reason", "会议延期"]);
    let yaml = env.read("documents/2026/OUT-2026-0001.yaml");
    assert!(yaml.contains("status: revoked"), "{yaml}");
    assert!(yaml.contains("doc_number: 市交发〔2026〕1号"), "{yaml}");
    let err = env.fail(&["doc", "revoke", "OUT-1", "--reason", "再撤"]);
    assert!(err.contains("no further step is allowed"), "{err}");
    env.fail(&["doc", "issue", "OUT-1"]);
    // The revoked number stays taken: the next document gets number 3.
    env.run(&[
        "log",
        "out",
        "--title",
        "关于会议改期的通知",
        "--to",
        "各科室",
    ]);
    let next = env.read("documents/2026/OUT-2026-0003.yaml");
    assert!(next.contains("doc_number: 市交发〔2026〕3号"), "{next}");
    step(&env, &["doc", "issue", "OUT-3", "--signed", "2026-11-23"]);
    assert!(
        env.read("documents/2026/OUT-2026-0003.yaml")
            .contains("signed: 2026-11-23")
    );
    let err = env.fail(&["doc", "issue", "IN-1"]);
    assert!(err.contains("no record IN-2026-0001"), "{err}");
    env.run(&["check"]);
}

#[test]
fn check_finds_routing_out_of_order_and_dangling_replies() {
    let env = Env::new();
    urgent_notice(&env);
    let path = "documents/2026/IN-2026-0001.yaml";
    let yaml = env.read(path);
    env.write(
        path,
        &format!(
            "{yaml}circulation:\n\
             - to: 张局长\n  out: 2026-11-23T10:00:00+08:00\n  back: 2026-11-23T09:00:00+08:00\n\
             - to: 李副局长\n  out: 2026-11-23T10:00:00+08:00\n\
             - to: 李副局长\n  out: 2026-11-23T11:00:00+08:00\n\
             reply:\n  'on': 2026-11-23\n  via: document\n  ref: OUT-2026-0042\n"
        ),
    );
    let output = env.output(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("back 2026-11-23T09:00:00+08:00 before out"),
        "{text}"
    );
    assert!(text.contains("sends 李副局长 a second copy"), "{text}");
    assert!(
        text.contains("reply document OUT-2026-0042 does not exist"),
        "{text}"
    );
}

#[test]
fn slip_keeps_hand_added_fields_in_view() {
    let env = Env::new();
    urgent_notice(&env);
    let path = "documents/2026/IN-2026-0001.yaml";
    let yaml = env.read(path);
    env.write(path, &format!("{yaml}phoned_sender: 已电话回复来文单位\n"));
    let en = env.run(&["show", "IN-1"]);
    assert!(en.contains("\nphoned_sender: 已电话回复来文单位\n"), "{en}");
}
