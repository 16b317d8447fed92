//! A menu on the terminal that answers to single keys as well as to arrows and Enter, never
//! wraps around, and always fits the window: dialoguer's `Select` takes no keys of its own,
//! wraps from the first item to the last, and pages a long menu so that the question above it
//! scrolls out of sight.
//!
//! Laying out ([`Menu::lines`]) and reading keys ([`Menu::press`]) are kept apart from drawing,
//! so both are tested without a terminal.

use std::io;

use console::{Key, Style, Term, measure_text_width, truncate_str};

/// One choice of a menu.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// The key that picks the item at once, shown before its label.
    pub(crate) key: Option<char>,
    pub(crate) label: String,
    /// The item as the compact layout names it, key included, when shorter than the key and
    /// `label`.
    pub(crate) short: Option<String>,
}

impl Item {
    pub(crate) fn new(key: Option<char>, label: impl Into<String>) -> Self {
        Self {
            key,
            label: label.into(),
            short: None,
        }
    }

    pub(crate) fn short(mut self, short: impl Into<String>) -> Self {
        self.short = Some(short.into());
        self
    }
}

/// A list of items with a cursor, its prompt above and its legend below.
#[derive(Debug, Clone)]
pub(crate) struct Menu {
    pub(crate) prompt: String,
    pub(crate) items: Vec<Item>,
    /// Keys that pick an item at once besides the items' own keys, such as `0` for `n`.
    pub(crate) aliases: Vec<(char, usize)>,
    /// The item Esc picks.
    pub(crate) escape: Option<usize>,
    /// The keys, each a piece of the legend that is never split across lines.
    pub(crate) legend: Vec<String>,
    /// How to move and choose, the legend's last piece in every layout.
    pub(crate) moves: String,
    /// A list too long for the window shows the part around the cursor, one line per item,
    /// rather than folding into the compact layout.
    pub(crate) scrolls: bool,
    pub(crate) cursor: usize,
}

/// Between the parts of a legend.
const SEPARATOR: &str = " · ";
/// Marks the rows of a scrolled list that hide more items.
const MORE: &str = "  ⋮";

impl Menu {
    /// Moves the cursor for `key`, or returns the item it picks. The cursor stops at both ends:
    /// it never wraps from the first item to the last.
    pub(crate) fn press(&mut self, key: &Key) -> Option<usize> {
        let last = self.items.len().saturating_sub(1);
        match key {
            Key::ArrowUp | Key::BackTab | Key::Char('k') => {
                self.cursor = self.cursor.saturating_sub(1);
            }
            Key::ArrowDown | Key::Tab | Key::Char('j') => self.cursor = (self.cursor + 1).min(last),
            Key::PageUp => self.cursor = self.cursor.saturating_sub(10),
            Key::PageDown => self.cursor = (self.cursor + 10).min(last),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = last,
            Key::Enter | Key::Char(' ') if !self.items.is_empty() => return Some(self.cursor),
            Key::Escape => return self.escape,
            Key::Char(c) => {
                let c = c.to_ascii_lowercase();
                return self
                    .items
                    .iter()
                    .position(|item| item.key == Some(c))
                    .or_else(|| {
                        self.aliases
                            .iter()
                            .find(|(alias, _)| *alias == c)
                            .map(|(_, i)| *i)
                    });
            }
            _ => {}
        }
        None
    }

    /// The menu laid out in at most `width` columns, each line styled: every item on a line of
    /// its own when they fit in `rows` lines, else the part of the list around the cursor (when
    /// it scrolls) or the compact layout, the items named in the legend.
    pub(crate) fn lines(&self, width: usize, rows: usize) -> Vec<String> {
        let full = self.full(width);
        if full.len() <= rows {
            full
        } else if self.scrolls {
            self.scrolled(width, rows)
        } else {
            self.compact(width)
        }
    }

    fn prompt_line(&self, width: usize, value: Option<&str>) -> String {
        let head = Style::new().for_stderr().yellow().apply_to("?");
        let arrow = Style::new().for_stderr().black().bright().apply_to("›");
        let room = width.saturating_sub(4);
        let prompt = truncate_str(&self.prompt, room, "…");
        let mut line = format!(
            "{head} {} {arrow}",
            Style::new().for_stderr().bold().apply_to(&prompt)
        );
        if let Some(value) = value {
            let room = room.saturating_sub(measure_text_width(&prompt) + 1);
            let value = truncate_str(value, room, "…");
            line.push_str(&format!(
                " {}",
                Style::new().for_stderr().cyan().apply_to(value)
            ));
        }
        line
    }

    fn has_keys(&self) -> bool {
        self.items.iter().any(|item| item.key.is_some())
    }

    /// Item `i` as lines of at most `width` columns; one line when `truncate`, else folded.
    fn item(&self, i: usize, width: usize, truncate: bool) -> Vec<String> {
        let item = &self.items[i];
        let active = i == self.cursor;
        let marker = if active {
            Style::new().for_stderr().green().apply_to("❯").to_string()
        } else {
            " ".to_owned()
        };
        let key = match (self.has_keys(), item.key) {
            (false, _) => String::new(),
            (true, None) => "  ".to_owned(),
            (true, Some(k)) => format!("{} ", Style::new().for_stderr().dim().apply_to(k)),
        };
        let indent = 2 + measure_text_width(&key);
        let room = width.saturating_sub(indent).max(1);
        let style = if active {
            Style::new().for_stderr().cyan()
        } else {
            Style::new().for_stderr()
        };
        let parts: Vec<String> = if truncate {
            vec![truncate_str(&item.label, room, "…").into_owned()]
        } else {
            wrap(&item.label, room)
        };
        parts
            .iter()
            .enumerate()
            .map(|(n, part)| {
                if n == 0 {
                    format!("{marker} {key}{}", style.apply_to(part))
                } else {
                    format!("{}{}", " ".repeat(indent), style.apply_to(part))
                }
            })
            .collect()
    }

    fn legend_lines(&self, pieces: &[String], width: usize) -> Vec<String> {
        let dim = Style::new().for_stderr().dim();
        join_pieces(pieces, width)
            .into_iter()
            .map(|line| dim.apply_to(line).to_string())
            .collect()
    }

    fn full(&self, width: usize) -> Vec<String> {
        let mut lines = vec![self.prompt_line(width, None)];
        for i in 0..self.items.len() {
            lines.extend(self.item(i, width, self.scrolls));
        }
        let mut pieces = self.legend.clone();
        pieces.push(self.moves.clone());
        lines.extend(self.legend_lines(&pieces, width));
        lines
    }

    /// The prompt with the item under the cursor, and every item named with its key.
    fn compact(&self, width: usize) -> Vec<String> {
        let current = self.items.get(self.cursor).map(|item| match item.key {
            Some(k) => format!("{k} {}", item.label),
            None => item.label.clone(),
        });
        let mut lines = vec![self.prompt_line(width, current.as_deref())];
        let mut pieces: Vec<String> = self
            .items
            .iter()
            .map(|item| match (&item.short, item.key) {
                (Some(short), _) => short.clone(),
                (None, Some(k)) => format!("{k} {}", item.label),
                (None, None) => item.label.clone(),
            })
            .collect();
        pieces.push(self.moves.clone());
        lines.extend(self.legend_lines(&pieces, width));
        lines
    }

    /// The prompt, the items around the cursor (a row marks each end that hides more), and the
    /// legend, in `rows` lines when they allow at least one item.
    fn scrolled(&self, width: usize, rows: usize) -> Vec<String> {
        let mut pieces = self.legend.clone();
        pieces.push(self.moves.clone());
        let legend = self.legend_lines(&pieces, width);
        let total = self.items.len();
        let room = rows.saturating_sub(1 + legend.len()).max(1);
        let (start, end) = window(total, self.cursor, room);
        let mut lines = vec![self.prompt_line(width, None)];
        if start > 0 {
            lines.push(MORE.to_owned());
        }
        for i in start..end {
            lines.extend(self.item(i, width, true));
        }
        if end < total {
            lines.push(MORE.to_owned());
        }
        lines.extend(legend);
        lines
    }

    /// Draws the menu on `term` under the `above` lines that must stay in sight, and reads keys
    /// until one picks an item. The menu is cleared before returning, whatever happens.
    pub(crate) fn pick(&mut self, term: &Term, above: usize) -> io::Result<usize> {
        term.hide_cursor()?;
        let picked = self.read(term, above);
        let shown = term.show_cursor();
        let picked = picked?;
        shown?;
        Ok(picked)
    }

    fn read(&mut self, term: &Term, above: usize) -> io::Result<usize> {
        loop {
            let width = usize::from(crate::term_width::of(term));
            let rows = term
                .size_checked()
                .map_or(usize::MAX, |(rows, _)| usize::from(rows));
            let lines = self.lines(width, rows.saturating_sub(above));
            // No newline after the last line, so that a menu of as many lines as the window
            // has rows does not scroll its first line away.
            term.write_str(&lines.join("\n"))?;
            term.flush()?;
            let key = term.read_key();
            clear(term, lines.len())?;
            if let Some(i) = self.press(&key?) {
                return Ok(i);
            }
        }
    }
}

/// Clears the `n` lines drawn last, the cursor on the last of them, and leaves the cursor at
/// the start of the first.
fn clear(term: &Term, n: usize) -> io::Result<()> {
    if n == 0 {
        return Ok(());
    }
    term.clear_line()?;
    if n > 1 {
        term.clear_last_lines(n - 1)?;
    }
    term.flush()
}

/// The items `start..end` of `total` to show in `room` rows with the cursor in sight, keeping a
/// row for each end that hides more items.
fn window(total: usize, cursor: usize, room: usize) -> (usize, usize) {
    if total <= room {
        return (0, total);
    }
    // Rows for items once the markers of hidden items are taken.
    let shown = room.saturating_sub(2).max(1);
    let start = cursor.saturating_sub(shown / 2).min(total - shown);
    let (mut start, mut end) = (start, start + shown);
    // At an end, the marker there is not needed and its row shows one more item.
    if start == 0 {
        end = (end + 1).min(total);
    } else if end == total {
        start = start.saturating_sub(1);
    }
    (start, end)
}

/// `text` folded into lines of at most `width` columns, words kept whole where they fit.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let options =
        textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// `pieces` joined by a separator into lines of at most `width` columns, a piece split only
/// when it is wider than a line on its own.
pub(crate) fn join_pieces(pieces: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let fits =
            measure_text_width(&line) + measure_text_width(SEPARATOR) + measure_text_width(piece)
                <= width;
        if !line.is_empty() && fits {
            line.push_str(SEPARATOR);
            line.push_str(piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if measure_text_width(piece) <= width {
            line.clone_from(piece);
        } else {
            let mut parts = wrap(piece, width);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Menu {
        let mut items: Vec<Item> = ["Strongly disagree", "Disagree", "Neutral", "Agree"]
            .iter()
            .zip('1'..)
            .map(|(label, key)| Item::new(Some(key), *label))
            .collect();
        items.push(Item::new(Some('n'), "Don't know (not applicable)").short("n Don't know"));
        items.push(Item::new(Some('q'), "Save and quit (resume later)").short("q save and quit"));
        Menu {
            prompt: "Your answer".to_owned(),
            items,
            aliases: vec![('0', 4)],
            escape: Some(5),
            legend: vec!["1-4 answer".to_owned(), "n not applicable".to_owned()],
            moves: "↑↓ move, Enter choose".to_owned(),
            scrolls: false,
            cursor: 0,
        }
    }

    fn plain(lines: &[String]) -> Vec<String> {
        lines
            .iter()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect()
    }

    #[test]
    fn the_cursor_stops_at_both_ends_instead_of_wrapping_around() {
        let mut m = answers();
        assert_eq!(m.press(&Key::ArrowUp), None);
        assert_eq!(m.cursor, 0, "up on the first item stays there");
        assert_eq!(m.press(&Key::Char('k')), None);
        assert_eq!(m.cursor, 0);
        for _ in 0..10 {
            m.press(&Key::ArrowDown);
        }
        assert_eq!(m.cursor, 5, "down on the last item stays there");
        m.press(&Key::Char('j'));
        assert_eq!(m.cursor, 5);
        m.press(&Key::Home);
        assert_eq!(m.press(&Key::Enter), Some(0));
    }

    #[test]
    fn keys_pick_their_item_at_once_wherever_the_cursor_is() {
        let mut m = answers();
        assert_eq!(m.press(&Key::Char('4')), Some(3));
        assert_eq!(m.press(&Key::Char('1')), Some(0));
        assert_eq!(m.press(&Key::Char('n')), Some(4));
        assert_eq!(m.press(&Key::Char('N')), Some(4), "letters in either case");
        assert_eq!(m.press(&Key::Char('0')), Some(4), "an alias");
        assert_eq!(m.press(&Key::Char('q')), Some(5));
        assert_eq!(m.press(&Key::Escape), Some(5));
        assert_eq!(m.press(&Key::Char('5')), None, "no fifth option");
        assert_eq!(m.press(&Key::Char('x')), None);
        assert_eq!(m.cursor, 0, "keys do not move the cursor");
    }

    #[test]
    fn the_full_layout_shows_every_item_with_its_key_then_the_legend() {
        let m = answers();
        let lines = plain(&m.lines(80, 100));
        assert_eq!(
            lines,
            [
                "? Your answer ›",
                "❯ 1 Strongly disagree",
                "  2 Disagree",
                "  3 Neutral",
                "  4 Agree",
                "  n Don't know (not applicable)",
                "  q Save and quit (resume later)",
                "1-4 answer · n not applicable · ↑↓ move, Enter choose",
            ]
        );
    }

    #[test]
    fn a_short_window_gets_the_compact_layout_and_nothing_is_wider_than_the_window() {
        let mut m = answers();
        m.cursor = 3;
        let lines = plain(&m.lines(40, 5));
        assert!(lines.len() <= 5, "{lines:?}");
        assert_eq!(lines[0], "? Your answer › 4 Agree");
        let rest = lines[1..].join(" ");
        for piece in ["1 Strongly disagree", "n Don't know", "q save and quit"] {
            assert!(rest.contains(piece), "{piece:?} in {lines:?}");
        }
        for line in &lines {
            assert!(measure_text_width(line) <= 40, "{line:?}");
        }
    }

    #[test]
    fn legend_pieces_are_never_split_across_lines() {
        let pieces: Vec<String> = ["1-5 answer", "n Don't know", "? help", "b back"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(
            join_pieces(&pieces, 25),
            ["1-5 answer · n Don't know", "? help · b back"]
        );
        assert_eq!(
            join_pieces(&pieces, 8)[0],
            "1-5",
            "split only when wider than a line"
        );
    }

    #[test]
    fn a_long_list_scrolls_to_keep_the_cursor_in_sight_within_the_rows_it_has() {
        let mut m = answers();
        m.scrolls = true;
        m.items = (1..=24)
            .map(|n| Item::new(None, format!("question {n}")))
            .collect();
        m.legend.clear();
        m.cursor = 12;
        let lines = plain(&m.lines(60, 8));
        assert_eq!(lines.len(), 8, "{lines:?}");
        assert_eq!(lines[1], MORE);
        assert!(lines.contains(&"❯ question 13".to_owned()), "{lines:?}");
        assert_eq!(lines[6], MORE);
        m.cursor = 0;
        let lines = plain(&m.lines(60, 8));
        assert_eq!(lines[1], "❯ question 1", "no marker above the first item");
        assert_eq!(lines.len(), 8, "{lines:?}");
        m.cursor = 23;
        let lines = plain(&m.lines(60, 8));
        assert_eq!(lines[lines.len() - 2], "❯ question 24");
    }

    #[test]
    fn windows_hold_the_cursor_and_no_more_rows_than_given() {
        for total in 1..30 {
            for room in 1..12 {
                for cursor in 0..total {
                    let (start, end) = window(total, cursor, room);
                    assert!(start <= cursor && cursor < end, "{total} {room} {cursor}");
                    let rows = end - start + usize::from(start > 0) + usize::from(end < total);
                    assert!(rows <= room.max(3), "{total} {room} {cursor}: {rows}");
                }
            }
        }
    }
}
