//! Problems found in an input file, located by file, line and column.
//!
//! Every loader reports what is wrong as a list of [`Diagnostic`]s rather than stopping at the
//! first, so that `validate` can show a user everything to fix in one pass.

use std::fmt;
use std::ops::Range;

/// How serious a problem is: errors make an input unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// How an input was read, when that is worth knowing (an encoding, a tool's layout).
    Note,
    Warning,
    Error,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column in characters, when the problem has a place in the file.
    pub column: Option<usize>,
    pub message: String,
    /// What to do about it, when there is something more useful to say than the message.
    pub help: Option<String>,
    /// The offending line of the input, for showing with a caret.
    #[serde(skip)]
    pub snippet: Option<Box<Snippet>>,
}

/// One line of an input and the part of it a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The line, with control characters replaced so it prints safely and keeps its offsets.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    /// Byte range within `text`.
    pub range: Range<usize>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    pub fn note(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::error(file, message)
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    /// Places the problem at a byte offset of `source`.
    #[must_use]
    pub fn at(mut self, source: &str, span: Option<Range<usize>>) -> Self {
        if let Some(span) = span {
            let (line, column) = line_column(source, span.start);
            self.line = Some(line);
            self.column = Some(column);
            self.snippet = snippet(source, span, line).map(Box::new);
        }
        self
    }

    /// Places the problem on a whole line (CSV rows have lines but no useful column).
    #[must_use]
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, ":{line}:{column}")?,
            (Some(line), None) => write!(f, ":{line}")?,
            _ => {}
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The problems that made an input unusable, with any warnings found on the way.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", summary(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

fn summary(all: &[Diagnostic]) -> String {
    let errors = all.iter().filter(|d| d.is_error()).count();
    match all.iter().find(|d| d.is_error()) {
        Some(first) if errors == 1 => first.to_string(),
        Some(first) => format!("{first}\n(and {} more errors)", errors - 1),
        None => "no errors".to_owned(),
    }
}

/// The longest line shown under a diagnostic, in bytes.
const MAX_SNIPPET: usize = 500;

/// The line of `source` holding `span.start`, with the part of `span` on that line.
fn snippet(source: &str, span: Range<usize>, line: usize) -> Option<Snippet> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    // Only lines of at most MAX_SNIPPET bytes are shown, so only that far is searched: a file of
    // one long line with many problems stays linear.
    let back = start.saturating_sub(MAX_SNIPPET + 1);
    let line_start = match memchr::memrchr(b'\n', &source.as_bytes()[back..start]) {
        Some(i) => back + i + 1,
        None if back == 0 => 0,
        None => return None,
    };
    let ahead = (start + MAX_SNIPPET + 1).min(source.len());
    let line_end = match memchr::memchr(b'\n', &source.as_bytes()[start..ahead]) {
        Some(i) => start + i,
        None if ahead == source.len() => source.len(),
        None => return None,
    };
    let raw = source.get(line_start..line_end)?.trim_end_matches('\r');
    if raw.len() > MAX_SNIPPET {
        return None;
    }
    // Same byte length: offsets into the line stay right.
    let text: String = raw
        .chars()
        .map(|c| {
            if c == '\t' {
                " ".to_owned()
            } else if c.is_control() || crate::terminal_text::is_invisible_format(c) {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect();
    let from = (start - line_start).min(text.len());
    let mut to = span.end.saturating_sub(line_start).clamp(from, text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    Some(Snippet {
        text,
        line,
        range: from..to.max(from),
    })
}

/// The most problems reported for one file: past that, the first ones are what to fix.
pub const MAX_REPORTED: usize = 100;

/// Keeps the first [`MAX_REPORTED`] diagnostics of `file` and says how many more there were.
pub(crate) fn cap(file: &str, found: &mut Vec<Diagnostic>) {
    if found.len() > MAX_REPORTED {
        let more = found.len() - MAX_REPORTED;
        found.truncate(MAX_REPORTED);
        found.push(
            Diagnostic::error(file, format!("... and {more} more problems"))
                .with_help("fix the ones above first; many of the others may follow from them"),
        );
    }
}

/// Where the lines of one source start, and the last place found in it: while a loader runs
/// under [`indexed`], its source is indexed once, and places found in order on one long line are
/// counted on from the previous one, so locating every problem of a file takes time linear in
/// its size.
struct LineIndex {
    /// Address and length of the source: it is borrowed for as long as the index is in place,
    /// so no other text can have both.
    source: (usize, usize),
    starts: Vec<usize>,
    /// The last offset located and its column.
    last: (usize, usize),
}

thread_local! {
    static INDEX: std::cell::RefCell<Option<LineIndex>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with `source` indexed for [`Diagnostic::at`]: for loaders that may report many
/// problems in one file.
pub(crate) fn indexed<T>(source: &str, f: impl FnOnce() -> T) -> T {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
    let index = LineIndex {
        source: key(source),
        starts,
        last: (0, 1),
    };
    let outer = INDEX.with(|i| i.borrow_mut().replace(index));
    let result = f();
    INDEX.with(|i| *i.borrow_mut() = outer);
    result
}

fn key(source: &str) -> (usize, usize) {
    (source.as_ptr() as usize, source.len())
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let found = INDEX.with(|index| {
        let mut index = index.borrow_mut();
        let index = index.as_mut().filter(|i| i.source == key(source))?;
        let line = index.starts.partition_point(|&s| s <= offset);
        let line_start = index.starts[line - 1];
        let (last, last_column) = index.last;
        let column = if last >= line_start && last <= offset {
            last_column + source[last..offset].chars().count()
        } else {
            source[line_start..offset].chars().count() + 1
        };
        index.last = (offset, column);
        Some((line, column))
    });
    found.unwrap_or_else(|| {
        let before = &source[..offset];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_one_based_lines_and_character_columns() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_column(src, 9), (2, 3));
        assert_eq!(line_column(src, 1000), (3, 1));
        // Indexed, the same places, also out of order and back on an earlier line.
        indexed(src, || {
            for offset in [0, 6, 9, 1000, 9, 7, 2, 10] {
                let plain = INDEX.with(|i| i.borrow_mut().take());
                let expected = line_column(src, offset);
                INDEX.with(|i| *i.borrow_mut() = plain);
                assert_eq!(line_column(src, offset), expected, "offset {offset}");
            }
            // Another text is never located with this one's index.
            assert_eq!(line_column("other\nsource", 8), (2, 3));
        });
    }

    #[test]
    fn display_names_file_line_column_and_help() {
        let d = Diagnostic::error("q.toml", "unknown key `wieght`")
            .at("x = 1\n  wieght = 2\n", Some(8..14))
            .with_help("did you mean `weight`?");
        assert_eq!(
            d.to_string(),
            "q.toml:2:3: error: unknown key `wieght`\n  help: did you mean `weight`?"
        );
    }
}
