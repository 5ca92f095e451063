//! `completions SHELL` and `man`: made from the command line's own
//! definition, so they name every command, `edit` and `undo` included.

use crate::env::Env;

#[test]
fn completions_for_every_shell_name_the_commands() {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.run(&["completions", shell]);
        for word in ["taizhang", "undo", "edit", "remind", "register"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    // The bash script is valid bash.
    let script = env.tmp.path().join("taizhang.bash");
    std::fs::write(&script, env.run(&["completions", "bash"])).unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(checked.success());
    let out = env.output(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_prints_the_main_page_or_writes_one_per_command() {
    let env = Env::bare();
    std::fs::create_dir_all(&env.root).unwrap();
    let page = env.run(&["man"]);
    assert!(page.starts_with(".ie"), "{}", &page[..page.len().min(200)]);
    assert!(
        page.contains(".TH taizhang 1"),
        "{}",
        &page[..page.len().min(400)]
    );
    assert!(page.contains("taizhang\\-undo"), "no undo in the page");
    let dir = env.tmp.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    let out = env.output(&["man", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success());
    for name in [
        "taizhang.1",
        "taizhang-edit.1",
        "taizhang-undo.1",
        "taizhang-log-in.1",
        "taizhang-meeting-decide.1",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(text.contains(".TH"), "{name} missing or empty");
    }
    let edit = std::fs::read_to_string(dir.join("taizhang-edit.1")).unwrap();
    assert!(edit.contains("FIELD=VALUE"), "{edit}");
    let missing = env.output(&["man", "--out", "/no/such/folder"]);
    assert_eq!(missing.status.code(), Some(1));
}
