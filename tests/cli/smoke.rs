//! The shortest path through the core: log, assign, list, show, check.

use crate::env::Env;

#[test]
fn log_assign_list_show_check() {
    let env = Env::new();
    let commits = env.commits();
    let id = env.run(&[
        "log",
        "in",
        "--title",
        "关于冬季安全生产的通知",
        "--from",
        "省交通运输厅",
    ]);
    assert_eq!(id, "IN-2026-0001\n");
    let fu = env.run(&[
        "assign",
        "落实冬季安全生产检查",
        "--lead",
        "BGS",
        "--due",
        "+2w",
        "--from",
        "IN-1",
    ]);
    assert_eq!(fu, "FU-2026-0001\n");
    assert_eq!(env.commits(), commits + 2);
    assert!(env.git(&["status", "--porcelain"]).is_empty());
    let list = env.run(&["list", "fu"]);
    assert!(
        list.contains("FU-2026-0001") && list.contains("办公室"),
        "{list}"
    );
    let show = env.run(&["--lang", "zh", "show", "FU-2026-0001"]);
    assert!(show.contains("牵头") || show.contains("主办单位"), "{show}");
    env.run(&["check"]);
}
