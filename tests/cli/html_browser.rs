//! A real browser over the pages taizhang writes: headless Chromium, when
//! installed (`outside::program`), prints a page to PDF, dumps the DOM it
//! built, or takes a screenshot. Nothing it loads reaches past the files
//! and the 127.0.0.1 server the test itself made.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Chromium, or `None` after a note that `check` was skipped.
pub fn chromium(check: &str) -> Option<PathBuf> {
    crate::outside::program("chromium", check)
}

/// Runs headless Chromium on `url` with `action` (`--dump-dom`,
/// `--print-to-pdf=…`, `--screenshot=…`) in a profile of its own, with
/// everything that would call out switched off; its stdout.
pub fn run(browser: &Path, action: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(action)
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The pages of `pdf`, counted as its page objects (`/Type /Page`, not
/// `/Type /Pages`, the tree above them).
pub fn pdf_pages(pdf: &Path) -> usize {
    let bytes = std::fs::read(pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/Type /Page")
        .filter(|(at, m)| !text[at + m.len()..].starts_with('s'))
        .count()
        + text
            .match_indices("/Type/Page")
            .filter(|(at, m)| !text[at + m.len()..].starts_with('s'))
            .count()
}

/// `file` printed to a PDF by Chromium: its number of pages.
pub fn printed_pages(browser: &Path, file: &Path) -> usize {
    let pdf = file.with_extension("pdf");
    run(
        browser,
        &[&format!("--print-to-pdf={}", pdf.display())],
        &format!("file://{}", file.display()),
    );
    pdf_pages(&pdf)
}
