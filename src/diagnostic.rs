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

/// The line of `source` holding `span.start`, with the part of `span` on that line.
fn snippet(source: &str, span: Range<usize>, line: usize) -> Option<Snippet> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let raw = source[line_start..line_end].trim_end_matches('\r');
    if raw.len() > 500 {
        return None;
    }
    // Same byte length: offsets into the line stay right.
    let text: String = raw
        .chars()
        .map(|c| {
            if c == '\t' {
                " ".to_owned()
            } else if c.is_control() {
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

/// 1-based line and character column of a byte offset.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
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
