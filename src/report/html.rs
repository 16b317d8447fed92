//! HTML reports: one self-contained document per result, group or comparison, for a consultant
//! to hand to a client. Inline CSS and inline SVG only: no script, no external font, image or
//! link, so the file opens offline, cannot run anything, and prints on A4 or Letter.
//!
//! Every text that comes from a questionnaire or an answer file goes through [`escape`], in
//! element content and in attribute values alike.

use std::f64::consts::PI;

use super::number::Numbers;
use super::view::Rung;
use super::{GroupView, Scored, round};
use crate::i18n::{fill, tr};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, StageStatus};
use crate::terminal_text::clean;

/// `text` safe in HTML element content and in quoted attribute values: `& < > " '` become
/// character references, and control characters (terminal escape sequences included) are
/// dropped.
pub(in crate::report) fn escape(text: &str) -> String {
    let text = clean(text, false);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

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

/// The style sheet of every HTML report, in its own file.
pub(in crate::report) const STYLE: &str = include_str!("report.css");

/// A complete document around `body`, for every HTML report; `title` and `lang` are raw text.
pub(in crate::report) fn document(lang: &str, title: &str, body: &str, date: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", escape(lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    // Defence in depth: even if something slipped through, nothing may run or load.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"centricity\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str(&format!(
        "<footer class=\"doc\">{}</footer>\n",
        escape(&fill(
            lang,
            "centricity {version} - {date} - self-contained report: no scripts, no external resources.",
            &[("version", env!("CARGO_PKG_VERSION")), ("date", date)]
        ))
    ));
    out.push_str("</body>\n</html>\n");
    out
}

/// The header: the title, who or what was assessed, and the date.
fn header(out: &mut String, lang: &str, title: &str, lines: &[String], date: &str) {
    out.push_str("<header>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    for line in lines {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(line)));
    }
    out.push_str(&format!(
        "<p class=\"meta\">{}</p>\n",
        escape(&fill(lang, "Report date: {date}", &[("date", date)]))
    ));
    out.push_str("</header>\n");
}

/// A figure around one chart, with a caption (raw text).
pub(in crate::report) fn figure(out: &mut String, svg: &str, caption: &str) {
    out.push_str("<figure>\n");
    out.push_str(svg);
    out.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        escape(caption)
    ));
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
pub(in crate::report) fn ladder_svg(
    rungs: &[Rung],
    lang: &str,
    pair: [&str; 2],
    label: &str,
) -> String {
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
pub(in crate::report) fn radar_svg(
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
pub(in crate::report) fn distribution_svg(rows: &[(String, usize, bool)], label: &str) -> String {
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

/// The score of the cell of stage `s` and dimension `d`: the weighted mean of the scores of
/// its items (one item in a grid questionnaire), with their indices.
fn cell(q: &Questionnaire, a: &Assessment, s: usize, d: usize) -> (Vec<usize>, Option<f64>) {
    let items: Vec<usize> = q
        .stage_questions(s)
        .filter(|&i| q.questions[i].dimension == Some(d))
        .collect();
    let (mut sum, mut weights) = (0.0, 0.0);
    for &i in &items {
        if let Some(v) = a.items[i].score {
            sum += v * q.questions[i].weight;
            weights += q.questions[i].weight;
        }
    }
    let score = (weights > 0.0).then(|| sum / weights);
    (items, score)
}

/// A heat-map cell: the score written in it, the colour behind it, and a tooltip (raw text).
pub(in crate::report) fn heat_cell(
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

fn heat_legend(lang: &str) -> String {
    format!(
        "<caption>{}0<span class=\"scale\"></span>100. {}</caption>\n",
        escape(&fill(lang, "{name}: ", &[("name", tr(lang, "Score"))])),
        escape(tr(
            lang,
            "Each cell is the score (0-100) of the statement for that stage and dimension; a dash means not answered or \"don't know\"."
        ))
    )
}

/// The stage-by-dimension heat map, highest stage on top.
fn heat_map(q: &Questionnaire, a: &Assessment, lang: &str) -> String {
    let n = Numbers::html(lang);
    let mut s = String::from("<table class=\"heat\">\n");
    s.push_str(&heat_legend(lang));
    s.push_str(&format!(
        "<thead><tr><th scope=\"col\">{}</th>",
        escape(tr(lang, "Stage"))
    ));
    for d in &q.dimensions {
        s.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(q.tr(&d.name, lang))
        ));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (k, stage) in q.stages.iter().enumerate().rev() {
        let here = k + 1 == a.placement;
        s.push_str(&format!(
            "<tr{}><th scope=\"row\">{}</th>",
            if here { " class=\"here\"" } else { "" },
            escape(&format!("{} {}", k + 1, q.tr(&stage.name, lang)))
        ));
        for d in 0..q.dimensions.len() {
            let (items, score) = cell(q, a, k, d);
            if items.is_empty() {
                s.push_str("<td class=\"none\"></td>");
                continue;
            }
            let tooltip = items
                .iter()
                .map(|&i| {
                    format!(
                        "{}: {}",
                        q.questions[i].id,
                        q.tr(&q.questions[i].text, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            s.push_str(&heat_cell(&n, score, None, &tooltip));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// The placement and its figures.
fn summary(out: &mut String, s: &Scored<'_>) {
    let section = super::view::result::summary(s.questionnaire, s.assessment, s.lang);
    super::write::html::section(out, &section, s.lang);
}

/// The stage ladder chart and its table of statuses.
fn ladder(out: &mut String, s: &Scored<'_>) {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let n = Numbers::html(lang);
    if q.stages.is_empty() {
        return;
    }
    let rungs: Vec<Rung> = q
        .stages
        .iter()
        .enumerate()
        .rev()
        .map(|(k, stage)| Rung {
            label: format!("{} {}", k + 1, q.tr(&stage.name, lang)),
            score: a.stages[k].area.score,
            before: None,
            threshold: Some(a.stages[k].threshold),
            reached: a.stages[k].status == StageStatus::Reached,
            here: k + 1 == a.placement,
            was_here: false,
        })
        .collect();
    out.push_str(&format!("<h2>{}</h2>\n", escape(tr(lang, "Stage ladder"))));
    figure(
        out,
        &ladder_svg(&rungs, lang, [""; 2], tr(lang, "Stage ladder")),
        tr(
            lang,
            "Each bar is the stage's score (0-100); the dark line is the threshold the stage needs. Blue bars reach their stage, orange ones do not. The highlighted row is the placement.",
        ),
    );
    out.push_str(&format!(
        "<table class=\"ladder\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(tr(lang, "Stage")),
        escape(tr(lang, "Score")),
        escape(tr(lang, "Needs")),
        escape(tr(lang, "Status")),
    ));
    for (k, stage) in q.stages.iter().enumerate().rev() {
        out.push_str(&format!(
            "<tr{}><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            if k + 1 == a.placement { " class=\"here\"" } else { "" },
            escape(&format!("{} {}", k + 1, q.tr(&stage.name, lang))),
            escape(&n.score(a.stages[k].area.score)),
            escape(&n.score(Some(a.stages[k].threshold))),
            escape(&super::stage_status(q, a, k, lang, &n)),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The dimension profile: a radar chart with three dimensions or more, else a table.
fn profile(out: &mut String, s: &Scored<'_>) {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let n = Numbers::html(lang);
    if q.dimensions.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n",
        escape(tr(lang, "Dimension profile"))
    ));
    if q.dimensions.len() >= 3 {
        let names: Vec<String> = q
            .dimensions
            .iter()
            .map(|d| q.tr(&d.name, lang).to_owned())
            .collect();
        let scores: Vec<Option<f64>> = a.dimensions.iter().map(|d| d.score).collect();
        figure(
            out,
            &radar_svg(
                &n,
                &names,
                &scores,
                None,
                [""; 2],
                tr(lang, "Dimension profile"),
            ),
            tr(
                lang,
                "One axis per dimension, 0 at the centre and 100 at the rim; each dimension's score is written next to its name.",
            ),
        );
    } else {
        out.push_str(&format!(
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            escape(tr(lang, "Dimension")),
            escape(tr(lang, "Score")),
            escape(tr(lang, "Answered")),
        ));
        for (d, dim) in q.dimensions.iter().enumerate() {
            let r = &a.dimensions[d];
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                escape(q.tr(&dim.name, lang)),
                escape(&n.score(r.score)),
                escape(&fill(
                    lang,
                    "{answered} of {total}",
                    &[
                        ("answered", &r.answered.to_string()),
                        ("total", &r.total.to_string())
                    ]
                )),
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

fn heat_section(out: &mut String, s: &Scored<'_>) {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    if q.stages.is_empty() || q.dimensions.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n",
        escape(tr(lang, "Stage by dimension"))
    ));
    out.push_str(&heat_map(q, a, lang));
}

/// The next step, the items holding the organisation back, and how customers see it.
fn recommendations(out: &mut String, s: &Scored<'_>) {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let n = Numbers::html(lang);
    let rec = &a.recommendations;
    let next = rec
        .next_stage
        .and_then(|st| q.stages[st].next_step.as_ref().map(|t| (st, t)));
    if next.is_some() || !rec.items.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n",
            escape(tr(lang, "Recommendations"))
        ));
        if let Some((st, text)) = next {
            out.push_str(&format!(
                "<p class=\"next\"><strong>{}</strong>{}</p>\n",
                escape(&fill(
                    lang,
                    "Next step, towards {stage}: ",
                    &[("stage", q.tr(&q.stages[st].name, lang))]
                )),
                escape(q.tr(text, lang))
            ));
        }
        if !rec.items.is_empty() {
            out.push_str("<ol class=\"recs\">\n");
            for &i in &rec.items {
                let question = &q.questions[i];
                out.push_str(&format!(
                    "<li><strong>{}</strong> <span class=\"id\">{}</span>",
                    escape(q.tr(&question.text, lang)),
                    escape(&format!("({}: {})", question.id, n.score(a.items[i].score)))
                ));
                if let Some(what) = &question.recommendation {
                    out.push_str(&format!("<br>{}", escape(q.tr(what, lang))));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
    }
    if let Some(section) = super::view::result::customer_view(q, a, lang) {
        super::write::html::section(out, &section, lang);
    }
}

/// Published figures that put a placement in context: the section every report shares.
fn benchmarks(out: &mut String, lang: &str) {
    super::write::html::section(out, &super::view::benchmarks(lang), lang);
}

fn warnings(out: &mut String, s: &Scored<'_>) {
    if s.warnings.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n<ul class=\"warnings\">\n",
        escape(tr(s.lang, "Warnings"))
    ));
    for w in s.warnings {
        out.push_str(&format!("<li>{}</li>\n", escape(&w.to_string())));
    }
    out.push_str("</ul>\n");
}

/// The report of one respondent.
pub(crate) fn result(s: &Scored<'_>, date: &str) -> String {
    let (q, lang) = (s.questionnaire, s.lang);
    let title = q.tr(&q.title, s.lang);
    let mut body = String::new();
    header(
        &mut body,
        lang,
        title,
        &[format!("{} - {}", s.who(), s.source)],
        date,
    );
    summary(&mut body, s);
    ladder(&mut body, s);
    profile(&mut body, s);
    heat_section(&mut body, s);
    recommendations(&mut body, s);
    benchmarks(&mut body, lang);
    warnings(&mut body, s);
    document(s.lang, title, &body, date)
}

/// The report of a group: the group scored as one respondent, how its members' placements
/// spread, the items to discuss and the notes.
pub(crate) fn group(view: &GroupView<'_>, date: &str) -> String {
    let (q, g, lang) = (view.questionnaire, view.all, view.lang);
    let s = view.scored(g);
    let title = q.tr(&q.title, lang);
    let mut body = String::new();
    header(
        &mut body,
        lang,
        title,
        &[format!(
            "{} - {}",
            fill(
                lang,
                "group of {n} respondents",
                &[("n", &g.respondents.to_string())]
            ),
            view.source
        )],
        date,
    );
    summary(&mut body, &s);
    ladder(&mut body, &s);
    if let Some(section) = super::view::group::placements(q, g, lang) {
        super::write::html::section(&mut body, &section, lang);
    }
    profile(&mut body, &s);
    heat_section(&mut body, &s);
    super::write::html::section(&mut body, &super::view::group::discuss(q, g, lang), lang);
    if let Some(section) = super::view::group::reliability(q, g, lang) {
        super::write::html::section(&mut body, &section, lang);
    }
    super::write::html::section(&mut body, &super::view::group::every_item(q, g, lang), lang);
    recommendations(&mut body, &s);
    if let Some(section) = super::view::group::notes(q, g, lang) {
        super::write::html::section(&mut body, &section, lang);
    }
    if let Some((field, groups)) = &view.by {
        let section = super::view::group::by(q, g, (field, groups), lang);
        super::write::html::section(&mut body, &section, lang);
    }
    benchmarks(&mut body, lang);
    warnings(&mut body, &s);
    document(lang, title, &body, date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Metadata, Response};
    use crate::comparison::{Snapshot, compare};
    use crate::questionnaire::{Text, default_for_tests as bundled};
    use crate::scoring::{GroupAccumulator, ScoreOptions, assess};

    const HOSTILE: &str =
        "<script>alert(1)</script><img src=x onerror=alert(1)></style>\" onmouseover=\"x' &amp;";

    /// The bundled questionnaire with hostile texts where a report shows them.
    fn hostile() -> Questionnaire {
        let mut q = bundled();
        q.title = Text::from(HOSTILE);
        q.stages[1].name = Text::from(HOSTILE);
        q.stages[1].customer_view = Some(Text::from(HOSTILE));
        q.stages[2].next_step = Some(Text::from(HOSTILE));
        q.dimensions[0].name = Text::from(HOSTILE);
        for question in &mut q.questions {
            question.text = Text::from(HOSTILE);
            question.recommendation = Some(Text::from(HOSTILE));
        }
        q
    }

    /// Agree (4) with the two lower stages and disagree (2) with the two upper ones: placed on
    /// stage 2, with every upper-stage item recommended.
    fn response(q: &Questionnaire, who: &str, shift: f64) -> Response {
        let mut r = Response::new(q);
        r.meta.respondent = Some(who.to_owned());
        for (i, question) in q.questions.iter().enumerate() {
            let base = if question.stage.is_some_and(|s| s < 2) {
                4.0
            } else {
                2.0
            };
            r.answers[i] = Some(Answer::Value((base + shift).clamp(1.0, 5.0)));
        }
        r
    }

    /// A complete, inert document with `charts` charts.
    fn assert_safe(doc: &str, charts: usize) {
        assert!(
            doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{doc}"
        );
        assert!(doc.ends_with("</body>\n</html>\n"), "{doc}");
        assert_eq!(doc.matches("<svg").count(), charts, "{doc}");
        assert_eq!(doc.matches("</svg>").count(), charts, "{doc}");
        assert_eq!(doc.matches("<svg viewBox=").count(), charts, "{doc}");
        assert_eq!(doc.matches("</style>").count(), 1, "{doc}");
        let lower = doc.to_ascii_lowercase();
        for bad in ["<script", "<img", "http://", "https://", "url(", "@import"] {
            assert!(!lower.contains(bad), "{bad} in {doc}");
        }
        assert!(doc.contains("@media print"));
        assert!(doc.contains("Benchmark context"));
    }

    #[test]
    fn escape_writes_markup_characters_as_references() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escape("plain text"), "plain text");
        assert_eq!(escape("red\u{1b}[31m\u{7}"), "red");
    }

    #[test]
    fn a_result_has_one_svg_per_chart_and_shows_hostile_texts_literally() {
        let q = hostile();
        let r = response(&q, HOSTILE, 0.0);
        let a = assess(&q, &r, ScoreOptions::default());
        assert_eq!(a.placement, 2);
        let s = Scored {
            questionnaire: &q,
            response: &r,
            assessment: &a,
            source: HOSTILE,
            warnings: &[],
            lang: "en",
        };
        let doc = result(&s, "2026-11-22 <b>");
        // The stage ladder and the radar.
        assert_safe(&doc, 2);
        let literal = escape(HOSTILE);
        assert!(literal.starts_with("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"));
        // Title, respondent and source, placement, next step, items, customer view, heat map.
        assert!(doc.matches(&literal).count() > 10, "{doc}");
        assert!(doc.contains("2026-11-22 &lt;b&gt;"));
        // One coloured heat-map cell per answered item of the 4 x 6 grid.
        assert_eq!(doc.matches("<table class=\"heat\">").count(), 1);
        assert_eq!(doc.matches("<td style=\"background:").count(), 24);
        assert!(doc.contains(">75.0</td>") && doc.contains(">25.0</td>"));
    }

    #[test]
    fn a_result_without_answers_has_no_score_in_its_heat_map() {
        let q = bundled();
        let r = Response::new(&q);
        let a = assess(&q, &r, ScoreOptions::default());
        let s = Scored {
            questionnaire: &q,
            response: &r,
            assessment: &a,
            source: "-",
            warnings: &[],
            lang: "en",
        };
        let doc = result(&s, "2026-11-22");
        assert_safe(&doc, 2);
        assert_eq!(doc.matches("<td style=\"background:").count(), 0);
        assert_eq!(doc.matches("<td class=\"none\"").count(), 24);
    }

    #[test]
    fn a_group_adds_the_distribution_of_placements_the_discuss_list_and_notes() {
        let q = hostile();
        let mut acc = GroupAccumulator::new(&q);
        for (k, shift) in [-1.0, 0.0, 1.0, 2.0].into_iter().enumerate() {
            let mut r = response(&q, &format!("{HOSTILE}{k}"), shift);
            // One item the room disagrees on.
            r.answers[0] = Some(Answer::Value(if k % 2 == 0 { 1.0 } else { 5.0 }));
            r.notes[0] = Some(HOSTILE.to_owned());
            let a = assess(&q, &r, ScoreOptions::default());
            acc.add(&r, &a);
        }
        let g = acc.finish(
            &q,
            Metadata {
                respondent: Some("group".into()),
                ..Metadata::default()
            },
            ScoreOptions::default(),
        );
        assert!(g.discuss.contains(&0));
        let view = GroupView {
            questionnaire: &q,
            all: &g,
            source: HOSTILE,
            by: None,
            warnings: &[],
            lang: "en",
        };
        let doc = group(&view, "2026-11-22");
        // The stage ladder, the distribution of placements and the radar.
        assert_safe(&doc, 3);
        assert!(doc.contains("Individual placements"));
        assert!(doc.contains("Items to discuss"));
        assert!(doc.contains(&format!(
            "<li>{}3: {}</li>",
            escape(HOSTILE),
            escape(HOSTILE)
        )));
        assert!(doc.contains("<td class=\"num\">2.31</td>"), "{doc}");
    }

    #[test]
    fn a_comparison_overlays_before_and_after() {
        let q = hostile();
        let before = response(&q, "a", -1.0);
        let after = response(&q, "a", 0.0);
        let snapshot = |r: &Response, label: &str| {
            let a = assess(&q, r, ScoreOptions::default());
            Snapshot::from_assessment(&q, &a, label, "en")
        };
        let c = compare(snapshot(&before, HOSTILE), snapshot(&after, "after"))
            .expect("one questionnaire");
        let doc = crate::report::write::html::write(&crate::report::view::comparison::document(
            &c,
            5,
            "en",
            "2026-11-22",
        ));
        // The paired ladder and the radar with both polygons.
        assert_safe(&doc, 2);
        assert_eq!(doc.matches("stroke-dasharray=\"6 4\"/>\n").count(), 2);
        assert!(doc.contains(&escape(HOSTILE)));
        assert!(doc.contains("moved up"));
        assert_eq!(doc.matches("<table class=\"heat\">").count(), 1);
        assert_eq!(doc.matches("<small>+25.0</small>").count(), 24);
        assert!(doc.contains("No longer recommended"));
    }

    #[test]
    fn the_tool_s_own_words_follow_the_language() {
        let q = bundled();
        let r = response(&q, "Ana", 0.0);
        let a = assess(&q, &r, ScoreOptions::default());
        let s = Scored {
            questionnaire: &q,
            response: &r,
            assessment: &a,
            source: "ana.toml",
            warnings: &[],
            lang: "fr",
        };
        let doc = result(&s, "2026-11-22");
        assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(doc.contains("Recommandations"));
        assert!(doc.contains("Maturité de la centricité client"));
    }

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
