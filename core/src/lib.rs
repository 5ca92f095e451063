//! taizhang-core: the register behind the `taizhang` command line.
//!
//! Two layers, each looking only down:
//! - `model`: records and their rules: kinds, IDs, statuses and their
//!   transitions, dates, periods, validation. Pure: no file system, no
//!   clock ("today" is passed in).
//! - `store`: the register on disk: finding it, reading records (in
//!   parallel, through the cache), changing it safely (locked, atomic, one
//!   git commit per command), sync between clerks.
//!
//! The core's error type lives with the store (`store::error`) and is
//! re-exported here as `taizhang_core::Error`.
//!
//! The core has no words: its errors and findings are typed values, and
//! the command line's catalogue words them in English or Chinese. It
//! knows nothing of flags, formats or terminals.

pub mod model;
pub mod store;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use store::error::{Error, Result};
