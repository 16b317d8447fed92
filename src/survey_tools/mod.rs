//! Questionnaires written in the import formats of survey tools (`centricity export`), so a
//! consultant builds the survey in Qualtrics, LimeSurvey or SurveyJS in one step and the tool's
//! own response export names its columns after our question ids.
//!
//! Each writer is a pure function of the questionnaire. What a format cannot carry faithfully
//! (an id that loses its identity when reduced to the characters the tool allows, option values
//! the tool cannot use as codes) is reported by [`problems`], so the command can warn before the
//! consultant collects a single response.

mod limesurvey;
mod qualtrics;
mod surveyjs;

use std::collections::HashSet;

use crate::questionnaire::{Questionnaire, Scale};

/// A survey tool a questionnaire can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tool {
    /// Qualtrics: an Advanced Format TXT file (Survey > Tools > Import/Export > Import Survey).
    Qualtrics,
    /// LimeSurvey: a tab-separated survey structure file (Create survey > Import).
    Limesurvey,
    /// SurveyJS: a survey JSON definition (Survey Creator > JSON Editor, or `new Model(json)`).
    Surveyjs,
}

/// The questionnaire in the tool's import format, texts in `lang`.
///
/// LimeSurvey's format holds every language, so it gets all the declared languages, `lang` first
/// (its base language); SurveyJS gets every language too and opens in `lang`; Qualtrics' format
/// holds one language, `lang`.
pub fn write(q: &Questionnaire, tool: Tool, lang: &str) -> String {
    match tool {
        Tool::Qualtrics => qualtrics::write(q, lang),
        Tool::Limesurvey => limesurvey::write(q, lang),
        Tool::Surveyjs => surveyjs::write(q, lang),
    }
}

/// The file name extension the tool expects.
pub fn extension(tool: Tool) -> &'static str {
    match tool {
        Tool::Qualtrics | Tool::Limesurvey => "txt",
        Tool::Surveyjs => "json",
    }
}

/// What the tool's response export will not carry as our ids and values, one sentence each;
/// empty when its export scores without any map.
pub fn problems(q: &Questionnaire, tool: Tool) -> Vec<String> {
    match tool {
        Tool::Qualtrics => qualtrics::problems(q),
        Tool::Limesurvey => limesurvey::problems(q),
        Tool::Surveyjs => Vec::new(),
    }
}

/// The name the tool's response export gives question `id`: Qualtrics' export tag, LimeSurvey's
/// subquestion code (the part in brackets of a `stage[code]` column) or SurveyJS' matrix row.
pub fn item_code(tool: Tool, id: &str) -> String {
    match tool {
        Tool::Qualtrics => qualtrics::export_tag(id),
        Tool::Limesurvey => limesurvey::code(id),
        Tool::Surveyjs => id.to_owned(),
    }
}

/// What the tool records for each answer of a scale, so an export can be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    /// The code of each option, in scale order.
    pub options: Vec<String>,
    /// The code of the not-applicable answer, when the scale offers one.
    pub not_applicable: Option<String>,
    /// The code of the "don't know" answer, when the scale offers one.
    pub dont_know: Option<String>,
    /// Whether every option's code is its value, so the export needs no map for options.
    pub values: bool,
}

/// How `tool` codes the answers of `scale` in the files [`write`] produces.
pub fn coding(scale: &Scale, tool: Tool) -> Coding {
    match tool {
        Tool::Qualtrics => qualtrics::coding(scale),
        Tool::Limesurvey => limesurvey::coding(scale),
        Tool::Surveyjs => surveyjs::coding(scale),
    }
}

/// The questions laid out the way every tool shows them: a page per stage in stage order, the
/// questions without a stage on a last page, and on each page one grid per scale, because a
/// grid's rows share its columns.
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) stage: Option<usize>,
    pub(crate) grids: Vec<Grid>,
}

#[derive(Debug)]
pub(crate) struct Grid {
    pub(crate) scale: usize,
    pub(crate) questions: Vec<usize>,
}

pub(crate) fn pages(q: &Questionnaire) -> Vec<Page> {
    let mut pages: Vec<Page> = (0..q.stages.len())
        .map(|s| Page {
            stage: Some(s),
            grids: Vec::new(),
        })
        .collect();
    let mut unstaged = Page {
        stage: None,
        grids: Vec::new(),
    };
    for (i, question) in q.questions.iter().enumerate() {
        let page = match question.stage.and_then(|s| pages.get_mut(s)) {
            Some(page) => page,
            None => &mut unstaged,
        };
        match page.grids.iter_mut().find(|g| g.scale == question.scale) {
            Some(grid) => grid.questions.push(i),
            None => page.grids.push(Grid {
                scale: question.scale,
                questions: vec![i],
            }),
        }
    }
    pages.push(unstaged);
    pages.retain(|p| !p.grids.is_empty());
    pages
}

/// The page's name: its stage's, or the questionnaire's title for questions without a stage.
pub(crate) fn page_name<'a>(q: &'a Questionnaire, page: &Page, lang: &str) -> &'a str {
    match page.stage.and_then(|s| q.stages.get(s)) {
        Some(stage) => q.tr(&stage.name, lang),
        None => q.tr(&q.title, lang),
    }
}

/// `v` as an integer, when it is one that every tool can write as digits.
pub(crate) fn integer(v: f64) -> Option<i64> {
    // Beyond a billion the codes would be unwieldy and an `f64` no longer round-trips for sure.
    (v.fract() == 0.0 && v.abs() < 1e9).then_some(v as i64)
}

/// `v` as the tools print a number: integers without a decimal point.
pub(crate) fn number(v: f64) -> String {
    integer(v).map_or_else(|| v.to_string(), |i| i.to_string())
}

/// Plain text as HTML text, for the tools that render texts as HTML (all three do).
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Makes `codes` unique, keeping the first of each and numbering the later ones, because a
/// duplicate would either fail the import or be renamed by the tool at random; [`duplicates`]
/// reports the clash so the user can rename the questions.
pub(crate) fn unique(codes: Vec<String>, same: impl Fn(&str) -> String) -> Vec<String> {
    // Every original code is reserved up front, so a numbered one never takes a later's place.
    let mut used: HashSet<String> = codes.iter().map(|c| same(c)).collect();
    let mut taken: HashSet<String> = HashSet::new();
    codes
        .into_iter()
        .map(|c| {
            if taken.insert(same(&c)) {
                return c;
            }
            let mut k = 2;
            loop {
                let candidate = format!("{c}{k}");
                if used.insert(same(&candidate)) {
                    taken.insert(same(&candidate));
                    return candidate;
                }
                k += 1;
            }
        })
        .collect()
}

/// One sentence per group of question ids that `code` turns into the same name (compared as
/// `same` does), which the export cannot tell apart.
pub(crate) fn duplicates(
    q: &Questionnaire,
    code: impl Fn(&str) -> String,
    same: impl Fn(&str) -> String,
    tool: &str,
) -> Vec<String> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for question in &q.questions {
        let key = same(&code(&question.id));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ids)) => ids.push(&question.id),
            None => groups.push((key, vec![&question.id])),
        }
    }
    groups
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(_, ids)| {
            format!(
                "questions {} all become `{}` in {tool}, so its export cannot tell them apart; \
                 rename them",
                ids.iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                code(ids[0]),
            )
        })
        .collect()
}

/// The reader's view of a code: case and anything but letters and digits ignored.
pub(crate) fn folded(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::questionnaire::{parse_questionnaire, version_one_for_tests as bundled};

    /// A questionnaire made for one test from its TOML text.
    pub(crate) fn questionnaire(source: &str) -> Questionnaire {
        parse_questionnaire("test.toml", source)
            .unwrap_or_else(|e| panic!("{e}"))
            .0
    }

    /// Two stages, two scales on the first, texts that need escaping in every format, and ids
    /// that clash once reduced to letters and digits.
    pub(crate) const AWKWARD: &str = r#"
[questionnaire]
id = "awkward"
version = "1"
title.en = "Tabs\tand [[tags]] & <b>"
title.fr = "Titre {x}"
languages = ["en", "fr", "zh"]

[scales.half]
not_applicable = "n/a \"quoted\""
[[scales.half.options]]
value = 0.5
label = "half"
[[scales.half.options]]
value = -1
label = "minus one"

[scales.agree]
[[scales.agree.options]]
value = 0
label.en = "No"
label.fr = "Non"
[[scales.agree.options]]
value = 10
label.en = "Yes"
label.fr = "Oui"

[[stages]]
id = "first"
name.en = "First [stage]"
name.fr = "Première"

[[stages]]
id = "second"
name = "Second"

[[questions]]
id = "a-b"
stage = "first"
scale = "agree"
text.en = "Line one\nline two\twith a tab and \"quotes\""
text.fr = "Ligne {un}"

[[questions]]
id = "a_b"
stage = "first"
scale = "half"
text = "[[Question:MC]] is not a tag here"

[[questions]]
id = "AB"
stage = "second"
scale = "agree"
text = "Case clash"

[[questions]]
id = "loose.one"
stage = "second"
scale = "agree"
text = "Same stage, same scale"
"#;

    #[test]
    fn pages_follow_stages_then_scales_and_end_with_unstaged_questions() {
        let q = questionnaire(AWKWARD);
        let pages = pages(&q);
        let layout: Vec<(Option<usize>, Vec<Vec<usize>>)> = pages
            .iter()
            .map(|p| {
                (
                    p.stage,
                    p.grids.iter().map(|g| g.questions.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            layout,
            vec![
                (Some(0), vec![vec![0], vec![1]]),
                (Some(1), vec![vec![2, 3]]),
            ]
        );
        assert_eq!(page_name(&q, &pages[0], "fr"), "Première");
    }

    #[test]
    fn questions_without_stages_make_one_page_named_after_the_questionnaire() {
        let q = questionnaire(
            r#"
[questionnaire]
id = "flat"
version = "1"
title = "Flat"
[scales.yes]
[[scales.yes.options]]
value = 0
label = "No"
[[scales.yes.options]]
value = 1
label = "Yes"
[[questions]]
id = "one"
text = "One"
[[questions]]
id = "two"
text = "Two"
"#,
        );
        let pages = pages(&q);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].stage, None);
        assert_eq!(pages[0].grids[0].questions, [0, 1]);
        assert_eq!(page_name(&q, &pages[0], "en"), "Flat");
        for tool in [Tool::Qualtrics, Tool::Limesurvey, Tool::Surveyjs] {
            assert!(write(&q, tool, "en").contains("Flat"), "{tool:?}");
        }
    }

    #[test]
    fn the_bundled_questionnaire_is_four_pages_of_one_six_row_grid() {
        let q = bundled();
        let pages = pages(&q);
        assert_eq!(pages.len(), 4);
        assert!(
            pages
                .iter()
                .all(|p| p.grids.len() == 1 && p.grids[0].questions.len() == 6)
        );
    }

    #[test]
    fn html_escapes_markup_and_turns_line_breaks_into_br() {
        assert_eq!(html("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(
            html("one\r\ntwo\nthree\rfour"),
            "one<br>two<br>three<br>four"
        );
    }

    #[test]
    fn unique_numbers_later_duplicates_without_creating_new_clashes() {
        let codes = vec![
            "ab".to_owned(),
            "AB".to_owned(),
            "ab2".to_owned(),
            "c".to_owned(),
        ];
        assert_eq!(
            unique(codes, |c| c.to_lowercase()),
            ["ab", "AB3", "ab2", "c"]
        );
    }

    #[test]
    fn numbers_are_written_without_a_decimal_point_when_whole() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(-1.0), "-1");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(integer(2.5), None);
        assert_eq!(integer(1e12), None);
    }

    #[test]
    fn every_tool_writes_the_bundled_questionnaire_with_no_problem() {
        let q = bundled();
        for tool in [Tool::Qualtrics, Tool::Limesurvey, Tool::Surveyjs] {
            assert!(
                problems(&q, tool).is_empty(),
                "{tool:?}: {:?}",
                problems(&q, tool)
            );
            assert!(!write(&q, tool, "en").is_empty());
            assert!(coding(&q.scales[0], tool).values);
        }
        assert_eq!(extension(Tool::Qualtrics), "txt");
        assert_eq!(extension(Tool::Limesurvey), "txt");
        assert_eq!(extension(Tool::Surveyjs), "json");
    }

    #[test]
    fn item_codes_are_what_each_export_names_the_question() {
        assert_eq!(
            item_code(Tool::Qualtrics, "focused-knowledge"),
            "focused_knowledge"
        );
        assert_eq!(
            item_code(Tool::Limesurvey, "focused-knowledge"),
            "focusedknowledge"
        );
        assert_eq!(
            item_code(Tool::Surveyjs, "focused-knowledge"),
            "focused-knowledge"
        );
    }

    /// The response fixtures of `tests/fixtures/exports/roundtrip/` show what each tool exports
    /// for a survey built from our file; these checks keep them in step with the writers.
    mod roundtrip_fixtures {
        use super::*;

        const QUALTRICS: &str =
            include_str!("../../tests/fixtures/exports/roundtrip/qualtrics.csv");
        const LIMESURVEY: &str =
            include_str!("../../tests/fixtures/exports/roundtrip/limesurvey.csv");
        const SURVEYJS: &str = include_str!("../../tests/fixtures/exports/roundtrip/surveyjs.json");

        fn allowed(q: &Questionnaire, tool: Tool) -> HashSet<String> {
            let c = coding(&q.scales[0], tool);
            c.options
                .into_iter()
                .chain(c.not_applicable)
                .chain([String::new()])
                .collect()
        }

        #[test]
        fn qualtrics_columns_are_the_export_tags_and_import_ids_of_the_written_file() {
            let q = bundled();
            let file = write(&q, Tool::Qualtrics, "en");
            let tags: Vec<&str> = file
                .lines()
                .filter_map(|l| l.strip_prefix("[[ID:")?.strip_suffix("]]"))
                .collect();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(QUALTRICS.as_bytes());
            let rows: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
                .collect();
            assert_eq!(rows.len(), 6, "three header rows, three respondents");
            assert_eq!(rows[0][..17].first().map(String::as_str), Some("StartDate"));
            assert_eq!(rows[0][16], "UserLanguage");
            assert_eq!(&rows[0][17..], tags.as_slice());
            for (k, question) in q.questions.iter().enumerate() {
                assert_eq!(rows[1][17 + k], q.tr(&question.text, "en"));
                assert_eq!(
                    rows[2][17 + k],
                    format!("{{\"ImportId\":\"QID{}\"}}", k + 1)
                );
            }
            let allowed = allowed(&q, Tool::Qualtrics);
            assert!(
                rows[3..]
                    .iter()
                    .all(|r| r[17..].iter().all(|c| allowed.contains(c)))
            );
            assert_eq!(rows[5][17], "6", "respondent 3 answered n/a first");
            assert_eq!(rows[5][18], "", "and left the second blank");
        }

        #[test]
        fn limesurvey_columns_are_the_array_and_subquestion_codes_of_the_written_file() {
            let q = bundled();
            let file = write(&q, Tool::Limesurvey, "en");
            let mut array = "";
            let mut expected = Vec::new();
            for line in file.lines().skip(1) {
                let cells: Vec<&str> = line.split('\t').collect();
                if cells[8] != "en" {
                    continue;
                }
                match cells[2] {
                    "Q" => array = cells[4],
                    "SQ" => expected.push(format!("{array}[{}]", cells[4])),
                    _ => {}
                }
            }
            let body = LIMESURVEY
                .strip_prefix('\u{feff}')
                .expect("LimeSurvey writes a BOM");
            assert!(
                body.ends_with("\r\n\r\n"),
                "CRLF records and a closing blank line"
            );
            let records: Vec<Vec<String>> = body
                .split("\r\n")
                .filter(|l| !l.is_empty())
                .map(|l| {
                    l.split(';')
                        .map(|c| {
                            let inner = c.strip_prefix('"').and_then(|c| c.strip_suffix('"'));
                            inner.expect("every field quoted").to_owned()
                        })
                        .collect()
                })
                .collect();
            assert_eq!(records.len(), 4);
            assert_eq!(
                records[0][..7],
                [
                    "id",
                    "submitdate",
                    "lastpage",
                    "startlanguage",
                    "seed",
                    "startdate",
                    "datestamp"
                ]
            );
            assert_eq!(records[0][7..], expected);
            let allowed = allowed(&q, Tool::Limesurvey);
            assert!(
                records[1..]
                    .iter()
                    .all(|r| r[7..].iter().all(|c| allowed.contains(c)))
            );
            assert_eq!((records[3][7].as_str(), records[3][8].as_str()), ("NA", ""));
        }

        #[test]
        fn surveyjs_data_uses_the_matrices_rows_and_columns_of_the_written_file() {
            let q = bundled();
            let survey: serde_json::Value =
                serde_json::from_str(&write(&q, Tool::Surveyjs, "en")).expect("JSON");
            let data: Vec<serde_json::Value> = serde_json::from_str(SURVEYJS).expect("JSON");
            assert_eq!(data.len(), 3);
            let mut matrices = std::collections::HashMap::new();
            for page in survey["pages"].as_array().into_iter().flatten() {
                for m in page["elements"].as_array().into_iter().flatten() {
                    let rows: HashSet<String> = m["rows"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|r| r["value"].to_string())
                        .collect();
                    let columns: HashSet<String> = m["columns"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|c| c["value"].to_string())
                        .collect();
                    matrices.insert(
                        m["name"].as_str().unwrap_or_default().to_owned(),
                        (rows, columns),
                    );
                }
            }
            let mut answered = Vec::new();
            for respondent in &data {
                let mut n = 0;
                for (name, value) in respondent.as_object().expect("survey.data is an object") {
                    let (rows, columns) = &matrices[name];
                    for (row, cell) in value.as_object().expect("a matrix value is an object") {
                        assert!(
                            rows.contains(&serde_json::Value::from(row.as_str()).to_string()),
                            "{row}"
                        );
                        assert!(columns.contains(&cell.to_string()), "{cell}");
                        n += 1;
                    }
                }
                answered.push(n);
            }
            assert_eq!(
                answered,
                [24, 24, 23],
                "respondent 3 left one statement blank"
            );
            assert_eq!(data[2]["focused"]["focused-knowledge"], "n/a");
        }
    }
}
