//! Survey-tool CSV exports (DESIGN.md section 3): one respondent per row, question ids as
//! column names, an id column, and any other columns kept as metadata.

use std::collections::{BTreeMap, HashMap};

use super::response::{Answer, Metadata, Response};
use super::value::from_text;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::Questionnaire;
use crate::toml_source::closest;

/// Which column holds what, read from the header row.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    file: String,
    id_column: Option<usize>,
    /// (column, question index)
    questions: Vec<(usize, usize)>,
    /// (column, name) of the other columns.
    metadata: Vec<(usize, String)>,
    headers: Vec<String>,
    /// Per scale, every cell text that means an answer (values, labels in every language,
    /// n/a forms), lower-cased: most cells are found here without parsing.
    known: Vec<HashMap<String, Answer>>,
    /// Per scale, the answer each single digit stands for.
    digits: Vec<[Option<Answer>; 10]>,
    /// Per question, the item score (rule 1) each single digit stands for: most cells of an
    /// export are scored by one look-up.
    digit_scores: Vec<[Option<f64>; 10]>,
    /// Columns of the metadata every output shows: role, team, date, language.
    known_meta: [Option<usize>; 4],
}

fn known_cells(q: &Questionnaire) -> Vec<HashMap<String, Answer>> {
    q.scales
        .iter()
        .map(|scale| {
            let mut map = HashMap::new();
            for lang in &q.languages {
                for o in &scale.options {
                    map.insert(
                        o.label.get(lang, lang).trim().to_lowercase(),
                        Answer::Value(o.value),
                    );
                }
                if let Some(na) = &scale.not_applicable {
                    map.insert(
                        na.get(lang, lang).trim().to_lowercase(),
                        Answer::NotApplicable,
                    );
                }
            }
            for o in &scale.options {
                map.insert(super::value::fmt_value(o.value), Answer::Value(o.value));
            }
            map.insert("n/a".to_owned(), Answer::NotApplicable);
            map.insert("na".to_owned(), Answer::NotApplicable);
            map
        })
        .collect()
}

impl CsvLayout {
    /// Reads the header row. Returns the layout and a warning naming the columns that are not
    /// questions (kept as metadata), or the reasons the header cannot be used.
    pub fn new(
        file: &str,
        headers: &csv::StringRecord,
        q: &Questionnaire,
        id_column: &str,
    ) -> Result<(Self, Vec<Diagnostic>), Diagnostics> {
        let headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
        if headers.iter().all(String::is_empty) {
            return Err(Diagnostics(vec![
                Diagnostic::error(
                    file,
                    "the file is empty: a CSV export starts with a header row",
                )
                .with_help("name the columns: respondent, then the question ids"),
            ]));
        }
        let mut problems = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            if h.is_empty() {
                problems.push(
                    Diagnostic::error(file, format!("column {} has no name", i + 1))
                        .at_line(1)
                        .with_help("give every column a name, or remove the empty one"),
                );
                continue;
            }
            if let Some(first) = headers[..i].iter().position(|o| o == h) {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "column `{h}` appears twice (columns {} and {})",
                            first + 1,
                            i + 1
                        ),
                    )
                    .at_line(1)
                    .with_help("rename or remove one of them"),
                );
            }
        }
        let mut questions = Vec::new();
        let mut metadata = Vec::new();
        let mut id = None;
        for (c, h) in headers.iter().enumerate() {
            if h == id_column {
                id = Some(c);
            } else if let Some(i) = q.question(h) {
                questions.push((c, i));
            } else {
                metadata.push((c, h.clone()));
            }
        }
        if questions.is_empty() {
            let expected: Vec<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
            problems.push(
                Diagnostic::error(file, format!("no column is a question of `{}`", q.id))
                    .at_line(1)
                    .with_help(format!(
                        "name the answer columns after the question ids: {}",
                        expected.join(", ")
                    )),
            );
        }
        if !problems.is_empty() {
            return Err(Diagnostics(problems));
        }
        let mut warnings = Vec::new();
        if !metadata.is_empty() {
            let names: Vec<String> = metadata
                .iter()
                .map(
                    |(_, h)| match closest(h, q.questions.iter().map(|x| x.id.as_str())) {
                        Some(best) if best != h => format!("`{h}` (did you mean `{best}`?)"),
                        _ => format!("`{h}`"),
                    },
                )
                .collect();
            warnings.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "columns kept as metadata, not questions: {}",
                        names.join(", ")
                    ),
                )
                .at_line(1),
            );
        }
        let missing = q.questions.len() - questions.len();
        if missing > 0 {
            warnings.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "{missing} of {} questions have no column; they count as unanswered",
                        q.questions.len()
                    ),
                )
                .at_line(1),
            );
        }
        Ok((
            Self {
                file: file.to_owned(),
                id_column: id,
                questions,
                headers,
                known: known_cells(q),
                digits: q
                    .scales
                    .iter()
                    .map(|sc| {
                        std::array::from_fn(|d| {
                            #[allow(clippy::cast_precision_loss)]
                            sc.option(d as f64).map(|o| Answer::Value(o.value))
                        })
                    })
                    .collect(),
                digit_scores: q
                    .questions
                    .iter()
                    .map(|question| {
                        let scale = q.scale_of(question);
                        std::array::from_fn(|d| {
                            #[allow(clippy::cast_precision_loss)]
                            let option = scale.option(d as f64)?;
                            crate::scoring::item_score(
                                scale,
                                question,
                                Some(Answer::Value(option.value)),
                            )
                        })
                    })
                    .collect(),
                known_meta: ["role", "team", "date", "language"]
                    .map(|name| metadata.iter().find(|(_, h)| h == name).map(|(c, _)| *c)),
                metadata,
            },
            warnings,
        ))
    }

    /// The file the layout was read from, as diagnostics name it.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Names of the metadata columns, in file order.
    pub fn metadata_columns(&self) -> impl Iterator<Item = &str> {
        self.metadata.iter().map(|(_, h)| h.as_str())
    }

    /// The answer in one cell: a one-digit value from a table, any other known text from a map,
    /// anything else parsed (numbers written differently, labels with other spacing).
    fn cell(
        &self,
        q: &Questionnaire,
        i: usize,
        cell: &str,
    ) -> Result<Option<Answer>, super::value::NotAnOption> {
        let scale = q.questions[i].scale;
        if let [digit @ b'0'..=b'9'] = cell.as_bytes()
            && let Some(a) = self.digits[scale][usize::from(digit - b'0')]
        {
            return Ok(Some(a));
        }
        let cell = cell.trim();
        if cell.is_empty() {
            return Ok(None);
        }
        let known = &self.known[scale];
        if let Some(a) = known.get(cell).or_else(|| known.get(&cell.to_lowercase())) {
            return Ok(Some(*a));
        }
        from_text(q, &q.scales[scale], cell)
    }

    fn cell_error(
        &self,
        record: &csv::StringRecord,
        column: usize,
        row: u64,
        line: u64,
        e: &super::value::NotAnOption,
    ) -> Diagnostic {
        let id = self
            .id_column
            .and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty());
        Diagnostic::error(
            &self.file,
            format!(
                "data row {row}{}, column {} `{}`: {}",
                id.map(|id| format!(" (respondent `{id}`)"))
                    .unwrap_or_default(),
                column + 1,
                self.headers[column],
                e.message
            ),
        )
        .at_line(usize::try_from(line).unwrap_or(usize::MAX))
        .with_help(format!(
            "{}, the option's label, or leave the cell empty",
            e.help
        ))
    }

    /// The answers of one data row into `out` (indexed like the questions), without building a
    /// whole response: for batch exports.
    pub fn answers_into(
        &self,
        q: &Questionnaire,
        record: &csv::StringRecord,
        row: u64,
        line: u64,
        out: &mut Vec<Option<Answer>>,
    ) -> Result<(), Diagnostic> {
        out.clear();
        out.resize(q.questions.len(), None);
        for &(c, i) in &self.questions {
            match self.cell(q, i, record.get(c).unwrap_or("")) {
                Ok(a) => out[i] = a,
                Err(e) => return Err(self.cell_error(record, c, row, line, &e)),
            }
        }
        Ok(())
    }

    /// The item scores (rule 1) of one data row into `out` (indexed like the questions): the
    /// first step of [`Figures`](crate::scoring::Figures) for batch exports.
    pub fn item_scores_into(
        &self,
        q: &Questionnaire,
        record: &csv::StringRecord,
        row: u64,
        line: u64,
        out: &mut Vec<Option<f64>>,
    ) -> Result<(), Diagnostic> {
        out.clear();
        out.resize(q.questions.len(), None);
        for &(c, i) in &self.questions {
            let cell = record.get(c).unwrap_or("");
            if let [digit @ b'0'..=b'9'] = cell.as_bytes()
                && let Some(score) = self.digit_scores[i][usize::from(digit - b'0')]
            {
                out[i] = Some(score);
                continue;
            }
            match self.cell(q, i, cell) {
                Ok(a) => {
                    let question = &q.questions[i];
                    out[i] = crate::scoring::item_score(q.scale_of(question), question, a);
                }
                Err(e) => return Err(self.cell_error(record, c, row, line, &e)),
            }
        }
        Ok(())
    }

    /// The trimmed role, team, date and language of a row ("" where there is no such column).
    pub fn known_meta<'r>(&self, record: &'r csv::StringRecord) -> [&'r str; 4] {
        self.known_meta
            .map(|c| c.and_then(|c| record.get(c)).map_or("", str::trim))
    }

    /// Checks that a data row has as many fields as the header; `row` and `line` as for
    /// [`Self::response`].
    pub fn check_width(
        &self,
        record: &csv::StringRecord,
        row: u64,
        line: u64,
    ) -> Result<(), Diagnostic> {
        if record.len() == self.headers.len() {
            return Ok(());
        }
        Err(Diagnostic::error(
            &self.file,
            format!(
                "data row {row}: {}",
                ragged(record.len(), self.headers.len())
            ),
        )
        .at_line(usize::try_from(line).unwrap_or(usize::MAX)))
    }

    /// Who answered a row: the id column, or `row N` without one.
    pub fn respondent<'r>(
        &self,
        record: &'r csv::StringRecord,
        row: u64,
    ) -> std::borrow::Cow<'r, str> {
        match self
            .id_column
            .and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(id) => std::borrow::Cow::Borrowed(id),
            None => std::borrow::Cow::Owned(format!("row {row}")),
        }
    }

    /// The trimmed value of metadata column `name` in a row, or "" without that column.
    pub fn meta<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.metadata
            .iter()
            .find(|(_, h)| h == name)
            .and_then(|(c, _)| record.get(*c))
            .map_or("", str::trim)
    }

    /// Checks one data row without building its response.
    pub fn check(
        &self,
        q: &Questionnaire,
        record: &csv::StringRecord,
        row: u64,
        line: u64,
    ) -> Result<(), Diagnostic> {
        for &(c, i) in &self.questions {
            if let Err(e) = self.cell(q, i, record.get(c).unwrap_or("")) {
                return Err(self.cell_error(record, c, row, line, &e));
            }
        }
        Ok(())
    }

    /// The response of one data row; `row` counts data rows from 1 and `line` is its line in
    /// the file. A cell that is not an answer is an error naming the row and the column.
    pub fn response(
        &self,
        q: &Questionnaire,
        record: &csv::StringRecord,
        row: u64,
        line: u64,
    ) -> Result<Response, Diagnostic> {
        let mut response = Response::new(q);
        response.completed = true;
        for &(c, i) in &self.questions {
            match self.cell(q, i, record.get(c).unwrap_or("")) {
                Ok(a) => response.answers[i] = a,
                Err(e) => return Err(self.cell_error(record, c, row, line, &e)),
            }
        }
        let id = self
            .id_column
            .and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let mut meta = Metadata {
            respondent: Some(id.map_or_else(|| format!("row {row}"), str::to_owned)),
            extra: BTreeMap::new(),
            ..Metadata::default()
        };
        for (c, name) in &self.metadata {
            let value = record.get(*c).unwrap_or("").trim().to_owned();
            match name.as_str() {
                "role" => meta.role = Some(value),
                "team" => meta.team = Some(value),
                "date" => meta.date = Some(value),
                "language" => meta.language = Some(value).filter(|v| !v.is_empty()),
                _ => {
                    meta.extra.insert(name.clone(), value);
                }
            }
        }
        response.meta = meta;
        Ok(response)
    }
}

/// A CSV reader configured for survey exports: a header row, quoted fields, any line ending,
/// a byte-order mark ignored.
pub fn reader<R: std::io::Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(input)
}

/// Why a row with `len` fields does not fit a header of `expected`.
fn ragged(len: impl std::fmt::Display, expected: impl std::fmt::Display) -> String {
    format!("this row has {len} fields, but the header has {expected}")
}

/// A CSV error as a diagnostic of `file`.
pub fn csv_error(file: &str, e: &csv::Error) -> Diagnostic {
    let line = e.position().map(csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => ragged(*len, *expected_len),
        csv::ErrorKind::Utf8 { .. } => "this row is not valid UTF-8 text".to_owned(),
        _ => e.to_string(),
    };
    let d = Diagnostic::error(file, message);
    match line {
        Some(l) => d.at_line(usize::try_from(l).unwrap_or(usize::MAX)),
        None => d,
    }
}
