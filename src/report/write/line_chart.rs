//! Line charts of figures across periods for the HTML report, as inline SVG: one panel per
//! figure (the index, a stage, a dimension), laid out in a grid within one chart, each with its
//! threshold and target drawn as horizontal lines and every value written beside its point.
//! Every label goes through [`escape`]; coordinates are written without floating-point noise.

use std::fmt::Write as _;

use super::html::escape;
use crate::report::round;
use crate::report::view::{LineChart, Panel};

/// The width of every line chart's view box: as narrow as the other charts, so that text of 12
/// units stays 9 px high or more once the chart is scaled down to a 400 px phone.
const WIDTH: f64 = 480.0;
/// The height of one panel.
const PANEL_HEIGHT: f64 = 200.0;
/// The room around a panel's plot: left (for the scale), right, top (for the title), bottom (for
/// the periods).
const LEFT: f64 = 30.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 30.0;
/// The size of every text but the panels' titles.
const TEXT: u32 = 12;

const LINE: &str = "#4575b4";
const THRESHOLD: &str = "#7a808a";
const TARGET: &str = "#b7791f";

/// A coordinate without floating-point noise.
fn num(x: f64) -> String {
    format!("{}", round(x, 1) + 0.0)
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// How many panels go side by side.
fn columns(panels: usize) -> usize {
    match panels {
        0 | 1 => 1,
        _ => 2,
    }
}

/// The chart as one SVG: its panels in rows.
pub(super) fn lines_svg(chart: &LineChart) -> String {
    let cols = columns(chart.panels.len());
    let rows = chart.panels.len().div_ceil(cols).max(1);
    #[allow(clippy::cast_precision_loss)]
    let (pw, height) = (WIDTH / cols as f64, PANEL_HEIGHT * rows as f64);
    let mut s = format!(
        "<svg viewBox=\"0 0 {} {}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{label}\">\n<title>{label}</title>\n",
        num(WIDTH),
        num(height),
        label = escape(&chart.label)
    );
    for (k, panel) in chart.panels.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let (x0, y0) = ((k % cols) as f64 * pw, (k / cols) as f64 * PANEL_HEIGHT);
        panel_svg(&mut s, panel, &chart.periods, (x0, y0, pw));
    }
    s.push_str("</svg>\n");
    s
}

/// One panel at (`x0`, `y0`), `width` wide.
fn panel_svg(s: &mut String, p: &Panel, periods: &[String], (x0, y0, width): (f64, f64, f64)) {
    let (left, right) = (x0 + LEFT, x0 + width - RIGHT);
    let (top, bottom) = (y0 + TOP, y0 + PANEL_HEIGHT - BOTTOM);
    let top_value = if p.top > 0.0 { p.top } else { 100.0 };
    let y = |v: f64| bottom - (v.clamp(0.0, top_value) / top_value) * (bottom - top);
    let n = periods.len().max(1);
    // Each period in the middle of its own slot, so that its label never runs into the next.
    #[allow(clippy::cast_precision_loss)]
    let slot = (right - left) / n as f64;
    #[allow(clippy::cast_precision_loss)]
    let x = |i: usize| left + slot * (i as f64 + 0.5);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let title_chars = (width / 8.5) as usize;
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"700\" fill=\"#1d2330\">{}</text>",
        num(x0 + 8.0),
        num(y0 + 18.0),
        escape(&cut(&p.title, title_chars))
    );
    // The frame of the scale: its bottom, middle and top, labelled.
    for (v, label) in [
        (0.0, "0".to_owned()),
        (top_value, format!("{}", round(top_value, 2))),
    ] {
        let _ = writeln!(
            s,
            "<line x1=\"{l}\" y1=\"{yy}\" x2=\"{r}\" y2=\"{yy}\" stroke=\"#d5d9e0\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"{TEXT}\" fill=\"#5b6475\" text-anchor=\"end\">{}</text>",
            num(left - 4.0),
            num(y(v) + 3.0),
            escape(&label),
            l = num(left),
            r = num(right),
            yy = num(y(v)),
        );
    }
    for mark in &p.marks {
        // A threshold is named at the right end of its line, a target at the left, so that a
        // target set at a threshold keeps both names readable.
        let (colour, dash, at, anchor) = if mark.target {
            (TARGET, "6 3 2 3", left + 2.0, "start")
        } else {
            (THRESHOLD, "5 4", right, "end")
        };
        let _ = writeln!(
            s,
            "<line x1=\"{l}\" y1=\"{yy}\" x2=\"{r}\" y2=\"{yy}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"{TEXT}\" fill=\"{colour}\" text-anchor=\"{anchor}\">{}</text>",
            num(at),
            num(y(mark.value) - 3.0),
            escape(&mark.name),
            l = num(left),
            r = num(right),
            yy = num(y(mark.value)),
        );
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let period_chars = (slot / 6.8).max(3.0) as usize;
    for (i, period) in periods.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{TEXT}\" fill=\"#5b6475\" text-anchor=\"middle\">{}</text>",
            num(x(i)),
            num(bottom + 16.0),
            escape(&cut(period, period_chars))
        );
    }
    // The line breaks where a period has no value.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, s: &mut String| {
        if run.len() > 1 {
            let _ = writeln!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2.5\"/>",
                run.join(" ")
            );
        }
        run.clear();
    };
    for (i, v) in p.values.iter().enumerate() {
        match v {
            Some(v) => run.push(format!("{},{}", num(x(i)), num(y(*v)))),
            None => flush(&mut run, s),
        }
    }
    flush(&mut run, s);
    for (i, (v, figure)) in p.values.iter().zip(&p.figures).enumerate() {
        let Some(v) = v else { continue };
        let _ = writeln!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{LINE}\"/>",
            num(x(i)),
            num(y(*v))
        );
        if let Some(f) = figure {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"{TEXT}\" fill=\"#1d2330\" text-anchor=\"middle\">{}</text>",
                num(x(i)),
                num(y(*v) - 8.0),
                escape(f)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::view::Mark;

    fn chart(panels: usize) -> LineChart {
        LineChart {
            label: "Index <over> time".to_owned(),
            caption: String::new(),
            periods: vec!["q1".to_owned(), "q2".to_owned(), "q3".to_owned()],
            panels: (0..panels)
                .map(|k| Panel {
                    title: format!("Stage {k}"),
                    values: vec![Some(40.0), None, Some(70.0)],
                    figures: vec![Some("40.0".to_owned()), None, Some("70.0".to_owned())],
                    top: 100.0,
                    marks: vec![Mark {
                        name: "threshold 62.5".to_owned(),
                        value: 62.5,
                        target: false,
                    }],
                })
                .collect(),
        }
    }

    #[test]
    fn a_missing_period_breaks_the_line_and_labels_are_escaped() {
        let svg = lines_svg(&chart(1));
        assert!(svg.contains("aria-label=\"Index &lt;over&gt; time\""));
        // Two points apart: no line joins them across the missing period.
        assert!(!svg.contains("<polyline"), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">threshold 62.5</text>"));
    }

    #[test]
    fn panels_are_laid_out_in_rows() {
        assert!(lines_svg(&chart(4)).starts_with("<svg viewBox=\"0 0 480 400\""));
        assert!(lines_svg(&chart(6)).starts_with("<svg viewBox=\"0 0 480 600\""));
        assert!(lines_svg(&chart(1)).starts_with("<svg viewBox=\"0 0 480 200\""));
    }
}
