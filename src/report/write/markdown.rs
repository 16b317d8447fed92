//! A report in Markdown, for a client, a wiki or a code-hosting site: the title, the lines under
//! it as a list, then each section under a second-level heading. Charts are not drawn (their
//! figures stand in the section's tables); a section holding only charts is left out.
//!
//! Every value from a file is escaped ([`md`]), so it shows as written and can neither break a
//! table nor inject HTML; the tool's own words are written as they are.

use std::fmt::Write as _;

use crate::i18n::fill;
use crate::report::number::TEXT_DASH;
use crate::report::view::{Block, Cell, Chart, Document, HeatMap, Section, Span, Table, Text};
use crate::terminal_text::clean;

/// Text from a file, made inert for Markdown: no HTML, no table breaks, no code spans.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text, false).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '\\' | '`' | '[' | ']' | '*' | '_' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` (a path) as a code span that nothing can break out of: on one line (a blank line
/// would end the span and let what follows be read as Markdown or HTML), with no backtick.
fn code(text: &str) -> String {
    format!("`{}`", clean(text, false).replace('`', "'"))
}

/// `doc` as Markdown.
pub(crate) fn write(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", md(&doc.title));
    for line in &doc.subtitle {
        let _ = writeln!(out, "- {}", text(line));
    }
    if !doc.subtitle.is_empty() {
        out.push('\n');
    }
    for s in doc.sections.iter().filter(|s| s.blocks.iter().any(drawn)) {
        section(&mut out, s, &doc.lang);
    }
    out
}

/// Appends one section under a second-level heading, with the brackets and colons of `lang`
/// around ids.
pub(crate) fn section(out: &mut String, section: &Section, lang: &str) {
    if let Some(heading) = &section.heading {
        let _ = writeln!(out, "## {}\n", md(heading));
    }
    for block in &section.blocks {
        block_to(out, block, lang);
    }
}

/// Whether Markdown shows anything of `block`: of the charts, only a heat map, as a table.
fn drawn(block: &Block) -> bool {
    match block {
        Block::Chart(c) => matches!(c, Chart::Heat(_)),
        Block::BarKey(_) => false,
        _ => true,
    }
}

fn block_to(out: &mut String, block: &Block, lang: &str) {
    match block {
        Block::Summary { headline, lines } => {
            for line in headline.iter().chain(lines) {
                let _ = writeln!(out, "{}\n", text(line));
            }
        }
        Block::Lines(lines) => {
            for line in lines {
                let _ = writeln!(out, "{}\n", text(line));
            }
        }
        Block::Lead(line) => {
            let _ = writeln!(out, "{}\n", text(line));
        }
        Block::Table(t) => table(out, t),
        Block::List { ordered, items } => {
            for (k, item) in items.iter().enumerate() {
                let lead = if *ordered {
                    format!("{}.", k + 1)
                } else {
                    "-".to_owned()
                };
                match &item.id {
                    // An entry with entries under it is headed by its id alone.
                    Some(id) if !item.sub.is_empty() => {
                        let _ = writeln!(out, "{lead} **{}**", md(id));
                    }
                    Some(id) => {
                        let id = Span::Strong(id.clone());
                        let name = match &item.figure {
                            Some(f) => text(&Text::fill(
                                lang,
                                "{id} ({score})",
                                &[("id", id), ("score", f.clone())],
                            )),
                            None => text(&Text(vec![id])),
                        };
                        let name = fill(lang, "{name}: ", &[("name", &name)]);
                        let _ = writeln!(out, "{lead} {name}{}", text(&item.text));
                    }
                    None => {
                        let _ = writeln!(out, "{lead} {}", text(&item.text));
                    }
                }
                let indent = " ".repeat(lead.len() + 1);
                for more in item.more.iter().chain(&item.sub) {
                    let _ = writeln!(out, "{indent}- {}", text(more));
                }
            }
            out.push('\n');
        }
        Block::Quote { text, source } => match source {
            Some(source) => {
                let _ = writeln!(out, "> {}\n>\n> - {}\n", md(text), md(source));
            }
            None => {
                let _ = writeln!(out, "> {}\n", md(text));
            }
        },
        Block::Chart(Chart::Heat(h)) => heat(out, h),
        Block::Chart(_) | Block::BarKey(_) => {}
    }
}

/// A line of text: values escaped, placements in bold, paths as code.
fn text(t: &Text) -> String {
    t.0.iter()
        .map(|s| match s {
            Span::Words(w) => w.clone(),
            Span::Plain(v) | Span::Figure(v) => md(v),
            // Emphasis may not end on a space: the space goes after it.
            Span::Strong(v) => {
                let inner = v.trim_end();
                format!("**{}**{}", md(inner), &v[inner.len()..])
            }
            Span::Code(v) => code(v),
            Span::Missing => TEXT_DASH.to_owned(),
        })
        .collect()
}

/// One row of a pipe table; an empty cell stays one space wide.
fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.is_empty() {
                " ".to_owned()
            } else {
                format!(" {c} ")
            }
        })
        .collect();
    format!("|{}|", cells.join("|"))
}

/// A pipe table: as many cells in the header, the alignment row and every row.
fn table(out: &mut String, t: &Table) {
    let header: Vec<String> = t.columns.iter().map(|c| md(&c.heading)).collect();
    let align: Vec<&str> = t
        .columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "{}\n|{}|", row(&header), align.join("|"));
    for r in &t.rows {
        let mut cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Figure(s) => md(s),
                Cell::Item { id, .. } => md(id),
                Cell::Missing => TEXT_DASH.to_owned(),
            })
            .collect();
        if r.here
            && let Some(first) = cells.first_mut()
        {
            first.push_str(" ◀");
        }
        let _ = writeln!(out, "{}", row(&cells));
    }
    if let Some(caption) = &t.caption {
        let _ = writeln!(out, "\n{}", md(caption));
    }
    out.push('\n');
}

/// A heat map as a table: the score of each cell, with what goes under it on a second line.
fn heat(out: &mut String, h: &HeatMap) {
    let header: Vec<String> = std::iter::once(&h.corner)
        .chain(&h.columns)
        .map(|c| md(c))
        .collect();
    let align = vec!["---:"; h.columns.len()].join("|");
    let _ = writeln!(out, "| {} |\n|---|{align}|", header.join(" | "));
    for row in &h.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c {
                None => String::new(),
                Some(c) => {
                    let score = text(&Text(vec![c.figure.clone()]));
                    match &c.extra {
                        Some(e) => format!("{score}<br>{}", text(&Text(vec![e.clone()]))),
                        None => score,
                    }
                }
            })
            .collect();
        let label = if row.here {
            format!("**{}**", md(&row.label))
        } else {
            md(&row.label)
        };
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    // No colours here: the caption alone says what the cells hold.
    let _ = writeln!(out, "\n{}\n", md(&h.caption));
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn file_text_cannot_inject_html_or_break_tables() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("[link](javascript:x)"), "\\[link\\](javascript:x)");
        assert_eq!(md("\u{1b}[31mred"), "red");
    }
}
