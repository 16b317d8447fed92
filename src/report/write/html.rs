//! A report as one self-contained HTML document: inline CSS ([`STYLE`]) and inline SVG only, no
//! script, no external font, image or link, so the file opens offline, cannot run anything, and
//! prints on A4 or Letter. Charts are drawn as SVG from chart blocks.
//!
//! Every text goes through [`escape`], in element content and in attribute values alike.

use std::fmt::Write as _;

use super::chart::{distribution_svg, heat_cell, ladder_svg, radar_svg};
use crate::i18n::fill;
use crate::report::number::{HTML_DASH, Numbers};
use crate::report::view::{Block, Cell, Chart, Document, HeatMap, Section, Span, Table, Text};
use crate::terminal_text::clean;

/// `text` safe in HTML element content and in quoted attribute values: `& < > " '` become
/// character references, and control characters (terminal escape sequences included) are
/// dropped.
pub(crate) fn escape(text: &str) -> String {
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

/// The style sheet of every HTML report, in its own file.
const STYLE: &str = include_str!("../report.css");

/// A complete document around `body`, for every HTML report; `title` and `lang` are raw text.
fn document(lang: &str, title: &str, body: &str, date: &str) -> String {
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

/// A figure around one chart, with a caption (raw text).
fn figure(out: &mut String, svg: &str, caption: &str) {
    out.push_str("<figure>\n");
    out.push_str(svg);
    out.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        escape(caption)
    ));
}

/// `doc` as a complete HTML document.
pub(crate) fn write(doc: &Document) -> String {
    let lang = doc.lang.as_str();
    let mut body = String::from("<header>\n");
    let _ = writeln!(body, "<h1>{}</h1>", escape(&doc.title));
    for line in &doc.subtitle {
        let _ = writeln!(body, "<p class=\"meta\">{}</p>", text(line));
    }
    let _ = writeln!(
        body,
        "<p class=\"meta\">{}</p>\n</header>",
        escape(&fill(lang, "Report date: {date}", &[("date", &doc.date)]))
    );
    for s in &doc.sections {
        section(&mut body, s, lang);
    }
    document(lang, &doc.title, &body, &doc.date)
}

/// Appends one section, under a second-level heading when it has one.
pub(crate) fn section(out: &mut String, section: &Section, lang: &str) {
    if let Some(heading) = &section.heading {
        let _ = writeln!(out, "<h2>{}</h2>", escape(heading));
    }
    for block in &section.blocks {
        block_to(out, block, lang);
    }
}

fn block_to(out: &mut String, block: &Block, lang: &str) {
    match block {
        Block::Summary { headline, lines } => {
            out.push_str("<section class=\"summary\">\n");
            if let Some(h) = headline {
                let _ = writeln!(out, "<p class=\"placement\">{}</p>", text(h));
            }
            for line in lines {
                let _ = writeln!(out, "<p>{}</p>", text(line));
            }
            out.push_str("</section>\n");
        }
        Block::Lines(lines) => {
            for line in lines {
                let _ = writeln!(out, "<p>{}</p>", text(line));
            }
        }
        Block::Lead(line) => {
            let _ = writeln!(out, "<p class=\"next\">{}</p>", text(line));
        }
        Block::Table(t) => table(out, t),
        Block::List { ordered, items } => {
            let (open, close) = if *ordered {
                ("<ol class=\"recs\">", "</ol>")
            } else {
                ("<ul class=\"items\">", "</ul>")
            };
            out.push_str(open);
            out.push('\n');
            for item in items {
                if !item.sub.is_empty() {
                    let _ = write!(out, "<li><strong>{}</strong>", text(&item.text));
                    if let Some(id) = &item.id {
                        let _ = write!(out, " <span class=\"id\">({})</span>", escape(id));
                    }
                    out.push_str("\n<ul>\n");
                    for sub in &item.sub {
                        let _ = writeln!(out, "<li>{}</li>", text(sub));
                    }
                    out.push_str("</ul></li>\n");
                    continue;
                }
                out.push_str("<li>");
                match (&item.id, &item.figure) {
                    (Some(id), Some(figure)) => {
                        let _ = write!(
                            out,
                            "<span class=\"id\">{} ({})</span> ",
                            escape(id),
                            text(&Text(vec![figure.clone()]))
                        );
                    }
                    (Some(id), None) => {
                        let _ = write!(out, "<span class=\"id\">{}</span> ", escape(id));
                    }
                    (None, _) => {}
                }
                out.push_str(&text(&item.text));
                for more in &item.more {
                    let _ = write!(out, "<br>\n{}", text(more));
                }
                out.push_str("</li>\n");
            }
            out.push_str(close);
            out.push('\n');
        }
        Block::Quote {
            text,
            source: Some(source),
        } => {
            let _ = writeln!(
                out,
                "<blockquote><p>{}</p><footer>{}</footer></blockquote>",
                escape(text),
                escape(&format!("- {source}"))
            );
        }
        Block::Quote { text, source: None } => {
            let _ = writeln!(out, "<p class=\"view\">{}</p>", escape(text));
        }
        Block::Chart(chart) => self::chart(out, chart, lang),
        Block::BarKey(_) => {}
    }
}

/// A line of text: values escaped, the tool's arrows drawn as arrows, placements in bold.
fn text(t: &Text) -> String {
    t.0.iter()
        .map(|s| match s {
            Span::Words(w) => escape(&w.replace(" -> ", " → ")),
            Span::Plain(v) | Span::Figure(v) | Span::Code(v) => escape(v),
            Span::Strong(v) => format!("<strong>{}</strong>", escape(v)),
            Span::Missing => HTML_DASH.to_owned(),
        })
        .collect()
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) | Cell::Figure(s) => escape(s),
        Cell::Item { id, name } => {
            format!("<span class=\"id\">{}</span> {}", escape(id), escape(name))
        }
        Cell::Missing => HTML_DASH.to_owned(),
    }
}

/// A table whose first column names the rows; bars are not drawn (the section's chart is).
fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    if let Some(caption) = &t.caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for c in &t.columns {
        let class = if c.numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(&c.heading));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str(if row.here {
            "<tr class=\"here\">"
        } else {
            "<tr>"
        });
        for (k, (c, column)) in row.cells.iter().zip(&t.columns).enumerate() {
            if k == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", cell(c));
            } else if column.numeric && matches!(c, Cell::Figure(_) | Cell::Missing) {
                let _ = write!(out, "<td class=\"num\">{}</td>", cell(c));
            } else {
                let _ = write!(out, "<td>{}</td>", cell(c));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn chart(out: &mut String, chart: &Chart, lang: &str) {
    let n = Numbers::html(lang);
    match chart {
        Chart::Ladder {
            label,
            caption,
            pair,
            rungs,
        } => figure(
            out,
            &ladder_svg(rungs, lang, [&pair[0], &pair[1]], label),
            caption,
        ),
        Chart::Radar {
            label,
            caption,
            pair,
            names,
            scores,
            before,
        } => figure(
            out,
            &radar_svg(
                &n,
                names,
                scores,
                before.as_deref(),
                [&pair[0], &pair[1]],
                label,
            ),
            caption,
        ),
        Chart::Heat(h) => heat(out, h, &n),
        Chart::Distribution {
            label,
            caption,
            rows,
        } => figure(out, &distribution_svg(rows, label), caption),
    }
}

/// A heat map as a table coloured by score, highest stage first.
fn heat(out: &mut String, h: &HeatMap, n: &Numbers) {
    out.push_str("<table class=\"heat\">\n");
    let _ = writeln!(
        out,
        "<caption>{}0<span class=\"scale\"></span>100. {}</caption>",
        escape(&h.scale),
        escape(&h.caption)
    );
    let _ = write!(
        out,
        "<thead><tr><th scope=\"col\">{}</th>",
        escape(&h.corner)
    );
    for c in &h.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &h.rows {
        let _ = write!(
            out,
            "<tr{}><th scope=\"row\">{}</th>",
            if row.here { " class=\"here\"" } else { "" },
            escape(&row.label)
        );
        for c in &row.cells {
            match c {
                None => out.push_str("<td class=\"none\"></td>"),
                Some(c) => {
                    let extra = c
                        .extra
                        .as_ref()
                        .map(|e| Text(vec![e.clone()]).plain(HTML_DASH));
                    out.push_str(&heat_cell(n, c.score, extra.as_deref(), &c.tooltip));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Metadata, Response};
    use crate::comparison::{Snapshot, compare};
    use crate::questionnaire::{Questionnaire, Text, version_one_for_tests as bundled};
    use crate::report::view::{comparison, group as group_view, result as result_view};
    use crate::report::{GroupView, Identity, Scored};
    use crate::scoring::{GroupAccumulator, ScoreOptions, assess};

    fn result(s: &Scored<'_>, date: &str) -> String {
        write(&result_view::document(s, &Identity::dated(date)))
    }

    fn group(view: &GroupView<'_>, date: &str) -> String {
        write(&group_view::document(view, &Identity::dated(date)))
    }

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
        let doc = write(&comparison::document(
            &c,
            5,
            "en",
            &Identity::dated("2026-11-22"),
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
}
