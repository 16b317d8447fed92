//! The head of an export: its dialect, which tool wrote it, its header rows (one to three,
//! depending on the tool) and its first data rows, read from the file's first bytes.

use super::dialect::{Dialect, Encoding};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Bytes read from the start of an export to learn how it is written.
pub const HEAD_BYTES: usize = 1 << 20;
/// Data rows kept from the head, to see how answers are coded before scoring any.
const SAMPLE_ROWS: usize = 2000;

/// The survey tool an export's layout says wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One header row naming the columns (this tool's own layout, Google Forms, Typeform, ...).
    Plain,
    /// Three header rows: export tags, question texts, `{"ImportId":...}`.
    Qualtrics,
    /// Qualtrics' legacy layout: `V1`... and export tags, then question texts.
    QualtricsLegacy,
    /// Two header rows: each question's text over its first column, then its sub-questions.
    SurveyMonkey,
    LimeSurvey,
    GoogleForms,
    MicrosoftForms,
    Typeform,
    Alchemer,
    SurveyJs,
}

impl ExportKind {
    /// How the kind is named in notes and in `centricity map`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "CSV with one header row",
            Self::Qualtrics => "Qualtrics CSV (three header rows)",
            Self::QualtricsLegacy => "Qualtrics legacy CSV (two header rows)",
            Self::SurveyMonkey => "SurveyMonkey CSV (two header rows)",
            Self::LimeSurvey => "LimeSurvey CSV",
            Self::GoogleForms => "Google Forms CSV",
            Self::MicrosoftForms => "Microsoft Forms workbook",
            Self::Typeform => "Typeform CSV",
            Self::Alchemer => "Alchemer CSV",
            Self::SurveyJs => "SurveyJS results",
        }
    }

    /// How many of the first rows are header rows.
    pub fn header_rows(self) -> usize {
        match self {
            Self::Qualtrics => 3,
            Self::QualtricsLegacy | Self::SurveyMonkey => 2,
            _ => 1,
        }
    }
}

/// What the first bytes of an export hold.
#[derive(Debug, Clone)]
pub struct ExportHead {
    pub dialect: Dialect,
    pub kind: ExportKind,
    /// The header rows, decoded and trimmed.
    pub header: Vec<csv::StringRecord>,
    /// The first data rows, decoded.
    pub sample: Vec<csv::StringRecord>,
    /// Whether `sample` holds every data row of the file.
    pub sample_is_all: bool,
    /// Byte offset of the first data row, and its line.
    pub data_start: u64,
    pub first_line: u64,
}

impl ExportHead {
    /// Reads the head of `file` from its first bytes `head` (the whole file when `whole`).
    /// `kind` is given when the caller knows the tool (a converted workbook or JSON).
    pub fn read(
        file: &str,
        head: &[u8],
        whole: bool,
        kind: Option<ExportKind>,
    ) -> Result<Self, Diagnostics> {
        let dialect = Dialect::sniff(head, whole);
        if !matches!(dialect.encoding, Encoding::Utf8 | Encoding::Windows1252) {
            // Read again once transcoded to UTF-8: its records are not bytes this reader knows.
            return Ok(Self {
                dialect,
                kind: ExportKind::Plain,
                header: Vec::new(),
                sample: Vec::new(),
                sample_is_all: false,
                data_start: 0,
                first_line: 1,
            });
        }
        let body = &head[dialect.bom.min(head.len())..];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(dialect.delimiter)
            .from_reader(body);
        let mut records: Vec<(csv::StringRecord, u64, u64)> = Vec::new();
        let mut raw = csv::ByteRecord::new();
        let mut complete = true;
        loop {
            match reader.read_byte_record(&mut raw) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    if records.len() < 3 {
                        return Err(Diagnostics(vec![super::csv_export::csv_error(file, &e)]));
                    }
                    complete = false;
                    break;
                }
            }
            let position = reader.position();
            let mut record = csv::StringRecord::new();
            for (k, field) in raw.iter().enumerate() {
                let field = dialect.decode(field);
                match std::str::from_utf8(&field) {
                    Ok(s) => record.push_field(s),
                    Err(_) => {
                        let line = raw.position().map_or(1, csv::Position::line);
                        return Err(Diagnostics(vec![
                            Diagnostic::error(
                                file,
                                format!("column {} of this row is not valid UTF-8 text", k + 1),
                            )
                            .at_line(usize::try_from(line).unwrap_or(usize::MAX))
                            .with_help(
                                "save the file as UTF-8, or as CSV from the spreadsheet again",
                            ),
                        ]));
                    }
                }
            }
            records.push((record, position.byte(), position.line()));
            if records.len() >= SAMPLE_ROWS + 3 {
                complete = false;
                break;
            }
        }
        // The last record of a partial head may be cut short.
        if !whole && complete {
            records.pop();
            complete = false;
        }
        let too_long = || {
            Diagnostics(vec![
                Diagnostic::error(
                    file,
                    format!("the header is longer than {} MiB", HEAD_BYTES >> 20),
                )
                .at_line(1)
                .with_help("an export's header names its columns; no survey's is that long"),
            ])
        };
        if records.is_empty() && !whole {
            return Err(too_long());
        }
        let rows: Vec<&csv::StringRecord> = records.iter().map(|(r, _, _)| r).collect();
        let kind = kind.unwrap_or_else(|| detect(&rows));
        if records.len() < kind.header_rows() && !whole {
            return Err(too_long());
        }
        let n = kind.header_rows().min(records.len());
        let (data_start, first_line) = match n {
            0 => (dialect.bom as u64, 1),
            _ => (records[n - 1].1 + dialect.bom as u64, records[n - 1].2),
        };
        let mut rows = records.into_iter().map(|(r, _, _)| r);
        let header: Vec<csv::StringRecord> = rows
            .by_ref()
            .take(n)
            .map(|r| r.iter().map(str::trim).collect())
            .collect();
        Ok(Self {
            dialect,
            kind,
            header,
            sample: rows.collect(),
            sample_is_all: whole && complete,
            data_start,
            first_line,
        })
    }
}

fn cell<'a>(row: Option<&&'a csv::StringRecord>, i: usize) -> &'a str {
    row.and_then(|r| r.get(i)).map_or("", str::trim)
}

/// Which tool wrote rows `rows` (the first few of the file), from their header rows.
fn detect(rows: &[&csv::StringRecord]) -> ExportKind {
    let first = rows.first();
    let names: Vec<String> = first
        .map(|r| r.iter().map(super::normalize::id_key).collect())
        .unwrap_or_default();
    let has = |n: &str| names.iter().any(|h| h == n);
    if let Some(third) = rows.get(2)
        && third
            .iter()
            .any(|c| c.trim_start().starts_with("{\"ImportId\""))
        && third
            .iter()
            .all(|c| c.trim().is_empty() || c.trim_start().starts_with('{'))
    {
        return ExportKind::Qualtrics;
    }
    if cell(first, 0) == "V1" && cell(first, 1) == "V2" && rows.len() > 1 {
        return ExportKind::QualtricsLegacy;
    }
    if let Some(c) = names.iter().position(|h| h == "respondentid")
        && has("collectorid")
        && rows.len() > 1
        && cell(rows.get(1), c).is_empty()
    {
        return ExportKind::SurveyMonkey;
    }
    if (has("submitdate") || has("datesubmitted")) && has("lastpage") && has("startlanguage") {
        ExportKind::LimeSurvey
    } else if cell(first, 0) == "#" && names.iter().any(|h| h.starts_with("submitdate")) {
        ExportKind::Typeform
    } else if has("responseid") && has("timestarted") {
        ExportKind::Alchemer
    } else if has("timestamp") && cell(first, 0) == "Timestamp" {
        ExportKind::GoogleForms
    } else if has("starttime") && has("completiontime") {
        ExportKind::MicrosoftForms
    } else {
        ExportKind::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> ExportHead {
        ExportHead::read("t.csv", text.as_bytes(), true, None).unwrap()
    }

    #[test]
    fn qualtrics_three_header_rows() {
        let text = "ResponseId,Q1_1\nResponse ID,How far? - We listen\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_1\"\"}\"\nR_1,4\n";
        let h = head(text);
        assert_eq!(h.kind, ExportKind::Qualtrics);
        assert_eq!(h.header.len(), 3);
        assert_eq!(h.sample.len(), 1);
        assert_eq!(h.first_line, 4);
        assert_eq!(Some(h.data_start as usize), text.find("R_1"));
    }

    #[test]
    fn surveymonkey_two_header_rows() {
        let h = head(
            "Respondent ID,Collector ID,How far do you agree?,\n,,We listen,We act\n1,2,Agree,Disagree\n",
        );
        assert_eq!(h.kind, ExportKind::SurveyMonkey);
        assert_eq!(h.header.len(), 2);
        assert_eq!(h.first_line, 3);
    }

    #[test]
    fn one_header_row_otherwise() {
        let h = head("respondent,focused-knowledge\nAna,4\nBen,5\n");
        assert_eq!(h.kind, ExportKind::Plain);
        assert_eq!((h.header.len(), h.sample.len(), h.data_start), (1, 2, 29));
        assert!(h.sample_is_all);
    }

    #[test]
    fn a_cut_head_drops_its_last_row() {
        let h = ExportHead::read("t.csv", b"respondent,q\nAna,4\nBe", false, None).unwrap();
        assert_eq!(h.sample.len(), 1);
        assert!(!h.sample_is_all);
    }

    #[test]
    fn windows_1252_semicolons() {
        let h =
            ExportHead::read("t.csv", b"respondent;q\r\nZo\xEB;Plut\xF4t\r\n", true, None).unwrap();
        assert_eq!(h.dialect.delimiter, b';');
        assert_eq!(&h.sample[0][0], "Zoë");
        assert_eq!(&h.sample[0][1], "Plutôt");
    }
}
