//! A report in a terminal: the lines under the title, then each section with its heading over
//! its tables (comfy-table, with a bar beside each row that has one), lines and lists, within
//! the width given. Charts are not drawn: their figures stand in the section's tables. Sections
//! meant for a handed-over report only are left out.

use std::io::{self, Write};

use comfy_table::{Cell as TableCell, CellAlignment};

use crate::report::number::TEXT_DASH;
use crate::report::table::{TableRenderer, ascii, bar};
use crate::report::view::{Bar, Block, Cell, Document, Section, Table};
use crate::terminal_text::clean;

/// The width of the bar beside a row.
const BAR: usize = 16;
/// The longest count bar.
const COUNT_BAR: usize = 30;

/// Writes `doc` for a terminal `width` columns wide.
pub(crate) fn write(out: &mut dyn Write, doc: &Document, width: u16) -> io::Result<()> {
    let r = TableRenderer::new(width);
    for line in &doc.subtitle {
        writeln!(out, "{}", r.wrap(&line.plain(TEXT_DASH), ""))?;
    }
    let mut first = true;
    for section in doc.sections.iter().filter(|s| !s.handout && s.has_text()) {
        if !first || !doc.subtitle.is_empty() {
            writeln!(out)?;
        }
        first = false;
        self::section(out, &r, section)?;
    }
    Ok(())
}

/// Writes one section, heading first, for a terminal.
pub(crate) fn section(out: &mut dyn Write, r: &TableRenderer, section: &Section) -> io::Result<()> {
    if let Some(heading) = &section.heading {
        writeln!(out, "{}", r.wrap(heading, ""))?;
    }
    for (k, block) in section.blocks.iter().enumerate() {
        match block {
            Block::Summary { headline, lines } => {
                for line in headline.iter().chain(lines) {
                    writeln!(out, "{}", r.wrap(&line.plain(TEXT_DASH), ""))?;
                }
                // The key figures stand apart from what follows them.
                if k + 1 < section.blocks.len() {
                    writeln!(out)?;
                }
            }
            Block::Lines(lines) => {
                for line in lines {
                    writeln!(out, "{}", r.wrap(&line.plain(TEXT_DASH), ""))?;
                }
            }
            Block::Table(t) => writeln!(out, "{}", table(r, t))?,
            Block::List { ordered, items } => {
                for (k, item) in items.iter().enumerate() {
                    let text = item.text.plain(TEXT_DASH);
                    // An entry with entries under it is headed by its id alone, as a table
                    // names an item here.
                    if !item.sub.is_empty() {
                        writeln!(
                            out,
                            "  {}",
                            clean(item.id.as_deref().unwrap_or(&text), false)
                        )?;
                        for sub in &item.sub {
                            let line = format!("- {}", sub.plain(TEXT_DASH));
                            writeln!(out, "{}", r.hang(&line, "    ", "      "))?;
                        }
                        continue;
                    }
                    // Numbered entries end with their id; bullets start with it.
                    let (first, line) = match (ordered, &item.id) {
                        (true, Some(id)) => (format!("{:>2}. ", k + 1), format!("{text} ({id})")),
                        (true, None) => (format!("{:>2}. ", k + 1), text),
                        (false, Some(id)) => ("  ".to_owned(), format!("- {id}: {text}")),
                        (false, None) => ("  ".to_owned(), format!("- {text}")),
                    };
                    writeln!(out, "{}", r.hang(&line, &first, "    "))?;
                    for more in &item.more {
                        writeln!(out, "{}", r.wrap(&more.plain(TEXT_DASH), "    "))?;
                    }
                }
            }
            Block::Quote { text, source } => {
                let line = match source {
                    Some(source) => format!("\"{text}\" - {source}"),
                    None => text.clone(),
                };
                writeln!(out, "{}", r.wrap(&line, "  "))?;
            }
            Block::BarKey(key) => {
                let mark = if ascii() { "|" } else { "│" };
                writeln!(out, "{}", r.wrap(&key.replace("{mark}", mark), ""))?;
            }
            Block::Chart(_) => {}
        }
    }
    Ok(())
}

/// A table with lines between rows only when they hold long texts, figures right-aligned, with the rows' bars in a last
/// column without a heading.
fn table(r: &TableRenderer, t: &Table) -> comfy_table::Table {
    let mut out = if t.long_rows { r.table() } else { r.compact() };
    let bars = t.rows.iter().any(|row| row.bar.is_some());
    let mut header: Vec<&str> = t.columns.iter().map(|c| c.heading.as_str()).collect();
    if bars {
        header.push("");
    }
    out.set_header(header);
    for row in &t.rows {
        let mut cells: Vec<TableCell> = row
            .cells
            .iter()
            .zip(&t.columns)
            .map(|(cell, column)| {
                let (text, figure) = match cell {
                    Cell::Text(s) => (clean(s, false).into_owned(), false),
                    Cell::Figure(s) => (clean(s, false).into_owned(), true),
                    Cell::Item { id, .. } => (clean(id, false).into_owned(), false),
                    Cell::Missing => (TEXT_DASH.to_owned(), true),
                };
                let cell = TableCell::new(text);
                // Names in a column of figures (a placement) read from the left.
                if column.numeric && figure {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            })
            .collect();
        if bars {
            let b = match row.bar {
                Some(Bar::Score { value, mark }) => bar(value, mark, BAR),
                Some(Bar::Count { count, most }) => {
                    "#".repeat((count * COUNT_BAR).div_ceil(most.max(1)).min(COUNT_BAR))
                }
                None => String::new(),
            };
            cells.push(TableCell::new(b));
        }
        out.add_row(cells);
    }
    if t.side_by_side {
        for (i, column) in out.column_iter_mut().enumerate() {
            column.set_constraint(if i == 0 {
                comfy_table::ColumnConstraint::ContentWidth
            } else {
                comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(7))
            });
        }
    }
    out
}
