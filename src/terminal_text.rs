//! Text made safe to print to a terminal: escape sequences and control characters are removed,
//! so a file cannot move the cursor, retitle the window or hide what it says; and characters
//! that reorder or hide text (bidi overrides and isolates, zero-width characters) are shown as
//! escapes, so `admin\u{202e}txt.exe` cannot pose as `adminexe.txt`.
//!
//! [`clean`] is the one rule; [`Cleaning`] applies it to everything a command writes to a
//! terminal, CSV and JSON included.

use std::borrow::Cow;
use std::io::{self, Write};

/// Characters that change how the text around them is ordered or joined while being invisible
/// themselves: shown as escapes wherever text reaches a reader.
pub(crate) fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// `text` without escape sequences and control characters, with invisible format characters
/// shown as `\u{...}`; newlines and tabs are kept only when `multiline` (and tabs become spaces).
pub(crate) fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    clean_with(
        text,
        if multiline {
            Keep::Newlines
        } else {
            Keep::Nothing
        },
    )
}

/// Which layout characters survive cleaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Nothing,
    Newlines,
    /// Newlines and tabs as they are: for machine-readable output shown on a terminal.
    NewlinesAndTabs,
}

fn clean_with(text: &str, keep: Keep) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() || is_invisible_format(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\n' if keep != Keep::Nothing => out.push('\n'),
            '\t' if keep == Keep::NewlinesAndTabs => out.push('\t'),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if is_invisible_format(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A writer that cleans what passes through it, line by line, before it reaches a terminal.
/// Invalid UTF-8 is shown as U+FFFD.
#[derive(Debug)]
pub(crate) struct Cleaning<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Cleaning<W> {
    pub(crate) fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_clean(&mut self, bytes: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        self.inner
            .write_all(clean_with(&text, Keep::NewlinesAndTabs).as_bytes())
    }
}

impl<W: Write> Drop for Cleaning<W> {
    /// A writer dropped without a flush still delivers its last line; errors are for `flush`.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl<W: Write> Write for Cleaning<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Whole lines only: a line break never falls inside a UTF-8 character.
        if let Some(end) = memchr::memrchr(b'\n', &self.pending) {
            let rest = self.pending.split_off(end + 1);
            let lines = std::mem::replace(&mut self.pending, rest);
            self.write_clean(&lines)?;
        } else if self.pending.len() > 1 << 16 {
            // A very long line: cut it at a character boundary.
            let cut = match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.len(),
                Err(e) if e.error_len().is_none() => e.valid_up_to(),
                Err(_) => self.pending.len(),
            };
            let rest = self.pending.split_off(cut);
            let head = std::mem::replace(&mut self.pending, rest);
            self.write_clean(&head)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.write_clean(&rest)?;
        self.inner.flush()
    }
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        // OSC, DCS, SOS, PM, APC: strings ended by BEL or ESC \
        Some(']' | 'P' | 'X' | '^' | '_') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn removes_escape_sequences_and_control_characters() {
        assert_eq!(clean("plain", false), "plain");
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m", false), "red");
        assert_eq!(clean("a\u{1b}]0;evil title\u{7}b", false), "ab");
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", false),
            "alink"
        );
        assert_eq!(clean("bell\u{7}\u{8}\u{8}x", false), "bellx");
        assert_eq!(clean("two\nlines", false), "two lines");
        assert_eq!(clean("two\nlines\r", true), "two\nlines ");
        assert_eq!(clean("\u{9b}2Jcsi", false), "csi");
    }

    #[test]
    fn shows_characters_that_reorder_or_hide_text() {
        assert_eq!(
            clean("admin\u{202e}txt.exe", false),
            "admin\\u{202e}txt.exe"
        );
        assert_eq!(clean("a\u{200b}b\u{2066}c", false), "a\\u{200b}b\\u{2066}c");
        assert_eq!(clean("日本語 français", false), "日本語 français");
    }

    #[test]
    fn the_writer_cleans_whatever_is_written_through_it_and_keeps_tabs_and_lines() {
        use std::io::Write;
        let mut out = super::Cleaning::new(Vec::new());
        let text = "id,name\n1,\u{1b}]2;PWNED\u{7}Eve\u{1b}[2J\t\u{85}x\u{202e}\n2,Zoë";
        // Written a byte at a time, so escapes and characters are split across writes.
        for b in text.as_bytes() {
            out.write_all(std::slice::from_ref(b)).expect("write");
        }
        out.flush().expect("flush");
        assert_eq!(
            String::from_utf8(std::mem::take(&mut out.inner)).expect("utf-8"),
            "id,name\n1,Eve\tx\\u{202e}\n2,Zoë"
        );
    }
}
