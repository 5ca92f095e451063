//! `taizhang` with no command: today's desk.

use crate::env::Env;
use crate::remind::office;
use crate::snapshots::whole;

/// In both languages and as JSON; FU-4 is due 12-07, two weeks away: not
/// on the desk.
#[test]
fn desk_shows_what_needs_doing_in_both_languages() {
    let env = office();
    env.run(&[
        "log",
        "in",
        "--title",
        "关于征求意见的函",
        "--from",
        "市司法局",
    ]);
    whole(&env, "desk__en", &["--lang", "en"]);
    whole(&env, "desk__zh", &["--lang", "zh"]);
    whole(&env, "desk__json", &["-o", "json"]);
}

#[test]
fn an_empty_desk_says_so() {
    let env = Env::new();
    whole(&env, "desk__empty_en", &["--lang", "en"]);
    whole(&env, "desk__empty_zh", &["--lang", "zh"]);
}
