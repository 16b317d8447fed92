//! Record boundaries in the bytes of a CSV export, found without parsing its fields, so that
//! a large export can be cut into pieces that are parsed on different cores and still give
//! exactly the records, row numbers and line numbers of one reader going through the whole
//! file.
//!
//! The rules are those of the `csv` reader used for exports: `,` between fields; `\r`, `\n` or
//! `\r\n` ends a record; empty lines are skipped; a `"` opens a quoted field only at the start
//! of a field; inside one, `""` is a quote and a lone `"` closes it, after which the field goes
//! on unquoted.

/// Where a piece of an export can end, and what comes before that point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cut {
    /// Bytes up to the end of the last whole record.
    pub end: usize,
    /// Records (non-empty lines outside quotes) before `end`.
    pub records: u64,
    /// `\n` bytes before `end`.
    pub newlines: u64,
}

/// The last record boundary in `bytes`, which start at a record boundary. With `at_eof` the end
/// of `bytes` ends the last record too. A cut never falls between a `\r` and a `\n`, nor inside
/// a quoted field.
pub fn last_cut(bytes: &[u8], at_eof: bool) -> Cut {
    let mut cut = Cut::default();
    let (mut records, mut newlines, mut record_start) = (0u64, 0u64, 0usize);
    let mut i = 0usize;
    while let Some(found) = memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]) {
        let p = i + found;
        match bytes[p] {
            // A quote opens a quoted field only at the start of a field; elsewhere it is text.
            b'"' if p == record_start || bytes[p - 1] == b',' => {
                let Some(close) = closing_quote(bytes, p + 1, at_eof) else {
                    // Unclosed so far: no cut inside it.
                    break;
                };
                newlines += memchr::memchr_iter(b'\n', &bytes[p..close]).count() as u64;
                i = close + 1;
            }
            b'"' => i = p + 1,
            terminator => {
                newlines += u64::from(terminator == b'\n');
                records += u64::from(p > record_start);
                record_start = p + 1;
                i = p + 1;
                // Never between `\r` and `\n`, nor at a `\r` whose next byte is not read yet.
                if terminator == b'\n' || bytes.get(p + 1).is_some_and(|&b| b != b'\n') {
                    cut = Cut {
                        end: p + 1,
                        records,
                        newlines,
                    };
                }
            }
        }
    }
    if !at_eof {
        return cut;
    }
    // The end of the input ends the last record, even one in an unclosed quote.
    Cut {
        end: bytes.len(),
        records: records + u64::from(bytes.len() > record_start),
        newlines: cut.newlines + memchr::memchr_iter(b'\n', &bytes[cut.end..]).count() as u64,
    }
}

/// The position of the quote that closes a quoted field whose text starts at `from`, stepping
/// over `""`; `None` while it is not known.
fn closing_quote(bytes: &[u8], mut from: usize, at_eof: bool) -> Option<usize> {
    loop {
        let k = from + memchr::memchr(b'"', &bytes[from..])?;
        match bytes.get(k + 1) {
            Some(b'"') => from = k + 2,
            // The next byte may be a second quote.
            None if !at_eof => return None,
            _ => return Some(k),
        }
    }
}

/// The line a record starts on, in a piece of an export whose first byte is on line `first`.
/// `start` and `reader_line` are where the `csv` reader began the record (its position): that
/// may be the `\n` of a `\r\n` or blank lines before the record, whose `\n`s the reader has
/// not counted yet.
pub fn record_line(bytes: &[u8], start: u64, reader_line: u64, first: u64) -> u64 {
    let start = usize::try_from(start)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let skipped = bytes[start..]
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .filter(|&&b| b == b'\n')
        .count() as u64;
    first - 1 + reader_line + skipped
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each record of `bytes` as one `csv` reader sees it: its fields and its line.
    fn records(bytes: &[u8]) -> Vec<(Vec<Vec<u8>>, u64)> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut out = Vec::new();
        let mut record = csv::ByteRecord::new();
        while r.read_byte_record(&mut record).unwrap_or(false) {
            let at = record.position().map_or((0, 1), |p| (p.byte(), p.line()));
            let line = record_line(bytes, at.0, at.1, 1);
            out.push((record.iter().map(<[u8]>::to_vec).collect(), line));
        }
        out
    }

    /// The records of `bytes` read piece by piece, `block` bytes more at a time, each piece
    /// parsed on its own and its lines shifted by the newlines before it.
    fn in_pieces(bytes: &[u8], block: usize) -> Vec<(Vec<Vec<u8>>, u64)> {
        let (mut out, mut start, mut read, mut lines) = (Vec::new(), 0, 0, 0);
        loop {
            read = (read + block).min(bytes.len());
            let at_eof = read == bytes.len();
            let cut = last_cut(&bytes[start..read], at_eof);
            let piece = records(&bytes[start..start + cut.end]);
            assert_eq!(
                piece.len() as u64,
                cut.records,
                "records counted in {piece:?}"
            );
            out.extend(piece.into_iter().map(|(f, l)| (f, l + lines)));
            lines += cut.newlines;
            start += cut.end;
            if at_eof {
                return out;
            }
        }
    }

    #[test]
    fn hand_picked_exports_read_the_same_in_pieces() {
        for text in [
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n\r\n3,4",
            "a,\"b\nc\",d\n1,2,3\n",
            "x\"y,\"q\"\"\n\"\n2\n",
            "\"a\"b,c\n\n\n1\r2\r",
            "\"unclosed\n1,2\n",
            "",
            "\n\n",
        ] {
            for block in [1, 2, 3, 7, 64] {
                assert_eq!(
                    in_pieces(text.as_bytes(), block),
                    records(text.as_bytes()),
                    "{text:?} by {block}"
                );
            }
        }
    }

    #[test]
    fn never_cuts_inside_quotes_or_a_crlf() {
        let text = b"a,\"b\nc\"\r\nd,e\r";
        let cut = last_cut(text, false);
        assert_eq!(cut.end, 9, "after the first record's \\r\\n");
        assert_eq!(cut.records, 1);
        assert_eq!(cut.newlines, 2);
        assert_eq!(last_cut(b"a,b\n1,\"2\n3", false).end, 4);
        assert_eq!(
            last_cut(b"a\n\"2\"", false).end,
            2,
            "the quote may be doubled next"
        );
    }

    proptest! {
        #[test]
        fn any_export_reads_the_same_in_pieces(
            text in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(b' ')
            ], 0..200),
            block in 1usize..40,
        ) {
            prop_assert_eq!(in_pieces(&text, block), records(&text));
        }
    }
}
