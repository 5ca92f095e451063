//! The register's records and rules: kinds, IDs, statuses and their
//! transitions, dates. Pure: no file system, no clock.

pub mod archive;
pub mod asof;
pub mod breakdown;
pub mod calendar;
pub mod classified;
pub mod common;
pub mod config;
pub mod date;
pub mod docnum;
pub mod edit;
pub mod facts;
pub mod followup;
pub mod id;
pub mod import;
pub mod incoming;
pub mod keyword;
pub mod kind;
pub mod link;
pub mod logbook;
pub mod meeting;
pub mod merge;
pub mod outgoing;
pub mod period;
pub mod record;
pub mod renumber;
pub mod repeat;
pub mod rule;
pub mod secret;
pub mod settings;
pub mod status_words;
pub mod title;
pub mod transition;
pub mod validate;
