//! Survey-tool exports as the tools write them (`tests/fixtures/exports/<tool>/`): every file is
//! read to exactly the answers `expected.toml` lists for it, or, where its cells are the tool's
//! own codes, refused until its map states the coding, and then read right.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports")
}

fn expected() -> toml::Table {
    let text = std::fs::read_to_string(folder().join("expected.toml")).unwrap();
    text.parse().unwrap()
}

/// Runs `score --format jsonl` on `file` with `args`; returns the exit code, the results and
/// standard error.
fn score(file: &Path, args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("score")
        .arg(file)
        .args(["--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let results = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        results,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An answer as the result JSON shows it and as expected.toml writes it, in one form.
fn answer_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(format!("{}", n.as_f64().unwrap())),
        other => panic!("unexpected answer {other}"),
    }
}

fn expected_answer(v: &toml::Value) -> String {
    match v {
        toml::Value::Integer(i) => format!("{}", *i as f64),
        toml::Value::Float(f) => format!("{f}"),
        toml::Value::String(s) => s.clone(),
        other => panic!("unexpected expected answer {other}"),
    }
}

fn check(path: &str, spec: &toml::Table, results: &[Value]) {
    let ids = spec["ids"].as_array().unwrap();
    assert_eq!(results.len(), ids.len(), "{path}: respondents");
    let respondents = spec.get("respondents").and_then(|r| r.as_table());
    for (k, (result, id)) in results.iter().zip(ids).enumerate() {
        let id = id.as_str().unwrap();
        if spec.contains_key("id_column") {
            assert_eq!(
                result["respondent"]["respondent"], id,
                "{path}: respondent {k}"
            );
        }
        let want = respondents
            .and_then(|r| r.get(id))
            .and_then(|r| r.as_table());
        let answers = want
            .and_then(|w| w.get("answers"))
            .and_then(|a| a.as_table());
        for item in result["items"].as_array().unwrap() {
            let qid = item["id"].as_str().unwrap();
            let got = answer_text(&item["answer"]);
            let exp = answers.and_then(|a| a.get(qid)).map(expected_answer);
            assert_eq!(got, exp, "{path}: respondent `{id}`, question `{qid}`");
        }
        let finished = want
            .and_then(|w| w.get("finished"))
            .and_then(toml::Value::as_bool)
            .unwrap_or(true);
        assert_eq!(
            result["completed"], finished,
            "{path}: respondent `{id}` finished"
        );
    }
}

#[test]
fn every_tool_export_reads_to_the_answers_it_holds() {
    let expected = expected();
    let mut checked = 0;
    for (path, spec) in &expected {
        let spec = spec.as_table().unwrap();
        let file = folder().join(path);
        let needs_map = spec.get("needs_map").and_then(toml::Value::as_bool) == Some(true);
        if needs_map {
            let (code, results, stderr) = score(&file, &[]);
            assert_eq!(
                code, 1,
                "{path}: a file of tool codes is refused without a map\n{stderr}"
            );
            assert!(
                results.is_empty(),
                "{path}: nothing is scored without the map"
            );
            assert!(
                stderr.contains("map"),
                "{path}: the refusal says how to state the coding\n{stderr}"
            );
            let map = folder().join(spec["map"].as_str().unwrap());
            let (code, results, stderr) = score(&file, &["--map", map.to_str().unwrap()]);
            assert_eq!(code, 0, "{path} with its map\n{stderr}");
            check(path, spec, &results);
        } else {
            let (code, results, stderr) = score(&file, &[]);
            assert_eq!(code, 0, "{path}\n{stderr}");
            check(path, spec, &results);
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} fixtures");
}

/// Responses exported by each tool from a survey built with `centricity export --to <tool>`
/// name their columns by our ids and code answers as we do: they score without a map.
#[test]
fn a_survey_built_from_our_export_scores_without_a_map() {
    for file in ["qualtrics.csv", "limesurvey.csv", "surveyjs.json"] {
        let path = folder().join("roundtrip").join(file);
        let (code, results, stderr) = score(&path, &[]);
        assert_eq!(code, 0, "{file}\n{stderr}");
        assert_eq!(results.len(), 3, "{file}");
        for (r, result) in results.iter().enumerate() {
            for (k, item) in result["items"].as_array().unwrap().iter().enumerate() {
                let want = match (r, k) {
                    (0, _) => Some("4".to_owned()),
                    (1, k) => Some(format!("{}", (k % 5) + 1)),
                    (2, 0) => Some("n/a".to_owned()),
                    (2, 1) => None,
                    (2, _) => Some("5".to_owned()),
                    _ => unreachable!(),
                };
                assert_eq!(
                    answer_text(&item["answer"]),
                    want,
                    "{file}: respondent {r}, item {k}"
                );
            }
        }
    }
}

/// What `centricity export` writes carries our ids as the tool's codes, for each tool.
#[test]
fn export_writes_our_ids_for_each_tool() {
    for (tool, id) in [
        ("qualtrics", "focused_know_customers"),
        ("limesurvey", "focusedknowcustomers"),
        ("surveyjs", "focused-know-customers"),
    ] {
        let out = Command::cargo_bin("centricity")
            .unwrap()
            .args(["export", "--to", tool])
            .output()
            .unwrap();
        assert!(out.status.success(), "{tool}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(id), "{tool}: {id} missing");
    }
}

/// The draft `centricity map` prints for a file of tool codes is a valid map that states no
/// coding; once the user uncomments its `[values]`, the file reads to the answers it holds.
#[test]
fn the_draft_map_states_nothing_until_the_user_does() {
    let file = folder().join("qualtrics/numeric.csv");
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("map")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let draft = String::from_utf8(out.stdout).unwrap();
    let parsed: toml::Table = draft.parse().unwrap();
    assert!(
        !parsed.contains_key("values"),
        "the coding stays commented out"
    );
    assert_eq!(
        parsed["columns"]["Q1_1"].as_str(),
        Some("focused-knowledge")
    );
    assert_eq!(parsed["columns"]["ResponseId"].as_str(), Some("respondent"));

    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.toml");
    std::fs::write(&map, &draft).unwrap();
    let (code, _, _) = score(&file, &["--map", map.to_str().unwrap()]);
    assert_eq!(code, 1, "the draft as printed still refuses the codes");

    let mut after = false;
    let uncommented: String = draft
        .lines()
        .map(|l| {
            after |= l == "# [values]";
            let l = if after {
                l.strip_prefix("# ").unwrap_or(l)
            } else {
                l
            };
            format!("{}\n", l.split("    #").next().unwrap())
        })
        .collect();
    std::fs::write(&map, uncommented).unwrap();
    let (code, results, stderr) = score(&file, &["--map", map.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let expected = expected();
    check(
        "qualtrics/numeric.csv",
        expected["qualtrics/numeric.csv"].as_table().unwrap(),
        &results,
    );
}

/// The batch CSV path says which responses were unfinished, as the JSON result does.
#[test]
fn batch_csv_marks_unfinished_responses() {
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("score")
        .arg(folder().join("qualtrics/choice-text.csv"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let completed: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(6).unwrap())
        .collect();
    assert_eq!(completed, ["true", "true", "true", "true", "false"]);
}

/// The bundled `customer-view` 2.0.0, which offers "don't know" apart from "not applicable".
fn customer_view_v2() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/customer-view-2.toml")
}

/// `centricity export --to <tool>` of customer-view 2.0.0, in English.
fn export_v2(tool: &str) -> String {
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .args(["export", "--to", tool, "--lang", "en"])
        .arg(customer_view_v2())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What respondent `r` answered to item `k`, as a label of the scale: respondent 0 does not
/// know the first item and agrees with the rest, respondent 1 answers item k with (k mod 5) + 1
/// and does not know the second, respondent 2 finds the first not applicable, leaves the third
/// blank and strongly agrees with the rest.
fn v2_answer(r: usize, k: usize) -> Option<&'static str> {
    const VALUES: [&str; 5] = [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ];
    match (r, k) {
        (0, 0) | (1, 1) => Some("Don't know"),
        (0, _) => Some("Agree"),
        (1, k) => Some(VALUES[k % 5]),
        (2, 0) => Some("Not applicable"),
        (2, 2) => None,
        (2, _) => Some("Strongly agree"),
        _ => unreachable!(),
    }
}

/// The answer `v2_answer` gives, as the result JSON writes it.
fn v2_expected(r: usize, k: usize) -> Option<String> {
    v2_answer(r, k).map(|label| match label {
        "Don't know" => "dk".to_owned(),
        "Not applicable" => "n/a".to_owned(),
        "Strongly disagree" => "1".to_owned(),
        "Disagree" => "2".to_owned(),
        "Neither agree nor disagree" => "3".to_owned(),
        "Agree" => "4".to_owned(),
        "Strongly agree" => "5".to_owned(),
        other => panic!("{other}"),
    })
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The responses Qualtrics exports (numeric values) for a survey imported from `survey`: three
/// header rows (export tags, question texts, import ids), then one row per respondent, each
/// answer the code of its choice in the written survey.
fn qualtrics_responses(survey: &str) -> String {
    let lines: Vec<&str> = survey.lines().collect();
    let mut tags = Vec::new();
    // Per question, each choice's label and code, in the order written.
    let mut choices: Vec<Vec<(String, String)>> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if let Some(tag) = line
            .strip_prefix("[[ID:")
            .and_then(|l| l.strip_suffix("]]"))
        {
            tags.push(tag.to_owned());
            choices.push(Vec::new());
        } else if let Some(code) = line
            .strip_prefix("[[Choice:")
            .and_then(|l| l.strip_suffix("]]"))
        {
            choices
                .last_mut()
                .unwrap()
                .push((lines[k + 1].to_owned(), code.to_owned()));
        }
    }
    assert_eq!(tags.len(), 18, "every statement is a question");
    let mut out = format!("ResponseId,{}\n", tags.join(","));
    out.push_str(&format!("Response ID,{}\n", tags.join(",")));
    let mut ids = vec![csv_field("{\"ImportId\":\"_recordId\"}")];
    ids.extend((1..=tags.len()).map(|k| csv_field(&format!("{{\"ImportId\":\"QID{k}\"}}"))));
    out.push_str(&format!("{}\n", ids.join(",")));
    for r in 0..3 {
        let mut row = vec![format!("R_{r}")];
        for (k, question) in choices.iter().enumerate() {
            row.push(v2_answer(r, k).map_or_else(String::new, |label| {
                let (_, code) = question.iter().find(|(l, _)| l == label).unwrap();
                code.clone()
            }));
        }
        out.push_str(&format!("{}\n", row.join(",")));
    }
    out
}

/// The responses LimeSurvey exports ("Question code" headings, "Answer codes") for a survey
/// imported from `survey`: `array[subquestion]` columns, the answer options' codes, `;`
/// separators, every field quoted, a BOM and CRLF line endings.
fn limesurvey_responses(survey: &str) -> String {
    let mut columns = Vec::new();
    let mut codes: Vec<(String, String)> = Vec::new();
    let mut array = String::new();
    for line in survey.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        // Each question is written once per language; the English rows name them all.
        if cells.get(8) != Some(&"en") {
            continue;
        }
        match cells.get(2).copied() {
            Some("Q") => array = cells[4].to_owned(),
            Some("SQ") => columns.push(format!("{array}[{}]", cells[4])),
            Some("A") if !codes.iter().any(|(_, c)| c == cells[4]) => {
                codes.push((cells[6].trim_matches('"').to_owned(), cells[4].to_owned()));
            }
            _ => {}
        }
    }
    assert_eq!(columns.len(), 18, "every statement is a subquestion");
    let quoted = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut head = vec![
        "id".to_owned(),
        "submitdate".to_owned(),
        "lastpage".to_owned(),
    ];
    head.extend(columns.iter().cloned());
    let mut out = format!("\u{feff}{}\r\n", quoted(head));
    for r in 0..3 {
        let mut row = vec![
            (r + 1).to_string(),
            "2026-11-02 10:00:00".to_owned(),
            "4".to_owned(),
        ];
        for k in 0..columns.len() {
            row.push(v2_answer(r, k).map_or_else(String::new, |label| {
                let (_, code) = codes.iter().find(|(l, _)| l == label).unwrap();
                code.clone()
            }));
        }
        out.push_str(&format!("{}\r\n", quoted(row)));
    }
    out.push_str("\r\n");
    out
}

/// The results SurveyJS sends from `onComplete` for the survey `survey`: per respondent, each
/// matrix's rows with the value of the column chosen; a row left blank is absent.
fn surveyjs_responses(survey: &str) -> String {
    let survey: Value = serde_json::from_str(survey).unwrap();
    let mut matrices = Vec::new();
    for page in survey["pages"].as_array().unwrap() {
        for element in page["elements"].as_array().unwrap() {
            if element["type"] == "matrix" {
                matrices.push(element.clone());
            }
        }
    }
    let mut responses = Vec::new();
    for r in 0..3 {
        let mut k = 0;
        let mut data = serde_json::Map::new();
        for m in &matrices {
            let mut rows = serde_json::Map::new();
            for row in m["rows"].as_array().unwrap() {
                if let Some(label) = v2_answer(r, k) {
                    let column = m["columns"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|c| c["text"]["default"] == label)
                        .unwrap();
                    rows.insert(
                        row["value"].as_str().unwrap().to_owned(),
                        column["value"].clone(),
                    );
                }
                k += 1;
            }
            data.insert(m["name"].as_str().unwrap().to_owned(), Value::Object(rows));
        }
        assert_eq!(k, 18, "every statement is a matrix row");
        responses.push(Value::Object(data));
    }
    serde_json::to_string_pretty(&Value::Array(responses)).unwrap()
}

/// A survey built with `centricity export --to <tool>` from customer-view 2.0.0, answered with
/// "don't know", "not applicable", a blank and the five options and exported as each tool
/// exports responses, scores back to those answers: "don't know" stays apart from n/a, has no
/// score, and is counted per stage and overall.
#[test]
fn a_v2_survey_built_from_our_export_reads_dont_know_back() {
    let dir = tempfile::tempdir().unwrap();
    for (tool, file, responses) in [
        (
            "qualtrics",
            "qualtrics.csv",
            qualtrics_responses as fn(&str) -> String,
        ),
        ("limesurvey", "limesurvey.csv", limesurvey_responses),
        ("surveyjs", "surveyjs.json", surveyjs_responses),
    ] {
        let path = dir.path().join(file);
        std::fs::write(&path, responses(&export_v2(tool))).unwrap();
        let v2 = customer_view_v2();
        let (code, results, stderr) = score(&path, &["--questionnaire", v2.to_str().unwrap()]);
        assert_eq!(code, 0, "{tool}\n{stderr}");
        assert_eq!(results.len(), 3, "{tool}");
        for (r, result) in results.iter().enumerate() {
            assert_eq!(result["questionnaire"]["version"], "2.0.0", "{tool}");
            let items = result["items"].as_array().unwrap();
            assert_eq!(items.len(), 18, "{tool}");
            // The export lists the statements stage by stage, as the result does.
            for (k, item) in items.iter().enumerate() {
                assert_eq!(
                    answer_text(&item["answer"]).map(|a| a.trim_end_matches(".0").to_owned()),
                    v2_expected(r, k),
                    "{tool}: respondent {r}, item {k} ({})",
                    item["id"]
                );
                if v2_expected(r, k).as_deref() == Some("dk") {
                    assert!(item["score"].is_null(), "{tool}: a don't know has no score");
                }
            }
            let dont_know = usize::from(r < 2);
            assert_eq!(
                result["overall"]["dont_know"]["count"], dont_know,
                "{tool}: respondent {r}"
            );
            let first_stage = result["stages"][0]["dont_know"]["count"].as_u64().unwrap();
            assert_eq!(
                first_stage as usize, dont_know,
                "{tool}: respondent {r}, stage 1"
            );
        }
    }
}
