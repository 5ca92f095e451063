//! `check` holds every two-way link to agree from both ends: a paper and
//! its follow-ups, a meeting decision and its follow-up (errors, exit 1).

use std::path::Path;

use crate::env::Env;
use crate::snapshots::{copy_dir, whole};

/// The example register, committed, with `edit` applied to three files
/// as a sync that kept one side of a list would leave them.
fn example_with_broken_links() -> Env {
    let env = Env::example();
    let edit = |path: &str, from: &str, to: &str| {
        let text = env.read(path);
        assert!(text.contains(from), "{path}: {from}");
        env.write(path, &text.replacen(from, to, 1));
    };
    // IN-6 lost FU-12 from its list; IN-7 lists FU-12, which names IN-6.
    edit(
        "documents/2026/IN-2026-0006.yaml",
        "followups:\n- FU-2026-0012\n",
        "",
    );
    edit(
        "documents/2026/IN-2026-0007.yaml",
        "- FU-2026-0013\n",
        "- FU-2026-0013\n- FU-2026-0012\n",
    );
    // Decision 2 of MT-1 names FU-7, whose source is decision 1; FU-8
    // (decision 2's) is then named by no decision.
    edit(
        "meetings/2026/MT-2026-0001.yaml",
        "followup: FU-2026-0008",
        "followup: FU-2026-0007",
    );
    env.git(&["commit", "-qam", "links broken by hand"]);
    env
}

#[test]
fn check_reports_each_end_of_a_link_that_does_not_agree_in_both_languages() {
    let env = example_with_broken_links();
    let out = env.output(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(1));
    whole(
        &env,
        "check_links__both_ends_en",
        &["--lang", "en", "check"],
    );
    whole(
        &env,
        "check_links__both_ends_zh",
        &["--lang", "zh", "check"],
    );
}

#[test]
fn the_example_register_s_links_all_agree() {
    let env = Env::bare();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/office");
    copy_dir(&example, &env.root);
    env.run(&["check"]);
}
