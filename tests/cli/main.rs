//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod cache;
mod calendar;
mod desk;
mod env;
mod remind;
mod smoke;
mod summary;
