//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod cache;
mod calendar;
mod check;
mod completions;
mod concurrency;
mod desk;
mod doc;
mod edit;
mod env;
mod errors;
mod export;
mod fidelity;
mod followup;
mod git;
mod hostile;
mod i18n;
mod identity;
mod import;
mod init;
mod journal;
mod lang;
mod list_show;
mod log;
mod meeting;
mod perms;
mod remind;
mod smoke;
mod snapshots;
mod summary;
mod sync;
mod undo;
mod yaml_compat;
