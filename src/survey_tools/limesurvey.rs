//! LimeSurvey's tab-separated survey structure (the "Tab-separated-values format (*.txt)" of
//! Display/Export, imported by Create survey > Import).
//!
//! Rows are the classes the format documents: `S` (survey settings), `SL` (settings per
//! language), then per language a copy of every `G` (group: one per stage), `Q` (question: one
//! array, type `F`, per scale on the page), `SQ` (its statements) and `A` (its answers). The base
//! language comes first and the others repeat the same rows in the same order, which is how the
//! importer pairs translations. Columns are found by the header row, so only the documented base
//! columns and `assessment_value` are written.
//!
//! A subquestion's code is our id reduced to letters and digits (`focusedknowledge`), so the
//! response export's column `focused[focusedknowledge]` carries the id in its brackets. Answer
//! codes are our option values when they are whole numbers from 0 to 99999 (codes are at most
//! five letters or digits), else `A1`, `A2`, ... by position; the not-applicable answer is `NA`.
//!
//! Texts are HTML in LimeSurvey and `{...}` is an expression there, so markup characters, quotes,
//! backslashes and braces are written as entities, line breaks as `<br>` and tabs as spaces: no
//! cell holds a tab, a line break or a quote.

use super::{Coding, folded, html, integer, page_name, pages, unique};
use crate::questionnaire::{Questionnaire, Scale};

/// The header row: the importer reads cells by these names.
const COLUMNS: [&str; 15] = [
    "id",
    "related_id",
    "class",
    "type/scale",
    "name",
    "relevance",
    "text",
    "help",
    "language",
    "validation",
    "mandatory",
    "other",
    "default",
    "same_default",
    "assessment_value",
];

/// Codes LimeSurvey refuses for questions (its expression variables).
const RESERVED: [&str; 10] = [
    "LANG", "SID", "SAVEDID", "TOKEN", "QID", "GID", "SGQ", "self", "that", "this",
];

/// LimeSurvey's limits on codes.
const MAX_CODE: usize = 20;
const MAX_ANSWER_CODE: usize = 5;

pub(crate) fn write(q: &Questionnaire, lang: &str) -> String {
    let languages = languages(q, lang);
    let layout = Layout::new(q);
    let mut out = String::from("\u{feff}");
    push(&mut out, COLUMNS.map(str::to_owned));
    let tool_languages: Vec<String> = languages.iter().map(|l| language(l)).collect();
    let settings = [
        ("language", tool_languages[0].clone()),
        ("additional_languages", tool_languages[1..].join(" ")),
        ("format", "G".to_owned()),
        ("datestamp", "Y".to_owned()),
        ("anonymized", "N".to_owned()),
        ("allowprev", "Y".to_owned()),
        ("showwelcome", "N".to_owned()),
        // Stage names would tell respondents which answer looks mature.
        ("showgroupinfo", "X".to_owned()),
        ("showqnumcode", "X".to_owned()),
        // The scale's own not-applicable answer stands in for LimeSurvey's "No answer".
        ("shownoanswer", "N".to_owned()),
        ("assessments", "N".to_owned()),
    ];
    for (name, value) in settings {
        push(&mut out, Row::new("S").name(name).text(value).cells);
    }
    for (l, code) in languages.iter().zip(&tool_languages) {
        let description = q.description.as_ref().map_or("", |d| q.tr(d, l));
        for (name, value) in [
            ("surveyls_language", code.clone()),
            ("surveyls_title", cell_text(q.tr(&q.title, l))),
            ("surveyls_description", cell_text(description)),
        ] {
            push(
                &mut out,
                Row::new("SL").name(name).text(value).language(code).cells,
            );
        }
    }
    for (l, code) in languages.iter().zip(&tool_languages) {
        write_language(&mut out, q, &layout, l, code);
    }
    out
}

/// Codes and ids decided once, so every language's rows are the same survey.
struct Layout {
    pages: Vec<super::Page>,
    /// Per page, per grid: the array question's code.
    arrays: Vec<Vec<String>>,
    /// Per question: its subquestion code.
    codes: Vec<String>,
}

impl Layout {
    fn new(q: &Questionnaire) -> Self {
        let pages = pages(q);
        let mut bases = Vec::new();
        for page in &pages {
            let stem = page
                .stage
                .and_then(|s| q.stages.get(s))
                .map_or_else(|| "items".to_owned(), |s| question_code(&s.id));
            for k in 0..page.grids.len() {
                bases.push(if k == 0 {
                    stem.clone()
                } else {
                    format!("{stem}{}", k + 1)
                });
            }
        }
        let mut flat = unique(bases, str::to_lowercase).into_iter();
        let arrays = pages
            .iter()
            .map(|p| {
                p.grids
                    .iter()
                    .map(|_| flat.next().unwrap_or_default())
                    .collect()
            })
            .collect();
        let codes = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, x)| match code(&x.id) {
                c if c.is_empty() => format!("q{}", i + 1),
                c => c,
            })
            .collect();
        Self {
            pages,
            arrays,
            codes: unique(codes, str::to_lowercase),
        }
    }
}

fn write_language(out: &mut String, q: &Questionnaire, layout: &Layout, lang: &str, code: &str) {
    // Questions and subquestions share LimeSurvey's question table, so one counter numbers both.
    let mut next_id = 1;
    for (g, (page, arrays)) in layout.pages.iter().zip(&layout.arrays).enumerate() {
        let group = (g + 1).to_string();
        push(
            out,
            Row::new("G")
                .id(&group)
                .scale(&group)
                .name(cell_text(page_name(q, page, lang)))
                .relevance("1")
                .language(code)
                .cells,
        );
        for (grid, array) in page.grids.iter().zip(arrays) {
            let scale = &q.scales[grid.scale];
            let qid = next_id.to_string();
            next_id += 1;
            push(
                out,
                Row::new("Q")
                    .id(&qid)
                    .scale("F")
                    .name(array.clone())
                    .relevance("1")
                    .text(cell_text(q.tr(&q.title, lang)))
                    .language(code)
                    .set(10, "N")
                    .set(11, "N")
                    .set(13, "0")
                    .cells,
            );
            for &i in &grid.questions {
                let sqid = next_id.to_string();
                next_id += 1;
                push(
                    out,
                    Row::new("SQ")
                        .id(&sqid)
                        .name(layout.codes[i].clone())
                        .relevance("1")
                        .text(cell_text(q.tr(&q.questions[i].text, lang)))
                        .language(code)
                        .set(11, "N")
                        .set(13, "0")
                        .cells,
                );
            }
            let coding = coding(scale);
            for (option, answer) in scale.options.iter().zip(&coding.options) {
                let assessment = integer(option.value)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                push(
                    out,
                    Row::new("A")
                        .id(&qid)
                        .scale("0")
                        .name(answer.clone())
                        // The manual's older column for the assessment value; today's importer
                        // reads `assessment_value`.
                        .relevance(&assessment)
                        .text(cell_text(q.tr(&option.label, lang)))
                        .language(code)
                        .set(14, &assessment)
                        .cells,
                );
            }
            for (label, answer) in [
                (&scale.dont_know, &coding.dont_know),
                (&scale.not_applicable, &coding.not_applicable),
            ] {
                let (Some(label), Some(answer)) = (label, answer) else {
                    continue;
                };
                push(
                    out,
                    Row::new("A")
                        .id(&qid)
                        .scale("0")
                        .name(answer.clone())
                        .text(cell_text(q.tr(label, lang)))
                        .language(code)
                        .cells,
                );
            }
        }
    }
}

/// One row, cells in [`COLUMNS`] order.
struct Row {
    cells: [String; 15],
}

impl Row {
    fn new(class: &str) -> Self {
        let mut cells: [String; 15] = Default::default();
        cells[2] = class.to_owned();
        Self { cells }
    }

    fn set(mut self, column: usize, value: &str) -> Self {
        if let Some(cell) = self.cells.get_mut(column) {
            value.clone_into(cell);
        }
        self
    }

    fn id(self, v: &str) -> Self {
        self.set(0, v)
    }

    fn scale(self, v: &str) -> Self {
        self.set(3, v)
    }

    fn name(self, v: impl AsRef<str>) -> Self {
        self.set(4, v.as_ref())
    }

    fn relevance(self, v: &str) -> Self {
        self.set(5, v)
    }

    fn text(self, v: impl AsRef<str>) -> Self {
        self.set(6, v.as_ref())
    }

    fn language(self, v: &str) -> Self {
        self.set(8, v)
    }
}

/// Appends one row as LimeSurvey's exporter (PHP's `fputcsv` with a tab) writes it: a cell with
/// a space, quote, backslash or line break is quoted, quotes doubled.
fn push(out: &mut String, cells: [String; 15]) {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([' ', '\t', '"', '\\', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    out.push_str(&quoted.join("\t"));
    out.push('\n');
}

/// A text as a cell: HTML, with nothing the TSV reader or the expression engine would take as
/// syntax.
fn cell_text(plain: &str) -> String {
    let mut out = String::new();
    for c in html(plain.trim()).chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\\' => out.push_str("&#92;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The subquestion code of question `id`: its letters and digits.
pub(crate) fn code(id: &str) -> String {
    id.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// An array question's code from a stage id: letters and digits, starting with a letter, not a
/// reserved word, short enough to take a number and stay within LimeSurvey's limit.
fn question_code(stage: &str) -> String {
    let mut c = code(stage);
    if !c.starts_with(|ch: char| ch.is_ascii_alphabetic()) || RESERVED.contains(&c.as_str()) {
        c.insert(0, 'q');
    }
    c.truncate(MAX_CODE - 2);
    c
}

/// The survey's languages, `lang` first when the questionnaire declares it.
fn languages<'a>(q: &'a Questionnaire, lang: &'a str) -> Vec<&'a str> {
    let first = if q.languages.iter().any(|l| l == lang) {
        lang
    } else {
        q.default_language()
    };
    let mut all = vec![first];
    all.extend(
        q.languages
            .iter()
            .map(String::as_str)
            .filter(|l| *l != first),
    );
    all
}

/// LimeSurvey's code for a language: its own names for Chinese, the code itself otherwise.
fn language(lang: &str) -> String {
    match lang.to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "zh-sg" | "zh-hans" => "zh-Hans".to_owned(),
        "zh-tw" | "zh-hant" | "zh-hant-tw" => "zh-Hant-TW".to_owned(),
        "zh-hk" | "zh-hant-hk" => "zh-Hant-HK".to_owned(),
        _ => lang.to_owned(),
    }
}

/// Answer codes are our values when all of them fit a code (whole, 0 to 99999); otherwise `A1`,
/// `A2`, ... by position. The not-applicable answer is `NA`, which readers take as n/a.
pub(crate) fn coding(scale: &Scale) -> Coding {
    let values: Option<Vec<String>> = scale
        .options
        .iter()
        .map(|o| {
            integer(o.value)
                .filter(|v| *v >= 0)
                .map(|v| v.to_string())
                .filter(|c| c.len() <= MAX_ANSWER_CODE)
        })
        .collect();
    let by_value = values.is_some();
    Coding {
        options: values
            .unwrap_or_else(|| (1..=scale.options.len()).map(|k| format!("A{k}")).collect()),
        not_applicable: scale.not_applicable.as_ref().map(|_| "NA".to_owned()),
        dont_know: scale.dont_know.as_ref().map(|_| "DK".to_owned()),
        values: by_value,
    }
}

pub(crate) fn problems(q: &Questionnaire) -> Vec<String> {
    let mut found = super::duplicates(q, code, folded, "LimeSurvey");
    for question in &q.questions {
        let c = code(&question.id);
        if c.is_empty() {
            found.push(format!(
                "question `{}` has no letter or digit for a LimeSurvey code",
                question.id
            ));
        } else if c.len() > MAX_CODE {
            found.push(format!(
                "question `{}` becomes `{c}`, longer than the {MAX_CODE} characters LimeSurvey \
                 allows, and would be renamed on import",
                question.id
            ));
        } else if c == "time" {
            found.push(format!(
                "question `{}` becomes `time`, which LimeSurvey reserves",
                question.id
            ));
        }
    }
    for scale in &q.scales {
        if !coding(scale).values {
            found.push(format!(
                "scale `{}` has values that cannot be LimeSurvey answer codes (whole numbers \
                 from 0 to 99999), so its answers are coded A1 to A{} by position",
                scale.id,
                scale.options.len()
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;
    use crate::survey_tools::tests::{AWKWARD, questionnaire};

    /// The rows read back as LimeSurvey's importer reads them (PHP's `fgetcsv` with a tab and
    /// `"`), keyed by the header.
    fn rows(file: &str) -> Vec<Vec<String>> {
        let body = file
            .strip_prefix('\u{feff}')
            .expect("a UTF-8 byte order mark, as exported");
        let mut lines = body.lines();
        let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
        assert_eq!(header, COLUMNS);
        lines
            .map(|line| {
                let cells: Vec<String> = line
                    .split('\t')
                    .map(
                        |c| match c.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
                            Some(inner) => inner.replace("\"\"", "\""),
                            None => {
                                assert!(!c.contains('"'), "an unquoted cell with a quote: {c}");
                                c.to_owned()
                            }
                        },
                    )
                    .collect();
                assert_eq!(cells.len(), COLUMNS.len(), "row {line:?}");
                cells
            })
            .collect()
    }

    fn class(row: &[String]) -> &str {
        &row[2]
    }

    /// Checks the order the importer infers relations from, and the codes' rules; returns the
    /// rows of each language block.
    fn check(rows: &[Vec<String>]) -> Vec<Vec<Vec<String>>> {
        let mut i = 0;
        while rows.get(i).is_some_and(|r| class(r) == "S") {
            i += 1;
        }
        assert!(i > 0, "survey settings come first");
        while rows.get(i).is_some_and(|r| class(r) == "SL") {
            i += 1;
        }
        let mut blocks: Vec<Vec<Vec<String>>> = Vec::new();
        let mut previous = "SL";
        for row in &rows[i..] {
            let c = class(row);
            let allowed: &[&str] = match previous {
                "SL" => &["G"],
                "A" => &["A", "G", "Q"],
                "G" => &["Q"],
                "Q" => &["SQ"],
                "SQ" => &["SQ", "A"],
                _ => &[],
            };
            assert!(allowed.contains(&c), "{c} after {previous}");
            if c == "G" && blocks.last().is_none_or(|b| b[0][8] != row[8]) {
                blocks.push(Vec::new());
            }
            let block = blocks.last_mut().expect("a group opens the block");
            assert_eq!(
                &row[8],
                block.first().map_or(&row[8], |r| &r[8]),
                "one language per block"
            );
            block.push(row.clone());
            previous = c;
        }
        assert_eq!(previous, "A", "the last question has answers");
        for block in &blocks {
            let mut questions = HashSet::new();
            let mut subquestions = HashSet::new();
            for row in block {
                let name = &row[4];
                match class(row) {
                    "Q" => {
                        assert!(
                            name.starts_with(|c: char| c.is_ascii_alphabetic()),
                            "{name}"
                        );
                        assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
                        assert!(name.len() <= MAX_CODE, "{name}");
                        assert!(questions.insert(name.to_lowercase()), "duplicate {name}");
                        assert_eq!(row[3], "F");
                    }
                    "SQ" => {
                        assert!(!name.is_empty() && name.len() <= MAX_CODE, "{name}");
                        assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
                        assert!(subquestions.insert(name.to_lowercase()), "duplicate {name}");
                    }
                    "A" => {
                        assert!(!name.is_empty() && name.len() <= MAX_ANSWER_CODE, "{name}");
                        assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
                    }
                    _ => {}
                }
            }
        }
        let shape = |b: &Vec<Vec<String>>| -> Vec<(String, String, String)> {
            b.iter()
                // A group's name is translated; every other name is a code.
                .map(|r| {
                    let name = if class(r) == "G" {
                        String::new()
                    } else {
                        r[4].clone()
                    };
                    (class(r).to_owned(), r[0].clone(), name)
                })
                .collect()
        };
        for block in &blocks[1..] {
            assert_eq!(
                shape(block),
                shape(&blocks[0]),
                "translations repeat the same rows"
            );
        }
        blocks
    }

    fn setting<'a>(rows: &'a [Vec<String>], name: &str) -> &'a str {
        rows.iter()
            .find(|r| class(r) == "S" && r[4] == name)
            .map_or("", |r| r[6].as_str())
    }

    #[test]
    fn the_bundled_questionnaire_is_four_arrays_of_six_statements_in_five_languages() {
        let q = bundled();
        let rows = rows(&write(&q, "en"));
        let blocks = check(&rows);
        assert_eq!(setting(&rows, "language"), "en");
        assert_eq!(setting(&rows, "additional_languages"), "fr nl it zh-Hans");
        assert_eq!(blocks.len(), 5);
        let en = &blocks[0];
        let count = |c: &str| en.iter().filter(|r| class(r) == c).count();
        assert_eq!(
            (count("G"), count("Q"), count("SQ"), count("A")),
            (4, 4, 24, 24)
        );
        let arrays: Vec<&str> = en
            .iter()
            .filter(|r| class(r) == "Q")
            .map(|r| r[4].as_str())
            .collect();
        assert_eq!(arrays, ["focused", "driven", "engaged", "inspired"]);
        let subquestions: Vec<&str> = en
            .iter()
            .filter(|r| class(r) == "SQ")
            .map(|r| r[4].as_str())
            .collect();
        let expected: Vec<String> = q.questions.iter().map(|x| x.id.replace('-', "")).collect();
        assert_eq!(subquestions, expected);
        let answers: Vec<(&str, &str, &str)> = en[1..]
            .iter()
            .skip_while(|r| class(r) != "A")
            .take_while(|r| class(r) == "A")
            .map(|r| (r[4].as_str(), r[6].as_str(), r[14].as_str()))
            .collect();
        assert_eq!(
            answers,
            [
                ("1", "Strongly disagree", "1"),
                ("2", "Disagree", "2"),
                ("3", "Neither agree nor disagree", "3"),
                ("4", "Agree", "4"),
                ("5", "Strongly agree", "5"),
                ("NA", "Don't know", ""),
            ]
        );
        assert_eq!(en[2][6], q.tr(&q.questions[0].text, "en"));
        assert_eq!(blocks[4][2][6], q.tr(&q.questions[0].text, "zh"));
        assert!(blocks[4].iter().all(|r| r[8] == "zh-Hans"));
    }

    #[test]
    fn the_requested_language_is_the_base_language() {
        let q = bundled();
        let rows = rows(&write(&q, "fr"));
        let blocks = check(&rows);
        assert_eq!(setting(&rows, "language"), "fr");
        assert_eq!(setting(&rows, "additional_languages"), "en nl it zh-Hans");
        assert_eq!(blocks[0][0][4], "Orientée client");
    }

    #[test]
    fn awkward_texts_stay_in_their_cells_and_codes_stay_valid() {
        let q = questionnaire(AWKWARD);
        let file = write(&q, "en");
        let rows = rows(&file);
        let blocks = check(&rows);
        assert_eq!(blocks.len(), 3);
        let en = &blocks[0];
        let names = |c: &str| -> Vec<String> {
            en.iter()
                .filter(|r| class(r) == c)
                .map(|r| r[4].clone())
                .collect()
        };
        assert_eq!(names("Q"), ["first", "first2", "second"]);
        assert_eq!(names("SQ"), ["ab", "ab2", "AB3", "looseone"]);
        let statement = &en.iter().find(|r| class(r) == "SQ").expect("a statement")[6];
        assert_eq!(
            statement,
            "Line one<br>line two with a tab and &quot;quotes&quot;"
        );
        let french = blocks[1]
            .iter()
            .find(|r| class(r) == "SQ")
            .expect("a statement");
        assert_eq!(french[6], "Ligne &#123;un&#125;");
        // Values that are not codes fall back to positions; n/a is NA.
        let half: Vec<(String, String)> = en
            .iter()
            .skip_while(|r| r[4] != "first2")
            .filter(|r| class(r) == "A")
            .take(3)
            .map(|r| (r[4].clone(), r[14].clone()))
            .collect();
        assert_eq!(
            half,
            [
                ("A1".into(), String::new()),
                ("A2".into(), "-1".into()),
                ("NA".into(), String::new())
            ]
        );
    }

    #[test]
    fn problems_name_clashes_and_scales_coded_by_position() {
        let q = questionnaire(AWKWARD);
        let found = problems(&q);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("`a-b`, `a_b`, `AB`"), "{}", found[0]);
        assert!(found[1].contains("scale `half`"), "{}", found[1]);
    }

    #[test]
    fn question_codes_start_with_a_letter_and_avoid_reserved_words() {
        assert_eq!(question_code("2024-stage"), "q2024stage");
        assert_eq!(question_code("this"), "qthis");
        assert_eq!(
            question_code("a-very-long-stage-name-indeed").len(),
            MAX_CODE - 2
        );
    }
}
