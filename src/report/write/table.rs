//! A report in a terminal: the title and the lines under it, then each section with its heading over
//! its tables (comfy-table, with a bar beside each row that has one), lines and lists, within
//! the width given. Charts are not drawn: their figures stand in the section's tables. Sections
//! meant for a handed-over report only are left out.

use std::io::{self, Write};

use comfy_table::{Cell as TableCell, CellAlignment, ContentArrangement, Table as Grid, presets};

use crate::i18n::fill;
use crate::report::number::TEXT_DASH;
use crate::report::view::{Bar, Block, Cell, Document, Section, Table, Text};
use crate::terminal_text::clean;

/// Lines above and below the table and under its header only.
const COMPACT: &str = "  ── ══      ──    ";
/// The same in ASCII, for terminals and printers without box-drawing characters.
const COMPACT_ASCII: &str = "  -- ==      --    ";

/// Whether tables and bars use ASCII only (`--ascii`).
static ASCII: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Draws tables and bars in ASCII only from now on.
pub fn set_ascii(ascii: bool) {
    ASCII.store(ascii, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) fn ascii() -> bool {
    ASCII.load(std::sync::atomic::Ordering::Relaxed)
}

/// A bar of `width` cells for a score in percent, with the threshold marked when given.
fn bar(score: Option<f64>, threshold: Option<f64>, width: usize) -> String {
    let Some(v) = score else { return String::new() };
    let (full, empty, mark) = if ascii() {
        ('#', '.', '|')
    } else {
        ('█', '░', '│')
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let cells = |x: f64| ((x.clamp(0.0, 100.0) / 100.0) * width as f64).round() as usize;
    let filled = cells(v);
    let at = threshold.map(|t| cells(t).min(width.saturating_sub(1)));
    (0..width)
        .map(|i| {
            if Some(i) == at {
                mark
            } else if i < filled {
                full
            } else {
                empty
            }
        })
        .collect()
}

/// A sparkline: one character per value, as high against `top` as the value, a space where a
/// value is missing.
fn spark(values: &[Option<f64>], top: f64) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    const ASCII_LEVELS: [char; 8] = ['_', '.', ',', '-', '~', '=', '+', '#'];
    let levels = if ascii() { ASCII_LEVELS } else { BLOCKS };
    values
        .iter()
        .map(|v| match v {
            Some(v) if top > 0.0 => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let k = ((v / top).clamp(0.0, 1.0) * 7.0).round() as usize;
                levels[k.min(7)]
            }
            _ => ' ',
        })
        .collect()
}

/// What a terminal of a given width draws with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terminal {
    width: u16,
}

impl Terminal {
    pub(crate) fn new(width: u16) -> Self {
        Self { width }
    }

    pub(crate) fn table(&self) -> Grid {
        let mut t = Grid::new();
        t.load_preset(if ascii() {
            presets::ASCII_HORIZONTAL_ONLY
        } else {
            presets::UTF8_HORIZONTAL_ONLY
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(self.width);
        t
    }

    /// A table without lines between rows, for rows that fit on one line.
    pub(crate) fn compact(&self) -> Grid {
        let mut t = self.table();
        t.load_preset(if ascii() { COMPACT_ASCII } else { COMPACT });
        t
    }

    /// The width drawn within, in columns.
    pub(crate) fn width(&self) -> u16 {
        self.width
    }

    pub(crate) fn wrap(&self, text: &str, indent: &str) -> String {
        self.hang(text, indent, indent)
    }

    /// Wraps with a hanging indent, so numbered items read as a list.
    pub(crate) fn hang(&self, text: &str, first: &str, rest: &str) -> String {
        let options = textwrap::Options::new(usize::from(self.width))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(first)
            .subsequent_indent(rest);
        textwrap::fill(&clean(text, false), options)
    }
}

/// The width of the bar beside a row.
const BAR: usize = 16;
/// The width of the bar beside a row of a table whose long texts need the room.
const SHORT_BAR: usize = 10;
/// The longest count bar.
const COUNT_BAR: usize = 30;

/// Writes `doc` for a terminal `width` columns wide.
pub(crate) fn write(out: &mut dyn Write, doc: &Document, width: u16) -> io::Result<()> {
    let r = Terminal::new(width);
    writeln!(out, "{}", r.wrap(&doc.title, ""))?;
    for line in &doc.subtitle {
        writeln!(out, "{}", r.wrap(&line.plain(TEXT_DASH), ""))?;
    }
    for section in doc.sections.iter().filter(|s| !s.handout && s.has_text()) {
        writeln!(out)?;
        self::section(out, &r, section, &doc.lang)?;
    }
    Ok(())
}

/// Writes one section, heading first, for a terminal; the brackets and colons around ids are
/// those of `lang`.
pub(crate) fn section(
    out: &mut dyn Write,
    r: &Terminal,
    section: &Section,
    lang: &str,
) -> io::Result<()> {
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
            Block::Lead(line) => writeln!(out, "{}", r.wrap(&line.plain(TEXT_DASH), "  "))?,
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
                    // Numbered entries end with their id, unless a figure goes with it; bullets
                    // start with it.
                    let figure = item
                        .figure
                        .as_ref()
                        .map(|f| Text(vec![f.clone()]).plain(TEXT_DASH));
                    let named = |name: &str| fill(lang, "{name}: ", &[("name", name)]);
                    let (first, line) = match (ordered, &item.id) {
                        (true, Some(id)) if figure.is_some() => {
                            let score = figure.unwrap_or_default();
                            let lead =
                                fill(lang, "{id} ({score})", &[("id", id), ("score", &score)]);
                            (format!("{:>2}. ", k + 1), format!("{}{text}", named(&lead)))
                        }
                        (true, Some(id)) => (
                            format!("{:>2}. ", k + 1),
                            fill(lang, "{text} ({id})", &[("text", &text), ("id", id)]),
                        ),
                        (true, None) => (format!("{:>2}. ", k + 1), text),
                        (false, Some(id)) => ("  ".to_owned(), format!("- {}{text}", named(id))),
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

/// `text` with a space after each Chinese enumeration comma that runs into a Latin id
/// ("a（0.0）、b（0.0）"): a table cell breaks its lines at spaces only, and would otherwise cut a
/// list of ids in the middle of one.
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '、' && chars.peek().is_some_and(char::is_ascii_alphanumeric) {
            out.push(' ');
        }
    }
    out
}

/// A table with lines between rows only when they hold long texts, figures right-aligned, the
/// placement's row marked in a first column, and the rows' bars in a column without a heading
/// after the last column of figures.
fn table(r: &Terminal, t: &Table) -> Grid {
    let mut out = if t.long_rows { r.table() } else { r.compact() };
    let bars = t.rows.iter().any(|row| row.bar.is_some());
    let marks = t.rows.iter().any(|row| row.here);
    // The bar goes beside the figures it draws.
    let bar_at = t
        .columns
        .iter()
        .rposition(|c| c.numeric)
        .map_or(t.columns.len(), |k| k + 1);
    let mut header: Vec<&str> = Vec::new();
    if marks {
        header.push("");
    }
    for (k, c) in t.columns.iter().enumerate() {
        if bars && k == bar_at {
            header.push("");
        }
        header.push(c.heading.as_str());
    }
    if bars && bar_at == t.columns.len() {
        header.push("");
    }
    // The longest word of each column, header included: what a column needs so that it wraps
    // between words only.
    let mut words: Vec<usize> = header.iter().map(|h| longest_word(h)).collect();
    // And each column's widest line: what it takes unwrapped.
    let mut lines: Vec<usize> = header.iter().map(|h| widest_line(h)).collect();
    out.set_header(header);
    for row in &t.rows {
        let mut cells: Vec<(String, bool)> = row
            .cells
            .iter()
            .zip(&t.columns)
            .map(|(cell, column)| {
                let (text, figure) = match cell {
                    Cell::Text(s) => (breakable(&clean(s, false)), false),
                    Cell::Figure(s) => (clean(s, false).into_owned(), true),
                    Cell::Item { id, .. } => (clean(id, false).into_owned(), false),
                    Cell::Missing => (TEXT_DASH.to_owned(), true),
                };
                // Names in a column of figures (a placement) read from the left.
                (text, column.numeric && figure)
            })
            .collect();
        if bars {
            let b = match &row.bar {
                Some(Bar::Score { value, mark }) => {
                    bar(*value, *mark, if t.long_rows { SHORT_BAR } else { BAR })
                }
                Some(Bar::Count { count, most }) => {
                    "#".repeat((count * COUNT_BAR).div_ceil((*most).max(1)).min(COUNT_BAR))
                }
                Some(Bar::Spark { values, top }) => spark(values, *top),
                None => String::new(),
            };
            cells.insert(bar_at.min(cells.len()), (b, false));
        }
        if marks {
            cells.insert(0, ((if row.here { ">" } else { "" }).to_owned(), false));
        }
        for (k, (text, _)) in cells.iter().enumerate() {
            if let Some(w) = words.get_mut(k) {
                *w = (*w).max(longest_word(text));
            }
            if let Some(w) = lines.get_mut(k) {
                *w = (*w).max(widest_line(text));
            }
        }
        out.add_row(cells.into_iter().map(|(text, right)| {
            let cell = TableCell::new(text);
            if right {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    if t.side_by_side {
        for (i, column) in out.column_iter_mut().enumerate() {
            column.set_constraint(if i == 0 {
                comfy_table::ColumnConstraint::ContentWidth
            } else {
                comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(7))
            });
        }
        return out;
    }
    // A table too wide for the width, whose columns' longest words fit it (with a space each
    // side), is laid out so that no word is cut: the column of long texts wraps between words
    // instead. Otherwise the table is laid out as comfy-table sees fit.
    let padded: Vec<u16> = words
        .iter()
        .map(|w| u16::try_from(w + 2).unwrap_or(u16::MAX))
        .collect();
    // Columns are set apart by one column of the frame each.
    let frame = padded.len().saturating_sub(1);
    let needed = padded.iter().map(|&w| usize::from(w)).sum::<usize>() + frame;
    let unwrapped = lines.iter().map(|w| w + 2).sum::<usize>() + frame;
    if unwrapped > usize::from(r.width()) && needed <= usize::from(r.width()) {
        // The column with the most to wrap (the long texts) stays free to take the room the
        // others leave.
        let widest = lines
            .iter()
            .zip(&words)
            .enumerate()
            .filter(|(_, (line, word))| line > word)
            .max_by_key(|(_, (line, word))| **line - **word)
            .map(|(k, _)| k);
        for (k, (column, w)) in out.column_iter_mut().zip(padded).enumerate() {
            if Some(k) != widest {
                column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(w),
                ));
            }
        }
    }
    out
}

/// The width of `text` in columns (a wide character counts two).
fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| if u32::from(c) >= 0x2e80 { 2 } else { 1 })
        .sum()
}

/// The width of the longest word of `text`.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(columns).max().unwrap_or(0)
}

/// The width of the widest line of `text`.
fn widest_line(text: &str) -> usize {
    text.lines().map(columns).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::view::{Column, Row};

    /// Ids beside a long statement, as in a group's "Items to discuss".
    fn discuss() -> Table {
        let row = |id: &str| {
            Row {
            cells: vec![
                Cell::Text(id.to_owned()),
                Cell::Figure("3.00".to_owned()),
                Cell::Figure("1.67".to_owned()),
                Cell::Figure("6".to_owned()),
                Cell::Text(
                    "Front-line staff resolve common customer problems on the spot without a manager's approval.".to_owned(),
                ),
            ],
            bar: None,
            here: false,
        }
        };
        Table {
            caption: None,
            long_rows: true,
            side_by_side: false,
            columns: vec![
                Column::text("Item"),
                Column::figure("Mean"),
                Column::figure("SD"),
                Column::figure("Answers"),
                Column::text("Statement"),
            ],
            rows: vec![row("engaged-empowerment"), row("driven-relationship")],
        }
    }

    #[test]
    fn a_narrow_terminal_wraps_the_long_texts_and_never_cuts_an_id() {
        // At 60 columns the ids and the statement's words fit; they are not cut.
        for width in [60, 80, 120] {
            let text = table(&Terminal::new(width), &discuss()).to_string();
            for id in ["engaged-empowerment", "driven-relationship"] {
                assert!(text.contains(id), "{id} cut at {width} columns:\n{text}");
            }
            for line in text.lines() {
                assert!(
                    line.chars().count() <= usize::from(width),
                    "wider than {width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn a_table_whose_words_cannot_all_fit_is_still_drawn_within_the_width() {
        // 30 columns cannot hold every word: comfy-table cuts words to fit, within the width.
        let text = table(&Terminal::new(30), &discuss()).to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
        assert!(!text.contains("engaged-empowerment"), "{text}");
    }
}
