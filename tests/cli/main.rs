//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment. One test binary keeps link time low.

mod doc;
mod env;
mod meeting;
mod smoke;
