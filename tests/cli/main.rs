//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod cache;
mod calendar;
mod check;
mod concurrency;
mod desk;
mod doc;
mod env;
mod errors;
mod followup;
mod git;
mod hostile;
mod i18n;
mod import;
mod init;
mod lang;
mod list_show;
mod log;
mod meeting;
mod remind;
mod smoke;
mod summary;
mod yaml_compat;
