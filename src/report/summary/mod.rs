//! `summary` (docs/summaries.md): the figures, computed once (`compute`)
//! and rendered for people or scripts (`render`).

mod compute;
pub mod meetings;
mod render;

pub use compute::*;
pub use render::*;

#[cfg(test)]
mod tests;
