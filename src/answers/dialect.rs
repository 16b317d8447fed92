//! How an export's bytes are written: its encoding and its delimiter, told from its first bytes.
//!
//! Survey tools write UTF-8 (LimeSurvey and Excel's "CSV UTF-8" with a byte-order mark), Excel's
//! "CSV" in a European locale writes `;` and Windows-1252, and its "Unicode Text" writes UTF-16
//! with tabs. Nothing in a CSV file says which, so the first bytes decide.

/// The character encoding of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Excel's "CSV" in Western European locales; every byte is one character.
    Windows1252,
    Utf16Le,
    Utf16Be,
}

/// What the first bytes of an export say about how to read the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub encoding: Encoding,
    /// Bytes of the byte-order mark to skip.
    pub bom: usize,
    pub delimiter: u8,
}

impl Dialect {
    /// The dialect of a file whose first bytes are `head` (all of it when `whole`).
    pub fn sniff(head: &[u8], whole: bool) -> Self {
        let (encoding, bom) = if head.starts_with(b"\xEF\xBB\xBF") {
            (Encoding::Utf8, 3)
        } else if head.starts_with(b"\xFF\xFE") {
            (Encoding::Utf16Le, 2)
        } else if head.starts_with(b"\xFE\xFF") {
            (Encoding::Utf16Be, 2)
        } else {
            match std::str::from_utf8(head) {
                Ok(_) => (Encoding::Utf8, 0),
                // A character cut by the end of the sample is not a sign of another encoding.
                Err(e) if e.error_len().is_none() && !whole => (Encoding::Utf8, 0),
                Err(_) => (Encoding::Windows1252, 0),
            }
        };
        let delimiter = match encoding {
            Encoding::Utf8 | Encoding::Windows1252 => delimiter(&head[bom..]),
            Encoding::Utf16Le | Encoding::Utf16Be => b'\t',
        };
        Self {
            encoding,
            bom,
            delimiter,
        }
    }

    /// Whether rows must be decoded before they are parsed as UTF-8.
    pub fn is_utf8(&self) -> bool {
        self.encoding == Encoding::Utf8
    }

    /// The name of the encoding, for notes.
    pub fn encoding_name(&self) -> &'static str {
        match self.encoding {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }

    /// `bytes` as UTF-8 text bytes (Windows-1252 decoded; UTF-8 borrowed as is).
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
        match self.encoding {
            Encoding::Windows1252 => {
                match encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                {
                    std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
                    std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
                }
            }
            _ => std::borrow::Cow::Borrowed(bytes),
        }
    }
}

/// The delimiter of the first record: whichever of `,`, `;` and tab occurs most outside quotes
/// (`,` when none does).
fn delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// Writes a UTF-16 file (after its byte-order mark) to `out` as UTF-8.
pub fn transcode_utf16(
    encoding: Encoding,
    input: &mut dyn std::io::Read,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut decoder = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE.new_decoder_with_bom_removal(),
        _ => encoding_rs::UTF_16LE.new_decoder_with_bom_removal(),
    };
    let mut buf = vec![0u8; 1 << 16];
    let mut text = String::with_capacity(1 << 17);
    loop {
        let n = input.read(&mut buf)?;
        let last = n == 0;
        let mut start = 0;
        loop {
            // `text` keeps its capacity, so every round decodes something.
            text.clear();
            let (result, read, _) = decoder.decode_to_string(&buf[start..n], &mut text, last);
            out.write_all(text.as_bytes())?;
            start += read;
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        if last {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_from_the_first_bytes() {
        assert_eq!(Dialect::sniff(b"a,b\n", true).encoding, Encoding::Utf8);
        let bom = Dialect::sniff(b"\xEF\xBB\xBFa;b\n", true);
        assert_eq!(
            (bom.encoding, bom.bom, bom.delimiter),
            (Encoding::Utf8, 3, b';')
        );
        assert_eq!(
            Dialect::sniff(b"\xFF\xFEa\0\tb\0", true).encoding,
            Encoding::Utf16Le
        );
        // "Plutôt d'accord" in Windows-1252: 0xF4 is no UTF-8.
        assert_eq!(
            Dialect::sniff(b"id;q\nx;Plut\xF4t\n", true).encoding,
            Encoding::Windows1252
        );
        // A sample that ends inside a UTF-8 character.
        assert_eq!(
            Dialect::sniff("a,é".as_bytes()[..4].as_ref(), false).encoding,
            Encoding::Utf8
        );
    }

    #[test]
    fn delimiters_outside_quotes() {
        assert_eq!(delimiter(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(delimiter(b"\"a,b,c\";\"d\"\n"), b';');
        assert_eq!(delimiter(b"a\tb\tc\r\n"), b'\t');
        assert_eq!(delimiter(b"single\n"), b',');
    }

    #[test]
    fn windows_1252_decodes_typographic_apostrophes() {
        let d = Dialect::sniff(b"x;Pas d\x92accord\n", true);
        assert_eq!(&*d.decode(b"Pas d\x92accord"), "Pas d’accord".as_bytes());
    }

    #[test]
    fn utf16_to_utf8() {
        let text = "id\tq\r\nAna\tD’accord\r\n".repeat(5000);
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let mut out = Vec::new();
        transcode_utf16(Encoding::Utf16Le, &mut bytes.as_slice(), &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }
}
