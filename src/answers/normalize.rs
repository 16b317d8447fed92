//! How texts written by survey tools are compared with the questionnaire's: column headers with
//! question ids and texts, cells with option labels.
//!
//! Tools and spreadsheets change texts in small ways on the way out: typographic apostrophes
//! become straight ones (or the reverse), spaces become non-breaking, a full stop or question
//! mark is added, case changes. Two texts that differ only so are the same text here.

/// `text` lower-cased, with every run of white space (non-breaking included) one space,
/// typographic quotes straight, and no white space or punctuation at either end.
pub(crate) fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' => {
                space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let end = out
        .trim_end_matches(|c: char| is_edge_punctuation(c) || c == ' ')
        .len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(is_edge_punctuation).len();
    out.drain(..start);
    out.trim_start().to_owned()
}

/// Punctuation a tool may add to, or drop from, either end of a text.
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ':'
            | ';'
            | '?'
            | '!'
            | '"'
            | '*'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF1F}'
            | '\u{FF01}'
            | '\u{FF1A}'
            | '\u{FF0C}'
    )
}

/// An identifier as tools rewrite it: lower case, letters and digits only, so that
/// `focused-knowledge`, `focused_knowledge`, `Focused_Knowledge` and LimeSurvey's
/// `focusedknowledge` are one key.
pub(crate) fn id_key(text: &str) -> String {
    // Headers are mostly ASCII, which needs no Unicode tables.
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The label in a cell such as `4 - Agree`, `4. Agree`, `(4) Agree` or `4 = Agree`: tools that
/// number their choices write the number before the label.
pub(crate) fn numbered_label(cell: &str) -> Option<&str> {
    let t = cell.trim_start().trim_start_matches('(');
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let rest = t[digits..].trim_start_matches(')');
    let after = rest.trim_start();
    let label = after
        .strip_prefix(['-', '.', '=', ':', '\u{2013}', '\u{2014}'])
        .or_else(|| (after.len() < rest.len()).then_some(after))?;
    let label = label.trim();
    (!label.is_empty() && label.chars().any(char::is_alphabetic)).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_tools_make_are_not_differences() {
        let ours = normal("Don't know");
        for theirs in [
            "Don’t know",
            "don't know",
            "  Don't\u{a0}know. ",
            "DON'T  KNOW",
            "\"Don't know\"",
        ] {
            assert_eq!(normal(theirs), ours, "{theirs:?}");
        }
        assert_eq!(normal("Pas d’accord"), normal("pas d'accord"));
        assert_eq!(normal("你同意吗？"), "你同意吗");
        assert_ne!(normal("Agree"), normal("Disagree"));
        assert_eq!(normal(""), "");
        assert_eq!(normal("..."), "");
    }

    #[test]
    fn inner_punctuation_is_kept() {
        assert_eq!(
            normal("Marketing, sales and service work from one record."),
            "marketing, sales and service work from one record"
        );
    }

    #[test]
    fn ids_as_tools_rewrite_them() {
        for theirs in [
            "focused-knowledge",
            "focused_knowledge",
            "Focused_Knowledge",
            "focusedknowledge",
        ] {
            assert_eq!(id_key(theirs), "focusedknowledge");
        }
    }

    proptest::proptest! {
        /// The ASCII shortcut gives what the Unicode rule gives.
        #[test]
        fn ascii_ids_key_as_unicode_ones(text in "[ -~]{0,40}") {
            let unicode: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(id_key(&text), unicode);
        }
    }

    #[test]
    fn numbered_labels() {
        assert_eq!(numbered_label("4 - Agree"), Some("Agree"));
        assert_eq!(numbered_label("4. Agree"), Some("Agree"));
        assert_eq!(numbered_label("(4) Agree"), Some("Agree"));
        assert_eq!(numbered_label("5 = Strongly agree"), Some("Strongly agree"));
        assert_eq!(numbered_label("4"), None);
        assert_eq!(numbered_label("4.5"), None);
        assert_eq!(numbered_label("-2"), None);
        assert_eq!(numbered_label("Agree"), None);
        assert_eq!(numbered_label("12 -"), None);
    }
}
