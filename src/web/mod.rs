//! HTML for people: the printable brief (`export html`), the printed
//! office forms (`show ID --format html`) and the pages of `serve`, all
//! from one set of maud templates.
//!
//! maud checks the templates at compile time and escapes every value put
//! into them, so a record's hostile title (`<script>`, `</style>`) is
//! always text, never markup. Pages are self-contained: the CSS is
//! inline, nothing is fetched, the fonts are the reader's own.

pub mod brief;
pub mod chart;
pub mod forms;
pub mod layout;
pub mod pages;
pub mod server;
