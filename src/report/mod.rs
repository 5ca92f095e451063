//! What commands print: tables of records, and the renderers that turn
//! one computed table into a terminal table, Markdown, CSV or JSON.
//! Pure: no file system, no clock.

pub mod breakdown;
pub mod catalogue;
pub mod csv;
pub mod desk;
pub mod export;
pub mod ics;
pub mod list;
pub mod output;
pub mod redact;
pub mod remind;
pub mod render;
pub mod show;
pub mod slip;
pub mod summary;
pub mod xlsx;
