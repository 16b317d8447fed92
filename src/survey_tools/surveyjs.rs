//! A SurveyJS survey definition (JSON), for the Survey Creator's JSON editor or `new Model(json)`.
//!
//! One page per stage, one single-select matrix per scale on it: rows are the statements with
//! our question ids as values, columns the options with our values (numbers) and the
//! not-applicable answer as `"n/a"`. `survey.data` is then `{ matrix: { question id: value } }`,
//! our ids and values as they are. Every text is a localizable string, `{ "default": ..., "fr":
//! ... }`, the questionnaire's first language as `default` and Chinese under SurveyJS' own code
//! `zh-cn`; SurveyJS renders texts as plain text, so they need no escaping beyond JSON's.

use serde_json::{Map, Value, json};

use super::{Coding, integer, number, pages, unique};
use crate::questionnaire::{Questionnaire, Scale, Text};

/// The not-applicable answer's value in `survey.data`.
const NOT_APPLICABLE: &str = "n/a";
/// The value of the "don't know" column: what an answer file writes for that answer.
const DONT_KNOW: &str = "dk";

pub(crate) fn write(q: &Questionnaire, lang: &str) -> String {
    let mut survey = Map::new();
    survey.insert("title".into(), localized(q, &q.title));
    if let Some(description) = &q.description {
        survey.insert("description".into(), localized(q, description));
    }
    if lang != q.default_language() && q.languages.iter().any(|l| l == lang) {
        survey.insert("locale".into(), json!(locale(lang)));
    }
    survey.insert("showQuestionNumbers".into(), json!("off"));
    let layout = pages(q);
    let mut names = Vec::new();
    for page in &layout {
        let stem = page
            .stage
            .and_then(|s| q.stages.get(s))
            .map_or("items", |s| s.id.as_str());
        for k in 0..page.grids.len() {
            names.push(if k == 0 {
                stem.to_owned()
            } else {
                format!("{stem}-{}", k + 1)
            });
        }
    }
    let mut names = unique(names, str::to_lowercase).into_iter();
    let pages: Vec<Value> = layout
        .iter()
        .enumerate()
        .map(|(p, page)| {
            let elements: Vec<Value> = page
                .grids
                .iter()
                .map(|grid| {
                    matrix(
                        q,
                        &q.scales[grid.scale],
                        &grid.questions,
                        names.next().unwrap_or_default(),
                    )
                })
                .collect();
            json!({ "name": format!("page{}", p + 1), "elements": elements })
        })
        .collect();
    survey.insert("pages".into(), Value::Array(pages));
    format!("{:#}\n", Value::Object(survey))
}

fn matrix(q: &Questionnaire, scale: &Scale, questions: &[usize], name: String) -> Value {
    let mut columns: Vec<Value> = scale
        .options
        .iter()
        .map(|o| {
            let value = integer(o.value).map_or_else(|| json!(o.value), |v| json!(v));
            json!({ "value": value, "text": localized(q, &o.label) })
        })
        .collect();
    if let Some(label) = &scale.dont_know {
        columns.push(json!({ "value": DONT_KNOW, "text": localized(q, label) }));
    }
    if let Some(label) = &scale.not_applicable {
        columns.push(json!({ "value": NOT_APPLICABLE, "text": localized(q, label) }));
    }
    let rows: Vec<Value> = questions
        .iter()
        .map(|&i| {
            let question = &q.questions[i];
            json!({ "value": question.id, "text": localized(q, &question.text) })
        })
        .collect();
    json!({
        "type": "matrix",
        "name": name,
        // The name would show as the title; the statements say everything.
        "titleLocation": "hidden",
        "columns": columns,
        "rows": rows,
    })
}

/// A text as SurveyJS' localizable string: the first language as `default`, the others by code.
fn localized(q: &Questionnaire, text: &Text) -> Value {
    let default = q.default_language();
    let mut map = Map::new();
    map.insert("default".into(), json!(q.tr(text, default)));
    for lang in q.languages.iter().filter(|l| *l != default) {
        if !matches!(text, Text::Plain(_)) && text.has(lang) {
            map.insert(locale(lang), json!(text.get(lang, default)));
        }
    }
    if map.len() == 1 {
        map.remove("default").unwrap_or(Value::Null)
    } else {
        Value::Object(map)
    }
}

/// SurveyJS' code for a language: its dictionaries name Chinese `zh-cn` and `zh-tw`, so the
/// Creator and the survey's own buttons find the language; other codes are kept.
fn locale(lang: &str) -> String {
    match lang.to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "zh-sg" | "zh-hans" => "zh-cn".to_owned(),
        "zh-tw" | "zh-hk" | "zh-hant" => "zh-tw".to_owned(),
        other => other.to_owned(),
    }
}

pub(crate) fn coding(scale: &Scale) -> Coding {
    Coding {
        options: scale.options.iter().map(|o| number(o.value)).collect(),
        not_applicable: scale
            .not_applicable
            .as_ref()
            .map(|_| NOT_APPLICABLE.to_owned()),
        dont_know: scale.dont_know.as_ref().map(|_| DONT_KNOW.to_owned()),
        values: true,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;
    use crate::survey_tools::tests::{AWKWARD, questionnaire};

    fn parse(file: &str) -> Value {
        serde_json::from_str(file).expect("valid JSON")
    }

    /// Every matrix of the definition, checked against the documented structure.
    fn matrices(survey: &Value) -> Vec<&Value> {
        let pages = survey["pages"].as_array().expect("pages");
        let mut found = Vec::new();
        let mut names = HashSet::new();
        for page in pages {
            assert!(page["name"].is_string());
            for element in page["elements"].as_array().expect("elements") {
                assert_eq!(element["type"], "matrix");
                let name = element["name"].as_str().expect("a name");
                assert!(names.insert(name.to_lowercase()), "duplicate name {name}");
                for item in ["columns", "rows"] {
                    for entry in element[item].as_array().expect("items") {
                        assert!(entry["value"].is_number() || entry["value"].is_string());
                        assert!(entry["text"].is_string() || entry["text"]["default"].is_string());
                    }
                }
                found.push(element);
            }
        }
        found
    }

    #[test]
    fn the_bundled_questionnaire_is_four_matrices_of_six_rows_and_six_columns() {
        let q = bundled();
        let survey = parse(&write(&q, "en"));
        assert!(survey.get("locale").is_none(), "English is the default");
        assert_eq!(survey["title"]["default"], "Customer-centricity maturity");
        assert_eq!(survey["title"]["zh-cn"], "以客户为中心成熟度");
        let matrices = matrices(&survey);
        assert_eq!(matrices.len(), 4);
        let names: Vec<&str> = matrices.iter().filter_map(|m| m["name"].as_str()).collect();
        assert_eq!(names, ["focused", "driven", "engaged", "inspired"]);
        let rows: Vec<&str> = matrices
            .iter()
            .flat_map(|m| m["rows"].as_array().into_iter().flatten())
            .filter_map(|r| r["value"].as_str())
            .collect();
        let ids: Vec<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(rows, ids);
        for m in &matrices {
            let values: Vec<String> = m["columns"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c["value"].to_string())
                .collect();
            assert_eq!(values, ["1", "2", "3", "4", "5", "\"n/a\""]);
        }
        let first = &matrices[0]["rows"][0]["text"];
        let keys: Vec<&String> = first.as_object().expect("localized").keys().collect();
        assert_eq!(keys, ["default", "fr", "nl", "it", "zh-cn"]);
        assert_eq!(matrices[0]["columns"][5]["text"]["fr"], "Je ne sais pas");
    }

    #[test]
    fn another_language_opens_the_survey_in_it() {
        let survey = parse(&write(&bundled(), "fr"));
        assert_eq!(survey["locale"], "fr");
        assert!(parse(&write(&bundled(), "de")).get("locale").is_none());
        assert_eq!(parse(&write(&bundled(), "zh"))["locale"], "zh-cn");
    }

    #[test]
    fn awkward_texts_and_values_survive_as_data() {
        let q = questionnaire(AWKWARD);
        let survey = parse(&write(&q, "en"));
        let matrices = matrices(&survey);
        let names: Vec<&str> = matrices.iter().filter_map(|m| m["name"].as_str()).collect();
        assert_eq!(names, ["first", "first-2", "second"]);
        assert_eq!(survey["title"]["default"], "Tabs\tand [[tags]] & <b>");
        assert_eq!(survey["title"]["fr"], "Titre {x}");
        assert!(
            survey["title"].get("zh-cn").is_none(),
            "no translation: the default is used"
        );
        let row = &matrices[0]["rows"][0];
        assert_eq!(row["value"], "a-b");
        assert_eq!(
            row["text"]["default"],
            "Line one\nline two\twith a tab and \"quotes\""
        );
        let half: Vec<String> = matrices[1]["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["value"].to_string())
            .collect();
        assert_eq!(half, ["0.5", "-1", "\"n/a\""]);
        assert_eq!(matrices[1]["columns"][2]["text"], "n/a \"quoted\"");
    }
}
