//! End-to-end tests: the built binary against temporary registers with
//! real git, in a pinned environment.
