//! SurveyJS results (JSON) as CSV, so that the CSV reader reads them like any other export.
//!
//! A SurveyJS survey hands over each respondent's answers as `survey.data`: an object from
//! question name to value. A file of results is an array of those objects, or one object. They
//! are flattened to one record per object under a header of every key, in the order keys are
//! first seen:
//!
//! - a matrix question's value, an object of row -> scalar, becomes one column per row, named
//!   `<question>.<row>`; an empty one has no row to name and adds nothing;
//! - a checkbox question's value, an array of scalars, is joined with `;`;
//! - anything else nested (a dynamic panel, a dropdown matrix, files) is written as compact JSON;
//! - numbers as Rust's shortest round-trip form (`4`, `3.5`), booleans `true`/`false`, and null or
//!   a missing key as an empty field.
//!
//! No column is added: an id, if any, is whatever key the survey gave it.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;

/// Deeper JSON is refused before it is parsed: answers nest a few levels at most.
const MAX_DEPTH: usize = 64;
/// Columns beyond this are refused: every record has every column, so the CSV grows as
/// respondents times distinct keys.
const MAX_COLUMNS: usize = 16_384;
/// Records times columns, for the same reason.
const MAX_CELLS: usize = 100_000_000;

const EXPECTED: &str = "expected SurveyJS results: a JSON array of `survey.data` objects \
                        (question name -> answer), or one such object";

/// SurveyJS results as UTF-8 CSV: `text` is a JSON array of `survey.data` objects, or one
/// object. `name` is the file as diagnostics show it.
pub fn surveyjs_to_csv(
    name: &str,
    text: &str,
    out: &mut dyn std::io::Write,
) -> Result<(), Diagnostic> {
    // serde_json rejects a byte-order mark, which Windows tools like to write.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(name, "the file is empty").with_help(EXPECTED));
    }
    check_depth(name, text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(name, text, &e))?;
    let results = results(name, &value)?;

    let mut columns = Columns::default();
    for result in &results {
        for (key, value) in *result {
            match matrix(value) {
                Some(rows) => {
                    for row in rows.keys() {
                        columns.add(format!("{key}.{row}"));
                    }
                }
                None if is_empty_object(value) => {}
                None => columns.add(key.clone()),
            }
        }
    }
    let width = columns.names.len();
    if width == 0 {
        return Err(
            Diagnostic::error(name, "the results hold no answers: every object is empty")
                .with_help(EXPECTED),
        );
    }
    if width > MAX_COLUMNS || width.saturating_mul(results.len()) > MAX_CELLS {
        return Err(Diagnostic::error(
            name,
            format!(
                "too many answers to write: {} results with {width} distinct keys (at most \
                 {MAX_COLUMNS} keys and {MAX_CELLS} cells)",
                results.len()
            ),
        )
        .with_help("split the results into smaller files"));
    }

    let write_error = |e: csv::Error| Diagnostic::error(name, format!("cannot write the CSV: {e}"));
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(&columns.names).map_err(write_error)?;
    let mut record = vec![String::new(); width];
    let mut key = String::new();
    for result in &results {
        for field in &mut record {
            field.clear();
        }
        for (question, value) in *result {
            if let Some(rows) = matrix(value) {
                for (row, cell) in rows {
                    key.clear();
                    let _ = write!(key, "{question}.{row}");
                    if let Some(&i) = columns.index.get(key.as_str()) {
                        scalar(cell, &mut record[i]);
                    }
                }
            } else if let Some(&i) = columns.index.get(question.as_str()) {
                render(value, &mut record[i]);
            }
        }
        csv.write_record(&record).map_err(write_error)?;
    }
    csv.flush().map_err(|e| write_error(e.into()))?;
    Ok(())
}

/// The header: names in the order first seen, each once.
#[derive(Default)]
struct Columns {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Columns {
    fn add(&mut self, name: String) {
        if !self.index.contains_key(&name) {
            self.index.insert(name.clone(), self.names.len());
            self.names.push(name);
        }
    }
}

/// The objects of `value`: the elements of an array, or the one object it is.
fn results<'v>(name: &str, value: &'v Value) -> Result<Vec<&'v Map<String, Value>>, Diagnostic> {
    match value {
        Value::Object(object) => {
            if is_survey_definition(object) {
                return Err(Diagnostic::error(
                    name,
                    "this is a SurveyJS survey definition (it has `pages` of `elements`), not results",
                )
                .with_help(EXPECTED));
            }
            Ok(vec![object])
        }
        Value::Array(items) if items.is_empty() => {
            Err(Diagnostic::error(name, "the array of results is empty").with_help(EXPECTED))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_object().ok_or_else(|| {
                    Diagnostic::error(
                        name,
                        format!(
                            "result {} of {} is {}, not an object",
                            i + 1,
                            items.len(),
                            kind(item)
                        ),
                    )
                    .with_help(EXPECTED)
                })
            })
            .collect(),
        other => Err(Diagnostic::error(
            name,
            format!(
                "the JSON is {}, not an object or an array of objects",
                kind(other)
            ),
        )
        .with_help(EXPECTED)),
    }
}

fn is_survey_definition(object: &Map<String, Value>) -> bool {
    object
        .get("pages")
        .and_then(Value::as_array)
        .is_some_and(|pages| {
            !pages.is_empty()
                && pages
                    .iter()
                    .all(|page| page.get("elements").is_some_and(Value::is_array))
        })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Refuses nesting deeper than [`MAX_DEPTH`], pointing at the bracket that goes too deep. A scan
/// of brackets outside strings: on invalid JSON it may count wrongly, and the parser then
/// reports the syntax error instead.
fn check_depth(name: &str, text: &str) -> Result<(), Diagnostic> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Diagnostic::error(
                        name,
                        format!("the JSON is nested deeper than {MAX_DEPTH} levels"),
                    )
                    .at(text, Some(i..i + 1))
                    .with_help(EXPECTED));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json's message without its " at line L column C", which the diagnostic shows instead.
fn json_error(name: &str, text: &str, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => message,
    };
    // serde_json counts columns in bytes from 1 (0 before the first byte of a line).
    let line_start = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let offset = (line_start + e.column().saturating_sub(1)).min(text.len());
    let help = if message == "trailing characters" {
        "one result per line (JSON Lines) is not read: put the results in an array, \
         `[{...}, {...}]`"
    } else {
        EXPECTED
    };
    Diagnostic::error(name, format!("invalid JSON: {message}"))
        .at(text, Some(offset..offset + 1))
        .with_help(help)
}

/// A matrix question's answer: a non-empty object whose values are all scalars.
fn matrix(value: &Value) -> Option<&Map<String, Value>> {
    match value {
        Value::Object(rows) if !rows.is_empty() && rows.values().all(is_scalar) => Some(rows),
        _ => None,
    }
}

fn is_empty_object(value: &Value) -> bool {
    matches!(value, Value::Object(o) if o.is_empty())
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// Writes a value that is not a matrix into `out`, which is empty.
fn render(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) if items.iter().all(is_scalar) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(';');
                }
                scalar(item, out);
            }
        }
        Value::Array(_) | Value::Object(_) => {
            // Writing a `Value` to a `String` cannot fail: its keys are strings.
            out.push_str(&serde_json::to_string(value).unwrap_or_default());
        }
        _ => scalar(value, out),
    }
}

fn scalar(value: &Value, out: &mut String) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let _ = write!(out, "{i}");
            } else if let Some(u) = n.as_u64() {
                let _ = write!(out, "{u}");
            } else if let Some(f) = n.as_f64() {
                let f = if f == 0.0 { 0.0 } else { f };
                let _ = write!(out, "{f}");
            }
        }
        Value::String(s) => out.push_str(s),
        Value::Array(_) | Value::Object(_) => render(value, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(file: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exports/readers")
            .join(file);
        std::fs::read_to_string(path).unwrap()
    }

    fn convert(name: &str, text: &str) -> Result<String, Diagnostic> {
        let mut out = Vec::new();
        surveyjs_to_csv(name, text, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn an_array_of_results_flattens_matrices_checkboxes_and_nested_values() {
        let csv = convert("results.json", &fixture("surveyjs-results.json")).unwrap();
        assert_eq!(
            csv,
            "respondent,knowing.needs,knowing.feedback,channels,rating,recommend,\
             channels-Comment,panel,score,knowing.journey\n\
             r-001,4,Agree,Email;Phone,5,true,,,,\n\
             r-002,2,,Chat,3.5,false,\"Chat, mostly\",\"[{\"\"team\"\":\"\"Sales\"\",\"\"size\"\":12}]\",\
             1000000000000000000000,\n\
             r-003,,,,,,,\"{\"\"a\"\":{\"\"b\"\":1}}\",,Disagree\n"
        );
    }

    #[test]
    fn one_object_is_one_result_and_non_ascii_text_is_kept() {
        let csv = convert("single.json", &fixture("surveyjs-single.json")).unwrap();
        assert_eq!(
            csv,
            "name,city,q1.行1,comment\n\
             Zoë Müller,Zürich,très bien,\"Привет, мир 👋\"\n"
        );
    }

    #[test]
    fn a_byte_order_mark_and_an_empty_matrix_are_ignored() {
        assert_eq!(
            convert(
                "bom.json",
                "\u{FEFF}[{\"a\": 1, \"m\": {}}, {\"m\": {}, \"b\": null}]"
            )
            .unwrap(),
            "a,b\n1,\n,\n"
        );
    }

    #[test]
    fn invalid_json_is_placed_at_its_line_and_column() {
        let err = convert("broken.json", "[\n  {\"q1\": 4},\n  {\"q1\": 5,}\n]\n").unwrap_err();
        assert_eq!(err.message, "invalid JSON: trailing comma");
        assert_eq!((err.line, err.column), (Some(3), Some(12)));
        assert_eq!(
            err.snippet.as_ref().map(|s| s.text.as_str()),
            Some("  {\"q1\": 5,}")
        );

        let err = convert("lines.json", "{\"q1\": 4}\n{\"q1\": 5}\n").unwrap_err();
        assert_eq!(err.message, "invalid JSON: trailing characters");
        assert_eq!((err.line, err.column), (Some(2), Some(1)));
        assert!(err.help.unwrap().contains("JSON Lines"));

        let err = convert("cut.json", "[{\"q1\": \"é").unwrap_err();
        assert_eq!(err.message, "invalid JSON: EOF while parsing a string");
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn json_that_is_not_results_is_refused() {
        let message = |text: &str| convert("x.json", text).unwrap_err().message;
        assert_eq!(message("  "), "the file is empty");
        assert_eq!(message("[]"), "the array of results is empty");
        assert_eq!(
            message("\"text\""),
            "the JSON is a string, not an object or an array of objects"
        );
        assert_eq!(
            message("[{\"q\": 1}, 2]"),
            "result 2 of 2 is a number, not an object"
        );
        assert_eq!(
            message("[{}, {}]"),
            "the results hold no answers: every object is empty"
        );
        assert_eq!(
            message("{\"pages\": [{\"name\": \"p1\", \"elements\": []}]}"),
            "this is a SurveyJS survey definition (it has `pages` of `elements`), not results"
        );
    }

    #[test]
    fn nesting_deeper_than_64_is_refused_before_parsing() {
        let ok = format!("[{{\"q\":{}1{}}}]", "[".repeat(62), "]".repeat(62));
        assert_eq!(convert("ok.json", &ok).unwrap().lines().count(), 2);
        let deep = format!("[{{\"q\":{}1{}}}]", "[".repeat(63), "]".repeat(63));
        let err = convert("deep.json", &deep).unwrap_err();
        assert_eq!(err.message, "the JSON is nested deeper than 64 levels");
        assert_eq!((err.line, err.column), (Some(1), Some(69)));
        // Brackets inside strings do not count.
        let text = format!("[{{\"q\":\"{}\\\"{}\"}}]", "[".repeat(100), "{".repeat(100));
        assert!(convert("strings.json", &text).is_ok());
    }
}
