//! Text from questionnaires and answer files made safe to print to a terminal: escape sequences
//! and control characters are removed, so a file cannot move the cursor, retitle the window or
//! hide what it says.

use std::borrow::Cow;

/// `text` without escape sequences and control characters; newlines and tabs are kept only when
/// `multiline` (and tabs become spaces).
pub(crate) fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\n' if multiline => out.push('\n'),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
}
