//! Charts drawn as inline SVG for the HTML report: the stage ladder, the radar of a dimension
//! profile, the distribution of a group's placements, and the colours of the heat map. Every
//! label goes through [`escape`]; coordinates are written without floating-point noise.

use std::f64::consts::PI;

use super::html::escape;
use crate::i18n::tr;
use crate::report::number::Numbers;
use crate::report::round;
use crate::report::view::Rung;

/// A coordinate in an SVG, with no floating-point noise ("62.5", "100"). Geometry for the
/// browser, never text for the reader: it keeps the point in every language (figures the reader
/// sees go through [`Numbers`]).
fn num(x: f64) -> String {
    // Adding 0 turns -0 into 0.
    format!("{}", round(x, 1) + 0.0)
}

/// `x` clamped to the 0-100 scale of every score.
fn unit(x: f64) -> f64 {
    x.clamp(0.0, 100.0) / 100.0
}

/// The opening tag of a chart, sized by its view box so that it scales to the page, with its
/// name and, when it has one, a description of where its figures stand in words (`desc`, raw
/// text) for readers who cannot see it.
fn svg_open(width: f64, height: f64, label: &str, desc: &str) -> String {
    let mut s = format!(
        "<svg viewBox=\"0 0 {} {}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{label}\">\n<title>{label}</title>\n",
        num(width),
        num(height),
        label = escape(label)
    );
    if !desc.is_empty() {
        s.push_str(&format!("<desc>{}</desc>\n", escape(desc)));
    }
    s
}

/// Text columns a label takes, counting wide (CJK) characters twice.
fn columns(c: char) -> usize {
    if u32::from(c) >= 0x2e80 { 2 } else { 1 }
}

/// `text` shortened to `max` columns, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().map(columns).sum::<usize>() <= max {
        return text.to_owned();
    }
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += columns(c);
        if used >= max {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` wrapped at spaces into lines of at most `width` columns, at most `lines` of them
/// (the last shortened with an ellipsis when the text is longer).
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let words: Vec<&str> = text.split_whitespace().collect();
    for (k, word) in words.iter().enumerate() {
        let w: usize = word.chars().map(columns).sum();
        if !line.is_empty() && used + 1 + w > width {
            out.push(std::mem::take(&mut line));
            used = 0;
            if out.len() + 1 == lines {
                let rest = words[k..].join(" ");
                out.push(shorten(&rest, width));
                return out;
            }
        }
        if !line.is_empty() {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.into_iter().map(|l| shorten(&l, width)).collect()
}

/// The background colour of a heat-map cell for a score of 0 to 100 (ColorBrewer RdYlBu, which
/// colour-blind readers can tell apart), and a text colour that stays readable on it.
fn heat(score: f64) -> (String, &'static str) {
    const STOPS: [(f64, [f64; 3]); 5] = [
        (0.0, [215.0, 48.0, 39.0]),
        (25.0, [252.0, 141.0, 89.0]),
        (50.0, [255.0, 255.0, 191.0]),
        (75.0, [145.0, 191.0, 219.0]),
        (100.0, [69.0, 117.0, 180.0]),
    ];
    let s = score.clamp(0.0, 100.0);
    let mut rgb = STOPS[4].1;
    for pair in STOPS.windows(2) {
        let ((a, ca), (b, cb)) = (pair[0], pair[1]);
        if s <= b {
            let t = (s - a) / (b - a);
            rgb = [0, 1, 2].map(|k| ca[k] + (cb[k] - ca[k]) * t);
            break;
        }
    }
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let [r, g, b] = rgb.map(|c| c.round().clamp(0.0, 255.0) as u8);
    // White or black, whichever stands out more: at least 4.5:1 on every colour of the scale,
    // which the small figures written under a score need (the report's own ink, a dark blue,
    // falls short of 4.5:1 on the orange around 10).
    let ink = if luminance < 0.179 {
        "#ffffff"
    } else {
        "#000000"
    };
    (format!("#{r:02x}{g:02x}{b:02x}"), ink)
}

/// The width of every chart in SVG units. Charts are drawn narrow, with each label on its own
/// line above its bar, so that a chart scaled down to a phone's width (about 370 px) keeps its
/// smallest text ([`SMALL`] units) at 9 px or more; the style sheet caps how wide a chart is
/// shown, so that on a wide screen or on paper its text stays at a reading size.
const CHART_WIDTH: f64 = 480.0;
/// The left edge of bars and labels, after the marker of the placement.
const LEFT: f64 = 24.0;
/// The right edge of bars and of the figures right-aligned above them.
const RIGHT: f64 = CHART_WIDTH - 8.0;
const BAR_W: f64 = RIGHT - LEFT;
/// Font sizes, in SVG units: labels, figures, and the smallest text (scale ticks, legends).
const LABEL: f64 = 16.0;
const FIGURE: f64 = 15.0;
const SMALL: f64 = 13.0;

/// The scale from 0 to 100 along the bars, above `top`, with dashed lines down to `bottom`.
fn scale(n: &Numbers, top: f64, bottom: f64) -> String {
    let mut s = String::new();
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        // The end labels are aligned inside the chart, so that none is cut off by its edge.
        let anchor = if v <= 0.0 {
            "start"
        } else if v >= 100.0 {
            "end"
        } else {
            "middle"
        };
        s.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#d5d9e0\" stroke-dasharray=\"3 3\"/>\n<text x=\"{x}\" y=\"{}\" font-size=\"{}\" fill=\"#5b6475\" text-anchor=\"{anchor}\">{}</text>\n",
            num(top),
            num(bottom),
            num(top - 4.0),
            num(SMALL),
            escape(&n.plain(v)),
            x = num(LEFT + BAR_W * unit(v)),
        ));
    }
    s
}

/// A row's label on the left of its line (`max` columns at most, the whole of it in a tooltip).
fn row_label(y: f64, label: &str, max: usize, strong: bool) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}><title>{}</title>{}</text>\n",
        num(LEFT),
        num(y),
        num(LABEL),
        if strong { " font-weight=\"700\"" } else { "" },
        escape(label),
        escape(&shorten(label, max))
    )
}

/// A bar from the left edge: its track, and its value filled in `fill`.
fn bar(top: f64, height: f64, share: Option<f64>, fill: &str) -> String {
    let mut b = format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eef0f3\"/>\n",
        num(LEFT),
        num(top),
        num(BAR_W),
        num(height)
    );
    if let Some(v) = share {
        b.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
            num(LEFT),
            num(top),
            num(BAR_W * v.clamp(0.0, 1.0)),
            num(height)
        ));
    }
    b
}

/// The stage ladder: one bar per stage (two in a comparison), highest stage on top, with the
/// threshold marked and the placement highlighted. `rungs` come highest first. Each stage's name
/// stands on its own line, its figures right-aligned on the same line, its bar below.
pub(super) fn ladder_svg(
    rungs: &[Rung],
    lang: &str,
    pair: [&str; 2],
    label: &str,
    desc: &str,
) -> String {
    let n = Numbers::html(lang);
    let paired = rungs.iter().any(|r| r.before.is_some());
    let row = if paired { 52.0 } else { 44.0 };
    let top = if paired { 52.0 } else { 24.0 };
    #[allow(clippy::cast_precision_loss)]
    let height = top + row * rungs.len() as f64 + 4.0;
    let mut s = svg_open(CHART_WIDTH, height, label, desc);
    if paired {
        s.push_str(&legend(8.0, 6.0, pair, true));
    }
    #[allow(clippy::cast_precision_loss)]
    for (k, r) in rungs.iter().enumerate() {
        let y = top + row * k as f64;
        if r.here {
            s.push_str(&format!(
                "<rect x=\"2\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"#fff3cd\" stroke=\"#f0b429\" stroke-width=\"1.5\"/>\n",
                num(y + 1.0),
                num(CHART_WIDTH - 4.0),
                num(row - 2.0)
            ));
        } else if r.was_here {
            s.push_str(&format!(
                "<rect x=\"2\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"none\" stroke=\"#7a808a\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n",
                num(y + 1.0),
                num(CHART_WIDTH - 4.0),
                num(row - 2.0)
            ));
        }
    }
    s.push_str(&scale(&n, top, height - 4.0));
    #[allow(clippy::cast_precision_loss)]
    for (k, r) in rungs.iter().enumerate() {
        let y = top + row * k as f64;
        let line = y + 17.0;
        if r.here {
            s.push_str(&format!(
                "<polygon points=\"7,{} 16,{} 7,{}\" fill=\"#b7791f\"/>\n",
                num(line - 11.0),
                num(line - 5.5),
                num(line)
            ));
        }
        // The figures, right-aligned on the label's line: the threshold, then the score (before
        // and after in a comparison).
        let needs = r.threshold.map(|t| {
            format!(
                "<tspan font-size=\"{}\" fill=\"#5b6475\">{}</tspan>",
                num(SMALL),
                escape(&format!("{} {}", tr(lang, "Needs"), n.score(Some(t))))
            )
        });
        // Set apart from the threshold before it, if any.
        let gap = if needs.is_some() { " dx=\"10\"" } else { "" };
        let (figures, columns) = match r.before {
            Some(before) => (
                format!(
                    "<tspan{gap} fill=\"#5b6475\">{} → </tspan><tspan font-weight=\"700\">{}</tspan>",
                    escape(&n.score(before)),
                    escape(&format!(
                        "{} ({})",
                        n.score(r.score),
                        n.score_difference(r.score, before)
                    ))
                ),
                30,
            ),
            None => (
                format!(
                    "<tspan{gap} font-weight=\"700\">{}</tspan>",
                    escape(&n.score(r.score))
                ),
                if needs.is_some() { 30 } else { 40 },
            ),
        };
        s.push_str(&row_label(line, &r.label, columns, r.here));
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\">{}{figures}</text>\n",
            num(RIGHT),
            num(line),
            num(FIGURE),
            needs.unwrap_or_default(),
        ));
        let fill = if r.reached { "#4575b4" } else { "#e08a5a" };
        let share = |v: Option<f64>| v.map(unit);
        match r.before {
            Some(before) => {
                s.push_str(&bar(y + 24.0, 10.0, share(before), "#a9b0bb"));
                s.push_str(&bar(y + 36.0, 12.0, share(r.score), "#4575b4"));
            }
            None => s.push_str(&bar(y + 24.0, 15.0, share(r.score), fill)),
        }
        if let Some(t) = r.threshold {
            s.push_str(&format!(
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#1d2330\" stroke-width=\"2.5\"/>\n",
                num(y + 21.0),
                num(y + row - 3.0),
                x = num(LEFT + BAR_W * unit(t)),
            ));
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The before/after legend of a paired chart at (`x`, `y`): bars, or polygon outlines.
fn legend(x: f64, y: f64, pair: [&str; 2], bars: bool) -> String {
    let swatch = |x: f64, before: bool| {
        let colour = if before { "#a9b0bb" } else { "#4575b4" };
        if bars {
            format!(
                "<rect x=\"{}\" y=\"{}\" width=\"24\" height=\"12\" fill=\"{colour}\"/>\n",
                num(x),
                num(y)
            )
        } else {
            format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n",
                num(x),
                num(y + 6.0),
                num(x + 24.0),
                num(y + 6.0),
                if before { "#7a808a" } else { colour },
                if before {
                    " stroke-dasharray=\"6 4\""
                } else {
                    ""
                }
            )
        }
    };
    #[allow(clippy::cast_precision_loss)]
    let after_x = x + 40.0 + 8.0 * pair[0].chars().map(columns).sum::<usize>() as f64;
    format!(
        "{}<text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>\n{}<text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>\n",
        swatch(x, true),
        num(x + 30.0),
        num(y + 11.0),
        escape(pair[0]),
        swatch(after_x, false),
        num(after_x + 30.0),
        num(y + 11.0),
        escape(pair[1]),
    )
}

/// The radar chart of a dimension profile: one axis per dimension, 0 at the centre and 100 at
/// the rim; with `before`, a dashed polygon for it under the current one.
pub(super) fn radar_svg(
    n: &Numbers,
    names: &[String],
    scores: &[Option<f64>],
    before: Option<&[Option<f64>]>,
    pair: [&str; 2],
    label: &str,
    desc: &str,
) -> String {
    // Room above and below the rim for a name of three lines and its score; a paired chart
    // has its legend above that.
    let legend_room = if before.is_some() { 26.0 } else { 0.0 };
    let radius = 112.0;
    let (cx, cy) = (CHART_WIDTH / 2.0, legend_room + radius + 84.0);
    let height = cy + radius + 84.0;
    #[allow(clippy::cast_precision_loss)]
    let axes = names.len().max(1) as f64;
    #[allow(clippy::cast_precision_loss)]
    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / axes;
    let at = |i: usize, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    let polygon = |values: &dyn Fn(usize) -> f64| {
        (0..names.len())
            .map(|i| {
                let (x, y) = at(i, radius * values(i));
                format!("{},{}", num(x), num(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut s = svg_open(CHART_WIDTH, height, label, desc);
    if before.is_some() {
        s.push_str(&legend(8.0, 10.0, pair, false));
    }
    for ring in [25.0, 50.0, 75.0, 100.0] {
        s.push_str(&format!(
            "<polygon points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>\n",
            polygon(&|_| ring / 100.0),
            if ring >= 100.0 { "#9aa1ad" } else { "#d5d9e0" }
        ));
    }
    for i in 0..names.len() {
        let (x, y) = at(i, radius);
        s.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d5d9e0\"/>\n",
            num(cx),
            num(cy),
            num(x),
            num(y)
        ));
    }
    for ring in [25.0, 50.0, 75.0, 100.0] {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#5b6475\">{}</text>\n",
            num(cx + 4.0),
            num(cy - radius * ring / 100.0 + 12.0),
            num(SMALL),
            escape(&n.plain(ring))
        ));
    }
    let value = |v: &[Option<f64>], i: usize| v.get(i).copied().flatten().map_or(0.0, unit);
    if let Some(b) = before {
        s.push_str(&format!(
            "<polygon points=\"{}\" fill=\"#7a808a\" fill-opacity=\"0.12\" stroke=\"#7a808a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
            polygon(&|i| value(b, i))
        ));
    }
    s.push_str(&format!(
        "<polygon points=\"{}\" fill=\"#4575b4\" fill-opacity=\"0.22\" stroke=\"#4575b4\" stroke-width=\"2.5\"/>\n",
        polygon(&|i| value(scores, i))
    ));
    for i in 0..names.len() {
        let (x, y) = at(i, radius * value(scores, i));
        s.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#4575b4\"/>\n",
            num(x),
            num(y)
        ));
    }
    for (i, name) in names.iter().enumerate() {
        let (x, y) = at(i, radius + 14.0);
        let (cos, sin) = (angle(i).cos(), angle(i).sin());
        let anchor = if cos > 0.25 {
            "start"
        } else if cos < -0.25 {
            "end"
        } else {
            "middle"
        };
        // Names beside the rim have the room between the rim and the chart's edge: 14 columns.
        let mut lines = wrap(name, if anchor == "middle" { 30 } else { 14 }, 3);
        let score = scores.get(i).copied().flatten();
        let figure = match before {
            Some(b) => {
                let was = b.get(i).copied().flatten();
                format!("{} → {}", n.score(was), n.score(score))
            }
            None => n.score(score),
        };
        lines.push(figure);
        #[allow(clippy::cast_precision_loss)]
        let count = lines.len() as f64;
        let leading = 15.0;
        let first = if sin < -0.5 {
            y - 4.0 - (count - 1.0) * leading
        } else if sin > 0.5 {
            y + 12.0
        } else {
            y + 4.0 - (count - 1.0) * leading / 2.0
        };
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"{anchor}\"><title>{}</title>",
            num(x),
            num(first),
            escape(name)
        ));
        let last = lines.len() - 1;
        for (k, line) in lines.iter().enumerate() {
            s.push_str(&format!(
                "<tspan x=\"{}\" dy=\"{}\"{}>{}</tspan>",
                num(x),
                if k == 0 { "0".to_owned() } else { num(leading) },
                if k == last {
                    " font-weight=\"700\""
                } else {
                    ""
                },
                escape(line)
            ));
        }
        s.push_str("</text>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// The distribution of individual placements in a group: one bar per level, highest on top,
/// each level's name on its own line with its count right-aligned on the same line.
pub(super) fn distribution_svg(rows: &[(String, usize, bool)], label: &str, desc: &str) -> String {
    let row = 44.0;
    let top = 4.0;
    #[allow(clippy::cast_precision_loss)]
    let height = top + row * rows.len() as f64 + 4.0;
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let mut s = svg_open(CHART_WIDTH, height, label, desc);
    #[allow(clippy::cast_precision_loss)]
    for (k, (name, count, here)) in rows.iter().enumerate() {
        let y = top + row * k as f64;
        let line = y + 17.0;
        s.push_str(&row_label(line, name, 40, *here));
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" text-anchor=\"end\">{count}</text>\n",
            num(RIGHT),
            num(line),
            num(FIGURE),
        ));
        s.push_str(&bar(
            y + 23.0,
            14.0,
            Some(*count as f64 / most as f64),
            "#4575b4",
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// A heat-map cell: the score written in it, the colour behind it, and a tooltip (raw text).
pub(super) fn heat_cell(
    n: &Numbers,
    score: Option<f64>,
    extra: Option<&str>,
    tooltip: &str,
) -> String {
    let small = extra.map_or_else(String::new, |e| format!("<small>{}</small>", escape(e)));
    match score {
        Some(v) => {
            let (bg, ink) = heat(v);
            format!(
                "<td style=\"background:{bg};color:{ink}\" title=\"{}\">{}{small}</td>",
                escape(tooltip),
                escape(&n.score(Some(v)))
            )
        }
        None => format!(
            "<td class=\"none\" title=\"{}\">{}{small}</td>",
            escape(tooltip),
            n.missing()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_colours_run_from_red_to_blue_with_readable_text() {
        assert_eq!(heat(0.0), ("#d73027".to_owned(), "#ffffff"));
        assert_eq!(heat(50.0), ("#ffffbf".to_owned(), "#000000"));
        assert_eq!(heat(100.0), ("#4575b4".to_owned(), "#ffffff"));
        assert_eq!(heat(140.0), heat(100.0));
    }

    #[test]
    fn every_heat_colour_keeps_its_figure_readable() {
        let luminance = |hex: &str| {
            let channel = |k: usize| {
                let c = f64::from(u8::from_str_radix(&hex[1 + 2 * k..3 + 2 * k], 16).expect("hex"))
                    / 255.0;
                if c <= 0.040_45 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
        };
        // WCAG's 4.5:1 for small text, such as the change written under a score.
        for tenth in 0..=1000 {
            let (background, ink) = heat(f64::from(tenth) / 10.0);
            let (a, b) = (luminance(&background), luminance(ink));
            let contrast = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(contrast >= 4.5, "{background} and {ink}: {contrast:.2}");
        }
    }

    #[test]
    fn labels_wrap_and_shorten_by_columns() {
        assert_eq!(shorten("Customer-focused", 30), "Customer-focused");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
        assert_eq!(shorten("客户聚焦客户聚焦", 6), "客户…");
        assert_eq!(
            wrap("Relationship & emotional connection", 24, 3),
            ["Relationship & emotional", "connection"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c…"]);
    }

    /// The view box's width and every font size of an SVG chart.
    fn widths_and_fonts(svg: &str) -> (f64, Vec<f64>) {
        let number = |s: &str| -> f64 {
            s.split('"')
                .next()
                .and_then(|v| v.parse().ok())
                .expect("a number")
        };
        let view = svg.split("viewBox=\"0 0 ").nth(1).expect("a view box");
        let fonts = svg.split("font-size=\"").skip(1).map(number).collect();
        (number(&view.replace(' ', "\"")), fonts)
    }

    #[test]
    fn chart_text_stays_readable_on_a_phone() {
        let n = Numbers::html("en");
        let rung = |k: usize, before: Option<Option<f64>>| Rung {
            label: format!("{k} Customer-inspired"),
            score: Some(62.5),
            before,
            threshold: before.is_none().then_some(62.5),
            reached: true,
            here: k == 2,
            was_here: false,
        };
        let names: Vec<String> = [
            "Customer knowledge & data",
            "Listening & feedback",
            "Relationship & emotional connection",
        ]
        .map(String::from)
        .to_vec();
        let scores = [Some(50.0), Some(75.0), None];
        let charts = [
            ladder_svg(
                &[rung(2, None), rung(1, None)],
                "en",
                ["", ""],
                "Ladder",
                "",
            ),
            ladder_svg(
                &[rung(2, Some(Some(40.0))), rung(1, Some(None))],
                "en",
                ["Before", "After"],
                "Ladder",
                "",
            ),
            radar_svg(&n, &names, &scores, None, ["", ""], "Profile", ""),
            radar_svg(
                &n,
                &names,
                &scores,
                Some(&scores),
                ["Before", "After"],
                "Profile",
                "",
            ),
            distribution_svg(&[("1 First".into(), 3, true)], "Placements", ""),
        ];
        // Shown 370 px wide (a 400 px screen less the page's margins), the smallest text of every
        // chart is still 9 px high.
        for svg in &charts {
            let (width, fonts) = widths_and_fonts(svg);
            assert!(!fonts.is_empty(), "{svg}");
            let smallest = fonts.iter().copied().fold(f64::INFINITY, f64::min);
            assert!(
                smallest * 370.0 / width >= 9.0,
                "{smallest} in {width}: {svg}"
            );
        }
    }
}
