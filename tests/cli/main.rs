//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod check;
mod concurrency;
mod env;
mod errors;
mod followup;
mod git;
mod hostile;
mod i18n;
mod init;
mod list_show;
mod log;
mod smoke;
mod yaml_compat;
