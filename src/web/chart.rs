//! The bar chart of follow-ups per lead unit, inline SVG.
//!
//! The drawing is 640 units wide: printed across an A4 page (about 186 mm)
//! a unit is about 0.8 pt, so the smallest text (12 units, the bars'
//! figures) prints at about 10 pt and the labels (13) at about 11 pt. On
//! screen the chart is kept to 760 px, where the same text is 14-16 px.

use maud::{Markup, html};

use super::layout::clean;
use crate::i18n::{Label, Lang};
use crate::report::summary::Summary;

const WIDTH: f64 = 640.0;
const LABEL_W: f64 = 150.0;
const BAR: f64 = 14.0;
const GROUP: f64 = 3.0 * BAR + 14.0;
const TOP: f64 = 34.0;
/// Text of the legend and the units' names.
const LABEL_SIZE: u32 = 13;
/// The figure beside each bar.
const VALUE_SIZE: u32 = 12;

/// A horizontal grouped bar chart: per lead unit, assigned, closed on
/// time and overdue, each bar with its figure, under a legend.
pub fn by_unit(s: &Summary, lang: Lang) -> Markup {
    let max = (s.by_unit.iter())
        .map(|u| u.assigned.max(u.closed_on_time).max(u.overdue))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (WIDTH - LABEL_W - 40.0) / max;
    let height = TOP + GROUP * s.by_unit.len() as f64 + 4.0;
    let series = [
        (lang.label(Label::Assigned), "#1e5fa8"),
        (lang.label(Label::ClosedOnTime), "#2e7d32"),
        (lang.label(Label::Overdue), "#c62828"),
    ];
    let title = lang.label(Label::ByUnit);
    html! {
        svg.chart role="img" aria-label=(title) viewBox={"0 0 " (WIDTH) " " (height)} width="100%"
            style="max-width: 760px" {
            title { (title) }
            @for (i, (name, colour)) in series.iter().enumerate() {
                @let x = 10.0 + i as f64 * 200.0;
                rect x=(x) y="8" width="14" height="14" fill=(colour) {}
                text x=(x + 20.0) y="20" font-size=(LABEL_SIZE) { (name) }
            }
            @for (i, unit) in s.by_unit.iter().enumerate() {
                @let y = TOP + i as f64 * GROUP;
                text x=(LABEL_W - 8.0) y=(y + 1.5 * BAR + 5.0) font-size=(LABEL_SIZE) text-anchor="end" {
                    (clean(&unit.unit))
                }
                @for (j, value) in [unit.assigned, unit.closed_on_time, unit.overdue].into_iter().enumerate() {
                    @let by = y + j as f64 * BAR;
                    @let w = value as f64 * scale;
                    rect x=(LABEL_W) y=(by) width=(format!("{w:.1}")) height=(BAR - 2.0) fill=(series[j].1) {}
                    text x=(format!("{:.1}", LABEL_W + w + 4.0)) y=(by + BAR - 3.0) font-size=(VALUE_SIZE) { (value) }
                }
            }
        }
    }
}
