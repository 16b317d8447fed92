//! A report as one self-contained HTML document: inline CSS ([`STYLE`]) and inline SVG only, no
//! script, no external font, image or link, so the file opens offline, cannot run anything, and
//! prints on A4 or Letter. Charts are drawn as SVG from chart blocks.
//!
//! Every text goes through [`escape`], in element content and in attribute values alike.

use std::fmt::Write as _;

use super::chart::{distribution_svg, heat_cell, ladder_svg, radar_svg};
use crate::i18n::{fill, tr};
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

/// `lang` as the document declares it: a well-formed language tag (`fr`, `pt-BR`) as it is,
/// anything else (a locale's `c` or `posix`) as English, the language the tool's words fall back
/// to, so that a screen reader is never told of a language that does not exist.
fn language_tag(lang: &str) -> &str {
    let mut parts = lang.split('-');
    let primary = parts.next().unwrap_or("");
    let well_formed = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if well_formed { lang } else { "en" }
}

/// The style sheet of every HTML report, in its own file.
const STYLE: &str = include_str!("../report.css");

/// A complete document around `body`, for every HTML report; `title` and `lang` are raw text.
fn document(lang: &str, title: &str, body: &str, date: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n",
        escape(language_tag(lang))
    ));
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
    body.push_str("<main>\n");
    for s in &doc.sections {
        section(&mut body, s, lang, &doc.title);
    }
    body.push_str("</main>\n");
    document(lang, &doc.title, &body, &doc.date)
}

/// Appends one section, under a second-level heading when it has one; `title` (the report's)
/// names what a section without a heading holds.
///
/// On paper a heading must not be left alone at the foot of a page: it goes in one block with
/// the lines that introduce the section, and the printer may break neither after it nor after
/// them (`.lead-in` in the style sheet), so the heading moves on with what follows.
pub(crate) fn section(out: &mut String, section: &Section, lang: &str, title: &str) {
    let name = section.heading.as_deref().unwrap_or(title);
    let mut blocks = section.blocks.iter().enumerate().peekable();
    if let Some(heading) = &section.heading {
        let _ = writeln!(out, "<div class=\"lead-in\">\n<h2>{}</h2>", escape(heading));
        while let Some((_, block)) =
            blocks.next_if(|(_, b)| matches!(b, Block::Lines(_) | Block::Lead(_)))
        {
            block_to(out, block, lang, name);
        }
        out.push_str("</div>\n");
    }
    for (k, block) in blocks {
        match block {
            // A chart says where its figures stand in words: in a table after it.
            Block::Chart(c) => {
                let table_follows = section.blocks[k + 1..]
                    .iter()
                    .any(|b| matches!(b, Block::Table(_)));
                chart(out, c, lang, table_follows);
            }
            _ => block_to(out, block, lang, name),
        }
    }
}

/// Appends one block of the section `name`.
fn block_to(out: &mut String, block: &Block, lang: &str, name: &str) {
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
        Block::Table(t) => table(out, t, name),
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
                        // Chinese writes its full-width bracket with no space before it.
                        let space = if lang == "zh" { "" } else { " " };
                        let id = fill(lang, "({id})", &[("id", id)]);
                        let _ = write!(out, "{space}<span class=\"id\">{}</span>", escape(&id));
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
                            "<span class=\"id\">{}</span> ",
                            text(&Text::fill(
                                lang,
                                "{id} ({score})",
                                &[("id", Span::Plain(id.clone())), ("score", figure.clone())],
                            ))
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
                "<blockquote><p>{}</p><p class=\"source\">{}</p></blockquote>",
                escape(text),
                escape(&format!("- {source}"))
            );
        }
        Block::Quote { text, source: None } => {
            let _ = writeln!(out, "<p class=\"view\">{}</p>", escape(text));
        }
        Block::Chart(chart) => self::chart(out, chart, lang, false),
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

/// Tables longer than this may be broken across pages between rows; shorter ones are kept
/// whole, so that a few rows do not stand alone at the foot or the head of a page.
const LONG_TABLE: usize = 12;

/// A table whose first column names the rows; bars are not drawn (the section's chart is).
///
/// It sits in a region that scrolls sideways when the table is wider than the screen (a phone),
/// named after its caption or its section (`name`) and reachable with the keyboard, so that it
/// never widens the page nor runs its figures into each other. A column without a heading (the
/// corner, a column of flags) gets an empty data cell there: a heading cell must have text.
fn table(out: &mut String, t: &Table, name: &str) {
    let label = t.caption.as_deref().unwrap_or(name);
    let _ = writeln!(
        out,
        "<div class=\"{}\" role=\"group\" tabindex=\"0\" aria-label=\"{}\">\n<table{}>",
        if t.rows.len() > LONG_TABLE {
            "scroll long"
        } else {
            "scroll"
        },
        escape(label),
        if t.side_by_side {
            " class=\"side\""
        } else {
            ""
        }
    );
    if let Some(caption) = &t.caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for c in &t.columns {
        if c.heading.trim().is_empty() {
            out.push_str("<td></td>");
            continue;
        }
        let class = if c.numeric { " class=\"num\"" } else { "" };
        // Side by side, a heading may wrap between its words but not inside one ("2026-q1").
        let heading = if t.side_by_side && c.numeric {
            c.heading
                .split(' ')
                .map(|w| format!("<span class=\"word\">{}</span>", escape(w)))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            escape(&c.heading)
        };
        let _ = write!(out, "<th scope=\"col\"{class}>{heading}</th>");
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
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// A chart in a figure. Its text equivalent is its name (the SVG's title) and, when a table in
/// the same section gives its figures (`table_follows`), a description that says so.
fn chart(out: &mut String, chart: &Chart, lang: &str, table_follows: bool) {
    let n = Numbers::html(lang);
    let desc = if table_follows {
        tr(lang, "The table below gives the figures of this chart.")
    } else {
        ""
    };
    match chart {
        Chart::Ladder {
            label,
            caption,
            pair,
            rungs,
        } => figure(
            out,
            &ladder_svg(rungs, lang, [&pair[0], &pair[1]], label, desc),
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
                desc,
            ),
            caption,
        ),
        Chart::Heat(h) => heat(out, h, &n, lang),
        Chart::Distribution {
            label,
            caption,
            rows,
        } => figure(out, &distribution_svg(rows, label, desc), caption),
        Chart::Lines(chart) => figure(out, &super::line_chart::lines_svg(chart), &chart.caption),
    }
}

/// A heat map as a table coloured by score, highest stage first.
///
/// Its columns are headed by short labels (D1, D2...) so that six of them fit a phone's width and
/// a printed page, with the full names in a key under the table; a screen reader hears the full
/// name in each heading. The table and its key are printed on one page (`.heatmap`).
fn heat(out: &mut String, h: &HeatMap, n: &Numbers, lang: &str) {
    let short = |k: usize| fill(lang, "D{n}", &[("n", &(k + 1).to_string())]);
    out.push_str("<div class=\"heatmap\">\n<table class=\"heat\">\n");
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
    for (k, c) in h.columns.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\" title=\"{name}\"><span aria-hidden=\"true\">{}</span><span class=\"vh\">{name}</span></th>",
            escape(&short(k)),
            name = escape(c)
        );
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
    out.push_str("</tbody>\n</table>\n<dl class=\"key\">\n");
    for (k, c) in h.columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(&short(k)),
            escape(c)
        );
    }
    out.push_str("</dl>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Metadata, Response};
    use crate::comparison::{Snapshot, compare};
    use crate::questionnaire::{Questionnaire, Text, version_one_for_tests as bundled};
    use crate::report::view::{benchmarks, comparison, group as group_view, result as result_view};
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
            plan: None,
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
            plan: None,
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
            plan: None,
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
            plan: None,
        };
        let doc = result(&s, "2026-11-22");
        assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(doc.contains("Recommandations"));
        assert!(doc.contains("Maturité de la centricité client"));
    }

    /// A document of one section per block given, each under a heading but the first.
    fn document_of(lang: &str, sections: Vec<Section>) -> String {
        write(&Document {
            lang: lang.to_owned(),
            title: "Report".to_owned(),
            subtitle: Vec::new(),
            date: "2026-11-22".to_owned(),
            sections,
        })
    }

    fn figures_table(corner: &str) -> Table {
        Table {
            caption: None,
            long_rows: false,
            side_by_side: false,
            columns: vec![
                crate::report::view::Column::text(corner),
                crate::report::view::Column::figure("Score"),
                crate::report::view::Column::text(""),
            ],
            rows: vec![crate::report::view::Row {
                cells: vec![
                    Cell::Text("Stage 1".into()),
                    Cell::Figure("62.5".into()),
                    Cell::Text("discuss".into()),
                ],
                bar: None,
                here: false,
            }],
        }
    }

    #[test]
    fn the_page_has_one_main_part_between_its_header_and_its_closing_line() {
        let doc = document_of("en", vec![benchmarks("en")]);
        let doc = &doc[doc.find("</head>").expect("a head")..];
        let (header, main, footer) = (
            doc.find("</header>").expect("a header"),
            doc.find("<main>").expect("a main part"),
            doc.find("<footer class=\"doc\">").expect("a closing line"),
        );
        assert!(header < main && main < doc.find("</main>").expect("closed") && main < footer);
        assert_eq!(doc.matches("<main>").count(), 1);
        // A quotation's source is a paragraph: a <footer> in it would be a second closing line.
        assert_eq!(doc.matches("<footer").count(), 1, "{doc}");
        assert!(doc.contains("<p class=\"source\">- Bain &amp; Company"));
    }

    #[test]
    fn a_heading_is_kept_with_the_lines_that_introduce_its_section() {
        let doc = document_of("en", vec![benchmarks("en")]);
        // The heading and the introduction in one block, the quotations after it.
        let lead =
            doc.find("<div class=\"lead-in\">\n<h2>Benchmark context</h2>\n<p>Published studies");
        let end = doc.find("</p>\n</div>\n<blockquote>");
        assert!(lead.is_some() && end.is_some() && lead < end, "{doc}");
        assert!(STYLE.contains(".lead-in, .lead-in > * { break-after: avoid;"));
    }

    #[test]
    fn every_table_scrolls_in_a_named_region_and_no_heading_cell_is_empty() {
        let mut untitled = Section::new(None);
        untitled.blocks.push(Block::Table(figures_table("")));
        let mut titled = Section::new(Some("Stage ladder".into()));
        titled.blocks.push(Block::Table(figures_table("Stage")));
        let doc = document_of("en", vec![untitled, titled]);
        // Named after the section, or after the report when the section has no heading.
        assert!(doc.contains("<div class=\"scroll\" role=\"group\" tabindex=\"0\" aria-label=\"Report\">\n<table>"), "{doc}");
        assert!(doc.contains("<div class=\"scroll\" role=\"group\" tabindex=\"0\" aria-label=\"Stage ladder\">\n<table>"), "{doc}");
        assert_eq!(doc.matches("</table>\n</div>").count(), 2);
        // The empty corner and the column of flags have an empty data cell, not a heading.
        assert!(!doc.contains("<th scope=\"col\"></th>"), "{doc}");
        assert!(
            !doc.contains("<th scope=\"col\" class=\"num\"></th>"),
            "{doc}"
        );
        assert!(doc.contains("<thead><tr><td></td><th scope=\"col\" class=\"num\">Score</th><td></td></tr></thead>"), "{doc}");
        assert!(doc.contains("<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Score</th><td></td></tr></thead>"), "{doc}");
    }

    #[test]
    fn a_long_table_may_break_between_rows_on_paper_and_a_short_one_not() {
        let mut short = Section::new(Some("Short".into()));
        short.blocks.push(Block::Table(figures_table("Stage")));
        let mut long = figures_table("Item");
        long.rows = vec![long.rows[0].clone(); LONG_TABLE + 1];
        let mut every = Section::new(Some("Every item".into()));
        every.blocks.push(Block::Table(long));
        let doc = document_of("en", vec![short, every]);
        assert!(
            doc.contains(
                "<div class=\"scroll\" role=\"group\" tabindex=\"0\" aria-label=\"Short\">"
            )
        );
        assert!(doc.contains(
            "<div class=\"scroll long\" role=\"group\" tabindex=\"0\" aria-label=\"Every item\">"
        ));
        assert!(
            STYLE
                .contains(".scroll { overflow-x: auto; margin: .5rem 0 1rem; break-inside: avoid;")
        );
        assert!(STYLE.contains(".scroll.long { break-inside: auto;"));
    }

    #[test]
    fn the_heat_map_is_headed_by_short_labels_with_the_names_in_a_key() {
        let q = bundled();
        let r = response(&q, "Ana", 0.0);
        let a = assess(&q, &r, ScoreOptions::default());
        for lang in ["en", "zh"] {
            let s = Scored {
                questionnaire: &q,
                response: &r,
                assessment: &a,
                source: "ana.toml",
                warnings: &[],
                lang,
                plan: None,
            };
            let doc = result(&s, "2026-11-22");
            let heat = &doc[doc.find("<table class=\"heat\">").expect("a heat map")..];
            let heat = &heat[..heat.find("</dl>").expect("a key")];
            for (k, d) in q.dimensions.iter().enumerate() {
                let name = escape(q.tr(&d.name, lang));
                let short = format!("D{}", k + 1);
                // Seen: the short label; heard: the full name; in the key: both.
                assert!(heat.contains(&format!("<th scope=\"col\" title=\"{name}\"><span aria-hidden=\"true\">{short}</span><span class=\"vh\">{name}</span></th>")), "{heat}");
                assert!(
                    heat.contains(&format!("<div><dt>{short}</dt><dd>{name}</dd></div>")),
                    "{heat}"
                );
            }
        }
    }

    #[test]
    fn charts_say_that_the_table_below_gives_their_figures() {
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
            plan: None,
        };
        let doc = result(&s, "2026-11-22");
        // The ladder and the radar, each followed by its table.
        assert_eq!(
            doc.matches("<desc>Le tableau ci-dessous reprend les chiffres de ce graphique.</desc>")
                .count(),
            2,
            "{doc}"
        );
        // A chart with no table after it in its section says nothing of one.
        let mut alone = Section::new(Some("Placements".into()));
        alone.blocks.push(Block::Chart(Chart::Distribution {
            label: "Placements".into(),
            caption: "How many".into(),
            rows: vec![("1 First".into(), 2, true)],
        }));
        let doc = document_of("en", vec![alone]);
        assert!(doc.contains("<svg ") && !doc.contains("<desc>"), "{doc}");
    }

    #[test]
    fn the_document_declares_a_well_formed_language() {
        assert_eq!(language_tag("fr"), "fr");
        assert_eq!(language_tag("pt-BR"), "pt-BR");
        assert_eq!(language_tag("zh-Hans-CN"), "zh-Hans-CN");
        // A C or POSIX locale is no language: the tool's words are English then.
        assert_eq!(language_tag("c"), "en");
        assert_eq!(language_tag("posix"), "en");
        assert_eq!(language_tag(""), "en");
        assert_eq!(language_tag("fr_FR"), "en");
        assert!(document_of("c", Vec::new()).starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    }
}
