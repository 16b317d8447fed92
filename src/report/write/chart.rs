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

/// The opening tag of a chart, sized by its view box so that it scales to the page.
fn svg_open(width: f64, height: f64, label: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {} {}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{label}\">\n<title>{label}</title>\n",
        num(width),
        num(height),
        label = escape(label)
    )
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
    let ink = if luminance < 0.18 {
        "#ffffff"
    } else {
        "#1d2330"
    };
    (format!("#{r:02x}{g:02x}{b:02x}"), ink)
}

const CHART_WIDTH: f64 = 720.0;
const BAR_X: f64 = 250.0;
const BAR_W: f64 = 340.0;

/// The stage ladder: one bar per stage (two in a comparison), highest stage on top, with the
/// threshold marked and the placement highlighted. `rungs` come highest first.
pub(super) fn ladder_svg(rungs: &[Rung], lang: &str, pair: [&str; 2], label: &str) -> String {
    let n = Numbers::html(lang);
    let paired = rungs.iter().any(|r| r.before.is_some());
    let row = if paired { 50.0 } else { 44.0 };
    let top = if paired { 52.0 } else { 28.0 };
    #[allow(clippy::cast_precision_loss)]
    let height = top + row * rungs.len() as f64 + 8.0;
    let x = |v: f64| BAR_X + BAR_W * unit(v);
    let mut s = svg_open(CHART_WIDTH, height, label);
    if paired {
        s.push_str(&legend(8.0, 10.0, pair, true));
    }
    #[allow(clippy::cast_precision_loss)]
    for (k, r) in rungs.iter().enumerate() {
        let y = top + row * k as f64;
        if r.here {
            s.push_str(&format!(
                "<rect x=\"2\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"#fff3cd\" stroke=\"#f0b429\" stroke-width=\"1.5\"/>\n",
                num(y + 2.0),
                num(CHART_WIDTH - 4.0),
                num(row - 4.0)
            ));
        } else if r.was_here {
            s.push_str(&format!(
                "<rect x=\"2\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"none\" stroke=\"#7a808a\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n",
                num(y + 2.0),
                num(CHART_WIDTH - 4.0),
                num(row - 4.0)
            ));
        }
    }
    let bottom = height - 8.0;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        s.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#d5d9e0\" stroke-dasharray=\"3 3\"/>\n<text x=\"{x}\" y=\"{}\" font-size=\"11\" fill=\"#5b6475\" text-anchor=\"middle\">{}</text>\n",
            num(top - 4.0),
            num(bottom),
            num(top - 9.0),
            escape(&n.plain(v)),
            x = num(x(v)),
        ));
    }
    #[allow(clippy::cast_precision_loss)]
    for (k, r) in rungs.iter().enumerate() {
        let y = top + row * k as f64;
        let mid = y + row / 2.0;
        if r.here {
            s.push_str(&format!(
                "<polygon points=\"9,{} 19,{} 9,{}\" fill=\"#b7791f\"/>\n",
                num(mid - 6.0),
                num(mid),
                num(mid + 6.0)
            ));
        }
        s.push_str(&format!(
            "<text x=\"26\" y=\"{}\" font-size=\"14\"{}><title>{}</title>{}</text>\n",
            num(mid + 5.0),
            if r.here { " font-weight=\"700\"" } else { "" },
            escape(&r.label),
            escape(&shorten(&r.label, 26))
        ));
        let bar = |top: f64, h: f64, score: Option<f64>, fill: &str| {
            let mut b = format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eef0f3\"/>\n",
                num(BAR_X),
                num(top),
                num(BAR_W),
                num(h)
            );
            if let Some(v) = score {
                b.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
                    num(BAR_X),
                    num(top),
                    num(BAR_W * unit(v)),
                    num(h)
                ));
            }
            b
        };
        let fill = if r.reached { "#4575b4" } else { "#e08a5a" };
        match r.before {
            Some(before) => {
                s.push_str(&bar(mid - 14.0, 12.0, before, "#a9b0bb"));
                s.push_str(&bar(mid + 2.0, 12.0, r.score, "#4575b4"));
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#5b6475\">{}</text>\n<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"700\">{}</text>\n",
                    num(BAR_X + BAR_W + 10.0),
                    num(mid - 4.0),
                    escape(&n.score(before)),
                    num(BAR_X + BAR_W + 10.0),
                    num(mid + 12.0),
                    escape(&format!(
                        "{} ({})",
                        n.score(r.score),
                        n.score_difference(r.score, before)
                    )),
                ));
            }
            None => {
                s.push_str(&bar(mid - 9.0, 18.0, r.score, fill));
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"700\">{}</text>\n",
                    num(BAR_X + BAR_W + 10.0),
                    num(mid + if r.threshold.is_some() { -1.0 } else { 5.0 }),
                    escape(&n.score(r.score))
                ));
            }
        }
        if let Some(t) = r.threshold {
            s.push_str(&format!(
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#1d2330\" stroke-width=\"2.5\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#5b6475\">{}</text>\n",
                num(y + 5.0),
                num(y + row - 5.0),
                num(BAR_X + BAR_W + 10.0),
                num(mid + 13.0),
                escape(&format!("{} {}", tr(lang, "Needs"), n.score(Some(t)))),
                x = num(x(t)),
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
) -> String {
    let (cx, cy, radius) = (360.0, 245.0, 165.0);
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
    let mut s = svg_open(CHART_WIDTH, 490.0, label);
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
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#5b6475\">{}</text>\n",
            num(cx + 4.0),
            num(cy - radius * ring / 100.0 + 11.0),
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
        let (x, y) = at(i, radius + 16.0);
        let (cos, sin) = (angle(i).cos(), angle(i).sin());
        let anchor = if cos > 0.25 {
            "start"
        } else if cos < -0.25 {
            "end"
        } else {
            "middle"
        };
        let mut lines = wrap(name, if anchor == "middle" { 36 } else { 24 }, 3);
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
        let first = if sin < -0.5 {
            y - 4.0 - (count - 1.0) * 14.0
        } else if sin > 0.5 {
            y + 12.0
        } else {
            y + 4.0 - (count - 1.0) * 7.0
        };
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"{anchor}\"><title>{}</title>",
            num(x),
            num(first),
            escape(name)
        ));
        let last = lines.len() - 1;
        for (k, line) in lines.iter().enumerate() {
            s.push_str(&format!(
                "<tspan x=\"{}\" dy=\"{}\"{}>{}</tspan>",
                num(x),
                if k == 0 { "0" } else { "14" },
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

/// The distribution of individual placements in a group: one bar per level, highest on top.
pub(super) fn distribution_svg(rows: &[(String, usize, bool)], label: &str) -> String {
    let row = 32.0;
    let top = 8.0;
    #[allow(clippy::cast_precision_loss)]
    let height = top + row * rows.len() as f64 + 8.0;
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let mut s = svg_open(CHART_WIDTH, height, label);
    #[allow(clippy::cast_precision_loss)]
    for (k, (name, count, here)) in rows.iter().enumerate() {
        let y = top + row * k as f64;
        let mid = y + row / 2.0;
        s.push_str(&format!(
            "<text x=\"26\" y=\"{}\" font-size=\"14\"{}><title>{}</title>{}</text>\n",
            num(mid + 5.0),
            if *here { " font-weight=\"700\"" } else { "" },
            escape(name),
            escape(&shorten(name, 26))
        ));
        let w = BAR_W * *count as f64 / most as f64;
        s.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#eef0f3\"/>\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#4575b4\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"700\">{}</text>\n",
            num(BAR_X),
            num(mid - 9.0),
            num(BAR_W),
            num(BAR_X),
            num(mid - 9.0),
            num(w),
            num(BAR_X + BAR_W + 10.0),
            num(mid + 5.0),
            count
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
        assert_eq!(heat(50.0), ("#ffffbf".to_owned(), "#1d2330"));
        assert_eq!(heat(100.0), ("#4575b4".to_owned(), "#ffffff"));
        assert_eq!(heat(140.0), heat(100.0));
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
}
