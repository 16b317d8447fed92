//! A report as one self-contained HTML document: inline CSS ([`STYLE`]) and inline SVG only, no
//! script, no external font, image or link, so the file opens offline, cannot run anything, and
//! prints on A4 or Letter. Charts are drawn as SVG from chart blocks.
//!
//! Every text goes through [`escape`], in element content and in attribute values alike.

use std::fmt::Write as _;

use crate::i18n::fill;
use crate::report::html::{
    distribution_svg, document, escape, figure, heat_cell, ladder_svg, radar_svg,
};
use crate::report::number::{HTML_DASH, Numbers};
use crate::report::view::{Block, Cell, Chart, Document, HeatMap, Section, Span, Table, Text};

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
                if let Some(id) = &item.id {
                    let _ = write!(out, "<span class=\"id\">{}</span> ", escape(id));
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
        out.push_str("<tr>");
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
