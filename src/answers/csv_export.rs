//! Survey-tool exports (DESIGN.md sections 3 and 8): one respondent per row, each question's
//! answers in the column matched to it, an id column, and any other columns kept as metadata.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::columns::{How, Role, excerpt, list_first, match_columns};
use super::dialect::Dialect;
use super::export_head::{ExportHead, ExportKind};
use super::export_index::ExportIndex;
use super::export_map::ExportMap;
use super::normalize::{id_key, normal, numbered_label};
use super::response::{Answer, Metadata, Response};
use super::value::{NotAnOption, from_number};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::Questionnaire;

/// How an export is read, beyond what its own bytes say.
#[derive(Debug, Clone, Default)]
pub struct LayoutOptions {
    /// The column that identifies respondents (`--id-column`); found by name when `None`.
    pub id_column: Option<String>,
    /// The user's map file (`--map`).
    pub map: Option<std::sync::Arc<ExportMap>>,
    /// The metadata columns of the results CSV being written, when there is one: the first
    /// input to reach it names them (an export its own columns beyond role, team, date and
    /// language), and every export fills those it has.
    pub output_metadata: Option<std::sync::Arc<std::sync::OnceLock<Vec<String>>>>,
}

/// One column that holds a question's answers.
#[derive(Debug, Clone)]
struct QuestionColumn {
    column: usize,
    question: usize,
    /// Whether a number in it is an option value: the column is named by our id, or the map
    /// states the coding.
    numbers: bool,
    /// The code that means not applicable, where the layout says which (see `new`).
    na_code: Option<String>,
    /// The code that means "don't know", found the same way.
    dk_code: Option<String>,
    /// The answer each single digit stands for, and its item score (rule 1): most cells of an
    /// export are read by one look-up.
    digits: [Option<Answer>; 10],
    digit_scores: [Option<f64>; 10],
}

/// Which column holds what, read from the header rows.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    file: String,
    kind: ExportKind,
    dialect: Dialect,
    id_column: Option<usize>,
    questions: Vec<QuestionColumn>,
    /// (column, name) of the other columns.
    metadata: Vec<(usize, String)>,
    headers: Vec<String>,
    roles: Vec<Role>,
    /// The questionnaire's lookups; `known` holds, per scale, every cell text that means an
    /// answer.
    index: Arc<ExportIndex>,
    /// The map's `[values]`, by cell text as written and normalised.
    values: Option<HashMap<String, Answer>>,
    /// Columns of the metadata every output shows: role, team, date, language.
    known_meta: [Option<usize>; 4],
    /// The column of each of [`LayoutOptions::output_metadata`], where this export has it.
    output_metadata: Vec<Option<usize>>,
    /// The column that says whether a response was finished, and how it says so.
    finished: Option<(usize, Finished)>,
}

/// How a tool marks unfinished responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Finished {
    /// Qualtrics' `Finished`: 1/0, True/False.
    Flag,
    /// Alchemer's `Status`: Complete, Partial, Disqualified.
    Status,
    /// LimeSurvey's `submitdate`: empty until submitted.
    SubmitDate,
}

impl CsvLayout {
    /// Reads the header rows. Returns the layout and warnings (columns kept as metadata,
    /// questions without a column), or the reasons the export cannot be read right.
    pub fn new(
        file: &str,
        head: &ExportHead,
        q: &Questionnaire,
        options: &LayoutOptions,
    ) -> Result<(Self, Vec<Diagnostic>), Diagnostics> {
        if head.header.iter().all(|r| r.iter().all(str::is_empty)) {
            return Err(Diagnostics(vec![
                Diagnostic::error(
                    file,
                    "the file is empty: a CSV export starts with a header row",
                )
                .with_help("name the columns: respondent, then the question ids"),
            ]));
        }
        let map = options.map.as_deref();
        let matched = match_columns(file, head, q, options.id_column.as_deref(), map);
        let mut problems = matched.problems;
        let headers: Vec<String> = matched.headers.iter().map(|h| h.label.clone()).collect();
        let values: Option<HashMap<String, Answer>> =
            map.and_then(|m| m.values.as_ref()).map(|vs| {
                let mut out = HashMap::new();
                for v in vs {
                    out.insert(v.cell.trim().to_owned(), v.answer);
                    out.entry(normal(&v.cell)).or_insert(v.answer);
                }
                out
            });
        let mut questions = Vec::new();
        let mut metadata = Vec::new();
        let mut id = None;
        for (c, role) in matched.roles.iter().enumerate() {
            match role {
                Role::Respondent => id = Some(c),
                Role::Question { index, how } => {
                    let question = &q.questions[*index];
                    let scale = q.scale_of(question);
                    let numbers = *how == How::Id || values.is_some();
                    // A Qualtrics survey tagged with our ids was built from `centricity export
                    // --to qualtrics`, which codes the options by their values and the
                    // not-applicable choice as the next whole number ("don't know" the one
                    // after).
                    let coding = (matches!(
                        head.kind,
                        ExportKind::Qualtrics | ExportKind::QualtricsLegacy
                    ) && *how == How::Id
                        && values.is_none())
                    .then(|| {
                        crate::survey_tools::coding(scale, crate::survey_tools::Tool::Qualtrics)
                    })
                    .filter(|c| c.values);
                    let (na_code, dk_code) = coding
                        .map(|c| (c.not_applicable, c.dont_know))
                        .unwrap_or_default();
                    let digits: [Option<Answer>; 10] = std::array::from_fn(|d| {
                        let text = d.to_string();
                        if let Some(a) = values.as_ref().and_then(|v| v.get(&text)) {
                            return Some(*a);
                        }
                        if na_code.as_deref() == Some(text.as_str()) {
                            return Some(Answer::NotApplicable);
                        }
                        if dk_code.as_deref() == Some(text.as_str()) {
                            return Some(Answer::DontKnow);
                        }
                        #[allow(clippy::cast_precision_loss)]
                        let option = scale.option(d as f64).filter(|_| numbers)?;
                        Some(Answer::Value(option.value))
                    });
                    let digit_scores = digits.map(|a| {
                        let a = a?;
                        if let Answer::Value(v) = a
                            && scale.option(v).is_none()
                        {
                            return None;
                        }
                        crate::scoring::item_score(scale, question, Some(a))
                    });
                    questions.push(QuestionColumn {
                        column: c,
                        question: *index,
                        numbers,
                        na_code,
                        dk_code,
                        digits,
                        digit_scores,
                    });
                }
                Role::Metadata(name) => metadata.push((c, name.clone())),
                Role::Ignored => {}
            }
        }
        if let (Some(map), Some(vs)) = (map, map.and_then(|m| m.values.as_ref())) {
            for v in vs {
                if let Answer::Value(x) = v.answer
                    && let Some(qc) = questions
                        .iter()
                        .find(|qc| q.scale_of(&q.questions[qc.question]).option(x).is_none())
                {
                    let scale = q.scale_of(&q.questions[qc.question]);
                    problems.push(
                        map.error_at(
                            v.span.clone(),
                            format!(
                                "{} is not an option of scale `{}` (column `{}`)",
                                super::value::fmt_value(x),
                                scale.id,
                                headers[qc.column]
                            ),
                        )
                        .with_help(super::value::options_help(scale)),
                    );
                }
            }
        }
        if questions.is_empty() && problems.is_empty() {
            let expected: Vec<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
            problems.push(
                Diagnostic::error(file, format!("no column is a question of `{}`", q.id))
                    .at_line(1)
                    .with_help(format!(
                        "name the answer columns after the question ids ({}) or their texts, or map them: `centricity map {file}` prints a map to fill in",
                        expected.join(", ")
                    )),
            );
        }
        if !problems.is_empty() {
            return Err(Diagnostics(problems));
        }
        // Columns kept as metadata are carried into every output, so they need no warning; a
        // file without a respondent column does, since its rows are then named by number.
        let mut warnings = Vec::new();
        if id.is_none() {
            let mut d = Diagnostic::warning(
                file,
                "no column identifies respondents (such as `respondent`, `ResponseId` or `id`): rows are named `row 1`, `row 2`, ...",
            )
            .at_line(1);
            if let Some(first) = metadata.first() {
                d = d.with_help(format!(
                    "name the column that does with --id-column, e.g. --id-column {}",
                    excerpt(&first.1)
                ));
            }
            warnings.push(d);
        }
        let mut answered: Vec<usize> = questions.iter().map(|c| c.question).collect();
        answered.sort_unstable();
        answered.dedup();
        let missing = q.questions.len() - answered.len();
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
        let finished = metadata
            .iter()
            .find_map(|(c, name)| match id_key(name).as_str() {
                "finished" => Some((*c, Finished::Flag)),
                "status" if head.kind == ExportKind::Alchemer => Some((*c, Finished::Status)),
                "submitdate" | "datesubmitted" if head.kind == ExportKind::LimeSurvey => {
                    Some((*c, Finished::SubmitDate))
                }
                _ => None,
            });
        let mut layout = Self {
            file: file.to_owned(),
            kind: head.kind,
            dialect: head.dialect,
            id_column: id,
            questions,
            headers,
            roles: matched.roles,
            index: ExportIndex::of(q),
            values,
            known_meta: ["role", "team", "date", "language"]
                .map(|name| metadata.iter().find(|(_, h)| h == name).map(|(c, _)| *c)),
            output_metadata: Vec::new(),
            metadata,
            finished,
        };
        if let Some(shared) = &options.output_metadata {
            let names =
                shared.get_or_init(|| layout.extra_metadata_columns().map(str::to_owned).collect());
            layout.output_metadata = names
                .iter()
                .map(|name| {
                    layout
                        .extra_metadata()
                        .find(|(_, h)| *h == name)
                        .map(|(c, _)| c)
                })
                .collect();
            let left_out: Vec<String> = layout
                .extra_metadata_columns()
                .filter(|h| !names.iter().any(|n| n == h))
                .map(|h| format!("`{}`", excerpt(h)))
                .collect();
            if !left_out.is_empty() {
                warnings.push(
                    Diagnostic::warning(
                        file,
                        format!(
                            "columns left out of the results CSV, whose metadata columns the first input set: {}",
                            left_out.join(", ")
                        ),
                    )
                    .at_line(1)
                    .with_help("score this export on its own, or first, to keep them"),
                );
            }
        }
        layout.check_codes(q, &head.sample)?;
        Ok((layout, warnings))
    }

    /// Refuses numbers in columns matched by text before any row is scored: they are the
    /// tool's codes, which need not be our option values.
    fn check_codes(
        &self,
        q: &Questionnaire,
        sample: &[csv::StringRecord],
    ) -> Result<(), Diagnostics> {
        let mut seen: Vec<(usize, std::collections::BTreeSet<String>)> = Vec::new();
        for qc in self.questions.iter().filter(|qc| !qc.numbers) {
            let mut numbers = std::collections::BTreeSet::new();
            for record in sample {
                let cell = record.get(qc.column).unwrap_or("").trim();
                if cell.parse::<f64>().is_ok()
                    && !self.values.as_ref().is_some_and(|v| v.contains_key(cell))
                {
                    numbers.insert(cell.to_owned());
                }
            }
            if !numbers.is_empty() {
                seen.push((qc.column, numbers));
            }
        }
        if seen.is_empty() {
            return Ok(());
        }
        let mut all: Vec<String> = seen.iter().flat_map(|(_, n)| n.iter().cloned()).collect();
        all.sort_by(|a, b| {
            a.parse::<f64>()
                .unwrap_or(0.0)
                .total_cmp(&b.parse::<f64>().unwrap_or(0.0))
        });
        all.dedup();
        let scale = q.scale_of(&q.questions[self.questions[0].question]);
        let options: Vec<String> = scale
            .options
            .iter()
            .map(|o| super::value::fmt_value(o.value))
            .collect();
        Err(Diagnostics(vec![
            Diagnostic::error(
                &self.file,
                format!(
                    "{} column{} matched by question text hold numbers ({}): {}; a survey tool numbers a scale its own way (in the order it was shown, \"Don't know\" often as {}), so they are not read as option values until the coding is stated",
                    seen.len(),
                    if seen.len() == 1 { "" } else { "s" },
                    all.join(", "),
                    list_first(seen.iter().map(|(c, _)| self.headers[*c].as_str()), 3),
                    options.len() + 1,
                ),
            )
            .at_line(1)
            .with_help(format!(
                "export the answers as text (Qualtrics: \"Use choice text\"; SurveyMonkey: \"Actual answer text\"), or state the coding: `centricity map {} > map.toml`, fill in its [values] (an empty [values] says the numbers are our option values {}), then add --map map.toml",
                self.file,
                options.join(", ")
            )),
        ]))
    }

    /// Which tool's layout the export has.
    pub fn kind(&self) -> ExportKind {
        self.kind
    }

    /// How the export's bytes are written.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// What every column holds, with its name.
    pub fn columns(&self) -> impl Iterator<Item = (&str, &Role)> {
        self.headers.iter().map(String::as_str).zip(&self.roles)
    }

    /// Whether metadata column `name` exists.
    pub fn has_metadata(&self, name: &str) -> bool {
        self.metadata.iter().any(|(_, h)| h == name)
    }

    /// Whether a row is a finished response; rows of exports that do not say are.
    pub fn is_finished(&self, record: &csv::StringRecord) -> bool {
        let Some((c, how)) = self.finished else {
            return true;
        };
        let cell = record.get(c).unwrap_or("").trim();
        match how {
            Finished::Flag => !(cell == "0" || cell.eq_ignore_ascii_case("false")),
            Finished::Status => {
                !(cell.eq_ignore_ascii_case("partial") || cell.eq_ignore_ascii_case("disqualified"))
            }
            Finished::SubmitDate => !cell.is_empty(),
        }
    }

    /// The file the layout was read from, as diagnostics name it.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Names of the metadata columns, in file order.
    pub fn metadata_columns(&self) -> impl Iterator<Item = &str> {
        self.metadata.iter().map(|(_, h)| h.as_str())
    }

    /// The answer in one cell: a one-digit cell from a table, any other known text from a map,
    /// anything else parsed (labels with a number before them, numbers written differently).
    fn cell(
        &self,
        q: &Questionnaire,
        qc: &QuestionColumn,
        cell: &str,
    ) -> Result<Option<Answer>, NotAnOption> {
        if let [digit @ b'0'..=b'9'] = cell.as_bytes()
            && let Some(a) = qc.digits[usize::from(digit - b'0')]
        {
            return Ok(Some(a));
        }
        let cell = cell.trim();
        if cell.is_empty() {
            return Ok(None);
        }
        let scale = &q.scales[q.questions[qc.question].scale];
        if let Some(values) = &self.values
            && let Some(a) = values.get(cell).or_else(|| values.get(&normal(cell)))
        {
            return match a {
                Answer::Value(v) => from_number(scale, *v).map(Some),
                Answer::NotApplicable | Answer::DontKnow => Ok(Some(*a)),
            };
        }
        let known = &self.index.known[q.questions[qc.question].scale];
        if let Some(a) = known
            .get(cell)
            .or_else(|| known.get(&cell.to_lowercase()))
            .or_else(|| known.get(&normal(cell)))
            .or_else(|| numbered_label(cell).and_then(|l| known.get(&normal(l))))
        {
            return Ok(Some(*a));
        }
        if qc.na_code.as_deref() == Some(cell) {
            return Ok(Some(Answer::NotApplicable));
        }
        if qc.dk_code.as_deref() == Some(cell) {
            return Ok(Some(Answer::DontKnow));
        }
        if let Ok(v) = cell.parse::<f64>() {
            if qc.numbers {
                return from_number(scale, v).map(Some).map_err(|mut e| {
                    e.help = format!(
                        "{} (or, if {cell} is the survey tool's code for an answer, say what it means in a map's [values] with --map)",
                        e.help
                    );
                    e
                });
            }
            return Err(NotAnOption {
                message: format!(
                    "`{cell}` is a number in a column matched by question text: the survey tool's code, not necessarily option {cell}"
                ),
                help: "state the coding in a map file's [values] (--map)".to_owned(),
            });
        }
        Err(NotAnOption {
            message: format!("`{cell}` is not an option of scale `{}`", scale.id),
            help: super::value::options_help(scale),
        })
    }

    fn cell_error(
        &self,
        record: &csv::StringRecord,
        column: usize,
        row: u64,
        line: u64,
        e: &NotAnOption,
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
        for qc in &self.questions {
            match self.cell(q, qc, record.get(qc.column).unwrap_or("")) {
                Ok(a) => out[qc.question] = a,
                Err(e) => return Err(self.cell_error(record, qc.column, row, line, &e)),
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
    ) -> Result<usize, Diagnostic> {
        out.clear();
        out.resize(q.questions.len(), None);
        let mut dont_know = 0;
        for qc in &self.questions {
            let cell = record.get(qc.column).unwrap_or("");
            if let [digit @ b'0'..=b'9'] = cell.as_bytes()
                && let Some(score) = qc.digit_scores[usize::from(digit - b'0')]
            {
                out[qc.question] = Some(score);
                continue;
            }
            match self.cell(q, qc, cell) {
                Ok(a) => {
                    dont_know += usize::from(a == Some(Answer::DontKnow));
                    let question = &q.questions[qc.question];
                    out[qc.question] =
                        crate::scoring::item_score(q.scale_of(question), question, a);
                }
                Err(e) => return Err(self.cell_error(record, qc.column, row, line, &e)),
            }
        }
        Ok(dont_know)
    }

    /// The metadata columns beyond role, team, date and language, as (column, name).
    fn extra_metadata(&self) -> impl Iterator<Item = (usize, &str)> {
        self.metadata
            .iter()
            .filter(|(c, _)| !self.known_meta.contains(&Some(*c)))
            .map(|(c, h)| (*c, h.as_str()))
    }

    /// The names of the metadata columns beyond role, team, date and language: a respondent's
    /// `extra` metadata.
    pub fn extra_metadata_columns(&self) -> impl Iterator<Item = &str> {
        self.extra_metadata().map(|(_, h)| h)
    }

    /// The trimmed value of each of [`LayoutOptions::output_metadata`] in a row ("" where this
    /// export has no such column).
    pub fn output_metadata<'r>(
        &'r self,
        record: &'r csv::StringRecord,
    ) -> impl Iterator<Item = &'r str> {
        self.output_metadata
            .iter()
            .map(|c| c.and_then(|c| record.get(c)).map_or("", str::trim))
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
        for qc in &self.questions {
            if let Err(e) = self.cell(q, qc, record.get(qc.column).unwrap_or("")) {
                return Err(self.cell_error(record, qc.column, row, line, &e));
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
        response.completed = self.is_finished(record);
        for qc in &self.questions {
            match self.cell(q, qc, record.get(qc.column).unwrap_or("")) {
                Ok(a) => response.answers[qc.question] = a,
                Err(e) => return Err(self.cell_error(record, qc.column, row, line, &e)),
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
