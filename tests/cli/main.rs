//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod calendar;
mod desk;
mod doc;
mod env;
mod meeting;
mod remind;
mod smoke;
mod summary;
